//! Athena, per region: every workgroup, and each one's configuration.

use aws_sdk_athena::Client;
use lakelint_checks::model::{
    AthenaInventory, AthenaRegion, AthenaWorkGroup, ManagedResults, Observed, Regional, Unobserved,
    WorkGroupConfiguration,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{per_resource, Collector, Gaps, Scan};

/// Collects Athena, region by region.
pub(crate) struct Athena;

/// Once per workgroup.
const WORKGROUP: Per = Per::new("Athena workgroup", |inventory| {
    per_region(inventory.athena.as_ref(), |r| r.workgroups.len())
});

impl Collector for Athena {
    type Section = AthenaInventory;
    type Part = AthenaRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            "athena:GetWorkGroup",
            WORKGROUP,
            &["athena.*", "kms.key_in_use_usable"],
        ),
        Action::read("athena:ListWorkGroups", Per::REGION, &["athena.*"]),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> AthenaRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                "athena:ListWorkGroups",
                |token| {
                    client
                        .list_work_groups()
                        .max_results(50)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let names = page
                        .work_groups()
                        .iter()
                        .filter_map(|w| w.name().map(str::to_string))
                        .collect();
                    (names, page.next_token().map(str::to_string))
                },
            )
            .await;
        let workgroups = per_resource(gaps.keep(listed), |name: String| {
            let client = &client;
            async move {
                let configuration = configuration(scan, client, &name).await;
                AthenaWorkGroup {
                    arn: scan.arn("athena", region, &format!("workgroup/{name}")),
                    state: configuration
                        .as_ref()
                        .ok()
                        .and_then(|(state, _)| state.clone()),
                    configuration: configuration.map(|(_, c)| c).into(),
                    name,
                }
            }
        })
        .await;
        AthenaRegion {
            region: region.into(),
            workgroups,
        }
    }

    fn assemble(regions: Vec<AthenaRegion>) -> AthenaInventory {
        Regional { regions }
    }
}

const GET: &str = "athena:GetWorkGroup";

/// The workgroup's state and configuration.
async fn configuration(
    scan: &Scan<'_>,
    client: &Client,
    name: &str,
) -> Result<(Option<String>, WorkGroupConfiguration), Unobserved> {
    let out = scan
        .calls
        .run(GET, || client.get_work_group().work_group(name).send())
        .await?;
    let group = out
        .work_group()
        .ok_or_else(|| Unobserved::not_reported(GET, "WorkGroup"))?;
    let config = group
        .configuration()
        .ok_or_else(|| Unobserved::not_reported(GET, "Configuration"))?;
    let results = config.result_configuration();
    let encryption = results.and_then(|r| r.encryption_configuration());
    let engine = config.engine_version();
    // The effective engine; a version selected by name (not AUTO) is the one in use.
    let effective = engine.and_then(|e| {
        e.effective_engine_version().or_else(|| {
            e.selected_engine_version()
                .filter(|v| !v.eq_ignore_ascii_case("AUTO"))
        })
    });
    let configuration = WorkGroupConfiguration {
        enforce_configuration: Observed::reported(
            config.enforce_work_group_configuration(),
            GET,
            "EnforceWorkGroupConfiguration",
        ),
        publish_metrics: Observed::reported(
            config.publish_cloud_watch_metrics_enabled(),
            GET,
            "PublishCloudWatchMetricsEnabled",
        ),
        bytes_scanned_cutoff: config.bytes_scanned_cutoff_per_query(),
        output_location: results
            .and_then(|r| r.output_location())
            .map(str::to_string),
        result_encryption: encryption.map(|e| e.encryption_option().as_str().to_string()),
        result_kms_key: encryption.and_then(|e| e.kms_key()).map(str::to_string),
        effective_engine: Observed::reported(
            effective.map(str::to_string),
            GET,
            "EngineVersion.EffectiveEngineVersion",
        ),
        managed_results: config
            .managed_query_results_configuration()
            .filter(|m| m.enabled())
            .map(|m| ManagedResults {
                kms_key: m
                    .encryption_configuration()
                    .map(|e| e.kms_key().to_string()),
            }),
    };
    Ok((group.state().map(|s| s.as_str().to_string()), configuration))
}
