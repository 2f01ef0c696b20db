//! Many accounts on moto (Organizations, and AssumeRole into other account
//! ids with resources isolated per account): the organization fan-out, a role
//! that cannot be assumed, and shards that merge into the unsharded scan.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use support::proxy::{Deny, Faults, Proxy};
use support::*;

const ROLE: &str = "OrganizationAccountAccessRole";

fn organization() -> (Moto, BTreeMap<String, String>) {
    let moto = Moto::start(&[]);
    let ids = serde_json::from_str(&moto.seed("seed_org_fixture.py", &[])).unwrap();
    (moto, ids)
}

fn scan(endpoint: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let out = run(lakelint_with_credentials()
        .args([
            "scan",
            "--endpoint-url",
            endpoint,
            "--regions",
            "us-east-1",
            "--services",
            "s3",
            "--format",
            "json",
            "--role-name",
            ROLE,
        ])
        .args(extra));
    let report = json(&out);
    (out.status.code(), report)
}

fn accounts(report: &Value) -> BTreeMap<String, Value> {
    report["scan"]["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["account_id"].as_str().unwrap().to_string(), a.clone()))
        .collect()
}

/// Bucket names by the account whose findings name them.
fn buckets_by_account(report: &Value) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in report["findings"].as_array().unwrap() {
        if f["resource"]["type"] == "AwsS3Bucket" {
            out.entry(f["resource"]["account_id"].as_str().unwrap().into())
                .or_default()
                .insert(f["resource"]["id"].as_str().unwrap().into());
        }
    }
    out
}

#[test]
fn the_organization_is_scanned_account_by_account() {
    let (moto, ids) = organization();
    let (code, report) = scan(&moto.url(), &["--org"]);
    assert_eq!(code, Some(3));
    assert_eq!(report["scan"]["account_id"], "multiple");

    let accounts = accounts(&report);
    for name in ["analytics", "ingest", "sandbox"] {
        assert_eq!(accounts[&ids[name]]["scanned"], true, "{name}");
    }
    let retired = &accounts[&ids["retired"]];
    assert_eq!(retired["scanned"], false);
    assert_eq!(retired["reason"], "account status SUSPENDED");

    // Each account's findings are its own resources.
    let buckets = buckets_by_account(&report);
    assert_eq!(
        buckets[&ids["analytics"]],
        BTreeSet::from(["analytics-versioned".to_string()])
    );
    assert_eq!(
        buckets[&ids["ingest"]],
        BTreeSet::from(["ingest-plain".to_string(), "ingest-plain-2".to_string()])
    );
    assert!(!buckets.contains_key(&ids["sandbox"]));
    let versioning = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["check_id"] == "s3.bucket_versioning" && f["resource"]["id"] == "analytics-versioned"
        })
        .unwrap();
    assert_eq!(versioning["status"], "PASS");
    assert_eq!(versioning["resource"]["account_id"], ids["analytics"]);
    // Account-level findings, one per scanned account.
    let pab: BTreeSet<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check_id"] == "s3.account_public_access_block")
        .map(|f| f["resource"]["account_id"].as_str().unwrap())
        .collect();
    assert!(pab.contains(ids["sandbox"].as_str()) && pab.contains(ids["ingest"].as_str()));
}

#[test]
fn an_account_whose_role_cannot_be_assumed_is_reported_not_fatal() {
    let (moto, ids) = organization();
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            deny: vec![Deny {
                operation: Some("sts:AssumeRole".into()),
                body_contains: Some(ids["ingest"].clone()),
                ..Deny::default()
            }],
            ..Faults::default()
        },
    );
    let list = format!("{},{}", ids["analytics"], ids["ingest"]);
    // Judged on versioning only, the analytics account passes.
    let only = ["--accounts", &list, "--checks", "s3.bucket_versioning"];
    let (code, report) = scan(&proxy.url(), &only);
    assert_eq!(
        code,
        Some(0),
        "an account not scanned is not a failure by default"
    );
    let accounts = accounts(&report);
    assert_eq!(accounts[&ids["analytics"]]["scanned"], true);
    let ingest = &accounts[&ids["ingest"]];
    assert_eq!(ingest["scanned"], false);
    let reason = ingest["reason"].as_str().unwrap();
    assert!(
        reason.contains("cannot assume") && reason.contains(ROLE),
        "{reason}"
    );
    assert!(buckets_by_account(&report).contains_key(&ids["analytics"]));

    // Unless the run is asked to fail on what it could not see.
    let strict: Vec<&str> = only.iter().copied().chain(["--fail-on-unknown"]).collect();
    let (code, _) = scan(&proxy.url(), &strict);
    assert_eq!(code, Some(3));
}

#[test]
fn shards_merge_into_the_unsharded_scan() {
    let (moto, ids) = organization();
    let list = ["analytics", "ingest", "sandbox"]
        .map(|n| ids[n].clone())
        .join(",");
    let dir = tempfile::tempdir().unwrap();
    let mut shards = Vec::new();
    for shard in ["1/2", "2/2"] {
        let (_, report) = scan(&moto.url(), &["--accounts", &list, "--shard", shard]);
        let path = dir.path().join(format!("shard-{}.json", &shard[..1]));
        std::fs::write(&path, serde_json::to_string(&report).unwrap()).unwrap();
        shards.push(path);
    }
    let merged_path = dir.path().join("all.json");
    let merged = run(lakelint()
        .arg("merge")
        .args(&shards)
        .args(["--output", merged_path.to_str().unwrap()]));
    assert_eq!(merged.status.code(), Some(0), "{}", stderr(&merged));
    let merged: Value =
        serde_json::from_str(&std::fs::read_to_string(&merged_path).unwrap()).unwrap();

    let (_, whole) = scan(&moto.url(), &["--accounts", &list]);
    assert_eq!(merged["findings"], whole["findings"]);
    assert_eq!(merged["summary"], whole["summary"]);
    assert_eq!(merged["scan"]["accounts"], whole["scan"]["accounts"]);
    assert_eq!(merged["resources"], whole["resources"]);
    // Every account landed in exactly one shard.
    let per_shard: Vec<BTreeSet<String>> = shards
        .iter()
        .map(|p| {
            let r: Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            accounts(&r).into_keys().collect()
        })
        .collect();
    assert!(per_shard[0].is_disjoint(&per_shard[1]));
    assert_eq!(per_shard[0].len() + per_shard[1].len(), 3);
}
