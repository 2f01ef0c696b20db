//! The one table of API operations lakelint calls: for each, the IAM action
//! that allows it, what it is called once per (the call budget), and the
//! checks its answer feeds. `Calls` refuses (in debug builds) an operation
//! missing here, `lakelint iam-policy` builds the read-only policy from it,
//! and the call-budget test holds scans to it.

use serde_json::{json, Value};

/// One API operation: the IAM action that allows it, the unit it is called
/// once per (pages aside), and the checks that read its answer.
#[derive(Debug, Clone, Copy)]
pub struct Action {
    /// As counted in reports: `service:Operation`.
    pub op: &'static str,
    /// `None` when no permission is needed.
    pub iam: Option<&'static str>,
    pub per: Per,
    /// Check ids (or `service.*` patterns) whose input the answer is; empty
    /// for the calls that find the accounts and regions to scan.
    pub feeds: &'static [&'static str],
}

/// What an operation is called once for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// Once per run (finding the accounts or regions to scan).
    Run,
    Account,
    Region,
    Bucket,
    /// Only for buckets whose region ListBuckets did not report.
    BucketWithoutListedRegion,
    GlueJob,
    GlueDatabase,
    RedshiftCluster,
    ParameterGroup,
    EmrCluster,
    EmrSecurityConfiguration,
    /// Every key, AWS-managed ones too, so references to them resolve.
    Key,
    CustomerKey,
    Trail,
}

