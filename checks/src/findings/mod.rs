//! Findings and what is done with them: the verdict types, the user's
//! configuration and mutelist, pillar scores, and comparison with an
//! earlier report.

pub mod baseline;
pub mod config;
pub mod finding;
pub mod mutelist;
pub mod summary;
