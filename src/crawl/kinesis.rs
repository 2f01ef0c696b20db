//! Kinesis Data Streams, per region: every stream, and each one's summary
//! (encryption and retention). ListStreams and DescribeStreamSummary have
//! low documented rates (see `pace.rs`).

use aws_sdk_kinesis::Client;
use lakelint_checks::model::{
    KinesisInventory, KinesisRegion, KinesisStream, Observed, Regional, StreamSummary, Unobserved,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{per_resource, Collector, Gaps, Scan};

/// Collects Kinesis, region by region.
pub(crate) struct Kinesis;

/// Once per stream.
const STREAM: Per = Per::new("Kinesis stream", |inventory| {
    per_region(inventory.kinesis.as_ref(), |r| r.streams.len())
});

const LIST: &str = "kinesis:ListStreams";
const DESCRIBE: &str = "kinesis:DescribeStreamSummary";

impl Collector for Kinesis {
    type Section = KinesisInventory;
    type Part = KinesisRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(DESCRIBE, STREAM, &["kinesis.*", "kms.key_in_use_usable"]),
        Action::read(
            LIST,
            Per::REGION,
            &["kinesis.*", "lambda.event_source_failure_destination"],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> KinesisRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                LIST,
                |token| {
                    client
                        .list_streams()
                        .limit(1000)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let mut streams: Vec<(String, String)> = page
                        .stream_summaries()
                        .iter()
                        .map(|s| (s.stream_name().to_string(), s.stream_arn().to_string()))
                        .collect();
                    // An endpoint that answers names only: the ARN follows from them.
                    if streams.is_empty() {
                        streams = page
                            .stream_names()
                            .iter()
                            .map(|n| {
                                (
                                    n.clone(),
                                    scan.arn("kinesis", region, &format!("stream/{n}")),
                                )
                            })
                            .collect();
                    }
                    let next = page
                        .has_more_streams()
                        .then(|| page.next_token().map(str::to_string))
                        .flatten();
                    (streams, next)
                },
            )
            .await;
        let streams = per_resource(gaps.keep(listed), |(name, arn): (String, String)| {
            let client = &client;
            async move {
                KinesisStream {
                    summary: summary(scan, client, &arn).await.into(),
                    name,
                    arn,
                }
            }
        })
        .await;
        KinesisRegion {
            region: region.into(),
            streams,
        }
    }

    fn assemble(regions: Vec<KinesisRegion>) -> KinesisInventory {
        Regional { regions }
    }
}

async fn summary(scan: &Scan<'_>, client: &Client, arn: &str) -> Result<StreamSummary, Unobserved> {
    let out = scan
        .calls
        .run(DESCRIBE, || {
            client.describe_stream_summary().stream_arn(arn).send()
        })
        .await?;
    let s = out
        .stream_description_summary()
        .ok_or_else(|| Unobserved::not_reported(DESCRIBE, "StreamDescriptionSummary"))?;
    Ok(StreamSummary {
        encryption_type: Observed::reported(
            s.encryption_type().map(|e| e.as_str().to_string()),
            DESCRIBE,
            "EncryptionType",
        ),
        kms_key: s.key_id().map(str::to_string),
        retention_hours: Observed::Known(s.retention_period_hours()),
    })
}
