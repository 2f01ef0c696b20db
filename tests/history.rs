//! `lakelint history` over the reports of scans of a moto changed between runs.

mod support;

use serde_json::Value;
use support::*;

fn scan_to(moto: &Moto, path: &std::path::Path, extra: &[&str]) {
    let out = run(scan_json(&moto.url(), "us-east-1,eu-west-1", "s3")
        .args(["--output", path.to_str().unwrap()])
        .args(extra));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
}

#[test]
fn history_of_scheduled_scans() {
    let moto = Moto::start(&[]);
    moto.seed("seed_s3_fixture.py", &[]);
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    scan_to(&moto, &reports.join("monday.json"), &[]);
    moto.seed("seed_history_change.py", &[]);
    scan_to(&moto, &reports.join("tuesday.json"), &[]);
    // A narrower scan: the failures of the checks it left out are not resolved.
    scan_to(
        &moto,
        &reports.join("wednesday.json"),
        &["--checks", "s3.bucket_versioning"],
    );
    // Another account's report is kept apart.
    let mut other: Value =
        serde_json::from_str(&std::fs::read_to_string(reports.join("monday.json")).unwrap())
            .unwrap();
    other["scan"]["account_id"] = "210987654321".into();
    std::fs::write(reports.join("other.json"), other.to_string()).unwrap();

    let out_dir = dir.path().join("history");
    let out = run(lakelint().args([
        "history",
        reports.to_str().unwrap(),
        "--format",
        "html,markdown",
        "--output-dir",
        out_dir.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let markdown = std::fs::read_to_string(out_dir.join("lakelint-history.md")).unwrap();
    let html = std::fs::read_to_string(out_dir.join("lakelint-history.html")).unwrap();

    // Two accounts, apart; the scanned one has two scans, oldest first.
    assert!(markdown.contains("## Account 123456789012"), "{markdown}");
    assert!(markdown.contains("## Account 210987654321"), "{markdown}");
    let ours: Vec<&str> = markdown
        .split("## Account 123456789012")
        .nth(1)
        .unwrap()
        .split("## Account")
        .next()
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("| 20"))
        .collect();
    assert_eq!(ours.len(), 3, "{markdown}");
    // Between the scans: lake-good lost its TLS-only policy (opened), and
    // lake-bare's versioning was turned on (resolved), which makes its
    // noncurrent-version expiration apply and fail (opened).
    let cells: Vec<&str> = ours[1].split('|').map(str::trim).collect();
    let (opened, resolved, unobserved, regressed) = (cells[10], cells[11], cells[12], cells[13]);
    assert_eq!(
        (opened, resolved, unobserved),
        ("2", "1", "0"),
        "{}",
        ours[1]
    );
    let cells: Vec<&str> = ours[2].split('|').map(str::trim).collect();
    assert_eq!(
        (cells[10], cells[11], cells[12]),
        ("0", "0", "0"),
        "{}",
        ours[2]
    );
    assert!(
        regressed.contains("`s3.bucket_secure_transport` 7→8"),
        "{regressed}"
    );
    assert!(
        regressed.contains("`s3.bucket_noncurrent_expiration`"),
        "{regressed}"
    );
    assert!(html.contains(r#"<section class="account" data-account="123456789012">"#));
    assert!(html.contains("<svg") && html.contains("Scores per pillar over time"));

    // A report of another schema version is a clear error.
    let mut old: Value =
        serde_json::from_str(&std::fs::read_to_string(reports.join("monday.json")).unwrap())
            .unwrap();
    old["schema_version"] = "0".into();
    let stale = dir.path().join("stale.json");
    std::fs::write(&stale, old.to_string()).unwrap();
    let out = run(lakelint().args(["history", stale.to_str().unwrap()]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("has report schema 0"),
        "{}",
        stderr(&out)
    );
}
