//! The S3 checks of this pillar.

use crate::catalog::{Check, CheckMeta, Context, Judgement, RemediationMeta};
use crate::finding::{fail, not_applicable, pass, Judged, Pillar, Severity};
use crate::model::{Bucket, Unobserved, UnobservedKind};
use crate::pillars::{account_ref, per_bucket, s3_data_events, settle, DataEvents};
use crate::policy;

use Pillar::*;

pub fn checks() -> Vec<Check> {
    vec![
        Check {
            meta: CheckMeta {
                id: "s3.account_public_access_block",
                title: "S3 Block Public Access is fully on for the account",
                service: "s3",
                resource_type: "AwsAccount",
                pillar: Security,
                pillars: &[Security],
                severity: Severity::High,
                rationale: "Account-level Block Public Access is the backstop that keeps a \
                    mistaken bucket policy or ACL from exposing data-lake objects to the internet.",
                remediation: RemediationMeta {
                    text: "Turn on all four account-level Block Public Access settings; grant \
                        public access only through CloudFront or presigned URLs.",
                    cli: "aws s3control put-public-access-block --account-id <account-id> \
                        --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                    terraform: "resource \"aws_s3_account_public_access_block\" \"this\" {\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}",
                },
                wa_best_practice: "SEC03-BP07",
                security_hub_control: Some("S3.1"),
            },
            judge: account_public_access_block,
        },
        Check {
            meta: CheckMeta {
                id: "s3.bucket_public_access_block",
                title: "S3 bucket blocks public policies and ACLs",
                service: "s3",
                resource_type: "AwsS3Bucket",
                pillar: Security,
                pillars: &[Security],
                severity: Severity::High,
                rationale: "Without Block Public Access at the bucket or account level, one \
                    policy statement or ACL grant is enough to publish the bucket's data.",
                remediation: RemediationMeta {
                    text: "Turn on Block Public Access for the bucket (or for the whole account).",
                    cli: "aws s3api put-public-access-block --bucket <bucket> \
                        --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
                    terraform: "resource \"aws_s3_bucket_public_access_block\" \"this\" {\n  bucket                  = aws_s3_bucket.this.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}",
                },
                wa_best_practice: "SEC03-BP07",
                security_hub_control: Some("S3.8"),
            },
            judge: |cx| per_bucket(cx, bucket_public_access_block),
        },
        Check {
            meta: CheckMeta {
                id: "s3.bucket_secure_transport",
                title: "S3 bucket policy denies requests without TLS",
                service: "s3",
                resource_type: "AwsS3Bucket",
                pillar: Security,
                pillars: &[Security],
                severity: Severity::Medium,
                rationale: "Only a bucket-policy Deny on aws:SecureTransport=false stops clients \
                    from reading or writing data over plain HTTP.",
                remediation: RemediationMeta {
                    text: "Add a statement that denies s3:* to every principal when \
                        aws:SecureTransport is false.",
                    cli: "aws s3api put-bucket-policy --bucket <bucket> --policy '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::<bucket>\",\"arn:aws:s3:::<bucket>/*\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}'",
                    terraform: "data \"aws_iam_policy_document\" \"tls_only\" {\n  statement {\n    effect    = \"Deny\"\n    actions   = [\"s3:*\"]\n    resources = [aws_s3_bucket.this.arn, \"${aws_s3_bucket.this.arn}/*\"]\n    principals {\n      type        = \"*\"\n      identifiers = [\"*\"]\n    }\n    condition {\n      test     = \"Bool\"\n      variable = \"aws:SecureTransport\"\n      values   = [\"false\"]\n    }\n  }\n}",
                },
                wa_best_practice: "SEC09-BP02",
                security_hub_control: Some("S3.5"),
            },
            judge: |cx| per_bucket(cx, bucket_secure_transport),
        },
        Check {
            meta: CheckMeta {
                id: "s3.bucket_kms_encryption",
                title: "S3 bucket default encryption uses KMS keys",
                service: "s3",
                resource_type: "AwsS3Bucket",
                pillar: Security,
                pillars: &[Security],
                severity: Severity::Medium,
                rationale: "SSE-KMS puts data access behind a key policy and logs every \
                    decryption in CloudTrail; SSE-S3 does neither.",
                remediation: RemediationMeta {
                    text: "Set the bucket's default encryption to SSE-KMS with a customer-managed \
                        key, and enable S3 Bucket Key to keep KMS request costs down.",
                    cli: "aws s3api put-bucket-encryption --bucket <bucket> \
                        --server-side-encryption-configuration '{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"<key-arn>\"},\"BucketKeyEnabled\":true}]}'",
                    terraform: "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"this\" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = \"aws:kms\"\n      kms_master_key_id = aws_kms_key.this.arn\n    }\n    bucket_key_enabled = true\n  }\n}",
                },
                wa_best_practice: "SEC08-BP02",
                security_hub_control: Some("S3.17"),
            },
            judge: |cx| per_bucket(cx, bucket_kms_encryption),
        },
        Check {
            meta: CheckMeta {
                id: "s3.bucket_access_logging",
                title: "S3 bucket access is logged",
                service: "s3",
                resource_type: "AwsS3Bucket",
                pillar: Security,
                pillars: &[Security, OperationalExcellence],
                severity: Severity::Medium,
                rationale: "Server access logs (or CloudTrail S3 data events) are the only record \
                    of who read or changed which objects, for incident response and audits.",
                remediation: RemediationMeta {
                    text: "Enable server access logging to a dedicated log bucket, or cover the \
                        bucket with CloudTrail S3 data events.",
                    cli: "aws s3api put-bucket-logging --bucket <bucket> \
                        --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\"<bucket>/\"}}'",
                    terraform: "resource \"aws_s3_bucket_logging\" \"this\" {\n  bucket        = aws_s3_bucket.this.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = \"${aws_s3_bucket.this.id}/\"\n}",
                },
                wa_best_practice: "SEC04-BP01",
                security_hub_control: Some("S3.9"),
            },
            judge: |cx| per_bucket(cx, bucket_access_logging),
        },
    ]
}

