//! DynamoDB, per region: tables, their backups, and the region's
//! Application Auto Scaling targets for them.

use serde::{Deserialize, Serialize};

use super::{Inventory, Observed, Regional};
use crate::references::{KeyUse, References};
use crate::resource::{in_regions, Listing, Resource};
use crate::ResourceRef;

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
    /// The KMS key of encryption at rest; `None` for the AWS-owned key (no SSEDescription).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
}

/// An Application Auto Scaling target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScalingTarget {
    /// `table/NAME` or `table/NAME/index/INDEX`.
    pub resource_id: String,
    /// `dynamodb:table:ReadCapacityUnits`, `dynamodb:table:WriteCapacityUnits`, …
    pub dimension: String,
}

crate::regional_resource!(DynamoDbTable in DynamoDbRegion, dynamodb.tables, name, "AwsDynamoDbTable");

impl Listing for DynamoDbInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.tables)
            .into_iter()
            .map(|(t, r)| t.reference(r, inventory))
            .collect()
    }
}

impl References for DynamoDbInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.tables)
            .into_iter()
            .filter_map(|(t, region)| {
                let key = t.description.known()?.kms_key.as_deref()?;
                let purpose = format!("encryption of DynamoDB table {}", t.name);
                Some(KeyUse::new(t.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
