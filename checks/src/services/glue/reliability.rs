//! The Glue checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{GlueJob, GlueRegion};

crate::checks! {
    "glue.job_retries" {
        title: "Glue job retries after a failure",
        resource: "AwsGlueJob",
        severity: Low,
        practice: "REL05-BP03",
        rationale: "Spot reclaims, throttled sources and transient S3 errors fail runs \
            that succeed on a second attempt.",
        remediation: "Set MaxRetries to 1 or more for idempotent jobs.",
        cli: "aws glue update-job --job-name <job> --job-update '{\"Role\":\"<role-arn>\",\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"<script>\"},\"MaxRetries\":1}'",
        each: job_retries,
    }
    "glue.job_bookmarks" {
        title: "Glue Spark job keeps job bookmarks",
        resource: "AwsGlueJob",
        severity: Low,
        also: [PerformanceEfficiency],
        practice: "REL08-BP02",
        rationale: "Bookmarks make a rerun pick up where the last successful run stopped, \
            instead of reprocessing (and duplicating) everything.",
        remediation: "Set --job-bookmark-option to job-bookmark-enable and commit the job \
            at the end of the script.",
        cli: "aws glue update-job --job-name <job> --job-update '{\"Role\":\"<role-arn>\",\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"<script>\"},\"DefaultArguments\":{\"--job-bookmark-option\":\"job-bookmark-enable\"}}'",
        each: job_bookmarks,
    }
}

fn job_retries(job: &GlueJob, _: &GlueRegion, _: &Context) -> Judged {
    match job.max_retries {
        0 => fail("MaxRetries is 0"),
        n => pass(format!("retries up to {n} time(s)")),
    }
}

fn job_bookmarks(job: &GlueJob, _: &GlueRegion, _: &Context) -> Judged {
    // Batch Spark jobs read the catalog or S3 incrementally; streaming jobs
    // checkpoint instead, and shell jobs have no bookmarks. A visual job names
    // its sources; a script job's are in its script, which lakelint does not
    // read, so it is judged as the catalog/S3 reader most batch jobs are.
    if job.command.get()? != "glueetl" || job.reads_catalog_or_s3 == Some(false) {
        return not_applicable();
    }
    match job
        .arguments
        .get("--job-bookmark-option")
        .map(String::as_str)
    {
        Some("job-bookmark-enable") => pass("job bookmarks are enabled"),
        Some(other) => fail(format!("--job-bookmark-option is {other}")),
        None => fail("--job-bookmark-option is unset (bookmarks disabled)"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::testing::*;

    #[test]
    fn retries() {
        let id = "glue.job_retries";
        assert_eq!(job_verdict(id, good_job("j")).unwrap().0, Pass);
        let mut job = good_job("j");
        job.max_retries = 0;
        assert_eq!(job_verdict(id, job).unwrap().0, Fail);
    }

    #[test]
    fn bookmarks() {
        let id = "glue.job_bookmarks";
        assert_eq!(job_verdict(id, good_job("j")).unwrap().0, Pass);
        let mut job = good_job("j");
        job.arguments.insert(
            "--job-bookmark-option".into(),
            "job-bookmark-disable".into(),
        );
        assert_eq!(job_verdict(id, job.clone()).unwrap().0, Fail);
        job.arguments.remove("--job-bookmark-option");
        assert_eq!(job_verdict(id, job.clone()).unwrap().0, Fail);
        // A visual job reading only JDBC: bookmarks are not this check's concern.
        let mut visual = job.clone();
        visual.reads_catalog_or_s3 = Some(false);
        assert_eq!(job_verdict(id, visual.clone()), None);
        visual.reads_catalog_or_s3 = Some(true);
        assert_eq!(job_verdict(id, visual).unwrap().0, Fail);
        job.command = crate::model::Observed::Known("gluestreaming".into());
        assert_eq!(job_verdict(id, job.clone()), None);
        job.command = crate::model::Observed::Unknown(crate::model::Unobserved::not_reported(
            "glue:GetJobs",
            "Command.Name",
        ));
        assert_eq!(job_verdict(id, job).unwrap().0, Unknown);
    }
}
