//! Counts of findings by status, pillar and severity.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::findings::finding::{Finding, Status};

/// Counts of PASS, FAIL and UNKNOWN, always with all three keys.
pub type StatusCounts = BTreeMap<Status, usize>;

/// What a report's findings add up to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Every finding, muted ones included.
    pub total: usize,
    /// By verdict.
    pub by_status: StatusCounts,
    /// Keyed by each finding's primary pillar, so every finding counts once.
    pub by_pillar: BTreeMap<String, StatusCounts>,
    /// By the check's severity.
    pub by_severity: BTreeMap<String, StatusCounts>,
    /// Findings muted by a mutelist, also counted above.
    pub muted: usize,
    /// Per primary pillar, then `overall`: see [`Score`].
    pub scores: BTreeMap<String, Score>,
    /// Unmuted UNKNOWN findings by their reason.
    pub unknown_by_reason: BTreeMap<String, usize>,
}

/// How well a pillar does: the share of judged findings that pass, each
/// weighted by its severity (critical 10, high 5, medium 3, low 1, info 0).
/// UNKNOWN and muted findings are not judged and are counted beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// 0 to 100, one decimal; `None` when nothing was judged.
    pub score: Option<f64>,
    /// Unmuted PASS findings.
    pub passed: usize,
    /// Unmuted FAIL findings.
    pub failed: usize,
    /// Unmuted UNKNOWN findings.
    pub unknown: usize,
    /// Muted findings of any verdict.
    pub muted: usize,
}

impl Score {
    fn of<'a>(findings: impl Iterator<Item = &'a Finding>) -> Self {
        let (mut passed_weight, mut judged_weight) = (0u64, 0u64);
        let mut score = Score {
            score: None,
            passed: 0,
            failed: 0,
            unknown: 0,
            muted: 0,
        };
        for f in findings {
            let weight = u64::from(f.severity.weight());
            match (f.muted, f.status) {
                (true, _) => score.muted += 1,
                (false, Status::Unknown) => score.unknown += 1,
                (false, Status::Pass) => {
                    score.passed += 1;
                    passed_weight += weight;
                    judged_weight += weight;
                }
                (false, Status::Fail) => {
                    score.failed += 1;
                    judged_weight += weight;
                }
            }
        }
        if judged_weight > 0 {
            let share = passed_weight as f64 * 100.0 / judged_weight as f64;
            score.score = Some((share * 10.0).round() / 10.0);
        }
        score
    }
}

fn zeroed() -> StatusCounts {
    Status::ALL.into_iter().map(|s| (s, 0)).collect()
}

impl Summary {
    /// Counts and scores these findings.
    pub fn of(findings: &[Finding]) -> Self {
        let mut summary = Summary {
            total: findings.len(),
            by_status: zeroed(),
            by_pillar: crate::findings::finding::Pillar::ALL
                .into_iter()
                .map(|p| (p.as_str().to_string(), zeroed()))
                .collect(),
            by_severity: crate::findings::finding::Severity::ALL
                .into_iter()
                .map(|s| (s.as_str().to_string(), zeroed()))
                .collect(),
            muted: findings.iter().filter(|f| f.muted).count(),
            scores: crate::findings::finding::Pillar::ALL
                .into_iter()
                .map(|p| {
                    let of_pillar = findings.iter().filter(|f| f.pillar == p);
                    (p.as_str().to_string(), Score::of(of_pillar))
                })
                .chain([("overall".to_string(), Score::of(findings.iter()))])
                .collect(),
            unknown_by_reason: BTreeMap::new(),
        };
        for f in findings
            .iter()
            .filter(|f| f.status == Status::Unknown && !f.muted)
        {
            let reason = f.reason.clone().unwrap_or_else(|| "unknown".into());
            *summary.unknown_by_reason.entry(reason).or_default() += 1;
        }
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
    use crate::engine::evaluate::{evaluate, Selection};
    use crate::findings::config::Config;
    use crate::testing::{bare_bucket, inventory};

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
        assert_eq!(s.scores.len(), 7);
    }

    #[test]
    fn scores_weigh_by_severity_and_leave_out_unknown_and_muted() {
        let inv = inventory(vec![bare_bucket("a", "us-east-1")]);
        let mut findings = evaluate(&inv, &Config::default(), &Selection::default());
        findings.retain(|f| f.pillar == crate::findings::finding::Pillar::Reliability);
        // One medium FAIL (versioning); make it pass, add a high FAIL and an unknown.
        let mut pass = findings[0].clone();
        pass.status = Status::Pass;
        let mut high_fail = findings[0].clone();
        high_fail.severity = crate::findings::finding::Severity::High;
        let mut unknown = findings[0].clone();
        unknown.status = Status::Unknown;
        let mut muted = findings[0].clone();
        muted.muted = true;
        let s = Summary::of(&[pass, high_fail, unknown, muted]);
        let r = &s.scores["reliability"];
        // 3 passed of 3 + 5 judged.
        assert_eq!(r.score, Some(37.5));
        assert_eq!((r.passed, r.failed, r.unknown, r.muted), (1, 1, 1, 1));
        assert_eq!(s.scores["security"].score, None);
        assert_eq!(s.scores["overall"].score, Some(37.5));
    }
}
