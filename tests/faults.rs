//! The report is true under faults: retries absorb throttling and server
//! errors, a denied read makes exactly its findings UNKNOWN, a denied region
//! or a malformed answer never becomes PASS or FAIL, an overall timeout leaves
//! a partial report, and the IAM policy covers exactly what is called.

mod support;

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::Value;
use support::proxy::{Answer, Deny, Faults, Proxy};
use support::*;

const REGIONS: &str = "us-east-1,eu-west-1";

/// GetEnvironment's answer for a public environment without logs, in AWS's shape.
const MWAA_ENVIRONMENT: &str = r#"{"Environment": {
    "Name": "orchestration",
    "Arn": "arn:aws:airflow:us-east-1:123456789012:environment/orchestration",
    "Status": "AVAILABLE",
    "WebserverAccessMode": "PUBLIC_ONLY",
    "LoggingConfiguration": {
        "TaskLogs": {"Enabled": false, "LogLevel": "INFO"},
        "SchedulerLogs": {"Enabled": true, "LogLevel": "WARNING"}
    }
}}"#;

/// moto with the S3 and Glue fixtures.
fn seeded() -> Moto {
    let moto = Moto::start(&[]);
    moto.seed("seed_s3_fixture.py", &[]);
    moto.seed("seed_glue_fixture.py", &[]);
    moto
}

fn scan(endpoint: &str, extra: &[&str]) -> (Option<i32>, Value, String) {
    let config = repo_root().join("tests/fixtures/lakelint.toml");
    let out = run(lakelint_with_credentials()
        .args([
            "scan",
            "--endpoint-url",
            endpoint,
            "--regions",
            REGIONS,
            "--services",
            // CloudTrail too, so access logging is judged rather than UNKNOWN;
            // EventBridge, so is Glue's failure alerting.
            "s3,glue,cloudtrail,eventbridge",
            "--config",
            config.to_str().unwrap(),
            "--format",
            "json",
        ])
        .args(if extra.contains(&"--max-concurrency") {
            &[][..]
        } else {
            &["--max-concurrency", "8"][..]
        })
        .args(extra));
    let report = json(&out);
    (out.status.code(), report, stderr(&out))
}

fn findings(report: &Value) -> &Vec<Value> {
    report["findings"].as_array().unwrap()
}

#[test]
fn throttling_and_server_errors_change_nothing() {
    let moto = seeded();
    // moto has no Glue Data Quality: both proxies answer it, so every
    // finding is judged.
    let no_rulesets = || {
        vec![Answer::to(
            "glue:ListDataQualityRulesets",
            r#"{"Rulesets": []}"#,
        )]
    };
    let clean = Proxy::start(
        &moto.url(),
        Faults {
            answers: no_rulesets(),
            ..Faults::default()
        },
    );
    let (_, expected, _) = scan(&clean.url(), &[]);

    let faulty = Proxy::start(
        &moto.url(),
        Faults {
            throttle_rate: 0.10,
            error_rate: 0.05,
            drop_rate: 0.02,
            seed: 7,
            answers: no_rulesets(),
            ..Faults::default()
        },
    );
    let (code, report, err) = scan(&faulty.url(), &["--max-attempts", "8"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        faulty.injected() >= 10,
        "faults were injected: {}",
        faulty.injected()
    );
    assert_eq!(findings(&report), findings(&expected));
    assert_eq!(report["summary"]["by_status"]["UNKNOWN"], 0);
    assert_eq!(report["scan"]["gaps"], serde_json::json!([]));
}

#[test]
fn a_throttled_call_gives_its_slot_back_while_it_waits() {
    let moto = seeded();
    const THROTTLED: &str = "s3:GetBucketVersioning";
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            throttle_first: vec![(THROTTLED.into(), 3)],
            ..Faults::default()
        },
    );
    // One call in flight at a time: if a throttled call kept its slot during
    // its back-off, nothing else could reach the wire until it succeeded.
    let (code, report, err) = scan(&proxy.url(), &["--max-concurrency", "1"]);
    assert_eq!(code, Some(3), "{err}");
    let seen: Vec<String> = proxy.seen().into_iter().map(|s| s.operation).collect();
    let attempts: Vec<usize> = (0..seen.len()).filter(|i| seen[*i] == THROTTLED).collect();
    assert!(attempts.len() > 3, "{THROTTLED} was retried: {attempts:?}");
    let (first, after_throttles) = (attempts[0], attempts[3]);
    let others = seen[first..after_throttles]
        .iter()
        .filter(|op| op.as_str() != THROTTLED)
        .count();
    assert!(
        others > 0,
        "other calls went out during the back-off: {:?}",
        &seen[first..=after_throttles]
    );
    let versioning: Vec<&Value> = findings(&report)
        .iter()
        .filter(|f| f["check_id"] == "s3.bucket_versioning")
        .collect();
    assert!(!versioning.is_empty());
    assert!(
        versioning.iter().all(|f| f["status"] != "UNKNOWN"),
        "{versioning:?}"
    );
}

