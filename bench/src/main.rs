//! `lakelint-replay`: records a seeded emulator's answers once, then replays
//! them on 127.0.0.1 with a chosen latency and thousands of requests per
//! second, so a benchmark measures lakelint and not the single-threaded
//! emulator. It counts requests by operation and the most in flight at once.
//!
//!     lakelint-replay record --upstream http://127.0.0.1:5000 --port 7000 --recording fleet.json
//!     lakelint-replay replay --recording fleet.json --port 7000 --latency-ms 30 [--throttle-rate 0.05] [--limits]
//!
//! `--limits` throttles as AWS does, by a token bucket per operation family
//! and region ([`limits::MODEL`]); every replay counts the served and
//! throttled requests of each modelled family, limited or not.
//!
//! `GET /__replay/stats` answers the counters as JSON, `POST /__replay/reset`
//! zeroes them, and in record mode `POST /__replay/save` writes the recording.

mod limits;
mod wire;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use bytes::Bytes;
use clap::{Parser, Subcommand};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioIo};
use serde::{Deserialize, Serialize};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    mode: Mode,
}

#[derive(Subcommand)]
enum Mode {
    /// Forward to the emulator and keep every answer.
    Record {
        #[arg(long)]
        upstream: String,
        #[arg(long)]
        port: u16,
        #[arg(long)]
        recording: PathBuf,
    },
    /// Answer from a recording, after `latency_ms`.
    Replay {
        #[arg(long)]
        recording: PathBuf,
        #[arg(long)]
        port: u16,
        #[arg(long, default_value_t = 30)]
        latency_ms: u64,
        /// Share of requests answered "throttled" in the protocol's own shape.
        #[arg(long, default_value_t = 0.0)]
        throttle_rate: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Throttle by the limit model.
        #[arg(long)]
        limits: bool,
    },
}

/// What a mode runs with.
struct Setup {
    upstream: Option<String>,
    path: PathBuf,
    port: u16,
    latency_ms: u64,
    throttle_rate: f64,
    seed: u64,
    limits: bool,
}

/// A recorded answer.
#[derive(Clone, Serialize, Deserialize)]
struct Answer {
    status: u16,
    content_type: String,
    body: String,
}

#[derive(Default, Serialize)]
struct Stats {
    requests: usize,
    by_operation: BTreeMap<String, Counts>,
    max_in_flight: usize,
    throttled: usize,
    /// Requests the recording has no answer for.
    misses: usize,
    /// Each modelled family in each region ("family region").
    families: BTreeMap<String, Family>,
}

#[derive(Default, Serialize)]
struct Counts {
    requests: usize,
    throttled: usize,
}

/// What a family's bucket saw: its share of the allowed rate is
/// `served / (burst + rate × (last_ms − first_ms) / 1000)`.
#[derive(Default, Serialize)]
struct Family {
    rate: f64,
    burst: f64,
    served: usize,
    throttled: usize,
    first_ms: u64,
    last_ms: u64,
}

struct State {
    upstream: Option<String>,
    recording: Mutex<HashMap<String, Answer>>,
    path: PathBuf,
    latency: Duration,
    throttle_rate: f64,
    limits: Option<Mutex<limits::Limits>>,
    started: Instant,
    rng: Mutex<fastrand::Rng>,
    stats: Mutex<Stats>,
    in_flight: AtomicUsize,
    client: Client<HttpConnector, Full<Bytes>>,
}

/// What identifies a request across runs: not its signature or timestamps.
fn key<B>(req: &Request<B>, body: &[u8]) -> String {
    let (region, service) = wire::scope(req);
    let mut query: Vec<&str> = req.uri().query().unwrap_or_default().split('&').collect();
    query.sort_unstable();
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    format!(
        "{} {} {} ?{} target={} account={} {}",
        region,
        service,
        req.method(),
        query.join("&"),
        header("x-amz-target"),
        header("x-amz-account-id"),
        req.uri().path(),
    ) + "\n"
        + &String::from_utf8_lossy(body)
}

