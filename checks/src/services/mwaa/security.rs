//! The MWAA checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{MwaaEnvironment, MwaaRegion};

crate::checks! {
    "mwaa.environment_private_webserver" {
        title: "Airflow web server is reachable only from the VPC",
        resource: "AwsMwaaEnvironment",
        severity: High,
        practice: "SEC05-BP02",
        rationale: "A public web server puts the Airflow UI, which triggers DAGs and shows \
            connections and variables, on the internet behind a sign-in page.",
        remediation: "Set the webserver access mode to PRIVATE_ONLY and reach it through the VPC.",
        cli: "aws mwaa update-environment --name <environment> --webserver-access-mode PRIVATE_ONLY",
        each: private_webserver,
    }
    "mwaa.environment_kms" {
        title: "Airflow environment is encrypted with a customer-managed key",
        resource: "AwsMwaaEnvironment",
        severity: Low,
        practice: "SEC08-BP01",
        rationale: "With an AWS-owned key, the account cannot audit, restrict or revoke \
            access to the environment's metadata and logs.",
        remediation: "Create the environment with a customer-managed KMS key (it cannot \
            be changed in place).",
        cli: "aws mwaa create-environment --name <environment> --kms-key <key-arn> --execution-role-arn <role-arn> --source-bucket-arn <bucket-arn> --dag-s3-path dags --network-configuration <network>",
        each: kms,
    }
}

fn private_webserver(e: &MwaaEnvironment, _: &MwaaRegion, _: &Context) -> Judged {
    let mode = e.configuration.get()?.webserver_access_mode.get()?;
    if mode == "PUBLIC_ONLY" {
        fail("the Airflow web server is public (PUBLIC_ONLY)")
    } else {
        pass(format!("web server access mode is {mode}"))
    }
}

fn kms(e: &MwaaEnvironment, _: &MwaaRegion, _: &Context) -> Judged {
    match &e.configuration.get()?.kms_key {
        Some(key) => pass(format!("encrypted with {key}")),
        None => fail("encrypted with an AWS-owned key"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn access_mode_and_key() {
        for id in ["mwaa.environment_private_webserver", "mwaa.environment_kms"] {
            assert_eq!(
                mwaa_verdict(id, good_environment("e")).unwrap().0,
                Pass,
                "{id}"
            );
            let mut e = good_environment("e");
            if let Observed::Known(c) = &mut e.configuration {
                c.webserver_access_mode = Observed::Known("PUBLIC_ONLY".into());
                c.kms_key = None;
            }
            assert_eq!(mwaa_verdict(id, e).unwrap().0, Fail, "{id}");
            let mut e = good_environment("e");
            e.configuration = Observed::Unknown(denied("airflow:GetEnvironment"));
            assert_eq!(mwaa_verdict(id, e).unwrap().0, Unknown, "{id}");
        }
    }
}
