//! Check metadata and the registry of every check.

use serde::Serialize;

use crate::config::Config;
use crate::finding::{Outcome, Pillar, Remediation, ResourceRef, Severity};
use crate::model::Inventory;
use crate::pillars;

/// What a check is, independent of any account.
#[derive(Debug, Clone, Serialize)]
pub struct CheckMeta {
    pub id: &'static str,
    pub title: &'static str,
    /// The AWS service the check judges (`s3`, `glue`, …).
    pub service: &'static str,
    /// Resource type in Security Hub's vocabulary.
    pub resource_type: &'static str,
    pub pillar: Pillar,
    /// The primary pillar first, then the others the check informs.
    pub pillars: &'static [Pillar],
    pub severity: Severity,
    pub rationale: &'static str,
    pub remediation: RemediationMeta,
    /// Well-Architected best practice, e.g. `REL09-BP01`.
    pub wa_best_practice: &'static str,
    /// Security Hub control id, only where one exists.
    pub security_hub_control: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RemediationMeta {
    pub text: &'static str,
    /// An AWS CLI line; `<bucket>`-style placeholders name what to fill in.
    pub cli: &'static str,
    pub terraform: &'static str,
}

impl RemediationMeta {
    pub fn to_owned(&self) -> Remediation {
        Remediation {
            text: self.text.into(),
            cli: self.cli.into(),
            terraform: self.terraform.into(),
        }
    }
}

/// What a check needs to judge: the inventory and the user's thresholds.
pub struct Context<'a> {
    pub inventory: &'a Inventory,
    pub config: &'a Config,
}

/// A check's verdict on one resource.
pub struct Judgement {
    pub resource: ResourceRef,
    pub outcome: Outcome,
    /// Overrides the check's severity for this resource (a key pending
    /// deletion is critical when something still uses it).
    pub severity: Option<Severity>,
}

pub struct Check {
    pub meta: CheckMeta,
    pub judge: fn(&Context) -> Vec<Judgement>,
}

/// Every check, in catalog order.
pub fn all() -> Vec<Check> {
    [
        pillars::security::checks(),
        pillars::reliability::checks(),
        pillars::performance_efficiency::checks(),
        pillars::cost_optimization::checks(),
        pillars::sustainability::checks(),
        pillars::operational_excellence::checks(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn check_ids_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for check in all() {
            let id = check.meta.id;
            assert!(seen.insert(id), "duplicate check id {id}");
            let (service, subject) = id.split_once('.').expect("id is service.subject");
            assert_eq!(service, check.meta.service, "{id}: service prefix");
            assert!(
                subject
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{id}: subject is snake_case"
            );
        }
    }

    #[test]
    fn metadata_is_complete() {
        for check in all() {
            let m = &check.meta;
            assert_eq!(
                m.pillars.first(),
                Some(&m.pillar),
                "{}: primary pillar first",
                m.id
            );
            for text in [
                m.title,
                m.rationale,
                m.remediation.text,
                m.remediation.cli,
                m.remediation.terraform,
            ] {
                assert!(!text.trim().is_empty(), "{}: empty metadata", m.id);
            }
            assert!(m.remediation.cli.starts_with("aws "), "{}: CLI line", m.id);
            let bp = m.wa_best_practice;
            let (area, practice) = bp.split_once("-BP").expect("best practice id");
            assert!(
                ["OPS", "SEC", "REL", "PERF", "COST", "SUS"]
                    .iter()
                    .any(|p| area.starts_with(p) && area[p.len()..].parse::<u8>().is_ok()),
                "{}: {bp}",
                m.id
            );
            assert!(practice.parse::<u8>().is_ok(), "{}: {bp}", m.id);
        }
    }
}
