//! Verdicts: what a check says about one resource.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// Text that is usually one of the catalog's constants: borrowed then, so
/// hundreds of thousands of findings do not each copy it.
pub type Text = Cow<'static, str>;

use serde::{Deserialize, Serialize};

use crate::model::Unobserved;

/// A finding's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    /// The resource meets the rule.
    Pass,
    /// The resource breaks the rule.
    Fail,
    /// An input the rule needs could not be observed.
    Unknown,
}

impl Status {
    /// Every status, in report order.
    pub const ALL: [Status; 3] = [Status::Pass, Status::Fail, Status::Unknown];

    /// The name reports use (`PASS`, `FAIL`, `UNKNOWN`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
            Status::Unknown => "UNKNOWN",
        }
    }
}

/// Ordered from least to most severe, so `>=` means "at least as severe".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; not scored.
    Info,
    /// A small gap.
    Low,
    /// A gap to plan a fix for.
    Medium,
    /// A gap to fix soon.
    High,
    /// A gap that exposes data or loses it.
    Critical,
}

impl Severity {
    /// Every severity, most severe first.
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    /// The lower-case name reports use.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .into_iter()
            .find(|sev| sev.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown severity `{s}` (critical, high, medium, low, info)"))
    }
}

/// The six pillars of the AWS Well-Architected Framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pillar {
    /// Operational excellence (OPS).
    OperationalExcellence,
    /// Security (SEC).
    Security,
    /// Reliability (REL).
    Reliability,
    /// Performance efficiency (PERF).
    PerformanceEfficiency,
    /// Cost optimization (COST).
    CostOptimization,
    /// Sustainability (SUS).
    Sustainability,
}

impl Pillar {
    /// The six pillars in the Framework's order.
    pub const ALL: [Pillar; 6] = [
        Pillar::OperationalExcellence,
        Pillar::Security,
        Pillar::Reliability,
        Pillar::PerformanceEfficiency,
        Pillar::CostOptimization,
        Pillar::Sustainability,
    ];

    /// The snake-case name reports use.
    pub fn as_str(self) -> &'static str {
        self.name()
    }

    const fn name(self) -> &'static str {
        match self {
            Pillar::OperationalExcellence => "operational_excellence",
            Pillar::Security => "security",
            Pillar::Reliability => "reliability",
            Pillar::PerformanceEfficiency => "performance_efficiency",
            Pillar::CostOptimization => "cost_optimization",
            Pillar::Sustainability => "sustainability",
        }
    }

    /// The pillar a module is named after (`…::services::s3::security`): the
    /// pillar of the checks a file declares. In a constant, a module named
    /// after no pillar fails the build.
    pub const fn of_module(path: &str) -> Pillar {
        let path = path.as_bytes();
        let mut start = path.len();
        while start > 0 && path[start - 1] != b':' {
            start -= 1;
        }
        let mut i = 0;
        while i < Pillar::ALL.len() {
            let name = Pillar::ALL[i].name().as_bytes();
            if name.len() == path.len() - start {
                let mut j = 0;
                while j < name.len() && name[j] == path[start + j] {
                    j += 1;
                }
                if j == name.len() {
                    return Pillar::ALL[i];
                }
            }
            i += 1;
        }
        panic!("checks are declared in a file named after their pillar")
    }

    /// The short code used in the catalog (OPS, SEC, …).
    pub fn code(self) -> &'static str {
        match self {
            Pillar::OperationalExcellence => "OPS",
            Pillar::Security => "SEC",
            Pillar::Reliability => "REL",
            Pillar::PerformanceEfficiency => "PERF",
            Pillar::CostOptimization => "COST",
            Pillar::Sustainability => "SUS",
        }
    }
}

impl fmt::Display for Pillar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Pillar {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pillar::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s) || p.code().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!(
                    "unknown pillar `{s}` (one of {} or OPS, SEC, REL, PERF, COST, SUS)",
                    Pillar::ALL.map(Pillar::as_str).join(", ")
                )
            })
    }
}

