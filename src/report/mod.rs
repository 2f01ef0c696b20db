//! Renderers from findings to formats, one file per format. A report is built
//! once from the inventory and findings; every format reads the same struct.

mod asff;
mod csv;
mod html;
mod json;
mod junit;
mod markdown;
mod ocsf;
mod table;

use lakelint_checks::baseline::Comparison;
use lakelint_checks::model::{BucketRole, Gap};
use lakelint_checks::{Finding, Inventory, Summary};
use serde::{Deserialize, Serialize};

pub use table::table as terminal_table;

/// Version of the JSON report contract; bump on incompatible changes.
pub const REPORT_SCHEMA_VERSION: &str = "1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A summary for people, on the terminal.
    Table,
    /// The stable machine contract (see docs/REPORT.md).
    Json,
    /// One self-contained page with filters and search.
    Html,
    /// OCSF Detection Findings (class 2004), for Security Lake and SIEMs.
    Ocsf,
    /// AWS Security Finding Format, for importing into Security Hub.
    Asff,
    /// One row per finding (RFC 4180).
    Csv,
    /// JUnit XML: a suite per pillar, a case per check and resource.
    Junit,
    /// A summary for a CI job summary or a pull-request comment.
    Markdown,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Table => "txt",
            Format::Json => "json",
            Format::Html => "html",
            Format::Ocsf => "ocsf.json",
            Format::Asff => "asff.json",
            Format::Csv => "csv",
            Format::Junit => "junit.xml",
            Format::Markdown => "md",
        }
    }

    /// Writes the report; JSON streams, so a report of hundreds of thousands
    /// of findings is never held as one string.
    pub fn write_to(self, report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            Format::Json => json::write(report, out),
            _ => out.write_all(self.render(report).as_bytes()),
        }
    }

    pub fn render(self, report: &Report) -> String {
        match self {
            Format::Table => table::render(report),
            Format::Json => json::render(report),
            Format::Html => html::render(report),
            Format::Ocsf => ocsf::render(report),
            Format::Asff => asff::render(report),
            Format::Csv => csv::render(report),
            Format::Junit => junit::render(report),
            Format::Markdown => markdown::render(report),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: String,
    pub tool: Tool,
    pub scan: Scan,
    pub summary: Summary,
    pub resources: Vec<Resource>,
    pub findings: Vec<Finding>,
    /// Present when the scan was compared with a baseline report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Comparison>,
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
    /// IAM actions the scanning identity was denied: what to add to its policy.
    #[serde(default)]
    pub missing_permissions: Vec<String>,
    /// Every account of the run: scanned, or not with the reason.
    #[serde(default)]
    pub accounts: Vec<AccountStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AccountStatus {
    pub account_id: String,
    pub scanned: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApiCalls {
    pub total: u64,
    pub by_action: std::collections::BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Resource {
    pub account_id: String,
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
                missing_permissions: missing_permissions(&scan.denied),
                accounts: vec![AccountStatus {
                    account_id: inventory.account.account_id.clone(),
                    scanned: true,
                    reason: None,
                }],
            },
            summary: Summary::of(&findings),
            resources: lakelint_checks::resources(inventory)
                .into_iter()
                .map(|(r, roles)| Resource {
                    account_id: r.account_id.into_owned(),
                    arn: r.arn,
                    kind: r.kind.into_owned(),
                    region: r.region.into_owned(),
                    roles,
                })
                .collect(),
            findings,
            baseline: None,
        }
    }

    /// A report of no account at all (an empty shard).
    pub fn empty() -> Report {
        let now = chrono::Utc::now().to_rfc3339();
        let inventory = Inventory {
            schema_version: lakelint_checks::model::INVENTORY_SCHEMA_VERSION.into(),
            account: lakelint_checks::model::Account {
                account_id: MULTIPLE_ACCOUNTS.into(),
                partition: "aws".into(),
                caller_arn: String::new(),
            },
            scan: lakelint_checks::model::ScanInfo {
                started_at: now.clone(),
                finished_at: now,
                ..Default::default()
            },
            ..Default::default()
        };
        let mut report = Report::new(&inventory, Vec::new());
        report.scan.accounts.clear();
        report
    }

    /// One report of several accounts' (or shards') reports, and the accounts
    /// that could not be scanned. Findings keep their account ids; the summary
    /// is counted again.
    pub fn merge(parts: Vec<Report>, not_scanned: Vec<AccountStatus>) -> Option<Report> {
        let mut parts = parts.into_iter();
        let mut merged = parts.next()?;
        merged.baseline = None;
        for gap in &mut merged.scan.gaps {
            gap.account_id
                .get_or_insert_with(|| merged.scan.account_id.clone());
        }
        for part in parts {
            let scan = &mut merged.scan;
            for region in part.scan.regions {
                if !scan.regions.contains(&region) {
                    scan.regions.push(region);
                }
            }
            for service in part.scan.services {
                if !scan.services.contains(&service) {
                    scan.services.push(service);
                }
            }
            scan.started_at = scan.started_at.clone().min(part.scan.started_at);
            scan.finished_at = scan.finished_at.clone().max(part.scan.finished_at);
            for (action, n) in part.scan.api_calls.by_action {
                *scan.api_calls.by_action.entry(action).or_default() += n;
            }
            scan.gaps.extend(part.scan.gaps.into_iter().map(|mut gap| {
                gap.account_id
                    .get_or_insert_with(|| part.scan.account_id.clone());
                gap
            }));
            scan.missing_permissions
                .extend(part.scan.missing_permissions);
            scan.accounts.extend(part.scan.accounts);
            merged.resources.extend(part.resources);
            merged.findings.extend(part.findings);
        }
        let scan = &mut merged.scan;
        scan.accounts.extend(not_scanned);
        scan.accounts.sort();
        scan.accounts.dedup();
        scan.missing_permissions.sort();
        scan.missing_permissions.dedup();
        scan.api_calls.total = scan.api_calls.by_action.values().sum();
        scan.duration_ms = match (
            chrono::DateTime::parse_from_rfc3339(&scan.started_at),
            chrono::DateTime::parse_from_rfc3339(&scan.finished_at),
        ) {
            (Ok(start), Ok(end)) => (end - start).num_milliseconds().max(0) as u64,
            _ => scan.duration_ms,
        };
        let scanned: Vec<&AccountStatus> = scan.accounts.iter().filter(|a| a.scanned).collect();
        if let [only] = scanned[..] {
            scan.account_id = only.account_id.clone();
        } else {
            scan.account_id = MULTIPLE_ACCOUNTS.into();
        }
        // Findings and resources grouped by account, each account's in the order it had.
        merged
            .findings
            .sort_by(|a, b| a.resource.account_id.cmp(&b.resource.account_id));
        merged
            .resources
            .sort_by(|a, b| a.account_id.cmp(&b.account_id));
        merged.summary = Summary::of(&merged.findings);
        Some(merged)
    }
}

/// `scan.account_id` of a report that covers several accounts.
pub const MULTIPLE_ACCOUNTS: &str = "multiple";

/// The IAM actions behind the denied operations, sorted and once each.
fn missing_permissions(denied: &[String]) -> Vec<String> {
    let mut iam: Vec<String> = denied
        .iter()
        .map(|op| {
            crate::crawl::actions::iam_action(op)
                .unwrap_or(op)
                .to_string()
        })
        .collect();
    iam.sort();
    iam.dedup();
    iam
}

/// A pillar's name for people: `operational_excellence` → "Operational excellence".
pub(crate) fn pillar_title(pillar: &str) -> String {
    let mut title = pillar.replace('_', " ");
    if let Some(first) = title.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    title
}
