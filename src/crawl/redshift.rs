//! Redshift, per region: provisioned clusters, their logging status, and the
//! parameters of their parameter groups (read once per group: clusters share them).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use aws_config::{Region, SdkConfig};
use aws_sdk_redshift::Client;
use futures::future::join_all;
use lakelint_checks::model::{
    Account, Gap, Observed, RedshiftCluster, RedshiftLogging, RedshiftRegion, Unobserved,
};

use crate::crawl::Calls;

/// The only parameters the checks read.
const PARAMETERS_READ: &[&str] = &["require_ssl", "enable_user_activity_logging"];

pub struct Collector<'a> {
    pub sdk: &'a SdkConfig,
    pub calls: &'a Calls,
    pub account: &'a Account,
}

impl Collector<'_> {
    pub async fn collect(&self, region: &str) -> (RedshiftRegion, Vec<Gap>) {
        let config = aws_sdk_redshift::config::Builder::from(self.sdk)
            .region(Region::new(region.to_string()))
            .build();
        let client = Client::from_conf(config);
        match self.clusters(&client, region).await {
            Ok(clusters) => (
                RedshiftRegion {
                    region: region.into(),
                    clusters,
                },
                Vec::new(),
            ),
            Err(reason) => {
                tracing::warn!(region, %reason, "cannot list Redshift clusters");
                let gap = Gap {
                    account_id: None,
                    service: "redshift".into(),
                    region: Some(region.into()),
                    reason,
                };
                let empty = RedshiftRegion {
                    region: region.into(),
                    clusters: Vec::new(),
                };
                (empty, vec![gap])
            }
        }
    }

    async fn clusters(
        &self,
        client: &Client,
        region: &str,
    ) -> Result<Vec<RedshiftCluster>, Unobserved> {
        let listed = self
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
        let parameters: HashMap<String, Observed<BTreeMap<String, String>>> =
            join_all(groups.into_iter().map(|group| async move {
                (group.clone(), self.parameters(client, &group).await.into())
            }))
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
                arn: format!(
                    "arn:{}:redshift:{region}:{}:cluster:{id}",
                    self.account.partition, self.account.account_id
                ),
                audit_logging: self.logging(client, &id).await.into(),
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

    async fn logging(&self, client: &Client, cluster: &str) -> Result<RedshiftLogging, Unobserved> {
        let out = self
            .calls
            .run(
                "redshift:DescribeLoggingStatus",
                client
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

    async fn parameters(
        &self,
        client: &Client,
        group: &str,
    ) -> Result<BTreeMap<String, String>, Unobserved> {
        let all = self
            .calls
            .pages(
                "redshift:DescribeClusterParameters",
                |marker| {
                    client
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
