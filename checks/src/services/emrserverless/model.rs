//! EMR Serverless, per region: applications.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// EMR Serverless in every scanned region.
pub type EmrServerlessInventory = Regional<EmrServerlessRegion>;

/// EMR Serverless in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrServerlessRegion {
    /// The region.
    pub region: String,
    /// Every application.
    pub applications: Vec<EmrServerlessApplication>,
}

/// An application (Spark or Hive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrServerlessApplication {
    /// The application id.
    pub id: String,
    /// The application name.
    pub name: String,
    /// The application ARN.
    pub arn: String,
    /// Whether it stops when idle, and after how many minutes (GetApplication).
    pub auto_stop: Observed<AutoStop>,
}

/// An application's auto-stop configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoStop {
    /// Auto-stop is on.
    pub enabled: bool,
    /// Idle minutes before it stops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_timeout_minutes: Option<i32>,
}
