//! RDS and Aurora, per region: DB instances and DB clusters, each from one
//! paged listing (the listings carry every field the checks read, so there
//! is no call per instance). Neptune and DocumentDB, which the same API
//! lists, are left out.

use aws_sdk_rds::types::MasterUserSecret;
use aws_sdk_rds::Client;
use lakelint_checks::model::{
    DbSettings, InstanceSettings, ManagedSecret, Observed, RdsCluster, RdsInstance, RdsInventory,
    RdsRegion, Regional,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Collects RDS, region by region.
pub(crate) struct Rds;

const INSTANCES: &str = "rds:DescribeDBInstances";
const CLUSTERS: &str = "rds:DescribeDBClusters";

/// Engines of other services that the RDS API lists too.
fn is_other_service(engine: Option<&str>) -> bool {
    matches!(engine, Some("docdb" | "neptune"))
}

impl Collector for Rds {
    type Section = RdsInventory;
    type Part = RdsRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            CLUSTERS,
            Per::REGION,
            &["rds.*", "kms.key_in_use_usable", "kms.key_pending_deletion"],
        ),
        Action::read(
            INSTANCES,
            Per::REGION,
            &["rds.*", "kms.key_in_use_usable", "kms.key_pending_deletion"],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> RdsRegion {
        let client = Client::new(&scan.sdk_in(region));
        let (instances, clusters) = tokio::join!(
            scan.calls.pages(
                INSTANCES,
                |marker| client.describe_db_instances().set_marker(marker).send(),
                |page| {
                    let found = page
                        .db_instances()
                        .iter()
                        .filter(|i| !is_other_service(i.engine()))
                        .filter_map(|i| instance(scan, region, i))
                        .collect();
                    (found, page.marker().map(str::to_string))
                },
            ),
            scan.calls.pages(
                CLUSTERS,
                |marker| client.describe_db_clusters().set_marker(marker).send(),
                |page| {
                    let found = page
                        .db_clusters()
                        .iter()
                        .filter(|c| !is_other_service(c.engine()))
                        .filter_map(|c| cluster(scan, region, c))
                        .collect();
                    (found, page.marker().map(str::to_string))
                },
            ),
        );
        RdsRegion {
            region: region.into(),
            instances: gaps.keep(instances),
            clusters: gaps.keep(clusters),
        }
    }

    fn assemble(regions: Vec<RdsRegion>) -> RdsInventory {
        Regional { regions }
    }
}

fn managed_secret(secret: Option<&MasterUserSecret>) -> Option<ManagedSecret> {
    let secret = secret?;
    Some(ManagedSecret {
        arn: secret.secret_arn()?.to_string(),
        kms_key_id: secret.kms_key_id().map(str::to_string),
    })
}

fn instance(
    scan: &Scan<'_>,
    region: &str,
    i: &aws_sdk_rds::types::DbInstance,
) -> Option<RdsInstance> {
    let id = i.db_instance_identifier()?.to_string();
    let reported = |value, field| Observed::reported(value, INSTANCES, field);
    Some(RdsInstance {
        arn: i.db_instance_arn().map_or_else(
            || scan.arn("rds", region, &format!("db:{id}")),
            str::to_string,
        ),
        id,
        class: reported(i.db_instance_class().map(str::to_string), "DBInstanceClass"),
        cluster: i.db_cluster_identifier().map(str::to_string),
        publicly_accessible: Observed::reported(
            i.publicly_accessible(),
            INSTANCES,
            "PubliclyAccessible",
        ),
        auto_minor_upgrade: Observed::reported(
            i.auto_minor_version_upgrade(),
            INSTANCES,
            "AutoMinorVersionUpgrade",
        ),
        performance_insights_kms_key: i.performance_insights_kms_key_id().map(str::to_string),
        settings: DbSettings {
            engine: Observed::reported(i.engine().map(str::to_string), INSTANCES, "Engine"),
            storage_encrypted: Observed::reported(
                i.storage_encrypted(),
                INSTANCES,
                "StorageEncrypted",
            ),
            kms_key_id: i.kms_key_id().map(str::to_string),
            multi_az: Observed::reported(i.multi_az(), INSTANCES, "MultiAZ"),
            backup_retention_days: Observed::reported(
                i.backup_retention_period(),
                INSTANCES,
                "BackupRetentionPeriod",
            ),
            deletion_protection: Observed::reported(
                i.deletion_protection(),
                INSTANCES,
                "DeletionProtection",
            ),
            log_exports: i.enabled_cloudwatch_logs_exports().to_vec(),
            iam_authentication: Observed::reported(
                i.iam_database_authentication_enabled(),
                INSTANCES,
                "IAMDatabaseAuthenticationEnabled",
            ),
            master_user_secret: managed_secret(i.master_user_secret()),
        },
    })
}

fn cluster(scan: &Scan<'_>, region: &str, c: &aws_sdk_rds::types::DbCluster) -> Option<RdsCluster> {
    let id = c.db_cluster_identifier()?.to_string();
    // A Multi-AZ DB cluster sets its instances' class, access and upgrades.
    let multi_az_db_cluster = c.engine().is_some_and(|e| !e.starts_with("aurora"));
    let instance_settings = multi_az_db_cluster.then(|| InstanceSettings {
        class: Observed::reported(
            c.db_cluster_instance_class().map(str::to_string),
            CLUSTERS,
            "DBClusterInstanceClass",
        ),
        publicly_accessible: Observed::reported(
            c.publicly_accessible(),
            CLUSTERS,
            "PubliclyAccessible",
        ),
        auto_minor_upgrade: Observed::reported(
            c.auto_minor_version_upgrade(),
            CLUSTERS,
            "AutoMinorVersionUpgrade",
        ),
    });
    Some(RdsCluster {
        instance_settings,
        arn: c.db_cluster_arn().map_or_else(
            || scan.arn("rds", region, &format!("cluster:{id}")),
            str::to_string,
        ),
        id,
        settings: DbSettings {
            engine: Observed::reported(c.engine().map(str::to_string), CLUSTERS, "Engine"),
            storage_encrypted: Observed::reported(
                c.storage_encrypted(),
                CLUSTERS,
                "StorageEncrypted",
            ),
            kms_key_id: c.kms_key_id().map(str::to_string),
            multi_az: Observed::reported(c.multi_az(), CLUSTERS, "MultiAZ"),
            backup_retention_days: Observed::reported(
                c.backup_retention_period(),
                CLUSTERS,
                "BackupRetentionPeriod",
            ),
            deletion_protection: Observed::reported(
                c.deletion_protection(),
                CLUSTERS,
                "DeletionProtection",
            ),
            log_exports: c.enabled_cloudwatch_logs_exports().to_vec(),
            iam_authentication: Observed::reported(
                c.iam_database_authentication_enabled(),
                CLUSTERS,
                "IAMDatabaseAuthenticationEnabled",
            ),
            master_user_secret: managed_secret(c.master_user_secret()),
        },
    })
}
