//! Many accounts: which to scan (one role, a list, the organization, a
//! shard of those).

use std::str::FromStr;

use lakelint_checks::model::AccountStatus;

use crate::crawl::{self, CrawlError};

/// `K/N`: the K-th of N stable parts of the account list (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, from 1.
    pub index: u64,
    /// How many parts.
    pub count: u64,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || format!("`{s}` is not a shard: expected K/N with 1 ≤ K ≤ N, such as 2/5");
        let (k, n) = s.split_once('/').ok_or_else(err)?;
        let (index, count): (u64, u64) = (
            k.trim().parse().map_err(|_| err())?,
            n.trim().parse().map_err(|_| err())?,
        );
        if count == 0 || index == 0 || index > count {
            return Err(err());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether the account belongs to this shard: by its number, so the
    /// split is the same whatever else the list holds.
    pub fn holds(&self, account_id: &str) -> bool {
        let number: u64 = account_id.parse().unwrap_or_else(|_| {
            // Not a 12-digit id: fall back to a stable hash of the text.
            account_id.bytes().fold(0xcbf29ce484222325, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
            })
        });
        number % self.count == self.index - 1
    }
}

/// Which accounts a run covers.
#[derive(Debug, Clone)]
pub enum Targets {
    /// The account of the credentials themselves.
    Caller,
    /// One account, through this role ARN.
    Role(String),
    /// These account ids, through `--role-name`.
    Accounts(Vec<String>),
    /// Every active account of the organization, through `--role-name`.
    Organization,
}

/// An account to scan, through a role, or one skipped with the reason.
#[derive(Debug, Clone)]
pub enum Plan {
    /// Scan this account, through the role when one is named.
    Scan {
        /// The account id.
        account_id: String,
        /// The role to assume in it, if any.
        role_arn: Option<String>,
    },
    /// Leave the account out, for the reason given.
    Skip(AccountStatus),
}

/// The accounts of the run, before the shard is applied.
pub async fn plan(
    base: &aws_config::SdkConfig,
    targets: &Targets,
    role_name: Option<&str>,
) -> Result<Vec<Plan>, CrawlError> {
    let role = |partition: &str, id: &str| {
        role_name.map(|name| format!("arn:{partition}:iam::{id}:role/{name}"))
    };
    Ok(match targets {
        Targets::Caller => {
            let me = crawl::caller(base).await?;
            vec![Plan::Scan {
                account_id: me.account_id,
                role_arn: None,
            }]
        }
        Targets::Role(arn) => {
            let account_id = arn.split(':').nth(4).unwrap_or_default().to_string();
            vec![Plan::Scan {
                account_id,
                role_arn: Some(arn.clone()),
            }]
        }
        Targets::Accounts(ids) => {
            let me = crawl::caller(base).await?;
            ids.iter()
                .map(|id| Plan::Scan {
                    account_id: id.clone(),
                    role_arn: role(&me.partition, id),
                })
                .collect()
        }
        Targets::Organization => {
            let me = crawl::caller(base).await?;
            crawl::organization_accounts(base)
                .await?
                .into_iter()
                .map(|a| match a.status.as_str() {
                    "ACTIVE" => Plan::Scan {
                        role_arn: role(&me.partition, &a.id),
                        account_id: a.id,
                    },
                    other => Plan::Skip(AccountStatus {
                        account_id: a.id,
                        scanned: false,
                        reason: Some(format!("account status {other}")),
                    }),
                })
                .collect()
        }
    })
}

impl Plan {
    /// The account the entry is about.
    pub fn account_id(&self) -> &str {
        match self {
            Plan::Scan { account_id, .. } => account_id,
            Plan::Skip(status) => &status.account_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_partition() {
        assert_eq!("2/5".parse::<Shard>(), Ok(Shard { index: 2, count: 5 }));
        for bad in ["0/3", "4/3", "1/0", "x/2", "3"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let ids: Vec<String> = (0..40)
            .map(|i| format!("{:012}", 111111111111u64 + i * 7))
            .collect();
        let shards: Vec<Shard> = (1..=3).map(|k| Shard { index: k, count: 3 }).collect();
        for id in &ids {
            assert_eq!(
                shards.iter().filter(|s| s.holds(id)).count(),
                1,
                "{id} in exactly one shard"
            );
        }
        assert!(shards.iter().all(|s| ids.iter().any(|id| s.holds(id))));
    }
}
