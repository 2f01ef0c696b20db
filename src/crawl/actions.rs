//! Every API operation lakelint calls: for each, the IAM action that allows
//! it, what it is called once per (the call budget), and the checks its
//! answer feeds. Each collector declares its own operations beside its calls;
//! this module holds those that find what to scan, and joins them all.
//! `Calls` refuses (in debug builds) an operation missing here, `lakelint
//! iam-policy` builds the read-only policy from it, and the call-budget test
//! holds scans to it.

use lakelint_checks::model::{Inventory, Regional};
use serde_json::{json, Value};

use crate::crawl::COLLECTORS;

/// One API operation: the IAM action that allows it, the unit it is called
/// once per (pages aside), and the checks that read its answer.
#[derive(Debug, Clone, Copy)]
pub struct Action {
    /// As counted in reports: `service:Operation`.
    pub op: &'static str,
    /// `None` when no permission is needed.
    pub iam: Option<&'static str>,
    /// What it is called once for.
    pub per: Per,
    /// Check ids (or `service.*` patterns) whose input the answer is; empty
    /// for the calls that find the accounts and regions to scan.
    pub feeds: &'static [&'static str],
}

impl Action {
    /// A read whose IAM action is named as the operation is.
    pub const fn read(op: &'static str, per: Per, feeds: &'static [&'static str]) -> Self {
        Self {
            op,
            iam: Some(op),
            per,
            feeds,
        }
    }

    /// A read whose IAM action is named otherwise (`s3:GetBucketEncryption`
    /// needs `s3:GetEncryptionConfiguration`).
    pub const fn read_as(
        op: &'static str,
        iam: &'static str,
        per: Per,
        feeds: &'static [&'static str],
    ) -> Self {
        Self {
            op,
            iam: Some(iam),
            per,
            feeds,
        }
    }
}

/// What an operation is called once for, and how many of those a scan's
/// inventory holds.
#[derive(Debug, Clone, Copy)]
pub struct Per {
    /// For people: "bucket", "active EMR cluster", …
    pub name: &'static str,
    /// How many of them the inventory holds.
    pub count: fn(&Inventory) -> u64,
}

impl Per {
    /// Once per `name`, of which `count` finds how many a scan holds.
    pub const fn new(name: &'static str, count: fn(&Inventory) -> u64) -> Self {
        Self { name, count }
    }

    /// Once per run: finding the accounts or regions to scan.
    pub const RUN: Per = Per::new("run (finding what to scan)", |_| 1);
    /// Once per scanned account.
    pub const ACCOUNT: Per = Per::new("account", |_| 1);
    /// Once per scanned region.
    pub const REGION: Per = Per::new("region", |inventory| inventory.scan.regions.len() as u64);

    /// Whether the call finds what to scan rather than feeding a check.
    pub fn is_discovery(&self) -> bool {
        self.name == Per::RUN.name
    }
}

/// How many records `count` finds in each region of a regional section, summed.
pub(crate) fn per_region<T>(section: Option<&Regional<T>>, count: impl Fn(&T) -> usize) -> u64 {
    section
        .iter()
        .flat_map(|s| &s.regions)
        .map(|r| count(r) as u64)
        .sum()
}

/// The operations that find the accounts and regions to scan.
const DISCOVERY: &[Action] = &[
    Action::read("account:ListRegions", Per::RUN, &[]),
    Action::read("organizations:ListAccounts", Per::RUN, &[]),
    Action::read("sts:AssumeRole", Per::ACCOUNT, &[]),
    Action {
        op: "sts:GetCallerIdentity",
        iam: None,
        per: Per::ACCOUNT,
        feeds: &[],
    },
];

/// Every operation lakelint calls.
pub fn all() -> impl Iterator<Item = &'static Action> {
    DISCOVERY
        .iter()
        .chain(COLLECTORS.iter().flat_map(|c| c.actions()))
}

/// IAM action verbs that only read.
const READ_VERBS: &[&str] = &["Get", "List", "Describe", "BatchGet"];

/// Read-only actions whose names do not say so.
const READ_ONLY_EXCEPTIONS: &[&str] = &[
    // Assuming the scan role creates temporary credentials and changes nothing.
    "sts:AssumeRole",
];

/// The declared operation called `operation` (`s3:GetBucketPolicy`).
pub fn find(operation: &str) -> Option<&'static Action> {
    all().find(|a| a.op == operation)
}

/// Whether `operation` is declared.
pub fn is_declared(operation: &str) -> bool {
    find(operation).is_some()
}

/// The IAM action behind an operation, when it needs one.
pub fn iam_action(operation: &str) -> Option<&'static str> {
    find(operation).and_then(|a| a.iam)
}

/// Whether an IAM action only reads.
pub fn is_read_only(iam: &str) -> bool {
    let verb = iam.split(':').nth(1).unwrap_or_default();
    READ_VERBS.iter().any(|v| verb.starts_with(v)) || READ_ONLY_EXCEPTIONS.contains(&iam)
}

/// The least-privilege read-only policy for everything lakelint calls.
pub fn policy() -> Value {
    let mut iam: Vec<&str> = all().filter_map(|a| a.iam).collect();
    iam.sort_unstable();
    iam.dedup();
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "LakelintReadOnly",
            "Effect": "Allow",
            "Action": iam,
            "Resource": "*",
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads() {
        for a in all() {
            if let Some(iam) = a.iam {
                assert!(
                    is_read_only(iam),
                    "{} needs {iam}, which is not a read",
                    a.op
                );
            }
        }
        assert!(!is_read_only("s3:PutBucketPolicy"));
        assert!(!is_read_only("kms:ScheduleKeyDeletion"));
    }

    /// No call whose answer no check reads: every operation feeds a check
    /// of the catalog, but those that find what to scan.
    #[test]
    fn every_call_feeds_a_check() {
        for a in all() {
            if a.per.is_discovery() || a.op.starts_with("sts:") {
                continue;
            }
            assert!(!a.feeds.is_empty(), "{} feeds no check", a.op);
            for pattern in a.feeds {
                assert!(
                    lakelint_checks::engine::registry::all().any(|c| {
                        lakelint_checks::interpret::pattern::wildcard_match(pattern, c.id)
                    }),
                    "{}: `{pattern}` names no check",
                    a.op
                );
            }
        }
    }

    #[test]
    fn operations_are_unique() {
        let mut ops: Vec<&str> = all().map(|a| a.op).collect();
        ops.sort_unstable();
        let n = ops.len();
        ops.dedup();
        assert_eq!(ops.len(), n);
    }
}
