//! The Well-Architected Tool: the account's workloads, read in the home region.

use serde::{Deserialize, Serialize};

use super::{Inventory, Observed};
use crate::references::References;
use crate::resource::{account_ref, regional_ref, Listing, Resource};
use crate::ResourceRef;

/// The Well-Architected Tool in one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WellArchitectedInventory {
    /// The region the workloads were listed in.
    pub region: String,
    /// Every workload.
    pub workloads: Vec<Workload>,
}

/// A workload defined in the Well-Architected Tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workload {
    /// The workload id.
    pub id: String,
    /// The workload ARN.
    pub arn: String,
    /// The workload name.
    pub name: String,
    /// When the workload or its review was last updated, RFC 3339.
    pub updated_at: Observed<String>,
}

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
