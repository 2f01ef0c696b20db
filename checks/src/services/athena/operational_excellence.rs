//! The Athena checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{AthenaRegion, AthenaWorkGroup};

crate::checks! {
    "athena.workgroup_metrics" {
        title: "Athena workgroup publishes query metrics",
        resource: "AwsAthenaWorkGroup",
        severity: Low,
        practice: "OPS04-BP02",
        rationale: "Query metrics (data scanned, run time, failures) are what cost and \
            latency alarms on the query layer are built on.",
        remediation: "Turn on PublishCloudWatchMetricsEnabled.",
        cli: "aws athena update-work-group --work-group <workgroup> --configuration-updates PublishCloudWatchMetricsEnabled=true",
        each: metrics,
    }
}

fn metrics(w: &AthenaWorkGroup, _: &AthenaRegion, _: &Context) -> Judged {
    if *w.configuration.get()?.publish_metrics.get()? {
        pass("query metrics go to CloudWatch")
    } else {
        fail("PublishCloudWatchMetricsEnabled is false")
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn metrics_on_and_off() {
        let id = "athena.workgroup_metrics";
        assert_eq!(workgroup_verdict(id, good_workgroup("wg")).unwrap().0, Pass);
        let mut w = good_workgroup("wg");
        if let Observed::Known(c) = &mut w.configuration {
            c.publish_metrics = Observed::Known(false);
        }
        assert_eq!(workgroup_verdict(id, w).unwrap().0, Fail);
    }
}
