//! The Glue checks of this pillar.

use crate::engine::check::{Context, Judgement};
use crate::engine::inputs::{missing_tags, region_record};
use crate::engine::resource::one;
use crate::engine::roles::bucket_of;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::interpret::event_pattern::unknown_value;
use crate::interpret::iac;
use crate::interpret::pattern::wildcard_match;
use crate::model::{GlueJob, GlueRegion, GlueTable, Service, Unobserved, UnobservedKind};
use crate::services::eventbridge::alerting::{coverage, Coverage};
use crate::services::glue::resources::database_ref;
use serde_json::Value;

crate::checks! {
    "glue.job_continuous_logging" {
        title: "Glue job streams its logs to CloudWatch while it runs",
        resource: "AwsGlueJob",
        severity: Medium,
        practice: "OPS04-BP02",
        rationale: "Continuous logging shows driver and executor progress during a run, \
            not only after it ends, which is when a stuck job needs diagnosing.",
        remediation: "Set the default argument --enable-continuous-cloudwatch-log to true.",
        cli: "aws glue update-job --job-name <job> --job-update '{\"Role\":\"<role-arn>\",\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"<script>\"},\"DefaultArguments\":{\"--enable-continuous-cloudwatch-log\":\"true\"}}'",
        each: continuous_logging,
    }
    "glue.job_metrics" {
        title: "Glue job publishes job metrics",
        resource: "AwsGlueJob",
        severity: Low,
        practice: "OPS04-BP02",
        rationale: "Job metrics (memory, shuffle, data read and written) are what capacity \
            and failure alarms are built on.",
        remediation: "Add the default argument --enable-metrics.",
        cli: "aws glue update-job --job-name <job> --job-update '{\"Role\":\"<role-arn>\",\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"<script>\"},\"DefaultArguments\":{\"--enable-metrics\":\"true\"}}'",
        each: job_metrics,
    }
    "glue.job_owner_tag" {
        title: "Glue job carries the required tags",
        resource: "AwsGlueJob",
        severity: Low,
        security_hub: "Glue.1",
        practice: "OPS02-BP01",
        rationale: "A failing pipeline without an owner tag has nobody to route the alarm \
            to, and its cost cannot be charged back.",
        remediation: "Tag the job with the keys your organisation requires (by default `owner`).",
        cli: "aws glue tag-resource --resource-arn <job-arn> --tags-to-add owner=<team>",
        each: job_owner_tag,
    }
    "glue.job_failure_alerting" {
        title: "A failed or timed-out Glue job run raises an alert",
        resource: "AwsGlueJob",
        severity: Medium,
        also: [Reliability],
        practice: "OPS08-BP04",
        rationale: "A nightly job that fails silently is found by the people reading \
            yesterday's numbers; an EventBridge rule on the job's FAILED and TIMEOUT \
            state changes tells the team when it happens.",
        remediation: "Add an enabled EventBridge rule on the default bus matching source \
            aws.glue, detail-type \"Glue Job State Change\" and states FAILED and TIMEOUT \
            (for every job, or naming this one), with a notification target.",
        cli: "aws events put-rule --name glue-job-failures --event-pattern '{\"source\":[\"aws.glue\"],\"detail-type\":[\"Glue Job State Change\"],\"detail\":{\"state\":[\"FAILED\",\"TIMEOUT\"]}}'",
        each: failure_alerting,
    }
    "glue.job_deployed_as_code" {
        title: "Glue job is deployed as code",
        resource: "AwsGlueJob",
        severity: Low,
        practice: "OPS05-BP01",
        rationale: "A job edited by hand in the console has no review, no history and no \
            way back; one deployed from a repository (CloudFormation, the CDK, \
            Terraform, Glue's own source control) has all three.",
        remediation: "Deploy the job from a repository with CloudFormation, the CDK or \
            Terraform (tagging it as lakelint.toml's `iac_tag_keys` say), or link it to \
            source control.",
        cli: "aws glue update-source-control-from-job --job-name <job> --provider GITHUB --repository-owner <owner> --repository-name <repo>",
        each: deployed_as_code,
    }
    "glue.database_data_quality" {
        title: "Data Quality rulesets check the Glue database's tables",
        resource: "AwsGlueDatabase",
        severity: Low,
        practice: "OPS05-BP02",
        rationale: "A pipeline that loads nulls, duplicates or a broken schema succeeds \
            as far as its job state is concerned; Data Quality rules on the tables it \
            writes catch the bad load before the people reading the numbers do.",
        remediation: "Add a Glue Data Quality ruleset (a recommendation run drafts one) to \
            the database's most-read tables, and evaluate it in the pipeline or on a \
            schedule. lakelint.toml `[glue] data_quality_databases` narrows which \
            databases are judged.",
        cli: "aws glue start-data-quality-rule-recommendation-run --data-source '{\"GlueTable\":{\"DatabaseName\":\"<database>\",\"TableName\":\"<table>\"}}' --role <role-arn>",
        judge: database_data_quality,
    }
    "glue.table_location_exists" {
        title: "Glue table points at a bucket that exists",
        resource: "AwsGlueTable",
        severity: Medium,
        also: [Reliability],
        practice: "OPS05-BP03",
        rationale: "A table whose bucket is gone fails every query, and anyone who \
            creates a bucket of that name receives the writes meant for the lake.",
        remediation: "Point the table at its current location, or drop it.",
        cli: "aws glue delete-table --database-name <database> --name <table>",
        each: table_location_exists,
    }
}

