//! What each subcommand does, from parsed arguments to an exit code.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use lakelint_checks::engine::registry;
use lakelint_checks::findings::finding::BaselineMark;
use lakelint_checks::{Finding, Inventory, Selection, Status};

use crate::cli::{
    CatalogFormat, ChecksArgs, Cli, Command, DiffArgs, EvaluateArgs, FailOn, HistoryArgs,
    HistoryFormat, MergeArgs, ReportArgs, ScanArgs,
};
use crate::crawl::{self, RegionSelection, ScanOptions};
use crate::fleet::Targets;
use crate::pipeline::{self, Plan, Steps};
use crate::progress::Progress;
use crate::report::{self, Format, Report};

/// Exit code when at least one unmuted finding fails.
pub const EXIT_FAILING: u8 = 3;

/// Runs one command line; the exit code on success.
pub async fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Scan(args) => scan(args, Progress::new(cli.quiet)).await,
        Command::Evaluate(args) => evaluate_saved(args),
        Command::Checks(args) => list_checks(args),
        Command::Diff(args) => diff(args),
        Command::Merge(args) => merge(args),
        Command::History(args) => history(args),
        Command::IamPolicy => {
            let policy = serde_json::to_string_pretty(&crawl::actions::policy())?;
            println!("{policy}");
            Ok(0)
        }
    }
}

async fn scan(args: ScanArgs, progress: Progress) -> Result<u8> {
    let config = crate::settings::load(args.report.config.as_deref())?;
    let selection = selection(&args.report)?;
    let options = ScanOptions {
        profile: args.profile.clone(),
        regions: args.regions.clone().unwrap_or(RegionSelection::Default),
        endpoint_url: args.endpoint_url.clone(),
        services: args.report.services.clone(),
        max_concurrency: args.max_concurrency.map(usize::from),
        max_attempts: args.max_attempts,
        call_timeout: Duration::from_secs(args.call_timeout),
        timeout: args.timeout.map(Duration::from_secs),
        max_rps: args.max_rps,
        start_rps: args.start_rps,
        progress,
    };
    let targets = match (&args.role_arn, args.org, args.accounts.is_empty()) {
        (Some(arn), _, _) => Targets::Role(arn.clone()),
        (None, true, _) => Targets::Organization,
        (None, false, false) => Targets::Accounts(args.accounts.clone()),
        (None, false, true) => Targets::Caller,
    };
    let plan = Plan::new(&options, &targets, args.role_name.as_deref(), args.shard).await?;
    let steps = Steps {
        options: &options,
        config: &config,
        selection: &selection,
        external_id: args.external_id.as_deref(),
        save_inventory: args.save_inventory.as_deref(),
        unsaved: Default::default(),
        max_accounts: args.max_accounts.into(),
    };
    let report = pipeline::run(plan, &steps).await?;
    let code = finish(report, &args.report)?;
    // The report is written first: a failed save costs the inventory, not the findings.
    let unsaved = steps.unsaved.into_inner().expect("unsaved lock");
    if !unsaved.is_empty() {
        bail!("{}", unsaved.join("; "));
    }
    Ok(code)
}

fn evaluate_saved(args: EvaluateArgs) -> Result<u8> {
    let config = crate::settings::load(args.report.config.as_deref())?;
    let selection = selection(&args.report)?;
    let text = std::fs::read_to_string(&args.inventory)
        .with_context(|| format!("cannot read inventory {}", args.inventory.display()))?;
    // The version first: another schema's records need not parse as this one's.
    let version = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("schema_version")?.as_str().map(str::to_string));
    if let Some(version) = version.filter(|v| v != lakelint_checks::model::INVENTORY_SCHEMA_VERSION)
    {
        bail!(
            "{} has inventory schema {version}, this lakelint reads {}",
            args.inventory.display(),
            lakelint_checks::model::INVENTORY_SCHEMA_VERSION
        );
    }
    let inventory: Inventory = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a lakelint inventory", args.inventory.display()))?;
    finish(
        pipeline::judge(&inventory, &config, &selection),
        &args.report,
    )
}

fn selection(args: &ReportArgs) -> Result<Selection> {
    let selection = Selection {
        services: args.services.clone(),
        checks: args.checks.clone(),
        pillars: args.pillars.clone(),
        min_severity: args.min_severity,
    };
    let unmatched = selection.unmatched_checks();
    if !unmatched.is_empty() {
        bail!(
            "--checks names no known check: {} (see `lakelint checks`)",
            unmatched.join(", ")
        );
    }
    Ok(selection)
}

/// Baseline, outputs and exit code of a finished report.
fn finish(mut report: Report, args: &ReportArgs) -> Result<u8> {
    if let Some(path) = &args.baseline {
        let old = load_report(path)?;
        report.compare_with(&old);
    }
    write_report(
        &report,
        &args.format,
        args.to.output.as_deref(),
        args.to.output_dir.as_deref(),
    )?;
    let unknown = args.fail_on_unknown
        && (!report.scan.gaps.is_empty()
            || report.scan.accounts.iter().any(|a| !a.scanned)
            || report
                .findings
                .iter()
                .any(|f| f.status == Status::Unknown && !f.muted));
    Ok(match exit_code(&report, args.fail_on, args.no_fail_exit) {
        0 if unknown && !args.no_fail_exit => EXIT_FAILING,
        code => code,
    })
}

fn merge(args: MergeArgs) -> Result<u8> {
    let reports = args
        .reports
        .iter()
        .map(|path| load_report(path))
        .collect::<Result<Vec<_>>>()?;
    let merged = Report::merge(reports, Vec::new()).expect("clap requires a report");
    write_report(
        &merged,
        &args.format,
        args.to.output.as_deref(),
        args.to.output_dir.as_deref(),
    )?;
    Ok(0)
}

