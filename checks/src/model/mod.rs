//! The inventory: plain data collected from an account, judged by the checks.
//! One file per service holds that service's records.
//!
//! Every attribute that needs an API call of its own is an [`Observed`]: either
//! the value the API returned, or the typed reason it could not be seen. A
//! "not configured" answer (NoSuchBucketPolicy, NoSuchLifecycleConfiguration, …)
//! is a known value (`None`, an empty list), never an unknown. The inventory
//! keeps what AWS answered; what it means is decided by the checks.

mod athena;
mod cloudtrail;
mod dax;
mod dynamodb;
mod emr;
mod emrserverless;
mod eventbridge;
mod glue;
mod kms;
mod lakeformation;
mod mwaa;
mod rds;
mod redshift;
mod s3;
mod secretsmanager;
mod service;
mod stepfunctions;
mod wellarchitected;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use athena::*;
pub use cloudtrail::*;
pub use dax::*;
pub use dynamodb::*;
pub use emr::*;
pub use emrserverless::*;
pub use eventbridge::*;
pub use glue::*;
pub use kms::*;
pub use lakeformation::*;
pub use mwaa::*;
pub use rds::*;
pub use redshift::*;
pub use s3::*;
pub use secretsmanager::*;
pub use service::{Scope, Service, UnknownService};
pub use stepfunctions::*;
pub use wellarchitected::*;

/// Version of the saved-inventory format; bump on incompatible changes.
pub const INVENTORY_SCHEMA_VERSION: &str = "2";

/// A value read from an API, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Observed<T> {
    /// What the API answered.
    Known(T),
    /// Why it could not be read.
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

    /// The value, when it was read.
    pub fn known(&self) -> Option<&T> {
        self.get().ok()
    }
}

impl<T> Observed<T> {
    /// `value` as `action` reported it; `field` names it when it was absent.
    pub fn reported(value: Option<T>, action: &str, field: &str) -> Self {
        match value {
            Some(value) => Observed::Known(value),
            None => Observed::Unknown(Unobserved::not_reported(action, field)),
        }
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
    /// The kind of failure.
    pub kind: UnobservedKind,
    /// The IAM-style action that failed, e.g. `s3:GetBucketEncryption`.
    pub action: String,
    /// The service's error code, when it sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The service's or the client's explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The kinds of failure that leave an attribute unobserved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnobservedKind {
    /// The identity may not make the call.
    AccessDenied,
    /// Throttled after every retry.
    Throttled,
    /// The endpoint (an emulator, say) does not implement the call.
    NotSupportedByEndpoint,
    /// One attempt took longer than `--call-timeout`.
    Timeout,
    /// The connection failed.
    Network,
    /// The service holding the input was not part of this scan.
    NotScanned,
    /// The call succeeded but its answer did not carry the field.
    NotReported,
    /// The scan's overall `--timeout` ended before the call.
    Deadline,
    /// Any other failure; the code says which.
    Error,
}

impl Unobserved {
    /// A failure of `action` of the given kind.
    pub fn new(kind: UnobservedKind, action: impl Into<String>) -> Self {
        Self {
            kind,
            action: action.into(),
            code: None,
            message: None,
        }
    }

    /// `action` answered without `field`: what it would have said is unknown.
    pub fn not_reported(action: impl Into<String>, field: &str) -> Self {
        Self::new(UnobservedKind::NotReported, action)
            .with_message(format!("the answer carried no {field}"))
    }

