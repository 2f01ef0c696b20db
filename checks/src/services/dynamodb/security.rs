//! The DynamoDB checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{DynamoDbRegion, DynamoDbTable};

crate::checks! {
    "dynamodb.table_kms_encryption" {
        title: "DynamoDB table is encrypted with a KMS key",
        resource: "AwsDynamoDbTable",
        severity: Low,
        practice: "SEC08-BP01",
        rationale: "With the AWS-owned key, the account cannot audit the key's use in \
            CloudTrail, restrict it by policy, or revoke it.",
        remediation: "Switch the table's encryption to the AWS managed key (aws/dynamodb) \
            or a customer-managed KMS key.",
        cli: "aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn>",
        each: table_kms_encryption,
    }
}

fn table_kms_encryption(t: &DynamoDbTable, _: &DynamoDbRegion, _: &Context) -> Judged {
    match t.description.get()?.kms_key.get()? {
        Some(key) => pass(format!("encrypted with KMS key {key}")),
        None => fail("encrypted with the AWS-owned key, not a KMS key"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn table_keys() {
        let id = "dynamodb.table_kms_encryption";
        assert_eq!(table_verdict(id, good_table("t")).unwrap().0, Pass);
        let mut t = good_table("t");
        if let Observed::Known(d) = &mut t.description {
            d.kms_key = Observed::Known(None);
        }
        assert_eq!(table_verdict(id, t).unwrap().0, Fail);
        // Encryption in transition: which key will hold is not known.
        let mut t = good_table("t");
        if let Observed::Known(d) = &mut t.description {
            d.kms_key = Observed::Unknown(Unobserved::not_reported(
                "dynamodb:DescribeTable",
                "SSEDescription.Status",
            ));
        }
        assert_eq!(table_verdict(id, t).unwrap().0, Unknown);
        let mut t = good_table("t");
        t.description = Observed::Unknown(denied("dynamodb:DescribeTable"));
        assert_eq!(table_verdict(id, t).unwrap().0, Unknown);
    }
}
