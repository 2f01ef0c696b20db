//! Lake Formation, per region: the data lake settings and the registered S3 locations.

use aws_sdk_lakeformation::types::PrincipalPermissions;
use aws_sdk_lakeformation::Client;
use lakelint_checks::model::{
    DataLakeSettings, DefaultPermission, LakeFormationInventory, LakeFormationRegion, Regional,
    Unobserved,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Collects Lake Formation, region by region.
pub(crate) struct LakeFormation;

impl Collector for LakeFormation {
    type Section = LakeFormationInventory;
    type Part = LakeFormationRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            "lakeformation:GetDataLakeSettings",
            Per::REGION,
            &[
                "lakeformation.default_permissions",
                "lakeformation.data_lake_admins",
            ],
        ),
        Action::read(
            "lakeformation:ListResources",
            Per::REGION,
            &["lakeformation.data_lake_location_registered"],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, _: &mut Gaps) -> LakeFormationRegion {
        let client = Client::new(&scan.sdk_in(region));
        let (settings, registered) = tokio::join!(settings(scan, &client), async {
            scan.calls
                .pages(
                    "lakeformation:ListResources",
                    |token| client.list_resources().set_next_token(token).send(),
                    |page| {
                        let arns = page
                            .resource_info_list()
                            .iter()
                            .filter_map(|r| r.resource_arn().map(str::to_string))
                            .collect();
                        (arns, page.next_token().map(str::to_string))
                    },
                )
                .await
        });
        // Both are settings of the region, judged as UNKNOWN when unread: not gaps.
        LakeFormationRegion {
            region: region.into(),
            settings: settings.into(),
            registered: registered.into(),
        }
    }

    fn assemble(regions: Vec<LakeFormationRegion>) -> LakeFormationInventory {
        Regional { regions }
    }
}

async fn settings(scan: &Scan<'_>, client: &Client) -> Result<DataLakeSettings, Unobserved> {
    const GET: &str = "lakeformation:GetDataLakeSettings";
    let out = scan
        .calls
        .run(GET, || client.get_data_lake_settings().send())
        .await?;
    let settings = out
        .data_lake_settings()
        .ok_or_else(|| Unobserved::not_reported(GET, "DataLakeSettings"))?;
    let defaults = |grants: &[PrincipalPermissions]| {
        grants
            .iter()
            .map(|g| DefaultPermission {
                principal: g
                    .principal()
                    .and_then(|p| p.data_lake_principal_identifier())
                    .unwrap_or_default()
                    .to_string(),
                permissions: g
                    .permissions()
                    .iter()
                    .map(|p| p.as_str().to_string())
                    .collect(),
            })
            .collect()
    };
    Ok(DataLakeSettings {
        admins: settings
            .data_lake_admins()
            .iter()
            .filter_map(|a| a.data_lake_principal_identifier().map(str::to_string))
            .collect(),
        database_defaults: defaults(settings.create_database_default_permissions()),
        table_defaults: defaults(settings.create_table_default_permissions()),
    })
}
