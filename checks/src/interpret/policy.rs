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

/// Condition keys whose fixed values make an `Allow` for everyone non-public,
/// as Amazon S3 decides it (S3 User Guide, "The meaning of public"), with
/// `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:PrincipalArn` and
/// `kms:CallerAccount` for key policies. Matched case-insensitively.
const NARROWING_KEYS: &[&str] = &[
    "aws:sourceip",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceaccount",
    "aws:sourceowner",
    "aws:sourcearn",
    "aws:principalorgid",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:userid",
    "s3:dataaccesspointarn",
    "s3:dataaccesspointaccount",
    "kms:calleraccount",
];

/// Whether a statement's principal (or `NotPrincipal`, which grants everyone
/// but those named) includes everyone.
fn grants_everyone(statement: &Value) -> bool {
    is_everyone(statement.get("Principal")) || statement.get("NotPrincipal").is_some()
}

/// A value that pins a key: no wildcard, no policy variable, and for
/// `aws:SourceIp` not a block of every address.
fn is_fixed(key: &str, value: &Value) -> bool {
    let Some(text) = value.as_str() else {
        // Numbers and booleans are fixed values.
        return !value.is_null() && !value.is_array() && !value.is_object();
    };
    if text.contains('*') || text.contains('?') || text.contains("${") {
        return false;
    }
    if key == "aws:sourceip" {
        return text
            .rsplit_once('/')
            .is_none_or(|(_, bits)| bits.trim() != "0");
    }
    true
}

/// The condition operators that pin a key to the values they list. Negated
/// operators, `…IfExists` (a request without the key passes) and
/// `ForAllValues:` (an empty set passes) pin nothing.
fn pins(operator: &str) -> bool {
    let op = operator.to_ascii_lowercase();
    let op = op.strip_prefix("foranyvalue:").unwrap_or(&op);
    !op.ends_with("ifexists")
        && !op.starts_with("forallvalues:")
        && matches!(
            op,
            "stringequals"
                | "stringequalsignorecase"
                | "stringlike"
                | "arnequals"
                | "arnlike"
                | "ipaddress"
                | "numericequals"
        )
}

