//! The KMS checks of this pillar: keys that are going away, and what still uses them.

use crate::engine::check::{Context, Judgement};
use crate::engine::resource::{undescribed, Resource};
use crate::findings::finding::{Outcome, ResourceRef, Severity};
use crate::interpret::kms_refs::{key_uses, resolve, KeyLookup};
use crate::model::KmsKey;

crate::checks! {
    "kms.key_pending_deletion" {
        title: "Customer-managed KMS key is not pending deletion",
        resource: "AwsKmsKey",
        severity: High,
        also: [Security],
        security_hub: "KMS.3",
        practice: "REL09-BP02",
        rationale: "When the waiting period ends, everything encrypted under the key is \
            unreadable for good; critical when a scanned resource still uses it.",
        remediation: "Cancel the deletion unless nothing encrypted under the key is needed.",
        cli: "aws kms cancel-key-deletion --key-id <key-id>",
        judge: key_pending_deletion,
    }
    "kms.key_in_use_usable" {
        title: "Resources use KMS keys that are enabled",
        resource: "AwsKmsKey",
        severity: Critical,
        practice: "REL09-BP02",
        rationale: "A bucket, cluster, trail or Glue configuration whose key is disabled \
            or scheduled for deletion cannot read or write its data.",
        remediation: "Re-enable the key (or cancel its deletion), or move the resource to \
            an enabled key.",
        cli: "aws kms enable-key --key-id <key-id>",
        judge: key_in_use_usable,
    }
}

fn key_pending_deletion(cx: &Context) -> Vec<Judgement> {
    let uses = key_uses(cx.inventory);
    let mut out = Vec::new();
    {
        for (key, region) in KmsKey::all(cx.inventory) {
            let resource = key.reference(region, cx.inventory);
            if !key.is_pending_deletion() {
                out.push(Judgement {
                    resource,
                    outcome: Outcome::Pass(format!("key is {}", key.state).into()),
                    severity: None,
                });
                continue;
            }
            let users: Vec<&str> = uses
                .iter()
                .filter(|u| matches!(resolve(cx.inventory, &u.key, &u.region), KeyLookup::Found(k) if k.arn == key.arn))
                .map(|u| u.purpose.as_str())
                .collect();
            let when = key
                .deletion_date
                .as_ref()
                .map(|d| format!(" (deleted on {d})"))
                .unwrap_or_default();
            let (message, severity) = if users.is_empty() {
                (format!("key is pending deletion{when}"), None)
            } else {
                let message = format!(
                    "key is pending deletion{when} and still used by: {}",
                    users.join("; ")
                );
                (message, Some(Severity::Critical))
            };
            out.push(Judgement {
                resource,
                outcome: Outcome::Fail(message.into()),
                severity,
            });
        }
    }
    // Keys listed but not described: their state is unknown.
    out.extend(undescribed::<KmsKey>(cx.inventory));
    out
}

fn key_in_use_usable(cx: &Context) -> Vec<Judgement> {
    // One finding per resource: a resource that uses several keys (a Glue
    // security configuration, a Data Catalog) gets the worst verdict, and the
    // message names every setting that decides it.
    let mut by_user: Vec<(ResourceRef, Vec<Outcome>)> = Vec::new();
    for u in key_uses(cx.inventory) {
        let outcome = match resolve(cx.inventory, &u.key, &u.region) {
            KeyLookup::Found(key) if key.state == "Enabled" => {
                Outcome::Pass(format!("{} uses enabled key {}", u.purpose, key.id).into())
            }
            KeyLookup::Found(key) => Outcome::Fail(
                format!("{} uses key {}, which is {}", u.purpose, key.id, key.state).into(),
            ),
            KeyLookup::Unreadable(reason) => Outcome::Unknown(reason),
            KeyLookup::Missing => Outcome::Fail(
                format!(
                    "{} names key {}, which does not exist in {}: no such key or alias \
                     (deleted, or a wrong reference)",
                    u.purpose, u.key, u.region
                )
                .into(),
            ),
            // Another account's key, or KMS not scanned: nothing to judge here.
            KeyLookup::Elsewhere | KeyLookup::NotScanned => continue,
        };
        match by_user.iter_mut().find(|(user, _)| *user == u.user) {
            Some((_, outcomes)) => outcomes.push(outcome),
            None => by_user.push((u.user, vec![outcome])),
        }
    }
    by_user
        .into_iter()
        .map(|(resource, outcomes)| Judgement {
            resource,
            outcome: worst(outcomes),
            severity: None,
        })
        .collect()
}

