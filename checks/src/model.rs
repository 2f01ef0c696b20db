//! The inventory: plain data collected from an account, judged by the checks.
//!
//! Every attribute that needs an API call of its own is an [`Observed`]: either
//! the value the API returned, or the typed reason it could not be seen. A
//! "not configured" answer (NoSuchBucketPolicy, NoSuchLifecycleConfiguration, …)
//! is a known value (`None`, an empty list), never an unknown.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Version of the saved-inventory format; bump on incompatible changes.
pub const INVENTORY_SCHEMA_VERSION: &str = "1";

/// A value read from an API, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Observed<T> {
    Known(T),
    Unknown(Unobserved),
}

impl<T> Observed<T> {
    /// The value, or the reason it is missing: lets a check use `?`.
    pub fn get(&self) -> Result<&T, Unobserved> {
        match self {
            Observed::Known(value) => Ok(value),
            Observed::Unknown(reason) => Err(reason.clone()),
        }
    }

    pub fn known(&self) -> Option<&T> {
        self.get().ok()
    }
}

impl<T> From<Result<T, Unobserved>> for Observed<T> {
    fn from(result: Result<T, Unobserved>) -> Self {
        match result {
            Ok(value) => Observed::Known(value),
            Err(reason) => Observed::Unknown(reason),
        }
    }
}

/// Why an attribute could not be observed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unobserved {
    pub kind: UnobservedKind,
    /// The IAM-style action that failed, e.g. `s3:GetBucketEncryption`.
    pub action: String,
    /// The service's error code, when it sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnobservedKind {
    AccessDenied,
    Throttled,
    NotSupportedByEndpoint,
    Timeout,
    Network,
    /// The service holding the input was not part of this scan.
    NotScanned,
    /// The scan's overall `--timeout` ended before the call.
    Deadline,
    Error,
}

impl Unobserved {
    pub fn new(kind: UnobservedKind, action: impl Into<String>) -> Self {
        Self {
            kind,
            action: action.into(),
            code: None,
            message: None,
        }
    }

    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }
}

impl fmt::Display for Unobserved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            UnobservedKind::AccessDenied => "access denied",
            UnobservedKind::Throttled => "throttled",
            UnobservedKind::NotSupportedByEndpoint => "not supported by endpoint",
            UnobservedKind::Timeout => "timed out",
            UnobservedKind::Network => "network error",
            UnobservedKind::NotScanned => "not scanned",
            UnobservedKind::Deadline => "deadline",
            UnobservedKind::Error => "error",
        };
        write!(f, "{what}: {}", self.action)?;
        if self.kind == UnobservedKind::Error {
            if let Some(code) = &self.code {
                write!(f, " ({code})")?;
            }
        }
        Ok(())
    }
}

