"""Seeds the fixture of tests/scan_platform.rs into an emulator: the second
edition's services (Athena, Lake Formation, Secrets Manager, DynamoDB and
DAX, RDS and Aurora, Step Functions, EMR Serverless), in two regions, with a
resource that passes and one that fails each check moto can seed. MWAA and
the Well-Architected Tool are not in moto; the test proxy answers them.

    python seed_platform_fixture.py ENDPOINT
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "localstack"))
from emulator import client, rotation_function  # noqa: E402

ACCOUNT = "123456789012"
# The platform's key, by alias ARN; the state machine's key is pending deletion.
KEY = "arn:aws:kms:{region}:123456789012:alias/platform"
DOOMED_KEY = "arn:aws:kms:us-east-1:123456789012:alias/doomed"
PARQUET = {
    "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
    "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
    "SerdeInfo": {"SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"},
}


def keys(endpoint):
    for region in ["us-east-1", "eu-west-1"]:
        kms = client("kms", endpoint, region)
        key = kms.create_key(Description="platform")["KeyMetadata"]["KeyId"]
        kms.create_alias(AliasName="alias/platform", TargetKeyId=key)
    kms = client("kms", endpoint, "us-east-1")
    doomed = kms.create_key(Description="doomed")["KeyMetadata"]["KeyId"]
    kms.create_alias(AliasName="alias/doomed", TargetKeyId=doomed)
    kms.schedule_key_deletion(KeyId=doomed, PendingWindowInDays=7)


def athena(endpoint):
    """`governed` passes every workgroup check, `open` fails them; `primary` is moto's default."""
    s3 = client("s3", endpoint, "us-east-1")
    s3.create_bucket(Bucket="platform-results")
    s3.put_bucket_lifecycle_configuration(Bucket="platform-results", LifecycleConfiguration={"Rules": [{
        "ID": "expire-governed", "Status": "Enabled", "Filter": {"Prefix": "governed/"},
        "Expiration": {"Days": 30},
    }]})
    wg = client("athena", endpoint, "us-east-1")
    wg.create_work_group(Name="governed", Configuration={
        "ResultConfiguration": {
            "OutputLocation": "s3://platform-results/governed/",
            "EncryptionConfiguration": {"EncryptionOption": "SSE_KMS", "KmsKey": KEY.format(region="us-east-1")}},
        "EnforceWorkGroupConfiguration": True, "PublishCloudWatchMetricsEnabled": True,
        "BytesScannedCutoffPerQuery": 10 * 1024**3,
        "EngineVersion": {"SelectedEngineVersion": "Athena engine version 3"},
    })
    wg.create_work_group(Name="open", Configuration={
        "ResultConfiguration": {"OutputLocation": "s3://platform-results/open/"},
        "EnforceWorkGroupConfiguration": False, "PublishCloudWatchMetricsEnabled": False,
        "EngineVersion": {"SelectedEngineVersion": "Athena engine version 2"},
    })


def lake_formation(endpoint):
    """us-east-1 governed by Lake Formation, eu-west-1 left at its defaults; one of two lake buckets registered."""
    for region, bucket in [("us-east-1", "platform-lake"), ("eu-west-1", "platform-raw")]:
        s3 = client("s3", endpoint, region)
        if region == "us-east-1":
            s3.create_bucket(Bucket=bucket)
        else:
            s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
        glue = client("glue", endpoint, region)
        glue.create_database(DatabaseInput={"Name": "sales"})
        glue.create_table(DatabaseName="sales", TableInput={
            "Name": "orders", "TableType": "EXTERNAL_TABLE",
            "StorageDescriptor": dict(PARQUET, Columns=[{"Name": "id", "Type": "string"}],
                                      Location=f"s3://{bucket}/orders/"),
        })
    lf = client("lakeformation", endpoint, "us-east-1")
    lf.put_data_lake_settings(DataLakeSettings={
        "DataLakeAdmins": [{"DataLakePrincipalIdentifier": f"arn:aws:iam::{ACCOUNT}:role/lake-admin"}],
        "CreateDatabaseDefaultPermissions": [], "CreateTableDefaultPermissions": []})
    lf.register_resource(ResourceArn="arn:aws:s3:::platform-lake", UseServiceLinkedRole=True)


def secrets(endpoint):
    """A rotated secret and a static one."""
    function = rotation_function(endpoint, "us-east-1", ACCOUNT, "rotate")
    sm = client("secretsmanager", endpoint, "us-east-1")
    sm.create_secret(Name="rotated", SecretString="fixture-only", KmsKeyId=KEY.format(region="us-east-1"))
    sm.rotate_secret(SecretId="rotated", RotationLambdaARN=function,
                     RotationRules={"AutomaticallyAfterDays": 30}, RotateImmediately=False)
    sm.create_secret(Name="static", SecretString="fixture-only")


