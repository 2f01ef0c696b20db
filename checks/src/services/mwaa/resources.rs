//! How checks walk MWAA's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(MwaaEnvironment in MwaaRegion, mwaa.environments, name, "AwsMwaaEnvironment");

impl Listing for MwaaInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.environments)
            .into_iter()
            .map(|(e, r)| e.reference(r, inventory))
            .collect()
    }
}

impl References for MwaaInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.environments)
            .into_iter()
            .filter_map(|(e, region)| {
                let key = e.configuration.known()?.kms_key.as_deref()?;
                let purpose = format!("encryption of Airflow environment {}", e.name);
                Some(KeyUse::new(e.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
