//! Checks grouped by their primary Well-Architected pillar, one module per
//! pillar and, inside it, one file per service; and the helpers they share.

use crate::check::Check;
use crate::model::{Bucket, Inventory, Service, Trail, Unobserved, UnobservedKind};

/// Lists a pillar's checks, service module by service module. The modules
/// themselves are declared with plain `mod` lines, so rustfmt and other tools
/// that do not expand macros still find them.
macro_rules! services {
    ($($service:ident),* $(,)?) => {
        /// This pillar's checks, service by service.
        pub(crate) const CHECKS: &[&[crate::check::Check]] = &[$($service::CHECKS),*];
    };
}

pub(crate) mod cost_optimization;
pub(crate) mod operational_excellence;
pub(crate) mod performance_efficiency;
pub(crate) mod reliability;
pub(crate) mod security;
pub(crate) mod sustainability;

/// Every pillar's checks, in catalog order.
pub(crate) const CHECKS: [&[&[Check]]; 6] = [
    security::CHECKS,
    reliability::CHECKS,
    performance_efficiency::CHECKS,
    cost_optimization::CHECKS,
    sustainability::CHECKS,
    operational_excellence::CHECKS,
];

/// Whether CloudTrail records the object-level events of `bucket`.
#[derive(Debug)]
pub(crate) enum DataEvents<'a> {
    /// By this logging trail.
    Covered(&'a Trail),
    NotCovered,
}

/// Looks for a logging trail whose S3 data-event selectors cover all of the
/// bucket; `Err` when a trail that might cover it could not be read.
pub(crate) fn s3_data_events<'a>(
    inventory: &'a Inventory,
    bucket: &Bucket,
) -> Result<DataEvents<'a>, Unobserved> {
    let cloudtrail = inventory.cloudtrail.as_ref().ok_or_else(|| {
        Unobserved::new(UnobservedKind::NotScanned, "cloudtrail:GetEventSelectors")
            .with_message("CloudTrail was not scanned")
    })?;
    let region = bucket.region.known();
    let mut unreadable = None;
    for trail in &cloudtrail.trails {
        let at_home = region == Some(&trail.home_region);
        match trail.multi_region.get() {
            Ok(false) if !at_home => continue,
            Err(reason) if !at_home => {
                unreadable = Some(reason);
                continue;
            }
            _ => {}
        }
        match (trail.logging.get(), trail.selectors.get()) {
            (Ok(true), Ok(selectors))
                if selectors
                    .recorded(&inventory.account.partition)
                    .s3_data
                    .covers_bucket(&inventory.account.partition, &bucket.name) =>
            {
                return Ok(DataEvents::Covered(trail));
            }
            (Err(reason), _) | (_, Err(reason)) => unreadable = Some(reason),
            _ => {}
        }
    }
    // A region whose trails could not be listed may hold the covering trail.
    let unlisted = inventory.gap(Service::CloudTrail, None);
    match unreadable.or_else(|| unlisted.map(|g| g.reason.clone())) {
        Some(reason) => Err(reason),
        None => Ok(DataEvents::NotCovered),
    }
}

/// Which of the `required` tag keys `tags` lacks (keys compared case-insensitively).
pub(crate) fn missing_tags<'a>(
    required: &'a [String],
    tags: &std::collections::BTreeMap<String, String>,
) -> Vec<&'a str> {
    required
        .iter()
        .filter(|key| !tags.keys().any(|k| k.eq_ignore_ascii_case(key)))
        .map(String::as_str)
        .collect()
}

