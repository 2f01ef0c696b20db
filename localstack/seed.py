"""Seeds a small demo data platform into an emulator (moto or LocalStack)
through the AWS API, mixing good and bad practice so that a lakelint scan has
something to say in every pillar.

    python localstack/seed.py --endpoint http://127.0.0.1:4566
"""

import argparse
import io
import json
import sys
import zipfile

from botocore.exceptions import BotoCoreError, ClientError

from emulator import client, rotation_function

# Set from sts:GetCallerIdentity: moto uses 123456789012, LocalStack 000000000000.
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


def sse_kms(s3, name, bucket_key=True, key=None):
    key = key or f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake"
    s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": [{
        "ApplyServerSideEncryptionByDefault": {
            "SSEAlgorithm": "aws:kms",
            "KMSMasterKeyID": key,
        },
        "BucketKeyEnabled": bucket_key,
    }]})


def tags(s3, name, **pairs):
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in pairs.items()]})


def seed_s3(endpoint):
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

    # Analytics sandbox: left at the defaults, but for a key on its way out.
    s3 = bucket(endpoint, "acme-analytics", "us-east-1")
    sse_kms(s3, "acme-analytics", key=f"arn:aws:kms:us-east-1:{ACCOUNT}:alias/analytics-legacy")

    # The audit trail's bucket: private and versioned, but nobody logs access to it.
    s3 = bucket(endpoint, "acme-audit-logs", "us-east-1")
    s3.put_public_access_block(Bucket="acme-audit-logs", PublicAccessBlockConfiguration=ALL_ON)
    s3.put_bucket_versioning(Bucket="acme-audit-logs", VersioningConfiguration={"Status": "Enabled"})
    tags(s3, "acme-audit-logs", owner="security")
    # The policy every trail bucket carries: CloudTrail may write, nobody else.
    s3.put_bucket_policy(Bucket="acme-audit-logs", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "AWSCloudTrailAclCheck", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::acme-audit-logs"},
        {"Sid": "AWSCloudTrailWrite", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
         "Action": "s3:PutObject", "Resource": f"arn:aws:s3:::acme-audit-logs/AWSLogs/{ACCOUNT}/*",
         "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}}]}))

    # Athena query results: SSE-S3, results kept forever.
    s3 = bucket(endpoint, "acme-athena-results", "us-east-1")
    s3.put_bucket_encryption(Bucket="acme-athena-results", ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]})
    s3.put_public_access_block(Bucket="acme-athena-results", PublicAccessBlockConfiguration=ALL_ON)
    tags(s3, "acme-athena-results", owner="analytics")


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
        Timeout=120, MaxRetries=1, Tags={"owner": "data-platform", "managed-by": "terraform"},
    )
    glue.create_job(
        Name="legacy-export", Role=role, GlueVersion="2.0",
        Command={"Name": "glueetl", "ScriptLocation": "s3://acme-analytics/scripts/export.py"},
        DefaultArguments={"--warehouse-password": "demo-only-not-a-real-secret"},
    )
    # Schema history: orders' versions are checked, clickstream's are not.
    glue.create_registry(RegistryName="streams")
    avro = json.dumps({"type": "record", "name": "Order", "fields": [{"name": "order_id", "type": "string"}]})
    for name, compatibility in [("orders", "BACKWARD"), ("clickstream", "NONE")]:
        glue.create_schema(RegistryId={"RegistryName": "streams"}, SchemaName=name, DataFormat="AVRO",
                           Compatibility=compatibility, SchemaDefinition=avro)


