//! History across scheduled scans: the JSON reports of earlier runs, account
//! by account and in time order, with the score of each pillar over time and
//! what opened, resolved and regressed between consecutive scans (matched as
//! `lakelint diff` matches them).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use lakelint_checks::{Finding, Pillar, Status};

use crate::report::{pillar_title, Report};

/// One scan of an account, as the history shows it.
pub struct Point {
    /// When the scan started (RFC 3339).
    pub started_at: String,
    /// Score per primary pillar and `overall`; `None` when nothing was judged.
    pub scores: BTreeMap<String, Option<f64>>,
    /// Unmuted FAIL findings.
    pub failing: usize,
    /// Failing now, not failing in the scan before (none for the first scan).
    pub opened: usize,
    /// Failing in the scan before; judged again and passing, or gone.
    pub resolved: usize,
    /// Failing in the scan before; this scan could not see it (UNKNOWN, or
    /// hidden by a failed listing). Failures outside this scan's scope count
    /// in neither.
    pub unobserved: usize,
    /// Checks with more failing findings than in the scan before, with the counts.
    pub regressed: Vec<(String, usize, usize)>,
}

/// The scans of one account, oldest first.
pub struct AccountHistory {
    /// The account id (or `multiple` for merged reports).
    pub account_id: String,
    /// One point per scan.
    pub points: Vec<Point>,
}

/// Every account's history, by account id.
pub fn of(reports: Vec<Report>) -> Vec<AccountHistory> {
    let mut by_account: BTreeMap<String, Vec<Report>> = BTreeMap::new();
    for report in reports {
        by_account
            .entry(report.scan.account_id.clone())
            .or_default()
            .push(report);
    }
    by_account
        .into_iter()
        .map(|(account_id, mut reports)| {
            reports.sort_by(|a, b| a.scan.started_at.cmp(&b.scan.started_at));
            let mut points = Vec::new();
            let mut before: Option<Report> = None;
            for mut report in reports {
                points.push(point(&mut report, before.as_ref()));
                before = Some(report);
            }
            AccountHistory { account_id, points }
        })
        .collect()
}

fn failing_by_check(findings: &[Finding]) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for f in findings
        .iter()
        .filter(|f| f.status == Status::Fail && !f.muted)
    {
        *counts.entry(&*f.check_id).or_default() += 1;
    }
    counts
}

fn point(report: &mut Report, before: Option<&Report>) -> Point {
    let (opened, resolved, unobserved, regressed) = match before {
        Some(old) => {
            report.compare_with(old);
            let cmp = report.baseline.clone().expect("just compared");
            let (then, now) = (
                failing_by_check(&old.findings),
                failing_by_check(&report.findings),
            );
            let regressed = now
                .iter()
                .filter_map(|(id, &n)| {
                    let was = then.get(id).copied().unwrap_or(0);
                    (n > was).then(|| (id.to_string(), was, n))
                })
                .collect();
            (
                cmp.new,
                cmp.resolved.len(),
                cmp.no_longer_observed.len(),
                regressed,
            )
        }
        None => (0, 0, 0, Vec::new()),
    };
    Point {
        started_at: report.scan.started_at.clone(),
        scores: report
            .summary
            .scores
            .iter()
            .map(|(k, s)| (k.clone(), s.score))
            .collect(),
        failing: failing_by_check(&report.findings).values().sum(),
        opened,
        resolved,
        unobserved,
        regressed,
    }
}

/// Columns of the score table: every pillar, then `overall`.
fn score_keys() -> impl Iterator<Item = &'static str> {
    Pillar::ALL
        .into_iter()
        .map(Pillar::as_str)
        .chain(["overall"])
}

fn score_text(score: Option<f64>) -> String {
    score.map_or("–".into(), |v| format!("{v:.1}"))
}

/// Writes the history as Markdown: a table of scans per account.
pub fn write_markdown(history: &[AccountHistory], out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"# lakelint history\n")?;
    for account in history {
        writeln!(out, "\n## Account {}\n", account.account_id)?;
        let titles: Vec<String> = score_keys().map(pillar_title).collect();
        writeln!(
            out,
            "| Scan | {} | Failing | Opened | Resolved | No longer observed | Regressed checks |",
            titles.join(" | ")
        )?;
        writeln!(
            out,
            "|---|{}---:|---:|---:|---|",
            "---:|".repeat(titles.len())
        )?;
        for p in &account.points {
            let scores: Vec<String> = score_keys()
                .map(|k| score_text(p.scores.get(k).copied().flatten()))
                .collect();
            let regressed: Vec<String> = p
                .regressed
                .iter()
                .map(|(id, was, now)| format!("`{id}` {was}→{now}"))
                .collect();
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                crate::report::human_time(&p.started_at),
                scores.join(" | "),
                p.failing,
                p.opened,
                p.resolved,
                p.unobserved,
                regressed.join(", ")
            )?;
        }
    }
    Ok(())
}