#[test]
fn a_denied_read_makes_exactly_its_findings_unknown() {
    let moto = seeded();
    let (_, clean, _) = scan(&Proxy::start(&moto.url(), Faults::default()).url(), &[]);
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            deny: vec![Deny {
                operation: Some("s3:GetBucketEncryption".into()),
                bucket: Some("lake-good".into()),
                ..Deny::default()
            }],
            ..Faults::default()
        },
    );
    let (_, report, _) = scan(&proxy.url(), &[]);
    let changed: Vec<(&Value, &Value)> = findings(&clean)
        .iter()
        .zip(findings(&report))
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(findings(&clean).len(), findings(&report).len());
    let mut checks: Vec<&str> = changed
        .iter()
        .map(|(_, now)| {
            assert_eq!(now["resource"]["id"], "lake-good");
            assert_eq!(now["status"], U);
            assert_eq!(now["reason"], "access denied: s3:GetBucketEncryption");
            now["check_id"].as_str().unwrap()
        })
        .collect();
    checks.sort();
    assert_eq!(
        checks,
        ["s3.bucket_kms_bucket_key", "s3.bucket_kms_encryption"]
    );
    assert_eq!(
        report["scan"]["missing_permissions"],
        serde_json::json!(["s3:GetEncryptionConfiguration"])
    );

    // The terminal summary names the permission to add.
    let config = repo_root().join("tests/fixtures/lakelint.toml");
    let out = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &proxy.url(),
        "--regions",
        REGIONS,
        "--services",
        "s3",
        "--config",
        config.to_str().unwrap(),
    ]));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Missing permissions"), "{text}");
    assert!(text.contains("s3:GetEncryptionConfiguration"), "{text}");
}

#[test]
fn a_denied_region_is_unknown_and_the_scan_completes() {
    let moto = seeded();
    let (_, clean, _) = scan(&Proxy::start(&moto.url(), Faults::default()).url(), &[]);
    // As a service control policy denying eu-west-1 would.
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            deny: vec![Deny {
                region: Some("eu-west-1".into()),
                ..Deny::default()
            }],
            ..Faults::default()
        },
    );
    let (code, report, err) = scan(&proxy.url(), &[]);
    assert_eq!(code, Some(3), "us-east-1 still fails its checks: {err}");
    let eu: Vec<&Value> = findings(&report)
        .iter()
        .filter(|f| f["resource"]["region"] == "eu-west-1")
        .collect();
    assert!(
        !eu.is_empty(),
        "the denied region's buckets still get findings"
    );
    for f in eu {
        assert_eq!(f["status"], U, "{f}");
        assert!(
            f["reason"].as_str().unwrap().starts_with("access denied"),
            "{f}"
        );
    }
    // us-east-1 stands, except what the denied region's listings could change:
    // its Glue tables may make any bucket a data-lake one, its trails may
    // cover any bucket. Those findings are UNKNOWN for the denied reads.
    let cross_region = |f: &Value| {
        let id = f["check_id"].as_str().unwrap();
        matches!(id, "s3.bucket_replication" | "s3.bucket_access_logging")
            || id.starts_with("cloudtrail.")
    };
    let us = |r: &Value| -> Vec<Value> {
        findings(r)
            .iter()
            .filter(|f| f["resource"]["region"] == "us-east-1" && !cross_region(f))
            .cloned()
            .collect()
    };
    assert_eq!(us(&report), us(&clean));
    let changed: Vec<&Value> = findings(&report)
        .iter()
        .filter(|f| cross_region(f) && !findings(&clean).contains(f))
        .collect();
    assert!(!changed.is_empty());
    for f in changed {
        assert_eq!(f["status"], U, "{f}");
        assert!(
            f["reason"].as_str().unwrap().starts_with("access denied"),
            "{f}"
        );
    }
    let gaps = report["scan"]["gaps"].as_array().unwrap();
    assert!(gaps
        .iter()
        .any(|g| g["service"] == "glue" && g["region"] == "eu-west-1"));
}

