//! The Lake Formation checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{LakeFormationInventory, LakeFormationRegion};
use crate::services::glue::catalog::glue_databases_in;

crate::checks! {
    "lakeformation.data_lake_admins" {
        title: "The data lake has an administrator",
        resource: "AwsLakeFormationDataLakeSettings",
        severity: Low,
        practice: "OPS02-BP01",
        rationale: "Without a data lake administrator nobody can grant Lake Formation \
            permissions, so access falls back to whoever holds broad IAM rights.",
        remediation: "Name at least one data lake administrator (a role, not a person's user).",
        cli: "aws lakeformation put-data-lake-settings --data-lake-settings '{\"DataLakeAdmins\":[{\"DataLakePrincipalIdentifier\":\"<admin-role-arn>\"}]}'",
        each: admins,
    }
}

fn admins(r: &LakeFormationRegion, _: &LakeFormationInventory, cx: &Context) -> Judged {
    if glue_databases_in(cx.inventory, &r.region)? == 0 {
        return not_applicable();
    }
    let admins = &r.settings.get()?.admins;
    if admins.is_empty() {
        fail("no data lake administrator")
    } else {
        pass(format!("administered by {}", admins.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn admins_where_there_are_databases() {
        let id = "lakeformation.data_lake_admins";
        let inv = |region: LakeFormationRegion| {
            let mut inv = with_lakeformation(inventory(vec![]), vec![region]);
            let mut glue = glue_region();
            glue.databases = vec!["sales".into()];
            inv.glue = Some(GlueInventory {
                regions: vec![glue],
            });
            inv
        };
        assert_eq!(statuses(id, &inv(lf_region(true))), [Pass]);
        let mut none = lf_region(true);
        if let Observed::Known(s) = &mut none.settings {
            s.admins.clear();
        }
        assert_eq!(statuses(id, &inv(none)), [Fail]);
        let mut gap = inv(lf_region(true));
        deny_listing(
            &mut gap,
            Service::Glue,
            Some("us-east-1"),
            "glue:GetDatabases",
        );
        assert_eq!(statuses(id, &gap), [Unknown]);
    }
}