fn json_answer<T: Serialize>(value: &T) -> Response<Full<Bytes>> {
    wire::answer(
        200,
        "application/json",
        &[],
        serde_json::to_string(value).expect("serialises"),
    )
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
    match req.uri().path() {
        "/__replay/stats" => return Ok(json_answer(&*state.stats.lock().unwrap())),
        "/__replay/reset" => {
            *state.stats.lock().unwrap() = Stats::default();
            return Ok(json_answer(&"reset"));
        }
        "/__replay/save" => {
            let recording = state.recording.lock().unwrap().clone();
            let text = serde_json::to_string(&recording).expect("serialises");
            std::fs::write(&state.path, text)?;
            return Ok(json_answer(&recording.len()));
        }
        _ => {}
    }
    let (operation, protocol, _) = wire::identify(&req, &body);
    let (region, _) = wire::scope(&req);
    let now = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    {
        let mut stats = state.stats.lock().unwrap();
        stats.requests += 1;
        stats
            .by_operation
            .entry(operation.clone())
            .or_default()
            .requests += 1;
        stats.max_in_flight = stats.max_in_flight.max(now);
    }
    let key = key(&req, &body);
    let response = match &state.upstream {
        Some(upstream) => record(&state, upstream, req, body, key).await,
        None => {
            // Throttling is decided on arrival, as a server would.
            let throttle = state.rng.lock().unwrap().f64() < state.throttle_rate
                || state.limits.as_ref().is_some_and(|limits| {
                    limits.lock().unwrap().admit(&region, &operation) == Some(false)
                });
            count_family(&state, &region, &operation, throttle);
            tokio::time::sleep(state.latency).await;
            let recorded = state.recording.lock().unwrap().get(&key).cloned();
            let mut stats = state.stats.lock().unwrap();
            Ok(match (throttle, recorded) {
                (true, _) => {
                    stats.throttled += 1;
                    if let Some(counts) = stats.by_operation.get_mut(&operation) {
                        counts.throttled += 1;
                    }
                    wire::throttled(protocol)
                }
                (false, Some(a)) => wire::answer(a.status, &a.content_type, &[], a.body),
                (false, None) => {
                    stats.misses += 1;
                    wire::error(
                        protocol,
                        404,
                        "NotRecorded",
                        "no recorded answer for this request",
                    )
                }
            })
        }
    };
    state.in_flight.fetch_sub(1, Ordering::SeqCst);
    response
}

fn count_family(state: &State, region: &str, operation: &str, throttled: bool) {
    let Some((name, rate, burst)) = limits::family(operation) else {
        return;
    };
    let at = u64::try_from(state.started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let mut stats = state.stats.lock().unwrap();
    let family = stats
        .families
        .entry(format!("{name} {region}"))
        .or_insert_with(|| Family {
            rate,
            burst,
            first_ms: at,
            ..Family::default()
        });
    if throttled {
        family.throttled += 1;
    } else {
        family.served += 1;
    }
    family.last_ms = at;
}

async fn record(
    state: &State,
    upstream: &str,
    req: Request<()>,
    body: Bytes,
    key: String,
) -> Result<Response<Full<Bytes>>, std::io::Error> {
    let (parts, body) = wire::forward(&state.client, upstream, &req, body).await?;
    let answer = Answer {
        status: parts.status.as_u16(),
        content_type: parts
            .headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/xml")
            .to_string(),
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    state.recording.lock().unwrap().insert(key, answer);
    Ok(Response::from_parts(parts, Full::new(body)))
}

#[tokio::main]
async fn main() -> Result<()> {
    let cli = Cli::parse();
    let setup = match cli.mode {
        Mode::Record {
            upstream,
            port,
            recording,
        } => Setup {
            upstream: Some(upstream),
            path: recording,
            port,
            latency_ms: 0,
            throttle_rate: 0.0,
            seed: 1,
            limits: false,
        },
        Mode::Replay {
            recording: path,
            port,
            latency_ms,
            throttle_rate,
            seed,
            limits,
        } => Setup {
            upstream: None,
            path,
            port,
            latency_ms,
            throttle_rate,
            seed,
            limits,
        },
    };
    let Setup {
        upstream,
        path,
        port,
        latency_ms: latency,
        throttle_rate,
        seed,
        limits,
    } = setup;
    let recording = match &upstream {
        Some(_) => HashMap::new(),
        None => {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read recording {}", path.display()))?;
            serde_json::from_str(&text).context("not a recording")?
        }
    };
    let state = Arc::new(State {
        upstream: upstream.map(|u| u.trim_end_matches('/').to_string()),
        recording: Mutex::new(recording),
        path,
        latency: Duration::from_millis(latency),
        throttle_rate,
        limits: limits.then(|| Mutex::new(limits::Limits::default())),
        started: Instant::now(),
        rng: Mutex::new(fastrand::Rng::with_seed(seed)),
        stats: Mutex::new(Stats::default()),
        in_flight: AtomicUsize::new(0),
        client: Client::builder(TokioExecutor::new()).build_http(),
    });
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .with_context(|| format!("cannot listen on 127.0.0.1:{port}"))?;
    eprintln!("lakelint-replay listening on 127.0.0.1:{port}");
    loop {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => return Ok(()),
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let state = state.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |req| handle(state.clone(), req));
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        }
    }
}
