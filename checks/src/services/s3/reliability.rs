//! The S3 checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{Bucket, Inventory, S3Inventory, Unobserved, UnobservedKind};

crate::checks! {
    "s3.bucket_versioning" {
        title: "S3 bucket versioning is enabled",
        resource: "AwsS3Bucket",
        severity: Medium,
        security_hub: "S3.14",
        practice: "REL09-BP01",
        rationale: "Versioning keeps every overwritten or deleted object recoverable, \
            the cheapest defence against a bad job run or an accidental delete.",
        remediation: "Enable versioning, and pair it with a lifecycle rule that expires \
            noncurrent versions so storage does not grow unbounded.",
        cli: "aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled",
        each: bucket_versioning,
    }
    "s3.bucket_replication" {
        title: "Data-lake bucket replicates to another region",
        resource: "AwsS3Bucket",
        severity: Low,
        security_hub: "S3.7",
        practice: "REL13-BP02",
        rationale: "A copy in a second region keeps the data lake recoverable when a \
            region or the bucket itself is lost.",
        remediation: "Add a replication rule to a versioned bucket in another region \
            (Cross-Region Replication).",
        cli: "aws s3api put-bucket-replication --bucket <bucket> \
            --replication-configuration '{\"Role\":\"<replication-role-arn>\",\"Rules\":[{\"ID\":\"crr\",\"Status\":\"Enabled\",\"Priority\":1,\"Filter\":{},\"DeleteMarkerReplication\":{\"Status\":\"Enabled\"},\"Destination\":{\"Bucket\":\"arn:aws:s3:::<replica-bucket>\"}}]}'",
        each: bucket_replication,
    }
}

fn bucket_versioning(bucket: &Bucket, _: &S3Inventory, _: &Context) -> Judged {
    let versioning = bucket.versioning.get()?;
    match versioning.status.as_deref() {
        Some("Enabled") => pass("versioning is enabled"),
        Some(other) => fail(format!("versioning is {other}")),
        None => fail("versioning has never been enabled"),
    }
}

/// Whether the account owns a bucket of that name, in any region.
fn account_has(cx: &Context, bucket: &str) -> bool {
    cx.inventory
        .s3
        .as_ref()
        .is_some_and(|s3| s3.account_bucket_names.iter().any(|b| b == bucket))
}

fn bucket_replication(bucket: &Bucket, _: &S3Inventory, cx: &Context) -> Judged {
    if !cx.roles.is_data_lake(&bucket.name)? {
        return not_applicable();
    }
    let rules = bucket.replication.get()?;
    let arn_prefix = format!("arn:{}:s3:::", cx.inventory.account.partition);
    let here = bucket.region.get()?;
    let destinations: Vec<&str> = rules
        .iter()
        .filter(|r| r.enabled)
        .map(|r| r.destination_bucket.trim_start_matches(arn_prefix.as_str()))
        .collect();
    if destinations.is_empty() {
        return fail("no enabled replication rule");
    }
    let mut outside_scan = None;
    for dest in &destinations {
        match region_of_bucket(cx.inventory, dest) {
            Some(there) if there != here => {
                return pass(format!("replicates to s3://{dest} in {there}"));
            }
            Some(_) => {}
            // In the account but not in a scanned region: another region.
            None if account_has(cx, dest) => {
                return pass(format!(
                    "replicates to s3://{dest}, outside the scanned regions"
                ));
            }
            None => outside_scan = Some(*dest),
        }
    }
    match outside_scan {
        // The destination belongs to another account or was not scanned: its
        // region is not observable from here.
        Some(dest) => Err(
            Unobserved::new(UnobservedKind::Error, "s3:GetBucketLocation")
                .with_code("DestinationOutsideScan")
                .with_message(format!(
                    "replication destination s3://{dest} is not in the scanned account"
                )),
        ),
        None => fail(format!(
            "replicates only within {here} (to s3://{})",
            destinations.join(", s3://")
        )),
    }
}

