//! The CloudWatch Logs checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{LogGroup, LogsRegion};

crate::checks! {
    "logs.pipeline_log_retention" {
        title: "A data pipeline's log group expires its events",
        resource: "AwsLogsLogGroup",
        severity: Low,
        also: [Sustainability],
        practice: "COST04-BP05",
        rationale: "Glue, Lambda, Step Functions, MWAA and EMR Serverless write logs on \
            every run; a group that never expires stores, and bills, every line forever.",
        remediation: "Set a retention period on the log group (for instance 30 or 90 days).",
        cli: "aws logs put-retention-policy --log-group-name <log-group> --retention-in-days 30",
        each: pipeline_log_retention,
    }
}

fn pipeline_log_retention(g: &LogGroup, _: &LogsRegion, cx: &Context) -> Judged {
    let prefixes = &cx.config.logs.pipeline_prefixes;
    let Some(prefix) = prefixes.iter().find(|p| g.name.starts_with(p.as_str())) else {
        return not_applicable(); // not a log group of the data platform
    };
    match g.retention_days {
        Some(days) => pass(format!("events expire after {days} days")),
        None => fail(format!(
            "a pipeline log group ({prefix}…) whose events never expire"
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn group(name: &str, retention_days: Option<i32>) -> LogGroup {
        LogGroup {
            name: name.into(),
            arn: format!("arn:aws:logs:us-east-1:123456789012:log-group:{name}"),
            retention_days,
        }
    }

    fn verdicts(config: &crate::Config) -> Vec<(String, crate::Status)> {
        let mut inv = inventory(vec![]);
        inv.logs = Some(LogsInventory {
            regions: vec![LogsRegion {
                region: "us-east-1".into(),
                log_groups: vec![
                    group("/aws-glue/jobs/output", Some(30)),
                    group("/aws/lambda/enrich", None),
                    group("/aws/vendedlogs/states/orders", None),
                    group("airflow-prod-Task", Some(90)),
                    group("/app/web", None),
                ],
            }],
        });
        run_with("logs.pipeline_log_retention", &inv, config)
            .into_iter()
            .map(|(id, status, _)| (id, status))
            .collect()
    }

    #[test]
    fn pipeline_groups_expire_others_are_not_judged() {
        let got = verdicts(&crate::Config::default());
        assert_eq!(
            got,
            [
                ("/aws-glue/jobs/output".to_string(), Pass),
                ("/aws/lambda/enrich".to_string(), Fail),
                ("/aws/vendedlogs/states/orders".to_string(), Fail),
                ("airflow-prod-Task".to_string(), Pass),
            ]
        );
        // The prefixes are the config's.
        let mut config = crate::Config::default();
        config.logs.pipeline_prefixes = vec!["/app/".into()];
        assert_eq!(got_ids(&verdicts(&config)), ["/app/web"]);
    }

    #[test]
    fn an_unlisted_region_is_unknown() {
        let mut inv = inventory(vec![]);
        inv.logs = Some(LogsInventory { regions: vec![] });
        deny_listing(
            &mut inv,
            Service::Logs,
            Some("us-east-1"),
            "logs:DescribeLogGroups",
        );
        inv.scan.gaps[0].checks = vec!["logs.*".into()];
        let selection = crate::Selection {
            checks: vec!["logs.pipeline_log_retention".into()],
            ..Default::default()
        };
        let findings = crate::evaluate(&inv, &crate::Config::default(), &selection);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].status, Unknown);
    }

    fn got_ids(v: &[(String, crate::Status)]) -> Vec<&str> {
        v.iter().map(|(id, _)| id.as_str()).collect()
    }
}
