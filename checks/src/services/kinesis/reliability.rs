//! The Kinesis checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{KinesisRegion, KinesisStream};

crate::checks! {
    "kinesis.stream_retention" {
        title: "Kinesis data stream keeps records long enough to recover a consumer",
        resource: "AwsKinesisStream",
        severity: Low,
        practice: "REL09-BP01",
        rationale: "At the default 24 hours, a consumer that stops on Friday evening \
            loses the weekend's records before anyone is back to restart it.",
        remediation: "Raise the stream's retention to at least 48 hours (the threshold \
            is [kinesis] min_retention_hours in lakelint.toml).",
        cli: "aws kinesis increase-stream-retention-period --stream-name <stream> --retention-period-hours 48",
        each: stream_retention,
    }
}

fn stream_retention(s: &KinesisStream, _: &KinesisRegion, cx: &Context) -> Judged {
    let hours = *s.summary.get()?.retention_hours.get()?;
    let min = cx.config.kinesis.min_retention_hours;
    if hours >= 0 && hours as u32 >= min {
        pass(format!("records are kept {hours} hours"))
    } else {
        fail(format!("records are kept {hours} hours, under {min}"))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn retention_both_ways_and_unknown() {
        let id = "kinesis.stream_retention";
        assert_eq!(stream_verdict(id, good_stream("s")).unwrap().0, Pass);
        let mut s = good_stream("s");
        if let Observed::Known(summary) = &mut s.summary {
            summary.retention_hours = Observed::Known(24);
        }
        assert_eq!(
            stream_verdict(id, s).unwrap(),
            (Fail, "records are kept 24 hours, under 48".into())
        );
        let mut s = good_stream("s");
        if let Observed::Known(summary) = &mut s.summary {
            summary.retention_hours = Observed::Unknown(Unobserved::not_reported(
                "kinesis:DescribeStreamSummary",
                "RetentionPeriodHours",
            ));
        }
        assert_eq!(stream_verdict(id, s).unwrap().0, Unknown);
    }
}