/// The resource a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ResourceRef {
    /// The resource's ARN.
    pub arn: Text,
    /// Its short name (bucket name, job name, key id).
    pub id: Text,
    /// AWS resource type in Security Hub's vocabulary (`AwsS3Bucket`, `AwsAccount`).
    #[serde(rename = "type")]
    pub kind: Text,
    /// Its region, or `global`.
    pub region: Text,
    /// The account that owns it.
    pub account_id: Text,
}

/// A text many findings repeat (regions, account ids, a resource's ARN and
/// name, which each of its checks' findings carries), stored once for the
/// process and shared by every finding. The set is bounded by the regions,
/// accounts and resources a run judges.
pub fn intern(text: &str) -> Text {
    static SEEN: std::sync::Mutex<std::collections::BTreeSet<&'static str>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let mut seen = SEEN.lock().expect("intern lock");
    if let Some(known) = seen.get(text) {
        return Cow::Borrowed(known);
    }
    let kept: &'static str = Box::leak(text.to_owned().into_boxed_str());
    seen.insert(kept);
    Cow::Borrowed(kept)
}

/// How to fix a failure: in words, as an AWS CLI line (`<bucket>`-style
/// placeholders name what to fill in), and as Terraform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remediation {
    /// In words.
    pub text: Text,
    /// One AWS CLI line.
    pub cli: Text,
    /// A Terraform resource.
    pub terraform: Text,
}

/// One check's verdict on one resource, with the check's metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The check's stable id (`s3.bucket_versioning`).
    pub check_id: Text,
    /// Shared by the check's findings (there can be hundreds of thousands).
    pub title: Text,
    /// The check's main pillar.
    pub pillar: Pillar,
    /// Every pillar the check serves, the main one first.
    pub pillars: Cow<'static, [Pillar]>,
    /// The check's severity.
    pub severity: Severity,
    /// The verdict.
    pub status: Status,
    /// What the verdict is about.
    pub resource: ResourceRef,
    /// The verdict in a sentence about this resource.
    pub message: Text,
    /// Why the input could not be observed (UNKNOWN only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The matching AWS Security Hub control, when there is one.
    pub security_hub_control: Option<Text>,
    /// The Well-Architected best practice (`SEC08-BP02`).
    pub wa_best_practice: Text,
    /// Shared by the check's findings.
    pub remediation: Arc<Remediation>,
    /// A mutelist entry matched: the finding is kept but does not fail the run.
    pub muted: bool,
    /// Why a mutelist entry muted the finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mute_reason: Option<String>,
    /// Against a baseline report: `new` or `unchanged` (failing findings only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineMark>,
}

/// How a failing finding compares with a baseline report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineMark {
    /// Not failing in the baseline.
    New,
    /// Failing in the baseline too.
    Unchanged,
}

impl Severity {
    /// The weight of a finding of this severity in a pillar score.
    pub fn weight(self) -> u32 {
        match self {
            Severity::Critical => 10,
            Severity::High => 5,
            Severity::Medium => 3,
            Severity::Low => 1,
            Severity::Info => 0,
        }
    }
}

/// What a check concluded about one resource, before metadata is attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Meets the rule, with the message.
    Pass(Text),
    /// Breaks the rule, with the message.
    Fail(Text),
    /// Could not be judged, with what was missing.
    Unknown(Unobserved),
}

impl Outcome {
    /// The status this outcome reports as.
    pub fn status(&self) -> Status {
        match self {
            Outcome::Pass(_) => Status::Pass,
            Outcome::Fail(_) => Status::Fail,
            Outcome::Unknown(_) => Status::Unknown,
        }
    }
}

/// A check's answer for one resource: `Ok(None)` when the check does not
/// apply, `Err` when an input it needs was not observed.
pub type Judged = Result<Option<Outcome>, Unobserved>;

/// The resource passes, with the message.
pub fn pass(message: impl Into<Text>) -> Judged {
    Ok(Some(Outcome::Pass(message.into())))
}

/// The resource fails, with the message.
pub fn fail(message: impl Into<Text>) -> Judged {
    Ok(Some(Outcome::Fail(message.into())))
}

/// The check does not apply to the resource: no finding.
pub fn not_applicable() -> Judged {
    Ok(None)
}
