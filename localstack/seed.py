"""Seeds a small demo data platform into an emulator (moto or LocalStack)
through the AWS API, mixing good and bad practice so that a lakelint scan has
something to say in every pillar.

    python localstack/seed.py --endpoint http://127.0.0.1:4566
"""

import argparse
import json

from emulator import client

ACCOUNT = "123456789012"
ALL_ON = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": True,
    "RestrictPublicBuckets": True,
}


def bucket(endpoint, name, region):
    s3 = client("s3", endpoint, region)
    if region == "us-east-1":
        s3.create_bucket(Bucket=name)
    else:
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
    return s3


def tls_only(name, extra=()):
    statements = list(extra) + [{
        "Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
        "Resource": [f"arn:aws:s3:::{name}", f"arn:aws:s3:::{name}/*"],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }]
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def sse_kms(s3, name, bucket_key=True):
    s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": [{
        "ApplyServerSideEncryptionByDefault": {
            "SSEAlgorithm": "aws:kms",
            "KMSMasterKeyID": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake",
        },
        "BucketKeyEnabled": bucket_key,
    }]})


def tags(s3, name, **pairs):
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in pairs.items()]})


def seed(endpoint):
    # Access logs for the lake, in the lake's region.
    s3 = bucket(endpoint, "acme-access-logs", "eu-west-1")
    s3.put_public_access_block(Bucket="acme-access-logs", PublicAccessBlockConfiguration=ALL_ON)
    s3.put_bucket_policy(Bucket="acme-access-logs", Policy=tls_only("acme-access-logs", [{
        "Sid": "S3ServerAccessLogs", "Effect": "Allow",
        "Principal": {"Service": "logging.s3.amazonaws.com"},
        "Action": ["s3:PutObject"], "Resource": "arn:aws:s3:::acme-access-logs/*",
    }]))
    s3.put_bucket_encryption(Bucket="acme-access-logs", ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
    s3.put_bucket_lifecycle_configuration(Bucket="acme-access-logs", LifecycleConfiguration={"Rules": [{
        "ID": "expire-logs", "Status": "Enabled", "Filter": {"Prefix": ""},
        "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}],
        "Expiration": {"Days": 365},
        "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 1},
    }]})
    tags(s3, "acme-access-logs", owner="platform")

    # The DR copy of the curated zone, in another region.
    s3 = bucket(endpoint, "acme-curated-replica", "us-east-1")
    s3.put_bucket_versioning(Bucket="acme-curated-replica", VersioningConfiguration={"Status": "Enabled"})
    tags(s3, "acme-curated-replica", owner="data-platform")

    # Curated zone: the well-kept one.
    s3 = bucket(endpoint, "acme-curated", "eu-west-1")
    s3.put_public_access_block(Bucket="acme-curated", PublicAccessBlockConfiguration=ALL_ON)
    s3.put_bucket_policy(Bucket="acme-curated", Policy=tls_only("acme-curated"))
    sse_kms(s3, "acme-curated")
    s3.put_bucket_logging(Bucket="acme-curated", BucketLoggingStatus={
        "LoggingEnabled": {"TargetBucket": "acme-access-logs", "TargetPrefix": "acme-curated/"}})
    s3.put_bucket_versioning(Bucket="acme-curated", VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_lifecycle_configuration(Bucket="acme-curated", LifecycleConfiguration={"Rules": [{
        "ID": "tiering", "Status": "Enabled", "Filter": {"Prefix": ""},
        "Transitions": [{"Days": 90, "StorageClass": "GLACIER_IR"}],
        "NoncurrentVersionExpiration": {"NoncurrentDays": 30},
        "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7},
    }]})
    s3.put_bucket_replication(Bucket="acme-curated", ReplicationConfiguration={
        "Role": f"arn:aws:iam::{ACCOUNT}:role/s3-replication",
        "Rules": [{"ID": "dr", "Status": "Enabled", "Priority": 1, "Filter": {"Prefix": ""},
                   "DeleteMarkerReplication": {"Status": "Enabled"},
                   "Destination": {"Bucket": "arn:aws:s3:::acme-curated-replica"}}],
    })
    tags(s3, "acme-curated", owner="data-platform", zone="curated")

    # Raw landing zone: versioned and KMS-encrypted, but nothing else.
    s3 = bucket(endpoint, "acme-raw", "eu-west-1")
    sse_kms(s3, "acme-raw", bucket_key=False)
    s3.put_bucket_versioning(Bucket="acme-raw", VersioningConfiguration={"Status": "Enabled"})
    tags(s3, "acme-raw", zone="raw")

    # Analytics sandbox: left at the defaults.
    bucket(endpoint, "acme-analytics", "us-east-1")

    # Athena query results: SSE-S3, results kept forever.
    s3 = bucket(endpoint, "acme-athena-results", "us-east-1")
    s3.put_bucket_encryption(Bucket="acme-athena-results", ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
    s3.put_public_access_block(Bucket="acme-athena-results", PublicAccessBlockConfiguration=ALL_ON)
    tags(s3, "acme-athena-results", owner="analytics")

    seed_glue(endpoint)


def seed_glue(endpoint):
    """A catalog over the lake: a CSV landing table, curated Parquet tables, ETL jobs."""
    role = f"arn:aws:iam::{ACCOUNT}:role/glue-etl"
    parquet = {
        "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
        "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
        "SerdeInfo": {"SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"},
    }
    csv = {
        "InputFormat": "org.apache.hadoop.mapred.TextInputFormat",
        "OutputFormat": "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
        "SerdeInfo": {"SerializationLibrary": "org.apache.hadoop.hive.serde2.OpenCSVSerde"},
    }
    columns = [{"Name": "order_id", "Type": "string"}, {"Name": "amount", "Type": "double"}]
    by_day = [{"Name": "dt", "Type": "string"}]

    glue = client("glue", endpoint, "eu-west-1")
    glue.put_data_catalog_encryption_settings(DataCatalogEncryptionSettings={
        "EncryptionAtRest": {"CatalogEncryptionMode": "SSE-KMS",
                             "SseAwsKmsKeyId": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake"},
        "ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": False},
    })
    glue.create_security_configuration(Name="lake-encrypted", EncryptionConfiguration={
        "S3Encryption": [{"S3EncryptionMode": "SSE-KMS", "KmsKeyArn": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake"}],
        "CloudWatchEncryption": {"CloudWatchEncryptionMode": "DISABLED"},
        "JobBookmarksEncryption": {"JobBookmarksEncryptionMode": "DISABLED"},
    })
    glue.create_database(DatabaseInput={"Name": "raw"})
    glue.create_database(DatabaseInput={"Name": "curated"})
    glue.create_table(DatabaseName="raw", TableInput={
        "Name": "orders", "TableType": "EXTERNAL_TABLE",
        "StorageDescriptor": dict(csv, Columns=columns, Location="s3://acme-raw/orders/"),
    })
    glue.create_table(DatabaseName="curated", TableInput={
        "Name": "orders", "TableType": "EXTERNAL_TABLE", "PartitionKeys": by_day,
        "StorageDescriptor": dict(parquet, Columns=columns, Location="s3://acme-curated/orders/"),
    })
    glue.create_table(DatabaseName="curated", TableInput={
        "Name": "customers", "TableType": "EXTERNAL_TABLE",
        "StorageDescriptor": dict(parquet, Columns=columns, Location="s3://acme-curated/customers/"),
    })
    glue.create_crawler(Name="raw-orders", Role=role, DatabaseName="raw",
                        Targets={"S3Targets": [{"Path": "s3://acme-raw/orders/"}]})
    glue.create_job(
        Name="orders-raw-to-curated", Role=role, GlueVersion="4.0", SecurityConfiguration="lake-encrypted",
        Command={"Name": "glueetl", "ScriptLocation": "s3://acme-curated/scripts/orders.py"},
        DefaultArguments={"--enable-metrics": "true", "--enable-continuous-cloudwatch-log": "true",
                          "--enable-auto-scaling": "true", "--job-bookmark-option": "job-bookmark-enable"},
        Timeout=120, MaxRetries=1, Tags={"owner": "data-platform"},
    )
    glue.create_job(
        Name="legacy-export", Role=role, GlueVersion="2.0",
        Command={"Name": "glueetl", "ScriptLocation": "s3://acme-analytics/scripts/export.py"},
        DefaultArguments={"--warehouse-password": "demo-only-not-a-real-secret"},
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="emulator URL, e.g. http://127.0.0.1:4566")
    seed(parser.parse_args().endpoint)
