//! The CloudTrail checks of this pillar.

use crate::catalog::{Check, CheckMeta, Context, RemediationMeta};
use crate::finding::{fail, pass, Pillar, Severity};
use crate::model::Trail;
use crate::pillars::per_trail;

use Pillar::*;

pub fn checks() -> Vec<Check> {
    vec![Check {
        meta: CheckMeta {
            id: "cloudtrail.cloudwatch_integration",
            title: "Trail delivers to CloudWatch Logs",
            service: "cloudtrail",
            resource_type: "AwsCloudTrailTrail",
            pillar: OperationalExcellence,
            pillars: &[OperationalExcellence],
            severity: Severity::Low,
            rationale: "Metric filters and alarms on API activity (root logins, policy changes, \
                deleted trails) need the trail in CloudWatch Logs.",
            remediation: RemediationMeta {
                text: "Send the trail to a CloudWatch Logs group with a delivery role.",
                cli: "aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>",
                terraform: "resource \"aws_cloudtrail\" \"this\" {\n  # …\n  cloud_watch_logs_group_arn = \"${aws_cloudwatch_log_group.trail.arn}:*\"\n  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn\n}",
            },
            wa_best_practice: "OPS08-BP04",
            security_hub_control: Some("CloudTrail.5"),
        },
        judge: |cx| {
            per_trail(cx, |t: &Trail, _: &Context| match &t.cloudwatch_log_group {
                Some(group) => pass(format!("delivers to {group}")),
                None => fail("no CloudWatch Logs delivery"),
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
    fn cloudwatch_delivery() {
        let id = "cloudtrail.cloudwatch_integration";
        let inv = with_trails(inventory(vec![]), vec![good_trail("t")]);
        assert_eq!(run(checks(), id, &inv)[0].1, Pass);
        let mut t = good_trail("t");
        t.cloudwatch_log_group = None;
        let inv = with_trails(inventory(vec![]), vec![t]);
        assert_eq!(run(checks(), id, &inv)[0].1, Fail);
    }
}
