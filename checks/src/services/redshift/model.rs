//! Redshift provisioned clusters, per region.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// Redshift in every scanned region.
pub type RedshiftInventory = Regional<RedshiftRegion>;

/// Redshift in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedshiftRegion {
    /// The region.
    pub region: String,
    /// Provisioned clusters.
    pub clusters: Vec<RedshiftCluster>,
}

/// A provisioned cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedshiftCluster {
    /// The cluster identifier.
    pub id: String,
    /// `arn:PARTITION:redshift:REGION:ACCOUNT:cluster:ID`.
    pub arn: String,
    /// `ra3.xlplus`, `dc2.large`, …
    pub node_type: Observed<String>,
    /// Nodes in the cluster.
    pub number_of_nodes: Observed<i32>,
    /// Reachable from outside its VPC.
    pub publicly_accessible: Observed<bool>,
    /// Encrypted at rest.
    pub encrypted: Observed<bool>,
    /// The encryption key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// The admin user name.
    pub master_username: Observed<String>,
    /// The Secrets Manager secret of the admin password, when Redshift manages it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_password_secret_arn: Option<String>,
    /// Major version upgrades are applied in the maintenance window.
    pub allow_version_upgrade: Observed<bool>,
    /// COPY and UNLOAD traffic stays in the VPC.
    pub enhanced_vpc_routing: Observed<bool>,
    /// Days automated snapshots are kept.
    pub automated_snapshot_retention_days: Observed<i32>,
    /// Multi-AZ as reported (`Enabled`, `Disabled`); `None` when not reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_az: Option<String>,
    /// Destination region of automatic cross-region snapshot copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_copy_region: Option<String>,
    /// `ddd:hh24:mi-ddd:hh24:mi`, UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_maintenance_window: Option<String>,
    /// The cluster's parameter group, when the answer named one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_group: Option<String>,
    /// The parameters checks read (`require_ssl`, `enable_user_activity_logging`,
    /// `enable_result_cache_for_session`),
    /// from the cluster's parameter group; unknown when no group was named.
    pub parameters: Observed<BTreeMap<String, String>>,
    /// Audit logging status.
    pub audit_logging: Observed<RedshiftLogging>,
    /// The cluster's tags.
    pub tags: BTreeMap<String, String>,
}

/// Where a cluster's audit logs go.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedshiftLogging {
    /// Audit logging is on.
    pub enabled: bool,
    /// `s3` or `cloudwatch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// The bucket, for `s3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
}
