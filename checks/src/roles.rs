//! What each bucket is for, derived from the rest of the inventory.

use crate::config::Config;
use crate::model::{BucketRole, Inventory};

/// Recomputes every bucket's roles from the inventory and the config, so a
/// saved inventory judged with another config gets that config's roles.
pub fn derive_roles(inventory: &mut Inventory, config: &Config) {
    let Some(s3) = inventory.s3.as_mut() else {
        return;
    };
    let log_targets: Vec<String> = s3
        .buckets
        .iter()
        .filter_map(|b| b.logging.known()?.as_ref().map(|t| t.target_bucket.clone()))
        .collect();
    for bucket in &mut s3.buckets {
        let mut roles = Vec::new();
        if config.is_declared_data_lake(&bucket.name) {
            roles.push(BucketRole::DataLake);
        }
        if log_targets.contains(&bucket.name) {
            roles.push(BucketRole::LogTarget);
        }
        bucket.roles = roles;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LoggingTarget, Observed};
    use crate::pillars::testing::{bare_bucket, inventory};

    #[test]
    fn roles_from_logging_and_config() {
        let mut source = bare_bucket("raw-events", "us-east-1");
        source.logging = Observed::Known(Some(LoggingTarget {
            target_bucket: "access-logs".into(),
            target_prefix: String::new(),
        }));
        let mut inv = inventory(vec![source, bare_bucket("access-logs", "us-east-1")]);
        let mut config = Config::default();
        config.s3.data_lake_buckets = vec!["raw-*".into()];
        derive_roles(&mut inv, &config);
        let buckets = &inv.s3.as_ref().unwrap().buckets;
        assert_eq!(buckets[0].roles, [BucketRole::DataLake]);
        assert_eq!(buckets[1].roles, [BucketRole::LogTarget]);

        derive_roles(&mut inv, &Config::default());
        assert!(inv.s3.as_ref().unwrap().buckets[0].roles.is_empty());
    }
}
