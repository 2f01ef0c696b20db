//! Thresholds and policies the checks read, from `lakelint.toml`.

use serde::{Deserialize, Serialize};

/// The whole `lakelint.toml`; every key is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Tag keys every taggable resource must carry (matched case-insensitively).
    pub required_tags: Vec<String>,
    /// Tag keys that show a resource was deployed as code (matched
    /// case-insensitively), beside CloudFormation's stack tag.
    #[serde(deserialize_with = "tag_keys")]
    pub iac_tag_keys: Vec<String>,
    /// `[s3]`.
    pub s3: S3Config,
    /// `[glue]`.
    pub glue: GlueConfig,
    /// `[redshift]`.
    pub redshift: RedshiftConfig,
    /// `[emr]`.
    pub emr: EmrConfig,
    /// `[rds]`.
    pub rds: RdsConfig,
    /// `[kinesis]`.
    pub kinesis: KinesisConfig,
    /// `[logs]`.
    pub logs: LogsConfig,
    /// `[secretsmanager]`.
    pub secretsmanager: SecretsManagerConfig,
    /// `[wellarchitected]`.
    pub wellarchitected: WellArchitectedConfig,
    /// `[peak_window]`: when batch work should not run.
    pub peak_window: PeakWindow,
    /// `[[mute]]` entries.
    pub mute: Vec<crate::findings::mutelist::MuteRule>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            required_tags: vec!["owner".into()],
            iac_tag_keys: vec!["managed-by".into(), "terraform".into()],
            s3: S3Config::default(),
            glue: GlueConfig::default(),
            redshift: RedshiftConfig::default(),
            emr: EmrConfig::default(),
            rds: RdsConfig::default(),
            kinesis: KinesisConfig::default(),
            logs: LogsConfig::default(),
            secretsmanager: SecretsManagerConfig::default(),
            wellarchitected: WellArchitectedConfig::default(),
            peak_window: PeakWindow::default(),
            mute: Vec::new(),
        }
    }
}

/// The `[redshift]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedshiftConfig {
    /// Fewest days of automated snapshots to keep.
    pub min_snapshot_retention_days: i32,
}

impl Default for RedshiftConfig {
    fn default() -> Self {
        Self {
            min_snapshot_retention_days: 7,
        }
    }
}

/// The `[emr]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmrConfig {
    /// Lowest acceptable EMR major release (`emr-6.x` is 6).
    pub min_release_major: u32,
    /// Ports block public access may leave open to the internet
    /// (`emr.account_block_public_access`).
    pub allowed_public_ports: Vec<u16>,
}

impl Default for EmrConfig {
    fn default() -> Self {
        Self {
            min_release_major: 6,
            allowed_public_ports: vec![22],
        }
    }
}

/// The `[rds]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RdsConfig {
    /// Fewest days of automated backups to keep (`rds.backup_retention`).
    #[serde(deserialize_with = "days")]
    pub min_backup_retention_days: u32,
}

impl Default for RdsConfig {
    fn default() -> Self {
        Self {
            min_backup_retention_days: 7,
        }
    }
}

/// The `[kinesis]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KinesisConfig {
    /// Fewest hours a stream keeps its records (`kinesis.stream_retention`);
    /// Kinesis keeps them 24 to 8,760 hours.
    #[serde(deserialize_with = "retention_hours")]
    pub min_retention_hours: u32,
}

impl Default for KinesisConfig {
    fn default() -> Self {
        Self {
            min_retention_hours: 48,
        }
    }
}

/// Hours of stream retention: 24 to 8,760, as Kinesis allows.
fn retention_hours<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let hours = u32::deserialize(deserializer)?;
    if !(24..=8760).contains(&hours) {
        return Err(serde::de::Error::custom(format!(
            "{hours} is not a number of hours Kinesis keeps records (24 to 8760)"
        )));
    }
    Ok(hours)
}

/// Tag keys: each non-empty, at most 128 characters as AWS allows.
fn tag_keys<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let keys = Vec::<String>::deserialize(deserializer)?;
    if let Some(bad) = keys
        .iter()
        .find(|k| k.is_empty() || k.chars().count() > 128)
    {
        return Err(serde::de::Error::custom(format!(
            "`{bad}` is not a tag key (1 to 128 characters), e.g. \"managed-by\""
        )));
    }
    Ok(keys)
}

