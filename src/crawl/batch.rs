//! AWS Batch, per region: every compute environment, from one listing.

use aws_sdk_batch::Client;
use lakelint_checks::model::{BatchInventory, BatchRegion, ComputeEnvironment, Observed, Regional};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Collects Batch, region by region.
pub(crate) struct Batch;

const DESCRIBE: &str = "batch:DescribeComputeEnvironments";

impl Collector for Batch {
    type Section = BatchInventory;
    type Part = BatchRegion;

    const ACTIONS: &'static [Action] = &[Action::read(DESCRIBE, Per::REGION, &["batch.*"])];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> BatchRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                DESCRIBE,
                |token| {
                    client
                        .describe_compute_environments()
                        .max_results(100)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let found = page
                        .compute_environments()
                        .iter()
                        .filter_map(|c| {
                            Some(ComputeEnvironment {
                                name: c.compute_environment_name()?.to_string(),
                                arn: c.compute_environment_arn()?.to_string(),
                                kind: Observed::reported(
                                    c.r#type().map(|t| t.as_str().to_string()),
                                    DESCRIBE,
                                    "type",
                                ),
                                capacity: Observed::reported(
                                    c.compute_resources()
                                        .and_then(|r| r.r#type())
                                        .map(|t| t.as_str().to_string()),
                                    DESCRIBE,
                                    "computeResources.type",
                                ),
                            })
                        })
                        .collect();
                    (found, page.next_token().map(str::to_string))
                },
            )
            .await;
        BatchRegion {
            region: region.into(),
            compute_environments: gaps.keep(listed),
        }
    }

    fn assemble(regions: Vec<BatchRegion>) -> BatchInventory {
        Regional { regions }
    }
}
