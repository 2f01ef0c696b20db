//! The EMR checks of this pillar.

use crate::catalog::{Check, CheckMeta, Context, Judgement, RemediationMeta};
use crate::finding::{fail, pass, Judged, Pillar, Severity};
use crate::model::{EmrCluster, EmrRegion, EmrSecurityConfiguration};
use crate::pillars::{
    emr_block_public_access_ref, emr_security_configuration_ref, per_emr_cluster, settle,
};

use Pillar::*;

pub fn checks() -> Vec<Check> {
    vec![
        Check {
            meta: CheckMeta {
                id: "emr.account_block_public_access",
                title: "EMR block public access is on in the region",
                service: "emr",
                resource_type: "AwsEmrBlockPublicAccessConfiguration",
                pillar: Security,
                pillars: &[Security],
                severity: Severity::Critical,
                rationale: "Block public access stops any cluster from starting with a security \
                    group open to the internet; one such group exposes YARN, Spark UI and SSH.",
                remediation: RemediationMeta {
                    text: "Turn on EMR block public access in every region (port 22 may stay as an exception).",
                    cli: "aws emr put-block-public-access-configuration --block-public-access-configuration BlockPublicSecurityGroupRules=true",
                    terraform: "resource \"aws_emr_block_public_access_configuration\" \"this\" {\n  block_public_security_group_rules = true\n}",
                },
                wa_best_practice: "SEC05-BP02",
                security_hub_control: Some("EMR.2"),
            },
            judge: account_block_public_access,
        },
        Check {
            meta: CheckMeta {
                id: "emr.cluster_security_configuration",
                title: "Active EMR cluster runs with a security configuration",
                service: "emr",
                resource_type: "AwsEmrCluster",
                pillar: Security,
                pillars: &[Security],
                severity: Severity::High,
                rationale: "Without a security configuration, EMRFS data, local disks and \
                    traffic between nodes are not encrypted by EMR.",
                remediation: RemediationMeta {
                    text: "Create a security configuration with at-rest and in-transit encryption \
                        and launch clusters with it.",
                    cli: "aws emr create-security-configuration --name <name> --security-configuration file://security-configuration.json",
                    terraform: "resource \"aws_emr_cluster\" \"this\" {\n  # …\n  security_configuration = aws_emr_security_configuration.this.name\n}",
                },
                wa_best_practice: "SEC08-BP02",
                security_hub_control: None,
            },
            judge: |cx| {
                per_emr_cluster(cx, |c: &EmrCluster, _: &EmrRegion, _: &Context| {
                    match &c.security_configuration {
                        Some(name) => pass(format!("security configuration `{name}`")),
                        None => fail("no security configuration"),
                    }
                })
            },
        },
        Check {
            meta: CheckMeta {
                id: "emr.security_configuration_at_rest",
                title: "EMR security configuration encrypts data at rest",
                service: "emr",
                resource_type: "AwsEmrSecurityConfiguration",
                pillar: Security,
                pillars: &[Security],
                severity: Severity::Medium,
                rationale: "At-rest encryption covers what EMRFS writes to S3 and what nodes \
                    spill to local disks and EBS volumes.",
                remediation: RemediationMeta {
                    text: "Enable at-rest encryption for both S3 (EMRFS) and local disks.",
                    cli: "aws emr create-security-configuration --name <name> --security-configuration '{\"EncryptionConfiguration\":{\"EnableAtRestEncryption\":true,\"EnableInTransitEncryption\":true,\"AtRestEncryptionConfiguration\":{\"S3EncryptionConfiguration\":{\"EncryptionMode\":\"SSE-KMS\",\"AwsKmsKey\":\"<key-arn>\"},\"LocalDiskEncryptionConfiguration\":{\"EncryptionKeyProviderType\":\"AwsKms\",\"AwsKmsKey\":\"<key-arn>\"}},\"InTransitEncryptionConfiguration\":{\"TLSCertificateConfiguration\":{\"CertificateProviderType\":\"PEM\",\"S3Object\":\"<s3-uri-of-certs.zip>\"}}}}'",
                    terraform: "resource \"aws_emr_security_configuration\" \"this\" {\n  name = \"<name>\"\n  configuration = jsonencode({\n    EncryptionConfiguration = {\n      EnableAtRestEncryption    = true\n      EnableInTransitEncryption = true\n      # AtRestEncryptionConfiguration, InTransitEncryptionConfiguration …\n    }\n  })\n}",
                },
                wa_best_practice: "SEC08-BP02",
                security_hub_control: Some("EMR.3"),
            },
            judge: |cx| {
                per_security_configuration(cx, |c| {
                    let off: Vec<&str> = [("S3", c.at_rest_s3), ("local disk", c.at_rest_local_disk)]
                        .into_iter()
                        .filter(|(_, on)| !on)
                        .map(|(what, _)| what)
                        .collect();
                    if off.is_empty() {
                        pass("S3 and local-disk encryption at rest are on")
                    } else {
                        fail(format!("no at-rest encryption for: {}", off.join(", ")))
                    }
                })
            },
        },
        Check {
            meta: CheckMeta {
                id: "emr.security_configuration_in_transit",
                title: "EMR security configuration encrypts data in transit",
                service: "emr",
                resource_type: "AwsEmrSecurityConfiguration",
                pillar: Security,
                pillars: &[Security],
                severity: Severity::Medium,
                rationale: "Shuffle, HDFS block transfer and the web UIs carry data between nodes \
                    in the clear unless in-transit encryption is on.",
                remediation: RemediationMeta {
                    text: "Enable in-transit encryption with TLS certificates.",
                    cli: "aws emr create-security-configuration --name <name> --security-configuration '{\"EncryptionConfiguration\":{\"EnableAtRestEncryption\":true,\"EnableInTransitEncryption\":true,\"InTransitEncryptionConfiguration\":{\"TLSCertificateConfiguration\":{\"CertificateProviderType\":\"PEM\",\"S3Object\":\"<s3-uri-of-certs.zip>\"}}}}'",
                    terraform: "resource \"aws_emr_security_configuration\" \"this\" {\n  name = \"<name>\"\n  configuration = jsonencode({\n    EncryptionConfiguration = {\n      EnableInTransitEncryption = true\n      # InTransitEncryptionConfiguration …\n    }\n  })\n}",
                },
                wa_best_practice: "SEC09-BP02",
                security_hub_control: Some("EMR.4"),
            },
            judge: |cx| {
                per_security_configuration(cx, |c| {
                    if c.in_transit {
                        pass("in-transit encryption is on")
                    } else {
                        fail("in-transit encryption is off")
                    }
                })
            },
        },
    ]
}

