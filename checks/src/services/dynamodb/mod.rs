//! DynamoDB, per region: tables, their backups, and the region's
//! Application Auto Scaling targets for them.

mod cost_optimization;
pub(crate) mod model;
mod reliability;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[
    security::CHECKS,
    reliability::CHECKS,
    cost_optimization::CHECKS,
];
