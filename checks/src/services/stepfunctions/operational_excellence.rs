//! The Step Functions checks of this pillar.

use serde_json::Value;

use crate::engine::check::Context;
use crate::engine::inputs::region_record;
use crate::findings::finding::{fail, pass, Judged};
use crate::interpret::event_pattern::unknown_value;
use crate::interpret::iac;
use crate::model::{Service, StateMachine, StepFunctionsRegion, Unobserved, UnobservedKind};
use crate::services::eventbridge::alerting::{coverage, Coverage};

crate::checks! {
    "stepfunctions.state_machine_logging" {
        title: "State machine logs its executions",
        resource: "AwsStepFunctionStateMachine",
        severity: Medium,
        security_hub: "StepFunctions.1",
        practice: "OPS04-BP02",
        rationale: "With logging off, a failed pipeline run leaves no record of which \
            state failed, with what input, or why.",
        remediation: "Set the state machine's logging level to ERROR or ALL, to a CloudWatch Logs group.",
        cli: "aws stepfunctions update-state-machine --state-machine-arn <state-machine-arn> --logging-configuration 'level=ERROR,includeExecutionData=false,destinations=[{cloudWatchLogsLogGroup={logGroupArn=<log-group-arn>}}]'",
        each: logging,
    }
    "stepfunctions.state_machine_tracing" {
        title: "State machine traces its executions with X-Ray",
        resource: "AwsStepFunctionStateMachine",
        severity: Low,
        also: [PerformanceEfficiency],
        practice: "OPS04-BP05",
        rationale: "A trace shows where a slow run spends its time across the Glue jobs, \
            Lambda functions and queries it calls.",
        remediation: "Turn on X-Ray tracing.",
        cli: "aws stepfunctions update-state-machine --state-machine-arn <state-machine-arn> --tracing-configuration enabled=true",
        each: tracing,
    }
    "stepfunctions.state_machine_deployed_as_code" {
        title: "State machine is deployed as code",
        resource: "AwsStepFunctionStateMachine",
        severity: Low,
        practice: "OPS05-BP01",
        rationale: "A workflow edited by hand in the console has no review, no history \
            and no way back; one deployed from a repository has all three.",
        remediation: "Deploy the state machine with CloudFormation, the CDK or Terraform \
            (tagging it as lakelint.toml's `iac_tag_keys` say).",
        cli: "aws stepfunctions tag-resource --resource-arn <state-machine-arn> --tags key=managed-by,value=terraform",
        each: deployed_as_code,
    }
    "stepfunctions.state_machine_failure_alerting" {
        title: "A failed, timed-out or aborted execution raises an alert",
        resource: "AwsStepFunctionStateMachine",
        severity: Medium,
        also: [Reliability],
        practice: "OPS08-BP04",
        rationale: "A pipeline whose orchestration fails at night is found by the people \
            reading yesterday's numbers; an EventBridge rule on the execution's status \
            change, or an alarm on its ExecutionsFailed metric, tells the team when it \
            happens.",
        remediation: "Add an enabled EventBridge rule on the default bus matching source \
            aws.states, detail-type \"Step Functions Execution Status Change\" and statuses \
            FAILED, TIMED_OUT and ABORTED (for every state machine, or naming this one), \
            with a notification target; or a CloudWatch alarm on AWS/States \
            ExecutionsFailed with this state machine's StateMachineArn dimension.",
        cli: "aws events put-rule --name state-machine-failures --event-pattern '{\"source\":[\"aws.states\"],\"detail-type\":[\"Step Functions Execution Status Change\"],\"detail\":{\"status\":[\"FAILED\",\"TIMED_OUT\",\"ABORTED\"]}}'",
        each: failure_alerting,
    }
}

/// The statuses an execution ends in when it did not do its work.
const FAILED_STATUSES: [&str; 3] = ["FAILED", "TIMED_OUT", "ABORTED"];

