//! How checks walk CloudWatch's records.

use crate::engine::references::References;
use crate::engine::resource::{in_regions, Listing, Resource};
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(MetricAlarm in CloudWatchRegion, cloudwatch.alarms, name, "AwsCloudWatchAlarm");

impl Listing for CloudWatchInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        in_regions(Some(self), |r| &r.alarms)
            .into_iter()
            .map(|(alarm, r)| alarm.reference(r, inventory))
            .collect()
    }
}

impl References for CloudWatchInventory {}
