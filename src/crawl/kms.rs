//! KMS, per region: every key (AWS-managed ones too, so references to them
//! resolve) and alias; the policy of customer-managed keys, and their rotation
//! status only where rotation exists.

use aws_sdk_kms::Client;
use futures::stream::{self, StreamExt};
use lakelint_checks::model::{
    KmsAlias, KmsInventory, KmsKey, KmsRegion, Regional, Undescribed, Unobserved,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Keys read at once per region (calls are bounded by the call gate too).
const KEYS_IN_FLIGHT: usize = 16;

/// Collects KMS, region by region.
pub(crate) struct Kms;

/// Once per key, AWS-managed ones too, so references to them resolve.
const KEY: Per = Per::new("KMS key", |inventory| {
    per_region(inventory.kms.as_ref(), |r| r.keys.len())
});

/// Once per customer-managed key.
const CUSTOMER_KEY: Per = Per::new("customer-managed key", |inventory| {
    per_region(inventory.kms.as_ref(), |r| {
        r.keys.iter().filter(|k| k.is_customer_managed()).count()
    })
});

impl Collector for Kms {
    type Section = KmsInventory;
    type Part = KmsRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read("kms:DescribeKey", KEY, &["kms.*"]),
        Action::read("kms:GetKeyPolicy", CUSTOMER_KEY, &["kms.key_policy_public"]),
        Action::read(
            "kms:GetKeyRotationStatus",
            CUSTOMER_KEY,
            &["kms.key_rotation"],
        ),
        Action::read(
            "kms:ListAliases",
            Per::REGION,
            &["kms.key_in_use_usable", "kms.key_pending_deletion"],
        ),
        Action::read("kms:ListKeys", Per::REGION, &["kms.*"]),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> KmsRegion {
        let reader = Reader {
            scan,
            region,
            client: Client::new(&scan.sdk_in(region)),
        };
        let (keys, aliases) = tokio::join!(reader.keys(), reader.aliases());
        // A key that could not be described (its key policy may deny the
        // scanner) gets UNKNOWN findings of its own rather than verdicts on guesses.
        let (keys, undescribed) = match keys {
            Ok(found) => found,
            Err(reason) => {
                gaps.add(reason);
                (Vec::new(), Vec::new())
            }
        };
        KmsRegion {
            region: region.into(),
            keys,
            undescribed,
            aliases: gaps.keep(aliases),
        }
    }

    fn assemble(regions: Vec<KmsRegion>) -> KmsInventory {
        Regional { regions }
    }
}

/// Reads one region's keys and aliases.
struct Reader<'a> {
    scan: &'a Scan<'a>,
    region: &'a str,
    client: Client,
}

