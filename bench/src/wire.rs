//! How AWS requests look on the wire, for the test proxy and the replay
//! server: which operation and region a request is, and errors in each
//! protocol's own shape.

// Shared with the test proxy (tests/support/proxy.rs); each side uses part of it.
#![allow(dead_code)]

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Request, Response, StatusCode};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;

/// Sends `req` with `body` on to `upstream` (`http://host:port`) and reads
/// the whole answer.
pub async fn forward(
    client: &Client<HttpConnector, Full<Bytes>>,
    upstream: &str,
    req: &Request<()>,
    body: Bytes,
) -> Result<(hyper::http::response::Parts, Bytes), std::io::Error> {
    let uri = format!(
        "{upstream}{}",
        req.uri().path_and_query().map_or("/", |pq| pq.as_str())
    );
    let mut forward = Request::builder().method(req.method()).uri(uri);
    for (name, value) in req.headers() {
        forward = forward.header(name, value);
    }
    let forward = forward
        .body(Full::new(body))
        .map_err(std::io::Error::other)?;
    let response = client
        .request(forward)
        .await
        .map_err(std::io::Error::other)?;
    let (parts, body) = response.into_parts();
    let body = body
        .collect()
        .await
        .map_err(std::io::Error::other)?
        .to_bytes();
    Ok((parts, body))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// S3 and S3 Control: REST with XML errors.
    RestXml,
    /// X-Amz-Target JSON (Glue, EMR, KMS, CloudTrail).
    Json,
    /// Action=… form bodies (STS, Redshift).
    Query,
    /// REST with JSON errors (Account).
    RestJson,
    /// Smithy RPC v2 CBOR (CloudWatch).
    Cbor,
}

/// IAM prefixes that differ from the signing name, by signing name.
const IAM_PREFIXES: &[(&str, &str)] = &[("monitoring", "cloudwatch")];

/// The region and signing service of a SigV4 request.
pub fn scope<B>(req: &Request<B>) -> (String, String) {
    let auth = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    // Credential=AKID/DATE/REGION/SERVICE/aws4_request
    let credential = auth
        .split("Credential=")
        .nth(1)
        .and_then(|c| c.split(',').next())
        .unwrap_or_default();
    let parts: Vec<&str> = credential.split('/').collect();
    (
        parts.get(2).copied().unwrap_or_default().to_string(),
        parts.get(3).copied().unwrap_or_default().to_string(),
    )
}

/// S3 operations by the sub-resource of a bucket GET.
const S3_GETS: &[(&str, &str)] = &[
    ("acl", "GetBucketAcl"),
    ("encryption", "GetBucketEncryption"),
    ("lifecycle", "GetBucketLifecycleConfiguration"),
    ("location", "GetBucketLocation"),
    ("logging", "GetBucketLogging"),
    ("policyStatus", "GetBucketPolicyStatus"),
    ("policy", "GetBucketPolicy"),
    ("replication", "GetBucketReplication"),
    ("tagging", "GetBucketTagging"),
    ("versioning", "GetBucketVersioning"),
    ("publicAccessBlock", "GetPublicAccessBlock"),
    (
        "intelligent-tiering",
        "ListBucketIntelligentTieringConfigurations",
    ),
];

/// REST JSON operations whose path names a resource, by signing service,
/// method and path; `*` stands for one path segment.
const REST_ROUTES: &[(&str, &str, &str, &str)] = &[
    (
        "wellarchitected",
        "POST",
        "/workloadsSummaries",
        "ListWorkloads",
    ),
    (
        "wellarchitected",
        "POST",
        "/workloads/*/milestonesSummaries",
        "ListMilestones",
    ),
    ("airflow", "GET", "/environments", "ListEnvironments"),
    ("airflow", "GET", "/environments/*", "GetEnvironment"),
    ("emr-serverless", "GET", "/applications", "ListApplications"),
    ("emr-serverless", "GET", "/applications/*", "GetApplication"),
    ("kafka", "GET", "/api/v2/clusters", "ListClustersV2"),
    ("lambda", "GET", "/2015-03-31/functions", "ListFunctions"),
    (
        "lambda",
        "GET",
        "/2015-03-31/event-source-mappings",
        "ListEventSourceMappings",
    ),
    (
        "batch",
        "POST",
        "/v1/describecomputeenvironments",
        "DescribeComputeEnvironments",
    ),
];

