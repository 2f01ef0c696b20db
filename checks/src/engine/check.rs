//! What a check is: its metadata, declared once with [`checks!`], and the
//! function that judges the inventory.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::engine::roles::Roles;
use crate::findings::config::Config;
use crate::findings::finding::{Outcome, Pillar, Remediation, ResourceRef, Severity};
use crate::model::{Inventory, Service};

/// A check of the catalog.
#[derive(Debug)]
pub struct Check {
    /// Stable id, `service.subject_property`.
    pub id: &'static str,
    /// What passing means, in a sentence.
    pub title: &'static str,
    /// The service the id names.
    pub service: Service,
    /// Resource type in Security Hub's vocabulary.
    pub resource_type: &'static str,
    /// The primary pillar first, then the others the check informs.
    pub pillars: &'static [Pillar],
    /// How bad a failure is.
    pub severity: Severity,
    /// Why it matters.
    pub rationale: &'static str,
    /// How to fix a failure.
    pub remediation: Remediation,
    /// Well-Architected best practice, e.g. `REL09-BP01`.
    pub wa_best_practice: &'static str,
    /// Security Hub control id, only where one exists.
    pub security_hub_control: Option<&'static str>,
    /// Judges every resource the check applies to.
    pub judge: fn(&Context) -> Vec<Judgement>,
}

impl Check {
    /// The pillar the check belongs to.
    pub fn pillar(&self) -> Pillar {
        self.pillars[0]
    }
}

impl Serialize for Check {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Check", 11)?;
        s.serialize_field("id", self.id)?;
        s.serialize_field("title", self.title)?;
        s.serialize_field("service", &self.service)?;
        s.serialize_field("resource_type", self.resource_type)?;
        s.serialize_field("pillar", &self.pillar())?;
        s.serialize_field("pillars", self.pillars)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("rationale", self.rationale)?;
        s.serialize_field("remediation", &self.remediation)?;
        s.serialize_field("wa_best_practice", self.wa_best_practice)?;
        s.serialize_field("security_hub_control", &self.security_hub_control)?;
        s.end()
    }
}

/// What a check needs to judge: the inventory, the user's thresholds, and
/// what each bucket is for.
pub struct Context<'a> {
    /// What the scan collected.
    pub inventory: &'a Inventory,
    /// Thresholds, required tags, data-lake buckets.
    pub config: &'a Config,
    /// Bucket roles derived from the whole inventory.
    pub roles: &'a Roles,
}

/// A check's verdict on one resource.
pub struct Judgement {
    /// The resource judged.
    pub resource: ResourceRef,
    /// PASS, FAIL or UNKNOWN, with the message or reason.
    pub outcome: Outcome,
    /// Overrides the check's severity for this resource (a key pending
    /// deletion is critical when something still uses it).
    pub severity: Option<Severity>,
}

/// The first of zero or one values: how `checks!` fills an optional field.
#[doc(hidden)]
pub const fn first(values: &[&'static str]) -> Option<&'static str> {
    match values {
        [value, ..] => Some(value),
        [] => None,
    }
}

/// Declares a module's checks as `CHECKS`, in catalog order. The primary
/// pillar is the file's name (`services/s3/security.rs`: security), the
/// service is the id's prefix, and the Terraform remediation is
/// `checks/remediation/ID.tf`:
///
/// ```ignore
/// checks! {
///     "s3.bucket_versioning" {
///         title: "S3 bucket versioning is enabled",
///         resource: "AwsS3Bucket",
///         severity: Medium,
///         also: [Security],                // optional: the other pillars it informs
///         security_hub: "S3.14",            // optional
///         practice: "REL09-BP01",
///         rationale: "…",
///         remediation: "…",
///         cli: "aws s3api …",
///         each: bucket_versioning,          // per resource: fn(&T, &T::In, &Context) -> Judged
///     }                                     // or `judge: f` with f: fn(&Context) -> Vec<Judgement>
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! checks {
    ($(
        $id:literal {
            title: $title:literal,
            resource: $resource:literal,
            severity: $severity:ident,
            $(also: [$($also:ident),* $(,)?],)?
            $(security_hub: $sh:literal,)?
            practice: $practice:literal,
            rationale: $rationale:literal,
            remediation: $text:literal,
            cli: $cli:literal,
            $how:ident: $judge:expr $(,)?
        }
    )*) => {
        /// This module's checks, in catalog order.
        pub(crate) const CHECKS: &[$crate::engine::check::Check] = &[$(
            $crate::engine::check::Check {
                id: $id,
                title: $title,
                service: $crate::model::Service::of_check_id($id),
                resource_type: $resource,
                pillars: &[
                    $crate::findings::finding::Pillar::of_module(module_path!())
                    $($(, $crate::findings::finding::Pillar::$also)*)?
                ],
                severity: $crate::findings::finding::Severity::$severity,
                rationale: $rationale,
                remediation: $crate::findings::finding::Remediation {
                    text: ::std::borrow::Cow::Borrowed($text),
                    cli: ::std::borrow::Cow::Borrowed($cli),
                    terraform: ::std::borrow::Cow::Borrowed(
                        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/remediation/", $id, ".tf"))
                            .trim_ascii_end(),
                    ),
                },
                wa_best_practice: $practice,
                security_hub_control: $crate::engine::check::first(&[$($sh)?]),
                judge: $crate::judge_fn!($how $judge),
            },
        )*];
    };
}

/// The judge of a `checks!` entry: `each: f` runs `f` on every resource of
/// its type, `judge: f` is the whole function.
#[macro_export]
#[doc(hidden)]
macro_rules! judge_fn {
    (each $f:expr) => {
        |cx| $crate::engine::resource::each(cx, $f)
    };
    (judge $f:expr) => {
        $f
    };
}
