//! Redshift Serverless, per region: workgroups and namespaces from their
//! listings, and a workgroup's compute usage limits only where no maximum
//! capacity already bounds it.

use aws_sdk_redshiftserverless::types::{Namespace, UsageLimitUsageType, Workgroup};
use aws_sdk_redshiftserverless::Client;
use lakelint_checks::model::{
    Observed, RedshiftServerlessInventory, RedshiftServerlessRegion, Regional, ServerlessNamespace,
    ServerlessWorkgroup, Unobserved,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{per_resource, Collector, Gaps, Scan};

/// Collects Redshift Serverless, region by region.
pub(crate) struct RedshiftServerless;

/// Once per workgroup without a maximum capacity.
const UNBOUNDED_WORKGROUP: Per = Per::new("workgroup without a maximum capacity", |inventory| {
    inventory.redshiftserverless.as_ref().map_or(0, |s| {
        s.regions
            .iter()
            .flat_map(|r| &r.workgroups)
            .filter(|w| w.max_capacity.is_none())
            .count() as u64
    })
});

const WORKGROUPS: &str = "redshift-serverless:ListWorkgroups";
const NAMESPACES: &str = "redshift-serverless:ListNamespaces";
const LIMITS: &str = "redshift-serverless:ListUsageLimits";

impl Collector for RedshiftServerless {
    type Section = RedshiftServerlessInventory;
    type Part = RedshiftServerlessRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            NAMESPACES,
            Per::REGION,
            &["redshiftserverless.namespace_*", "kms.key_in_use_usable"],
        ),
        Action::read(
            LIMITS,
            UNBOUNDED_WORKGROUP,
            &["redshiftserverless.workgroup_max_capacity"],
        ),
        Action::read(WORKGROUPS, Per::REGION, &["redshiftserverless.workgroup_*"]),
    ];

    async fn collect(
        &self,
        scan: &Scan<'_>,
        region: &str,
        gaps: &mut Gaps,
    ) -> RedshiftServerlessRegion {
        let client = Client::new(&scan.sdk_in(region));
        let workgroups = scan.calls.pages(
            WORKGROUPS,
            |token| {
                client
                    .list_workgroups()
                    .max_results(100)
                    .set_next_token(token)
                    .send()
            },
            |page| {
                let found = page.workgroups().iter().filter_map(workgroup).collect();
                (found, page.next_token().map(str::to_string))
            },
        );
        let namespaces = scan.calls.pages(
            NAMESPACES,
            |token| {
                client
                    .list_namespaces()
                    .max_results(100)
                    .set_next_token(token)
                    .send()
            },
            |page| {
                let found = page.namespaces().iter().filter_map(namespace).collect();
                (found, page.next_token().map(str::to_string))
            },
        );
        let (workgroups, namespaces) = tokio::join!(workgroups, namespaces);
        let workgroups = per_resource(gaps.keep(workgroups), |mut w: ServerlessWorkgroup| {
            let client = &client;
            async move {
                if w.max_capacity.is_none() {
                    w.usage_limits = Some(usage_limits(scan, client, &w.arn).await.into());
                }
                w
            }
        })
        .await;
        RedshiftServerlessRegion {
            region: region.into(),
            workgroups,
            namespaces: gaps.keep(namespaces),
        }
    }

    fn assemble(regions: Vec<RedshiftServerlessRegion>) -> RedshiftServerlessInventory {
        Regional { regions }
    }
}

fn workgroup(w: &Workgroup) -> Option<ServerlessWorkgroup> {
    Some(ServerlessWorkgroup {
        name: w.workgroup_name()?.to_string(),
        arn: w.workgroup_arn()?.to_string(),
        publicly_accessible: Observed::reported(
            w.publicly_accessible(),
            WORKGROUPS,
            "publiclyAccessible",
        ),
        enhanced_vpc_routing: Observed::reported(
            w.enhanced_vpc_routing(),
            WORKGROUPS,
            "enhancedVpcRouting",
        ),
        // Absent when the workgroup was never given a maximum.
        max_capacity: w.max_capacity(),
        usage_limits: None,
    })
}

fn namespace(n: &Namespace) -> Option<ServerlessNamespace> {
    Some(ServerlessNamespace {
        name: n.namespace_name()?.to_string(),
        arn: n.namespace_arn()?.to_string(),
        kms_key: Observed::reported(n.kms_key_id().map(str::to_string), NAMESPACES, "kmsKeyId"),
        // An empty list: nothing is exported.
        log_exports: n
            .log_exports()
            .iter()
            .map(|l| l.as_str().to_string())
            .collect(),
    })
}

/// How many compute usage limits the workgroup has.
async fn usage_limits(scan: &Scan<'_>, client: &Client, arn: &str) -> Result<usize, Unobserved> {
    let limits = scan
        .calls
        .pages(
            LIMITS,
            |token| {
                client
                    .list_usage_limits()
                    .resource_arn(arn)
                    .usage_type(UsageLimitUsageType::ServerlessCompute)
                    .max_results(100)
                    .set_next_token(token)
                    .send()
            },
            |page| {
                let found: Vec<()> = page.usage_limits().iter().map(|_| ()).collect();
                (found, page.next_token().map(str::to_string))
            },
        )
        .await?;
    Ok(limits.len())
}
