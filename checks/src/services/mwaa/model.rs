//! Amazon MWAA (Managed Workflows for Apache Airflow), per region: environments.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// MWAA in every scanned region.
pub type MwaaInventory = Regional<MwaaRegion>;

/// MWAA in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MwaaRegion {
    /// The region.
    pub region: String,
    /// Every environment.
    pub environments: Vec<MwaaEnvironment>,
}

/// An Airflow environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MwaaEnvironment {
    /// The environment name.
    pub name: String,
    /// `arn:PARTITION:airflow:REGION:ACCOUNT:environment/NAME`.
    pub arn: String,
    /// GetEnvironment.
    pub configuration: Observed<MwaaConfiguration>,
}

/// What GetEnvironment says of access, logging and encryption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MwaaConfiguration {
    /// `PRIVATE_ONLY` or `PUBLIC_ONLY`.
    pub webserver_access_mode: Observed<String>,
    /// Task logs go to CloudWatch Logs.
    pub task_logs: Observed<bool>,
    /// Scheduler logs go to CloudWatch Logs.
    pub scheduler_logs: Observed<bool>,
    /// The customer-managed key; `None` for an AWS-owned key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
}
