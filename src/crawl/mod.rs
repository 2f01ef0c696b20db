//! The crawler: reads an account through the AWS APIs (read-only) into an
//! [`Inventory`]. One file per service collector.

pub mod actions;
mod aws;
mod calls;
mod cloudtrail;
mod emr;
mod glue;
mod identity;
mod kms;
mod pace;
mod redshift;
mod regions;
mod s3;

use std::time::{Duration, Instant};

use futures::future::join_all;
use std::future::Future;

use aws_config::SdkConfig;

use lakelint_checks::model::{
    CloudTrailInventory, EmrInventory, Gap, GlueInventory, KmsInventory, RedshiftInventory,
    ScanInfo, Unobserved, INVENTORY_SCHEMA_VERSION,
};
use lakelint_checks::Inventory;

pub use aws::RetryMode;
pub use calls::Calls;
pub(crate) use pace::in_region;
pub use regions::{parse_region, RegionSelection};

use crate::progress::Progress;

/// The services lakelint can collect, in scan order.
pub const SERVICES: &[&str] = &["s3", "glue", "redshift", "emr", "kms", "cloudtrail"];

#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub profile: Option<String>,
    pub regions: RegionSelection,
    pub endpoint_url: Option<String>,
    /// Services to collect; empty means all of [`SERVICES`].
    pub services: Vec<String>,
    /// API calls in flight at once, across all services and regions.
    pub max_concurrency: usize,
    pub max_attempts: u32,
    pub retry_mode: RetryMode,
    /// Limit for one attempt of one API call.
    pub call_timeout: Duration,
    /// Limit for the whole scan: what is not read by then is UNKNOWN ("deadline").
    pub timeout: Option<Duration>,
    /// Requests per second per service and region; `None` for the defaults.
    pub max_rps: Option<u32>,
    pub progress: Progress,
}

impl Default for ScanOptions {
    fn default() -> Self {
        Self {
            profile: None,
            regions: RegionSelection::Default,
            endpoint_url: None,
            services: Vec::new(),
            max_concurrency: 32,
            max_attempts: 5,
            retry_mode: RetryMode::Standard,
            call_timeout: Duration::from_secs(20),
            timeout: None,
            max_rps: None,
            progress: Progress::default(),
        }
    }
}

/// Why a scan could not start. Failures of single calls are not errors: they
/// become UNKNOWN attributes in the inventory.
#[derive(Debug, thiserror::Error)]
pub enum CrawlError {
    #[error("no AWS credentials found ({0}); set AWS_PROFILE, use --profile, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")]
    NoCredentials(String),
    #[error("no AWS region configured; pass --regions or set AWS_REGION")]
    NoRegion,
    #[error("cannot reach the AWS endpoint{}: {detail}", endpoint.as_ref().map(|e| format!(" {e}")).unwrap_or_default())]
    Unreachable {
        endpoint: Option<String>,
        detail: String,
    },
    #[error("cannot identify the account (sts:GetCallerIdentity): {0}")]
    Identity(String),
    #[error("cannot list the account's enabled regions ({0}); pass the regions with --regions")]
    Regions(String),
    #[error("unknown service `{0}` (known: {known})", known = SERVICES.join(", "))]
    UnknownService(String),
    #[error("cannot assume {role}: {detail}")]
    AssumeRole { role: String, detail: String },
    #[error("cannot list the organization's accounts (organizations:ListAccounts): {0}")]
    Organization(String),
}

/// The SDK configuration of the scanning identity itself.
pub async fn base_config(options: &ScanOptions) -> Result<SdkConfig, CrawlError> {
    if let Some(bad) = options
        .services
        .iter()
        .find(|s| !SERVICES.contains(&s.as_str()))
    {
        return Err(CrawlError::UnknownService(bad.clone()));
    }
    aws::load(options).await
}

pub use aws::assume_role;

/// Collects the inventory of the account the credentials belong to.
pub async fn scan(options: &ScanOptions) -> Result<Inventory, CrawlError> {
    scan_with(&base_config(options).await?, options).await
}

/// Who the credentials of `sdk` belong to.
pub async fn caller(sdk: &SdkConfig) -> Result<lakelint_checks::model::Account, CrawlError> {
    let calls = Calls::new(1, None, Progress::default());
    identity::identify(sdk, &calls, aws::endpoint_override(sdk)).await
}

/// An account of the organization, as Organizations lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgAccount {
    pub id: String,
    /// `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE`.
    pub status: String,
}

