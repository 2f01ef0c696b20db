//! Every check of the catalog can say "could not see": on the demo
//! inventory, each gives at least one UNKNOWN finding when the inputs it
//! reads are made unknown, or, for checks that read only what a listing
//! always carries, when a listing that feeds it (by the actions table) fails.
//! A new check without an UNKNOWN case fails here.

mod support;

use lakelint::crawl::actions::all;
use lakelint_checks::engine::registry;
use lakelint_checks::interpret::pattern::wildcard_match;
use lakelint_checks::model::{Gap, Service, Unobserved, UnobservedKind};
use lakelint_checks::{evaluate, Config, Inventory, Selection, Status};
use serde_json::{json, Value};

/// Every `{"known": …}` becomes `{"unknown": …}`.
fn all_unknown(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.len() == 1 && map.contains_key("known") {
                *value = json!({"unknown": {"kind": "access_denied", "action": "test:Read"}});
                return;
            }
            map.values_mut().for_each(all_unknown);
        }
        Value::Array(items) => items.iter_mut().for_each(all_unknown),
        _ => {}
    }
}

fn unknown_for(inventory: &Inventory, id: &str) -> bool {
    let selection = Selection {
        checks: vec![id.to_string()],
        ..Selection::default()
    };
    evaluate(inventory, &Config::default(), &selection)
        .iter()
        .any(|f| f.check_id == id && f.status == Status::Unknown)
}

#[test]
fn every_check_has_an_unknown_case() {
    let text = std::fs::read_to_string(support::demo_inventory()).unwrap();
    let demo: Inventory = serde_json::from_str(&text).unwrap();
    assert_eq!(
        demo.scan.services,
        Service::ALL,
        "the demo inventory covers every service"
    );
    let mut value: Value = serde_json::from_str(&text).unwrap();
    all_unknown(&mut value);
    let unknown_inputs: Inventory = serde_json::from_value(value).unwrap();

    let mut without = Vec::new();
    for check in registry::all() {
        if unknown_for(&unknown_inputs, check.id) {
            continue;
        }
        // A failed listing that feeds the check, in the demo's first region.
        let region = demo.scan.regions[0].clone();
        let by_listing = all()
            .filter(|a| a.feeds.iter().any(|p| wildcard_match(p, check.id)))
            .filter(|a| a.per.name == "region" || a.per.name == "account")
            .any(|action| {
                let prefix = action.op.split(':').next().unwrap_or_default();
                let Some(service) = Service::ALL.iter().find(|s| s.iam_prefix() == prefix) else {
                    return false;
                };
                let mut inventory = demo.clone();
                inventory.scan.gaps.push(Gap {
                    account_id: None,
                    service: *service,
                    region: (action.per.name == "region").then(|| region.clone()),
                    reason: Unobserved::new(UnobservedKind::AccessDenied, action.op),
                    checks: action.feeds.iter().map(|p| p.to_string()).collect(),
                });
                unknown_for(&inventory, check.id)
            });
        if !by_listing {
            without.push(check.id);
        }
    }
    assert!(
        without.is_empty(),
        "checks with no UNKNOWN case: {without:?}"
    );
}
