//! CloudTrail: every trail the scanned regions can see (shadow copies of
//! multi-region and organization trails included), read once each through
//! its home region.

use std::collections::BTreeMap;

use aws_config::{Region, SdkConfig};
use aws_sdk_cloudtrail::types::{AdvancedEventSelector, EventSelector, ReadWriteType};
use aws_sdk_cloudtrail::Client;
use futures::future::join_all;
use lakelint_checks::model::{Gap, S3DataCoverage, Trail, TrailSelectors};

use crate::crawl::{in_region, Calls};

pub struct Collector<'a> {
    pub sdk: &'a SdkConfig,
    pub calls: &'a Calls,
}

impl Collector<'_> {
    fn client(&self, region: &str) -> Client {
        let config = aws_sdk_cloudtrail::config::Builder::from(self.sdk)
            .region(Region::new(region.to_string()))
            .build();
        Client::from_conf(config)
    }

    pub async fn collect(&self, regions: &[String]) -> (Vec<Trail>, Vec<Gap>) {
        let listed = join_all(regions.iter().map(|region| {
            in_region(region, async move {
                let result = self
                    .calls
                    .run(
                        "cloudtrail:DescribeTrails",
                        self.client(region)
                            .describe_trails()
                            .include_shadow_trails(true)
                            .send(),
                    )
                    .await;
                (region, result)
            })
        }))
        .await;
        let mut gaps = Vec::new();
        // Each trail once, read through its home region when that was scanned.
        let mut unique: BTreeMap<String, (aws_sdk_cloudtrail::types::Trail, &String)> =
            BTreeMap::new();
        for (region, result) in listed {
            match result {
                Ok(out) => {
                    for trail in out.trail_list() {
                        let arn = trail.trail_arn().unwrap_or_default().to_string();
                        let home = trail.home_region() == Some(region.as_str());
                        if home || !unique.contains_key(&arn) {
                            unique.insert(arn, (trail.clone(), region));
                        }
                    }
                }
                Err(reason) => gaps.push(Gap {
                    account_id: None,
                    service: "cloudtrail".into(),
                    region: Some(region.clone()),
                    reason,
                }),
            }
        }
        let trails = join_all(
            unique
                .into_values()
                .map(|(t, region)| self.trail(t, region)),
        )
        .await;
        (trails, gaps)
    }

    async fn trail(&self, t: aws_sdk_cloudtrail::types::Trail, seen_in: &str) -> Trail {
        let client = self.client(seen_in);
        let arn = t.trail_arn().unwrap_or_default().to_string();
        let (status, selectors) = tokio::join!(
            self.calls.run(
                "cloudtrail:GetTrailStatus",
                client.get_trail_status().name(&arn).send(),
            ),
            self.calls.run(
                "cloudtrail:GetEventSelectors",
                client.get_event_selectors().trail_name(&arn).send(),
            ),
        );
        let partition = arn.split(':').nth(1).unwrap_or("aws");
        Trail {
            name: t.name().unwrap_or_default().to_string(),
            home_region: t.home_region().unwrap_or(seen_in).to_string(),
            multi_region: t.is_multi_region_trail().unwrap_or(false),
            organization: t.is_organization_trail().unwrap_or(false),
            s3_bucket: t.s3_bucket_name().map(str::to_string),
            kms_key_id: t.kms_key_id().map(str::to_string),
            log_file_validation: t.log_file_validation_enabled().unwrap_or(false),
            cloudwatch_log_group: t.cloud_watch_logs_log_group_arn().map(str::to_string),
            logging: status.map(|s| s.is_logging().unwrap_or(false)).into(),
            selectors: selectors
                .map(|s| summarize(partition, s.event_selectors(), s.advanced_event_selectors()))
                .into(),
            arn,
        }
    }
}

/// What a trail's basic or advanced event selectors record.
fn summarize(
    partition: &str,
    basic: &[EventSelector],
    advanced: &[AdvancedEventSelector],
) -> TrailSelectors {
    let mut out = TrailSelectors::default();
    for selector in basic {
        let (read, write) = match selector.read_write_type() {
            Some(ReadWriteType::ReadOnly) => (true, false),
            Some(ReadWriteType::WriteOnly) => (false, true),
            _ => (true, true),
        };
        if selector.include_management_events().unwrap_or(true) {
            out.management_read |= read;
            out.management_write |= write;
        }
        for resource in selector.data_resources() {
            if resource.r#type() != Some("AWS::S3::Object") {
                continue;
            }
            for value in resource.values() {
                add_s3_prefix(&mut out.s3_data, partition, value);
            }
        }
    }
    for selector in advanced {
        let field = |name: &str| {
            selector
                .field_selectors()
                .iter()
                .find(|f| f.field() == name)
        };
        let category = field("eventCategory")
            .map(|f| f.equals())
            .unwrap_or_default();
        if category.iter().any(|c| c == "Management") {
            let read_only = field("readOnly").map(|f| f.equals()).unwrap_or_default();
            let only = |v: &str| read_only.len() == 1 && read_only[0] == v;
            out.management_read |= !only("false");
            out.management_write |= !only("true");
        }
        let s3_objects = field("resources.type")
            .is_some_and(|f| f.equals().iter().any(|t| t == "AWS::S3::Object"));
        if category.iter().any(|c| c == "Data") && s3_objects {
            match field("resources.ARN") {
                None => out.s3_data.all_buckets = true,
                Some(arn) => {
                    for value in arn.starts_with().iter().chain(arn.equals()) {
                        add_s3_prefix(&mut out.s3_data, partition, value);
                    }
                    let excluded = arn.not_starts_with().iter().chain(arn.not_equals());
                    out.s3_data.excluded_prefixes.extend(excluded.cloned());
                    if arn.starts_with().is_empty() && arn.equals().is_empty() {
                        out.s3_data.all_buckets = true; // everything but the exclusions
                    }
                }
            }
        }
    }
    out
}

