//! The terminal summary: scores of the scan per pillar and severity, then what
//! failed and what could not be seen. Colours only on a terminal.

use std::collections::BTreeMap;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, Color, ContentArrangement, Table};
use lakelint_checks::findings::summary::StatusCounts;
use lakelint_checks::model::{Gap, UnobservedKind};
use lakelint_checks::{Pillar, Severity, Status};

use std::io::{self, Write};

use super::present::{by_urgency, human_duration, human_time, roles_incomplete};
use super::Report;

/// Failing findings listed on the terminal; the JSON report has them all.
const MAX_FAILURES_SHOWN: usize = 40;

fn status_cells(counts: &StatusCounts) -> Vec<Cell> {
    Status::ALL
        .iter()
        .map(|s| {
            let n = counts.get(s).copied().unwrap_or(0);
            let cell = Cell::new(n);
            match (s, n) {
                (_, 0) => cell,
                (Status::Pass, _) => cell.fg(Color::Green),
                (Status::Fail, _) => cell.fg(Color::Red),
                (Status::Unknown, _) => cell.fg(Color::Yellow),
            }
        })
        .collect()
}

/// Columns of a table written anywhere but a terminal (a file, a pipe, a CI log).
const WIDTH_OFF_TERMINAL: u16 = 100;

/// A table in lakelint's terminal style: as wide as the terminal, else 100
/// columns, long cells wrapped.
pub fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    if t.width().is_none() {
        t.set_width(WIDTH_OFF_TERMINAL);
    }
    t
}

/// One line per service and region that could not be (fully) listed: an
/// endpoint that does not serve a service at all says so once.
fn gap_lines(gaps: &[Gap]) -> String {
    let mut by_place: BTreeMap<(&str, Option<&str>), Vec<&Gap>> = BTreeMap::new();
    for gap in gaps {
        by_place
            .entry((gap.service.as_str(), gap.region.as_deref()))
            .or_default()
            .push(gap);
    }
    let mut out = String::new();
    for ((service, region), gaps) in by_place {
        let place = match region {
            Some(region) => format!("{service} in {region}"),
            None => service.to_string(),
        };
        let unsupported = gaps
            .iter()
            .all(|g| g.reason.kind == UnobservedKind::NotSupportedByEndpoint);
        if unsupported {
            out += &format!("not available at this endpoint: {place}\n");
        } else {
            let reasons: Vec<String> = gaps
                .iter()
                .map(|g| match &g.reason.message {
                    Some(m) => format!("{} ({m})", g.reason),
                    None => g.reason.to_string(),
                })
                .collect();
            out += &format!("not fully scanned: {place}: {}\n", reasons.join("; "));
        }
    }
    out
}

