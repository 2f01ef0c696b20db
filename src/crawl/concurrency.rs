//! How many calls of one account's scan are in flight: a window that grows
//! while answers come back as fast as they did when the account was least
//! loaded, and shrinks when they slow down or throttles become a pattern,
//! within [`Bounds`]. The per-operation rate controllers ([`super::aimd`])
//! protect each API; this protects the account and the machine.
//!
//! The window is judged in rounds of about as many answers as it allows. A
//! round's latency is the median, over its answers, of each answer's latency
//! divided by its operation's baseline: the lowest median that operation
//! had in any earlier round. Operations differ tenfold in latency; one
//! compared with itself says whether the endpoint is slowing down. A step
//! up after which two rounds in a row were slower than the round before it
//! is undone, and the
//! window stays under it for a while: an endpoint whose latency grows with
//! load is not driven harder. The round after a change is not judged.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::Duration;

use lakelint_checks::model::Concurrency;
use tokio::sync::{Semaphore, SemaphorePermit};
use tokio::time::Instant;

/// Calls in flight when no ceiling is given: where the window starts, the
/// lowest it shrinks to, and the most it grows to.
pub const DEFAULT_BOUNDS: Bounds = Bounds {
    start: 32,
    min: 8,
    max: 256,
};

/// Latency ratio up to which the window may grow.
const GROW_BELOW: f64 = 1.5;
/// Latency ratio from which it shrinks.
const SHRINK_FROM: f64 = 2.5;
/// Latency growth after a step up that shows the step loaded the endpoint.
const STEP_SLOWED: f64 = 1.1;
/// Rounds the window stays under a step that slowed answers.
const HOLD_ROUNDS: u32 = 20;
/// Share of throttled answers in a round that makes a pattern.
const THROTTLE_PATTERN: f64 = 0.25;
/// The fewest answers a round judges on.
const MIN_ROUND: usize = 16;
/// Answers of one operation in a round for its median to set a baseline.
const MIN_BASELINE_SAMPLES: usize = 3;

/// The window's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Where it starts.
    pub start: usize,
    /// The fewest calls in flight it shrinks to.
    pub min: usize,
    /// The most it grows to.
    pub max: usize,
}

impl Bounds {
    /// `--max-concurrency N` as a hard ceiling: the default bounds, none above N.
    pub fn at_most(ceiling: usize) -> Self {
        let ceiling = ceiling.max(1);
        Self {
            start: DEFAULT_BOUNDS.start.min(ceiling),
            min: DEFAULT_BOUNDS.min.min(ceiling),
            max: ceiling,
        }
    }
}

/// How a call's attempt ended, for the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// An answer, success or error: its latency counts.
    Answered,
    /// Throttled.
    Throttled,
    /// No answer (a dropped connection, a timeout): says nothing of latency.
    Lost,
}

/// The gate of one scan's calls.
#[derive(Debug)]
pub struct Window {
    permits: Semaphore,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    bounds: Bounds,
    limit: usize,
    /// Permits to retire as they come back, after a shrink.
    debt: usize,
    in_flight: usize,
    most_in_flight: usize,
    /// A call waited for a permit or found the window full in this round.
    saturated: bool,
    round: Vec<(String, Duration)>,
    throttled: usize,
    baselines: HashMap<String, Duration>,
    /// The limit and latency ratio of the last judged round at the limit
    /// before the latest step up.
    previous: Option<(usize, f64)>,
    /// The round after a step up was slower: one more like it undoes the step.
    suspect: bool,
    /// A limit the window stays under, and for how many more rounds.
    hold: Option<(usize, u32)>,
    /// The round after a change is not judged: calls on new connections
    /// and answers to calls sent before it say nothing of the new limit.
    warming: bool,
    /// Calls started under each limit, to report where the scan settled.
    calls_at: BTreeMap<usize, u64>,
}

/// One call's place in the window, given back when dropped.
#[derive(Debug)]
pub struct Slot<'a> {
    window: &'a Window,
    permit: Option<SemaphorePermit<'a>>,
    started: Instant,
}

