//! Reading IAM-style policy documents (bucket policies, later key policies).

use serde_json::Value;

/// A policy element that may be a single value or a list (`Action`, `Resource`, …).
fn as_list(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

fn statements(policy: &Value) -> Vec<&Value> {
    policy.get("Statement").map(as_list).unwrap_or_default()
}

/// `*` or `{"AWS": "*"}`: anyone.
pub fn is_everyone(principal: Option<&Value>) -> bool {
    match principal {
        Some(Value::String(s)) => s == "*",
        Some(Value::Object(map)) => map
            .get("AWS")
            .is_some_and(|aws| as_list(aws).iter().any(|p| p.as_str() == Some("*"))),
        _ => false,
    }
}

/// Whether the statement's `Action` names any S3 action, in any spelling
/// (`*`, `s3:*`, `s3:Get*`, `S3:GetObject`).
fn covers_s3_actions(statement: &Value) -> bool {
    statement.get("Action").is_some_and(|actions| {
        as_list(actions).iter().filter_map(|a| a.as_str()).any(|a| {
            a == "*"
                || a.get(..3)
                    .is_some_and(|prefix| prefix.eq_ignore_ascii_case("s3:"))
        })
    })
}

/// The condition `Bool: {aws:SecureTransport: false}`, keys matched as AWS does
/// (operator and key case-insensitively, the value as a string or bool).
fn denies_insecure_transport(statement: &Value) -> bool {
    let Some(Value::Object(conditions)) = statement.get("Condition") else {
        return false;
    };
    conditions
        .iter()
        .filter(|(operator, _)| {
            operator.eq_ignore_ascii_case("Bool") || operator.eq_ignore_ascii_case("BoolIfExists")
        })
        .filter_map(|(_, clause)| clause.as_object())
        .flat_map(|clause| clause.iter())
        .filter(|(key, _)| key.eq_ignore_ascii_case("aws:SecureTransport"))
        .any(|(_, value)| {
            as_list(value).iter().any(|v| match v {
                Value::Bool(b) => !b,
                Value::String(s) => s.eq_ignore_ascii_case("false"),
                _ => false,
            })
        })
}

/// Whether a Deny statement refuses S3 actions over plain HTTP
/// (`aws:SecureTransport` false), whoever its principal and however its
/// actions are spelled.
pub fn enforces_secure_transport(policy: &Value) -> bool {
    statements(policy).into_iter().any(|statement| {
        statement.get("Effect").and_then(Value::as_str) == Some("Deny")
            && covers_s3_actions(statement)
            && denies_insecure_transport(statement)
    })
}

/// Condition keys that narrow an `Allow` for everyone down to an account,
/// organization, network path or caller (matched case-insensitively).
const NARROWING_CONDITION_KEYS: &[&str] = &[
    "aws:principalaccount",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalarn",
    "aws:sourceaccount",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourcearn",
    "aws:sourcevpce",
    "aws:sourcevpc",
    "aws:userid",
    "kms:calleraccount",
];

/// A condition that names one of the narrowing keys with a concrete value (a
/// bare `*` narrows nothing).
fn is_narrowed(statement: &Value) -> bool {
    let Some(Value::Object(conditions)) = statement.get("Condition") else {
        return false;
    };
    conditions
        .values()
        .filter_map(Value::as_object)
        .flat_map(|clause| clause.iter())
        .filter(|(key, _)| NARROWING_CONDITION_KEYS.contains(&key.to_ascii_lowercase().as_str()))
        .any(|(_, value)| {
            as_list(value)
                .iter()
                .any(|v| v.as_str().is_some_and(|s| s != "*"))
        })
}

/// Whether any statement allows everyone (`*`, `{"AWS": "*"}`) without a
/// condition that narrows who that is: the test behind `kms.key_policy_public`.
pub fn allows_everyone(policy: &Value) -> bool {
    statements(policy).into_iter().any(|statement| {
        statement.get("Effect").and_then(Value::as_str) == Some("Allow")
            && is_everyone(statement.get("Principal"))
            && !is_narrowed(statement)
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn deny(principal: Value, action: Value, condition: Value) -> Value {
        json!({"Version": "2012-10-17", "Statement": [{
            "Effect": "Deny", "Principal": principal, "Action": action,
            "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": condition
        }]})
    }

    #[test]
    fn secure_transport_deny_is_recognised_in_its_usual_spellings() {
        let cond = json!({"Bool": {"aws:SecureTransport": "false"}});
        assert!(enforces_secure_transport(&deny(
            json!("*"),
            json!("s3:*"),
            cond.clone()
        )));
        assert!(enforces_secure_transport(&deny(
            json!({"AWS": "*"}),
            json!(["s3:*"]),
            json!({"bool": {"aws:securetransport": false}})
        )));
        // A single statement object rather than a list.
        let single = json!({"Statement": {"Effect": "Deny", "Principal": "*", "Action": "*",
            "Condition": {"Bool": {"aws:SecureTransport": ["false"]}}}});
        assert!(enforces_secure_transport(&single));
        // The shapes users write: a named action, a wildcard verb, a role principal.
        assert!(enforces_secure_transport(&deny(
            json!("*"),
            json!("s3:GetObject"),
            cond.clone()
        )));
        assert!(enforces_secure_transport(&deny(
            json!({"AWS": "arn:aws:iam::1:role/app"}),
            json!(["s3:Get*", "s3:Put*"]),
            cond.clone()
        )));
        assert!(enforces_secure_transport(&deny(
            json!("*"),
            json!("*"),
            json!({"BoolIfExists": {"aws:SecureTransport": "false"}})
        )));
        // Not a transport rule: another service's actions, an Allow, another key.
        assert!(!enforces_secure_transport(&deny(
            json!("*"),
            json!("kms:*"),
            cond.clone()
        )));
        let allow = json!({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]});
        assert!(!enforces_secure_transport(&allow));
        assert!(!enforces_secure_transport(&deny(
            json!("*"),
            json!("s3:*"),
            json!({"Bool": {"aws:MultiFactorAuthPresent": "false"}})
        )));
    }

    fn allow(principal: Value, condition: Option<Value>) -> Value {
        let mut statement =
            json!({"Effect": "Allow", "Principal": principal, "Action": "kms:*", "Resource": "*"});
        if let Some(c) = condition {
            statement["Condition"] = c;
        }
        json!({"Statement": [statement]})
    }

    #[test]
    fn everyone_without_a_narrowing_condition_is_public() {
        assert!(allows_everyone(&allow(json!("*"), None)));
        assert!(allows_everyone(&allow(json!({"AWS": "*"}), None)));
        assert!(allows_everyone(&allow(
            json!({"AWS": ["arn:aws:iam::1:root", "*"]}),
            None
        )));
        // A condition on something else does not narrow the principal.
        assert!(allows_everyone(&allow(
            json!("*"),
            Some(json!({"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}))
        )));
        // A wildcard value narrows nothing.
        assert!(allows_everyone(&allow(
            json!("*"),
            Some(json!({"StringLike": {"aws:PrincipalAccount": "*"}}))
        )));
    }

    #[test]
    fn narrowed_or_named_principals_are_not_public() {
        for (key, value) in [
            ("kms:CallerAccount", json!("111122223333")),
            ("aws:PrincipalOrgID", json!("o-abc123")),
            ("aws:SourceVpce", json!(["vpce-1a2b3c"])),
            ("aws:SourceAccount", json!("111122223333")),
        ] {
            let condition = json!({"StringEquals": {key: value}});
            assert!(
                !allows_everyone(&allow(json!("*"), Some(condition))),
                "{key}"
            );
        }
        assert!(!allows_everyone(&allow(
            json!({"AWS": "arn:aws:iam::1:root"}),
            None
        )));
        assert!(!allows_everyone(&allow(
            json!({"Service": "logs.amazonaws.com"}),
            None
        )));
        let deny = json!({"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "kms:*"}]});
        assert!(!allows_everyone(&deny));
    }

    #[test]
    fn allow_statements_or_wrong_conditions_do_not_count() {
        let allow = json!({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]});
        assert!(!enforces_secure_transport(&allow));
        let wrong_value = deny(
            json!("*"),
            json!("s3:*"),
            json!({"Bool": {"aws:SecureTransport": "true"}}),
        );
        assert!(!enforces_secure_transport(&wrong_value));
        let narrow_principal = deny(
            json!({"AWS": "arn:aws:iam::111122223333:root"}),
            json!("s3:*"),
            json!({"Bool": {"aws:SecureTransport": "false"}}),
        );
        // Whoever the principal, the Deny refuses plain HTTP.
        assert!(enforces_secure_transport(&narrow_principal));
        assert!(!enforces_secure_transport(&json!({})));
    }
}
