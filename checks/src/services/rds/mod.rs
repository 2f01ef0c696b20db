//! RDS and Aurora, per region: DB instances and DB clusters (Aurora and
//! Multi-AZ DB clusters), each listed once per region.

pub(crate) mod model;
mod performance_efficiency;
mod reliability;
mod resources;
mod security;
pub(crate) mod settings;
mod sustainability;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[
    security::CHECKS,
    reliability::CHECKS,
    performance_efficiency::CHECKS,
    sustainability::CHECKS,
];
