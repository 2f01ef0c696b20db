//! A fault-injecting HTTP proxy on 127.0.0.1 in front of moto: throttling and
//! 5xx answers at a rate (each in its protocol's own shape), AccessDenied for
//! chosen operations, regions or buckets, delays, dropped connections and
//! malformed bodies. It records every operation it sees, named from the wire
//! (not from lakelint), for the IAM policy test.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioIo};

/// What to break. Operations are named `service:Operation`
/// (`s3:GetBucketEncryption`, `glue:GetJobs`).
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// Share of requests answered "throttled".
    pub throttle_rate: f64,
    /// Share of requests answered with a 500 or 503.
    pub error_rate: f64,
    /// Share of requests whose connection is dropped without an answer.
    pub drop_rate: f64,
    pub deny: Vec<Deny>,
    /// Operations answered 200 with a body no parser accepts.
    pub malformed: Vec<String>,
    /// Operations held this long before they are forwarded.
    pub delay: Vec<(String, Duration)>,
    pub seed: u64,
}

/// AccessDenied for requests matching every field given.
#[derive(Debug, Clone, Default)]
pub struct Deny {
    pub operation: Option<String>,
    pub region: Option<String>,
    pub bucket: Option<String>,
    /// Text the request body must contain (an account id in an AssumeRole).
    pub body_contains: Option<String>,
}

/// A request as the proxy understood it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seen {
    pub operation: String,
    pub region: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Protocol {
    /// S3 and S3 Control: REST with XML errors.
    RestXml,
    /// X-Amz-Target JSON (Glue, EMR, KMS, CloudTrail).
    Json,
    /// Action=… form bodies (STS, Redshift).
    Query,
    /// REST with JSON errors (Account).
    RestJson,
}

struct State {
    upstream: String,
    faults: Faults,
    rng: Mutex<fastrand::Rng>,
    seen: Mutex<Vec<Seen>>,
    injected: AtomicUsize,
    client: Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>,
}

pub struct Proxy {
    pub port: u16,
    state: Arc<State>,
}

impl Proxy {
    /// Starts the proxy in front of `upstream` (`http://127.0.0.1:PORT`).
    pub fn start(upstream: &str, faults: Faults) -> Proxy {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(State {
            upstream: upstream.trim_end_matches('/').to_string(),
            rng: Mutex::new(fastrand::Rng::with_seed(faults.seed)),
            faults,
            seen: Mutex::new(Vec::new()),
            injected: AtomicUsize::new(0),
            client: Client::builder(TokioExecutor::new()).build_http(),
        });
        let serving = state.clone();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("proxy runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    let state = serving.clone();
                    tokio::spawn(async move {
                        let service =
                            hyper::service::service_fn(move |req| handle(state.clone(), req));
                        let _ = hyper::server::conn::http1::Builder::new()
                            .serve_connection(TokioIo::new(stream), service)
                            .await;
                    });
                }
            });
        });
        Proxy { port, state }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every request seen, in order.
    pub fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    pub fn operations(&self) -> BTreeSet<String> {
        self.seen().into_iter().map(|s| s.operation).collect()
    }

    /// How many answers were made up rather than forwarded.
    pub fn injected(&self) -> usize {
        self.state.injected.load(Ordering::Relaxed)
    }
}

/// The region and signing service of a SigV4 request.
fn scope<B>(req: &Request<B>) -> (String, String) {
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

/// Names the operation of a request, its protocol, and (S3) its bucket.
fn identify<B>(req: &Request<B>, body: &[u8]) -> (String, Protocol, Option<String>) {
    let (_, service) = scope(req);
    let path = req.uri().path();
    let query = req.uri().query().unwrap_or_default();
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
    // REST JSON (Account): /listRegions → ListRegions.
    let op = path.trim_start_matches('/');
    let mut chars = op.chars();
    let op = chars.next().map_or(String::new(), |c| {
        c.to_ascii_uppercase().to_string() + chars.as_str()
    });
    (format!("{service}:{op}"), Protocol::RestJson, None)
}

fn answer(
    status: u16,
    content_type: &str,
    headers: &[(&str, &str)],
    body: String,
) -> Response<Full<Bytes>> {
    let mut response = Response::builder()
        .status(StatusCode::from_u16(status).unwrap())
        .header("content-type", content_type);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(Full::new(Bytes::from(body))).unwrap()
}

/// An error in the protocol's own shape.
fn error(protocol: Protocol, status: u16, code: &str, message: &str) -> Response<Full<Bytes>> {
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
    }
}

