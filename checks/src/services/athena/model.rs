//! Athena, per region: workgroups (`primary` included) and their configuration.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// Athena in every scanned region.
pub type AthenaInventory = Regional<AthenaRegion>;

/// Athena in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AthenaRegion {
    /// The region.
    pub region: String,
    /// Every workgroup.
    pub workgroups: Vec<AthenaWorkGroup>,
}

/// A workgroup, as ListWorkGroups names it and GetWorkGroup describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AthenaWorkGroup {
    /// The workgroup name.
    pub name: String,
    /// `arn:PARTITION:athena:REGION:ACCOUNT:workgroup/NAME`.
    pub arn: String,
    /// `ENABLED` or `DISABLED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Its configuration, from GetWorkGroup.
    pub configuration: Observed<WorkGroupConfiguration>,
}

/// What a workgroup enforces on its queries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkGroupConfiguration {
    /// Clients cannot override the workgroup's settings.
    pub enforce_configuration: Observed<bool>,
    /// Query metrics go to CloudWatch.
    pub publish_metrics: Observed<bool>,
    /// The most bytes one query may scan; `None` when unlimited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_scanned_cutoff: Option<i64>,
    /// Where query results are written, `s3://bucket/prefix/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_location: Option<String>,
    /// `SSE_S3`, `SSE_KMS` or `CSE_KMS`; `None` when results are not encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_encryption: Option<String>,
    /// The KMS key of result encryption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_kms_key: Option<String>,
    /// The engine queries run on (`Athena engine version 3`, `PySpark engine version 3`).
    pub effective_engine: Observed<String>,
    /// Results kept in Athena-owned storage (managed query results) instead of
    /// an S3 output location; `None` when not enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_results: Option<ManagedResults>,
}

/// Managed query results: always encrypted, with the workgroup's KMS key or
/// else Athena's own key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedResults {
    /// The customer-managed KMS key; `None` for Athena's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
}
