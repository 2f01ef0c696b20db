//! The real binary scans a seeded moto: every Glue check, both ways, in two regions.

mod support;

use std::collections::BTreeMap;

use support::*;

/// The credential seed_glue_fixture.py puts in a job argument.
const SECRET_VALUE: &str = "Sup3rS3cretValue!";

fn expected() -> BTreeMap<(String, String), String> {
    let job_checks = [
        "job_security_configuration",
        "job_no_secrets_in_arguments",
        "job_continuous_logging",
        "job_metrics",
        "job_owner_tag",
        "job_supported_version",
        "job_auto_scaling",
        "job_timeout",
        "job_retries",
        "job_bookmarks",
        "job_failure_alerting",
        "job_deployed_as_code",
    ];
    #[rustfmt::skip]
    let jobs = [
        //              sec secret logs metrics owner version scaling timeout retries bookmarks alerting code
        ("etl-good",   [P,  P,     P,   P,      P,    P,      P,      P,      P,      P,        P,       P]),
        ("etl-legacy", [F,  P,     F,   F,      F,    F,      NA,     F,      F,      F,        F,       F]),
        ("etl-secret", [F,  F,     F,   P,      F,    P,      F,      F,      F,      F,        F,       F]),
        ("shell-job",  [P,  P,     P,   F,      F,    P,      NA,     P,      P,      NA,       F,       F]),
        ("eu-job",     [P,  P,     P,   P,      P,    P,      P,      P,      P,      P,        P,       F]),
    ];
    let table_checks = [
        "table_columnar_format",
        "table_partitioned",
        "table_location_exists",
    ];
    #[rustfmt::skip]
    let tables = [
        ("sales.orders_csv",         [F,  F,  P]),
        ("sales.orders_parquet",     [P,  P,  P]),
        ("sales.ghost",              [P,  P,  F]),
        ("sales.orders_view",        [NA, NA, NA]),
        ("analytics.events_json",    [F,  P,  P]),
        ("analytics.events_iceberg", [P,  NA, P]),
    ];
    let mut want = grid("glue", &job_checks, &jobs);
    want.extend(grid("glue", &table_checks, &tables));
    want.extend(grid(
        "glue",
        &["security_configuration_complete"],
        &[
            ("secure", [P]),
            ("partial", [F]),
            ("no-s3", [F]),
            ("eu-secure", [P]),
        ],
    ));
    want.extend(grid(
        "glue",
        &["crawler_security_configuration"],
        &[("crawler-secure", [P]), ("crawler-plain", [F])],
    ));
    // Scheduled work inside the default peak window (weekdays 08:00-20:00 UTC)
    // fails; on-demand triggers and unscheduled crawlers are not judged.
    want.extend(grid(
        "glue",
        &["trigger_off_peak"],
        &[("nightly", [P]), ("midday", [F]), ("crawler-plain", [F])],
    ));
    want
}

#[test]
fn every_glue_resource_gets_its_findings() {
    let moto = Moto::start(&[]);
    moto.seed("seed_glue_fixture.py", &[]);
    let dir = tempfile::tempdir().unwrap();
    let inventory = dir.path().join("inventory.json");
    let out = run(lakelint_with_credentials().env("RUST_LOG", "trace").args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        "us-east-1,eu-west-1",
        "--format",
        "json",
        "--max-concurrency",
        "8",
        "--save-inventory",
        inventory.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report = json(&out);

    let mut want = expected();
    // The catalog's settings are judged once per region, on the account's catalog.
    let catalogs: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check_id"].as_str().unwrap().starts_with("glue.catalog_"))
        .map(|f| {
            (
                f["resource"]["region"].as_str().unwrap(),
                f["check_id"].as_str().unwrap(),
                f["status"].as_str().unwrap(),
            )
        })
        .collect();
    let mut catalogs = catalogs;
    catalogs.sort();
    assert_eq!(
        catalogs,
        [
            (
                "eu-west-1",
                "glue.catalog_connection_password_encryption",
                F
            ),
            ("eu-west-1", "glue.catalog_encryption", F),
            (
                "us-east-1",
                "glue.catalog_connection_password_encryption",
                P
            ),
            ("us-east-1", "glue.catalog_encryption", P),
        ]
    );
    for ((id, check), status) in statuses(&report) {
        if check.starts_with("glue.catalog_") {
            want.insert((id, check), status);
        }
    }
    // moto has no Data Quality: the databases are UNKNOWN here, judged both
    // ways in scan_pipelines.
    for database in ["sales", "analytics"] {
        want.insert(
            (
                database.to_string(),
                "glue.database_data_quality".to_string(),
            ),
            U.to_string(),
        );
    }
    assert_findings(&report, "glue.", &want);

    // The secret is reported by key, and its value is nowhere: report, inventory, logs.
    let secret = finding(&report, "etl-secret", "glue.job_no_secrets_in_arguments");
    assert_eq!(
        secret["message"],
        "default argument(s) look like credentials: --db-password"
    );
    assert_eq!(secret["severity"], "critical");
    let saved = std::fs::read_to_string(&inventory).unwrap();
    for (what, text) in [
        ("report", String::from_utf8_lossy(&out.stdout).into_owned()),
        ("inventory", saved.clone()),
        ("logs", stderr(&out)),
    ] {
        assert!(
            !text.contains(SECRET_VALUE),
            "the secret leaked into the {what}"
        );
    }
    assert!(saved.contains("--db-password"));
    // Nor in any report format rendered from the saved inventory.
    let formats = dir.path().join("formats");
    let rendered = run(lakelint().args([
        "evaluate",
        inventory.to_str().unwrap(),
        "--format",
        "json,html,ocsf,asff,csv,junit,markdown,table",
        "--output-dir",
        formats.to_str().unwrap(),
        "-vv",
    ]));
    assert!(!stderr(&rendered).contains(SECRET_VALUE));
    let files: Vec<_> = std::fs::read_dir(&formats)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 8);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains(SECRET_VALUE),
            "the secret leaked into {}",
            file.display()
        );
        // Markdown lists checks, not messages.
        if file.extension().is_some_and(|e| e != "md") {
            assert!(
                text.contains("--db-password"),
                "{} names the argument",
                file.display()
            );
        }
    }

    // Glue table locations and crawler targets make their buckets data-lake buckets.
    let roles: BTreeMap<&str, &serde_json::Value> = report["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["arn"].as_str().unwrap(), &r["roles"]))
        .collect();
    assert_eq!(
        roles["arn:aws:s3:::lake-raw-data"],
        &serde_json::json!(["data_lake"])
    );
    assert_eq!(
        roles["arn:aws:s3:::lake-curated-data"],
        &serde_json::json!(["data_lake"])
    );
    assert_eq!(
        finding(&report, "lake-raw-data", "s3.bucket_replication")["status"],
        F
    );
    let f = finding(&report, "sales.ghost", "glue.table_location_exists");
    assert_eq!(f["resource"]["type"], "AwsGlueTable");
    assert_eq!(
        f["resource"]["arn"],
        "arn:aws:glue:us-east-1:123456789012:table/sales/ghost"
    );

    // Scanning Glue alone cannot see bucket names: the location check says so.
    let glue_only = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        "us-east-1",
        "--services",
        "glue",
        "--checks",
        "glue.table_location_exists",
        "--format",
        "json",
    ]));
    let glue_only = json(&glue_only);
    let f = finding(&glue_only, "sales.ghost", "glue.table_location_exists");
    assert_eq!(f["status"], U);
    assert_eq!(f["reason"], "not scanned: s3:ListBuckets");
}
