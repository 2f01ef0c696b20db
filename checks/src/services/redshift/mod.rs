//! Redshift provisioned clusters, per region.

pub(crate) mod model;
mod parameters;
mod performance_efficiency;
mod reliability;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[
    security::CHECKS,
    reliability::CHECKS,
    performance_efficiency::CHECKS,
];
