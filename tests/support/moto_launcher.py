"""Start moto_server on 127.0.0.1 with the fixes lakelint's tests need.

moto answers some S3 reads in ways the strict Rust SDK cannot parse, puts every
EMR cluster in us-east-1 behind a custom endpoint (it reads the region from the
host name only), has neither EMR ListSecurityConfigurations, Glue ListSchemas nor S3
Intelligent-Tiering configurations, and leaves enable_result_cache_for_session
out of Redshift's default parameter group, and writes MSK's creationTime
without a zone, and speaks only JSON to CloudWatch, whose SDK for Rust
speaks Smithy RPC v2 CBOR; this launcher patches those before
serving, and can deny chosen S3 reads to prove that a failed call becomes
UNKNOWN.

    python moto_launcher.py PORT

Environment:
    LAKELINT_MOTO_DENY  comma-separated SUBRESOURCE:BUCKET pairs (for example
                        "encryption:locked-bucket") answered with 403 AccessDenied.
"""

import io
import json
import os
import sys
from datetime import datetime, timezone

import cbor2

from moto.core.responses import ActionResult, BaseResponse
from moto.emr.responses import ElasticMapReduceResponse
from moto.glue.responses import GlueResponse
from moto.kafka.models import FakeKafkaCluster
from moto.moto_api._internal import mock_random
from moto.moto_server.werkzeug_app import DomainDispatcherApplication
from moto.redshift.models import RedshiftBackend
from moto.s3 import responses as s3_responses
from moto.s3.exceptions import S3AccessDeniedError
from moto.server import main as moto_main

S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/"
DENY = {
    tuple(pair.split(":", 1))
    for pair in os.environ.get("LAKELINT_MOTO_DENY", "").split(",")
    if ":" in pair
}

original_bucket_get = s3_responses.S3Response._bucket_response_get


def patched_bucket_get(self, bucket_name, querystring):
    for subresource, denied_bucket in DENY:
        if subresource in querystring and bucket_name == denied_bucket:
            raise S3AccessDeniedError()
    if "versioning" in querystring:
        # moto's root element is <GetBucketVersioningResponse>; S3 sends <VersioningConfiguration>.
        self.backend.get_bucket(bucket_name)
        status = self.backend.get_bucket_versioning(bucket_name)
        body = f'<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration xmlns="{S3_NS}">'
        if status:
            body += f"<Status>{status}</Status>"
        return 200, {}, body + "</VersioningConfiguration>"
    if "intelligent-tiering" in querystring:
        # moto ignores these configurations and falls through to ListObjects;
        # list those stored by patched_bucket_put, as S3 shapes them.
        self.backend.get_bucket(bucket_name)
        configurations = "".join(TIERING.get(bucket_name, {}).values())
        body = (
            f'<?xml version="1.0" encoding="UTF-8"?><ListBucketIntelligentTieringConfigurationsOutput xmlns="{S3_NS}">'
            f"<IsTruncated>false</IsTruncated>{configurations}</ListBucketIntelligentTieringConfigurationsOutput>"
        )
        return 200, {}, body
    return original_bucket_get(self, bucket_name, querystring)


s3_responses.S3Response._bucket_response_get = patched_bucket_get

# Intelligent-Tiering configurations by bucket and id, as their XML elements.
TIERING = {}
original_bucket_put = s3_responses.S3Response._bucket_response_put


def patched_bucket_put(self, request, bucket_name, querystring):
    if "intelligent-tiering" in querystring:
        self.backend.get_bucket(bucket_name)
        config_id = querystring["id"][0]
        body = request.data.decode() if hasattr(request, "data") else self.body.decode()
        element = body[body.index("<IntelligentTieringConfiguration"):]
        element = element.replace(f' xmlns="{S3_NS}"', "")
        TIERING.setdefault(bucket_name, {})[config_id] = element
        return 200, {}, ""
    return original_bucket_put(self, request, bucket_name, querystring)


s3_responses.S3Response._bucket_response_put = patched_bucket_put


def emr_region(self, request, full_url):
    # moto reads the EMR region from the host name only, so behind a custom
    # endpoint every cluster lands in us-east-1; use the request's SigV4 scope.
    for regex in ElasticMapReduceResponse.emr_region_regex:
        if regex.search(self.parsed_url.netloc):
            return regex.search(self.parsed_url.netloc).group(1)
    return BaseResponse.get_region_from_url(self, request, full_url)


