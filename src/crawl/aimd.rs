//! A rate controller that finds an API's real limit: a token bucket whose
//! rate grows additively while answers succeed and shrinks multiplicatively
//! when they are throttled (AIMD), between a floor and a ceiling.
//!
//! One throttle is not a limit: AWS throttles single requests for reasons of
//! its own, and cutting the rate on each would collapse a scan under a few
//! percent of random throttling. The rate is cut when [`CUT_AFTER`] of the
//! last [`WINDOW`] answers were throttled; answers to requests sent before a
//! cut are not evidence against the new rate, so each cut waits for answers
//! to requests sent at the new one.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Answers the throttle decision looks back on.
const WINDOW: usize = 20;
/// Throttled answers in the window that make a limit.
const CUT_AFTER: usize = 3;
/// The factor of a cut.
const BETA: f64 = 0.7;
/// Increase per second of successes, as a share of the ceiling: from the
/// floor back to the ceiling in about ten seconds of steady answers.
const GROWTH: f64 = 0.1;
/// The lowest rate, requests per second.
const FLOOR: f64 = 0.5;

/// The bounds of one controller.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    /// Requests per second the rate never exceeds.
    pub ceiling: f64,
    /// Requests that may go at once after a quiet spell, at the ceiling.
    pub burst: f64,
}

/// One operation's rate in one region.
#[derive(Debug)]
pub struct Lane {
    limit: Limit,
    state: Mutex<State>,
    /// Waiters take their turn in order, so one waits at a time and a rate
    /// change applies from the next token on.
    queue: tokio::sync::Mutex<()>,
}

#[derive(Debug)]
struct State {
    rate: f64,
    tokens: f64,
    refilled: Instant,
    recent: VecDeque<bool>,
    /// Counts the cuts: a [`Ticket`] of an older epoch was sent at an older rate.
    epoch: u64,
}

/// The permission to send one request, and the rate it was sent at.
#[derive(Debug, Clone, Copy)]
pub struct Ticket {
    epoch: u64,
}

impl Lane {
    /// A lane within `limit`, starting at `start` requests per second with a full bucket.
    pub fn new(limit: Limit, start: f64) -> Self {
        let rate = start.clamp(floor(&limit), limit.ceiling);
        let lane = Self {
            limit,
            state: Mutex::new(State {
                rate,
                tokens: 0.0,
                refilled: Instant::now(),
                recent: VecDeque::with_capacity(WINDOW),
                epoch: 0,
            }),
            queue: tokio::sync::Mutex::new(()),
        };
        let capacity = lane.capacity(rate);
        lane.state.lock().expect("lane lock").tokens = capacity;
        lane
    }

    /// The current rate, requests per second.
    pub fn rate(&self) -> f64 {
        self.state.lock().expect("lane lock").rate
    }

    /// The bucket holds as many seconds of burst as the ceiling's, scaled to
    /// the rate: after a cut, bursts shrink too.
    fn capacity(&self, rate: f64) -> f64 {
        (self.limit.burst * rate / self.limit.ceiling).max(1.0)
    }

