//! Athena, per region: workgroups (`primary` included) and their configuration.

mod cost_optimization;
pub(crate) mod model;
mod operational_excellence;
mod performance_efficiency;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[
    security::CHECKS,
    performance_efficiency::CHECKS,
    cost_optimization::CHECKS,
    operational_excellence::CHECKS,
];
