//! Kinesis Data Streams, per region: streams, with their encryption and retention.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// Kinesis in every scanned region.
pub type KinesisInventory = Regional<KinesisRegion>;

/// Kinesis in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KinesisRegion {
    /// The region.
    pub region: String,
    /// Every data stream.
    pub streams: Vec<KinesisStream>,
}

/// A data stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KinesisStream {
    /// The stream name.
    pub name: String,
    /// The stream ARN.
    pub arn: String,
    /// As DescribeStreamSummary reports it.
    pub summary: Observed<StreamSummary>,
}

/// A stream's encryption and retention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamSummary {
    /// `KMS` or `NONE`.
    pub encryption_type: Observed<String>,
    /// The KMS key, for `KMS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
    /// Hours records stay readable.
    pub retention_hours: Observed<i32>,
}
