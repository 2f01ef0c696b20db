//! One folder per AWS service lakelint judges: its inventory records
//! (`model.rs`), how checks walk them (`resources.rs`), and its checks, one
//! file per Well-Architected pillar (`security.rs`, `reliability.rs`, …). The
//! file a check is declared in is its primary pillar.
//!
//! [`for_each_service!`](crate::for_each_service) is the one table of
//! services: the [`Service`](crate::Service) enum, the inventory's sections,
//! the registry of checks and the crawler's collectors are all generated from
//! it. Adding a service is a folder here, declared below, a line in the
//! table, and a collector (`src/crawl/<name>.rs` in the `lakelint` crate).

pub(crate) mod athena;
pub(crate) mod batch;
pub(crate) mod cloudtrail;
pub(crate) mod cloudwatch;
pub(crate) mod dax;
pub(crate) mod dynamodb;
pub(crate) mod emr;
pub(crate) mod emrserverless;
pub(crate) mod eventbridge;
pub(crate) mod firehose;
pub(crate) mod glue;
pub(crate) mod kinesis;
pub(crate) mod kms;
pub(crate) mod lakeformation;
pub(crate) mod lambda;
pub(crate) mod logs;
pub(crate) mod msk;
pub(crate) mod mwaa;
pub(crate) mod rds;
pub(crate) mod redshift;
pub(crate) mod redshiftserverless;
pub(crate) mod s3;
pub(crate) mod secretsmanager;
pub(crate) mod stepfunctions;
pub(crate) mod wellarchitected;

/// The service table: one line per service, in scan and catalog order, with
/// its variant, its folder (also its name: the check-id prefix, the
/// `--services` value and the inventory key), its inventory section, the
/// prefix of its IAM actions and ARNs, and whether it is read per region or
/// once per account. Expands to `$callback! { … }` with every line, so each
/// place that needs the list generates its part from the same table.
#[macro_export]
#[doc(hidden)]
macro_rules! for_each_service {
    ($callback:ident) => {
        $callback! {
            /// Amazon S3 (and S3 Control for account-wide settings).
            S3 => s3: S3Inventory, iam: "s3", Account;
            /// AWS Glue: jobs, crawlers, the Data Catalog.
            Glue => glue: GlueInventory, iam: "glue", Regional;
            /// Amazon Redshift provisioned clusters.
            Redshift => redshift: RedshiftInventory, iam: "redshift", Regional;
            /// Amazon EMR on EC2.
            Emr => emr: EmrInventory, iam: "elasticmapreduce", Regional;
            /// AWS Key Management Service.
            Kms => kms: KmsInventory, iam: "kms", Regional;
            /// AWS CloudTrail.
            CloudTrail => cloudtrail: CloudTrailInventory, iam: "cloudtrail", Account;
            /// Amazon Athena workgroups.
            Athena => athena: AthenaInventory, iam: "athena", Regional;
            /// AWS Lake Formation settings and registered locations.
            LakeFormation => lakeformation: LakeFormationInventory, iam: "lakeformation", Regional;
            /// AWS Secrets Manager (metadata only, never a value).
            SecretsManager => secretsmanager: SecretsManagerInventory, iam: "secretsmanager", Regional;
            /// Amazon EventBridge rules of the default bus (pipeline alerting).
            EventBridge => eventbridge: EventBridgeInventory, iam: "events", Regional;
            /// The AWS Well-Architected Tool's workloads.
            WellArchitected => wellarchitected: WellArchitectedInventory, iam: "wellarchitected", Account;
            /// Amazon DynamoDB tables (and their Application Auto Scaling targets).
            DynamoDb => dynamodb: DynamoDbInventory, iam: "dynamodb", Regional;
            /// Amazon DynamoDB Accelerator (DAX) clusters.
            Dax => dax: DaxInventory, iam: "dax", Regional;
            /// Amazon RDS and Aurora instances and clusters.
            Rds => rds: RdsInventory, iam: "rds", Regional;
            /// AWS Step Functions state machines.
            StepFunctions => stepfunctions: StepFunctionsInventory, iam: "states", Regional;
            /// Amazon Managed Workflows for Apache Airflow.
            Mwaa => mwaa: MwaaInventory, iam: "airflow", Regional;
            /// Amazon EMR Serverless applications.
            EmrServerless => emrserverless: EmrServerlessInventory, iam: "emr-serverless", Regional;
            /// Amazon Kinesis Data Streams.
            Kinesis => kinesis: KinesisInventory, iam: "kinesis", Regional;
            /// Amazon Data Firehose streams.
            Firehose => firehose: FirehoseInventory, iam: "firehose", Regional;
            /// Amazon MSK clusters, provisioned and serverless.
            Msk => msk: MskInventory, iam: "kafka", Regional;
            /// AWS Lambda functions and their event source mappings.
            Lambda => lambda: LambdaInventory, iam: "lambda", Regional;
            /// AWS Batch compute environments.
            Batch => batch: BatchInventory, iam: "batch", Regional;
            /// Amazon CloudWatch Logs log groups (the data platform's logs).
            Logs => logs: LogsInventory, iam: "logs", Regional;
            /// Amazon Redshift Serverless workgroups and namespaces.
            RedshiftServerless => redshiftserverless: RedshiftServerlessInventory, iam: "redshift-serverless", Regional;
            /// Amazon CloudWatch metric alarms (pipeline alerting).
            CloudWatch => cloudwatch: CloudWatchInventory, iam: "cloudwatch", Regional;
        }
    };
}
