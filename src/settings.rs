//! Loading `lakelint.toml`.

use std::path::Path;

use anyhow::{Context, Result};
use lakelint_checks::Config;

/// The config file read when `--config` is not given.
pub const DEFAULT_CONFIG_FILE: &str = "lakelint.toml";

/// The config at `path`, else `./lakelint.toml` when it exists, else defaults.
pub fn load(path: Option<&Path>) -> Result<Config> {
    let path = match path {
        Some(path) => path,
        None if Path::new(DEFAULT_CONFIG_FILE).exists() => Path::new(DEFAULT_CONFIG_FILE),
        None => return Ok(Config::default()),
    };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    parse(&text).with_context(|| format!("invalid config file {}", path.display()))
}

/// Parses the text of a `lakelint.toml`.
pub fn parse(text: &str) -> Result<Config> {
    Ok(toml::from_str(text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example_parses() {
        let config = parse(
            r#"
            required_tags = ["owner", "cost-center"]
            [s3]
            data_lake_buckets = ["raw-*", "curated-*"]
            "#,
        )
        .unwrap();
        assert_eq!(config.required_tags, ["owner", "cost-center"]);
        assert!(config.is_declared_data_lake("raw-events"));
    }

    #[test]
    fn second_edition_settings() {
        let config = parse(
            r#"
            [rds]
            min_backup_retention_days = 14
            [secretsmanager]
            unused_days = 30
            [wellarchitected]
            review_max_age_days = 90
            [peak_window]
            days = ["mon", "Tuesday", "SAT"]
            start = "07:30"
            end = "24:00"
            "#,
        )
        .unwrap();
        assert_eq!(config.rds.min_backup_retention_days, 14);
        assert_eq!(config.secretsmanager.unused_days, 30);
        assert_eq!(config.wellarchitected.review_max_age_days, 90);
        assert_eq!(config.peak_window.days, [1, 2, 6]);
        assert_eq!(config.peak_window.describe(), "MON,TUE,SAT 07:30-24:00 UTC");
        for (text, complaint) in [
            (
                "[peak_window]\ndays = [\"mon\"]\nstart = \"20:00\"\nend = \"08:00\"\n",
                "must end after it starts",
            ),
            (
                "[peak_window]\ndays = [\"funday\"]\nstart = \"08:00\"\nend = \"20:00\"\n",
                "not a day of the week",
            ),
            (
                "[peak_window]\ndays = [\"mon\"]\nstart = \"8am\"\nend = \"20:00\"\n",
                "not a time of day",
            ),
            (
                "[peak_window]\ndays = [\"mon\"]\nstart = \"08:00\"\n",
                "missing field `end`",
            ),
            ("[rds]\nmin_backup_retention_days = 0\n", "at least 1"),
            (
                "[logs]\npipeline_prefixes = [\"/aws-glue/\", \"\"]\n",
                "must not be empty",
            ),
            ("iac_tag_keys = [\"\"]\n", "not a tag key"),
            (
                "[glue]\ndata_quality_databases = [\" \"]\n",
                "database pattern must not be empty",
            ),
            ("[secretsmanager]\nunused_days = -3\n", "line 2"),
        ] {
            let err = format!("{:#}", parse(text).unwrap_err());
            assert!(err.contains(complaint), "{text}: {err}");
        }
    }

    #[test]
    fn empty_file_means_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// A config or mutelist file is user input: any text gives a value
        /// or an error, never a panic.
        #[test]
        fn any_text_parses_or_errs(text in "(\\[\\[mute\\]\\]|check|reason|resource|regex|glob|expires|=|\"|\\{|\\}|\n|[ -~]){0,120}") {
            let _ = parse(&text);
        }
    }

    #[test]
    fn typos_and_bad_types_are_errors() {
        let err = parse("[s3]\ndata_lake_bucket = [\"x\"]\n").unwrap_err();
        assert!(
            format!("{err:#}").contains("unknown field `data_lake_bucket`"),
            "{err:#}"
        );
        let err = parse("required_tags = \"owner\"\n").unwrap_err();
        assert!(format!("{err:#}").contains("line 1"), "{err:#}");
        // A version that is not major.minor is refused, with its line.
        let err = parse("[glue]\nmin_version = \"x\"\n").unwrap_err();
        let text = format!("{err:#}");
        assert!(
            text.contains("line 2") && text.contains("major.minor"),
            "{text}"
        );
    }
}
