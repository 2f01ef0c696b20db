//! S3: the account's Block Public Access and, per bucket, the configuration
//! reads the S3 checks judge. Each bucket is read through a client of its own
//! region; the reads of all buckets run concurrently, bounded by [`Calls`].

use std::collections::{BTreeMap, HashMap};

use aws_config::{Region, SdkConfig};
use aws_sdk_s3::types::{BucketVersioningStatus, ExpirationStatus, MfaDeleteStatus};
use aws_sdk_s3::Client;
use futures::stream::{self, StreamExt};
use lakelint_checks::model::{
    Account, Bucket, BucketEncryption, Gap, LifecycleRule, LoggingTarget, Observed,
    PublicAccessBlock, ReplicationRule, S3Inventory, Unobserved, Versioning,
};

use crate::crawl::aws::FixedEndpoint;
use crate::crawl::calls::absent_when;
use crate::crawl::{in_region, Calls};

pub struct Collector<'a> {
    pub sdk: &'a SdkConfig,
    pub calls: &'a Calls,
    pub account: &'a Account,
    pub regions: &'a [String],
    /// Emulators serve buckets by path, not by virtual host.
    pub path_style: bool,
}

/// A bucket from ListBuckets, before its configuration is read.
struct Listed {
    name: String,
    region: Observed<String>,
}

