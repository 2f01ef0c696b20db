//! lakelint's judgement: the inventory model, the check catalog and the checks,
//! one module per Well-Architected pillar. Pure code: no AWS SDK, no I/O.

pub mod baseline;
pub mod catalog;
pub mod config;
mod engine;
pub mod finding;
pub mod generations;
pub mod kms_refs;
pub mod model;
pub mod mutelist;
pub mod pillars;
mod policy;
pub mod roles;
pub mod secrets;
pub mod summary;
pub mod table_format;

pub use config::Config;
pub use engine::{evaluate, resources, Selection};
pub use finding::{Finding, Pillar, Severity, Status};
pub use model::Inventory;
pub use summary::Summary;
