"""Seeds the Redshift and EMR fixture of tests/scan_warehouse.rs into an
emulator, in two regions: clusters that pass and fail every check moto can
seed, and a terminated EMR cluster that must not be described.

    python seed_warehouse_fixture.py ENDPOINT

Prints the EMR cluster ids by name, as JSON.
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "localstack"))
from emulator import client  # noqa: E402

KEY = "arn:aws:kms:{region}:123456789012:key/11111111-2222-3333-4444-555555555555"


def redshift(endpoint):
    rs = client("redshift", endpoint, "us-east-1")
    rs.create_cluster(
        ClusterIdentifier="rs-good", NodeType="ra3.xlplus", NumberOfNodes=2, MasterUsername="warehouse_admin",
        MasterUserPassword="Passw0rd-for-moto", Encrypted=True, KmsKeyId=KEY.format(region="us-east-1"),
        PubliclyAccessible=False, AllowVersionUpgrade=True, EnhancedVpcRouting=True,
        AutomatedSnapshotRetentionPeriod=7, MultiAZ=True, ClusterType="multi-node",
    )
    rs.enable_logging(ClusterIdentifier="rs-good", BucketName="audit-logs")
    client("redshift", endpoint, "us-west-2").create_snapshot_copy_grant(
        SnapshotCopyGrantName="dr-grant", KmsKeyId=KEY.format(region="us-west-2"))
    rs.enable_snapshot_copy(ClusterIdentifier="rs-good", DestinationRegion="us-west-2", RetentionPeriod=7,
                            SnapshotCopyGrantName="dr-grant")
    rs.create_cluster(
        ClusterIdentifier="rs-bad", NodeType="dc2.large", MasterUsername="awsuser",
        MasterUserPassword="Passw0rd-for-moto", Encrypted=False, PubliclyAccessible=True,
        AllowVersionUpgrade=False, EnhancedVpcRouting=False, AutomatedSnapshotRetentionPeriod=1,
        ClusterType="single-node",
    )

    rs = client("redshift", endpoint, "eu-west-1")
    rs.create_cluster(
        ClusterIdentifier="rs-eu", NodeType="ra3.4xlarge", NumberOfNodes=2, MasterUsername="eu_admin",
        MasterUserPassword="Passw0rd-for-moto", Encrypted=True, PubliclyAccessible=False,
        AllowVersionUpgrade=True, EnhancedVpcRouting=True, AutomatedSnapshotRetentionPeriod=7,
        MultiAZ=False, ClusterType="multi-node",
    )
    rs.enable_logging(ClusterIdentifier="rs-eu", LogDestinationType="cloudwatch",
                      LogExports=["connectionlog", "userlog"])


def emr_security_configuration(emr, name, s3, disk, transit):
    at_rest = {}
    if s3:
        at_rest["S3EncryptionConfiguration"] = {"EncryptionMode": "SSE-S3"}
    if disk:
        at_rest["LocalDiskEncryptionConfiguration"] = {"EncryptionKeyProviderType": "AwsKms",
                                                       "AwsKmsKey": KEY.format(region="us-east-1")}
    config = {"EnableAtRestEncryption": bool(at_rest), "EnableInTransitEncryption": transit}
    if at_rest:
        config["AtRestEncryptionConfiguration"] = at_rest
    if transit:
        config["InTransitEncryptionConfiguration"] = {
            "TLSCertificateConfiguration": {"CertificateProviderType": "PEM", "S3Object": "s3://certs/certs.zip"}}
    emr.create_security_configuration(Name=name, SecurityConfiguration=json.dumps({"EncryptionConfiguration": config}))


def groups(master, core, task=None, task_market="ON_DEMAND"):
    out = [
        {"Name": "master", "InstanceRole": "MASTER", "Market": "ON_DEMAND", "InstanceType": master, "InstanceCount": 1},
        {"Name": "core", "InstanceRole": "CORE", "Market": "ON_DEMAND", "InstanceType": core, "InstanceCount": 2},
    ]
    if task:
        group = {"Name": "task", "InstanceRole": "TASK", "Market": task_market, "InstanceType": task, "InstanceCount": 2}
        if task_market == "SPOT":
            group["BidPrice"] = "0.30"
        out.append(group)
    return out


def cluster(emr, name, release, instance_groups, log_uri=None, security=None, protected=False):
    fields = {
        "Name": name, "ReleaseLabel": release, "JobFlowRole": "EMR_EC2_DefaultRole", "ServiceRole": "EMR_DefaultRole",
        "Instances": {"InstanceGroups": instance_groups, "KeepJobFlowAliveWhenNoSteps": True,
                      "TerminationProtected": protected},
    }
    if log_uri:
        fields["LogUri"] = log_uri
    if security:
        fields["SecurityConfiguration"] = security
    return emr.run_job_flow(**fields)["JobFlowId"]


def emr(endpoint):
    """Returns the ids of the clusters by name."""
    ids = {}
    us = client("emr", endpoint, "us-east-1")
    us.put_block_public_access_configuration(BlockPublicAccessConfiguration={"BlockPublicSecurityGroupRules": True})
    emr_security_configuration(us, "emr-full", s3=True, disk=True, transit=True)
    emr_security_configuration(us, "emr-s3-only", s3=True, disk=False, transit=False)
    ids["emr-good"] = cluster(us, "emr-good", "emr-7.1.0", groups("m6g.xlarge", "r6g.xlarge", "r6g.xlarge", "SPOT"),
            log_uri="s3://emr-logs/good/", security="emr-full", protected=True)
    ids["emr-legacy"] = cluster(us, "emr-legacy", "emr-5.36.0", groups("m4.large", "m4.large", "m4.large"))
    ids["emr-s3"] = cluster(us, "emr-s3", "emr-6.15.0", groups("m5.xlarge", "m5.xlarge", "c5.xlarge"),
            log_uri="s3://emr-logs/s3/", security="emr-s3-only")
    gone = cluster(us, "emr-gone", "emr-6.15.0", groups("m5.xlarge", "m5.xlarge"))
    us.set_termination_protection(JobFlowIds=[gone], TerminationProtected=False)
    us.terminate_job_flows(JobFlowIds=[gone])

    eu = client("emr", endpoint, "eu-west-1")
    emr_security_configuration(eu, "emr-transit-only", s3=False, disk=False, transit=True)
    ids["emr-eu"] = cluster(eu, "emr-eu", "emr-6.10.0", groups("m5.xlarge", "r5.xlarge"), log_uri="s3://emr-logs/eu/",
            security="emr-transit-only")
    return ids


if __name__ == "__main__":
    redshift(sys.argv[1])
    print(json.dumps(emr(sys.argv[1])))
