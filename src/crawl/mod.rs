//! The crawler: reads an account through the AWS APIs (read-only) into an
//! [`Inventory`]. One file per service collector, named as the service's
//! folder in the checks crate; the service table lists them ([`COLLECTORS`]).

pub mod actions;
mod aimd;
mod aws;
mod calls;
mod collector;
mod concurrency;
mod identity;
mod pace;
mod regions;
mod retry;

mod athena;
mod batch;
mod cloudtrail;
mod cloudwatch;
mod dax;
mod dynamodb;
mod emr;
mod emrserverless;
mod eventbridge;
mod firehose;
mod glue;
mod kinesis;
mod kms;
mod lakeformation;
mod lambda;
mod logs;
mod msk;
mod mwaa;
mod rds;
mod redshift;
mod redshiftserverless;
mod s3;
mod secretsmanager;
mod stepfunctions;
mod wellarchitected;

use std::time::{Duration, Instant};

use aws_config::SdkConfig;
use futures::future::join_all;
use lakelint_checks::model::{ApiCalls, ScanInfo, Service, INVENTORY_SCHEMA_VERSION};
use lakelint_checks::Inventory;

pub use calls::Calls;
pub(crate) use pace::in_region;
pub use regions::{parse_region, RegionSelection};

use crate::progress::Progress;
use collector::{Collect, Scan};
use concurrency::Bounds;

/// Declares [`COLLECTORS`] from the service table: a service's collector is
/// the type named as its variant in `src/crawl/<name>.rs`.
macro_rules! collectors {
    ($($(#[$doc:meta])* $variant:ident => $module:ident: $section:ident, iam: $iam:literal, $scope:ident;)*) => {
        /// Every collector, in scan order: one per line of the service table.
        const COLLECTORS: &[&dyn Collect] = &[$(&$module::$variant),*];
    };
}

lakelint_checks::for_each_service!(collectors);

/// How to scan: where, what, and how hard to push the APIs.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// The named profile of the shared AWS config, if any.
    pub profile: Option<String>,
    /// Which regions to read.
    pub regions: RegionSelection,
    /// A custom endpoint (an emulator), instead of AWS's.
    pub endpoint_url: Option<String>,
    /// Services to collect; empty means all.
    pub services: Vec<Service>,
    /// The most API calls in flight at once, across all services and
    /// regions: a hard ceiling on the adaptive window; `None` for the default bounds.
    pub max_concurrency: Option<usize>,
    /// Attempts of a call that fails transiently (5xx, timeout), the first
    /// included; throttled calls are retried with a bounded back-off instead.
    pub max_attempts: u32,
    /// Limit for one attempt of one API call.
    pub call_timeout: Duration,
    /// Limit for the whole scan: what is not read by then is UNKNOWN ("deadline").
    pub timeout: Option<Duration>,
    /// Requests per second per operation and region, replacing the default
    /// ceilings; `None` for the defaults.
    pub max_rps: Option<u32>,
    /// The rate every operation starts at before it adapts; `None` for its ceiling.
    pub start_rps: Option<u32>,
    /// The progress display.
    pub progress: Progress,
}

impl Default for ScanOptions {
    fn default() -> Self {
        Self {
            profile: None,
            regions: RegionSelection::Default,
            endpoint_url: None,
            services: Vec::new(),
            max_concurrency: None,
            max_attempts: 5,
            call_timeout: Duration::from_secs(20),
            timeout: None,
            max_rps: None,
            start_rps: None,
            progress: Progress::default(),
        }
    }
}

/// Why a scan could not start. Failures of single calls are not errors: they
/// become UNKNOWN attributes in the inventory.
#[derive(Debug, thiserror::Error)]
pub enum CrawlError {
    /// No credential provider gave credentials.
    #[error("no AWS credentials found (tried: environment variables, shared config and credentials files, web identity token, SSO, ECS container and EC2 instance metadata); set AWS_PROFILE or pass --profile, export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run with an instance or task role (-v shows each source's answer)")]
    NoCredentials,
    /// No region was given or configured.
    #[error("no AWS region configured; pass --regions or set AWS_REGION")]
    NoRegion,
    /// The endpoint did not answer.
    #[error("cannot reach the AWS endpoint{}: {detail}", endpoint.as_ref().map(|e| format!(" {e}")).unwrap_or_default())]
    Unreachable {
        /// The endpoint, when a custom one was set.
        endpoint: Option<String>,
        /// The connection error.
        detail: String,
    },
    /// sts:GetCallerIdentity failed.
    #[error("cannot identify the account (sts:GetCallerIdentity): {0}")]
    Identity(String),
    /// account:ListRegions failed.
    #[error("cannot list the account's enabled regions ({0}); pass the regions with --regions")]
    Regions(String),
    /// A role could not be assumed.
    #[error("cannot assume {role}: {detail}")]
    AssumeRole {
        /// The role ARN.
        role: String,
        /// Why STS refused.
        detail: String,
    },
    /// Organizations could not list the member accounts.
    #[error("cannot list the organization's accounts (organizations:ListAccounts): {0}")]
    Organization(String),
}

/// The SDK configuration of the scanning identity itself.
pub async fn base_config(options: &ScanOptions) -> Result<SdkConfig, CrawlError> {
    aws::load(options).await
}

pub use aws::assume_role;

/// Collects the inventory of the account the credentials belong to.
pub async fn scan(options: &ScanOptions) -> Result<Inventory, CrawlError> {
    scan_with(&base_config(options).await?, options).await
}

/// Who the credentials of `sdk` belong to.
pub async fn caller(sdk: &SdkConfig) -> Result<lakelint_checks::model::Account, CrawlError> {
    let calls = Calls::new(Bounds::at_most(1), None, Progress::default());
    identity::identify(sdk, &calls, aws::endpoint_override(sdk)).await
}

/// An account of the organization, as Organizations lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgAccount {
    /// The 12-digit account id.
    pub id: String,
    /// `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`.
    pub status: String,
}

