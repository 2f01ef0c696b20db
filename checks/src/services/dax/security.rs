//! The DAX checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{DaxCluster, DaxRegion};

crate::checks! {
    "dax.cluster_encryption" {
        title: "DAX cluster is encrypted at rest",
        resource: "AwsDaxCluster",
        severity: Medium,
        security_hub: "DynamoDB.3",
        practice: "SEC08-BP02",
        rationale: "A DAX cluster caches table items on its nodes; unencrypted, the \
            cache holds the table's data in the clear.",
        remediation: "Create the cluster again with server-side encryption (it cannot be \
            turned on in place).",
        cli: "aws dax create-cluster --cluster-name <cluster> --node-type <node-type> --replication-factor 3 --iam-role-arn <role-arn> --sse-specification Enabled=true",
        each: dax_encryption,
    }
    "dax.cluster_tls" {
        title: "DAX cluster endpoint requires TLS",
        resource: "AwsDaxCluster",
        severity: Medium,
        security_hub: "DynamoDB.7",
        practice: "SEC09-BP02",
        rationale: "Without TLS, items travel between the application and the cache in \
            plain text.",
        remediation: "Create the cluster again with ClusterEndpointEncryptionType TLS.",
        cli: "aws dax create-cluster --cluster-name <cluster> --node-type <node-type> --replication-factor 3 --iam-role-arn <role-arn> --cluster-endpoint-encryption-type TLS",
        each: dax_tls,
    }
}

fn dax_encryption(c: &DaxCluster, _: &DaxRegion, _: &Context) -> Judged {
    let status = c.encryption_at_rest.get()?;
    if status.eq_ignore_ascii_case("ENABLED") {
        pass("encrypted at rest")
    } else {
        fail(format!("server-side encryption is {status}"))
    }
}

fn dax_tls(c: &DaxCluster, _: &DaxRegion, _: &Context) -> Judged {
    let kind = c.endpoint_encryption.get()?;
    if kind.eq_ignore_ascii_case("TLS") {
        pass("the endpoint requires TLS")
    } else {
        fail(format!("endpoint encryption is {kind}"))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn dax_encryption_and_tls() {
        for id in ["dax.cluster_encryption", "dax.cluster_tls"] {
            assert_eq!(dax_verdict(id, good_dax("d")).unwrap().0, Pass, "{id}");
            let mut c = good_dax("d");
            c.encryption_at_rest = Observed::Known("DISABLED".into());
            c.endpoint_encryption = Observed::Known("NONE".into());
            assert_eq!(dax_verdict(id, c).unwrap().0, Fail, "{id}");
            let mut c = good_dax("d");
            c.encryption_at_rest = Observed::Unknown(denied("dax:DescribeClusters"));
            c.endpoint_encryption = Observed::Unknown(denied("dax:DescribeClusters"));
            assert_eq!(dax_verdict(id, c).unwrap().0, Unknown, "{id}");
        }
    }
}
