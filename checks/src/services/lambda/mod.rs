//! AWS Lambda, per region: functions and their event source mappings.

pub(crate) mod model;
mod reliability;
mod resources;
mod security;
mod sustainability;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[
    security::CHECKS,
    reliability::CHECKS,
    sustainability::CHECKS,
];
