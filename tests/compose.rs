//! docker-compose.yml is what users with Docker run; CI has no Docker daemon,
//! so its shape is checked here: a pinned LocalStack bound to 127.0.0.1 with
//! the init hook mounted, and lakelint scanning it once it is ready.

mod support;

use std::process::Command;

use serde_json::Value;
use support::*;

fn compose() -> Value {
    // PyYAML comes with moto in the test virtualenv.
    let out = Command::new(python())
        .args([
            "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
        ])
        .arg(repo_root().join("docker-compose.yml"))
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("compose file as JSON")
}

#[test]
fn compose_file_runs_localstack_and_lakelint() {
    let compose = compose();
    let services = &compose["services"];
    let localstack = &services["localstack"];

    let image = localstack["image"].as_str().unwrap();
    let (name, tag) = image.rsplit_once(':').expect("image has a tag");
    assert_eq!(name, "localstack/localstack");
    assert!(tag != "latest" && !tag.is_empty(), "pinned tag, not {tag}");

    for service in services.as_object().unwrap().values() {
        for port in service["ports"].as_array().into_iter().flatten() {
            assert!(
                port.as_str().unwrap().starts_with("127.0.0.1:"),
                "{port} is not loopback-only"
            );
        }
    }
    assert!(localstack["environment"]["LOCALSTACK_AUTH_TOKEN"]
        .as_str()
        .unwrap()
        .contains("${LOCALSTACK_AUTH_TOKEN"));

    let mounts: Vec<&str> = localstack["volumes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let hook = mounts
        .iter()
        .find(|m| m.contains(":/etc/localstack/init/ready.d"))
        .expect("init hook mounted");
    let host_dir = hook.split(':').next().unwrap();
    assert!(repo_root().join(host_dir).join("10-seed-demo.py").exists());

    let lakelint = &services["lakelint"];
    assert_eq!(lakelint["build"], ".");
    assert!(repo_root().join("Dockerfile").exists());
    assert_eq!(
        lakelint["depends_on"]["localstack"]["condition"],
        "service_healthy"
    );
    let command = lakelint["command"].to_string();
    assert!(
        command.contains("--endpoint-url http://localstack:4566"),
        "{command}"
    );
    assert!(command.contains("/reports/"), "{command}");
}
