//! Counts of findings by status, pillar and severity.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Status};

/// Counts of PASS, FAIL and UNKNOWN, always with all three keys.
pub type StatusCounts = BTreeMap<Status, usize>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub total: usize,
    pub by_status: StatusCounts,
    /// Keyed by each finding's primary pillar, so every finding counts once.
    pub by_pillar: BTreeMap<String, StatusCounts>,
    pub by_severity: BTreeMap<String, StatusCounts>,
    /// Findings muted by a mutelist, also counted above.
    pub muted: usize,
}

fn zeroed() -> StatusCounts {
    Status::ALL.into_iter().map(|s| (s, 0)).collect()
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Self {
        let mut summary = Summary {
            total: findings.len(),
            by_status: zeroed(),
            by_pillar: crate::finding::Pillar::ALL
                .into_iter()
                .map(|p| (p.as_str().to_string(), zeroed()))
                .collect(),
            by_severity: crate::finding::Severity::ALL
                .into_iter()
                .map(|s| (s.as_str().to_string(), zeroed()))
                .collect(),
            muted: findings.iter().filter(|f| f.muted).count(),
        };
        for f in findings {
            *summary.by_status.entry(f.status).or_default() += 1;
            let pillar = summary
                .by_pillar
                .entry(f.pillar.as_str().into())
                .or_insert_with(zeroed);
            *pillar.entry(f.status).or_default() += 1;
            let severity = summary
                .by_severity
                .entry(f.severity.as_str().into())
                .or_insert_with(zeroed);
            *severity.entry(f.status).or_default() += 1;
        }
        summary
    }

    /// Unmuted FAIL findings: what decides the exit code.
    pub fn failing(findings: &[Finding]) -> usize {
        findings
            .iter()
            .filter(|f| f.status == Status::Fail && !f.muted)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::engine::{evaluate, Selection};
    use crate::pillars::testing::{bare_bucket, inventory};

    #[test]
    fn counts_add_up() {
        let inv = inventory(vec![
            bare_bucket("a", "us-east-1"),
            bare_bucket("b", "eu-west-1"),
        ]);
        let findings = evaluate(&inv, &Config::default(), &Selection::default());
        let s = Summary::of(&findings);
        assert_eq!(s.total, findings.len());
        assert_eq!(s.by_status.values().sum::<usize>(), s.total);
        let pillar_total: usize = s.by_pillar.values().flat_map(|c| c.values()).sum();
        assert_eq!(pillar_total, s.total);
        assert_eq!(s.by_pillar.len(), 6);
        assert_eq!(Summary::failing(&findings), s.by_status[&Status::Fail]);
        let json = serde_json::to_value(&s).unwrap();
        assert!(json["by_status"]["FAIL"].as_u64().unwrap() > 0);
        assert_eq!(json["by_severity"]["critical"]["PASS"], 0);
    }
}
