//! The Step Functions checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::interpret::iac;
use crate::model::{StateMachine, StepFunctionsRegion};

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
}
