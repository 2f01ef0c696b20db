//! Test harness: a moto server on a free loopback port, the fixture seeds, and
//! the real `lakelint` binary run against it with a hermetic environment.

#![allow(dead_code)] // each test binary uses its own part of the harness

pub mod proxy;

use std::collections::BTreeMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The Python that has `moto[server]`: `LAKELINT_PYTHON`, else the project's
/// virtualenv that `scripts/test` creates.
pub fn python() -> PathBuf {
    let path = std::env::var_os("LAKELINT_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".venv/bin/python"));
    assert!(
        path.exists(),
        "no Python with moto at {}: run scripts/test (it installs moto[server]) or set LAKELINT_PYTHON",
        path.display()
    );
    path
}

pub struct Moto {
    child: Child,
    pub port: u16,
}

impl Moto {
    /// Starts moto through the patching launcher; `deny` lists S3 reads
    /// (`subresource:bucket`) to answer with AccessDenied.
    pub fn start(deny: &[&str]) -> Moto {
        for _ in 0..3 {
            let port = free_port();
            let mut child = Command::new(python())
                .arg(repo_root().join("tests/support/moto_launcher.py"))
                .arg(port.to_string())
                .env("LAKELINT_MOTO_DENY", deny.join(","))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start moto launcher");
            let deadline = Instant::now() + Duration::from_secs(60);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break; // lost the port to someone else: try another
                }
                if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                    return Moto { child, port };
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("moto did not start");
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Runs a seeding script from tests/support against this server and
    /// returns what it printed.
    pub fn seed(&self, script: &str, args: &[&str]) -> String {
        let out = Command::new(python())
            .arg(repo_root().join("tests/support").join(script))
            .arg(self.url())
            .args(args)
            .stderr(Stdio::inherit())
            .output()
            .expect("run seed script");
        assert!(out.status.success(), "{script} failed");
        String::from_utf8(out.stdout).expect("seed output is UTF-8")
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on, never handed out twice in this process: tests
/// run in parallel, and two emulators told the same port would have the
/// loser's test talk to the winner's emulator.
pub fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("bind a free port")
            .port();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// The `lakelint` binary with only the environment a test gives it: no
/// profile, no shared config, no instance metadata.
pub fn lakelint() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lakelint"));
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", std::env::temp_dir())
        .env("AWS_CONFIG_FILE", "/nonexistent/lakelint-test/config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/lakelint-test/credentials",
        )
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .current_dir(std::env::temp_dir());
    cmd
}

/// `lakelint scan` of `services` in `regions` of an emulator, as JSON.
pub fn scan_json(url: &str, regions: &str, services: &str) -> Command {
    let mut cmd = lakelint_with_credentials();
    cmd.args([
        "scan",
        "--endpoint-url",
        url,
        "--regions",
        regions,
        "--services",
        services,
        "--format",
        "json",
    ]);
    cmd
}

/// `lakelint` with the dummy credentials emulators accept.
pub fn lakelint_with_credentials() -> Command {
    let mut cmd = lakelint();
    cmd.env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing");
    cmd
}

pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run lakelint")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn json(out: &Output) -> serde_json::Value {
    dump(&out.stdout);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// With `LAKELINT_REPORT_DUMP=DIR`, keeps every JSON report a test reads as
/// `DIR/TEST-N.json`, so `scripts/compare-reports` can compare two revisions.
fn dump(stdout: &[u8]) {
    static SEQUENCE: std::sync::Mutex<BTreeMap<String, usize>> =
        std::sync::Mutex::new(BTreeMap::new());
    let Some(dir) = std::env::var_os("LAKELINT_REPORT_DUMP") else {
        return;
    };
    let test = std::thread::current()
        .name()
        .unwrap_or("unnamed")
        .replace("::", "-");
    let n = {
        let mut seen = SEQUENCE.lock().expect("dump counter");
        let n = seen.entry(test.clone()).or_default();
        *n += 1;
        *n
    };
    let binary = std::env::current_exe()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let binary = binary.rsplit_once('-').map_or(binary.as_str(), |(b, _)| b);
    let path = PathBuf::from(dir).join(format!("{binary}-{test}-{n}.json"));
    std::fs::write(&path, stdout).expect("write the report dump");
}

pub const P: &str = "PASS";
pub const F: &str = "FAIL";
pub const U: &str = "UNKNOWN";
/// Not applicable: the check must produce no finding for the resource.
pub const NA: &str = "-";

/// (resource id, check id) → status, from rows of statuses over `checks`
/// (ids without the `service.` prefix); `NA` cells are left out.
pub fn grid<const N: usize>(
    service: &str,
    checks: &[&str; N],
    rows: &[(&str, [&str; N])],
) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    for (resource, statuses) in rows {
        for (check, status) in checks.iter().zip(statuses) {
            if *status != NA {
                out.insert(
                    (resource.to_string(), format!("{service}.{check}")),
                    status.to_string(),
                );
            }
        }
    }
    out
}

/// (resource id, check id) → status of every finding of a JSON report.
pub fn statuses(report: &Value) -> BTreeMap<(String, String), String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let key = (
                f["resource"]["id"].as_str().unwrap().to_string(),
                f["check_id"].as_str().unwrap().to_string(),
            );
            (key, f["status"].as_str().unwrap().to_string())
        })
        .collect()
}

/// Asserts that the report's findings of checks starting with `prefix` are exactly `want`.
pub fn assert_findings(report: &Value, prefix: &str, want: &BTreeMap<(String, String), String>) {
    let got: BTreeMap<_, _> = statuses(report)
        .into_iter()
        .filter(|((_, check), _)| check.starts_with(prefix))
        .collect();
    for (key, status) in want {
        assert_eq!(got.get(key), Some(status), "{key:?}");
    }
    let extra: Vec<_> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    assert!(extra.is_empty(), "unexpected findings: {extra:?}");
}

pub fn finding<'a>(report: &'a Value, resource: &str, check: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["resource"]["id"] == resource && f["check_id"] == check)
        .unwrap_or_else(|| panic!("no {check} finding for {resource}"))
}

/// An inventory of the demo platform (localstack/seed.py scanned on moto),
/// for the report tests, which need no emulator.
pub fn demo_inventory() -> std::path::PathBuf {
    repo_root().join("tests/fixtures/demo-inventory.json")
}

/// The Chromium the browser tests drive: `LAKELINT_CHROMIUM`, else Debian's.
pub fn chromium() -> std::path::PathBuf {
    let path = std::env::var_os("LAKELINT_CHROMIUM")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "/usr/bin/chromium".into());
    assert!(
        path.exists(),
        "no Chromium at {}: run scripts/test (it installs Debian's chromium) or set LAKELINT_CHROMIUM",
        path.display()
    );
    path
}
