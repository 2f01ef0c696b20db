//! Step Functions, per region: every state machine, and each one's logging,
//! tracing, encryption and tags. The definition DescribeStateMachine returns is not kept.

use std::collections::BTreeMap;

use aws_sdk_sfn::types::EncryptionType;
use aws_sdk_sfn::Client;
use lakelint_checks::model::{
    Observed, Regional, StateMachine, StateMachineConfiguration, StepFunctionsInventory,
    StepFunctionsRegion, Unobserved,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{per_resource, Collector, Gaps, Scan};

/// Collects Step Functions, region by region.
pub(crate) struct StepFunctions;

/// Once per state machine.
const STATE_MACHINE: Per = Per::new("state machine", |inventory| {
    per_region(inventory.stepfunctions.as_ref(), |r| r.state_machines.len())
});

const DESCRIBE: &str = "states:DescribeStateMachine";
const TAGS: &str = "states:ListTagsForResource";

impl Collector for StepFunctions {
    type Section = StepFunctionsInventory;
    type Part = StepFunctionsRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            DESCRIBE,
            STATE_MACHINE,
            &["stepfunctions.*", "kms.key_in_use_usable"],
        ),
        Action::read(
            TAGS,
            STATE_MACHINE,
            &["stepfunctions.state_machine_deployed_as_code"],
        ),
        Action::read(
            "states:ListStateMachines",
            Per::REGION,
            &["stepfunctions.*"],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> StepFunctionsRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                "states:ListStateMachines",
                |token| {
                    client
                        .list_state_machines()
                        .max_results(1000)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let machines = page
                        .state_machines()
                        .iter()
                        .map(|m| (m.name().to_string(), m.state_machine_arn().to_string()))
                        .collect();
                    (machines, page.next_token().map(str::to_string))
                },
            )
            .await;
        let state_machines = per_resource(gaps.keep(listed), |(name, arn): (String, String)| {
            let client = &client;
            async move {
                let (configuration, tags) =
                    tokio::join!(configuration(scan, client, &arn), tags(scan, client, &arn));
                StateMachine {
                    configuration: configuration.into(),
                    tags: tags.into(),
                    name,
                    arn,
                }
            }
        })
        .await;
        StepFunctionsRegion {
            region: region.into(),
            state_machines,
        }
    }

    fn assemble(regions: Vec<StepFunctionsRegion>) -> StepFunctionsInventory {
        Regional { regions }
    }
}

async fn configuration(
    scan: &Scan<'_>,
    client: &Client,
    arn: &str,
) -> Result<StateMachineConfiguration, Unobserved> {
    let out = scan
        .calls
        .run(DESCRIBE, || {
            client
                .describe_state_machine()
                .state_machine_arn(arn)
                .send()
        })
        .await?;
    let encryption = out.encryption_configuration();
    Ok(StateMachineConfiguration {
        logging_level: Observed::reported(
            out.logging_configuration()
                .and_then(|l| l.level())
                .map(|l| l.as_str().to_string()),
            DESCRIBE,
            "loggingConfiguration.level",
        ),
        tracing: Observed::reported(
            out.tracing_configuration().map(|t| t.enabled()),
            DESCRIBE,
            "tracingConfiguration",
        ),
        kms_key: encryption
            .filter(|e| e.r#type() == &EncryptionType::CustomerManagedKmsKey)
            .and_then(|e| e.kms_key_id())
            .map(str::to_string),
    })
}

async fn tags(
    scan: &Scan<'_>,
    client: &Client,
    arn: &str,
) -> Result<BTreeMap<String, String>, Unobserved> {
    let out = scan
        .calls
        .run(TAGS, || {
            client.list_tags_for_resource().resource_arn(arn).send()
        })
        .await?;
    Ok(out
        .tags()
        .iter()
        .filter_map(|t| {
            Some((
                t.key()?.to_string(),
                t.value().unwrap_or_default().to_string(),
            ))
        })
        .collect())
}
