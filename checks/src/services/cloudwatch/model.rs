//! CloudWatch, per region: metric alarms, as DescribeAlarms lists them,
//! kept when they watch a metric a check reads.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::observed::Regional;

/// CloudWatch in every scanned region.
pub type CloudWatchInventory = Regional<CloudWatchRegion>;

/// CloudWatch in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudWatchRegion {
    /// The region.
    pub region: String,
    /// The metric alarms that watch a metric a check reads; others are not kept.
    pub alarms: Vec<MetricAlarm>,
}

/// A metric alarm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetricAlarm {
    /// The alarm name.
    pub name: String,
    /// The alarm ARN.
    pub arn: String,
    /// The metrics it watches: its own, or those its metric math reads.
    pub metrics: Vec<AlarmMetric>,
    /// Metric Insights or SEARCH expressions it evaluates that name a metric
    /// a check reads: which resources they cover is not evaluated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queries: Vec<String>,
    /// Its actions run when its state changes; `None` when not reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions_enabled: Option<bool>,
    /// What it notifies when it goes into ALARM.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alarm_actions: Vec<String>,
}

/// One metric an alarm watches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlarmMetric {
    /// The namespace, such as `AWS/States`.
    pub namespace: String,
    /// The metric name, such as `ExecutionsFailed`.
    pub name: String,
    /// Its dimensions, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, String>,
}

impl MetricAlarm {
    /// Whether it watches `name` in `namespace` for the resource whose
    /// `dimension` is `value`.
    pub fn watches(&self, namespace: &str, name: &str, dimension: &str, value: &str) -> bool {
        self.metrics.iter().any(|m| {
            m.namespace == namespace
                && m.name == name
                && m.dimensions.get(dimension).map(String::as_str) == Some(value)
        })
    }

    /// Whether it notifies anyone when it goes into ALARM.
    pub fn notifies(&self) -> bool {
        self.actions_enabled != Some(false) && !self.alarm_actions.is_empty()
    }
}