/// The region of the bucket called `name`, when it is in the inventory.
pub(crate) fn region_of_bucket<'a>(inventory: &'a Inventory, name: &str) -> Option<&'a str> {
    inventory
        .s3
        .as_ref()?
        .buckets
        .iter()
        .find(|b| b.name == name)?
        .region
        .known()
        .map(String::as_str)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Inventory values for the checks' unit tests.

    use std::collections::BTreeMap;

    use crate::check::Context;
    use crate::config::Config;
    use crate::finding::Status;
    use crate::model::*;

    /// Buckets named `lake*` are data-lake buckets.
    pub fn lake_config() -> Config {
        let mut config = Config::default();
        config.s3.data_lake_buckets = vec!["lake*".into()];
        config
    }

    pub fn denied(action: &str) -> Unobserved {
        Unobserved::new(UnobservedKind::AccessDenied, action)
    }

    /// Records that `action` was denied while listing `service` (in `region`).
    pub fn deny_listing(inv: &mut Inventory, service: Service, region: Option<&str>, action: &str) {
        inv.scan.gaps.push(Gap {
            account_id: None,
            service,
            region: region.map(Into::into),
            reason: denied(action),
        });
    }

    /// A bucket with nothing configured: every setting known to be absent.
    pub fn bare_bucket(name: &str, region: &str) -> Bucket {
        Bucket {
            name: name.into(),
            arn: format!("arn:aws:s3:::{name}"),
            region: Observed::Known(region.into()),
            public_access_block: Observed::Known(None),
            policy: Observed::Known(None),
            encryption: Observed::Known(None),
            logging: Observed::Known(None),
            versioning: Observed::Known(Versioning::default()),
            lifecycle: Observed::Known(Vec::new()),
            intelligent_tiering: Observed::Known(Vec::new()),
            replication: Observed::Known(Vec::new()),
            tags: Observed::Known(BTreeMap::new()),
        }
    }

    pub fn inventory(buckets: Vec<Bucket>) -> Inventory {
        let account_bucket_names = buckets.iter().map(|b| b.name.clone()).collect();
        Inventory {
            schema_version: INVENTORY_SCHEMA_VERSION.into(),
            account: Account {
                account_id: "123456789012".into(),
                partition: "aws".into(),
                caller_arn: "arn:aws:iam::123456789012:user/test".into(),
            },
            scan: ScanInfo {
                regions: vec!["us-east-1".into()],
                services: Service::ALL.to_vec(),
                ..ScanInfo::default()
            },
            s3: Some(S3Inventory {
                account_public_access_block: Observed::Known(None),
                buckets,
                account_bucket_names,
            }),
            // Glue scanned and empty: bucket roles are complete.
            glue: Some(Regional::default()),
            redshift: None,
            emr: None,
            kms: None,
            cloudtrail: None,
        }
    }

    /// Runs the check with `id` and returns (resource id, status, message or reason).
    pub fn run(id: &str, inventory: &Inventory) -> Vec<(String, Status, String)> {
        run_with(id, inventory, &Config::default())
    }

    pub fn run_with(
        id: &str,
        inventory: &Inventory,
        config: &Config,
    ) -> Vec<(String, Status, String)> {
        let check = crate::registry::find(id).unwrap_or_else(|| panic!("no check {id}"));
        let roles = crate::roles::Roles::of(inventory, config);
        let cx = Context {
            inventory,
            config,
            roles: &roles,
        };
        (check.judge)(&cx)
            .into_iter()
            .map(|j| {
                let text = match &j.outcome {
                    crate::finding::Outcome::Pass(m) | crate::finding::Outcome::Fail(m) => {
                        m.to_string()
                    }
                    crate::finding::Outcome::Unknown(r) => r.to_string(),
                };
                (j.resource.id, j.outcome.status(), text)
            })
            .collect()
    }

    /// A Glue job that passes every job check.
    pub fn good_job(name: &str) -> GlueJob {
        GlueJob {
            name: name.into(),
            arn: format!("arn:aws:glue:us-east-1:123456789012:job/{name}"),
            command: Observed::Known("glueetl".into()),
            reads_catalog_or_s3: None,
            glue_version: Some("4.0".into()),
            security_configuration: Some("secure".into()),
            arguments: [
                ("--enable-continuous-cloudwatch-log", "true"),
                ("--enable-metrics", "true"),
                ("--enable-auto-scaling", "true"),
                ("--job-bookmark-option", "job-bookmark-enable"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
            secret_argument_keys: vec![],
            timeout_minutes: Some(60),
            max_retries: 1,
            tags: Observed::Known([("owner".to_string(), "data".to_string())].into()),
        }
    }

    pub fn secure_configuration(name: &str) -> GlueSecurityConfiguration {
        GlueSecurityConfiguration {
            name: name.into(),
            s3_encryption: "SSE-KMS".into(),
            cloudwatch_encryption: "SSE-KMS".into(),
            job_bookmarks_encryption: "CSE-KMS".into(),
            kms_keys: vec!["arn:aws:kms:us-east-1:123456789012:key/k".into()],
        }
    }

    /// A Glue region in us-east-1 with an encrypted catalog and the `secure` configuration.
    pub fn glue_region() -> GlueRegion {
        GlueRegion {
            region: "us-east-1".into(),
            jobs: vec![],
            crawlers: vec![],
            tables: vec![],
            security_configurations: Observed::Known(vec![secure_configuration("secure")]),
            catalog_encryption: Observed::Known(CatalogEncryption {
                at_rest_mode: "SSE-KMS".into(),
                at_rest_kms_key: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
                connection_password_encrypted: true,
                connection_password_kms_key: None,
            }),
        }
    }

    pub fn glue_inventory(region: GlueRegion) -> Inventory {
        let mut inv = inventory(vec![]);
        inv.glue = Some(GlueInventory {
            regions: vec![region],
        });
        inv
    }

    /// The verdict of `id` on the only Glue resource it judges in `region`.
    pub fn glue_verdict(id: &str, region: GlueRegion) -> Option<(Status, String)> {
        let inv = glue_inventory(region);
        let mut out = run(id, &inv);
        assert!(out.len() <= 1, "{out:?}");
        out.pop().map(|(_, status, text)| (status, text))
    }

    pub fn job_verdict(id: &str, job: GlueJob) -> Option<(Status, String)> {
        let mut region = glue_region();
        region.jobs = vec![job];
        glue_verdict(id, region)
    }

    /// A Redshift cluster that passes every cluster check.
    pub fn good_cluster(id: &str) -> RedshiftCluster {
        RedshiftCluster {
            id: id.into(),
            arn: format!("arn:aws:redshift:us-east-1:123456789012:cluster:{id}"),
            node_type: Observed::Known("ra3.xlplus".into()),
            number_of_nodes: Observed::Known(2),
            publicly_accessible: Observed::Known(false),
            encrypted: Observed::Known(true),
            kms_key_id: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
            master_username: Observed::Known("warehouse_admin".into()),
            allow_version_upgrade: Observed::Known(true),
            enhanced_vpc_routing: Observed::Known(true),
            automated_snapshot_retention_days: Observed::Known(7),
            multi_az: Some("Enabled".into()),
            snapshot_copy_region: Some("us-west-2".into()),
            preferred_maintenance_window: Some("sun:05:00-sun:05:30".into()),
            parameter_group: Some("secure".into()),
            parameters: Observed::Known(
                [
                    ("require_ssl", "true"),
                    ("enable_user_activity_logging", "true"),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ),
            audit_logging: Observed::Known(RedshiftLogging {
                enabled: true,
                destination: Some("s3".into()),
                bucket: Some("audit-logs".into()),
            }),
            tags: BTreeMap::new(),
        }
    }

    /// The verdict of `id` on a one-cluster inventory.
    pub fn cluster_verdict(id: &str, cluster: RedshiftCluster) -> Option<(Status, String)> {
        let mut inv = inventory(vec![]);
        inv.redshift = Some(RedshiftInventory {
            regions: vec![RedshiftRegion {
                region: "us-east-1".into(),
                clusters: vec![cluster],
            }],
        });
        let mut out = run(id, &inv);
        assert!(out.len() <= 1, "{out:?}");
        out.pop().map(|(_, status, text)| (status, text))
    }

    /// An active EMR cluster that passes every cluster check, using the `secure` configuration.
    pub fn good_emr_cluster(id: &str) -> EmrCluster {
        EmrCluster {
            id: id.into(),
            name: id.into(),
            arn: format!("arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/{id}"),
            state: "WAITING".into(),
            release_label: Some("emr-7.1.0".into()),
            log_uri: Some("s3://emr-logs/".into()),
            security_configuration: Some("secure".into()),
            termination_protected: Observed::Known(false),
            auto_termination_idle_seconds: Observed::Known(Some(3600)),
            managed_scaling: Observed::Known(true),
            instances: Observed::Known(vec![
                EmrInstances {
                    role: "MASTER".into(),
                    market: Market::OnDemand,
                    instance_types: vec!["m6g.xlarge".into()],
                },
                EmrInstances {
                    role: "CORE".into(),
                    market: Market::OnDemand,
                    instance_types: vec!["r6g.2xlarge".into()],
                },
                EmrInstances {
                    role: "TASK".into(),
                    market: Market::Spot,
                    instance_types: vec!["r6g.2xlarge".into()],
                },
            ]),
        }
    }

    /// A document with S3, local-disk and in-transit encryption on.
    pub const EMR_SECURE_DOCUMENT: &str = r#"{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":true,
        "AtRestEncryptionConfiguration":{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-S3"},
        "LocalDiskEncryptionConfiguration":{"EncryptionKeyProviderType":"Custom"}}}}"#;

    pub fn emr_configuration(name: &str, document: &str) -> EmrSecurityConfiguration {
        EmrSecurityConfiguration {
            name: name.into(),
            document: Observed::Known(document.into()),
        }
    }

    /// An EMR region with block public access on and the `secure` configuration.
    pub fn emr_region(clusters: Vec<EmrCluster>) -> EmrRegion {
        EmrRegion {
            region: "us-east-1".into(),
            block_public_access: Observed::Known(true),
            clusters,
            security_configurations: vec![emr_configuration("secure", EMR_SECURE_DOCUMENT)],
        }
    }

    pub fn emr_verdict(id: &str, region: EmrRegion) -> Option<(Status, String)> {
        let mut inv = inventory(vec![]);
        inv.emr = Some(EmrInventory {
            regions: vec![region],
        });
        let mut out = run(id, &inv);
        assert!(out.len() <= 1, "{out:?}");
        out.pop().map(|(_, status, text)| (status, text))
    }

    pub fn emr_cluster_verdict(id: &str, cluster: EmrCluster) -> Option<(Status, String)> {
        emr_verdict(id, emr_region(vec![cluster]))
    }

    /// A customer-managed symmetric key in us-east-1.
    pub fn kms_key(id: &str, state: &str) -> KmsKey {
        KmsKey {
            id: id.into(),
            arn: format!("arn:aws:kms:us-east-1:123456789012:key/{id}"),
            manager: "CUSTOMER".into(),
            state: state.into(),
            spec: "SYMMETRIC_DEFAULT".into(),
            origin: "AWS_KMS".into(),
            deletion_date: None,
            rotation_enabled: Some(Observed::Known(true)),
            policy: Some(Observed::Known(
                r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}]}"#.into(),
            )),
        }
    }

    pub fn with_kms(mut inv: Inventory, keys: Vec<KmsKey>) -> Inventory {
        inv.kms = Some(KmsInventory {
            regions: vec![KmsRegion {
                region: "us-east-1".into(),
                keys,
                aliases: vec![],
            }],
        });
        inv
    }

    /// A multi-region trail that passes every trail check.
    pub fn good_trail(name: &str) -> Trail {
        Trail {
            name: name.into(),
            arn: format!("arn:aws:cloudtrail:us-east-1:123456789012:trail/{name}"),
            home_region: "us-east-1".into(),
            multi_region: Observed::Known(true),
            organization: false,
            s3_bucket: Some("trail-logs".into()),
            kms_key_id: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
            log_file_validation: Observed::Known(true),
            cloudwatch_log_group: Some(
                "arn:aws:logs:us-east-1:123456789012:log-group:trail:*".into(),
            ),
            logging: Observed::Known(true),
            selectors: Observed::Known(EventSelectors {
                basic: vec![EventSelector::default()],
                advanced: vec![],
            }),
        }
    }

    pub fn with_trails(mut inv: Inventory, trails: Vec<Trail>) -> Inventory {
        inv.cloudtrail = Some(CloudTrailInventory { trails });
        inv
    }

    /// The single verdict of `id` on a one-bucket inventory.
    pub fn verdict(id: &str, bucket: Bucket) -> Option<(Status, String)> {
        verdict_with(id, bucket, &Config::default())
    }

    pub fn verdict_with(id: &str, bucket: Bucket, config: &Config) -> Option<(Status, String)> {
        let inv = inventory(vec![bucket]);
        let mut out = run_with(id, &inv, config);
        assert!(out.len() <= 1);
        out.pop().map(|(_, status, text)| (status, text))
    }
}
