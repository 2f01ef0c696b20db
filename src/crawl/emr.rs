//! EMR, per region: block public access, and the active clusters only
//! (STARTING, BOOTSTRAPPING, RUNNING, WAITING): describing terminated ones is
//! the most throttled call of peer scanners and judges nothing. Security
//! configurations are read once per name.

use std::collections::{BTreeMap, BTreeSet};

use aws_config::{Region, SdkConfig};
use aws_sdk_emr::types::{ClusterState, InstanceCollectionType, MarketType};
use aws_sdk_emr::Client;
use futures::future::join_all;
use lakelint_checks::model::{
    EmrCluster, EmrInstances, EmrRegion, EmrSecurityConfiguration, Gap, Market, Unobserved,
    UnobservedKind,
};
use serde_json::Value;

use crate::crawl::Calls;

const ACTIVE: [ClusterState; 4] = [
    ClusterState::Starting,
    ClusterState::Bootstrapping,
    ClusterState::Running,
    ClusterState::Waiting,
];

pub struct Collector<'a> {
    pub sdk: &'a SdkConfig,
    pub calls: &'a Calls,
}

impl Collector<'_> {
    pub async fn collect(&self, region: &str) -> (EmrRegion, Vec<Gap>) {
        let config = aws_sdk_emr::config::Builder::from(self.sdk)
            .region(Region::new(region.to_string()))
            .build();
        let client = Client::from_conf(config);
        let (block_public_access, clusters) =
            tokio::join!(self.block_public_access(&client), self.clusters(&client));
        let gap = |reason: Unobserved| Gap {
            account_id: None,
            service: "emr".into(),
            region: Some(region.into()),
            reason,
        };
        let (clusters, gaps) = match clusters {
            Ok((clusters, undescribed)) => (clusters, undescribed.into_iter().map(gap).collect()),
            Err(reason) => {
                tracing::warn!(region, %reason, "cannot list EMR clusters");
                (Vec::new(), vec![gap(reason)])
            }
        };
        let names: BTreeSet<&str> = clusters
            .iter()
            .filter_map(|c| c.security_configuration.as_deref())
            .collect();
        let security_configurations = join_all(names.into_iter().map(|name| async {
            let config = self.security_configuration(&client, name).await;
            (name.to_string(), config.into())
        }))
        .await
        .into_iter()
        .collect();
        let emr = EmrRegion {
            region: region.into(),
            block_public_access: block_public_access.into(),
            clusters,
            security_configurations,
        };
        (emr, gaps)
    }

    async fn block_public_access(&self, client: &Client) -> Result<bool, Unobserved> {
        let out = self
            .calls
            .run(
                "elasticmapreduce:GetBlockPublicAccessConfiguration",
                client.get_block_public_access_configuration().send(),
            )
            .await?;
        Ok(out
            .block_public_access_configuration()
            .and_then(|c| c.block_public_security_group_rules())
            .unwrap_or(false))
    }

    /// The active clusters, and why any listed cluster could not be described.
    async fn clusters(
        &self,
        client: &Client,
    ) -> Result<(Vec<EmrCluster>, Vec<Unobserved>), Unobserved> {
        let listed = self
            .calls
            .pages(
                "elasticmapreduce:ListClusters",
                |marker| {
                    client
                        .list_clusters()
                        .set_cluster_states(Some(ACTIVE.to_vec()))
                        .set_marker(marker)
                        .send()
                },
                |page| {
                    let ids = page
                        .clusters()
                        .iter()
                        .filter_map(|c| c.id().map(str::to_string))
                        .collect();
                    (ids, page.marker().map(str::to_string))
                },
            )
            .await?;
        let (mut clusters, mut failed) = (Vec::new(), Vec::new());
        for result in join_all(listed.iter().map(|id| self.cluster(client, id))).await {
            match result {
                Ok(cluster) => clusters.push(cluster),
                Err(reason) => failed.push(reason),
            }
        }
        clusters.sort_by(|a, b| a.id.cmp(&b.id));
        Ok((clusters, failed))
    }

    async fn cluster(&self, client: &Client, id: &str) -> Result<EmrCluster, Unobserved> {
        let action = "elasticmapreduce:DescribeCluster";
        let out = self
            .calls
            .run(action, client.describe_cluster().cluster_id(id).send())
            .await
            .map_err(|u| {
                let message = format!("cluster {id} could not be described");
                u.with_message(message)
            })?;
        let c = out.cluster().ok_or_else(|| {
            Unobserved::new(UnobservedKind::Error, action)
                .with_message(format!("cluster {id} came back empty"))
        })?;
        let fleets = c.instance_collection_type() == Some(&InstanceCollectionType::InstanceFleet);
        let (instances, auto_termination, managed_scaling) = tokio::join!(
            self.instances(client, id, fleets),
            self.auto_termination(client, id),
            self.managed_scaling(client, id),
        );
        Ok(EmrCluster {
            id: id.to_string(),
            name: c.name().unwrap_or_default().to_string(),
            arn: c.cluster_arn().unwrap_or_default().to_string(),
            state: c
                .status()
                .and_then(|s| s.state())
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            release_label: c.release_label().map(str::to_string),
            log_uri: c.log_uri().filter(|u| !u.is_empty()).map(str::to_string),
            security_configuration: c.security_configuration().map(str::to_string),
            termination_protected: c.termination_protected().unwrap_or(false),
            auto_termination_idle_seconds: auto_termination.into(),
            managed_scaling: managed_scaling.into(),
            instances: instances.into(),
        })
    }

    async fn instances(
        &self,
        client: &Client,
        id: &str,
        fleets: bool,
    ) -> Result<Vec<EmrInstances>, Unobserved> {
        if fleets {
            return self
                .calls
                .pages(
                    "elasticmapreduce:ListInstanceFleets",
                    |marker| {
                        client
                            .list_instance_fleets()
                            .cluster_id(id)
                            .set_marker(marker)
                            .send()
                    },
                    |page| {
                        let found = page
                            .instance_fleets()
                            .iter()
                            .map(|f| {
                                let spot = f.target_spot_capacity().unwrap_or(0) > 0;
                                let on_demand = f.target_on_demand_capacity().unwrap_or(0) > 0;
                                EmrInstances {
                                    role: f
                                        .instance_fleet_type()
                                        .map(|t| t.as_str().to_string())
                                        .unwrap_or_default(),
                                    market: match (spot, on_demand) {
                                        (true, true) => Market::Mixed,
                                        (true, false) => Market::Spot,
                                        _ => Market::OnDemand,
                                    },
                                    instance_types: f
                                        .instance_type_specifications()
                                        .iter()
                                        .filter_map(|s| s.instance_type().map(str::to_string))
                                        .collect(),
                                }
                            })
                            .collect();
                        (found, page.marker().map(str::to_string))
                    },
                )
                .await;
        }
        self.calls
            .pages(
                "elasticmapreduce:ListInstanceGroups",
                |marker| {
                    client
                        .list_instance_groups()
                        .cluster_id(id)
                        .set_marker(marker)
                        .send()
                },
                |page| {
                    let found = page
                        .instance_groups()
                        .iter()
                        .map(|g| EmrInstances {
                            role: g
                                .instance_group_type()
                                .map(|t| t.as_str().to_string())
                                .unwrap_or_default(),
                            market: match g.market() {
                                Some(MarketType::Spot) => Market::Spot,
                                _ => Market::OnDemand,
                            },
                            instance_types: g
                                .instance_type()
                                .map(str::to_string)
                                .into_iter()
                                .collect(),
                        })
                        .collect();
                    (found, page.marker().map(str::to_string))
                },
            )
            .await
    }

    async fn auto_termination(&self, client: &Client, id: &str) -> Result<Option<i64>, Unobserved> {
        let out = self
            .calls
            .run(
                "elasticmapreduce:GetAutoTerminationPolicy",
                client.get_auto_termination_policy().cluster_id(id).send(),
            )
            .await?;
        Ok(out
            .auto_termination_policy()
            .map(|p| p.idle_timeout().unwrap_or(3600)))
    }

    async fn managed_scaling(&self, client: &Client, id: &str) -> Result<bool, Unobserved> {
        let out = self
            .calls
            .run(
                "elasticmapreduce:GetManagedScalingPolicy",
                client.get_managed_scaling_policy().cluster_id(id).send(),
            )
            .await?;
        Ok(out.managed_scaling_policy().is_some())
    }

    async fn security_configuration(
        &self,
        client: &Client,
        name: &str,
    ) -> Result<EmrSecurityConfiguration, Unobserved> {
        let action = "elasticmapreduce:DescribeSecurityConfiguration";
        let out = self
            .calls
            .run(
                action,
                client.describe_security_configuration().name(name).send(),
            )
            .await?;
        parse_security_configuration(name, out.security_configuration().unwrap_or("{}")).map_err(
            |e| {
                Unobserved::new(UnobservedKind::Error, action)
                    .with_code("MalformedSecurityConfiguration")
                    .with_message(e)
            },
        )
    }
}