/// The `[logs]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogsConfig {
    /// Name prefixes of the data platform's log groups
    /// (`logs.pipeline_log_retention`).
    #[serde(deserialize_with = "prefixes")]
    pub pipeline_prefixes: Vec<String>,
}

impl Default for LogsConfig {
    fn default() -> Self {
        Self {
            // Glue jobs and crawlers, Lambda, Step Functions' vended logs,
            // MWAA (`airflow-<environment>-<type>`), EMR Serverless.
            pipeline_prefixes: [
                "/aws-glue/",
                "/aws/lambda/",
                "/aws/vendedlogs/states/",
                "airflow-",
                "/aws/emr-serverless/",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

/// Log-group name prefixes: each non-empty (an empty one would match every group).
fn prefixes<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let prefixes = Vec::<String>::deserialize(deserializer)?;
    if prefixes.iter().any(String::is_empty) {
        return Err(serde::de::Error::custom(
            "a log-group prefix must not be empty, e.g. \"/aws-glue/\"",
        ));
    }
    Ok(prefixes)
}

/// The `[secretsmanager]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SecretsManagerConfig {
    /// Days without a read after which a secret counts as unused.
    #[serde(deserialize_with = "days")]
    pub unused_days: u32,
}

impl Default for SecretsManagerConfig {
    fn default() -> Self {
        Self { unused_days: 90 }
    }
}

/// The `[wellarchitected]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WellArchitectedConfig {
    /// Days within which some workload's review must have been updated.
    #[serde(deserialize_with = "days")]
    pub review_max_age_days: u32,
}

impl Default for WellArchitectedConfig {
    fn default() -> Self {
        Self {
            review_max_age_days: 180,
        }
    }
}

/// The hours when the platform's interactive users need capacity (UTC):
/// scheduled batch work should run outside them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PeakWindowText", into = "PeakWindowText")]
pub struct PeakWindow {
    /// The days it applies on, `0` Sunday to `6` Saturday.
    pub days: Vec<u8>,
    /// Its first minute of the day.
    pub start_minute: u32,
    /// The first minute of the day after it (later than `start_minute`).
    pub end_minute: u32,
}

impl Default for PeakWindow {
    fn default() -> Self {
        Self {
            days: vec![1, 2, 3, 4, 5],
            start_minute: 8 * 60,
            end_minute: 20 * 60,
        }
    }
}

/// Day names as AWS cron writes them, Sunday first.
pub const DAY_NAMES: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

impl PeakWindow {
    /// Whether `minute` of the day falls inside the window.
    pub fn covers_minute(&self, minute: u32) -> bool {
        (self.start_minute..self.end_minute).contains(&minute)
    }

    /// The window in words: `MON-FRI 08:00-20:00 UTC`.
    pub fn describe(&self) -> String {
        let days: Vec<&str> = self.days.iter().map(|d| DAY_NAMES[*d as usize]).collect();
        let hm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        format!(
            "{} {}-{} UTC",
            days.join(","),
            hm(self.start_minute),
            hm(self.end_minute)
        )
    }
}

/// `[peak_window]` as written: `days = ["mon", …]`, `start = "08:00"`, `end = "20:00"`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeakWindowText {
    days: Vec<String>,
    start: String,
    end: String,
}

impl TryFrom<PeakWindowText> for PeakWindow {
    type Error = String;

    fn try_from(text: PeakWindowText) -> Result<Self, String> {
        let minute = |hm: &str| -> Result<u32, String> {
            let bad = || format!("`{hm}` is not a time of day as HH:MM (00:00 to 24:00)");
            let (h, m) = hm.split_once(':').ok_or_else(bad)?;
            let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
            if m >= 60 || h * 60 + m > 24 * 60 {
                return Err(bad());
            }
            Ok(h * 60 + m)
        };
        let mut days = Vec::new();
        for day in &text.days {
            const FULL: [&str; 7] = [
                "sunday",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
            ];
            let index = (0..7)
                .find(|&i| {
                    DAY_NAMES[i].eq_ignore_ascii_case(day) || FULL[i].eq_ignore_ascii_case(day)
                })
                .ok_or_else(|| format!("`{day}` is not a day of the week (mon, tue, … sun)"))?;
            days.push(index as u8);
        }
        days.sort_unstable();
        days.dedup();
        let (start_minute, end_minute) = (minute(&text.start)?, minute(&text.end)?);
        if start_minute >= end_minute {
            return Err(format!(
                "the window must end after it starts: {} to {}",
                text.start, text.end
            ));
        }
        Ok(Self {
            days,
            start_minute,
            end_minute,
        })
    }
}

