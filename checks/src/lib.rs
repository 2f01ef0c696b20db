//! lakelint's judgement: the inventory model, the check catalog and the
//! checks, one module per Well-Architected pillar. Pure code: no AWS SDK, no I/O.
//!
//! The flow is [`model::Inventory`] (what a scan collected) → [`evaluate`]
//! (every selected [`check::Check`] of the [`registry`]) → [`Finding`]s,
//! counted by [`Summary`].

#![warn(missing_docs)]

pub mod baseline;
pub mod check;
pub mod config;
mod emr_security;
mod engine;
pub mod event_pattern;
pub mod finding;
pub mod generations;
pub mod kms_refs;
pub mod model;
pub mod mutelist;
pub mod pattern;
mod pillars;
mod policy;
pub mod references;
pub mod registry;
pub mod resource;
pub mod roles;
pub mod schedule;
pub mod secrets;
pub mod selectors;
pub mod summary;
pub mod table_format;

pub use config::Config;
pub use emr_security::Encryption as EmrEncryption;
pub use engine::{evaluate, resources, Listed, Selection};
pub use finding::{Finding, Pillar, ResourceRef, Severity, Status};
pub use model::{Inventory, Service};
pub use summary::Summary;
