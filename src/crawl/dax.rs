//! DAX, per region: every cluster, from one paged DescribeClusters.

use aws_sdk_dax::Client;
use lakelint_checks::model::{DaxCluster, DaxInventory, DaxRegion, Observed, Regional};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Collects DAX, region by region.
pub(crate) struct Dax;

const DESCRIBE: &str = "dax:DescribeClusters";

impl Collector for Dax {
    type Section = DaxInventory;
    type Part = DaxRegion;

    const ACTIONS: &'static [Action] = &[Action::read(DESCRIBE, Per::REGION, &["dax.*"])];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> DaxRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                DESCRIBE,
                |token| client.describe_clusters().set_next_token(token).send(),
                |page| {
                    let clusters = page
                        .clusters()
                        .iter()
                        .filter_map(|c| {
                            let name = c.cluster_name()?.to_string();
                            Some(DaxCluster {
                                arn: c.cluster_arn().map_or_else(
                                    || scan.arn("dax", region, &format!("cache/{name}")),
                                    str::to_string,
                                ),
                                name,
                                encryption_at_rest: Observed::reported(
                                    c.sse_description()
                                        .and_then(|s| s.status())
                                        .map(|s| s.as_str().to_string()),
                                    DESCRIBE,
                                    "SSEDescription.Status",
                                ),
                                endpoint_encryption: Observed::reported(
                                    c.cluster_endpoint_encryption_type()
                                        .map(|t| t.as_str().to_string()),
                                    DESCRIBE,
                                    "ClusterEndpointEncryptionType",
                                ),
                            })
                        })
                        .collect();
                    (clusters, page.next_token().map(str::to_string))
                },
            )
            .await;
        DaxRegion {
            region: region.into(),
            clusters: gaps.keep(listed),
        }
    }

    fn assemble(regions: Vec<DaxRegion>) -> DaxInventory {
        Regional { regions }
    }
}