#[test]
fn one_database_that_cannot_be_listed_costs_only_its_tables() {
    let moto = seeded();
    moto.seed("seed_glue_database.py", &[]);
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            deny: vec![Deny {
                operation: Some("glue:GetTables".into()),
                region: Some("us-east-1".into()),
                body_contains: Some("\"sales\"".into()),
                ..Deny::default()
            }],
            ..Faults::default()
        },
    );
    let (_, report, err) = scan(&proxy.url(), &[]);
    let tables: Vec<&str> = findings(&report)
        .iter()
        .filter(|f| f["resource"]["type"] == "AwsGlueTable")
        .filter_map(|f| f["resource"]["id"].as_str())
        .collect();
    // The other database of the region, and the other region, are still read.
    assert!(tables.contains(&"staging.orders_staged"), "{err}");
    assert!(tables.contains(&"analytics.events_json"));
    assert!(
        !tables.iter().any(|t| t.starts_with("sales.")),
        "{tables:?}"
    );
    let gaps = report["scan"]["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert_eq!(gaps[0]["region"], "us-east-1");
    assert_eq!(gaps[0]["reason"]["action"], "glue:GetTables");
    assert!(gaps[0]["reason"]["message"]
        .as_str()
        .unwrap()
        .contains("database sales"));
}

#[test]
fn malformed_answers_become_unknown() {
    let moto = seeded();
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            malformed: vec!["s3:GetBucketLogging".into(), "glue:GetJobs".into()],
            ..Faults::default()
        },
    );
    let (code, report, err) = scan(&proxy.url(), &["--max-attempts", "2"]);
    assert_eq!(code, Some(3), "a malformed answer is no crash: {err}");
    let logging: Vec<&Value> = findings(&report)
        .iter()
        .filter(|f| f["check_id"] == "s3.bucket_access_logging")
        .collect();
    assert!(!logging.is_empty());
    for f in logging {
        assert_eq!(f["status"], U, "{f}");
        assert!(
            f["reason"]
                .as_str()
                .unwrap()
                .contains("s3:GetBucketLogging"),
            "{f}"
        );
    }
    let gaps = report["scan"]["gaps"].as_array().unwrap();
    assert!(
        gaps.iter().any(|g| g["reason"]["action"] == "glue:GetJobs"),
        "{gaps:?}"
    );
}

#[test]
fn an_overall_timeout_leaves_a_partial_report() {
    let moto = seeded();
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            delay: vec![("s3:GetBucketTagging".into(), Duration::from_secs(60))],
            ..Faults::default()
        },
    );
    let args = ["--timeout", "3", "--checks", "s3.bucket_owner_tag"];
    let (code, report, err) = scan(&proxy.url(), &args);
    // Every tag read was cut off: UNKNOWN ("deadline"), and nothing failed.
    assert_eq!(code, Some(0), "{err}");
    let tags = findings(&report);
    assert_eq!(tags.len(), 11); // the S3 fixture's 9 buckets and the Glue fixture's 2
    for f in tags {
        assert_eq!(f["status"], U, "{f}");
        assert_eq!(f["reason"], "deadline: s3:GetBucketTagging");
    }
    // --fail-on-unknown makes them fail the run.
    let strict: Vec<&str> = args.iter().copied().chain(["--fail-on-unknown"]).collect();
    let (code, _, _) = scan(&proxy.url(), &strict);
    assert_eq!(code, Some(3));
}

