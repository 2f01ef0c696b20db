//! Which failed calls are worth another attempt, and how long to wait first.
//! The classification is the SDK's (its throttling and transient error codes,
//! HTTP 429 and 500/502/503/504, timeouts and broken connections); the
//! waiting is ours, so a throttled call waits without holding a concurrency
//! slot and its next attempt takes a token of its operation's rate.

use std::time::Duration;

use aws_runtime::retries::classifiers::{THROTTLING_ERRORS, TRANSIENT_ERRORS};
use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;

/// Why a failed call may be tried again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// The service asked us to slow down.
    Throttled,
    /// A fault that another attempt may not meet: a 5xx, a timeout, a dropped connection.
    Transient,
}

const TRANSIENT_STATUS: &[u16] = &[500, 502, 503, 504];

/// Whether `err` is worth another attempt.
pub fn kind<E: ProvideErrorMetadata>(err: &SdkError<E, HttpResponse>) -> Option<Retry> {
    match err {
        SdkError::TimeoutError(_) => Some(Retry::Transient),
        // A connection refused, reset or closed before the answer; not a
        // request the client itself could not build.
        SdkError::DispatchFailure(f) if !f.is_user() => Some(Retry::Transient),
        SdkError::ResponseError(ctx) => TRANSIENT_STATUS
            .contains(&ctx.raw().status().as_u16())
            .then_some(Retry::Transient),
        SdkError::ServiceError(ctx) => {
            let status = ctx.raw().status().as_u16();
            let code = ctx.err().code();
            let is = |list: &[&str]| code.is_some_and(|c| list.contains(&c));
            if is(THROTTLING_ERRORS) || status == 429 {
                Some(Retry::Throttled)
            } else if is(TRANSIENT_ERRORS) || TRANSIENT_STATUS.contains(&status) {
                Some(Retry::Transient)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Back-off before attempt `n + 1` after `n` failed ones of this kind:
/// "full jitter", a random wait up to an exponentially growing cap.
/// Throttles start short: the rate controller, not the back-off, sets the
/// pace once throttling is a pattern.
pub fn backoff(kind: Retry, failed: u32) -> Duration {
    let (base, cap) = match kind {
        Retry::Throttled => (Duration::from_millis(50), Duration::from_secs(5)),
        Retry::Transient => (Duration::from_millis(200), Duration::from_secs(10)),
    };
    let ceiling = base
        .saturating_mul(1 << failed.saturating_sub(1).min(16))
        .min(cap);
    ceiling.mul_f64(fastrand::f64())
}

/// Total back-off a call may spend on throttles before it gives up.
pub const THROTTLE_PATIENCE: Duration = Duration::from_secs(60);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_to_its_cap_and_stays_under_it() {
        for failed in 1..40 {
            let wait = backoff(Retry::Throttled, failed);
            let cap = Duration::from_millis(50 << (failed - 1).min(16)).min(Duration::from_secs(5));
            assert!(wait <= cap, "{failed}: {wait:?}");
        }
        assert!(backoff(Retry::Transient, 1) <= Duration::from_millis(200));
    }
}