impl Window {
    /// A window within `bounds`.
    pub fn new(bounds: Bounds) -> Self {
        let bounds = Bounds {
            min: bounds.min.clamp(1, bounds.max.max(1)),
            start: bounds.start.clamp(bounds.min.max(1), bounds.max.max(1)),
            max: bounds.max.max(1),
        };
        Self {
            permits: Semaphore::new(bounds.start),
            state: Mutex::new(State {
                bounds,
                limit: bounds.start,
                debt: 0,
                in_flight: 0,
                most_in_flight: 0,
                saturated: false,
                round: Vec::new(),
                throttled: 0,
                baselines: HashMap::new(),
                previous: None,
                suspect: false,
                hold: None,
                warming: false,
                calls_at: BTreeMap::new(),
            }),
        }
    }

    /// Waits for a place in the window.
    pub async fn enter(&self) -> Slot<'_> {
        let permit = match self.permits.try_acquire() {
            Ok(permit) => permit,
            Err(_) => {
                self.lock().saturated = true;
                self.permits
                    .acquire()
                    .await
                    .expect("the semaphore is never closed")
            }
        };
        let mut state = self.lock();
        state.in_flight += 1;
        state.most_in_flight = state.most_in_flight.max(state.in_flight);
        if state.in_flight >= state.limit {
            state.saturated = true;
        }
        let limit = state.limit;
        *state.calls_at.entry(limit).or_default() += 1;
        Slot {
            window: self,
            permit: Some(permit),
            started: Instant::now(),
        }
    }

    /// What the window did, for the report.
    pub fn report(&self) -> Concurrency {
        let state = self.lock();
        let settled = state
            .calls_at
            .iter()
            .max_by_key(|(limit, calls)| (**calls, **limit))
            .map_or(state.limit, |(limit, _)| *limit);
        Concurrency {
            start: state.bounds.start,
            min: state.bounds.min,
            max: state.bounds.max,
            settled,
            most_in_flight: state.most_in_flight,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().expect("window lock")
    }

    fn leave(&self, permit: SemaphorePermit<'_>, sample: Option<(&str, Duration, Outcome)>) {
        let mut state = self.lock();
        state.in_flight -= 1;
        if state.debt > 0 {
            state.debt -= 1;
            permit.forget();
        } else {
            drop(permit);
        }
        if let Some((action, latency, outcome)) = sample {
            match outcome {
                Outcome::Answered => state.round.push((action.to_string(), latency)),
                Outcome::Throttled => state.throttled += 1,
                Outcome::Lost => {}
            }
            let answers = state.round.len() + state.throttled;
            if answers >= state.limit.max(MIN_ROUND) {
                let change = state.judge_round();
                self.resize(&mut state, change);
            }
        }
    }

    fn resize(&self, state: &mut State, to: usize) {
        let from = state.limit;
        state.warming = to != from;
        if to > from {
            let grow = to - from;
            let repaid = grow.min(state.debt);
            state.debt -= repaid;
            self.permits.add_permits(grow - repaid);
        } else if to < from {
            // Free permits are retired now, the rest as their calls end.
            let mut retire = from - to;
            let free = self.permits.available_permits().min(retire);
            if let Ok(permits) = self.permits.try_acquire_many(free as u32) {
                permits.forget();
                retire -= free;
            }
            state.debt += retire;
        }
        if to != from {
            tracing::debug!(from, to, "calls in flight");
        }
        state.limit = to;
    }
}

