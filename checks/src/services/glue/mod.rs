//! Glue, per region: jobs, crawlers, the Data Catalog's databases, tables and
//! encryption settings, security configurations, the Schema Registry and
//! Data Quality rulesets.

pub(crate) mod catalog;
mod cost_optimization;
pub(crate) mod model;
mod operational_excellence;
mod performance_efficiency;
mod reliability;
pub(crate) mod resources;
mod security;
mod sustainability;

/// The service's checks, a list per pillar file.
pub(crate) const CHECKS: &[&[crate::engine::check::Check]] = &[
    security::CHECKS,
    reliability::CHECKS,
    performance_efficiency::CHECKS,
    cost_optimization::CHECKS,
    sustainability::CHECKS,
    operational_excellence::CHECKS,
];
