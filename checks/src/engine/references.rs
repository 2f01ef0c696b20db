//! What a service's records point at elsewhere in the inventory: the KMS
//! keys they are encrypted with and the buckets they write to or read from.
//! Each section says so for itself (beside its model), so a new service joins
//! `kms.key_in_use_usable` and the bucket roles without editing either.

use serde::{Deserialize, Serialize};

use crate::findings::finding::ResourceRef;
use crate::model::Inventory;

/// What a bucket is for in the platform, derived across the inventory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BucketRole {
    /// Holds data-lake tables (Glue table location, crawler target, or configured).
    DataLake,
    /// Receives another bucket's server access logs.
    LogTarget,
    /// Receives CloudTrail logs.
    TrailBucket,
    /// Receives EMR cluster logs.
    EmrLogs,
    /// Receives Athena query results (a workgroup's output location).
    QueryResults,
}

/// The bucket of an `s3://bucket/key` (or `s3a://`, `s3n://`) location.
pub fn bucket_of(location: &str) -> Option<&str> {
    let (scheme, rest) = location.split_once("://")?;
    if !matches!(scheme, "s3" | "s3a" | "s3n") {
        return None;
    }
    rest.split('/').next().filter(|b| !b.is_empty())
}

/// One resource's use of a KMS key.
#[derive(Debug, Clone)]
pub struct KeyUse {
    /// The resource that uses the key.
    pub user: ResourceRef,
    /// What uses the key, for messages: "default encryption of bucket lake-raw".
    pub purpose: String,
    /// The key as the resource names it: ARN, id, alias or alias ARN.
    pub key: String,
    /// Where a bare key id or alias name is resolved.
    pub region: String,
}

impl KeyUse {
    /// `user` uses `key` for `purpose`; a bare id or alias resolves in the user's region.
    pub fn new(user: ResourceRef, purpose: String, key: &str) -> Self {
        Self {
            region: user.region.to_string(),
            user,
            purpose,
            key: key.to_string(),
        }
    }
}

/// A bucket a record names, and the role that gives the bucket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketUse {
    /// The bucket's name.
    pub bucket: String,
    /// What the bucket is for.
    pub role: BucketRole,
}

impl BucketUse {
    /// The bucket of an `s3://` location, when it names one.
    pub fn of_location(location: &str, role: BucketRole) -> Option<Self> {
        bucket_of(location).map(|bucket| Self {
            bucket: bucket.to_string(),
            role,
        })
    }
}

/// What a section's records reference. Both lists are empty unless a section says otherwise.
pub trait References {
    /// Every KMS key its records use.
    fn key_uses(&self, _inventory: &Inventory) -> Vec<KeyUse> {
        Vec::new()
    }

    /// Every bucket its records name, with the role that gives it.
    fn bucket_uses(&self) -> Vec<BucketUse> {
        Vec::new()
    }
}

/// Every use of a KMS key the inventory records, section by section.
pub fn key_uses(inventory: &Inventory) -> Vec<KeyUse> {
    sections(inventory)
        .into_iter()
        .flat_map(|section| section.key_uses(inventory))
        .collect()
}

/// Every bucket a record names, with the role it gives the bucket.
pub fn bucket_uses(inventory: &Inventory) -> Vec<BucketUse> {
    sections(inventory)
        .into_iter()
        .flat_map(|section| section.bucket_uses())
        .collect()
}

/// The sections a scan collected, as references see them.
macro_rules! sections {
    ($($(#[$doc:meta])* $variant:ident => $module:ident: $section:ident, iam: $iam:literal, $scope:ident;)*) => {
        fn sections(inventory: &Inventory) -> Vec<&dyn References> {
            let mut out: Vec<&dyn References> = Vec::new();
            $(
                if let Some(section) = &inventory.$module {
                    out.push(section);
                }
            )*
            out
        }
    };
}

crate::for_each_service!(sections);
