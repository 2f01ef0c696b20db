//! The inventory: everything one scan collected, a section per service
//! (declared by the service table), and how the scan went.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::observed::Unobserved;
use crate::model::service::Service;

/// Version of the saved-inventory format; bump on incompatible changes.
pub const INVENTORY_SCHEMA_VERSION: &str = "4";

/// A service's part of the inventory, and where it is kept.
pub trait Section: Sized {
    /// The service it holds.
    const SERVICE: Service;
    /// Its place in an inventory.
    fn slot(inventory: &mut Inventory) -> &mut Option<Self>;
}

/// Declares [`Inventory`] with one section per line of the service table.
macro_rules! inventory {
    ($($(#[$doc:meta])* $variant:ident => $module:ident: $section:ident, iam: $iam:literal, $scope:ident;)*) => {
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
                pub $module: Option<crate::services::$module::model::$section>,
            )*
        }

        $(
            impl Section for crate::services::$module::model::$section {
                const SERVICE: Service = Service::$variant;
                fn slot(inventory: &mut Inventory) -> &mut Option<Self> {
                    &mut inventory.$module
                }
            }
        )*
    };
}

crate::for_each_service!(inventory);

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
    /// How many calls the scan kept in flight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<Concurrency>,
}

/// The calls a scan kept in flight: its window's bounds and where it settled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concurrency {
    /// Where the window started.
    pub start: usize,
    /// The fewest it could shrink to.
    pub min: usize,
    /// The most it could grow to (`--max-concurrency`, or the default bound).
    pub max: usize,
    /// The limit under which the scan made most of its calls.
    pub settled: usize,
    /// The most calls in flight at once.
    pub most_in_flight: usize,
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
