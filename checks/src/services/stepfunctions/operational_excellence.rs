//! The Step Functions checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
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
}
