//! Whether CloudTrail records a bucket's object-level events: read by the
//! S3 and CloudTrail checks alike.

use crate::model::{Bucket, Inventory, Service, Trail, Unobserved, UnobservedKind};

/// Which of a bucket's object-level events a check needs recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needed {
    /// Its writes (Security Hub S3.22).
    Writes,
    /// Its reads and its writes, by one trail (in place of server access logs).
    ReadsAndWrites,
}

/// Whether CloudTrail records the object-level events of `bucket`.
#[derive(Debug)]
pub(crate) enum DataEvents<'a> {
    /// By this logging trail.
    Covered(&'a Trail),
    NotCovered,
}

/// Looks for a logging trail whose S3 data-event selectors record the
/// `needed` events of all of the bucket; `Err` when a trail that might could
/// not be read.
pub(crate) fn s3_data_events<'a>(
    inventory: &'a Inventory,
    bucket: &Bucket,
    needed: Needed,
) -> Result<DataEvents<'a>, Unobserved> {
    let partition = &inventory.account.partition;
    let cloudtrail = inventory.cloudtrail.as_ref().ok_or_else(|| {
        Unobserved::new(UnobservedKind::NotScanned, "cloudtrail:GetEventSelectors")
            .with_message("CloudTrail was not scanned")
    })?;
    let region = bucket.region.known();
    let mut unreadable = None;
    for trail in &cloudtrail.trails {
        let at_home = region == Some(&trail.home_region);
        match trail.multi_region.get() {
            Ok(false) if !at_home => continue,
            Err(reason) if !at_home => {
                unreadable = Some(reason);
                continue;
            }
            _ => {}
        }
        match (trail.logging.get(), trail.selectors.get()) {
            (Ok(true), Ok(selectors)) => {
                let recorded = selectors.recorded(partition);
                let writes = recorded.s3_writes.covers_bucket(partition, &bucket.name);
                let reads = recorded.s3_reads.covers_bucket(partition, &bucket.name);
                if writes && (reads || needed == Needed::Writes) {
                    return Ok(DataEvents::Covered(trail));
                }
            }
            (Err(reason), _) | (_, Err(reason)) => unreadable = Some(reason),
            _ => {}
        }
    }
    // A region whose trails could not be listed may hold the covering trail.
    let unlisted = inventory.gap(Service::CloudTrail, None);
    match unreadable.or_else(|| unlisted.map(|g| g.reason.clone())) {
        Some(reason) => Err(reason),
        None => Ok(DataEvents::NotCovered),
    }
}
