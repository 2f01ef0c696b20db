//! Every report format, read back with a real parser; the mutelist and the
//! baseline end to end. The inventory is the demo platform's (a fixture).

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::*;

const MUTES: &str = r#"
required_tags = ["owner"]

[[mute]]
check = "s3.bucket_versioning"
resource = { glob = "arn:aws:s3:::acme-athena-*" }
reason = "query results are disposable"

[[mute]]
check = "emr.*"
region = "us-east-1"
reason = "the ad-hoc cluster is being decommissioned"
expires = "2099-01-01"

[[mute]]
check = "redshift.*"
reason = "a waiver that ran out"
expires = "2020-01-01"
"#;

fn write_config(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("lakelint.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Writes every format into `dir` and returns the files by extension.
fn all_formats(dir: &Path, config: &Path) -> std::collections::BTreeMap<String, PathBuf> {
    let out = run(lakelint().args([
        "evaluate",
        demo_inventory().to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "--format",
        "json,html,ocsf,asff,csv,junit,markdown,table",
        "--output-dir",
        dir.join("out").to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("mute entry expired on 2020-01-01"), "{err}");
    std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            assert!(name.starts_with("lakelint-123456789012-"), "{name}");
            let ext = name.split_once('.').unwrap().1.to_string();
            (ext, p)
        })
        .collect()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_format_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), MUTES);
    let files = all_formats(dir.path(), &config);
    assert_eq!(files.len(), 8, "{files:?}");

    // JSON: the contract, with the mutes applied and the scores beside the counts.
    let report = read_json(&files["json"]);
    let findings = report["findings"].as_array().unwrap();
    let total = findings.len();
    let muted: Vec<&Value> = findings.iter().filter(|f| f["muted"] == true).collect();
    assert!(!muted.is_empty());
    assert!(muted.iter().all(|f| f["mute_reason"].is_string()));
    assert_eq!(report["summary"]["muted"], muted.len());
    let athena = findings
        .iter()
        .find(|f| {
            f["check_id"] == "s3.bucket_versioning" && f["resource"]["id"] == "acme-athena-results"
        })
        .unwrap();
    assert_eq!(athena["status"], "FAIL");
    assert_eq!(athena["mute_reason"], "query results are disposable");
    assert!(
        findings
            .iter()
            .filter(|f| f["check_id"].as_str().unwrap().starts_with("redshift."))
            .all(|f| f["muted"] == false),
        "expired entries do not apply"
    );
    let scores = report["summary"]["scores"].as_object().unwrap();
    assert_eq!(scores.len(), 7);
    let overall = scores["overall"]["score"].as_f64().unwrap();
    assert!((0.0..=100.0).contains(&overall));
    let failing = findings
        .iter()
        .filter(|f| f["status"] == "FAIL" && f["muted"] == false)
        .count();
    let unknown = findings
        .iter()
        .filter(|f| f["status"] == "UNKNOWN" && f["muted"] == false)
        .count();

    // OCSF Detection Findings.
    let ocsf = read_json(&files["ocsf.json"]);
    let ocsf = ocsf.as_array().unwrap();
    assert_eq!(ocsf.len(), total);
    for event in ocsf {
        for field in [
            "activity_id",
            "category_uid",
            "class_uid",
            "finding_info",
            "metadata",
            "severity_id",
            "time",
            "type_uid",
        ] {
            assert!(!event[field].is_null(), "OCSF needs {field}");
        }
        assert_eq!(event["class_uid"], 2004);
        assert_eq!(event["type_uid"], 200401);
        assert!(
            event["finding_info"]["uid"].is_string() && event["finding_info"]["title"].is_string()
        );
        assert!(
            event["metadata"]["product"]["name"].is_string()
                && event["metadata"]["version"].is_string()
        );
        assert!(event["compliance"]["requirements"][0].is_string());
    }
    let suppressed = ocsf.iter().filter(|e| e["status"] == "Suppressed").count();
    assert_eq!(suppressed, muted.len());

    // ASFF.
    let asff = read_json(&files["asff.json"]);
    let asff = asff.as_array().unwrap();
    assert_eq!(asff.len(), total);
    for finding in asff {
        for field in [
            "SchemaVersion",
            "Id",
            "ProductArn",
            "GeneratorId",
            "AwsAccountId",
            "Types",
            "CreatedAt",
            "UpdatedAt",
            "Severity",
            "Title",
            "Description",
            "Resources",
        ] {
            assert!(!finding[field].is_null(), "ASFF needs {field}");
        }
    }
    assert_eq!(
        asff.iter()
            .filter(|f| f["Workflow"]["Status"] == "SUPPRESSED")
            .count(),
        muted.len()
    );

    // CSV, with the csv crate.
    let mut csv = csv::Reader::from_path(&files["csv"]).unwrap();
    let header = csv.headers().unwrap().clone();
    assert_eq!(&header[2], "check_id");
    let rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), total);
    assert!(rows.iter().all(|r| r.len() == header.len()));

    // JUnit, with an XML parser: one case per finding, FAIL as failures, UNKNOWN and muted skipped.
    let xml = std::fs::read_to_string(&files["junit.xml"]).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut cases, mut failures, mut skipped, mut suites) = (0, 0, 0, 0);
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                match e.name().as_ref() {
                    "testcase" => cases += 1,
                    "failure" => failures += 1,
                    "skipped" => skipped += 1,
                    "testsuite" => suites += 1,
                    _ => {}
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(cases, total);
    assert_eq!(failures, failing);
    assert_eq!(skipped, unknown + muted.len());
    assert_eq!(suites, 6);

    // Markdown and the table carry the scores.
    let markdown = std::fs::read_to_string(&files["md"]).unwrap();
    assert!(markdown.contains("| Security |"), "{markdown}");
    assert!(
        markdown.contains(&format!("overall score **{overall:.1}**")),
        "{markdown}"
    );
    let table = std::fs::read_to_string(&files["txt"]).unwrap();
    assert!(
        table.contains("Score") && table.contains("overall"),
        "{table}"
    );
    // Written to a file, the tables wrap to 100 columns.
    let widest = table
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '├', '└']))
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert!(widest <= 100, "{widest} columns:\n{table}");

    // HTML: self-contained, nothing fetched from the network.
    let html = std::fs::read_to_string(&files["html"]).unwrap();
    for external in [
        "src=\"http",
        "href=\"http",
        "url(http",
        "@import",
        "src='http",
    ] {
        assert!(
            !html.contains(external),
            "the page must not load {external}"
        );
    }
    assert_eq!(html.matches("<tr class=\"finding\"").count(), total);
    // Within each pillar, failing checks first, the others folded below them.
    for section in html.split("<section class=\"pillar\"").skip(1) {
        let section = section.split("</section>").next().unwrap();
        let folded = section
            .find("<details class=\"passing\">")
            .unwrap_or(section.len());
        let open = section.rfind("\" open>").unwrap_or(0);
        assert!(open <= folded, "a failing check below the folded ones");
    }
}

