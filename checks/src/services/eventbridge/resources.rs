//! How checks walk EventBridge's records and what they reference.

use crate::engine::references::References;
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(EventRule in EventBridgeRegion, eventbridge.rules, name, "AwsEventsRule");

impl Listing for EventBridgeInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.rules)
            .into_iter()
            .map(|(rule, r)| rule.reference(r, inventory))
            .collect()
    }
}

impl References for EventBridgeInventory {}
