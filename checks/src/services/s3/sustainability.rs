//! The S3 checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{Bucket, S3Inventory};

/// Storage classes colder than S3 Standard.
const COLD_CLASSES: &[&str] = &[
    "STANDARD_IA",
    "ONEZONE_IA",
    "INTELLIGENT_TIERING",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
];

crate::checks! {
    "s3.bucket_cold_tiering" {
        title: "S3 bucket moves cold data to colder storage classes",
        resource: "AwsS3Bucket",
        severity: Low,
        also: [CostOptimization],
        practice: "SUS04-BP02",
        rationale: "Most data-lake objects are rarely read after a few weeks; colder classes \
            use less provisioned capacity and cost a fraction of S3 Standard.",
        remediation: "Add a lifecycle transition to an IA or Glacier class, or enable an \
            Intelligent-Tiering archive configuration.",
        cli: "aws s3api put-bucket-lifecycle-configuration --bucket <bucket> \
            --lifecycle-configuration '{\"Rules\":[{\"ID\":\"tiering\",\"Status\":\"Enabled\",\"Filter\":{},\"Transitions\":[{\"Days\":0,\"StorageClass\":\"INTELLIGENT_TIERING\"}]}]}'",
        each: bucket_cold_tiering,
    }
}

fn bucket_cold_tiering(bucket: &Bucket, _: &S3Inventory, _: &Context) -> Judged {
    // Either source is enough, so a known one decides even if the other failed.
    let transition = bucket.lifecycle.known().and_then(|rules| {
        rules
            .iter()
            .filter(|r| r.enabled)
            .flat_map(|r| &r.transitions)
            .find(|class| COLD_CLASSES.contains(&class.as_str()))
    });
    if let Some(class) = transition {
        return pass(format!("lifecycle transitions objects to {class}"));
    }
    let tiering = bucket.intelligent_tiering.known();
    if let Some(id) = tiering.and_then(|ids| ids.first()) {
        return pass(format!(
            "Intelligent-Tiering configuration `{id}` is enabled"
        ));
    }
    bucket.lifecycle.get()?;
    bucket.intelligent_tiering.get()?;
    fail("no transition to a colder class and no Intelligent-Tiering configuration")
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    const ID: &str = "s3.bucket_cold_tiering";

    fn transitioning(class: &str, enabled: bool) -> Bucket {
        let mut b = bare_bucket("b", "r");
        b.lifecycle = Observed::Known(vec![LifecycleRule {
            id: "t".into(),
            enabled,
            transitions: vec![class.into()],
            ..LifecycleRule::default()
        }]);
        b
    }

    #[test]
    fn transitions_or_intelligent_tiering_pass() {
        assert_eq!(verdict(ID, transitioning("GLACIER", true)).unwrap().0, Pass);
        let mut b = transitioning("GLACIER", false);
        b.intelligent_tiering = Observed::Known(vec!["archive".into()]);
        assert_eq!(verdict(ID, b).unwrap().0, Pass);
    }

    #[test]
    fn nothing_cold_fails() {
        assert_eq!(verdict(ID, bare_bucket("b", "r")).unwrap().0, Fail);
        assert_eq!(
            verdict(ID, transitioning("GLACIER", false)).unwrap().0,
            Fail
        );
        assert_eq!(
            verdict(ID, transitioning("STANDARD", true)).unwrap().0,
            Fail
        );
    }

    #[test]
    fn unknown_only_when_no_known_source_passes() {
        let mut b = bare_bucket("b", "r");
        b.intelligent_tiering = Observed::Unknown(denied("s3:GetIntelligentTieringConfiguration"));
        assert_eq!(verdict(ID, b).unwrap().0, Unknown);
        let mut b = transitioning("DEEP_ARCHIVE", true);
        b.intelligent_tiering = Observed::Unknown(denied("s3:GetIntelligentTieringConfiguration"));
        assert_eq!(verdict(ID, b).unwrap().0, Pass);
    }
}
