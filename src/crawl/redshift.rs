//! Redshift, per region: provisioned clusters, their logging status, and the
//! parameters of their parameter groups (read once per group: clusters share them).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use aws_sdk_redshift::Client;
use futures::future::join_all;
use lakelint_checks::model::{
    Observed, RedshiftCluster, RedshiftInventory, RedshiftLogging, RedshiftRegion, Regional,
    Unobserved,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// The only parameters the checks read.
const PARAMETERS_READ: &[&str] = &[
    "require_ssl",
    "enable_user_activity_logging",
    "enable_result_cache_for_session",
    "wlm_json_configuration",
];

/// Collects Redshift, region by region.
pub(crate) struct Redshift;

/// Once per provisioned cluster.
const CLUSTER: Per = Per::new("Redshift cluster", |inventory| {
    per_region(inventory.redshift.as_ref(), |r| r.clusters.len())
});

/// Once per parameter group in use, per region.
const PARAMETER_GROUP: Per = Per::new("parameter group", |inventory| {
    per_region(inventory.redshift.as_ref(), |r| {
        let groups: BTreeSet<&str> = r
            .clusters
            .iter()
            .filter_map(|c| c.parameter_group.as_deref())
            .collect();
        groups.len()
    })
});

impl Collector for Redshift {
    type Section = RedshiftInventory;
    type Part = RedshiftRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            "redshift:DescribeClusterParameters",
            PARAMETER_GROUP,
            &[
                "redshift.cluster_require_ssl",
                "redshift.cluster_user_activity_logging",
                "redshift.cluster_result_cache",
                "redshift.cluster_auto_wlm",
            ],
        ),
        Action::read("redshift:DescribeClusters", Per::REGION, &["redshift.*"]),
        Action::read(
            "redshift:DescribeLoggingStatus",
            CLUSTER,
            &["redshift.cluster_audit_logging"],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> RedshiftRegion {
        let client = Client::new(&scan.sdk_in(region));
        let reader = Reader {
            scan,
            client: &client,
            region,
        };
        RedshiftRegion {
            region: region.into(),
            clusters: gaps.keep(reader.clusters().await),
        }
    }

    fn assemble(regions: Vec<RedshiftRegion>) -> RedshiftInventory {
        Regional { regions }
    }
}

/// Reads one region's clusters.
struct Reader<'a> {
    scan: &'a Scan<'a>,
    client: &'a Client,
    region: &'a str,
}

impl Reader<'_> {
    async fn clusters(&self) -> Result<Vec<RedshiftCluster>, Unobserved> {
        let client = self.client;
        let listed = self
            .scan
            .calls
            .pages(
                "redshift:DescribeClusters",
                |marker| client.describe_clusters().set_marker(marker).send(),
                |page| (page.clusters().to_vec(), page.marker().map(str::to_string)),
            )
            .await?;
        let groups: BTreeSet<String> = listed
            .iter()
            .filter_map(|c| c.cluster_parameter_groups().first()?.parameter_group_name())
            .map(str::to_string)
            .collect();
        let parameters: HashMap<String, Observed<BTreeMap<String, String>>> = join_all(
            groups
                .into_iter()
                .map(|group| async move { (group.clone(), self.parameters(&group).await.into()) }),
        )
        .await
        .into_iter()
        .collect();
        const LISTING: &str = "redshift:DescribeClusters";
        let mut clusters = join_all(listed.iter().map(|c| async {
            // The identifier is what DescribeClusters lists clusters by.
            let id = c.cluster_identifier().unwrap_or_default().to_string();
            let group = c
                .cluster_parameter_groups()
                .first()
                .and_then(|g| g.parameter_group_name())
                .map(str::to_string);
            let parameters = match &group {
                Some(group) => parameters[group].clone(),
                None => Observed::reported(None, LISTING, "ClusterParameterGroups"),
            };
            RedshiftCluster {
                arn: self
                    .scan
                    .arn("redshift", self.region, &format!("cluster:{id}")),
                audit_logging: self.logging(&id).await.into(),
                id,
                node_type: Observed::reported(
                    c.node_type().map(str::to_string),
                    LISTING,
                    "NodeType",
                ),
                number_of_nodes: Observed::reported(c.number_of_nodes(), LISTING, "NumberOfNodes"),
                publicly_accessible: Observed::reported(
                    c.publicly_accessible(),
                    LISTING,
                    "PubliclyAccessible",
                ),
                encrypted: Observed::reported(c.encrypted(), LISTING, "Encrypted"),
                kms_key_id: c.kms_key_id().map(str::to_string),
                master_password_secret_arn: c.master_password_secret_arn().map(str::to_string),
                master_username: Observed::reported(
                    c.master_username().map(str::to_string),
                    LISTING,
                    "MasterUsername",
                ),
                allow_version_upgrade: Observed::reported(
                    c.allow_version_upgrade(),
                    LISTING,
                    "AllowVersionUpgrade",
                ),
                enhanced_vpc_routing: Observed::reported(
                    c.enhanced_vpc_routing(),
                    LISTING,
                    "EnhancedVpcRouting",
                ),
                automated_snapshot_retention_days: Observed::reported(
                    c.automated_snapshot_retention_period(),
                    LISTING,
                    "AutomatedSnapshotRetentionPeriod",
                ),
                multi_az: c.multi_az().map(str::to_string),
                snapshot_copy_region: c
                    .cluster_snapshot_copy_status()
                    .and_then(|s| s.destination_region())
                    .map(str::to_string),
                preferred_maintenance_window: c.preferred_maintenance_window().map(str::to_string),
                parameters,
                parameter_group: group,
                tags: c
                    .tags()
                    .iter()
                    .filter_map(|t| {
                        Some((
                            t.key()?.to_string(),
                            t.value().unwrap_or_default().to_string(),
                        ))
                    })
                    .collect(),
            }
        }))
        .await;
        clusters.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(clusters)
    }

    async fn logging(&self, cluster: &str) -> Result<RedshiftLogging, Unobserved> {
        let out = self
            .scan
            .calls
            .run("redshift:DescribeLoggingStatus", || {
                self.client
                    .describe_logging_status()
                    .cluster_identifier(cluster)
                    .send()
            })
            .await?;
        let enabled = out.logging_enabled().ok_or_else(|| {
            Unobserved::not_reported("redshift:DescribeLoggingStatus", "LoggingEnabled")
        })?;
        Ok(RedshiftLogging {
            enabled,
            destination: out.log_destination_type().map(|d| d.as_str().to_string()),
            bucket: out.bucket_name().map(str::to_string),
        })
    }

    async fn parameters(&self, group: &str) -> Result<BTreeMap<String, String>, Unobserved> {
        let all = self
            .scan
            .calls
            .pages(
                "redshift:DescribeClusterParameters",
                |marker| {
                    self.client
                        .describe_cluster_parameters()
                        .parameter_group_name(group)
                        .set_marker(marker)
                        .send()
                },
                |page| {
                    (
                        page.parameters().to_vec(),
                        page.marker().map(str::to_string),
                    )
                },
            )
            .await?;
        Ok(all
            .iter()
            .filter_map(|p| Some((p.parameter_name()?, p.parameter_value()?)))
            .filter(|(name, _)| PARAMETERS_READ.contains(name))
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect())
    }
}