fn rest_route(service: &str, method: &str, path: &str) -> Option<&'static str> {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    REST_ROUTES.iter().find_map(|(s, m, pattern, op)| {
        let wanted: Vec<&str> = pattern.trim_matches('/').split('/').collect();
        let fits = *s == service
            && *m == method
            && wanted.len() == segments.len()
            && wanted
                .iter()
                .zip(&segments)
                .all(|(w, g)| *w == "*" || w == g);
        fits.then_some(*op)
    })
}

/// Names the operation of a request, its protocol, and (S3) its bucket.
pub fn identify<B>(req: &Request<B>, body: &[u8]) -> (String, Protocol, Option<String>) {
    let (_, service) = scope(req);
    let path = req.uri().path();
    let query = req.uri().query().unwrap_or_default();
    if req
        .headers()
        .get("smithy-protocol")
        .is_some_and(|v| v == "rpc-v2-cbor")
    {
        // POST /service/{Service}/operation/{Operation}
        let op = path.rsplit('/').next().unwrap_or_default();
        let prefix = IAM_PREFIXES
            .iter()
            .find(|(signing, _)| *signing == service)
            .map_or(service.as_str(), |(_, iam)| iam);
        return (format!("{prefix}:{op}"), Protocol::Cbor, None);
    }
    if let Some(target) = req
        .headers()
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
    {
        let op = target.rsplit('.').next().unwrap_or(target);
        return (format!("{service}:{op}"), Protocol::Json, None);
    }
    let form = String::from_utf8_lossy(body);
    if let Some(action) = form.split('&').find_map(|kv| kv.strip_prefix("Action=")) {
        return (format!("{service}:{action}"), Protocol::Query, None);
    }
    if service == "s3" {
        if path.starts_with("/v20180820/") {
            let op = if path.ends_with("/publicAccessBlock") {
                "GetPublicAccessBlock"
            } else {
                "Unknown"
            };
            return (format!("s3control:{op}"), Protocol::RestXml, None);
        }
        let bucket = path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        let keys: Vec<&str> = query
            .split('&')
            .map(|kv| kv.split('=').next().unwrap_or(kv))
            .collect();
        let op = match (req.method().as_str(), bucket.is_empty()) {
            ("GET", true) => "ListBuckets".to_string(),
            ("GET", false) => S3_GETS
                .iter()
                .find(|(sub, _)| keys.contains(sub))
                .map_or("ListObjects".to_string(), |(_, op)| op.to_string()),
            (method, _) => format!("{method}{}", keys.join(",")),
        };
        let bucket = (!bucket.is_empty()).then(|| bucket.to_string());
        return (format!("s3:{op}"), Protocol::RestXml, bucket);
    }
    if let Some(op) = rest_route(&service, req.method().as_str(), path) {
        return (format!("{service}:{op}"), Protocol::RestJson, None);
    }
    // REST JSON named by its path (Account's /listRegions, Lake Formation's
    // /GetDataLakeSettings): the path is the operation.
    let op = path.trim_start_matches('/');
    let mut chars = op.chars();
    let op = chars.next().map_or(String::new(), |c| {
        c.to_ascii_uppercase().to_string() + chars.as_str()
    });
    (format!("{service}:{op}"), Protocol::RestJson, None)
}

pub fn answer(
    status: u16,
    content_type: &str,
    headers: &[(&str, &str)],
    body: String,
) -> Response<Full<Bytes>> {
    answer_bytes(status, content_type, headers, Bytes::from(body))
}