impl Collector<'_> {
    /// The S3 inventory, and a gap when the buckets could not be listed.
    pub async fn collect(&self) -> (S3Inventory, Vec<Gap>) {
        let (account_public_access_block, buckets) =
            tokio::join!(self.account_public_access_block(), self.buckets());
        let ((buckets, account_bucket_names), gap) = match buckets {
            Ok(found) => (found, Vec::new()),
            Err(reason) => {
                tracing::warn!(%reason, "cannot list S3 buckets");
                let gap = Gap {
                    account_id: None,
                    service: "s3".into(),
                    region: None,
                    reason,
                };
                ((Vec::new(), Vec::new()), vec![gap])
            }
        };
        let inventory = S3Inventory {
            account_public_access_block,
            buckets,
            account_bucket_names,
        };
        (inventory, gap)
    }

    fn client(&self, region: &str) -> Client {
        let config = aws_sdk_s3::config::Builder::from(self.sdk)
            .region(Region::new(region.to_string()))
            .force_path_style(self.path_style)
            .build();
        Client::from_conf(config)
    }

    async fn account_public_access_block(&self) -> Observed<Option<PublicAccessBlock>> {
        let mut config = aws_sdk_s3control::config::Builder::from(self.sdk);
        if let Some(url) = self.sdk.endpoint_url() {
            config = config.endpoint_resolver(FixedEndpoint(url.to_string()));
        }
        let client = aws_sdk_s3control::Client::from_conf(config.build());
        let result = self
            .calls
            .run(
                "s3control:GetPublicAccessBlock",
                client
                    .get_public_access_block()
                    .account_id(&self.account.account_id)
                    .send(),
            )
            .await
            .map(|out| {
                out.public_access_block_configuration()
                    .map(|c| PublicAccessBlock {
                        block_public_acls: c.block_public_acls().unwrap_or(false),
                        ignore_public_acls: c.ignore_public_acls().unwrap_or(false),
                        block_public_policy: c.block_public_policy().unwrap_or(false),
                        restrict_public_buckets: c.restrict_public_buckets().unwrap_or(false),
                    })
            });
        absent_when(result, &["NoSuchPublicAccessBlockConfiguration"])
            .map(Option::flatten)
            .into()
    }

    /// The buckets in scope with their configuration, and every bucket name.
    async fn buckets(&self) -> Result<(Vec<Bucket>, Vec<String>), Unobserved> {
        let home = self
            .sdk
            .region()
            .map(|r| r.to_string())
            .unwrap_or_else(|| self.regions[0].clone());
        let listed = self.list_buckets(&home).await?;
        let account_bucket_names = listed.iter().map(|b| b.name.clone()).collect();
        // Buckets outside the selected regions are not this scan's; a bucket
        // whose region is unknown is kept so nothing is lost silently.
        let in_scope: Vec<Listed> = listed
            .into_iter()
            .filter(|b| b.region.known().is_none_or(|r| self.regions.contains(r)))
            .collect();
        let clients: HashMap<String, Client> = in_scope
            .iter()
            .map(|b| b.region.known().cloned().unwrap_or_else(|| home.clone()))
            .map(|region| (region.clone(), self.client(&region)))
            .collect();
        let mut buckets: Vec<Bucket> = stream::iter(in_scope)
            .map(|b| {
                let region = b.region.known().cloned().unwrap_or_else(|| home.clone());
                in_region(&region, self.bucket(&clients[&region], b))
            })
            .buffer_unordered(64)
            .collect()
            .await;
        buckets.sort_by(|a, b| a.name.cmp(&b.name));
        Ok((buckets, account_bucket_names))
    }

    /// Every page of ListBuckets, with each bucket's region.
    async fn list_buckets(&self, home: &str) -> Result<Vec<Listed>, Unobserved> {
        let client = self.client(home);
        let listed = self
            .calls
            .pages(
                "s3:ListBuckets",
                |token| client.list_buckets().set_continuation_token(token).send(),
                |page| {
                    let buckets = page
                        .buckets()
                        .iter()
                        .filter_map(|b| {
                            Some((b.name()?.to_string(), b.bucket_region().map(str::to_string)))
                        })
                        .collect();
                    (buckets, page.continuation_token().map(str::to_string))
                },
            )
            .await?;
        // ListBuckets returns BucketRegion on AWS; where an endpoint does not,
        // ask each bucket, concurrently.
        let located = stream::iter(listed)
            .map(|(name, region)| async {
                let region = match region {
                    Some(region) => Observed::Known(region),
                    None => self.bucket_location(&client, &name).await.into(),
                };
                Listed { name, region }
            })
            .buffer_unordered(64)
            .collect()
            .await;
        Ok(located)
    }

    async fn bucket_location(&self, client: &Client, name: &str) -> Result<String, Unobserved> {
        let out = self
            .calls
            .run(
                "s3:GetBucketLocation",
                client.get_bucket_location().bucket(name).send(),
            )
            .await?;
        // An empty constraint means us-east-1; `EU` is the legacy name of eu-west-1.
        Ok(match out.location_constraint().map(|c| c.as_str()) {
            None | Some("") => "us-east-1".to_string(),
            Some("EU") => "eu-west-1".to_string(),
            Some(other) => other.to_string(),
        })
    }

    async fn bucket(&self, client: &Client, listed: Listed) -> Bucket {
        let name = listed.name.as_str();
        let calls = self.calls;
        let (
            public_access_block,
            policy,
            encryption,
            logging,
            versioning,
            lifecycle,
            intelligent_tiering,
            replication,
            tags,
        ) = tokio::join!(
            async {
                let r = calls
                    .run(
                        "s3:GetPublicAccessBlock",
                        client.get_public_access_block().bucket(name).send(),
                    )
                    .await
                    .map(|out| {
                        out.public_access_block_configuration()
                            .map(|c| PublicAccessBlock {
                                block_public_acls: c.block_public_acls().unwrap_or(false),
                                ignore_public_acls: c.ignore_public_acls().unwrap_or(false),
                                block_public_policy: c.block_public_policy().unwrap_or(false),
                                restrict_public_buckets: c
                                    .restrict_public_buckets()
                                    .unwrap_or(false),
                            })
                    });
                absent_when(r, &["NoSuchPublicAccessBlockConfiguration"]).map(Option::flatten)
            },
            async {
                let r = calls
                    .run(
                        "s3:GetBucketPolicy",
                        client.get_bucket_policy().bucket(name).send(),
                    )
                    .await
                    .map(|out| out.policy().map(str::to_string));
                absent_when(r, &["NoSuchBucketPolicy"]).map(Option::flatten)
            },
            async {
                let r = calls
                    .run(
                        "s3:GetBucketEncryption",
                        client.get_bucket_encryption().bucket(name).send(),
                    )
                    .await
                    .map(|out| {
                        let rule = out
                            .server_side_encryption_configuration()?
                            .rules()
                            .first()?;
                        let default = rule.apply_server_side_encryption_by_default()?;
                        Some(BucketEncryption {
                            algorithm: default.sse_algorithm().as_str().to_string(),
                            kms_key_id: default.kms_master_key_id().map(str::to_string),
                            bucket_key_enabled: rule.bucket_key_enabled().unwrap_or(false),
                        })
                    });
                absent_when(r, &["ServerSideEncryptionConfigurationNotFoundError"])
                    .map(Option::flatten)
            },
            async {
                calls
                    .run(
                        "s3:GetBucketLogging",
                        client.get_bucket_logging().bucket(name).send(),
                    )
                    .await
                    .map(|out| {
                        out.logging_enabled().map(|l| LoggingTarget {
                            target_bucket: l.target_bucket().to_string(),
                            target_prefix: l.target_prefix().to_string(),
                        })
                    })
            },
            async {
                calls
                    .run(
                        "s3:GetBucketVersioning",
                        client.get_bucket_versioning().bucket(name).send(),
                    )
                    .await
                    .map(|out| Versioning {
                        status: out.status().map(|s| match s {
                            BucketVersioningStatus::Enabled => "Enabled".to_string(),
                            other => other.as_str().to_string(),
                        }),
                        mfa_delete: out.mfa_delete() == Some(&MfaDeleteStatus::Enabled),
                    })
            },
            async {
                let r = calls
                    .run(
                        "s3:GetBucketLifecycleConfiguration",
                        client
                            .get_bucket_lifecycle_configuration()
                            .bucket(name)
                            .send(),
                    )
                    .await
                    .map(|out| out.rules().iter().map(lifecycle_rule).collect::<Vec<_>>());
                absent_when(r, &["NoSuchLifecycleConfiguration"]).map(Option::unwrap_or_default)
            },
            self.intelligent_tiering(client, name),
            async {
                let r = calls
                    .run(
                        "s3:GetBucketReplication",
                        client.get_bucket_replication().bucket(name).send(),
                    )
                    .await
                    .map(|out| {
                        out.replication_configuration()
                            .map(|c| c.rules().iter().map(replication_rule).collect::<Vec<_>>())
                            .unwrap_or_default()
                    });
                absent_when(r, &["ReplicationConfigurationNotFoundError"])
                    .map(Option::unwrap_or_default)
            },
            async {
                let r = calls
                    .run(
                        "s3:GetBucketTagging",
                        client.get_bucket_tagging().bucket(name).send(),
                    )
                    .await
                    .map(|out| {
                        out.tag_set()
                            .iter()
                            .map(|t| (t.key().to_string(), t.value().to_string()))
                            .collect::<BTreeMap<_, _>>()
                    });
                absent_when(r, &["NoSuchTagSet"]).map(Option::unwrap_or_default)
            },
        );
        Bucket {
            arn: format!("arn:{}:s3:::{}", self.account.partition, listed.name),
            name: listed.name,
            region: listed.region,
            roles: Vec::new(),
            public_access_block: public_access_block.into(),
            policy: policy.into(),
            encryption: encryption.into(),
            logging: logging.into(),
            versioning: versioning.into(),
            lifecycle: lifecycle.into(),
            intelligent_tiering: intelligent_tiering.into(),
            replication: replication.into(),
            tags: tags.into(),
        }
    }

    /// Enabled Intelligent-Tiering configuration ids, every page.
    async fn intelligent_tiering(
        &self,
        client: &Client,
        name: &str,
    ) -> Result<Vec<String>, Unobserved> {
        self.calls
            .pages(
                "s3:ListBucketIntelligentTieringConfigurations",
                |token| {
                    client
                        .list_bucket_intelligent_tiering_configurations()
                        .bucket(name)
                        .set_continuation_token(token)
                        .send()
                },
                |page| {
                    let ids = page
                        .intelligent_tiering_configuration_list()
                        .iter()
                        .filter(|c| c.status().as_str() == "Enabled")
                        .map(|c| c.id().to_string())
                        .collect();
                    let next = (page.is_truncated() == Some(true))
                        .then(|| page.next_continuation_token().map(str::to_string))
                        .flatten();
                    (ids, next)
                },
            )
            .await
    }
}

fn lifecycle_rule(rule: &aws_sdk_s3::types::LifecycleRule) -> LifecycleRule {
    LifecycleRule {
        id: rule.id().unwrap_or_default().to_string(),
        enabled: rule.status() == &ExpirationStatus::Enabled,
        transitions: rule
            .transitions()
            .iter()
            .filter_map(|t| t.storage_class().map(|c| c.as_str().to_string()))
            .collect(),
        noncurrent_expiration_days: rule
            .noncurrent_version_expiration()
            .and_then(|e| e.noncurrent_days()),
        abort_incomplete_multipart_days: rule
            .abort_incomplete_multipart_upload()
            .and_then(|a| a.days_after_initiation()),
    }
}

fn replication_rule(rule: &aws_sdk_s3::types::ReplicationRule) -> ReplicationRule {
    ReplicationRule {
        id: rule.id().unwrap_or_default().to_string(),
        enabled: rule.status().as_str() == "Enabled",
        destination_bucket: rule
            .destination()
            .map(|d| d.bucket().to_string())
            .unwrap_or_default(),
    }
}
