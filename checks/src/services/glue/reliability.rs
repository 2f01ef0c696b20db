//! The Glue checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{GlueJob, GlueRegion, GlueSchema, Unobserved, UnobservedKind};

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
    "glue.schema_compatibility" {
        title: "Glue Schema Registry checks each new schema version",
        resource: "AwsGlueSchema",
        severity: Low,
        practice: "REL08-BP02",
        rationale: "With compatibility NONE any new version is accepted, and DISABLED \
            accepts none: either way the schema history no longer guarantees that \
            consumers can read what producers write.",
        remediation: "Set the schema's compatibility to BACKWARD (the default) or the mode \
            your consumers and producers upgrade in.",
        cli: "aws glue update-schema --schema-id RegistryName=<registry>,SchemaName=<schema> --compatibility BACKWARD",
        each: schema_compatibility,
    }
}

fn schema_compatibility(schema: &GlueSchema, _: &GlueRegion, _: &Context) -> Judged {
    if schema.status.as_deref() == Some("DELETING") {
        return not_applicable();
    }
    match schema.compatibility.get()?.as_str() {
        "NONE" => fail("compatibility is NONE: any new version is accepted unchecked"),
        "DISABLED" => fail("compatibility is DISABLED: the schema takes no new versions"),
        mode @ ("BACKWARD" | "BACKWARD_ALL" | "FORWARD" | "FORWARD_ALL" | "FULL" | "FULL_ALL") => {
            pass(format!("new versions are checked for {mode} compatibility"))
        }
        other => Err(
            Unobserved::new(UnobservedKind::NotEvaluated, "glue:GetSchema").with_message(format!(
                "compatibility mode {other} is not one lakelint knows"
            )),
        ),
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
    use crate::model::{GlueSchema, Observed};
    use crate::testing::*;

    fn schema(compatibility: Observed<String>) -> GlueSchema {
        GlueSchema {
            registry: "events".into(),
            name: "orders".into(),
            arn: "arn:aws:glue:us-east-1:123456789012:schema/events/orders".into(),
            status: Some("AVAILABLE".into()),
            compatibility,
        }
    }

    fn schema_verdict(schema: GlueSchema) -> Option<(crate::findings::finding::Status, String)> {
        let mut region = glue_region();
        region.schemas = vec![schema];
        glue_verdict("glue.schema_compatibility", region)
    }

    #[test]
    fn schema_compatibility() {
        let known = |mode: &str| schema(Observed::Known(mode.into()));
        for mode in ["BACKWARD", "FULL_ALL", "FORWARD"] {
            assert_eq!(schema_verdict(known(mode)).unwrap().0, Pass, "{mode}");
        }
        for mode in ["NONE", "DISABLED"] {
            let (status, message) = schema_verdict(known(mode)).unwrap();
            assert_eq!(status, Fail, "{mode}");
            assert!(message.contains(mode), "{message}");
        }
        assert_eq!(schema_verdict(known("SIDEWAYS")).unwrap().0, Unknown);
        let unread = schema(Observed::Unknown(denied("glue:GetSchema")));
        assert_eq!(schema_verdict(unread).unwrap().0, Unknown);
        let mut going = known("NONE");
        going.status = Some("DELETING".into());
        assert_eq!(schema_verdict(going), None);
    }

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
