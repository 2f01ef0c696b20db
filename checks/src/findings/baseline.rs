//! Comparing a scan with an earlier one, so a scheduled scan alerts on what
//! got worse rather than on known debt. Findings match on (account, region,
//! check id, resource ARN).
//!
//! A finding that failed before is *resolved* only when the later scan judged
//! it again and it passed, or saw the resource gone (its listing succeeded
//! without it). One the later scan could not see (UNKNOWN, or hidden by a
//! failed listing) is *no longer observed*, with the reason; one outside the
//! later scan's scope (a check, service, region or account it did not cover)
//! is counted apart and is neither.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::findings::finding::{BaselineMark, Finding, ResourceRef, Severity, Status};
use crate::interpret::pattern::wildcard_match;
use crate::model::{Gap, Service};

/// A finding that failed in the baseline and no longer does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolved {
    /// The check's id.
    pub check_id: String,
    /// The check's title.
    pub title: String,
    /// The check's severity.
    pub severity: Severity,
    /// The resource that no longer fails.
    pub resource: ResourceRef,
    /// Why it is not failing now, for a finding no longer observed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// How a scan compares with its baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Failing now, not failing in the baseline.
    pub new: usize,
    /// Failing in both.
    pub unchanged: usize,
    /// Failing in the baseline; judged again now and passing, or the resource is gone.
    pub resolved: Vec<Resolved>,
    /// Failing in the baseline; the later scan could not see it (the reason says why).
    #[serde(default)]
    pub no_longer_observed: Vec<Resolved>,
    /// Failing in the baseline, outside what the later scan covered.
    #[serde(default)]
    pub out_of_scope: usize,
}

/// What the later scan covered: its checks, services, regions and accounts,
/// and the listings that failed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Coverage<'a> {
    /// The checks it judged; empty when not recorded (every check).
    pub checks: &'a [String],
    /// The services it scanned; empty when not recorded (every service).
    pub services: &'a [Service],
    /// The regions it scanned; empty when not recorded (every region).
    pub regions: &'a [String],
    /// The accounts it scanned; empty when not recorded (every account).
    pub accounts: &'a [String],
    /// Its failed listings.
    pub gaps: &'a [Gap],
}

impl Coverage<'_> {
    /// Whether the scan covered the check, service, region and account of `f`.
    fn covers(&self, f: &Finding) -> bool {
        let listed = |all: &[String], one: &str| all.is_empty() || all.iter().any(|x| x == one);
        let service = f
            .check_id
            .split('.')
            .next()
            .and_then(|s| s.parse::<Service>().ok());
        listed(self.checks, &f.check_id)
            && (self.services.is_empty() || service.is_some_and(|s| self.services.contains(&s)))
            && (listed(self.regions, &f.resource.region) || f.resource.region == "global")
            && listed(self.accounts, &f.resource.account_id)
    }

    /// The failed listing that would have found the resource of `f`.
    fn hiding(&self, f: &Finding) -> Option<&Gap> {
        self.gaps.iter().find(|g| {
            g.service.as_str() == f.check_id.split('.').next().unwrap_or_default()
                && g.region.as_deref().is_none_or(|r| r == &*f.resource.region)
                && g.account_id
                    .as_deref()
                    .is_none_or(|a| a == &*f.resource.account_id)
                && g.checks.iter().any(|p| wildcard_match(p, &f.check_id))
        })
    }
}

fn key(f: &Finding) -> (&str, &str, &str, &str) {
    (
        &*f.resource.account_id,
        &*f.resource.region,
        &*f.check_id,
        &*f.resource.arn,
    )
}