fn account_public_access_block(cx: &Context) -> Vec<Judgement> {
    let Some(s3) = &cx.inventory.s3 else {
        return Vec::new();
    };
    let judged: Judged = (|| match s3.account_public_access_block.get()? {
        Some(pab) if pab.all_on() => {
            pass("all four account-level Block Public Access settings are on")
        }
        Some(_) => fail("account-level Block Public Access is only partly on"),
        None => fail("account-level Block Public Access is not configured"),
    })();
    settle(judged)
        .map(|outcome| Judgement {
            resource: account_ref(cx.inventory),
            outcome,
            severity: None,
        })
        .into_iter()
        .collect()
}

fn bucket_public_access_block(bucket: &Bucket, cx: &Context) -> Judged {
    let s3 = cx
        .inventory
        .s3
        .as_ref()
        .expect("per_bucket runs only with S3");
    let blocks = |pab: &Option<crate::model::PublicAccessBlock>| {
        pab.is_some_and(|p| p.blocks_public_policies_and_acls())
    };
    // Either level is enough, so a known block at one level decides even when
    // the other could not be read.
    match (
        bucket.public_access_block.get(),
        s3.account_public_access_block.get(),
    ) {
        (Ok(b), _) if blocks(b) => {
            pass("bucket-level Block Public Access blocks public policies and ACLs")
        }
        (_, Ok(a)) if blocks(a) => {
            pass("account-level Block Public Access blocks public policies and ACLs")
        }
        (Err(reason), _) | (_, Err(reason)) => Err(reason),
        (Ok(_), Ok(_)) => fail(
            "neither bucket- nor account-level Block Public Access blocks public policies and ACLs",
        ),
    }
}

fn bucket_secure_transport(bucket: &Bucket, _: &Context) -> Judged {
    let Some(document) = bucket.policy.get()? else {
        return fail("bucket has no policy, so plain-HTTP requests are allowed");
    };
    let parsed: serde_json::Value = serde_json::from_str(document).map_err(|e| {
        Unobserved::new(UnobservedKind::Error, "s3:GetBucketPolicy")
            .with_code("MalformedPolicy")
            .with_message(e.to_string())
    })?;
    if policy::enforces_secure_transport(&parsed) {
        pass("bucket policy denies s3:* when aws:SecureTransport is false")
    } else {
        fail("bucket policy has no Deny on aws:SecureTransport=false")
    }
}

