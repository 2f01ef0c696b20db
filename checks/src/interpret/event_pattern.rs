//! EventBridge event patterns: whether a rule's pattern matches an event, as
//! EventBridge decides it. Covers exact values, `prefix`, `suffix`,
//! `equals-ignore-case`, `wildcard`, `numeric`, `anything-but` (of values and
//! of those filters, single or listed), `exists` and `$or`.
//!
//! The answer has three values. A filter this module does not evaluate
//! (`cidr`, or one AWS adds later), or one applied to a field whose value no
//! event known in advance carries ([`unknown_value`]: a run id, a message),
//! matches nothing *known*: the answer is [`Match::Unknown`] with the reason,
//! wherever the filter sits, so a rule is never credited with an event it may
//! not match (an `anything-but` of an unknown filter is unknown too, not a
//! match), nor blamed for one it may.

use serde_json::{Map, Value};

use crate::interpret::pattern::wildcard_match;

/// Whether a pattern matches an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// It matches.
    Yes,
    /// It does not.
    No,
    /// It cannot be told: why.
    Unknown(String),
}

impl Match {
    fn of(yes: bool) -> Match {
        if yes {
            Match::Yes
        } else {
            Match::No
        }
    }

    /// Both: a known mismatch decides, else an unknown part does.
    fn and(self, other: impl FnOnce() -> Match) -> Match {
        match self {
            Match::No => Match::No,
            Match::Yes => other(),
            Match::Unknown(why) => match other() {
                Match::No => Match::No,
                _ => Match::Unknown(why),
            },
        }
    }

    /// Either: a known match decides, else an unknown part does.
    fn or(self, other: impl FnOnce() -> Match) -> Match {
        match self {
            Match::Yes => Match::Yes,
            Match::No => other(),
            Match::Unknown(why) => match other() {
                Match::Yes => Match::Yes,
                _ => Match::Unknown(why),
            },
        }
    }

    fn not(self) -> Match {
        match self {
            Match::Yes => Match::No,
            Match::No => Match::Yes,
            unknown => unknown,
        }
    }

    /// Any of `items` matches.
    fn any<T>(items: impl IntoIterator<Item = T>, each: impl Fn(T) -> Match) -> Match {
        items
            .into_iter()
            .fold(Match::No, |acc, item| acc.or(|| each(item)))
    }

    /// All of `items` match.
    fn all<T>(items: impl IntoIterator<Item = T>, each: impl Fn(T) -> Match) -> Match {
        items
            .into_iter()
            .fold(Match::Yes, |acc, item| acc.and(|| each(item)))
    }
}

/// Marks a value of an event that no event known in advance carries.
const UNKNOWN_MARK: &str = "\u{0}lakelint:unknown:";

/// A field of the event whose value is not known before the event happens
/// (a run id, an error message, a time): present, so `exists` matches it, but
/// any filter on its value is [`Match::Unknown`].
pub fn unknown_value(field: &str) -> Value {
    Value::String(format!("{UNKNOWN_MARK}{field}"))
}

/// Whether `pattern` (the rule's JSON) matches `event`; unknown when the
/// pattern is not JSON.
pub fn matches_json(pattern: &str, event: &Value) -> Match {
    match serde_json::from_str::<Value>(pattern) {
        Ok(pattern) => matches(&pattern, event),
        Err(e) => Match::Unknown(format!("the event pattern is not JSON: {e}")),
    }
}

/// Whether the parsed `pattern` matches `event`.
pub fn matches(pattern: &Value, event: &Value) -> Match {
    match pattern {
        Value::Object(fields) => object_matches(fields, event),
        _ => Match::No,
    }
}

fn object_matches(fields: &Map<String, Value>, event: &Value) -> Match {
    Match::all(fields, |(key, wanted)| {
        if key == "$or" {
            return match wanted.as_array() {
                Some(alternatives) => Match::any(alternatives, |p| matches(p, event)),
                None => Match::No,
            };
        }
        let value = event.get(key);
        match (wanted, value) {
            (Value::Object(inner), Some(v)) => object_matches(inner, v),
            (Value::Object(_), None) => Match::No,
            (Value::Array(allowed), _) => field_matches(allowed, value),
            _ => Match::No,
        }
    })
}

