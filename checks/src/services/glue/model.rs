//! Glue, per region: jobs, crawlers, the Data Catalog's tables and encryption
//! settings, security configurations, the Schema Registry's schemas and the
//! tables Data Quality rulesets check.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::observed::{Observed, Regional, Unobserved, UnobservedKind};

/// Glue in every scanned region.
pub type GlueInventory = Regional<GlueRegion>;

/// Glue in one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueRegion {
    /// The region.
    pub region: String,
    /// ETL, streaming, Python shell and Ray jobs.
    pub jobs: Vec<GlueJob>,
    /// Crawlers.
    pub crawlers: Vec<GlueCrawler>,
    /// The names of the Data Catalog's databases.
    #[serde(default)]
    pub databases: Vec<String>,
    /// The tables of every database of the region's Data Catalog.
    pub tables: Vec<GlueTable>,
    /// Triggers that start jobs and crawlers.
    #[serde(default)]
    pub triggers: Vec<GlueTrigger>,
    /// Security configurations.
    pub security_configurations: Observed<Vec<GlueSecurityConfiguration>>,
    /// The Data Catalog's encryption settings.
    pub catalog_encryption: Observed<CatalogEncryption>,
    /// The Schema Registry's schemas, of every registry.
    #[serde(default)]
    pub schemas: Vec<GlueSchema>,
    /// The tables (`database.table`) of this account's catalog that a Data
    /// Quality ruleset targets.
    #[serde(default = "data_quality_not_read")]
    pub data_quality_targets: Observed<Vec<String>>,
}

/// What an inventory saved before lakelint read Data Quality rulesets says of them.
fn data_quality_not_read() -> Observed<Vec<String>> {
    Observed::Unknown(
        Unobserved::new(UnobservedKind::NotScanned, "glue:ListDataQualityRulesets")
            .with_message("the saved inventory predates the Data Quality read"),
    )
}

/// A schema of the Glue Schema Registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueSchema {
    /// The registry it belongs to.
    pub registry: String,
    /// The schema name.
    pub name: String,
    /// `arn:PARTITION:glue:REGION:ACCOUNT:schema/REGISTRY/NAME`.
    pub arn: String,
    /// `AVAILABLE`, `PENDING`, `DELETING`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `NONE`, `DISABLED`, `BACKWARD`, `BACKWARD_ALL`, `FORWARD`,
    /// `FORWARD_ALL`, `FULL`, `FULL_ALL` (GetSchema).
    pub compatibility: Observed<String>,
}

/// A Glue job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueJob {
    /// The job name.
    pub name: String,
    /// `arn:PARTITION:glue:REGION:ACCOUNT:job/NAME`.
    pub arn: String,
    /// `glueetl`, `gluestreaming`, `pythonshell`, `glueray`.
    pub command: Observed<String>,
    /// For a visual job, whether one of its source nodes reads the Data
    /// Catalog or S3; `None` for a script job, whose sources are in its script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reads_catalog_or_s3: Option<bool>,
    /// `None` when unset (Glue then runs 0.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glue_version: Option<String>,
    /// The security configuration's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_configuration: Option<String>,
    /// Only the default arguments checks read (`--enable-metrics`, …).
    pub arguments: BTreeMap<String, String>,
    /// Keys of default arguments that look like credentials. Their values are
    /// dropped at collection and never stored.
    #[serde(default)]
    pub secret_argument_keys: Vec<String>,
    /// Minutes; `None` when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_minutes: Option<i32>,
    /// Retries after a failed run.
    pub max_retries: i32,
    /// The job's tags.
    pub tags: Observed<BTreeMap<String, String>>,
    /// Where its script is kept (`GITHUB owner/repo`); `None` when the job
    /// is not linked to source control.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_control: Option<String>,
}

/// A Glue crawler.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueCrawler {
    /// The crawler name.
    pub name: String,
    /// `arn:PARTITION:glue:REGION:ACCOUNT:crawler/NAME`.
    pub arn: String,
    /// The security configuration's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_configuration: Option<String>,
    /// `s3://…` paths the crawler reads.
    #[serde(default)]
    pub s3_targets: Vec<String>,
    /// Its schedule, `cron(…)`; `None` when it runs on demand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// `SCHEDULED`, `NOT_SCHEDULED` or `TRANSITIONING`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_state: Option<String>,
}

/// A Glue trigger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueTrigger {
    /// The trigger name.
    pub name: String,
    /// `arn:PARTITION:glue:REGION:ACCOUNT:trigger/NAME`.
    pub arn: String,
    /// `SCHEDULED`, `CONDITIONAL`, `ON_DEMAND` or `EVENT`.
    pub trigger_type: Observed<String>,
    /// `CREATED`, `ACTIVATED`, `DEACTIVATED`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Its schedule, `cron(…)`, for a scheduled trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
}

/// A Data Catalog table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueTable {
    /// Its database.
    pub database: String,
    /// The table name.
    pub name: String,
    /// `arn:PARTITION:glue:REGION:ACCOUNT:table/DATABASE/NAME`.
    pub arn: String,
    /// `EXTERNAL_TABLE`, `MANAGED_TABLE`, `VIRTUAL_VIEW`, …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table_type: Option<String>,
    /// `false` for views and tables defined without a storage descriptor.
    pub has_storage: bool,
    /// Where the data is, `s3://…` for the lake.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Hadoop input format class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_format: Option<String>,
    /// Hadoop output format class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_format: Option<String>,
    /// SerDe class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serde_library: Option<String>,
    /// Only the table parameters that tell the format: `classification`,
    /// `table_type`, `spark.sql.sources.provider`.
    #[serde(default)]
    pub format_parameters: BTreeMap<String, String>,
    /// How many partition keys it has.
    pub partition_keys: usize,
}

/// A Glue security configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlueSecurityConfiguration {
    /// The configuration name.
    pub name: String,
    /// S3 encryption: `DISABLED`, `SSE-KMS`, `SSE-S3`.
    pub s3: EncryptionSetting,
    /// CloudWatch Logs encryption: `DISABLED`, `SSE-KMS`.
    pub cloudwatch: EncryptionSetting,
    /// Job-bookmark encryption: `DISABLED`, `CSE-KMS`.
    pub job_bookmarks: EncryptionSetting,
}

impl GlueSecurityConfiguration {
    /// Its three settings, named as messages name them.
    pub fn settings(&self) -> [(&EncryptionSetting, &'static str); 3] {
        [
            (&self.s3, "S3"),
            (&self.cloudwatch, "CloudWatch"),
            (&self.job_bookmarks, "job bookmarks"),
        ]
    }
}

/// One encryption setting of a security configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptionSetting {
    /// The mode; unknown when the answer omitted the setting.
    pub mode: Observed<String>,
    /// Its KMS key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
}

/// The Data Catalog's encryption settings in a region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEncryption {
    /// `DISABLED`, `SSE-KMS`, `SSE-KMS-WITH-SERVICE-ROLE`.
    pub at_rest_mode: Observed<String>,
    /// The key of encryption at rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_rest_kms_key: Option<String>,
    /// Connection passwords are returned encrypted.
    pub connection_password_encrypted: Observed<bool>,
    /// The key connection passwords are encrypted with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_password_kms_key: Option<String>,
}
