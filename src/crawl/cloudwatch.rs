//! CloudWatch, per region: the metric alarms on the metrics checks read,
//! from the listing alone (an alarm carries its metric and dimensions).

use aws_sdk_cloudwatch::types::{AlarmType, Dimension};
use aws_sdk_cloudwatch::Client;
use lakelint_checks::model::{
    AlarmMetric, CloudWatchInventory, CloudWatchRegion, MetricAlarm, Regional,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

/// Collects CloudWatch alarms, region by region.
pub(crate) struct CloudWatch;

const DESCRIBE: &str = "cloudwatch:DescribeAlarms";

/// The metrics checks read, by namespace and name; alarms on others are not kept.
const WATCHED: &[(&str, &str)] = &[("AWS/States", "ExecutionsFailed")];

impl Collector for CloudWatch {
    type Section = CloudWatchInventory;
    type Part = CloudWatchRegion;

    // DescribeAlarms cannot filter by metric; DescribeAlarmsForMetric can but
    // misses metric-math alarms. One paged listing, filtered here.
    const ACTIONS: &'static [Action] = &[Action::read(
        DESCRIBE,
        Per::REGION,
        &["stepfunctions.state_machine_failure_alerting"],
    )];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> CloudWatchRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                DESCRIBE,
                |token| {
                    client
                        .describe_alarms()
                        .alarm_types(AlarmType::MetricAlarm)
                        .max_records(100)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let alarms = page.metric_alarms().iter().filter_map(alarm).collect();
                    (alarms, page.next_token().map(str::to_string))
                },
            )
            .await;
        CloudWatchRegion {
            region: region.into(),
            alarms: gaps.keep(listed),
        }
    }

    fn assemble(regions: Vec<CloudWatchRegion>) -> CloudWatchInventory {
        Regional { regions }
    }
}

/// The alarm, when it watches a metric checks read.
fn alarm(a: &aws_sdk_cloudwatch::types::MetricAlarm) -> Option<MetricAlarm> {
    let own = a
        .namespace()
        .zip(a.metric_name())
        .map(|(namespace, name)| metric(namespace, name, a.dimensions()));
    let math = a.metrics().iter().filter_map(|q| {
        let m = q.metric_stat()?.metric()?;
        Some(metric(m.namespace()?, m.metric_name()?, m.dimensions()))
    });
    let metrics: Vec<AlarmMetric> = own
        .into_iter()
        .chain(math)
        .filter(|m| WATCHED.contains(&(m.namespace.as_str(), m.name.as_str())))
        .collect();
    let queries: Vec<String> = a
        .metrics()
        .iter()
        .filter_map(|q| q.expression())
        .filter(|e| WATCHED.iter().any(|(_, name)| e.contains(name)))
        .map(str::to_string)
        .collect();
    if metrics.is_empty() && queries.is_empty() {
        return None;
    }
    Some(MetricAlarm {
        name: a.alarm_name()?.to_string(),
        arn: a.alarm_arn()?.to_string(),
        metrics,
        queries,
        actions_enabled: a.actions_enabled(),
        alarm_actions: a.alarm_actions().to_vec(),
    })
}

fn metric(namespace: &str, name: &str, dimensions: &[Dimension]) -> AlarmMetric {
    AlarmMetric {
        namespace: namespace.into(),
        name: name.into(),
        dimensions: dimensions
            .iter()
            .filter_map(|d| Some((d.name()?.to_string(), d.value()?.to_string())))
            .collect(),
    }
}
