//! CloudTrail: the account's trails, each once, with its event selectors as
//! CloudTrail returns them.

pub(crate) mod data_events;
pub(crate) mod model;
mod operational_excellence;
mod resources;
mod security;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] =
    &[security::CHECKS, operational_excellence::CHECKS];
