//! S3: the account's Block Public Access and, per bucket, the configuration
//! reads the S3 checks judge. Each bucket is read through a client of its own
//! region; the reads of all buckets run concurrently, bounded by the call gate.

use std::collections::{BTreeMap, HashMap};

use aws_config::Region;
use aws_sdk_s3::types::{BucketVersioningStatus, ExpirationStatus, MfaDeleteStatus};
use aws_sdk_s3::Client;
use futures::stream::{self, StreamExt};
use lakelint_checks::model::{
    AclGrant, Bucket, BucketEncryption, Inventory, LifecycleRule, LoggingTarget, Observed,
    PublicAccessBlock, ReplicationRule, S3Inventory, Unobserved, Versioning,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::aws::FixedEndpoint;
use crate::crawl::calls::absent_when;
use crate::crawl::collector::{Collector, Gaps, Scan};
use crate::crawl::in_region;

/// The four Block Public Access settings of an S3 or S3 Control answer
/// (two SDK types of the same shape); a setting the answer omits is not
/// known to be off, so the configuration is then unknown.
macro_rules! public_access_block {
    ($config:expr, $op:expr) => {
        (|| {
            let setting = |value: Option<bool>, field: &str| {
                value.ok_or_else(|| Unobserved::not_reported($op, field))
            };
            Ok::<_, Unobserved>(PublicAccessBlock {
                block_public_acls: setting($config.block_public_acls(), "BlockPublicAcls")?,
                ignore_public_acls: setting($config.ignore_public_acls(), "IgnorePublicAcls")?,
                block_public_policy: setting($config.block_public_policy(), "BlockPublicPolicy")?,
                restrict_public_buckets: setting(
                    $config.restrict_public_buckets(),
                    "RestrictPublicBuckets",
                )?,
            })
        })()
    };
}

/// Collects S3 for the account.
pub(crate) struct S3;

/// Once per bucket of the scanned regions.
const BUCKET: Per = Per::new("bucket", |inventory| {
    inventory.s3.as_ref().map_or(0, |s| s.buckets.len() as u64)
});

/// Once per bucket a check must know to be public or not: a trail's bucket
/// of the scanned regions.
const TRAIL_BUCKET: Per = Per::new("trail bucket", |inventory| {
    trail_buckets(inventory).len() as u64
});

/// The scanned buckets a trail writes to: those whose publicness a check needs.
fn trail_buckets(inventory: &Inventory) -> Vec<String> {
    let (Some(s3), Some(cloudtrail)) = (&inventory.s3, &inventory.cloudtrail) else {
        return Vec::new();
    };
    let mut names: Vec<String> = cloudtrail
        .trails
        .iter()
        .filter_map(|t| t.s3_bucket.clone())
        .filter(|name| s3.buckets.iter().any(|b| &b.name == name))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Only for buckets whose region ListBuckets did not report (AWS reports it; moto does not).
const BUCKET_WITHOUT_LISTED_REGION: Per = Per::new(
    "bucket whose region ListBuckets did not give",
    |inventory| {
        inventory
            .s3
            .as_ref()
            .map_or(0, |s| s.account_bucket_names.len() as u64)
    },
);

impl Collector for S3 {
    type Section = S3Inventory;
    type Part = S3Inventory;

    const ACTIONS: &'static [Action] = &[
        Action::read_as(
            "s3:GetBucketEncryption",
            "s3:GetEncryptionConfiguration",
            BUCKET,
            &[
                "s3.bucket_kms_encryption",
                "s3.bucket_kms_bucket_key",
                "kms.key_in_use_usable",
            ],
        ),
        Action::read_as(
            "s3:GetBucketLifecycleConfiguration",
            "s3:GetLifecycleConfiguration",
            BUCKET,
            &[
                "s3.bucket_lifecycle",
                "s3.bucket_noncurrent_expiration",
                "s3.bucket_abort_multipart",
                "s3.bucket_cold_tiering",
                "athena.results_bucket_expiration",
            ],
        ),
        Action::read(
            "s3:GetBucketAcl",
            TRAIL_BUCKET,
            &["cloudtrail.trail_bucket_protected"],
        ),
        Action::read(
            "s3:GetBucketLocation",
            BUCKET_WITHOUT_LISTED_REGION,
            &["s3.*"],
        ),
        Action::read(
            "s3:GetBucketLogging",
            BUCKET,
            &[
                "s3.bucket_access_logging",
                "cloudtrail.trail_bucket_protected",
            ],
        ),
        Action::read(
            "s3:GetBucketPolicy",
            BUCKET,
            &[
                "s3.bucket_secure_transport",
                "cloudtrail.trail_bucket_protected",
            ],
        ),
        Action::read(
            "s3:GetBucketPolicyStatus",
            TRAIL_BUCKET,
            &["cloudtrail.trail_bucket_protected"],
        ),
        Action::read_as(
            "s3:GetBucketReplication",
            "s3:GetReplicationConfiguration",
            BUCKET,
            &["s3.bucket_replication"],
        ),
        Action::read("s3:GetBucketTagging", BUCKET, &["s3.bucket_owner_tag"]),
        Action::read(
            "s3:GetBucketVersioning",
            BUCKET,
            &[
                "s3.bucket_versioning",
                "s3.bucket_noncurrent_expiration",
                "cloudtrail.trail_bucket_protected",
            ],
        ),
        Action::read_as(
            "s3:GetPublicAccessBlock",
            "s3:GetBucketPublicAccessBlock",
            BUCKET,
            &[
                "s3.bucket_public_access_block",
                "cloudtrail.trail_bucket_protected",
            ],
        ),
        Action::read_as(
            "s3:ListBucketIntelligentTieringConfigurations",
            "s3:GetIntelligentTieringConfiguration",
            BUCKET,
            &["s3.bucket_cold_tiering"],
        ),
        Action::read_as(
            "s3:ListBuckets",
            "s3:ListAllMyBuckets",
            Per::ACCOUNT,
            &["s3.*", "glue.table_location_exists"],
        ),
        Action::read_as(
            "s3control:GetPublicAccessBlock",
            "s3:GetAccountPublicAccessBlock",
            Per::ACCOUNT,
            &[
                "s3.account_public_access_block",
                "s3.bucket_public_access_block",
            ],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, home: &str, gaps: &mut Gaps) -> S3Inventory {
        let reader = Reader {
            scan,
            // Emulators serve buckets by path, not by virtual host.
            path_style: scan.sdk.endpoint_url().is_some(),
        };
        let (account_public_access_block, buckets) =
            tokio::join!(reader.account_public_access_block(), reader.buckets(home));
        let (buckets, account_bucket_names) = buckets.unwrap_or_else(|reason| {
            gaps.add(reason);
            (Vec::new(), Vec::new())
        });
        S3Inventory {
            account_public_access_block,
            buckets,
            account_bucket_names,
        }
    }

    fn assemble(mut parts: Vec<S3Inventory>) -> S3Inventory {
        parts.pop().expect("an account-wide service is read once")
    }

    /// The ACL and S3's policy status of the buckets trails write to: only
    /// there does a check need to know whether a bucket is public.
    async fn complete(&self, scan: &Scan<'_>, inventory: &mut Inventory) {
        let names = trail_buckets(inventory);
        let Some(s3) = inventory.s3.as_mut() else {
            return;
        };
        let reader = Reader {
            scan,
            path_style: scan.sdk.endpoint_url().is_some(),
        };
        let wanted: Vec<(String, String, Observed<Option<String>>)> = s3
            .buckets
            .iter()
            .filter(|b| names.contains(&b.name))
            .map(|b| {
                let region = b
                    .region
                    .known()
                    .cloned()
                    .unwrap_or_else(|| scan.home().to_string());
                (b.name.clone(), region, b.policy.clone())
            })
            .collect();
        let read: Vec<PublicnessReads> = stream::iter(wanted)
            .map(|(name, region, policy)| {
                let reader = &reader;
                in_region(&region.clone(), async move {
                    let client = reader.client(&region);
                    let (acl, status) = tokio::join!(
                        reader.acl(&client, &name),
                        reader.policy_status(&client, &name, &policy)
                    );
                    (name, acl, status)
                })
            })
            .buffer_unordered(16)
            .collect()
            .await;
        for (name, acl, status) in read {
            if let Some(bucket) = s3.buckets.iter_mut().find(|b| b.name == name) {
                bucket.acl = Some(acl);
                bucket.policy_status = Some(status);
            }
        }
    }
}

/// A trail bucket's ACL and S3's verdict on its policy.
type PublicnessReads = (String, Observed<Vec<AclGrant>>, Observed<Option<bool>>);

/// Reads S3 through clients of each bucket's region.
struct Reader<'a> {
    scan: &'a Scan<'a>,
    path_style: bool,
}

/// A bucket from ListBuckets, before its configuration is read.
struct Listed {
    name: String,
    region: Observed<String>,
}

impl Reader<'_> {
    fn client(&self, region: &str) -> Client {
        let config = aws_sdk_s3::config::Builder::from(self.scan.sdk)
            .region(Region::new(region.to_string()))
            .force_path_style(self.path_style)
            .build();
        Client::from_conf(config)
    }

    async fn account_public_access_block(&self) -> Observed<Option<PublicAccessBlock>> {
        let mut config = aws_sdk_s3control::config::Builder::from(self.scan.sdk);
        if let Some(url) = self.scan.sdk.endpoint_url() {
            config = config.endpoint_resolver(FixedEndpoint(url.to_string()));
        }
        let client = aws_sdk_s3control::Client::from_conf(config.build());
        let result = self
            .scan
            .calls
            .run("s3control:GetPublicAccessBlock", || {
                client
                    .get_public_access_block()
                    .account_id(&self.scan.account.account_id)
                    .send()
            })
            .await
            .and_then(|out| {
                out.public_access_block_configuration()
                    .map(|c| public_access_block!(c, "s3control:GetPublicAccessBlock"))
                    .transpose()
            });
        absent_when(result, &["NoSuchPublicAccessBlockConfiguration"])
            .map(Option::flatten)
            .into()
    }

    /// The buckets in scope with their configuration, and every bucket name.
    async fn buckets(&self, home: &str) -> Result<(Vec<Bucket>, Vec<String>), Unobserved> {
        let listed = self.list_buckets(home).await?;
        let account_bucket_names = listed.iter().map(|b| b.name.clone()).collect();
        // Buckets outside the selected regions are not this scan's; a bucket
        // whose region is unknown is kept so nothing is lost silently.
        let in_scope: Vec<Listed> = listed
            .into_iter()
            .filter(|b| {
                b.region
                    .known()
                    .is_none_or(|r| self.scan.regions.contains(r))
            })
            .collect();
        let clients: HashMap<String, Client> = in_scope
            .iter()
            .map(|b| {
                b.region
                    .known()
                    .cloned()
                    .unwrap_or_else(|| home.to_string())
            })
            .map(|region| (region.clone(), self.client(&region)))
            .collect();
        let mut buckets: Vec<Bucket> = stream::iter(in_scope)
            .map(|b| {
                let region = b
                    .region
                    .known()
                    .cloned()
                    .unwrap_or_else(|| home.to_string());
                in_region(&region, self.bucket(&clients[&region], b))
            })
            .buffer_unordered(64)
            .collect()
            .await;
        buckets.sort_by(|a, b| a.name.cmp(&b.name));
        Ok((buckets, account_bucket_names))
    }

    /// The grants of the bucket's ACL.
    async fn acl(&self, client: &Client, name: &str) -> Observed<Vec<AclGrant>> {
        const GET: &str = "s3:GetBucketAcl";
        self.scan
            .calls
            .run(GET, || client.get_bucket_acl().bucket(name).send())
            .await
            .and_then(|out| {
                out.grants()
                    .iter()
                    .map(|g| {
                        let grantee = g.grantee().and_then(|who| {
                            who.uri()
                                .or(who.id())
                                .or(who.email_address())
                                .map(str::to_string)
                        });
                        Ok(AclGrant {
                            grantee: grantee
                                .ok_or_else(|| Unobserved::not_reported(GET, "Grantee"))?,
                            permission: g
                                .permission()
                                .map(|p| p.as_str().to_string())
                                .ok_or_else(|| Unobserved::not_reported(GET, "Permission"))?,
                        })
                    })
                    .collect()
            })
            .into()
    }

    /// S3's verdict on the bucket policy; no call when there is none.
    async fn policy_status(
        &self,
        client: &Client,
        name: &str,
        policy: &Observed<Option<String>>,
    ) -> Observed<Option<bool>> {
        const GET: &str = "s3:GetBucketPolicyStatus";
        match policy {
            Observed::Known(None) => return Observed::Known(None),
            Observed::Unknown(reason) => return Observed::Unknown(reason.clone()),
            Observed::Known(Some(_)) => {}
        }
        let result = self
            .scan
            .calls
            .run(GET, || {
                client.get_bucket_policy_status().bucket(name).send()
            })
            .await
            .and_then(|out| {
                out.policy_status()
                    .and_then(|s| s.is_public())
                    .ok_or_else(|| Unobserved::not_reported(GET, "PolicyStatus.IsPublic"))
            });
        absent_when(result, &["NoSuchBucketPolicy"]).into()
    }

    /// Every page of ListBuckets, with each bucket's region.
    async fn list_buckets(&self, home: &str) -> Result<Vec<Listed>, Unobserved> {
        let client = self.client(home);
        let listed = self
            .scan
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
            .scan
            .calls
            .run("s3:GetBucketLocation", || {
                client.get_bucket_location().bucket(name).send()
            })
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
        let calls = self.scan.calls;
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
                    .run("s3:GetPublicAccessBlock", || {
                        client.get_public_access_block().bucket(name).send()
                    })
                    .await
                    .and_then(|out| {
                        out.public_access_block_configuration()
                            .map(|c| public_access_block!(c, "s3:GetPublicAccessBlock"))
                            .transpose()
                    });
                absent_when(r, &["NoSuchPublicAccessBlockConfiguration"]).map(Option::flatten)
            },
            async {
                let r = calls
                    .run("s3:GetBucketPolicy", || {
                        client.get_bucket_policy().bucket(name).send()
                    })
                    .await
                    .map(|out| out.policy().map(str::to_string));
                absent_when(r, &["NoSuchBucketPolicy"]).map(Option::flatten)
            },
            async {
                let r = calls
                    .run("s3:GetBucketEncryption", || {
                        client.get_bucket_encryption().bucket(name).send()
                    })
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
                    .run("s3:GetBucketLogging", || {
                        client.get_bucket_logging().bucket(name).send()
                    })
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
                    .run("s3:GetBucketVersioning", || {
                        client.get_bucket_versioning().bucket(name).send()
                    })
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
                    .run("s3:GetBucketLifecycleConfiguration", || {
                        client
                            .get_bucket_lifecycle_configuration()
                            .bucket(name)
                            .send()
                    })
                    .await
                    .map(|out| out.rules().iter().map(lifecycle_rule).collect::<Vec<_>>());
                absent_when(r, &["NoSuchLifecycleConfiguration"]).map(Option::unwrap_or_default)
            },
            self.intelligent_tiering(client, name),
            async {
                let r = calls
                    .run("s3:GetBucketReplication", || {
                        client.get_bucket_replication().bucket(name).send()
                    })
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
                    .run("s3:GetBucketTagging", || {
                        client.get_bucket_tagging().bucket(name).send()
                    })
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
            arn: format!("arn:{}:s3:::{}", self.scan.account.partition, listed.name),
            name: listed.name,
            region: listed.region,
            public_access_block: public_access_block.into(),
            policy: policy.into(),
            encryption: encryption.into(),
            logging: logging.into(),
            versioning: versioning.into(),
            lifecycle: lifecycle.into(),
            intelligent_tiering: intelligent_tiering.into(),
            replication: replication.into(),
            tags: tags.into(),
            acl: None,
            policy_status: None,
        }
    }

    /// Enabled Intelligent-Tiering configuration ids, every page.
    async fn intelligent_tiering(
        &self,
        client: &Client,
        name: &str,
    ) -> Result<Vec<String>, Unobserved> {
        self.scan
            .calls
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
    let filter = rule.filter();
    #[allow(deprecated)] // rules written before Filter existed carry a bare Prefix
    let legacy_prefix = rule.prefix();
    LifecycleRule {
        id: rule.id().unwrap_or_default().to_string(),
        enabled: rule.status() == &ExpirationStatus::Enabled,
        prefix: filter
            .and_then(|f| f.prefix().or_else(|| f.and().and_then(|a| a.prefix())))
            .or(legacy_prefix)
            .unwrap_or_default()
            .to_string(),
        narrowed: filter.is_some_and(|f| {
            f.tag().is_some()
                || f.object_size_greater_than().is_some()
                || f.object_size_less_than().is_some()
                || f.and().is_some_and(|a| {
                    !a.tags().is_empty()
                        || a.object_size_greater_than().is_some()
                        || a.object_size_less_than().is_some()
                })
        }),
        expires_current: rule
            .expiration()
            .is_some_and(|e| e.days().is_some() || e.date().is_some()),
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
