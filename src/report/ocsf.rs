//! OCSF Detection Findings (class_uid 2004), one JSON object per finding, in a
//! JSON array: what Amazon Security Lake and most SIEMs ingest.

use lakelint_checks::{Finding, Severity, Status};
use serde_json::{json, Value};

use std::io::{self, Write};

use super::Report;

const OCSF_VERSION: &str = "1.3.0";

fn severity_id(severity: Severity) -> u8 {
    match severity {
        Severity::Info => 1,
        Severity::Low => 2,
        Severity::Medium => 3,
        Severity::High => 4,
        Severity::Critical => 5,
    }
}

/// The compliance result: Pass 1, Fail 3, Unknown 0.
fn compliance_status(status: Status) -> (u8, &'static str) {
    match status {
        Status::Pass => (1, "Pass"),
        Status::Fail => (3, "Fail"),
        Status::Unknown => (0, "Unknown"),
    }
}

fn epoch_ms(rfc3339: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339).map_or(0, |t| t.timestamp_millis())
}

fn finding(report: &Report, f: &Finding) -> Value {
    let time = epoch_ms(&report.scan.finished_at);
    let uid = format!(
        "lakelint/{}/{}/{}",
        f.resource.account_id, f.check_id, f.resource.arn
    );
    let (compliance_id, compliance) = compliance_status(f.status);
    // A muted finding is Suppressed; the rest are New (status_id 1).
    let (status_id, status) = if f.muted {
        (3, "Suppressed")
    } else {
        (1, "New")
    };
    let mut standards = vec!["AWS Well-Architected Framework".to_string()];
    if f.security_hub_control.is_some() {
        standards.push("AWS Security Hub".into());
    }
    json!({
        "class_uid": 2004,
        "class_name": "Detection Finding",
        "category_uid": 2,
        "category_name": "Findings",
        "activity_id": 1,
        "activity_name": "Create",
        "type_uid": 200401,
        "type_name": "Detection Finding: Create",
        "time": time,
        "severity_id": severity_id(f.severity),
        "severity": f.severity.as_str(),
        "status_id": status_id,
        "status": status,
        "status_detail": f.mute_reason,
        "message": f.message,
        "metadata": {
            "version": OCSF_VERSION,
            "event_code": f.check_id,
            "uid": uid,
            "product": {
                "name": report.tool.name,
                "vendor_name": "lakelint",
                "version": report.tool.version,
            },
        },
        "finding_info": {
            "uid": uid,
            "title": f.title,
            "desc": f.message,
            "types": [format!("Well-Architected/{}", f.pillar.as_str())],
            "created_time": time,
        },
        "compliance": {
            "status_id": compliance_id,
            "status": compliance,
            "status_detail": f.reason,
            "control": f.security_hub_control,
            "standards": standards,
            "requirements": [f.wa_best_practice],
        },
        "remediation": {
            "desc": f.remediation.text,
        },
        "resources": [{
            "uid": f.resource.arn,
            "name": f.resource.id,
            "type": f.resource.kind,
            "region": f.resource.region,
            "cloud_partition": report.scan.partition,
        }],
        "cloud": {
            "provider": "AWS",
            "region": f.resource.region,
            "account": { "uid": f.resource.account_id, "type": "AWS Account", "type_id": 10 },
        },
        "unmapped": {
            "pillars": f.pillars,
            "baseline": f.baseline,
        },
    })
}

/// Streams the findings as a pretty-printed JSON array.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    super::json::write_array(out, report.findings.iter().map(|f| finding(report, f)))
}
