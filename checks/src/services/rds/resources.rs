//! How checks walk RDS's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(RdsInstance in RdsRegion, rds.instances, id, "AwsRdsDbInstance");
crate::regional_resource!(RdsCluster in RdsRegion, rds.clusters, id, "AwsRdsDbCluster");

impl Listing for RdsInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        let clusters = in_regions(Some(self), |r| &r.clusters)
            .into_iter()
            .map(|(c, r)| c.reference(r, inventory));
        let instances = in_regions(Some(self), |r| &r.instances)
            .into_iter()
            .map(|(i, r)| i.reference(r, inventory));
        clusters.chain(instances).collect()
    }
}

impl References for RdsInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        let mut out = Vec::new();
        for (c, region) in in_regions(Some(self), |r| &r.clusters) {
            let what = format!("DB cluster {}", c.id);
            out.extend(settings_keys(
                c.reference(region, inventory),
                &what,
                &c.settings,
            ));
        }
        for (i, region) in in_regions(Some(self), |r| &r.instances) {
            let what = format!("DB instance {}", i.id);
            if i.is_standalone() {
                out.extend(settings_keys(
                    i.reference(region, inventory),
                    &what,
                    &i.settings,
                ));
            }
            if let Some(key) = &i.performance_insights_kms_key {
                let purpose = format!("Performance Insights of {what}");
                out.push(KeyUse::new(i.reference(region, inventory), purpose, key));
            }
        }
        out
    }
}

/// The keys of an instance's or cluster's storage and master password secret.
fn settings_keys(user: ResourceRef, what: &str, settings: &DbSettings) -> Vec<KeyUse> {
    let storage = settings
        .kms_key_id
        .as_deref()
        .map(|key| (format!("storage encryption of {what}"), key));
    let secret = settings
        .master_user_secret
        .as_ref()
        .and_then(|s| s.kms_key_id.as_deref())
        .map(|key| (format!("the master password secret of {what}"), key));
    storage
        .into_iter()
        .chain(secret)
        .map(|(purpose, key)| KeyUse::new(user.clone(), purpose, key))
        .collect()
}
