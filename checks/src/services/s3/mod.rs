//! S3: the account's Block Public Access and the buckets of the scanned regions.

mod cost_optimization;
pub(crate) mod model;
mod operational_excellence;
mod reliability;
mod resources;
mod security;
mod sustainability;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[
    security::CHECKS,
    reliability::CHECKS,
    cost_optimization::CHECKS,
    sustainability::CHECKS,
    operational_excellence::CHECKS,
];