#[test]
fn the_iam_policy_covers_exactly_the_calls_made() {
    use lakelint::crawl::actions::{all, is_declared, is_read_only, policy};

    let moto = Moto::start(&[]);
    let seeded = std::process::Command::new(python())
        .arg(repo_root().join("localstack/seed.py"))
        .args(["--endpoint", &moto.url()])
        .status()
        .unwrap();
    assert!(seeded.success());
    // moto has no MWAA: the proxy answers its reads in AWS's shape, so the
    // per-environment read is reached too; the same for the Well-Architected Tool.
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            answers: vec![
                Answer::to(
                    "airflow:ListEnvironments",
                    r#"{"Environments": ["orchestration"]}"#,
                ),
                Answer::to("airflow:GetEnvironment", MWAA_ENVIRONMENT),
                // Nor the Well-Architected Tool: one workload, so its
                // milestones are read.
                Answer::to(
                    "wellarchitected:ListWorkloads",
                    r#"{"WorkloadSummaries": [{"WorkloadId": "0123456789abcdef", "WorkloadArn": "arn:aws:wellarchitected:us-east-1:123456789012:workload/0123456789abcdef", "WorkloadName": "data-platform", "UpdatedAt": 1764547200}]}"#,
                ),
                Answer::to(
                    "wellarchitected:ListMilestones",
                    r#"{"WorkloadId": "0123456789abcdef", "MilestoneSummaries": []}"#,
                ),
                // Nor Redshift Serverless: a workgroup without a maximum, so
                // its usage limits are read.
                Answer::to(
                    "redshift-serverless:ListWorkgroups",
                    r#"{"workgroups": [{"workgroupName": "adhoc", "workgroupArn": "arn:aws:redshift-serverless:us-east-1:123456789012:workgroup/adhoc", "publiclyAccessible": false, "enhancedVpcRouting": true}]}"#,
                ),
                Answer::to(
                    "redshift-serverless:ListUsageLimits",
                    r#"{"usageLimits": []}"#,
                ),
                Answer::to(
                    "redshift-serverless:ListNamespaces",
                    r#"{"namespaces": []}"#,
                ),
            ],
            ..Faults::default()
        },
    );
    let url = proxy.url();
    for extra in [
        &["--regions", REGIONS][..],
        // account:ListRegions (moto does not serve it; the request is what counts).
        &["--regions", "all"],
        // sts:AssumeRole, and organizations:ListAccounts (no organization here).
        &[
            "--regions",
            "us-east-1",
            "--role-arn",
            "arn:aws:iam::123456789012:role/scan",
        ],
        &["--regions", "us-east-1", "--org", "--role-name", "scan"],
    ] {
        let _ = run(lakelint_with_credentials()
            .args(["scan", "--endpoint-url", &url, "--max-attempts", "1"])
            .args(extra));
    }
    let called = proxy.operations();
    for op in &called {
        assert!(
            is_declared(op),
            "{op} is called but not declared in crawl::actions"
        );
    }
    let declared: BTreeSet<String> = all().map(|a| a.op.to_string()).collect();
    // moto cannot seed instance fleets, so ListInstanceFleets is never reached here.
    let unreached: Vec<&String> = declared
        .difference(&called)
        .filter(|op| *op != "elasticmapreduce:ListInstanceFleets")
        .collect();
    assert!(
        unreached.is_empty(),
        "declared but never called: {unreached:?}"
    );
    for a in all() {
        if let Some(iam) = a.iam {
            assert!(is_read_only(iam), "{} needs {iam}", a.op);
        }
    }
    // The shipped policy is the generated one.
    let shipped: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("docs/iam-policy.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        shipped,
        policy(),
        "regenerate docs/iam-policy.json with `lakelint iam-policy`"
    );
    // lakelint never reads a secret's value, nor may its policy.
    let actions = shipped["Statement"][0]["Action"].as_array().unwrap();
    assert!(
        !actions.iter().any(|a| a == "secretsmanager:GetSecretValue"),
        "the policy must not grant secret values"
    );
    assert!(actions.iter().any(|a| a == "secretsmanager:ListSecrets"));
    assert!(!called.iter().any(|op| op.starts_with("secretsmanager:Get")));
    let printed = run(lakelint().arg("iam-policy"));
    assert_eq!(
        serde_json::from_slice::<Value>(&printed.stdout).unwrap(),
        policy()
    );
}
