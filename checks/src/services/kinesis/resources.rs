//! How checks walk Kinesis's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(KinesisStream in KinesisRegion, kinesis.streams, name, "AwsKinesisStream");

impl Listing for KinesisInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        KinesisStream::all(inventory)
            .into_iter()
            .map(|(s, r)| s.reference(r, inventory))
            .collect()
    }
}

impl References for KinesisInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.streams)
            .into_iter()
            .filter_map(|(s, region)| {
                let summary = s.summary.known()?;
                let key = summary.kms_key.as_deref()?;
                let purpose = format!("encryption of Kinesis stream {}", s.name);
                Some(KeyUse::new(s.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
