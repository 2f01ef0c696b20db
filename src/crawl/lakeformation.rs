//! Lake Formation, per region: the data lake settings and the registered S3 locations.

use aws_sdk_lakeformation::types::{DataLakePrincipal, PrincipalPermissions};
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
    // An omitted list is not an empty one, nor a grant without its principal
    // a grant to nobody: either makes the settings unknown.
    let principal = |p: Option<&DataLakePrincipal>, field: &str| {
        p.and_then(|p| p.data_lake_principal_identifier())
            .map(str::to_string)
            .ok_or_else(|| Unobserved::not_reported(GET, field))
    };
    let defaults = |grants: Option<&Vec<PrincipalPermissions>>, field: &str| {
        grants
            .ok_or_else(|| Unobserved::not_reported(GET, field))?
            .iter()
            .map(|g| {
                Ok(DefaultPermission {
                    principal: principal(g.principal(), &format!("{field}.Principal"))?,
                    permissions: g
                        .permissions()
                        .iter()
                        .map(|p| p.as_str().to_string())
                        .collect(),
                })
            })
            .collect::<Result<Vec<_>, Unobserved>>()
    };
    Ok(DataLakeSettings {
        admins: settings
            .data_lake_admins
            .as_ref()
            .ok_or_else(|| Unobserved::not_reported(GET, "DataLakeAdmins"))?
            .iter()
            .map(|a| principal(Some(a), "DataLakeAdmins.DataLakePrincipalIdentifier"))
            .collect::<Result<_, _>>()?,
        database_defaults: defaults(
            settings.create_database_default_permissions.as_ref(),
            "CreateDatabaseDefaultPermissions",
        )?,
        table_defaults: defaults(
            settings.create_table_default_permissions.as_ref(),
            "CreateTableDefaultPermissions",
        )?,
    })
}