/// The narrowing keys a statement pins to fixed values, with their values.
fn narrowing(statement: &Value) -> Vec<(String, Vec<String>)> {
    let Some(Value::Object(conditions)) = statement.get("Condition") else {
        return Vec::new();
    };
    conditions
        .iter()
        .filter(|(operator, _)| pins(operator))
        .filter_map(|(_, clause)| clause.as_object())
        .flat_map(|clause| clause.iter())
        .filter_map(|(key, value)| {
            let key = key.to_ascii_lowercase();
            if !NARROWING_KEYS.contains(&key.as_str()) {
                return None;
            }
            let values = as_list(value);
            (!values.is_empty() && values.iter().all(|v| is_fixed(&key, v))).then(|| {
                (
                    key,
                    values
                        .iter()
                        .map(|v| match v {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect(),
                )
            })
        })
        .collect()
}

/// Whether a policy makes its resource public, and why, as S3 means it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exposure {
    /// Some statement allows everyone without pinning a narrowing key.
    pub public: bool,
    /// What decides it, for messages.
    pub why: String,
}

/// Reads a policy as S3 reads it for publicness: a statement that allows
/// everyone (`*`, `{"AWS": "*"}`, or any `NotPrincipal`) is public unless a
/// condition pins a narrowing key to fixed values; `Deny` statements make
/// nothing public.
pub fn exposure(policy: &Value) -> Exposure {
    let mut narrowed = Vec::new();
    for (n, statement) in statements(policy).into_iter().enumerate() {
        let allows = statement
            .get("Effect")
            .and_then(Value::as_str)
            .is_some_and(|e| e.eq_ignore_ascii_case("Allow"));
        if !allows || !grants_everyone(statement) {
            continue;
        }
        let pinned = narrowing(statement);
        if pinned.is_empty() {
            let name = statement.get("Sid").and_then(Value::as_str).map_or_else(
                || format!("statement {}", n + 1),
                |sid| format!("statement {sid}"),
            );
            return Exposure {
                public: true,
                why: format!(
                    "{name} allows everyone without a condition that pins who or from where"
                ),
            };
        }
        narrowed.extend(pinned.into_iter().map(|(key, values)| {
            let values = values.join(", ");
            if key == "aws:sourceip" {
                format!("from {values}")
            } else {
                format!("for {key} {values}")
            }
        }));
    }
    if narrowed.is_empty() {
        Exposure {
            public: false,
            why: "no statement allows everyone".into(),
        }
    } else {
        narrowed.dedup();
        Exposure {
            public: false,
            why: format!(
                "the policy allows everyone only {}: not public",
                narrowed.join("; ")
            ),
        }
    }
}

/// Whether any statement makes the resource public (see [`exposure`]): the
/// test behind `kms.key_policy_public` and a trail bucket's policy.
pub fn allows_everyone(policy: &Value) -> bool {
    exposure(policy).public
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

    fn s3_allow(condition: Option<Value>) -> Value {
        let mut statement = json!({"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::B/*"});
        if let Some(c) = condition {
            statement["Condition"] = c;
        }
        json!({"Version": "2012-10-17", "Statement": [statement]})
    }

    /// The shapes of S3's "The meaning of public": each narrowing key alone
    /// with a fixed value is not public; a wildcard, a policy variable, an
    /// every-address block, a negated or IfExists operator is.
    #[test]
    fn the_meaning_of_public() {
        let not_public = [
            ("IpAddress", "aws:SourceIp", json!("10.0.0.25")),
            (
                "IpAddress",
                "aws:SourceIp",
                json!(["10.0.0.0/8", "192.0.2.0/24"]),
            ),
            ("IpAddress", "aws:SourceIp", json!("2001:db8::/32")),
            ("StringEquals", "aws:SourceVpc", json!("vpc-1a2b3c4d")),
            ("StringEquals", "aws:SourceVpce", json!("vpce-1a2b3c4d")),
            ("StringEquals", "aws:SourceAccount", json!("111122223333")),
            ("StringEquals", "aws:SourceOwner", json!("111122223333")),
            (
                "ArnEquals",
                "aws:SourceArn",
                json!("arn:aws:cloudtrail:us-east-1:111122223333:trail/t"),
            ),
            (
                "ArnLike",
                "aws:SourceArn",
                json!("arn:aws:cloudtrail:us-east-1:111122223333:trail/t"),
            ),
            ("StringEquals", "aws:PrincipalOrgID", json!("o-abc123")),
            (
                "StringEquals",
                "aws:PrincipalAccount",
                json!("111122223333"),
            ),
            ("StringEquals", "aws:userid", json!("AIDAEXAMPLE")),
            (
                "StringEquals",
                "s3:DataAccessPointArn",
                json!("arn:aws:s3:us-east-1:111122223333:accesspoint/ap"),
            ),
            (
                "StringEquals",
                "s3:DataAccessPointAccount",
                json!("111122223333"),
            ),
            ("StringEquals", "kms:CallerAccount", json!("111122223333")),
            (
                "ForAnyValue:StringEquals",
                "aws:SourceVpce",
                json!(["vpce-1"]),
            ),
        ];
        for (op, key, value) in not_public {
            let policy = s3_allow(Some(json!({op: {key: value.clone()}})));
            let e = exposure(&policy);
            assert!(!e.public, "{op} {key} {value}: {}", e.why);
        }
        let public = [
            ("IpAddress", "aws:SourceIp", json!("0.0.0.0/0")),
            ("IpAddress", "aws:SourceIp", json!("::/0")),
            (
                "IpAddress",
                "aws:SourceIp",
                json!(["10.0.0.0/8", "0.0.0.0/0"]),
            ),
            ("NotIpAddress", "aws:SourceIp", json!("10.0.0.0/8")),
            ("StringLike", "aws:SourceAccount", json!("1111*")),
            (
                "StringEquals",
                "aws:SourceArn",
                json!("arn:aws:s3:::${aws:username}"),
            ),
            ("StringLike", "aws:userid", json!("AROAEXAMPLE:*")),
            (
                "StringNotEquals",
                "aws:SourceAccount",
                json!("111122223333"),
            ),
            ("StringEqualsIfExists", "aws:SourceVpce", json!("vpce-1")),
            (
                "ForAllValues:StringEquals",
                "aws:SourceVpce",
                json!(["vpce-1"]),
            ),
            ("StringEquals", "s3:prefix", json!("home/")),
        ];
        for (op, key, value) in public {
            let policy = s3_allow(Some(json!({op: {key: value.clone()}})));
            assert!(exposure(&policy).public, "{op} {key} {value}");
        }
        assert!(exposure(&s3_allow(None)).public);
    }

    #[test]
    fn statements_principals_and_messages() {
        // Fixed source IPs: the message says why it is not public.
        let policy = s3_allow(Some(json!({"IpAddress": {"aws:SourceIp": "10.0.0.25/32"}})));
        assert_eq!(
            exposure(&policy).why,
            "the policy allows everyone only from 10.0.0.25/32: not public"
        );
        // Several statements: one public statement is enough.
        let two = json!({"Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}},
            {"Sid": "Open", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:ListBucket"}
        ]});
        let e = exposure(&two);
        assert!(e.public);
        assert!(
            e.why.starts_with("statement Open allows everyone"),
            "{}",
            e.why
        );
        // NotPrincipal with Allow grants everyone else.
        let not_principal = json!({"Statement": [{"Effect": "Allow",
            "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject"}]});
        assert!(exposure(&not_principal).public);
        // Deny statements make nothing public.
        let deny = json!({"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
            {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::1:root"}, "Action": "s3:*"}]});
        assert_eq!(
            exposure(&deny),
            Exposure {
                public: false,
                why: "no statement allows everyone".into()
            }
        );
        // A named principal or a service is not everyone.
        let named = json!({"Statement": [{"Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject"}]});
        assert!(!exposure(&named).public);
    }
}
