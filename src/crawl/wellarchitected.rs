//! The Well-Architected Tool: the account's workloads, listed once in the home region.

use aws_sdk_wellarchitected::Client;
use lakelint_checks::model::{Observed, WellArchitectedInventory, Workload};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{rfc3339, Collector, Gaps, Scan};

/// Collects the Well-Architected Tool's workloads.
pub(crate) struct WellArchitected;

const LIST: &str = "wellarchitected:ListWorkloads";

impl Collector for WellArchitected {
    type Section = WellArchitectedInventory;
    type Part = WellArchitectedInventory;

    const ACTIONS: &'static [Action] = &[Action::read(
        LIST,
        Per::ACCOUNT,
        &["wellarchitected.workload_reviewed"],
    )];

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
                            Some(Workload {
                                id: w.workload_id()?.to_string(),
                                arn: w.workload_arn()?.to_string(),
                                name: w.workload_name().unwrap_or_default().to_string(),
                                updated_at: Observed::reported(
                                    w.updated_at().and_then(rfc3339),
                                    LIST,
                                    "UpdatedAt",
                                ),
                            })
                        })
                        .collect();
                    (workloads, page.next_token().map(str::to_string))
                },
            )
            .await;
        WellArchitectedInventory {
            region: region.into(),
            workloads: gaps.keep(listed),
        }
    }

    fn assemble(mut parts: Vec<Self::Part>) -> Self::Section {
        parts.pop().expect("an account-wide collector runs once")
    }
}
