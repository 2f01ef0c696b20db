//! The demo seed (localstack/seed.py, the same one LocalStack's init hook runs)
//! against moto gives a report that covers every pillar and every service.

mod support;

use std::collections::BTreeSet;
use std::process::Command;

use support::*;

#[test]
fn demo_platform_covers_every_pillar_and_service() {
    let moto = Moto::start(&[]);
    let seeded = Command::new(python())
        .arg(repo_root().join("localstack/seed.py"))
        .args(["--endpoint", &moto.url()])
        .output()
        .expect("run the demo seed");
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&seeded.stderr).contains("skipped"),
        "moto serves every service: {}",
        String::from_utf8_lossy(&seeded.stderr)
    );

    let out = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        "us-east-1,eu-west-1",
        "--config",
        repo_root()
            .join("localstack/lakelint.toml")
            .to_str()
            .unwrap(),
        "--format",
        "json",
        "--max-attempts",
        "2",
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report = json(&out);

    for (pillar, counts) in report["summary"]["by_pillar"].as_object().unwrap() {
        let pass = counts["PASS"].as_u64().unwrap();
        let fail = counts["FAIL"].as_u64().unwrap();
        assert!(pass > 0 && fail > 0, "{pillar} shows both ways: {counts}");
    }
    let services: BTreeSet<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["check_id"].as_str().unwrap().split('.').next().unwrap())
        .collect();
    // Every service with checks of its own; EventBridge and CloudWatch feed
    // the alerting checks.
    let with_checks: BTreeSet<&str> = lakelint_checks::Service::ALL
        .iter()
        .map(|s| s.as_str())
        .filter(|s| !["eventbridge", "cloudwatch"].contains(s))
        .collect();
    assert_eq!(services, with_checks);
    // moto has neither MWAA, the Well-Architected Tool nor Redshift
    // Serverless: those listings are gaps, and their checks UNKNOWN "not
    // supported by endpoint".
    let gaps: BTreeSet<&str> = report["scan"]["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            assert_eq!(g["reason"]["kind"], "not_supported_by_endpoint", "{g}");
            g["service"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        gaps,
        BTreeSet::from(["mwaa", "redshiftserverless", "wellarchitected"])
    );
    // The second edition's checks show both ways in the demo.
    for check in [
        "athena.workgroup_bytes_scanned_cutoff",
        "athena.results_bucket_expiration",
        "secretsmanager.secret_rotation",
        "glue.job_failure_alerting",
        "glue.trigger_off_peak",
        "lakeformation.data_lake_location_registered",
        "dynamodb.table_pitr",
        "rds.multi_az",
        "stepfunctions.state_machine_logging",
        "kinesis.stream_encryption",
        "firehose.s3_compression",
        "lambda.function_arm64",
        "lambda.event_source_failure_destination",
        "batch.compute_environment_spot",
        "logs.pipeline_log_retention",
        "glue.job_deployed_as_code",
        "glue.schema_compatibility",
        "stepfunctions.state_machine_deployed_as_code",
        "stepfunctions.state_machine_failure_alerting",
    ] {
        let statuses: BTreeSet<&str> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["check_id"] == check)
            .map(|f| f["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, BTreeSet::from(["FAIL", "PASS"]), "{check}");
    }
    // The demo's story: a bucket encrypted with a key on its way out.
    let doomed = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check_id"] == "kms.key_pending_deletion" && f["status"] == "FAIL")
        .expect("the legacy analytics key");
    assert_eq!(doomed["severity"], "critical");
}