/// Marks each failing finding of `current` new or unchanged against
/// `baseline`, and sorts the baseline's other failures into resolved, no
/// longer observed and out of scope by what the current scan `covered`.
pub fn compare(current: &mut [Finding], baseline: &[Finding], covered: &Coverage) -> Comparison {
    let failed_before: HashSet<_> = baseline
        .iter()
        .filter(|f| f.status == Status::Fail)
        .map(key)
        .collect();
    let (mut new, mut unchanged) = (0, 0);
    for f in current.iter_mut() {
        f.baseline = None;
        if f.status != Status::Fail {
            continue;
        }
        if failed_before.contains(&key(f)) {
            unchanged += 1;
            f.baseline = Some(BaselineMark::Unchanged);
        } else {
            new += 1;
            f.baseline = Some(BaselineMark::New);
        }
    }
    let now: HashMap<_, &Finding> = current.iter().map(|f| (key(f), f)).collect();
    let mut comparison = Comparison {
        new,
        unchanged,
        resolved: Vec::new(),
        no_longer_observed: Vec::new(),
        out_of_scope: 0,
    };
    for f in baseline.iter().filter(|f| f.status == Status::Fail) {
        let entry = |reason: Option<String>| Resolved {
            check_id: f.check_id.to_string(),
            title: f.title.to_string(),
            severity: f.severity,
            resource: f.resource.clone(),
            reason,
        };
        match now.get(&key(f)).map(|n| (n.status, n.reason.clone())) {
            Some((Status::Fail, _)) => {}
            Some((Status::Pass, _)) => comparison.resolved.push(entry(None)),
            Some((Status::Unknown, reason)) => comparison.no_longer_observed.push(entry(reason)),
            None if !covered.covers(f) => comparison.out_of_scope += 1,
            None => match covered.hiding(f) {
                Some(gap) => comparison
                    .no_longer_observed
                    .push(entry(Some(gap.reason.to_string()))),
                // Judged again with no finding: the resource is gone, or the
                // check no longer applies to it.
                None => comparison.resolved.push(entry(None)),
            },
        }
    }
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evaluate::{evaluate, Selection};
    use crate::findings::config::Config;
    use crate::model::{Observed, Versioning};
    use crate::testing::{bare_bucket, inventory};

    #[test]
    fn new_unchanged_and_resolved() {
        let only_versioning = Selection {
            checks: vec!["s3.bucket_versioning".into()],
            ..Selection::default()
        };
        let before = evaluate(
            &inventory(vec![
                bare_bucket("a", "us-east-1"),
                bare_bucket("b", "us-east-1"),
            ]),
            &Config::default(),
            &only_versioning,
        );
        let mut fixed = bare_bucket("b", "us-east-1");
        fixed.versioning = Observed::Known(Versioning {
            status: Some("Enabled".into()),
            mfa_delete: false,
        });
        let mut now = evaluate(
            &inventory(vec![
                bare_bucket("a", "us-east-1"),
                fixed,
                bare_bucket("c", "us-east-1"),
            ]),
            &Config::default(),
            &only_versioning,
        );
        let cmp = compare(&mut now, &before, &Coverage::default());
        assert_eq!((cmp.new, cmp.unchanged), (1, 1));
        assert_eq!(cmp.resolved.len(), 1);
        assert_eq!(cmp.resolved[0].resource.id, "b");
        let mark = |id: &str| now.iter().find(|f| f.resource.id == id).unwrap().baseline;
        assert_eq!(mark("a"), Some(BaselineMark::Unchanged));
        assert_eq!(mark("b"), None);
        assert_eq!(mark("c"), Some(BaselineMark::New));
    }

    /// Resolved means judged again and passing, or gone; a FAIL now UNKNOWN,
    /// or hidden by a failed listing, is no longer observed; one outside the
    /// later scan's scope is neither.
    #[test]
    fn resolved_no_longer_observed_and_out_of_scope() {
        use crate::model::{Gap, Unobserved, UnobservedKind};
        let all = Selection::default();
        let buckets = || {
            vec![
                bare_bucket("fixed", "us-east-1"),
                bare_bucket("denied", "us-east-1"),
                bare_bucket("gone", "us-east-1"),
            ]
        };
        let before = evaluate(&inventory(buckets()), &Config::default(), &all);
        let versioning =
            |f: &Finding, id: &str| f.check_id == "s3.bucket_versioning" && f.resource.id == id;
        assert!(before
            .iter()
            .any(|f| versioning(f, "gone") && f.status == Status::Fail));

        let mut later = buckets();
        later[0].versioning = Observed::Known(Versioning {
            status: Some("Enabled".into()),
            mfa_delete: false,
        });
        later[1].versioning = Observed::Unknown(Unobserved::new(
            UnobservedKind::AccessDenied,
            "s3:GetBucketVersioning",
        ));
        later.pop();
        let mut now = evaluate(&inventory(later), &Config::default(), &all);
        let cmp = compare(&mut now, &before, &Coverage::default());
        let ids = |list: &[Resolved]| -> Vec<String> {
            list.iter()
                .filter(|r| r.check_id == "s3.bucket_versioning")
                .map(|r| r.resource.id.to_string())
                .collect()
        };
        assert_eq!(ids(&cmp.resolved), ["fixed", "gone"]);
        assert_eq!(ids(&cmp.no_longer_observed), ["denied"]);
        let denied = cmp
            .no_longer_observed
            .iter()
            .find(|r| r.check_id == "s3.bucket_versioning")
            .unwrap();
        assert_eq!(
            denied.reason.as_deref(),
            Some("access denied: s3:GetBucketVersioning")
        );
        assert_eq!(cmp.out_of_scope, 0);

        // A later scan of Glue only: every S3 failure is out of its scope.
        let mut glue_only = evaluate(
            &inventory(vec![]),
            &Config::default(),
            &Selection {
                services: vec![Service::Glue],
                ..Selection::default()
            },
        );
        let services = [Service::Glue];
        let covered = Coverage {
            services: &services,
            ..Coverage::default()
        };
        let cmp = compare(&mut glue_only, &before, &covered);
        let failed = before.iter().filter(|f| f.status == Status::Fail).count();
        assert_eq!((cmp.resolved.len(), cmp.no_longer_observed.len()), (0, 0));
        assert_eq!(cmp.out_of_scope, failed);

        // A bucket listing that failed hides the buckets: not resolved.
        let gaps = [Gap {
            account_id: None,
            service: Service::S3,
            region: None,
            reason: Unobserved::new(UnobservedKind::AccessDenied, "s3:ListBuckets"),
            checks: vec!["s3.*".into()],
        }];
        let covered = Coverage {
            gaps: &gaps,
            ..Coverage::default()
        };
        let cmp = compare(&mut Vec::new(), &before, &covered);
        assert!(cmp.resolved.is_empty());
        assert_eq!(cmp.no_longer_observed.len(), failed);
        assert_eq!(
            cmp.no_longer_observed[0].reason.as_deref(),
            Some("access denied: s3:ListBuckets")
        );
    }
}
