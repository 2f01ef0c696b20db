//! The DynamoDB checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{DynamoDbRegion, DynamoDbTable};

crate::checks! {
    "dynamodb.table_pitr" {
        title: "DynamoDB table has point-in-time recovery",
        resource: "AwsDynamoDbTable",
        severity: Medium,
        security_hub: "DynamoDB.2",
        practice: "REL09-BP03",
        rationale: "Point-in-time recovery restores a table to any second of the last 35 \
            days: the way back from a bad write or a buggy pipeline run.",
        remediation: "Turn on point-in-time recovery.",
        cli: "aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true",
        each: pitr,
    }
    "dynamodb.table_deletion_protection" {
        title: "DynamoDB table is protected from deletion",
        resource: "AwsDynamoDbTable",
        severity: Medium,
        security_hub: "DynamoDB.6",
        practice: "REL09-BP01",
        rationale: "One mistaken delete-table, by hand or by an infrastructure change, \
            removes the table and its point-in-time backups.",
        remediation: "Turn on deletion protection.",
        cli: "aws dynamodb update-table --table-name <table> --deletion-protection-enabled",
        each: deletion_protection,
    }
}

fn pitr(t: &DynamoDbTable, _: &DynamoDbRegion, _: &Context) -> Judged {
    if *t.point_in_time_recovery.get()? {
        pass("point-in-time recovery is on")
    } else {
        fail("point-in-time recovery is off")
    }
}

fn deletion_protection(t: &DynamoDbTable, _: &DynamoDbRegion, _: &Context) -> Judged {
    if *t.description.get()?.deletion_protection.get()? {
        pass("deletion protection is on")
    } else {
        fail("deletion protection is off")
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn backups_and_protection() {
        for id in ["dynamodb.table_pitr", "dynamodb.table_deletion_protection"] {
            assert_eq!(table_verdict(id, good_table("t")).unwrap().0, Pass, "{id}");
            let mut t = good_table("t");
            t.point_in_time_recovery = Observed::Known(false);
            if let Observed::Known(d) = &mut t.description {
                d.deletion_protection = Observed::Known(false);
            }
            assert_eq!(table_verdict(id, t).unwrap().0, Fail, "{id}");
            let mut t = good_table("t");
            t.point_in_time_recovery =
                Observed::Unknown(denied("dynamodb:DescribeContinuousBackups"));
            t.description = Observed::Unknown(denied("dynamodb:DescribeTable"));
            assert_eq!(table_verdict(id, t).unwrap().0, Unknown, "{id}");
        }
    }
}
