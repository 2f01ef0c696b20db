//! A Markdown summary for a CI job summary or a pull-request comment.

use std::io::{self, Write};

use lakelint_checks::Pillar;

use super::present::{by_urgency, human_duration, human_time};
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
        "## lakelint: account {} ({})\n\nScanned {} in {} · regions {} · {} resources · {} findings · overall score **{}**\n\n",
        scan.account_id,
        scan.partition,
        human_time(&scan.started_at),
        human_duration(scan.duration_ms),
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
            "\nAgainst the baseline: **{} new**, {} unchanged, {} resolved failing findings; {} no longer observed (could not be seen now), {} outside this scan's scope.\n",
            cmp.new,
            cmp.unchanged,
            cmp.resolved.len(),
            cmp.no_longer_observed.len(),
            cmp.out_of_scope
        )?;
    }

    // The order of the HTML page: worst failing severity, then failing count.
    let groups = by_urgency(&report.findings);
    let mut top = groups.iter().filter_map(|g| Some((g, g.worst?))).peekable();
    if top.peek().is_some() {
        out.write_all("\n### Top failing checks\n\n| Severity | Check | Failing resources | Title |\n|---|---|---:|---|\n".as_bytes())?;
        for (group, worst) in top.take(TOP_CHECKS) {
            writeln!(
                out,
                "| {} | `{}` | {} | {} |",
                worst.as_str(),
                group.check_id,
                group.failing,
                group.findings[0].title
            )?;
        }
    }
    if let Some(sentence) = super::present::roles_incomplete(report) {
        write!(out, "\n{sentence}\n")?;
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
