//! AWS Security Finding Format, for users who import findings into Security
//! Hub themselves (BatchImportFindings takes them 100 at a time).

use lakelint_checks::{Finding, Severity, Status};
use serde_json::{json, Value};

use std::io::{self, Write};

use super::Report;

fn label(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "INFORMATIONAL",
        Severity::Low => "LOW",
        Severity::Medium => "MEDIUM",
        Severity::High => "HIGH",
        Severity::Critical => "CRITICAL",
    }
}

fn finding(report: &Report, f: &Finding) -> Value {
    let account = &f.resource.account_id;
    let region = &f.resource.region;
    let partition = &report.scan.partition;
    let compliance = match f.status {
        Status::Pass => "PASSED",
        Status::Fail => "FAILED",
        Status::Unknown => "NOT_AVAILABLE",
    };
    let mut requirements = vec![format!("AWS Well-Architected {}", f.wa_best_practice)];
    if let Some(control) = &f.security_hub_control {
        requirements.push(format!("AWS Security Hub {control}"));
    }
    let description = match &f.reason {
        Some(reason) => format!("{} ({reason})", f.message),
        None => f.message.to_string(),
    };
    json!({
        "SchemaVersion": "2018-10-08",
        "Id": format!("lakelint/{account}/{}/{}", f.check_id, f.resource.arn),
        "ProductArn": format!("arn:{partition}:securityhub:{region}:{account}:product/{account}/default"),
        "GeneratorId": format!("lakelint/{}", f.check_id),
        "AwsAccountId": account,
        "Types": [format!("Software and Configuration Checks/AWS Well-Architected/{}", f.pillar.as_str())],
        "CreatedAt": report.scan.finished_at,
        "UpdatedAt": report.scan.finished_at,
        "Severity": { "Label": label(f.severity) },
        "Title": f.title,
        "Description": description.chars().take(1024).collect::<String>(),
        "Remediation": { "Recommendation": { "Text": f.remediation.text.chars().take(512).collect::<String>() } },
        "ProductFields": {
            "lakelint/CheckId": f.check_id,
            "lakelint/Pillars": f.pillars.iter().map(|p| p.as_str()).collect::<Vec<_>>().join(","),
        },
        "Resources": [{
            "Type": f.resource.kind,
            "Id": f.resource.arn,
            "Partition": partition,
            "Region": region,
        }],
        "Compliance": { "Status": compliance, "RelatedRequirements": requirements },
        "Workflow": { "Status": if f.muted { "SUPPRESSED" } else { "NEW" } },
        "RecordState": "ACTIVE",
    })
}

/// Streams the findings as a pretty-printed JSON array.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    super::json::write_array(out, report.findings.iter().map(|f| finding(report, f)))
}
