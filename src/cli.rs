//! Command-line interface.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use lakelint_checks::{Pillar, Severity};

use crate::crawl::RegionSelection;
use crate::report::Format;

#[derive(Debug, Parser)]
#[command(
    name = "lakelint",
    version,
    about = "Read-only scanner that judges an AWS data platform against the six Well-Architected pillars",
    after_help = "Exit codes: 0 no failing finding, 3 at least one unmuted FAIL, 1 fatal error, 2 usage error."
)]
/// The command line.
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// More log output on stderr (-v info, -vv debug); RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// No progress display and only errors on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Log lines as text or as JSON objects (for log collectors).
    #[arg(long, value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Which failing findings make the exit code 3.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Any unmuted FAIL.
    #[default]
    Any,
    /// Only unmuted FAILs that are new against the baseline.
    New,
}

// Parsed once per run: boxing the scan arguments would only add noise.
/// lakelint's subcommands.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan an account (read-only) and report the findings.
    Scan(ScanArgs),
    /// Judge a saved inventory (from `scan --save-inventory`) offline.
    Evaluate(EvaluateArgs),
    /// List the check catalog.
    Checks(ChecksArgs),
    /// Compare two JSON reports: new, unchanged and resolved failing findings.
    Diff(DiffArgs),
    /// Print the least-privilege read-only IAM policy lakelint needs.
    IamPolicy,
    /// Join JSON reports (shards, or scans of several accounts) into one.
    Merge(MergeArgs),
    /// Scores and findings over time, from the JSON reports of scheduled scans.
    History(HistoryArgs),
}

/// Arguments of `history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// JSON reports written by `scan --format json`, or folders of them.
    #[arg(required = true, num_args = 1..)]
    pub reports: Vec<PathBuf>,
    /// Formats, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "html")]
    pub format: Vec<HistoryFormat>,
    /// Where the output goes.
    #[command(flatten)]
    pub to: Destination,
}

/// How the history is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HistoryFormat {
    /// One self-contained page with a chart per account.
    Html,
    /// Tables for a CI summary or a wiki.
    Markdown,
}

/// Where a command writes: standard output, one file, or a folder.
#[derive(Debug, Args)]
pub struct Destination {
    /// Write the output (one format) here instead of standard output.
    #[arg(long, short, value_name = "FILE", conflicts_with = "output_dir")]
    pub output: Option<PathBuf>,
    /// Write every format into this folder (reports as
    /// lakelint-ACCOUNT-TIMESTAMP.EXT, the history as lakelint-history.EXT).
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
}

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// JSON reports written by `scan --format json`.
    #[arg(required = true, num_args = 1..)]
    pub reports: Vec<PathBuf>,
    /// Formats of the merged report, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "json")]
    pub format: Vec<Format>,
    /// Where the output goes.
    #[command(flatten)]
    pub to: Destination,
}

/// Arguments of `diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier report (the baseline).
    pub old: PathBuf,
    /// The later report.
    pub new: PathBuf,
    /// Formats of the later report marked against the earlier one.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "table")]
    pub format: Vec<Format>,
    /// Where the output goes.
    #[command(flatten)]
    pub to: Destination,
}

