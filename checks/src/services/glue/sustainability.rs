//! The Glue checks of this pillar.

use crate::engine::check::{Context, Judgement};
use crate::engine::resource::each;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::interpret::schedule::{describe, InWindow, Schedule};
use crate::interpret::table_format::classify;
use crate::model::{GlueCrawler, GlueRegion, GlueTable, GlueTrigger, Unobserved, UnobservedKind};

crate::checks! {
    "glue.table_columnar_format" {
        title: "Glue table is stored in a columnar or binary format",
        resource: "AwsGlueTable",
        severity: Medium,
        also: [PerformanceEfficiency, CostOptimization],
        practice: "SUS04-BP02",
        rationale: "CSV and JSON are read whole and stored uncompressed; Parquet or ORC read \
            only the columns a query needs, typically a tenth of the bytes and the compute.",
        remediation: "Rewrite the table as Parquet (or Iceberg) with a CTAS or a Glue job, and \
            point consumers at it.",
        cli: "aws athena start-query-execution --query-string \"CREATE TABLE <db>.<table>_parquet WITH (format='PARQUET', write_compression='SNAPPY') AS SELECT * FROM <db>.<table>\"",
        each: table_columnar_format,
    }
    "glue.trigger_off_peak" {
        title: "Scheduled Glue work runs outside the peak window",
        resource: "AwsGlueTrigger",
        severity: Low,
        practice: "SUS02-BP06",
        rationale: "Batch work scheduled in the hours interactive users need the platform \
            competes with them for capacity; moved off-peak it runs on capacity that is \
            idle (and cheaper) then.",
        remediation: "Move the trigger's or crawler's schedule outside the peak window \
            ([peak_window] in lakelint.toml, by default weekdays 08:00-20:00 UTC).",
        cli: "aws glue update-trigger --name <trigger> --trigger-update 'Schedule=cron(0 2 * * ? *)'",
        judge: off_peak,
    }
}

fn off_peak(cx: &Context) -> Vec<Judgement> {
    let mut out = each(cx, |t: &GlueTrigger, _: &GlueRegion, cx| {
        if t.trigger_type.get()? != "SCHEDULED" {
            return not_applicable();
        }
        let state = t
            .state
            .as_deref()
            .ok_or_else(|| Unobserved::not_reported("glue:GetTriggers", "State"))?;
        match state {
            "ACTIVATED" | "ACTIVATING" => {}
            // Never activated, being switched off or deleted: fires nothing.
            "CREATING" | "CREATED" | "DEACTIVATING" | "DEACTIVATED" | "DELETING" => {
                return not_applicable()
            }
            other => {
                return Err(
                    Unobserved::new(UnobservedKind::NotReported, "glue:GetTriggers").with_message(
                        format!("whether a trigger in state {other} fires is not known"),
                    ),
                )
            }
        }
        let schedule = t
            .schedule
            .as_deref()
            .ok_or_else(|| Unobserved::not_reported("glue:GetTriggers", "Schedule"))?;
        judge_schedule(schedule, "glue:GetTriggers", cx)
    });
    out.extend(each(cx, |c: &GlueCrawler, _: &GlueRegion, cx| {
        let Some(schedule) = &c.schedule else {
            return not_applicable(); // run on demand
        };
        match c.schedule_state.as_deref() {
            Some("SCHEDULED") => judge_schedule(schedule, "glue:GetCrawlers", cx),
            Some("NOT_SCHEDULED") => not_applicable(),
            Some(other) => Err(
                Unobserved::new(UnobservedKind::NotReported, "glue:GetCrawlers").with_message(
                    format!("whether a schedule in state {other} fires is not known"),
                ),
            ),
            None => Err(Unobserved::not_reported(
                "glue:GetCrawlers",
                "Schedule.State",
            )),
        }
    }));
    out
}

fn judge_schedule(expression: &str, action: &str, cx: &Context) -> Judged {
    let window = &cx.config.peak_window;
    let schedule = Schedule::parse(expression).map_err(|why| {
        Unobserved::new(UnobservedKind::Error, action)
            .with_code("UnreadSchedule")
            .with_message(why)
    })?;
    match schedule.in_window(window) {
        InWindow::Yes(at) => fail(format!(
            "{expression} fires inside the peak window {} (e.g. {})",
            window.describe(),
            describe(at)
        )),
        InWindow::No => pass(format!(
            "{expression} fires outside the peak window {}",
            window.describe()
        )),
        InWindow::Undetermined => Err(Unobserved::new(UnobservedKind::NotReported, action)
            .with_message(format!(
                "{expression} fires at times set by when it started, which the API does not report"
            ))),
    }
}