/// The region of the bucket called `name`, when it is in the inventory.
fn region_of_bucket<'a>(inventory: &'a Inventory, name: &str) -> Option<&'a str> {
    inventory
        .s3
        .as_ref()?
        .buckets
        .iter()
        .find(|b| b.name == name)?
        .region
        .known()
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn versioning() {
        let id = "s3.bucket_versioning";
        let with = |status: Option<&str>| {
            let mut b = bare_bucket("b", "r");
            b.versioning = Observed::Known(Versioning {
                status: status.map(Into::into),
                mfa_delete: false,
            });
            b
        };
        assert_eq!(verdict(id, with(Some("Enabled"))).unwrap().0, Pass);
        assert_eq!(verdict(id, with(Some("Suspended"))).unwrap().0, Fail);
        assert_eq!(verdict(id, with(None)).unwrap().0, Fail);
        let mut b = bare_bucket("b", "r");
        b.versioning = Observed::Unknown(denied("s3:GetBucketVersioning"));
        assert_eq!(verdict(id, b).unwrap().0, Unknown);
    }

    fn lake(name: &str, region: &str, dest: Option<&str>) -> Bucket {
        let mut b = bare_bucket(name, region);
        b.replication = Observed::Known(
            dest.map(|d| ReplicationRule {
                id: "crr".into(),
                enabled: true,
                destination_bucket: format!("arn:aws:s3:::{d}"),
            })
            .into_iter()
            .collect(),
        );
        b
    }

    #[test]
    fn replication_applies_to_data_lake_buckets_only() {
        let id = "s3.bucket_replication";
        assert_eq!(
            verdict_with(id, bare_bucket("plain", "us-east-1"), &lake_config()),
            None
        );
        assert_eq!(
            verdict_with(id, lake("lake", "us-east-1", None), &lake_config())
                .unwrap()
                .0,
            Fail
        );
    }

    #[test]
    fn replication_must_leave_the_region() {
        let id = "s3.bucket_replication";
        let inv = inventory(vec![
            lake("lake-cross", "us-east-1", Some("replica-eu")),
            lake("lake-same", "us-east-1", Some("replica-us")),
            lake("lake-away", "us-east-1", Some("someone-elses")),
            bare_bucket("replica-eu", "eu-west-1"),
            bare_bucket("replica-us", "us-east-1"),
        ]);
        let out = run_with(id, &inv, &lake_config());
        let status = |name: &str| out.iter().find(|(n, ..)| n == name).unwrap().1;
        assert_eq!(status("lake-cross"), Pass);
        assert_eq!(status("lake-same"), Fail);
        assert_eq!(status("lake-away"), Unknown);
        assert_eq!(out.len(), 3);

        // A same-account destination in a region the scan did not read.
        let mut china = lake("lake", "us-east-1", None);
        china.replication = Observed::Known(vec![ReplicationRule {
            id: "crr".into(),
            enabled: true,
            destination_bucket: "arn:aws-cn:s3:::far".into(),
        }]);
        let mut inv = inventory(vec![china]);
        inv.account.partition = "aws-cn".into();
        inv.s3
            .as_mut()
            .unwrap()
            .account_bucket_names
            .push("far".into());
        let out = run_with(id, &inv, &lake_config());
        assert_eq!(
            (out[0].1, out[0].2.as_str()),
            (Pass, "replicates to s3://far, outside the scanned regions")
        );
    }

    #[test]
    fn replication_unknown_when_roles_are_incomplete() {
        let id = "s3.bucket_replication";
        let mut inv = inventory(vec![bare_bucket("plain", "us-east-1")]);
        assert!(run(id, &inv).is_empty());
        inv.glue = None;
        let out = run(id, &inv);
        assert_eq!(
            (out[0].1, out[0].2.as_str()),
            (Unknown, "not scanned: glue:GetTables")
        );
        // A listing of Glue that failed leaves the roles as open.
        let mut inv = inventory(vec![bare_bucket("plain", "us-east-1")]);
        deny_listing(&mut inv, Service::Glue, Some("us-east-1"), "glue:GetTables");
        assert_eq!(run(id, &inv)[0].1, Unknown);
        // Buckets known to be data-lake ones are judged all the same.
        let mut inv = inventory(vec![lake("lake", "us-east-1", None)]);
        inv.glue = None;
        assert_eq!(run_with(id, &inv, &lake_config())[0].1, Fail);
    }

    #[test]
    fn replication_unknown_when_unreadable() {
        let mut b = lake("lake", "us-east-1", None);
        b.replication = Observed::Unknown(denied("s3:GetReplicationConfiguration"));
        let (status, reason) = verdict_with("s3.bucket_replication", b, &lake_config()).unwrap();
        assert_eq!(status, Unknown);
        assert_eq!(reason, "access denied: s3:GetReplicationConfiguration");
    }
}