fn throttled(protocol: Protocol) -> Response<Full<Bytes>> {
    match protocol {
        Protocol::RestXml => error(
            protocol,
            503,
            "SlowDown",
            "Please reduce your request rate.",
        ),
        Protocol::Query => error(protocol, 400, "Throttling", "Rate exceeded"),
        Protocol::Json => error(protocol, 400, "ThrottlingException", "Rate exceeded"),
        Protocol::RestJson => error(protocol, 429, "TooManyRequestsException", "Rate exceeded"),
    }
}

fn server_error(protocol: Protocol, unavailable: bool) -> Response<Full<Bytes>> {
    match (protocol, unavailable) {
        (Protocol::RestXml, false) => error(
            protocol,
            500,
            "InternalError",
            "We encountered an internal error.",
        ),
        (Protocol::Json | Protocol::RestJson, false) => {
            error(protocol, 500, "InternalServerException", "Internal error")
        }
        (Protocol::Query, false) => error(protocol, 500, "InternalFailure", "Internal error"),
        (_, true) => error(protocol, 503, "ServiceUnavailable", "Service unavailable"),
    }
}

fn denied(protocol: Protocol, operation: &str) -> Response<Full<Bytes>> {
    let message = format!("not authorized to perform {operation}");
    match protocol {
        Protocol::Json | Protocol::RestJson => {
            error(protocol, 400, "AccessDeniedException", &message)
        }
        _ => error(protocol, 403, "AccessDenied", &message),
    }
}

async fn handle(
    state: Arc<State>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, std::io::Error> {
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let req = Request::from_parts(parts, ());
    let (region, _) = scope(&req);
    let (operation, protocol, bucket) = identify(&req, &body);
    state.seen.lock().unwrap().push(Seen {
        operation: operation.clone(),
        region: region.clone(),
    });
    let faults = &state.faults;
    let injected = |response| {
        state.injected.fetch_add(1, Ordering::Relaxed);
        Ok(response)
    };

    let text = String::from_utf8_lossy(&body);
    let denied_here = faults.deny.iter().any(|d| {
        d.operation.as_ref().is_none_or(|o| o == &operation)
            && d.region.as_ref().is_none_or(|r| r == &region)
            && d.bucket.as_ref().is_none_or(|b| Some(b) == bucket.as_ref())
            && d.body_contains.as_ref().is_none_or(|t| text.contains(t.as_str()))
            // Identity stays reachable unless a rule names STS itself.
            && (!operation.starts_with("sts:") || d.operation.is_some())
    });
    if denied_here {
        return injected(denied(protocol, &operation));
    }
    if faults.malformed.contains(&operation) {
        return injected(answer(
            200,
            "application/xml",
            &[],
            "<<<this is not a document".into(),
        ));
    }
    if let Some((_, delay)) = faults.delay.iter().find(|(op, _)| op == &operation) {
        tokio::time::sleep(*delay).await;
    }
    // Identity stays clean: a scan that cannot learn its account stops, by design.
    if !operation.starts_with("sts:") {
        let roll = state.rng.lock().unwrap().f64();
        if roll < faults.drop_rate {
            state.injected.fetch_add(1, Ordering::Relaxed);
            return Err(std::io::Error::other(
                "connection dropped by the fault proxy",
            ));
        }
        if roll < faults.drop_rate + faults.throttle_rate {
            return injected(throttled(protocol));
        }
        if roll < faults.drop_rate + faults.throttle_rate + faults.error_rate {
            let unavailable = state.rng.lock().unwrap().bool();
            return injected(server_error(protocol, unavailable));
        }
    }
    forward(&state, req, body).await
}

async fn forward(
    state: &State,
    req: Request<()>,
    body: Bytes,
) -> Result<Response<Full<Bytes>>, std::io::Error> {
    let uri = format!(
        "{}{}",
        state.upstream,
        req.uri().path_and_query().map_or("/", |pq| pq.as_str())
    );
    let mut upstream = Request::builder().method(req.method()).uri(uri);
    for (name, value) in req.headers() {
        upstream = upstream.header(name, value);
    }
    let upstream = upstream
        .body(Full::new(body))
        .map_err(std::io::Error::other)?;
    let response = state
        .client
        .request(upstream)
        .await
        .map_err(std::io::Error::other)?;
    let (parts, body) = response.into_parts();
    let body = body
        .collect()
        .await
        .map_err(std::io::Error::other)?
        .to_bytes();
    Ok(Response::from_parts(parts, Full::new(body)))
}
