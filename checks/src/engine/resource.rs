//! How checks walk the inventory: every kind of resource says where its
//! records are and how a finding names one, and [`each`] runs a judge on all
//! of them.

use crate::engine::check::{Context, Judgement};
use crate::findings::finding::{intern, Judged, Outcome, ResourceRef};
use crate::model::{Inventory, Unobserved};

/// A kind of resource that checks judge one by one.
pub trait Resource: Sized + 'static {
    /// What a resource lives in, handed to the judge beside it: its region's
    /// record, or the service's section.
    type In: 'static;
    /// Every resource of the kind, with what it lives in.
    fn all(inventory: &Inventory) -> Vec<(&Self, &Self::In)>;
    /// How findings name it.
    fn reference(&self, within: &Self::In, inventory: &Inventory) -> ResourceRef;
    /// Resources of the kind a listing named but whose details could not be
    /// read, with the reason: every check of the kind gives each an UNKNOWN
    /// finding. None unless a kind says otherwise.
    fn undescribed(_inventory: &Inventory) -> Vec<(ResourceRef, Unobserved)> {
        Vec::new()
    }
}

/// Runs `judge` on every resource of type `T`; a judgement that could not see
/// its input becomes UNKNOWN, one that does not apply gives no finding.
pub fn each<T: Resource>(
    cx: &Context,
    judge: impl Fn(&T, &T::In, &Context) -> Judged,
) -> Vec<Judgement> {
    let mut out: Vec<Judgement> = T::all(cx.inventory)
        .into_iter()
        .filter_map(|(item, within)| {
            settle(judge(item, within, cx)).map(|outcome| Judgement {
                resource: item.reference(within, cx.inventory),
                outcome,
                severity: None,
            })
        })
        .collect();
    out.extend(undescribed::<T>(cx.inventory));
    out
}

/// An UNKNOWN for each resource listed but not described, with its reason.
pub fn undescribed<T: Resource>(inventory: &Inventory) -> impl Iterator<Item = Judgement> {
    T::undescribed(inventory)
        .into_iter()
        .map(|(resource, reason)| Judgement {
            resource,
            outcome: Outcome::Unknown(reason),
            severity: None,
        })
}

/// Turns a judgement that could not see its input into an UNKNOWN outcome.
pub fn settle(judged: Judged) -> Option<Outcome> {
    judged.unwrap_or_else(|reason| Some(Outcome::Unknown(reason)))
}

/// One judgement of an account-wide or region-wide resource.
pub fn one(resource: ResourceRef, judged: Judged) -> Vec<Judgement> {
    settle(judged)
        .map(|outcome| Judgement {
            resource,
            outcome,
            severity: None,
        })
        .into_iter()
        .collect()
}

/// A resource of a regional service.
pub fn regional_ref(
    inventory: &Inventory,
    region: &str,
    arn: &str,
    id: &str,
    kind: &'static str,
) -> ResourceRef {
    // Interned: a resource's every finding shares one copy of each.
    ResourceRef {
        arn: intern(arn),
        id: intern(id),
        kind: kind.into(),
        region: intern(region),
        account_id: intern(&inventory.account.account_id),
    }
}

/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` in the scanned account.
pub fn account_arn(inventory: &Inventory, service: &str, region: &str, resource: &str) -> String {
    let account = &inventory.account;
    format!(
        "arn:{}:{service}:{region}:{}:{resource}",
        account.partition, account.account_id
    )
}

/// A region-wide setting of the account (a catalog's encryption, EMR block
/// public access) as a resource, named by the account id.
pub fn region_setting_ref(
    inventory: &Inventory,
    region: &str,
    arn: String,
    kind: &'static str,
) -> ResourceRef {
    regional_ref(inventory, region, &arn, &inventory.account.account_id, kind)
}

/// The account as a resource, for account-wide settings. It is listed under
/// the first scanned region (the home region of the scan).
pub fn account_ref(inventory: &Inventory) -> ResourceRef {
    let account = &inventory.account;
    let region = inventory
        .scan
        .regions
        .first()
        .map_or("global", String::as_str);
    ResourceRef {
        arn: intern(&format!(
            "arn:{}:iam::{}:root",
            account.partition, account.account_id
        )),
        id: intern(&account.account_id),
        kind: "AwsAccount".into(),
        region: intern(region),
        account_id: intern(&account.account_id),
    }
}

/// The records of a regional section's regions, each with a list it holds.
pub fn in_regions<'a, R, T>(
    regions: Option<&'a crate::model::Regional<R>>,
    items: impl Fn(&'a R) -> &'a [T],
) -> Vec<(&'a T, &'a R)> {
    regions
        .into_iter()
        .flat_map(|section| &section.regions)
        .flat_map(|region| items(region).iter().map(move |item| (item, region)))
        .collect()
}

/// Every collected resource, section by section, judged or not; the
/// account once, where the first section lists it.
pub fn listed(inventory: &Inventory) -> Vec<ResourceRef> {
    let mut out: Vec<ResourceRef> = Vec::new();
    for section in sections(inventory) {
        for resource in section.listed(inventory) {
            if resource.kind != "AwsAccount" || !out.contains(&resource) {
                out.push(resource);
            }
        }
    }
    out
}

/// The sections a scan collected, as listings.
macro_rules! sections {
    ($($(#[$doc:meta])* $variant:ident => $module:ident: $section:ident, iam: $iam:literal, $scope:ident;)*) => {
        fn sections(inventory: &Inventory) -> Vec<&dyn Listing> {
            let mut out: Vec<&dyn Listing> = Vec::new();
            $(
                if let Some(section) = &inventory.$module {
                    out.push(section);
                }
            )*
            out
        }
    };
}

crate::for_each_service!(sections);

/// A section's resources as reports list them, judged or not.
pub trait Listing {
    /// Every resource of the section, in report order.
    fn listed(&self, inventory: &Inventory) -> Vec<ResourceRef>;
}

/// Implements [`Resource`] for a record kept in a list of each region's
/// record, named by its own ARN and one of its fields:
/// `regional_resource!(GlueJob in GlueRegion, glue.jobs, name, "AwsGlueJob");`
#[macro_export]
macro_rules! regional_resource {
    ($record:ident in $region:ident, $section:ident . $list:ident, $id:ident, $kind:literal) => {
        impl $crate::engine::resource::Resource for $record {
            type In = $region;
            fn all(inventory: &$crate::model::Inventory) -> Vec<(&Self, &$region)> {
                $crate::engine::resource::in_regions(inventory.$section.as_ref(), |r| &r.$list)
            }
            fn reference(
                &self,
                region: &$region,
                inventory: &$crate::model::Inventory,
            ) -> $crate::ResourceRef {
                $crate::engine::resource::regional_ref(
                    inventory,
                    &region.region,
                    &self.arn,
                    &self.$id,
                    $kind,
                )
            }
        }
    };
}
