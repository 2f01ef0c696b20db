//! Lake Formation, per region: the data lake settings and the registered locations.

pub(crate) mod model;
mod operational_excellence;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] =
    &[security::CHECKS, operational_excellence::CHECKS];
