//! A scan makes only the calls the checks read, at most once per unit the
//! actions table names (a bucket, a job, a region…): a collector that adds a
//! call or calls it more often fails here. The budget is docs/PERFORMANCE.md.

mod support;

use std::collections::BTreeSet;

use lakelint::crawl::actions::find;
use lakelint_checks::Inventory;
use support::*;

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
        let budget = (action.per.count)(&inventory);
        let count = count.as_u64().unwrap();
        assert!(
            count <= budget,
            "{op}: {count} calls, budget {budget} (one per {})",
            action.per.name
        );
    }
    // The per-bucket reads happen exactly once per bucket: no bucket is skipped.
    let buckets = (find("s3:GetBucketEncryption").unwrap().per.count)(&inventory);
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
    let declared: BTreeSet<&str> = lakelint::crawl::actions::all().map(|a| a.op).collect();
    assert_eq!(
        documented, declared,
        "update the table in docs/PERFORMANCE.md"
    );
}