/// Per database the config names: whether a ruleset targets one of its tables.
fn database_data_quality(cx: &Context) -> Vec<Judgement> {
    let patterns = &cx.config.glue.data_quality_databases;
    let mut out = Vec::new();
    for region in cx.inventory.glue.iter().flat_map(|g| &g.regions) {
        for database in &region.databases {
            if !patterns.iter().any(|p| wildcard_match(p, database)) {
                continue;
            }
            let judged = region.data_quality_targets.get().and_then(|targets| {
                let prefix = format!("{database}.");
                let checked: std::collections::BTreeSet<&str> = targets
                    .iter()
                    .filter_map(|t| t.strip_prefix(&prefix))
                    .collect();
                if checked.is_empty() {
                    return fail("no Data Quality ruleset checks any of its tables");
                }
                let tables: Vec<&str> = checked.into_iter().collect();
                pass(format!("Data Quality rulesets check {}", tables.join(", ")))
            });
            out.extend(one(database_ref(region, database, cx.inventory), judged));
        }
    }
    out
}

fn continuous_logging(job: &GlueJob, _: &GlueRegion, _: &Context) -> Judged {
    match job.arguments.get("--enable-continuous-cloudwatch-log") {
        Some(v) if v.eq_ignore_ascii_case("true") => pass("continuous CloudWatch logging is on"),
        _ => fail("--enable-continuous-cloudwatch-log is not true"),
    }
}

fn job_metrics(job: &GlueJob, _: &GlueRegion, _: &Context) -> Judged {
    if job.arguments.contains_key("--enable-metrics") {
        pass("job metrics are on")
    } else {
        fail("--enable-metrics is absent")
    }
}

fn job_owner_tag(job: &GlueJob, _: &GlueRegion, cx: &Context) -> Judged {
    let required = cx.config.glue_job_required_tags();
    if required.is_empty() {
        return not_applicable();
    }
    let missing = missing_tags(required, job.tags.get()?);
    if missing.is_empty() {
        pass(format!("has required tag(s): {}", required.join(", ")))
    } else {
        fail(format!("missing required tag(s): {}", missing.join(", ")))
    }
}

fn deployed_as_code(job: &GlueJob, _: &GlueRegion, cx: &Context) -> Judged {
    if let Some(repository) = &job.source_control {
        return pass(format!("linked to source control: {repository}"));
    }
    match iac::mark(job.tags.get()?, &cx.config.iac_tag_keys) {
        Some(mark) => pass(format!("deployed as code: {mark}")),
        None => fail(format!(
            "no CloudFormation stack tag, no source control and none of the tags {}",
            cx.config.iac_tag_keys.join(", ")
        )),
    }
}

