//! Comparing a scan with an earlier one, so a scheduled scan alerts on what
//! got worse rather than on known debt. Findings match on (account, region,
//! check id, resource ARN).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::findings::finding::{BaselineMark, Finding, ResourceRef, Severity, Status};

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
}

/// How a scan compares with its baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Failing now, not failing in the baseline.
    pub new: usize,
    /// Failing in both.
    pub unchanged: usize,
    /// Failing in the baseline, not failing now.
    pub resolved: Vec<Resolved>,
}

fn key(f: &Finding) -> (&str, &str, &str, &str) {
    (
        &*f.resource.account_id,
        &*f.resource.region,
        &*f.check_id,
        f.resource.arn.as_str(),
    )
}

/// Marks each failing finding of `current` new or unchanged against `baseline`.
pub fn compare(current: &mut [Finding], baseline: &[Finding]) -> Comparison {
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
    let failing_now: HashSet<_> = current
        .iter()
        .filter(|f| f.status == Status::Fail)
        .map(key)
        .collect();
    let resolved = baseline
        .iter()
        .filter(|f| f.status == Status::Fail && !failing_now.contains(&key(f)))
        .map(|f| Resolved {
            check_id: f.check_id.to_string(),
            title: f.title.to_string(),
            severity: f.severity,
            resource: f.resource.clone(),
        })
        .collect();
    Comparison {
        new,
        unchanged,
        resolved,
    }
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
        let cmp = compare(&mut now, &before);
        assert_eq!((cmp.new, cmp.unchanged), (1, 1));
        assert_eq!(cmp.resolved.len(), 1);
        assert_eq!(cmp.resolved[0].resource.id, "b");
        let mark = |id: &str| now.iter().find(|f| f.resource.id == id).unwrap().baseline;
        assert_eq!(mark("a"), Some(BaselineMark::Unchanged));
        assert_eq!(mark("b"), None);
        assert_eq!(mark("c"), Some(BaselineMark::New));
    }
}