    /// With the service's error code.
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// With an explanation.
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
            UnobservedKind::NotReported => "not reported",
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

/// A service's part of the inventory, and where it is kept.
pub trait Section: Sized {
    /// The service it holds.
    const SERVICE: Service;
    /// Its place in an inventory.
    fn slot(inventory: &mut Inventory) -> &mut Option<Self>;
}

/// A regional service's records, one entry per scanned region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regional<T> {
    /// In the order the regions were scanned.
    pub regions: Vec<T>,
}

impl<T> Default for Regional<T> {
    fn default() -> Self {
        Self {
            regions: Vec::new(),
        }
    }
}

/// Declares the inventory's sections, one line per service: the field, its
/// type and its service.
macro_rules! sections {
    ($($(#[$doc:meta])* $field:ident: $section:ty => $service:ident,)*) => {
        /// Everything one scan collected. A service's section is absent when
        /// it was not scanned.
        #[derive(Debug, Clone, Default, Serialize, Deserialize)]
        pub struct Inventory {
            /// [`INVENTORY_SCHEMA_VERSION`] of the writer.
            pub schema_version: String,
            /// The scanned account.
            pub account: Account,
            /// When, where and how the scan ran, and what it could not list.
            pub scan: ScanInfo,
            $(
                $(#[$doc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$section>,
            )*
        }

        impl Inventory {
            /// Every collected resource, section by section, judged or not;
            /// the account once, where the first section lists it.
            pub fn listed(&self) -> Vec<crate::ResourceRef> {
                let mut out: Vec<crate::ResourceRef> = Vec::new();
                $(
                    if let Some(section) = &self.$field {
                        for resource in crate::resource::Listing::listed(section, self) {
                            if resource.kind != "AwsAccount" || !out.contains(&resource) {
                                out.push(resource);
                            }
                        }
                    }
                )*
                out
            }

            /// Every use of a KMS key the inventory records, section by section.
            pub fn key_uses(&self) -> Vec<crate::references::KeyUse> {
                let mut out = Vec::new();
                $(
                    if let Some(section) = &self.$field {
                        out.extend(crate::references::References::key_uses(section, self));
                    }
                )*
                out
            }

            /// Every bucket a record names, with the role it gives the bucket.
            pub fn bucket_uses(&self) -> Vec<crate::references::BucketUse> {
                let mut out = Vec::new();
                $(
                    if let Some(section) = &self.$field {
                        out.extend(crate::references::References::bucket_uses(section));
                    }
                )*
                out
            }
        }

        $(
            impl Section for $section {
                const SERVICE: Service = Service::$service;
                fn slot(inventory: &mut Inventory) -> &mut Option<Self> {
                    &mut inventory.$field
                }
            }
        )*
    };
}

sections! {
    /// Buckets and the account's Block Public Access.
    s3: S3Inventory => S3,
    /// Glue, per region.
    glue: GlueInventory => Glue,
    /// Redshift provisioned clusters, per region.
    redshift: RedshiftInventory => Redshift,
    /// KMS keys and aliases, per region.
    kms: KmsInventory => Kms,
    /// The account's trails.
    cloudtrail: CloudTrailInventory => CloudTrail,
    /// EMR, per region.
    emr: EmrInventory => Emr,
    /// Athena workgroups, per region.
    athena: AthenaInventory => Athena,
    /// Lake Formation settings, per region.
    lakeformation: LakeFormationInventory => LakeFormation,
    /// Secrets Manager secrets, per region.
    secretsmanager: SecretsManagerInventory => SecretsManager,
    /// EventBridge rules, per region.
    eventbridge: EventBridgeInventory => EventBridge,
    /// Well-Architected Tool workloads of the account.
    wellarchitected: WellArchitectedInventory => WellArchitected,
    /// DynamoDB tables, per region.
    dynamodb: DynamoDbInventory => DynamoDb,
    /// DAX clusters, per region.
    dax: DaxInventory => Dax,
    /// RDS instances and clusters, per region.
    rds: RdsInventory => Rds,
    /// Step Functions state machines, per region.
    stepfunctions: StepFunctionsInventory => StepFunctions,
    /// MWAA environments, per region.
    mwaa: MwaaInventory => Mwaa,
    /// EMR Serverless applications, per region.
    emrserverless: EmrServerlessInventory => EmrServerless,
}

impl Inventory {
    /// Whether the scan collected `service`.
    pub fn scanned(&self, service: Service) -> bool {
        self.scan.services.contains(&service)
    }

    /// A listing of `service` that failed, in `region` (any region when `None`).
    pub fn gap(&self, service: Service, region: Option<&str>) -> Option<&Gap> {
        self.scan
            .gaps
            .iter()
            .find(|g| g.service == service && region.is_none_or(|r| g.region.as_deref() == Some(r)))
    }
}

/// A listing that failed, so resources of a service (in a region) are missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// Set when reports of several accounts are merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// The service whose resources are missing.
    pub service: Service,
    /// `None` for services listed once per account (S3 buckets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Why the listing failed.
    pub reason: Unobserved,
    /// Ids or `service.*` patterns of the checks whose resources the listing
    /// would have found: each gets an UNKNOWN finding for the region.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
}

/// The scanned account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// The 12-digit account id.
    pub account_id: String,
    /// `aws`, `aws-cn`, `aws-us-gov`, …
    pub partition: String,
    /// The identity that scanned, from sts:GetCallerIdentity.
    pub caller_arn: String,
}

/// When, where and how a scan ran.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ScanInfo {
    /// The scanned regions, in order.
    pub regions: Vec<String>,
    /// The scanned services.
    pub services: Vec<Service>,
    /// RFC 3339.
    pub started_at: String,
    /// RFC 3339.
    pub finished_at: String,
    /// Wall time of the scan.
    pub duration_ms: u64,
    /// The emulator or custom endpoint scanned, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
    /// Logical API calls (retries not counted).
    pub api_calls: ApiCalls,
    /// Services or regions that could not be listed, so their resources are missing.
    #[serde(default)]
    pub gaps: Vec<Gap>,
    /// IAM actions the scanning identity was denied: what to add to its policy.
    #[serde(default)]
    pub missing_permissions: Vec<String>,
}

/// API calls of a scan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiCalls {
    /// All calls.
    pub total: u64,
    /// By operation, `service:Operation`.
    pub by_action: BTreeMap<String, u64>,
}

impl ApiCalls {
    /// The calls counted by operation, with their total.
    pub fn of(by_action: BTreeMap<String, u64>) -> Self {
        Self {
            total: by_action.values().sum(),
            by_action,
        }
    }
}

/// Whether an account of a run was scanned, and why not.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AccountStatus {
    /// The account id.
    pub account_id: String,
    /// `false` when it was skipped or could not be reached.
    pub scanned: bool,
    /// Why it was not scanned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
