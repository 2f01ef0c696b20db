//! What the inventory records of each attribute: the value an API
//! answered, or the typed reason it could not be seen.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A value read from an API, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Observed<T> {
    /// What the API answered.
    Known(T),
    /// Why it could not be read.
    Unknown(Unobserved),
}

impl<T> Observed<T> {
    /// The value, or the reason it is missing: lets a check use `?`.
    pub fn get(&self) -> Result<&T, Unobserved> {
        match self {
            Observed::Known(value) => Ok(value),
            Observed::Unknown(reason) => Err(reason.clone()),
        }
    }

    /// The value, when it was read.
    pub fn known(&self) -> Option<&T> {
        self.get().ok()
    }
}

impl<T> Observed<T> {
    /// `value` as `action` reported it; `field` names it when it was absent.
    pub fn reported(value: Option<T>, action: &str, field: &str) -> Self {
        match value {
            Some(value) => Observed::Known(value),
            None => Observed::Unknown(Unobserved::not_reported(action, field)),
        }
    }
}

impl<T> From<Result<T, Unobserved>> for Observed<T> {
    fn from(result: Result<T, Unobserved>) -> Self {
        match result {
            Ok(value) => Observed::Known(value),
            Err(reason) => Observed::Unknown(reason),
        }
    }
}

/// Why an attribute could not be observed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unobserved {
    /// The kind of failure.
    pub kind: UnobservedKind,
    /// The IAM-style action that failed, e.g. `s3:GetBucketEncryption`.
    pub action: String,
    /// The service's error code, when it sent one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The service's or the client's explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The kinds of failure that leave an attribute unobserved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnobservedKind {
    /// The identity may not make the call.
    AccessDenied,
    /// Throttled after every retry.
    Throttled,
    /// The endpoint (an emulator, say) does not implement the call.
    NotSupportedByEndpoint,
    /// One attempt took longer than `--call-timeout`.
    Timeout,
    /// The connection failed.
    Network,
    /// The service holding the input was not part of this scan.
    NotScanned,
    /// The call succeeded but its answer did not carry the field.
    NotReported,
    /// The answer was read, but lakelint cannot evaluate what it says (a
    /// filter it does not implement, a value known only later); the message
    /// says what.
    NotEvaluated,
    /// The scan's overall `--timeout` ended before the call.
    Deadline,
    /// Any other failure; the code says which.
    Error,
}

impl Unobserved {
    /// A failure of `action` of the given kind.
    pub fn new(kind: UnobservedKind, action: impl Into<String>) -> Self {
        Self {
            kind,
            action: action.into(),
            code: None,
            message: None,
        }
    }

    /// `action` answered without `field`: what it would have said is unknown.
    pub fn not_reported(action: impl Into<String>, field: &str) -> Self {
        Self::new(UnobservedKind::NotReported, action)
            .with_message(format!("the answer carried no {field}"))
    }

    /// With the service's error code.
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// With an explanation.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = Some(message.into());
        self
    }
}

impl fmt::Display for Unobserved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            UnobservedKind::AccessDenied => "access denied",
            UnobservedKind::Throttled => "throttled",
            UnobservedKind::NotSupportedByEndpoint => "not supported by endpoint",
            UnobservedKind::Timeout => "timed out",
            UnobservedKind::Network => "network error",
            UnobservedKind::NotScanned => "not scanned",
            UnobservedKind::NotReported => "not reported",
            UnobservedKind::NotEvaluated => "not evaluated",
            UnobservedKind::Deadline => "deadline",
            UnobservedKind::Error => "error",
        };
        write!(f, "{what}: {}", self.action)?;
        if self.kind == UnobservedKind::Error {
            if let Some(code) = &self.code {
                write!(f, " ({code})")?;
            }
        }
        Ok(())
    }
}

/// A regional service's records, one entry per scanned region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regional<T> {
    /// In the order the regions were scanned.
    pub regions: Vec<T>,
}

impl<T> Default for Regional<T> {
    fn default() -> Self {
        Self {
            regions: Vec::new(),
        }
    }
}

/// A resource a listing named whose details could not be read: it gets an
/// UNKNOWN finding of its own from every check of its kind, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Undescribed {
    /// Its id, as the listing gave it.
    pub id: String,
    /// Its ARN, as the listing gave it or built from the id.
    pub arn: String,
    /// Why its details could not be read.
    pub reason: Unobserved,
}
