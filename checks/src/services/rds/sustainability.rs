//! The RDS checks of this pillar.

use crate::engine::check::{Context, Judgement};
use crate::findings::finding::{fail, not_applicable, pass};
use crate::interpret::generations::{is_graviton_rds_class, RDS_GRAVITON_ENGINES};
use crate::model::{Unobserved, UnobservedKind};
use crate::services::rds::settings::each_instance_level;

crate::checks! {
    "rds.instance_graviton" {
        title: "RDS instance runs on a Graviton class where its engine offers one",
        resource: "AwsRdsDbInstance",
        severity: Low,
        also: [CostOptimization],
        practice: "SUS05-BP02",
        rationale: "Graviton classes (db.m7g, db.r7g, db.t4g) cost less per hour and use \
            less energy than the Intel classes of the same size, for the same engine.",
        remediation: "Modify the instance (or the Multi-AZ DB cluster) to the Graviton \
            class of the same size.",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --db-instance-class db.r7g.large --apply-immediately",
        judge: graviton,
    }
}

fn graviton(cx: &Context) -> Vec<Judgement> {
    each_instance_level(cx, |i, _| {
        let engine = i.engine.get()?;
        if !RDS_GRAVITON_ENGINES.contains(&engine.as_str()) {
            return not_applicable(); // Oracle, SQL Server, Db2: no Graviton classes
        }
        let class = i.class.get()?;
        match is_graviton_rds_class(class) {
            Some(true) => pass(format!("class {class} runs on Graviton")),
            Some(false) => fail(format!(
                "class {class} is not Graviton; {engine} offers Graviton classes"
            )),
            None if class == "db.serverless" => not_applicable(),
            None => Err(
                Unobserved::new(UnobservedKind::NotEvaluated, "rds:DescribeDBInstances")
                    .with_message(format!("class {class} is not in lakelint's family table")),
            ),
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn graviton_classes() {
        let verdict = |engine: &str, class: &str| {
            let mut i = good_db_instance("i");
            i.settings.engine = Observed::Known(engine.into());
            i.class = Observed::Known(class.into());
            let inv = with_rds(inventory(vec![]), rds_region(vec![i], vec![]));
            run("rds.instance_graviton", &inv)
                .into_iter()
                .next()
                .map(|(_, s, _)| s)
        };
        assert_eq!(verdict("postgres", "db.r6g.large"), Some(Pass));
        assert_eq!(verdict("postgres", "db.r5.large"), Some(Fail));
        assert_eq!(verdict("oracle-ee", "db.r5.large"), None);
        assert_eq!(verdict("mysql", "db.zz9.large"), Some(Unknown));
        let mut i = good_db_instance("i");
        i.class = Observed::Unknown(denied("rds:DescribeDBInstances"));
        let inv = with_rds(inventory(vec![]), rds_region(vec![i], vec![]));
        assert_eq!(run("rds.instance_graviton", &inv)[0].1, Unknown);
    }
}
