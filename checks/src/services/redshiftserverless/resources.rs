//! How checks walk Redshift Serverless's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(ServerlessWorkgroup in RedshiftServerlessRegion, redshiftserverless.workgroups, name, "AwsRedshiftServerlessWorkgroup");
crate::regional_resource!(ServerlessNamespace in RedshiftServerlessRegion, redshiftserverless.namespaces, name, "AwsRedshiftServerlessNamespace");

impl Listing for RedshiftServerlessInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        let workgroups = ServerlessWorkgroup::all(inventory)
            .into_iter()
            .map(|(w, r)| w.reference(r, inventory));
        let namespaces = ServerlessNamespace::all(inventory)
            .into_iter()
            .map(|(n, r)| n.reference(r, inventory));
        workgroups.chain(namespaces).collect()
    }
}

impl References for RedshiftServerlessInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.namespaces)
            .into_iter()
            .filter_map(|(n, region)| {
                let key = n.kms_key.known().filter(|k| *k != AWS_OWNED_KMS_KEY)?;
                let purpose = format!("encryption of Redshift Serverless namespace {}", n.name);
                Some(KeyUse::new(n.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
