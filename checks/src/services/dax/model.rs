//! DAX, per region: the DynamoDB Accelerator clusters.

use serde::{Deserialize, Serialize};

use super::{Inventory, Observed, Regional};
use crate::references::References;
use crate::resource::{in_regions, Listing, Resource};
use crate::ResourceRef;

/// DAX in every scanned region.
pub type DaxInventory = Regional<DaxRegion>;

/// DAX in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaxRegion {
    /// The region.
    pub region: String,
    /// Every cluster.
    pub clusters: Vec<DaxCluster>,
}

/// A DAX cluster. Its encryption at rest uses an AWS-owned key: there is no
/// customer key to follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaxCluster {
    /// The cluster name.
    pub name: String,
    /// The cluster ARN.
    pub arn: String,
    /// Server-side encryption status (`ENABLED`, `DISABLED`, …).
    pub encryption_at_rest: Observed<String>,
    /// `NONE` or `TLS`.
    pub endpoint_encryption: Observed<String>,
}

crate::regional_resource!(DaxCluster in DaxRegion, dax.clusters, name, "AwsDaxCluster");

impl Listing for DaxInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.clusters)
            .into_iter()
            .map(|(c, r)| c.reference(r, inventory))
            .collect()
    }
}

impl References for DaxInventory {}
