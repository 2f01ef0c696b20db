//! CloudWatch Logs, per region: log groups and their retention.

mod cost_optimization;
pub(crate) mod model;
mod resources;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[cost_optimization::CHECKS];
