//! EventBridge, per region: the rules of the default event bus, where AWS
//! services deliver their events.

use serde::{Deserialize, Serialize};

use crate::model::observed::Regional;

/// EventBridge in every scanned region.
pub type EventBridgeInventory = Regional<EventBridgeRegion>;

/// EventBridge in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventBridgeRegion {
    /// The region.
    pub region: String,
    /// The rules of the default event bus.
    pub rules: Vec<EventRule>,
}

/// A rule of the default event bus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRule {
    /// The rule name.
    pub name: String,
    /// The rule ARN.
    pub arn: String,
    /// `ENABLED`, `DISABLED`, …; `None` when the answer did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The event pattern, as JSON; `None` for a scheduled rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_pattern: Option<String>,
}
