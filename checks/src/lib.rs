//! lakelint's judgement: the inventory model, the check catalog and the
//! checks, one folder per service. Pure code: no AWS SDK, no I/O.
//!
//! The flow is [`model::Inventory`] (what a scan collected) → [`evaluate`]
//! (every selected [`engine::check::Check`] of the [`engine::registry`]) →
//! [`Finding`]s, counted by [`Summary`].
//!
//! * `services/<name>/`: a service's records, its checks by pillar, and the
//!   service table ([`for_each_service!`]) that registers it.
//! * [`model`]: the inventory and what it records of each attribute.
//! * [`engine`]: declaring, registering and running checks.
//! * [`interpret`]: reading the documents AWS answers with.
//! * [`findings`]: verdicts, configuration, mutelist, scores, baselines.

#![warn(missing_docs)]

pub mod engine;
pub mod findings;
pub mod interpret;
pub mod model;
mod services;
#[cfg(test)]
mod testing;

pub use engine::evaluate::{evaluate, resources, Listed, Selection};
pub use findings::config::Config;
pub use findings::finding::{Finding, Pillar, ResourceRef, Severity, Status};
pub use findings::summary::Summary;
pub use interpret::emr_security::Encryption as EmrEncryption;
pub use model::{Inventory, Service};
