//! The S3 checks of this pillar.

use crate::engine::check::{Context, Judgement};
use crate::engine::resource::{account_ref, one};
use crate::findings::finding::{fail, pass, Judged};
use crate::interpret::policy;
use crate::model::{Bucket, PublicAccessBlock, S3Inventory, Unobserved, UnobservedKind};
use crate::services::cloudtrail::data_events::{s3_data_events, DataEvents, Needed};

crate::checks! {
    "s3.account_public_access_block" {
        title: "S3 Block Public Access is fully on for the account",
        resource: "AwsAccount",
        severity: High,
        security_hub: "S3.1",
        practice: "SEC03-BP07",
        rationale: "Account-level Block Public Access is the backstop that keeps a \
            mistaken bucket policy or ACL from exposing data-lake objects to the internet.",
        remediation: "Turn on all four account-level Block Public Access settings; grant \
            public access only through CloudFront or presigned URLs.",
        cli: "aws s3control put-public-access-block --account-id <account-id> \
            --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
        judge: account_public_access_block,
    }
    "s3.bucket_public_access_block" {
        title: "S3 bucket blocks public policies and ACLs",
        resource: "AwsS3Bucket",
        severity: High,
        security_hub: "S3.8",
        practice: "SEC03-BP07",
        rationale: "Without Block Public Access at the bucket or account level, one \
            policy statement or ACL grant is enough to publish the bucket's data.",
        remediation: "Turn on Block Public Access for the bucket (or for the whole account).",
        cli: "aws s3api put-public-access-block --bucket <bucket> \
            --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
        each: bucket_public_access_block,
    }
    "s3.bucket_secure_transport" {
        title: "S3 bucket policy denies requests without TLS",
        resource: "AwsS3Bucket",
        severity: Medium,
        security_hub: "S3.5",
        practice: "SEC09-BP02",
        rationale: "Only a bucket-policy Deny on aws:SecureTransport=false stops clients \
            from reading or writing data over plain HTTP.",
        remediation: "Add a statement that denies s3:* to every principal when \
            aws:SecureTransport is false.",
        cli: "aws s3api put-bucket-policy --bucket <bucket> --policy '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::<bucket>\",\"arn:aws:s3:::<bucket>/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}'",
        each: bucket_secure_transport,
    }
    "s3.bucket_kms_encryption" {
        title: "S3 bucket default encryption uses KMS keys",
        resource: "AwsS3Bucket",
        severity: Medium,
        security_hub: "S3.17",
        practice: "SEC08-BP02",
        rationale: "SSE-KMS puts data access behind a key policy and logs every \
            decryption in CloudTrail; SSE-S3 does neither.",
        remediation: "Set the bucket's default encryption to SSE-KMS with a customer-managed \
            key, and enable S3 Bucket Key to keep KMS request costs down.",
        cli: "aws s3api put-bucket-encryption --bucket <bucket> \
            --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"<key-arn>\"},\"BucketKeyEnabled\":true}]}'",
        each: bucket_kms_encryption,
    }
    "s3.bucket_access_logging" {
        title: "S3 bucket access is logged",
        resource: "AwsS3Bucket",
        severity: Medium,
        also: [OperationalExcellence],
        security_hub: "S3.9",
        practice: "SEC04-BP01",
        rationale: "Server access logs (or CloudTrail S3 data events) are the only record \
            of who read or changed which objects, for incident response and audits.",
        remediation: "Enable server access logging to a dedicated log bucket, or cover the \
            bucket with CloudTrail S3 data events.",
        cli: "aws s3api put-bucket-logging --bucket <bucket> \
            --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\"<bucket>/\"}}'",
        each: bucket_access_logging,
    }
}

fn account_public_access_block(cx: &Context) -> Vec<Judgement> {
    let Some(s3) = &cx.inventory.s3 else {
        return Vec::new();
    };
    let judged = match s3.account_public_access_block.get() {
        Ok(Some(pab)) if pab.all_on() => {
            pass("all four account-level Block Public Access settings are on")
        }
        Ok(Some(_)) => fail("account-level Block Public Access is only partly on"),
        Ok(None) => fail("account-level Block Public Access is not configured"),
        Err(reason) => Err(reason),
    };
    one(account_ref(cx.inventory), judged)
}

