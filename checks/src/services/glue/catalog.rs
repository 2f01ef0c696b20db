//! The Data Catalog as other services' checks see it.

use crate::engine::inputs::region_record;
use crate::model::{Inventory, Service, Unobserved};

/// How many Glue databases the region's Data Catalog holds.
pub(crate) fn glue_databases_in(inventory: &Inventory, region: &str) -> Result<usize, Unobserved> {
    region_record(
        inventory,
        inventory.glue.as_ref(),
        Service::Glue,
        "glue:GetDatabases",
        region,
        |r| &r.region,
    )
    .map(|r| r.databases.len())
}
