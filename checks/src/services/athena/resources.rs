//! How checks walk Athena's records and what they reference.

use crate::engine::references::{BucketUse, KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::engine::roles::BucketRole;
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(AthenaWorkGroup in AthenaRegion, athena.workgroups, name, "AwsAthenaWorkGroup");

impl Listing for AthenaInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.workgroups)
            .into_iter()
            .map(|(w, r)| w.reference(r, inventory))
            .collect()
    }
}

impl References for AthenaInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.workgroups)
            .into_iter()
            .flat_map(|(w, region)| {
                let config = w.configuration.known();
                let s3 = config.and_then(|c| c.result_kms_key.as_deref());
                let managed = config
                    .and_then(|c| c.managed_results.as_ref())
                    .and_then(|m| m.kms_key.as_deref());
                [
                    s3.map(|key| (key, "query result encryption")),
                    managed.map(|key| (key, "managed query result encryption")),
                ]
                .into_iter()
                .flatten()
                .map(move |(key, what)| {
                    let purpose = format!("{what} of Athena workgroup {}", w.name);
                    KeyUse::new(w.reference(region, inventory), purpose, key)
                })
            })
            .collect()
    }

    fn bucket_uses(&self) -> Vec<BucketUse> {
        self.regions
            .iter()
            .flat_map(|r| &r.workgroups)
            .filter_map(|w| w.configuration.known()?.output_location.as_deref())
            .filter_map(|location| BucketUse::of_location(location, BucketRole::QueryResults))
            .collect()
    }
}
