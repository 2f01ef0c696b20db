//! The DynamoDB checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{DynamoDbRegion, DynamoDbTable};

crate::checks! {
    "dynamodb.table_capacity_scaling" {
        title: "Provisioned DynamoDB table scales its capacity",
        resource: "AwsDynamoDbTable",
        severity: Medium,
        also: [PerformanceEfficiency],
        security_hub: "DynamoDB.1",
        practice: "COST09-BP03",
        rationale: "Fixed provisioned capacity is paid for at the peak all day, and \
            throttles the pipeline when the peak is higher than planned.",
        remediation: "Register Application Auto Scaling targets for the table's read and \
            write capacity, or switch it to on-demand.",
        cli: "aws application-autoscaling register-scalable-target --service-namespace dynamodb --resource-id table/<table> --scalable-dimension dynamodb:table:ReadCapacityUnits --min-capacity 5 --max-capacity 500",
        each: capacity_scaling,
    }
}

fn capacity_scaling(t: &DynamoDbTable, r: &DynamoDbRegion, _: &Context) -> Judged {
    let mode = t.description.get()?.billing_mode.get()?;
    if mode != "PROVISIONED" {
        return pass(format!("billing mode {mode}: capacity follows the load"));
    }
    let targets = r.scaling_targets.get()?;
    let resource = format!("table/{}", t.name);
    let missing: Vec<&str> = ["Read", "Write"]
        .into_iter()
        .filter(|kind| {
            let dimension = format!("dynamodb:table:{kind}CapacityUnits");
            !targets
                .iter()
                .any(|s| s.resource_id == resource && s.dimension == dimension)
        })
        .collect();
    if missing.is_empty() {
        pass("read and write capacity scale with Application Auto Scaling")
    } else {
        fail(format!(
            "provisioned capacity without auto scaling of {}",
            missing.join(" and ").to_lowercase()
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    const ID: &str = "dynamodb.table_capacity_scaling";

    fn provisioned(name: &str) -> DynamoDbTable {
        let mut t = good_table(name);
        if let Observed::Known(d) = &mut t.description {
            d.billing_mode = Observed::Known("PROVISIONED".into());
        }
        t
    }

    fn target(table: &str, kind: &str) -> ScalingTarget {
        ScalingTarget {
            resource_id: format!("table/{table}"),
            dimension: format!("dynamodb:table:{kind}CapacityUnits"),
        }
    }

    #[test]
    fn provisioned_tables_need_both_targets() {
        let region = |targets| DynamoDbRegion {
            region: "us-east-1".into(),
            tables: vec![
                good_table("ondemand"),
                provisioned("scaled"),
                provisioned("fixed"),
            ],
            scaling_targets: Observed::Known(targets),
        };
        let inv = with_dynamodb(
            inventory(vec![]),
            region(vec![
                target("scaled", "Read"),
                target("scaled", "Write"),
                target("fixed", "Read"),
            ]),
        );
        let got: Vec<(String, crate::findings::finding::Status, String)> = run(ID, &inv);
        let status = |n: &str| got.iter().find(|(r, ..)| r == n).unwrap().1;
        assert_eq!(status("ondemand"), Pass);
        assert_eq!(status("scaled"), Pass);
        assert_eq!(status("fixed"), Fail);
        assert!(got
            .iter()
            .any(|(_, _, m)| m.contains("auto scaling of write")));
        // Unreadable targets: provisioned tables are UNKNOWN, on-demand ones still judged.
        let mut unknown = region(vec![]);
        unknown.scaling_targets =
            Observed::Unknown(denied("application-autoscaling:DescribeScalableTargets"));
        let got = run(ID, &with_dynamodb(inventory(vec![]), unknown));
        let statuses: Vec<_> = got.iter().map(|(r, s, _)| (r.as_str(), *s)).collect();
        assert!(statuses.contains(&("ondemand", Pass)));
        assert!(statuses.contains(&("fixed", Unknown)));
    }
}
