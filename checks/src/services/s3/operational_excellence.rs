//! The S3 checks of this pillar.

use crate::engine::check::Context;
use crate::engine::inputs::missing_tags;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{Bucket, S3Inventory};

crate::checks! {
    "s3.bucket_owner_tag" {
        title: "S3 bucket carries the required tags",
        resource: "AwsS3Bucket",
        severity: Low,
        practice: "OPS02-BP01",
        rationale: "A bucket without an owner tag has nobody to page when it breaks, fills \
            up or leaks, and its cost cannot be charged back.",
        remediation: "Tag the bucket with the keys your organisation requires (by default `owner`).",
        cli: "aws s3api put-bucket-tagging --bucket <bucket> --tagging 'TagSet=[{Key=owner,Value=<team>}]'",
        each: bucket_owner_tag,
    }
}

fn bucket_owner_tag(bucket: &Bucket, _: &S3Inventory, cx: &Context) -> Judged {
    let required = cx.config.bucket_required_tags();
    if required.is_empty() {
        return not_applicable();
    }
    let tags = bucket.tags.get()?;
    let missing = missing_tags(required, tags);
    if missing.is_empty() {
        pass(format!("has required tag(s): {}", required.join(", ")))
    } else {
        fail(format!("missing required tag(s): {}", missing.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::config::Config;
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    const ID: &str = "s3.bucket_owner_tag";

    fn tagged(pairs: &[(&str, &str)]) -> Bucket {
        let mut b = bare_bucket("b", "r");
        b.tags = Observed::Known(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        b
    }

    #[test]
    fn owner_tag_required_by_default() {
        assert_eq!(verdict(ID, tagged(&[("Owner", "data")])).unwrap().0, Pass);
        let (status, message) = verdict(ID, tagged(&[("team", "x")])).unwrap();
        assert_eq!(status, Fail);
        assert_eq!(message, "missing required tag(s): owner");
        let mut b = bare_bucket("b", "r");
        b.tags = Observed::Unknown(denied("s3:GetBucketTagging"));
        assert_eq!(verdict(ID, b).unwrap().0, Unknown);
    }

    #[test]
    fn required_tags_come_from_config() {
        let mut config = Config::default();
        config.s3.required_tags = Some(vec!["owner".into(), "cost-center".into()]);
        let (status, message) = verdict_with(ID, tagged(&[("owner", "x")]), &config).unwrap();
        assert_eq!(
            (status, message.as_str()),
            (Fail, "missing required tag(s): cost-center")
        );
        config.s3.required_tags = Some(vec![]);
        assert_eq!(verdict_with(ID, tagged(&[]), &config), None);
    }
}