/// A Step Functions Execution Status Change event as EventBridge receives it,
/// with every field a real one carries; those an execution decides (its
/// ARN, name, dates, input, error) are present but unknown.
fn execution_status_change(m: &StateMachine, region: &str, cx: &Context, status: &str) -> Value {
    let unknown = |field: &str| unknown_value(&format!("detail.{field}"));
    serde_json::json!({
        "version": "0", "id": unknown_value("id"), "source": "aws.states",
        "detail-type": "Step Functions Execution Status Change",
        "account": cx.inventory.account.account_id, "time": unknown_value("time"),
        "region": region, "resources": [unknown_value("resources")],
        "detail": {
            "executionArn": unknown("executionArn"), "stateMachineArn": m.arn,
            "name": unknown("name"), "status": status,
            "startDate": unknown("startDate"), "stopDate": unknown("stopDate"),
            "input": unknown("input"), "inputDetails": unknown("inputDetails"),
            "output": null, "outputDetails": null,
            "error": unknown("error"), "cause": unknown("cause"),
            "stateMachineVersionArn": unknown("stateMachineVersionArn"),
            "stateMachineAliasArn": unknown("stateMachineAliasArn"),
            "redriveCount": unknown("redriveCount"), "redriveDate": unknown("redriveDate"),
            "redriveStatus": unknown("redriveStatus"),
            "redriveStatusReason": unknown("redriveStatusReason"),
        },
    })
}

/// PASS on an enabled rule matching an execution that ends in any of the
/// failed statuses, or an alarm on the machine's ExecutionsFailed; UNKNOWN
/// when neither is seen but one might be there unseen.
fn failure_alerting(m: &StateMachine, region: &StepFunctionsRegion, cx: &Context) -> Judged {
    let mut doubt = match region_record(
        cx.inventory,
        cx.inventory.eventbridge.as_ref(),
        Service::EventBridge,
        "events:ListRules",
        &region.region,
        |r| &r.region,
    ) {
        Ok(events) => {
            let Coverage {
                covered,
                uncovered,
                doubt,
            } = coverage(
                &events.rules,
                FAILED_STATUSES.map(|status| {
                    (
                        status,
                        execution_status_change(m, &region.region, cx, status),
                    )
                }),
            );
            if !covered.is_empty() {
                let rest = match uncovered.is_empty() {
                    true => String::new(),
                    false => format!(" (no rule for {})", uncovered.join(", ")),
                };
                return pass(format!(
                    "EventBridge alerts on {}{rest}",
                    covered.join(", ")
                ));
            }
            doubt
        }
        Err(reason) => Some(reason),
    };
    match region_record(
        cx.inventory,
        cx.inventory.cloudwatch.as_ref(),
        Service::CloudWatch,
        "cloudwatch:DescribeAlarms",
        &region.region,
        |r| &r.region,
    ) {
        Ok(cloudwatch) => {
            let watching: Vec<_> = cloudwatch
                .alarms
                .iter()
                .filter(|a| a.watches("AWS/States", "ExecutionsFailed", "StateMachineArn", &m.arn))
                .collect();
            let best = watching.iter().find(|a| a.notifies()).or(watching.first());
            if let Some(alarm) = best {
                let silent = if alarm.notifies() {
                    ""
                } else {
                    ", notifying no one"
                };
                return pass(format!(
                    "CloudWatch alarm {} watches its ExecutionsFailed{silent}",
                    alarm.name
                ));
            }
            if let Some(alarm) = cloudwatch.alarms.iter().find(|a| !a.queries.is_empty()) {
                doubt = doubt.or(Some(
                    Unobserved::new(UnobservedKind::NotEvaluated, "cloudwatch:DescribeAlarms")
                        .with_message(format!(
                            "alarm {} watches ExecutionsFailed through a query lakelint does not evaluate: {}",
                            alarm.name, alarm.queries[0]
                        )),
                ));
            }
        }
        Err(reason) => doubt = doubt.or(Some(reason)),
    }
    match doubt {
        Some(reason) => Err(reason),
        None => fail(
            "no enabled EventBridge rule of the default bus matches a FAILED, TIMED_OUT or \
             ABORTED execution of this state machine, and no CloudWatch alarm watches its \
             ExecutionsFailed metric",
        ),
    }
}

fn deployed_as_code(m: &StateMachine, _: &StepFunctionsRegion, cx: &Context) -> Judged {
    match iac::mark(m.tags.get()?, &cx.config.iac_tag_keys) {
        Some(mark) => pass(format!("deployed as code: {mark}")),
        None => fail(format!(
            "no CloudFormation stack tag and none of the tags {}",
            cx.config.iac_tag_keys.join(", ")
        )),
    }
}

fn logging(m: &StateMachine, _: &StepFunctionsRegion, _: &Context) -> Judged {
    let level = m.configuration.get()?.logging_level.get()?;
    if level == "OFF" {
        fail("logging level is OFF")
    } else {
        pass(format!("logging level is {level}"))
    }
}