/// A leaf of the pattern: the event's value (or one value of an array) must
/// meet one of the allowed values or filters.
fn field_matches(allowed: &[Value], value: Option<&Value>) -> Match {
    let values: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    Match::any(allowed, |filter| match filter {
        Value::Object(op) => match op.get("exists") {
            Some(Value::Bool(exists)) if op.len() == 1 => Match::of(*exists == value.is_some()),
            _ => Match::any(&values, |v| filter_matches(op, v)),
        },
        scalar => Match::any(&values, |v| match known(v) {
            Match::Yes => Match::of(*v == scalar),
            unknown => unknown,
        }),
    })
}

/// Unknown when the event's value is one no event known in advance carries:
/// then no filter can be applied to it.
fn known(value: &Value) -> Match {
    match value.as_str().and_then(|s| s.strip_prefix(UNKNOWN_MARK)) {
        Some(field) => Match::Unknown(format!(
            "the pattern filters on {field}, whose value is not known before the event"
        )),
        None => Match::Yes,
    }
}

/// A filter lakelint does not evaluate.
fn unevaluated(op: &Map<String, Value>) -> Match {
    Match::Unknown(format!(
        "the pattern uses a filter lakelint does not evaluate: {}",
        Value::Object(op.clone())
    ))
}

fn filter_matches(op: &Map<String, Value>, value: &Value) -> Match {
    let Some((name, arg)) = op.iter().next().filter(|_| op.len() == 1) else {
        return unevaluated(op);
    };
    if let unknown @ Match::Unknown(_) = known(value) {
        return unknown;
    }
    let text = value.as_str();
    let string_filter = |test: &dyn Fn(&str, &str) -> bool| match arg {
        Value::String(s) => Match::of(text.is_some_and(|t| test(t, s))),
        _ => unevaluated(op),
    };
    match name.as_str() {
        "prefix" | "suffix" => {
            let ends = |t: &str, s: &str, ignore_case: bool| {
                let fits = t.len() >= s.len();
                let part = if name == "prefix" {
                    fits.then(|| t.get(..s.len())).flatten()
                } else {
                    fits.then(|| t.get(t.len() - s.len()..)).flatten()
                };
                part.is_some_and(|p| {
                    if ignore_case {
                        p.eq_ignore_ascii_case(s)
                    } else {
                        p == s
                    }
                })
            };
            match arg {
                Value::String(s) => Match::of(text.is_some_and(|t| ends(t, s, false))),
                Value::Object(inner) => match (inner.len(), inner.get("equals-ignore-case")) {
                    (1, Some(Value::String(s))) => {
                        Match::of(text.is_some_and(|t| ends(t, s, true)))
                    }
                    _ => unevaluated(op),
                },
                _ => unevaluated(op),
            }
        }
        "equals-ignore-case" => string_filter(&|t, s| t.eq_ignore_ascii_case(s)),
        "wildcard" => string_filter(&|t, s| wildcard_match(s, t)),
        "numeric" => numeric(arg, value).unwrap_or_else(|| unevaluated(op)),
        "anything-but" => anything_but(op, arg, value),
        _ => unevaluated(op),
    }
}

/// `anything-but` of a value, a list of values, or a filter given one or several arguments.
fn anything_but(op: &Map<String, Value>, arg: &Value, value: &Value) -> Match {
    match arg {
        Value::Array(excluded) => Match::of(!excluded.contains(value)),
        Value::Object(inner) => {
            let Some((name, inner_arg)) = inner.iter().next().filter(|_| inner.len() == 1) else {
                return unevaluated(op);
            };
            if !matches!(
                name.as_str(),
                "prefix" | "suffix" | "equals-ignore-case" | "wildcard"
            ) {
                return unevaluated(op);
            }
            let arguments: Vec<&Value> = match inner_arg {
                Value::Array(list) => list.iter().collect(),
                single => vec![single],
            };
            Match::any(arguments, |a| {
                let mut one = Map::new();
                one.insert(name.clone(), a.clone());
                filter_matches(&one, value)
            })
            .not()
        }
        scalar => Match::of(value != scalar),
    }
}

