//! The real binary scans a seeded moto: the query, governance, store and
//! orchestration layer (Athena, Lake Formation, Secrets Manager, DynamoDB and
//! DAX, RDS and Aurora, Step Functions, EMR Serverless), every check both
//! ways. MWAA and the Well-Architected Tool are not in moto: the test proxy
//! answers their reads in AWS's shape, and where it does not, they are
//! UNKNOWN "not supported by endpoint". Denied reads make exactly their
//! findings UNKNOWN.

mod support;

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;
use support::proxy::{Answer, Deny, Faults, Proxy};
use support::*;

const SERVICES: &str = "s3,glue,kms,athena,lakeformation,secretsmanager,wellarchitected,dynamodb,dax,rds,stepfunctions,mwaa,emrserverless";

fn seeded() -> Moto {
    let moto = Moto::start(&[]);
    moto.seed("seed_platform_fixture.py", &[]);
    moto
}

fn scan(endpoint: &str, services: &str, extra: &[&str]) -> Value {
    let out = run(scan_json(endpoint, "us-east-1,eu-west-1", services)
        .args(["--max-concurrency", "8", "--max-attempts", "2"])
        .args(extra));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    json(&out)
}

/// Seconds since the epoch, `days` ago: how REST JSON services send times.
fn days_ago(days: u64) -> u64 {
    (SystemTime::now() - Duration::from_secs(days * 86_400))
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The workload's milestones: one recorded `days` ago, or none.
fn milestones(days: Option<u64>) -> Answer {
    let summaries = days
        .map(|d| {
            format!(
                r#"{{"MilestoneNumber": 1, "MilestoneName": "release", "RecordedAt": {}}}"#,
                days_ago(d)
            )
        })
        .unwrap_or_default();
    Answer::to(
        "wellarchitected:ListMilestones",
        &format!(r#"{{"WorkloadId": "0123456789abcdef", "MilestoneSummaries": [{summaries}]}}"#),
    )
}

fn workloads(updated_days_ago: u64) -> Answer {
    Answer::to(
        "wellarchitected:ListWorkloads",
        &format!(
            r#"{{"WorkloadSummaries": [{{"WorkloadId": "0123456789abcdef", "WorkloadArn": "arn:aws:wellarchitected:us-east-1:123456789012:workload/0123456789abcdef", "WorkloadName": "data-platform", "Owner": "data", "UpdatedAt": {}, "Lenses": ["wellarchitected"], "RiskCounts": {{"HIGH": 2}}}}]}}"#,
            days_ago(updated_days_ago)
        ),
    )
}

fn environment(name: &str, mode: &str, task_logs: bool, key: Option<&str>) -> Answer {
    let key = key
        .map(|k| format!(r#", "KmsKey": "{k}""#))
        .unwrap_or_default();
    Answer::at(
        "airflow:GetEnvironment",
        &format!("/environments/{name}"),
        &format!(
            r#"{{"Environment": {{"Name": "{name}", "Arn": "arn:aws:airflow:us-east-1:123456789012:environment/{name}", "Status": "AVAILABLE", "WebserverAccessMode": "{mode}", "LoggingConfiguration": {{"TaskLogs": {{"Enabled": {task_logs}, "LogLevel": "INFO"}}, "SchedulerLogs": {{"Enabled": true, "LogLevel": "INFO"}}}}{key}}}}}"#
        ),
    )
}

/// MWAA in us-east-1 and the Well-Architected Tool, answered by the proxy;
/// MWAA in eu-west-1 reaches moto, which has none.
fn answers(workloads_updated_days_ago: u64) -> Vec<Answer> {
    vec![
        workloads(workloads_updated_days_ago),
        milestones(None),
        Answer::to(
            "airflow:ListEnvironments",
            r#"{"Environments": ["airflow-public", "airflow-private"]}"#,
        )
        .in_region("us-east-1"),
        environment("airflow-public", "PUBLIC_ONLY", false, None),
        environment(
            "airflow-private",
            "PRIVATE_ONLY",
            true,
            Some("arn:aws:kms:us-east-1:123456789012:alias/platform"),
        ),
    ]
}

fn expected() -> BTreeMap<(String, String), String> {
    #[rustfmt::skip]
    let workgroups = [
            //            enforce encryption cutoff metrics engine expiration
            ("governed", [P,      P,         P,     P,      P,     P]),
            ("open",     [F,      F,         F,     F,      F,     F]),
            // moto's default workgroup, in both regions: no result location.
            ("primary",  [F,      F,         F,     F,      P,     NA]),
    ];
    let mut want = grid(
        "athena",
        &[
            "workgroup_enforce_configuration",
            "workgroup_result_encryption",
            "workgroup_bytes_scanned_cutoff",
            "workgroup_metrics",
            "workgroup_engine_v3",
            "results_bucket_expiration",
        ],
        &workgroups,
    );
    want.extend(grid(
        "lakeformation",
        &["data_lake_location_registered"],
        &[("platform-lake", [P]), ("platform-raw", [F])],
    ));
    want.extend(grid(
        "secretsmanager",
        &["secret_rotation", "secret_unused"],
        &[("rotated", [P, P]), ("static", [F, P])],
    ));
    #[rustfmt::skip]
    let tables = [
            //          pitr protection kms scaling
            ("orders", [P,   P,         P,  P]),
            ("lookup", [F,   F,         F,  F]),
            ("scaled", [F,   F,         F,  P]),
    ];
    want.extend(grid(
        "dynamodb",
        &[
            "table_pitr",
            "table_deletion_protection",
            "table_kms_encryption",
            "table_capacity_scaling",
        ],
        &tables,
    ));
    want.extend(grid(
        "dax",
        &["cluster_encryption", "cluster_tls"],
        &[("cache-good", [P, P]), ("cache-bad", [F, F])],
    ));
    // Cluster-level settings are judged on the cluster; its instances
    // keep access, upgrades and their class.
    #[rustfmt::skip]
    let databases = [
            //                 public enc multi_az backup delete logs minor iam gen managed graviton
            ("pg-good",       [P,     P,  P,       P,     P,     P,   P,    P,  P,  P,      P]),
            ("mysql-bad",     [F,     F,  F,       F,     F,     F,   F,    F,  F,  F,      F]),
            ("aurora-good",   [NA,    P,  P,       P,     P,     P,   NA,   P,  NA, P,      NA]),
            ("aurora-good-a", [P,     NA, NA,      NA,    NA,    NA,  P,    NA, P,  NA,     P]),
            ("aurora-good-b", [P,     NA, NA,      NA,    NA,    NA,  P,    NA, P,  NA,     P]),
            ("aurora-bad",    [NA,    F,  F,       F,     F,     F,   NA,   F,  NA, F,      NA]),
            ("aurora-bad-a",  [F,     NA, NA,      NA,    NA,    NA,  P,    NA, F,  NA,     F]),
    ];
    want.extend(grid(
        "rds",
        &[
            "instance_public_access",
            "storage_encrypted",
            "multi_az",
            "backup_retention",
            "deletion_protection",
            "log_exports",
            "auto_minor_upgrade",
            "iam_authentication",
            "current_generation",
            "managed_master_password",
            "instance_graviton",
        ],
        &databases,
    ));
    want.extend(grid(
        "stepfunctions",
        &[
            "state_machine_logging",
            "state_machine_tracing",
            "state_machine_deployed_as_code",
        ],
        &[("pipeline-good", [P, P, P]), ("pipeline-bad", [F, F, F])],
    ));
    want.extend(grid(
        "emrserverless",
        &["application_auto_stop"],
        &[("spark-good", [P]), ("spark-bad", [F])],
    ));
    want.extend(grid(
        "mwaa",
        &[
            "environment_private_webserver",
            "environment_logging",
            "environment_kms",
        ],
        &[
            ("airflow-private", [P, P, P]),
            ("airflow-public", [F, F, F]),
        ],
    ));
    want
}

/// (region, status) of a check's findings on the account or a region's settings.
fn by_region(report: &Value, check: &str) -> BTreeMap<String, String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check_id"] == check)
        .map(|f| {
            (
                f["resource"]["region"].as_str().unwrap().to_string(),
                f["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The findings of the platform's checks, less the secrets RDS made for the
/// instances and clusters whose master password it manages (named at random),
/// and less state machines' alerting: it reads EventBridge and CloudWatch,
/// which these scans leave out (tests/scan_pipelines.rs judges it).
fn platform_findings(report: &Value) -> BTreeMap<(String, String), String> {
    let prefixes = [
        "athena.",
        "lakeformation.data_lake_location",
        "secretsmanager.",
        "dynamodb.",
        "dax.",
        "rds.",
        "stepfunctions.",
        "emrserverless.",
        "mwaa.",
    ];
    statuses(report)
        .into_iter()
        .filter(|((id, check), _)| {
            prefixes.iter().any(|p| check.starts_with(p))
                && !id.starts_with("rds!")
                && check != "stepfunctions.state_machine_failure_alerting"
        })
        .collect()
}

fn with_unlisted(
    mut want: BTreeMap<(String, String), String>,
    checks: &[&str],
) -> BTreeMap<(String, String), String> {
    for check in checks {
        want.insert(("unlisted".into(), check.to_string()), U.into());
    }
    want
}

const MWAA_CHECKS: [&str; 3] = [
    "mwaa.environment_private_webserver",
    "mwaa.environment_logging",
    "mwaa.environment_kms",
];

#[test]
fn the_platform_gets_its_findings_both_ways() {
    let moto = seeded();
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            answers: answers(10),
            ..Faults::default()
        },
    );
    let report = scan(&proxy.url(), SERVICES, &[]);

    // MWAA in eu-west-1 reached moto, which does not implement it.
    let want = with_unlisted(expected(), &MWAA_CHECKS);
    assert_eq!(platform_findings(&report), want);
    let f = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check_id"] == "mwaa.environment_logging" && f["resource"]["id"] == "unlisted")
        .unwrap();
    assert_eq!(f["resource"]["region"], "eu-west-1");
    assert_eq!(
        f["reason"],
        "not supported by endpoint: airflow:ListEnvironments"
    );

    // Lake Formation is judged per region, where Glue has databases.
    for check in [
        "lakeformation.default_permissions",
        "lakeformation.data_lake_admins",
    ] {
        assert_eq!(
            by_region(&report, check),
            BTreeMap::from([
                ("eu-west-1".into(), F.into()),
                ("us-east-1".into(), P.into())
            ]),
            "{check}"
        );
    }
    // A review updated ten days ago.
    assert_eq!(
        by_region(&report, "wellarchitected.workload_reviewed"),
        BTreeMap::from([("us-east-1".into(), P.into())])
    );

    // The keys the new services name join kms.key_in_use_usable.
    let key_uses: BTreeMap<(String, String), String> = statuses(&report)
        .into_iter()
        .filter(|((_, check), _)| check == "kms.key_in_use_usable")
        .collect();
    for user in [
        "governed",
        "rotated",
        "orders",
        "pg-good",
        "aurora-good",
        "airflow-private",
    ] {
        assert_eq!(
            key_uses.get(&(user.to_string(), "kms.key_in_use_usable".into())),
            Some(&P.to_string()),
            "{user}: {key_uses:?}"
        );
    }
    let doomed = finding(&report, "pipeline-good", "kms.key_in_use_usable");
    assert_eq!(doomed["status"], F);
    assert!(doomed["message"]
        .as_str()
        .unwrap()
        .contains("PendingDeletion"));

    // The result bucket carries its role.
    let results = report["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["arn"] == "arn:aws:s3:::platform-results")
        .unwrap();
    assert_eq!(results["roles"], serde_json::json!(["query_results"]));

    // Listings are paged once per region, never one call per RDS resource.
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["rds:DescribeDBInstances"], 2);
    assert_eq!(calls["rds:DescribeDBClusters"], 2);
    assert_eq!(calls["application-autoscaling:DescribeScalableTargets"], 2);
    assert_eq!(calls["dynamodb:DescribeTable"], 3);
    assert_eq!(calls["athena:GetWorkGroup"], 4);
}

#[test]
fn the_well_architected_review_by_age_and_endpoint() {
    let moto = seeded();
    let verdict = |answers: Vec<Answer>| {
        let proxy = Proxy::start(
            &moto.url(),
            Faults {
                answers,
                ..Faults::default()
            },
        );
        let out = run(&mut scan_json(&proxy.url(), "us-east-1", "wellarchitected"));
        let report = json(&out);
        let f = &report["findings"].as_array().unwrap()[0];
        assert_eq!(report["findings"].as_array().unwrap().len(), 1, "{report}");
        (
            f["status"].as_str().unwrap().to_string(),
            f["reason"].as_str().unwrap_or_default().to_string(),
        )
    };
    assert_eq!(verdict(vec![workloads(10), milestones(None)]).0, P);
    assert_eq!(verdict(vec![workloads(400), milestones(None)]).0, F);
    // A milestone recorded in the window is a review too.
    assert_eq!(verdict(vec![workloads(400), milestones(Some(20))]).0, P);
    assert_eq!(verdict(vec![workloads(400), milestones(Some(300))]).0, F);
    // A milestone list the endpoint cannot serve may hold the recent review.
    assert_eq!(
        verdict(vec![workloads(400)]),
        (
            U.to_string(),
            "not supported by endpoint: wellarchitected:ListMilestones".to_string()
        )
    );
    assert_eq!(
        verdict(vec![]),
        (
            U.to_string(),
            "not supported by endpoint: wellarchitected:ListWorkloads".to_string()
        )
    );
}

#[test]
fn a_secret_unread_for_ninety_days_is_unused() {
    let moto = seeded();
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("inventory.json");
    scan(
        &moto.url(),
        "secretsmanager",
        &["--save-inventory", saved.to_str().unwrap()],
    );
    // The same inventory judged as if it had been collected 100 days later.
    let mut inventory: Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    let later =
        chrono::DateTime::parse_from_rfc3339(inventory["scan"]["started_at"].as_str().unwrap())
            .unwrap()
            + chrono::Duration::days(100);
    inventory["scan"]["started_at"] = later.to_rfc3339().into();
    std::fs::write(&saved, inventory.to_string()).unwrap();
    let out = run(lakelint().args(["evaluate", saved.to_str().unwrap(), "--format", "json"]));
    let report = json(&out);
    for secret in ["rotated", "static"] {
        let f = finding(&report, secret, "secretsmanager.secret_unused");
        assert_eq!(f["status"], F, "{f}");
        assert!(
            f["message"].as_str().unwrap().starts_with("never read"),
            "{f}"
        );
    }
}

#[test]
fn denied_reads_make_exactly_their_findings_unknown() {
    let moto = seeded();
    let clean = scan(
        &Proxy::start(
            &moto.url(),
            Faults {
                answers: answers(10),
                ..Faults::default()
            },
        )
        .url(),
        SERVICES,
        &[],
    );
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            answers: answers(10),
            deny: vec![
                Deny {
                    operation: Some("secretsmanager:ListSecrets".into()),
                    region: Some("us-east-1".into()),
                    ..Deny::default()
                },
                Deny {
                    operation: Some("athena:GetWorkGroup".into()),
                    body_contains: Some("\"open\"".into()),
                    ..Deny::default()
                },
                Deny {
                    operation: Some("rds:DescribeDBInstances".into()),
                    region: Some("eu-west-1".into()),
                    ..Deny::default()
                },
            ],
            ..Faults::default()
        },
    );
    let denied = scan(&proxy.url(), SERVICES, &[]);

    let mut want = platform_findings(&clean);
    // The secrets of us-east-1 are not listed: one UNKNOWN per check there.
    want.retain(|(_, check), _| !check.starts_with("secretsmanager."));
    want = with_unlisted(
        want,
        &[
            "secretsmanager.secret_rotation",
            "secretsmanager.secret_unused",
        ],
    );
    // The open workgroup's configuration is unknown, the others' are not.
    for ((id, check), status) in want.iter_mut() {
        if id == "open" {
            *status = U.into();
        }
        assert!(id != "open" || check.starts_with("athena."));
    }
    // eu-west-1's instances are not listed: its one instance's findings go,
    // and every RDS check has an UNKNOWN there; its cluster is still judged.
    want.retain(|(id, _), _| id != "aurora-bad-a");
    let rds_checks: Vec<String> = expected()
        .keys()
        .map(|(_, check)| check.clone())
        .filter(|c| c.starts_with("rds."))
        .collect();
    let rds_checks: Vec<&str> = rds_checks.iter().map(String::as_str).collect();
    want = with_unlisted(want, &rds_checks);
    assert_eq!(platform_findings(&denied), want);

    let unknown = |check: &str, id: &str| -> Vec<String> {
        denied["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["check_id"] == check && f["resource"]["id"] == id)
            .map(|f| {
                format!(
                    "{} {}",
                    f["resource"]["region"].as_str().unwrap(),
                    f["reason"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        unknown("secretsmanager.secret_rotation", "unlisted"),
        ["us-east-1 access denied: secretsmanager:ListSecrets"]
    );
    assert_eq!(
        unknown("athena.workgroup_metrics", "open"),
        ["us-east-1 access denied: athena:GetWorkGroup"]
    );
    assert_eq!(
        unknown("rds.multi_az", "unlisted"),
        ["eu-west-1 access denied: rds:DescribeDBInstances"]
    );
    let missing = denied["scan"]["missing_permissions"].as_array().unwrap();
    for action in [
        "athena:GetWorkGroup",
        "rds:DescribeDBInstances",
        "secretsmanager:ListSecrets",
    ] {
        assert!(missing.iter().any(|m| m == action), "{missing:?}");
    }
}
