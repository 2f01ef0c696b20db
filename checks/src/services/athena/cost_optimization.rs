//! The Athena checks of this pillar.

use crate::engine::check::Context;
use crate::engine::roles::bucket_of;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{AthenaRegion, AthenaWorkGroup, Service, Unobserved, UnobservedKind};

crate::checks! {
    "athena.workgroup_bytes_scanned_cutoff" {
        title: "Athena workgroup limits the data one query may scan",
        resource: "AwsAthenaWorkGroup",
        severity: Medium,
        practice: "COST02-BP05",
        rationale: "Athena bills by the bytes scanned: without a per-query limit, one \
            SELECT * over an unpartitioned table scans, and bills, the whole lake.",
        remediation: "Set a per-query data usage control (BytesScannedCutoffPerQuery).",
        cli: "aws athena update-work-group --work-group <workgroup> --configuration-updates BytesScannedCutoffPerQuery=10000000000",
        each: bytes_scanned_cutoff,
    }
    "athena.results_bucket_expiration" {
        title: "Athena query results expire",
        resource: "AwsAthenaWorkGroup",
        severity: Low,
        also: [Sustainability],
        practice: "COST04-BP05",
        rationale: "Every query leaves its result and metadata files in the result \
            location; without an expiration rule they pile up and are stored forever.",
        remediation: "Add an enabled lifecycle rule that expires objects under the \
            workgroup's result location (for example after 30 days).",
        cli: "aws s3api put-bucket-lifecycle-configuration --bucket <bucket> --lifecycle-configuration '{\"Rules\":[{\"ID\":\"expire-athena-results\",\"Status\":\"Enabled\",\"Filter\":{\"Prefix\":\"<prefix>\"},\"Expiration\":{\"Days\":30}}]}'",
        each: results_expiration,
    }
}

fn bytes_scanned_cutoff(w: &AthenaWorkGroup, _: &AthenaRegion, _: &Context) -> Judged {
    match w.configuration.get()?.bytes_scanned_cutoff {
        Some(bytes) => pass(format!("one query may scan at most {bytes} bytes")),
        None => fail("no per-query limit (BytesScannedCutoffPerQuery unset): one query can scan the whole lake"),
    }
}

fn results_expiration(w: &AthenaWorkGroup, _: &AthenaRegion, cx: &Context) -> Judged {
    let Some(location) = w.configuration.get()?.output_location.as_deref() else {
        return not_applicable();
    };
    let Some(bucket) = bucket_of(location) else {
        return not_applicable();
    };
    let prefix = location
        .split_once("://")
        .and_then(|(_, rest)| rest.split_once('/'))
        .map_or("", |(_, key)| key);
    let not_seen = |why: String| {
        Unobserved::new(
            UnobservedKind::NotScanned,
            "s3:GetBucketLifecycleConfiguration",
        )
        .with_message(why)
    };
    let s3 = cx
        .inventory
        .s3
        .as_ref()
        .ok_or_else(|| not_seen("S3 was not scanned".into()))?;
    let Some(found) = s3.buckets.iter().find(|b| b.name == bucket) else {
        if let Some(gap) = cx.inventory.gap(Service::S3, None) {
            return Err(gap.reason.clone());
        }
        if s3.account_bucket_names.iter().any(|b| b == bucket) {
            return Err(not_seen(format!(
                "bucket {bucket} is outside the scanned regions"
            )));
        }
        // Another account's bucket: its lifecycle is not this account's to see.
        return not_applicable();
    };
    let expiring = found.lifecycle.get()?.iter().find(|rule| {
        rule.enabled && rule.expires_current && !rule.narrowed && prefix.starts_with(&rule.prefix)
    });
    match expiring {
        Some(rule) => pass(format!(
            "results in s3://{bucket}/{prefix} expire (lifecycle rule `{}`)",
            rule.id
        )),
        None => fail(format!(
            "no enabled lifecycle rule expires the results in s3://{bucket}/{prefix}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn cutoff() {
        let id = "athena.workgroup_bytes_scanned_cutoff";
        assert_eq!(workgroup_verdict(id, good_workgroup("wg")).unwrap().0, Pass);
        let mut w = good_workgroup("wg");
        if let Observed::Known(c) = &mut w.configuration {
            c.bytes_scanned_cutoff = None;
        }
        assert_eq!(workgroup_verdict(id, w).unwrap().0, Fail);
    }

    fn results_bucket(rules: Vec<LifecycleRule>) -> Bucket {
        let mut b = bare_bucket("athena-results", "us-east-1");
        b.lifecycle = Observed::Known(rules);
        b
    }

    fn expire(prefix: &str) -> LifecycleRule {
        LifecycleRule {
            id: "expire".into(),
            enabled: true,
            prefix: prefix.into(),
            expires_current: true,
            ..LifecycleRule::default()
        }
    }

    fn verdict(bucket: Option<Bucket>) -> Option<crate::findings::finding::Status> {
        let id = "athena.results_bucket_expiration";
        let mut inv = with_athena(
            inventory(bucket.into_iter().collect()),
            vec![good_workgroup("wg")],
        );
        if let Some(s3) = &mut inv.s3 {
            s3.account_bucket_names.push("elsewhere".into());
        }
        run(id, &inv).pop().map(|(_, s, _)| s)
    }

    #[test]
    fn results_expire_under_the_output_prefix() {
        // good_workgroup writes to s3://athena-results/wg/.
        assert_eq!(verdict(Some(results_bucket(vec![expire("")]))), Some(Pass));
        assert_eq!(
            verdict(Some(results_bucket(vec![expire("wg/")]))),
            Some(Pass)
        );
        assert_eq!(
            verdict(Some(results_bucket(vec![expire("other/")]))),
            Some(Fail)
        );
        let mut disabled = expire("");
        disabled.enabled = false;
        assert_eq!(verdict(Some(results_bucket(vec![disabled]))), Some(Fail));
        let mut tagged = expire("");
        tagged.narrowed = true;
        assert_eq!(verdict(Some(results_bucket(vec![tagged]))), Some(Fail));
        assert_eq!(verdict(Some(results_bucket(vec![]))), Some(Fail));
        let mut unreadable = results_bucket(vec![]);
        unreadable.lifecycle = Observed::Unknown(denied("s3:GetBucketLifecycleConfiguration"));
        assert_eq!(verdict(Some(unreadable)), Some(Unknown));
        // Another account's bucket is not judged.
        assert_eq!(verdict(None), None);
    }

    #[test]
    fn results_bucket_not_seen() {
        let id = "athena.results_bucket_expiration";
        let mut inv = with_athena(inventory(vec![]), vec![good_workgroup("wg")]);
        inv.s3.as_mut().unwrap().account_bucket_names = vec!["athena-results".into()];
        assert_eq!(run(id, &inv)[0].1, Unknown, "outside the scanned regions");
        inv.s3 = None;
        assert_eq!(run(id, &inv)[0].1, Unknown, "S3 not scanned");
    }
}
