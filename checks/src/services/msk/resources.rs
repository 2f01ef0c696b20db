//! How checks walk MSK's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(MskCluster in MskRegion, msk.clusters, name, "AwsMskCluster");

impl Listing for MskInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        MskCluster::all(inventory)
            .into_iter()
            .map(|(c, r)| c.reference(r, inventory))
            .collect()
    }
}

impl References for MskInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.clusters)
            .into_iter()
            .filter_map(|(c, region)| {
                let key = c.provisioned.as_ref()?.data_volume_kms_key.known()?;
                let purpose = format!("data volume encryption of MSK cluster {}", c.name);
                Some(KeyUse::new(c.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