pub fn answer_bytes(
    status: u16,
    content_type: &str,
    headers: &[(&str, &str)],
    body: Bytes,
) -> Response<Full<Bytes>> {
    let mut response = Response::builder()
        .status(StatusCode::from_u16(status).unwrap())
        .header("content-type", content_type);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(Full::new(body)).unwrap()
}

/// A CBOR map of text strings: all an error of RPC v2 CBOR needs.
fn cbor_text_map(entries: &[(&str, &str)]) -> Bytes {
    // A head byte of major type `major`, then the length (texts here are short).
    fn head(out: &mut Vec<u8>, major: u8, len: usize) {
        match len {
            0..=23 => out.push(major << 5 | len as u8),
            24..=255 => out.extend([major << 5 | 24, len as u8]),
            _ => {
                out.push(major << 5 | 25);
                out.extend((len as u16).to_be_bytes());
            }
        }
    }
    let mut out = Vec::new();
    head(&mut out, 5, entries.len());
    for text in entries.iter().flat_map(|(k, v)| [k, v]) {
        head(&mut out, 3, text.len());
        out.extend(text.as_bytes());
    }
    Bytes::from(out)
}

/// An error in the protocol's own shape.
pub fn error(protocol: Protocol, status: u16, code: &str, message: &str) -> Response<Full<Bytes>> {
    match protocol {
        Protocol::RestXml => answer(
            status,
            "application/xml",
            &[],
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>proxy</RequestId></Error>"),
        ),
        Protocol::Query => answer(
            status,
            "text/xml",
            &[],
            format!("<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>proxy</RequestId></ErrorResponse>"),
        ),
        Protocol::Json => answer(
            status,
            "application/x-amz-json-1.1",
            &[],
            format!("{{\"__type\":\"{code}\",\"message\":\"{message}\"}}"),
        ),
        Protocol::RestJson => answer(
            status,
            "application/json",
            &[("x-amzn-errortype", code)],
            format!("{{\"message\":\"{message}\"}}"),
        ),
        Protocol::Cbor => answer_bytes(
            status,
            "application/cbor",
            &[("smithy-protocol", "rpc-v2-cbor")],
            cbor_text_map(&[("__type", code), ("message", message)]),
        ),
    }
}

pub fn throttled(protocol: Protocol) -> Response<Full<Bytes>> {
    match protocol {
        Protocol::RestXml => error(
            protocol,
            503,
            "SlowDown",
            "Please reduce your request rate.",
        ),
        Protocol::Query => error(protocol, 400, "Throttling", "Rate exceeded"),
        Protocol::Json | Protocol::Cbor => {
            error(protocol, 400, "ThrottlingException", "Rate exceeded")
        }
        Protocol::RestJson => error(protocol, 429, "TooManyRequestsException", "Rate exceeded"),
    }
}

pub fn server_error(protocol: Protocol, unavailable: bool) -> Response<Full<Bytes>> {
    match (protocol, unavailable) {
        (Protocol::RestXml, false) => error(
            protocol,
            500,
            "InternalError",
            "We encountered an internal error.",
        ),
        (Protocol::Json | Protocol::RestJson | Protocol::Cbor, false) => {
            error(protocol, 500, "InternalServerException", "Internal error")
        }
        (Protocol::Query, false) => error(protocol, 500, "InternalFailure", "Internal error"),
        (_, true) => error(protocol, 503, "ServiceUnavailable", "Service unavailable"),
    }
}

pub fn denied(protocol: Protocol, operation: &str) -> Response<Full<Bytes>> {
    let message = format!("not authorized to perform {operation}");
    match protocol {
        Protocol::Json | Protocol::RestJson | Protocol::Cbor => {
            error(protocol, 400, "AccessDeniedException", &message)
        }
        _ => error(protocol, 403, "AccessDenied", &message),
    }
}