/// Writes the summary.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let scan = &report.scan;
    writeln!(
        out,
        "{} {}: account {} ({}), scanned {} in {}\nregions {}: {} resources, {} findings, {} API calls",
        report.tool.name,
        report.tool.version,
        scan.account_id,
        scan.partition,
        human_time(&scan.started_at),
        human_duration(scan.duration_ms),
        scan.regions.join(", "),
        report.resources.len(),
        report.summary.total,
        scan.api_calls.total,
    )?;
    if let Some(url) = &scan.endpoint_url {
        writeln!(out, "endpoint: {url}")?;
    }
    out.write_all(gap_lines(&scan.gaps).as_bytes())?;
    let mut pillars = table(&["Pillar", "Score", "PASS", "FAIL", "UNKNOWN", "Muted"]);
    let score = |key: &str| {
        let s = &report.summary.scores[key];
        (
            Cell::new(s.score.map_or("–".to_string(), |v| format!("{v:.1}"))),
            Cell::new(s.muted),
        )
    };
    for key in Pillar::ALL
        .map(Pillar::as_str)
        .into_iter()
        .chain(["overall"])
    {
        let counts = match key {
            "overall" => &report.summary.by_status,
            pillar => &report.summary.by_pillar[pillar],
        };
        let (score, muted) = score(key);
        let mut row = vec![Cell::new(key), score];
        row.extend(status_cells(counts));
        row.push(muted);
        pillars.add_row(row);
    }
    write!(out, "\n{pillars}\n")?;

    let mut severities = table(&["Severity", "PASS", "FAIL", "UNKNOWN"]);
    for severity in Severity::ALL {
        let mut row = vec![Cell::new(severity.as_str())];
        row.extend(status_cells(&report.summary.by_severity[severity.as_str()]));
        severities.add_row(row);
    }
    writeln!(out, "{severities}")?;
    out.write_all("Scores: share of judged findings that pass, weighted critical 10, high 5,\nmedium 3, low 1; UNKNOWN and muted left out.\n".as_bytes())?;
    if let Some(cmp) = &report.baseline {
        writeln!(
            out,
            "Against the baseline: {} new, {} unchanged, {} resolved failing findings; {} no longer observed (could not be seen now), {} outside this scan's scope.",
            cmp.new,
            cmp.unchanged,
            cmp.resolved.len(),
            cmp.no_longer_observed.len(),
            cmp.out_of_scope
        )?;
    }

    // The order of the HTML page: checks by worst failing severity, then
    // failing count; within a check, its most severe findings first.
    let failing: Vec<_> = by_urgency(&report.findings)
        .into_iter()
        .flat_map(|group| {
            let mut failed: Vec<_> = group
                .findings
                .into_iter()
                .filter(|f| f.status == Status::Fail && !f.muted)
                .collect();
            failed.sort_by_key(|f| std::cmp::Reverse(f.severity));
            failed
        })
        .collect();
    let baseline_mark = |f: &lakelint_checks::Finding| match f.baseline {
        Some(lakelint_checks::findings::finding::BaselineMark::New) => "new",
        Some(lakelint_checks::findings::finding::BaselineMark::Unchanged) => "unchanged",
        None => "",
    };
    if !failing.is_empty() && Table::new().width().is_none() {
        // Off a terminal (a CI log, a file) a six-column table wrapped to 100
        // columns breaks ids mid-word: one finding per line reads better.
        writeln!(out, "\nFailing ({}):", failing.len())?;
        for f in failing.iter().take(MAX_FAILURES_SHOWN) {
            let mark = match baseline_mark(f) {
                "" => String::new(),
                mark => format!(" [{mark}]"),
            };
            writeln!(
                out,
                "{:<8} {} {} ({}): {}{mark}",
                f.severity.as_str(),
                f.check_id,
                f.resource.id,
                f.resource.region,
                f.message
            )?;
        }
    } else if !failing.is_empty() {
        let mut t = table(&[
            "Severity", "Check", "Resource", "Region", "Message", "Baseline",
        ]);
        for f in failing.iter().take(MAX_FAILURES_SHOWN) {
            let severity = Cell::new(f.severity.as_str());
            let severity = match f.severity {
                Severity::Critical | Severity::High => severity.fg(Color::Red),
                Severity::Medium => severity.fg(Color::Yellow),
                _ => severity,
            };
            t.add_row(vec![
                severity,
                Cell::new(&f.check_id),
                Cell::new(&f.resource.id),
                Cell::new(&f.resource.region),
                Cell::new(&f.message),
                Cell::new(baseline_mark(f)),
            ]);
        }
        write!(out, "\nFailing ({}):\n{t}\n", failing.len())?;
    }
    if failing.len() > MAX_FAILURES_SHOWN {
        writeln!(
            out,
            "… and {} more: see the JSON report (--format json)",
            failing.len() - MAX_FAILURES_SHOWN
        )?;
    }

    if !report.summary.unknown_by_reason.is_empty() {
        let mut t = table(&["Could not evaluate because", "Findings"]);
        for (reason, n) in &report.summary.unknown_by_reason {
            t.add_row(vec![Cell::new(reason), Cell::new(n)]);
        }
        write!(out, "\nUnknown:\n{t}\n")?;
    }
    if let Some(sentence) = roles_incomplete(report) {
        writeln!(out, "{sentence}")?;
    }
    if !scan.missing_permissions.is_empty() {
        writeln!(
            out,
            "Missing permissions (add them to the scanning role; see `lakelint iam-policy`): {}",
            scan.missing_permissions.join(", ")
        )?;
    }
    Ok(())
}
