//! Checks grouped by their primary Well-Architected pillar, and the helpers
//! they share to walk the inventory.

pub mod cost_optimization;
pub mod operational_excellence;
pub mod reliability;
pub mod security;
pub mod sustainability;

use crate::catalog::{Context, Judgement};
use crate::finding::{Judged, Outcome, ResourceRef};
use crate::model::{Bucket, Inventory};

pub(crate) fn bucket_ref(inventory: &Inventory, bucket: &Bucket) -> ResourceRef {
    ResourceRef {
        arn: bucket.arn.clone(),
        id: bucket.name.clone(),
        kind: "AwsS3Bucket".into(),
        region: bucket
            .region
            .known()
            .cloned()
            .unwrap_or_else(|| "unknown".into()),
        account_id: inventory.account.account_id.clone(),
    }
}

/// The account as a resource, for account-wide settings. It is listed under
/// the first scanned region (the home region of the scan).
pub(crate) fn account_ref(inventory: &Inventory) -> ResourceRef {
    let account = &inventory.account;
    let region = inventory
        .scan
        .regions
        .first()
        .map_or("global", String::as_str);
    ResourceRef {
        arn: format!("arn:{}:iam::{}:root", account.partition, account.account_id),
        id: account.account_id.clone(),
        kind: "AwsAccount".into(),
        region: region.into(),
        account_id: account.account_id.clone(),
    }
}

/// Turns a judgement that could not see its input into an UNKNOWN outcome.
pub(crate) fn settle(judged: Judged) -> Option<Outcome> {
    judged.unwrap_or_else(|reason| Some(Outcome::Unknown(reason)))
}

/// Runs `judge` on every scanned bucket.
pub(crate) fn per_bucket(
    cx: &Context,
    judge: impl Fn(&Bucket, &Context) -> Judged,
) -> Vec<Judgement> {
    let Some(s3) = &cx.inventory.s3 else {
        return Vec::new();
    };
    s3.buckets
        .iter()
        .filter_map(|bucket| {
            settle(judge(bucket, cx)).map(|outcome| Judgement {
                resource: bucket_ref(cx.inventory, bucket),
                outcome,
            })
        })
        .collect()
}

/// The region of the bucket called `name`, when it is in the inventory.
pub(crate) fn region_of_bucket<'a>(inventory: &'a Inventory, name: &str) -> Option<&'a str> {
    inventory
        .s3
        .as_ref()?
        .buckets
        .iter()
        .find(|b| b.name == name)?
        .region
        .known()
        .map(String::as_str)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Inventory values for the checks' unit tests.

    use std::collections::BTreeMap;

    use crate::catalog::{Check, Context};
    use crate::config::Config;
    use crate::finding::Status;
    use crate::model::*;

    pub fn denied(action: &str) -> Unobserved {
        Unobserved::new(UnobservedKind::AccessDenied, action)
    }

    /// A bucket with nothing configured: every setting known to be absent.
    pub fn bare_bucket(name: &str, region: &str) -> Bucket {
        Bucket {
            name: name.into(),
            arn: format!("arn:aws:s3:::{name}"),
            region: Observed::Known(region.into()),
            roles: Vec::new(),
            public_access_block: Observed::Known(None),
            policy: Observed::Known(None),
            encryption: Observed::Known(None),
            logging: Observed::Known(None),
            versioning: Observed::Known(Versioning::default()),
            lifecycle: Observed::Known(Vec::new()),
            intelligent_tiering: Observed::Known(Vec::new()),
            replication: Observed::Known(Vec::new()),
            tags: Observed::Known(BTreeMap::new()),
        }
    }

    pub fn inventory(buckets: Vec<Bucket>) -> Inventory {
        Inventory {
            schema_version: INVENTORY_SCHEMA_VERSION.into(),
            account: Account {
                account_id: "123456789012".into(),
                partition: "aws".into(),
                caller_arn: "arn:aws:iam::123456789012:user/test".into(),
            },
            scan: ScanInfo {
                regions: vec!["us-east-1".into()],
                ..ScanInfo::default()
            },
            gaps: Vec::new(),
            s3: Some(S3Inventory {
                account_public_access_block: Observed::Known(None),
                buckets,
            }),
        }
    }

    /// Runs the check with `id` and returns (resource id, status, message or reason).
    pub fn run(
        checks: Vec<Check>,
        id: &str,
        inventory: &Inventory,
    ) -> Vec<(String, Status, String)> {
        run_with(checks, id, inventory, &Config::default())
    }

    pub fn run_with(
        checks: Vec<Check>,
        id: &str,
        inventory: &Inventory,
        config: &Config,
    ) -> Vec<(String, Status, String)> {
        let check = checks
            .into_iter()
            .find(|c| c.meta.id == id)
            .unwrap_or_else(|| panic!("no check {id}"));
        let cx = Context { inventory, config };
        (check.judge)(&cx)
            .into_iter()
            .map(|j| {
                let text = match &j.outcome {
                    crate::finding::Outcome::Pass(m) | crate::finding::Outcome::Fail(m) => {
                        m.clone()
                    }
                    crate::finding::Outcome::Unknown(r) => r.to_string(),
                };
                (j.resource.id, j.outcome.status(), text)
            })
            .collect()
    }

    /// The single verdict of `id` on a one-bucket inventory.
    pub fn verdict(checks: Vec<Check>, id: &str, bucket: Bucket) -> Option<(Status, String)> {
        verdict_with(checks, id, bucket, &Config::default())
    }

    pub fn verdict_with(
        checks: Vec<Check>,
        id: &str,
        bucket: Bucket,
        config: &Config,
    ) -> Option<(Status, String)> {
        let inv = inventory(vec![bucket]);
        let mut out = run_with(checks, id, &inv, config);
        assert!(out.len() <= 1);
        out.pop().map(|(_, status, text)| (status, text))
    }
}
