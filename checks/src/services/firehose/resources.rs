//! How checks walk Firehose's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(DeliveryStream in FirehoseRegion, firehose.streams, name, "AwsKinesisFirehoseDeliveryStream");

impl Listing for FirehoseInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        DeliveryStream::all(inventory)
            .into_iter()
            .map(|(s, r)| s.reference(r, inventory))
            .collect()
    }
}

impl References for FirehoseInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.streams)
            .into_iter()
            .filter_map(|(s, region)| {
                let key = s.description.known()?.kms_key.as_deref()?;
                let purpose = format!("encryption of Firehose stream {}", s.name);
                Some(KeyUse::new(s.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