/// The states a run ends in when it did not do its work, with the severity
/// Glue gives the event.
const FAILED_STATES: [(&str, &str); 2] = [("FAILED", "ERROR"), ("TIMEOUT", "WARN")];

/// A Glue Job State Change event as EventBridge receives it, with every field
/// a real one carries; those a run decides (its id, message, time) are
/// present but unknown.
fn job_state_change(
    job: &GlueJob,
    region: &str,
    cx: &Context,
    state: &str,
    severity: &str,
) -> Value {
    serde_json::json!({
        "version": "0", "id": unknown_value("id"), "source": "aws.glue",
        "detail-type": "Glue Job State Change",
        "account": cx.inventory.account.account_id, "time": unknown_value("time"),
        "region": region, "resources": [],
        "detail": {
            "jobName": job.name, "state": state, "severity": severity,
            "jobRunId": unknown_value("detail.jobRunId"),
            "message": unknown_value("detail.message"),
        },
    })
}

fn failure_alerting(job: &GlueJob, region: &GlueRegion, cx: &Context) -> Judged {
    let events = region_record(
        cx.inventory,
        cx.inventory.eventbridge.as_ref(),
        Service::EventBridge,
        "events:ListRules",
        &region.region,
        |r| &r.region,
    )?;
    let Coverage {
        covered,
        uncovered,
        doubt,
    } = coverage(
        &events.rules,
        FAILED_STATES.map(|(state, severity)| {
            (
                state,
                job_state_change(job, &region.region, cx, state, severity),
            )
        }),
    );
    // A state no rule covers fails the job, whatever is unknown of the other.
    match (uncovered.is_empty(), doubt) {
        (false, _) => fail(format!(
            "no enabled EventBridge rule of the default bus matches a {} run of this job",
            uncovered.join(" or ")
        )),
        (true, Some(reason)) => Err(reason),
        (true, None) => pass(format!("alerts on {}", covered.join(", "))),
    }
}

