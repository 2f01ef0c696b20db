//! The MSK checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{MskCluster, MskRegion};

crate::checks! {
    "msk.broker_logging" {
        title: "MSK cluster delivers its broker logs",
        resource: "AwsMskCluster",
        severity: Medium,
        practice: "OPS04-BP02",
        rationale: "Broker logs record authentication failures, partition leadership \
            changes and errors: without them a stalled pipeline has no broker-side story.",
        remediation: "Deliver broker logs to CloudWatch Logs, Firehose or S3.",
        cli: "aws kafka update-monitoring --cluster-arn <cluster-arn> --current-version <version> --logging-info 'BrokerLogs={CloudWatchLogs={Enabled=true,LogGroup=<log-group>}}'",
        each: broker_logging,
    }
}

fn broker_logging(c: &MskCluster, _: &MskRegion, _: &Context) -> Judged {
    let Some(p) = &c.provisioned else {
        return not_applicable(); // serverless clusters keep no broker logs of their own
    };
    let logs = p.broker_logs.get()?;
    if logs.is_empty() {
        fail("broker logs go nowhere")
    } else {
        pass(format!("broker logs go to {}", logs.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::Observed;
    use crate::testing::*;

    #[test]
    fn broker_logs() {
        let id = "msk.broker_logging";
        assert_eq!(msk_verdict(id, good_msk_cluster("c")).unwrap().0, Pass);
        let mut c = good_msk_cluster("c");
        c.provisioned.as_mut().unwrap().broker_logs = Observed::Known(vec![]);
        assert_eq!(msk_verdict(id, c).unwrap().0, Fail);
        let mut c = good_msk_cluster("c");
        c.provisioned.as_mut().unwrap().broker_logs =
            Observed::Unknown(denied("kafka:ListClustersV2"));
        assert_eq!(msk_verdict(id, c).unwrap().0, Unknown);
        let mut inv = with_msk(inventory(vec![]), good_msk_cluster("c"));
        deny_listing(
            &mut inv,
            crate::model::Service::Msk,
            Some("us-east-1"),
            "kafka:ListClustersV2",
        );
        inv.msk.as_mut().unwrap().regions[0].clusters.clear();
        inv.scan.gaps[0].checks = vec!["msk.*".into()];
        let selection = crate::Selection {
            checks: vec![id.into()],
            ..Default::default()
        };
        let findings = crate::evaluate(&inv, &crate::Config::default(), &selection);
        assert_eq!(findings[0].status, Unknown);
    }
}
