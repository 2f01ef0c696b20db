//! AWS Batch, per region: compute environments.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// Batch in every scanned region.
pub type BatchInventory = Regional<BatchRegion>;

/// Batch in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchRegion {
    /// The region.
    pub region: String,
    /// Every compute environment.
    pub compute_environments: Vec<ComputeEnvironment>,
}

/// A Batch compute environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComputeEnvironment {
    /// Its name.
    pub name: String,
    /// Its ARN.
    pub arn: String,
    /// `MANAGED` or `UNMANAGED`.
    pub kind: Observed<String>,
    /// A managed environment's capacity: `EC2`, `SPOT`, `FARGATE`, `FARGATE_SPOT`.
    pub capacity: Observed<String>,
}
