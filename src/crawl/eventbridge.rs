//! EventBridge, per region: the rules of the default event bus (where Glue
//! and the other AWS services deliver their events), with their patterns.

use aws_sdk_eventbridge::Client;
use lakelint_checks::model::{EventBridgeInventory, EventBridgeRegion, EventRule, Regional};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Collects EventBridge, region by region.
pub(crate) struct EventBridge;

impl Collector for EventBridge {
    type Section = EventBridgeInventory;
    type Part = EventBridgeRegion;

    // ListRules carries each rule's event pattern: no DescribeRule per rule.
    const ACTIONS: &'static [Action] = &[Action::read(
        "events:ListRules",
        Per::REGION,
        &[
            "glue.job_failure_alerting",
            "stepfunctions.state_machine_failure_alerting",
        ],
    )];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> EventBridgeRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                "events:ListRules",
                |token| client.list_rules().limit(100).set_next_token(token).send(),
                |page| {
                    let rules = page
                        .rules()
                        .iter()
                        .filter_map(|r| {
                            Some(EventRule {
                                name: r.name()?.to_string(),
                                arn: r.arn()?.to_string(),
                                state: r.state().map(|s| s.as_str().to_string()),
                                event_pattern: r.event_pattern().map(str::to_string),
                            })
                        })
                        .collect();
                    (rules, page.next_token().map(str::to_string))
                },
            )
            .await;
        EventBridgeRegion {
            region: region.into(),
            rules: gaps.keep(listed),
        }
    }

    fn assemble(regions: Vec<EventBridgeRegion>) -> EventBridgeInventory {
        Regional { regions }
    }
}
