//! Muting known findings: `[[mute]]` entries of the config file. A muted
//! finding keeps its status and stays in every output, marked `muted` with the
//! entry's reason; it no longer fails the run or counts in the scores.

use std::collections::{BTreeMap, HashMap};

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

use crate::findings::finding::Finding;
use crate::interpret::pattern::wildcard_match;
use crate::model::Inventory;

/// One `[[mute]]` entry: which findings it mutes and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MuteRule {
    /// A check id, or a pattern with `*` (`s3.*`).
    pub check: String,
    /// Which resources, by ARN; all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<ResourceMatch>,
    /// Only in this region; all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Only in this account; all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Tags the resource must carry (keys case-insensitive, values exact).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
    /// Why the finding is accepted; shown beside every muted finding.
    pub reason: Reason,
    /// Last day (`YYYY-MM-DD`) the entry applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<Day>,
}

/// How a rule names resources: the kind of match is always explicit.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ResourceMatch {
    /// The ARN itself.
    Exact(String),
    /// `*` matches any run of characters.
    Glob(String),
    /// Must match the whole ARN.
    Regex(WholeRegex),
}

impl PartialEq for ResourceMatch {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Exact(a), Self::Exact(b)) | (Self::Glob(a), Self::Glob(b)) => a == b,
            (Self::Regex(a), Self::Regex(b)) => a.0.as_str() == b.0.as_str(),
            _ => false,
        }
    }
}

impl ResourceMatch {
    fn matches(&self, arn: &str) -> bool {
        match self {
            Self::Exact(exact) => exact == arn,
            Self::Glob(glob) => wildcard_match(glob, arn),
            Self::Regex(regex) => regex.0.is_match(arn),
        }
    }
}

/// A regex anchored at both ends, compiled when the config is read so a bad
/// one is reported with its line.
#[derive(Debug, Clone)]
pub struct WholeRegex(regex::Regex);

impl<'de> Deserialize<'de> for WholeRegex {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        regex::Regex::new(&format!("^(?:{text})$"))
            .map(WholeRegex)
            .map_err(|e| de::Error::custom(format!("invalid regex `{text}`: {e}")))
    }
}

impl Serialize for WholeRegex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.0.as_str();
        s.serialize_str(&text[4..text.len() - 2])
    }
}

/// A reason that says something.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason(pub String);

impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text.trim().is_empty() {
            return Err(de::Error::custom("a mute entry needs a non-empty reason"));
        }
        Ok(Reason(text))
    }
}

/// A calendar day, `YYYY-MM-DD`; ordered as text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Day(pub String);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let parts: Vec<&str> = text.split('-').collect();
        let valid = matches!(parts[..], [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2)
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
            && (1..=12).contains(&parts[1].parse::<u8>().unwrap_or(0))
            && (1..=31).contains(&parts[2].parse::<u8>().unwrap_or(0));
        if !valid {
            return Err(de::Error::custom(format!(
                "`{text}` is not a date of the form YYYY-MM-DD"
            )));
        }
        Ok(Day(text))
    }
}

impl MuteRule {
    fn expired(&self, today: &str) -> bool {
        self.expires
            .as_ref()
            .is_some_and(|day| day.0.as_str() < today)
    }

    fn matches(&self, finding: &Finding, tags: Option<&BTreeMap<String, String>>) -> bool {
        let r = &finding.resource;
        wildcard_match(&self.check, &finding.check_id)
            && self.resource.as_ref().is_none_or(|m| m.matches(&r.arn))
            && self
                .region
                .as_ref()
                .is_none_or(|region| region == &r.region)
            && self
                .account
                .as_ref()
                .is_none_or(|account| account == &r.account_id)
            && self.tags.iter().all(|(key, value)| {
                tags.is_some_and(|t| {
                    t.iter()
                        .any(|(k, v)| k.eq_ignore_ascii_case(key) && v == value)
                })
            })
    }
}

/// Tags of the resources that carry them, by ARN.
fn resource_tags(inventory: &Inventory) -> HashMap<&str, &BTreeMap<String, String>> {
    let mut tags = HashMap::new();
    for b in inventory.s3.iter().flat_map(|s3| &s3.buckets) {
        if let Some(t) = b.tags.known() {
            tags.insert(b.arn.as_str(), t);
        }
    }
    for j in inventory
        .glue
        .iter()
        .flat_map(|g| &g.regions)
        .flat_map(|r| &r.jobs)
    {
        if let Some(t) = j.tags.known() {
            tags.insert(j.arn.as_str(), t);
        }
    }
    for c in inventory
        .redshift
        .iter()
        .flat_map(|r| &r.regions)
        .flat_map(|r| &r.clusters)
    {
        tags.insert(c.arn.as_str(), &c.tags);
    }
    tags
}

