//! What each subcommand does, from parsed arguments to an exit code.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use lakelint_checks::finding::BaselineMark;
use lakelint_checks::{
    baseline, catalog, evaluate, mutelist, roles, Finding, Inventory, Selection, Status,
};

use crate::cli::{
    CatalogFormat, ChecksArgs, Cli, Command, DiffArgs, EvaluateArgs, FailOn, MergeArgs, ReportArgs,
    ScanArgs,
};
use crate::crawl::{self, RegionSelection, ScanOptions};
use crate::fleet::{self, Targets};
use crate::progress::Progress;
use crate::report::{self, Format, Report};

/// Exit code when at least one unmuted finding fails.
pub const EXIT_FAILING: u8 = 3;

pub async fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Scan(args) => scan(args, Progress::new(cli.quiet)).await,
        Command::Evaluate(args) => evaluate_saved(args),
        Command::Checks(args) => list_checks(args),
        Command::Diff(args) => diff(args),
        Command::Merge(args) => merge(args),
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
        max_concurrency: args.max_concurrency.into(),
        max_attempts: args.max_attempts,
        retry_mode: args.retry_mode,
        call_timeout: Duration::from_secs(args.call_timeout),
        timeout: args.timeout.map(Duration::from_secs),
        max_rps: args.max_rps,
        progress,
    };
    let base = crawl::base_config(&options).await?;
    let targets = match (&args.role_arn, args.org, args.accounts.is_empty()) {
        (Some(arn), _, _) => Targets::Role(arn.clone()),
        (None, true, _) => Targets::Organization,
        (None, false, false) => Targets::Accounts(args.accounts.clone()),
        (None, false, true) => Targets::Caller,
    };
    let several = matches!(targets, Targets::Accounts(_) | Targets::Organization);
    let mut plans = fleet::plan(&base, &targets, args.role_name.as_deref()).await?;
    if let Some(shard) = args.shard {
        plans.retain(|plan| shard.holds(plan.account_id()));
    }
    let scan_one = |account_id: String, role: Option<String>| {
        let (base, options, config, args, selection) =
            (&base, &options, &config, &args, &selection);
        async move {
            let sdk = match role {
                Some(arn) => crawl::assume_role(base, &arn, args.external_id.as_deref()).await?,
                None => base.clone(),
            };
            let mut inventory = crawl::scan_with(&sdk, options).await?;
            roles::derive_roles(&mut inventory, config);
            if let Some(path) = &args.save_inventory {
                let path = if several {
                    per_account(path, &account_id)
                } else {
                    path.clone()
                };
                let json = serde_json::to_string_pretty(&inventory).expect("inventories serialise");
                if let Err(e) = write_file(&path, &json) {
                    tracing::error!("{e:#}");
                }
            }
            Ok::<_, crawl::CrawlError>(judge(&inventory, config, selection))
        }
    };
    let report = if several {
        let (reports, skipped) = fleet::scan_all(plans, args.max_accounts.into(), scan_one).await;
        match Report::merge(reports, skipped.clone()) {
            Some(report) => report,
            // A shard (or an organization) with no account: an empty report,
            // so the scheduler's job still succeeds and merges cleanly.
            None if skipped.is_empty() => {
                tracing::warn!("no account to scan in this shard");
                Report::empty()
            }
            None => {
                let reasons: Vec<String> = skipped
                    .iter()
                    .map(|s| {
                        format!(
                            "{}: {}",
                            s.account_id,
                            s.reason.as_deref().unwrap_or("skipped")
                        )
                    })
                    .collect();
                bail!("no account could be scanned: {}", reasons.join("; "));
            }
        }
    } else {
        // One account: a failure to reach it is the run's failure.
        let Some(fleet::Plan::Scan {
            account_id,
            role_arn,
        }) = plans.into_iter().next()
        else {
            bail!("the shard holds no account");
        };
        scan_one(account_id, role_arn).await?
    };
    finish(report, &args.report)
}

/// `inventory.json` for account 1234 → `inventory-1234.json`.
fn per_account(path: &Path, account_id: &str) -> std::path::PathBuf {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("inventory");
    let name = match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => format!("{stem}-{account_id}.{ext}"),
        None => format!("{stem}-{account_id}"),
    };
    path.with_file_name(name)
}

fn evaluate_saved(args: EvaluateArgs) -> Result<u8> {
    let config = crate::settings::load(args.report.config.as_deref())?;
    let selection = selection(&args.report)?;
    let text = std::fs::read_to_string(&args.inventory)
        .with_context(|| format!("cannot read inventory {}", args.inventory.display()))?;
    let mut inventory: Inventory = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a lakelint inventory", args.inventory.display()))?;
    if inventory.schema_version != lakelint_checks::model::INVENTORY_SCHEMA_VERSION {
        bail!(
            "{} has inventory schema {}, this lakelint reads {}",
            args.inventory.display(),
            inventory.schema_version,
            lakelint_checks::model::INVENTORY_SCHEMA_VERSION
        );
    }
    // Roles depend on the config, which may differ from the scan's.
    roles::derive_roles(&mut inventory, &config);
    finish(judge(&inventory, &config, &selection), &args.report)
}

fn selection(args: &ReportArgs) -> Result<Selection> {
    if let Some(bad) = args
        .services
        .iter()
        .find(|s| !crawl::SERVICES.contains(&s.as_str()))
    {
        bail!(crawl::CrawlError::UnknownService(bad.clone()));
    }
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

/// The report of one inventory: checks run, mutelist applied.
fn judge(inventory: &Inventory, config: &lakelint_checks::Config, selection: &Selection) -> Report {
    let mut findings = evaluate(inventory, config, selection);
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    for rule in mutelist::apply(&mut findings, &config.mute, inventory, &today) {
        let day = rule.expires.as_ref().map_or("", |d| d.0.as_str());
        tracing::warn!(
            check = %rule.check,
            reason = %rule.reason.0,
            "mute entry expired on {day} and no longer applies"
        );
    }
    Report::new(inventory, findings)
}

/// Baseline, outputs and exit code of a finished report.
fn finish(mut report: Report, args: &ReportArgs) -> Result<u8> {
    if let Some(path) = &args.baseline {
        let old = load_report(path)?;
        report.baseline = Some(baseline::compare(&mut report.findings, &old.findings));
    }
    write_report(
        &report,
        &args.format,
        args.output.as_deref(),
        args.output_dir.as_deref(),
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
        args.output.as_deref(),
        args.output_dir.as_deref(),
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
    new.baseline = Some(baseline::compare(&mut new.findings, &old.findings));
    write_report(
        &new,
        &args.format,
        args.output.as_deref(),
        args.output_dir.as_deref(),
    )?;
    Ok(exit_code(&new, FailOn::New, false))
}

fn list_checks(args: ChecksArgs) -> Result<u8> {
    let checks: Vec<_> = catalog::all().into_iter().map(|c| c.meta).collect();
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

fn write_file(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