/// Every account of the organization (from the management or a delegated
/// administrator account), every page.
pub async fn organization_accounts(sdk: &SdkConfig) -> Result<Vec<OrgAccount>, CrawlError> {
    let client = aws_sdk_organizations::Client::new(sdk);
    let calls = Calls::new(Bounds::at_most(4), None, Progress::default());
    let accounts = calls
        .pages(
            "organizations:ListAccounts",
            |token| client.list_accounts().set_next_token(token).send(),
            |page| {
                let accounts = page
                    .accounts()
                    .iter()
                    .filter_map(|a| {
                        Some(OrgAccount {
                            id: a.id()?.to_string(),
                            status: a.status().map_or("ACTIVE", |s| s.as_str()).to_string(),
                        })
                    })
                    .collect();
                (accounts, page.next_token().map(str::to_string))
            },
        )
        .await
        .map_err(|u| CrawlError::Organization(u.to_string()))?;
    Ok(accounts)
}

/// Collects the inventory of the account `sdk` acts in.
pub async fn scan_with(sdk: &SdkConfig, options: &ScanOptions) -> Result<Inventory, CrawlError> {
    let started_at = chrono::Utc::now();
    let clock = Instant::now();
    let endpoint = aws::endpoint_override(sdk).map(str::to_string);
    let deadline = options.timeout.map(|t| tokio::time::Instant::now() + t);
    let bounds = options
        .max_concurrency
        .map_or(concurrency::DEFAULT_BOUNDS, Bounds::at_most);
    let calls = Calls::new(bounds, deadline, options.progress.clone())
        .retrying(options.max_attempts)
        .paced(pace::Pace::new(options.max_rps, options.start_rps));

    let account = identity::identify(sdk, &calls, endpoint.as_deref()).await?;
    let regions = regions::resolve(&options.regions, sdk, &calls).await?;
    let collectors: Vec<&dyn Collect> = COLLECTORS
        .iter()
        .copied()
        .filter(|c| options.services.is_empty() || options.services.contains(&c.service()))
        .collect();
    let services: Vec<Service> = collectors.iter().map(|c| c.service()).collect();
    tracing::info!(account = %account.account_id, regions = ?regions, services = ?services, "scanning");
    let units = services
        .iter()
        .map(|s| match s.scope() {
            lakelint_checks::model::Scope::Regional => regions.len(),
            lakelint_checks::model::Scope::Account => 1,
        })
        .sum::<usize>();
    calls.progress.plan(units as u64);

    // Services and regions are collected concurrently; `calls` bounds the
    // requests in flight across all of them.
    let scan = Scan {
        sdk,
        calls: &calls,
        account: &account,
        regions: &regions,
    };
    let collected = join_all(collectors.iter().map(|c| c.run(&scan))).await;
    calls.progress.finish();

    let mut inventory = Inventory {
        schema_version: INVENTORY_SCHEMA_VERSION.into(),
        account: account.clone(),
        scan: ScanInfo {
            regions: regions.clone(),
            services,
            started_at: started_at.to_rfc3339(),
            endpoint_url: endpoint,
            api_calls: ApiCalls::of(calls.counts()),
            missing_permissions: missing_permissions(&calls.denied()),
            concurrency: Some(calls.concurrency()),
            ..ScanInfo::default()
        },
        ..Inventory::default()
    };
    for part in collected {
        part.store(&mut inventory);
    }
    for collector in &collectors {
        collector.complete(&scan, &mut inventory).await;
    }
    // The completing reads count too.
    inventory.scan.api_calls = ApiCalls::of(calls.counts());
    inventory.scan.missing_permissions = missing_permissions(&calls.denied());
    inventory.scan.finished_at = chrono::Utc::now().to_rfc3339();
    inventory.scan.duration_ms = clock.elapsed().as_millis() as u64;
    Ok(inventory)
}

