//! How checks walk DynamoDB's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(DynamoDbTable in DynamoDbRegion, dynamodb.tables, name, "AwsDynamoDbTable");

impl Listing for DynamoDbInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.tables)
            .into_iter()
            .map(|(t, r)| t.reference(r, inventory))
            .collect()
    }
}

impl References for DynamoDbInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.tables)
            .into_iter()
            .filter_map(|(t, region)| {
                let key = t.description.known()?.kms_key.known()?.as_deref()?;
                let purpose = format!("encryption of DynamoDB table {}", t.name);
                Some(KeyUse::new(t.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
