//! RDS and Aurora, per region: DB instances and DB clusters (Aurora and
//! Multi-AZ DB clusters), each listed once per region.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// RDS in every scanned region.
pub type RdsInventory = Regional<RdsRegion>;

/// RDS in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RdsRegion {
    /// The region.
    pub region: String,
    /// DB instances (Aurora's included).
    pub instances: Vec<RdsInstance>,
    /// DB clusters.
    pub clusters: Vec<RdsCluster>,
}

/// The settings an instance outside a cluster and a DB cluster both carry;
/// for an instance in a cluster, the cluster's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DbSettings {
    /// `mysql`, `postgres`, `aurora-postgresql`, `oracle-ee`, …
    pub engine: Observed<String>,
    /// Storage is encrypted at rest.
    pub storage_encrypted: Observed<bool>,
    /// The storage encryption key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    /// Standby or instances in more than one availability zone.
    pub multi_az: Observed<bool>,
    /// Days automated backups are kept (0: none).
    pub backup_retention_days: Observed<i32>,
    /// Deletion protection is on.
    pub deletion_protection: Observed<bool>,
    /// Logs exported to CloudWatch Logs (empty: none).
    #[serde(default)]
    pub log_exports: Vec<String>,
    /// IAM database authentication is on.
    pub iam_authentication: Observed<bool>,
    /// The Secrets Manager secret holding the master password, when RDS manages it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub master_user_secret: Option<ManagedSecret>,
}

/// A master password RDS keeps in Secrets Manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedSecret {
    /// The secret ARN.
    pub arn: String,
    /// The key the secret is encrypted with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
}

/// A DB instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RdsInstance {
    /// The instance identifier.
    pub id: String,
    /// `arn:PARTITION:rds:REGION:ACCOUNT:db:ID`.
    pub arn: String,
    /// `db.r6g.large`, …
    pub class: Observed<String>,
    /// The DB cluster it belongs to; its cluster-level settings are the cluster's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Reachable from outside its VPC.
    pub publicly_accessible: Observed<bool>,
    /// Minor engine upgrades are applied in the maintenance window.
    pub auto_minor_upgrade: Observed<bool>,
    /// The key of Performance Insights data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performance_insights_kms_key: Option<String>,
    /// As DescribeDBInstances reports them (for an instance of a cluster, the cluster's count).
    pub settings: DbSettings,
}

/// A DB cluster: Aurora, or a Multi-AZ DB cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RdsCluster {
    /// The cluster identifier.
    pub id: String,
    /// `arn:PARTITION:rds:REGION:ACCOUNT:cluster:ID`.
    pub arn: String,
    /// Its settings.
    pub settings: DbSettings,
    /// For a Multi-AZ DB cluster (not Aurora), the settings its instances
    /// take from it; `None` for Aurora, whose instances keep their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_settings: Option<InstanceSettings>,
}

/// Settings of an instance that a Multi-AZ DB cluster sets for all of its
/// instances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceSettings {
    /// `DBClusterInstanceClass`.
    pub class: Observed<String>,
    /// Reachable from outside its VPC.
    pub publicly_accessible: Observed<bool>,
    /// Minor engine upgrades are applied in the maintenance window.
    pub auto_minor_upgrade: Observed<bool>,
}

impl RdsInstance {
    /// Whether its cluster-level settings are its own (it is in no DB cluster).
    pub fn is_standalone(&self) -> bool {
        self.cluster.is_none()
    }
}

impl DbSettings {
    /// Aurora (MySQL- or PostgreSQL-compatible).
    pub fn is_aurora(&self) -> Result<bool, crate::model::observed::Unobserved> {
        Ok(self.engine.get()?.starts_with("aurora"))
    }
}
