//! The CloudTrail checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{CloudTrailInventory, Trail};

crate::checks! {
    "cloudtrail.cloudwatch_integration" {
        title: "Trail delivers to CloudWatch Logs",
        resource: "AwsCloudTrailTrail",
        severity: Low,
        security_hub: "CloudTrail.5",
        practice: "OPS08-BP04",
        rationale: "Metric filters and alarms on API activity (root logins, policy changes, \
            deleted trails) need the trail in CloudWatch Logs.",
        remediation: "Send the trail to a CloudWatch Logs group with a delivery role.",
        cli: "aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>",
        each: cloudwatch_integration,
    }
}

fn cloudwatch_integration(t: &Trail, _: &CloudTrailInventory, _: &Context) -> Judged {
    match &t.cloudwatch_log_group {
        Some(group) => pass(format!("delivers to {group}")),
        None => fail("no CloudWatch Logs delivery"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::testing::*;

    #[test]
    fn cloudwatch_delivery() {
        let id = "cloudtrail.cloudwatch_integration";
        let inv = with_trails(inventory(vec![]), vec![good_trail("t")]);
        assert_eq!(run(id, &inv)[0].1, Pass);
        let mut t = good_trail("t");
        t.cloudwatch_log_group = None;
        let inv = with_trails(inventory(vec![]), vec![t]);
        assert_eq!(run(id, &inv)[0].1, Fail);
    }
}
