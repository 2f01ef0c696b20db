"""boto3 clients for an emulator endpoint (moto, LocalStack), shared by the
demo seed and the test fixtures. Seeding writes to the emulator; lakelint
itself only ever reads."""

import io
import json
import zipfile

import boto3
from botocore.config import Config


def client(service, endpoint, region="us-east-1"):
    config = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 5})
    made = boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=config,
    )
    if service == "s3control":
        # The endpoint rules put "{account}." in front of the host, which does
        # not resolve for an emulator: send the request to the endpoint as given.
        host = endpoint.split("://", 1)[1]

        def keep_host(request, **_):
            scheme, rest = request.url.split("://", 1)
            request.url = f"{scheme}://{host}/{rest.split('/', 1)[1]}"
            request.headers["Host"] = host

        made.meta.events.register("before-sign.s3-control.*", keep_host)
    return made


def rotation_function(endpoint, region, account, name):
    """A Lambda function for Secrets Manager to rotate with (it does nothing),
    and the role it runs as; returns its ARN."""
    client("iam", endpoint).create_role(RoleName=f"{name}-role", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                       "Action": "sts:AssumeRole"}]}))
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("rotate.py", "def handler(event, context):\n    pass\n")
    return client("lambda", endpoint, region).create_function(
        FunctionName=name, Runtime="python3.12", Handler="rotate.handler",
        Role=f"arn:aws:iam::{account}:role/{name}-role", Code={"ZipFile": code.getvalue()})["FunctionArn"]