/// Every account of the organization (from the management or a delegated
/// administrator account), every page.
pub async fn organization_accounts(sdk: &SdkConfig) -> Result<Vec<OrgAccount>, CrawlError> {
    let client = aws_sdk_organizations::Client::new(sdk);
    let calls = Calls::new(4, None, Progress::default());
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
    let sdk = sdk.clone();
    let endpoint = aws::endpoint_override(&sdk).map(str::to_string);
    let deadline = options.timeout.map(|t| tokio::time::Instant::now() + t);
    let calls = Calls::new(options.max_concurrency, deadline, options.progress.clone())
        .paced(pace::Pace::new(options.max_rps));

    let account = identity::identify(&sdk, &calls, endpoint.as_deref()).await?;
    let regions = regions::resolve(&options.regions, &sdk, &calls).await?;
    let services: Vec<String> = SERVICES
        .iter()
        .filter(|s| options.services.is_empty() || options.services.iter().any(|x| x == *s))
        .map(|s| s.to_string())
        .collect();
    tracing::info!(account = %account.account_id, regions = ?regions, services = ?services, "scanning");
    let global = ["s3", "cloudtrail"];
    let units = services
        .iter()
        .map(|s| {
            if global.contains(&s.as_str()) {
                1
            } else {
                regions.len()
            }
        })
        .sum::<usize>();
    calls.progress.plan(units as u64);

    let wants = |service: &str| services.iter().any(|s| s == service);
    let s3 = s3::Collector {
        sdk: &sdk,
        calls: &calls,
        account: &account,
        regions: &regions,
        path_style: endpoint.is_some(),
    };
    let glue = glue::Collector {
        sdk: &sdk,
        calls: &calls,
        account: &account,
    };
    let redshift = redshift::Collector {
        sdk: &sdk,
        calls: &calls,
        account: &account,
    };
    let emr = emr::Collector {
        sdk: &sdk,
        calls: &calls,
    };
    let kms = kms::Collector {
        sdk: &sdk,
        calls: &calls,
    };
    let cloudtrail = cloudtrail::Collector {
        sdk: &sdk,
        calls: &calls,
    };
    // Services and regions are collected concurrently; `calls` bounds the
    // requests in flight across all of them.
    let (s3, glue, redshift, emr, kms, cloudtrail) = tokio::join!(
        async {
            match wants("s3") {
                true => Some(done(&calls, s3.collect()).await),
                false => None,
            }
        },
        per_region(wants("glue"), &regions, |r| done(&calls, glue.collect(r))),
        per_region(wants("redshift"), &regions, |r| done(
            &calls,
            redshift.collect(r)
        )),
        per_region(wants("emr"), &regions, |r| done(&calls, emr.collect(r))),
        per_region(wants("kms"), &regions, |r| done(&calls, kms.collect(r))),
        async {
            match wants("cloudtrail") {
                true => Some(done(&calls, cloudtrail.collect(&regions)).await),
                false => None,
            }
        },
    );
    let mut gaps = Vec::new();
    let s3 = keep(s3, &mut gaps);
    let glue = keep(glue, &mut gaps).map(|regions| GlueInventory { regions });
    let redshift = keep(redshift, &mut gaps).map(|regions| RedshiftInventory { regions });
    let emr = keep(emr, &mut gaps).map(|regions| EmrInventory { regions });
    let kms = keep(kms, &mut gaps).map(|regions| KmsInventory { regions });
    let cloudtrail = keep(cloudtrail, &mut gaps).map(|trails| CloudTrailInventory { trails });

    calls.progress.finish();
    let finished_at = chrono::Utc::now();
    Ok(Inventory {
        schema_version: INVENTORY_SCHEMA_VERSION.into(),
        account,
        scan: ScanInfo {
            regions,
            services,
            started_at: started_at.to_rfc3339(),
            finished_at: finished_at.to_rfc3339(),
            duration_ms: clock.elapsed().as_millis() as u64,
            endpoint_url: endpoint,
            api_calls: calls.counts(),
            denied: calls.denied(),
        },
        gaps,
        s3,
        glue,
        redshift,
        emr,
        kms,
        cloudtrail,
    })
}

/// Collects the gaps of one service in one region: listings that failed, so
/// their resources are missing from the inventory.
pub(crate) struct Gaps {
    service: &'static str,
    region: String,
    pub found: Vec<Gap>,
}

impl Gaps {
    pub fn new(service: &'static str, region: &str) -> Self {
        Self {
            service,
            region: region.to_string(),
            found: Vec::new(),
        }
    }

    pub fn add(&mut self, reason: Unobserved) {
        tracing::warn!(service = self.service, region = %self.region, %reason, "listing failed");
        self.found.push(Gap {
            account_id: None,
            service: self.service.into(),
            region: Some(self.region.clone()),
            reason,
        });
    }

    /// The listed items, or none and a gap.
    pub fn keep<T>(&mut self, listed: Result<Vec<T>, Unobserved>) -> Vec<T> {
        listed.unwrap_or_else(|reason| {
            self.add(reason);
            Vec::new()
        })
    }
}

/// Runs a regional collector in every region, when the service is wanted.
async fn per_region<'a, T, F, Fut>(
    wanted: bool,
    regions: &'a [String],
    collect: F,
) -> Option<(Vec<T>, Vec<Gap>)>
where
    F: Fn(&'a str) -> Fut,
    Fut: Future<Output = (T, Vec<Gap>)>,
{
    if !wanted {
        return None;
    }
    let (found, gaps): (Vec<T>, Vec<Vec<Gap>>) = join_all(regions.iter().map(|r| collect(r)))
        .await
        .into_iter()
        .unzip();
    Some((found, gaps.into_iter().flatten().collect()))
}

/// Awaits one service·region collection and counts it for the progress line.
async fn done<T>(calls: &Calls, collect: impl Future<Output = T>) -> T {
    let value = collect.await;
    calls.progress.unit_done();
    value
}

/// The collected value of a service, its gaps moved to the scan's list.
fn keep<T>(collected: Option<(T, Vec<Gap>)>, gaps: &mut Vec<Gap>) -> Option<T> {
    collected.map(|(value, found)| {
        gaps.extend(found);
        value
    })
}
