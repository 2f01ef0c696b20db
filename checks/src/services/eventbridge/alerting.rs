//! Which rule of the default bus alerts on an event: read by the checks of
//! every service whose failures EventBridge announces (Glue jobs, Step
//! Functions executions).

use serde_json::Value;

use crate::interpret::event_pattern::{matches_json, Match};
use crate::model::{EventRule, Unobserved, UnobservedKind};

/// What the rules of a region say about one event.
#[derive(Debug)]
pub(crate) enum Alerting<'a> {
    /// This enabled rule matches it.
    By(&'a EventRule),
    /// No enabled rule matches it.
    None,
}

/// The enabled rule that matches `event`; `Err` when none is known to but one
/// might: its pattern cannot be evaluated for this event, or its state was
/// not reported.
pub(crate) fn alerting<'a>(
    rules: &'a [EventRule],
    event: &Value,
) -> Result<Alerting<'a>, Unobserved> {
    let mut doubt = None;
    for rule in rules {
        let Some(pattern) = rule.event_pattern.as_deref() else {
            continue; // a scheduled rule
        };
        let enabled = rule.state.as_deref().map(|s| s.starts_with("ENABLED"));
        if enabled == Some(false) {
            continue;
        }
        match (matches_json(pattern, event), enabled) {
            (Match::No, _) => {}
            (Match::Yes, Some(true)) => return Ok(Alerting::By(rule)),
            (Match::Yes, _) => {
                doubt.get_or_insert_with(|| Unobserved::not_reported("events:ListRules", "State"));
            }
            (Match::Unknown(why), _) => {
                doubt.get_or_insert_with(|| {
                    Unobserved::new(UnobservedKind::NotEvaluated, "events:ListRules")
                        .with_message(format!("rule {}: {why}", rule.name))
                });
            }
        }
    }
    match doubt {
        Some(reason) => Err(reason),
        None => Ok(Alerting::None),
    }
}

/// What the rules of a region say of several events (a job's or a state
/// machine's failed states, one event each, labelled by its state).
#[derive(Debug, Default)]
pub(crate) struct Coverage<'s> {
    /// `STATE by rule NAME`, for each state an enabled rule matches.
    pub covered: Vec<String>,
    /// The states no rule matches.
    pub uncovered: Vec<&'s str>,
    /// Why a state none is known to match might be matched after all.
    pub doubt: Option<Unobserved>,
}

/// Which of the labelled `events` an enabled rule matches.
pub(crate) fn coverage<'s>(
    rules: &[EventRule],
    events: impl IntoIterator<Item = (&'s str, Value)>,
) -> Coverage<'s> {
    let mut found = Coverage::default();
    for (state, event) in events {
        match alerting(rules, &event) {
            Ok(Alerting::By(rule)) => found.covered.push(format!("{state} by rule {}", rule.name)),
            Ok(Alerting::None) => found.uncovered.push(state),
            Err(reason) => found.doubt = found.doubt.or(Some(reason)),
        }
    }
    found
}
