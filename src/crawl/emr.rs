//! EMR, per region: block public access, and the active clusters only
//! (STARTING, BOOTSTRAPPING, RUNNING, WAITING): describing terminated ones is
//! the most throttled call of peer scanners and judges nothing. Every
//! security configuration of the region is read, in use or not.

use std::collections::BTreeSet;

use aws_sdk_emr::types::{ClusterState, InstanceCollectionType, MarketType};
use aws_sdk_emr::Client;
use futures::future::join_all;
use lakelint_checks::model::{
    AutoTermination, EmrBlockPublicAccess, EmrCluster, EmrInstances, EmrInventory, EmrRegion,
    EmrSecurityConfiguration, Market, Observed, PortRange, Regional, Undescribed, Unobserved,
    UnobservedKind,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

const ACTIVE: [ClusterState; 4] = [
    ClusterState::Starting,
    ClusterState::Bootstrapping,
    ClusterState::Running,
    ClusterState::Waiting,
];

/// Collects EMR, region by region.
pub(crate) struct Emr;

/// Once per active cluster.
const ACTIVE_CLUSTER: Per = Per::new("active EMR cluster", |inventory| {
    per_region(inventory.emr.as_ref(), |r| r.clusters.len())
});

/// Once per security configuration.
const SECURITY_CONFIGURATION: Per = Per::new("EMR security configuration", |inventory| {
    per_region(inventory.emr.as_ref(), |r| r.security_configurations.len())
});

impl Collector for Emr {
    type Section = EmrInventory;
    type Part = EmrRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            "elasticmapreduce:DescribeCluster",
            ACTIVE_CLUSTER,
            &["emr.cluster_*"],
        ),
        Action::read(
            "elasticmapreduce:DescribeSecurityConfiguration",
            SECURITY_CONFIGURATION,
            &["emr.security_configuration_*", "kms.key_in_use_usable"],
        ),
        Action::read(
            "elasticmapreduce:GetAutoTerminationPolicy",
            ACTIVE_CLUSTER,
            &["emr.cluster_auto_termination"],
        ),
        Action::read(
            "elasticmapreduce:GetBlockPublicAccessConfiguration",
            Per::REGION,
            &["emr.account_block_public_access"],
        ),
        Action::read(
            "elasticmapreduce:GetManagedScalingPolicy",
            ACTIVE_CLUSTER,
            &["emr.cluster_managed_scaling"],
        ),
        Action::read("elasticmapreduce:ListClusters", Per::REGION, &["emr.*"]),
        Action::read(
            "elasticmapreduce:ListSecurityConfigurations",
            Per::REGION,
            &["emr.security_configuration_*", "kms.key_in_use_usable"],
        ),
        Action::read(
            "elasticmapreduce:ListInstanceFleets",
            ACTIVE_CLUSTER,
            &["emr.cluster_spot_usage", "emr.cluster_current_generation"],
        ),
        Action::read(
            "elasticmapreduce:ListInstanceGroups",
            ACTIVE_CLUSTER,
            &["emr.cluster_spot_usage", "emr.cluster_current_generation"],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> EmrRegion {
        let reader = Reader {
            scan,
            region,
            client: Client::new(&scan.sdk_in(region)),
        };
        let (block_public_access, clusters, configurations) = tokio::join!(
            reader.block_public_access(),
            reader.clusters(),
            reader.security_configurations()
        );
        // A cluster that could not be described gets UNKNOWN findings of its own.
        let (clusters, undescribed_clusters) = match clusters {
            Ok(found) => found,
            Err(reason) => {
                gaps.add(reason);
                (Vec::new(), Vec::new())
            }
        };
        let names = match configurations {
            Ok(names) => names,
            Err(reason) => {
                gaps.add(reason);
                // Still judge the configurations the active clusters name.
                clusters
                    .iter()
                    .filter_map(|c| c.security_configuration.clone())
                    .collect()
            }
        };
        let security_configurations = join_all(names.into_iter().map(|name| async {
            let document = reader.security_configuration(&name).await.into();
            EmrSecurityConfiguration { name, document }
        }))
        .await;
        EmrRegion {
            region: region.into(),
            block_public_access: block_public_access.into(),
            clusters,
            undescribed_clusters,
            security_configurations,
        }
    }

    fn assemble(regions: Vec<EmrRegion>) -> EmrInventory {
        Regional { regions }
    }
}

/// Reads one region's EMR.
struct Reader<'a> {
    scan: &'a Scan<'a>,
    region: &'a str,
    client: Client,
}