/// Colours of the score lines, one per pillar, then `overall`.
const LINE_COLOURS: [&str; 7] = [
    "#6f42c1", "#c62828", "#2f6fb0", "#d97706", "#1a7f37", "#0e7c86", "#1d2430",
];

/// The scores of one account over time as an SVG line chart, with the numbers
/// as text for screen readers.
fn score_chart(account: &AccountHistory) -> String {
    let (width, height, left, top) = (640.0, 200.0, 40.0, 10.0);
    let n = account.points.len();
    let x = |i: usize| {
        left + if n > 1 {
            (width - left - 150.0) * i as f64 / (n - 1) as f64
        } else {
            0.0
        }
    };
    let y = |score: f64| top + (height - 2.0 * top) * (100.0 - score) / 100.0;
    let mut svg = String::new();
    for tick in [0.0, 50.0, 100.0] {
        let _ = write!(
            svg,
            r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#e3e6ea"/><text x="0" y="{:.1}">{tick}</text>"##,
            width - 150.0,
            y(tick) + 4.0,
            y = y(tick)
        );
    }
    for (i, key) in score_keys().enumerate() {
        let points: Vec<String> = account
            .points
            .iter()
            .enumerate()
            .filter_map(|(j, p)| Some(format!("{:.1},{:.1}", x(j), y((*p.scores.get(key)?)?))))
            .collect();
        let colour = LINE_COLOURS[i];
        let last = account
            .points
            .last()
            .and_then(|p| p.scores.get(key).copied().flatten());
        let _ = write!(
            svg,
            r#"<polyline fill="none" stroke="{colour}" stroke-width="2" points="{}"/><text x="{}" y="{:.1}" fill="{colour}">{} {}</text>"#,
            points.join(" "),
            width - 140.0,
            top + 12.0 + 16.0 * i as f64,
            pillar_title(key),
            score_text(last)
        );
    }
    format!(
        r#"<svg role="img" aria-label="Scores of account {} over {n} scans" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><title>Scores per pillar over time</title>{svg}</svg>"#,
        esc(&account.account_id)
    )
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes the history as one self-contained HTML page.
pub fn write_html(history: &[AccountHistory], out: &mut dyn Write) -> io::Result<()> {
    out.write_all(
        br#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lakelint history</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d2430;background:#f5f6f8}
section{background:#fff;border-radius:8px;padding:12px 16px;margin-bottom:16px;box-shadow:0 1px 2px #0002}
table{border-collapse:collapse}td,th{padding:4px 8px;border-top:1px solid #e3e6ea;text-align:right}td:first-child,th:first-child,td:last-child{text-align:left}
svg text{font:12px system-ui,sans-serif}.up{color:#c62828}.down{color:#1a7f37}
</style></head><body><h1>lakelint history</h1>"#,
    )?;
    for account in history {
        write!(
            out,
            r#"<section class="account" data-account="{id}"><h2>Account {id}</h2><p>{n} scan(s)</p>{chart}<table><thead><tr><th>Scan</th>"#,
            id = esc(&account.account_id),
            n = account.points.len(),
            chart = score_chart(account),
        )?;
        for key in score_keys() {
            write!(out, "<th>{}</th>", pillar_title(key))?;
        }
        out.write_all(b"<th>Failing</th><th>Opened</th><th>Resolved</th><th>No longer observed</th><th>Regressed checks</th></tr></thead><tbody>")?;
        for p in &account.points {
            write!(
                out,
                r#"<tr><td><time datetime="{}">{}</time></td>"#,
                esc(&p.started_at),
                crate::report::human_time(&p.started_at)
            )?;
            for key in score_keys() {
                write!(
                    out,
                    "<td>{}</td>",
                    score_text(p.scores.get(key).copied().flatten())
                )?;
            }
            let regressed: Vec<String> = p
                .regressed
                .iter()
                .map(|(id, was, now)| format!("<code>{}</code> {was}→{now}", esc(id)))
                .collect();
            write!(
                out,
                r#"<td>{}</td><td class="up">{}</td><td class="down">{}</td><td>{}</td><td>{}</td></tr>"#,
                p.failing,
                p.opened,
                p.resolved,
                p.unobserved,
                regressed.join(", ")
            )?;
        }
        out.write_all(b"</tbody></table></section>")?;
    }
    out.write_all(b"</body></html>\n")
}
