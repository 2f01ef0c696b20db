//! The Secrets Manager checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{Secret, SecretsManagerRegion};

crate::checks! {
    "secretsmanager.secret_rotation" {
        title: "Secret rotates automatically",
        resource: "AwsSecretsManagerSecret",
        severity: Medium,
        security_hub: "SecretsManager.1",
        practice: "SEC02-BP05",
        rationale: "A credential that never changes stays valid for whoever copied it, \
            for as long as the system it opens exists.",
        remediation: "Turn on automatic rotation with a rotation function or a managed rotation.",
        cli: "aws secretsmanager rotate-secret --secret-id <secret> --rotation-lambda-arn <function-arn> --rotation-rules AutomaticallyAfterDays=30",
        each: rotation,
    }
}

fn rotation(s: &Secret, _: &SecretsManagerRegion, _: &Context) -> Judged {
    if s.rotation_enabled {
        pass("automatic rotation is on")
    } else {
        fail("automatic rotation is off")
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::testing::*;

    #[test]
    fn rotation_on_and_off() {
        let id = "secretsmanager.secret_rotation";
        assert_eq!(secret_verdict(id, secret("s")).unwrap().0, Pass);
        let mut s = secret("s");
        s.rotation_enabled = false;
        assert_eq!(secret_verdict(id, s).unwrap().0, Fail);
    }
}
