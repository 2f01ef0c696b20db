//! KMS, per region: every key (AWS-managed ones too, so references to them
//! resolve) and alias; the policy of customer-managed keys, and their rotation
//! status only where rotation exists.

use aws_config::{Region, SdkConfig};
use aws_sdk_kms::Client;
use futures::stream::{self, StreamExt};
use lakelint_checks::model::{Gap, KmsAlias, KmsKey, KmsRegion, Unobserved};

use crate::crawl::{Calls, Gaps};

/// Keys read at once per region (calls are bounded by `Calls` too).
const KEYS_IN_FLIGHT: usize = 16;

pub struct Collector<'a> {
    pub sdk: &'a SdkConfig,
    pub calls: &'a Calls,
}

impl Collector<'_> {
    pub async fn collect(&self, region: &str) -> (KmsRegion, Vec<Gap>) {
        let config = aws_sdk_kms::config::Builder::from(self.sdk)
            .region(Region::new(region.to_string()))
            .build();
        let client = Client::from_conf(config);
        let (keys, aliases) = tokio::join!(self.keys(&client), self.aliases(&client));
        let mut gaps = Gaps::new("kms", region);
        // A key that could not be described (its key policy may deny the
        // scanner) is listed as a gap rather than judged on guesses.
        let keys = keys.map(|(keys, undescribed)| {
            undescribed.into_iter().for_each(|reason| gaps.add(reason));
            keys
        });
        let kms = KmsRegion {
            region: region.into(),
            keys: gaps.keep(keys),
            aliases: gaps.keep(aliases),
        };
        (kms, gaps.found)
    }

    /// The keys, and why any listed key could not be described.
    async fn keys(&self, client: &Client) -> Result<(Vec<KmsKey>, Vec<Unobserved>), Unobserved> {
        let ids = self
            .calls
            .pages(
                "kms:ListKeys",
                |marker| client.list_keys().set_marker(marker).send(),
                |page| {
                    let ids = page
                        .keys()
                        .iter()
                        .filter_map(|k| k.key_id().map(str::to_string))
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
        let described: Vec<Result<KmsKey, Unobserved>> = stream::iter(ids)
            .map(|id| self.key(client, id))
            .buffer_unordered(KEYS_IN_FLIGHT)
            .collect()
            .await;
        let (mut keys, mut failed) = (Vec::new(), Vec::new());
        for result in described {
            match result {
                Ok(key) => keys.push(key),
                Err(reason) => failed.push(reason),
            }
        }
        keys.sort_by(|a, b| a.id.cmp(&b.id));
        Ok((keys, failed))
    }

    async fn key(&self, client: &Client, id: String) -> Result<KmsKey, Unobserved> {
        let out = self
            .calls
            .run("kms:DescribeKey", client.describe_key().key_id(&id).send())
            .await
            .map_err(|u| u.with_message(format!("key {id} could not be described")))?;
        let meta = out.key_metadata();
        let text = |v: Option<&str>| v.unwrap_or_default().to_string();
        let mut key = KmsKey {
            arn: text(meta.and_then(|m| m.arn())),
            manager: text(meta.and_then(|m| m.key_manager()).map(|m| m.as_str())),
            state: text(meta.and_then(|m| m.key_state()).map(|s| s.as_str())),
            spec: meta
                .and_then(|m| m.key_spec())
                .map_or("SYMMETRIC_DEFAULT", |s| s.as_str())
                .to_string(),
            origin: meta
                .and_then(|m| m.origin())
                .map_or("AWS_KMS", |o| o.as_str())
                .to_string(),
            deletion_date: meta.and_then(|m| m.deletion_date()).map(|d| d.to_string()),
            rotation_enabled: None,
            policy: None,
            id,
        };
        if key.is_customer_managed() {
            let (policy, rotation) = tokio::join!(
                self.calls.run(
                    "kms:GetKeyPolicy",
                    // Without the policy name some endpoints answer NotFound.
                    client
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
                        .calls
                        .run(
                            "kms:GetKeyRotationStatus",
                            client.get_key_rotation_status().key_id(&key.id).send(),
                        )
                        .await
                        .map(|out| out.key_rotation_enabled());
                    Some(status)
                },
            );
            key.policy = Some(
                policy
                    .map(|p| p.policy().unwrap_or("{}").to_string())
                    .into(),
            );
            key.rotation_enabled = rotation.map(Into::into);
        }
        Ok(key)
    }

    async fn aliases(&self, client: &Client) -> Result<Vec<KmsAlias>, Unobserved> {
        self.calls
            .pages(
                "kms:ListAliases",
                |marker| client.list_aliases().set_marker(marker).send(),
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
