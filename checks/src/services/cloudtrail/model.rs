//! CloudTrail: the account's trails, each once, with its event selectors as
//! CloudTrail returns them.

use serde::{Deserialize, Serialize};

use crate::model::observed::Observed;

/// The trails the scanned regions see (organization trails included).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudTrailInventory {
    /// Each trail once.
    pub trails: Vec<Trail>,
}

/// A trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trail {
    /// The trail name.
    pub name: String,
    /// The trail ARN.
    pub arn: String,
    /// The region the trail was created in.
    pub home_region: String,
    /// Logs every region.
    pub multi_region: Observed<bool>,
    /// An organization trail; seen from a member account, it still logs the
    /// account. Only words a message, so an absent flag reads as false.
    pub organization: bool,
    /// The bucket receiving the logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s3_bucket: Option<String>,
    /// The key encrypting the logs (SSE-KMS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// Digest files are written.
    pub log_file_validation: Observed<bool>,
    /// The CloudWatch Logs group receiving the events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloudwatch_log_group: Option<String>,
    /// The trail is logging now.
    pub logging: Observed<bool>,
    /// What the trail records.
    pub selectors: Observed<EventSelectors>,
}

/// A trail's event selectors: basic or advanced, as configured.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSelectors {
    /// Basic event selectors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basic: Vec<EventSelector>,
    /// Advanced event selectors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advanced: Vec<AdvancedEventSelector>,
}

/// A basic event selector.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSelector {
    /// `ReadOnly`, `WriteOnly` or `All`; `None` means `All`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_write_type: Option<String>,
    /// `None` means true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include_management_events: Option<bool>,
    /// Data events it records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_resources: Vec<DataResource>,
}

/// Data events of one resource type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataResource {
    /// `AWS::S3::Object`, `AWS::Lambda::Function`, …
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// ARN prefixes (`arn:aws:s3:::bucket/`), or `arn:aws:s3` for all.
    #[serde(default)]
    pub values: Vec<String>,
}

/// An advanced event selector.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdvancedEventSelector {
    /// The selector's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Conditions on event fields, all of which must hold.
    pub field_selectors: Vec<FieldSelector>,
}

/// A condition on one event field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSelector {
    /// `eventCategory`, `resources.type`, `resources.ARN`, `readOnly`, …
    pub field: String,
    /// The field equals one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equals: Vec<String>,
    /// The field starts with one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub starts_with: Vec<String>,
    /// The field ends with one of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ends_with: Vec<String>,
    /// The field equals none of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_equals: Vec<String>,
    /// The field starts with none of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_starts_with: Vec<String>,
    /// The field ends with none of these.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_ends_with: Vec<String>,
}
