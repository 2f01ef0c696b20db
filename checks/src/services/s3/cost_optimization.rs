//! The S3 checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{Bucket, S3Inventory};

crate::checks! {
    "s3.bucket_kms_bucket_key" {
        title: "SSE-KMS bucket uses an S3 Bucket Key",
        resource: "AwsS3Bucket",
        severity: Low,
        practice: "COST05-BP05",
        rationale: "Without a Bucket Key every object read and write is a KMS request; \
            on data-lake buckets that is most of the KMS bill and a throttling risk.",
        remediation: "Enable BucketKeyEnabled in the bucket's default encryption rule.",
        cli: "aws s3api put-bucket-encryption --bucket <bucket> \
            --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"<key-arn>\"},\"BucketKeyEnabled\":true}]}'",
        each: bucket_kms_bucket_key,
    }
    "s3.bucket_lifecycle" {
        title: "S3 bucket has an enabled lifecycle rule",
        resource: "AwsS3Bucket",
        severity: Low,
        also: [Sustainability],
        security_hub: "S3.13",
        practice: "COST04-BP05",
        rationale: "A bucket with no lifecycle rule keeps every object at full price \
            forever; data-lake zones need explicit retention.",
        remediation: "Add lifecycle rules that transition and expire data according to the \
            zone's retention policy.",
        cli: "aws s3api put-bucket-lifecycle-configuration --bucket <bucket> \
            --lifecycle-configuration '{\"Rules\":[{\"ID\":\"retention\",\"Status\":\"Enabled\",\"Filter\":{},\"Transitions\":[{\"Days\":90,\"StorageClass\":\"GLACIER_IR\"}],\"Expiration\":{\"Days\":730}}]}'",
        each: bucket_lifecycle,
    }
    "s3.bucket_noncurrent_expiration" {
        title: "Versioned S3 bucket expires noncurrent versions",
        resource: "AwsS3Bucket",
        severity: Medium,
        security_hub: "S3.10",
        practice: "COST04-BP05",
        rationale: "Every overwrite of a versioned object keeps the old copy; without an \
            expiry, rewritten partitions pay for themselves many times over.",
        remediation: "Add a lifecycle rule with NoncurrentVersionExpiration sized to the \
            recovery window you need.",
        cli: "aws s3api put-bucket-lifecycle-configuration --bucket <bucket> \
            --lifecycle-configuration '{\"Rules\":[{\"ID\":\"noncurrent\",\"Status\":\"Enabled\",\"Filter\":{},\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":30}}]}'",
        each: bucket_noncurrent_expiration,
    }
    "s3.bucket_abort_multipart" {
        title: "S3 bucket aborts incomplete multipart uploads",
        resource: "AwsS3Bucket",
        severity: Low,
        practice: "COST04-BP04",
        rationale: "Failed Spark and Glue writes leave multipart parts behind; they are \
            billed as storage yet invisible in object listings.",
        remediation: "Add a lifecycle rule with AbortIncompleteMultipartUpload (7 days is common).",
        cli: "aws s3api put-bucket-lifecycle-configuration --bucket <bucket> \
            --lifecycle-configuration '{\"Rules\":[{\"ID\":\"abort-mpu\",\"Status\":\"Enabled\",\"Filter\":{},\"AbortIncompleteMultipartUpload\":{\"DaysAfterInitiation\":7}}]}'",
        each: bucket_abort_multipart,
    }
}

fn bucket_kms_bucket_key(bucket: &Bucket, _: &S3Inventory, _: &Context) -> Judged {
    // Only SSE-KMS has a Bucket Key; DSSE-KMS and SSE-S3 are not applicable.
    match bucket.encryption.get()? {
        Some(enc) if enc.algorithm == "aws:kms" && enc.bucket_key_enabled => {
            pass("S3 Bucket Key is enabled")
        }
        Some(enc) if enc.algorithm == "aws:kms" => {
            fail("SSE-KMS without S3 Bucket Key: one KMS request per object operation")
        }
        _ => not_applicable(),
    }
}

fn bucket_lifecycle(bucket: &Bucket, _: &S3Inventory, _: &Context) -> Judged {
    let rules = bucket.lifecycle.get()?;
    let enabled = rules.iter().filter(|r| r.enabled).count();
    match (enabled, rules.len()) {
        (0, 0) => fail("no lifecycle configuration"),
        (0, n) => fail(format!("all {n} lifecycle rules are disabled")),
        (n, _) => pass(format!("{n} enabled lifecycle rule(s)")),
    }
}

fn bucket_noncurrent_expiration(bucket: &Bucket, _: &S3Inventory, _: &Context) -> Judged {
    // Suspended versioning still holds the noncurrent versions made before it.
    if bucket.versioning.get()?.status.is_none() {
        return not_applicable();
    }
    let rule = bucket
        .lifecycle
        .get()?
        .iter()
        .filter(|r| r.enabled)
        .find_map(|r| r.noncurrent_expiration_days);
    match rule {
        Some(days) => pass(format!("noncurrent versions expire after {days} days")),
        None => fail("versioned, but no enabled rule expires noncurrent versions"),
    }
}

