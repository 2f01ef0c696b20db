//! Politeness: a token bucket per service and region, so a scan never takes
//! more than its share of an account's API quota. The rates sit well below
//! the request rates at which AWS starts throttling those APIs; `--max-rps`
//! sets one rate for every service.

use std::collections::HashMap;
use std::future::Future;
use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

tokio::task_local! {
    /// The region the running collector works in; calls outside any region
    /// (STS, ListBuckets, account-wide settings) count as `global`.
    static REGION: String;
}

/// Runs `work` with its calls counted against `region`.
pub fn in_region<F: Future>(region: &str, work: F) -> impl Future<Output = F::Output> {
    REGION.scope(region.to_string(), work)
}

/// Requests per second per service and region, by default.
const DEFAULT_RATES: &[(&str, u32)] = &[
    ("s3", 100),
    ("s3control", 10),
    ("glue", 20),
    ("redshift", 10),
    ("elasticmapreduce", 5),
    ("kms", 50),
    ("cloudtrail", 5),
    ("sts", 10),
    ("account", 5),
    ("organizations", 5),
    ("athena", 5),
    ("lakeformation", 10),
    ("secretsmanager", 20),
    ("events", 10),
    ("wellarchitected", 5),
    ("dynamodb", 20),
    ("application-autoscaling", 10),
    ("dax", 5),
    ("rds", 10),
    ("states", 10),
    ("airflow", 5),
    ("emr-serverless", 5),
];

pub struct Pace {
    limiters: HashMap<&'static str, DefaultKeyedRateLimiter<String>>,
}

impl Pace {
    /// The default rates, or `max_rps` for every service.
    pub fn new(max_rps: Option<u32>) -> Self {
        let limiters = DEFAULT_RATES
            .iter()
            .map(|(service, rate)| {
                let rate = NonZeroU32::new(max_rps.unwrap_or(*rate)).unwrap_or(NonZeroU32::MIN);
                (*service, RateLimiter::keyed(Quota::per_second(rate)))
            })
            .collect();
        Self { limiters }
    }

    /// Waits until `action` (`service:Operation`) may be sent in the current region.
    pub async fn wait(&self, action: &str) {
        let service = action.split(':').next().unwrap_or_default();
        if let Some(limiter) = self.limiters.get(service) {
            let region = REGION
                .try_with(String::clone)
                .unwrap_or_else(|_| "global".to_string());
            limiter.until_key_ready(&region).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_region_is_held_to_its_rate_and_regions_do_not_share_it() {
        let pace = Pace::new(Some(5));
        let start = std::time::Instant::now();
        // The burst is the rate: 5 pass at once, the 6th waits for a token.
        for _ in 0..6 {
            in_region("us-east-1", pace.wait("glue:GetJobs")).await;
        }
        let one_region = start.elapsed();
        assert!(
            one_region >= std::time::Duration::from_millis(150),
            "{one_region:?}"
        );
        let start = std::time::Instant::now();
        for _ in 0..5 {
            in_region("eu-west-1", pace.wait("glue:GetJobs")).await;
        }
        assert!(start.elapsed() < std::time::Duration::from_millis(100));
    }
}
