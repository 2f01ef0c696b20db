//! The Kinesis checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{KinesisRegion, KinesisStream};

crate::checks! {
    "kinesis.stream_encryption" {
        title: "Kinesis data stream is encrypted with a KMS key",
        resource: "AwsKinesisStream",
        severity: High,
        practice: "SEC08-BP02",
        rationale: "Records in a stream are the freshest copy of the data: without \
            server-side encryption they sit in plain text on Kinesis's storage for the \
            whole retention period.",
        remediation: "Turn on server-side encryption with a KMS key for the stream.",
        cli: "aws kinesis start-stream-encryption --stream-name <stream> --encryption-type KMS --key-id <key-arn>",
        each: stream_encryption,
    }
}

fn stream_encryption(s: &KinesisStream, _: &KinesisRegion, _: &Context) -> Judged {
    let summary = s.summary.get()?;
    match summary.encryption_type.get()?.as_str() {
        "KMS" => pass(format!(
            "encrypted with KMS key {}",
            summary.kms_key.as_deref().unwrap_or("(not named)")
        )),
        other => fail(format!("encryption type is {other}, not KMS")),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn encryption_both_ways_and_unknown() {
        let id = "kinesis.stream_encryption";
        assert_eq!(stream_verdict(id, good_stream("s")).unwrap().0, Pass);
        let mut s = good_stream("s");
        if let Observed::Known(summary) = &mut s.summary {
            summary.encryption_type = Observed::Known("NONE".into());
            summary.kms_key = None;
        }
        assert_eq!(stream_verdict(id, s).unwrap().0, Fail);
        let mut s = good_stream("s");
        s.summary = Observed::Unknown(denied("kinesis:DescribeStreamSummary"));
        assert_eq!(stream_verdict(id, s).unwrap().0, Unknown);
    }
}
