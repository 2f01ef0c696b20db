//! DAX, per region: the DynamoDB Accelerator clusters.

pub(crate) mod model;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[security::CHECKS];
