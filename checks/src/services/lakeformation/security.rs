//! The Lake Formation checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{
    Bucket, DefaultPermission, LakeFormationInventory, LakeFormationRegion, S3Inventory,
    Unobserved, UnobservedKind,
};
use crate::services::glue::catalog::{glue_databases_in, regions_naming};

crate::checks! {
    "lakeformation.default_permissions" {
        title: "Lake Formation governs new databases and tables",
        resource: "AwsLakeFormationDataLakeSettings",
        severity: Medium,
        practice: "SEC03-BP02",
        rationale: "While new databases and tables grant ALL to IAM_ALLOWED_PRINCIPALS, \
            any IAM principal with Glue permissions reads them: Lake Formation's grants \
            are bypassed for everything created from now on.",
        remediation: "Remove IAM_ALLOWED_PRINCIPALS from the default permissions of new \
            databases and tables, and grant access through Lake Formation.",
        cli: "aws lakeformation put-data-lake-settings --data-lake-settings '{\"DataLakeAdmins\":[{\"DataLakePrincipalIdentifier\":\"<admin-arn>\"}],\"CreateDatabaseDefaultPermissions\":[],\"CreateTableDefaultPermissions\":[]}'",
        each: default_permissions,
    }
    "lakeformation.data_lake_location_registered" {
        title: "Data-lake bucket is registered with Lake Formation",
        resource: "AwsS3Bucket",
        severity: Low,
        practice: "SEC03-BP02",
        rationale: "Lake Formation can only vend credentials for, and so govern access \
            to, the S3 locations registered with it.",
        remediation: "Register the bucket as a Lake Formation data lake location.",
        cli: "aws lakeformation register-resource --resource-arn arn:aws:s3:::<bucket> --use-service-linked-role",
        each: location_registered,
    }
}

fn grants_all_to_iam(defaults: &[DefaultPermission]) -> bool {
    defaults.iter().any(|d| {
        d.principal == "IAM_ALLOWED_PRINCIPALS" && d.permissions.iter().any(|p| p == "ALL")
    })
}

fn default_permissions(
    r: &LakeFormationRegion,
    _: &LakeFormationInventory,
    cx: &Context,
) -> Judged {
    if glue_databases_in(cx.inventory, &r.region)? == 0 {
        return not_applicable();
    }
    let settings = r.settings.get()?;
    let ungoverned: Vec<&str> = [
        ("databases", &settings.database_defaults),
        ("tables", &settings.table_defaults),
    ]
    .into_iter()
    .filter(|(_, defaults)| grants_all_to_iam(defaults))
    .map(|(what, _)| what)
    .collect();
    if ungoverned.is_empty() {
        pass("new databases and tables do not grant ALL to IAM_ALLOWED_PRINCIPALS")
    } else {
        fail(format!(
            "new {} grant ALL to IAM_ALLOWED_PRINCIPALS: IAM, not Lake Formation, decides who reads them",
            ungoverned.join(" and ")
        ))
    }
}

/// Whether a registered resource ARN covers some of the bucket.
fn registers(arn: &str, bucket: &str) -> bool {
    arn.split_once(":::")
        .map(|(_, path)| path.split('/').next() == Some(bucket))
        .unwrap_or(false)
}

