"""Seeds the KMS and CloudTrail fixture of tests/scan_trust.rs into an
emulator: keys of every kind and state, buckets that use them, trails in two
regions with basic and advanced selectors.

    python seed_trust_fixture.py ENDPOINT

Prints the KMS key ids by name, as JSON.
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "localstack"))
from emulator import client  # noqa: E402

ACCOUNT = "123456789012"
ALL_ON = {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True}
PUBLIC_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Sid": "Owner", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
     "Action": "kms:*", "Resource": "*"},
    {"Sid": "Anyone", "Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"},
]})


def keys(kms):
    ids = {}

    def key(name, **fields):
        ids[name] = kms.create_key(Description=name, **fields)["KeyMetadata"]["KeyId"]
        return ids[name]

    kms.enable_key_rotation(KeyId=key("rotating"))
    key("not-rotating")
    key("asymmetric", KeySpec="RSA_2048", KeyUsage="SIGN_VERIFY")
    kms.disable_key(KeyId=key("disabled"))
    doomed = key("doomed")
    kms.create_alias(AliasName="alias/doomed", TargetKeyId=doomed)
    kms.schedule_key_deletion(KeyId=doomed, PendingWindowInDays=7)
    kms.enable_key_rotation(KeyId=key("public", Policy=PUBLIC_POLICY))
    return ids


def bucket(s3, name, kms_key=None):
    s3.create_bucket(Bucket=name)
    if kms_key:
        s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": [{
            "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": kms_key},
            "BucketKeyEnabled": True}]})


def seed(endpoint):
    kms = client("kms", endpoint, "us-east-1")
    ids = keys(kms)
    key_arn = lambda name: f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{ids[name]}"  # noqa: E731

    s3 = client("s3", endpoint, "us-east-1")
    bucket(s3, "lake-covered")
    bucket(s3, "lake-uncovered")
    bucket(s3, "uses-rotating", key_arn("rotating"))
    bucket(s3, "uses-disabled", ids["disabled"])
    bucket(s3, "uses-doomed", f"arn:aws:kms:us-east-1:{ACCOUNT}:alias/doomed")
    bucket(s3, "access-logs")
    s3.put_bucket_policy(Bucket="access-logs", Policy=json.dumps({"Statement": [{
        "Effect": "Allow", "Principal": {"Service": "logging.s3.amazonaws.com"},
        "Action": ["s3:PutObject"], "Resource": "arn:aws:s3:::access-logs/*"}]}))
    # The good trail's bucket: private, versioned, logged.
    bucket(s3, "trail-logs", key_arn("rotating"))
    s3.put_public_access_block(Bucket="trail-logs", PublicAccessBlockConfiguration=ALL_ON)
    s3.put_bucket_versioning(Bucket="trail-logs", VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_logging(Bucket="trail-logs", BucketLoggingStatus={
        "LoggingEnabled": {"TargetBucket": "access-logs", "TargetPrefix": "trail-logs/"}})
    bucket(s3, "trail-logs-open")
    # Versioned and logged, but public through an ACL grant to AllUsers.
    for name in ("trail-logs-acl", "trail-logs-ip"):
        bucket(s3, name)
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
        s3.put_bucket_logging(Bucket=name, BucketLoggingStatus={
            "LoggingEnabled": {"TargetBucket": "access-logs", "TargetPrefix": f"{name}/"}})
    s3.put_bucket_acl(Bucket="trail-logs-acl", ACL="public-read")
    # Everyone may write, but only from one address: not public, as S3 says.
    s3.put_bucket_policy(Bucket="trail-logs-ip", Policy=json.dumps({"Statement": [{
        "Effect": "Allow", "Principal": "*", "Action": "s3:PutObject",
        "Resource": "arn:aws:s3:::trail-logs-ip/*",
        "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.25/32"}}}]}))
    bucket(s3, "lake-read-only")

    ct = client("cloudtrail", endpoint, "us-east-1")
    ct.create_trail(Name="main", S3BucketName="trail-logs", IsMultiRegionTrail=True,
                    EnableLogFileValidation=True, KmsKeyId=key_arn("rotating"),
                    CloudWatchLogsLogGroupArn=f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:trail:*",
                    CloudWatchLogsRoleArn=f"arn:aws:iam::{ACCOUNT}:role/trail-to-logs")
    ct.put_event_selectors(TrailName="main", AdvancedEventSelectors=[
        {"Name": "management", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]},
        {"Name": "lake", "FieldSelectors": [
            {"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::lake-covered/"]}]},
        # Reads only: not the writes S3.22 asks for.
        {"Name": "lake-reads", "FieldSelectors": [
            {"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "readOnly", "Equals": ["true"]},
            {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::lake-read-only/"]}]},
    ])
    ct.start_logging(Name="main")
    # Single-region, unvalidated, unencrypted, never started.
    ct.create_trail(Name="stopped", S3BucketName="trail-logs-open")
    for trail, name in (("acl-public", "trail-logs-acl"), ("ip-limited", "trail-logs-ip")):
        ct.create_trail(Name=trail, S3BucketName=name, EnableLogFileValidation=True)

    eu = client("cloudtrail", endpoint, "eu-west-1")
    eu.create_trail(Name="eu-basic", S3BucketName="trail-logs", EnableLogFileValidation=True)
    eu.put_event_selectors(TrailName="eu-basic", EventSelectors=[{
        "ReadWriteType": "WriteOnly", "IncludeManagementEvents": True}])
    eu.start_logging(Name="eu-basic")
    return ids


if __name__ == "__main__":
    print(json.dumps(seed(sys.argv[1])))
