//! How checks walk Lambda's records and what they reference.

use crate::engine::references::References;
use crate::engine::resource::{regional_ref, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(LambdaFunction in LambdaRegion, lambda.functions, name, "AwsLambdaFunction");

impl Resource for EventSourceMapping {
    type In = LambdaRegion;
    fn all(inventory: &Inventory) -> Vec<(&Self, &LambdaRegion)> {
        inventory
            .lambda
            .iter()
            .flat_map(|l| &l.regions)
            .flat_map(|r| {
                r.event_source_mappings
                    .known()
                    .into_iter()
                    .flatten()
                    .map(move |m| (m, r))
            })
            .collect()
    }
    fn reference(&self, region: &LambdaRegion, inventory: &Inventory) -> ResourceRef {
        regional_ref(
            inventory,
            &region.region,
            &self.arn,
            &self.uuid,
            "AwsLambdaEventSourceMapping",
        )
    }
}

impl Listing for LambdaInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        let functions = LambdaFunction::all(inventory)
            .into_iter()
            .map(|(f, r)| f.reference(r, inventory));
        let mappings = EventSourceMapping::all(inventory)
            .into_iter()
            .map(|(m, r)| m.reference(r, inventory));
        functions.chain(mappings).collect()
    }
}

impl References for LambdaInventory {}
