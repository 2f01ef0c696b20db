//! CloudWatch, per region: the metric alarms on the metrics checks read
//! (a state machine's failed executions).

pub(crate) mod model;
mod resources;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[];
