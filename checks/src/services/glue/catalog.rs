//! The Data Catalog as other services' checks see it.

use crate::engine::inputs::region_record;
use crate::engine::roles::bucket_of;
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

/// The scanned regions whose Data Catalog names the bucket: a table's
/// location or a crawler's target is in it.
pub(crate) fn regions_naming<'a>(inventory: &'a Inventory, bucket: &str) -> Vec<&'a str> {
    let names = |location: &str| bucket_of(location) == Some(bucket);
    inventory
        .glue
        .iter()
        .flat_map(|glue| &glue.regions)
        .filter(|r| {
            r.tables
                .iter()
                .any(|t| t.location.as_deref().is_some_and(names))
                || r.crawlers
                    .iter()
                    .any(|c| c.s3_targets.iter().any(|t| names(t)))
        })
        .map(|r| r.region.as_str())
        .collect()
}
