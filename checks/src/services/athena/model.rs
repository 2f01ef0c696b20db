//! Athena, per region: workgroups (`primary` included) and their configuration.

use serde::{Deserialize, Serialize};

use super::{Inventory, Observed, Regional};
use crate::references::{BucketUse, KeyUse, References};
use crate::resource::{in_regions, Listing, Resource};
use crate::roles::BucketRole;
use crate::ResourceRef;

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
}

crate::regional_resource!(AthenaWorkGroup in AthenaRegion, athena.workgroups, name, "AwsAthenaWorkGroup");

impl Listing for AthenaInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.workgroups)
            .into_iter()
            .map(|(w, r)| w.reference(r, inventory))
            .collect()
    }
}

impl References for AthenaInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.workgroups)
            .into_iter()
            .filter_map(|(w, region)| {
                let key = w.configuration.known()?.result_kms_key.as_deref()?;
                let purpose = format!("query result encryption of Athena workgroup {}", w.name);
                Some(KeyUse::new(w.reference(region, inventory), purpose, key))
            })
            .collect()
    }

    fn bucket_uses(&self) -> Vec<BucketUse> {
        self.regions
            .iter()
            .flat_map(|r| &r.workgroups)
            .filter_map(|w| w.configuration.known()?.output_location.as_deref())
            .filter_map(|location| BucketUse::of_location(location, BucketRole::QueryResults))
            .collect()
    }
}
