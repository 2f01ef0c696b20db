//! Renderers from findings to formats, one file per format. A report is built
//! once from the inventory and findings; every format reads the same struct
//! and streams to its writer.

mod asff;
mod csv;
mod html;
mod json;
mod junit;
mod markdown;
mod ocsf;
mod present;

pub(crate) use present::human_time;
mod table;

use std::io::{self, Write};

use lakelint_checks::engine::roles::BucketRole;
use lakelint_checks::findings::baseline::{self, Comparison, Coverage};
use lakelint_checks::model::{AccountStatus, ScanInfo};
use lakelint_checks::{Config, Finding, Inventory, Summary};
use serde::{Deserialize, Serialize};

pub use table::table as terminal_table;

/// Version of the JSON report contract; bump on incompatible changes.
pub const REPORT_SCHEMA_VERSION: &str = "1";

/// A report format.
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
    /// The file extension of the format.
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

    /// Writes the report in this format.
    pub fn write_to(self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Format::Table => table::write(report, out),
            Format::Json => json::write(report, out),
            Format::Html => html::write(report, out),
            Format::Ocsf => ocsf::write(report, out),
            Format::Asff => asff::write(report, out),
            Format::Csv => csv::write(report, out),
            Format::Junit => junit::write(report, out),
            Format::Markdown => markdown::write(report, out),
        }
    }

    /// The report in this format, as text.
    pub fn render(self, report: &Report) -> String {
        let mut out = Vec::new();
        self.write_to(report, &mut out)
            .expect("writing to memory cannot fail");
        String::from_utf8(out).expect("every format writes UTF-8")
    }
}

/// Everything one run found: the JSON contract of docs/REPORT.md.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// [`REPORT_SCHEMA_VERSION`] of the writer.
    pub schema_version: String,
    /// The tool that wrote it.
    pub tool: Tool,
    /// What was scanned, and how.
    pub scan: Scan,
    /// The findings counted and scored.
    pub summary: Summary,
    /// Every resource listed.
    pub resources: Vec<Resource>,
    /// Every finding, in report order.
    pub findings: Vec<Finding>,
    /// Present when the scan was compared with a baseline report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Comparison>,
}

/// The tool that wrote a report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tool {
    /// `lakelint`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// The scan: the account, and when, where and how it was read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scan {
    /// The scanned account, or `multiple` for a merged report.
    pub account_id: String,
    /// `aws`, `aws-cn`, `aws-us-gov`, …
    pub partition: String,
    /// Regions, services, times, API calls, gaps and missing permissions.
    #[serde(flatten)]
    pub info: ScanInfo,
    /// Every account of the run: scanned, or not with the reason.
    #[serde(default)]
    pub accounts: Vec<AccountStatus>,
    /// The checks the run judged (the selection, over the scanned services):
    /// what a later comparison may call resolved. Empty in reports that
    /// predate it, read as every check.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
}

impl std::ops::Deref for Scan {
    type Target = ScanInfo;

    fn deref(&self) -> &ScanInfo {
        &self.info
    }
}

/// A resource the scan listed, judged or not.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Resource {
    /// The account that owns it.
    pub account_id: String,
    /// Its ARN.
    pub arn: String,
    /// Its type in Security Hub's vocabulary.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its region, or `global`.
    pub region: String,
    /// What the bucket is for (buckets only).
    pub roles: Vec<BucketRole>,
    /// Why the bucket's roles may be incomplete (it may hold the data lake
    /// without being known to): Glue not scanned, or a Glue listing failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles_incomplete: Option<String>,
}

impl Report {
    /// Compares this report's findings with an earlier report's, within what
    /// this scan covered.
    pub fn compare_with(&mut self, baseline: &Report) {
        let accounts: Vec<String> = self
            .scan
            .accounts
            .iter()
            .filter(|a| a.scanned)
            .map(|a| a.account_id.clone())
            .collect();
        let covered = Coverage {
            checks: &self.scan.checks,
            services: &self.scan.info.services,
            regions: &self.scan.info.regions,
            accounts: &accounts,
            gaps: &self.scan.info.gaps,
        };
        self.baseline = Some(baseline::compare(
            &mut self.findings,
            &baseline.findings,
            &covered,
        ));
    }

