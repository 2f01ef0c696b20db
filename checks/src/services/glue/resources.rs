//! How checks walk Glue's records and what they reference.

use crate::engine::references::{BucketUse, KeyUse, References};
use crate::engine::resource::{
    account_arn, in_regions, region_setting_ref, regional_ref, Listing, Resource,
};
use crate::engine::roles::BucketRole;
use crate::model::*;
use crate::ResourceRef;

crate::regional_resource!(GlueJob in GlueRegion, glue.jobs, name, "AwsGlueJob");

crate::regional_resource!(GlueCrawler in GlueRegion, glue.crawlers, name, "AwsGlueCrawler");

crate::regional_resource!(GlueTrigger in GlueRegion, glue.triggers, name, "AwsGlueTrigger");

impl Resource for GlueTable {
    type In = GlueRegion;
    fn all(inventory: &Inventory) -> Vec<(&Self, &GlueRegion)> {
        in_regions(inventory.glue.as_ref(), |r| &r.tables)
    }
    fn reference(&self, region: &GlueRegion, inventory: &Inventory) -> ResourceRef {
        let id = format!("{}.{}", self.database, self.name);
        regional_ref(inventory, &region.region, &self.arn, &id, "AwsGlueTable")
    }
}

impl Resource for GlueSchema {
    type In = GlueRegion;
    fn all(inventory: &Inventory) -> Vec<(&Self, &GlueRegion)> {
        in_regions(inventory.glue.as_ref(), |r| &r.schemas)
    }
    fn reference(&self, region: &GlueRegion, inventory: &Inventory) -> ResourceRef {
        let id = format!("{}/{}", self.registry, self.name);
        regional_ref(inventory, &region.region, &self.arn, &id, "AwsGlueSchema")
    }
}

/// A database of the region's Data Catalog, named by its ARN.
pub(crate) fn database_ref(region: &GlueRegion, name: &str, inventory: &Inventory) -> ResourceRef {
    let arn = account_arn(
        inventory,
        "glue",
        &region.region,
        &format!("database/{name}"),
    );
    regional_ref(inventory, &region.region, &arn, name, "AwsGlueDatabase")
}

/// The configurations of regions where they could be listed.
impl Resource for GlueSecurityConfiguration {
    type In = GlueRegion;
    fn all(inventory: &Inventory) -> Vec<(&Self, &GlueRegion)> {
        in_regions(inventory.glue.as_ref(), |r| {
            r.security_configurations.known().map_or(&[], Vec::as_slice)
        })
    }
    fn reference(&self, region: &GlueRegion, inventory: &Inventory) -> ResourceRef {
        let resource = format!("securityConfiguration/{}", self.name);
        let arn = account_arn(inventory, "glue", &region.region, &resource);
        regional_ref(
            inventory,
            &region.region,
            &arn,
            &self.name,
            "AwsGlueSecurityConfiguration",
        )
    }
}

/// A region as a resource: its Data Catalog.
impl Resource for GlueRegion {
    type In = GlueInventory;
    fn all(inventory: &Inventory) -> Vec<(&Self, &GlueInventory)> {
        let Some(glue) = &inventory.glue else {
            return Vec::new();
        };
        glue.regions.iter().map(|r| (r, glue)).collect()
    }
    fn reference(&self, _: &GlueInventory, inventory: &Inventory) -> ResourceRef {
        let arn = account_arn(inventory, "glue", &self.region, "catalog");
        region_setting_ref(inventory, &self.region, arn, "AwsGlueDataCatalog")
    }
}

impl Listing for GlueInventory {
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef> {
        let mut out = Vec::new();
        for region in &self.regions {
            out.push(region.reference(self, inventory));
            let configs = region.security_configurations.known().into_iter().flatten();
            out.extend(configs.map(|c| c.reference(region, inventory)));
            out.extend(region.jobs.iter().map(|j| j.reference(region, inventory)));
            out.extend(
                region
                    .crawlers
                    .iter()
                    .map(|c| c.reference(region, inventory)),
            );
            out.extend(
                region
                    .databases
                    .iter()
                    .map(|d| database_ref(region, d, inventory)),
            );
            out.extend(region.tables.iter().map(|t| t.reference(region, inventory)));
            out.extend(
                region
                    .schemas
                    .iter()
                    .map(|s| s.reference(region, inventory)),
            );
            out.extend(
                region
                    .triggers
                    .iter()
                    .map(|t| t.reference(region, inventory)),
            );
        }
        out
    }
}

impl References for GlueInventory {
    fn key_uses(&self, inventory: &Inventory) -> Vec<KeyUse> {
        let mut out = Vec::new();
        for region in &self.regions {
            for config in region.security_configurations.known().into_iter().flatten() {
                for (setting, what) in config.settings() {
                    if let Some(key) = &setting.kms_key {
                        let purpose = format!(
                            "{what} encryption of Glue security configuration {}",
                            config.name
                        );
                        out.push(KeyUse::new(
                            config.reference(region, inventory),
                            purpose,
                            key,
                        ));
                    }
                }
            }
            if let Some(settings) = region.catalog_encryption.known() {
                let keys = [
                    (&settings.at_rest_kms_key, "metadata"),
                    (&settings.connection_password_kms_key, "connection password"),
                ];
                for (key, what) in keys {
                    if let Some(key) = key {
                        let purpose =
                            format!("Glue Data Catalog {what} encryption in {}", region.region);
                        out.push(KeyUse::new(region.reference(self, inventory), purpose, key));
                    }
                }
            }
        }
        out
    }

    /// Table locations and crawler targets: the data lake.
    fn bucket_uses(&self) -> Vec<BucketUse> {
        self.regions
            .iter()
            .flat_map(|r| {
                let tables = r.tables.iter().filter_map(|t| t.location.as_deref());
                let crawlers = r
                    .crawlers
                    .iter()
                    .flat_map(|c| c.s3_targets.iter().map(String::as_str));
                tables.chain(crawlers)
            })
            .filter_map(|location| BucketUse::of_location(location, BucketRole::DataLake))
            .collect()
    }
}