def dynamodb(endpoint):
    """`orders` passes every table check, `lookup` fails them, `scaled` has both scaling targets."""
    ddb = client("dynamodb", endpoint, "us-east-1")
    key = {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
           "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}
    provisioned = {"ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}
    ddb.create_table(TableName="orders", BillingMode="PAY_PER_REQUEST", DeletionProtectionEnabled=True,
                     SSESpecification={"Enabled": True, "SSEType": "KMS",
                                       "KMSMasterKeyId": KEY.format(region="us-east-1")}, **key)
    ddb.update_continuous_backups(TableName="orders",
                                  PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    ddb.create_table(TableName="lookup", **provisioned, **key)
    ddb.create_table(TableName="scaled", **provisioned, **key)
    scaling = client("application-autoscaling", endpoint, "us-east-1")
    for dimension in ["ReadCapacityUnits", "WriteCapacityUnits"]:
        scaling.register_scalable_target(ServiceNamespace="dynamodb", ResourceId="table/scaled",
                                         ScalableDimension=f"dynamodb:table:{dimension}",
                                         MinCapacity=5, MaxCapacity=100)
    scaling.register_scalable_target(ServiceNamespace="dynamodb", ResourceId="table/lookup",
                                     ScalableDimension="dynamodb:table:ReadCapacityUnits",
                                     MinCapacity=5, MaxCapacity=100)
    dax = client("dax", endpoint, "us-east-1")
    role = f"arn:aws:iam::{ACCOUNT}:role/dax"
    dax.create_cluster(ClusterName="cache-good", NodeType="dax.r5.large", ReplicationFactor=3, IamRoleArn=role,
                       SSESpecification={"Enabled": True}, ClusterEndpointEncryptionType="TLS")
    dax.create_cluster(ClusterName="cache-bad", NodeType="dax.r5.large", ReplicationFactor=1, IamRoleArn=role)


def rds(endpoint):
    """In us-east-1 a well-kept PostgreSQL instance, a neglected MySQL one and
    a well-kept Aurora cluster; in eu-west-1 a neglected one-zone Aurora cluster."""
    us = client("rds", endpoint, "us-east-1")
    us.create_db_instance(
        DBInstanceIdentifier="pg-good", Engine="postgres", DBInstanceClass="db.m6g.large", AllocatedStorage=20,
        MasterUsername="owner", ManageMasterUserPassword=True, MultiAZ=True, StorageEncrypted=True,
        KmsKeyId=KEY.format(region="us-east-1"), BackupRetentionPeriod=7, DeletionProtection=True,
        EnableCloudwatchLogsExports=["postgresql"], AutoMinorVersionUpgrade=True,
        EnableIAMDatabaseAuthentication=True, PubliclyAccessible=False)
    us.create_db_instance(
        DBInstanceIdentifier="mysql-bad", Engine="mysql", DBInstanceClass="db.t2.medium", AllocatedStorage=20,
        MasterUsername="owner", MasterUserPassword="Fixture-only-1", MultiAZ=False, BackupRetentionPeriod=1,
        PubliclyAccessible=True, AutoMinorVersionUpgrade=False)
    us.create_db_cluster(
        DBClusterIdentifier="aurora-good", Engine="aurora-postgresql", MasterUsername="owner",
        ManageMasterUserPassword=True, StorageEncrypted=True, KmsKeyId=KEY.format(region="us-east-1"),
        BackupRetentionPeriod=14, DeletionProtection=True, EnableCloudwatchLogsExports=["postgresql"],
        EnableIAMDatabaseAuthentication=True)
    for zone in ["a", "b"]:
        us.create_db_instance(DBInstanceIdentifier=f"aurora-good-{zone}", DBClusterIdentifier="aurora-good",
                              Engine="aurora-postgresql", DBInstanceClass="db.r6g.large",
                              AvailabilityZone=f"us-east-1{zone}", PubliclyAccessible=False)
    eu = client("rds", endpoint, "eu-west-1")
    eu.create_db_cluster(
        DBClusterIdentifier="aurora-bad", Engine="aurora-mysql", MasterUsername="owner",
        MasterUserPassword="Fixture-only-1", AvailabilityZones=["eu-west-1a"], StorageEncrypted=False,
        BackupRetentionPeriod=1)
    eu.create_db_instance(DBInstanceIdentifier="aurora-bad-a", DBClusterIdentifier="aurora-bad",
                          Engine="aurora-mysql", DBInstanceClass="db.r4.large", AvailabilityZone="eu-west-1a",
                          PubliclyAccessible=True)


def orchestration(endpoint):
    """State machines with and without logging and tracing; EMR Serverless applications with and without auto-stop."""
    sfn = client("stepfunctions", endpoint, "us-east-1")
    definition = json.dumps({"StartAt": "Run", "States": {"Run": {"Type": "Pass", "End": True}}})
    role = f"arn:aws:iam::{ACCOUNT}:role/pipelines"
    sfn.create_state_machine(
        name="pipeline-good", definition=definition, roleArn=role,
        loggingConfiguration={"level": "ALL", "includeExecutionData": False, "destinations": [
            {"cloudWatchLogsLogGroup": {"logGroupArn": f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:sfn:*"}}]},
        tracingConfiguration={"enabled": True},
        encryptionConfiguration={"type": "CUSTOMER_MANAGED_KMS_KEY", "kmsKeyId": DOOMED_KEY,
                                 "kmsDataKeyReusePeriodSeconds": 300},
        tags=[{"key": "managed-by", "value": "cdk"}])
    sfn.create_state_machine(name="pipeline-bad", definition=definition, roleArn=role)
    emr = client("emr-serverless", endpoint, "eu-west-1")
    for name, enabled in [("spark-good", True), ("spark-bad", False)]:
        auto_stop = {"enabled": enabled, **({"idleTimeoutMinutes": 15} if enabled else {})}
        emr.create_application(name=name, releaseLabel="emr-7.1.0", type="SPARK", autoStopConfiguration=auto_stop)


if __name__ == "__main__":
    endpoint = sys.argv[1]
    keys(endpoint)
    athena(endpoint)
    lake_formation(endpoint)
    secrets(endpoint)
    dynamodb(endpoint)
    rds(endpoint)
    orchestration(endpoint)
