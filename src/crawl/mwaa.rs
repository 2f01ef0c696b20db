//! Amazon MWAA, per region: every Airflow environment and its configuration.
//! MWAA's endpoint rules put `api.` in front of the host; behind a custom
//! endpoint (an emulator, a proxy) requests go to the host as given.

use aws_sdk_mwaa::types::ModuleLoggingConfiguration;
use aws_sdk_mwaa::Client;
use lakelint_checks::model::{
    MwaaConfiguration, MwaaEnvironment, MwaaInventory, MwaaRegion, Observed, Regional, Unobserved,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::aws::KeepEndpointHost;
use crate::crawl::collector::{per_resource, Collector, Gaps, Scan};

/// Collects MWAA, region by region.
pub(crate) struct Mwaa;

/// Once per environment.
const ENVIRONMENT: Per = Per::new("Airflow environment", |inventory| {
    per_region(inventory.mwaa.as_ref(), |r| r.environments.len())
});

const GET: &str = "airflow:GetEnvironment";

impl Collector for Mwaa {
    type Section = MwaaInventory;
    type Part = MwaaRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(GET, ENVIRONMENT, &["mwaa.*", "kms.key_in_use_usable"]),
        Action::read("airflow:ListEnvironments", Per::REGION, &["mwaa.*"]),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> MwaaRegion {
        let sdk = scan.sdk_in(region);
        let mut config = aws_sdk_mwaa::config::Builder::from(&sdk);
        if let Some(endpoint) = sdk.endpoint_url() {
            config = config.interceptor(KeepEndpointHost::new(endpoint));
        }
        let client = Client::from_conf(config.build());
        let listed = scan
            .calls
            .pages(
                "airflow:ListEnvironments",
                |token| client.list_environments().set_next_token(token).send(),
                |page| {
                    let names = page.environments().to_vec();
                    (names, page.next_token().map(str::to_string))
                },
            )
            .await;
        let environments = per_resource(gaps.keep(listed), |name: String| {
            let client = &client;
            async move {
                let described = configuration(scan, client, &name).await;
                let arn = described
                    .as_ref()
                    .ok()
                    .and_then(|(arn, _)| arn.clone())
                    .unwrap_or_else(|| scan.arn("airflow", region, &format!("environment/{name}")));
                MwaaEnvironment {
                    name,
                    arn,
                    configuration: described.map(|(_, c)| c).into(),
                }
            }
        })
        .await;
        MwaaRegion {
            region: region.into(),
            environments,
        }
    }

    fn assemble(regions: Vec<MwaaRegion>) -> MwaaInventory {
        Regional { regions }
    }
}

async fn configuration(
    scan: &Scan<'_>,
    client: &Client,
    name: &str,
) -> Result<(Option<String>, MwaaConfiguration), Unobserved> {
    let out = scan
        .calls
        .run(GET, || client.get_environment().name(name).send())
        .await?;
    let env = out
        .environment()
        .ok_or_else(|| Unobserved::not_reported(GET, "Environment"))?;
    let logging = env.logging_configuration();
    let module = |pick: fn(
        &aws_sdk_mwaa::types::LoggingConfiguration,
    ) -> Option<&ModuleLoggingConfiguration>,
                  field: &str| {
        Observed::reported(logging.and_then(pick).and_then(|m| m.enabled()), GET, field)
    };
    Ok((
        env.arn().map(str::to_string),
        MwaaConfiguration {
            webserver_access_mode: Observed::reported(
                env.webserver_access_mode().map(|m| m.as_str().to_string()),
                GET,
                "WebserverAccessMode",
            ),
            task_logs: module(|l| l.task_logs(), "LoggingConfiguration.TaskLogs"),
            scheduler_logs: module(|l| l.scheduler_logs(), "LoggingConfiguration.SchedulerLogs"),
            kms_key: env.kms_key().map(str::to_string),
        },
    ))
}