/// Mutes the findings the rules match, as of `today` (`YYYY-MM-DD`), and
/// returns the rules that have expired (they no longer apply).
pub fn apply<'a>(
    findings: &mut [Finding],
    rules: &'a [MuteRule],
    inventory: &Inventory,
    today: &str,
) -> Vec<&'a MuteRule> {
    let tags = resource_tags(inventory);
    let (expired, live): (Vec<&MuteRule>, Vec<&MuteRule>) =
        rules.iter().partition(|r| r.expired(today));
    for finding in findings.iter_mut() {
        let resource_tags = tags.get(&*finding.resource.arn).copied();
        if let Some(rule) = live.iter().find(|r| r.matches(finding, resource_tags)) {
            finding.muted = true;
            finding.mute_reason = Some(rule.reason.0.clone());
        }
    }
    expired
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::evaluate::{evaluate, Selection};
    use crate::findings::config::Config;
    use crate::model::Observed;
    use crate::testing::{bare_bucket, inventory};

    fn rules(toml_like: &str) -> Vec<MuteRule> {
        // The binary parses TOML; here the same shapes come through JSON.
        serde_json::from_str(toml_like).unwrap()
    }

    fn scan() -> (Inventory, Vec<Finding>) {
        let mut scratch = bare_bucket("scratch-1", "us-east-1");
        scratch.tags = Observed::Known([("env".to_string(), "dev".to_string())].into());
        let inv = inventory(vec![scratch, bare_bucket("lake", "eu-west-1")]);
        let findings = evaluate(&inv, &Config::default(), &Selection::default());
        (inv, findings)
    }

    fn muted(findings: &[Finding], bucket: &str, check: &str) -> Option<String> {
        let f = findings
            .iter()
            .find(|f| f.resource.id == bucket && f.check_id == check)
            .unwrap();
        assert_eq!(f.muted, f.mute_reason.is_some());
        f.mute_reason.clone()
    }

    #[test]
    fn every_matcher() {
        let (inv, mut findings) = scan();
        let rules = rules(
            r#"[
            {"check": "s3.bucket_versioning", "resource": {"glob": "arn:aws:s3:::scratch-*"}, "reason": "scratch"},
            {"check": "s3.bucket_lifecycle", "resource": {"regex": "arn:aws:s3:::la.e"}, "reason": "regex"},
            {"check": "s3.bucket_lifecycle", "resource": {"regex": "scratch"}, "reason": "never a substring"},
            {"check": "s3.*", "tags": {"ENV": "dev"}, "region": "us-east-1", "reason": "dev buckets"},
            {"check": "s3.bucket_replication", "account": "999999999999", "reason": "other account"}
        ]"#,
        );
        let expired = apply(&mut findings, &rules, &inv, "2026-11-26");
        assert!(expired.is_empty());
        assert_eq!(
            muted(&findings, "scratch-1", "s3.bucket_versioning").as_deref(),
            Some("scratch")
        );
        assert_eq!(
            muted(&findings, "lake", "s3.bucket_lifecycle").as_deref(),
            Some("regex")
        );
        assert_eq!(
            muted(&findings, "scratch-1", "s3.bucket_lifecycle").as_deref(),
            Some("dev buckets")
        );
        assert_eq!(muted(&findings, "lake", "s3.bucket_versioning"), None);
        // Muted findings keep their status.
        let f = findings
            .iter()
            .find(|f| f.resource.id == "lake" && f.check_id == "s3.bucket_lifecycle")
            .unwrap();
        assert_eq!(f.status, crate::findings::finding::Status::Fail);
    }

    #[test]
    fn expired_rules_stop_applying() {
        let (inv, mut findings) = scan();
        let rules = rules(
            r#"[{"check": "s3.*", "reason": "until the migration", "expires": "2026-11-25"},
                {"check": "s3.*", "reason": "today counts", "expires": "2026-11-26"}]"#,
        );
        let expired = apply(&mut findings, &rules, &inv, "2026-11-26");
        assert_eq!(expired.len(), 1);
        assert_eq!(expired[0].reason.0, "until the migration");
        assert!(findings
            .iter()
            .all(|f| f.mute_reason.as_deref() == Some("today counts")));
    }

    #[test]
    fn malformed_rules_are_rejected() {
        for bad in [
            r#"[{"check": "s3.*"}]"#,
            r#"[{"check": "s3.*", "reason": " "}]"#,
            r#"[{"check": "s3.*", "reason": "r", "expires": "26-11-2026"}]"#,
            r#"[{"check": "s3.*", "reason": "r", "resource": {"regex": "("}}]"#,
            r#"[{"check": "s3.*", "reason": "r", "resource": {"contains": "x"}}]"#,
            r#"[{"check": "s3.*", "reason": "r", "bucket": "x"}]"#,
        ] {
            assert!(serde_json::from_str::<Vec<MuteRule>>(bad).is_err(), "{bad}");
        }
    }
}
