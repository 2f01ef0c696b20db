//! EMR on EC2, per region: block public access, the active clusters, and
//! security configurations.

use serde::{Deserialize, Serialize};

use super::{Observed, Regional};

/// EMR in every scanned region.
pub type EmrInventory = Regional<EmrRegion>;

/// EMR in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrRegion {
    /// The region.
    pub region: String,
    /// Whether block public access is on for the region.
    pub block_public_access: Observed<bool>,
    /// Clusters in STARTING, BOOTSTRAPPING, RUNNING or WAITING.
    pub clusters: Vec<EmrCluster>,
    /// Every security configuration of the region, in use or not, by name.
    pub security_configurations: Vec<EmrSecurityConfiguration>,
}

/// An active EMR cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrCluster {
    /// `j-…`.
    pub id: String,
    /// The cluster name.
    pub name: String,
    /// The cluster ARN.
    pub arn: String,
    /// `WAITING`, `RUNNING`, …
    pub state: String,
    /// `emr-7.1.0`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_label: Option<String>,
    /// Where logs are archived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_uri: Option<String>,
    /// The security configuration's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_configuration: Option<String>,
    /// Termination protection is on.
    pub termination_protected: Observed<bool>,
    /// Idle seconds before auto-termination; `None` when there is no policy.
    pub auto_termination_idle_seconds: Observed<Option<i64>>,
    /// A managed scaling policy is attached.
    pub managed_scaling: Observed<bool>,
    /// Instance groups or fleets.
    pub instances: Observed<Vec<EmrInstances>>,
}

/// An instance group or fleet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrInstances {
    /// `MASTER`, `CORE`, `TASK`.
    pub role: String,
    /// How much of it runs on Spot: none, all, or part (fleets mix both).
    pub market: Market,
    /// Its instance types.
    pub instance_types: Vec<String>,
}

/// The purchasing option of instance capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Market {
    /// On-demand only.
    OnDemand,
    /// Spot only.
    Spot,
    /// Both (a fleet with on-demand and Spot targets).
    Mixed,
}

/// A security configuration and its document, as EMR returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrSecurityConfiguration {
    /// The configuration name.
    pub name: String,
    /// The JSON document (`EncryptionConfiguration`, …).
    pub document: Observed<String>,
}

use crate::resource::{
    account_arn, in_regions, region_setting_ref, regional_ref, Listing, Resource,
};
use crate::ResourceRef;

use super::Inventory;

crate::regional_resource!(EmrCluster in EmrRegion, emr.clusters, id, "AwsEmrCluster");

impl Resource for EmrSecurityConfiguration {
    type In = EmrRegion;
    fn all(inventory: &Inventory) -> Vec<(&Self, &EmrRegion)> {
        in_regions(inventory.emr.as_ref(), |r| &r.security_configurations)
    }
    fn reference(&self, region: &EmrRegion, inventory: &Inventory) -> ResourceRef {
        let resource = format!("security-configuration/{}", self.name);
        let arn = account_arn(inventory, "elasticmapreduce", &region.region, &resource);
        regional_ref(
            inventory,
            &region.region,
            &arn,
            &self.name,
            "AwsEmrSecurityConfiguration",
        )
    }
}

/// A region as a resource: its block public access configuration.
impl Resource for EmrRegion {
    type In = EmrInventory;
    fn all(inventory: &Inventory) -> Vec<(&Self, &EmrInventory)> {
        let Some(emr) = &inventory.emr else {
            return Vec::new();
        };
        emr.regions.iter().map(|r| (r, emr)).collect()
    }
    fn reference(&self, _: &EmrInventory, inventory: &Inventory) -> ResourceRef {
        let arn = account_arn(
            inventory,
            "elasticmapreduce",
            &self.region,
            "block-public-access-configuration",
        );
        region_setting_ref(
            inventory,
            &self.region,
            arn,
            "AwsEmrBlockPublicAccessConfiguration",
        )
    }
}

impl Listing for EmrInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        let mut out = Vec::new();
        for region in &self.regions {
            out.push(region.reference(self, inventory));
            out.extend(
                region
                    .security_configurations
                    .iter()
                    .map(|c| c.reference(region, inventory)),
            );
            out.extend(
                region
                    .clusters
                    .iter()
                    .map(|c| c.reference(region, inventory)),
            );
        }
        out
    }
}

impl crate::references::References for EmrInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<crate::references::KeyUse> {
        let mut out = Vec::new();
        for (config, region) in in_regions(Some(self), |r| &r.security_configurations) {
            let Ok(encryption) = config.encryption() else {
                continue;
            };
            for key in &encryption.kms_keys {
                let purpose = format!("EMR security configuration {}", config.name);
                let user = config.reference(region, inventory);
                out.push(crate::references::KeyUse::new(user, purpose, key));
            }
        }
        out
    }

    fn bucket_uses(&self) -> Vec<crate::references::BucketUse> {
        self.regions
            .iter()
            .flat_map(|r| &r.clusters)
            .filter_map(|c| {
                crate::references::BucketUse::of_location(
                    c.log_uri.as_deref()?,
                    crate::roles::BucketRole::EmrLogs,
                )
            })
            .collect()
    }
}
