//! How checks walk EMR's records and what they reference.

use crate::engine::references::{BucketUse, KeyUse, References};
use crate::engine::resource::{
    account_arn, in_regions, region_setting_ref, regional_ref, Listing, Resource,
};
use crate::engine::roles::BucketRole;
use crate::model::*;
use crate::ResourceRef;

impl Resource for EmrCluster {
    type In = EmrRegion;
    fn all(inventory: &Inventory) -> Vec<(&Self, &EmrRegion)> {
        in_regions(inventory.emr.as_ref(), |r| &r.clusters)
    }
    fn reference(&self, region: &EmrRegion, inventory: &Inventory) -> ResourceRef {
        regional_ref(
            inventory,
            &region.region,
            &self.arn,
            &self.id,
            "AwsEmrCluster",
        )
    }
    fn undescribed(inventory: &Inventory) -> Vec<(ResourceRef, Unobserved)> {
        in_regions(inventory.emr.as_ref(), |r| &r.undescribed_clusters)
            .into_iter()
            .map(|(u, r)| {
                let resource = regional_ref(inventory, &r.region, &u.arn, &u.id, "AwsEmrCluster");
                (resource, u.reason.clone())
            })
            .collect()
    }
}

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

impl References for EmrInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        let mut out = Vec::new();
        for (config, region) in in_regions(Some(self), |r| &r.security_configurations) {
            let Ok(encryption) = config.encryption() else {
                continue;
            };
            for key in &encryption.kms_keys {
                let purpose = format!("EMR security configuration {}", config.name);
                let user = config.reference(region, inventory);
                out.push(KeyUse::new(user, purpose, key));
            }
        }
        out
    }

    fn bucket_uses(&self) -> Vec<BucketUse> {
        self.regions
            .iter()
            .flat_map(|r| &r.clusters)
            .filter_map(|c| BucketUse::of_location(c.log_uri.as_deref()?, BucketRole::EmrLogs))
            .collect()
    }
}