ElasticMapReduceResponse.get_region_from_url = emr_region


def list_security_configurations(self):
    # moto 5.2 stores security configurations but has no ListSecurityConfigurations.
    configurations = sorted(self.backend.security_configurations.values(), key=lambda c: c.name)
    return ActionResult({"SecurityConfigurations": configurations})


ElasticMapReduceResponse.list_security_configurations = list_security_configurations

def list_schemas(self):
    # moto 5.2 keeps Schema Registry schemas but has no ListSchemas; one page,
    # of the named registry or of all of them, as AWS lists them.
    wanted = (self._get_param("RegistryId") or {}).get("RegistryName")
    items = [
        {key: schema.as_dict()[key] for key in ("RegistryName", "SchemaName", "SchemaArn", "SchemaStatus")}
        for name, registry in sorted(self.glue_backend.registries.items())
        if wanted in (None, name)
        for _, schema in sorted(registry.schemas.items())
    ]
    return ActionResult({"Schemas": items})


GlueResponse.list_schemas = list_schemas

original_redshift_init = RedshiftBackend.__init__


def redshift_init(self, *args, **kwargs):
    # AWS's default parameter group lists every parameter; moto's leaves this one out.
    original_redshift_init(self, *args, **kwargs)
    self.default_params["enable_result_cache_for_session"] = "true"


RedshiftBackend.__init__ = redshift_init

original_kafka_init = FakeKafkaCluster.__init__


def kafka_init(self, *args, **kwargs):
    # moto writes creationTime without a zone, which RFC 3339 (and the SDK) refuse.
    original_kafka_init(self, *args, **kwargs)
    self.creation_time = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


FakeKafkaCluster.__init__ = kafka_init

original_dispatch = DomainDispatcherApplication.__call__


def tag_timestamps(value):
    # JSON 1.0 writes timestamps as epoch seconds; RPC v2 CBOR as tag 1.
    if isinstance(value, dict):
        return {
            k: cbor2.CBORTag(1, v) if k.endswith("Timestamp") and isinstance(v, (int, float)) else tag_timestamps(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [tag_timestamps(v) for v in value]
    return value


def cbor_dispatch(self, environ, start_response):
    # An RPC v2 CBOR request (POST /service/S/operation/Op) is served as the
    # same operation in JSON 1.0, which moto speaks, and its answer re-encoded.
    if environ.get("HTTP_SMITHY_PROTOCOL") != "rpc-v2-cbor":
        return original_dispatch(self, environ, start_response)
    segments = environ["PATH_INFO"].strip("/").split("/")
    service, operation = segments[1], segments[3]
    raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    request = cbor2.loads(raw) if raw else {}
    body = json.dumps(request, default=lambda t: t.timestamp()).encode()
    environ = dict(
        environ,
        PATH_INFO="/",
        CONTENT_TYPE="application/x-amz-json-1.0",
        CONTENT_LENGTH=str(len(body)),
        HTTP_X_AMZ_TARGET=f"{service}.{operation}",
    )
    environ["wsgi.input"] = io.BytesIO(body)
    answered = {}

    def capture(status, headers, exc_info=None):
        answered["status"], answered["headers"] = status, headers
        return lambda _: None

    text = b"".join(original_dispatch(self, environ, capture))
    out = cbor2.dumps(tag_timestamps(json.loads(text) if text.strip() else {}))
    headers = [
        (k, v) for k, v in answered["headers"] if k.lower() not in ("content-type", "content-length")
    ] + [("Content-Type", "application/cbor"), ("Content-Length", str(len(out))), ("smithy-protocol", "rpc-v2-cbor")]
    start_response(answered["status"], headers)
    return [out]


DomainDispatcherApplication.__call__ = cbor_dispatch

if __name__ == "__main__":
    # Generated ids (EMR clusters, KMS keys) depend only on the seeding order, so
    # two scans of the same fixture give the same report.
    mock_random.seed(int(os.environ.get("LAKELINT_MOTO_SEED", "1")))
    moto_main(["-H", "127.0.0.1", "-p", sys.argv[1]])
