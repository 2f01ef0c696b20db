//! How checks walk KMS's records and what they reference.

use crate::engine::references::References;
use crate::engine::resource::{in_regions, regional_ref, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

/// Customer-managed keys: the only ones judged.
impl Resource for KmsKey {
    type In = KmsRegion;
    fn all(inventory: &Inventory) -> Vec<(&Self, &KmsRegion)> {
        inventory
            .kms
            .iter()
            .flat_map(|kms| &kms.regions)
            .flat_map(|r| {
                r.keys
                    .iter()
                    .filter(|k| k.is_customer_managed())
                    .map(move |k| (k, r))
            })
            .collect()
    }
    fn reference(&self, region: &KmsRegion, inventory: &Inventory) -> ResourceRef {
        regional_ref(inventory, &region.region, &self.arn, &self.id, "AwsKmsKey")
    }
    /// Keys not described: whether customer-managed or not, unknown.
    fn undescribed(inventory: &Inventory) -> Vec<(ResourceRef, Unobserved)> {
        in_regions(inventory.kms.as_ref(), |r| &r.undescribed)
            .into_iter()
            .map(|(u, r)| {
                let resource = regional_ref(inventory, &r.region, &u.arn, &u.id, "AwsKmsKey");
                (resource, u.reason.clone())
            })
            .collect()
    }
}

impl Listing for KmsInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        KmsKey::all(inventory)
            .into_iter()
            .map(|(k, r)| k.reference(r, inventory))
            .collect()
    }
}

impl References for KmsInventory {}
