//! DynamoDB, per region: tables, their backups, and the region's
//! Application Auto Scaling targets for them.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// DynamoDB in every scanned region.
pub type DynamoDbInventory = Regional<DynamoDbRegion>;

/// DynamoDB in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DynamoDbRegion {
    /// The region.
    pub region: String,
    /// Every table.
    pub tables: Vec<DynamoDbTable>,
    /// Application Auto Scaling targets of the `dynamodb` namespace.
    pub scaling_targets: Observed<Vec<ScalingTarget>>,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DynamoDbTable {
    /// The table name.
    pub name: String,
    /// `arn:PARTITION:dynamodb:REGION:ACCOUNT:table/NAME`.
    pub arn: String,
    /// DescribeTable.
    pub description: Observed<TableDescription>,
    /// Point-in-time recovery is on (DescribeContinuousBackups).
    pub point_in_time_recovery: Observed<bool>,
}

/// What DescribeTable says of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableDescription {
    /// `PROVISIONED` or `PAY_PER_REQUEST`.
    pub billing_mode: Observed<String>,
    /// The table cannot be deleted until this is turned off.
    pub deletion_protection: Observed<bool>,
    /// The KMS key of encryption at rest; `None` for the AWS-owned key (no
    /// SSEDescription, or server-side encryption with KMS disabled).
    pub kms_key: Observed<Option<String>>,
}

/// An Application Auto Scaling target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScalingTarget {
    /// `table/NAME` or `table/NAME/index/INDEX`.
    pub resource_id: String,
    /// `dynamodb:table:ReadCapacityUnits`, `dynamodb:table:WriteCapacityUnits`, …
    pub dimension: String,
}
