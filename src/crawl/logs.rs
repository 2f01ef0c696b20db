//! CloudWatch Logs, per region: every log group and its retention, from the
//! listing alone.

use aws_sdk_cloudwatchlogs::Client;
use lakelint_checks::model::{LogGroup, LogsInventory, LogsRegion, Regional};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Collects CloudWatch Logs, region by region.
pub(crate) struct Logs;

const DESCRIBE: &str = "logs:DescribeLogGroups";

impl Collector for Logs {
    type Section = LogsInventory;
    type Part = LogsRegion;

    const ACTIONS: &'static [Action] = &[Action::read(DESCRIBE, Per::REGION, &["logs.*"])];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> LogsRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                DESCRIBE,
                |token| {
                    client
                        .describe_log_groups()
                        .limit(50)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let groups = page
                        .log_groups()
                        .iter()
                        .filter_map(|g| {
                            let name = g.log_group_name()?.to_string();
                            // `arn` ends in `:*`; the bare ARN is newer.
                            let arn = g
                                .log_group_arn()
                                .map(str::to_string)
                                .or_else(|| g.arn().map(|a| a.trim_end_matches(":*").to_string()))
                                .unwrap_or_else(|| {
                                    scan.arn("logs", region, &format!("log-group:{name}"))
                                });
                            Some(LogGroup {
                                name,
                                arn,
                                // Absent: the events never expire.
                                retention_days: g.retention_in_days(),
                            })
                        })
                        .collect();
                    (groups, page.next_token().map(str::to_string))
                },
            )
            .await;
        LogsRegion {
            region: region.into(),
            log_groups: gaps.keep(listed),
        }
    }

    fn assemble(regions: Vec<LogsRegion>) -> LogsInventory {
        Regional { regions }
    }
}