impl Reader<'_> {
    async fn block_public_access(&self) -> Result<EmrBlockPublicAccess, Unobserved> {
        const GET: &str = "elasticmapreduce:GetBlockPublicAccessConfiguration";
        let out = self
            .scan
            .calls
            .run(GET, || {
                self.client.get_block_public_access_configuration().send()
            })
            .await?;
        let config = out.block_public_access_configuration();
        let enabled = config
            .and_then(|c| c.block_public_security_group_rules())
            .ok_or_else(|| Unobserved::not_reported(GET, "BlockPublicSecurityGroupRules"))?;
        let permitted_port_ranges = config
            .map(|c| c.permitted_public_security_group_rule_ranges())
            .unwrap_or_default()
            .iter()
            .map(|r| {
                let min = r
                    .min_range()
                    .ok_or_else(|| Unobserved::not_reported(GET, "PortRange.MinRange"))?;
                Ok(PortRange {
                    min,
                    max: r.max_range().unwrap_or(min),
                })
            })
            .collect::<Result<_, Unobserved>>()?;
        Ok(EmrBlockPublicAccess {
            enabled,
            permitted_port_ranges,
        })
    }

    /// The names of every security configuration in the region.
    async fn security_configurations(&self) -> Result<BTreeSet<String>, Unobserved> {
        let names = self
            .scan
            .calls
            .pages(
                "elasticmapreduce:ListSecurityConfigurations",
                |marker| {
                    self.client
                        .list_security_configurations()
                        .set_marker(marker)
                        .send()
                },
                |page| {
                    let names = page
                        .security_configurations()
                        .iter()
                        .filter_map(|c| c.name().map(str::to_string))
                        .collect();
                    (names, page.marker().map(str::to_string))
                },
            )
            .await?;
        Ok(names.into_iter().collect())
    }

    /// The active clusters, and why any listed cluster could not be described.
    async fn clusters(&self) -> Result<(Vec<EmrCluster>, Vec<Undescribed>), Unobserved> {
        let listed = self
            .scan
            .calls
            .pages(
                "elasticmapreduce:ListClusters",
                |marker| {
                    self.client
                        .list_clusters()
                        .set_cluster_states(Some(ACTIVE.to_vec()))
                        .set_marker(marker)
                        .send()
                },
                |page| {
                    let ids = page
                        .clusters()
                        .iter()
                        .filter_map(|c| {
                            Some((c.id()?.to_string(), c.cluster_arn().map(str::to_string)))
                        })
                        .collect();
                    (ids, page.marker().map(str::to_string))
                },
            )
            .await?;
        let (mut clusters, mut failed) = (Vec::new(), Vec::new());
        let described = join_all(listed.iter().map(|(id, _)| self.cluster(id))).await;
        for ((id, arn), result) in listed.into_iter().zip(described) {
            match result {
                Ok(cluster) => clusters.push(cluster),
                Err(reason) => failed.push(Undescribed {
                    arn: arn.unwrap_or_else(|| {
                        self.scan
                            .arn("elasticmapreduce", self.region, &format!("cluster/{id}"))
                    }),
                    id,
                    reason,
                }),
            }
        }
        clusters.sort_by(|a, b| a.id.cmp(&b.id));
        failed.sort_by(|a, b| a.id.cmp(&b.id));
        Ok((clusters, failed))
    }

    async fn cluster(&self, id: &str) -> Result<EmrCluster, Unobserved> {
        let action = "elasticmapreduce:DescribeCluster";
        let out = self
            .scan
            .calls
            .run(action, || {
                self.client.describe_cluster().cluster_id(id).send()
            })
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
            self.instances(id, fleets),
            self.auto_termination(id),
            self.managed_scaling(id),
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
            termination_protected: Observed::reported(
                c.termination_protected(),
                action,
                "TerminationProtected",
            ),
            auto_termination: auto_termination.into(),
            managed_scaling: managed_scaling.into(),
            instances: instances.into(),
        })
    }

    async fn instances(&self, id: &str, fleets: bool) -> Result<Vec<EmrInstances>, Unobserved> {
        if fleets {
            return self
                .scan
                .calls
                .pages(
                    "elasticmapreduce:ListInstanceFleets",
                    |marker| {
                        self.client
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
                                const OP: &str = "elasticmapreduce:ListInstanceFleets";
                                let role = f.instance_fleet_type().ok_or_else(|| {
                                    Unobserved::not_reported(OP, "InstanceFleetType")
                                })?;
                                let spot = f.target_spot_capacity();
                                let on_demand = f.target_on_demand_capacity();
                                if spot.is_none() && on_demand.is_none() {
                                    return Err(Unobserved::not_reported(
                                        OP,
                                        "TargetSpotCapacity and TargetOnDemandCapacity",
                                    ));
                                }
                                let spot = spot.unwrap_or(0) > 0;
                                let on_demand = on_demand.unwrap_or(0) > 0;
                                Ok(EmrInstances {
                                    role: role.as_str().to_string(),
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
                                })
                            })
                            .collect();
                        (found, page.marker().map(str::to_string))
                    },
                )
                .await
                .and_then(|fleets| fleets.into_iter().collect());
        }
        self.scan
            .calls
            .pages(
                "elasticmapreduce:ListInstanceGroups",
                |marker| {
                    self.client
                        .list_instance_groups()
                        .cluster_id(id)
                        .set_marker(marker)
                        .send()
                },
                |page| {
                    let found = page
                        .instance_groups()
                        .iter()
                        .map(|g| {
                            const OP: &str = "elasticmapreduce:ListInstanceGroups";
                            let role = g
                                .instance_group_type()
                                .ok_or_else(|| Unobserved::not_reported(OP, "InstanceGroupType"))?;
                            let market = match g.market() {
                                Some(MarketType::Spot) => Market::Spot,
                                Some(MarketType::OnDemand) => Market::OnDemand,
                                _ => return Err(Unobserved::not_reported(OP, "Market")),
                            };
                            Ok(EmrInstances {
                                role: role.as_str().to_string(),
                                market,
                                instance_types: g
                                    .instance_type()
                                    .map(str::to_string)
                                    .into_iter()
                                    .collect(),
                            })
                        })
                        .collect();
                    (found, page.marker().map(str::to_string))
                },
            )
            .await
            .and_then(|groups| groups.into_iter().collect())
    }

    async fn auto_termination(&self, id: &str) -> Result<Option<AutoTermination>, Unobserved> {
        let out = self
            .scan
            .calls
            .run("elasticmapreduce:GetAutoTerminationPolicy", || {
                self.client
                    .get_auto_termination_policy()
                    .cluster_id(id)
                    .send()
            })
            .await?;
        Ok(out.auto_termination_policy().map(|p| AutoTermination {
            idle_timeout_seconds: p.idle_timeout(),
        }))
    }

    async fn managed_scaling(&self, id: &str) -> Result<bool, Unobserved> {
        let out = self
            .scan
            .calls
            .run("elasticmapreduce:GetManagedScalingPolicy", || {
                self.client
                    .get_managed_scaling_policy()
                    .cluster_id(id)
                    .send()
            })
            .await?;
        Ok(out.managed_scaling_policy().is_some())
    }

    /// The document of the security configuration called `name`.
    async fn security_configuration(&self, name: &str) -> Result<String, Unobserved> {
        let out = self
            .scan
            .calls
            .run("elasticmapreduce:DescribeSecurityConfiguration", || {
                self.client
                    .describe_security_configuration()
                    .name(name)
                    .send()
            })
            .await?;
        out.security_configuration()
            .map(str::to_string)
            .ok_or_else(|| {
                Unobserved::not_reported(
                    "elasticmapreduce:DescribeSecurityConfiguration",
                    "SecurityConfiguration",
                )
            })
    }
}
