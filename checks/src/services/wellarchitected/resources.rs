//! How checks walk the Well-Architected Tool's records and what they reference.

use crate::engine::references::References;
use crate::engine::resource::{account_ref, regional_ref, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

impl Resource for Workload {
    type In = WellArchitectedInventory;
    fn all(inventory: &Inventory) -> Vec<(&Self, &WellArchitectedInventory)> {
        let Some(wa) = &inventory.wellarchitected else {
            return Vec::new();
        };
        wa.workloads.iter().map(|w| (w, wa)).collect()
    }
    fn reference(&self, wa: &WellArchitectedInventory, inventory: &Inventory) -> ResourceRef {
        regional_ref(
            inventory,
            &wa.region,
            &self.arn,
            &self.name,
            "AwsWellArchitectedWorkload",
        )
    }
}

impl Listing for WellArchitectedInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        std::iter::once(account_ref(inventory))
            .chain(self.workloads.iter().map(|w| w.reference(self, inventory)))
            .collect()
    }
}

impl References for WellArchitectedInventory {}
