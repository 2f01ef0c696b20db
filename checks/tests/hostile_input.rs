//! Policies, names, tags and arguments come from the account: untrusted. The
//! evaluators must not panic on any input, and finish quickly.

use lakelint_checks::interpret::pattern::wildcard_match;
use lakelint_checks::interpret::secrets::looks_like_secret;
use lakelint_checks::model::{Inventory, Observed};
use lakelint_checks::{evaluate, Config, Selection};
use proptest::prelude::*;
use serde_json::Value;

/// Any JSON document, policy-shaped more often than not.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "(\\*|Allow|Deny|s3:\\*|kms:\\*|aws:SecureTransport|false|true|[a-zA-Z:*]{0,12})"
            .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                "(Statement|Effect|Principal|AWS|Action|Condition|Bool|StringEquals|aws:PrincipalOrgID|[A-Za-z:]{1,10})",
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// An inventory whose one bucket has the given policy document and tags.
fn bucket_with(policy: String, tag_key: String, name: String) -> Inventory {
    const FIXTURE: &str = r#"{"schema_version":"2","account":{"account_id":"1","partition":"aws","caller_arn":"x"},
        "scan":{"regions":["us-east-1"],"services":["s3"],"started_at":"","finished_at":"","duration_ms":0,"api_calls":{"total":0,"by_action":{}}},
        "s3":{"account_public_access_block":{"known":null},"account_bucket_names":[],"buckets":[{
          "name":"b","arn":"arn:aws:s3:::b","region":{"known":"us-east-1"},
          "public_access_block":{"known":null},"policy":{"known":null},"encryption":{"known":null},
          "logging":{"known":null},"versioning":{"known":{"mfa_delete":false}},"lifecycle":{"known":[]},
          "intelligent_tiering":{"known":[]},"replication":{"known":[]},"tags":{"known":{}}}]}}"#;
    let mut inv: Inventory = serde_json::from_str(FIXTURE).expect("fixture inventory");
    let bucket = &mut inv.s3.as_mut().unwrap().buckets[0];
    bucket.policy = Observed::Known(Some(policy));
    bucket.tags = Observed::Known([(tag_key, "v".to_string())].into());
    bucket.name = name;
    inv
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn policy_documents_never_panic(doc in json_value()) {
        let inv = bucket_with(doc.to_string(), "owner".into(), "b".into());
        let findings = evaluate(&inv, &Config::default(), &Selection::default());
        prop_assert!(!findings.is_empty());
    }

    #[test]
    fn any_text_as_policy_tags_or_name(policy in ".{0,200}", tag in ".{0,40}", name in ".{0,63}") {
        let inv = bucket_with(policy, tag, name);
        let _ = evaluate(&inv, &Config::default(), &Selection::default());
    }

    #[test]
    fn secret_screening_takes_anything(key in ".{0,60}", value in ".{0,300}") {
        let _ = looks_like_secret(&key, &value);
    }

    #[test]
    fn wildcards_take_anything(pattern in "[a-z*]{0,40}", text in "[a-z]{0,400}") {
        let _ = wildcard_match(&pattern, &text);
    }

    #[test]
    fn mutelists_from_any_json(doc in json_value()) {
        let _ = serde_json::from_value::<Vec<lakelint_checks::findings::mutelist::MuteRule>>(doc);
    }
}
