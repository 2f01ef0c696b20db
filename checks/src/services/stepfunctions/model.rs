//! Step Functions, per region: state machines and their logging, tracing and encryption.

use serde::{Deserialize, Serialize};

use super::{Inventory, Observed, Regional};
use crate::references::{KeyUse, References};
use crate::resource::{in_regions, Listing, Resource};
use crate::ResourceRef;

/// Step Functions in every scanned region.
pub type StepFunctionsInventory = Regional<StepFunctionsRegion>;

/// Step Functions in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepFunctionsRegion {
    /// The region.
    pub region: String,
    /// Every state machine.
    pub state_machines: Vec<StateMachine>,
}

/// A state machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateMachine {
    /// The state machine name.
    pub name: String,
    /// The state machine ARN.
    pub arn: String,
    /// DescribeStateMachine.
    pub configuration: Observed<StateMachineConfiguration>,
}

/// What DescribeStateMachine says of its logging, tracing and encryption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateMachineConfiguration {
    /// `ALL`, `ERROR`, `FATAL` or `OFF`.
    pub logging_level: Observed<String>,
    /// X-Ray tracing is on.
    pub tracing: Observed<bool>,
    /// The customer-managed key of its data; `None` for the AWS-owned key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
}

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