fn account_block_public_access(cx: &Context) -> Vec<Judgement> {
    let Some(emr) = &cx.inventory.emr else {
        return Vec::new();
    };
    emr.regions
        .iter()
        .filter_map(|region| {
            let judged: Judged = match region.block_public_access.get() {
                Ok(true) => pass("block public access is on"),
                Ok(false) => fail("block public access is off"),
                Err(reason) => Err(reason),
            };
            settle(judged).map(|outcome| Judgement {
                resource: emr_block_public_access_ref(cx.inventory, &region.region),
                outcome,
                severity: None,
            })
        })
        .collect()
}

/// Runs `judge` on every security configuration an active cluster uses.
fn per_security_configuration(
    cx: &Context,
    judge: impl Fn(&EmrSecurityConfiguration) -> Judged,
) -> Vec<Judgement> {
    let Some(emr) = &cx.inventory.emr else {
        return Vec::new();
    };
    emr.regions
        .iter()
        .flat_map(|region| {
            region
                .security_configurations
                .iter()
                .filter_map(|(name, config)| {
                    let judged = config.get().and_then(&judge);
                    settle(judged).map(|outcome| Judgement {
                        resource: emr_security_configuration_ref(
                            cx.inventory,
                            &region.region,
                            name,
                        ),
                        outcome,
                        severity: None,
                    })
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Status::*;
    use crate::model::*;
    use crate::pillars::testing::*;

    #[test]
    fn block_public_access() {
        let id = "emr.account_block_public_access";
        assert_eq!(
            emr_verdict(checks(), id, emr_region(vec![])).unwrap().0,
            Pass
        );
        let mut region = emr_region(vec![]);
        region.block_public_access = Observed::Known(false);
        assert_eq!(emr_verdict(checks(), id, region).unwrap().0, Fail);
        let mut region = emr_region(vec![]);
        region.block_public_access =
            Observed::Unknown(denied("elasticmapreduce:GetBlockPublicAccessConfiguration"));
        assert_eq!(emr_verdict(checks(), id, region).unwrap().0, Unknown);
    }

    #[test]
    fn cluster_security_configuration() {
        let id = "emr.cluster_security_configuration";
        assert_eq!(
            emr_cluster_verdict(checks(), id, good_emr_cluster("j-1"))
                .unwrap()
                .0,
            Pass
        );
        let mut c = good_emr_cluster("j-1");
        c.security_configuration = None;
        assert_eq!(emr_cluster_verdict(checks(), id, c).unwrap().0, Fail);
    }

    #[test]
    fn security_configuration_encryption() {
        let with = |at_rest_s3, at_rest_local_disk, in_transit| {
            let mut region = emr_region(vec![]);
            region.security_configurations = [(
                "c".to_string(),
                Observed::Known(EmrSecurityConfiguration {
                    name: "c".into(),
                    at_rest_s3,
                    at_rest_local_disk,
                    in_transit,
                    kms_keys: vec![],
                }),
            )]
            .into();
            region
        };
        let at_rest = "emr.security_configuration_at_rest";
        let in_transit = "emr.security_configuration_in_transit";
        assert_eq!(
            emr_verdict(checks(), at_rest, with(true, true, false))
                .unwrap()
                .0,
            Pass
        );
        assert_eq!(
            emr_verdict(checks(), at_rest, with(true, false, true)).unwrap(),
            (Fail, "no at-rest encryption for: local disk".into())
        );
        assert_eq!(
            emr_verdict(checks(), in_transit, with(false, false, true))
                .unwrap()
                .0,
            Pass
        );
        assert_eq!(
            emr_verdict(checks(), in_transit, with(true, true, false))
                .unwrap()
                .0,
            Fail
        );

        let mut region = emr_region(vec![]);
        region.security_configurations = [(
            "c".to_string(),
            Observed::Unknown(denied("elasticmapreduce:DescribeSecurityConfiguration")),
        )]
        .into();
        assert_eq!(emr_verdict(checks(), at_rest, region).unwrap().0, Unknown);
    }
}