impl State {
    /// The limit after the round just ended, which it then clears.
    fn judge_round(&mut self) -> usize {
        let round = std::mem::take(&mut self.round);
        let throttled = std::mem::take(&mut self.throttled);
        let saturated = std::mem::take(&mut self.saturated);
        let total = round.len() + throttled;
        let ratio = self.latency_ratio(&round);
        let Bounds { min, max, .. } = self.bounds;
        let limit = self.limit;
        if std::mem::take(&mut self.warming) {
            return limit;
        }
        self.hold = self
            .hold
            .and_then(|(under, rounds)| (rounds > 1).then(|| (under, rounds - 1)));
        let throttling = total > 0 && throttled as f64 / total as f64 >= THROTTLE_PATTERN;
        let Some(ratio) = ratio else {
            return if throttling {
                (limit * 3 / 4).max(min)
            } else {
                limit
            };
        };
        if throttling || ratio >= SHRINK_FROM {
            self.previous = Some((limit, ratio));
            self.suspect = false;
            return (limit * 3 / 4).max(min);
        }
        // Each judged round is compared with the last round at a lower limit.
        let before = match self.previous {
            Some((before, before_ratio)) if before < limit => Some((before, before_ratio)),
            _ => None,
        };
        match before {
            Some((before, before_ratio)) if ratio > before_ratio * STEP_SLOWED => {
                if std::mem::replace(&mut self.suspect, true) {
                    self.suspect = false;
                    self.previous = Some((before, before_ratio));
                    self.hold = Some((before, HOLD_ROUNDS));
                    return before;
                }
                // Once may be noise: judge again at the same limit.
                return limit;
            }
            _ => {
                self.suspect = false;
                self.previous = Some((limit, ratio));
            }
        }
        let ceiling = self.hold.map_or(max, |(under, _)| under.min(max));
        // Growth needs demand: a window nobody fills says nothing.
        if ratio < GROW_BELOW && saturated && limit < ceiling {
            return (limit + limit.div_ceil(4)).min(ceiling);
        }
        limit
    }

    /// The round's median latency against each operation's baseline, then
    /// the baselines lowered to this round's medians where they are lower.
    fn latency_ratio(&mut self, round: &[(String, Duration)]) -> Option<f64> {
        let mut ratios: Vec<f64> = round
            .iter()
            .filter_map(|(action, latency)| {
                let base = self.baselines.get(action)?.as_secs_f64();
                (base > 0.0).then(|| latency.as_secs_f64() / base)
            })
            .collect();
        let mut by_action: HashMap<&str, Vec<Duration>> = HashMap::new();
        for (action, latency) in round {
            by_action.entry(action).or_default().push(*latency);
        }
        for (action, mut latencies) in by_action {
            if latencies.len() < MIN_BASELINE_SAMPLES {
                continue;
            }
            latencies.sort();
            let median = latencies[latencies.len() / 2];
            let base = self.baselines.entry(action.to_string()).or_insert(median);
            *base = (*base).min(median);
        }
        if ratios.is_empty() {
            return None;
        }
        ratios.sort_by(f64::total_cmp);
        Some(ratios[ratios.len() / 2])
    }
}

