//! The Well-Architected Tool: the account's workloads, listed once in the
//! home region, and each workload's latest milestone.

use aws_sdk_wellarchitected::Client;
use lakelint_checks::model::{Observed, Unobserved, WellArchitectedInventory, Workload};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{per_resource, rfc3339, Collector, Gaps, Scan};

/// Collects the Well-Architected Tool's workloads.
pub(crate) struct WellArchitected;

const LIST: &str = "wellarchitected:ListWorkloads";
const MILESTONES: &str = "wellarchitected:ListMilestones";

/// Once per workload.
const WORKLOAD: Per = Per::new("Well-Architected workload", |inventory| {
    inventory
        .wellarchitected
        .as_ref()
        .map_or(0, |w| w.workloads.len() as u64)
});

impl Collector for WellArchitected {
    type Section = WellArchitectedInventory;
    type Part = WellArchitectedInventory;

    const ACTIONS: &'static [Action] = &[
        Action::read(LIST, Per::ACCOUNT, &["wellarchitected.workload_reviewed"]),
        // Every workload's, not only those updated long ago: a saved
        // inventory may be judged again with another review window.
        Action::read(MILESTONES, WORKLOAD, &["wellarchitected.workload_reviewed"]),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> Self::Part {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                LIST,
                |token| client.list_workloads().set_next_token(token).send(),
                |page| {
                    let workloads = page
                        .workload_summaries()
                        .iter()
                        .filter_map(|w| {
                            Some((
                                w.workload_id()?.to_string(),
                                w.workload_arn()?.to_string(),
                                w.workload_name().unwrap_or_default().to_string(),
                                Observed::reported(
                                    w.updated_at().and_then(rfc3339),
                                    LIST,
                                    "UpdatedAt",
                                ),
                            ))
                        })
                        .collect();
                    (workloads, page.next_token().map(str::to_string))
                },
            )
            .await;
        let workloads = per_resource(gaps.keep(listed), |(id, arn, name, updated_at)| {
            let client = &client;
            async move {
                let latest_milestone = latest_milestone(scan, client, &id).await.into();
                Workload {
                    id,
                    arn,
                    name,
                    updated_at,
                    latest_milestone,
                }
            }
        })
        .await;
        WellArchitectedInventory {
            region: region.into(),
            workloads,
        }
    }

    fn assemble(mut parts: Vec<Self::Part>) -> Self::Section {
        parts.pop().expect("an account-wide collector runs once")
    }
}

/// When the workload's latest milestone was recorded; `None` without milestones.
async fn latest_milestone(
    scan: &Scan<'_>,
    client: &Client,
    id: &str,
) -> Result<Option<String>, Unobserved> {
    let recorded = scan
        .calls
        .pages(
            MILESTONES,
            |token| {
                client
                    .list_milestones()
                    .workload_id(id)
                    .max_results(50)
                    .set_next_token(token)
                    .send()
            },
            |page| {
                let times: Vec<Option<aws_smithy_types::DateTime>> = page
                    .milestone_summaries()
                    .iter()
                    .map(|m| m.recorded_at().copied())
                    .collect();
                (times, page.next_token().map(str::to_string))
            },
        )
        .await?;
    let mut latest: Option<aws_smithy_types::DateTime> = None;
    for time in recorded {
        let time = time.ok_or_else(|| Unobserved::not_reported(MILESTONES, "RecordedAt"))?;
        if latest.is_none_or(|l| time > l) {
            latest = Some(time);
        }
    }
    Ok(latest.as_ref().and_then(rfc3339))
}