fn bucket_public_access_block(bucket: &Bucket, s3: &S3Inventory, _: &Context) -> Judged {
    // S3 applies each setting that either level turns on, so the levels are
    // combined setting by setting; one level with all four on decides even
    // when the other could not be read. BlockPublicAcls and BlockPublicPolicy
    // only refuse new grants: all four are needed.
    let all_on = |pab: &Option<PublicAccessBlock>| pab.is_some_and(|p| p.all_on());
    match (
        bucket.public_access_block.get(),
        s3.account_public_access_block.get(),
    ) {
        (Ok(b), _) if all_on(b) => {
            pass("all four bucket-level Block Public Access settings are on")
        }
        (_, Ok(a)) if all_on(a) => {
            pass("all four account-level Block Public Access settings are on")
        }
        (Err(reason), _) | (_, Err(reason)) => Err(reason),
        (Ok(b), Ok(a)) => {
            let combined = PublicAccessBlock::combined(b.as_ref(), a.as_ref());
            let off = combined.off();
            if off.is_empty() {
                pass("bucket- and account-level Block Public Access together turn on all four settings")
            } else {
                fail(format!(
                    "Block Public Access is off at both the bucket and the account level for {}",
                    off.join(", ")
                ))
            }
        }
    }
}

fn bucket_secure_transport(bucket: &Bucket, _: &S3Inventory, _: &Context) -> Judged {
    let Some(document) = bucket.policy.get()? else {
        return fail("bucket has no policy, so plain-HTTP requests are allowed");
    };
    let parsed: serde_json::Value = serde_json::from_str(document).map_err(|e| {
        Unobserved::new(UnobservedKind::Error, "s3:GetBucketPolicy")
            .with_code("MalformedPolicy")
            .with_message(e.to_string())
    })?;
    if policy::enforces_secure_transport(&parsed) {
        pass("bucket policy denies S3 requests when aws:SecureTransport is false")
    } else {
        fail("bucket policy has no Deny on aws:SecureTransport=false")
    }
}

fn bucket_kms_encryption(bucket: &Bucket, _: &S3Inventory, _: &Context) -> Judged {
    match bucket.encryption.get()? {
        Some(enc) if enc.is_kms() => pass(format!(
            "default encryption is {} with key {}",
            enc.algorithm,
            enc.kms_key_id.as_deref().unwrap_or("aws/s3")
        )),
        Some(enc) => fail(format!(
            "default encryption is {}, not SSE-KMS",
            enc.algorithm
        )),
        None => fail("no default encryption configured"),
    }
}

