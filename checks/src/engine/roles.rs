//! What each bucket is for, derived from the rest of the inventory.

use std::collections::BTreeMap;

pub use crate::engine::references::{bucket_of, BucketRole};
use crate::findings::config::Config;
use crate::model::{Inventory, Service, Unobserved, UnobservedKind};

/// What each bucket of the inventory is for.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    by_bucket: BTreeMap<String, Vec<BucketRole>>,
    /// Why the data lake may hold buckets not found: Glue not scanned, or a
    /// Glue listing failed.
    lake_incomplete: Option<Unobserved>,
}

/// Why the Glue tables and crawlers that name the data lake were not all seen.
fn lake_incomplete(inventory: &Inventory) -> Option<Unobserved> {
    if inventory.glue.is_none() {
        return Some(
            Unobserved::new(UnobservedKind::NotScanned, "glue:GetTables").with_message(
                "Glue was not scanned, so which buckets hold the data lake is not known",
            ),
        );
    }
    // Only the listings that find tables and crawlers say where the lake is.
    const LAKE_LISTINGS: &[&str] = &["glue:GetDatabases", "glue:GetTables", "glue:GetCrawlers"];
    inventory
        .scan
        .gaps
        .iter()
        .find(|gap| {
            gap.service == Service::Glue && LAKE_LISTINGS.contains(&gap.reason.action.as_str())
        })
        .map(|gap| gap.reason.clone())
}

impl Roles {
    /// Derives every bucket's roles from the inventory and the config, so a
    /// saved inventory judged with another config gets that config's roles.
    pub fn of(inventory: &Inventory, config: &Config) -> Roles {
        let Some(s3) = &inventory.s3 else {
            return Roles::default();
        };
        let uses = crate::engine::references::bucket_uses(inventory);
        let by_bucket = s3
            .buckets
            .iter()
            .map(|bucket| {
                let name = &bucket.name;
                let mut roles: Vec<BucketRole> = uses
                    .iter()
                    .filter(|u| &u.bucket == name)
                    .map(|u| u.role)
                    .collect();
                if config.is_declared_data_lake(name) {
                    roles.push(BucketRole::DataLake);
                }
                roles.sort();
                roles.dedup();
                (name.clone(), roles)
            })
            .collect();
        Roles {
            by_bucket,
            lake_incomplete: lake_incomplete(inventory),
        }
    }

    /// Whether the bucket holds the data lake; `Err` when it is not known to
    /// and the Glue tables and crawlers that would say were not all seen.
    pub fn is_data_lake(&self, name: &str) -> Result<bool, Unobserved> {
        if self.has(name, BucketRole::DataLake) {
            return Ok(true);
        }
        match &self.lake_incomplete {
            Some(reason) => Err(reason.clone()),
            None => Ok(false),
        }
    }

    /// The roles of the bucket called `name`.
    pub fn of_bucket(&self, name: &str) -> &[BucketRole] {
        self.by_bucket.get(name).map_or(&[], Vec::as_slice)
    }

    /// Whether the bucket called `name` has `role`.
    pub fn has(&self, name: &str, role: BucketRole) -> bool {
        self.of_bucket(name).contains(&role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LoggingTarget, Observed};
    use crate::testing::{bare_bucket, inventory};

    #[test]
    fn roles_from_logging_and_config() {
        let mut source = bare_bucket("raw-events", "us-east-1");
        source.logging = Observed::Known(Some(LoggingTarget {
            target_bucket: "access-logs".into(),
            target_prefix: String::new(),
        }));
        let inv = inventory(vec![source, bare_bucket("access-logs", "us-east-1")]);
        let mut config = Config::default();
        config.s3.data_lake_buckets = vec!["raw-*".into()];
        let roles = Roles::of(&inv, &config);
        assert_eq!(roles.of_bucket("raw-events"), [BucketRole::DataLake]);
        assert_eq!(roles.of_bucket("access-logs"), [BucketRole::LogTarget]);
        assert!(Roles::of(&inv, &Config::default())
            .of_bucket("raw-events")
            .is_empty());
    }

    #[test]
    fn glue_locations_mark_the_data_lake() {
        use crate::model::{GlueCrawler, GlueInventory, GlueRegion, GlueTable};
        let mut inv = inventory(vec![
            bare_bucket("tables", "us-east-1"),
            bare_bucket("crawled", "us-east-1"),
            bare_bucket("other", "us-east-1"),
        ]);
        inv.glue = Some(GlueInventory {
            regions: vec![GlueRegion {
                region: "us-east-1".into(),
                jobs: vec![],
                databases: vec![],
                triggers: vec![],
                crawlers: vec![GlueCrawler {
                    name: "c".into(),
                    arn: "a".into(),
                    security_configuration: None,
                    s3_targets: vec!["s3://crawled/raw/".into()],
                    schedule: None,
                    schedule_state: None,
                }],
                tables: vec![GlueTable {
                    location: Some("s3a://tables/sales/".into()),
                    ..GlueTable::default()
                }],
                security_configurations: Observed::Known(vec![]),
                catalog_encryption: Observed::Unknown(crate::testing::denied("glue:x")),
                schemas: vec![],
                data_quality_targets: Observed::Known(vec![]),
            }],
        });
        let derived = Roles::of(&inv, &Config::default());
        let roles: Vec<_> = inv
            .s3
            .unwrap()
            .buckets
            .iter()
            .map(|b| derived.of_bucket(&b.name).to_vec())
            .collect();
        assert_eq!(
            roles,
            [
                vec![BucketRole::DataLake],
                vec![BucketRole::DataLake],
                vec![]
            ]
        );
    }

    #[test]
    fn trail_and_emr_log_buckets() {
        let mut inv = crate::testing::with_trails(
            inventory(vec![
                bare_bucket("trail-logs", "us-east-1"),
                bare_bucket("emr-logs", "us-east-1"),
            ]),
            vec![crate::testing::good_trail("t")],
        );
        inv.emr = Some(crate::model::EmrInventory {
            regions: vec![crate::testing::emr_region(vec![
                crate::testing::good_emr_cluster("j"),
            ])],
        });
        let derived = Roles::of(&inv, &Config::default());
        let roles: Vec<_> = inv
            .s3
            .unwrap()
            .buckets
            .iter()
            .map(|b| derived.of_bucket(&b.name).to_vec())
            .collect();
        assert_eq!(
            roles,
            [vec![BucketRole::TrailBucket], vec![BucketRole::EmrLogs]]
        );
    }

    #[test]
    fn bucket_of_locations() {
        assert_eq!(bucket_of("s3://b/k/x"), Some("b"));
        assert_eq!(bucket_of("s3://b"), Some("b"));
        assert_eq!(bucket_of("hdfs://b/k"), None);
        assert_eq!(bucket_of("s3://"), None);
    }
}
