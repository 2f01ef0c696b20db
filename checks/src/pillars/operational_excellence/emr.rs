//! The EMR checks of this pillar.

use crate::catalog::{Check, CheckMeta, Context, RemediationMeta};
use crate::finding::{fail, pass, Pillar, Severity};
use crate::model::{EmrCluster, EmrRegion};
use crate::pillars::per_emr_cluster;

use Pillar::*;

pub fn checks() -> Vec<Check> {
    vec![Check {
        meta: CheckMeta {
            id: "emr.cluster_logging",
            title: "EMR cluster archives its logs to S3",
            service: "emr",
            resource_type: "AwsEmrCluster",
            pillar: OperationalExcellence,
            pillars: &[OperationalExcellence],
            severity: Severity::Medium,
            rationale: "Without a log URI, step, YARN and bootstrap logs disappear with the \
                cluster, and with them the reason a job failed.",
            remediation: RemediationMeta {
                text: "Launch clusters with a LogUri (it cannot be added to a running cluster).",
                cli: "aws emr create-cluster --log-uri s3://<log-bucket>/emr/ --release-label emr-7.1.0 --instance-type m6g.xlarge --instance-count 3 --use-default-roles",
                terraform: "resource \"aws_emr_cluster\" \"this\" {\n  # …\n  log_uri = \"s3://${aws_s3_bucket.logs.id}/emr/\"\n}",
            },
            wa_best_practice: "OPS04-BP02",
            security_hub_control: None,
        },
        judge: |cx| {
            per_emr_cluster(cx, |c: &EmrCluster, _: &EmrRegion, _: &Context| match &c.log_uri {
                Some(uri) => pass(format!("logs go to {uri}")),
                None => fail("no LogUri"),
            })
        },
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Status::*;
    use crate::pillars::testing::*;

    #[test]
    fn log_uri() {
        let id = "emr.cluster_logging";
        assert_eq!(
            emr_cluster_verdict(checks(), id, good_emr_cluster("j"))
                .unwrap()
                .0,
            Pass
        );
        let mut c = good_emr_cluster("j");
        c.log_uri = None;
        assert_eq!(emr_cluster_verdict(checks(), id, c).unwrap().0, Fail);
    }
}