/// `arn:aws:s3` and `arn:aws:s3:::` mean every bucket; anything else is a prefix.
fn add_s3_prefix(coverage: &mut S3DataCoverage, partition: &str, value: &str) {
    let all = [
        format!("arn:{partition}:s3"),
        format!("arn:{partition}:s3:::"),
    ];
    if all.iter().any(|a| a == value) {
        coverage.all_buckets = true;
    } else {
        coverage.prefixes.push(value.to_string());
    }
}

#[cfg(test)]
mod tests {
    use aws_sdk_cloudtrail::types::{AdvancedFieldSelector, DataResource};

    use super::*;

    fn field(name: &str, equals: &[&str], starts_with: &[&str]) -> AdvancedFieldSelector {
        let mut f = AdvancedFieldSelector::builder().field(name);
        for e in equals {
            f = f.equals(*e);
        }
        for s in starts_with {
            f = f.starts_with(*s);
        }
        f.build().unwrap()
    }

    fn advanced(fields: Vec<AdvancedFieldSelector>) -> AdvancedEventSelector {
        fields
            .into_iter()
            .fold(AdvancedEventSelector::builder(), |b, f| {
                b.field_selectors(f)
            })
            .build()
            .unwrap()
    }

    #[test]
    fn basic_selectors() {
        let selector = EventSelector::builder()
            .read_write_type(ReadWriteType::All)
            .include_management_events(true)
            .data_resources(
                DataResource::builder()
                    .r#type("AWS::S3::Object")
                    .values("arn:aws:s3:::lake-raw/")
                    .build(),
            )
            .build();
        let s = summarize("aws", &[selector], &[]);
        assert!(s.management_read && s.management_write);
        assert!(s.s3_data.covers_bucket("aws", "lake-raw"));
        assert!(!s.s3_data.covers_bucket("aws", "lake-curated"));

        let write_only = EventSelector::builder()
            .read_write_type(ReadWriteType::WriteOnly)
            .build();
        let s = summarize("aws", &[write_only], &[]);
        assert!(!s.management_read && s.management_write);

        let all = EventSelector::builder()
            .include_management_events(false)
            .data_resources(
                DataResource::builder()
                    .r#type("AWS::S3::Object")
                    .values("arn:aws:s3")
                    .build(),
            )
            .build();
        let s = summarize("aws", &[all], &[]);
        assert!(!s.management_write);
        assert!(s.s3_data.covers_bucket("aws", "anything"));
    }

    #[test]
    fn advanced_selectors() {
        let management = advanced(vec![field("eventCategory", &["Management"], &[])]);
        let lake = advanced(vec![
            field("eventCategory", &["Data"], &[]),
            field("resources.type", &["AWS::S3::Object"], &[]),
            field("resources.ARN", &[], &["arn:aws:s3:::lake-"]),
        ]);
        let s = summarize("aws", &[], &[management, lake]);
        assert!(s.management_read && s.management_write);
        assert!(s.s3_data.covers_bucket("aws", "lake-raw"));
        assert!(!s.s3_data.covers_bucket("aws", "other"));

        let read_only = advanced(vec![
            field("eventCategory", &["Management"], &[]),
            field("readOnly", &["true"], &[]),
        ]);
        let s = summarize("aws", &[], &[read_only]);
        assert!(s.management_read && !s.management_write);

        let every_object = advanced(vec![
            field("eventCategory", &["Data"], &[]),
            field("resources.type", &["AWS::S3::Object"], &[]),
        ]);
        assert!(summarize("aws", &[], &[every_object]).s3_data.all_buckets);

        let excluding = advanced(vec![
            field("eventCategory", &["Data"], &[]),
            field("resources.type", &["AWS::S3::Object"], &[]),
            AdvancedFieldSelector::builder()
                .field("resources.ARN")
                .not_starts_with("arn:aws:s3:::scratch/")
                .build()
                .unwrap(),
        ]);
        let s = summarize("aws", &[], &[excluding]);
        assert!(s.s3_data.covers_bucket("aws", "lake-raw"));
        assert!(!s.s3_data.covers_bucket("aws", "scratch"));
    }
}