    /// Waits for a token.
    pub async fn acquire(&self) -> Ticket {
        let _turn = self.queue.lock().await;
        loop {
            let wait = {
                let mut s = self.state.lock().expect("lane lock");
                let now = Instant::now();
                let capacity = self.capacity(s.rate);
                let elapsed = now.duration_since(s.refilled).as_secs_f64();
                s.tokens = (s.tokens + elapsed * s.rate).min(capacity);
                s.refilled = now;
                if s.tokens >= 1.0 {
                    s.tokens -= 1.0;
                    return Ticket { epoch: s.epoch };
                }
                Duration::from_secs_f64((1.0 - s.tokens) / s.rate)
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// An answer that was not a throttle: the rate grows by `GROWTH × ceiling` per second of them.
    pub fn answered(&self) {
        let mut s = self.state.lock().expect("lane lock");
        remember(&mut s.recent, false);
        s.rate = (s.rate + GROWTH * self.limit.ceiling / s.rate).min(self.limit.ceiling);
    }

    /// A throttled answer: the rate is cut when throttles have become a pattern.
    pub fn throttled(&self, ticket: Ticket) {
        let mut s = self.state.lock().expect("lane lock");
        if ticket.epoch != s.epoch {
            return;
        }
        remember(&mut s.recent, true);
        let throttles = s.recent.iter().filter(|t| **t).count();
        if throttles >= CUT_AFTER {
            s.rate = (s.rate * BETA).max(floor(&self.limit));
            // The server's bucket is empty: sending a burst now would be throttled too.
            s.tokens = s.tokens.min(0.0);
            s.epoch += 1;
            s.recent.clear();
            tracing::debug!(rate = s.rate, "throttled: rate cut");
        }
    }
}

fn floor(limit: &Limit) -> f64 {
    FLOOR.min(limit.ceiling)
}

fn remember(recent: &mut VecDeque<bool>, throttled: bool) {
    if recent.len() == WINDOW {
        recent.pop_front();
    }
    recent.push_back(throttled);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A server-side token bucket, as AWS throttles: `rate` per second, `burst` at once.
    struct Server {
        rate: f64,
        burst: f64,
        tokens: f64,
        at: Instant,
    }

    impl Server {
        fn new(rate: f64, burst: f64) -> Self {
            Self {
                rate,
                burst,
                tokens: burst,
                at: Instant::now(),
            }
        }

        /// Whether a request arriving now is served.
        fn admit(&mut self) -> bool {
            let now = Instant::now();
            self.tokens = (self.tokens + now.duration_since(self.at).as_secs_f64() * self.rate)
                .min(self.burst);
            self.at = now;
            if self.tokens >= 1.0 {
                self.tokens -= 1.0;
                true
            } else {
                false
            }
        }
    }

    /// Sends `requests` one after another through `lane` to `server`, on the
    /// paused test clock; returns (served, throttled, seconds taken).
    async fn drive(lane: &Lane, server: &mut Server, requests: usize) -> (usize, usize, f64) {
        let start = Instant::now();
        let (mut served, mut throttled) = (0, 0);
        while served < requests {
            let ticket = lane.acquire().await;
            if server.admit() {
                served += 1;
                lane.answered();
            } else {
                throttled += 1;
                lane.throttled(ticket);
            }
        }
        (served, throttled, start.elapsed().as_secs_f64())
    }

    const GLUE: Limit = Limit {
        ceiling: 50.0,
        burst: 50.0,
    };

    /// Share of the server's allowed requests served, and share of requests throttled.
    async fn under(server_rate: f64, server_burst: f64) -> (f64, f64, f64) {
        let lane = Lane::new(GLUE, GLUE.ceiling);
        let mut server = Server::new(server_rate, server_burst);
        let (served, throttled, seconds) = drive(&lane, &mut server, 2_000).await;
        let allowed = server_burst + server_rate * seconds;
        let sent = (served + throttled) as f64;
        (
            served as f64 / allowed,
            throttled as f64 / sent,
            lane.rate(),
        )
    }

    #[tokio::test(start_paused = true)]
    async fn converges_under_a_limit_and_uses_most_of_it() {
        // A limit a fifth of the ceiling: the rate settles around it; probing
        // above it costs throttles, bounded.
        let (used, throttled, rate) = under(10.0, 20.0).await;
        assert!(used >= 0.8, "{used:.2} of the allowed rate used");
        assert!(throttled <= 0.25, "{throttled:.2} throttled");
        assert!((7.0..15.0).contains(&rate), "rate {rate}");
        // A limit near the ceiling: few throttles.
        let (used, throttled, _) = under(40.0, 40.0).await;
        assert!(used >= 0.8, "{used:.2} of the allowed rate used");
        assert!(throttled <= 0.05, "{throttled:.2} throttled");
    }

    #[tokio::test(start_paused = true)]
    async fn backs_off_on_throttles_and_recovers_when_they_end() {
        let lane = Lane::new(GLUE, GLUE.ceiling);
        let ticket = lane.acquire().await;
        for _ in 0..CUT_AFTER {
            lane.throttled(ticket);
        }
        let cut = lane.rate();
        assert!(cut <= GLUE.ceiling * BETA + 1e-9, "rate {cut}");
        // Throttles stop: the rate climbs back to the ceiling.
        let mut server = Server::new(1_000.0, 1_000.0);
        drive(&lane, &mut server, 1_000).await;
        assert_eq!(lane.rate(), GLUE.ceiling);
    }

    #[tokio::test(start_paused = true)]
    async fn never_exceeds_the_ceiling() {
        let lane = Lane::new(GLUE, 1_000.0);
        assert_eq!(lane.rate(), GLUE.ceiling);
        let mut server = Server::new(1_000.0, 1_000.0);
        let (served, _, seconds) = drive(&lane, &mut server, 1_000).await;
        // At most one burst plus the ceiling's rate.
        assert!(
            served as f64 <= GLUE.burst + GLUE.ceiling * seconds + 1.0,
            "{served} in {seconds:.2} s"
        );
        assert!(seconds >= (1_000.0 - GLUE.burst) / GLUE.ceiling - 0.01);
    }

    #[tokio::test(start_paused = true)]
    async fn scattered_throttles_do_not_collapse_the_rate() {
        let lane = Lane::new(GLUE, GLUE.ceiling);
        // One answer in twenty throttled, evenly spread: never three in a window.
        for i in 0..2_000 {
            let ticket = lane.acquire().await;
            if i % 20 == 0 {
                lane.throttled(ticket);
            } else {
                lane.answered();
            }
        }
        assert_eq!(lane.rate(), GLUE.ceiling);
    }

    #[tokio::test(start_paused = true)]
    async fn answers_sent_before_a_cut_do_not_cut_again_and_the_floor_holds() {
        let lane = Lane::new(GLUE, GLUE.ceiling);
        // Forty requests in flight when the limit is hit: all are throttled,
        // and the rate is cut once, not thirteen times.
        let mut in_flight = Vec::new();
        for _ in 0..40 {
            in_flight.push(lane.acquire().await);
        }
        for ticket in in_flight {
            lane.throttled(ticket);
        }
        assert!((lane.rate() - GLUE.ceiling * BETA).abs() < 1e-9);
        for _ in 0..60 {
            let ticket = lane.acquire().await;
            for _ in 0..CUT_AFTER {
                lane.throttled(ticket);
            }
        }
        assert_eq!(lane.rate(), FLOOR);
    }
}