def seed_kms(endpoint):
    """The lake's key (rotating) in eu-west-1; a forgotten key pending deletion in us-east-1."""
    eu = client("kms", endpoint, "eu-west-1")
    lake = eu.create_key(Description="data lake")["KeyMetadata"]["KeyId"]
    eu.enable_key_rotation(KeyId=lake)
    eu.create_alias(AliasName="alias/data-lake", TargetKeyId=lake)
    us = client("kms", endpoint, "us-east-1")
    legacy = us.create_key(Description="analytics (legacy)")["KeyMetadata"]["KeyId"]
    us.create_alias(AliasName="alias/analytics-legacy", TargetKeyId=legacy)
    us.schedule_key_deletion(KeyId=legacy, PendingWindowInDays=7)
    audit = us.create_key(Description="audit trail")["KeyMetadata"]["KeyId"]
    us.create_alias(AliasName="alias/audit", TargetKeyId=audit)


def seed_redshift(endpoint):
    """A well-kept RA3 warehouse in eu-west-1; a forgotten DC2 cluster in us-east-1."""
    eu = client("redshift", endpoint, "eu-west-1")
    eu.create_cluster(
        ClusterIdentifier="acme-warehouse", NodeType="ra3.xlplus", NumberOfNodes=2, ClusterType="multi-node",
        MasterUsername="warehouse_admin", MasterUserPassword="Demo-only-1", Encrypted=True,
        KmsKeyId=f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake", PubliclyAccessible=False,
        EnhancedVpcRouting=True, AutomatedSnapshotRetentionPeriod=7, Tags=[{"Key": "owner", "Value": "analytics"}],
    )
    eu.enable_logging(ClusterIdentifier="acme-warehouse", BucketName="acme-access-logs")
    us = client("redshift", endpoint, "us-east-1")
    us.create_cluster(
        ClusterIdentifier="acme-legacy-dw", NodeType="dc2.large", ClusterType="single-node",
        MasterUsername="awsuser", MasterUserPassword="Demo-only-1", Encrypted=False, PubliclyAccessible=True,
        AllowVersionUpgrade=False, AutomatedSnapshotRetentionPeriod=1,
    )


