//! The real binary scans a seeded moto: Kinesis, Firehose, MSK, Lambda and
//! Batch, judged both ways; MSK's provisioned clusters (moto echoes none of
//! their settings) and denied reads come through the proxy.

mod support;

use std::collections::BTreeMap;

use support::proxy::{Answer, Deny, Faults, Proxy};
use support::*;

const SERVICES: &str = "kinesis,firehose,msk,lambda,batch,kms";

/// Two provisioned clusters in AWS's shape (MSK's JSON names are camelCase):
/// one kept well, one open.
fn provisioned_clusters() -> Answer {
    let cluster = |name: &str, transit: &str, auth: &str, public: &str, logs: &str| {
        format!(
            r#"{{"clusterType": "PROVISIONED", "clusterArn": "arn:aws:kafka:us-east-1:123456789012:cluster/{name}/1",
               "clusterName": "{name}", "state": "ACTIVE", "provisioned": {{
                 "brokerNodeGroupInfo": {{"instanceType": "kafka.m7g.large", "clientSubnets": ["subnet-1"],
                   "connectivityInfo": {{"publicAccess": {{"type": "{public}"}}}}}},
                 "clientAuthentication": {auth},
                 "encryptionInfo": {{"encryptionAtRest": {{"dataVolumeKMSKeyId": "arn:aws:kms:us-east-1:123456789012:key/not-in-the-account-list"}},
                                    "encryptionInTransit": {transit}}},
                 "loggingInfo": {logs}, "numberOfBrokerNodes": 3}}}}"#
        )
    };
    let kept = cluster(
        "kept",
        r#"{"clientBroker": "TLS", "inCluster": true}"#,
        r#"{"sasl": {"iam": {"enabled": true}, "scram": {"enabled": false}}, "unauthenticated": {"enabled": false}}"#,
        "DISABLED",
        r#"{"brokerLogs": {"cloudWatchLogs": {"enabled": true, "logGroup": "msk"}}}"#,
    );
    let open = cluster(
        "open",
        r#"{"clientBroker": "TLS_PLAINTEXT", "inCluster": true}"#,
        r#"{"unauthenticated": {"enabled": true}}"#,
        "SERVICE_PROVIDED_EIPS",
        "{}",
    );
    Answer::to(
        "kafka:ListClustersV2",
        &format!(r#"{{"clusterInfoList": [{kept}, {open}]}}"#),
    )
}

#[test]
fn streaming_and_compute_findings_both_ways() {
    let moto = Moto::start(&[]);
    let mappings: BTreeMap<String, String> =
        serde_json::from_str(&moto.seed("seed_streaming_fixture.py", &[])).unwrap();
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            answers: vec![provisioned_clusters()],
            ..Faults::default()
        },
    );
    let out = run(scan_json(&proxy.url(), "us-east-1", SERVICES).args(["--max-attempts", "2"]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report = json(&out);

    let want = grid(
        "kinesis",
        &["stream_encryption", "stream_retention"],
        &[("clicks", [P, P]), ("audit", [F, F])],
    );
    assert_findings(&report, "kinesis.", &want);

    #[rustfmt::skip]
    let want = grid(
        "firehose",
        &["stream_encryption", "destination_error_logging", "s3_compression"],
        &[
            ("raw-events",     [F,  F, F]),
            // Fed by a Kinesis stream: its encryption is its source's.
            ("clicks-to-lake", [NA, P, P]),
            ("gzipped",        [P,  P, P]),
        ],
    );
    assert_findings(&report, "firehose.", &want);

    // The provisioned clusters' key is not among the account's keys.
    #[rustfmt::skip]
    let want = grid(
        "msk",
        &["encryption_in_transit", "authentication", "public_access", "broker_logging", "encryption_at_rest_cmk"],
        &[
            ("kept", [P, P, P, P, U]),
            ("open", [F, F, F, F, U]),
        ],
    );
    assert_findings(&report, "msk.", &want);

    let want = grid(
        "lambda",
        &["function_supported_runtime", "function_arm64"],
        &[("enrich", [F, F]), ("score", [P, P])],
    );
    let mut want = want;
    want.extend(grid(
        "lambda",
        &["event_source_failure_destination"],
        &[
            (mappings["enrich"].as_str(), [F]),
            (mappings["score"].as_str(), [P]),
        ],
    ));
    assert_findings(&report, "lambda.", &want);
    // The mapping joins the stream it reads.
    let dropped = finding(
        &report,
        &mappings["enrich"],
        "lambda.event_source_failure_destination",
    );
    assert!(
        dropped["message"]
            .as_str()
            .unwrap()
            .contains("kinesis source clicks"),
        "{dropped}"
    );

    let want = grid(
        "batch",
        &["compute_environment_spot"],
        &[("nightly-spot", [P]), ("nightly-ondemand", [F])],
    );
    assert_findings(&report, "batch.", &want);

    // One listing per region, plus one read per stream where no listing gives it.
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["kinesis:DescribeStreamSummary"], 2);
    assert_eq!(calls["firehose:DescribeDeliveryStream"], 3);
    assert_eq!(calls["lambda:ListFunctions"], 1);
    assert_eq!(calls["batch:DescribeComputeEnvironments"], 1);
}

/// A denied read makes exactly its findings UNKNOWN.
#[test]
fn denied_streaming_reads_are_unknown() {
    let moto = Moto::start(&[]);
    let mappings: BTreeMap<String, String> =
        serde_json::from_str(&moto.seed("seed_streaming_fixture.py", &[])).unwrap();
    let deny = |op: &str| Deny {
        operation: Some(op.into()),
        ..Deny::default()
    };
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            deny: vec![
                deny("kinesis:DescribeStreamSummary"),
                deny("firehose:DescribeDeliveryStream"),
                deny("lambda:ListEventSourceMappings"),
                deny("kafka:ListClustersV2"),
                deny("batch:DescribeComputeEnvironments"),
            ],
            ..Faults::default()
        },
    );
    let out = run(scan_json(&proxy.url(), "us-east-1", SERVICES).args(["--max-attempts", "2"]));
    let report = json(&out);
    let got = statuses(&report);
    let status =
        |resource: &str, check: &str| got[&(resource.to_string(), check.to_string())].clone();
    assert_eq!(status("clicks", "kinesis.stream_encryption"), U);
    assert_eq!(status("audit", "kinesis.stream_retention"), U);
    assert_eq!(status("raw-events", "firehose.s3_compression"), U);
    assert_eq!(status("unlisted", "msk.public_access"), U);
    assert_eq!(status("unlisted", "batch.compute_environment_spot"), U);
    assert_eq!(
        status("unlisted", "lambda.event_source_failure_destination"),
        U
    );
    assert!(!got.contains_key(&(
        mappings["enrich"].clone(),
        "lambda.event_source_failure_destination".into()
    )));
    // Functions were listed: their checks are judged.
    assert_eq!(status("enrich", "lambda.function_arm64"), F);
}
