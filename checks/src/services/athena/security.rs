//! The Athena checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{AthenaRegion, AthenaWorkGroup};

crate::checks! {
    "athena.workgroup_enforce_configuration" {
        title: "Athena workgroup enforces its configuration on every query",
        resource: "AwsAthenaWorkGroup",
        severity: Medium,
        also: [CostOptimization],
        practice: "SEC08-BP02",
        rationale: "Unless the workgroup's settings are enforced, any client may send its \
            own result location without encryption and lift the scan limit.",
        remediation: "Turn on EnforceWorkGroupConfiguration.",
        cli: "aws athena update-work-group --work-group <workgroup> --configuration-updates EnforceWorkGroupConfiguration=true",
        each: enforce_configuration,
    }
    "athena.workgroup_result_encryption" {
        title: "Athena workgroup encrypts query results",
        resource: "AwsAthenaWorkGroup",
        severity: Medium,
        practice: "SEC08-BP02",
        rationale: "Query results are copies of the lake's data; unencrypted they sit in \
            S3 outside the protection of the tables they came from.",
        remediation: "Set the workgroup's result encryption to SSE_KMS (or SSE_S3, CSE_KMS).",
        cli: "aws athena update-work-group --work-group <workgroup> --configuration-updates 'ResultConfigurationUpdates={EncryptionConfiguration={EncryptionOption=SSE_KMS,KmsKey=<key-arn>}}'",
        each: result_encryption,
    }
}

fn enforce_configuration(w: &AthenaWorkGroup, _: &AthenaRegion, _: &Context) -> Judged {
    if *w.configuration.get()?.enforce_configuration.get()? {
        pass("the workgroup's settings override the client's")
    } else {
        fail("EnforceWorkGroupConfiguration is false: clients may override encryption and limits")
    }
}

fn result_encryption(w: &AthenaWorkGroup, _: &AthenaRegion, _: &Context) -> Judged {
    let configuration = w.configuration.get()?;
    // Managed query results live in Athena-owned storage, always encrypted.
    if let Some(managed) = &configuration.managed_results {
        return pass(match &managed.kms_key {
            Some(key) => format!("managed query results are encrypted with KMS key {key}"),
            None => "managed query results are encrypted with Athena's key".to_string(),
        });
    }
    match configuration.result_encryption.as_deref() {
        Some(option @ ("SSE_S3" | "SSE_KMS" | "CSE_KMS")) => {
            pass(format!("query results are encrypted ({option})"))
        }
        Some(other) => fail(format!(
            "result encryption option `{other}` is not one of SSE_S3, SSE_KMS, CSE_KMS"
        )),
        None => fail("query results are not encrypted"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    /// Workgroups that keep results in Athena-owned storage are judged on
    /// that storage's encryption, not on the S3 result configuration.
    #[test]
    fn managed_query_results_are_encrypted() {
        let id = "athena.workgroup_result_encryption";
        let mut wg = good_workgroup("wg");
        if let Observed::Known(c) = &mut wg.configuration {
            c.output_location = None;
            c.result_encryption = None;
            c.result_kms_key = None;
            c.managed_results = Some(ManagedResults { kms_key: None });
        }
        assert_eq!(workgroup_verdict(id, wg.clone()).unwrap().0, Pass);
        if let Observed::Known(c) = &mut wg.configuration {
            c.managed_results = None;
        }
        assert_eq!(workgroup_verdict(id, wg).unwrap().0, Fail);
    }

    #[test]
    fn enforcement_and_encryption() {
        for id in [
            "athena.workgroup_enforce_configuration",
            "athena.workgroup_result_encryption",
        ] {
            assert_eq!(
                workgroup_verdict(id, good_workgroup("wg")).unwrap().0,
                Pass,
                "{id}"
            );
            let mut w = good_workgroup("wg");
            w.configuration = Observed::Unknown(denied("athena:GetWorkGroup"));
            assert_eq!(workgroup_verdict(id, w).unwrap().0, Unknown, "{id}");
        }
        let mut w = good_workgroup("wg");
        if let Observed::Known(c) = &mut w.configuration {
            c.enforce_configuration = Observed::Known(false);
            c.result_encryption = None;
        }
        for id in [
            "athena.workgroup_enforce_configuration",
            "athena.workgroup_result_encryption",
        ] {
            assert_eq!(workgroup_verdict(id, w.clone()).unwrap().0, Fail, "{id}");
        }
    }
}
