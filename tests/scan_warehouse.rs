//! The real binary scans a seeded moto: Redshift and EMR, in two regions.
//! What moto cannot seed (require_ssl=true, Multi-AZ, auto-termination and
//! managed-scaling policies, instance fleets) is covered by the unit tests of
//! those checks; here those reads are UNKNOWN "not supported by endpoint".

mod support;

use std::collections::BTreeMap;

use support::*;

fn redshift_expected() -> BTreeMap<(String, String), String> {
    let checks = [
        "cluster_public_access",
        "cluster_encrypted",
        "cluster_require_ssl",
        "cluster_audit_logging",
        "cluster_user_activity_logging",
        "cluster_auto_upgrade",
        "cluster_enhanced_vpc_routing",
        "cluster_default_admin",
        "cluster_snapshot_retention",
        "cluster_multi_az",
        "cluster_cross_region_snapshots",
        "cluster_current_generation",
        "cluster_managed_admin_password",
        "cluster_result_cache",
        "cluster_auto_wlm",
    ];
    // moto serves require_ssl and enable_user_activity_logging as false,
    // automatic WLM, and (through the launcher) enable_result_cache_for_session
    // as true for every parameter group, does not report MultiAZ (so it is UNKNOWN), and ignores
    // ManageMasterPassword (so no cluster has a MasterPasswordSecretArn).
    #[rustfmt::skip]
    let rows = [
        //           public enc ssl audit activity upgrade evr admin retention multi_az copy gen managed cache wlm
        ("rs-good", [P,     P,  F,  P,    F,       P,      P,  P,    P,        U,       P,   P,  F,      P,    P]),
        ("rs-bad",  [F,     F,  F,  F,    F,       F,      F,  F,    F,        NA,      F,   F,  F,      P,    P]),
        ("rs-eu",   [P,     P,  F,  P,    F,       P,      P,  P,    P,        U,       F,   P,  F,      P,    P]),
    ];
    grid("redshift", &checks, &rows)
}

fn emr_expected(ids: &BTreeMap<String, String>) -> BTreeMap<(String, String), String> {
    let checks = [
        "cluster_security_configuration",
        "cluster_logging",
        "cluster_spot_usage",
        "cluster_auto_termination",
        "cluster_managed_scaling",
        "cluster_current_release",
        "cluster_current_generation",
        "cluster_graviton",
    ];
    #[rustfmt::skip]
    let rows = [
        //                security logging spot termination scaling release generation graviton
        (&ids["emr-good"],   [P,    P,      P,   P,          U,      P,      P,         P]),
        (&ids["emr-legacy"], [F,    F,      F,   U,          U,      F,      F,         F]),
        (&ids["emr-s3"],     [P,    P,      F,   U,          U,      P,      P,         F]),
        // No task nodes and on-demand core: it runs no Spot at all.
        (&ids["emr-eu"],     [P,    P,      F,   U,          U,      P,      P,         F]),
    ];
    let rows: Vec<(&str, [&str; 8])> = rows.iter().map(|(id, r)| (id.as_str(), *r)).collect();
    let mut want = grid("emr", &checks, &rows);
    want.extend(grid(
        "emr",
        &[
            "security_configuration_at_rest",
            "security_configuration_in_transit",
        ],
        &[
            ("emr-full", [P, P]),
            // At rest means S3 (EMRFS); local disk is only reported.
            ("emr-s3-only", [P, F]),
            ("emr-transit-only", [F, P]),
        ],
    ));
    want
}

#[test]
fn redshift_and_emr_findings() {
    let moto = Moto::start(&[]);
    let ids: BTreeMap<String, String> =
        serde_json::from_str(&moto.seed("seed_warehouse_fixture.py", &[])).unwrap();
    let out = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        "us-east-1,eu-west-1",
        "--services",
        "redshift,emr",
        "--format",
        "json",
        "--max-concurrency",
        "8",
        // moto answers what it does not implement with HTTP 500, which the SDK
        // retries as transient: two attempts keep the test quick.
        "--max-attempts",
        "2",
    ]));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report = json(&out);

    assert_findings(&report, "redshift.", &redshift_expected());

    let mut want = emr_expected(&ids);
    // Block public access is judged per region.
    let bpa: BTreeMap<String, String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check_id"] == "emr.account_block_public_access")
        .map(|f| {
            (
                f["resource"]["region"].as_str().unwrap().to_string(),
                f["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        bpa,
        BTreeMap::from([
            ("eu-west-1".into(), F.into()),
            ("us-east-1".into(), P.into())
        ])
    );
    want.insert(
        (
            "123456789012".into(),
            "emr.account_block_public_access".into(),
        ),
        F.into(),
    );
    let mut got_emr: BTreeMap<_, _> = statuses(&report)
        .into_iter()
        .filter(|((_, c), _)| c.starts_with("emr."))
        .collect();
    // Both regions' block-public-access findings share the account id: compare the rest.
    got_emr.remove(&(
        "123456789012".into(),
        "emr.account_block_public_access".into(),
    ));
    want.remove(&(
        "123456789012".into(),
        "emr.account_block_public_access".into(),
    ));
    assert_eq!(got_emr, want);

    // What moto does not implement is UNKNOWN with that reason, never FAIL.
    let f = finding(&report, &ids["emr-legacy"], "emr.cluster_auto_termination");
    assert_eq!(
        f["reason"],
        "not supported by endpoint: elasticmapreduce:GetAutoTerminationPolicy"
    );

    // Only active clusters are described: the terminated one is never read.
    let calls = &report["scan"]["api_calls"]["by_action"];
    assert_eq!(calls["elasticmapreduce:DescribeCluster"], 4);
    // A parameter group shared by clusters is read once per region.
    assert_eq!(calls["redshift:DescribeClusterParameters"], 2);
    let regions: BTreeMap<&str, &str> = report["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["arn"].as_str().unwrap(), r["region"].as_str().unwrap()))
        .collect();
    let eu_cluster = regions
        .iter()
        .find(|(arn, _)| arn.ends_with(&ids["emr-eu"]))
        .unwrap();
    assert_eq!(*eu_cluster.1, "eu-west-1");
}
