//! Amazon Redshift Serverless, per region: workgroups and namespaces, as
//! ListWorkgroups and ListNamespaces describe them.

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional};

/// Redshift Serverless in every scanned region.
pub type RedshiftServerlessInventory = Regional<RedshiftServerlessRegion>;

/// Redshift Serverless in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedshiftServerlessRegion {
    /// The region.
    pub region: String,
    /// Every workgroup.
    pub workgroups: Vec<ServerlessWorkgroup>,
    /// Every namespace.
    pub namespaces: Vec<ServerlessNamespace>,
}

/// A workgroup: the compute that serves a namespace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerlessWorkgroup {
    /// The workgroup name.
    pub name: String,
    /// The workgroup ARN.
    pub arn: String,
    /// Reachable from the internet.
    pub publicly_accessible: Observed<bool>,
    /// Traffic to and from the data goes through the VPC.
    pub enhanced_vpc_routing: Observed<bool>,
    /// The most RPUs it may scale to; `None` when unbounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_capacity: Option<i32>,
    /// How many compute usage limits it has (ListUsageLimits), read only when
    /// no maximum capacity bounds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_limits: Option<Observed<usize>>,
}

/// A namespace: the databases, their key and their logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerlessNamespace {
    /// The namespace name.
    pub name: String,
    /// The namespace ARN.
    pub arn: String,
    /// The key that encrypts it: a key ARN or id, or `AWS_OWNED_KMS_KEY`.
    pub kms_key: Observed<String>,
    /// The logs exported to CloudWatch: `useractivitylog`, `userlog`, `connectionlog`.
    pub log_exports: Vec<String>,
}

/// The value Redshift Serverless reports for a namespace on its own key.
pub const AWS_OWNED_KMS_KEY: &str = "AWS_OWNED_KMS_KEY";