fn tracing(m: &StateMachine, _: &StepFunctionsRegion, _: &Context) -> Judged {
    if *m.configuration.get()?.tracing.get()? {
        pass("X-Ray tracing is on")
    } else {
        fail("X-Ray tracing is off")
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn logging_and_tracing() {
        for id in [
            "stepfunctions.state_machine_logging",
            "stepfunctions.state_machine_tracing",
        ] {
            assert_eq!(
                state_machine_verdict(id, good_state_machine("m"))
                    .unwrap()
                    .0,
                Pass,
                "{id}"
            );
            let mut m = good_state_machine("m");
            if let Observed::Known(c) = &mut m.configuration {
                c.logging_level = Observed::Known("OFF".into());
                c.tracing = Observed::Known(false);
            }
            assert_eq!(state_machine_verdict(id, m).unwrap().0, Fail, "{id}");
            let mut m = good_state_machine("m");
            m.configuration = Observed::Unknown(denied("states:DescribeStateMachine"));
            assert_eq!(state_machine_verdict(id, m).unwrap().0, Unknown, "{id}");
        }
    }

    #[test]
    fn deployed_as_code_both_ways_and_unknown() {
        let id = "stepfunctions.state_machine_deployed_as_code";
        assert_eq!(
            state_machine_verdict(id, good_state_machine("m"))
                .unwrap()
                .0,
            Pass
        );
        let mut m = good_state_machine("m");
        m.tags = Observed::Known([("Terraform".to_string(), "true".to_string())].into());
        assert_eq!(state_machine_verdict(id, m).unwrap().0, Pass);
        let mut m = good_state_machine("m");
        m.tags = Observed::Known(Default::default());
        assert_eq!(state_machine_verdict(id, m).unwrap().0, Fail);
        let mut m = good_state_machine("m");
        m.tags = Observed::Unknown(denied("states:ListTagsForResource"));
        assert_eq!(state_machine_verdict(id, m).unwrap().0, Unknown);
    }

    const ID: &str = "stepfunctions.state_machine_failure_alerting";
    const ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:orders";

    fn rule(name: &str, state: &str, pattern: serde_json::Value) -> EventRule {
        EventRule {
            name: name.into(),
            arn: format!("arn:aws:events:us-east-1:123456789012:rule/{name}"),
            state: Some(state.into()),
            event_pattern: Some(pattern.to_string()),
        }
    }

    fn alarm(name: &str, state_machine: &str, actions: bool) -> MetricAlarm {
        MetricAlarm {
            name: name.into(),
            arn: format!("arn:aws:cloudwatch:us-east-1:123456789012:alarm:{name}"),
            metrics: vec![AlarmMetric {
                namespace: "AWS/States".into(),
                name: "ExecutionsFailed".into(),
                dimensions: [("StateMachineArn".to_string(), state_machine.to_string())].into(),
            }],
            queries: vec![],
            actions_enabled: Some(true),
            alarm_actions: match actions {
                true => vec!["arn:aws:sns:us-east-1:123456789012:alerts".into()],
                false => vec![],
            },
        }
    }

    /// An inventory holding `orders`, these rules and alarms (`None`: the
    /// service was not scanned).
    fn platform(rules: Option<Vec<EventRule>>, alarms: Option<Vec<MetricAlarm>>) -> Inventory {
        let mut inv = inventory(vec![]);
        inv.stepfunctions = Some(StepFunctionsInventory {
            regions: vec![StepFunctionsRegion {
                region: "us-east-1".into(),
                state_machines: vec![good_state_machine("orders")],
            }],
        });
        inv.eventbridge = rules.map(|rules| EventBridgeInventory {
            regions: vec![EventBridgeRegion {
                region: "us-east-1".into(),
                rules,
            }],
        });
        inv.cloudwatch = alarms.map(|alarms| CloudWatchInventory {
            regions: vec![CloudWatchRegion {
                region: "us-east-1".into(),
                alarms,
            }],
        });
        inv
    }

    fn judged(inv: &Inventory) -> (crate::findings::finding::Status, String) {
        let (_, status, text) = run(ID, inv).pop().unwrap();
        (status, text)
    }

    fn verdict(
        rules: Option<Vec<EventRule>>,
        alarms: Option<Vec<MetricAlarm>>,
    ) -> (crate::findings::finding::Status, String) {
        judged(&platform(rules, alarms))
    }

    #[test]
    fn failure_alerting_by_rule() {
        use serde_json::json;
        let every = json!({"source": ["aws.states"],
            "detail-type": ["Step Functions Execution Status Change"],
            "detail": {"status": ["FAILED", "TIMED_OUT", "ABORTED"]}});
        let (status, text) = verdict(
            Some(vec![rule("all", "ENABLED", every.clone())]),
            Some(vec![]),
        );
        assert_eq!(status, Pass, "{text}");
        assert_eq!(
            text,
            "EventBridge alerts on FAILED by rule all, TIMED_OUT by rule all, ABORTED by rule all"
        );
        // Naming this machine, or another one.
        let this = json!({"source": ["aws.states"], "detail": {"status": ["FAILED"], "stateMachineArn": [ARN]}});
        let (status, text) = verdict(Some(vec![rule("this", "ENABLED", this)]), Some(vec![]));
        assert_eq!(status, Pass);
        assert!(text.ends_with("(no rule for TIMED_OUT, ABORTED)"), "{text}");
        let other = json!({"source": ["aws.states"], "detail": {"status": ["FAILED"],
            "stateMachineArn": ["arn:aws:states:us-east-1:123456789012:stateMachine:billing"]}});
        assert_eq!(
            verdict(Some(vec![rule("other", "ENABLED", other)]), Some(vec![])).0,
            Fail
        );
        // Disabled, successes only, another service: nothing alerts.
        let succeeded = json!({"source": ["aws.states"], "detail": {"status": ["SUCCEEDED"]}});
        let glue = json!({"source": ["aws.glue"], "detail": {"state": ["FAILED"]}});
        let (status, text) = verdict(
            Some(vec![
                rule("off", "DISABLED", every.clone()),
                rule("ok", "ENABLED", succeeded),
                rule("glue", "ENABLED", glue),
            ]),
            Some(vec![]),
        );
        assert_eq!(status, Fail);
        assert!(text.starts_with("no enabled EventBridge rule"), "{text}");
        // A filter on what only the execution decides cannot be judged.
        let by_error =
            json!({"source": ["aws.states"], "detail": {"error": [{"prefix": "States."}]}});
        assert_eq!(
            verdict(Some(vec![rule("err", "ENABLED", by_error)]), Some(vec![])).0,
            Unknown
        );
        // The event carries every field a real one does.
        let exists = json!({"source": ["aws.states"], "detail": {"status": ["FAILED"],
            "executionArn": [{"exists": true}], "cause": [{"exists": true}]}});
        assert_eq!(
            verdict(Some(vec![rule("x", "ENABLED", exists)]), Some(vec![])).0,
            Pass
        );
    }

    #[test]
    fn failure_alerting_by_alarm() {
        let (status, text) = verdict(Some(vec![]), Some(vec![alarm("orders-failed", ARN, true)]));
        assert_eq!(status, Pass);
        assert_eq!(
            text,
            "CloudWatch alarm orders-failed watches its ExecutionsFailed"
        );
        let (status, text) = verdict(Some(vec![]), Some(vec![alarm("quiet", ARN, false)]));
        assert_eq!(status, Pass);
        assert!(text.ends_with("notifying no one"), "{text}");
        let billing = "arn:aws:states:us-east-1:123456789012:stateMachine:billing";
        assert_eq!(
            verdict(Some(vec![]), Some(vec![alarm("b", billing, true)])).0,
            Fail
        );
        // A Metric Insights query over every machine is not evaluated.
        let mut query = alarm("insights", ARN, true);
        query.metrics.clear();
        query.queries = vec![
            r#"SELECT SUM(ExecutionsFailed) FROM "AWS/States" GROUP BY StateMachineArn"#.into(),
        ];
        let (status, text) = verdict(Some(vec![]), Some(vec![query]));
        assert_eq!(status, Unknown, "{text}");
    }

    #[test]
    fn failure_alerting_unknown_when_unseen() {
        // Neither scanned, or one not scanned and nothing in the other.
        assert_eq!(verdict(None, None).0, Unknown);
        assert_eq!(verdict(Some(vec![]), None).0, Unknown);
        assert_eq!(verdict(None, Some(vec![])).0, Unknown);
        // What one source shows is enough, whatever the other hides.
        assert_eq!(verdict(None, Some(vec![alarm("a", ARN, true)])).0, Pass);
        // A denied listing in the region is not an empty one.
        let mut inv = platform(Some(vec![]), Some(vec![]));
        deny_listing(
            &mut inv,
            Service::CloudWatch,
            Some("us-east-1"),
            "cloudwatch:DescribeAlarms",
        );
        let (status, text) = judged(&inv);
        assert_eq!(status, Unknown, "{text}");
        assert!(text.contains("cloudwatch:DescribeAlarms"), "{text}");
    }
}
