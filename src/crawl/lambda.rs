//! AWS Lambda, per region: every function and every event source mapping,
//! from two listings (no call per function).

use aws_sdk_lambda::Client;
use lakelint_checks::model::{
    EventSourceMapping, LambdaFunction, LambdaInventory, LambdaRegion, Observed, Regional,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Collects Lambda, region by region.
pub(crate) struct Lambda;

const FUNCTIONS: &str = "lambda:ListFunctions";
const MAPPINGS: &str = "lambda:ListEventSourceMappings";

impl Collector for Lambda {
    type Section = LambdaInventory;
    type Part = LambdaRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            MAPPINGS,
            Per::REGION,
            &["lambda.event_source_failure_destination"],
        ),
        Action::read(FUNCTIONS, Per::REGION, &["lambda.function_*"]),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> LambdaRegion {
        let client = Client::new(&scan.sdk_in(region));
        let (functions, mappings) = tokio::join!(
            scan.calls.pages(
                FUNCTIONS,
                |marker| client
                    .list_functions()
                    .max_items(50)
                    .set_marker(marker)
                    .send(),
                |page| {
                    let found = page.functions().iter().filter_map(function).collect();
                    (found, page.next_marker().map(str::to_string))
                },
            ),
            scan.calls.pages(
                MAPPINGS,
                |marker| {
                    client
                        .list_event_source_mappings()
                        .max_items(100)
                        .set_marker(marker)
                        .send()
                },
                |page| {
                    let found = page
                        .event_source_mappings()
                        .iter()
                        .filter_map(|m| mapping(scan, region, m))
                        .collect();
                    (found, page.next_marker().map(str::to_string))
                },
            ),
        );
        LambdaRegion {
            region: region.into(),
            functions: gaps.keep(functions),
            // Mappings that could not be listed are one gap of their own check.
            event_source_mappings: mappings.into(),
        }
    }

    fn assemble(regions: Vec<LambdaRegion>) -> LambdaInventory {
        Regional { regions }
    }
}

fn function(f: &aws_sdk_lambda::types::FunctionConfiguration) -> Option<LambdaFunction> {
    let mut architectures: Vec<String> = f
        .architectures()
        .iter()
        .map(|a| a.as_str().to_string())
        .collect();
    // The API documents x86_64 as the architecture of a function that names none.
    if architectures.is_empty() {
        architectures.push("x86_64".into());
    }
    Some(LambdaFunction {
        name: f.function_name()?.to_string(),
        arn: f.function_arn()?.to_string(),
        // Functions from before container images omit it: a .zip archive.
        package_type: f.package_type().map_or("Zip", |p| p.as_str()).to_string(),
        runtime: f.runtime().map(|r| r.as_str().to_string()),
        architectures,
    })
}

fn mapping(
    scan: &Scan<'_>,
    region: &str,
    m: &aws_sdk_lambda::types::EventSourceMappingConfiguration,
) -> Option<EventSourceMapping> {
    let uuid = m.uuid()?.to_string();
    Some(EventSourceMapping {
        arn: m.event_source_mapping_arn().map_or_else(
            || scan.arn("lambda", region, &format!("event-source-mapping:{uuid}")),
            str::to_string,
        ),
        function_arn: Observed::reported(
            m.function_arn().map(str::to_string),
            MAPPINGS,
            "FunctionArn",
        ),
        source_arn: m.event_source_arn().map(str::to_string),
        on_failure: m
            .destination_config()
            .and_then(|d| d.on_failure())
            .and_then(|o| o.destination())
            .map(str::to_string),
        uuid,
    })
}
