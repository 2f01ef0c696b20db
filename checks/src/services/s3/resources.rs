//! How checks walk S3's records and what they reference.

use crate::engine::references::{BucketUse, KeyUse, References};
use crate::engine::resource::{account_ref, Listing, Resource};
use crate::engine::roles::BucketRole;
use crate::findings::finding::intern;
use crate::model::*;
use crate::ResourceRef;

impl Resource for Bucket {
    type In = S3Inventory;

    fn all(inventory: &Inventory) -> Vec<(&Self, &S3Inventory)> {
        let Some(s3) = &inventory.s3 else {
            return Vec::new();
        };
        s3.buckets.iter().map(|b| (b, s3)).collect()
    }

    fn reference(&self, _: &S3Inventory, inventory: &Inventory) -> ResourceRef {
        ResourceRef {
            arn: intern(&self.arn),
            id: intern(&self.name),
            kind: "AwsS3Bucket".into(),
            region: intern(self.region.known().map_or("unknown", String::as_str)),
            account_id: intern(&inventory.account.account_id),
        }
    }
}

impl Listing for S3Inventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        std::iter::once(account_ref(inventory))
            .chain(self.buckets.iter().map(|b| b.reference(self, inventory)))
            .collect()
    }
}

impl References for S3Inventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        self.buckets
            .iter()
            .filter_map(|bucket| {
                let enc = bucket.encryption.known()?.as_ref()?;
                let key = enc.kms_key_id.as_deref().filter(|_| enc.is_kms())?;
                let purpose = format!("default encryption of bucket {}", bucket.name);
                Some(KeyUse::new(bucket.reference(self, inventory), purpose, key))
            })
            .collect()
    }

    fn bucket_uses(&self) -> Vec<BucketUse> {
        self.buckets
            .iter()
            .filter_map(|b| b.logging.known()?.as_ref())
            .map(|target| BucketUse {
                bucket: target.target_bucket.clone(),
                role: BucketRole::LogTarget,
            })
            .collect()
    }
}
