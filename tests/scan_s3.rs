//! The real binary scans a seeded moto: every S3 check, both ways, in two regions.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use support::*;

const SCANNED: &str = "us-east-1,eu-west-1";

/// (bucket or account id, check) → expected status, for every finding the
/// fixture must produce and no other. Seeds: tests/support/seed_s3_fixture.py.
fn expected() -> BTreeMap<(String, String), String> {
    let checks = [
        "bucket_public_access_block",
        "bucket_secure_transport",
        "bucket_kms_encryption",
        "bucket_kms_bucket_key",
        "bucket_access_logging",
        "bucket_versioning",
        "bucket_lifecycle",
        "bucket_noncurrent_expiration",
        "bucket_abort_multipart",
        "bucket_cold_tiering",
        "bucket_replication",
        "bucket_owner_tag",
    ];
    #[rustfmt::skip]
    let rows: [(&str, [&str; 12]); 9] = [
        //                     pab secure kms key logging vers life noncur abort cold repl tag
        ("lake-good",         [P,  P,     P,  P,  P,      P,   P,   P,     P,    P,   P,   P]),
        ("lake-bare",         [F,  F,     F,  NA, U,      F,   F,   NA,    F,    F,   F,   F]),
        ("lake-same-region",  [F,  F,     F,  NA, U,      P,   F,   F,     F,    F,   F,   F]),
        ("aes-versioned",     [F,  F,     F,  NA, U,      P,   F,   F,     F,    F,   U,   P]),
        ("kms-no-bucket-key", [F,  F,     P,  F,  U,      F,   F,   F,     F,    F,   U,   F]),
        ("locked-bucket",     [F,  F,     U,  U,  U,      F,   F,   NA,    F,    F,   U,   F]),
        ("logs-sink",         [F,  P,     F,  NA, U,      F,   F,   NA,    F,    F,   U,   F]),
        ("replica-us",        [F,  F,     F,  NA, U,      P,   F,   F,     F,    F,   U,   F]),
        ("dsse-tiered",       [F,  F,     P,  NA, U,      F,   F,   NA,    F,    P,   U,   F]),
    ];
    let mut expected = grid("s3", &checks, &rows);
    expected.insert(
        (
            "123456789012".into(),
            "s3.account_public_access_block".into(),
        ),
        F.into(),
    );
    expected
}

