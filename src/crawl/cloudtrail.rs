//! CloudTrail: every trail the scanned regions can see (shadow copies of
//! multi-region and organization trails included), read once each through
//! its home region, with its event selectors as CloudTrail returns them.

use std::collections::BTreeMap;

use aws_sdk_cloudtrail::types as sdk;
use aws_sdk_cloudtrail::Client;
use futures::future::join_all;
use lakelint_checks::model::{
    AdvancedEventSelector, CloudTrailInventory, DataResource, EventSelector, EventSelectors,
    FieldSelector, Observed, Trail, Unobserved,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};
use crate::crawl::in_region;

/// Collects the account's trails.
pub(crate) struct CloudTrail;

/// Once per trail.
const TRAIL: Per = Per::new("trail", |inventory| {
    inventory
        .cloudtrail
        .as_ref()
        .map_or(0, |c| c.trails.len() as u64)
});

impl Collector for CloudTrail {
    type Section = CloudTrailInventory;
    type Part = CloudTrailInventory;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            "cloudtrail:DescribeTrails",
            Per::REGION,
            &["cloudtrail.*", "s3.bucket_access_logging"],
        ),
        Action::read(
            "cloudtrail:GetEventSelectors",
            TRAIL,
            &[
                "cloudtrail.multi_region_logging",
                "cloudtrail.s3_data_events",
                "s3.bucket_access_logging",
            ],
        ),
        Action::read(
            "cloudtrail:GetTrailStatus",
            TRAIL,
            &[
                "cloudtrail.multi_region_logging",
                "cloudtrail.s3_data_events",
                "s3.bucket_access_logging",
            ],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, _: &str, gaps: &mut Gaps) -> CloudTrailInventory {
        let client = |region: &str| Client::new(&scan.sdk_in(region));
        let listed = join_all(scan.regions.iter().map(|region| {
            in_region(region, async move {
                let result = scan
                    .calls
                    .run("cloudtrail:DescribeTrails", || {
                        client(region)
                            .describe_trails()
                            .include_shadow_trails(true)
                            .send()
                    })
                    .await;
                (region, result)
            })
        }))
        .await;
        // Each trail once, read through its home region when that was scanned.
        let mut unique: BTreeMap<String, (sdk::Trail, &String)> = BTreeMap::new();
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
                Err(reason) => gaps.add_in(Some(region.clone()), reason),
            }
        }
        let trails = join_all(
            unique
                .into_values()
                .map(|(t, region)| trail(scan, client(region), t, region)),
        )
        .await;
        CloudTrailInventory { trails }
    }

    fn assemble(mut parts: Vec<CloudTrailInventory>) -> CloudTrailInventory {
        parts.pop().expect("an account-wide service is read once")
    }
}

async fn trail(scan: &Scan<'_>, client: Client, t: sdk::Trail, seen_in: &str) -> Trail {
    let arn = t.trail_arn().unwrap_or_default().to_string();
    let (status, selectors) = tokio::join!(
        scan.calls.run("cloudtrail:GetTrailStatus", || client
            .get_trail_status()
            .name(&arn)
            .send(),),
        scan.calls.run("cloudtrail:GetEventSelectors", || client
            .get_event_selectors()
            .trail_name(&arn)
            .send(),),
    );
    Trail {
        name: t.name().unwrap_or_default().to_string(),
        home_region: t.home_region().unwrap_or(seen_in).to_string(),
        multi_region: Observed::reported(
            t.is_multi_region_trail(),
            "cloudtrail:DescribeTrails",
            "IsMultiRegionTrail",
        ),
        organization: t.is_organization_trail().unwrap_or(false),
        s3_bucket: t.s3_bucket_name().map(str::to_string),
        kms_key_id: t.kms_key_id().map(str::to_string),
        log_file_validation: Observed::reported(
            t.log_file_validation_enabled(),
            "cloudtrail:DescribeTrails",
            "LogFileValidationEnabled",
        ),
        cloudwatch_log_group: t.cloud_watch_logs_log_group_arn().map(str::to_string),
        logging: status
            .and_then(|s| {
                s.is_logging().ok_or_else(|| {
                    Unobserved::not_reported("cloudtrail:GetTrailStatus", "IsLogging")
                })
            })
            .into(),
        selectors: selectors
            .map(|s| EventSelectors {
                basic: s.event_selectors().iter().map(event_selector).collect(),
                advanced: s
                    .advanced_event_selectors()
                    .iter()
                    .map(advanced_event_selector)
                    .collect(),
            })
            .into(),
        arn,
    }
}

fn event_selector(s: &sdk::EventSelector) -> EventSelector {
    EventSelector {
        read_write_type: s.read_write_type().map(|t| t.as_str().to_string()),
        include_management_events: s.include_management_events(),
        data_resources: s
            .data_resources()
            .iter()
            .map(|r| DataResource {
                kind: r.r#type().map(str::to_string),
                values: r.values().to_vec(),
            })
            .collect(),
    }
}

fn advanced_event_selector(s: &sdk::AdvancedEventSelector) -> AdvancedEventSelector {
    AdvancedEventSelector {
        name: s.name().map(str::to_string),
        field_selectors: s
            .field_selectors()
            .iter()
            .map(|f| FieldSelector {
                field: f.field().to_string(),
                equals: f.equals().to_vec(),
                starts_with: f.starts_with().to_vec(),
                ends_with: f.ends_with().to_vec(),
                not_equals: f.not_equals().to_vec(),
                not_starts_with: f.not_starts_with().to_vec(),
                not_ends_with: f.not_ends_with().to_vec(),
            })
            .collect(),
    }
}
