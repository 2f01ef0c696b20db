//! How checks walk DAX's records and what they reference.

use crate::engine::references::References;
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(DaxCluster in DaxRegion, dax.clusters, name, "AwsDaxCluster");

impl Listing for DaxInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.clusters)
            .into_iter()
            .map(|(c, r)| c.reference(r, inventory))
            .collect()
    }
}

impl References for DaxInventory {}