fn table_location_exists(table: &GlueTable, _: &GlueRegion, cx: &Context) -> Judged {
    let Some(bucket) = table.location.as_deref().and_then(bucket_of) else {
        return not_applicable();
    };
    let s3 = cx.inventory.s3.as_ref().ok_or_else(|| {
        Unobserved::new(UnobservedKind::NotScanned, "s3:ListBuckets")
            .with_message("S3 was not scanned, so bucket names are unknown")
    })?;
    if let Some(gap) = cx.inventory.gap(Service::S3, None) {
        return Err(gap.reason.clone());
    }
    if s3.account_bucket_names.iter().any(|b| b == bucket) {
        pass(format!("location bucket s3://{bucket} exists"))
    } else {
        fail(format!(
            "location bucket s3://{bucket} does not exist in the account"
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::config::Config;
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn data_quality_per_database() {
        let id = "glue.database_data_quality";
        let mut region = glue_region();
        region.databases = vec!["curated".into(), "raw".into(), "scratch_1".into()];
        region.data_quality_targets = Observed::Known(vec![
            "curated.orders".into(),
            "curated.orders".into(),
            "curated.customers".into(),
            // Another database's table does not count for `raw`.
            "rawish.events".into(),
        ]);
        let inv = glue_inventory(region.clone());
        let verdicts = run(id, &inv);
        assert_eq!(
            verdicts,
            [
                (
                    "curated".to_string(),
                    Pass,
                    "Data Quality rulesets check customers, orders".to_string()
                ),
                (
                    "raw".to_string(),
                    Fail,
                    "no Data Quality ruleset checks any of its tables".to_string()
                ),
                (
                    "scratch_1".to_string(),
                    Fail,
                    "no Data Quality ruleset checks any of its tables".to_string()
                ),
            ]
        );
        // Only the databases the config names are judged.
        let mut config = Config::default();
        config.glue.data_quality_databases = vec!["cur*".into(), "raw".into()];
        let names: Vec<String> = run_with(id, &inv, &config)
            .into_iter()
            .map(|(name, _, _)| name)
            .collect();
        assert_eq!(names, ["curated", "raw"]);
        // Rulesets that could not be listed: every database is UNKNOWN.
        region.data_quality_targets = Observed::Unknown(denied("glue:ListDataQualityRulesets"));
        let verdicts = run(id, &glue_inventory(region));
        assert!(
            verdicts
                .iter()
                .all(|(_, status, message)| *status == Unknown
                    && message.contains("glue:ListDataQualityRulesets")),
            "{verdicts:?}"
        );
        assert_eq!(verdicts.len(), 3);
    }

    #[test]
    fn logging_and_metrics() {
        for (id, key) in [
            (
                "glue.job_continuous_logging",
                "--enable-continuous-cloudwatch-log",
            ),
            ("glue.job_metrics", "--enable-metrics"),
        ] {
            assert_eq!(job_verdict(id, good_job("j")).unwrap().0, Pass);
            let mut job = good_job("j");
            job.arguments.remove(key);
            assert_eq!(job_verdict(id, job).unwrap().0, Fail, "{id}");
        }
        let mut job = good_job("j");
        job.arguments
            .insert("--enable-continuous-cloudwatch-log".into(), "false".into());
        assert_eq!(
            job_verdict("glue.job_continuous_logging", job).unwrap().0,
            Fail
        );
    }

    #[test]
    fn owner_tag() {
        let id = "glue.job_owner_tag";
        assert_eq!(job_verdict(id, good_job("j")).unwrap().0, Pass);
        let mut job = good_job("j");
        job.tags = Observed::Known(Default::default());
        assert_eq!(job_verdict(id, job).unwrap().0, Fail);
        let mut job = good_job("j");
        job.tags = Observed::Unknown(denied("glue:GetTags"));
        assert_eq!(job_verdict(id, job).unwrap().0, Unknown);

        let mut config = Config::default();
        config.glue.required_tags = Some(vec!["pipeline".into()]);
        let mut region = glue_region();
        region.jobs = vec![good_job("j")];
        let out = run_with(id, &glue_inventory(region), &config);
        assert_eq!(out[0].2, "missing required tag(s): pipeline");
    }

    fn rule(name: &str, state: Option<&str>, pattern: serde_json::Value) -> EventRule {
        EventRule {
            name: name.into(),
            arn: format!("arn:aws:events:us-east-1:123456789012:rule/{name}"),
            state: state.map(Into::into),
            event_pattern: Some(pattern.to_string()),
        }
    }

    fn alerting(rules: Vec<EventRule>) -> Option<(crate::findings::finding::Status, String)> {
        let mut region = glue_region();
        region.jobs = vec![good_job("orders"), good_job("customers")];
        let mut inv = glue_inventory(region);
        inv.eventbridge = Some(EventBridgeInventory {
            regions: vec![EventBridgeRegion {
                region: "us-east-1".into(),
                rules,
            }],
        });
        run("glue.job_failure_alerting", &inv)
            .into_iter()
            .find(|(job, ..)| job == "orders")
            .map(|(_, s, m)| (s, m))
    }

    #[test]
    fn failure_alerting() {
        use serde_json::json;
        let all_jobs = json!({"source": ["aws.glue"], "detail-type": ["Glue Job State Change"],
                              "detail": {"state": ["FAILED", "TIMEOUT"]}});
        assert_eq!(
            alerting(vec![rule("all", Some("ENABLED"), all_jobs.clone())])
                .unwrap()
                .0,
            Pass
        );
        assert_eq!(
            alerting(vec![rule("all", Some("DISABLED"), all_jobs.clone())])
                .unwrap()
                .0,
            Fail
        );
        let other_job = json!({"source": ["aws.glue"], "detail": {"jobName": ["customers"]}});
        assert_eq!(
            alerting(vec![rule("other", Some("ENABLED"), other_job)])
                .unwrap()
                .0,
            Fail
        );
        let failed_only =
            json!({"source": ["aws.glue"], "detail": {"jobName": ["orders"], "state": ["FAILED"]}});
        let (status, message) =
            alerting(vec![rule("failed", Some("ENABLED"), failed_only)]).unwrap();
        assert_eq!(status, Fail);
        assert!(message.contains("a TIMEOUT run"), "{message}");
        assert_eq!(alerting(vec![]).unwrap().0, Fail);
        assert_eq!(
            alerting(vec![rule("?", None, all_jobs)]).unwrap().0,
            Unknown
        );
    }

    /// A rule that excludes the job through a filter lakelint does not
    /// evaluate is not credited with it (it was, when "does not match" was
    /// negated into "matches").
    #[test]
    fn failure_alerting_with_filters_lakelint_cannot_evaluate() {
        use serde_json::json;
        let excluding = |filter: serde_json::Value| {
            json!({"source": ["aws.glue"], "detail-type": ["Glue Job State Change"],
                   "detail": {"state": ["FAILED", "TIMEOUT"],
                              "jobName": [{"anything-but": filter}]}})
        };
        for filter in [
            json!({"equals-ignore-case": ["ORDERS", "x"]}),
            json!({"wildcard": ["ord*", "x*"]}),
            json!({"prefix": ["ord", "x"]}),
        ] {
            let (status, message) =
                alerting(vec![rule("r", Some("ENABLED"), excluding(filter.clone()))]).unwrap();
            assert_eq!(status, Fail, "{filter}: {message}");
        }
        let (status, message) = alerting(vec![rule(
            "r",
            Some("ENABLED"),
            excluding(json!({"cidr": "10.0.0.0/8"})),
        )])
        .unwrap();
        assert_eq!(
            (status, message.as_str()),
            (Unknown, "not evaluated: events:ListRules")
        );
        // The finding says why.
        let mut region = glue_region();
        region.jobs = vec![good_job("orders")];
        let mut inv = glue_inventory(region);
        inv.eventbridge = Some(EventBridgeInventory {
            regions: vec![EventBridgeRegion {
                region: "us-east-1".into(),
                rules: vec![rule(
                    "r",
                    Some("ENABLED"),
                    excluding(json!({"cidr": "10.0.0.0/8"})),
                )],
            }],
        });
        let selection = crate::Selection {
            checks: vec!["glue.job_failure_alerting".into()],
            ..Default::default()
        };
        let findings = crate::evaluate(&inv, &Config::default(), &selection);
        assert_eq!(
            findings[0].message,
            "could not be evaluated: rule r: the pattern uses a filter lakelint does not evaluate: {\"anything-but\":{\"cidr\":\"10.0.0.0/8\"}} (not evaluated: events:ListRules)"
        );
        // Fields of the real event a rule may filter on are there to judge.
        let on_run_ids = json!({"source": ["aws.glue"], "detail": {"state": ["FAILED", "TIMEOUT"],
                                "jobRunId": [{"exists": true}], "account": [{"exists": false}]}});
        assert_eq!(
            alerting(vec![rule("r", Some("ENABLED"), on_run_ids)])
                .unwrap()
                .0,
            Pass
        );
        let on_messages = json!({"source": ["aws.glue"], "detail": {"state": ["FAILED", "TIMEOUT"],
                                 "message": [{"prefix": "Command failed"}]}});
        assert_eq!(
            alerting(vec![rule("r", Some("ENABLED"), on_messages)])
                .unwrap()
                .0,
            Unknown
        );
        // A state no rule covers fails, whatever is unknown of the other.
        let failed_known = json!({"source": ["aws.glue"], "detail": {"state": ["FAILED"]}});
        let timeout_unknown = json!({"source": ["aws.glue"], "detail": {"state": ["TIMEOUT"],
                                     "message": [{"prefix": "x"}]}});
        assert_eq!(
            alerting(vec![
                rule("a", Some("ENABLED"), failed_known),
                rule("b", Some("ENABLED"), timeout_unknown)
            ])
            .unwrap()
            .0,
            Unknown
        );
        let timeout_unknown = json!({"source": ["aws.glue"], "detail": {"state": ["TIMEOUT"],
                                     "message": [{"prefix": "x"}]}});
        assert_eq!(
            alerting(vec![rule("b", Some("ENABLED"), timeout_unknown)])
                .unwrap()
                .0,
            Fail
        );
    }

    #[test]
    fn failure_alerting_needs_eventbridge() {
        let mut region = glue_region();
        region.jobs = vec![good_job("orders")];
        let inv = glue_inventory(region);
        let out = run("glue.job_failure_alerting", &inv);
        assert_eq!(out[0].1, Unknown);
        assert_eq!(out[0].2, "not scanned: events:ListRules");
        let mut inv = glue_inventory(glue_region());
        inv.glue.as_mut().unwrap().regions[0].jobs = vec![good_job("orders")];
        inv.eventbridge = Some(EventBridgeInventory::default());
        deny_listing(
            &mut inv,
            Service::EventBridge,
            Some("us-east-1"),
            "events:ListRules",
        );
        assert_eq!(
            run("glue.job_failure_alerting", &inv)[0].2,
            "access denied: events:ListRules"
        );
    }

    fn table_at(location: &str) -> GlueRegion {
        let mut region = glue_region();
        region.tables = vec![GlueTable {
            database: "sales".into(),
            name: "orders".into(),
            arn: "arn:aws:glue:us-east-1:123456789012:table/sales/orders".into(),
            has_storage: true,
            location: Some(location.into()),
            ..GlueTable::default()
        }];
        region
    }

    #[test]
    fn table_location() {
        let id = "glue.table_location_exists";
        let mut inv = glue_inventory(table_at("s3://lake/orders/"));
        inv.s3.as_mut().unwrap().account_bucket_names = vec!["lake".into()];
        assert_eq!(run(id, &inv)[0].1, Pass);

        let inv = glue_inventory(table_at("s3://gone/orders/"));
        let out = run(id, &inv);
        assert_eq!((out[0].0.as_str(), out[0].1), ("sales.orders", Fail));

        let mut inv = glue_inventory(table_at("s3://lake/orders/"));
        inv.s3 = None;
        assert_eq!(run(id, &inv)[0].2, "not scanned: s3:ListBuckets");

        let mut inv = glue_inventory(table_at("s3://lake/orders/"));
        deny_listing(&mut inv, Service::S3, None, "s3:ListBuckets");
        assert_eq!(run(id, &inv)[0].1, Unknown);

        assert!(run(id, &glue_inventory(table_at("hdfs://x/y"))).is_empty());
    }

    #[test]
    fn deployed_as_code_by_tag_stack_or_source_control() {
        let id = "glue.job_deployed_as_code";
        assert_eq!(job_verdict(id, good_job("j")).unwrap().0, Pass);
        let mut by_hand = good_job("j");
        by_hand.tags = Observed::Known([("owner".to_string(), "data".to_string())].into());
        let (status, message) = job_verdict(id, by_hand.clone()).unwrap();
        assert_eq!(status, Fail);
        assert!(message.contains("managed-by, terraform"), "{message}");
        let mut stack = by_hand.clone();
        stack.tags = Observed::Known(
            [(
                "aws:cloudformation:stack-name".to_string(),
                "etl".to_string(),
            )]
            .into(),
        );
        assert_eq!(job_verdict(id, stack).unwrap().0, Pass);
        let mut linked = by_hand.clone();
        linked.source_control = Some("GITHUB acme/etl".into());
        linked.tags = Observed::Unknown(denied("glue:GetTags"));
        // Source control decides without the tags.
        assert_eq!(job_verdict(id, linked).unwrap().0, Pass);
        let mut unknown = by_hand;
        unknown.tags = Observed::Unknown(denied("glue:GetTags"));
        assert_eq!(job_verdict(id, unknown).unwrap().0, Unknown);
    }
}
