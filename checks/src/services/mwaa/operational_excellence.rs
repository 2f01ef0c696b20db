//! The MWAA checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{MwaaEnvironment, MwaaRegion};

crate::checks! {
    "mwaa.environment_logging" {
        title: "Airflow environment sends task and scheduler logs to CloudWatch",
        resource: "AwsMwaaEnvironment",
        severity: Medium,
        practice: "OPS04-BP02",
        rationale: "Task logs say why a DAG run failed; scheduler logs say why it never \
            started. Without them a broken pipeline is diagnosed blind.",
        remediation: "Turn on task and scheduler logs (at INFO or WARNING).",
        cli: "aws mwaa update-environment --name <environment> --logging-configuration 'TaskLogs={Enabled=true,LogLevel=INFO},SchedulerLogs={Enabled=true,LogLevel=INFO}'",
        each: logging,
    }
}

fn logging(e: &MwaaEnvironment, _: &MwaaRegion, _: &Context) -> Judged {
    let config = e.configuration.get()?;
    let mut off = Vec::new();
    let mut unread = None;
    for (what, on) in [
        ("task", &config.task_logs),
        ("scheduler", &config.scheduler_logs),
    ] {
        match on.get() {
            Ok(false) => off.push(what),
            Ok(true) => {}
            Err(reason) => unread = unread.or(Some(reason)),
        }
    }
    // A log type observed off fails, whatever is unknown of the other.
    match (off.is_empty(), unread) {
        (false, _) => fail(format!("{} logs are off", off.join(" and "))),
        (true, Some(reason)) => Err(reason),
        (true, None) => pass("task and scheduler logs go to CloudWatch Logs"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn logs_on_and_off() {
        let id = "mwaa.environment_logging";
        assert_eq!(mwaa_verdict(id, good_environment("e")).unwrap().0, Pass);
        let mut e = good_environment("e");
        if let Observed::Known(c) = &mut e.configuration {
            c.scheduler_logs = Observed::Known(false);
        }
        let (status, message) = mwaa_verdict(id, e).unwrap();
        assert_eq!((status, message.as_str()), (Fail, "scheduler logs are off"));
        let mut e = good_environment("e");
        if let Observed::Known(c) = &mut e.configuration {
            c.task_logs = Observed::Unknown(Unobserved::not_reported(
                "airflow:GetEnvironment",
                "LoggingConfiguration",
            ));
        }
        assert_eq!(mwaa_verdict(id, e.clone()).unwrap().0, Unknown);
        // Scheduler logs observed off: a certain FAIL, whatever task logs are.
        if let Observed::Known(c) = &mut e.configuration {
            c.scheduler_logs = Observed::Known(false);
        }
        assert_eq!(
            mwaa_verdict(id, e).unwrap(),
            (Fail, "scheduler logs are off".into())
        );
    }
}
