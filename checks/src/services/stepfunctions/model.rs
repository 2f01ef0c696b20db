//! Step Functions, per region: state machines and their logging, tracing and encryption.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

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
    /// Its tags (ListTagsForResource).
    pub tags: Observed<BTreeMap<String, String>>,
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
