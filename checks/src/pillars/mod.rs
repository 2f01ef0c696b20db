//! Checks grouped by their primary Well-Architected pillar, and the helpers
//! they share to walk the inventory.

pub mod cost_optimization;
pub mod operational_excellence;
pub mod performance_efficiency;
pub mod reliability;
pub mod security;
pub mod sustainability;

use crate::catalog::{Context, Judgement};
use crate::finding::{intern, Judged, Outcome, ResourceRef};
use crate::model::{
    Bucket, EmrCluster, EmrRegion, GlueCrawler, GlueJob, GlueRegion, GlueTable, Inventory, KmsKey,
    RedshiftCluster, Trail, Unobserved, UnobservedKind,
};

pub(crate) fn bucket_ref(inventory: &Inventory, bucket: &Bucket) -> ResourceRef {
    ResourceRef {
        arn: bucket.arn.clone(),
        id: bucket.name.clone(),
        kind: "AwsS3Bucket".into(),
        region: intern(bucket.region.known().map_or("unknown", String::as_str)),
        account_id: intern(&inventory.account.account_id),
    }
}

/// The account as a resource, for account-wide settings. It is listed under
/// the first scanned region (the home region of the scan).
pub(crate) fn account_ref(inventory: &Inventory) -> ResourceRef {
    let account = &inventory.account;
    let region = inventory
        .scan
        .regions
        .first()
        .map_or("global", String::as_str);
    ResourceRef {
        arn: format!("arn:{}:iam::{}:root", account.partition, account.account_id),
        id: account.account_id.clone(),
        kind: "AwsAccount".into(),
        region: intern(region),
        account_id: intern(&account.account_id),
    }
}

/// Turns a judgement that could not see its input into an UNKNOWN outcome.
pub(crate) fn settle(judged: Judged) -> Option<Outcome> {
    judged.unwrap_or_else(|reason| Some(Outcome::Unknown(reason)))
}

/// Runs `judge` on every scanned bucket.
pub(crate) fn per_bucket(
    cx: &Context,
    judge: impl Fn(&Bucket, &Context) -> Judged,
) -> Vec<Judgement> {
    let Some(s3) = &cx.inventory.s3 else {
        return Vec::new();
    };
    s3.buckets
        .iter()
        .filter_map(|bucket| {
            settle(judge(bucket, cx)).map(|outcome| Judgement {
                resource: bucket_ref(cx.inventory, bucket),
                outcome,
                severity: None,
            })
        })
        .collect()
}

/// A resource of a regional service.
pub(crate) fn regional_ref(
    inventory: &Inventory,
    region: &str,
    arn: &str,
    id: &str,
    kind: &'static str,
) -> ResourceRef {
    ResourceRef {
        arn: arn.into(),
        id: id.into(),
        kind: kind.into(),
        region: intern(region),
        account_id: intern(&inventory.account.account_id),
    }
}

/// Glue resources that checks walk: how to list them in a region and name them.
pub(crate) trait GlueResource {
    fn all(region: &GlueRegion) -> &[Self]
    where
        Self: Sized;
    fn reference(&self, inventory: &Inventory, region: &str) -> ResourceRef;
}

impl GlueResource for GlueJob {
    fn all(region: &GlueRegion) -> &[Self] {
        &region.jobs
    }
    fn reference(&self, inventory: &Inventory, region: &str) -> ResourceRef {
        regional_ref(inventory, region, &self.arn, &self.name, "AwsGlueJob")
    }
}

impl GlueResource for GlueCrawler {
    fn all(region: &GlueRegion) -> &[Self] {
        &region.crawlers
    }
    fn reference(&self, inventory: &Inventory, region: &str) -> ResourceRef {
        regional_ref(inventory, region, &self.arn, &self.name, "AwsGlueCrawler")
    }
}

impl GlueResource for GlueTable {
    fn all(region: &GlueRegion) -> &[Self] {
        &region.tables
    }
    fn reference(&self, inventory: &Inventory, region: &str) -> ResourceRef {
        let id = format!("{}.{}", self.database, self.name);
        regional_ref(inventory, region, &self.arn, &id, "AwsGlueTable")
    }
}