/// FAIL when any use fails (naming each failing one), else UNKNOWN when any
/// is unknown, else PASS (naming each).
fn worst(outcomes: Vec<Outcome>) -> Outcome {
    let texts = |wanted: fn(&Outcome) -> Option<&str>| -> Vec<String> {
        outcomes
            .iter()
            .filter_map(wanted)
            .map(str::to_string)
            .collect()
    };
    let failing = texts(|o| match o {
        Outcome::Fail(m) => Some(m),
        _ => None,
    });
    if !failing.is_empty() {
        return Outcome::Fail(failing.join("; ").into());
    }
    if let Some(Outcome::Unknown(reason)) =
        outcomes.iter().find(|o| matches!(o, Outcome::Unknown(_)))
    {
        return Outcome::Unknown(reason.clone());
    }
    Outcome::Pass(
        texts(|o| match o {
            Outcome::Pass(m) => Some(m),
            _ => None,
        })
        .join("; ")
        .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn encrypted(name: &str, key: &str) -> Bucket {
        let mut b = bare_bucket(name, "us-east-1");
        b.encryption = Observed::Known(Some(BucketEncryption {
            algorithm: "aws:kms".into(),
            kms_key_id: Some(key.into()),
            bucket_key_enabled: true,
        }));
        b
    }

    #[test]
    fn pending_deletion_is_critical_when_in_use() {
        let id = "kms.key_pending_deletion";
        let inv = with_kms(
            inventory(vec![encrypted(
                "lake",
                "arn:aws:kms:us-east-1:123456789012:key/doomed",
            )]),
            vec![
                kms_key("fine", "Enabled"),
                kms_key("doomed", "PendingDeletion"),
                kms_key("unused", "PendingDeletion"),
            ],
        );
        let config = crate::findings::config::Config::default();
        let roles = crate::engine::roles::Roles::of(&inv, &config);
        let cx = Context {
            inventory: &inv,
            config: &config,
            roles: &roles,
        };
        let out = key_pending_deletion(&cx);
        let by_id = |id: &str| out.iter().find(|j| j.resource.id == id).unwrap();
        assert_eq!(by_id("fine").outcome.status(), Pass);
        assert_eq!(by_id("doomed").outcome.status(), Fail);
        assert_eq!(by_id("doomed").severity, Some(Severity::Critical));
        assert_eq!(by_id("unused").outcome.status(), Fail);
        assert_eq!(by_id("unused").severity, None);
        assert_eq!(run(id, &inv).len(), 3);
    }

    #[test]
    fn uses_of_unusable_keys_fail_and_name_both_sides() {
        let id = "kms.key_in_use_usable";
        let inv = with_kms(
            inventory(vec![
                encrypted("dangling", "alias/gone"),
                encrypted("disabled", "off"),
                encrypted("pending", "arn:aws:kms:us-east-1:123456789012:key/doomed"),
                encrypted("good", "on"),
                encrypted("foreign", "arn:aws:kms:us-east-1:999999999999:key/x"),
            ]),
            vec![
                kms_key("on", "Enabled"),
                kms_key("off", "Disabled"),
                kms_key("doomed", "PendingDeletion"),
            ],
        );
        let out = run(id, &inv);
        let status = |bucket: &str| {
            out.iter()
                .find(|(n, ..)| n == bucket)
                .map(|(_, s, m)| (*s, m.clone()))
        };
        assert_eq!(status("good").unwrap().0, Pass);
        assert_eq!(
            status("disabled").unwrap(),
            (
                Fail,
                "default encryption of bucket disabled uses key off, which is Disabled".into()
            )
        );
        assert_eq!(status("pending").unwrap().0, Fail);
        // The alias does not exist: said as such, not as a key state.
        let (dangling, message) = status("dangling").unwrap();
        assert_eq!(dangling, Fail);
        assert!(
            message.contains("which does not exist in us-east-1: no such key or alias"),
            "{message}"
        );
        assert_eq!(status("foreign"), None);
    }

    /// One finding per resource: a Glue security configuration with one dead
    /// key among three fails once, naming the setting that uses it.
    #[test]
    fn one_finding_per_resource_the_worst_verdict() {
        let mut region = glue_region();
        let key = |id: &str| Some(format!("arn:aws:kms:us-east-1:123456789012:key/{id}"));
        let mut config = secure_configuration("mixed");
        config.s3.kms_key = key("k1");
        config.cloudwatch.kms_key = key("k2");
        config.job_bookmarks.kms_key = key("k3");
        region.security_configurations = Observed::Known(vec![config]);
        region.catalog_encryption = Observed::Known(CatalogEncryption {
            at_rest_mode: Observed::Known("SSE-KMS".into()),
            at_rest_kms_key: key("k1"),
            connection_password_encrypted: Observed::Known(true),
            connection_password_kms_key: key("k3"),
        });
        let inv = with_kms(
            glue_inventory(region),
            vec![
                kms_key("k1", "Enabled"),
                kms_key("k2", "Disabled"),
                kms_key("k3", "Enabled"),
            ],
        );
        let out = run("kms.key_in_use_usable", &inv);
        let mixed: Vec<_> = out.iter().filter(|(id, ..)| id == "mixed").collect();
        assert_eq!(mixed.len(), 1, "{out:?}");
        assert_eq!(mixed[0].1, Fail);
        assert_eq!(
            mixed[0].2,
            "CloudWatch encryption of Glue security configuration mixed uses key k2, which is Disabled"
        );
        // The catalog's two keys are both enabled: one PASS naming both.
        let catalog: Vec<_> = out.iter().filter(|(id, ..)| id == "123456789012").collect();
        assert_eq!(catalog.len(), 1, "{out:?}");
        assert_eq!(catalog[0].1, Pass);
        assert!(catalog[0].2.contains("metadata") && catalog[0].2.contains("connection password"));
    }
}
