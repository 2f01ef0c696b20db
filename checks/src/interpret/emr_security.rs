//! What an EMR security configuration document turns on.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::model::{EmrSecurityConfiguration, Unobserved, UnobservedKind};

/// The encryption settings of a security configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encryption {
    /// At-rest encryption of EMRFS data in S3.
    pub at_rest_s3: bool,
    /// At-rest encryption of local disks.
    pub at_rest_local_disk: bool,
    /// TLS between nodes.
    pub in_transit: bool,
    /// KMS keys the document names.
    pub kms_keys: Vec<String>,
}

impl EmrSecurityConfiguration {
    /// Reads the encryption settings of the document; a document that is not
    /// JSON is an input that could not be observed.
    pub fn encryption(&self) -> Result<Encryption, Unobserved> {
        let document = self.document.get()?;
        let doc: Value = serde_json::from_str(document).map_err(|e| {
            Unobserved::new(
                UnobservedKind::Error,
                "elasticmapreduce:DescribeSecurityConfiguration",
            )
            .with_code("MalformedSecurityConfiguration")
            .with_message(e.to_string())
        })?;
        let enc = &doc["EncryptionConfiguration"];
        let at_rest = enc["EnableAtRestEncryption"].as_bool().unwrap_or(false);
        let at_rest_cfg = &enc["AtRestEncryptionConfiguration"];
        let s3 = &at_rest_cfg["S3EncryptionConfiguration"];
        let disk = &at_rest_cfg["LocalDiskEncryptionConfiguration"];
        let kms_keys: BTreeSet<&str> = [&s3["AwsKmsKey"], &disk["AwsKmsKey"]]
            .into_iter()
            .filter_map(Value::as_str)
            .collect();
        Ok(Encryption {
            at_rest_s3: at_rest && s3.is_object(),
            at_rest_local_disk: at_rest && disk.is_object(),
            in_transit: enc["EnableInTransitEncryption"].as_bool().unwrap_or(false),
            kms_keys: kms_keys.into_iter().map(str::to_string).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observed;

    fn parse(document: &str) -> Result<Encryption, Unobserved> {
        EmrSecurityConfiguration {
            name: "c".into(),
            document: Observed::Known(document.into()),
        }
        .encryption()
    }

    #[test]
    fn security_configuration_documents() {
        let full = r#"{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":true,
            "AtRestEncryptionConfiguration":{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-KMS","AwsKmsKey":"arn:k"},
            "LocalDiskEncryptionConfiguration":{"EncryptionKeyProviderType":"AwsKms","AwsKmsKey":"arn:k"}}}}"#;
        let c = parse(full).unwrap();
        assert!(c.at_rest_s3 && c.at_rest_local_disk && c.in_transit);
        assert_eq!(c.kms_keys, ["arn:k"]);

        let s3_only = r#"{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":false,
            "AtRestEncryptionConfiguration":{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-S3"}}}}"#;
        let c = parse(s3_only).unwrap();
        assert!(c.at_rest_s3 && !c.at_rest_local_disk && !c.in_transit);

        let c = parse("{}").unwrap();
        assert!(!c.at_rest_s3 && !c.in_transit);
        let bad = parse("{").unwrap_err();
        assert_eq!(bad.code.as_deref(), Some("MalformedSecurityConfiguration"));
    }
}