impl From<PeakWindow> for PeakWindowText {
    fn from(window: PeakWindow) -> Self {
        let hm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
        Self {
            days: window
                .days
                .iter()
                .map(|d| DAY_NAMES[*d as usize].to_lowercase())
                .collect(),
            start: hm(window.start_minute),
            end: hm(window.end_minute),
        }
    }
}

/// A number of days, at least one.
fn days<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let days = u32::deserialize(deserializer)?;
    if days == 0 {
        return Err(serde::de::Error::custom(
            "a number of days must be at least 1",
        ));
    }
    Ok(days)
}

/// The `[glue]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GlueConfig {
    /// Overrides `required_tags` for Glue jobs.
    pub required_tags: Option<Vec<String>>,
    /// Lowest acceptable GlueVersion, as `major.minor`; validated when read.
    #[serde(deserialize_with = "major_minor")]
    pub min_version: String,
    /// Patterns (`*` matches any run of characters) of the databases whose
    /// tables Data Quality rulesets should check (`glue.database_data_quality`).
    #[serde(deserialize_with = "name_patterns")]
    pub data_quality_databases: Vec<String>,
}

impl Default for GlueConfig {
    fn default() -> Self {
        Self {
            required_tags: None,
            min_version: "3.0".into(),
            data_quality_databases: vec!["*".into()],
        }
    }
}

/// Name patterns: each non-empty (an empty one matches only the empty name,
/// which no database has).
fn name_patterns<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<String>, D::Error> {
    let patterns = Vec::<String>::deserialize(deserializer)?;
    if patterns.iter().any(|p| p.trim().is_empty()) {
        return Err(serde::de::Error::custom(
            "a database pattern must not be empty, e.g. \"curated_*\" or \"*\"",
        ));
    }
    Ok(patterns)
}

/// The `[s3]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct S3Config {
    /// Overrides `required_tags` for buckets.
    pub required_tags: Option<Vec<String>>,
    /// Bucket-name patterns (`*` matches any run of characters) to treat as
    /// data-lake buckets, beside those found from Glue table locations.
    pub data_lake_buckets: Vec<String>,
}

/// A `major.minor` version such as `4.0`; anything else is refused when the
/// config is read, so a typo never becomes version 0.0.
fn major_minor<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    let valid = text
        .split_once('.')
        .is_some_and(|(major, minor)| major.parse::<u32>().is_ok() && minor.parse::<u32>().is_ok());
    if valid {
        Ok(text)
    } else {
        Err(serde::de::Error::custom(format!(
            "`{text}` is not a version of the form major.minor, e.g. \"4.0\""
        )))
    }
}

impl Config {
    /// The tag keys a bucket must carry.
    pub fn bucket_required_tags(&self) -> &[String] {
        self.s3
            .required_tags
            .as_deref()
            .unwrap_or(&self.required_tags)
    }

    /// The tag keys a Glue job must carry.
    pub fn glue_job_required_tags(&self) -> &[String] {
        self.glue
            .required_tags
            .as_deref()
            .unwrap_or(&self.required_tags)
    }

    /// Whether the config names this bucket a data-lake bucket.
    pub fn is_declared_data_lake(&self, bucket: &str) -> bool {
        self.s3
            .data_lake_buckets
            .iter()
            .any(|pattern| crate::interpret::pattern::wildcard_match(pattern, bucket))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_tags_fall_back_to_global() {
        let mut config = Config::default();
        assert_eq!(config.bucket_required_tags(), ["owner"]);
        config.s3.required_tags = Some(vec!["team".into()]);
        assert_eq!(config.bucket_required_tags(), ["team"]);
    }
}
