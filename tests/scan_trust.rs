//! The real binary scans a seeded moto: KMS keys of every kind and state, the
//! resources that use them, and trails with basic and advanced selectors.

mod support;

use std::collections::BTreeMap;

use support::*;

#[test]
fn kms_and_cloudtrail_findings() {
    let moto = Moto::start(&[]);
    let keys: BTreeMap<String, String> =
        serde_json::from_str(&moto.seed("seed_trust_fixture.py", &[])).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("lakelint.toml");
    std::fs::write(&config, "[s3]\ndata_lake_buckets = [\"lake-*\"]\n").unwrap();
    let out = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        "us-east-1,eu-west-1",
        "--services",
        "s3,kms,cloudtrail",
        "--config",
        config.to_str().unwrap(),
        "--format",
        "json",
        "--max-concurrency",
        "8",
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report = json(&out);
    let key = |name: &str| keys[name].as_str();

    let key_checks = ["key_rotation", "key_policy_public", "key_pending_deletion"];
    #[rustfmt::skip]
    let key_rows = [
        // Rotation does not apply to asymmetric, disabled or pending keys.
        (key("rotating"),     [P,  P, P]),
        (key("not-rotating"), [F,  P, P]),
        (key("asymmetric"),   [NA, P, P]),
        (key("disabled"),     [NA, P, P]),
        (key("doomed"),       [NA, P, F]),
        (key("public"),       [P,  F, P]),
    ];
    let mut want = grid("kms", &key_checks, &key_rows);
    want.extend(grid(
        "kms",
        &["key_in_use_usable"],
        &[
            ("uses-rotating", [P]),
            ("trail-logs", [P]),
            ("main", [P]),
            ("uses-disabled", [F]),
            ("uses-doomed", [F]),
        ],
    ));
    assert_findings(&report, "kms.", &want);

    // The doomed key is still used (through its alias ARN): critical, naming the user.
    let doomed = finding(&report, key("doomed"), "kms.key_pending_deletion");
    assert_eq!(doomed["severity"], "critical");
    assert!(doomed["message"]
        .as_str()
        .unwrap()
        .contains("bucket uses-doomed"));
    let unusable = finding(&report, "uses-disabled", "kms.key_in_use_usable");
    assert!(unusable["message"]
        .as_str()
        .unwrap()
        .contains(key("disabled")));

    let trail_checks = [
        "trail_kms_encryption",
        "log_file_validation",
        "cloudwatch_integration",
        "trail_bucket_protected",
    ];
    #[rustfmt::skip]
    let trail_rows = [
        ("main",     [P, P, P, P]),
        ("stopped",  [F, F, F, F]),
        ("eu-basic", [F, P, F, P]),
    ];
    let mut want = grid("cloudtrail", &trail_checks, &trail_rows);
    want.extend(grid(
        "cloudtrail",
        &["s3_data_events"],
        &[
            ("lake-covered", [P]),
            ("lake-uncovered", [F]),
            // Glue was not scanned: any other bucket may hold data-lake tables.
            ("access-logs", [U]),
            ("trail-logs", [U]),
            ("trail-logs-open", [U]),
            ("uses-disabled", [U]),
            ("uses-doomed", [U]),
            ("uses-rotating", [U]),
        ],
    ));
    want.extend(grid(
        "cloudtrail",
        &["multi_region_logging"],
        &[("123456789012", [P])],
    ));
    assert_findings(&report, "cloudtrail.", &want);

    // Each trail is judged once, in its home region, though every region sees the multi-region one.
    let main = finding(&report, "main", "cloudtrail.log_file_validation");
    assert_eq!(main["resource"]["region"], "us-east-1");
    assert_eq!(
        finding(&report, "eu-basic", "cloudtrail.log_file_validation")["resource"]["region"],
        "eu-west-1"
    );
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["cloudtrail:GetTrailStatus"], 3);
    // Rotation is read only where it exists.
    assert_eq!(calls["kms:GetKeyRotationStatus"], 3);

    // Data events stand in for server access logging.
    assert_eq!(
        finding(&report, "lake-covered", "s3.bucket_access_logging")["status"],
        P
    );
    let roles: BTreeMap<&str, &serde_json::Value> = report["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["arn"].as_str().unwrap(), &r["roles"]))
        .collect();
    assert_eq!(
        roles["arn:aws:s3:::trail-logs"],
        &serde_json::json!(["trail_bucket"])
    );
}
