//! EventBridge, per region: the rules of the default event bus, where AWS
//! services deliver their events.

pub(crate) mod alerting;
pub(crate) mod model;
mod resources;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[];
