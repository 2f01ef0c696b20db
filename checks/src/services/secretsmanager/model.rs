//! Secrets Manager, per region: every secret's metadata. lakelint never
//! reads a secret's value.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// Secrets Manager in every scanned region.
pub type SecretsManagerInventory = Regional<SecretsManagerRegion>;

/// Secrets Manager in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretsManagerRegion {
    /// The region.
    pub region: String,
    /// Every secret, as ListSecrets describes it.
    pub secrets: Vec<Secret>,
}

/// A secret's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Secret {
    /// The secret name.
    pub name: String,
    /// The secret ARN.
    pub arn: String,
    /// The key it is encrypted with; `None` for the account's `aws/secretsmanager` key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// Automatic rotation is on (ListSecrets leaves the field out when it never was).
    pub rotation_enabled: bool,
    /// When it was created, RFC 3339.
    pub created: Observed<String>,
    /// The last day it was read, RFC 3339; `None` when it never was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_accessed: Option<String>,
    /// The service that manages it (`rds`, `redshift`), which rotates it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owning_service: Option<String>,
}