/// Runs `judge` on every Glue resource of type `T` in every scanned region.
pub(crate) fn per_glue<T: GlueResource>(
    cx: &Context,
    judge: impl Fn(&T, &GlueRegion, &Context) -> Judged,
) -> Vec<Judgement> {
    let Some(glue) = &cx.inventory.glue else {
        return Vec::new();
    };
    glue.regions
        .iter()
        .flat_map(|region| {
            T::all(region).iter().filter_map(|item| {
                settle(judge(item, region, cx)).map(|outcome| Judgement {
                    resource: item.reference(cx.inventory, &region.region),
                    outcome,
                    severity: None,
                })
            })
        })
        .collect()
}

/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` in the scanned account.
fn account_arn(inventory: &Inventory, service: &str, region: &str, resource: &str) -> String {
    let account = &inventory.account;
    format!(
        "arn:{}:{service}:{region}:{}:{resource}",
        account.partition, account.account_id
    )
}

/// A region's Glue Data Catalog as a resource.
pub(crate) fn catalog_ref(inventory: &Inventory, region: &str) -> ResourceRef {
    let arn = account_arn(inventory, "glue", region, "catalog");
    let id = &inventory.account.account_id;
    regional_ref(inventory, region, &arn, id, "AwsGlueDataCatalog")
}

/// A Glue security configuration as a resource.
pub(crate) fn security_configuration_ref(
    inventory: &Inventory,
    region: &str,
    name: &str,
) -> ResourceRef {
    let arn = account_arn(
        inventory,
        "glue",
        region,
        &format!("securityConfiguration/{name}"),
    );
    regional_ref(
        inventory,
        region,
        &arn,
        name,
        "AwsGlueSecurityConfiguration",
    )
}

/// Runs `judge` once per scanned Glue region, on its Data Catalog.
pub(crate) fn per_glue_catalog(
    cx: &Context,
    judge: impl Fn(&GlueRegion, &Context) -> Judged,
) -> Vec<Judgement> {
    let Some(glue) = &cx.inventory.glue else {
        return Vec::new();
    };
    glue.regions
        .iter()
        .filter_map(|region| {
            settle(judge(region, cx)).map(|outcome| Judgement {
                resource: catalog_ref(cx.inventory, &region.region),
                outcome,
                severity: None,
            })
        })
        .collect()
}

impl RedshiftCluster {
    pub(crate) fn reference(&self, inventory: &Inventory, region: &str) -> ResourceRef {
        regional_ref(inventory, region, &self.arn, &self.id, "AwsRedshiftCluster")
    }
}

impl EmrCluster {
    pub(crate) fn reference(&self, inventory: &Inventory, region: &str) -> ResourceRef {
        regional_ref(inventory, region, &self.arn, &self.id, "AwsEmrCluster")
    }
}

/// A region's EMR block public access configuration as a resource.
pub(crate) fn emr_block_public_access_ref(inventory: &Inventory, region: &str) -> ResourceRef {
    let arn = account_arn(
        inventory,
        "elasticmapreduce",
        region,
        "block-public-access-configuration",
    );
    let id = &inventory.account.account_id;
    regional_ref(
        inventory,
        region,
        &arn,
        id,
        "AwsEmrBlockPublicAccessConfiguration",
    )
}

/// An EMR security configuration as a resource.
pub(crate) fn emr_security_configuration_ref(
    inventory: &Inventory,
    region: &str,
    name: &str,
) -> ResourceRef {
    let resource = format!("security-configuration/{name}");
    let arn = account_arn(inventory, "elasticmapreduce", region, &resource);
    regional_ref(inventory, region, &arn, name, "AwsEmrSecurityConfiguration")
}

/// A trail as a resource, in its home region.
pub(crate) fn trail_ref(inventory: &Inventory, trail: &Trail) -> ResourceRef {
    regional_ref(
        inventory,
        &trail.home_region,
        &trail.arn,
        &trail.name,
        "AwsCloudTrailTrail",
    )
}

/// A KMS key as a resource.
pub(crate) fn key_ref(inventory: &Inventory, region: &str, key: &KmsKey) -> ResourceRef {
    regional_ref(inventory, region, &key.arn, &key.id, "AwsKmsKey")
}

/// Runs `judge` on every trail, once, in its home region.
pub(crate) fn per_trail(
    cx: &Context,
    judge: impl Fn(&Trail, &Context) -> Judged,
) -> Vec<Judgement> {
    let Some(cloudtrail) = &cx.inventory.cloudtrail else {
        return Vec::new();
    };
    cloudtrail
        .trails
        .iter()
        .filter_map(|trail| {
            settle(judge(trail, cx)).map(|outcome| Judgement {
                resource: trail_ref(cx.inventory, trail),
                outcome,
                severity: None,
            })
        })
        .collect()
}

/// Runs `judge` on every customer-managed KMS key.
pub(crate) fn per_customer_key(
    cx: &Context,
    judge: impl Fn(&KmsKey, &Context) -> Judged,
) -> Vec<Judgement> {
    let Some(kms) = &cx.inventory.kms else {
        return Vec::new();
    };
    kms.regions
        .iter()
        .flat_map(|region| {
            region
                .keys
                .iter()
                .filter(|k| k.is_customer_managed())
                .filter_map(|key| {
                    settle(judge(key, cx)).map(|outcome| Judgement {
                        resource: key_ref(cx.inventory, &region.region, key),
                        outcome,
                        severity: None,
                    })
                })
        })
        .collect()
}

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
        if !trail.multi_region && region != Some(&trail.home_region) {
            continue;
        }
        match (trail.logging.get(), trail.selectors.get()) {
            (Ok(true), Ok(selectors))
                if selectors
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
    let unlisted = inventory.gaps.iter().find(|g| g.service == "cloudtrail");
    match unreadable.or_else(|| unlisted.map(|g| g.reason.clone())) {
        Some(reason) => Err(reason),
        None => Ok(DataEvents::NotCovered),
    }
}

/// Runs `judge` on every provisioned Redshift cluster.
pub(crate) fn per_redshift_cluster(
    cx: &Context,
    judge: impl Fn(&RedshiftCluster, &Context) -> Judged,
) -> Vec<Judgement> {
    let Some(redshift) = &cx.inventory.redshift else {
        return Vec::new();
    };
    redshift
        .regions
        .iter()
        .flat_map(|region| {
            region.clusters.iter().filter_map(|cluster| {
                settle(judge(cluster, cx)).map(|outcome| Judgement {
                    resource: cluster.reference(cx.inventory, &region.region),
                    outcome,
                    severity: None,
                })
            })
        })
        .collect()
}

/// Runs `judge` on every active EMR cluster.
pub(crate) fn per_emr_cluster(
    cx: &Context,
    judge: impl Fn(&EmrCluster, &EmrRegion, &Context) -> Judged,
) -> Vec<Judgement> {
    let Some(emr) = &cx.inventory.emr else {
        return Vec::new();
    };
    emr.regions
        .iter()
        .flat_map(|region| {
            region.clusters.iter().filter_map(|cluster| {
                settle(judge(cluster, region, cx)).map(|outcome| Judgement {
                    resource: cluster.reference(cx.inventory, &region.region),
                    outcome,
                    severity: None,
                })
            })
        })
        .collect()
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

    use crate::catalog::{Check, Context};
    use crate::config::Config;
    use crate::finding::Status;
    use crate::model::*;

    pub fn denied(action: &str) -> Unobserved {
        Unobserved::new(UnobservedKind::AccessDenied, action)
    }

    /// A bucket with nothing configured: every setting known to be absent.
    pub fn bare_bucket(name: &str, region: &str) -> Bucket {
        Bucket {
            name: name.into(),
            arn: format!("arn:aws:s3:::{name}"),
            region: Observed::Known(region.into()),
            roles: Vec::new(),
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
                services: ["s3", "glue", "redshift", "emr", "kms", "cloudtrail"]
                    .map(String::from)
                    .to_vec(),
                ..ScanInfo::default()
            },
            gaps: Vec::new(),
            s3: Some(S3Inventory {
                account_public_access_block: Observed::Known(None),
                buckets,
                account_bucket_names,
            }),
            glue: None,
            redshift: None,
            emr: None,
            kms: None,
            cloudtrail: None,
        }
    }

    /// Runs the check with `id` and returns (resource id, status, message or reason).
    pub fn run(
        checks: Vec<Check>,
        id: &str,
        inventory: &Inventory,
    ) -> Vec<(String, Status, String)> {
        run_with(checks, id, inventory, &Config::default())
    }

    pub fn run_with(
        checks: Vec<Check>,
        id: &str,
        inventory: &Inventory,
        config: &Config,
    ) -> Vec<(String, Status, String)> {
        let check = checks
            .into_iter()
            .find(|c| c.meta.id == id)
            .unwrap_or_else(|| panic!("no check {id}"));
        let cx = Context { inventory, config };
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
            command: "glueetl".into(),
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
    pub fn glue_verdict(
        checks: Vec<Check>,
        id: &str,
        region: GlueRegion,
    ) -> Option<(Status, String)> {
        let inv = glue_inventory(region);
        let mut out = run(checks, id, &inv);
        assert!(out.len() <= 1, "{out:?}");
        out.pop().map(|(_, status, text)| (status, text))
    }

    pub fn job_verdict(checks: Vec<Check>, id: &str, job: GlueJob) -> Option<(Status, String)> {
        let mut region = glue_region();
        region.jobs = vec![job];
        glue_verdict(checks, id, region)
    }

    /// A Redshift cluster that passes every cluster check.
    pub fn good_cluster(id: &str) -> RedshiftCluster {
        RedshiftCluster {
            id: id.into(),
            arn: format!("arn:aws:redshift:us-east-1:123456789012:cluster:{id}"),
            node_type: "ra3.xlplus".into(),
            number_of_nodes: 2,
            publicly_accessible: false,
            encrypted: true,
            kms_key_id: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
            master_username: "warehouse_admin".into(),
            allow_version_upgrade: true,
            enhanced_vpc_routing: true,
            automated_snapshot_retention_days: 7,
            multi_az: Some("Enabled".into()),
            snapshot_copy_region: Some("us-west-2".into()),
            preferred_maintenance_window: Some("sun:05:00-sun:05:30".into()),
            parameter_group: "secure".into(),
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
    pub fn cluster_verdict(
        checks: Vec<Check>,
        id: &str,
        cluster: RedshiftCluster,
    ) -> Option<(Status, String)> {
        let mut inv = inventory(vec![]);
        inv.redshift = Some(RedshiftInventory {
            regions: vec![RedshiftRegion {
                region: "us-east-1".into(),
                clusters: vec![cluster],
            }],
        });
        let mut out = run(checks, id, &inv);
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
            termination_protected: false,
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

    pub fn emr_secure_configuration(name: &str) -> EmrSecurityConfiguration {
        EmrSecurityConfiguration {
            name: name.into(),
            at_rest_s3: true,
            at_rest_local_disk: true,
            in_transit: true,
            kms_keys: vec![],
        }
    }

    /// An EMR region with block public access on and the `secure` configuration.
    pub fn emr_region(clusters: Vec<EmrCluster>) -> EmrRegion {
        EmrRegion {
            region: "us-east-1".into(),
            block_public_access: Observed::Known(true),
            clusters,
            security_configurations: [(
                "secure".to_string(),
                Observed::Known(emr_secure_configuration("secure")),
            )]
            .into(),
        }
    }

    pub fn emr_verdict(
        checks: Vec<Check>,
        id: &str,
        region: EmrRegion,
    ) -> Option<(Status, String)> {
        let mut inv = inventory(vec![]);
        inv.emr = Some(EmrInventory {
            regions: vec![region],
        });
        let mut out = run(checks, id, &inv);
        assert!(out.len() <= 1, "{out:?}");
        out.pop().map(|(_, status, text)| (status, text))
    }

    pub fn emr_cluster_verdict(
        checks: Vec<Check>,
        id: &str,
        cluster: EmrCluster,
    ) -> Option<(Status, String)> {
        emr_verdict(checks, id, emr_region(vec![cluster]))
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
            multi_region: true,
            organization: false,
            s3_bucket: Some("trail-logs".into()),
            kms_key_id: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
            log_file_validation: true,
            cloudwatch_log_group: Some(
                "arn:aws:logs:us-east-1:123456789012:log-group:trail:*".into(),
            ),
            logging: Observed::Known(true),
            selectors: Observed::Known(TrailSelectors {
                management_read: true,
                management_write: true,
                s3_data: S3DataCoverage::default(),
            }),
        }
    }

    pub fn with_trails(mut inv: Inventory, trails: Vec<Trail>) -> Inventory {
        inv.cloudtrail = Some(CloudTrailInventory { trails });
        inv
    }

    /// The single verdict of `id` on a one-bucket inventory.
    pub fn verdict(checks: Vec<Check>, id: &str, bucket: Bucket) -> Option<(Status, String)> {
        verdict_with(checks, id, bucket, &Config::default())
    }

    pub fn verdict_with(
        checks: Vec<Check>,
        id: &str,
        bucket: Bucket,
        config: &Config,
    ) -> Option<(Status, String)> {
        let inv = inventory(vec![bucket]);
        let mut out = run_with(checks, id, &inv, config);
        assert!(out.len() <= 1);
        out.pop().map(|(_, status, text)| (status, text))
    }
}