fn table_columnar_format(table: &GlueTable, _: &GlueRegion, _: &Context) -> Judged {
    match classify(table) {
        None => not_applicable(),
        Some(format) if format.is_efficient() => pass(format!("stored as {}", format.name())),
        Some(format) => fail(format!("stored as {}", format.name())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::finding::Status::*;
    use crate::testing::*;

    fn region_with(input: &str, serde: &str) -> GlueRegion {
        let mut region = glue_region();
        region.tables = vec![GlueTable {
            database: "db".into(),
            name: "t".into(),
            arn: "arn".into(),
            has_storage: true,
            input_format: Some(input.into()),
            serde_library: Some(serde.into()),
            ..GlueTable::default()
        }];
        region
    }

    #[test]
    fn columnar_passes_text_fails() {
        let id = "glue.table_columnar_format";
        let parquet = region_with(
            "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        );
        assert_eq!(glue_verdict(id, parquet).unwrap().0, Pass);
        let csv = region_with(
            "org.apache.hadoop.mapred.TextInputFormat",
            "org.apache.hadoop.hive.serde2.OpenCSVSerde",
        );
        assert_eq!(
            glue_verdict(id, csv).unwrap(),
            (Fail, "stored as CSV".into())
        );
        let custom = region_with("com.example.In", "com.example.Serde");
        assert_eq!(glue_verdict(id, custom), None);
    }

    fn trigger(name: &str, schedule: &str, state: &str) -> crate::model::GlueTrigger {
        crate::model::GlueTrigger {
            name: name.into(),
            arn: format!("arn:aws:glue:us-east-1:123456789012:trigger/{name}"),
            trigger_type: crate::model::Observed::Known("SCHEDULED".into()),
            state: Some(state.into()),
            schedule: Some(schedule.into()),
        }
    }

    #[test]
    fn triggers_and_crawlers_by_the_peak_window() {
        let id = "glue.trigger_off_peak";
        let mut region = glue_region();
        region.triggers = vec![
            trigger("nightly", "cron(0 2 * * ? *)", "ACTIVATED"),
            trigger("midday", "cron(0 12 ? * MON-FRI *)", "ACTIVATED"),
            trigger("paused", "cron(0 12 ? * MON-FRI *)", "DEACTIVATED"),
            trigger("daily", "rate(1 day)", "ACTIVATED"),
        ];
        let mut conditional = trigger("after-load", "", "ACTIVATED");
        conditional.trigger_type = crate::model::Observed::Known("CONDITIONAL".into());
        region.triggers.push(conditional);
        region.crawlers = vec![crate::model::GlueCrawler {
            name: "lunch-crawl".into(),
            arn: "arn:aws:glue:us-east-1:123456789012:crawler/lunch-crawl".into(),
            security_configuration: None,
            s3_targets: vec![],
            schedule: Some("cron(30 12 * * ? *)".into()),
            schedule_state: Some("SCHEDULED".into()),
        }];
        let inv = glue_inventory(region);
        let got: Vec<(String, crate::findings::finding::Status)> =
            run(id, &inv).into_iter().map(|(r, s, _)| (r, s)).collect();
        assert_eq!(
            got,
            [
                ("lunch-crawl".to_string(), Fail),
                ("daily".to_string(), Unknown),
                ("midday".to_string(), Fail),
                ("nightly".to_string(), Pass),
            ]
        );
        // A weekend-only window moves the verdicts.
        let mut config = crate::findings::config::Config::default();
        config.peak_window.days = vec![0, 6];
        let got: Vec<crate::findings::finding::Status> = run_with(id, &inv, &config)
            .into_iter()
            .map(|(_, s, _)| s)
            .collect();
        assert_eq!(got, [Fail, Unknown, Pass, Pass]);
    }

    /// A trigger never activated fires nothing; a state not reported, or a
    /// crawler schedule in transition, is not known to fire or not.
    #[test]
    fn states_that_fire_and_states_not_known() {
        let id = "glue.trigger_off_peak";
        let midday = "cron(0 12 ? * MON-FRI *)";
        let verdict = |t: crate::model::GlueTrigger| {
            let mut region = glue_region();
            region.triggers = vec![t];
            glue_verdict(id, region)
        };
        assert_eq!(verdict(trigger("t", midday, "CREATED")), None);
        assert_eq!(verdict(trigger("t", midday, "DEACTIVATED")), None);
        assert_eq!(verdict(trigger("t", midday, "ACTIVATING")).unwrap().0, Fail);
        assert_eq!(
            verdict(trigger("t", midday, "UPDATING")).unwrap().0,
            Unknown
        );
        let mut absent = trigger("t", midday, "ACTIVATED");
        absent.state = None;
        assert_eq!(
            verdict(absent).unwrap(),
            (Unknown, "not reported: glue:GetTriggers".into())
        );
        let crawler = |state: Option<&str>| {
            let mut region = glue_region();
            region.crawlers = vec![crate::model::GlueCrawler {
                name: "c".into(),
                arn: "arn:aws:glue:us-east-1:123456789012:crawler/c".into(),
                security_configuration: None,
                s3_targets: vec![],
                schedule: Some(midday.into()),
                schedule_state: state.map(Into::into),
            }];
            glue_verdict(id, region).map(|(s, _)| s)
        };
        assert_eq!(crawler(Some("SCHEDULED")), Some(Fail));
        assert_eq!(crawler(Some("NOT_SCHEDULED")), None);
        assert_eq!(crawler(Some("TRANSITIONING")), Some(Unknown));
        assert_eq!(crawler(None), Some(Unknown));
    }
}
