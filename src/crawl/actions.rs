//! The one table of API operations lakelint calls, each with the IAM action
//! that allows it. `Calls` refuses (in debug builds) an operation missing
//! here, and `lakelint iam-policy` builds the read-only policy from it.

use serde_json::{json, Value};

/// (operation as counted in reports, IAM action; `None` when no permission is needed).
pub const ACTIONS: &[(&str, Option<&str>)] = &[
    ("account:ListRegions", Some("account:ListRegions")),
    (
        "cloudtrail:DescribeTrails",
        Some("cloudtrail:DescribeTrails"),
    ),
    (
        "cloudtrail:GetEventSelectors",
        Some("cloudtrail:GetEventSelectors"),
    ),
    (
        "cloudtrail:GetTrailStatus",
        Some("cloudtrail:GetTrailStatus"),
    ),
    (
        "elasticmapreduce:DescribeCluster",
        Some("elasticmapreduce:DescribeCluster"),
    ),
    (
        "elasticmapreduce:DescribeSecurityConfiguration",
        Some("elasticmapreduce:DescribeSecurityConfiguration"),
    ),
    (
        "elasticmapreduce:GetAutoTerminationPolicy",
        Some("elasticmapreduce:GetAutoTerminationPolicy"),
    ),
    (
        "elasticmapreduce:GetBlockPublicAccessConfiguration",
        Some("elasticmapreduce:GetBlockPublicAccessConfiguration"),
    ),
    (
        "elasticmapreduce:GetManagedScalingPolicy",
        Some("elasticmapreduce:GetManagedScalingPolicy"),
    ),
    (
        "elasticmapreduce:ListClusters",
        Some("elasticmapreduce:ListClusters"),
    ),
    (
        "elasticmapreduce:ListInstanceFleets",
        Some("elasticmapreduce:ListInstanceFleets"),
    ),
    (
        "elasticmapreduce:ListInstanceGroups",
        Some("elasticmapreduce:ListInstanceGroups"),
    ),
    ("glue:GetCrawlers", Some("glue:GetCrawlers")),
    (
        "glue:GetDataCatalogEncryptionSettings",
        Some("glue:GetDataCatalogEncryptionSettings"),
    ),
    ("glue:GetDatabases", Some("glue:GetDatabases")),
    ("glue:GetJobs", Some("glue:GetJobs")),
    (
        "glue:GetSecurityConfigurations",
        Some("glue:GetSecurityConfigurations"),
    ),
    ("glue:GetTables", Some("glue:GetTables")),
    ("glue:GetTags", Some("glue:GetTags")),
    ("kms:DescribeKey", Some("kms:DescribeKey")),
    ("kms:GetKeyPolicy", Some("kms:GetKeyPolicy")),
    ("kms:GetKeyRotationStatus", Some("kms:GetKeyRotationStatus")),
    ("kms:ListAliases", Some("kms:ListAliases")),
    ("kms:ListKeys", Some("kms:ListKeys")),
    (
        "organizations:ListAccounts",
        Some("organizations:ListAccounts"),
    ),
    (
        "redshift:DescribeClusterParameters",
        Some("redshift:DescribeClusterParameters"),
    ),
    (
        "redshift:DescribeClusters",
        Some("redshift:DescribeClusters"),
    ),
    (
        "redshift:DescribeLoggingStatus",
        Some("redshift:DescribeLoggingStatus"),
    ),
    (
        "s3:GetBucketEncryption",
        Some("s3:GetEncryptionConfiguration"),
    ),
    (
        "s3:GetBucketLifecycleConfiguration",
        Some("s3:GetLifecycleConfiguration"),
    ),
    ("s3:GetBucketLocation", Some("s3:GetBucketLocation")),
    ("s3:GetBucketLogging", Some("s3:GetBucketLogging")),
    ("s3:GetBucketPolicy", Some("s3:GetBucketPolicy")),
    (
        "s3:GetBucketReplication",
        Some("s3:GetReplicationConfiguration"),
    ),
    ("s3:GetBucketTagging", Some("s3:GetBucketTagging")),
    ("s3:GetBucketVersioning", Some("s3:GetBucketVersioning")),
    (
        "s3:GetPublicAccessBlock",
        Some("s3:GetBucketPublicAccessBlock"),
    ),
    (
        "s3:ListBucketIntelligentTieringConfigurations",
        Some("s3:GetIntelligentTieringConfiguration"),
    ),
    ("s3:ListBuckets", Some("s3:ListAllMyBuckets")),
    (
        "s3control:GetPublicAccessBlock",
        Some("s3:GetAccountPublicAccessBlock"),
    ),
    // For --role-arn, --accounts and --org: the scanner's own identity needs it.
    ("sts:AssumeRole", Some("sts:AssumeRole")),
    // Every identity may ask who it is.
    ("sts:GetCallerIdentity", None),
];

/// IAM action verbs that only read.
const READ_VERBS: &[&str] = &["Get", "List", "Describe", "BatchGet"];

/// Read-only actions whose names do not say so.
const READ_ONLY_EXCEPTIONS: &[&str] = &[
    // Assuming the scan role creates temporary credentials and changes nothing.
    "sts:AssumeRole",
];

pub fn is_declared(operation: &str) -> bool {
    ACTIONS.iter().any(|(op, _)| *op == operation)
}

/// The IAM action behind an operation, when it needs one.
pub fn iam_action(operation: &str) -> Option<&'static str> {
    ACTIONS
        .iter()
        .find(|(op, _)| *op == operation)
        .and_then(|(_, iam)| *iam)
}

pub fn is_read_only(iam: &str) -> bool {
    let verb = iam.split(':').nth(1).unwrap_or_default();
    READ_VERBS.iter().any(|v| verb.starts_with(v)) || READ_ONLY_EXCEPTIONS.contains(&iam)
}

/// The least-privilege read-only policy for everything lakelint calls.
pub fn policy() -> Value {
    let mut iam: Vec<&str> = ACTIONS.iter().filter_map(|(_, iam)| *iam).collect();
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
        for (op, iam) in ACTIONS {
            if let Some(iam) = iam {
                assert!(is_read_only(iam), "{op} needs {iam}, which is not a read");
            }
        }
        assert!(!is_read_only("s3:PutBucketPolicy"));
        assert!(!is_read_only("kms:ScheduleKeyDeletion"));
    }

    #[test]
    fn operations_are_unique() {
        let mut ops: Vec<&str> = ACTIONS.iter().map(|(op, _)| *op).collect();
        ops.sort_unstable();
        let n = ops.len();
        ops.dedup();
        assert_eq!(ops.len(), n);
    }
}