    /// The report of one account's inventory and findings.
    pub fn new(inventory: &Inventory, config: &Config, findings: Vec<Finding>) -> Self {
        let account = &inventory.account;
        Report {
            schema_version: REPORT_SCHEMA_VERSION.into(),
            tool: Tool {
                name: env!("CARGO_PKG_NAME").into(),
                version: env!("CARGO_PKG_VERSION").into(),
            },
            scan: Scan {
                account_id: account.account_id.clone(),
                partition: account.partition.clone(),
                info: inventory.scan.clone(),
                accounts: vec![AccountStatus {
                    account_id: account.account_id.clone(),
                    scanned: true,
                    reason: None,
                }],
                checks: Vec::new(),
            },
            summary: Summary::of(&findings),
            resources: lakelint_checks::resources(inventory, config)
                .into_iter()
                .map(|listed| {
                    let r = listed.resource;
                    Resource {
                        account_id: r.account_id.into_owned(),
                        arn: r.arn.into_owned(),
                        kind: r.kind.into_owned(),
                        region: r.region.into_owned(),
                        roles: listed.roles,
                        roles_incomplete: listed.roles_incomplete.map(|u| u.to_string()),
                    }
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
            scan: ScanInfo {
                started_at: now.clone(),
                finished_at: now,
                ..Default::default()
            },
            ..Default::default()
        };
        let mut report = Report::new(&inventory, &Config::default(), Vec::new());
        report.scan.accounts.clear();
        report
    }

    /// One report of several accounts' (or shards') reports, and the accounts
    /// that could not be scanned. Findings keep their account ids; the summary
    /// is counted again.
    pub fn merge(parts: Vec<Report>, not_scanned: Vec<AccountStatus>) -> Option<Report> {
        if parts.len() == 1 && not_scanned.is_empty() {
            // One account is the one-element case of many: its report as it is.
            return parts.into_iter().next();
        }
        let mut parts = parts.into_iter();
        let mut merged = parts.next()?;
        merged.baseline = None;
        for gap in &mut merged.scan.info.gaps {
            gap.account_id
                .get_or_insert_with(|| merged.scan.account_id.clone());
        }
        for part in parts {
            let account_id = part.scan.account_id;
            let info = part.scan.info;
            let scan = &mut merged.scan.info;
            for region in info.regions {
                if !scan.regions.contains(&region) {
                    scan.regions.push(region);
                }
            }
            for service in info.services {
                if !scan.services.contains(&service) {
                    scan.services.push(service);
                }
            }
            scan.started_at = scan.started_at.clone().min(info.started_at);
            scan.finished_at = scan.finished_at.clone().max(info.finished_at);
            for (action, n) in info.api_calls.by_action {
                *scan.api_calls.by_action.entry(action).or_default() += n;
            }
            scan.gaps.extend(info.gaps.into_iter().map(|mut gap| {
                gap.account_id.get_or_insert_with(|| account_id.clone());
                gap
            }));
            scan.missing_permissions.extend(info.missing_permissions);
            merged.scan.accounts.extend(part.scan.accounts);
            for check in part.scan.checks {
                if !merged.scan.checks.contains(&check) {
                    merged.scan.checks.push(check);
                }
            }
            merged.resources.extend(part.resources);
            merged.findings.extend(part.findings);
        }
        merged.scan.accounts.extend(not_scanned);
        merged.scan.accounts.sort();
        merged.scan.accounts.dedup();
        let scanned: Vec<String> = merged
            .scan
            .accounts
            .iter()
            .filter(|a| a.scanned)
            .map(|a| a.account_id.clone())
            .collect();
        merged.scan.account_id = match &scanned[..] {
            [only] => only.clone(),
            _ => MULTIPLE_ACCOUNTS.into(),
        };
        let scan = &mut merged.scan.info;
        // Each account had its own window; one figure would speak for none.
        scan.concurrency = None;
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

/// A pillar's name for people: `operational_excellence` → "Operational excellence".
pub(crate) fn pillar_title(pillar: &str) -> String {
    let mut title = pillar.replace('_', " ");
    if let Some(first) = title.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    title
}
