//! The RDS checks of this pillar.

use crate::engine::check::{Context, Judgement};
use crate::findings::finding::{fail, pass};
use crate::interpret::generations::is_previous_rds_class;
use crate::services::rds::settings::each_instance_level;

crate::checks! {
    "rds.current_generation" {
        title: "RDS instance runs on a current-generation class",
        resource: "AwsRdsDbInstance",
        severity: Low,
        also: [CostOptimization, Sustainability],
        practice: "PERF02-BP01",
        rationale: "Previous-generation classes cost more per unit of work and per watt \
            than their Graviton and current Intel successors.",
        remediation: "Modify the instance to a current class (db.m6g, db.r6g, db.t4g, …).",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --db-instance-class db.m6g.large --apply-immediately",
        judge: current_generation,
    }
}

fn current_generation(cx: &Context) -> Vec<Judgement> {
    each_instance_level(cx, |i, _| {
        let class = i.class.get()?;
        if is_previous_rds_class(class) {
            fail(format!("previous-generation class {class}"))
        } else {
            pass(format!("class {class}"))
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn classes() {
        let with = |class: Observed<String>| {
            let mut i = good_db_instance("i");
            i.class = class;
            let inv = with_rds(inventory(vec![]), rds_region(vec![i], vec![]));
            run("rds.current_generation", &inv)[0].1
        };
        assert_eq!(with(Observed::Known("db.r6g.large".into())), Pass);
        assert_eq!(with(Observed::Known("db.t2.small".into())), Fail);
        assert_eq!(
            with(Observed::Unknown(denied("rds:DescribeDBInstances"))),
            Unknown
        );
    }
}