/// 3 when a failing finding the user asked to fail on is there, else 0.
fn exit_code(report: &Report, fail_on: FailOn, no_fail_exit: bool) -> u8 {
    let counts = |f: &&Finding| {
        f.status == Status::Fail
            && !f.muted
            && (fail_on == FailOn::Any || f.baseline == Some(BaselineMark::New))
    };
    if !no_fail_exit && report.findings.iter().any(|f| counts(&f)) {
        EXIT_FAILING
    } else {
        0
    }
}

fn load_report(path: &Path) -> Result<Report> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read report {}", path.display()))?;
    let report: Report = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a lakelint JSON report", path.display()))?;
    if report.schema_version != report::REPORT_SCHEMA_VERSION {
        bail!(
            "{} has report schema {}, this lakelint reads {}",
            path.display(),
            report.schema_version,
            report::REPORT_SCHEMA_VERSION
        );
    }
    Ok(report)
}

/// Writes each format: to standard output or `output` (one format), or into
/// `output_dir` as lakelint-ACCOUNT-TIMESTAMP.EXT.
fn write_report(
    report: &Report,
    formats: &[Format],
    output: Option<&Path>,
    output_dir: Option<&Path>,
) -> Result<()> {
    let mut formats = formats.to_vec();
    formats.dedup();
    if let Some(dir) = output_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let stamp = chrono::DateTime::parse_from_rfc3339(&report.scan.started_at)
            .map(|t| t.format("%Y%m%dT%H%M%SZ").to_string())
            .unwrap_or_else(|_| "unknown-time".into());
        for format in formats {
            let name = format!(
                "lakelint-{}-{stamp}.{}",
                report.scan.account_id,
                format.extension()
            );
            let path = dir.join(name);
            write_format(report, format, &path)?;
            eprintln!(
                "{} report written to {}",
                format_name(format),
                path.display()
            );
        }
        return Ok(());
    }
    let [format] = formats[..] else {
        bail!("several formats need --output-dir DIR");
    };
    match output {
        Some(path) => {
            write_format(report, format, path)?;
            eprintln!("report written to {}", path.display());
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            format.write_to(report, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}

fn write_format(report: &Report, format: Format, path: &Path) -> Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    format
        .write_to(report, &mut out)
        .and_then(|()| out.flush())
        .with_context(|| format!("cannot write {}", path.display()))
}

fn format_name(format: Format) -> String {
    use clap::ValueEnum;
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

fn diff(args: DiffArgs) -> Result<u8> {
    let old = load_report(&args.old)?;
    let mut new = load_report(&args.new)?;
    new.compare_with(&old);
    write_report(
        &new,
        &args.format,
        args.to.output.as_deref(),
        args.to.output_dir.as_deref(),
    )?;
    Ok(exit_code(&new, FailOn::New, false))
}

fn history(args: HistoryArgs) -> Result<u8> {
    let mut paths = Vec::new();
    for path in &args.reports {
        if path.is_dir() {
            let mut found: Vec<_> = std::fs::read_dir(path)
                .with_context(|| format!("cannot read {}", path.display()))?
                .filter_map(|entry| Some(entry.ok()?.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            found.sort();
            paths.extend(found);
        } else {
            paths.push(path.clone());
        }
    }
    if paths.is_empty() {
        bail!(
            "no JSON report found in {}",
            args.reports
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let reports = paths
        .iter()
        .map(|p| load_report(p))
        .collect::<Result<Vec<_>>>()?;
    let history = crate::history::of(reports);
    let mut formats = args.format.clone();
    formats.dedup();
    let write = |format: HistoryFormat, out: &mut dyn std::io::Write| match format {
        HistoryFormat::Html => crate::history::write_html(&history, out),
        HistoryFormat::Markdown => crate::history::write_markdown(&history, out),
    };
    let extension = |format: HistoryFormat| match format {
        HistoryFormat::Html => "html",
        HistoryFormat::Markdown => "md",
    };
    match (&args.to.output, &args.to.output_dir) {
        (_, Some(dir)) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for format in formats {
                let path = dir.join(format!("lakelint-history.{}", extension(format)));
                let mut file = std::io::BufWriter::new(
                    std::fs::File::create(&path)
                        .with_context(|| format!("cannot write {}", path.display()))?,
                );
                write(format, &mut file)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                eprintln!("history written to {}", path.display());
            }
        }
        (Some(path), None) => {
            if formats.len() > 1 {
                bail!("--output takes one format; use --output-dir for several");
            }
            let mut file = std::io::BufWriter::new(
                std::fs::File::create(path)
                    .with_context(|| format!("cannot write {}", path.display()))?,
            );
            write(formats[0], &mut file)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        (None, None) => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            for format in formats {
                write(format, &mut lock)?;
            }
        }
    }
    Ok(0)
}

fn list_checks(args: ChecksArgs) -> Result<u8> {
    let checks: Vec<_> = registry::all().collect();
    let text = match args.format {
        CatalogFormat::Json => serde_json::to_string_pretty(&checks)? + "\n",
        CatalogFormat::Table => {
            let mut table =
                report::terminal_table(&["Id", "Pillars", "Severity", "Security Hub", "Title"]);
            for m in &checks {
                table.add_row([
                    m.id.to_string(),
                    m.pillars
                        .iter()
                        .map(|p| p.code())
                        .collect::<Vec<_>>()
                        .join(", "),
                    m.severity.as_str().to_string(),
                    m.security_hub_control.unwrap_or("").to_string(),
                    m.title.to_string(),
                ]);
            }
            format!("{table}\n")
        }
    };
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(0)
}
