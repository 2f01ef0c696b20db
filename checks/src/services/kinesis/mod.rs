//! Kinesis Data Streams, per region: streams, with their encryption and retention.

pub(crate) mod model;
mod reliability;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] =
    &[security::CHECKS, reliability::CHECKS];
