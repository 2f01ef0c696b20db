//! How checks walk Batch's records and what they reference.

use crate::engine::references::References;
use crate::engine::resource::{Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(ComputeEnvironment in BatchRegion, batch.compute_environments, name, "AwsBatchComputeEnvironment");

impl Listing for BatchInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        ComputeEnvironment::all(inventory)
            .into_iter()
            .map(|(c, r)| c.reference(r, inventory))
            .collect()
    }
}

impl References for BatchInventory {}
