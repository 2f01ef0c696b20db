//! Every API call goes through [`Calls::run`]: it paces it, bounds how many
//! are in flight, retries it when throttled or failing transiently, counts
//! it by action, and turns a final failure into a typed [`Unobserved`] so
//! the scan goes on.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::sync::Mutex;

use aws_sdk_s3::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use lakelint_checks::model::{Unobserved, UnobservedKind};
use tokio::time::Instant;

use crate::crawl::concurrency::{Bounds, Outcome, Window};
use crate::crawl::pace::Pace;
use crate::crawl::retry::{self, Retry};
use crate::progress::Progress;

/// The one gate every API call of a scan goes through.
pub struct Calls {
    in_flight: Window,
    counts: Mutex<BTreeMap<String, u64>>,
    denied: Mutex<BTreeSet<String>>,
    /// When the whole scan must end; calls still open then become UNKNOWN.
    deadline: Option<Instant>,
    pace: Option<Pace>,
    /// Attempts of a call that fails other than throttled, the first included.
    max_attempts: u32,
    /// The progress display the calls advance.
    pub progress: Progress,
}

impl Calls {
    /// A gate of calls in flight within `bounds`, ending calls still open at `deadline`.
    pub fn new(bounds: Bounds, deadline: Option<Instant>, progress: Progress) -> Self {
        Self {
            in_flight: Window::new(bounds),
            counts: Mutex::new(BTreeMap::new()),
            denied: Mutex::new(BTreeSet::new()),
            deadline,
            pace: None,
            max_attempts: 3,
            progress,
        }
    }

    /// Tries a throttled call again until its patience ends, another failed
    /// call until `max_attempts` attempts were made.
    pub fn retrying(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts.max(1);
        self
    }

    /// Holds every call to the rate of its operation and region.
    pub fn paced(mut self, pace: Pace) -> Self {
        self.pace = Some(pace);
        self
    }

    /// Runs one API call named `action` (`s3:GetBucketVersioning`): `call`
    /// makes one attempt. Throttled and transient failures are tried again
    /// after a back-off that holds no concurrency slot, each attempt taking a
    /// token of the operation's rate; the call counts once.
    pub async fn run<T, E, F, Fut>(&self, action: &str, mut call: F) -> Result<T, Unobserved>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, SdkError<E, HttpResponse>>>,
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        debug_assert!(
            crate::crawl::actions::is_declared(action),
            "{action} is missing from crawl::actions::ACTIONS"
        );
        *self
            .counts
            .lock()
            .expect("counter lock")
            .entry(action.to_string())
            .or_default() += 1;
        let lane = self.pace.as_ref().map(|pace| pace.lane(action));
        let attempts = async {
            let (mut transient, mut throttled) = (0u32, 0u32);
            let mut patience = retry::THROTTLE_PATIENCE;
            loop {
                // Wait for the rate first, so waiting holds no slot of the concurrency.
                let ticket = match &lane {
                    Some(lane) => Some(lane.acquire().await),
                    None => None,
                };
                let result = {
                    let slot = self.in_flight.enter().await;
                    let result = call().await;
                    slot.done(action, outcome(&result));
                    result
                };
                let err = match result {
                    Ok(value) => {
                        if let Some(lane) = &lane {
                            lane.answered();
                        }
                        return Ok(value);
                    }
                    Err(err) => err,
                };
                let kind = retry::kind(&err);
                if let (Some(lane), Some(ticket)) = (&lane, ticket) {
                    match kind {
                        Some(Retry::Throttled) => lane.throttled(ticket),
                        _ => lane.answered(),
                    }
                }
                let wait = match kind {
                    Some(Retry::Throttled) => {
                        throttled += 1;
                        let wait = retry::backoff(Retry::Throttled, throttled);
                        if wait > patience {
                            return Err(err);
                        }
                        patience -= wait;
                        wait
                    }
                    Some(Retry::Transient) if transient + 1 < self.max_attempts => {
                        transient += 1;
                        retry::backoff(Retry::Transient, transient)
                    }
                    _ => return Err(err),
                };
                tracing::debug!(%action, ?kind, ?wait, error = %error_chain(&err), "retrying");
                tokio::time::sleep(wait).await;
            }
        };
        let result = match self.deadline {
            Some(deadline) => match tokio::time::timeout_at(deadline, attempts).await {
                Ok(result) => result,
                Err(_) => return Err(Unobserved::new(UnobservedKind::Deadline, action)),
            },
            None => attempts.await,
        };
        self.progress.call_done(result.is_err());
        result.map_err(|err| {
            let unobserved = classify(action, &err);
            tracing::debug!(%action, reason = %unobserved, error = %error_chain(&err), "call failed");
            if unobserved.kind == UnobservedKind::AccessDenied {
                self.denied.lock().expect("denied lock").insert(action.to_string());
            }
            unobserved
        })
    }

    /// How many calls were kept in flight.
    pub fn concurrency(&self) -> lakelint_checks::model::Concurrency {
        self.in_flight.report()
    }

    /// Operations answered with AccessDenied so far.
    pub fn denied(&self) -> Vec<String> {
        self.denied
            .lock()
            .expect("denied lock")
            .iter()
            .cloned()
            .collect()
    }

    /// Every page of a paginated call: `send` makes the request for a page
    /// token, `take` splits a page into its items and the next token.
    pub async fn pages<O, E, T, F, Fut>(
        &self,
        action: &str,
        mut send: F,
        mut take: impl FnMut(O) -> (Vec<T>, Option<String>),
    ) -> Result<Vec<T>, Unobserved>
    where
        F: FnMut(Option<String>) -> Fut,
        Fut: Future<Output = Result<O, SdkError<E, HttpResponse>>>,
        E: ProvideErrorMetadata + std::error::Error + 'static,
    {
        let mut items = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let page = self.run(action, || send(token.clone())).await?;
            let (found, next) = take(page);
            items.extend(found);
            // An empty or repeated token ends the listing (some endpoints echo it).
            match next.filter(|n| !n.is_empty()) {
                Some(next) if Some(&next) != token.as_ref() => token = Some(next),
                _ => return Ok(items),
            }
        }
    }

    /// Calls made so far, by action.
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.counts.lock().expect("counter lock").clone()
    }
}

