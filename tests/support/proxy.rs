//! A fault-injecting HTTP proxy on 127.0.0.1 in front of moto: throttling and
//! 5xx answers at a rate (each in its protocol's own shape), AccessDenied for
//! chosen operations, regions or buckets, the first requests of an
//! operation throttled, delays, dropped connections and malformed bodies. It records every operation it sees, named from the wire
//! (not from lakelint), for the IAM policy test.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioIo};

#[path = "../../bench/src/wire.rs"]
mod wire;
use wire::{answer, denied, identify, scope, server_error, throttled};

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
    /// The first `n` requests of an operation are answered "throttled".
    pub throttle_first: Vec<(String, usize)>,
    /// Requests answered 200 with a JSON body instead of being forwarded:
    /// services the emulator does not implement, in the shape AWS answers.
    pub answers: Vec<Answer>,
    /// Every request, made-up answers too, is held `base` plus `per_in_flight`
    /// for each request in flight: an endpoint whose latency grows with load.
    pub latency: Option<Latency>,
    pub seed: u64,
}

/// How long each request is held before it is answered.
#[derive(Debug, Clone, Copy, Default)]
pub struct Latency {
    pub base: Duration,
    pub per_in_flight: Duration,
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

/// A made-up answer: `body` (JSON) for requests of `operation` whose path
/// ends with `path_ends_with` and whose region is `region`, when given.
#[derive(Debug, Clone)]
pub struct Answer {
    pub operation: String,
    pub path_ends_with: Option<String>,
    pub region: Option<String>,
    pub body: String,
}

impl Answer {
    /// `body` for every request of `operation`.
    pub fn to(operation: &str, body: &str) -> Answer {
        Answer {
            operation: operation.into(),
            path_ends_with: None,
            region: None,
            body: body.into(),
        }
    }

    /// Only in `region`; other regions' requests are forwarded.
    pub fn in_region(self, region: &str) -> Answer {
        Answer {
            region: Some(region.into()),
            ..self
        }
    }

    /// `body` for the requests of `operation` whose path ends with `path`.
    pub fn at(operation: &str, path: &str, body: &str) -> Answer {
        Answer {
            path_ends_with: Some(path.into()),
            ..Answer::to(operation, body)
        }
    }
}

/// A request as the proxy understood it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seen {
    pub operation: String,
    pub region: String,
}

struct State {
    upstream: String,
    faults: Faults,
    rng: Mutex<fastrand::Rng>,
    seen: Mutex<Vec<Seen>>,
    throttled_so_far: Mutex<HashMap<String, usize>>,
    injected: AtomicUsize,
    in_flight: AtomicUsize,
    most_in_flight: AtomicUsize,
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
            throttled_so_far: Mutex::new(HashMap::new()),
            injected: AtomicUsize::new(0),
            in_flight: AtomicUsize::new(0),
            most_in_flight: AtomicUsize::new(0),
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

    /// The most requests it held at once.
    pub fn most_in_flight(&self) -> usize {
        self.state.most_in_flight.load(Ordering::Relaxed)
    }

    /// How many answers were made up rather than forwarded.
    pub fn injected(&self) -> usize {
        self.state.injected.load(Ordering::Relaxed)
    }
}

async fn handle(
    state: Arc<State>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, std::io::Error> {
    let now = state.in_flight.fetch_add(1, Ordering::Relaxed) + 1;
    state.most_in_flight.fetch_max(now, Ordering::Relaxed);
    if let Some(latency) = state.faults.latency {
        tokio::time::sleep(latency.base + latency.per_in_flight * now as u32).await;
    }
    let response = respond(&state, req).await;
    state.in_flight.fetch_sub(1, Ordering::Relaxed);
    response
}

async fn respond(
    state: &Arc<State>,
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
    let path = req.uri().path();
    let made_up = faults.answers.iter().find(|a| {
        a.operation == operation
            && a.path_ends_with
                .as_ref()
                .is_none_or(|p| path.ends_with(p.as_str()))
            && a.region.as_ref().is_none_or(|r| r == &region)
    });
    if let Some(made_up) = made_up {
        return injected(answer(200, "application/json", &[], made_up.body.clone()));
    }
    if let Some((_, first)) = faults
        .throttle_first
        .iter()
        .find(|(op, _)| op == &operation)
    {
        let mut so_far = state.throttled_so_far.lock().unwrap();
        let count = so_far.entry(operation.clone()).or_default();
        if *count < *first {
            *count += 1;
            return injected(throttled(protocol));
        }
    }
    if let Some((_, delay)) = faults.delay.iter().find(|(op, _)| op == &operation) {
        tokio::time::sleep(*delay).await;
    }
    forward(state, req, body).await
}

async fn forward(
    state: &State,
    req: Request<()>,
    body: Bytes,
) -> Result<Response<Full<Bytes>>, std::io::Error> {
    let (parts, body) = wire::forward(&state.client, &state.upstream, &req, body).await?;
    Ok(Response::from_parts(parts, Full::new(body)))
}
