//! CloudWatch Logs, per region: log groups, as DescribeLogGroups lists them.

use serde::{Deserialize, Serialize};

use crate::model::observed::Regional;

/// CloudWatch Logs in every scanned region.
pub type LogsInventory = Regional<LogsRegion>;

/// CloudWatch Logs in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogsRegion {
    /// The region.
    pub region: String,
    /// Every log group.
    pub log_groups: Vec<LogGroup>,
}

/// A log group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogGroup {
    /// The log group name.
    pub name: String,
    /// The log group ARN (without the `:*` suffix).
    pub arn: String,
    /// Days its events are kept; `None` when they never expire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_days: Option<i32>,
}
