//! The KMS checks of this pillar (customer-managed keys only).

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::interpret::policy;
use crate::model::{KmsKey, KmsRegion, Unobserved, UnobservedKind};

crate::checks! {
    "kms.key_rotation" {
        title: "Customer-managed KMS key rotates its material",
        resource: "AwsKmsKey",
        severity: Medium,
        security_hub: "KMS.4",
        practice: "SEC08-BP01",
        rationale: "Yearly rotation limits how much data one key version protects; KMS \
            keeps old versions for decryption, so rotation breaks nothing.",
        remediation: "Enable automatic rotation. Asymmetric, HMAC, imported and external-store \
            keys cannot rotate and are not judged.",
        cli: "aws kms enable-key-rotation --key-id <key-id>",
        each: key_rotation,
    }
    "kms.key_policy_public" {
        title: "KMS key policy does not allow everyone",
        resource: "AwsKmsKey",
        severity: Critical,
        security_hub: "KMS.5",
        practice: "SEC03-BP07",
        rationale: "An Allow for principal `*` without a condition on account, \
            organization or network lets any AWS account use or manage the key.",
        remediation: "Name the principals, or narrow the statement with aws:PrincipalOrgID, \
            kms:CallerAccount or aws:SourceVpce.",
        cli: "aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://key-policy.json",
        each: key_policy_public,
    }
}

fn key_rotation(key: &KmsKey, _: &KmsRegion, _: &Context) -> Judged {
    // The peers' best-known false positive: rotation does not exist for these keys.
    if !key.rotation_applies() {
        return not_applicable();
    }
    let Some(rotation) = &key.rotation_enabled else {
        return not_applicable();
    };
    if *rotation.get()? {
        pass("automatic rotation is on")
    } else {
        fail("automatic rotation is off")
    }
}

fn key_policy_public(key: &KmsKey, _: &KmsRegion, _: &Context) -> Judged {
    let Some(document) = &key.policy else {
        return not_applicable();
    };
    let parsed: serde_json::Value = serde_json::from_str(document.get()?).map_err(|e| {
        Unobserved::new(UnobservedKind::Error, "kms:GetKeyPolicy")
            .with_code("MalformedPolicy")
            .with_message(e.to_string())
    })?;
    let exposure = policy::exposure(&parsed);
    if exposure.public {
        fail(format!("the key policy is public: {}", exposure.why))
    } else if exposure.why == "no statement allows everyone" {
        pass("the key policy names its principals")
    } else {
        pass(exposure.why)
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn verdicts(id: &str, key: KmsKey) -> Vec<(String, crate::findings::finding::Status, String)> {
        run(id, &with_kms(inventory(vec![]), vec![key]))
    }

    #[test]
    fn rotation_both_ways_and_unknown() {
        let id = "kms.key_rotation";
        assert_eq!(verdicts(id, kms_key("k", "Enabled"))[0].1, Pass);
        let mut key = kms_key("k", "Enabled");
        key.rotation_enabled = Some(Observed::Known(false));
        assert_eq!(verdicts(id, key.clone())[0].1, Fail);
        key.rotation_enabled = Some(Observed::Unknown(denied("kms:GetKeyRotationStatus")));
        assert_eq!(verdicts(id, key)[0].1, Unknown);
    }

    #[test]
    fn rotation_does_not_apply_to_keys_that_cannot_rotate() {
        let id = "kms.key_rotation";
        type Change = fn(&mut KmsKey);
        let cases: [(&str, Change); 6] = [
            ("asymmetric", |k| k.spec = "RSA_2048".into()),
            ("hmac", |k| k.spec = "HMAC_256".into()),
            ("imported", |k| k.origin = "EXTERNAL".into()),
            ("external store", |k| k.origin = "EXTERNAL_KEY_STORE".into()),
            ("disabled", |k| k.state = "Disabled".into()),
            ("aws managed", |k| k.manager = "AWS".into()),
        ];
        for (what, change) in cases {
            let mut key = kms_key("k", "Enabled");
            key.rotation_enabled = Some(Observed::Known(false));
            change(&mut key);
            assert!(verdicts(id, key).is_empty(), "{what}");
        }
    }

    #[test]
    fn public_policy() {
        let id = "kms.key_policy_public";
        assert_eq!(verdicts(id, kms_key("k", "Enabled"))[0].1, Pass);
        let mut key = kms_key("k", "Enabled");
        key.policy = Some(Observed::Known(
            r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}]}"#.into(),
        ));
        assert_eq!(verdicts(id, key.clone())[0].1, Fail);
        key.policy = Some(Observed::Unknown(denied("kms:GetKeyPolicy")));
        assert_eq!(verdicts(id, key)[0].1, Unknown);
    }
}
