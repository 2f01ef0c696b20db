//! Lake Formation, per region: the data lake settings and the registered locations.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

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
