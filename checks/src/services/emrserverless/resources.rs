//! How checks walk EMR Serverless's records and what they reference.

use crate::engine::references::References;
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(EmrServerlessApplication in EmrServerlessRegion, emrserverless.applications, name, "AwsEmrServerlessApplication");

impl Listing for EmrServerlessInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.applications)
            .into_iter()
            .map(|(a, r)| a.reference(r, inventory))
            .collect()
    }
}

impl References for EmrServerlessInventory {}
