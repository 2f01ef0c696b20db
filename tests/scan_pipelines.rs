//! The real binary scans a seeded moto for the pipeline-monitoring and
//! DataOps checks: log retention of the platform's log groups, jobs and
//! state machines deployed as code.

mod support;

use serde_json::Value;
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
        &[("orders", [P]), ("adhoc", [F])],
    );
    assert_findings(
        &report,
        "stepfunctions.state_machine_deployed_as_code",
        &want,
    );
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["states:ListTagsForResource"], 2);
}
