//! Politeness that adapts: every operation in every region has its own rate
//! controller ([`aimd::Lane`]) that starts at its ceiling (or `--start-rps`)
//! and settles under the account's real limit when AWS throttles. The
//! ceilings leave headroom under AWS's documented limits where AWS documents
//! them (docs/PERFORMANCE.md names the sources); `--max-rps` replaces every
//! ceiling with one hard rate.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use crate::crawl::aimd::{Lane, Limit};

tokio::task_local! {
    /// The region the running collector works in; calls outside any region
    /// (STS, ListBuckets, account-wide settings) count as `global`.
    static REGION: String;
}

/// Runs `work` with its calls counted against `region`.
pub fn in_region<F: Future>(region: &str, work: F) -> impl Future<Output = F::Output> {
    REGION.scope(region.to_string(), work)
}

/// Ceilings per operation and region: the first entry whose pattern matches
/// the action (`service:Operation`, `service:Prefix*` or `service`) applies.
/// (pattern, requests per second, burst)
const CEILINGS: &[(&str, f64, f64)] = &[
    // KMS Developer Guide, "Request quotas": 30/s for these, 100/s for the others read.
    ("kms:GetKeyPolicy", 27.0, 27.0),
    ("kms:GetKeyRotationStatus", 27.0, 27.0),
    ("kms", 90.0, 90.0),
    // S3 serves 5,500 GET/HEAD requests per second per prefix; a bucket's
    // configuration reads are taken at a tenth of that.
    ("s3", 500.0, 500.0),
    ("s3control", 20.0, 20.0),
    // EMR limits each API with a burst and a slower refill (Management
    // Guide, "What are Amazon EMR Service Quotas").
    ("elasticmapreduce", 5.0, 10.0),
    ("glue", 50.0, 50.0),
    ("redshift", 20.0, 20.0),
    ("cloudtrail", 10.0, 10.0),
    ("sts", 10.0, 10.0),
    ("account", 5.0, 5.0),
    ("organizations", 10.0, 10.0),
    ("athena", 20.0, 20.0),
    ("lakeformation", 20.0, 20.0),
    ("secretsmanager", 50.0, 50.0),
    ("events", 20.0, 20.0),
    ("wellarchitected", 10.0, 10.0),
    ("dynamodb", 100.0, 100.0),
    ("application-autoscaling", 20.0, 20.0),
    ("dax", 10.0, 10.0),
    ("rds", 20.0, 20.0),
    ("states", 50.0, 50.0),
    ("airflow", 10.0, 10.0),
    ("emr-serverless", 20.0, 20.0),
    // Kinesis documents per-account rates for its control plane (Developer
    // Guide, "Quotas and limits"): ListStreams 5, DescribeStreamSummary 20.
    ("kinesis:ListStreams", 5.0, 5.0),
    ("kinesis:DescribeStreamSummary", 20.0, 20.0),
    ("firehose", 10.0, 10.0),
    ("kafka", 10.0, 10.0),
    // Lambda's control-plane quota is 15 requests per second (Developer
    // Guide, "Lambda quotas").
    ("lambda", 15.0, 15.0),
    ("batch", 10.0, 10.0),
    ("redshift-serverless", 10.0, 10.0),
    // CloudWatch Logs documents DescribeLogGroups at 10 per second per
    // account and region (User Guide, "CloudWatch Logs quotas").
    ("logs:DescribeLogGroups", 10.0, 10.0),
    ("cloudwatch", 10.0, 10.0),
];

/// For an action no entry names (none should be: `tests/call_budget.rs`).
const FALLBACK: (f64, f64) = (10.0, 10.0);

/// The ceiling of `action`.
pub fn ceiling(action: &str) -> Limit {
    let service = action.split(':').next().unwrap_or_default();
    let (ceiling, burst) = CEILINGS
        .iter()
        .find(|(pattern, _, _)| match pattern.strip_suffix('*') {
            Some(prefix) => action.starts_with(prefix),
            None => *pattern == action || *pattern == service,
        })
        .map_or(FALLBACK, |(_, rate, burst)| (*rate, *burst));
    Limit { ceiling, burst }
}

/// Whether the table names `action`'s service.
#[cfg(test)]
pub fn has_ceiling(action: &str) -> bool {
    let service = action.split(':').next().unwrap_or_default();
    CEILINGS
        .iter()
        .any(|(pattern, _, _)| pattern.split(':').next() == Some(service))
}

/// The rate controllers of one scan.
pub struct Pace {
    lanes: Mutex<HashMap<(String, String), Arc<Lane>>>,
    /// Replaces every ceiling when set.
    max_rps: Option<f64>,
    /// Where every lane starts; its ceiling when unset.
    start_rps: Option<f64>,
}

impl Pace {
    /// The default ceilings, or `max_rps` for every operation; lanes start at
    /// `start_rps`, or at their ceiling.
    pub fn new(max_rps: Option<u32>, start_rps: Option<u32>) -> Self {
        Self {
            lanes: Mutex::new(HashMap::new()),
            max_rps: max_rps.map(|r| f64::from(r.max(1))),
            start_rps: start_rps.map(|r| f64::from(r.max(1))),
        }
    }

    /// The controller of `action` (`service:Operation`) in the current region.
    pub fn lane(&self, action: &str) -> Arc<Lane> {
        let region = REGION
            .try_with(String::clone)
            .unwrap_or_else(|_| "global".to_string());
        let mut lanes = self.lanes.lock().expect("lanes lock");
        lanes
            .entry((region, action.to_string()))
            .or_insert_with(|| {
                let limit = match self.max_rps {
                    Some(rps) => Limit {
                        ceiling: rps,
                        burst: rps,
                    },
                    None => ceiling(action),
                };
                Arc::new(Lane::new(limit, self.start_rps.unwrap_or(limit.ceiling)))
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_matching_entry_sets_the_ceiling() {
        assert_eq!(ceiling("kms:GetKeyPolicy").ceiling, 27.0);
        assert_eq!(ceiling("kms:DescribeKey").ceiling, 90.0);
        assert_eq!(
            ceiling("elasticmapreduce:DescribeCluster"),
            Limit {
                ceiling: 5.0,
                burst: 10.0
            }
        );
        assert_eq!(ceiling("unknown:Call").ceiling, FALLBACK.0);
    }

    #[test]
    fn every_declared_operation_has_a_ceiling_of_its_own() {
        for action in crate::crawl::actions::all().map(|a| a.op) {
            assert!(has_ceiling(action), "{action} has no entry in CEILINGS");
        }
    }

    #[tokio::test]
    async fn operations_and_regions_have_lanes_of_their_own() {
        let pace = Pace::new(None, None);
        let a = in_region("us-east-1", async { pace.lane("glue:GetTables") }).await;
        let b = in_region("us-east-1", async { pace.lane("glue:GetTables") }).await;
        let c = in_region("eu-west-1", async { pace.lane("glue:GetTables") }).await;
        let d = in_region("us-east-1", async { pace.lane("glue:GetJobs") }).await;
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert!(!Arc::ptr_eq(&a, &d));
        assert_eq!(a.rate(), 50.0);
    }

    #[tokio::test]
    async fn max_rps_replaces_every_ceiling_and_start_rps_sets_the_start() {
        let pace = Pace::new(Some(1_000), Some(3));
        let lane = pace.lane("elasticmapreduce:DescribeCluster");
        assert_eq!(lane.rate(), 3.0);
        let lifted = Pace::new(Some(1_000), None).lane("elasticmapreduce:DescribeCluster");
        assert_eq!(lifted.rate(), 1_000.0);
    }
}