fn bucket_kms_encryption(bucket: &Bucket, _: &Context) -> Judged {
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

fn bucket_access_logging(bucket: &Bucket, cx: &Context) -> Judged {
    if bucket.roles.contains(&crate::model::BucketRole::LogTarget)
        && bucket.logging.known() == Some(&None)
    {
        // Logging a log bucket into itself loops; AWS advises against it.
        return not_applicable();
    }
    if let Some(target) = bucket.logging.get()? {
        return pass(format!(
            "server access logs go to s3://{}/{}",
            target.target_bucket, target.target_prefix
        ));
    }
    match s3_data_events(cx.inventory, bucket) {
        Ok(DataEvents::Covered(trail)) => pass(format!(
            "CloudTrail S3 data events of trail {} cover the bucket",
            trail.name
        )),
        Ok(DataEvents::NotCovered) => {
            fail("no server access logging and no CloudTrail S3 data events cover the bucket")
        }
        Err(reason) if reason.kind == UnobservedKind::NotScanned => {
            fail("no server access logging (CloudTrail data events were not scanned)")
        }
        Err(reason) => Err(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Status::*;
    use crate::model::*;
    use crate::pillars::testing::*;

    const ALL_ON: PublicAccessBlock = PublicAccessBlock {
        block_public_acls: true,
        ignore_public_acls: true,
        block_public_policy: true,
        restrict_public_buckets: true,
    };

    #[test]
    fn account_pab_pass_fail_unknown() {
        let mut inv = inventory(vec![]);
        let run_it = |inv: &Inventory| run(checks(), "s3.account_public_access_block", inv);
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
        assert_eq!(run(checks(), id, &inv)[0].1, Fail);

        inv.s3.as_mut().unwrap().account_public_access_block = Observed::Known(Some(ALL_ON));
        assert_eq!(run(checks(), id, &inv)[0].1, Pass);

        let mut bucket = bare_bucket("closed", "us-east-1");
        bucket.public_access_block = Observed::Known(Some(ALL_ON));
        assert_eq!(verdict(checks(), id, bucket).unwrap().0, Pass);
    }

    #[test]
    fn bucket_pab_unknown_only_when_the_known_level_does_not_block() {
        let id = "s3.bucket_public_access_block";
        let mut bucket = bare_bucket("b", "us-east-1");
        bucket.public_access_block = Observed::Unknown(denied("s3:GetBucketPublicAccessBlock"));
        let mut inv = inventory(vec![bucket]);
        assert_eq!(run(checks(), id, &inv)[0].1, Unknown);
        inv.s3.as_mut().unwrap().account_public_access_block = Observed::Known(Some(ALL_ON));
        assert_eq!(run(checks(), id, &inv)[0].1, Pass);
    }

    #[test]
    fn secure_transport() {
        let id = "s3.bucket_secure_transport";
        assert_eq!(
            verdict(checks(), id, bare_bucket("b", "r")).unwrap().0,
            Fail
        );

        let mut bucket = bare_bucket("b", "r");
        bucket.policy = Observed::Known(Some(
            r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#.into(),
        ));
        assert_eq!(verdict(checks(), id, bucket.clone()).unwrap().0, Pass);

        bucket.policy = Observed::Known(Some(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"s3:GetObject","Resource":"*"}]}"#.into(),
        ));
        assert_eq!(verdict(checks(), id, bucket.clone()).unwrap().0, Fail);

        bucket.policy = Observed::Known(Some("not json".into()));
        assert_eq!(verdict(checks(), id, bucket.clone()).unwrap().0, Unknown);

        bucket.policy = Observed::Unknown(denied("s3:GetBucketPolicy"));
        assert_eq!(
            verdict(checks(), id, bucket).unwrap(),
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
        assert_eq!(verdict(checks(), id, with("aws:kms")).unwrap().0, Pass);
        assert_eq!(verdict(checks(), id, with("aws:kms:dsse")).unwrap().0, Pass);
        assert_eq!(verdict(checks(), id, with("AES256")).unwrap().0, Fail);
        assert_eq!(
            verdict(checks(), id, bare_bucket("b", "r")).unwrap().0,
            Fail
        );
        let mut b = bare_bucket("b", "r");
        b.encryption = Observed::Unknown(denied("s3:GetBucketEncryption"));
        assert_eq!(verdict(checks(), id, b).unwrap().0, Unknown);
    }

    #[test]
    fn access_logging() {
        let id = "s3.bucket_access_logging";
        assert_eq!(
            verdict(checks(), id, bare_bucket("b", "r")).unwrap().0,
            Fail
        );
        let mut b = bare_bucket("b", "r");
        b.logging = Observed::Known(Some(LoggingTarget {
            target_bucket: "logs".into(),
            target_prefix: "b/".into(),
        }));
        assert_eq!(verdict(checks(), id, b).unwrap().0, Pass);
        let mut b = bare_bucket("b", "r");
        b.logging = Observed::Unknown(denied("s3:GetBucketLogging"));
        assert_eq!(verdict(checks(), id, b).unwrap().0, Unknown);
        // A log bucket that does not log itself is not judged.
        let mut b = bare_bucket("logs", "r");
        b.roles = vec![BucketRole::LogTarget];
        assert_eq!(verdict(checks(), id, b), None);
    }
}
