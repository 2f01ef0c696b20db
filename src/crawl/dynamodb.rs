//! DynamoDB, per region: every table (DescribeTable and DescribeContinuousBackups
//! each), and the region's Application Auto Scaling targets in one listing.

use aws_sdk_dynamodb::types::SseStatus;
use aws_sdk_dynamodb::Client;
use lakelint_checks::model::{
    DynamoDbInventory, DynamoDbRegion, DynamoDbTable, Observed, Regional, ScalingTarget,
    TableDescription, Unobserved, UnobservedKind,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{per_resource, Collector, Gaps, Scan};

/// Collects DynamoDB, region by region.
pub(crate) struct DynamoDb;

/// Once per table.
const TABLE: Per = Per::new("DynamoDB table", |inventory| {
    per_region(inventory.dynamodb.as_ref(), |r| r.tables.len())
});

const DESCRIBE: &str = "dynamodb:DescribeTable";

impl Collector for DynamoDb {
    type Section = DynamoDbInventory;
    type Part = DynamoDbRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            "application-autoscaling:DescribeScalableTargets",
            Per::REGION,
            &["dynamodb.table_capacity_scaling"],
        ),
        Action::read(
            "dynamodb:DescribeContinuousBackups",
            TABLE,
            &["dynamodb.table_pitr"],
        ),
        Action::read(
            DESCRIBE,
            TABLE,
            &[
                "dynamodb.table_deletion_protection",
                "dynamodb.table_kms_encryption",
                "dynamodb.table_capacity_scaling",
                "kms.key_in_use_usable",
            ],
        ),
        Action::read("dynamodb:ListTables", Per::REGION, &["dynamodb.*"]),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> DynamoDbRegion {
        let sdk = scan.sdk_in(region);
        let client = Client::new(&sdk);
        let scaling = aws_sdk_applicationautoscaling::Client::new(&sdk);
        let (listed, scaling_targets) = tokio::join!(
            scan.calls.pages(
                "dynamodb:ListTables",
                |start| client
                    .list_tables()
                    .limit(100)
                    .set_exclusive_start_table_name(start)
                    .send(),
                |page| {
                    let next = page.last_evaluated_table_name().map(str::to_string);
                    (page.table_names().to_vec(), next)
                },
            ),
            scaling_targets(scan, &scaling),
        );
        let tables = per_resource(gaps.keep(listed), |name: String| {
            let client = &client;
            async move {
                let (description, backups) = tokio::join!(
                    describe(scan, client, &name),
                    point_in_time_recovery(scan, client, &name)
                );
                let arn = description
                    .as_ref()
                    .ok()
                    .and_then(|(arn, _)| arn.clone())
                    .unwrap_or_else(|| scan.arn("dynamodb", region, &format!("table/{name}")));
                DynamoDbTable {
                    name,
                    arn,
                    description: description.map(|(_, d)| d).into(),
                    point_in_time_recovery: backups.into(),
                }
            }
        })
        .await;
        DynamoDbRegion {
            region: region.into(),
            tables,
            scaling_targets: scaling_targets.into(),
        }
    }

    fn assemble(regions: Vec<DynamoDbRegion>) -> DynamoDbInventory {
        Regional { regions }
    }
}

/// The table's ARN and what the checks read of its description.
async fn describe(
    scan: &Scan<'_>,
    client: &Client,
    name: &str,
) -> Result<(Option<String>, TableDescription), Unobserved> {
    let out = scan
        .calls
        .run(DESCRIBE, || client.describe_table().table_name(name).send())
        .await?;
    let table = out
        .table()
        .ok_or_else(|| Unobserved::not_reported(DESCRIBE, "Table"))?;
    // Older provisioned tables carry no BillingModeSummary; on-demand tables
    // report zero provisioned capacity.
    let billing_mode = table
        .billing_mode_summary()
        .and_then(|b| b.billing_mode())
        .map(|m| m.as_str().to_string())
        .or_else(|| {
            let units = table.provisioned_throughput()?.read_capacity_units()?;
            (units > 0).then(|| "PROVISIONED".to_string())
        });
    // No SSEDescription: the table is encrypted with the AWS-owned key. A
    // table whose key is inaccessible still names it, for kms.key_in_use_usable.
    let kms_key = match table.sse_description() {
        None => Ok(None),
        Some(sse) => match (sse.status(), sse.kms_master_key_arn()) {
            (Some(SseStatus::Disabled), _) => Ok(None),
            (Some(status @ (SseStatus::Enabling | SseStatus::Disabling)), _) => Err(
                Unobserved::new(UnobservedKind::NotReported, DESCRIBE).with_message(format!(
                    "server-side encryption is {}: which key will hold is not known",
                    status.as_str()
                )),
            ),
            (_, Some(key)) => Ok(Some(key.to_string())),
            (_, None) => Err(Unobserved::not_reported(
                DESCRIBE,
                "SSEDescription.KMSMasterKeyArn",
            )),
        },
    }
    .into();
    Ok((
        table.table_arn().map(str::to_string),
        TableDescription {
            billing_mode: Observed::reported(billing_mode, DESCRIBE, "BillingModeSummary"),
            deletion_protection: Observed::reported(
                table.deletion_protection_enabled(),
                DESCRIBE,
                "DeletionProtectionEnabled",
            ),
            kms_key,
        },
    ))
}

async fn point_in_time_recovery(
    scan: &Scan<'_>,
    client: &Client,
    name: &str,
) -> Result<bool, Unobserved> {
    const ACTION: &str = "dynamodb:DescribeContinuousBackups";
    let out = scan
        .calls
        .run(ACTION, || {
            client.describe_continuous_backups().table_name(name).send()
        })
        .await?;
    let status = out
        .continuous_backups_description()
        .and_then(|d| d.point_in_time_recovery_description())
        .and_then(|p| p.point_in_time_recovery_status())
        .ok_or_else(|| Unobserved::not_reported(ACTION, "PointInTimeRecoveryStatus"))?;
    Ok(status.as_str() == "ENABLED")
}

/// Every scaling target of the `dynamodb` namespace, once for the region.
async fn scaling_targets(
    scan: &Scan<'_>,
    client: &aws_sdk_applicationautoscaling::Client,
) -> Result<Vec<ScalingTarget>, Unobserved> {
    use aws_sdk_applicationautoscaling::types::ServiceNamespace;
    scan.calls
        .pages(
            "application-autoscaling:DescribeScalableTargets",
            |token| {
                client
                    .describe_scalable_targets()
                    .service_namespace(ServiceNamespace::Dynamodb)
                    .set_next_token(token)
                    .send()
            },
            |page| {
                let targets = page
                    .scalable_targets()
                    .iter()
                    .map(|t| ScalingTarget {
                        resource_id: t.resource_id().to_string(),
                        dimension: t.scalable_dimension().as_str().to_string(),
                    })
                    .collect();
                (targets, page.next_token().map(str::to_string))
            },
        )
        .await
}
