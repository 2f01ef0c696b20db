//! The inventory model: plain data collected from an account, judged by the
//! checks. Each service's records live in its folder
//! (`services/<name>/model.rs`); this module gathers them under one name.
//!
//! Every attribute that needs an API call of its own is an [`Observed`]: either
//! the value the API returned, or the typed reason it could not be seen. A
//! "not configured" answer (NoSuchBucketPolicy, NoSuchLifecycleConfiguration, …)
//! is a known value (`None`, an empty list), never an unknown. The inventory
//! keeps what AWS answered; what it means is decided by the checks.

pub mod inventory;
pub mod observed;
pub mod service;

pub use inventory::*;
pub use observed::*;
pub use service::{Scope, Service, UnknownService};

/// Re-exports every service's records.
macro_rules! service_models {
    ($($(#[$doc:meta])* $variant:ident => $module:ident: $section:ident, iam: $iam:literal, $scope:ident;)*) => {
        $(pub use crate::services::$module::model::*;)*
    };
}

crate::for_each_service!(service_models);