#[test]
fn html_report_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), MUTES);
    let page = dir.path().join("report.html");
    let json_path = dir.path().join("report.json");
    for (format, path) in [("html", &page), ("json", &json_path)] {
        let out = run(lakelint().args([
            "evaluate",
            demo_inventory().to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
            "--format",
            format,
            "--output",
            path.to_str().unwrap(),
            "--no-fail-exit",
        ]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let report = read_json(&json_path);
    let url = format!("file://{}", page.display());
    let profile = dir.path().join("profile");
    let chrome = |extra: &[&str]| {
        let out = std::process::Command::new(chromium())
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                &format!("--user-data-dir={}", profile.display()),
            ])
            .args(extra)
            .arg(&url)
            .output()
            .expect("run chromium");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };

    // The DOM after the page's script ran.
    let dom =
        String::from_utf8(chrome(&["--dump-dom", "--virtual-time-budget=5000"]).stdout).unwrap();
    let total = report["findings"].as_array().unwrap().len();
    assert!(
        dom.contains(&format!("{total} of {total} findings shown")),
        "the filter script ran and counted every finding"
    );
    for (pillar, score) in report["summary"]["scores"].as_object().unwrap() {
        let card = dom
            .split(&format!("data-pillar=\"{pillar}\"><h2>"))
            .nth(1)
            .unwrap_or_else(|| panic!("no score card for {pillar}"));
        let shown = score["score"]
            .as_f64()
            .map_or("–".to_string(), |v| format!("{v:.1}"));
        assert!(
            card.contains(&format!("<div class=\"score\">{shown}</div>")),
            "{pillar}: {shown}"
        );
        assert!(
            card.contains(&format!("{} FAIL", score["failed"])),
            "{pillar} fail count"
        );
    }
    assert_eq!(dom.matches("class=\"finding\"").count(), total);
    // The charts are drawn, with their numbers as text.
    assert_eq!(dom.matches("<svg role=\"img\"").count(), 2);
    for (pillar, score) in report["summary"]["scores"].as_object().unwrap() {
        let numbers = format!(
            "{} PASS, {} FAIL, {} UNKNOWN",
            score["passed"], score["failed"], score["unknown"]
        );
        assert!(dom.contains(&numbers), "{pillar}: {numbers}");
    }

    // A screenshot, kept as a test artifact.
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lakelint-report.png");
    chrome(&[
        &format!("--screenshot={}", shot.display()),
        "--window-size=1400,1800",
        "--virtual-time-budget=5000",
    ]);
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real picture"
    );
    eprintln!("screenshot: {}", shot.display());
}

