//! Running the selected checks over an inventory.

use std::sync::Arc;

use crate::engine::check::{Check, Context, Judgement};
use crate::engine::registry;
use crate::engine::roles::{BucketRole, Roles};
use crate::findings::config::Config;
use crate::findings::finding::{Finding, Outcome, Pillar, ResourceRef, Severity};
use crate::interpret::pattern::wildcard_match;
use crate::model::{Inventory, Service};

/// Which checks to run; empty lists mean "all".
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only checks of these services.
    pub services: Vec<Service>,
    /// Check ids, or patterns with `*` such as `s3.*`.
    pub checks: Vec<String>,
    /// Only checks that inform these pillars.
    pub pillars: Vec<Pillar>,
    /// Only checks of at least this severity.
    pub min_severity: Option<Severity>,
}

impl Selection {
    /// Whether the selection runs `check`.
    pub fn includes(&self, check: &Check) -> bool {
        (self.services.is_empty() || self.services.contains(&check.service))
            && (self.checks.is_empty() || self.checks.iter().any(|p| wildcard_match(p, check.id)))
            && (self.pillars.is_empty() || check.pillars.iter().any(|p| self.pillars.contains(p)))
            && self.min_severity.is_none_or(|min| check.severity >= min)
    }

    /// Patterns in `checks` that name no check: a typo the user should hear about.
    pub fn unmatched_checks(&self) -> Vec<&str> {
        self.checks
            .iter()
            .filter(|p| !registry::all().any(|c| wildcard_match(p, c.id)))
            .map(String::as_str)
            .collect()
    }
}

/// Every scanned resource with its roles, whether or not a check applies to it.
pub fn resources(inventory: &Inventory, config: &Config) -> Vec<Listed> {
    let roles = Roles::of(inventory, config);
    crate::engine::resource::listed(inventory)
        .into_iter()
        .map(|resource| {
            let bucket = resource.kind == "AwsS3Bucket";
            let (of, incomplete) = match roles.is_data_lake(&resource.id) {
                _ if !bucket => (Vec::new(), None),
                Err(reason) => (roles.of_bucket(&resource.id).to_vec(), Some(reason)),
                Ok(_) => (roles.of_bucket(&resource.id).to_vec(), None),
            };
            Listed {
                resource,
                roles: of,
                roles_incomplete: incomplete,
            }
        })
        .collect()
}

/// A listed resource, with what it is for.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The resource.
    pub resource: ResourceRef,
    /// What a bucket is for (empty for other resources).
    pub roles: Vec<BucketRole>,
    /// Why a bucket may hold the data lake without being known to: Glue not
    /// scanned, or a Glue listing failed.
    pub roles_incomplete: Option<crate::model::Unobserved>,
}

/// Judges the inventory: one finding per selected check and applicable resource.
pub fn evaluate(inventory: &Inventory, config: &Config, selection: &Selection) -> Vec<Finding> {
    let roles = Roles::of(inventory, config);
    let cx = Context {
        inventory,
        config,
        roles: &roles,
    };
    let mut findings = Vec::new();
    // A check judges only what was collected: a service that was not scanned
    // has no resources to pass or fail.
    for check in registry::all().filter(|c| selection.includes(c) && inventory.scanned(c.service)) {
        let remediation = Arc::new(check.remediation.clone());
        let mut judgements = (check.judge)(&cx);
        // An account-wide check may already have said why it could not judge.
        let unjudged: Vec<Judgement> = unlisted(inventory, check)
            .into_iter()
            .filter(|u| !judgements.iter().any(|j| j.resource == u.resource))
            .collect();
        judgements.extend(unjudged);
        judgements.sort_by(|a, b| a.resource.cmp(&b.resource));
        for judgement in judgements {
            let status = judgement.outcome.status();
            let (message, reason) = match judgement.outcome {
                Outcome::Pass(message) | Outcome::Fail(message) => (message, None),
                Outcome::Unknown(ref unobserved) => (
                    unknown_message(unobserved).into(),
                    Some(unobserved.to_string()),
                ),
            };
            findings.push(Finding {
                check_id: check.id.into(),
                title: check.title.into(),
                pillar: check.pillar(),
                pillars: check.pillars.into(),
                severity: judgement.severity.unwrap_or(check.severity),
                status,
                resource: judgement.resource,
                message,
                reason,
                security_hub_control: check.security_hub_control.map(Into::into),
                wa_best_practice: check.wa_best_practice.into(),
                remediation: remediation.clone(),
                muted: false,
                mute_reason: None,
                baseline: None,
            });
        }
    }
    findings
}

/// What an UNKNOWN finding says: the reason, and lakelint's own explanation
/// where it gave one (which field an answer lacked, what it cannot evaluate,
/// which service was not scanned). A service's error message is left out:
/// the reason names the call that failed.
fn unknown_message(unobserved: &crate::model::Unobserved) -> String {
    use crate::model::UnobservedKind::{NotEvaluated, NotReported, NotScanned};
    match (&unobserved.kind, &unobserved.message) {
        (NotReported | NotEvaluated | NotScanned, Some(why)) => {
            format!("could not be evaluated: {why} ({unobserved})")
        }
        _ => format!("could not be evaluated: {unobserved}"),
    }
}

