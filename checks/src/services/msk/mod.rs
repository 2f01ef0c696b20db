//! Amazon MSK, per region: provisioned and serverless clusters, as
//! ListClustersV2 describes them.

pub(crate) mod model;
mod operational_excellence;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] =
    &[security::CHECKS, operational_excellence::CHECKS];