#[test]
fn bad_mutelists_say_where_and_what() {
    let dir = tempfile::tempdir().unwrap();
    for (text, what) in [
        ("[[mute]]\ncheck = \"s3.*\"\n", "missing field `reason`"),
        (
            "[[mute]]\ncheck = \"s3.*\"\nreason = \"x\"\nresource = { regex = \"(\" }\n",
            "invalid regex",
        ),
        (
            "[[mute]]\ncheck = \"s3.*\"\nreason = \"x\"\nresource = { contains = \"a\" }\n",
            "unknown variant `contains`",
        ),
        (
            "[[mute]]\ncheck = \"s3.*\"\nreason = \"x\"\nexpires = \"soon\"\n",
            "not a date",
        ),
        (
            "[[mute]]\ncheck = \"s3.*\"\nreason = \"x\"\nbucket = \"b\"\n",
            "unknown field `bucket`",
        ),
    ] {
        let config = write_config(dir.path(), text);
        let out = run(lakelint().args([
            "evaluate",
            demo_inventory().to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
        ]));
        assert_eq!(out.status.code(), Some(1), "{text}");
        let err = stderr(&out);
        assert!(
            err.contains(config.to_str().unwrap()),
            "names the file: {err}"
        );
        assert!(err.contains("line "), "names the line: {err}");
        assert!(err.contains(what), "says what is wrong ({what}): {err}");
    }
}

#[test]
fn baseline_marks_new_and_resolved_failures() {
    let dir = tempfile::tempdir().unwrap();
    let current = dir.path().join("current.json");
    let out = run(lakelint().args([
        "evaluate",
        demo_inventory().to_str().unwrap(),
        "--format",
        "json",
        "--output",
        current.to_str().unwrap(),
        "--no-fail-exit",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // The baseline: one of today's failures passed then, and a failure since fixed.
    let mut old = read_json(&current);
    let findings = old["findings"].as_array_mut().unwrap();
    let regressed = findings.iter().position(|f| f["status"] == "FAIL").unwrap();
    findings[regressed]["status"] = "PASS".into();
    let regressed_id = findings[regressed]["resource"]["arn"].clone();
    let mut fixed = findings[regressed].clone();
    fixed["status"] = "FAIL".into();
    fixed["resource"]["arn"] = "arn:aws:s3:::since-deleted".into();
    findings.push(fixed);
    let baseline = dir.path().join("baseline.json");
    std::fs::write(&baseline, serde_json::to_string(&old).unwrap()).unwrap();

    // The same baseline twice: nothing new, so `--fail-on new` passes.
    let same = run(lakelint().args([
        "evaluate",
        demo_inventory().to_str().unwrap(),
        "--baseline",
        current.to_str().unwrap(),
        "--fail-on",
        "new",
        "--format",
        "json",
    ]));
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));

    let marked = run(lakelint().args([
        "evaluate",
        demo_inventory().to_str().unwrap(),
        "--baseline",
        baseline.to_str().unwrap(),
        "--fail-on",
        "new",
        "--format",
        "json",
    ]));
    assert_eq!(marked.status.code(), Some(3), "a new failure fails the run");
    let report = json(&marked);
    assert_eq!(report["baseline"]["new"], 1);
    let resolved = report["baseline"]["resolved"].as_array().unwrap();
    assert_eq!(resolved.len(), 1);
    assert_eq!(resolved[0]["resource"]["arn"], "arn:aws:s3:::since-deleted");
    let new: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["baseline"] == "new")
        .collect();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0]["resource"]["arn"], regressed_id);

    // `lakelint diff` says the same about two reports.
    let diff = run(lakelint().args([
        "diff",
        baseline.to_str().unwrap(),
        current.to_str().unwrap(),
        "--format",
        "markdown",
    ]));
    assert_eq!(diff.status.code(), Some(3));
    let text = String::from_utf8(diff.stdout).unwrap();
    assert!(
        text.contains("**1 new**") && text.contains("1 resolved"),
        "{text}"
    );
}
