"""boto3 clients for an emulator endpoint (moto, LocalStack), shared by the
demo seed and the test fixtures. Seeding writes to the emulator; lakelint
itself only ever reads."""

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
