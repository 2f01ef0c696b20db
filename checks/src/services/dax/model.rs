//! DAX, per region: the DynamoDB Accelerator clusters.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// DAX in every scanned region.
pub type DaxInventory = Regional<DaxRegion>;

/// DAX in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaxRegion {
    /// The region.
    pub region: String,
    /// Every cluster.
    pub clusters: Vec<DaxCluster>,
}

/// A DAX cluster. Its encryption at rest uses an AWS-owned key: there is no
/// customer key to follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaxCluster {
    /// The cluster name.
    pub name: String,
    /// The cluster ARN.
    pub arn: String,
    /// Server-side encryption status (`ENABLED`, `DISABLED`, …).
    pub encryption_at_rest: Observed<String>,
    /// `NONE` or `TLS`.
    pub endpoint_encryption: Observed<String>,
}
