//! A scan makes only the calls the checks read, at most once per unit the
//! actions table names (a bucket, a job, a region…): a collector that adds a
//! call or calls it more often fails here. The budget is docs/PERFORMANCE.md.

mod support;

use std::collections::BTreeSet;

use lakelint::crawl::actions::{find, Per};
use lakelint_checks::Inventory;
use support::*;

/// How many of `per` the inventory holds.
fn units(inv: &Inventory, per: Per) -> u64 {
    let n = |x: usize| x as u64;
    match per {
        Per::Run => 1,
        Per::Account => 1,
        Per::Region => n(inv.scan.regions.len()),
        Per::Bucket => n(inv.s3.as_ref().map_or(0, |s| s.buckets.len())),
        Per::BucketWithoutListedRegion => {
            n(inv.s3.as_ref().map_or(0, |s| s.account_bucket_names.len()))
        }
        Per::GlueJob => n(inv
            .glue
            .iter()
            .flat_map(|g| &g.regions)
            .map(|r| r.jobs.len())
            .sum()),
        Per::GlueDatabase => n(inv
            .glue
            .iter()
            .flat_map(|g| &g.regions)
            .map(|r| {
                r.tables
                    .iter()
                    .map(|t| &t.database)
                    .collect::<BTreeSet<_>>()
                    .len()
            })
            .sum()),
        Per::RedshiftCluster => n(inv
            .redshift
            .iter()
            .flat_map(|r| &r.regions)
            .map(|r| r.clusters.len())
            .sum()),
        Per::ParameterGroup => n(inv
            .redshift
            .iter()
            .flat_map(|r| &r.regions)
            .map(|r| {
                r.clusters
                    .iter()
                    .map(|c| &c.parameter_group)
                    .collect::<BTreeSet<_>>()
                    .len()
            })
            .sum()),
        Per::EmrCluster => n(inv
            .emr
            .iter()
            .flat_map(|e| &e.regions)
            .map(|r| r.clusters.len())
            .sum()),
        Per::EmrSecurityConfiguration => n(inv
            .emr
            .iter()
            .flat_map(|e| &e.regions)
            .map(|r| r.security_configurations.len())
            .sum()),
        Per::Key => n(inv
            .kms
            .iter()
            .flat_map(|k| &k.regions)
            .map(|r| r.keys.len())
            .sum()),
        Per::CustomerKey => n(inv
            .kms
            .iter()
            .flat_map(|k| &k.regions)
            .map(|r| r.keys.iter().filter(|k| k.is_customer_managed()).count())
            .sum()),
        Per::Trail => n(inv.cloudtrail.as_ref().map_or(0, |c| c.trails.len())),
    }
}

#[test]
fn every_collector_keeps_to_its_call_budget() {
    let moto = Moto::start(&[]);
    let seeded = std::process::Command::new(python())
        .arg(repo_root().join("localstack/seed.py"))
        .args(["--endpoint", &moto.url()])
        .status()
        .unwrap();
    assert!(seeded.success());
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("inventory.json");
    let out = run(lakelint_with_credentials().args([
        "scan",
        "--endpoint-url",
        &moto.url(),
        "--regions",
        "us-east-1,eu-west-1",
        "--max-attempts",
        "2",
        "--save-inventory",
        saved.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let report = json(&out);
    let inventory: Inventory =
        serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();

    let calls = report["scan"]["api_calls"]["by_action"]
        .as_object()
        .unwrap();
    assert!(
        calls.len() > 20,
        "the demo reaches every collector: {calls:?}"
    );
    for (op, count) in calls {
        let action = find(op).unwrap_or_else(|| panic!("{op} is not in the actions table"));
        let budget = units(&inventory, action.per);
        let count = count.as_u64().unwrap();
        assert!(
            count <= budget,
            "{op}: {count} calls, budget {budget} ({:?})",
            action.per
        );
    }
    // The per-bucket reads happen exactly once per bucket: no bucket is skipped.
    let buckets = units(&inventory, Per::Bucket);
    assert!(buckets >= 5);
    for op in [
        "s3:GetBucketEncryption",
        "s3:GetBucketVersioning",
        "s3:GetBucketTagging",
    ] {
        assert_eq!(calls[op].as_u64().unwrap(), buckets, "{op}");
    }
}

#[test]
fn the_documented_budget_is_the_actions_table() {
    let doc = std::fs::read_to_string(repo_root().join("docs/PERFORMANCE.md")).unwrap();
    let documented: BTreeSet<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split('`').next())
        .collect();
    let declared: BTreeSet<&str> = lakelint::crawl::actions::ACTIONS
        .iter()
        .map(|a| a.op)
        .collect();
    assert_eq!(
        documented, declared,
        "update the table in docs/PERFORMANCE.md"
    );
}
