//! The S3 checks of this pillar.

use crate::check::{Context};
use crate::finding::{fail, not_applicable, pass, Judged};
use crate::model::{Bucket, S3Inventory, Unobserved, UnobservedKind};
use crate::pillars::region_of_bucket;
use crate::roles::BucketRole;

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

fn bucket_replication(bucket: &Bucket, _: &S3Inventory, cx: &Context) -> Judged {
    if !cx.roles.has(&bucket.name, BucketRole::DataLake) {
        return not_applicable();
    }
    let rules = bucket.replication.get()?;
    let here = bucket.region.get()?;
    let destinations: Vec<&str> = rules
        .iter()
        .filter(|r| r.enabled)
        .map(|r| r.destination_bucket.trim_start_matches("arn:aws:s3:::"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Status::*;
    use crate::model::*;
    use crate::pillars::testing::*;

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
        assert_eq!(
            verdict(id, with(Some("Enabled"))).unwrap().0,
            Pass
        );
        assert_eq!(
            verdict(id, with(Some("Suspended"))).unwrap().0,
            Fail
        );
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
