//! Redshift, per region: provisioned clusters, their logging status, and the
//! parameters of their parameter groups (read once per group: clusters share them).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use aws_sdk_redshift::Client;
use futures::future::join_all;
use lakelint_checks::model::{
    Observed, RedshiftCluster, RedshiftInventory, RedshiftLogging, RedshiftRegion, Regional,
    Unobserved,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// The only parameters the checks read.
const PARAMETERS_READ: &[&str] = &["require_ssl", "enable_user_activity_logging"];

/// Collects Redshift, region by region.
pub(crate) struct Redshift;

/// Once per provisioned cluster.
const CLUSTER: Per = Per {
    name: "Redshift cluster",
    count: |inventory| {
        inventory
            .redshift
            .iter()
            .flat_map(|r| &r.regions)
            .map(|r| r.clusters.len() as u64)
            .sum()
    },
};

/// Once per parameter group in use, per region.
const PARAMETER_GROUP: Per = Per {
    name: "parameter group",
    count: |inventory| {
        inventory
            .redshift
            .iter()
            .flat_map(|r| &r.regions)
            .map(|r| {
                let groups: BTreeSet<&str> = r
                    .clusters
                    .iter()
                    .map(|c| c.parameter_group.as_str())
                    .collect();
                groups.len() as u64
            })
            .sum()
    },
};

impl Collector for Redshift {
    type Section = RedshiftInventory;
    type Part = RedshiftRegion;

    const ACTIONS: &'static [Action] = &[
        Action {
            op: "redshift:DescribeClusterParameters",
            iam: Some("redshift:DescribeClusterParameters"),
            per: PARAMETER_GROUP,
            feeds: &[
                "redshift.cluster_require_ssl",
                "redshift.cluster_user_activity_logging",
            ],
        },
        Action {
            op: "redshift:DescribeClusters",
            iam: Some("redshift:DescribeClusters"),
            per: Per::REGION,
            feeds: &["redshift.*"],
        },
        Action {
            op: "redshift:DescribeLoggingStatus",
            iam: Some("redshift:DescribeLoggingStatus"),
            per: CLUSTER,
            feeds: &["redshift.cluster_audit_logging"],
        },
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
        let mut clusters = join_all(listed.iter().map(|c| async {
            let id = c.cluster_identifier().unwrap_or_default().to_string();
            let group = c
                .cluster_parameter_groups()
                .first()
                .and_then(|g| g.parameter_group_name())
                .unwrap_or_default()
                .to_string();
            RedshiftCluster {
                arn: self
                    .scan
                    .arn("redshift", self.region, &format!("cluster:{id}")),
                audit_logging: self.logging(&id).await.into(),
                id,
                node_type: c.node_type().unwrap_or_default().to_string(),
                number_of_nodes: c.number_of_nodes().unwrap_or(1),
                publicly_accessible: c.publicly_accessible().unwrap_or(false),
                encrypted: c.encrypted().unwrap_or(false),
                kms_key_id: c.kms_key_id().map(str::to_string),
                master_username: c.master_username().unwrap_or_default().to_string(),
                allow_version_upgrade: c.allow_version_upgrade().unwrap_or(false),
                enhanced_vpc_routing: c.enhanced_vpc_routing().unwrap_or(false),
                automated_snapshot_retention_days: c
                    .automated_snapshot_retention_period()
                    .unwrap_or(0),
                multi_az: c.multi_az().map(str::to_string),
                snapshot_copy_region: c
                    .cluster_snapshot_copy_status()
                    .and_then(|s| s.destination_region())
                    .map(str::to_string),
                preferred_maintenance_window: c.preferred_maintenance_window().map(str::to_string),
                parameters: parameters
                    .get(&group)
                    .cloned()
                    .unwrap_or(Observed::Known(BTreeMap::new())),
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
            .run(
                "redshift:DescribeLoggingStatus",
                self.client
                    .describe_logging_status()
                    .cluster_identifier(cluster)
                    .send(),
            )
            .await?;
        Ok(RedshiftLogging {
            enabled: out.logging_enabled().unwrap_or(false),
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
