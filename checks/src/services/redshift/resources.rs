//! How checks walk Redshift's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(RedshiftCluster in RedshiftRegion, redshift.clusters, id, "AwsRedshiftCluster");

impl Listing for RedshiftInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        self.regions
            .iter()
            .flat_map(|r| r.clusters.iter().map(move |c| c.reference(r, inventory)))
            .collect()
    }
}

impl References for RedshiftInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.clusters)
            .into_iter()
            .filter_map(|(cluster, region)| {
                let key = cluster.kms_key_id.as_deref()?;
                let purpose = format!("encryption of Redshift cluster {}", cluster.id);
                Some(KeyUse::new(
                    cluster.reference(region, inventory),
                    purpose,
                    key,
                ))
            })
            .collect()
    }
}
