//! A scan run as a pipeline: plan (accounts, shard, regions, services) →
//! collect each account → judge it → merge the reports. One account is the
//! one-element case of many; writing the outputs is the caller's last step.

use std::future::Future;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use aws_config::SdkConfig;
use futures::stream::{self, StreamExt};
use lakelint_checks::findings::mutelist;
use lakelint_checks::model::AccountStatus;
use lakelint_checks::{evaluate, Config, Inventory, Selection};

use crate::crawl::{self, CrawlError, ScanOptions};
use crate::fleet::{self, Shard, Targets};
use crate::report::Report;

/// What a run covers, decided before anything is collected.
pub struct Plan {
    /// The scanning identity's own configuration.
    pub base: SdkConfig,
    /// Every account of the run, shard applied: to scan, or skipped with the reason.
    pub accounts: Vec<fleet::Plan>,
    /// Whether the run targets many accounts (a list or the organization):
    /// then an account that cannot be reached is reported, not fatal.
    pub several: bool,
}

impl Plan {
    /// Resolves the targets into accounts and keeps the shard's.
    pub async fn new(
        options: &ScanOptions,
        targets: &Targets,
        role_name: Option<&str>,
        shard: Option<Shard>,
    ) -> Result<Plan, CrawlError> {
        let base = crawl::base_config(options).await?;
        let mut accounts = fleet::plan(&base, targets, role_name).await?;
        if let Some(shard) = shard {
            accounts.retain(|plan| shard.holds(plan.account_id()));
        }
        let several = matches!(targets, Targets::Accounts(_) | Targets::Organization);
        Ok(Plan {
            base,
            accounts,
            several,
        })
    }
}

/// How each account is collected and judged.
pub struct Steps<'a> {
    /// Regions, services, concurrency, retries, timeouts.
    pub options: &'a ScanOptions,
    /// Thresholds, roles and the mutelist.
    pub config: &'a Config,
    /// Which checks run.
    pub selection: &'a Selection,
    /// External id the roles' trust policies require.
    pub external_id: Option<&'a str>,
    /// Where to also save each account's inventory.
    pub save_inventory: Option<&'a Path>,
    /// Inventories that could not be saved: the run fails once its report is written.
    pub unsaved: std::sync::Mutex<Vec<String>>,
    /// Accounts collected at once.
    pub max_accounts: usize,
}

/// Collects and judges every planned account, and merges their reports.
pub async fn run(plan: Plan, steps: &Steps<'_>) -> Result<Report> {
    let several = plan.several;
    let base = &plan.base;
    let one = |account_id: String, role: Option<String>| async move {
        let inventory = collect(base, steps, &account_id, role, several).await?;
        Ok::<_, CrawlError>(judge(&inventory, steps.config, steps.selection))
    };
    let (reports, skipped) = each_account(plan.accounts, steps.max_accounts, one).await;
    if !several {
        // One account: a failure to reach it is the run's failure.
        if let Some(reason) = skipped.into_iter().find_map(|s| s.reason) {
            bail!(reason);
        }
        return match reports.into_iter().next() {
            Some(report) => Ok(report),
            None => bail!("the shard holds no account"),
        };
    }
    match Report::merge(reports, skipped.clone()) {
        Some(report) => Ok(report),
        // A shard (or an organization) with no account: an empty report, so
        // the scheduler's job still succeeds and merges cleanly.
        None if skipped.is_empty() => {
            tracing::warn!("no account to scan in this shard");
            Ok(Report::empty())
        }
        None => {
            let reasons: Vec<String> = skipped
                .iter()
                .map(|s| {
                    let why = s.reason.as_deref().unwrap_or("skipped");
                    format!("{}: {why}", s.account_id)
                })
                .collect();
            bail!("no account could be scanned: {}", reasons.join("; "))
        }
    }
}

/// One account's inventory, through its role when it has one; saved when asked.
async fn collect(
    base: &SdkConfig,
    steps: &Steps<'_>,
    account_id: &str,
    role: Option<String>,
    several: bool,
) -> Result<Inventory, CrawlError> {
    let sdk = match role {
        Some(arn) => crawl::assume_role(base, &arn, steps.external_id).await?,
        None => base.clone(),
    };
    let inventory = crawl::scan_with(&sdk, steps.options).await?;
    if let Some(path) = steps.save_inventory {
        let path = if several {
            per_account(path, account_id)
        } else {
            path.to_path_buf()
        };
        let json = serde_json::to_string_pretty(&inventory).expect("inventories serialise");
        if let Err(e) = std::fs::write(&path, json) {
            tracing::error!("cannot write {}: {e}", path.display());
            let failure = format!("cannot save the inventory to {}: {e}", path.display());
            steps.unsaved.lock().expect("unsaved lock").push(failure);
        }
    }
    Ok(inventory)
}

/// The report of one inventory: checks run, mutelist applied.
pub fn judge(inventory: &Inventory, config: &Config, selection: &Selection) -> Report {
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
    let mut report = Report::new(inventory, config, findings);
    report.scan.checks = lakelint_checks::engine::registry::all()
        .filter(|c| selection.includes(c) && inventory.scanned(c.service))
        .map(|c| c.id.to_string())
        .collect();
    report
}

/// Runs `scan_one` for every planned account, at most `max_accounts` at once.
/// Accounts that fail (a role that cannot be assumed, say) come back as
/// skipped with the reason; the others go on.
async fn each_account<T, F, Fut>(
    plans: Vec<fleet::Plan>,
    max_accounts: usize,
    scan_one: F,
) -> (Vec<T>, Vec<AccountStatus>)
where
    F: Fn(String, Option<String>) -> Fut,
    Fut: Future<Output = Result<T, CrawlError>>,
{
    let mut skipped = Vec::new();
    let mut todo = Vec::new();
    for plan in plans {
        match plan {
            fleet::Plan::Skip(status) => skipped.push(status),
            fleet::Plan::Scan {
                account_id,
                role_arn,
            } => todo.push((account_id, role_arn)),
        }
    }
    let results: Vec<(String, Result<T, CrawlError>)> = stream::iter(todo)
        .map(|(id, role)| {
            let fut = scan_one(id.clone(), role);
            async move { (id, fut.await) }
        })
        .buffer_unordered(max_accounts.max(1))
        .collect()
        .await;
    let mut done = Vec::new();
    for (id, result) in results {
        match result {
            Ok(value) => done.push(value),
            Err(e) => {
                tracing::warn!(account = %id, error = %e, "account not scanned");
                skipped.push(AccountStatus {
                    account_id: id,
                    scanned: false,
                    reason: Some(e.to_string()),
                });
            }
        }
    }
    (done, skipped)
}

/// `inventory.json` for account 1234 → `inventory-1234.json`.
fn per_account(path: &Path, account_id: &str) -> PathBuf {
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
