//! AWS Lambda, per region: functions and their event source mappings.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// Lambda in every scanned region.
pub type LambdaInventory = Regional<LambdaRegion>;

/// Lambda in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LambdaRegion {
    /// The region.
    pub region: String,
    /// Every function (its latest version).
    pub functions: Vec<LambdaFunction>,
    /// Every event source mapping.
    pub event_source_mappings: Observed<Vec<EventSourceMapping>>,
}

/// A Lambda function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LambdaFunction {
    /// The function name.
    pub name: String,
    /// The function ARN.
    pub arn: String,
    /// `Zip` or `Image`.
    pub package_type: String,
    /// The runtime identifier (`python3.12`); `None` for a container image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<String>,
    /// `x86_64`, `arm64`.
    pub architectures: Vec<String>,
}

/// A mapping that feeds a function from a stream or queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSourceMapping {
    /// The mapping's UUID.
    pub uuid: String,
    /// The mapping ARN.
    pub arn: String,
    /// The function it invokes.
    pub function_arn: Observed<String>,
    /// The stream, table stream, cluster or queue it reads; `None` for a
    /// self-managed Kafka source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_arn: Option<String>,
    /// Where failed batches go; `None` when nowhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_failure: Option<String>,
}

impl EventSourceMapping {
    /// The kind of source, from its ARN: `kinesis`, `dynamodb`, `kafka`, `sqs`, …
    pub fn source_service(&self) -> Option<&str> {
        self.source_arn.as_deref()?.split(':').nth(2)
    }
}
