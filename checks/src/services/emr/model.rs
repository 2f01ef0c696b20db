//! EMR on EC2, per region: block public access, the active clusters, and
//! security configurations.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional, Undescribed};

/// EMR in every scanned region.
pub type EmrInventory = Regional<EmrRegion>;

/// EMR in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrRegion {
    /// The region.
    pub region: String,
    /// Block public access for EMR in the region.
    pub block_public_access: Observed<EmrBlockPublicAccess>,
    /// Clusters in STARTING, BOOTSTRAPPING, RUNNING or WAITING.
    pub clusters: Vec<EmrCluster>,
    /// Active clusters ListClusters named that could not be described.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undescribed_clusters: Vec<Undescribed>,
    /// Every security configuration of the region, in use or not, by name.
    pub security_configurations: Vec<EmrSecurityConfiguration>,
}

/// An active EMR cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrCluster {
    /// `j-…`.
    pub id: String,
    /// The cluster name.
    pub name: String,
    /// The cluster ARN.
    pub arn: String,
    /// `WAITING`, `RUNNING`, …
    pub state: String,
    /// `emr-7.1.0`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_label: Option<String>,
    /// Where logs are archived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_uri: Option<String>,
    /// The security configuration's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_configuration: Option<String>,
    /// Termination protection is on.
    pub termination_protected: Observed<bool>,
    /// Its auto-termination policy; `None` when it has none.
    pub auto_termination: Observed<Option<AutoTermination>>,
    /// A managed scaling policy is attached.
    pub managed_scaling: Observed<bool>,
    /// Instance groups or fleets.
    pub instances: Observed<Vec<EmrInstances>>,
}

/// An instance group or fleet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrInstances {
    /// `MASTER`, `CORE`, `TASK`.
    pub role: String,
    /// How much of it runs on Spot: none, all, or part (fleets mix both).
    pub market: Market,
    /// Its instance types.
    pub instance_types: Vec<String>,
}

/// The purchasing option of instance capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Market {
    /// On-demand only.
    OnDemand,
    /// Spot only.
    Spot,
    /// Both (a fleet with on-demand and Spot targets).
    Mixed,
}

/// A security configuration and its document, as EMR returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrSecurityConfiguration {
    /// The configuration name.
    pub name: String,
    /// The JSON document (`EncryptionConfiguration`, …).
    pub document: Observed<String>,
}

/// An auto-termination policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoTermination {
    /// Idle seconds before the cluster terminates; `None` when the policy
    /// did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_timeout_seconds: Option<i64>,
}

/// EMR block public access in a region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrBlockPublicAccess {
    /// `BlockPublicSecurityGroupRules`: clusters may not start with security
    /// groups open to the internet.
    pub enabled: bool,
    /// The port ranges security groups may still open to the internet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permitted_port_ranges: Vec<PortRange>,
}

/// A range of ports, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortRange {
    /// The first port.
    pub min: i32,
    /// The last port.
    pub max: i32,
}
