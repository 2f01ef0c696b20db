//! How checks walk Step Functions's records and what they reference.

use crate::engine::references::{KeyUse, References};
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(StateMachine in StepFunctionsRegion, stepfunctions.state_machines, name, "AwsStepFunctionStateMachine");

impl Listing for StepFunctionsInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.state_machines)
            .into_iter()
            .map(|(m, r)| m.reference(r, inventory))
            .collect()
    }
}

impl References for StepFunctionsInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.state_machines)
            .into_iter()
            .filter_map(|(m, region)| {
                let key = m.configuration.known()?.kms_key.as_deref()?;
                let purpose = format!("encryption of state machine {}", m.name);
                Some(KeyUse::new(m.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
