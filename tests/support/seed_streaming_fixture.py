"""Seeds the streaming and compute fixture of tests/scan_streaming.rs:
Kinesis streams with and without encryption, Firehose streams with and
without compression and error logging, a serverless MSK cluster, Lambda
functions on x86_64 and arm64 with Kinesis mappings with and without an
on-failure destination, Batch compute environments on EC2 and Spot.

    python seed_streaming_fixture.py ENDPOINT
"""

import io
import json
import os
import sys
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "localstack"))
from emulator import client  # noqa: E402

ACCOUNT = "123456789012"
R = "us-east-1"


def seed(endpoint):
    key = client("kms", endpoint, R).create_key(Description="streams")["KeyMetadata"]["Arn"]
    kinesis = client("kinesis", endpoint, R)
    for name in ("clicks", "audit"):
        kinesis.create_stream(StreamName=name, ShardCount=1)
    kinesis.start_stream_encryption(StreamName="clicks", EncryptionType="KMS", KeyId=key)
    kinesis.increase_stream_retention_period(StreamName="clicks", RetentionPeriodHours=72)

    client("s3", endpoint, R).create_bucket(Bucket="lake")
    role = f"arn:aws:iam::{ACCOUNT}:role/firehose"
    firehose = client("firehose", endpoint, R)
    firehose.create_delivery_stream(
        DeliveryStreamName="raw-events", DeliveryStreamType="DirectPut",
        ExtendedS3DestinationConfiguration={
            "RoleARN": role, "BucketARN": "arn:aws:s3:::lake", "CompressionFormat": "UNCOMPRESSED",
            "CloudWatchLoggingOptions": {"Enabled": False}})
    firehose.create_delivery_stream(
        DeliveryStreamName="clicks-to-lake", DeliveryStreamType="KinesisStreamAsSource",
        KinesisStreamSourceConfiguration={
            "KinesisStreamARN": f"arn:aws:kinesis:{R}:{ACCOUNT}:stream/clicks", "RoleARN": role},
        ExtendedS3DestinationConfiguration={
            "RoleARN": role, "BucketARN": "arn:aws:s3:::lake", "CompressionFormat": "UNCOMPRESSED",
            "CloudWatchLoggingOptions": {"Enabled": True, "LogGroupName": "/aws/kinesisfirehose/clicks",
                                         "LogStreamName": "S3Delivery"},
            "DataFormatConversionConfiguration": {
                "Enabled": True,
                "SchemaConfiguration": {"DatabaseName": "lake", "TableName": "clicks", "RoleARN": role},
                "InputFormatConfiguration": {"Deserializer": {"OpenXJsonSerDe": {}}},
                "OutputFormatConfiguration": {"Serializer": {"ParquetSerDe": {}}}}})
    firehose.create_delivery_stream(
        DeliveryStreamName="gzipped", DeliveryStreamType="DirectPut",
        ExtendedS3DestinationConfiguration={
            "RoleARN": role, "BucketARN": "arn:aws:s3:::lake", "CompressionFormat": "GZIP",
            "CloudWatchLoggingOptions": {"Enabled": True, "LogGroupName": "/aws/kinesisfirehose/gz",
                                         "LogStreamName": "S3Delivery"}})
    firehose.start_delivery_stream_encryption(
        DeliveryStreamName="gzipped",
        DeliveryStreamEncryptionConfigurationInput={"KeyType": "CUSTOMER_MANAGED_CMK", "KeyARN": key})

    client("kafka", endpoint, R).create_cluster_v2(ClusterName="serverless-events", Serverless={
        "VpcConfigs": [{"SubnetIds": ["subnet-1", "subnet-2"]}],
        "ClientAuthentication": {"Sasl": {"Iam": {"Enabled": True}}}})

    iam = client("iam", endpoint)
    iam.create_role(RoleName="function", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                "Principal": {"Service": "lambda.amazonaws.com"}}]}))
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("handler.py", "def handler(event, context):\n    pass\n")
    lam = client("lambda", endpoint, R)
    for name, runtime, arch in (("enrich", "python3.9", "x86_64"), ("score", "python3.13", "arm64")):
        lam.create_function(FunctionName=name, Runtime=runtime, Handler="handler.handler",
                            Role=f"arn:aws:iam::{ACCOUNT}:role/function", Code={"ZipFile": code.getvalue()},
                            Architectures=[arch])
    client("sqs", endpoint, R).create_queue(QueueName="failed-batches")
    lam.create_event_source_mapping(
        FunctionName="enrich", EventSourceArn=f"arn:aws:kinesis:{R}:{ACCOUNT}:stream/clicks",
        StartingPosition="LATEST")
    lam.create_event_source_mapping(
        FunctionName="score", EventSourceArn=f"arn:aws:kinesis:{R}:{ACCOUNT}:stream/audit",
        StartingPosition="LATEST",
        DestinationConfig={"OnFailure": {"Destination": f"arn:aws:sqs:{R}:{ACCOUNT}:failed-batches"}})
    # Read the ids back from the listing: moto's CreateEventSourceMapping
    # answer is not the mapping's shape when a destination is given.
    mappings = {m["FunctionArn"].rsplit(":", 1)[-1]: m["UUID"]
                for m in lam.list_event_source_mappings()["EventSourceMappings"]}

    ec2 = client("ec2", endpoint, R)
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    group = ec2.describe_security_groups()["SecurityGroups"][0]["GroupId"]
    iam.create_role(RoleName="batch", AssumeRolePolicyDocument="{}")
    iam.create_instance_profile(InstanceProfileName="batch-instances")
    batch = client("batch", endpoint, R)
    for name, capacity in (("nightly-spot", "SPOT"), ("nightly-ondemand", "EC2")):
        resources = {"type": capacity, "minvCpus": 0, "maxvCpus": 4, "desiredvCpus": 0,
                     "instanceTypes": ["optimal"], "subnets": [subnet], "securityGroupIds": [group],
                     "instanceRole": f"arn:aws:iam::{ACCOUNT}:instance-profile/batch-instances"}
        if capacity == "SPOT":
            resources.update(bidPercentage=60, spotIamFleetRole=f"arn:aws:iam::{ACCOUNT}:role/batch")
        batch.create_compute_environment(computeEnvironmentName=name, type="MANAGED",
                                         serviceRole=f"arn:aws:iam::{ACCOUNT}:role/batch",
                                         computeResources=resources)
    return mappings


if __name__ == "__main__":
    print(json.dumps(seed(sys.argv[1])))