/// The IAM actions behind the denied operations, sorted and once each.
fn missing_permissions(denied: &[String]) -> Vec<String> {
    let mut iam: Vec<String> = denied
        .iter()
        .map(|op| actions::iam_action(op).unwrap_or(op).to_string())
        .collect();
    iam.sort();
    iam.dedup();
    iam
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use super::*;

    /// The repository this test runs in (the run's, not the build's: a test
    /// binary reused from another checkout carries that checkout's path).
    fn root() -> PathBuf {
        std::env::var_os("CARGO_MANIFEST_DIR")
            .map_or_else(|| env!("CARGO_MANIFEST_DIR").into(), PathBuf::from)
    }

    fn names(dir: PathBuf, keep: impl Fn(&std::path::Path) -> Option<String>) -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|entry| keep(&entry.unwrap().path()))
            .collect()
    }

    /// A service is registered whole or not at all: a folder in the checks
    /// crate, a line in the service table, a collector, and its actions in
    /// the shipped IAM policy.
    #[test]
    fn every_service_is_registered_whole() {
        let table: BTreeSet<String> = Service::ALL.iter().map(|s| s.to_string()).collect();
        let folders = names(root().join("checks/src/services"), |path| {
            path.is_dir()
                .then(|| path.file_name()?.to_str().map(str::to_string))
                .flatten()
        });
        assert_eq!(
            folders, table,
            "folders of checks/src/services vs the service table"
        );
        let collector_files = names(root().join("src/crawl"), |path| {
            let text = std::fs::read_to_string(path).ok()?;
            text.lines()
                .any(|line| line.starts_with("impl Collector for "))
                .then(|| path.file_stem()?.to_str().map(str::to_string))
                .flatten()
        });
        assert_eq!(
            collector_files, table,
            "collector files of src/crawl vs the service table"
        );

        let policy: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root().join("docs/iam-policy.json")).unwrap(),
        )
        .unwrap();
        let shipped: BTreeSet<&str> = policy["Statement"][0]["Action"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|a| a.as_str())
            .collect();
        for collector in COLLECTORS {
            let service = collector.service();
            assert!(
                !collector.actions().is_empty(),
                "{service} declares no action"
            );
            for action in collector.actions() {
                let iam = action.iam.expect("collectors' reads need a permission");
                assert!(
                    shipped.contains(iam),
                    "{service}: {iam} is not in docs/iam-policy.json (regenerate it with `lakelint iam-policy`)"
                );
            }
        }
    }
}
