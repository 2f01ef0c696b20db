//! How checks walk Secrets Manager's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(Secret in SecretsManagerRegion, secretsmanager.secrets, name, "AwsSecretsManagerSecret");

impl Listing for SecretsManagerInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.secrets)
            .into_iter()
            .map(|(s, r)| s.reference(r, inventory))
            .collect()
    }
}

impl References for SecretsManagerInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.secrets)
            .into_iter()
            .filter_map(|(s, region)| {
                let key = s.kms_key_id.as_deref()?;
                let purpose = format!("encryption of secret {}", s.name);
                Some(KeyUse::new(s.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