/// A listing of the check's service that failed hid resources the check
/// would have judged: one UNKNOWN finding per region says so, with the reason.
fn unlisted(inventory: &Inventory, check: &Check) -> Vec<Judgement> {
    let mut out: Vec<Judgement> = Vec::new();
    for gap in &inventory.scan.gaps {
        let hides =
            gap.service == check.service && gap.checks.iter().any(|p| wildcard_match(p, check.id));
        if !hides {
            continue;
        }
        // An account-wide listing hid the account's own findings.
        let resource = match gap.region.as_deref() {
            None => crate::engine::resource::account_ref(inventory),
            Some(region) => {
                let account = &inventory.account;
                let arn = format!(
                    "arn:{}:{}:{region}:{}:*",
                    account.partition,
                    check.service.iam_prefix(),
                    account.account_id
                );
                crate::engine::resource::regional_ref(inventory, region, &arn, "unlisted", "Other")
            }
        };
        if out.iter().any(|j| j.resource == resource) {
            continue;
        }
        out.push(Judgement {
            resource,
            outcome: Outcome::Unknown(gap.reason.clone()),
            severity: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::finding::Status;
    use crate::testing::{bare_bucket, inventory, with_trails};

    #[test]
    fn selection_filters_by_every_dimension() {
        let inv = with_trails(inventory(vec![bare_bucket("b", "us-east-1")]), vec![]);
        let run = |selection: Selection| evaluate(&inv, &Config::default(), &selection);

        let all = run(Selection::default());
        assert!(all.iter().any(|f| f.check_id == "s3.bucket_versioning"));
        assert!(all.iter().all(|f| f.status != Status::Unknown));

        let one = run(Selection {
            checks: vec!["s3.bucket_versioning".into()],
            ..Selection::default()
        });
        assert_eq!(one.len(), 1);

        let cost = run(Selection {
            pillars: vec![Pillar::CostOptimization],
            ..Selection::default()
        });
        assert!(!cost.is_empty());
        assert!(cost
            .iter()
            .all(|f| f.pillars.contains(&Pillar::CostOptimization)));

        let high = run(Selection {
            min_severity: Some(Severity::High),
            ..Selection::default()
        });
        assert!(!high.is_empty());
        assert!(high.iter().all(|f| f.severity >= Severity::High));

        assert!(run(Selection {
            services: vec![Service::Glue],
            ..Selection::default()
        })
        .is_empty());
    }

    #[test]
    fn unknown_findings_carry_their_reason() {
        let mut bucket = bare_bucket("b", "us-east-1");
        bucket.versioning = crate::model::Observed::Unknown(crate::model::Unobserved::new(
            crate::model::UnobservedKind::Throttled,
            "s3:GetBucketVersioning",
        ));
        let inv = inventory(vec![bucket]);
        let selection = Selection {
            checks: vec!["s3.bucket_versioning".into()],
            ..Selection::default()
        };
        let findings = evaluate(&inv, &Config::default(), &selection);
        assert_eq!(findings[0].status, Status::Unknown);
        assert_eq!(
            findings[0].reason.as_deref(),
            Some("throttled: s3:GetBucketVersioning")
        );
    }

    #[test]
    fn a_failed_listing_is_one_unknown_finding_per_region_for_the_checks_it_feeds() {
        use crate::model::{Gap, Regional};
        let mut inv = inventory(vec![]);
        inv.glue = Some(Regional::default());
        for region in ["us-east-1", "us-east-1", "eu-west-1"] {
            inv.scan.gaps.push(Gap {
                account_id: None,
                service: Service::Glue,
                region: Some(region.into()),
                reason: crate::testing::denied("glue:GetJobs"),
                checks: vec!["glue.job_*".into()],
            });
        }
        let findings = evaluate(&inv, &Config::default(), &Selection::default());
        let metrics: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.check_id == "glue.job_metrics")
            .collect();
        assert_eq!(metrics.len(), 2, "{metrics:?}");
        for f in &metrics {
            assert_eq!(f.status, Status::Unknown);
            assert_eq!(f.reason.as_deref(), Some("access denied: glue:GetJobs"));
            assert_eq!(f.resource.id, "unlisted");
        }
        assert_eq!(
            metrics[1].resource.arn,
            "arn:aws:glue:us-east-1:123456789012:*"
        );
        // Checks the listing does not feed are untouched.
        assert!(!findings
            .iter()
            .any(|f| f.check_id == "glue.table_partitioned"));
    }

    #[test]
    fn unmatched_patterns_are_reported() {
        let selection = Selection {
            checks: vec!["s3.*".into(), "s3.bucket_versionign".into()],
            ..Selection::default()
        };
        assert_eq!(selection.unmatched_checks(), ["s3.bucket_versionign"]);
    }
}
