//! The Well-Architected Tool checks of this pillar.

use crate::engine::check::{Context, Judgement};
use crate::engine::inputs::days_before_scan;
use crate::engine::resource::{account_ref, one};
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{Service, Unobserved};

crate::checks! {
    "wellarchitected.workload_reviewed" {
        title: "The account's workloads are reviewed in the Well-Architected Tool",
        resource: "AwsAccount",
        severity: Low,
        practice: "OPS11-BP01",
        rationale: "A Well-Architected review is where the risks no scanner can see \
            (runbooks, recovery tests, ownership) are found; a review left for months \
            describes a platform that no longer exists.",
        remediation: "Define the data platform as a workload in the Well-Architected Tool \
            (with the Data Analytics lens) and review it at least twice a year.",
        cli: "aws wellarchitected create-workload --workload-name <workload> --description <description> --environment PRODUCTION --lenses wellarchitected --review-owner <owner> --aws-regions <region>",
        judge: workload_reviewed,
    }
}

fn workload_reviewed(cx: &Context) -> Vec<Judgement> {
    let Some(wa) = &cx.inventory.wellarchitected else {
        return Vec::new();
    };
    one(account_ref(cx.inventory), judge(cx, wa))
}

fn judge(cx: &Context, wa: &crate::model::WellArchitectedInventory) -> Judged {
    // Workloads that could not be listed may include a reviewed one.
    if let Some(gap) = cx.inventory.gap(Service::WellArchitected, None) {
        return Err(gap.reason.clone());
    }
    if wa.workloads.is_empty() {
        return fail("no workload is defined in the Well-Architected Tool");
    }
    let limit = i64::from(cx.config.wellarchitected.review_max_age_days);
    // The newest of each workload's update and latest milestone.
    let mut newest: Option<(i64, &str, &str)> = None;
    let mut unreadable: Option<Unobserved> = None;
    for w in &wa.workloads {
        let milestone = w.latest_milestone.get().map(|m| m.as_deref());
        for (what, when) in [
            ("updated", w.updated_at.get().map(|t| Some(t.as_str()))),
            ("given a milestone", milestone),
        ] {
            match when.and_then(|t| t.map(|t| days_before_scan(cx.inventory, t)).transpose()) {
                Ok(Some(days)) if newest.is_none_or(|(d, ..)| days < d) => {
                    newest = Some((days, &w.name, what))
                }
                Ok(_) => {}
                Err(reason) => unreadable = Some(reason),
            }
        }
    }
    match newest {
        Some((days, name, what)) if days <= limit => {
            pass(format!("workload {name} was {what} {days} days before the scan"))
        }
        // An unreadable date may be the recent one.
        _ if unreadable.is_some() => Err(unreadable.expect("checked")),
        Some((days, name, what)) => fail(format!(
            "the most recently reviewed workload, {name}, was {what} {days} days before the scan (limit {limit})"
        )),
        None => fail("no workload is defined in the Well-Architected Tool"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn workload(name: &str, updated: Observed<String>) -> Workload {
        Workload {
            id: name.into(),
            arn: format!("arn:aws:wellarchitected:us-east-1:123456789012:workload/{name}"),
            name: name.into(),
            updated_at: updated,
            latest_milestone: Observed::Known(None),
        }
    }

    fn verdict(workloads: Vec<Workload>) -> Vec<crate::findings::finding::Status> {
        let mut inv = inventory(vec![]);
        inv.wellarchitected = Some(WellArchitectedInventory {
            region: "us-east-1".into(),
            workloads,
        });
        statuses("wellarchitected.workload_reviewed", &inv)
    }

    #[test]
    fn reviews_by_age() {
        let at = |t: &str| Observed::Known(t.to_string());
        assert_eq!(verdict(vec![]), [Fail]);
        assert_eq!(
            verdict(vec![workload("old", at("2025-01-01T00:00:00Z"))]),
            [Fail]
        );
        assert_eq!(
            verdict(vec![
                workload("old", at("2025-01-01T00:00:00Z")),
                workload("new", at("2026-10-01T00:00:00Z"))
            ]),
            [Pass]
        );
        let unknown = Observed::Unknown(Unobserved::not_reported(
            "wellarchitected:ListWorkloads",
            "UpdatedAt",
        ));
        assert_eq!(
            verdict(vec![
                workload("old", at("2025-01-01T00:00:00Z")),
                workload("?", unknown.clone())
            ]),
            [Unknown]
        );
        assert_eq!(
            verdict(vec![
                workload("new", at("2026-10-01T00:00:00Z")),
                workload("?", unknown)
            ]),
            [Pass]
        );
    }

    /// A milestone recorded in the window is a review, even when the
    /// workload itself was last updated long ago.
    #[test]
    fn milestones_count_as_reviews() {
        let at = |t: &str| Observed::Known(t.to_string());
        let mut old = workload("old", at("2025-01-01T00:00:00Z"));
        old.latest_milestone = Observed::Known(Some("2026-11-01T00:00:00Z".into()));
        assert_eq!(verdict(vec![old.clone()]), [Pass]);
        old.latest_milestone = Observed::Known(Some("2025-02-01T00:00:00Z".into()));
        assert_eq!(verdict(vec![old.clone()]), [Fail]);
        old.latest_milestone = Observed::Unknown(Unobserved::new(
            UnobservedKind::AccessDenied,
            "wellarchitected:ListMilestones",
        ));
        assert_eq!(verdict(vec![old]), [Unknown]);
    }

    #[test]
    fn unlisted_workloads_are_unknown() {
        let mut inv = inventory(vec![]);
        inv.wellarchitected = Some(WellArchitectedInventory {
            region: "us-east-1".into(),
            workloads: vec![],
        });
        deny_listing(
            &mut inv,
            Service::WellArchitected,
            None,
            "wellarchitected:ListWorkloads",
        );
        assert_eq!(
            statuses("wellarchitected.workload_reviewed", &inv),
            [Unknown]
        );
    }
}
