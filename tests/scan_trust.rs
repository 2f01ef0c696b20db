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
        ("main",       [P, P, P, P]),
        ("stopped",    [F, F, F, F]),
        ("eu-basic",   [F, P, F, P]),
        // Public through an ACL grant; not public though its policy allows
        // everyone, from one address only.
        ("acl-public", [F, P, F, F]),
        ("ip-limited", [F, P, F, P]),
    ];
    let mut want = grid("cloudtrail", &trail_checks, &trail_rows);
    want.extend(grid(
        "cloudtrail",
        &["s3_data_events"],
        &[
            ("lake-covered", [P]),
            ("lake-uncovered", [F]),
            // Its reads are recorded, its writes not.
            ("lake-read-only", [F]),
            // Glue was not scanned: any other bucket may hold data-lake tables.
            ("access-logs", [U]),
            ("trail-logs", [U]),
            ("trail-logs-open", [U]),
            ("trail-logs-acl", [U]),
            ("trail-logs-ip", [U]),
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
    assert_eq!(calls["cloudtrail:GetTrailStatus"], 5);
    // Rotation is read only where it exists.
    assert_eq!(calls["kms:GetKeyRotationStatus"], 3);

    // Data events of reads and writes stand in for server access logging;
    // reads alone do not.
    assert_eq!(
        finding(&report, "lake-covered", "s3.bucket_access_logging")["status"],
        P
    );
    assert_eq!(
        finding(&report, "lake-read-only", "s3.bucket_access_logging")["status"],
        F
    );
    let acl = finding(&report, "acl-public", "cloudtrail.trail_bucket_protected");
    assert_eq!(
        acl["message"],
        "trail bucket trail-logs-acl is public through an ACL grant to AllUsers"
    );
    let ip = finding(&report, "ip-limited", "cloudtrail.trail_bucket_protected");
    assert!(
        ip["message"]
            .as_str()
            .unwrap()
            .contains("from 10.0.0.25/32: not public"),
        "{ip}"
    );
    // The ACL and S3's policy status are read for trail buckets only.
    assert_eq!(calls["s3:GetBucketAcl"], 4);
    assert_eq!(calls["s3:GetBucketPolicyStatus"], 1);
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

/// A key whose description is denied (its key policy may shut the scanner
/// out) gets UNKNOWN findings of its own, with the reason; the other keys
/// are judged as before.
#[test]
fn keys_that_cannot_be_described_are_unknown_one_by_one() {
    use support::proxy::{Deny, Faults, Proxy};

    let moto = Moto::start(&[]);
    let keys: BTreeMap<String, String> =
        serde_json::from_str(&moto.seed("seed_trust_fixture.py", &[])).unwrap();
    let deny = |name: &str| Deny {
        operation: Some("kms:DescribeKey".into()),
        body_contains: Some(keys[name].clone()),
        ..Deny::default()
    };
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            deny: vec![deny("rotating"), deny("disabled")],
            ..Faults::default()
        },
    );
    let out = run(
        scan_json(&proxy.url(), "us-east-1,eu-west-1", "s3,kms,cloudtrail")
            .args(["--max-attempts", "2"]),
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report = json(&out);
    for name in ["rotating", "disabled"] {
        for check in [
            "kms.key_rotation",
            "kms.key_policy_public",
            "kms.key_pending_deletion",
        ] {
            let f = finding(&report, &keys[name], check);
            assert_eq!(f["status"], U, "{f}");
            assert_eq!(f["reason"], "access denied: kms:DescribeKey", "{f}");
        }
    }
    // The described keys keep their verdicts.
    assert_eq!(
        finding(&report, &keys["not-rotating"], "kms.key_rotation")["status"],
        F
    );
    assert_eq!(
        finding(&report, &keys["public"], "kms.key_policy_public")["status"],
        F
    );
    // A resource using an undescribed key cannot be judged on it.
    assert_eq!(
        finding(&report, "uses-disabled", "kms.key_in_use_usable")["status"],
        U
    );
    assert_eq!(
        finding(&report, "uses-doomed", "kms.key_in_use_usable")["status"],
        F
    );
    // No listing-level stand-in: the keys were listed.
    assert!(report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| !(f["resource"]["id"] == "unlisted"
            && f["check_id"].as_str().unwrap().starts_with("kms."))));
}
