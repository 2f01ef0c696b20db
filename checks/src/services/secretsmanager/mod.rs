//! Secrets Manager, per region: every secret's metadata. lakelint never
//! reads a secret's value.

mod cost_optimization;
pub(crate) mod model;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] =
    &[security::CHECKS, cost_optimization::CHECKS];
