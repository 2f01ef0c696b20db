//! The Redshift Serverless checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{
    RedshiftServerlessRegion, ServerlessNamespace, ServerlessWorkgroup, AWS_OWNED_KMS_KEY,
};

crate::checks! {
    "redshiftserverless.workgroup_public_access" {
        title: "Redshift Serverless workgroup is not publicly accessible",
        resource: "AwsRedshiftServerlessWorkgroup",
        severity: Critical,
        practice: "SEC05-BP02",
        rationale: "A publicly accessible workgroup answers connections from the internet: \
            the warehouse's only defence is then its passwords.",
        remediation: "Turn off public access; reach the workgroup from inside the VPC.",
        cli: "aws redshift-serverless update-workgroup --workgroup-name <workgroup> --no-publicly-accessible",
        each: public_access,
    }
    "redshiftserverless.workgroup_enhanced_vpc_routing" {
        title: "Redshift Serverless workgroup uses enhanced VPC routing",
        resource: "AwsRedshiftServerlessWorkgroup",
        severity: Low,
        practice: "SEC05-BP02",
        rationale: "Without enhanced VPC routing, COPY and UNLOAD traffic leaves the VPC, \
            beyond its security groups, endpoint policies and flow logs.",
        remediation: "Turn on enhanced VPC routing for the workgroup.",
        cli: "aws redshift-serverless update-workgroup --workgroup-name <workgroup> --enhanced-vpc-routing",
        each: enhanced_vpc_routing,
    }
    "redshiftserverless.namespace_kms" {
        title: "Redshift Serverless namespace is encrypted with a customer-managed key",
        resource: "AwsRedshiftServerlessNamespace",
        severity: Low,
        practice: "SEC08-BP01",
        rationale: "With the AWS-owned key nobody in the account controls, audits or can \
            revoke access to the key that protects the warehouse's data.",
        remediation: "Encrypt the namespace with a customer-managed KMS key.",
        cli: "aws redshift-serverless update-namespace --namespace-name <namespace> --kms-key-id <key-arn>",
        each: namespace_kms,
    }
    "redshiftserverless.namespace_audit_logging" {
        title: "Redshift Serverless namespace exports its audit logs",
        resource: "AwsRedshiftServerlessNamespace",
        severity: Medium,
        also: [OperationalExcellence],
        practice: "SEC04-BP01",
        rationale: "Without user-activity or connection logs there is no record of who \
            queried the warehouse, or from where.",
        remediation: "Export the user-activity and connection logs to CloudWatch Logs.",
        cli: "aws redshift-serverless update-namespace --namespace-name <namespace> --log-exports useractivitylog connectionlog userlog",
        each: audit_logging,
    }
}

fn public_access(w: &ServerlessWorkgroup, _: &RedshiftServerlessRegion, _: &Context) -> Judged {
    if *w.publicly_accessible.get()? {
        fail("the workgroup is publicly accessible")
    } else {
        pass("the workgroup is not publicly accessible")
    }
}

fn enhanced_vpc_routing(
    w: &ServerlessWorkgroup,
    _: &RedshiftServerlessRegion,
    _: &Context,
) -> Judged {
    if *w.enhanced_vpc_routing.get()? {
        pass("enhanced VPC routing is on")
    } else {
        fail("enhanced VPC routing is off")
    }
}

fn namespace_kms(n: &ServerlessNamespace, _: &RedshiftServerlessRegion, _: &Context) -> Judged {
    match n.kms_key.get()?.as_str() {
        AWS_OWNED_KMS_KEY => fail("encrypted with the AWS-owned key"),
        key => pass(format!("encrypted with KMS key {key}")),
    }
}

fn audit_logging(n: &ServerlessNamespace, _: &RedshiftServerlessRegion, _: &Context) -> Judged {
    let audit: Vec<&str> = n
        .log_exports
        .iter()
        .map(String::as_str)
        .filter(|l| matches!(*l, "useractivitylog" | "connectionlog"))
        .collect();
    if audit.is_empty() {
        fail("exports neither user-activity nor connection logs")
    } else {
        pass(format!("exports {}", audit.join(" and ")))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn workgroups_both_ways_and_unknown() {
        for (id, set) in [
            (
                "redshiftserverless.workgroup_public_access",
                (|w: &mut ServerlessWorkgroup, v| w.publicly_accessible = v)
                    as fn(&mut ServerlessWorkgroup, Observed<bool>),
            ),
            (
                "redshiftserverless.workgroup_enhanced_vpc_routing",
                |w, v| w.enhanced_vpc_routing = v,
            ),
        ] {
            assert_eq!(
                serverless_workgroup_verdict(id, good_serverless_workgroup("w"))
                    .unwrap()
                    .0,
                Pass,
                "{id}"
            );
            let good = good_serverless_workgroup("w");
            let flipped = |w: &ServerlessWorkgroup| match id.ends_with("public_access") {
                true => !*w.publicly_accessible.known().unwrap(),
                false => !*w.enhanced_vpc_routing.known().unwrap(),
            };
            let mut w = good_serverless_workgroup("w");
            set(&mut w, Observed::Known(flipped(&good)));
            assert_eq!(serverless_workgroup_verdict(id, w).unwrap().0, Fail, "{id}");
            let mut w = good_serverless_workgroup("w");
            set(
                &mut w,
                Observed::Unknown(denied("redshift-serverless:ListWorkgroups")),
            );
            assert_eq!(
                serverless_workgroup_verdict(id, w).unwrap().0,
                Unknown,
                "{id}"
            );
        }
    }

    #[test]
    fn namespace_key_both_ways_and_unknown() {
        let id = "redshiftserverless.namespace_kms";
        assert_eq!(namespace_verdict(id, good_namespace("n")).unwrap().0, Pass);
        let mut n = good_namespace("n");
        n.kms_key = Observed::Known(AWS_OWNED_KMS_KEY.into());
        let (status, message) = namespace_verdict(id, n).unwrap();
        assert_eq!(
            (status, message.as_str()),
            (Fail, "encrypted with the AWS-owned key")
        );
        let mut n = good_namespace("n");
        n.kms_key = Observed::Unknown(denied("redshift-serverless:ListNamespaces"));
        assert_eq!(namespace_verdict(id, n).unwrap().0, Unknown);
    }

    #[test]
    fn audit_logs_are_user_activity_or_connections() {
        let id = "redshiftserverless.namespace_audit_logging";
        assert_eq!(namespace_verdict(id, good_namespace("n")).unwrap().0, Pass);
        let mut n = good_namespace("n");
        n.log_exports = vec!["userlog".into()];
        assert_eq!(namespace_verdict(id, n).unwrap().0, Fail);
        let mut n = good_namespace("n");
        n.log_exports = vec!["connectionlog".into()];
        assert_eq!(namespace_verdict(id, n).unwrap().0, Pass);
        // A failed listing leaves every namespace check UNKNOWN.
        let mut inv = with_namespace(good_namespace("n"));
        deny_listing(
            &mut inv,
            crate::model::Service::RedshiftServerless,
            Some("us-east-1"),
            "redshift-serverless:ListNamespaces",
        );
        inv.redshiftserverless.as_mut().unwrap().regions[0]
            .namespaces
            .clear();
        inv.scan.gaps[0].checks = vec!["redshiftserverless.*".into()];
        let selection = crate::Selection {
            checks: vec![id.into()],
            ..Default::default()
        };
        let findings = crate::evaluate(&inv, &crate::Config::default(), &selection);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].status, Unknown);
    }
}
