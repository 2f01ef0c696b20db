//! Amazon MSK, per region: every cluster, provisioned and serverless, as
//! ListClustersV2 describes it (no call per cluster).

use aws_sdk_kafka::types::{Cluster, Provisioned};
use aws_sdk_kafka::Client;
use lakelint_checks::model::{
    MskAuthentication, MskCluster, MskInventory, MskProvisioned, MskRegion, Observed, Regional,
    Unobserved,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Collects MSK, region by region.
pub(crate) struct Msk;

const LIST: &str = "kafka:ListClustersV2";

impl Collector for Msk {
    type Section = MskInventory;
    type Part = MskRegion;

    const ACTIONS: &'static [Action] = &[Action::read_as(
        LIST,
        "kafka:ListClustersV2",
        Per::REGION,
        &["msk.*", "kms.key_in_use_usable"],
    )];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> MskRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                LIST,
                |token| {
                    client
                        .list_clusters_v2()
                        .max_results(100)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let clusters = page
                        .cluster_info_list()
                        .iter()
                        .filter_map(cluster)
                        .collect();
                    (clusters, page.next_token().map(str::to_string))
                },
            )
            .await;
        MskRegion {
            region: region.into(),
            clusters: gaps.keep(listed),
        }
    }

    fn assemble(regions: Vec<MskRegion>) -> MskInventory {
        Regional { regions }
    }
}

fn cluster(c: &Cluster) -> Option<MskCluster> {
    // Serverless clusters are TLS-only, IAM-only and private by design; only
    // the cluster type says a cluster is one, never a missing block.
    let serverless = match c.cluster_type() {
        Some(t) => t.as_str() == "SERVERLESS",
        None => c.serverless().is_some() && c.provisioned().is_none(),
    };
    Some(MskCluster {
        name: c.cluster_name()?.to_string(),
        arn: c.cluster_arn()?.to_string(),
        provisioned: (!serverless).then(|| match c.provisioned() {
            Some(p) => provisioned(p),
            None => unreported(),
        }),
    })
}

/// A provisioned cluster whose settings the answer left out.
fn unreported() -> MskProvisioned {
    let missing = || Unobserved::not_reported(LIST, "Provisioned");
    MskProvisioned {
        client_broker: Observed::Unknown(missing()),
        in_cluster: Observed::Unknown(missing()),
        authentication: Observed::Unknown(missing()),
        public_access: Observed::Unknown(missing()),
        broker_logs: Observed::Unknown(missing()),
        data_volume_kms_key: Observed::Unknown(missing()),
    }
}

fn provisioned(p: &Provisioned) -> MskProvisioned {
    let transit = p.encryption_info().and_then(|e| e.encryption_in_transit());
    // Logging info left out means no broker logs are delivered.
    let logs = p.logging_info().and_then(|l| l.broker_logs());
    let mut broker_logs = Vec::new();
    if let Some(logs) = logs {
        let on = [
            (
                logs.cloud_watch_logs().and_then(|d| d.enabled()),
                "CloudWatchLogs",
            ),
            (logs.firehose().and_then(|d| d.enabled()), "Firehose"),
            (logs.s3().and_then(|d| d.enabled()), "S3"),
        ];
        broker_logs = on
            .into_iter()
            .filter(|(enabled, _)| *enabled == Some(true))
            .map(|(_, name)| name.to_string())
            .collect();
    }
    MskProvisioned {
        client_broker: Observed::reported(
            transit
                .and_then(|t| t.client_broker())
                .map(|c| c.as_str().to_string()),
            LIST,
            "EncryptionInTransit.ClientBroker",
        ),
        in_cluster: Observed::reported(
            transit.and_then(|t| t.in_cluster()),
            LIST,
            "EncryptionInTransit.InCluster",
        ),
        // A method the answer leaves out is off; the block left out, or
        // empty, tells nothing.
        authentication: p
            .client_authentication()
            .filter(|a| a.sasl().is_some() || a.tls().is_some() || a.unauthenticated().is_some())
            .map(|a| {
                let sasl = a.sasl();
                MskAuthentication {
                    unauthenticated: a.unauthenticated().and_then(|u| u.enabled()) == Some(true),
                    iam: sasl.and_then(|s| s.iam()).and_then(|i| i.enabled()) == Some(true),
                    scram: sasl.and_then(|s| s.scram()).and_then(|s| s.enabled()) == Some(true),
                    tls: a.tls().and_then(|t| t.enabled()) == Some(true),
                }
            })
            .ok_or_else(|| Unobserved::not_reported(LIST, "ClientAuthentication"))
            .into(),
        public_access: Observed::reported(
            p.broker_node_group_info()
                .and_then(|b| b.connectivity_info())
                .and_then(|c| c.public_access())
                .and_then(|a| a.r#type())
                .map(str::to_string),
            LIST,
            "ConnectivityInfo.PublicAccess.Type",
        ),
        broker_logs: Observed::Known(broker_logs),
        data_volume_kms_key: Observed::reported(
            p.encryption_info()
                .and_then(|e| e.encryption_at_rest())
                .and_then(|r| r.data_volume_kms_key_id())
                .map(str::to_string),
            LIST,
            "EncryptionAtRest.DataVolumeKMSKeyId",
        ),
    }
}
