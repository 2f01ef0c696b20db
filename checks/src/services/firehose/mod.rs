//! Amazon Data Firehose, per region: delivery streams, their source,
//! encryption and destinations.

pub(crate) mod model;
mod operational_excellence;
mod resources;
mod security;
mod sustainability;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[
    security::CHECKS,
    sustainability::CHECKS,
    operational_excellence::CHECKS,
];
