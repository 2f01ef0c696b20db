//! lakelint: crawl an AWS account read-only, judge it with `lakelint-checks`,
//! and report. The binary is thin glue over this library.

#![warn(missing_docs)]

pub mod app;
pub mod cli;
pub mod crawl;
pub mod fleet;
pub mod history;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod settings;
