//! EMR Serverless, per region: every application and its auto-stop configuration.

use aws_sdk_emrserverless::Client;
use lakelint_checks::model::{
    AutoStop, EmrServerlessApplication, EmrServerlessInventory, EmrServerlessRegion, Regional,
    Unobserved,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{per_resource, Collector, Gaps, Scan};

/// Collects EMR Serverless, region by region.
pub(crate) struct EmrServerless;

/// Once per application.
const APPLICATION: Per = Per::new("EMR Serverless application", |inventory| {
    per_region(inventory.emrserverless.as_ref(), |r| r.applications.len())
});

const GET: &str = "emr-serverless:GetApplication";

impl Collector for EmrServerless {
    type Section = EmrServerlessInventory;
    type Part = EmrServerlessRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(GET, APPLICATION, &["emrserverless.application_auto_stop"]),
        Action::read(
            "emr-serverless:ListApplications",
            Per::REGION,
            &["emrserverless.*"],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> EmrServerlessRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                "emr-serverless:ListApplications",
                |token| client.list_applications().set_next_token(token).send(),
                |page| {
                    let apps = page
                        .applications()
                        .iter()
                        .map(|a| {
                            (
                                a.id().to_string(),
                                a.name().unwrap_or(a.id()).to_string(),
                                a.arn().to_string(),
                            )
                        })
                        .collect();
                    (apps, page.next_token().map(str::to_string))
                },
            )
            .await;
        let applications = per_resource(
            gaps.keep(listed),
            |(id, name, arn): (String, String, String)| {
                let client = &client;
                async move {
                    EmrServerlessApplication {
                        auto_stop: auto_stop(scan, client, &id).await.into(),
                        id,
                        name,
                        arn,
                    }
                }
            },
        )
        .await;
        EmrServerlessRegion {
            region: region.into(),
            applications,
        }
    }

    fn assemble(regions: Vec<EmrServerlessRegion>) -> EmrServerlessInventory {
        Regional { regions }
    }
}

async fn auto_stop(scan: &Scan<'_>, client: &Client, id: &str) -> Result<AutoStop, Unobserved> {
    let out = scan
        .calls
        .run(GET, || client.get_application().application_id(id).send())
        .await?;
    let config = out
        .application()
        .and_then(|a| a.auto_stop_configuration())
        .ok_or_else(|| Unobserved::not_reported(GET, "autoStopConfiguration"))?;
    Ok(AutoStop {
        enabled: config
            .enabled()
            .ok_or_else(|| Unobserved::not_reported(GET, "autoStopConfiguration.enabled"))?,
        idle_timeout_minutes: config.idle_timeout_minutes(),
    })
}
