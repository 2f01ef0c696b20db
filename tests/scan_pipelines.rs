//! The real binary scans a seeded moto for the pipeline-monitoring and
//! DataOps checks: log retention of the platform's log groups, jobs and
//! state machines deployed as code, their failure alerting, schema history,
//! and (through the proxy,
//! as moto has no Glue Data Quality) databases whose tables rulesets check.

mod support;

use serde_json::Value;
use support::proxy::{Answer, Deny, Faults, Proxy};
use support::*;

const REGIONS: &str = "us-east-1,eu-west-1";

fn scan(url: &str, services: &str) -> Value {
    let out = run(scan_json(url, REGIONS, services).args(["--max-attempts", "2"]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    json(&out)
}

#[test]
fn pipeline_log_groups_expire() {
    let moto = Moto::start(&[]);
    moto.seed("seed_pipelines_fixture.py", &[]);
    let report = scan(&moto.url(), "logs");
    // /app/web is not the platform's: no finding.
    let want = grid(
        "logs",
        &["pipeline_log_retention"],
        &[
            ("/aws-glue/jobs/output", [P]),
            ("/aws/lambda/enrich", [F]),
            ("/aws/vendedlogs/states/orders", [P]),
        ],
    );
    assert_findings(&report, "logs.", &want);
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["logs:DescribeLogGroups"], 2);
}

#[test]
fn jobs_and_state_machines_deployed_as_code() {
    let moto = Moto::start(&[]);
    moto.seed("seed_pipelines_fixture.py", &[]);
    let report = scan(&moto.url(), "glue,stepfunctions");
    let mut want = grid(
        "glue",
        &["job_deployed_as_code"],
        &[("terraformed", [P]), ("clicked", [F])],
    );
    assert_findings(&report, "glue.job_deployed_as_code", &want);
    want = grid(
        "stepfunctions",
        &["state_machine_deployed_as_code"],
        &[
            ("orders", [P]),
            ("adhoc", [F]),
            ("nightly", [F]),
            ("ingest", [F]),
        ],
    );
    assert_findings(
        &report,
        "stepfunctions.state_machine_deployed_as_code",
        &want,
    );
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["states:ListTagsForResource"], 4);
}

#[test]
fn state_machine_failures_raise_an_alert() {
    let moto = Moto::start(&[]);
    moto.seed("seed_pipelines_fixture.py", &[]);
    let services = "stepfunctions,eventbridge,cloudwatch";
    let report = scan(&moto.url(), services);
    let id = "stepfunctions.state_machine_failure_alerting";
    let want = grid(
        "stepfunctions",
        &["state_machine_failure_alerting"],
        &[
            ("orders", [P]),
            ("nightly", [P]),
            ("adhoc", [F]),
            ("ingest", [U]),
        ],
    );
    assert_findings(&report, id, &want);
    let message = |name: &str| finding(&report, name, id)["message"].clone();
    assert_eq!(
        message("nightly"),
        "CloudWatch alarm nightly-failed watches its ExecutionsFailed"
    );
    let ingest = message("ingest");
    assert!(
        ingest.as_str().unwrap().contains("detail.error"),
        "{ingest}"
    );
    // One listing per region each; alarms on other metrics are not kept.
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["cloudwatch:DescribeAlarms"], 2);
    assert_eq!(calls["events:ListRules"], 2);

    // Alarms that cannot be read: what a rule shows still passes, the rest is unknown.
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            deny: vec![Deny {
                operation: Some("cloudwatch:DescribeAlarms".into()),
                region: Some("us-east-1".into()),
                ..Deny::default()
            }],
            ..Faults::default()
        },
    );
    let report = scan(&proxy.url(), services);
    let want = grid(
        "stepfunctions",
        &["state_machine_failure_alerting"],
        &[
            ("orders", [P]),
            ("nightly", [U]),
            ("adhoc", [U]),
            ("ingest", [U]),
        ],
    );
    assert_findings(&report, id, &want);
    let reason = &finding(&report, "adhoc", id)["reason"];
    assert_eq!(reason, "access denied: cloudwatch:DescribeAlarms");
}

#[test]
fn schemas_keep_a_checked_history() {
    let moto = Moto::start(&[]);
    moto.seed("seed_pipelines_fixture.py", &[]);
    let report = scan(&moto.url(), "glue");
    let want = grid(
        "glue",
        &["schema_compatibility"],
        &[
            ("events/orders", [P]),
            ("events/clicks", [F]),
            ("iot/readings", [F]),
        ],
    );
    assert_findings(&report, "glue.schema_compatibility", &want);
    // One listing per region, one GetSchema per schema: the listing has no
    // compatibility mode.
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["glue:ListSchemas"], 2);
    assert_eq!(calls["glue:GetSchema"], 3);
}

/// A ruleset on a table of this account's catalog, in ListDataQualityRulesets' shape.
fn ruleset(name: &str, database: &str, table: &str, catalog: &str) -> String {
    format!(
        r#"{{"Name": "{name}", "RuleCount": 3, "CreatedOn": 1.7e9,
            "TargetTable": {{"DatabaseName": "{database}", "TableName": "{table}", "CatalogId": "{catalog}"}}}}"#
    )
}

#[test]
fn databases_whose_tables_data_quality_rules_check() {
    let moto = Moto::start(&[]);
    moto.seed("seed_pipelines_fixture.py", &[]);
    // moto has no Data Quality: every database is UNKNOWN, with the reason.
    let report = scan(&moto.url(), "glue");
    for database in ["curated", "raw", "scratch"] {
        let f = finding(&report, database, "glue.database_data_quality");
        assert_eq!(f["status"], U, "{f}");
        assert!(
            f["reason"]
                .as_str()
                .unwrap()
                .contains("glue:ListDataQualityRulesets"),
            "{f}"
        );
    }

    let rulesets = format!(
        r#"{{"Rulesets": [{}, {}, {}]}}"#,
        ruleset("orders-complete", "curated", "orders", "123456789012"),
        ruleset("orders-unique", "curated", "orders", "123456789012"),
        // Another account's catalog: says nothing of this account's `raw`.
        ruleset("shared", "raw", "events", "210987654321"),
    );
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            answers: vec![
                Answer::to("glue:ListDataQualityRulesets", &rulesets).in_region("us-east-1")
            ],
            deny: vec![Deny {
                operation: Some("glue:ListDataQualityRulesets".into()),
                region: Some("eu-west-1".into()),
                ..Deny::default()
            }],
            ..Faults::default()
        },
    );
    let report = scan(&proxy.url(), "glue");
    let want = grid(
        "glue",
        &["database_data_quality"],
        &[("curated", [P]), ("raw", [F]), ("scratch", [U])],
    );
    assert_findings(&report, "glue.database_data_quality", &want);
    assert_eq!(
        finding(&report, "curated", "glue.database_data_quality")["message"],
        "Data Quality rulesets check orders"
    );
    assert!(
        finding(&report, "scratch", "glue.database_data_quality")["reason"]
            .as_str()
            .unwrap()
            .starts_with("access denied")
    );
}
