//! KMS key references, resolved in one place: a key id, a key ARN, an alias
//! name and an alias ARN all lead to the same key. Which resources use a key,
//! each section says for itself ([`crate::engine::references::References`]).

use crate::model::{Inventory, KmsKey, Service, Unobserved};

/// Where a key reference leads.
#[derive(Debug, PartialEq, Eq)]
pub enum KeyLookup<'a> {
    /// The key the reference names.
    Found(&'a KmsKey),
    /// In a scanned account and region, but no such key or alias exists.
    Missing,
    /// Not found, but the region's keys could not all be read.
    Unreadable(Unobserved),
    /// Another account's key, or a region this scan did not read.
    Elsewhere,
    /// KMS was not part of the scan.
    NotScanned,
}

/// Resolves `reference` as the service that holds it would, in `region`.
pub fn resolve<'a>(inventory: &'a Inventory, reference: &str, region: &str) -> KeyLookup<'a> {
    let Some(kms) = &inventory.kms else {
        return KeyLookup::NotScanned;
    };
    let (region, resource) = match reference.strip_prefix("arn:") {
        Some(arn) => {
            // arn:PARTITION:kms:REGION:ACCOUNT:key/ID or …:alias/NAME
            let parts: Vec<&str> = arn.splitn(5, ':').collect();
            let [_, _, region, account, resource] = parts[..] else {
                return KeyLookup::Missing;
            };
            if account != inventory.account.account_id {
                return KeyLookup::Elsewhere;
            }
            (region, resource)
        }
        None => (region, reference),
    };
    let Some(scanned) = kms.regions.iter().find(|r| r.region == region) else {
        return KeyLookup::Elsewhere;
    };
    let key_id = match resource.strip_prefix("key/") {
        Some(id) => Some(id),
        None if resource.starts_with("alias/") => scanned
            .aliases
            .iter()
            .find(|a| a.name == resource)
            .and_then(|a| a.target_key_id.as_deref()),
        None => Some(resource),
    };
    let found = key_id.and_then(|id| scanned.keys.iter().find(|k| k.id == id));
    if let Some(key) = found {
        return KeyLookup::Found(key);
    }
    if let Some(u) = key_id.and_then(|id| scanned.undescribed.iter().find(|u| u.id == id)) {
        return KeyLookup::Unreadable(u.reason.clone());
    }
    match inventory.gap(Service::Kms, Some(region)) {
        Some(gap) => KeyLookup::Unreadable(gap.reason.clone()),
        None => KeyLookup::Missing,
    }
}

pub use crate::engine::references::KeyUse;

/// Every use of a KMS key the inventory records.
pub fn key_uses(inventory: &Inventory) -> Vec<KeyUse> {
    crate::engine::references::key_uses(inventory)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{KmsAlias, KmsInventory, KmsRegion};
    use crate::testing::{inventory, kms_key};

    fn with_keys() -> Inventory {
        let mut inv = inventory(vec![]);
        inv.kms = Some(KmsInventory {
            regions: vec![KmsRegion {
                region: "us-east-1".into(),
                keys: vec![kms_key("k1", "Enabled")],
                aliases: vec![KmsAlias {
                    name: "alias/lake".into(),
                    arn: "arn:aws:kms:us-east-1:123456789012:alias/lake".into(),
                    target_key_id: Some("k1".into()),
                }],
                undescribed: vec![],
            }],
        });
        inv
    }

    #[test]
    fn every_reference_form_finds_the_key() {
        let inv = with_keys();
        for reference in [
            "k1",
            "arn:aws:kms:us-east-1:123456789012:key/k1",
            "alias/lake",
            "arn:aws:kms:us-east-1:123456789012:alias/lake",
        ] {
            match resolve(&inv, reference, "us-east-1") {
                KeyLookup::Found(key) => assert_eq!(key.id, "k1", "{reference}"),
                other => panic!("{reference}: {other:?}"),
            }
        }
    }

    #[test]
    fn other_places_and_missing_keys() {
        let inv = with_keys();
        assert_eq!(resolve(&inv, "k2", "us-east-1"), KeyLookup::Missing);
        assert_eq!(resolve(&inv, "alias/gone", "us-east-1"), KeyLookup::Missing);
        assert_eq!(resolve(&inv, "k1", "eu-west-1"), KeyLookup::Elsewhere);
        let mut partial = with_keys();
        let reason = crate::testing::denied("kms:DescribeKey");
        partial.scan.gaps.push(crate::model::Gap {
            account_id: None,
            service: Service::Kms,
            region: Some("us-east-1".into()),
            reason: reason.clone(),
            checks: vec![],
        });
        assert_eq!(
            resolve(&partial, "k2", "us-east-1"),
            KeyLookup::Unreadable(reason)
        );
        assert_eq!(
            resolve(
                &inv,
                "arn:aws:kms:us-east-1:999999999999:key/k1",
                "us-east-1"
            ),
            KeyLookup::Elsewhere
        );
        assert_eq!(
            resolve(&inventory(vec![]), "k1", "us-east-1"),
            KeyLookup::NotScanned
        );
    }
}
