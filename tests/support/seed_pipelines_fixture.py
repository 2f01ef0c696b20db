"""Seeds the pipeline-monitoring and DataOps fixture of tests/scan_pipelines.rs:
log groups of the data platform with and without retention, and one that is
not the platform's; Glue jobs and state machines deployed as code and by hand;
state machines whose failures an EventBridge rule or a CloudWatch alarm
announces, and one nothing announces;
Schema Registry schemas with and without compatibility checks; Data Catalog
databases for the Data Quality check (whose rulesets moto does not hold).

    python seed_pipelines_fixture.py ENDPOINT
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "localstack"))
from emulator import client  # noqa: E402


def seed_logs(endpoint):
    us = client("logs", endpoint, "us-east-1")
    us.create_log_group(logGroupName="/aws-glue/jobs/output")
    us.put_retention_policy(logGroupName="/aws-glue/jobs/output", retentionInDays=30)
    us.create_log_group(logGroupName="/aws/lambda/enrich")
    us.create_log_group(logGroupName="/app/web")
    eu = client("logs", endpoint, "eu-west-1")
    eu.create_log_group(logGroupName="/aws/vendedlogs/states/orders")
    eu.put_retention_policy(logGroupName="/aws/vendedlogs/states/orders", retentionInDays=14)


ACCOUNT = "123456789012"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/pipeline"
DEFINITION = json.dumps({"StartAt": "Run", "States": {"Run": {"Type": "Pass", "End": True}}})


def seed_as_code(endpoint):
    glue = client("glue", endpoint, "us-east-1")
    command = {"Name": "glueetl", "ScriptLocation": "s3://scripts/job.py"}
    glue.create_job(Name="terraformed", Role=ROLE, Command=command, Tags={"managed-by": "terraform"})
    glue.create_job(Name="clicked", Role=ROLE, Command=command, Tags={"owner": "data"})
    sfn = client("stepfunctions", endpoint, "us-east-1")
    sfn.create_state_machine(name="orders", definition=DEFINITION, roleArn=ROLE,
                             tags=[{"key": "Terraform", "value": "true"}])
    sfn.create_state_machine(name="adhoc", definition=DEFINITION, roleArn=ROLE)


AVRO = json.dumps({"type": "record", "name": "Order", "fields": [{"name": "id", "type": "string"}]})


def seed_schemas(endpoint):
    for region, registry, schemas in [
        ("us-east-1", "events", [("orders", "BACKWARD"), ("clicks", "NONE")]),
        ("eu-west-1", "iot", [("readings", "DISABLED")]),
    ]:
        glue = client("glue", endpoint, region)
        glue.create_registry(RegistryName=registry)
        for name, compatibility in schemas:
            glue.create_schema(RegistryId={"RegistryName": registry}, SchemaName=name, DataFormat="AVRO",
                               Compatibility=compatibility, SchemaDefinition=AVRO)


def seed_databases(endpoint):
    columns = [{"Name": "id", "Type": "string"}]
    for region, database, tables in [
        ("us-east-1", "curated", ["orders", "customers"]),
        ("us-east-1", "raw", ["events"]),
        ("eu-west-1", "scratch", ["tmp"]),
    ]:
        glue = client("glue", endpoint, region)
        glue.create_database(DatabaseInput={"Name": database})
        for table in tables:
            glue.create_table(DatabaseName=database, TableInput={
                "Name": table, "StorageDescriptor": {"Columns": columns, "Location": f"s3://lake/{table}/"}})


def seed_alerting(endpoint):
    # orders (seeded above): a rule naming it; nightly: an alarm; adhoc: nothing.
    sfn = client("stepfunctions", endpoint, "us-east-1")
    orders = f"arn:aws:states:us-east-1:{ACCOUNT}:stateMachine:orders"
    nightly = sfn.create_state_machine(name="nightly", definition=DEFINITION, roleArn=ROLE)["stateMachineArn"]
    events = client("events", endpoint, "us-east-1")
    events.put_rule(Name="orders-failures", State="ENABLED", EventPattern=json.dumps({
        "source": ["aws.states"], "detail-type": ["Step Functions Execution Status Change"],
        "detail": {"status": ["FAILED", "TIMED_OUT", "ABORTED"], "stateMachineArn": [orders]}}))
    events.put_rule(Name="successes", State="ENABLED", EventPattern=json.dumps({
        "source": ["aws.states"], "detail": {"status": ["SUCCEEDED"]}}))
    cloudwatch = client("cloudwatch", endpoint, "us-east-1")
    alarm = {"Statistic": "Sum", "Period": 300, "EvaluationPeriods": 1, "Threshold": 1,
             "ComparisonOperator": "GreaterThanOrEqualToThreshold",
             "AlarmActions": [f"arn:aws:sns:us-east-1:{ACCOUNT}:alerts"]}
    cloudwatch.put_metric_alarm(AlarmName="nightly-failed", Namespace="AWS/States", MetricName="ExecutionsFailed",
                                Dimensions=[{"Name": "StateMachineArn", "Value": nightly}], **alarm)
    cloudwatch.put_metric_alarm(AlarmName="retired-failed", Namespace="AWS/States", MetricName="ExecutionsFailed",
                                Dimensions=[{"Name": "StateMachineArn", "Value": orders.replace("orders", "retired")}],
                                **alarm)
    cloudwatch.put_metric_alarm(AlarmName="cpu", Namespace="AWS/EC2", MetricName="CPUUtilization", **alarm)
    # ingest: the only rule filters on the error, which only a run decides.
    client("stepfunctions", endpoint, "eu-west-1").create_state_machine(
        name="ingest", definition=DEFINITION, roleArn=ROLE)
    client("events", endpoint, "eu-west-1").put_rule(Name="timeouts", State="ENABLED", EventPattern=json.dumps({
        "source": ["aws.states"], "detail": {"error": [{"prefix": "States.Timeout"}]}}))


def seed(endpoint):
    seed_logs(endpoint)
    seed_as_code(endpoint)
    seed_alerting(endpoint)
    seed_schemas(endpoint)
    seed_databases(endpoint)
    return {}


if __name__ == "__main__":
    print(json.dumps(seed(sys.argv[1])))
