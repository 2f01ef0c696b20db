//! Lake Formation, per region: the data lake settings and the registered locations.

use serde::{Deserialize, Serialize};

use super::{Inventory, Observed, Regional};
use crate::references::References;
use crate::resource::{account_arn, region_setting_ref, Listing, Resource};
use crate::ResourceRef;

/// Lake Formation in every scanned region.
pub type LakeFormationInventory = Regional<LakeFormationRegion>;

/// Lake Formation in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LakeFormationRegion {
    /// The region.
    pub region: String,
    /// GetDataLakeSettings.
    pub settings: Observed<DataLakeSettings>,
    /// ARNs of the S3 locations registered with Lake Formation (ListResources).
    pub registered: Observed<Vec<String>>,
}

/// Who administers the data lake and what new databases and tables grant.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataLakeSettings {
    /// The data lake administrators' principal identifiers.
    pub admins: Vec<String>,
    /// What a new database grants, and to whom.
    pub database_defaults: Vec<DefaultPermission>,
    /// What a new table grants, and to whom.
    pub table_defaults: Vec<DefaultPermission>,
}

/// A default grant of new catalog resources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultPermission {
    /// `IAM_ALLOWED_PRINCIPALS`, or a principal ARN.
    pub principal: String,
    /// `ALL`, `SELECT`, …
    pub permissions: Vec<String>,
}

/// A region as a resource: its data lake settings.
impl Resource for LakeFormationRegion {
    type In = LakeFormationInventory;
    fn all(inventory: &Inventory) -> Vec<(&Self, &LakeFormationInventory)> {
        let Some(lf) = &inventory.lakeformation else {
            return Vec::new();
        };
        lf.regions.iter().map(|r| (r, lf)).collect()
    }
    fn reference(&self, _: &LakeFormationInventory, inventory: &Inventory) -> ResourceRef {
        let resource = format!("catalog:{}", inventory.account.account_id);
        let arn = account_arn(inventory, "lakeformation", &self.region, &resource);
        region_setting_ref(
            inventory,
            &self.region,
            arn,
            "AwsLakeFormationDataLakeSettings",
        )
    }
}

impl Listing for LakeFormationInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        self.regions
            .iter()
            .map(|r| r.reference(self, inventory))
            .collect()
    }
}

impl References for LakeFormationInventory {}
