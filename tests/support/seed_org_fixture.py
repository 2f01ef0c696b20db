"""Seeds the organization of tests/accounts.rs into moto: three member
accounts holding different buckets, and a closed one.

    python seed_org_fixture.py ENDPOINT

Prints the account ids by name, as JSON.
"""

import json
import os
import sys

import boto3

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "localstack"))
from emulator import client  # noqa: E402

ROLE = "OrganizationAccountAccessRole"


def member_s3(endpoint, account_id):
    """An S3 client acting in the member account, through the role."""
    creds = client("sts", endpoint).assume_role(
        RoleArn=f"arn:aws:iam::{account_id}:role/{ROLE}", RoleSessionName="seed")["Credentials"]
    return boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id=creds["AccessKeyId"],
                        aws_secret_access_key=creds["SecretAccessKey"],
                        aws_session_token=creds["SessionToken"],
                        config=boto3.session.Config(s3={"addressing_style": "path"}))


def seed(endpoint):
    org = client("organizations", endpoint)
    org.create_organization(FeatureSet="ALL")
    ids = {}
    for name in ["analytics", "ingest", "sandbox", "retired"]:
        status = org.create_account(AccountName=name, Email=f"{name}@example.com")["CreateAccountStatus"]
        ids[name] = org.describe_create_account_status(
            CreateAccountRequestId=status["Id"])["CreateAccountStatus"]["AccountId"]
    org.close_account(AccountId=ids["retired"])

    for name, buckets in [("analytics", ["versioned"]), ("ingest", ["plain", "plain-2"]), ("sandbox", [])]:
        s3 = member_s3(endpoint, ids[name])
        for suffix in buckets:
            bucket = f"{name}-{suffix}"
            s3.create_bucket(Bucket=bucket)
            if suffix == "versioned":
                s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    return ids


if __name__ == "__main__":
    print(json.dumps(seed(sys.argv[1])))
