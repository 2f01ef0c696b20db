//! How checks walk CloudTrail's records and what they reference.

use crate::engine::references::{BucketUse, KeyUse, References};
use crate::engine::resource::{account_ref, regional_ref, Listing, Resource};
use crate::engine::roles::BucketRole;
use crate::model::*;
use crate::ResourceRef;

/// Each trail once, in its home region.
impl Resource for Trail {
    type In = CloudTrailInventory;
    fn all(inventory: &Inventory) -> Vec<(&Self, &CloudTrailInventory)> {
        let Some(cloudtrail) = &inventory.cloudtrail else {
            return Vec::new();
        };
        cloudtrail.trails.iter().map(|t| (t, cloudtrail)).collect()
    }
    fn reference(&self, _: &CloudTrailInventory, inventory: &Inventory) -> ResourceRef {
        regional_ref(
            inventory,
            &self.home_region,
            &self.arn,
            &self.name,
            "AwsCloudTrailTrail",
        )
    }
}

impl Listing for CloudTrailInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        // The account carries the account-wide trail finding.
        self.trails
            .iter()
            .map(|t| t.reference(self, inventory))
            .chain(std::iter::once(account_ref(inventory)))
            .collect()
    }
}

impl References for CloudTrailInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        self.trails
            .iter()
            .filter_map(|trail| {
                let key = trail.kms_key_id.as_deref()?;
                let purpose = format!("log encryption of trail {}", trail.name);
                Some(KeyUse::new(trail.reference(self, inventory), purpose, key))
            })
            .collect()
    }

    fn bucket_uses(&self) -> Vec<BucketUse> {
        self.trails
            .iter()
            .filter_map(|t| t.s3_bucket.clone())
            .map(|bucket| BucketUse {
                bucket,
                role: BucketRole::TrailBucket,
            })
            .collect()
    }
}
