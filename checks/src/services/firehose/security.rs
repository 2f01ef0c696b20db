//! The Firehose checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{DeliveryStream, FirehoseRegion, Unobserved, UnobservedKind};

crate::checks! {
    "firehose.stream_encryption" {
        title: "Firehose stream that receives records directly encrypts them at rest",
        resource: "AwsKinesisFirehoseDeliveryStream",
        severity: Medium,
        practice: "SEC08-BP02",
        rationale: "A Direct PUT stream buffers records before delivery; without \
            server-side encryption they rest unencrypted in Firehose. A stream fed by a \
            Kinesis stream is protected by its source's encryption.",
        remediation: "Turn on server-side encryption for the stream, with a customer-managed key.",
        cli: "aws firehose start-delivery-stream-encryption --delivery-stream-name <stream> --delivery-stream-encryption-configuration-input KeyType=CUSTOMER_MANAGED_CMK,KeyARN=<key-arn>",
        each: stream_encryption,
    }
}

fn stream_encryption(s: &DeliveryStream, _: &FirehoseRegion, _: &Context) -> Judged {
    let d = s.description.get()?;
    if d.source.get()? != "DirectPut" {
        return not_applicable(); // judged by its source
    }
    match d.encryption_status.as_deref() {
        Some("ENABLED") => pass(match &d.kms_key {
            Some(key) => format!("records are encrypted with KMS key {key}"),
            None => "records are encrypted with an AWS-owned key".to_string(),
        }),
        Some(status @ ("ENABLING" | "DISABLING" | "ENABLING_FAILED" | "DISABLING_FAILED")) => {
            Err(Unobserved::new(
                UnobservedKind::NotReported,
                "firehose:DescribeDeliveryStream",
            )
            .with_message(format!("server-side encryption is {status}")))
        }
        _ => fail("a Direct PUT stream without server-side encryption"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn direct_put_streams_encrypt() {
        let id = "firehose.stream_encryption";
        assert_eq!(
            delivery_verdict(id, good_delivery_stream("f")).unwrap().0,
            Pass
        );
        let mut s = good_delivery_stream("f");
        if let Observed::Known(d) = &mut s.description {
            d.encryption_status = Some("DISABLED".into());
            d.kms_key = None;
        }
        assert_eq!(delivery_verdict(id, s.clone()).unwrap().0, Fail);
        // Fed by a Kinesis stream: judged by its source.
        if let Observed::Known(d) = &mut s.description {
            d.source = Observed::Known("KinesisStreamAsSource".into());
        }
        assert_eq!(delivery_verdict(id, s), None);
        let mut s = good_delivery_stream("f");
        s.description = Observed::Unknown(denied("firehose:DescribeDeliveryStream"));
        assert_eq!(delivery_verdict(id, s).unwrap().0, Unknown);
    }
}
