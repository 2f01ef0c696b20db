//! EventBridge event patterns: whether a rule's pattern matches an event, as
//! EventBridge decides it. Covers exact values, `prefix`, `suffix`,
//! `anything-but`, `equals-ignore-case`, `wildcard`, `exists` and `$or`; a
//! pattern using another filter matches nothing here, so a rule is never
//! credited with an event it may not match.

use serde_json::{Map, Value};

use crate::interpret::pattern::wildcard_match;

/// Whether `pattern` (the rule's JSON) matches `event`; `Err` when the
/// pattern is not JSON.
pub fn matches_json(pattern: &str, event: &Value) -> Result<bool, String> {
    let pattern: Value =
        serde_json::from_str(pattern).map_err(|e| format!("the event pattern is not JSON: {e}"))?;
    Ok(matches(&pattern, event))
}

/// Whether the parsed `pattern` matches `event`.
pub fn matches(pattern: &Value, event: &Value) -> bool {
    match pattern {
        Value::Object(fields) => object_matches(fields, event),
        _ => false,
    }
}

fn object_matches(fields: &Map<String, Value>, event: &Value) -> bool {
    fields.iter().all(|(key, wanted)| {
        if key == "$or" {
            return wanted
                .as_array()
                .is_some_and(|alternatives| alternatives.iter().any(|p| matches(p, event)));
        }
        let value = event.get(key);
        match wanted {
            Value::Object(inner) => value.is_some_and(|v| object_matches(inner, v)),
            Value::Array(allowed) => field_matches(allowed, value),
            _ => false,
        }
    })
}

/// A leaf of the pattern: the event's value (or each value of an array) must
/// meet one of the allowed values or filters.
fn field_matches(allowed: &[Value], value: Option<&Value>) -> bool {
    let values: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    allowed.iter().any(|filter| match filter {
        Value::Object(op) => match op.get("exists") {
            Some(Value::Bool(exists)) => *exists == value.is_some(),
            Some(_) => false,
            None => values.iter().any(|v| filter_matches(op, v)),
        },
        scalar => values.contains(&scalar),
    })
}

fn filter_matches(op: &Map<String, Value>, value: &Value) -> bool {
    let Some((name, arg)) = op.iter().next().filter(|_| op.len() == 1) else {
        return false;
    };
    let text = value.as_str();
    match (name.as_str(), arg) {
        ("prefix", Value::String(p)) => text.is_some_and(|t| t.starts_with(p.as_str())),
        ("prefix", Value::Object(inner)) => match inner.get("equals-ignore-case") {
            Some(Value::String(p)) => text.is_some_and(|t| {
                t.len() >= p.len()
                    && t.is_char_boundary(p.len())
                    && t[..p.len()].eq_ignore_ascii_case(p)
            }),
            _ => false,
        },
        ("suffix", Value::String(s)) => text.is_some_and(|t| t.ends_with(s.as_str())),
        ("equals-ignore-case", Value::String(s)) => text.is_some_and(|t| t.eq_ignore_ascii_case(s)),
        ("wildcard", Value::String(w)) => text.is_some_and(|t| wildcard_match(w, t)),
        ("anything-but", Value::Array(excluded)) => !excluded.contains(value),
        ("anything-but", Value::Object(inner)) => match inner.iter().next() {
            Some((inner_name, inner_arg)) if inner.len() == 1 => {
                let mut one = Map::new();
                one.insert(inner_name.clone(), inner_arg.clone());
                !filter_matches(&one, value)
            }
            _ => false,
        },
        ("anything-but", scalar) => value != scalar,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn event(state: &str) -> Value {
        json!({
            "version": "0", "source": "aws.glue", "detail-type": "Glue Job State Change",
            "account": "123456789012", "region": "us-east-1", "resources": [],
            "detail": {"jobName": "orders", "state": state, "severity": "ERROR"}
        })
    }

    fn check(pattern: Value, state: &str) -> bool {
        matches(&pattern, &event(state))
    }

    #[test]
    fn exact_values_and_nesting() {
        let p = json!({"source": ["aws.glue"], "detail-type": ["Glue Job State Change"],
                       "detail": {"state": ["FAILED", "TIMEOUT"]}});
        assert!(check(p.clone(), "FAILED"));
        assert!(!check(p, "SUCCEEDED"));
        // A field the event does not carry cannot match.
        assert!(!check(json!({"detail": {"errorCode": ["x"]}}), "FAILED"));
        // Only the source: every Glue event.
        assert!(check(json!({"source": ["aws.glue"]}), "FAILED"));
        assert!(!check(json!({"source": ["aws.s3"]}), "FAILED"));
    }

    #[test]
    fn content_filters() {
        let job = |filter: Value| json!({"detail": {"jobName": [filter]}});
        assert!(check(job(json!({"prefix": "ord"})), "FAILED"));
        assert!(!check(job(json!({"prefix": "cust"})), "FAILED"));
        assert!(check(
            job(json!({"prefix": {"equals-ignore-case": "ORD"}})),
            "FAILED"
        ));
        assert!(check(job(json!({"suffix": "ers"})), "FAILED"));
        assert!(check(
            job(json!({"equals-ignore-case": "ORDERS"})),
            "FAILED"
        ));
        assert!(check(job(json!({"wildcard": "o*s"})), "FAILED"));
        assert!(check(job(json!({"anything-but": "customers"})), "FAILED"));
        assert!(!check(job(json!({"anything-but": ["orders"]})), "FAILED"));
        assert!(!check(
            job(json!({"anything-but": {"prefix": "ord"}})),
            "FAILED"
        ));
        assert!(check(job(json!({"exists": true})), "FAILED"));
        assert!(!check(job(json!({"exists": false})), "FAILED"));
        assert!(check(
            json!({"detail": {"errorCode": [{"exists": false}]}}),
            "FAILED"
        ));
        // Filters this module does not know never match.
        assert!(!check(job(json!({"numeric": [">", 0]})), "FAILED"));
    }

    #[test]
    fn or_alternatives() {
        let p = json!({"source": ["aws.glue"], "$or": [
            {"detail": {"state": ["FAILED"]}}, {"detail": {"severity": ["WARN"]}}
        ]});
        assert!(check(p.clone(), "FAILED"));
        assert!(!check(p, "TIMEOUT"));
    }

    #[test]
    fn malformed_patterns() {
        assert!(matches_json("{not json", &event("FAILED")).is_err());
        assert_eq!(matches_json("[1]", &event("FAILED")), Ok(false));
    }
}