/// Everything one scan collected.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Inventory {
    pub schema_version: String,
    pub account: Account,
    pub scan: ScanInfo,
    /// What could not be enumerated at all: a service or region whose listing
    /// call failed, so its resources are missing from this inventory.
    #[serde(default)]
    pub gaps: Vec<Gap>,
    /// A service is absent when it was not scanned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s3: Option<S3Inventory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glue: Option<GlueInventory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redshift: Option<RedshiftInventory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emr: Option<EmrInventory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms: Option<KmsInventory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloudtrail: Option<CloudTrailInventory>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// Set when reports of several accounts are merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    pub service: String,
    /// `None` for services listed once per account (S3 buckets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub reason: Unobserved,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub account_id: String,
    /// `aws`, `aws-cn`, `aws-us-gov`, …
    pub partition: String,
    /// The identity that scanned, from sts:GetCallerIdentity.
    pub caller_arn: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ScanInfo {
    pub regions: Vec<String>,
    pub services: Vec<String>,
    pub started_at: String,
    pub finished_at: String,
    pub duration_ms: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
    /// Logical API calls by IAM-style action (retries not counted).
    pub api_calls: BTreeMap<String, u64>,
    /// Operations answered with AccessDenied at least once.
    #[serde(default)]
    pub denied: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct S3Inventory {
    /// Account-level Block Public Access (S3 Control); `None` when never set.
    pub account_public_access_block: Observed<Option<PublicAccessBlock>>,
    /// The buckets of the scanned regions, with their configuration.
    pub buckets: Vec<Bucket>,
    /// Every bucket name in the account, in any region: what a reference to a
    /// bucket (a Glue table location) is checked against.
    #[serde(default)]
    pub account_bucket_names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    pub name: String,
    pub arn: String,
    pub region: Observed<String>,
    /// What the bucket is for in the platform, derived across the inventory.
    #[serde(default)]
    pub roles: Vec<BucketRole>,
    pub public_access_block: Observed<Option<PublicAccessBlock>>,
    /// The bucket policy document as returned; `None` when there is none.
    pub policy: Observed<Option<String>>,
    pub encryption: Observed<Option<BucketEncryption>>,
    /// Server access logging target; `None` when logging is off.
    pub logging: Observed<Option<LoggingTarget>>,
    pub versioning: Observed<Versioning>,
    /// Lifecycle rules; empty when the bucket has no lifecycle configuration.
    pub lifecycle: Observed<Vec<LifecycleRule>>,
    /// Intelligent-Tiering configuration ids that are enabled.
    pub intelligent_tiering: Observed<Vec<String>>,
    pub replication: Observed<Vec<ReplicationRule>>,
    pub tags: Observed<BTreeMap<String, String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BucketRole {
    /// Holds data-lake tables (Glue table location, crawler target, or configured).
    DataLake,
    /// Receives another bucket's server access logs.
    LogTarget,
    /// Receives CloudTrail logs.
    TrailBucket,
    /// Receives EMR cluster logs.
    EmrLogs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PublicAccessBlock {
    pub block_public_acls: bool,
    pub ignore_public_acls: bool,
    pub block_public_policy: bool,
    pub restrict_public_buckets: bool,
}

impl PublicAccessBlock {
    pub fn all_on(&self) -> bool {
        self.block_public_acls
            && self.ignore_public_acls
            && self.block_public_policy
            && self.restrict_public_buckets
    }

    /// Blocks both public policies and public ACLs from taking effect.
    pub fn blocks_public_policies_and_acls(&self) -> bool {
        (self.block_public_policy || self.restrict_public_buckets)
            && (self.block_public_acls || self.ignore_public_acls)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketEncryption {
    /// `AES256`, `aws:kms`, `aws:kms:dsse`.
    pub algorithm: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    pub bucket_key_enabled: bool,
}

impl BucketEncryption {
    pub fn is_kms(&self) -> bool {
        matches!(self.algorithm.as_str(), "aws:kms" | "aws:kms:dsse")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggingTarget {
    pub target_bucket: String,
    #[serde(default)]
    pub target_prefix: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Versioning {
    /// `Enabled`, `Suspended`, or `None` when never enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    pub mfa_delete: bool,
}

impl Versioning {
    pub fn enabled(&self) -> bool {
        self.status.as_deref() == Some("Enabled")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LifecycleRule {
    #[serde(default)]
    pub id: String,
    pub enabled: bool,
    /// Storage classes current versions transition to.
    #[serde(default)]
    pub transitions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noncurrent_expiration_days: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abort_incomplete_multipart_days: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicationRule {
    #[serde(default)]
    pub id: String,
    pub enabled: bool,
    /// Destination bucket ARN.
    pub destination_bucket: String,
}

/// Glue, per scanned region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueInventory {
    pub regions: Vec<GlueRegion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueRegion {
    pub region: String,
    pub jobs: Vec<GlueJob>,
    pub crawlers: Vec<GlueCrawler>,
    pub tables: Vec<GlueTable>,
    pub security_configurations: Observed<Vec<GlueSecurityConfiguration>>,
    pub catalog_encryption: Observed<CatalogEncryption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueJob {
    pub name: String,
    pub arn: String,
    /// `glueetl`, `gluestreaming`, `pythonshell`, `glueray`.
    pub command: String,
    /// `None` when unset (Glue then runs 0.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glue_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_configuration: Option<String>,
    /// Only the default arguments checks read (`--enable-metrics`, …).
    pub arguments: BTreeMap<String, String>,
    /// Keys of default arguments that look like credentials. Their values are
    /// dropped at collection and never stored.
    #[serde(default)]
    pub secret_argument_keys: Vec<String>,
    /// Minutes; `None` when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_minutes: Option<i32>,
    pub max_retries: i32,
    pub tags: Observed<BTreeMap<String, String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueCrawler {
    pub name: String,
    pub arn: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_configuration: Option<String>,
    /// `s3://…` paths the crawler reads.
    #[serde(default)]
    pub s3_targets: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueTable {
    pub database: String,
    pub name: String,
    pub arn: String,
    /// `EXTERNAL_TABLE`, `MANAGED_TABLE`, `VIRTUAL_VIEW`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table_type: Option<String>,
    /// `false` for views and tables defined without a storage descriptor.
    pub has_storage: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serde_library: Option<String>,
    /// Only the table parameters that tell the format: `classification`,
    /// `table_type`, `spark.sql.sources.provider`.
    #[serde(default)]
    pub format_parameters: BTreeMap<String, String>,
    pub partition_keys: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueSecurityConfiguration {
    pub name: String,
    /// `DISABLED`, `SSE-KMS`, `SSE-S3`.
    pub s3_encryption: String,
    /// `DISABLED`, `SSE-KMS`.
    pub cloudwatch_encryption: String,
    /// `DISABLED`, `CSE-KMS`.
    pub job_bookmarks_encryption: String,
    /// KMS keys the configuration names.
    #[serde(default)]
    pub kms_keys: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEncryption {
    /// `DISABLED`, `SSE-KMS`, `SSE-KMS-WITH-SERVICE-ROLE`.
    pub at_rest_mode: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_rest_kms_key: Option<String>,
    pub connection_password_encrypted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_password_kms_key: Option<String>,
}

/// Redshift provisioned clusters, per scanned region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedshiftInventory {
    pub regions: Vec<RedshiftRegion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedshiftRegion {
    pub region: String,
    pub clusters: Vec<RedshiftCluster>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedshiftCluster {
    pub id: String,
    pub arn: String,
    pub node_type: String,
    pub number_of_nodes: i32,
    pub publicly_accessible: bool,
    pub encrypted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    pub master_username: String,
    pub allow_version_upgrade: bool,
    pub enhanced_vpc_routing: bool,
    pub automated_snapshot_retention_days: i32,
    /// Multi-AZ as reported (`Enabled`, `Disabled`); `None` when not reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multi_az: Option<String>,
    /// Destination region of automatic cross-region snapshot copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_copy_region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_maintenance_window: Option<String>,
    pub parameter_group: String,
    /// The parameters checks read (`require_ssl`, `enable_user_activity_logging`),
    /// from the cluster's parameter group.
    pub parameters: Observed<BTreeMap<String, String>>,
    pub audit_logging: Observed<RedshiftLogging>,
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedshiftLogging {
    pub enabled: bool,
    /// `s3` or `cloudwatch`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
}

/// EMR, per scanned region: active clusters only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrInventory {
    pub regions: Vec<EmrRegion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrRegion {
    pub region: String,
    /// Whether block public access is on for the region.
    pub block_public_access: Observed<bool>,
    /// Clusters in STARTING, BOOTSTRAPPING, RUNNING or WAITING.
    pub clusters: Vec<EmrCluster>,
    /// Security configurations the clusters reference, read once per name.
    pub security_configurations: BTreeMap<String, Observed<EmrSecurityConfiguration>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrCluster {
    pub id: String,
    pub name: String,
    pub arn: String,
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_configuration: Option<String>,
    pub termination_protected: bool,
    /// Idle seconds before auto-termination; `None` when there is no policy.
    pub auto_termination_idle_seconds: Observed<Option<i64>>,
    pub managed_scaling: Observed<bool>,
    /// Instance groups or fleets.
    pub instances: Observed<Vec<EmrInstances>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrInstances {
    /// `MASTER`, `CORE`, `TASK`.
    pub role: String,
    /// How much of it runs on Spot: none, all, or part (fleets mix both).
    pub market: Market,
    pub instance_types: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Market {
    OnDemand,
    Spot,
    Mixed,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmrSecurityConfiguration {
    pub name: String,
    pub at_rest_s3: bool,
    pub at_rest_local_disk: bool,
    pub in_transit: bool,
    #[serde(default)]
    pub kms_keys: Vec<String>,
}

/// KMS keys and aliases, per scanned region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KmsInventory {
    pub regions: Vec<KmsRegion>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KmsRegion {
    pub region: String,
    pub keys: Vec<KmsKey>,
    pub aliases: Vec<KmsAlias>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KmsKey {
    pub id: String,
    pub arn: String,
    /// `CUSTOMER` or `AWS`; only customer-managed keys are judged.
    pub manager: String,
    /// `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, …
    pub state: String,
    /// `SYMMETRIC_DEFAULT`, `RSA_2048`, `HMAC_256`, …
    pub spec: String,
    /// `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`.
    pub origin: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_date: Option<String>,
    /// Read only where rotation applies (customer-managed, symmetric,
    /// AWS_KMS origin, enabled); `None` elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation_enabled: Option<Observed<bool>>,
    /// The `default` key policy; read for customer-managed keys only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Observed<String>>,
}

impl KmsKey {
    pub fn is_customer_managed(&self) -> bool {
        self.manager == "CUSTOMER"
    }

    pub fn is_pending_deletion(&self) -> bool {
        matches!(
            self.state.as_str(),
            "PendingDeletion" | "PendingReplicaDeletion"
        )
    }

    /// Rotation exists only for enabled symmetric keys whose material KMS made.
    pub fn rotation_applies(&self) -> bool {
        self.is_customer_managed()
            && self.spec == "SYMMETRIC_DEFAULT"
            && self.origin == "AWS_KMS"
            && self.state == "Enabled"
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KmsAlias {
    /// `alias/name`.
    pub name: String,
    pub arn: String,
    /// The key id the alias points at; `None` for unassigned aliases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_key_id: Option<String>,
}

/// The account's trails, each once, with the region it lives in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudTrailInventory {
    pub trails: Vec<Trail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trail {
    pub name: String,
    pub arn: String,
    pub home_region: String,
    pub multi_region: bool,
    /// An organization trail; seen from a member account, it still logs the account.
    pub organization: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s3_bucket: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    pub log_file_validation: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloudwatch_log_group: Option<String>,
    pub logging: Observed<bool>,
    pub selectors: Observed<TrailSelectors>,
}

/// What a trail's event selectors (basic or advanced) record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrailSelectors {
    pub management_read: bool,
    pub management_write: bool,
    /// S3 object-level (data) events.
    pub s3_data: S3DataCoverage,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct S3DataCoverage {
    /// Every bucket (`arn:aws:s3` or an advanced selector without an ARN filter).
    pub all_buckets: bool,
    /// ARN prefixes covered, e.g. `arn:aws:s3:::lake-raw/`.
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// ARN prefixes carved out (advanced `NotStartsWith`/`NotEquals`).
    #[serde(default)]
    pub excluded_prefixes: Vec<String>,
}

impl S3DataCoverage {
    /// Whether object events of every key in `bucket` are recorded.
    pub fn covers_bucket(&self, partition: &str, bucket: &str) -> bool {
        let whole = format!("arn:{partition}:s3:::{bucket}/");
        let excluded = self
            .excluded_prefixes
            .iter()
            .any(|p| whole.starts_with(p.as_str()) || p.starts_with(&whole));
        let included = self.all_buckets
            || self.prefixes.iter().any(|p| {
                p == &format!("arn:{partition}:s3:::{bucket}") || whole.starts_with(p.as_str())
            });
        included && !excluded
    }
}
