//! Amazon MWAA (Managed Workflows for Apache Airflow), per region: environments.

use serde::{Deserialize, Serialize};

use super::{Inventory, Observed, Regional};
use crate::references::{KeyUse, References};
use crate::resource::{in_regions, Listing, Resource};
use crate::ResourceRef;

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

crate::regional_resource!(MwaaEnvironment in MwaaRegion, mwaa.environments, name, "AwsMwaaEnvironment");

impl Listing for MwaaInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.environments)
            .into_iter()
            .map(|(e, r)| e.reference(r, inventory))
            .collect()
    }
}

impl References for MwaaInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        in_regions(Some(self), |r| &r.environments)
            .into_iter()
            .filter_map(|(e, region)| {
                let key = e.configuration.known()?.kms_key.as_deref()?;
                let purpose = format!("encryption of Airflow environment {}", e.name);
                Some(KeyUse::new(e.reference(region, inventory), purpose, key))
            })
            .collect()
    }
}