/// Every operation lakelint calls.
pub const ACTIONS: &[Action] = &[
    Action {
        op: "account:ListRegions",
        iam: Some("account:ListRegions"),
        per: Per::Run,
        feeds: &[],
    },
    Action {
        op: "cloudtrail:DescribeTrails",
        iam: Some("cloudtrail:DescribeTrails"),
        per: Per::Region,
        feeds: &["cloudtrail.*", "s3.bucket_access_logging"],
    },
    Action {
        op: "cloudtrail:GetEventSelectors",
        iam: Some("cloudtrail:GetEventSelectors"),
        per: Per::Trail,
        feeds: &[
            "cloudtrail.multi_region_logging",
            "cloudtrail.s3_data_events",
            "s3.bucket_access_logging",
        ],
    },
    Action {
        op: "cloudtrail:GetTrailStatus",
        iam: Some("cloudtrail:GetTrailStatus"),
        per: Per::Trail,
        feeds: &[
            "cloudtrail.multi_region_logging",
            "cloudtrail.s3_data_events",
            "s3.bucket_access_logging",
        ],
    },
    Action {
        op: "elasticmapreduce:DescribeCluster",
        iam: Some("elasticmapreduce:DescribeCluster"),
        per: Per::EmrCluster,
        feeds: &["emr.cluster_*"],
    },
    Action {
        op: "elasticmapreduce:DescribeSecurityConfiguration",
        iam: Some("elasticmapreduce:DescribeSecurityConfiguration"),
        per: Per::EmrSecurityConfiguration,
        feeds: &["emr.security_configuration_*", "kms.key_in_use_usable"],
    },
    Action {
        op: "elasticmapreduce:GetAutoTerminationPolicy",
        iam: Some("elasticmapreduce:GetAutoTerminationPolicy"),
        per: Per::EmrCluster,
        feeds: &["emr.cluster_auto_termination"],
    },
    Action {
        op: "elasticmapreduce:GetBlockPublicAccessConfiguration",
        iam: Some("elasticmapreduce:GetBlockPublicAccessConfiguration"),
        per: Per::Region,
        feeds: &["emr.account_block_public_access"],
    },
    Action {
        op: "elasticmapreduce:GetManagedScalingPolicy",
        iam: Some("elasticmapreduce:GetManagedScalingPolicy"),
        per: Per::EmrCluster,
        feeds: &["emr.cluster_managed_scaling"],
    },
    Action {
        op: "elasticmapreduce:ListClusters",
        iam: Some("elasticmapreduce:ListClusters"),
        per: Per::Region,
        feeds: &["emr.*"],
    },
    Action {
        op: "elasticmapreduce:ListInstanceFleets",
        iam: Some("elasticmapreduce:ListInstanceFleets"),
        per: Per::EmrCluster,
        feeds: &["emr.cluster_spot_usage", "emr.cluster_current_generation"],
    },
    Action {
        op: "elasticmapreduce:ListInstanceGroups",
        iam: Some("elasticmapreduce:ListInstanceGroups"),
        per: Per::EmrCluster,
        feeds: &["emr.cluster_spot_usage", "emr.cluster_current_generation"],
    },
    Action {
        op: "glue:GetCrawlers",
        iam: Some("glue:GetCrawlers"),
        per: Per::Region,
        feeds: &[
            "glue.crawler_security_configuration",
            "s3.bucket_replication",
        ],
    },
    Action {
        op: "glue:GetDataCatalogEncryptionSettings",
        iam: Some("glue:GetDataCatalogEncryptionSettings"),
        per: Per::Region,
        feeds: &["glue.catalog_*", "kms.key_in_use_usable"],
    },
    Action {
        op: "glue:GetDatabases",
        iam: Some("glue:GetDatabases"),
        per: Per::Region,
        feeds: &["glue.table_*"],
    },
    Action {
        op: "glue:GetJobs",
        iam: Some("glue:GetJobs"),
        per: Per::Region,
        feeds: &["glue.job_*"],
    },
    Action {
        op: "glue:GetSecurityConfigurations",
        iam: Some("glue:GetSecurityConfigurations"),
        per: Per::Region,
        feeds: &[
            "glue.job_security_configuration",
            "glue.security_configuration_complete",
            "kms.key_in_use_usable",
        ],
    },
    Action {
        op: "glue:GetTables",
        iam: Some("glue:GetTables"),
        per: Per::GlueDatabase,
        feeds: &[
            "glue.table_*",
            "s3.bucket_replication",
            "cloudtrail.s3_data_events",
        ],
    },
    Action {
        op: "glue:GetTags",
        iam: Some("glue:GetTags"),
        per: Per::GlueJob,
        feeds: &["glue.job_owner_tag"],
    },
    Action {
        op: "kms:DescribeKey",
        iam: Some("kms:DescribeKey"),
        per: Per::Key,
        feeds: &["kms.*"],
    },
    Action {
        op: "kms:GetKeyPolicy",
        iam: Some("kms:GetKeyPolicy"),
        per: Per::CustomerKey,
        feeds: &["kms.key_policy_public"],
    },
    Action {
        op: "kms:GetKeyRotationStatus",
        iam: Some("kms:GetKeyRotationStatus"),
        per: Per::CustomerKey,
        feeds: &["kms.key_rotation"],
    },
    Action {
        op: "kms:ListAliases",
        iam: Some("kms:ListAliases"),
        per: Per::Region,
        feeds: &["kms.key_in_use_usable", "kms.key_pending_deletion"],
    },
    Action {
        op: "kms:ListKeys",
        iam: Some("kms:ListKeys"),
        per: Per::Region,
        feeds: &["kms.*"],
    },
    Action {
        op: "organizations:ListAccounts",
        iam: Some("organizations:ListAccounts"),
        per: Per::Run,
        feeds: &[],
    },
    Action {
        op: "redshift:DescribeClusterParameters",
        iam: Some("redshift:DescribeClusterParameters"),
        per: Per::ParameterGroup,
        feeds: &[
            "redshift.cluster_require_ssl",
            "redshift.cluster_user_activity_logging",
        ],
    },
    Action {
        op: "redshift:DescribeClusters",
        iam: Some("redshift:DescribeClusters"),
        per: Per::Region,
        feeds: &["redshift.*"],
    },
    Action {
        op: "redshift:DescribeLoggingStatus",
        iam: Some("redshift:DescribeLoggingStatus"),
        per: Per::RedshiftCluster,
        feeds: &["redshift.cluster_audit_logging"],
    },
    Action {
        op: "s3:GetBucketEncryption",
        iam: Some("s3:GetEncryptionConfiguration"),
        per: Per::Bucket,
        feeds: &[
            "s3.bucket_kms_encryption",
            "s3.bucket_kms_bucket_key",
            "kms.key_in_use_usable",
        ],
    },
    Action {
        op: "s3:GetBucketLifecycleConfiguration",
        iam: Some("s3:GetLifecycleConfiguration"),
        per: Per::Bucket,
        feeds: &[
            "s3.bucket_lifecycle",
            "s3.bucket_noncurrent_expiration",
            "s3.bucket_abort_multipart",
            "s3.bucket_cold_tiering",
        ],
    },
    Action {
        op: "s3:GetBucketLocation",
        iam: Some("s3:GetBucketLocation"),
        per: Per::BucketWithoutListedRegion,
        feeds: &["s3.*"],
    },
    Action {
        op: "s3:GetBucketLogging",
        iam: Some("s3:GetBucketLogging"),
        per: Per::Bucket,
        feeds: &[
            "s3.bucket_access_logging",
            "cloudtrail.trail_bucket_protected",
        ],
    },
    Action {
        op: "s3:GetBucketPolicy",
        iam: Some("s3:GetBucketPolicy"),
        per: Per::Bucket,
        feeds: &["s3.bucket_secure_transport"],
    },
    Action {
        op: "s3:GetBucketReplication",
        iam: Some("s3:GetReplicationConfiguration"),
        per: Per::Bucket,
        feeds: &["s3.bucket_replication"],
    },
    Action {
        op: "s3:GetBucketTagging",
        iam: Some("s3:GetBucketTagging"),
        per: Per::Bucket,
        feeds: &["s3.bucket_owner_tag"],
    },
    Action {
        op: "s3:GetBucketVersioning",
        iam: Some("s3:GetBucketVersioning"),
        per: Per::Bucket,
        feeds: &[
            "s3.bucket_versioning",
            "s3.bucket_noncurrent_expiration",
            "cloudtrail.trail_bucket_protected",
        ],
    },
    Action {
        op: "s3:GetPublicAccessBlock",
        iam: Some("s3:GetBucketPublicAccessBlock"),
        per: Per::Bucket,
        feeds: &[
            "s3.bucket_public_access_block",
            "cloudtrail.trail_bucket_protected",
        ],
    },
    Action {
        op: "s3:ListBucketIntelligentTieringConfigurations",
        iam: Some("s3:GetIntelligentTieringConfiguration"),
        per: Per::Bucket,
        feeds: &["s3.bucket_cold_tiering"],
    },
    Action {
        op: "s3:ListBuckets",
        iam: Some("s3:ListAllMyBuckets"),
        per: Per::Account,
        feeds: &["s3.*", "glue.table_location_exists"],
    },
    Action {
        op: "s3control:GetPublicAccessBlock",
        iam: Some("s3:GetAccountPublicAccessBlock"),
        per: Per::Account,
        feeds: &[
            "s3.account_public_access_block",
            "s3.bucket_public_access_block",
        ],
    },
    Action {
        op: "sts:AssumeRole",
        iam: Some("sts:AssumeRole"),
        per: Per::Account,
        feeds: &[],
    },
    Action {
        op: "sts:GetCallerIdentity",
        iam: None,
        per: Per::Account,
        feeds: &[],
    },
];

