//! The calls in flight adapt to the endpoint: more while answers keep their
//! latency, no more when latency grows with load or throttles are a
//! pattern, never above `--max-concurrency`; the scan reports where it
//! settled. The proxy makes up every S3 answer after a latency it controls,
//! so the endpoint's behaviour is the test's, not moto's.

mod support;

use std::sync::Mutex;
use std::time::Duration;

use serde_json::Value;
use support::proxy::{Answer, Faults, Latency, Proxy};
use support::*;

const BUCKETS: usize = 150;

/// One scan at a time: what these tests watch is latency, which scans
/// running side by side on a small machine would change for each other.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// ListBuckets with `BUCKETS` buckets, and a body for every per-bucket read
/// (what it says does not matter here, only when it comes).
fn answers() -> Vec<Answer> {
    let buckets: String = (0..BUCKETS)
        .map(|i| format!("<Bucket><Name>b-{i:04}</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket>"))
        .collect();
    let list = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>o</ID></Owner><Buckets>{buckets}</Buckets></ListAllMyBucketsResult>"#
    );
    let mut answers = vec![Answer::to("s3:ListBuckets", &list)];
    for op in [
        "GetBucketAcl",
        "GetBucketEncryption",
        "GetBucketLifecycleConfiguration",
        "GetBucketLocation",
        "GetBucketLogging",
        "GetBucketPolicyStatus",
        "GetBucketPolicy",
        "GetBucketReplication",
        "GetBucketTagging",
        "GetBucketVersioning",
        "GetPublicAccessBlock",
        "ListBucketIntelligentTieringConfigurations",
    ] {
        answers.push(Answer::to(
            &format!("s3:{op}"),
            r#"<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>"#,
        ));
    }
    answers
}

fn scan(proxy: &Proxy, extra: &[&str]) -> Value {
    let out = run(scan_json(&proxy.url(), "us-east-1", "s3")
        .args(["--max-attempts", "8"])
        .args(extra));
    assert!(matches!(out.status.code(), Some(0 | 3)), "{}", stderr(&out));
    json(&out)
}

fn endpoint(latency: Latency, throttle_rate: f64) -> (Moto, Proxy) {
    let moto = Moto::start(&[]);
    let proxy = Proxy::start(
        &moto.url(),
        Faults {
            answers: answers(),
            latency: Some(latency),
            throttle_rate,
            seed: 11,
            ..Faults::default()
        },
    );
    (moto, proxy)
}

#[test]
fn steady_answers_let_it_grow_within_its_bounds() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // Slow enough that the debug build's own work does not slow the answers.
    let steady = Latency {
        base: Duration::from_millis(200),
        per_in_flight: Duration::ZERO,
    };
    let (_moto, proxy) = endpoint(steady, 0.0);
    let report = scan(&proxy, &[]);
    let concurrency = &report["scan"]["concurrency"];
    assert_eq!(concurrency["start"], 32, "{concurrency}");
    assert_eq!(concurrency["max"], 256, "{concurrency}");
    // How far it grows depends on the machine too: the debug build's own
    // work, and whatever else runs beside it, slows the answers it sees
    // (src/crawl/concurrency.rs's tests show the whole climb).
    let most = concurrency["most_in_flight"].as_u64().unwrap();
    assert!(most > 32, "{concurrency}");
    assert!(proxy.most_in_flight() > 32, "{}", proxy.most_in_flight());
    assert!(proxy.most_in_flight() <= 256, "{}", proxy.most_in_flight());

    // A hard ceiling holds.
    let quick = Latency {
        base: Duration::from_millis(20),
        ..steady
    };
    let (_moto, proxy) = endpoint(quick, 0.0);
    let report = scan(&proxy, &["--max-concurrency", "12"]);
    assert_eq!(report["scan"]["concurrency"]["max"], 12);
    assert!(proxy.most_in_flight() <= 12, "{}", proxy.most_in_flight());
}

#[test]
fn an_endpoint_slowing_under_load_is_not_driven_harder() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // 5 ms, plus 2 ms for every request in flight.
    let loaded = Latency {
        base: Duration::from_millis(5),
        per_in_flight: Duration::from_millis(2),
    };
    let (_moto, proxy) = endpoint(loaded, 0.0);
    let report = scan(&proxy, &[]);
    let concurrency = &report["scan"]["concurrency"];
    // It probes one step up (32 → 40), finds answers slower, and comes back.
    assert!(
        concurrency["settled"].as_u64().unwrap() <= 40,
        "{concurrency}"
    );
    assert!(
        concurrency["most_in_flight"].as_u64().unwrap() <= 40,
        "{concurrency}"
    );
    assert!(proxy.most_in_flight() <= 48, "{}", proxy.most_in_flight());
}

#[test]
fn throttles_as_a_pattern_keep_it_down() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let steady = Latency {
        base: Duration::from_millis(20),
        per_in_flight: Duration::ZERO,
    };
    let (_moto, proxy) = endpoint(steady, 0.4);
    let report = scan(&proxy, &[]);
    let concurrency = &report["scan"]["concurrency"];
    assert!(
        concurrency["settled"].as_u64().unwrap() <= 32,
        "{concurrency}"
    );
}