impl Reader<'_> {
    /// The keys, and those listed that could not be described.
    async fn keys(&self) -> Result<(Vec<KmsKey>, Vec<Undescribed>), Unobserved> {
        let ids = self
            .scan
            .calls
            .pages(
                "kms:ListKeys",
                |marker| {
                    self.client
                        .list_keys()
                        .limit(1000)
                        .set_marker(marker)
                        .send()
                },
                |page| {
                    let ids = page
                        .keys()
                        .iter()
                        .filter_map(|k| {
                            Some((k.key_id()?.to_string(), k.key_arn().map(str::to_string)))
                        })
                        .collect();
                    (
                        ids,
                        page.truncated()
                            .then(|| page.next_marker().map(str::to_string))
                            .flatten(),
                    )
                },
            )
            .await?;
        let described: Vec<(String, Option<String>, Result<KmsKey, Unobserved>)> =
            stream::iter(ids)
                .map(|(id, arn)| async move {
                    let key = self.key(id.clone()).await;
                    (id, arn, key)
                })
                .buffer_unordered(KEYS_IN_FLIGHT)
                .collect()
                .await;
        let (mut keys, mut failed) = (Vec::new(), Vec::new());
        for (id, arn, result) in described {
            match result {
                Ok(key) => keys.push(key),
                Err(reason) => failed.push(Undescribed {
                    arn: arn
                        .unwrap_or_else(|| self.scan.arn("kms", self.region, &format!("key/{id}"))),
                    id,
                    reason,
                }),
            }
        }
        keys.sort_by(|a, b| a.id.cmp(&b.id));
        failed.sort_by(|a, b| a.id.cmp(&b.id));
        Ok((keys, failed))
    }

    async fn key(&self, id: String) -> Result<KmsKey, Unobserved> {
        let out = self
            .scan
            .calls
            .run("kms:DescribeKey", || {
                self.client.describe_key().key_id(&id).send()
            })
            .await
            .map_err(|u| u.with_message(format!("key {id} could not be described")))?;
        let meta = out.key_metadata();
        // A key whose ARN, manager or state is not reported cannot be judged
        // at all: it becomes a gap of its region, like a key not described.
        let required = |value: Option<&str>, field: &str| {
            value.map(str::to_string).ok_or_else(|| {
                Unobserved::not_reported("kms:DescribeKey", field)
                    .with_message(format!("key {id} was described without {field}"))
            })
        };
        let mut key = KmsKey {
            arn: required(meta.and_then(|m| m.arn()), "Arn")?,
            manager: required(
                meta.and_then(|m| m.key_manager()).map(|m| m.as_str()),
                "KeyManager",
            )?,
            state: required(
                meta.and_then(|m| m.key_state()).map(|s| s.as_str()),
                "KeyState",
            )?,
            // Whether rotation applies depends on both.
            spec: required(
                meta.and_then(|m| m.key_spec()).map(|s| s.as_str()),
                "KeySpec",
            )?,
            origin: required(meta.and_then(|m| m.origin()).map(|o| o.as_str()), "Origin")?,
            deletion_date: meta.and_then(|m| m.deletion_date()).map(|d| d.to_string()),
            rotation_enabled: None,
            policy: None,
            id,
        };
        if key.is_customer_managed() {
            let (policy, rotation) = tokio::join!(
                self.scan.calls.run(
                    "kms:GetKeyPolicy",
                    || // Without the policy name some endpoints answer NotFound.
                    self.client
                        .get_key_policy()
                        .key_id(&key.id)
                        .policy_name("default")
                        .send(),
                ),
                async {
                    if !key.rotation_applies() {
                        return None;
                    }
                    let status = self
                        .scan
                        .calls
                        .run("kms:GetKeyRotationStatus", || {
                            self.client.get_key_rotation_status().key_id(&key.id).send()
                        })
                        .await
                        // The API models KeyRotationEnabled as a required
                        // Boolean (the SDK's accessor is a plain bool).
                        .map(|out| out.key_rotation_enabled());
                    Some(status)
                },
            );
            key.policy = Some(
                policy
                    .and_then(|p| {
                        p.policy()
                            .map(str::to_string)
                            .ok_or_else(|| Unobserved::not_reported("kms:GetKeyPolicy", "Policy"))
                    })
                    .into(),
            );
            key.rotation_enabled = rotation.map(Into::into);
        }
        Ok(key)
    }

    async fn aliases(&self) -> Result<Vec<KmsAlias>, Unobserved> {
        self.scan
            .calls
            .pages(
                "kms:ListAliases",
                |marker| {
                    self.client
                        .list_aliases()
                        .limit(100)
                        .set_marker(marker)
                        .send()
                },
                |page| {
                    let aliases = page
                        .aliases()
                        .iter()
                        .map(|a| KmsAlias {
                            name: a.alias_name().unwrap_or_default().to_string(),
                            arn: a.alias_arn().unwrap_or_default().to_string(),
                            target_key_id: a.target_key_id().map(str::to_string),
                        })
                        .collect();
                    (
                        aliases,
                        page.truncated()
                            .then(|| page.next_marker().map(str::to_string))
                            .flatten(),
                    )
                },
            )
            .await
    }
}
