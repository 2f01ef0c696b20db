//! Amazon Data Firehose, per region: every stream, and each one's source,
//! encryption and destinations.

use aws_sdk_firehose::types::{CloudWatchLoggingOptions, DestinationDescription};
use aws_sdk_firehose::Client;
use lakelint_checks::model::{
    DeliveryStream, DeliveryStreamDescription, FirehoseDestination, FirehoseInventory,
    FirehoseRegion, Observed, Regional, Unobserved,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{per_resource, Collector, Gaps, Scan};

/// Collects Firehose, region by region.
pub(crate) struct Firehose;

/// Once per stream.
const STREAM: Per = Per::new("Firehose stream", |inventory| {
    per_region(inventory.firehose.as_ref(), |r| r.streams.len())
});

const LIST: &str = "firehose:ListDeliveryStreams";
const DESCRIBE: &str = "firehose:DescribeDeliveryStream";

impl Collector for Firehose {
    type Section = FirehoseInventory;
    type Part = FirehoseRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(DESCRIBE, STREAM, &["firehose.*", "kms.key_in_use_usable"]),
        Action::read(LIST, Per::REGION, &["firehose.*"]),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> FirehoseRegion {
        let client = Client::new(&scan.sdk_in(region));
        // Pages continue after the last name of the one before.
        let listed = scan
            .calls
            .pages(
                LIST,
                |after| {
                    client
                        .list_delivery_streams()
                        .limit(10_000)
                        .set_exclusive_start_delivery_stream_name(after)
                        .send()
                },
                |page| {
                    let names = page.delivery_stream_names().to_vec();
                    let next = page
                        .has_more_delivery_streams()
                        .then(|| names.last().cloned())
                        .flatten();
                    (names, next)
                },
            )
            .await;
        let streams = per_resource(gaps.keep(listed), |name: String| {
            let client = &client;
            async move {
                let described = describe(scan, client, &name).await;
                let arn = described
                    .as_ref()
                    .ok()
                    .map(|(arn, _)| arn.clone())
                    .unwrap_or_else(|| {
                        scan.arn("firehose", region, &format!("deliverystream/{name}"))
                    });
                DeliveryStream {
                    description: described.map(|(_, d)| d).into(),
                    name,
                    arn,
                }
            }
        })
        .await;
        FirehoseRegion {
            region: region.into(),
            streams,
        }
    }

    fn assemble(regions: Vec<FirehoseRegion>) -> FirehoseInventory {
        Regional { regions }
    }
}

async fn describe(
    scan: &Scan<'_>,
    client: &Client,
    name: &str,
) -> Result<(String, DeliveryStreamDescription), Unobserved> {
    let out = scan
        .calls
        .run(DESCRIBE, || {
            client
                .describe_delivery_stream()
                .delivery_stream_name(name)
                .send()
        })
        .await?;
    let d = out
        .delivery_stream_description()
        .ok_or_else(|| Unobserved::not_reported(DESCRIBE, "DeliveryStreamDescription"))?;
    let encryption = d.delivery_stream_encryption_configuration();
    Ok((
        d.delivery_stream_arn().to_string(),
        DeliveryStreamDescription {
            source: Observed::Known(d.delivery_stream_type().as_str().to_string()),
            encryption_status: encryption
                .and_then(|e| e.status())
                .map(|s| s.as_str().to_string()),
            kms_key: encryption
                .filter(|e| {
                    e.key_type()
                        .is_some_and(|k| k.as_str() == "CUSTOMER_MANAGED_CMK")
                })
                .and_then(|e| e.key_arn())
                .map(str::to_string),
            destinations: d.destinations().iter().filter_map(destination).collect(),
        },
    ))
}

/// A destination's kind, error logging and, for S3, compression. Logging
/// options omitted mean logging was never turned on.
fn destination(d: &DestinationDescription) -> Option<FirehoseDestination> {
    let logging =
        |o: Option<&CloudWatchLoggingOptions>| o.and_then(|o| o.enabled()).unwrap_or(false);
    let other = |kind: &str, o: Option<&CloudWatchLoggingOptions>| FirehoseDestination {
        kind: kind.into(),
        error_logging: logging(o),
        compression: None,
        format_conversion: false,
    };
    if let Some(s3) = d.extended_s3_destination_description() {
        return Some(FirehoseDestination {
            kind: "ExtendedS3".into(),
            error_logging: logging(s3.cloud_watch_logging_options()),
            compression: Some(s3.compression_format().as_str().to_string()),
            // A conversion configuration is on unless it says otherwise.
            format_conversion: s3
                .data_format_conversion_configuration()
                .is_some_and(|c| c.enabled().unwrap_or(true)),
        });
    }
    if let Some(s3) = d.s3_destination_description() {
        return Some(FirehoseDestination {
            kind: "S3".into(),
            error_logging: logging(s3.cloud_watch_logging_options()),
            compression: Some(s3.compression_format().as_str().to_string()),
            format_conversion: false,
        });
    }
    Some(if let Some(x) = d.redshift_destination_description() {
        other("Redshift", x.cloud_watch_logging_options())
    } else if let Some(x) = d.amazonopensearchservice_destination_description() {
        other("OpenSearch", x.cloud_watch_logging_options())
    } else if let Some(x) = d.elasticsearch_destination_description() {
        other("Elasticsearch", x.cloud_watch_logging_options())
    } else if let Some(x) = d.amazon_open_search_serverless_destination_description() {
        other("OpenSearchServerless", x.cloud_watch_logging_options())
    } else if let Some(x) = d.splunk_destination_description() {
        other("Splunk", x.cloud_watch_logging_options())
    } else if let Some(x) = d.http_endpoint_destination_description() {
        other("HttpEndpoint", x.cloud_watch_logging_options())
    } else if let Some(x) = d.snowflake_destination_description() {
        other("Snowflake", x.cloud_watch_logging_options())
    } else if let Some(x) = d.iceberg_destination_description() {
        other("Iceberg", x.cloud_watch_logging_options())
    } else {
        return None;
    })
}
