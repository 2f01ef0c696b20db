//! Bad input and unreachable endpoints give a clear error and the documented exit code.

mod support;

use support::*;

#[test]
fn unreachable_endpoint_is_a_fatal_error() {
    let port = free_port(); // nothing listens here
    let out = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &format!("http://127.0.0.1:{port}"),
        "--regions",
        "us-east-1",
        "--max-attempts",
        "1",
    ]));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("cannot reach the AWS endpoint"), "{err}");
    assert!(err.contains(&port.to_string()), "{err}");
}

#[test]
fn bad_region_is_a_usage_error() {
    let out = run(lakelint_with_credentials().args(["scan", "--regions", "us-east-1,mars-north"]));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("`mars-north` is not an AWS region code"),
        "{err}"
    );
}

#[test]
fn missing_credentials_are_a_fatal_error() {
    let out = run(lakelint().args([
        "scan",
        "--regions",
        "us-east-1",
        "--endpoint-url",
        "http://127.0.0.1:9",
    ]));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("no AWS credentials found"), "{err}");
    // One line that fits a screen: the sources tried and the ways to fix it,
    // not the SDK's nested provider chain.
    let line = err.trim();
    assert!(!line.contains('\n') && line.len() < 400, "{err}");
    for hint in [
        "environment variables",
        "--profile",
        "AWS_ACCESS_KEY_ID",
        "-v",
    ] {
        assert!(line.contains(hint), "{hint}: {err}");
    }
    // With -v the chain is logged.
    let verbose = run(lakelint().args([
        "-v",
        "scan",
        "--regions",
        "us-east-1",
        "--endpoint-url",
        "http://127.0.0.1:9",
    ]));
    assert!(
        stderr(&verbose).contains("credential provider chain"),
        "{}",
        stderr(&verbose)
    );
}

#[test]
fn missing_region_is_a_fatal_error() {
    let out = run(lakelint_with_credentials().args(["scan"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no AWS region configured"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn malformed_config_is_a_fatal_error() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("lakelint.toml");
    std::fs::write(&config, "[s3]\ndata_lake_buckets = \"raw-*\"\n").unwrap();
    let out = run(lakelint_with_credentials().args([
        "scan",
        "--regions",
        "us-east-1",
        "--config",
        config.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("invalid config file"), "{err}");
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn unknown_check_or_service_is_an_error() {
    let out = run(lakelint_with_credentials().args([
        "scan",
        "--regions",
        "us-east-1",
        "--checks",
        "s3.bucket_versionign",
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("s3.bucket_versionign"),
        "{}",
        stderr(&out)
    );

    let out = run(lakelint_with_credentials().args([
        "scan",
        "--regions",
        "us-east-1",
        "--services",
        "s4",
    ]));
    // An unknown service is a bad value on the command line: a usage error.
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown service `s4`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn evaluate_rejects_what_is_not_an_inventory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    std::fs::write(&file, "{\"findings\": []}").unwrap();
    let out = run(lakelint().args(["evaluate", file.to_str().unwrap()]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not a lakelint inventory"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn catalog_lists_every_s3_check_with_metadata() {
    let out = run(lakelint().args(["checks", "--format", "json"]));
    assert_eq!(out.status.code(), Some(0));
    let catalog = json(&out);
    let checks = catalog.as_array().unwrap();
    let ids: Vec<&str> = checks.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in [
        "s3.account_public_access_block",
        "s3.bucket_public_access_block",
        "s3.bucket_secure_transport",
        "s3.bucket_kms_encryption",
        "s3.bucket_kms_bucket_key",
        "s3.bucket_access_logging",
        "s3.bucket_versioning",
        "s3.bucket_lifecycle",
        "s3.bucket_noncurrent_expiration",
        "s3.bucket_abort_multipart",
        "s3.bucket_cold_tiering",
        "s3.bucket_replication",
        "s3.bucket_owner_tag",
    ] {
        assert!(ids.contains(&id), "{id} missing from the catalog");
    }
    let logging = checks
        .iter()
        .find(|c| c["id"] == "s3.bucket_access_logging")
        .unwrap();
    assert_eq!(logging["pillar"], "security");
    assert_eq!(
        logging["pillars"],
        serde_json::json!(["security", "operational_excellence"])
    );
    assert_eq!(logging["severity"], "medium");
    assert_eq!(logging["security_hub_control"], "S3.9");
    assert_eq!(logging["wa_best_practice"], "SEC04-BP01");
    for field in ["title", "rationale"] {
        assert!(!logging[field].as_str().unwrap().is_empty());
    }
    for field in ["text", "cli", "terraform"] {
        assert!(!logging["remediation"][field].as_str().unwrap().is_empty());
    }
    let table = run(lakelint().args(["checks"]));
    assert!(String::from_utf8(table.stdout)
        .unwrap()
        .contains("s3.bucket_cold_tiering"));
}
