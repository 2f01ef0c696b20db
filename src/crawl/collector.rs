//! What a service collector is, and the one driver that runs every collector
//! over the scanned regions (or once for an account-wide service).

use std::future::Future;

use aws_config::{Region, SdkConfig};
use futures::future::{join_all, LocalBoxFuture};
use futures::stream::{self, StreamExt};
use futures::FutureExt;
use lakelint_checks::model::{
    Account, Gap, Inventory, Scope, Section, Service, Unobserved, UnobservedKind,
};

use crate::crawl::actions::Action;
use crate::crawl::{in_region, Calls};

/// What a collector reads with: the account's SDK configuration, the call
/// gate, and where to look.
pub(crate) struct Scan<'a> {
    pub sdk: &'a SdkConfig,
    pub calls: &'a Calls,
    pub account: &'a Account,
    /// The scanned regions, in order.
    pub regions: &'a [String],
}

impl Scan<'_> {
    /// The SDK configuration acting in `region`; a service's client is
    /// `Client::new(&scan.sdk_in(region))`.
    pub fn sdk_in(&self, region: &str) -> SdkConfig {
        self.sdk
            .to_builder()
            .region(Region::new(region.to_string()))
            .build()
    }

    /// Where account-wide listings are read: the profile's region, else the first scanned.
    pub fn home(&self) -> &str {
        self.sdk
            .region()
            .map_or_else(|| self.regions[0].as_str(), |r| r.as_ref())
    }

    /// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` in the scanned account.
    pub fn arn(&self, service: &str, region: &str, resource: &str) -> String {
        format!(
            "arn:{}:{service}:{region}:{}:{resource}",
            self.account.partition, self.account.account_id
        )
    }
}

/// The listings of one collection that failed, so their resources are missing.
pub(crate) struct Gaps {
    service: Service,
    region: Option<String>,
    found: Vec<Gap>,
}

impl Gaps {
    fn new(service: Service, region: Option<&str>) -> Self {
        Self {
            service,
            region: region.map(str::to_string),
            found: Vec::new(),
        }
    }

    /// A listing of the collection's region failed.
    pub fn add(&mut self, reason: Unobserved) {
        let region = self.region.clone();
        self.add_in(region, reason);
    }

    /// A listing of `region` failed (account-wide services that read every region).
    pub fn add_in(&mut self, region: Option<String>, reason: Unobserved) {
        // An endpoint without the service (an emulator) is said once, in the
        // summary's gaps; the line stays for -v.
        if reason.kind == UnobservedKind::NotSupportedByEndpoint {
            tracing::info!(service = %self.service, region = region.as_deref().unwrap_or("-"), %reason, "listing failed");
        } else {
            tracing::warn!(service = %self.service, region = region.as_deref().unwrap_or("-"), %reason, "listing failed");
        }
        // The checks that would have judged what the listing hides.
        let checks = crate::crawl::actions::find(&reason.action)
            .map(|a| a.feeds.iter().map(|f| f.to_string()).collect())
            .unwrap_or_default();
        self.found.push(Gap {
            account_id: None,
            service: self.service,
            region,
            reason,
            checks,
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

/// A service's collector: reads it, read-only, into its inventory section.
pub(crate) trait Collector: Sync {
    /// The inventory section it fills; its service is the collector's.
    type Section: Section + 'static;
    /// What one call of [`Collector::collect`] finds: a region's record, or the whole section.
    type Part;
    /// Every operation it calls.
    const ACTIONS: &'static [Action];

    /// Reads one region (for an account-wide service: the home region, once).
    fn collect(
        &self,
        scan: &Scan<'_>,
        region: &str,
        gaps: &mut Gaps,
    ) -> impl Future<Output = Self::Part>;

    /// The section, from the parts of the scanned regions in order.
    fn assemble(parts: Vec<Self::Part>) -> Self::Section;

    /// Reads what depends on other services' sections, once every section is
    /// in (S3: the ACLs of the buckets trails write to). Nothing by default.
    fn complete(&self, _scan: &Scan<'_>, _inventory: &mut Inventory) -> impl Future<Output = ()> {
        async {}
    }
}

/// A collection done, waiting to be put into the inventory.
pub(crate) struct Collected {
    gaps: Vec<Gap>,
    store: Box<dyn FnOnce(&mut Inventory)>,
}

impl Collected {
    /// Puts the section into `inventory` and its gaps into the scan's list.
    pub fn store(self, inventory: &mut Inventory) {
        (self.store)(inventory);
        inventory.scan.gaps.extend(self.gaps);
    }
}

/// Per-resource reads in flight at once per region and service, beside the
/// call gate's overall bound: a listing of thousands is not turned into
/// thousands of waiting futures.
const PER_RESOURCE_IN_FLIGHT: usize = 16;

/// Reads each listed item's details, a bounded number at once, in the listing's order.
pub(crate) async fn per_resource<T, R, F, Fut>(items: Vec<T>, read: F) -> Vec<R>
where
    F: FnMut(T) -> Fut,
    Fut: Future<Output = R>,
{
    stream::iter(items)
        .map(read)
        .buffered(PER_RESOURCE_IN_FLIGHT)
        .collect()
        .await
}

/// An API timestamp as RFC 3339.
pub(crate) fn rfc3339(time: &aws_smithy_types::DateTime) -> Option<String> {
    time.fmt(aws_smithy_types::date_time::Format::DateTime).ok()
}

/// A collector of any service, as the scan holds them.
pub(crate) trait Collect: Sync {
    /// The service it collects.
    fn service(&self) -> Service;
    /// Every operation it calls.
    fn actions(&self) -> &'static [Action];
    /// Runs it in every scanned region, or once for an account-wide service.
    fn run<'a>(&'a self, scan: &'a Scan<'a>) -> LocalBoxFuture<'a, Collected>;
    /// Its [`Collector::complete`].
    fn complete<'a>(
        &'a self,
        scan: &'a Scan<'a>,
        inventory: &'a mut Inventory,
    ) -> LocalBoxFuture<'a, ()>;
}

impl<C: Collector> Collect for C {
    fn service(&self) -> Service {
        C::Section::SERVICE
    }

    fn actions(&self) -> &'static [Action] {
        C::ACTIONS
    }

    fn complete<'a>(
        &'a self,
        scan: &'a Scan<'a>,
        inventory: &'a mut Inventory,
    ) -> LocalBoxFuture<'a, ()> {
        Collector::complete(self, scan, inventory).boxed_local()
    }

    fn run<'a>(&'a self, scan: &'a Scan<'a>) -> LocalBoxFuture<'a, Collected> {
        async move {
            let service = C::Section::SERVICE;
            let one = |region: &'a str, gap_region: Option<&'a str>| async move {
                let mut gaps = Gaps::new(service, gap_region);
                let part = self.collect(scan, region, &mut gaps).await;
                scan.calls.progress.unit_done();
                (part, gaps.found)
            };
            let done: Vec<(C::Part, Vec<Gap>)> = match service.scope() {
                Scope::Regional => {
                    join_all(
                        scan.regions
                            .iter()
                            .map(|r| in_region(r, one(r, Some(r.as_str())))),
                    )
                    .await
                }
                Scope::Account => vec![one(scan.home(), None).await],
            };
            let (parts, gaps): (Vec<C::Part>, Vec<Vec<Gap>>) = done.into_iter().unzip();
            let section = C::assemble(parts);
            Collected {
                gaps: gaps.concat(),
                store: Box::new(move |inventory| *C::Section::slot(inventory) = Some(section)),
            }
        }
        .boxed_local()
    }
}
