//! The EMR checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{EmrCluster, EmrRegion};

crate::checks! {
    "emr.cluster_logging" {
        title: "EMR cluster archives its logs to S3",
        resource: "AwsEmrCluster",
        severity: Medium,
        practice: "OPS04-BP02",
        rationale: "Without a log URI, step, YARN and bootstrap logs disappear with the \
            cluster, and with them the reason a job failed.",
        remediation: "Launch clusters with a LogUri (it cannot be added to a running cluster).",
        cli: "aws emr create-cluster --log-uri s3://<log-bucket>/emr/ --release-label emr-7.1.0 --instance-type m6g.xlarge --instance-count 3 --use-default-roles",
        each: cluster_logging,
    }
}

fn cluster_logging(c: &EmrCluster, _: &EmrRegion, _: &Context) -> Judged {
    match &c.log_uri {
        Some(uri) => pass(format!("logs go to {uri}")),
        None => fail("no LogUri"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::testing::*;

    #[test]
    fn log_uri() {
        let id = "emr.cluster_logging";
        assert_eq!(
            emr_cluster_verdict(id, good_emr_cluster("j")).unwrap().0,
            Pass
        );
        let mut c = good_emr_cluster("j");
        c.log_uri = None;
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Fail);
    }
}