/// Arguments of `scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// AWS profile from ~/.aws/config (default: the standard credential chain).
    #[arg(long)]
    pub profile: Option<String>,
    /// Regions to scan: `all` (the account's enabled regions) or a list such as
    /// us-east-1,eu-west-1. Default: the profile's region.
    #[arg(long)]
    pub regions: Option<RegionSelection>,
    /// Custom endpoint (LocalStack, moto). AWS_ENDPOINT_URL works too.
    #[arg(long, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// Hard ceiling of API calls in flight at once, across services and
    /// regions. Default: adaptive, from 32, between 8 and 256, growing while
    /// answers keep their latency and shrinking when they slow or are throttled.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub max_concurrency: Option<u16>,
    /// Attempts per API call that fails with a 5xx or a timeout, the first
    /// included. Throttled calls are retried apart from this, with a jittered
    /// back-off of at most a minute per call.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=20))]
    pub max_attempts: u32,
    /// Hard ceiling of requests per second per operation and region, replacing
    /// the default ceilings (which sit under AWS's documented limits; each
    /// operation's rate adapts below its ceiling when AWS throttles; see
    /// docs/PERFORMANCE.md).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_rps: Option<u32>,
    /// Requests per second each operation starts at before it adapts
    /// (default: its ceiling).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub start_rps: Option<u32>,
    /// Seconds one attempt of one API call may take.
    #[arg(long, default_value_t = 20, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=600))]
    pub call_timeout: u64,
    /// Scan the account of this role (assumed with session name `lakelint`).
    #[arg(long, value_name = "ARN", conflicts_with_all = ["accounts", "org"])]
    pub role_arn: Option<String>,
    /// Scan these accounts through the role `--role-name` in each.
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "ID,ID",
        requires = "role_name",
        conflicts_with = "org"
    )]
    pub accounts: Vec<String>,
    /// Scan every active account of the organization through `--role-name`
    /// (run from the management or a delegated-administrator account).
    #[arg(long, requires = "role_name")]
    pub org: bool,
    /// The role to assume in each account of `--accounts` or `--org`.
    #[arg(long, value_name = "NAME")]
    pub role_name: Option<String>,
    /// External id the roles' trust policies require.
    #[arg(long, value_name = "ID")]
    pub external_id: Option<String>,
    /// Accounts scanned at once.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub max_accounts: u16,
    /// Scan only the K-th of N stable parts of the account list, for N parallel copies.
    #[arg(long, value_name = "K/N", requires = "role_name")]
    pub shard: Option<crate::fleet::Shard>,
    /// Seconds the whole scan may take; what is not read by then is UNKNOWN ("deadline").
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: Option<u64>,
    /// Also write the collected inventory as JSON, to judge it again with `evaluate`.
    #[arg(long, value_name = "FILE")]
    pub save_inventory: Option<PathBuf>,
    /// What to judge and how to report it.
    #[command(flatten)]
    pub report: ReportArgs,
}

/// Arguments of `evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// An inventory written by `scan --save-inventory`.
    pub inventory: PathBuf,
    /// What to judge and how to report it.
    #[command(flatten)]
    pub report: ReportArgs,
}

/// What to judge and how to report it: shared by `scan` and `evaluate`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only these services (comma-separated), e.g. s3.
    #[arg(long, value_delimiter = ',')]
    pub services: Vec<lakelint_checks::Service>,
    /// Only these checks: ids or patterns such as `s3.*` (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub checks: Vec<String>,
    /// Only checks that inform these pillars: security, reliability, … or SEC, REL, …
    #[arg(long, value_delimiter = ',')]
    pub pillars: Vec<Pillar>,
    /// Only checks of at least this severity.
    #[arg(long)]
    pub min_severity: Option<Severity>,
    /// Report formats, comma-separated: table, json, html, ocsf, asff, csv, junit, markdown.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "table")]
    pub format: Vec<Format>,
    /// Where the output goes.
    #[command(flatten)]
    pub to: Destination,
    /// Thresholds, required tags and mutelist (default: ./lakelint.toml when present).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// An earlier JSON report: mark failing findings new or unchanged, list resolved ones.
    #[arg(long, value_name = "REPORT")]
    pub baseline: Option<PathBuf>,
    /// Which failing findings make the exit code 3.
    #[arg(long, value_enum, default_value_t = FailOn::Any, requires_if("new", "baseline"))]
    pub fail_on: FailOn,
    /// Exit 3 also when a finding is UNKNOWN or a listing failed.
    #[arg(long)]
    pub fail_on_unknown: bool,
    /// Exit 0 even when checks fail.
    #[arg(long)]
    pub no_fail_exit: bool,
}

/// Arguments of `checks`.
#[derive(Debug, Args)]
pub struct ChecksArgs {
    /// How to print the catalog.
    #[arg(long, value_enum, default_value_t = CatalogFormat::Table)]
    pub format: CatalogFormat,
}

/// How the catalog is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CatalogFormat {
    /// A table for people.
    Table,
    /// JSON, one object per check.
    Json,
}
