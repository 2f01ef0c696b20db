//! Redshift Serverless is not in moto: the proxy answers its listings in
//! AWS's shape (awsJson1_1, camelCase) in front of a moto that holds the KMS
//! keys a namespace uses, and the real binary judges them both ways.

mod support;

use serde_json::Value;
use support::proxy::{Answer, Deny, Faults, Proxy};
use support::*;

const SERVICES: &str = "redshiftserverless,kms";

/// A workgroup with every setting the checks read.
fn workgroup(name: &str, region: &str, public: bool, routing: bool, max: Option<u32>) -> String {
    let max = max.map_or(String::new(), |m| format!(r#", "maxCapacity": {m}"#));
    format!(
        r#"{{"workgroupName": "{name}", "workgroupArn": "arn:aws:redshift-serverless:{region}:123456789012:workgroup/{name}",
            "namespaceName": "warehouse", "baseCapacity": 8, "publiclyAccessible": {public},
            "enhancedVpcRouting": {routing}, "status": "AVAILABLE"{max}}}"#
    )
}

fn namespace(name: &str, key: &str, logs: &[&str]) -> String {
    let logs: Vec<String> = logs.iter().map(|l| format!("\"{l}\"")).collect();
    format!(
        r#"{{"namespaceName": "{name}", "namespaceArn": "arn:aws:redshift-serverless:us-east-1:123456789012:namespace/{name}",
            "kmsKeyId": "{key}", "logExports": [{}], "status": "AVAILABLE"}}"#,
        logs.join(", ")
    )
}

fn answers(key: &str) -> Vec<Answer> {
    vec![
        Answer::to(
            "redshift-serverless:ListWorkgroups",
            &format!(
                r#"{{"workgroups": [{}, {}]}}"#,
                workgroup("bounded", "us-east-1", false, true, Some(64)),
                workgroup("limited", "us-east-1", false, true, None),
            ),
        )
        .in_region("us-east-1"),
        Answer::to(
            "redshift-serverless:ListWorkgroups",
            &format!(
                r#"{{"workgroups": [{}]}}"#,
                workgroup("open", "eu-west-1", true, false, None)
            ),
        )
        .in_region("eu-west-1"),
        Answer::to(
            "redshift-serverless:ListUsageLimits",
            r#"{"usageLimits": [{"usageLimitId": "u1", "usageType": "serverless-compute", "amount": 1000, "period": "monthly", "breachAction": "deactivate"}]}"#,
        )
        .in_region("us-east-1"),
        Answer::to(
            "redshift-serverless:ListUsageLimits",
            r#"{"usageLimits": []}"#,
        )
        .in_region("eu-west-1"),
        Answer::to(
            "redshift-serverless:ListNamespaces",
            &format!(
                r#"{{"namespaces": [{}, {}]}}"#,
                namespace("warehouse", key, &["useractivitylog", "connectionlog"]),
                namespace("scratch", "AWS_OWNED_KMS_KEY", &[]),
            ),
        )
        .in_region("us-east-1"),
        Answer::to("redshift-serverless:ListNamespaces", r#"{"namespaces": []}"#)
            .in_region("eu-west-1"),
    ]
}

fn seeded_key(moto: &Moto) -> String {
    let out = std::process::Command::new(python())
        .args([
            "-c",
            "import sys; sys.path.insert(0, 'localstack'); from emulator import client; \
             print(client('kms', sys.argv[1], 'us-east-1').create_key()['KeyMetadata']['Arn'])",
            &moto.url(),
        ])
        .current_dir(repo_root())
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Scans moto behind the proxy's answers, with `deny` refused.
fn scan(deny: Vec<Deny>) -> Value {
    let moto = Moto::start(&[]);
    let key = seeded_key(&moto);
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            answers: answers(&key),
            deny,
            ..Faults::default()
        },
    );
    let out =
        run(scan_json(&proxy.url(), "us-east-1,eu-west-1", SERVICES).args(["--max-attempts", "2"]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    json(&out)
}

#[test]
fn workgroups_and_namespaces_both_ways() {
    let report = scan(vec![]);
    #[rustfmt::skip]
    let mut want = grid(
        "redshiftserverless",
        &["workgroup_public_access", "workgroup_enhanced_vpc_routing", "workgroup_max_capacity"],
        &[
            ("bounded", [P, P, P]),
            // No maximum, but a compute usage limit.
            ("limited", [P, P, P]),
            ("open",    [F, F, F]),
        ],
    );
    want.extend(grid(
        "redshiftserverless",
        &["namespace_kms", "namespace_audit_logging"],
        &[("warehouse", [P, P]), ("scratch", [F, F])],
    ));
    assert_findings(&report, "redshiftserverless.", &want);
    // The namespace's key joins the key check.
    assert_eq!(
        finding(&report, "warehouse", "kms.key_in_use_usable")["status"],
        P
    );
    // Usage limits are read only where no maximum bounds the workgroup.
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["redshift-serverless:ListUsageLimits"], 2);
}

#[test]
fn denied_reads_are_unknown() {
    let report = scan(vec![
        Deny {
            operation: Some("redshift-serverless:ListUsageLimits".into()),
            ..Deny::default()
        },
        Deny {
            operation: Some("redshift-serverless:ListNamespaces".into()),
            region: Some("us-east-1".into()),
            ..Deny::default()
        },
    ]);
    let got = statuses(&report);
    let status =
        |resource: &str, check: &str| got[&(resource.to_string(), check.to_string())].clone();
    // A maximum needs no limits; without one, the denied read leaves it open.
    assert_eq!(
        status("bounded", "redshiftserverless.workgroup_max_capacity"),
        P
    );
    assert_eq!(
        status("limited", "redshiftserverless.workgroup_max_capacity"),
        U
    );
    assert_eq!(
        status("open", "redshiftserverless.workgroup_max_capacity"),
        U
    );
    assert_eq!(
        status("open", "redshiftserverless.workgroup_public_access"),
        F
    );
    assert_eq!(status("unlisted", "redshiftserverless.namespace_kms"), U);
    assert!(!got.contains_key(&(
        "scratch".to_string(),
        "redshiftserverless.namespace_kms".to_string()
    )));
}
