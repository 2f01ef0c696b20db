//! What the formats people read share: checks in order of urgency, and times
//! and durations written for people (the JSON keeps RFC 3339 and milliseconds).

use lakelint_checks::{Finding, Severity, Status};

use super::Report;

/// A sentence on the buckets whose data-lake role is open, when there are any.
pub(crate) fn roles_incomplete(report: &Report) -> Option<String> {
    let mut open = report
        .resources
        .iter()
        .filter_map(|r| r.roles_incomplete.as_ref());
    let reason = open.next()?;
    Some(format!(
        "Data-lake roles of {} bucket(s) are incomplete ({reason}): their data-lake checks are UNKNOWN.",
        open.count() + 1
    ))
}

/// One check's findings, and what ranks it.
pub(crate) struct CheckGroup<'a> {
    /// The check's id.
    pub check_id: &'a str,
    /// Its findings, in report order.
    pub findings: Vec<&'a Finding>,
    /// The worst severity among its unmuted FAIL findings; `None` when none fails.
    pub worst: Option<Severity>,
    /// How many of its findings fail, unmuted.
    pub failing: usize,
}

/// The findings grouped by check, most urgent first: by the worst severity of
/// an unmuted FAIL, then by how many fail, then by id; checks that do not
/// fail come last, by id.
pub(crate) fn by_urgency<'a>(
    findings: impl IntoIterator<Item = &'a Finding>,
) -> Vec<CheckGroup<'a>> {
    let mut groups: Vec<CheckGroup<'a>> = Vec::new();
    for f in findings {
        let group = match groups.iter_mut().position(|g| g.check_id == f.check_id) {
            Some(i) => &mut groups[i],
            None => {
                groups.push(CheckGroup {
                    check_id: &f.check_id,
                    findings: Vec::new(),
                    worst: None,
                    failing: 0,
                });
                groups.last_mut().expect("just pushed")
            }
        };
        if f.status == Status::Fail && !f.muted {
            group.failing += 1;
            group.worst = group.worst.max(Some(f.severity));
        }
        group.findings.push(f);
    }
    groups.sort_by(|a, b| {
        b.worst
            .cmp(&a.worst)
            .then(b.failing.cmp(&a.failing))
            .then(a.check_id.cmp(b.check_id))
    });
    groups
}

/// `2026-12-01T22:24:05.123Z` → `2026-12-01 22:24 UTC`; text that is not
/// RFC 3339 is shown as it is.
pub(crate) fn human_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .format("%Y-%m-%d %H:%M UTC")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_string())
}

/// `1387` → `1.4 s`; `125000` → `2 min 5 s`; `7260000` → `2 h 1 min`.
pub(crate) fn human_duration(ms: u64) -> String {
    let seconds = ms / 1000;
    match seconds {
        0..=59 => format!("{:.1} s", ms as f64 / 1000.0),
        60..=3599 => format!("{} min {} s", seconds / 60, seconds % 60),
        _ => format!("{} h {} min", seconds / 3600, seconds % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worst_failures_first_passing_checks_last() {
        let inventory: lakelint_checks::Inventory =
            serde_json::from_str(include_str!("../../tests/fixtures/demo-inventory.json")).unwrap();
        let findings = lakelint_checks::evaluate(
            &inventory,
            &lakelint_checks::Config::default(),
            &lakelint_checks::Selection::default(),
        );
        let groups = by_urgency(&findings);
        assert_eq!(
            groups.iter().map(|g| g.findings.len()).sum::<usize>(),
            findings.len()
        );
        assert!(groups.iter().any(|g| g.worst.is_none()) && groups[0].worst.is_some());
        for pair in groups.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                (a.worst, a.failing) >= (b.worst, b.failing),
                "{} before {}",
                a.check_id,
                b.check_id
            );
        }
    }

    #[test]
    fn times_for_people() {
        assert_eq!(
            human_time("2026-12-01T22:24:05.123456Z"),
            "2026-12-01 22:24 UTC"
        );
        assert_eq!(
            human_time("2026-12-02T00:24:05+02:00"),
            "2026-12-01 22:24 UTC"
        );
        assert_eq!(human_time("yesterday"), "yesterday");
        assert_eq!(human_duration(1387), "1.4 s");
        assert_eq!(human_duration(125_000), "2 min 5 s");
        assert_eq!(human_duration(7_260_000), "2 h 1 min");
    }
}