/// IAM action verbs that only read.
const READ_VERBS: &[&str] = &["Get", "List", "Describe", "BatchGet"];

/// Read-only actions whose names do not say so.
const READ_ONLY_EXCEPTIONS: &[&str] = &[
    // Assuming the scan role creates temporary credentials and changes nothing.
    "sts:AssumeRole",
];

pub fn find(operation: &str) -> Option<&'static Action> {
    ACTIONS.iter().find(|a| a.op == operation)
}

pub fn is_declared(operation: &str) -> bool {
    find(operation).is_some()
}

/// The IAM action behind an operation, when it needs one.
pub fn iam_action(operation: &str) -> Option<&'static str> {
    find(operation).and_then(|a| a.iam)
}

pub fn is_read_only(iam: &str) -> bool {
    let verb = iam.split(':').nth(1).unwrap_or_default();
    READ_VERBS.iter().any(|v| verb.starts_with(v)) || READ_ONLY_EXCEPTIONS.contains(&iam)
}

/// The least-privilege read-only policy for everything lakelint calls.
pub fn policy() -> Value {
    let mut iam: Vec<&str> = ACTIONS.iter().filter_map(|a| a.iam).collect();
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
        for a in ACTIONS {
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
        let catalog = lakelint_checks::catalog::all();
        for a in ACTIONS {
            if a.per == Per::Run || a.op.starts_with("sts:") {
                continue;
            }
            assert!(!a.feeds.is_empty(), "{} feeds no check", a.op);
            for pattern in a.feeds {
                assert!(
                    catalog
                        .iter()
                        .any(|c| lakelint_checks::config::wildcard_match(pattern, c.meta.id)),
                    "{}: `{pattern}` names no check",
                    a.op
                );
            }
        }
    }

    #[test]
    fn operations_are_unique() {
        let mut ops: Vec<&str> = ACTIONS.iter().map(|a| a.op).collect();
        ops.sort_unstable();
        let n = ops.len();
        ops.dedup();
        assert_eq!(ops.len(), n);
    }
}
