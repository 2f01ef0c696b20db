//! Thresholds and policies the checks read, from `lakelint.toml`.

use serde::{Deserialize, Serialize};

/// The whole `lakelint.toml`; every key is optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Tag keys every taggable resource must carry (matched case-insensitively).
    pub required_tags: Vec<String>,
    /// `[s3]`.
    pub s3: S3Config,
    /// `[glue]`.
    pub glue: GlueConfig,
    /// `[redshift]`.
    pub redshift: RedshiftConfig,
    /// `[emr]`.
    pub emr: EmrConfig,
    /// `[[mute]]` entries.
    pub mute: Vec<crate::mutelist::MuteRule>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            required_tags: vec!["owner".into()],
            s3: S3Config::default(),
            glue: GlueConfig::default(),
            redshift: RedshiftConfig::default(),
            emr: EmrConfig::default(),
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
}

impl Default for EmrConfig {
    fn default() -> Self {
        Self {
            min_release_major: 6,
        }
    }
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
}

impl Default for GlueConfig {
    fn default() -> Self {
        Self {
            required_tags: None,
            min_version: "3.0".into(),
        }
    }
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
            .any(|pattern| crate::pattern::wildcard_match(pattern, bucket))
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
