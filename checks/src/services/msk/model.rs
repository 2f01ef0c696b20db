//! Amazon MSK, per region: provisioned and serverless clusters, as
//! ListClustersV2 describes them.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// MSK in every scanned region.
pub type MskInventory = Regional<MskRegion>;

/// MSK in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MskRegion {
    /// The region.
    pub region: String,
    /// Every cluster, provisioned and serverless.
    pub clusters: Vec<MskCluster>,
}

/// An MSK cluster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MskCluster {
    /// The cluster name.
    pub name: String,
    /// The cluster ARN.
    pub arn: String,
    /// A provisioned cluster's settings; `None` for a serverless cluster,
    /// which always encrypts in transit, authenticates with IAM and has no
    /// public access or broker logs of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provisioned: Option<MskProvisioned>,
}

/// What a provisioned cluster is set to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MskProvisioned {
    /// Client-broker traffic: `TLS`, `TLS_PLAINTEXT` or `PLAINTEXT`.
    pub client_broker: Observed<String>,
    /// Traffic between brokers is encrypted.
    pub in_cluster: Observed<bool>,
    /// Client authentication: which methods are on.
    pub authentication: Observed<MskAuthentication>,
    /// `DISABLED` or `SERVICE_PROVIDED_EIPS`.
    pub public_access: Observed<String>,
    /// Where broker logs go (`CloudWatchLogs`, `Firehose`, `S3`); empty when nowhere.
    pub broker_logs: Observed<Vec<String>>,
    /// The key of the data volumes (an AWS-managed key unless one was chosen).
    pub data_volume_kms_key: Observed<String>,
}

/// A provisioned cluster's client authentication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MskAuthentication {
    /// Unauthenticated access is allowed.
    pub unauthenticated: bool,
    /// IAM access control.
    pub iam: bool,
    /// SASL/SCRAM.
    pub scram: bool,
    /// TLS client certificates.
    pub tls: bool,
}
