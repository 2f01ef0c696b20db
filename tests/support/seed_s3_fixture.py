"""Seeds the S3 fixture of tests/scan_s3.rs into an emulator: buckets in two
regions that pass and fail every S3 check, and one outside the scanned regions.

    python seed_s3_fixture.py ENDPOINT [--account-block-public-access]
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "localstack"))
from emulator import client  # noqa: E402
from seed import bucket as make_bucket, tls_only as tls_only_policy  # noqa: E402

ALL_ON = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": True,
    "RestrictPublicBuckets": True,
}


def kms(s3, name, bucket_key):
    s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": [{
        "ApplyServerSideEncryptionByDefault": {
            "SSEAlgorithm": "aws:kms",
            "KMSMasterKeyID": "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555",
        },
        "BucketKeyEnabled": bucket_key,
    }]})


def versioned(s3, name, status="Enabled"):
    s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": status})


def replicate(s3, name, destination):
    s3.put_bucket_replication(Bucket=name, ReplicationConfiguration={
        "Role": "arn:aws:iam::123456789012:role/replication",
        "Rules": [{
            "ID": "crr", "Status": "Enabled", "Priority": 1, "Filter": {"Prefix": ""},
            "DeleteMarkerReplication": {"Status": "Enabled"},
            "Destination": {"Bucket": f"arn:aws:s3:::{destination}"},
        }],
    })


def seed(endpoint, account_block):
    # Replication destination in us-east-1; not a data-lake bucket.
    s3 = make_bucket(endpoint, "replica-us", "us-east-1")
    versioned(s3, "replica-us")

    # Good practice everywhere, in eu-west-1.
    # Access logs of lake-good land here (same region, as S3 requires).
    s3 = make_bucket(endpoint, "logs-sink", "eu-west-1")
    policy = json.loads(tls_only_policy("logs-sink"))
    # First: moto reads the statements in order and fails on a Principal of "*".
    policy["Statement"].insert(0, {
        "Sid": "S3ServerAccessLogs", "Effect": "Allow",
        "Principal": {"Service": "logging.s3.amazonaws.com"},
        "Action": ["s3:PutObject"], "Resource": "arn:aws:s3:::logs-sink/*",
    })
    s3.put_bucket_policy(Bucket="logs-sink", Policy=json.dumps(policy))
    s3 = make_bucket(endpoint, "lake-good", "eu-west-1")
    s3.put_public_access_block(Bucket="lake-good", PublicAccessBlockConfiguration=ALL_ON)
    s3.put_bucket_policy(Bucket="lake-good", Policy=tls_only_policy("lake-good"))
    kms(s3, "lake-good", bucket_key=True)
    s3.put_bucket_logging(Bucket="lake-good", BucketLoggingStatus={
        "LoggingEnabled": {"TargetBucket": "logs-sink", "TargetPrefix": "lake-good/"}})
    versioned(s3, "lake-good")
    s3.put_bucket_lifecycle_configuration(Bucket="lake-good", LifecycleConfiguration={"Rules": [{
        "ID": "tiering", "Status": "Enabled", "Filter": {"Prefix": ""},
        "Transitions": [{"Days": 90, "StorageClass": "GLACIER"}],
        "NoncurrentVersionExpiration": {"NoncurrentDays": 30},
        "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7},
    }]})
    replicate(s3, "lake-good", "replica-us")
    s3.put_bucket_tagging(Bucket="lake-good", Tagging={"TagSet": [{"Key": "owner", "Value": "data"}]})

    # Nothing configured.
    make_bucket(endpoint, "lake-bare", "us-east-1")

    # Replicates, but within its own region.
    s3 = make_bucket(endpoint, "lake-same-region", "us-east-1")
    versioned(s3, "lake-same-region")
    replicate(s3, "lake-same-region", "replica-us")

    # SSE-S3, versioned without noncurrent expiry, a disabled rule, an allow-only policy.
    s3 = make_bucket(endpoint, "aes-versioned", "eu-west-1")
    s3.put_bucket_encryption(Bucket="aes-versioned", ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
    versioned(s3, "aes-versioned")
    s3.put_bucket_lifecycle_configuration(Bucket="aes-versioned", LifecycleConfiguration={"Rules": [{
        "ID": "off", "Status": "Disabled", "Filter": {"Prefix": ""},
        "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7},
    }]})
    s3.put_bucket_policy(Bucket="aes-versioned", Policy=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                       "Action": "s3:GetObject", "Resource": "arn:aws:s3:::aes-versioned/*"}],
    }))
    s3.put_bucket_tagging(Bucket="aes-versioned", Tagging={"TagSet": [{"Key": "Owner", "Value": "x"}]})

    # SSE-KMS without a bucket key, suspended versioning, BPA that leaves policies open.
    s3 = make_bucket(endpoint, "kms-no-bucket-key", "us-east-1")
    kms(s3, "kms-no-bucket-key", bucket_key=False)
    versioned(s3, "kms-no-bucket-key")
    versioned(s3, "kms-no-bucket-key", "Suspended")
    s3.put_public_access_block(Bucket="kms-no-bucket-key", PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True,
        "BlockPublicPolicy": False, "RestrictPublicBuckets": False})

    # Its encryption read is denied by the launcher (LAKELINT_MOTO_DENY).
    s3 = make_bucket(endpoint, "locked-bucket", "us-east-1")
    kms(s3, "locked-bucket", bucket_key=True)

    # DSSE-KMS (no Bucket Key exists for it) and Intelligent-Tiering archive
    # access: the cold-tiering check passes without a lifecycle transition.
    s3 = make_bucket(endpoint, "dsse-tiered", "us-east-1")
    s3.put_bucket_encryption(Bucket="dsse-tiered", ServerSideEncryptionConfiguration={"Rules": [{
        "ApplyServerSideEncryptionByDefault": {
            "SSEAlgorithm": "aws:kms:dsse",
            "KMSMasterKeyID": "arn:aws:kms:us-east-1:123456789012:key/dsse"}}]})
    s3.put_bucket_intelligent_tiering_configuration(
        Bucket="dsse-tiered", Id="archive", IntelligentTieringConfiguration={
            "Id": "archive", "Status": "Enabled",
            "Tierings": [{"Days": 90, "AccessTier": "ARCHIVE_ACCESS"}]})

    # Outside the scanned regions.
    make_bucket(endpoint, "far-away", "ap-south-1")

    if account_block:
        client("s3control", endpoint).put_public_access_block(
            AccountId="123456789012", PublicAccessBlockConfiguration=ALL_ON)


if __name__ == "__main__":
    seed(sys.argv[1], "--account-block-public-access" in sys.argv[2:])
