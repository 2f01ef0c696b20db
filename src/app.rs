//! What each subcommand does, from parsed arguments to an exit code.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use lakelint_checks::{catalog, evaluate, roles, Inventory, Selection, Summary};

use crate::cli::{ChecksArgs, Cli, Command, EvaluateArgs, ReportArgs, ScanArgs};
use crate::crawl::{self, RegionSelection, ScanOptions};
use crate::report::{self, Format, Report};

/// Exit code when at least one unmuted finding fails.
pub const EXIT_FAILING: u8 = 3;

pub async fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Scan(args) => scan(args).await,
        Command::Evaluate(args) => evaluate_saved(args),
        Command::Checks(args) => list_checks(args),
    }
}

async fn scan(args: ScanArgs) -> Result<u8> {
    let config = crate::settings::load(args.report.config.as_deref())?;
    let selection = selection(&args.report)?;
    let options = ScanOptions {
        profile: args.profile,
        regions: args.regions.unwrap_or(RegionSelection::Default),
        endpoint_url: args.endpoint_url,
        services: args.report.services.clone(),
        max_concurrency: args.max_concurrency.into(),
        max_attempts: args.max_attempts,
        retry_mode: args.retry_mode,
        call_timeout: Duration::from_secs(args.call_timeout),
    };
    let mut inventory = crawl::scan(&options).await?;
    roles::derive_roles(&mut inventory, &config);
    if let Some(path) = &args.save_inventory {
        let json = serde_json::to_string_pretty(&inventory)?;
        write_file(path, &json)?;
    }
    report(&inventory, &config, &selection, &args.report)
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
    report(&inventory, &config, &selection, &args.report)
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

fn report(
    inventory: &Inventory,
    config: &lakelint_checks::Config,
    selection: &Selection,
    args: &ReportArgs,
) -> Result<u8> {
    let findings = evaluate(inventory, config, selection);
    let failing = Summary::failing(&findings);
    let report = Report::new(inventory, findings);
    let text = match args.format {
        Format::Table => report::render_table(&report),
        Format::Json => report::render_json(&report),
    };
    match &args.output {
        Some(path) => {
            write_file(path, &text)?;
            eprintln!("report written to {}", path.display());
        }
        None => std::io::stdout().write_all(text.as_bytes())?,
    }
    Ok(if failing > 0 && !args.no_fail_exit {
        EXIT_FAILING
    } else {
        0
    })
}

fn list_checks(args: ChecksArgs) -> Result<u8> {
    let checks: Vec<_> = catalog::all().into_iter().map(|c| c.meta).collect();
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&checks)? + "\n",
        Format::Table => {
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
