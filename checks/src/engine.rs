//! Running the selected checks over an inventory.

use crate::catalog::{self, Check, Context};
use crate::config::Config;
use crate::finding::{Finding, Outcome, Pillar, ResourceRef, Severity};
use crate::model::BucketRole;
use crate::model::Inventory;
use crate::pillars::{self, GlueResource};

/// Which checks to run; empty lists mean "all".
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub services: Vec<String>,
    /// Check ids, or patterns with `*` such as `s3.*`.
    pub checks: Vec<String>,
    pub pillars: Vec<Pillar>,
    pub min_severity: Option<Severity>,
}

impl Selection {
    pub fn includes(&self, check: &Check) -> bool {
        let m = &check.meta;
        (self.services.is_empty() || self.services.iter().any(|s| s == m.service))
            && (self.checks.is_empty()
                || self
                    .checks
                    .iter()
                    .any(|p| crate::config::wildcard_match(p, m.id)))
            && (self.pillars.is_empty() || m.pillars.iter().any(|p| self.pillars.contains(p)))
            && self.min_severity.is_none_or(|min| m.severity >= min)
    }

    /// Patterns in `checks` that name no check: a typo the user should hear about.
    pub fn unmatched_checks(&self) -> Vec<&str> {
        let all = catalog::all();
        self.checks
            .iter()
            .filter(|p| {
                !all.iter()
                    .any(|c| crate::config::wildcard_match(p, c.meta.id))
            })
            .map(String::as_str)
            .collect()
    }
}

/// Every scanned resource with its roles, whether or not a check applies to it.
pub fn resources(inventory: &Inventory) -> Vec<(ResourceRef, Vec<BucketRole>)> {
    let mut out = Vec::new();
    if let Some(s3) = &inventory.s3 {
        out.push((pillars::account_ref(inventory), Vec::new()));
        for b in &s3.buckets {
            out.push((pillars::bucket_ref(inventory, b), b.roles.clone()));
        }
    }
    if let Some(glue) = &inventory.glue {
        for r in &glue.regions {
            let region = r.region.as_str();
            out.push((pillars::catalog_ref(inventory, region), Vec::new()));
            let configs = r.security_configurations.known().into_iter().flatten();
            let refs = configs
                .map(|c| pillars::security_configuration_ref(inventory, region, &c.name))
                .chain(r.jobs.iter().map(|j| j.reference(inventory, region)))
                .chain(r.crawlers.iter().map(|c| c.reference(inventory, region)))
                .chain(r.tables.iter().map(|t| t.reference(inventory, region)));
            out.extend(refs.map(|reference| (reference, Vec::new())));
        }
    }
    if let Some(redshift) = &inventory.redshift {
        for r in &redshift.regions {
            let refs = r.clusters.iter().map(|c| c.reference(inventory, &r.region));
            out.extend(refs.map(|reference| (reference, Vec::new())));
        }
    }
    if let Some(kms) = &inventory.kms {
        for r in &kms.regions {
            let keys = r.keys.iter().filter(|k| k.is_customer_managed());
            out.extend(keys.map(|k| (pillars::key_ref(inventory, &r.region, k), Vec::new())));
        }
    }
    if let Some(cloudtrail) = &inventory.cloudtrail {
        out.extend(
            cloudtrail
                .trails
                .iter()
                .map(|t| (pillars::trail_ref(inventory, t), Vec::new())),
        );
        if inventory.s3.is_none() {
            out.push((pillars::account_ref(inventory), Vec::new()));
        }
    }
    if let Some(emr) = &inventory.emr {
        for r in &emr.regions {
            let region = r.region.as_str();
            let refs =
                std::iter::once(pillars::emr_block_public_access_ref(inventory, region))
                    .chain(r.security_configurations.keys().map(|name| {
                        pillars::emr_security_configuration_ref(inventory, region, name)
                    }))
                    .chain(r.clusters.iter().map(|c| c.reference(inventory, region)));
            out.extend(refs.map(|reference| (reference, Vec::new())));
        }
    }
    out
}

/// Judges the inventory: one finding per selected check and applicable resource.
pub fn evaluate(inventory: &Inventory, config: &Config, selection: &Selection) -> Vec<Finding> {
    let cx = Context { inventory, config };
    let mut findings = Vec::new();
    // A check judges only what was collected: a service that was not scanned
    // has no resources to pass or fail.
    let scanned = |c: &Check| inventory.scan.services.iter().any(|s| s == c.meta.service);
    for check in catalog::all()
        .iter()
        .filter(|c| selection.includes(c) && scanned(c))
    {
        let m = &check.meta;
        let remediation = std::sync::Arc::new(m.remediation.to_owned());
        let mut judgements = (check.judge)(&cx);
        judgements.sort_by(|a, b| a.resource.cmp(&b.resource));
        for judgement in judgements {
            let status = judgement.outcome.status();
            let (message, reason) = match judgement.outcome {
                Outcome::Pass(message) | Outcome::Fail(message) => (message, None),
                Outcome::Unknown(ref unobserved) => (
                    format!("could not be evaluated: {unobserved}").into(),
                    Some(unobserved.to_string()),
                ),
            };
            findings.push(Finding {
                check_id: m.id.into(),
                title: m.title.into(),
                pillar: m.pillar,
                pillars: m.pillars.into(),
                severity: judgement.severity.unwrap_or(m.severity),
                status,
                resource: judgement.resource,
                message,
                reason,
                security_hub_control: m.security_hub_control.map(Into::into),
                wa_best_practice: m.wa_best_practice.into(),
                remediation: remediation.clone(),
                muted: false,
                mute_reason: None,
                baseline: None,
            });
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Status;
    use crate::pillars::testing::{bare_bucket, inventory};

    #[test]
    fn selection_filters_by_every_dimension() {
        let inv = inventory(vec![bare_bucket("b", "us-east-1")]);
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
            services: vec!["glue".into()],
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
    fn unmatched_patterns_are_reported() {
        let selection = Selection {
            checks: vec!["s3.*".into(), "s3.bucket_versionign".into()],
            ..Selection::default()
        };
        assert_eq!(selection.unmatched_checks(), ["s3.bucket_versionign"]);
    }
}