impl Slot<'_> {
    /// Gives the place back, with how the attempt of `action` ended.
    pub fn done(mut self, action: &str, outcome: Outcome) {
        let latency = self.started.elapsed();
        if let Some(permit) = self.permit.take() {
            self.window.leave(permit, Some((action, latency, outcome)));
        }
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        // A call cancelled mid-flight (the scan's deadline): no sample.
        if let Some(permit) = self.permit.take() {
            self.window.leave(permit, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `rounds` rounds that keep the window full, each answer taking
    /// `latency(calls in flight)` and ending as `outcome(its index)`.
    async fn rounds(
        window: &Window,
        rounds: usize,
        latency: impl Fn(usize) -> Duration,
        outcome: impl Fn(usize) -> Outcome,
    ) {
        for _ in 0..rounds {
            let size = limit(window).max(MIN_ROUND);
            let mut slots: std::collections::VecDeque<Slot> = Default::default();
            for i in 0..size {
                while slots.len() >= limit(window) {
                    let in_flight = slots.len();
                    let slot = slots.pop_front().unwrap();
                    finish(slot, latency(in_flight), outcome(i));
                }
                slots.push_back(window.enter().await);
            }
            let in_flight = slots.len();
            for (i, slot) in slots.into_iter().enumerate() {
                finish(slot, latency(in_flight), outcome(i));
            }
        }
    }

    fn finish(mut slot: Slot, latency: Duration, outcome: Outcome) {
        slot.started -= latency - slot.started.elapsed().min(latency);
        slot.done("s3:GetBucketVersioning", outcome);
    }

    fn limit(window: &Window) -> usize {
        window.lock().limit
    }

    #[tokio::test]
    async fn grows_while_latency_holds_up_to_its_bound() {
        let window = Window::new(DEFAULT_BOUNDS);
        rounds(
            &window,
            30,
            |_| Duration::from_millis(30),
            |_| Outcome::Answered,
        )
        .await;
        assert_eq!(limit(&window), 256);
        let report = window.report();
        assert_eq!(report.settled, 256);
        assert_eq!(report.most_in_flight, 256);
    }

    #[tokio::test]
    async fn a_slow_endpoint_is_not_driven_harder() {
        // Latency grows with load: 10 ms plus 1 ms per call in flight.
        let window = Window::new(DEFAULT_BOUNDS);
        let load = |limit: usize| Duration::from_millis(10 + limit as u64);
        rounds(&window, 60, load, |_| Outcome::Answered).await;
        // It probes one step up now and then, and comes back.
        assert!(limit(&window) <= 40, "at {}", limit(&window));
        let report = window.report();
        assert_eq!(report.settled, 32, "{report:?}");
        assert!(report.most_in_flight <= 40, "{report:?}");
    }

    #[tokio::test]
    async fn one_slow_round_is_noise() {
        // Rounds alternate between judged and warming while it grows: one of
        // the two slow rounds tried is judged.
        for slow in [5, 6] {
            let window = Window::new(DEFAULT_BOUNDS);
            for i in 0..40 {
                let ms = if i == slow { 45 } else { 30 };
                rounds(
                    &window,
                    1,
                    |_| Duration::from_millis(ms),
                    |_| Outcome::Answered,
                )
                .await;
            }
            assert_eq!(limit(&window), 256, "slow round {slow}");
        }
    }

    #[tokio::test]
    async fn throttles_as_a_pattern_shrink_it_and_a_few_do_not() {
        let window = Window::new(DEFAULT_BOUNDS);
        let ms30 = |_| Duration::from_millis(30);
        // One answer in twenty throttled: still grows.
        rounds(&window, 30, ms30, |i| match i % 20 {
            0 => Outcome::Throttled,
            _ => Outcome::Answered,
        })
        .await;
        assert_eq!(limit(&window), 256);
        // One in two: down to the floor.
        rounds(&window, 30, ms30, |i| match i % 2 {
            0 => Outcome::Throttled,
            _ => Outcome::Answered,
        })
        .await;
        assert_eq!(limit(&window), DEFAULT_BOUNDS.min);
    }

    #[tokio::test]
    async fn a_ceiling_bounds_it() {
        let window = Window::new(Bounds::at_most(8));
        rounds(
            &window,
            10,
            |_| Duration::from_millis(30),
            |_| Outcome::Answered,
        )
        .await;
        assert_eq!(limit(&window), 8);
        assert_eq!(window.report().most_in_flight, 8);
        let serial = Window::new(Bounds::at_most(1));
        rounds(
            &serial,
            5,
            |_| Duration::from_millis(30),
            |_| Outcome::Answered,
        )
        .await;
        assert_eq!(serial.report().most_in_flight, 1);
    }

    #[tokio::test]
    async fn an_idle_window_does_not_grow() {
        // Answers at steady latency, but never more than 4 calls at once.
        let window = Window::new(DEFAULT_BOUNDS);
        for _ in 0..200 {
            let slots: Vec<Slot> = futures::future::join_all((0..4).map(|_| window.enter())).await;
            for slot in slots {
                finish(slot, Duration::from_millis(30), Outcome::Answered);
            }
        }
        assert_eq!(limit(&window), 32);
    }
}