/// `numeric: [">", 0, "<=", 5]`: every comparison holds; `None` when the
/// filter is malformed. A value that is not a number does not match.
fn numeric(arg: &Value, value: &Value) -> Option<Match> {
    let terms = arg.as_array()?;
    if terms.is_empty() || terms.len() % 2 != 0 {
        return None;
    }
    let mut holds = true;
    for pair in terms.chunks(2) {
        let bound = pair[1].as_f64()?;
        let x = value.as_f64();
        holds &= match pair[0].as_str()? {
            "=" => x == Some(bound),
            "<" => x.is_some_and(|x| x < bound),
            "<=" => x.is_some_and(|x| x <= bound),
            ">" => x.is_some_and(|x| x > bound),
            ">=" => x.is_some_and(|x| x >= bound),
            _ => return None,
        };
    }
    Some(Match::of(holds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A Glue Job State Change event with every field a real one carries.
    fn event(state: &str) -> Value {
        json!({
            "version": "0", "id": unknown_value("id"), "source": "aws.glue",
            "detail-type": "Glue Job State Change", "account": "123456789012",
            "time": unknown_value("time"), "region": "us-east-1", "resources": [],
            "detail": {"jobName": "orders", "state": state, "severity": "ERROR",
                       "jobRunId": unknown_value("detail.jobRunId"),
                       "message": unknown_value("detail.message")}
        })
    }

    fn check(pattern: Value, state: &str) -> Match {
        matches(&pattern, &event(state))
    }

    fn yes(pattern: Value) -> bool {
        check(pattern, "FAILED") == Match::Yes
    }

    fn no(pattern: Value) -> bool {
        check(pattern, "FAILED") == Match::No
    }

    fn unknown(pattern: Value) -> bool {
        matches!(check(pattern, "FAILED"), Match::Unknown(_))
    }

    #[test]
    fn exact_values_and_nesting() {
        let p = json!({"source": ["aws.glue"], "detail-type": ["Glue Job State Change"],
                       "detail": {"state": ["FAILED", "TIMEOUT"]}});
        assert_eq!(check(p.clone(), "FAILED"), Match::Yes);
        assert_eq!(check(p, "SUCCEEDED"), Match::No);
        // A field the event does not carry cannot match.
        assert!(no(json!({"detail": {"errorCode": ["x"]}})));
        // Only the source: every Glue event.
        assert!(yes(json!({"source": ["aws.glue"]})));
        assert!(no(json!({"source": ["aws.s3"]})));
        assert!(yes(
            json!({"account": ["123456789012"], "region": ["us-east-1"]})
        ));
    }

    #[test]
    fn content_filters() {
        let job = |filter: Value| json!({"detail": {"jobName": [filter]}});
        assert!(yes(job(json!({"prefix": "ord"}))));
        assert!(no(job(json!({"prefix": "cust"}))));
        assert!(yes(job(json!({"prefix": {"equals-ignore-case": "ORD"}}))));
        assert!(yes(job(json!({"suffix": "ers"}))));
        assert!(yes(job(json!({"suffix": {"equals-ignore-case": "ERS"}}))));
        assert!(no(job(json!({"suffix": {"equals-ignore-case": "X"}}))));
        assert!(yes(job(json!({"equals-ignore-case": "ORDERS"}))));
        assert!(yes(job(json!({"wildcard": "o*s"}))));
        assert!(yes(job(json!({"exists": true}))));
        assert!(no(job(json!({"exists": false}))));
        assert!(yes(json!({"detail": {"errorCode": [{"exists": false}]}})));
        assert!(no(job(json!({"numeric": [">", 0]}))), "not a number");
    }

    #[test]
    fn anything_but_in_every_form() {
        let job = |filter: Value| json!({"detail": {"jobName": [{"anything-but": filter}]}});
        assert!(yes(job(json!("customers"))));
        assert!(no(job(json!(["orders", "customers"]))));
        assert!(no(job(json!({"prefix": "ord"}))));
        assert!(yes(job(json!({"prefix": "cust"}))));
        assert!(no(job(json!({"prefix": ["cust", "ord"]}))));
        assert!(no(job(json!({"suffix": "ers"}))));
        assert!(no(job(
            json!({"equals-ignore-case": ["CUSTOMERS", "ORDERS"]})
        )));
        assert!(yes(job(json!({"equals-ignore-case": ["CUSTOMERS"]}))));
        assert!(no(job(json!({"wildcard": "o*"}))));
        assert!(no(job(json!({"wildcard": ["c*", "o*"]}))));
        assert!(yes(job(json!({"wildcard": ["c*", "x*"]}))));
    }

    #[test]
    fn numbers() {
        let event = json!({"detail": {"size": 7}});
        let size = |filter: Value| matches(&json!({"detail": {"size": [filter]}}), &event);
        assert_eq!(size(json!({"numeric": [">", 0, "<=", 7]})), Match::Yes);
        assert_eq!(size(json!({"numeric": ["<", 7]})), Match::No);
        assert_eq!(size(json!({"numeric": ["=", 7]})), Match::Yes);
        assert!(matches!(
            size(json!({"numeric": ["!", 7]})),
            Match::Unknown(_)
        ));
        assert_eq!(size(json!(7)), Match::Yes);
    }

    /// A filter this module does not know matches nothing known, wherever it
    /// sits: an `anything-but` of it is unknown too, never a match.
    #[test]
    fn unknown_filters_are_unknown_everywhere() {
        let job = |filter: Value| json!({"detail": {"jobName": [filter]}});
        assert!(unknown(job(json!({"cidr": "10.0.0.0/8"}))));
        assert!(unknown(job(
            json!({"anything-but": {"cidr": "10.0.0.0/8"}})
        )));
        assert!(unknown(job(json!({"anything-but": {"numeric": [">", 0]}}))));
        assert!(unknown(job(json!({"anything-but": {"prefix": {"x": 1}}}))));
        assert!(unknown(job(json!({"shiny-new-filter": "x"}))));
        // A known mismatch elsewhere still decides.
        assert!(no(
            json!({"source": ["aws.s3"], "detail": {"jobName": [{"cidr": "10.0.0.0/8"}]}})
        ));
        // A known match among the alternatives decides too.
        assert!(yes(
            json!({"detail": {"jobName": [{"cidr": "10.0.0.0/8"}, "orders"]}})
        ));
        let Match::Unknown(why) = check(job(json!({"cidr": "10.0.0.0/8"})), "FAILED") else {
            panic!()
        };
        assert_eq!(
            why,
            r#"the pattern uses a filter lakelint does not evaluate: {"cidr":"10.0.0.0/8"}"#
        );
    }

    /// Fields a real event carries but whose values are not known in advance.
    #[test]
    fn unknown_values_are_present_but_unknown() {
        assert!(yes(json!({"detail": {"jobRunId": [{"exists": true}]}})));
        assert!(no(json!({"detail": {"jobRunId": [{"exists": false}]}})));
        assert!(unknown(
            json!({"detail": {"message": [{"prefix": "Command failed"}]}})
        ));
        assert!(unknown(json!({"detail": {"jobRunId": ["jr_1"]}})));
        assert!(unknown(json!({"time": [{"anything-but": "x"}]})));
        assert!(yes(json!({"resources": [{"exists": true}]})));
        let Match::Unknown(why) = check(json!({"detail": {"message": ["x"]}}), "FAILED") else {
            panic!()
        };
        assert_eq!(
            why,
            "the pattern filters on detail.message, whose value is not known before the event"
        );
    }

    #[test]
    fn or_alternatives() {
        let p = json!({"source": ["aws.glue"], "$or": [
            {"detail": {"state": ["FAILED"]}}, {"detail": {"severity": ["WARN"]}}
        ]});
        assert_eq!(check(p.clone(), "FAILED"), Match::Yes);
        assert_eq!(check(p, "TIMEOUT"), Match::No);
        let p = json!({"$or": [{"detail": {"state": ["X"]}}, {"detail": {"message": ["x"]}}]});
        assert!(unknown(p));
    }

    #[test]
    fn malformed_patterns() {
        assert!(matches!(
            matches_json("{not json", &event("FAILED")),
            Match::Unknown(_)
        ));
        assert_eq!(matches_json("[1]", &event("FAILED")), Match::No);
    }
}
