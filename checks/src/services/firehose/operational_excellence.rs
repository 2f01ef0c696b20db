//! The Firehose checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{DeliveryStream, FirehoseRegion};

crate::checks! {
    "firehose.destination_error_logging" {
        title: "Firehose stream logs its delivery errors to CloudWatch",
        resource: "AwsKinesisFirehoseDeliveryStream",
        severity: Medium,
        practice: "OPS08-BP01",
        rationale: "When a destination rejects records (a dropped table, a full \
            cluster, a denied bucket), the error log is the only place that says so; \
            without it records are retried and then lost silently.",
        remediation: "Enable CloudWatch error logging on every destination of the stream.",
        cli: "aws firehose update-destination --delivery-stream-name <stream> --current-delivery-stream-version-id <version> --destination-id <destination-id> --extended-s3-destination-update 'CloudWatchLoggingOptions={Enabled=true,LogGroupName=/aws/kinesisfirehose/<stream>,LogStreamName=DestinationDelivery}'",
        each: error_logging,
    }
}

fn error_logging(s: &DeliveryStream, _: &FirehoseRegion, _: &Context) -> Judged {
    let d = s.description.get()?;
    if d.destinations.is_empty() {
        return not_applicable();
    }
    let off: Vec<&str> = d
        .destinations
        .iter()
        .filter(|dest| !dest.error_logging)
        .map(|dest| dest.kind.as_str())
        .collect();
    if off.is_empty() {
        pass("every destination logs its delivery errors")
    } else {
        fail(format!("error logging is off for: {}", off.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn destinations_log_errors() {
        let id = "firehose.destination_error_logging";
        assert_eq!(
            delivery_verdict(id, good_delivery_stream("f")).unwrap().0,
            Pass
        );
        let mut s = good_delivery_stream("f");
        if let Observed::Known(d) = &mut s.description {
            d.destinations[0].error_logging = false;
        }
        assert_eq!(
            delivery_verdict(id, s).unwrap(),
            (Fail, "error logging is off for: ExtendedS3".into())
        );
        let mut s = good_delivery_stream("f");
        s.description = Observed::Unknown(denied("firehose:DescribeDeliveryStream"));
        assert_eq!(delivery_verdict(id, s).unwrap().0, Unknown);
    }
}
