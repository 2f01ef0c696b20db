//! The Glue checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{GlueJob, GlueRegion};

/// Glue's default job timeout, in minutes (48 hours).
const DEFAULT_TIMEOUT_MINUTES: i32 = 2880;

crate::checks! {
    "glue.job_timeout" {
        title: "Glue job has a timeout shorter than the 48-hour default",
        resource: "AwsGlueJob",
        severity: Medium,
        practice: "COST09-BP03",
        rationale: "A hung job bills every worker until the timeout; at the default that is \
            two days of DPUs.",
        remediation: "Set Timeout to a few times the job's usual run time.",
        cli: "aws glue update-job --job-name <job> --job-update '{\"Role\":\"<role-arn>\",\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"<script>\"},\"Timeout\":120}'",
        each: job_timeout,
    }
}

fn job_timeout(job: &GlueJob, _: &GlueRegion, _: &Context) -> Judged {
    match job.timeout_minutes {
        Some(m) if m < DEFAULT_TIMEOUT_MINUTES => pass(format!("timeout {m} minutes")),
        Some(m) => fail(format!("timeout left at {m} minutes")),
        None => fail("no timeout set (Glue's default is 2,880 minutes)"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::testing::*;

    #[test]
    fn timeout() {
        let id = "glue.job_timeout";
        let with = |t: Option<i32>| {
            let mut job = good_job("j");
            job.timeout_minutes = t;
            job
        };
        assert_eq!(job_verdict(id, with(Some(60))).unwrap().0, Pass);
        assert_eq!(job_verdict(id, with(Some(2880))).unwrap().0, Fail);
        assert_eq!(job_verdict(id, with(None)).unwrap().0, Fail);
    }
}