fn bucket_access_logging(bucket: &Bucket, _: &S3Inventory, cx: &Context) -> Judged {
    if let Some(target) = bucket.logging.get()? {
        return pass(format!(
            "server access logs go to s3://{}/{}",
            target.target_bucket, target.target_prefix
        ));
    }
    match s3_data_events(cx.inventory, bucket, Needed::ReadsAndWrites)? {
        DataEvents::Covered(trail) => pass(format!(
            "trail {} records the bucket's object reads and writes",
            trail.name
        )),
        DataEvents::NotCovered => fail(
            "no server access logging, and no logging trail records both reads and writes of the bucket's objects",
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    const ALL_ON: PublicAccessBlock = PublicAccessBlock {
        block_public_acls: true,
        ignore_public_acls: true,
        block_public_policy: true,
        restrict_public_buckets: true,
    };

    #[test]
    fn account_pab_pass_fail_unknown() {
        let mut inv = inventory(vec![]);
        let run_it = |inv: &Inventory| run("s3.account_public_access_block", inv);
        assert_eq!(run_it(&inv)[0].1, Fail);
        inv.s3.as_mut().unwrap().account_public_access_block = Observed::Known(Some(ALL_ON));
        assert_eq!(run_it(&inv)[0].1, Pass);
        inv.s3.as_mut().unwrap().account_public_access_block =
            Observed::Known(Some(PublicAccessBlock {
                block_public_policy: false,
                ..ALL_ON
            }));
        assert_eq!(run_it(&inv)[0].1, Fail);
        inv.s3.as_mut().unwrap().account_public_access_block =
            Observed::Unknown(denied("s3:GetAccountPublicAccessBlock"));
        let out = run_it(&inv);
        assert_eq!(out[0].1, Unknown);
        assert_eq!(out[0].2, "access denied: s3:GetAccountPublicAccessBlock");
        assert_eq!(out[0].0, "123456789012");
    }

    #[test]
    fn bucket_pab_either_level_is_enough() {
        let id = "s3.bucket_public_access_block";
        let mut inv = inventory(vec![bare_bucket("open", "us-east-1")]);
        assert_eq!(run(id, &inv)[0].1, Fail);

        inv.s3.as_mut().unwrap().account_public_access_block = Observed::Known(Some(ALL_ON));
        assert_eq!(run(id, &inv)[0].1, Pass);

        let mut bucket = bare_bucket("closed", "us-east-1");
        bucket.public_access_block = Observed::Known(Some(ALL_ON));
        assert_eq!(verdict(id, bucket).unwrap().0, Pass);
    }

    #[test]
    fn bucket_pab_levels_combine_setting_by_setting() {
        let id = "s3.bucket_public_access_block";
        let policies_only = PublicAccessBlock {
            block_public_policy: true,
            restrict_public_buckets: true,
            ..PublicAccessBlock::default()
        };
        let acls_only = PublicAccessBlock {
            block_public_acls: true,
            ignore_public_acls: true,
            ..PublicAccessBlock::default()
        };
        let mut bucket = bare_bucket("b", "us-east-1");
        bucket.public_access_block = Observed::Known(Some(policies_only));
        let mut inv = inventory(vec![bucket]);
        // Each level alone leaves one door open.
        assert_eq!(run(id, &inv)[0].1, Fail);
        inv.s3.as_mut().unwrap().account_public_access_block = Observed::Known(Some(acls_only));
        let out = run(id, &inv);
        assert_eq!(
            (out[0].1, out[0].2.as_str()),
            (
                Pass,
                "bucket- and account-level Block Public Access together turn on all four settings"
            )
        );
    }

    #[test]
    fn bucket_pab_unknown_only_when_the_known_level_does_not_block() {
        let id = "s3.bucket_public_access_block";
        let mut bucket = bare_bucket("b", "us-east-1");
        bucket.public_access_block = Observed::Unknown(denied("s3:GetBucketPublicAccessBlock"));
        let mut inv = inventory(vec![bucket]);
        assert_eq!(run(id, &inv)[0].1, Unknown);
        inv.s3.as_mut().unwrap().account_public_access_block = Observed::Known(Some(ALL_ON));
        assert_eq!(run(id, &inv)[0].1, Pass);
    }

    #[test]
    fn secure_transport() {
        let id = "s3.bucket_secure_transport";
        assert_eq!(verdict(id, bare_bucket("b", "r")).unwrap().0, Fail);

        let mut bucket = bare_bucket("b", "r");
        bucket.policy = Observed::Known(Some(
            r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#.into(),
        ));
        assert_eq!(verdict(id, bucket.clone()).unwrap().0, Pass);

        bucket.policy = Observed::Known(Some(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:GetObject","Resource":"*"}]}"#.into(),
        ));
        assert_eq!(verdict(id, bucket.clone()).unwrap().0, Fail);

        bucket.policy = Observed::Known(Some("not json".into()));
        assert_eq!(verdict(id, bucket.clone()).unwrap().0, Unknown);

        bucket.policy = Observed::Unknown(denied("s3:GetBucketPolicy"));
        assert_eq!(
            verdict(id, bucket).unwrap(),
            (Unknown, "access denied: s3:GetBucketPolicy".into())
        );
    }

    #[test]
    fn kms_encryption() {
        let id = "s3.bucket_kms_encryption";
        let with = |algorithm: &str| {
            let mut b = bare_bucket("b", "r");
            b.encryption = Observed::Known(Some(BucketEncryption {
                algorithm: algorithm.into(),
                kms_key_id: Some("arn:aws:kms:r:1:key/k".into()),
                bucket_key_enabled: false,
            }));
            b
        };
        assert_eq!(verdict(id, with("aws:kms")).unwrap().0, Pass);
        assert_eq!(verdict(id, with("aws:kms:dsse")).unwrap().0, Pass);
        assert_eq!(verdict(id, with("AES256")).unwrap().0, Fail);
        assert_eq!(verdict(id, bare_bucket("b", "r")).unwrap().0, Fail);
        let mut b = bare_bucket("b", "r");
        b.encryption = Observed::Unknown(denied("s3:GetBucketEncryption"));
        assert_eq!(verdict(id, b).unwrap().0, Unknown);
    }

    #[test]
    fn access_logging() {
        let id = "s3.bucket_access_logging";
        let scanned = |bucket: Bucket| with_trails(inventory(vec![bucket]), vec![]);
        assert_eq!(run(id, &scanned(bare_bucket("b", "r")))[0].1, Fail);
        // CloudTrail not scanned: data events might cover the bucket.
        assert_eq!(
            verdict(id, bare_bucket("b", "r")).unwrap(),
            (Unknown, "not scanned: cloudtrail:GetEventSelectors".into())
        );
        let mut b = bare_bucket("b", "r");
        b.logging = Observed::Known(Some(LoggingTarget {
            target_bucket: "logs".into(),
            target_prefix: "b/".into(),
        }));
        assert_eq!(verdict(id, b).unwrap().0, Pass);
        let mut b = bare_bucket("b", "r");
        b.logging = Observed::Unknown(denied("s3:GetBucketLogging"));
        assert_eq!(verdict(id, b).unwrap().0, Unknown);
        // Log buckets are judged like any other.
        let mut source = bare_bucket("b", "r");
        source.logging = Observed::Known(Some(LoggingTarget {
            target_bucket: "logs".into(),
            target_prefix: "b/".into(),
        }));
        let inv = with_trails(inventory(vec![source, bare_bucket("logs", "r")]), vec![]);
        let out = run(id, &inv);
        assert_eq!(out.len(), 2);
        assert_eq!((out[1].0.as_str(), out[1].1), ("logs", Fail));
    }
}