fn bucket_abort_multipart(bucket: &Bucket, _: &S3Inventory, _: &Context) -> Judged {
    let days = bucket
        .lifecycle
        .get()?
        .iter()
        .filter(|r| r.enabled)
        .find_map(|r| r.abort_incomplete_multipart_days);
    match days {
        Some(days) => pass(format!(
            "incomplete multipart uploads are aborted after {days} days"
        )),
        None => fail("no enabled rule aborts incomplete multipart uploads"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn kms(bucket_key: bool, algorithm: &str) -> Bucket {
        let mut b = bare_bucket("b", "r");
        b.encryption = Observed::Known(Some(BucketEncryption {
            algorithm: algorithm.into(),
            kms_key_id: None,
            bucket_key_enabled: bucket_key,
        }));
        b
    }

    #[test]
    fn bucket_key() {
        let id = "s3.bucket_kms_bucket_key";
        assert_eq!(verdict(id, kms(true, "aws:kms")).unwrap().0, Pass);
        assert_eq!(verdict(id, kms(false, "aws:kms")).unwrap().0, Fail);
        assert_eq!(verdict(id, kms(false, "AES256")), None);
        assert_eq!(verdict(id, kms(false, "aws:kms:dsse")), None);
        assert_eq!(verdict(id, bare_bucket("b", "r")), None);
        let mut b = bare_bucket("b", "r");
        b.encryption = Observed::Unknown(denied("s3:GetBucketEncryption"));
        assert_eq!(verdict(id, b).unwrap().0, Unknown);
    }

    fn with_rules(rules: Vec<LifecycleRule>, versioning: Option<&str>) -> Bucket {
        let mut b = bare_bucket("b", "r");
        b.lifecycle = Observed::Known(rules);
        b.versioning = Observed::Known(Versioning {
            status: versioning.map(Into::into),
            mfa_delete: false,
        });
        b
    }

    fn rule(enabled: bool) -> LifecycleRule {
        LifecycleRule {
            id: "r".into(),
            enabled,
            ..LifecycleRule::default()
        }
    }

    #[test]
    fn lifecycle() {
        let id = "s3.bucket_lifecycle";
        assert_eq!(
            verdict(id, with_rules(vec![rule(true)], None)).unwrap().0,
            Pass
        );
        assert_eq!(
            verdict(id, with_rules(vec![rule(false)], None)).unwrap().0,
            Fail
        );
        assert_eq!(verdict(id, with_rules(vec![], None)).unwrap().0, Fail);
        let mut b = bare_bucket("b", "r");
        b.lifecycle = Observed::Unknown(denied("s3:GetLifecycleConfiguration"));
        assert_eq!(verdict(id, b).unwrap().0, Unknown);
    }

    #[test]
    fn noncurrent_expiration() {
        let id = "s3.bucket_noncurrent_expiration";
        let expiring = LifecycleRule {
            noncurrent_expiration_days: Some(30),
            ..rule(true)
        };
        let disabled = LifecycleRule {
            enabled: false,
            ..expiring.clone()
        };
        assert_eq!(verdict(id, with_rules(vec![expiring.clone()], None)), None);
        assert_eq!(
            verdict(id, with_rules(vec![expiring], Some("Enabled")))
                .unwrap()
                .0,
            Pass
        );
        assert_eq!(
            verdict(id, with_rules(vec![disabled], Some("Suspended")))
                .unwrap()
                .0,
            Fail
        );
        let mut b = with_rules(vec![], Some("Enabled"));
        b.lifecycle = Observed::Unknown(denied("s3:GetLifecycleConfiguration"));
        assert_eq!(verdict(id, b).unwrap().0, Unknown);
        let mut b = with_rules(vec![], None);
        b.versioning = Observed::Unknown(denied("s3:GetBucketVersioning"));
        assert_eq!(verdict(id, b).unwrap().0, Unknown);
    }

    #[test]
    fn abort_multipart() {
        let id = "s3.bucket_abort_multipart";
        let aborting = LifecycleRule {
            abort_incomplete_multipart_days: Some(7),
            ..rule(true)
        };
        assert_eq!(
            verdict(id, with_rules(vec![aborting], None)).unwrap().0,
            Pass
        );
        assert_eq!(
            verdict(id, with_rules(vec![rule(true)], None)).unwrap().0,
            Fail
        );
        let mut b = bare_bucket("b", "r");
        b.lifecycle = Observed::Unknown(denied("s3:GetLifecycleConfiguration"));
        assert_eq!(verdict(id, b).unwrap().0, Unknown);
    }
}
