"""Seeds the Glue fixture of tests/scan_glue.rs into an emulator: jobs, crawlers,
security configurations, catalog settings, tables, triggers and the
EventBridge rules that alert on failed jobs, in two regions that pass and fail
every Glue check.

    python seed_glue_fixture.py ENDPOINT
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "localstack"))
from emulator import client  # noqa: E402

# A credential that must never leave the emulator through lakelint.
SECRET_VALUE = "Sup3rS3cretValue!"
KEY = "arn:aws:kms:{region}:123456789012:key/11111111-2222-3333-4444-555555555555"
ROLE = "arn:aws:iam::123456789012:role/glue"
GOOD_ARGS = {
    "--enable-continuous-cloudwatch-log": "true",
    "--enable-metrics": "true",
    "--enable-auto-scaling": "true",
    "--job-bookmark-option": "job-bookmark-enable",
}

PARQUET = {
    "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
    "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
    "SerdeInfo": {"SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"},
}
CSV = {
    "InputFormat": "org.apache.hadoop.mapred.TextInputFormat",
    "OutputFormat": "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
    "SerdeInfo": {"SerializationLibrary": "org.apache.hadoop.hive.serde2.OpenCSVSerde"},
}
JSON = dict(CSV, SerdeInfo={"SerializationLibrary": "org.openx.data.jsonserde.JsonSerDe"})
COLUMNS = [{"Name": "id", "Type": "string"}]
BY_DAY = [{"Name": "dt", "Type": "string"}]


def security_configuration(glue, name, s3, cloudwatch, bookmarks, region):
    key = KEY.format(region=region)
    s3_entry = {"S3EncryptionMode": s3}
    if s3 == "SSE-KMS":
        s3_entry["KmsKeyArn"] = key
    config = {"S3Encryption": [s3_entry],
              "CloudWatchEncryption": {"CloudWatchEncryptionMode": cloudwatch},
              "JobBookmarksEncryption": {"JobBookmarksEncryptionMode": bookmarks}}
    if cloudwatch != "DISABLED":
        config["CloudWatchEncryption"]["KmsKeyArn"] = key
    if bookmarks != "DISABLED":
        config["JobBookmarksEncryption"]["KmsKeyArn"] = key
    glue.create_security_configuration(Name=name, EncryptionConfiguration=config)


def job(glue, name, command="glueetl", **fields):
    glue.create_job(Name=name, Role=ROLE,
                    Command={"Name": command, "ScriptLocation": f"s3://lake-raw-data/scripts/{name}.py"},
                    **fields)


def table(glue, database, name, location, storage, partitions=(), parameters=None):
    descriptor = dict(storage, Columns=COLUMNS, Location=location)
    glue.create_table(DatabaseName=database, TableInput={
        "Name": name, "TableType": "EXTERNAL_TABLE", "StorageDescriptor": descriptor,
        "PartitionKeys": list(partitions), "Parameters": parameters or {},
    })


def seed(endpoint):
    s3 = client("s3", endpoint, "us-east-1")
    s3.create_bucket(Bucket="lake-raw-data")
    client("s3", endpoint, "eu-west-1").create_bucket(
        Bucket="lake-curated-data", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})

    # us-east-1: encrypted catalog, every kind of job.
    glue = client("glue", endpoint, "us-east-1")
    glue.put_data_catalog_encryption_settings(DataCatalogEncryptionSettings={
        "EncryptionAtRest": {"CatalogEncryptionMode": "SSE-KMS", "SseAwsKmsKeyId": KEY.format(region="us-east-1")},
        "ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": True,
                                         "AwsKmsKeyId": KEY.format(region="us-east-1")},
    })
    security_configuration(glue, "secure", "SSE-KMS", "SSE-KMS", "CSE-KMS", "us-east-1")
    security_configuration(glue, "partial", "SSE-S3", "DISABLED", "DISABLED", "us-east-1")
    security_configuration(glue, "no-s3", "DISABLED", "SSE-KMS", "CSE-KMS", "us-east-1")

    job(glue, "etl-good", GlueVersion="4.0", SecurityConfiguration="secure", DefaultArguments=GOOD_ARGS,
        Timeout=60, MaxRetries=1, Tags={"owner": "data", "managed-by": "terraform"})
    job(glue, "etl-legacy", GlueVersion="2.0", MaxRetries=0)
    job(glue, "etl-secret", GlueVersion="3.0", SecurityConfiguration="no-s3", Timeout=2880, DefaultArguments={
        "--db-password": SECRET_VALUE,
        "--enable-metrics": "true",
        "--enable-auto-scaling": "false",
        "--job-bookmark-option": "job-bookmark-disable",
    })
    job(glue, "shell-job", command="pythonshell", GlueVersion="3.0", SecurityConfiguration="partial",
        Timeout=10, MaxRetries=1, DefaultArguments={"--enable-continuous-cloudwatch-log": "true"})

    glue.create_crawler(Name="crawler-secure", Role=ROLE, DatabaseName="sales",
                        Targets={"S3Targets": [{"Path": "s3://lake-raw-data/events/"}]},
                        CrawlerSecurityConfiguration="secure")
    glue.create_crawler(Name="crawler-plain", Role=ROLE, DatabaseName="sales",
                        Targets={"S3Targets": [{"Path": "s3://lake-curated-data/orders/"}]},
                        Schedule="cron(0 10 ? * MON-FRI *)")
    glue.create_trigger(Name="nightly", Type="SCHEDULED", Schedule="cron(0 3 * * ? *)",
                        Actions=[{"JobName": "etl-good"}], StartOnCreation=True)
    glue.create_trigger(Name="midday", Type="SCHEDULED", Schedule="cron(30 12 ? * MON-FRI *)",
                        Actions=[{"JobName": "etl-legacy"}], StartOnCreation=True)
    glue.create_trigger(Name="on-demand", Type="ON_DEMAND", Actions=[{"JobName": "shell-job"}])

    # Alerting: etl-good by name, etl-legacy only by a disabled rule, the others not at all.
    events = client("events", endpoint, "us-east-1")
    failures = {"source": ["aws.glue"], "detail-type": ["Glue Job State Change"],
                "detail": {"state": ["FAILED", "TIMEOUT"]}}
    events.put_rule(Name="etl-good-failures", State="ENABLED", EventPattern=json.dumps(
        dict(failures, detail=dict(failures["detail"], jobName=["etl-good"]))))
    events.put_rule(Name="etl-legacy-failures", State="DISABLED", EventPattern=json.dumps(
        dict(failures, detail=dict(failures["detail"], jobName=["etl-legacy"]))))
    events.put_rule(Name="hourly", State="ENABLED", ScheduleExpression="rate(1 hour)")

    glue.create_database(DatabaseInput={"Name": "sales"})
    table(glue, "sales", "orders_csv", "s3://lake-raw-data/orders/", CSV)
    table(glue, "sales", "orders_parquet", "s3://lake-curated-data/orders/", PARQUET, BY_DAY)
    table(glue, "sales", "ghost", "s3://deleted-bucket/ghost/", PARQUET, BY_DAY)
    glue.create_table(DatabaseName="sales", TableInput={
        "Name": "orders_view", "TableType": "VIRTUAL_VIEW",
        "ViewOriginalText": "SELECT * FROM sales.orders_parquet",
    })

    # eu-west-1: catalog left unencrypted, one well-kept job.
    glue = client("glue", endpoint, "eu-west-1")
    security_configuration(glue, "eu-secure", "SSE-KMS", "SSE-KMS", "CSE-KMS", "eu-west-1")
    job(glue, "eu-job", GlueVersion="4.0", SecurityConfiguration="eu-secure", DefaultArguments=GOOD_ARGS,
        Timeout=120, MaxRetries=2, Tags={"Owner": "analytics"})
    # Every job of the region alerts, by a rule that names none.
    client("events", endpoint, "eu-west-1").put_rule(
        Name="all-glue-failures", State="ENABLED", EventPattern=json.dumps({
            "source": ["aws.glue"], "detail-type": ["Glue Job State Change"],
            "detail": {"state": [{"anything-but": ["SUCCEEDED", "RUNNING", "STARTING", "STOPPING", "STOPPED"]}]}}))
    glue.create_database(DatabaseInput={"Name": "analytics"})
    table(glue, "analytics", "events_json", "s3://lake-raw-data/events/", JSON, BY_DAY)
    table(glue, "analytics", "events_iceberg", "s3://lake-curated-data/iceberg/", PARQUET,
          parameters={"table_type": "ICEBERG"})


if __name__ == "__main__":
    seed(sys.argv[1])
