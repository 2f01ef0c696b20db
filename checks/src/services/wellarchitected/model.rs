//! The Well-Architected Tool: the account's workloads, read in the home region.

use serde::{Deserialize, Serialize};

use crate::model::observed::Observed;

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
    /// When its latest milestone was recorded, RFC 3339; `None` without milestones.
    pub latest_milestone: Observed<Option<String>>,
}
