//! KMS, per region: every key (AWS-managed ones too, so references to them
//! resolve) and alias.

pub(crate) mod model;
mod reliability;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] =
    &[security::CHECKS, reliability::CHECKS];