#[test]
fn every_bucket_gets_its_s3_findings() {
    let moto = Moto::start(&["encryption:locked-bucket"]);
    moto.seed("seed_s3_fixture.py", &[]);
    let dir = tempfile::tempdir().unwrap();
    let inventory = dir.path().join("inventory.json");
    let config = repo_root().join("tests/fixtures/lakelint.toml");

    let out = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        SCANNED,
        "--services",
        "s3",
        "--format",
        "json",
        "--max-concurrency",
        "8",
        "--config",
        config.to_str().unwrap(),
        "--save-inventory",
        inventory.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report = json(&out);

    // Every finding has the status the fixture was built for, and no other exists.
    let want = expected();
    assert_findings(&report, "", &want);

    // Only S3 was scanned: access logging without server logs may still be
    // covered by CloudTrail data events, and any bucket may hold Glue tables.
    assert_eq!(
        finding(&report, "lake-bare", "s3.bucket_access_logging")["reason"],
        "not scanned: cloudtrail:GetEventSelectors"
    );
    assert_eq!(
        finding(&report, "replica-us", "s3.bucket_replication")["reason"],
        "not scanned: glue:GetTables"
    );

    // The denied read is UNKNOWN with its reason; the bucket's other reads stand.
    let locked = finding(&report, "locked-bucket", "s3.bucket_kms_encryption");
    assert_eq!(locked["reason"], "access denied: s3:GetBucketEncryption");
    assert_eq!(
        finding(&report, "locked-bucket", "s3.bucket_versioning")["status"],
        "FAIL"
    );

    // Resources: the account and every bucket of the scanned regions, with region and roles.
    let resources: BTreeMap<&str, &Value> = report["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["arn"].as_str().unwrap(), r))
        .collect();
    let arns: BTreeSet<&str> = resources.keys().copied().collect();
    let mut want_arns: BTreeSet<String> = want
        .keys()
        .filter(|(id, _)| id != "123456789012")
        .map(|(id, _)| format!("arn:aws:s3:::{id}"))
        .collect();
    want_arns.insert("arn:aws:iam::123456789012:root".into());
    assert_eq!(arns, want_arns.iter().map(String::as_str).collect());
    assert_eq!(resources["arn:aws:s3:::lake-good"]["region"], "eu-west-1");
    assert_eq!(
        resources["arn:aws:s3:::lake-good"]["roles"],
        serde_json::json!(["data_lake"])
    );
    assert_eq!(
        resources["arn:aws:s3:::logs-sink"]["roles"],
        serde_json::json!(["log_target"])
    );
    // Glue was not scanned: the report says whose data-lake role is open.
    assert_eq!(
        resources["arn:aws:s3:::logs-sink"]["roles_incomplete"],
        "not scanned: glue:GetTables"
    );
    assert!(resources["arn:aws:s3:::lake-good"]
        .get("roles_incomplete")
        .is_none());
    assert_eq!(resources["arn:aws:s3:::replica-us"]["region"], "us-east-1");

    // The report contract.
    assert_eq!(report["schema_version"], "1");
    assert_eq!(report["tool"]["name"], "lakelint");
    let scan = &report["scan"];
    assert_eq!(scan["account_id"], "123456789012");
    assert_eq!(scan["partition"], "aws");
    assert_eq!(
        scan["regions"],
        serde_json::json!(["us-east-1", "eu-west-1"])
    );
    // One encryption read per bucket in scope: far-away (ap-south-1) is not read.
    assert_eq!(scan["api_calls"]["by_action"]["s3:GetBucketEncryption"], 9);
    let by_action = scan["api_calls"]["by_action"].as_object().unwrap();
    let total: u64 = by_action.values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(scan["api_calls"]["total"], total);
    assert!(
        by_action.keys().all(|a| {
            let op = a.split(':').nth(1).unwrap();
            op.starts_with("Get") || op.starts_with("List")
        }),
        "only read calls: {by_action:?}"
    );
    let summary = &report["summary"];
    assert_eq!(summary["total"], want.len());
    assert_eq!(summary["by_status"]["UNKNOWN"], 16);
    let f = finding(&report, "lake-bare", "s3.bucket_versioning");
    assert_eq!(f["pillar"], "reliability");
    assert_eq!(f["severity"], "medium");
    assert_eq!(f["security_hub_control"], "S3.14");
    assert_eq!(f["wa_best_practice"], "REL09-BP01");
    assert_eq!(f["muted"], false);
    assert_eq!(f["resource"]["arn"], "arn:aws:s3:::lake-bare");
    assert_eq!(f["resource"]["account_id"], "123456789012");
    assert!(f["remediation"]["cli"]
        .as_str()
        .unwrap()
        .starts_with("aws s3api"));
    assert!(f.get("reason").is_none());

    // The saved inventory judged offline gives the same findings.
    let offline = run(lakelint().args([
        "evaluate",
        inventory.to_str().unwrap(),
        "--format",
        "json",
        "--config",
        config.to_str().unwrap(),
        "--no-fail-exit",
    ]));
    assert_eq!(offline.status.code(), Some(0), "{}", stderr(&offline));
    assert_eq!(json(&offline)["findings"], report["findings"]);

    // Selection flags narrow the findings.
    let narrowed = run(lakelint().args([
        "evaluate",
        inventory.to_str().unwrap(),
        "--format",
        "json",
        "--checks",
        "s3.bucket_versioning",
        "--min-severity",
        "medium",
    ]));
    let narrowed = json(&narrowed);
    let ids: BTreeSet<&str> = narrowed["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["check_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, BTreeSet::from(["s3.bucket_versioning"]));

    // The terminal summary names what failed and why some findings are unknown.
    let table = run(lakelint().args(["evaluate", inventory.to_str().unwrap()]));
    assert_eq!(table.status.code(), Some(3));
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("account 123456789012"), "{text}");
    assert!(text.contains("lake-bare"), "{text}");
    assert!(
        text.contains("access denied: s3:GetBucketEncryption"),
        "{text}"
    );
    assert!(!text.contains("\u{1b}["), "no colours off a terminal");
}

#[test]
fn account_block_public_access_covers_every_bucket() {
    let moto = Moto::start(&[]);
    moto.seed("seed_s3_fixture.py", &["--account-block-public-access"]);
    let out = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        SCANNED,
        "--services",
        "s3",
        "--format",
        "json",
        "--pillars",
        "security",
        "--min-severity",
        "high",
    ]));
    let report = json(&out);
    assert_eq!(
        finding(&report, "123456789012", "s3.account_public_access_block")["status"],
        "PASS"
    );
    let pab: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check_id"] == "s3.bucket_public_access_block")
        .collect();
    assert_eq!(pab.len(), 9);
    assert!(pab.iter().all(|f| f["status"] == "PASS"), "{pab:?}");
    assert_eq!(
        out.status.code(),
        Some(0),
        "no high-severity failure remains"
    );

    // The emulator has no account:ListRegions: `--regions all` says so and stops.
    let all = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        "all",
    ]));
    assert_eq!(all.status.code(), Some(1));
    assert!(
        stderr(&all).contains("cannot list the account's enabled regions"),
        "{}",
        stderr(&all)
    );

    // An inventory that cannot be saved fails the run, after the report is written.
    let dir = tempfile::tempdir().unwrap();
    let report_file = dir.path().join("report.json");
    let unsaved = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        "us-east-1",
        "--services",
        "s3",
        "--format",
        "json",
        "--output",
        report_file.to_str().unwrap(),
        "--save-inventory",
        dir.path().join("missing/inventory.json").to_str().unwrap(),
    ]));
    assert_eq!(unsaved.status.code(), Some(1), "{}", stderr(&unsaved));
    assert!(
        stderr(&unsaved).contains("cannot save the inventory"),
        "{}",
        stderr(&unsaved)
    );
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&report_file).unwrap()).unwrap();
    assert!(!written["findings"].as_array().unwrap().is_empty());
}
