//! An AWS-like limit model: a token bucket per operation family and region,
//! refilled at the family's rate up to its burst, as AWS throttles its APIs
//! (EMR documents exactly this shape: a burst and a slower refill per API).
//! A request that finds the bucket empty is answered "throttled".

use std::collections::HashMap;
use std::time::Instant;

/// (pattern, requests per second, burst): `service:Operation`, or
/// `service:Prefix*` for a family that shares one bucket.
pub const MODEL: &[(&str, f64, f64)] = &[
    ("glue:GetTables", 10.0, 20.0),
    ("elasticmapreduce:ListClusters", 5.0, 10.0),
    ("elasticmapreduce:DescribeCluster", 5.0, 10.0),
    ("elasticmapreduce:ListInstanceGroups", 5.0, 10.0),
    ("elasticmapreduce:ListInstanceFleets", 5.0, 10.0),
    ("elasticmapreduce:GetAutoTerminationPolicy", 5.0, 10.0),
    ("elasticmapreduce:GetManagedScalingPolicy", 5.0, 10.0),
    ("kms:GetKeyPolicy", 30.0, 30.0),
    ("kms:GetKeyRotationStatus", 30.0, 30.0),
    ("kms:DescribeKey", 100.0, 100.0),
    // A bucket's configuration reads, all of them together.
    ("s3:GetBucket*", 1000.0, 1000.0),
];

/// The family `operation` belongs to, with its rate and burst.
pub fn family(operation: &str) -> Option<(&'static str, f64, f64)> {
    MODEL
        .iter()
        .find(|(pattern, _, _)| match pattern.strip_suffix('*') {
            Some(prefix) => operation.starts_with(prefix),
            None => *pattern == operation,
        })
        .copied()
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// The buckets of every (region, family).
#[derive(Default)]
pub struct Limits {
    buckets: HashMap<(String, &'static str), Bucket>,
}

impl Limits {
    /// Whether a request of `operation` in `region` arriving now is served;
    /// `None` when no family limits it.
    pub fn admit(&mut self, region: &str, operation: &str) -> Option<bool> {
        let (name, rate, burst) = family(operation)?;
        let now = Instant::now();
        let bucket = self
            .buckets
            .entry((region.to_string(), name))
            .or_insert(Bucket {
                tokens: burst,
                at: now,
            });
        bucket.tokens =
            (bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * rate).min(burst);
        bucket.at = now;
        Some(if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_served_and_the_next_request_throttled() {
        let mut limits = Limits::default();
        for _ in 0..20 {
            assert_eq!(limits.admit("us-east-1", "glue:GetTables"), Some(true));
        }
        assert_eq!(limits.admit("us-east-1", "glue:GetTables"), Some(false));
        // Regions have buckets of their own; unmodelled operations are not limited.
        assert_eq!(limits.admit("eu-west-1", "glue:GetTables"), Some(true));
        assert_eq!(limits.admit("us-east-1", "glue:GetJobs"), None);
        assert_eq!(
            family("s3:GetBucketVersioning").map(|f| f.0),
            Some("s3:GetBucket*")
        );
    }
}
