//! The Lambda checks of this pillar.

use crate::engine::check::{Context, Judgement};
use crate::engine::resource::{each, one, regional_ref};
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{EventSourceMapping, Inventory, LambdaRegion};

crate::checks! {
    "lambda.event_source_failure_destination" {
        title: "Lambda stream event source sends failed batches somewhere",
        resource: "AwsLambdaEventSourceMapping",
        severity: Medium,
        practice: "REL05-BP01",
        rationale: "A Kinesis, DynamoDB Streams or MSK mapping retries a failing batch \
            until the records expire, then drops them; an on-failure destination keeps \
            a record of what was lost so it can be replayed.",
        remediation: "Add an on-failure destination (an SQS queue or SNS topic) to the \
            mapping, and bound its retries.",
        cli: "aws lambda update-event-source-mapping --uuid <mapping-uuid> --destination-config 'OnFailure={Destination=<queue-arn>}' --maximum-retry-attempts 3",
        judge: failure_destination,
    }
}

fn failure_destination(cx: &Context) -> Vec<Judgement> {
    let mut out = each(cx, |m: &EventSourceMapping, _: &LambdaRegion, cx| {
        judge(m, cx.inventory)
    });
    // A region whose mappings could not be listed: one UNKNOWN for it.
    for region in cx.inventory.lambda.iter().flat_map(|l| &l.regions) {
        if let Err(reason) = region.event_source_mappings.get() {
            let arn = crate::engine::resource::account_arn(
                cx.inventory,
                "lambda",
                &region.region,
                "event-source-mapping:*",
            );
            let resource = regional_ref(cx.inventory, &region.region, &arn, "unlisted", "Other");
            out.extend(one(resource, Err(reason)));
        }
    }
    out
}

fn judge(m: &EventSourceMapping, inventory: &Inventory) -> Judged {
    let stream = match m.source_service() {
        Some(kind @ ("kinesis" | "dynamodb" | "kafka")) => kind,
        // Queues keep failures in their own dead-letter queue.
        _ => return not_applicable(),
    };
    let source = m.source_arn.as_deref().unwrap_or_default();
    // The stream it reads, by name where the scan knows it.
    let name = inventory
        .kinesis
        .iter()
        .flat_map(|k| &k.regions)
        .flat_map(|r| &r.streams)
        .find(|s| s.arn == source)
        .map_or(source, |s| s.name.as_str());
    match &m.on_failure {
        Some(destination) => pass(format!(
            "failed batches of {stream} source {name} go to {destination}"
        )),
        None => fail(format!(
            "failed batches of {stream} source {name} are dropped: no on-failure destination"
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn mapping(source: &str, on_failure: Option<&str>) -> EventSourceMapping {
        EventSourceMapping {
            uuid: "m".into(),
            arn: "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:m".into(),
            function_arn: Observed::Known(
                "arn:aws:lambda:us-east-1:123456789012:function:f".into(),
            ),
            source_arn: Some(source.into()),
            on_failure: on_failure.map(Into::into),
        }
    }

    fn verdict(
        mappings: Observed<Vec<EventSourceMapping>>,
    ) -> Vec<(String, crate::findings::finding::Status, String)> {
        let mut inv = with_lambda(inventory(vec![]), vec![good_function("f")], mappings);
        inv.kinesis = Some(KinesisInventory {
            regions: vec![KinesisRegion {
                region: "us-east-1".into(),
                streams: vec![good_stream("clicks")],
            }],
        });
        run("lambda.event_source_failure_destination", &inv)
    }

    #[test]
    fn stream_mappings_need_a_failure_destination() {
        let stream = "arn:aws:kinesis:us-east-1:123456789012:stream/clicks";
        let out = verdict(Observed::Known(vec![mapping(
            stream,
            Some("arn:aws:sqs:us-east-1:123456789012:dlq"),
        )]));
        assert_eq!(out[0].1, Pass);
        let out = verdict(Observed::Known(vec![mapping(stream, None)]));
        assert_eq!(out[0].1, Fail);
        // The mapping joins the stream it reads.
        assert!(out[0].2.contains("kinesis source clicks"), "{}", out[0].2);
        // Queues are not streams.
        let out = verdict(Observed::Known(vec![mapping(
            "arn:aws:sqs:us-east-1:123456789012:q",
            None,
        )]));
        assert!(out.is_empty());
        let out = verdict(Observed::Unknown(denied("lambda:ListEventSourceMappings")));
        assert_eq!(out[0].1, Unknown);
    }
}
