//! EMR on EC2, per region: block public access, the active clusters, and
//! security configurations.

mod cost_optimization;
pub(crate) mod model;
mod operational_excellence;
mod performance_efficiency;
mod resources;
mod security;
mod sustainability;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[
    security::CHECKS,
    performance_efficiency::CHECKS,
    cost_optimization::CHECKS,
    sustainability::CHECKS,
    operational_excellence::CHECKS,
];
