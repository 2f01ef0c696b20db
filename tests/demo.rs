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
    assert_eq!(
        services,
        BTreeSet::from(["cloudtrail", "emr", "glue", "kms", "redshift", "s3"])
    );
    assert_eq!(report["scan"]["gaps"], serde_json::json!([]));
    // The demo's story: a bucket encrypted with a key on its way out.
    let doomed = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check_id"] == "kms.key_pending_deletion" && f["status"] == "FAIL")
        .expect("the legacy analytics key");
    assert_eq!(doomed["severity"], "critical");
}