/// What an attempt's result tells the concurrency window.
fn outcome<T, E>(result: &Result<T, SdkError<E, HttpResponse>>) -> Outcome
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match result {
        Ok(_) => Outcome::Answered,
        Err(err) => match (retry::kind(err), err) {
            (Some(Retry::Throttled), _) => Outcome::Throttled,
            (_, SdkError::ServiceError(_) | SdkError::ResponseError(_)) => Outcome::Answered,
            _ => Outcome::Lost,
        },
    }
}

/// `Ok(None)` when the call failed with one of the `not_configured` error codes:
/// S3 answers "this bucket has no policy" with an error, not an empty document.
pub fn absent_when<T>(
    result: Result<T, Unobserved>,
    not_configured: &[&str],
) -> Result<Option<T>, Unobserved> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(u)
            if u.code
                .as_deref()
                .is_some_and(|c| not_configured.contains(&c)) =>
        {
            Ok(None)
        }
        Err(u) => Err(u),
    }
}

const ACCESS_DENIED: &[&str] = &[
    "AccessDenied",
    "AccessDeniedException",
    "AllAccessDisabled",
    "AuthorizationError",
    "UnauthorizedOperation",
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "ExpiredToken",
    "ExpiredTokenException",
];

/// Codes of "this endpoint does not do that". LocalStack's InternalFailure
/// counts only with its HTTP 501; on AWS it is a transient 500.
const NOT_SUPPORTED: &[&str] = &["NotImplemented", "UnsupportedOperation"];

/// Maps an SDK failure to why the attribute could not be observed.
pub fn classify<E>(action: &str, err: &SdkError<E, HttpResponse>) -> Unobserved
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    use UnobservedKind::*;
    let at = |kind| Unobserved::new(kind, action);
    match err {
        SdkError::TimeoutError(_) => at(Timeout),
        SdkError::DispatchFailure(failure) if failure.is_timeout() => at(Timeout),
        SdkError::DispatchFailure(failure) => {
            let detail = failure.as_connector_error().map(|e| error_chain(e));
            let u = at(Network);
            match detail {
                Some(d) => u.with_message(d),
                None => u,
            }
        }
        SdkError::ResponseError(ctx) => {
            let status = ctx.raw().status().as_u16();
            // An emulator's "not implemented" page is HTML the SDK cannot parse.
            let kind = if status == 501 || status == 500 {
                NotSupportedByEndpoint
            } else {
                Error
            };
            at(kind)
                .with_code(format!("HTTP{status}"))
                .with_message(format!(
                    "response could not be parsed: {}",
                    error_chain(err)
                ))
        }
        SdkError::ServiceError(ctx) => {
            let status = ctx.raw().status().as_u16();
            let code = ctx.err().code().map(str::to_string);
            let message = ctx.err().message().map(str::to_string);
            let matches = |list: &[&str]| code.as_deref().is_some_and(|c| list.contains(&c));
            let kind = if matches(ACCESS_DENIED) {
                AccessDenied
            } else if retry::kind(err) == Some(Retry::Throttled) {
                Throttled
            } else if matches(NOT_SUPPORTED) || status == 501 || (status == 500 && code.is_none()) {
                NotSupportedByEndpoint
            } else if status == 403 && code.is_none() {
                AccessDenied
            } else {
                Error
            };
            let mut u = at(kind);
            u.code = code.or_else(|| Some(format!("HTTP{status}")));
            // A success status with an error is an answer the SDK could not
            // read (an emulator's malformed timestamp): say what it was.
            u.message = match message {
                None if (200..300).contains(&status) => Some(format!(
                    "answer could not be parsed: {}",
                    error_chain(ctx.err())
                )),
                m => m,
            };
            u
        }
        _ => at(Error).with_message(error_chain(err)),
    }
}

/// An error and its sources on one line, without the Debug dumps of the SDK's
/// own display helper.
pub(crate) fn error_chain(err: &dyn std::error::Error) -> String {
    let mut line = err.to_string();
    let mut source = err.source();
    while let Some(e) = source {
        let text = e.to_string();
        if !line.contains(&text) {
            line = format!("{line}: {text}");
        }
        source = e.source();
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_configured_codes_become_known_absence() {
        let missing = Unobserved::new(UnobservedKind::Error, "s3:GetBucketPolicy")
            .with_code("NoSuchBucketPolicy");
        assert_eq!(
            absent_when::<()>(Err(missing), &["NoSuchBucketPolicy"]),
            Ok(None)
        );
        let denied = Unobserved::new(UnobservedKind::AccessDenied, "s3:GetBucketPolicy")
            .with_code("AccessDenied");
        assert_eq!(
            absent_when::<()>(Err(denied.clone()), &["NoSuchBucketPolicy"]),
            Err(denied)
        );
        assert_eq!(absent_when(Ok(1), &[]), Ok(Some(1)));
    }
}
