//! Amazon Redshift Serverless, per region: workgroups (compute) and
//! namespaces (storage, keys, logs).

mod cost_optimization;
pub(crate) mod model;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] =
    &[security::CHECKS, cost_optimization::CHECKS];
