//! A Markdown summary for a CI job summary or a pull-request comment.

use std::collections::BTreeMap;

use lakelint_checks::{Pillar, Status};

use std::io::{self, Write};

use super::{pillar_title, Report};

/// Failing checks listed, worst first.
const TOP_CHECKS: usize = 10;

/// Writes the summary.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let scan = &report.scan;
    let summary = &report.summary;
    let score = |s: Option<f64>| s.map_or("–".to_string(), |v| format!("{v:.1}"));
    write!(
        out,
        "## lakelint: account {} ({})\n\nRegions {} · {} resources · {} findings · overall score **{}**\n\n",
        scan.account_id,
        scan.partition,
        scan.regions.join(", "),
        report.resources.len(),
        summary.total,
        score(summary.scores["overall"].score),
    )?;
    out.write_all(
        "| Pillar | Score | PASS | FAIL | UNKNOWN | Muted |\n|---|---:|---:|---:|---:|---:|\n"
            .as_bytes(),
    )?;
    for pillar in Pillar::ALL {
        let s = &summary.scores[pillar.as_str()];
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            pillar_title(pillar.as_str()),
            score(s.score),
            s.passed,
            s.failed,
            s.unknown,
            s.muted
        )?;
    }
    if let Some(cmp) = &report.baseline {
        write!(
            out,
            "\nAgainst the baseline: **{} new**, {} unchanged, {} resolved failing findings.\n",
            cmp.new,
            cmp.unchanged,
            cmp.resolved.len()
        )?;
    }

    let mut failing: BTreeMap<&str, (&lakelint_checks::Finding, usize)> = BTreeMap::new();
    for f in report
        .findings
        .iter()
        .filter(|f| f.status == Status::Fail && !f.muted)
    {
        failing.entry(&f.check_id).or_insert((f, 0)).1 += 1;
    }
    let mut top: Vec<_> = failing.into_values().collect();
    top.sort_by(|(a, n), (b, m)| {
        b.severity
            .cmp(&a.severity)
            .then(m.cmp(n))
            .then(a.check_id.cmp(&b.check_id))
    });
    if !top.is_empty() {
        out.write_all("\n### Top failing checks\n\n| Severity | Check | Failing resources | Title |\n|---|---|---:|---|\n".as_bytes())?;
        for (f, n) in top.iter().take(TOP_CHECKS) {
            writeln!(
                out,
                "| {} | `{}` | {} | {} |",
                f.severity.as_str(),
                f.check_id,
                n,
                f.title
            )?;
        }
    }
    if !scan.gaps.is_empty() {
        write!(
            out,
            "\n{} listing(s) could not be read; see `scan.gaps` in the JSON report.\n",
            scan.gaps.len()
        )?;
    }
    Ok(())
}
