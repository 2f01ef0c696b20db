//! How checks walk CloudWatch Logs's records.

use crate::engine::references::References;
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(LogGroup in LogsRegion, logs.log_groups, name, "AwsLogsLogGroup");

impl Listing for LogsInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.log_groups)
            .into_iter()
            .map(|(g, r)| g.reference(r, inventory))
            .collect()
    }
}

impl References for LogsInventory {}
