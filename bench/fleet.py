"""Seeds a fleet at scale into moto for the benchmark: buckets, Glue jobs,
triggers and tables, Redshift and EMR clusters, KMS keys, trails, Athena
workgroups, secrets, DynamoDB tables, RDS instances, state machines, Kinesis
and Firehose streams, Lambda consumers and Batch compute environments spread
over regions, from a seed so two runs build the same fleet.

    python bench/fleet.py --endpoint URL --regions us-east-1,eu-west-1,ap-south-1 \
        --buckets 10000 --jobs 2000 --tables 20000 --clusters 100 --keys 500 \
        --workgroups 100 --secrets 500 --triggers 500 --ddb-tables 1000 --db-instances 100 \
        --state-machines 200 --streams 100 --functions 300 --compute-environments 30 --seed 7
"""

import argparse
import io
import json
import os
import random
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "localstack"))
from emulator import client  # noqa: E402

ROLE = "arn:aws:iam::123456789012:role/bench"
PARQUET = {
    "InputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
    "OutputFormat": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
    "SerdeInfo": {"SerializationLibrary": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"},
}


def spread(total, regions):
    """`total` items as (index, region) pairs, round-robin over the regions."""
    return [(i, regions[i % len(regions)]) for i in range(total)]


def run(tasks, workers=8):
    with ThreadPoolExecutor(workers) as pool:
        for _ in pool.map(lambda task: task(), tasks):
            pass


def seed(endpoint, regions, sizes, seed_value):
    buckets, jobs, tables, clusters, keys, trails = (
        sizes[k] for k in ["buckets", "jobs", "tables", "clusters", "keys", "trails"])
    rng = random.Random(seed_value)
    choices = {i: rng.random() for i in range(max(sizes.values()) + 1)}

    def bucket(i, region):
        def task():
            s3 = client("s3", endpoint, region)
            name = f"bench-{seed_value}-{i:06d}"
            if region == "us-east-1":
                s3.create_bucket(Bucket=name)
            else:
                s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
            if choices[i] < 0.5:
                s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
            if choices[i] < 0.3:
                s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "owner", "Value": "bench"}]})
        return task

    def job(i, region):
        def task():
            client("glue", endpoint, region).create_job(
                Name=f"job-{i:05d}", Role=ROLE, GlueVersion=rng_version(i),
                Command={"Name": "glueetl", "ScriptLocation": f"s3://bench/scripts/{i}.py"},
                DefaultArguments={"--enable-metrics": "true"} if choices[i] < 0.5 else {},
                Tags={"owner": "bench"})
        return task

    def rng_version(i):
        return "4.0" if choices[i] < 0.6 else "2.0"

    # Tables in databases of 100.
    databases = {}
    for i, region in spread(tables, regions):
        databases.setdefault((region, i // (100 * len(regions))), []).append(i)

    def database(region, number, members):
        def task():
            glue = client("glue", endpoint, region)
            name = f"db_{number:04d}"
            glue.create_database(DatabaseInput={"Name": name})
            for i in members:
                glue.create_table(DatabaseName=name, TableInput={
                    "Name": f"t_{i:06d}", "TableType": "EXTERNAL_TABLE",
                    "PartitionKeys": [{"Name": "dt", "Type": "string"}] if choices[i] < 0.5 else [],
                    "StorageDescriptor": dict(PARQUET, Columns=[{"Name": "id", "Type": "string"}],
                                              Location=f"s3://bench-{seed_value}-{i % max(buckets, 1):06d}/t/{i}/"),
                })
        return task

    def redshift(i, region):
        def task():
            client("redshift", endpoint, region).create_cluster(
                ClusterIdentifier=f"rs-{i:04d}", NodeType="ra3.xlplus" if choices[i] < 0.5 else "dc2.large",
                ClusterType="single-node", MasterUsername="bench_admin", MasterUserPassword="Bench-pass-1",
                Encrypted=choices[i] < 0.7)
        return task

    def emr(i, region):
        def task():
            market = "SPOT" if choices[i] < 0.5 else "ON_DEMAND"
            task_group = {"InstanceRole": "TASK", "Market": market, "InstanceType": "r6g.xlarge", "InstanceCount": 2}
            if market == "SPOT":
                task_group["BidPrice"] = "0.30"
            client("emr", endpoint, region).run_job_flow(
                Name=f"emr-{i:04d}", ReleaseLabel="emr-7.1.0", JobFlowRole="EMR_EC2_DefaultRole",
                ServiceRole="EMR_DefaultRole",
                Instances={"KeepJobFlowAliveWhenNoSteps": True, "InstanceGroups": [
                    {"InstanceRole": "MASTER", "Market": "ON_DEMAND", "InstanceType": "m6g.xlarge", "InstanceCount": 1},
                    {"InstanceRole": "CORE", "Market": "ON_DEMAND", "InstanceType": "r6g.xlarge", "InstanceCount": 2},
                    task_group]})
        return task

    def key(i, region):
        def task():
            kms = client("kms", endpoint, region)
            key_id = kms.create_key(Description=f"bench {i}")["KeyMetadata"]["KeyId"]
            if choices[i] < 0.5:
                kms.enable_key_rotation(KeyId=key_id)
        return task

    def trail(i, region):
        def task():
            client("cloudtrail", endpoint, region).create_trail(
                Name=f"trail-{i}", S3BucketName=f"bench-{seed_value}-000000", IsMultiRegionTrail=i == 0)
        return task

    def trigger(i, region):
        def task():
            # Nightly or midday schedules of the jobs seeded in the same region.
            schedule = "cron(0 3 * * ? *)" if choices[i] < 0.5 else "cron(30 12 ? * MON-FRI *)"
            client("glue", endpoint, region).create_trigger(
                Name=f"trigger-{i:05d}", Type="SCHEDULED", Schedule=schedule,
                Actions=[{"JobName": f"job-{i % max(jobs, 1):05d}"}], StartOnCreation=True)
        return task

    def workgroup(i, region):
        def task():
            configuration = {
                "ResultConfiguration": {"OutputLocation": f"s3://bench-{seed_value}-000000/athena/{i}/"},
                "EnforceWorkGroupConfiguration": choices[i] < 0.5,
                "PublishCloudWatchMetricsEnabled": choices[i] < 0.5,
            }
            if choices[i] < 0.5:
                configuration["BytesScannedCutoffPerQuery"] = 10 * 1024**3
            client("athena", endpoint, region).create_work_group(Name=f"wg-{i:04d}", Configuration=configuration)
        return task

    def secret(i, region):
        def task():
            client("secretsmanager", endpoint, region).create_secret(
                Name=f"secret-{i:05d}", SecretString="bench-only")
        return task

    def ddb_table(i, region):
        def task():
            ddb = client("dynamodb", endpoint, region)
            name = f"table-{i:05d}"
            key = {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                   "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}
            if choices[i] < 0.5:
                ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST", **key)
                ddb.update_continuous_backups(
                    TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
            else:
                ddb.create_table(TableName=name, ProvisionedThroughput={
                    "ReadCapacityUnits": 5, "WriteCapacityUnits": 5}, **key)
        return task

    def db_instance(i, region):
        def task():
            good = choices[i] < 0.5
            client("rds", endpoint, region).create_db_instance(
                DBInstanceIdentifier=f"db-{i:04d}", Engine="postgres", AllocatedStorage=20,
                DBInstanceClass="db.m6g.large" if good else "db.t2.medium", MasterUsername="owner",
                MasterUserPassword="Bench-pass-1", MultiAZ=good, StorageEncrypted=good,
                BackupRetentionPeriod=7 if good else 1)
        return task

    definition = json.dumps({"StartAt": "Run", "States": {"Run": {"Type": "Pass", "End": True}}})

    def state_machine(i, region):
        def task():
            logging = {"level": "ALL", "includeExecutionData": False, "destinations": [{"cloudWatchLogsLogGroup": {
                "logGroupArn": f"arn:aws:logs:{region}:123456789012:log-group:sfn-{i}:*"}}]}
            client("stepfunctions", endpoint, region).create_state_machine(
                name=f"pipeline-{i:04d}", definition=definition, roleArn=ROLE,
                **({"loggingConfiguration": logging} if choices[i] < 0.5 else {}))
        return task

    def stream(i, region):
        def task():
            kinesis = client("kinesis", endpoint, region)
            name = f"stream-{i:04d}"
            kinesis.create_stream(StreamName=name, ShardCount=1)
            if choices[i] < 0.5:
                kinesis.start_stream_encryption(StreamName=name, EncryptionType="KMS", KeyId="alias/aws/kinesis")
            firehose = client("firehose", endpoint, region)
            compression = "GZIP" if choices[i] < 0.5 else "UNCOMPRESSED"
            firehose.create_delivery_stream(
                DeliveryStreamName=f"delivery-{i:04d}", DeliveryStreamType="DirectPut",
                ExtendedS3DestinationConfiguration={
                    "RoleARN": ROLE, "BucketARN": "arn:aws:s3:::bench-lake", "CompressionFormat": compression})
        return task

    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("handler.py", "def handler(event, context):\n    pass\n")

    def function(i, region):
        def task():
            lam = client("lambda", endpoint, region)
            name = f"consumer-{i:04d}"
            arm = choices[i] < 0.5
            lam.create_function(FunctionName=name, Runtime="python3.13" if arm else "python3.9",
                                Handler="handler.handler", Role=ROLE, Code={"ZipFile": code.getvalue()},
                                Architectures=["arm64" if arm else "x86_64"])
            if i < sizes["streams"]:
                lam.create_event_source_mapping(
                    FunctionName=name, StartingPosition="LATEST",
                    EventSourceArn=f"arn:aws:kinesis:{region}:123456789012:stream/stream-{i:04d}")
        return task

    def compute_environment(i, region):
        def task():
            ec2 = client("ec2", endpoint, region)
            subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
            group = ec2.describe_security_groups()["SecurityGroups"][0]["GroupId"]
            capacity = "SPOT" if choices[i] < 0.5 else "EC2"
            resources = {"type": capacity, "minvCpus": 0, "maxvCpus": 4, "desiredvCpus": 0,
                         "instanceTypes": ["optimal"], "subnets": [subnet], "securityGroupIds": [group],
                         "instanceRole": "arn:aws:iam::123456789012:instance-profile/bench"}
            client("batch", endpoint, region).create_compute_environment(
                computeEnvironmentName=f"compute-{i:03d}", type="MANAGED", serviceRole=ROLE,
                computeResources=resources)
        return task

    if sizes["functions"] or sizes["compute_environments"]:
        iam = client("iam", endpoint)
        iam.create_role(RoleName="bench", AssumeRolePolicyDocument=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                    "Principal": {"Service": "lambda.amazonaws.com"}}]}))
        iam.create_instance_profile(InstanceProfileName="bench")

    run([bucket(i, r) for i, r in spread(buckets, regions)])
    run([job(i, r) for i, r in spread(jobs, regions)])
    run([database(r, n, m) for (r, n), m in databases.items()])
    half = clusters // 2
    run([redshift(i, r) for i, r in spread(half, regions)] + [emr(i, r) for i, r in spread(clusters - half, regions)])
    run([key(i, r) for i, r in spread(keys, regions)])
    run([trail(i, r) for i, r in spread(trails, regions)], workers=1)
    run([trigger(i, r) for i, r in spread(sizes["triggers"], regions)])
    run([workgroup(i, r) for i, r in spread(sizes["workgroups"], regions)])
    run([secret(i, r) for i, r in spread(sizes["secrets"], regions)])
    run([ddb_table(i, r) for i, r in spread(sizes["ddb_tables"], regions)])
    run([db_instance(i, r) for i, r in spread(sizes["db_instances"], regions)])
    run([state_machine(i, r) for i, r in spread(sizes["state_machines"], regions)])
    # Kinesis refuses more than a few concurrent stream creations.
    run([stream(i, r) for i, r in spread(sizes["streams"], regions)], workers=2)
    run([function(i, r) for i, r in spread(sizes["functions"], regions)])
    run([compute_environment(i, r) for i, r in spread(sizes["compute_environments"], regions)], workers=1)


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--endpoint", required=True)
    p.add_argument("--regions", default="us-east-1,eu-west-1,ap-south-1")
    defaults = {"buckets": 300, "jobs": 60, "tables": 600, "clusters": 6, "keys": 30, "trails": 2,
                "triggers": 30, "workgroups": 15, "secrets": 30, "ddb_tables": 30, "db_instances": 9,
                "state_machines": 15, "streams": 15, "functions": 30, "compute_environments": 6}
    for name, default in defaults.items():
        p.add_argument(f"--{name.replace('_', '-')}", type=int, default=default)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    sizes = {name: getattr(a, name) for name in defaults}
    seed(a.endpoint, a.regions.split(","), sizes, a.seed)
    print(json.dumps(dict(sizes, regions=a.regions)))
