//! One self-contained HTML page (no network fetch: styles and script are
//! inline) to read offline or attach to a ticket: scan facts, a score card
//! per pillar, and findings by pillar → check → resource, with filters and a
//! search box.

use std::collections::{BTreeMap, BTreeSet};

use super::present::{by_urgency, human_duration, human_time, roles_incomplete, CheckGroup};
use std::fmt::Write as _;
use std::io::{self, Write};

use lakelint_checks::{Finding, Pillar, Status};

use super::{pillar_title, Report};

const STYLE: &str = r#"
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2430;background:#f5f6f8}
header,main,section.bar{padding:0 24px}header{background:#1d2430;color:#fff;padding:16px 24px}
h1{margin:0 0 4px;font-size:20px}.facts{margin:0;color:#c9d1dc}
#scores{display:flex;flex-wrap:wrap;gap:12px;padding:16px 24px}
.card{background:#fff;border-radius:8px;padding:12px 16px;min-width:150px;box-shadow:0 1px 2px #0002}
.card h2{margin:0;font-size:13px;font-weight:600;color:#4a5566}.score{font-size:28px;font-weight:700}
.counts span{margin-right:8px;font-size:12px}.pass{color:#1a7f37}.fail{color:#c62828}.unknown{color:#9a6700}.muted{color:#6e7781}
section.bar{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding-bottom:12px}
select,input{font:inherit;padding:4px 6px}#shown{color:#4a5566}
section.pillar>h2{font-size:17px;margin:20px 0 8px}
details.check{background:#fff;border-radius:8px;margin:6px 0;padding:8px 12px;box-shadow:0 1px 2px #0001}
summary{cursor:pointer}summary code{font-weight:600}
.sev{display:inline-block;min-width:58px;text-align:center;border-radius:4px;font-size:12px;color:#fff;margin-right:6px}
.sev-critical{background:#8b0000}.sev-high{background:#c62828}.sev-medium{background:#d97706}.sev-low{background:#2f6fb0}.sev-info{background:#6e7781}
table{border-collapse:collapse;width:100%;margin-top:8px}td,th{text-align:left;padding:4px 6px;border-top:1px solid #e3e6ea;vertical-align:top}
td.st{font-weight:600}.st-PASS{color:#1a7f37}.st-FAIL{color:#c62828}.st-UNKNOWN{color:#9a6700}
.remediation{color:#4a5566}pre{background:#f0f2f5;padding:6px;overflow:auto;font-size:12px}
.gaps{background:#fff4e5;border-radius:8px;padding:8px 12px;margin:0 24px 12px}
#charts{display:flex;flex-wrap:wrap;gap:12px;padding:0 24px 12px}#charts figure{margin:0;background:#fff;border-radius:8px;padding:8px 12px;box-shadow:0 1px 2px #0002}
figcaption{font-size:13px;font-weight:600;color:#4a5566}svg text{font:12px system-ui,sans-serif;fill:#1d2430}
details.passing{margin:6px 0}details.passing>summary{color:#4a5566}
"#;

const SCRIPT: &str = r#"
(function () {
  const rows = Array.from(document.querySelectorAll('tr.finding'));
  const pick = (id) => document.getElementById(id).value;
  function apply() {
    const pillar = pick('filter-pillar'), severity = pick('filter-severity'), status = pick('filter-status'),
      service = pick('filter-service'), region = pick('filter-region');
    const query = document.getElementById('search').value.trim().toLowerCase();
    let shown = 0;
    rows.forEach((r) => {
      const d = r.dataset;
      const ok = (!pillar || d.pillars.split(' ').includes(pillar)) && (!severity || d.severity === severity) &&
        (!status || d.status === status) && (!service || d.service === service) && (!region || d.region === region) &&
        (!query || d.search.includes(query));
      r.hidden = !ok;
      if (ok) shown++;
    });
    document.querySelectorAll('details.check').forEach((c) => { c.hidden = !c.querySelector('tr.finding:not([hidden])'); });
    document.querySelectorAll('section.pillar').forEach((s) => { s.hidden = !s.querySelector('details.check:not([hidden])'); });
    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' findings shown';
  }
  document.querySelectorAll('select, #search').forEach((e) => e.addEventListener('input', apply));
  apply();
})();
"#;

/// Escapes text for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn select(id: &str, label: &str, values: impl IntoIterator<Item = (String, String)>) -> String {
    let mut out = format!(r#"<label>{label} <select id="{id}"><option value="">all</option>"#);
    for (value, text) in values {
        let _ = write!(
            out,
            r#"<option value="{}">{}</option>"#,
            esc(&value),
            esc(&text)
        );
    }
    out + "</select></label>"
}

fn score_card(key: &str, title: &str, report: &Report) -> String {
    let s = &report.summary.scores[key];
    let score = s.score.map_or("–".to_string(), |v| format!("{v:.1}"));
    format!(
        r#"<div class="card" data-pillar="{key}"><h2>{title}</h2><div class="score">{score}</div><div class="counts"><span class="pass" data-count="pass">{} PASS</span><span class="fail" data-count="fail">{} FAIL</span><span class="unknown" data-count="unknown">{} UNKNOWN</span><span class="muted" data-count="muted">{} muted</span></div></div>"#,
        s.passed, s.failed, s.unknown, s.muted
    )
}

fn finding_row(f: &Finding) -> String {
    let service = f.check_id.split('.').next().unwrap_or_default();
    let pillars: Vec<&str> = f.pillars.iter().map(|p| p.as_str()).collect();
    let detail = match (&f.reason, &f.mute_reason) {
        (Some(reason), _) => format!("{} <em>({})</em>", esc(&f.message), esc(reason)),
        (None, Some(why)) => format!("{} <em>(muted: {})</em>", esc(&f.message), esc(why)),
        _ => esc(&f.message),
    };
    let search = format!(
        "{} {} {} {} {}",
        f.check_id, f.title, f.resource.arn, f.resource.id, f.message
    )
    .to_lowercase();
    let status = if f.muted {
        format!("{} (muted)", f.status.as_str())
    } else {
        f.status.as_str().to_string()
    };
    format!(
        r#"<tr class="finding" data-pillars="{}" data-severity="{}" data-status="{}" data-service="{}" data-region="{}" data-search="{}"><td class="st st-{}">{}</td><td title="{}">{}</td><td>{}</td><td>{}</td></tr>"#,
        pillars.join(" "),
        f.severity.as_str(),
        f.status.as_str(),
        esc(service),
        esc(&f.resource.region),
        esc(&search),
        f.status.as_str(),
        status,
        esc(&f.resource.arn),
        esc(&f.resource.id),
        esc(&f.resource.region),
        detail
    )
}

/// Writes the page.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let scan = &report.scan;
    write!(
        out,
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>lakelint report: account {account}</title><style>{STYLE}</style></head><body>
<header><h1>lakelint report</h1><p class="facts">Account <b id="account">{account}</b> ({partition}) · regions {regions} · scanned <time datetime="{started_at}">{started}</time> in {took} · {resources} resources · {findings} findings · {calls} API calls · lakelint {version}</p></header>
<section id="scores">{overall}"#,
        account = esc(&scan.account_id),
        partition = esc(&scan.partition),
        regions = esc(&scan.regions.join(", ")),
        started_at = esc(&scan.started_at),
        started = esc(&human_time(&scan.started_at)),
        took = human_duration(scan.duration_ms),
        resources = report.resources.len(),
        findings = report.summary.total,
        calls = scan.api_calls.total,
        version = esc(&report.tool.version),
        overall = score_card("overall", "Overall", report),
    )?;
    for pillar in Pillar::ALL {
        out.write_all(
            score_card(pillar.as_str(), &pillar_title(pillar.as_str()), report).as_bytes(),
        )?;
    }
    out.write_all("</section>\n".as_bytes())?;
    write!(
        out,
        r#"<section id="charts">{}{}</section>"#,
        pillar_chart(report),
        severity_chart(report)
    )?;
    if let Some(sentence) = roles_incomplete(report) {
        write!(out, r#"<div class="gaps">{}</div>"#, esc(&sentence))?;
    }
    if !scan.gaps.is_empty() {
        out.write_all(r#"<div class="gaps"><b>Not fully scanned:</b><ul>"#.as_bytes())?;
        for gap in &scan.gaps {
            let place = gap
                .region
                .as_deref()
                .map(|r| format!(" in {r}"))
                .unwrap_or_default();
            write!(
                out,
                "<li>{}{}: {}</li>",
                esc(gap.service.as_str()),
                esc(&place),
                esc(&gap.reason.to_string())
            )?;
        }
        out.write_all("</ul></div>\n".as_bytes())?;
    }

    let services: BTreeSet<&str> = report
        .findings
        .iter()
        .filter_map(|f| f.check_id.split('.').next())
        .collect();
    let regions: BTreeSet<&str> = report
        .findings
        .iter()
        .map(|f| &*f.resource.region)
        .collect();
    out.write_all(r#"<section class="bar">"#.as_bytes())?;
    out.write_all(
        select(
            "filter-pillar",
            "Pillar",
            Pillar::ALL.map(|p| (p.as_str().to_string(), pillar_title(p.as_str()))),
        )
        .as_bytes(),
    )?;
    out.write_all(
        select(
            "filter-severity",
            "Severity",
            lakelint_checks::Severity::ALL
                .map(|s| (s.as_str().to_string(), s.as_str().to_string())),
        )
        .as_bytes(),
    )?;
    out.write_all(
        select(
            "filter-status",
            "Status",
            Status::ALL.map(|s| (s.as_str().to_string(), s.as_str().to_string())),
        )
        .as_bytes(),
    )?;
    out.write_all(
        select(
            "filter-service",
            "Service",
            services.iter().map(|s| (s.to_string(), s.to_string())),
        )
        .as_bytes(),
    )?;
    out.write_all(
        select(
            "filter-region",
            "Region",
            regions.iter().map(|r| (r.to_string(), r.to_string())),
        )
        .as_bytes(),
    )?;
    out.write_all(r#"<input id="search" type="search" placeholder="Search checks, resources, messages"><span id="shown"></span></section>
<main>"#.as_bytes())?;

    // Pillar → check → resources; within a pillar the worst failures come
    // first, and checks without failures fold away below them.
    let mut by_pillar: BTreeMap<Pillar, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_pillar.entry(f.pillar).or_default().push(f);
    }
    for (pillar, findings) in by_pillar {
        write!(
            out,
            r#"<section class="pillar" data-pillar="{}"><h2>{}</h2>"#,
            pillar.as_str(),
            pillar_title(pillar.as_str())
        )?;
        let groups = by_urgency(findings);
        let calm = groups.iter().filter(|g| g.worst.is_none()).count();
        for (i, group) in groups.iter().enumerate() {
            if i == groups.len() - calm {
                write!(
                    out,
                    r#"<details class="passing"><summary>{calm} check(s) without failures</summary>"#
                )?;
            }
            write_check(out, group)?;
        }
        if calm > 0 {
            out.write_all("</details>".as_bytes())?;
        }
        out.write_all("</section>\n".as_bytes())?;
    }
    writeln!(out, "</main><script>{SCRIPT}</script></body></html>")
}

/// One check: its summary line, remediation and a row per finding.
fn write_check(out: &mut dyn Write, group: &CheckGroup) -> io::Result<()> {
    let (check_id, findings) = (group.check_id, &group.findings);
    {
        {
            let first = findings[0];
            let count = |s: Status| findings.iter().filter(|f| f.status == s).count();
            let failing = group.failing > 0;
            write!(
                out,
                r#"<details class="check" data-check="{id}"{open}><summary><span class="sev sev-{sev}">{sev}</span><code>{id}</code> {title} · <span class="fail">{fail} FAIL</span> <span class="pass">{pass} PASS</span> <span class="unknown">{unknown} UNKNOWN</span></summary>"#,
                id = esc(check_id),
                open = if failing { " open" } else { "" },
                sev = first.severity.as_str(),
                title = esc(&first.title),
                fail = count(Status::Fail),
                pass = count(Status::Pass),
                unknown = count(Status::Unknown),
            )?;
            let sh = first
                .security_hub_control
                .as_ref()
                .map(|c| format!(" · Security Hub {}", esc(c)))
                .unwrap_or_default();
            write!(
                out,
                r#"<div class="remediation"><p>{text} <small>(Well-Architected {bp}{sh})</small></p><pre>{cli}</pre><pre>{tf}</pre></div><table><thead><tr><th>Status</th><th>Resource</th><th>Region</th><th>Message</th></tr></thead><tbody>"#,
                text = esc(&first.remediation.text),
                bp = esc(&first.wa_best_practice),
                cli = esc(&first.remediation.cli),
                tf = esc(&first.remediation.terraform),
            )?;
            for f in findings {
                out.write_all(finding_row(f).as_bytes())?;
            }
            out.write_all("</tbody></table></details>".as_bytes())?;
        }
    }
    Ok(())
}

/// Width of the bars of the charts, in SVG units.
const BAR: f64 = 240.0;

/// One stacked bar of PASS, FAIL and UNKNOWN shares at height `y`, with the
/// counts as text for screen readers and for people.
fn stacked_bar(
    y: f64,
    label: &str,
    figure: &str,
    pass: usize,
    fail: usize,
    unknown: usize,
) -> String {
    let total = (pass + fail + unknown).max(1) as f64;
    let mut x = 150.0;
    let mut out = format!(r#"<text x="0" y="{}">{}</text>"#, y + 12.0, esc(label));
    for (n, colour) in [(pass, "#1a7f37"), (fail, "#c62828"), (unknown, "#d4a72c")] {
        let w = BAR * n as f64 / total;
        if n > 0 {
            out += &format!(
                r#"<rect fill="{colour}" x="{x:.1}" y="{y}" width="{w:.1}" height="14"/>"#
            );
        }
        x += w;
    }
    out += &format!(
        r#"<text x="{}" y="{}">{} · {pass} PASS, {fail} FAIL, {unknown} UNKNOWN</text>"#,
        150.0 + BAR + 8.0,
        y + 12.0,
        esc(figure)
    );
    out
}

/// The score of each pillar and the shares of its verdicts.
fn pillar_chart(report: &Report) -> String {
    let mut bars = String::new();
    let keys = Pillar::ALL.map(Pillar::as_str);
    for (i, key) in keys.iter().chain(&["overall"]).enumerate() {
        let s = &report.summary.scores[*key];
        let score = s
            .score
            .map_or("no score".to_string(), |v| format!("score {v:.1}"));
        bars += &stacked_bar(
            i as f64 * 22.0,
            &pillar_title(key),
            &score,
            s.passed,
            s.failed,
            s.unknown,
        );
    }
    let height = (keys.len() + 1) as f64 * 22.0;
    format!(
        r#"<figure><figcaption>Scores by pillar</figcaption><svg role="img" aria-labelledby="pillar-chart-title" width="680" height="{height}" viewBox="0 0 680 {height}"><title id="pillar-chart-title">Score and PASS, FAIL and UNKNOWN findings of each pillar</title>{bars}</svg></figure>"#
    )
}

/// The findings of each severity by verdict.
fn severity_chart(report: &Report) -> String {
    let mut bars = String::new();
    for (i, severity) in lakelint_checks::Severity::ALL.iter().enumerate() {
        let counts = &report.summary.by_severity[severity.as_str()];
        let n = |s: Status| counts.get(&s).copied().unwrap_or(0);
        let total = n(Status::Pass) + n(Status::Fail) + n(Status::Unknown);
        bars += &stacked_bar(
            i as f64 * 22.0,
            severity.as_str(),
            &format!("{total} findings"),
            n(Status::Pass),
            n(Status::Fail),
            n(Status::Unknown),
        );
    }
    let height = lakelint_checks::Severity::ALL.len() as f64 * 22.0;
    format!(
        r#"<figure><figcaption>Findings by severity</figcaption><svg role="img" aria-labelledby="severity-chart-title" width="680" height="{height}" viewBox="0 0 680 {height}"><title id="severity-chart-title">PASS, FAIL and UNKNOWN findings of each severity</title>{bars}</svg></figure>"#
    )
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escaping() {
        assert_eq!(
            esc(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
