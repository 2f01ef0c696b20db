//! Never turn "could not see" into a verdict: the demo inventory with every
//! observed input made unknown gives no PASS or FAIL, except from checks that
//! judge only what a listing always carries (see docs/REPORT.md, "Trusted fields").

use std::collections::BTreeSet;

use lakelint_checks::{evaluate, Config, Inventory, Selection, Status};
use serde_json::{json, Value};

const DEMO: &str = include_str!("../../tests/fixtures/demo-inventory.json");

/// Checks whose every input is a field a listing always carries, or whose
/// absence the API documents as "not configured".
const TRUSTED: &[&str] = &[
    "cloudtrail.cloudwatch_integration",
    "cloudtrail.trail_kms_encryption",
    "emr.cluster_current_release",
    "emr.cluster_logging",
    "emr.cluster_security_configuration",
    "glue.crawler_security_configuration",
    "glue.job_failure_alerting",
    "glue.job_continuous_logging",
    "glue.job_metrics",
    "glue.job_no_secrets_in_arguments",
    "glue.job_retries",
    "glue.job_security_configuration",
    "glue.job_supported_version",
    "glue.job_timeout",
    "glue.table_columnar_format",
    "glue.table_location_exists",
    "glue.table_partitioned",
    "kms.key_in_use_usable",
    // A function's runtime and architectures are what ListFunctions lists
    // (x86_64 when it names none, as the API documents).
    "lambda.function_arm64",
    "lambda.function_supported_runtime",
    // A serverless cluster, by its listed type, is TLS-only, IAM-only and private.
    "msk.authentication",
    "msk.encryption_in_transit",
    "msk.public_access",
    // A log group's retention is listed; DescribeLogGroups omits it when
    // events never expire, as the API documents.
    "logs.pipeline_log_retention",
    "kms.key_pending_deletion",
    "rds.log_exports",
    "rds.managed_master_password",
    "redshift.cluster_cross_region_snapshots",
    "redshift.cluster_managed_admin_password",
    "secretsmanager.secret_rotation",
    // Rules and alarms are listings: what they hold is read as listed.
    "stepfunctions.state_machine_failure_alerting",
];

/// Every `{"known": …}` becomes `{"unknown": …}`, with the same denied action.
fn all_unknown(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.len() == 1 && map.contains_key("known") {
                *value = json!({"unknown": {"kind": "access_denied", "action": "test:Read"}});
                return;
            }
            map.values_mut().for_each(all_unknown);
        }
        Value::Array(items) => items.iter_mut().for_each(all_unknown),
        _ => {}
    }
}

#[test]
fn unknown_inputs_give_no_verdict() {
    let mut value: Value = serde_json::from_str(DEMO).unwrap();
    all_unknown(&mut value);
    let inventory: Inventory = serde_json::from_value(value).unwrap();
    let findings = evaluate(&inventory, &Config::default(), &Selection::default());
    assert!(
        findings.iter().any(|f| f.status == Status::Unknown),
        "the inventory produced no UNKNOWN at all"
    );
    let judged: BTreeSet<String> = findings
        .iter()
        .filter(|f| f.status != Status::Unknown)
        .map(|f| format!("{} {:?} {}", f.check_id, f.status, f.message))
        .collect();
    let untrusted: Vec<&String> = judged
        .iter()
        .filter(|line| !TRUSTED.iter().any(|id| line.starts_with(&format!("{id} "))))
        .collect();
    assert!(untrusted.is_empty(), "{untrusted:#?}");
}
