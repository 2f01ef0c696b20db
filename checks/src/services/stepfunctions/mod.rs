//! Step Functions, per region: state machines and their logging, tracing and encryption.

pub(crate) mod model;
mod operational_excellence;
mod resources;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[operational_excellence::CHECKS];
