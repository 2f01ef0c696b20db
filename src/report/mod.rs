//! Renderers from findings to formats, one file per format. A report is built
//! once from the inventory and findings; every format reads the same struct.

mod json;
mod table;

use lakelint_checks::model::{BucketRole, Gap};
use lakelint_checks::{Finding, Inventory, Summary};
use serde::{Deserialize, Serialize};

pub use json::render as render_json;
pub use table::{render as render_table, table as terminal_table};

/// Version of the JSON report contract; bump on incompatible changes.
pub const REPORT_SCHEMA_VERSION: &str = "1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A summary for people, on the terminal.
    Table,
    /// The stable machine contract (see docs/REPORT.md).
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: String,
    pub tool: Tool,
    pub scan: Scan,
    pub summary: Summary,
    pub resources: Vec<Resource>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scan {
    pub account_id: String,
    pub partition: String,
    pub regions: Vec<String>,
    pub services: Vec<String>,
    pub started_at: String,
    pub finished_at: String,
    pub duration_ms: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
    pub api_calls: ApiCalls,
    /// Services or regions that could not be listed, so their resources are missing.
    pub gaps: Vec<Gap>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApiCalls {
    pub total: u64,
    pub by_action: std::collections::BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Resource {
    pub arn: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub region: String,
    pub roles: Vec<BucketRole>,
}

impl Report {
    pub fn new(inventory: &Inventory, findings: Vec<Finding>) -> Self {
        let scan = &inventory.scan;
        Report {
            schema_version: REPORT_SCHEMA_VERSION.into(),
            tool: Tool {
                name: env!("CARGO_PKG_NAME").into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            scan: Scan {
                account_id: inventory.account.account_id.clone(),
                partition: inventory.account.partition.clone(),
                regions: scan.regions.clone(),
                services: scan.services.clone(),
                started_at: scan.started_at.clone(),
                finished_at: scan.finished_at.clone(),
                duration_ms: scan.duration_ms,
                endpoint_url: scan.endpoint_url.clone(),
                api_calls: ApiCalls {
                    total: scan.api_calls.values().sum(),
                    by_action: scan.api_calls.clone(),
                },
                gaps: inventory.gaps.clone(),
            },
            summary: Summary::of(&findings),
            resources: lakelint_checks::resources(inventory)
                .into_iter()
                .map(|(r, roles)| Resource {
                    arn: r.arn,
                    kind: r.kind,
                    region: r.region,
                    roles,
                })
                .collect(),
            findings,
        }
    }
}
