//! The Glue checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::interpret::table_format::classify;
use crate::model::{GlueJob, GlueRegion, GlueTable, Unobserved};

/// Spark job kinds, which auto scaling and bookmarks apply to.
pub(crate) fn is_spark(job: &GlueJob) -> Result<bool, Unobserved> {
    Ok(matches!(
        job.command.get()?.as_str(),
        "glueetl" | "gluestreaming"
    ))
}

/// `major.minor` as a comparable pair; Glue runs 0.9 when GlueVersion is unset.
pub(crate) fn glue_version(job: &GlueJob) -> (u32, u32) {
    parse_version(job.glue_version.as_deref().unwrap_or("0.9"))
}

fn parse_version(v: &str) -> (u32, u32) {
    let mut parts = v.split('.').map(|p| p.trim().parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

crate::checks! {
    "glue.job_supported_version" {
        title: "Glue job runs a supported Glue version",
        resource: "AwsGlueJob",
        severity: Medium,
        also: [Security],
        security_hub: "Glue.4",
        practice: "PERF02-BP01",
        rationale: "Old Glue versions run old Spark and Python without security fixes, \
            start slower and lack auto scaling; AWS ends their support.",
        remediation: "Move the job to the latest Glue version after testing it there.",
        cli: "aws glue update-job --job-name <job> --job-update '{\"Role\":\"<role-arn>\",\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"<script>\"},\"GlueVersion\":\"5.0\"}'",
        each: job_supported_version,
    }
    "glue.job_auto_scaling" {
        title: "Glue Spark job scales its workers automatically",
        resource: "AwsGlueJob",
        severity: Low,
        also: [CostOptimization],
        practice: "PERF02-BP06",
        rationale: "With auto scaling a Spark job adds workers for wide stages and releases \
            idle ones, instead of paying for the peak for the whole run.",
        remediation: "Set --enable-auto-scaling to true; NumberOfWorkers becomes the maximum.",
        cli: "aws glue update-job --job-name <job> --job-update '{\"Role\":\"<role-arn>\",\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"<script>\"},\"DefaultArguments\":{\"--enable-auto-scaling\":\"true\"}}'",
        each: job_auto_scaling,
    }
    "glue.table_partitioned" {
        title: "Glue table is partitioned",
        resource: "AwsGlueTable",
        severity: Low,
        also: [CostOptimization],
        practice: "PERF03-BP02",
        rationale: "Without partition keys every query scans the whole table; Athena and \
            Redshift Spectrum bill by bytes scanned.",
        remediation: "Lay the data out by the columns queries filter on (usually a date) and \
            declare them as partition keys, or move the table to Iceberg.",
        cli: "aws athena start-query-execution --query-string \"CREATE TABLE <db>.<table>_by_day WITH (format='PARQUET', partitioned_by=ARRAY['dt']) AS SELECT * FROM <db>.<table>\"",
        each: table_partitioned,
    }
}

fn job_supported_version(job: &GlueJob, _: &GlueRegion, cx: &Context) -> Judged {
    let minimum = parse_version(&cx.config.glue.min_version);
    let shown = job.glue_version.as_deref().unwrap_or("0.9 (unset)");
    if glue_version(job) >= minimum {
        pass(format!("Glue {shown}"))
    } else {
        fail(format!(
            "Glue {shown} is below {}",
            cx.config.glue.min_version
        ))
    }
}

fn job_auto_scaling(job: &GlueJob, _: &GlueRegion, _: &Context) -> Judged {
    // Auto scaling exists for Spark jobs from Glue 3.0 on.
    if !is_spark(job)? || glue_version(job) < (3, 0) {
        return not_applicable();
    }
    match job.arguments.get("--enable-auto-scaling") {
        Some(v) if v.eq_ignore_ascii_case("true") => pass("auto scaling is on"),
        _ => fail("--enable-auto-scaling is not true"),
    }
}

fn table_partitioned(table: &GlueTable, _: &GlueRegion, _: &Context) -> Judged {
    // Views and tables without storage hold no data to lay out; Iceberg,
    // Delta and Hudi manage their own layout; any other table, identified or
    // not, is judged on its partition keys.
    if !table.has_storage || table.table_type.as_deref() == Some("VIRTUAL_VIEW") {
        return not_applicable();
    }
    let format = classify(table);
    if format.is_some_and(|f| f.is_open_table_format()) {
        return not_applicable();
    }
    let kind = format.map_or("table of unidentified format".into(), |f| {
        format!("{} table", f.name())
    });
    match table.partition_keys {
        0 => fail(format!("{kind} without partition keys")),
        n => pass(format!("{n} partition key(s)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::config::Config;
    use crate::findings::finding::Status::*;
    use crate::testing::*;

    #[test]
    fn supported_version() {
        let id = "glue.job_supported_version";
        let with = |v: Option<&str>| {
            let mut job = good_job("j");
            job.glue_version = v.map(Into::into);
            job
        };
        assert_eq!(job_verdict(id, with(Some("3.0"))).unwrap().0, Pass);
        assert_eq!(job_verdict(id, with(Some("4.0"))).unwrap().0, Pass);
        assert_eq!(job_verdict(id, with(Some("2.0"))).unwrap().0, Fail);
        let (status, message) = job_verdict(id, with(None)).unwrap();
        assert_eq!(
            (status, message.as_str()),
            (Fail, "Glue 0.9 (unset) is below 3.0")
        );

        let mut config = Config::default();
        config.glue.min_version = "4.0".into();
        let mut region = glue_region();
        region.jobs = vec![with(Some("3.0"))];
        assert_eq!(run_with(id, &glue_inventory(region), &config)[0].1, Fail);
    }

    #[test]
    fn auto_scaling_for_spark_from_glue_3() {
        let id = "glue.job_auto_scaling";
        assert_eq!(job_verdict(id, good_job("j")).unwrap().0, Pass);
        let mut job = good_job("j");
        job.arguments.remove("--enable-auto-scaling");
        assert_eq!(job_verdict(id, job.clone()).unwrap().0, Fail);
        job.glue_version = Some("2.0".into());
        assert_eq!(job_verdict(id, job), None);
        let mut shell = good_job("j");
        shell.command = crate::model::Observed::Known("pythonshell".into());
        shell.arguments.clear();
        assert_eq!(job_verdict(id, shell), None);
    }

    fn table(input: &str, partitions: usize) -> GlueTable {
        GlueTable {
            database: "db".into(),
            name: "t".into(),
            arn: "arn:aws:glue:us-east-1:123456789012:table/db/t".into(),
            has_storage: true,
            table_type: Some("EXTERNAL_TABLE".into()),
            input_format: Some(input.into()),
            partition_keys: partitions,
            ..GlueTable::default()
        }
    }

    fn region_with(table: GlueTable) -> GlueRegion {
        let mut region = glue_region();
        region.tables = vec![table];
        region
    }

    #[test]
    fn partitioning() {
        let id = "glue.table_partitioned";
        let parquet = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
        assert_eq!(
            glue_verdict(id, region_with(table(parquet, 1))).unwrap().0,
            Pass
        );
        assert_eq!(
            glue_verdict(id, region_with(table(parquet, 0))).unwrap().0,
            Fail
        );
        let mut iceberg = table("", 0);
        iceberg
            .format_parameters
            .insert("table_type".into(), "ICEBERG".into());
        assert_eq!(glue_verdict(id, region_with(iceberg)), None);
        let mut view = table(parquet, 0);
        view.table_type = Some("VIRTUAL_VIEW".into());
        assert_eq!(glue_verdict(id, region_with(view)), None);
        // A format nothing identifies still gets a verdict.
        let unknown = table("com.example.CustomInputFormat", 0);
        assert_eq!(
            glue_verdict(id, region_with(unknown)).unwrap(),
            (
                Fail,
                "table of unidentified format without partition keys".into()
            )
        );
    }
}