/// Reads the encryption settings of an EMR security configuration document.
fn parse_security_configuration(
    name: &str,
    document: &str,
) -> Result<EmrSecurityConfiguration, String> {
    let doc: Value = serde_json::from_str(document).map_err(|e| e.to_string())?;
    let enc = &doc["EncryptionConfiguration"];
    let at_rest = enc["EnableAtRestEncryption"].as_bool().unwrap_or(false);
    let at_rest_cfg = &enc["AtRestEncryptionConfiguration"];
    let s3 = &at_rest_cfg["S3EncryptionConfiguration"];
    let disk = &at_rest_cfg["LocalDiskEncryptionConfiguration"];
    let kms_keys: BTreeMap<&str, ()> = [&s3["AwsKmsKey"], &disk["AwsKmsKey"]]
        .into_iter()
        .filter_map(Value::as_str)
        .map(|k| (k, ()))
        .collect();
    Ok(EmrSecurityConfiguration {
        name: name.to_string(),
        at_rest_s3: at_rest && s3.is_object(),
        at_rest_local_disk: at_rest && disk.is_object(),
        in_transit: enc["EnableInTransitEncryption"].as_bool().unwrap_or(false),
        kms_keys: kms_keys.into_keys().map(str::to_string).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::parse_security_configuration;

    #[test]
    fn security_configuration_documents() {
        let full = r#"{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":true,
            "AtRestEncryptionConfiguration":{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-KMS","AwsKmsKey":"arn:k"},
            "LocalDiskEncryptionConfiguration":{"EncryptionKeyProviderType":"AwsKms","AwsKmsKey":"arn:k"}}}}"#;
        let c = parse_security_configuration("full", full).unwrap();
        assert!(c.at_rest_s3 && c.at_rest_local_disk && c.in_transit);
        assert_eq!(c.kms_keys, ["arn:k"]);

        let s3_only = r#"{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":false,
            "AtRestEncryptionConfiguration":{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-S3"}}}}"#;
        let c = parse_security_configuration("s3", s3_only).unwrap();
        assert!(c.at_rest_s3 && !c.at_rest_local_disk && !c.in_transit);

        let c = parse_security_configuration("none", "{}").unwrap();
        assert!(!c.at_rest_s3 && !c.in_transit);
        assert!(parse_security_configuration("bad", "{").is_err());
    }
}
