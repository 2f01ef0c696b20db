//! Amazon Data Firehose, per region: delivery streams, their source,
//! encryption and destinations.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// Firehose in every scanned region.
pub type FirehoseInventory = Regional<FirehoseRegion>;

/// Firehose in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirehoseRegion {
    /// The region.
    pub region: String,
    /// Every delivery stream.
    pub streams: Vec<DeliveryStream>,
}

/// A Firehose stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryStream {
    /// The stream name.
    pub name: String,
    /// The stream ARN.
    pub arn: String,
    /// As DescribeDeliveryStream reports it.
    pub description: Observed<DeliveryStreamDescription>,
}

/// What a Firehose stream reads, how it encrypts, and where it delivers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryStreamDescription {
    /// `DirectPut`, `KinesisStreamAsSource`, `MSKAsSource`, `DatabaseAsSource`.
    pub source: Observed<String>,
    /// Server-side encryption: `ENABLED`, `ENABLING`, `DISABLED`, …; `None`
    /// when the stream reports none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_status: Option<String>,
    /// The customer-managed key of server-side encryption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
    /// Its destinations.
    pub destinations: Vec<FirehoseDestination>,
}

/// One destination of a Firehose stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirehoseDestination {
    /// `ExtendedS3`, `S3`, `Redshift`, `OpenSearch`, `Splunk`, `HttpEndpoint`, …
    pub kind: String,
    /// Delivery errors are logged to CloudWatch Logs.
    pub error_logging: bool,
    /// For an S3 destination: its compression (`UNCOMPRESSED`, `GZIP`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compression: Option<String>,
    /// For an S3 destination: records are converted to Parquet or ORC.
    #[serde(default)]
    pub format_conversion: bool,
}