def seed_emr(endpoint):
    """A current Spark cluster on Spot task nodes; an old ad-hoc cluster nobody cleaned up."""
    eu = client("emr", endpoint, "eu-west-1")
    eu.put_block_public_access_configuration(BlockPublicAccessConfiguration={"BlockPublicSecurityGroupRules": True})
    eu.create_security_configuration(Name="emr-encrypted", SecurityConfiguration=json.dumps({
        "EncryptionConfiguration": {
            "EnableAtRestEncryption": True, "EnableInTransitEncryption": False,
            "AtRestEncryptionConfiguration": {
                "S3EncryptionConfiguration": {"EncryptionMode": "SSE-KMS",
                                              "AwsKmsKey": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake"},
                "LocalDiskEncryptionConfiguration": {"EncryptionKeyProviderType": "AwsKms",
                                                     "AwsKmsKey": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake"},
            },
        }}))
    groups = lambda family, task_market: [  # noqa: E731
        {"InstanceRole": "MASTER", "Market": "ON_DEMAND", "InstanceType": f"{family}.xlarge", "InstanceCount": 1},
        {"InstanceRole": "CORE", "Market": "ON_DEMAND", "InstanceType": f"{family}.xlarge", "InstanceCount": 2},
        {"InstanceRole": "TASK", "Market": task_market, "InstanceType": f"{family}.2xlarge", "InstanceCount": 2,
         **({"BidPrice": "0.40"} if task_market == "SPOT" else {})},
    ]
    eu.run_job_flow(Name="acme-spark", ReleaseLabel="emr-7.1.0", LogUri="s3://acme-access-logs/emr/",
                    SecurityConfiguration="emr-encrypted", JobFlowRole="EMR_EC2_DefaultRole",
                    ServiceRole="EMR_DefaultRole",
                    Instances={"InstanceGroups": groups("r6g", "SPOT"), "KeepJobFlowAliveWhenNoSteps": True,
                               "TerminationProtected": True})
    us = client("emr", endpoint, "us-east-1")
    us.run_job_flow(Name="acme-adhoc", ReleaseLabel="emr-5.36.0", JobFlowRole="EMR_EC2_DefaultRole",
                    ServiceRole="EMR_DefaultRole",
                    Instances={"InstanceGroups": groups("m4", "ON_DEMAND"), "KeepJobFlowAliveWhenNoSteps": True})


def seed_cloudtrail(endpoint):
    """A multi-region audit trail that records data events of the curated zone only."""
    ct = client("cloudtrail", endpoint, "us-east-1")
    ct.create_trail(Name="acme-audit", S3BucketName="acme-audit-logs", IsMultiRegionTrail=True,
                    EnableLogFileValidation=True, KmsKeyId=f"arn:aws:kms:us-east-1:{ACCOUNT}:alias/audit")
    ct.put_event_selectors(TrailName="acme-audit", AdvancedEventSelectors=[
        {"Name": "management", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]},
        {"Name": "curated objects", "FieldSelectors": [
            {"Field": "eventCategory", "Equals": ["Data"]},
            {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
            {"Field": "resources.ARN", "StartsWith": ["arn:aws:s3:::acme-curated/"]}]},
    ])
    ct.start_logging(Name="acme-audit")


def seed_athena(endpoint):
    """A governed reporting workgroup whose results expire; an ad-hoc one with no limits."""
    athena = client("athena", endpoint, "us-east-1")
    athena.create_work_group(Name="reporting", Configuration={
        "ResultConfiguration": {
            "OutputLocation": "s3://acme-athena-results/reporting/",
            "EncryptionConfiguration": {"EncryptionOption": "SSE_KMS",
                                        "KmsKey": f"arn:aws:kms:us-east-1:{ACCOUNT}:alias/audit"}},
        "EnforceWorkGroupConfiguration": True, "PublishCloudWatchMetricsEnabled": True,
        "BytesScannedCutoffPerQuery": 10 * 1024**3,
        "EngineVersion": {"SelectedEngineVersion": "Athena engine version 3"},
    })
    athena.create_work_group(Name="adhoc", Configuration={
        "ResultConfiguration": {"OutputLocation": "s3://acme-athena-results/adhoc/"},
        "EnforceWorkGroupConfiguration": False, "PublishCloudWatchMetricsEnabled": False,
    })
    client("s3", endpoint, "us-east-1").put_bucket_lifecycle_configuration(
        Bucket="acme-athena-results", LifecycleConfiguration={"Rules": [{
            "ID": "expire-reporting-results", "Status": "Enabled", "Filter": {"Prefix": "reporting/"},
            "Expiration": {"Days": 30}, "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 1},
        }]})


def seed_lakeformation(endpoint):
    """The lake's region left at Lake Formation's defaults, with only the curated zone registered."""
    lf = client("lakeformation", endpoint, "eu-west-1")
    lf.register_resource(ResourceArn="arn:aws:s3:::acme-curated", UseServiceLinkedRole=True)


def seed_secretsmanager(endpoint):
    """A warehouse password nobody rotates; an API key rotated by a function."""
    sm = client("secretsmanager", endpoint, "eu-west-1")
    sm.create_secret(Name="warehouse/etl-password", SecretString="demo-only-not-a-real-secret")
    function = rotation_function(endpoint, "eu-west-1", ACCOUNT, "rotate-api-key")
    sm.create_secret(Name="orders/api-key", SecretString="demo-only-not-a-real-secret",
                     KmsKeyId=f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake")
    sm.rotate_secret(SecretId="orders/api-key", RotationLambdaARN=function,
                     RotationRules={"AutomaticallyAfterDays": 30}, RotateImmediately=False)


def seed_orchestration(endpoint):
    """Alerting for the curated ETL job only; a nightly and a midday trigger."""
    events = client("events", endpoint, "eu-west-1")
    events.put_rule(Name="orders-etl-failures", State="ENABLED", EventPattern=json.dumps({
        "source": ["aws.glue"], "detail-type": ["Glue Job State Change"],
        "detail": {"jobName": ["orders-raw-to-curated"], "state": ["FAILED", "TIMEOUT"]}}))
    glue = client("glue", endpoint, "eu-west-1")
    glue.create_trigger(Name="orders-nightly", Type="SCHEDULED", Schedule="cron(0 2 * * ? *)",
                        Actions=[{"JobName": "orders-raw-to-curated"}], StartOnCreation=True)
    glue.create_trigger(Name="export-midday", Type="SCHEDULED", Schedule="cron(0 12 ? * MON-FRI *)",
                        Actions=[{"JobName": "legacy-export"}], StartOnCreation=True)


def seed_stepfunctions(endpoint):
    """The lake's pipeline logs its runs; a forgotten export pipeline logs nothing."""
    sfn = client("stepfunctions", endpoint, "eu-west-1")
    definition = json.dumps({"StartAt": "Run", "States": {"Run": {"Type": "Pass", "End": True}}})
    role = f"arn:aws:iam::{ACCOUNT}:role/pipelines"
    sfn.create_state_machine(
        name="lake-pipeline", definition=definition, roleArn=role,
        loggingConfiguration={"level": "ERROR", "includeExecutionData": False, "destinations": [
            {"cloudWatchLogsLogGroup": {"logGroupArn": f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:pipelines:*"}}]},
        tracingConfiguration={"enabled": True}, tags=[{"key": "managed-by", "value": "terraform"}])
    sfn.create_state_machine(name="export-pipeline", definition=definition, roleArn=role)


def seed_alarms(endpoint):
    """An alarm on the lake pipeline's failed executions; none on the export's."""
    client("cloudwatch", endpoint, "eu-west-1").put_metric_alarm(
        AlarmName="lake-pipeline-failed", Namespace="AWS/States", MetricName="ExecutionsFailed",
        Dimensions=[{"Name": "StateMachineArn",
                     "Value": f"arn:aws:states:eu-west-1:{ACCOUNT}:stateMachine:lake-pipeline"}],
        Statistic="Sum", Period=300, EvaluationPeriods=1, Threshold=1,
        ComparisonOperator="GreaterThanOrEqualToThreshold", TreatMissingData="notBreaching",
        AlarmActions=[f"arn:aws:sns:eu-west-1:{ACCOUNT}:data-platform-alerts"])


def seed_dynamodb(endpoint):
    """Pipeline state kept well; a lookup table without backups or protection."""
    ddb = client("dynamodb", endpoint, "eu-west-1")
    key = {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
           "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}
    ddb.create_table(TableName="pipeline-state", BillingMode="PAY_PER_REQUEST", DeletionProtectionEnabled=True,
                     SSESpecification={"Enabled": True, "SSEType": "KMS",
                                       "KMSMasterKeyId": f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake"},
                     **key)
    ddb.update_continuous_backups(TableName="pipeline-state",
                                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    ddb.create_table(TableName="customer-lookup", ProvisionedThroughput={"ReadCapacityUnits": 50,
                                                                         "WriteCapacityUnits": 10}, **key)
    client("dax", endpoint, "eu-west-1").create_cluster(
        ClusterName="lookup-cache", NodeType="dax.r5.large", ReplicationFactor=1,
        IamRoleArn=f"arn:aws:iam::{ACCOUNT}:role/dax")


def seed_rds(endpoint):
    """The lake's metastore on Multi-AZ PostgreSQL; a reporting MySQL in one zone."""
    rds = client("rds", endpoint, "eu-west-1")
    rds.create_db_instance(
        DBInstanceIdentifier="lake-metastore", Engine="postgres", DBInstanceClass="db.m6g.large",
        AllocatedStorage=50, MasterUsername="metastore", ManageMasterUserPassword=True, MultiAZ=True,
        StorageEncrypted=True, KmsKeyId=f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake",
        BackupRetentionPeriod=14, DeletionProtection=True, EnableCloudwatchLogsExports=["postgresql"],
        AutoMinorVersionUpgrade=True, EnableIAMDatabaseAuthentication=True, PubliclyAccessible=False)
    rds.create_db_instance(
        DBInstanceIdentifier="reporting-mysql", Engine="mysql", DBInstanceClass="db.m4.large",
        AllocatedStorage=20, MasterUsername="report", MasterUserPassword="Demo-only-1", MultiAZ=False,
        BackupRetentionPeriod=1, PubliclyAccessible=True, AutoMinorVersionUpgrade=False)


def seed_emrserverless(endpoint):
    """A Spark application left running between jobs."""
    client("emr-serverless", endpoint, "eu-west-1").create_application(
        name="adhoc-spark", releaseLabel="emr-7.1.0", type="SPARK", autoStopConfiguration={"enabled": False})


def seed_streaming(endpoint):
    """Clickstream in eu-west-1: an encrypted stream landing in the lake as
    Parquet, and a raw Direct PUT stream with nothing configured."""
    role = f"arn:aws:iam::{ACCOUNT}:role/firehose-delivery"
    lake_key = f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/data-lake"
    kinesis = client("kinesis", endpoint, "eu-west-1")
    kinesis.create_stream(StreamName="acme-clicks", ShardCount=1)
    kinesis.start_stream_encryption(StreamName="acme-clicks", EncryptionType="KMS", KeyId=lake_key)
    kinesis.increase_stream_retention_period(StreamName="acme-clicks", RetentionPeriodHours=72)
    kinesis.create_stream(StreamName="acme-audit-events", ShardCount=1)
    firehose = client("firehose", endpoint, "eu-west-1")
    firehose.create_delivery_stream(
        DeliveryStreamName="acme-clicks-to-lake", DeliveryStreamType="KinesisStreamAsSource",
        KinesisStreamSourceConfiguration={
            "KinesisStreamARN": f"arn:aws:kinesis:eu-west-1:{ACCOUNT}:stream/acme-clicks", "RoleARN": role},
        ExtendedS3DestinationConfiguration={
            "RoleARN": role, "BucketARN": "arn:aws:s3:::acme-raw", "CompressionFormat": "UNCOMPRESSED",
            "CloudWatchLoggingOptions": {"Enabled": True, "LogGroupName": "/aws/kinesisfirehose/acme-clicks",
                                         "LogStreamName": "S3Delivery"},
            "DataFormatConversionConfiguration": {
                "Enabled": True,
                "SchemaConfiguration": {"DatabaseName": "acme_raw", "TableName": "clicks", "RoleARN": role},
                "InputFormatConfiguration": {"Deserializer": {"OpenXJsonSerDe": {}}},
                "OutputFormatConfiguration": {"Serializer": {"ParquetSerDe": {}}}}})
    firehose.create_delivery_stream(
        DeliveryStreamName="acme-raw-events", DeliveryStreamType="DirectPut",
        ExtendedS3DestinationConfiguration={
            "RoleARN": role, "BucketARN": "arn:aws:s3:::acme-raw", "CompressionFormat": "UNCOMPRESSED"})


def seed_msk(endpoint):
    """A serverless Kafka cluster with IAM authentication (LocalStack Pro only)."""
    client("kafka", endpoint, "eu-west-1").create_cluster_v2(ClusterName="acme-events", Serverless={
        "VpcConfigs": [{"SubnetIds": ["subnet-1", "subnet-2"]}],
        "ClientAuthentication": {"Sasl": {"Iam": {"Enabled": True}}}})


def seed_compute(endpoint):
    """Stream consumers on x86_64 and on Graviton, one whose failed batches are
    dropped; nightly Batch capacity on Spot and on-demand."""
    iam = client("iam", endpoint)
    iam.create_role(RoleName="acme-stream-consumer", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                "Principal": {"Service": "lambda.amazonaws.com"}}]}))
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("handler.py", "def handler(event, context):\n    pass\n")
    lam = client("lambda", endpoint, "eu-west-1")
    client("sqs", endpoint, "eu-west-1").create_queue(QueueName="acme-failed-batches")
    for name, runtime, arch, stream, dlq in (
            ("acme-enrich-clicks", "python3.9", "x86_64", "acme-clicks", False),
            ("acme-score-audit", "python3.13", "arm64", "acme-audit-events", True)):
        lam.create_function(FunctionName=name, Runtime=runtime, Handler="handler.handler",
                            Role=f"arn:aws:iam::{ACCOUNT}:role/acme-stream-consumer",
                            Code={"ZipFile": code.getvalue()}, Architectures=[arch])
        extra = {"DestinationConfig": {"OnFailure": {
            "Destination": f"arn:aws:sqs:eu-west-1:{ACCOUNT}:acme-failed-batches"}}} if dlq else {}
        lam.create_event_source_mapping(
            FunctionName=name, EventSourceArn=f"arn:aws:kinesis:eu-west-1:{ACCOUNT}:stream/{stream}",
            StartingPosition="LATEST", **extra)
    ec2 = client("ec2", endpoint, "eu-west-1")
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    group = ec2.describe_security_groups()["SecurityGroups"][0]["GroupId"]
    iam.create_role(RoleName="acme-batch", AssumeRolePolicyDocument="{}")
    iam.create_instance_profile(InstanceProfileName="acme-batch-instances")
    batch = client("batch", endpoint, "eu-west-1")
    for name, capacity in (("acme-nightly-spot", "SPOT"), ("acme-nightly-ondemand", "EC2")):
        resources = {"type": capacity, "minvCpus": 0, "maxvCpus": 16, "desiredvCpus": 0,
                     "instanceTypes": ["optimal"], "subnets": [subnet], "securityGroupIds": [group],
                     "instanceRole": f"arn:aws:iam::{ACCOUNT}:instance-profile/acme-batch-instances"}
        if capacity == "SPOT":
            resources.update(bidPercentage=60, spotIamFleetRole=f"arn:aws:iam::{ACCOUNT}:role/acme-batch")
        batch.create_compute_environment(computeEnvironmentName=name, type="MANAGED",
                                         serviceRole=f"arn:aws:iam::{ACCOUNT}:role/acme-batch",
                                         computeResources=resources)


def seed_logs(endpoint):
    """Glue's output kept a month; a stream consumer's logs kept forever."""
    us = client("logs", endpoint, "us-east-1")
    us.create_log_group(logGroupName="/aws-glue/jobs/output")
    us.put_retention_policy(logGroupName="/aws-glue/jobs/output", retentionInDays=30)
    client("logs", endpoint, "eu-west-1").create_log_group(logGroupName="/aws/lambda/acme-enrich-clicks")


# In dependency order: keys before what they encrypt, buckets before what points into them.
SERVICES = [("kms", seed_kms), ("s3", seed_s3), ("glue", seed_glue), ("redshift", seed_redshift),
            ("emr", seed_emr), ("cloudtrail", seed_cloudtrail), ("athena", seed_athena),
            ("lakeformation", seed_lakeformation), ("secretsmanager", seed_secretsmanager),
            ("orchestration", seed_orchestration), ("stepfunctions", seed_stepfunctions),
            ("alarms", seed_alarms),
            ("dynamodb", seed_dynamodb), ("rds", seed_rds), ("emrserverless", seed_emrserverless),
            ("streaming", seed_streaming), ("msk", seed_msk), ("compute", seed_compute),
            ("logs", seed_logs)]


def seed(endpoint):
    """Seeds every service the endpoint serves; returns the ones it does not."""
    global ACCOUNT
    ACCOUNT = client("sts", endpoint).get_caller_identity()["Account"]
    skipped = []
    for name, seed_service in SERVICES:
        try:
            seed_service(endpoint)
        except (ClientError, BotoCoreError) as error:
            # LocalStack community answers Glue, EMR and CloudTrail with 501 (Pro only).
            print(f"seed: skipped {name}: {error}", file=sys.stderr)
            skipped.append(name)
    return skipped


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="emulator URL, e.g. http://127.0.0.1:4566")
    seed(parser.parse_args().endpoint)
