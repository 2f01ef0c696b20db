//! CSV (RFC 4180): a header row, then one row per finding.

use std::io::{self, Write};

use super::Report;

const HEADER: [&str; 18] = [
    "account_id",
    "region",
    "check_id",
    "title",
    "pillar",
    "pillars",
    "severity",
    "status",
    "muted",
    "mute_reason",
    "baseline",
    "resource_type",
    "resource_id",
    "resource_arn",
    "message",
    "reason",
    "security_hub_control",
    "wa_best_practice",
];

/// Writes the header and a row per finding.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    for f in &report.findings {
        let pillars: Vec<&str> = f.pillars.iter().map(|p| p.as_str()).collect();
        let baseline = f
            .baseline
            .map(|b| {
                serde_json::to_value(b)
                    .expect("a mark serialises")
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .unwrap_or_default();
        writer.write_record([
            &*f.resource.account_id,
            &f.resource.region,
            &f.check_id,
            &f.title,
            f.pillar.as_str(),
            &pillars.join(";"),
            f.severity.as_str(),
            f.status.as_str(),
            if f.muted { "true" } else { "false" },
            f.mute_reason.as_deref().unwrap_or_default(),
            &baseline,
            &f.resource.kind,
            &f.resource.id,
            &f.resource.arn,
            &f.message,
            f.reason.as_deref().unwrap_or_default(),
            f.security_hub_control.as_deref().unwrap_or_default(),
            &f.wa_best_practice,
        ])?;
    }
    writer.flush()
}
