//! How checks walk Lake Formation's records and what they reference.

use crate::engine::references::References;
use crate::engine::resource::{account_arn, region_setting_ref, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

/// A region as a resource: its data lake settings.
impl Resource for LakeFormationRegion {
    type In = LakeFormationInventory;
    fn all(inventory: &Inventory) -> Vec<(&Self, &LakeFormationInventory)> {
        let Some(lf) = &inventory.lakeformation else {
            return Vec::new();
        };
        lf.regions.iter().map(|r| (r, lf)).collect()
    }
    fn reference(&self, _: &LakeFormationInventory, inventory: &Inventory) -> ResourceRef {
        let resource = format!("catalog:{}", inventory.account.account_id);
        let arn = account_arn(inventory, "lakeformation", &self.region, &resource);
        region_setting_ref(
            inventory,
            &self.region,
            arn,
            "AwsLakeFormationDataLakeSettings",
        )
    }
}

impl Listing for LakeFormationInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        self.regions
            .iter()
            .map(|r| r.reference(self, inventory))
            .collect()
    }
}

impl References for LakeFormationInventory {}