fn location_registered(b: &Bucket, _: &S3Inventory, cx: &Context) -> Judged {
    if !cx.roles.is_data_lake(&b.name)? {
        return not_applicable();
    }
    let lf = cx.inventory.lakeformation.as_ref().ok_or_else(|| {
        Unobserved::new(UnobservedKind::NotScanned, "lakeformation:ListResources")
    })?;
    let mut unreadable = None;
    for region in &lf.regions {
        match region.registered.get() {
            Ok(arns) if arns.iter().any(|a| registers(a, &b.name)) => {
                return pass(format!(
                    "registered with Lake Formation in {}",
                    region.region
                ));
            }
            Ok(_) => {}
            Err(reason) => unreadable = Some(reason),
        }
    }
    if let Some(reason) = unreadable {
        return Err(reason);
    }
    // A location is registered with the Data Catalog that names it, in that
    // catalog's region; a bucket no scanned catalog names (one declared in
    // lakelint.toml) may be registered in a region that was not scanned.
    let naming = regions_naming(cx.inventory, &b.name);
    if naming.is_empty() {
        let scanned: Vec<&str> = lf.regions.iter().map(|r| r.region.as_str()).collect();
        return Err(
            Unobserved::new(UnobservedKind::NotScanned, "lakeformation:ListResources").with_message(
                format!(
                    "registered in none of the scanned regions ({}); no scanned Data Catalog names the bucket, so it may be registered in a region that was not scanned",
                    scanned.join(", ")
                ),
            ),
        );
    }
    fail(format!(
        "the Data Catalog of {} names the bucket, but it is registered with Lake Formation there in no region",
        naming.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn with_databases(mut inv: Inventory, databases: &[&str]) -> Inventory {
        let mut region = glue_region();
        region.databases = databases.iter().map(|d| d.to_string()).collect();
        inv.glue = Some(GlueInventory {
            regions: vec![region],
        });
        inv
    }

    #[test]
    fn default_permissions_only_where_glue_has_databases() {
        let id = "lakeformation.default_permissions";
        let inv = |settings: LakeFormationRegion, dbs: &[&str]| {
            with_databases(with_lakeformation(inventory(vec![]), vec![settings]), dbs)
        };
        assert_eq!(statuses(id, &inv(lf_region(true), &["sales"])), [Pass]);
        assert_eq!(statuses(id, &inv(lf_region(false), &["sales"])), [Fail]);
        assert!(statuses(id, &inv(lf_region(false), &[])).is_empty());
        let mut unreadable = lf_region(true);
        unreadable.settings = Observed::Unknown(denied("lakeformation:GetDataLakeSettings"));
        assert_eq!(statuses(id, &inv(unreadable, &["sales"])), [Unknown]);
        // Glue not scanned: whether the region has databases is unknown.
        let mut no_glue = inv(lf_region(false), &["sales"]);
        no_glue.glue = None;
        assert_eq!(statuses(id, &no_glue), [Unknown]);
    }

    #[test]
    fn data_lake_buckets_are_registered() {
        let id = "lakeformation.data_lake_location_registered";
        let buckets = vec![
            bare_bucket("lake-raw", "us-east-1"),
            bare_bucket("lake-curated", "us-east-1"),
            bare_bucket("scratch", "us-east-1"),
        ];
        let mut region = lf_region(true);
        region.registered = Observed::Known(vec!["arn:aws:s3:::lake-raw/orders".into()]);
        let inv = with_lakeformation(inventory(buckets.clone()), vec![region]);
        let out = run_with(id, &inv, &lake_config());
        let got: Vec<(&str, crate::findings::finding::Status)> =
            out.iter().map(|(r, s, _)| (r.as_str(), *s)).collect();
        // Declared in lakelint.toml only: its registration may live in a
        // region that was not scanned.
        assert_eq!(got, [("lake-curated", Unknown), ("lake-raw", Pass)]);
        // Named by the Data Catalog of a scanned region: registration lives there.
        let mut glue = glue_region();
        glue.tables = vec![GlueTable {
            location: Some("s3://lake-curated/sales/".into()),
            ..GlueTable::default()
        }];
        let mut named = inv.clone();
        named.glue = Some(GlueInventory {
            regions: vec![glue],
        });
        let out = run_with(id, &named, &lake_config());
        let got: Vec<(&str, crate::findings::finding::Status)> =
            out.iter().map(|(r, s, _)| (r.as_str(), *s)).collect();
        assert_eq!(got, [("lake-curated", Fail), ("lake-raw", Pass)]);
        let mut region = lf_region(true);
        region.registered = Observed::Unknown(denied("lakeformation:ListResources"));
        let inv = with_lakeformation(inventory(buckets), vec![region]);
        let out = run_with(id, &inv, &lake_config());
        assert!(out.iter().all(|(_, s, _)| *s == Unknown), "{out:?}");
    }
}
