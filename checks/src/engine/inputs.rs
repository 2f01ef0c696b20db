//! What checks read beside a resource's own record: the scan's start, a
//! region's record of a regional section, the tags a resource lacks.

use crate::model::{Inventory, Service, Unobserved, UnobservedKind};

/// Which of the `required` tag keys `tags` lacks (keys compared case-insensitively).
pub(crate) fn missing_tags<'a>(
    required: &'a [String],
    tags: &std::collections::BTreeMap<String, String>,
) -> Vec<&'a str> {
    required
        .iter()
        .filter(|key| !tags.keys().any(|k| k.eq_ignore_ascii_case(key)))
        .map(String::as_str)
        .collect()
}

/// Whole days from `when` (RFC 3339) to the start of the scan: judging a
/// saved inventory later gives the verdicts of the day it was collected.
pub(crate) fn days_before_scan(inventory: &Inventory, when: &str) -> Result<i64, Unobserved> {
    let parse = |text: &str| chrono::DateTime::parse_from_rfc3339(text).ok();
    let scan = parse(&inventory.scan.started_at).ok_or_else(|| {
        Unobserved::new(UnobservedKind::NotReported, "lakelint:scan")
            .with_message("the inventory carries no scan start time")
    })?;
    let then = parse(when).ok_or_else(|| {
        Unobserved::new(UnobservedKind::NotReported, "lakelint:scan")
            .with_message(format!("`{when}` is not an RFC 3339 time"))
    })?;
    Ok((scan - then).num_days())
}

/// The region's record of a regional section, or why it cannot say: the
/// service was not scanned, or its listing `action` failed in that region.
pub(crate) fn region_record<'a, T>(
    inventory: &'a Inventory,
    section: Option<&'a crate::model::Regional<T>>,
    service: Service,
    action: &str,
    region: &str,
    name: impl Fn(&T) -> &str,
) -> Result<&'a T, Unobserved> {
    let not_scanned = || {
        Unobserved::new(UnobservedKind::NotScanned, action)
            .with_message(format!("{service} was not scanned"))
    };
    let failed = inventory.scan.gaps.iter().find(|g| {
        g.service == service && g.region.as_deref() == Some(region) && g.reason.action == action
    });
    if let Some(gap) = failed {
        return Err(gap.reason.clone());
    }
    section
        .ok_or_else(not_scanned)?
        .regions
        .iter()
        .find(|r| name(r) == region)
        .ok_or_else(not_scanned)
}
