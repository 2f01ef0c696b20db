//! KMS, per region: every key (AWS-managed ones too, so references to them
//! resolve) and alias.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional, Undescribed};

/// KMS in every scanned region.
pub type KmsInventory = Regional<KmsRegion>;

/// KMS in one region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KmsRegion {
    /// The region.
    pub region: String,
    /// Every key that could be described.
    pub keys: Vec<KmsKey>,
    /// Keys ListKeys named that could not be described.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undescribed: Vec<Undescribed>,
    /// Every alias.
    pub aliases: Vec<KmsAlias>,
}

/// A KMS key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KmsKey {
    /// The key id (a UUID, or `mrk-…`).
    pub id: String,
    /// The key ARN.
    pub arn: String,
    /// `CUSTOMER` or `AWS`; only customer-managed keys are judged.
    pub manager: String,
    /// `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, …
    pub state: String,
    /// `SYMMETRIC_DEFAULT`, `RSA_2048`, `HMAC_256`, …
    pub spec: String,
    /// `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`.
    pub origin: String,
    /// When a key pending deletion is deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<String>,
    /// Read only where rotation applies (customer-managed, symmetric,
    /// AWS_KMS origin, enabled); `None` elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation_enabled: Option<Observed<bool>>,
    /// The `default` key policy; read for customer-managed keys only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Observed<String>>,
}

impl KmsKey {
    /// Managed by the account, not by an AWS service.
    pub fn is_customer_managed(&self) -> bool {
        self.manager == "CUSTOMER"
    }

    /// Scheduled for deletion.
    pub fn is_pending_deletion(&self) -> bool {
        matches!(
            self.state.as_str(),
            "PendingDeletion" | "PendingReplicaDeletion"
        )
    }

    /// Rotation exists only for enabled symmetric keys whose material KMS made.
    pub fn rotation_applies(&self) -> bool {
        self.is_customer_managed()
            && self.spec == "SYMMETRIC_DEFAULT"
            && self.origin == "AWS_KMS"
            && self.state == "Enabled"
    }
}

/// A KMS alias.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KmsAlias {
    /// `alias/name`.
    pub name: String,
    /// The alias ARN.
    pub arn: String,
    /// The key id the alias points at; `None` for unassigned aliases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_key_id: Option<String>,
}
