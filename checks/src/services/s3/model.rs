//! S3: the account's Block Public Access and the buckets of the scanned regions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::observed::Observed;

/// S3 in one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct S3Inventory {
    /// Account-level Block Public Access (S3 Control); `None` when never set.
    pub account_public_access_block: Observed<Option<PublicAccessBlock>>,
    /// The buckets of the scanned regions, with their configuration.
    pub buckets: Vec<Bucket>,
    /// Every bucket name in the account, in any region: what a reference to a
    /// bucket (a Glue table location) is checked against.
    #[serde(default)]
    pub account_bucket_names: Vec<String>,
}

/// A bucket and its configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    /// The bucket name.
    pub name: String,
    /// `arn:PARTITION:s3:::NAME`.
    pub arn: String,
    /// Where it lives.
    pub region: Observed<String>,
    /// Bucket-level Block Public Access; `None` when never set.
    pub public_access_block: Observed<Option<PublicAccessBlock>>,
    /// The bucket policy document as returned; `None` when there is none.
    pub policy: Observed<Option<String>>,
    /// Default encryption; `None` when none is configured.
    pub encryption: Observed<Option<BucketEncryption>>,
    /// Server access logging target; `None` when logging is off.
    pub logging: Observed<Option<LoggingTarget>>,
    /// Versioning state.
    pub versioning: Observed<Versioning>,
    /// Lifecycle rules; empty when the bucket has no lifecycle configuration.
    pub lifecycle: Observed<Vec<LifecycleRule>>,
    /// Intelligent-Tiering configuration ids that are enabled.
    pub intelligent_tiering: Observed<Vec<String>>,
    /// Replication rules; empty when there are none.
    pub replication: Observed<Vec<ReplicationRule>>,
    /// The bucket's tags.
    pub tags: Observed<BTreeMap<String, String>>,
    /// The ACL's grants; read only for buckets whose publicness a check
    /// needs (trail buckets), `None` elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acl: Option<Observed<Vec<AclGrant>>>,
    /// S3's own verdict on the bucket policy (GetBucketPolicyStatus
    /// `IsPublic`; `None` inside when there is no policy), read with the ACL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_status: Option<Observed<Option<bool>>>,
}

/// One grant of a bucket ACL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AclGrant {
    /// The grantee: a group URI, a canonical user id or an email address.
    pub grantee: String,
    /// `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP`, `FULL_CONTROL`.
    pub permission: String,
}

impl AclGrant {
    /// The public group it grants to (`AllUsers`, `AuthenticatedUsers`), if any.
    pub fn public_group(&self) -> Option<&'static str> {
        match self.grantee.as_str() {
            "http://acs.amazonaws.com/groups/global/AllUsers" => Some("AllUsers"),
            "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" => {
                Some("AuthenticatedUsers")
            }
            _ => None,
        }
    }
}

/// The four Block Public Access settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PublicAccessBlock {
    /// New public ACLs are refused.
    pub block_public_acls: bool,
    /// Existing public ACLs are ignored.
    pub ignore_public_acls: bool,
    /// New public bucket policies are refused.
    pub block_public_policy: bool,
    /// Public policies grant nothing outside the account.
    pub restrict_public_buckets: bool,
}

impl PublicAccessBlock {
    /// All four settings are on.
    pub fn all_on(&self) -> bool {
        self.block_public_acls
            && self.ignore_public_acls
            && self.block_public_policy
            && self.restrict_public_buckets
    }

    /// The settings in force for a bucket: S3 applies each setting when
    /// either the bucket or the account turns it on.
    pub fn combined(bucket: Option<&Self>, account: Option<&Self>) -> Self {
        let on = |setting: fn(&Self) -> bool| {
            bucket.is_some_and(setting) || account.is_some_and(setting)
        };
        Self {
            block_public_acls: on(|p| p.block_public_acls),
            ignore_public_acls: on(|p| p.ignore_public_acls),
            block_public_policy: on(|p| p.block_public_policy),
            restrict_public_buckets: on(|p| p.restrict_public_buckets),
        }
    }

    /// The settings that are off, by their API names.
    pub fn off(&self) -> Vec<&'static str> {
        [
            (self.block_public_acls, "BlockPublicAcls"),
            (self.ignore_public_acls, "IgnorePublicAcls"),
            (self.block_public_policy, "BlockPublicPolicy"),
            (self.restrict_public_buckets, "RestrictPublicBuckets"),
        ]
        .into_iter()
        .filter(|(on, _)| !on)
        .map(|(_, name)| name)
        .collect()
    }
}

/// A bucket's default encryption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketEncryption {
    /// `AES256`, `aws:kms`, `aws:kms:dsse`.
    pub algorithm: String,
    /// The KMS key, for the KMS algorithms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// S3 Bucket Key (fewer KMS requests).
    pub bucket_key_enabled: bool,
}

impl BucketEncryption {
    /// SSE-KMS or DSSE-KMS.
    pub fn is_kms(&self) -> bool {
        matches!(self.algorithm.as_str(), "aws:kms" | "aws:kms:dsse")
    }
}

/// Where a bucket's server access logs go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggingTarget {
    /// The bucket receiving the logs.
    pub target_bucket: String,
    /// The key prefix of the logs.
    #[serde(default)]
    pub target_prefix: String,
}

/// A bucket's versioning state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Versioning {
    /// `Enabled`, `Suspended`, or `None` when never enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// MFA delete is on.
    pub mfa_delete: bool,
}

impl Versioning {
    /// Versioning is on now.
    pub fn enabled(&self) -> bool {
        self.status.as_deref() == Some("Enabled")
    }
}

/// One lifecycle rule.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LifecycleRule {
    /// The rule's id.
    #[serde(default)]
    pub id: String,
    /// Its status is `Enabled`.
    pub enabled: bool,
    /// The key prefix it applies to (empty: the whole bucket).
    #[serde(default)]
    pub prefix: String,
    /// It applies only to objects with given tags or sizes.
    #[serde(default)]
    pub narrowed: bool,
    /// Current versions expire (after days or on a date).
    #[serde(default)]
    pub expires_current: bool,
    /// Storage classes current versions transition to.
    #[serde(default)]
    pub transitions: Vec<String>,
    /// Days after which noncurrent versions expire.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noncurrent_expiration_days: Option<i32>,
    /// Days after which incomplete multipart uploads are aborted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abort_incomplete_multipart_days: Option<i32>,
}

/// One replication rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicationRule {
    /// The rule's id.
    #[serde(default)]
    pub id: String,
    /// Its status is `Enabled`.
    pub enabled: bool,
    /// Destination bucket ARN.
    pub destination_bucket: String,
}
