//! The EMR checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{EmrCluster, EmrInventory, EmrRegion, EmrSecurityConfiguration, PortRange};

crate::checks! {
    "emr.account_block_public_access" {
        title: "EMR block public access is on in the region",
        resource: "AwsEmrBlockPublicAccessConfiguration",
        severity: Critical,
        security_hub: "EMR.2",
        practice: "SEC05-BP02",
        rationale: "Block public access stops any cluster from starting with a security \
            group open to the internet; one such group exposes YARN, Spark UI and SSH.",
        remediation: "Turn on EMR block public access in every region (port 22 may stay as an exception).",
        cli: "aws emr put-block-public-access-configuration --block-public-access-configuration BlockPublicSecurityGroupRules=true",
        each: account_block_public_access,
    }
    "emr.cluster_security_configuration" {
        title: "Active EMR cluster runs with a security configuration",
        resource: "AwsEmrCluster",
        severity: High,
        practice: "SEC08-BP02",
        rationale: "Without a security configuration, EMRFS data, local disks and \
            traffic between nodes are not encrypted by EMR.",
        remediation: "Create a security configuration with at-rest and in-transit encryption \
            and launch clusters with it.",
        cli: "aws emr create-security-configuration --name <name> --security-configuration file://security-configuration.json",
        each: cluster_security_configuration,
    }
    "emr.security_configuration_at_rest" {
        title: "EMR security configuration encrypts data at rest",
        resource: "AwsEmrSecurityConfiguration",
        severity: Medium,
        security_hub: "EMR.3",
        practice: "SEC08-BP02",
        rationale: "At-rest encryption covers what EMRFS writes to S3 and what nodes \
            spill to local disks and EBS volumes.",
        remediation: "Enable at-rest encryption for both S3 (EMRFS) and local disks.",
        cli: "aws emr create-security-configuration --name <name> --security-configuration '{\"EncryptionConfiguration\":{\"EnableAtRestEncryption\":true,\"EnableInTransitEncryption\":true,\"AtRestEncryptionConfiguration\":{\"S3EncryptionConfiguration\":{\"EncryptionMode\":\"SSE-KMS\",\"AwsKmsKey\":\"<key-arn>\"},\"LocalDiskEncryptionConfiguration\":{\"EncryptionKeyProviderType\":\"AwsKms\",\"AwsKmsKey\":\"<key-arn>\"}},\"InTransitEncryptionConfiguration\":{\"TLSCertificateConfiguration\":{\"CertificateProviderType\":\"PEM\",\"S3Object\":\"<s3-uri-of-certs.zip>\"}}}}'",
        each: at_rest,
    }
    "emr.security_configuration_in_transit" {
        title: "EMR security configuration encrypts data in transit",
        resource: "AwsEmrSecurityConfiguration",
        severity: Medium,
        security_hub: "EMR.4",
        practice: "SEC09-BP02",
        rationale: "Shuffle, HDFS block transfer and the web UIs carry data between nodes \
            in the clear unless in-transit encryption is on.",
        remediation: "Enable in-transit encryption with TLS certificates.",
        cli: "aws emr create-security-configuration --name <name> --security-configuration '{\"EncryptionConfiguration\":{\"EnableAtRestEncryption\":true,\"EnableInTransitEncryption\":true,\"InTransitEncryptionConfiguration\":{\"TLSCertificateConfiguration\":{\"CertificateProviderType\":\"PEM\",\"S3Object\":\"<s3-uri-of-certs.zip>\"}}}}'",
        each: in_transit,
    }
}

fn account_block_public_access(region: &EmrRegion, _: &EmrInventory, cx: &Context) -> Judged {
    let bpa = region.block_public_access.get()?;
    if !bpa.enabled {
        return fail("block public access is off");
    }
    let allowed = &cx.config.emr.allowed_public_ports;
    let describe = |r: &PortRange| {
        if r.min == r.max {
            format!("port {}", r.min)
        } else {
            format!("ports {}-{}", r.min, r.max)
        }
    };
    let beyond: Vec<String> = bpa
        .permitted_port_ranges
        .iter()
        .filter(|r| (r.min..=r.max).any(|port| !allowed.iter().any(|a| i32::from(*a) == port)))
        .map(describe)
        .collect();
    let allow_list = allowed
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if beyond.is_empty() {
        pass(format!(
            "block public access is on; permitted ports are within the allow-list ({allow_list})"
        ))
    } else {
        fail(format!(
            "block public access is on, but permits {} beyond the allow-list ({allow_list})",
            beyond.join(", ")
        ))
    }
}

fn cluster_security_configuration(c: &EmrCluster, _: &EmrRegion, _: &Context) -> Judged {
    match &c.security_configuration {
        Some(name) => pass(format!("security configuration `{name}`")),
        None => fail("no security configuration"),
    }
}

fn at_rest(config: &EmrSecurityConfiguration, _: &EmrRegion, _: &Context) -> Judged {
    // EMR.3 judges EMRFS data in S3; local-disk encryption is reported beside it.
    let c = config.encryption()?;
    let disk = if c.at_rest_local_disk {
        "local disks encrypted too"
    } else {
        "local disks not encrypted"
    };
    if c.at_rest_s3 {
        pass(format!("S3 (EMRFS) encryption at rest is on; {disk}"))
    } else {
        fail(format!("no S3 (EMRFS) encryption at rest; {disk}"))
    }
}

fn in_transit(config: &EmrSecurityConfiguration, _: &EmrRegion, _: &Context) -> Judged {
    if config.encryption()?.in_transit {
        pass("in-transit encryption is on")
    } else {
        fail("in-transit encryption is off")
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn block_public_access() {
        let id = "emr.account_block_public_access";
        assert_eq!(emr_verdict(id, emr_region(vec![])).unwrap().0, Pass);
        let bpa = |enabled: bool, ranges: &[(i32, i32)]| {
            let mut region = emr_region(vec![]);
            region.block_public_access = Observed::Known(EmrBlockPublicAccess {
                enabled,
                permitted_port_ranges: ranges
                    .iter()
                    .map(|&(min, max)| PortRange { min, max })
                    .collect(),
            });
            emr_verdict(id, region).unwrap()
        };
        assert_eq!(bpa(false, &[(22, 22)]).0, Fail);
        assert_eq!(bpa(true, &[]).0, Pass);
        // Every port exempted is not "on".
        assert_eq!(
            bpa(true, &[(0, 65535)]),
            (
                Fail,
                "block public access is on, but permits ports 0-65535 beyond the allow-list (22)"
                    .into()
            )
        );
        assert_eq!(bpa(true, &[(22, 22), (443, 443)]).0, Fail);
        let mut region = emr_region(vec![]);
        region.block_public_access =
            Observed::Unknown(denied("elasticmapreduce:GetBlockPublicAccessConfiguration"));
        assert_eq!(emr_verdict(id, region).unwrap().0, Unknown);
    }

    #[test]
    fn cluster_security_configuration() {
        let id = "emr.cluster_security_configuration";
        assert_eq!(
            emr_cluster_verdict(id, good_emr_cluster("j-1")).unwrap().0,
            Pass
        );
        let mut c = good_emr_cluster("j-1");
        c.security_configuration = None;
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Fail);
    }

    #[test]
    fn security_configuration_encryption() {
        let with = |at_rest_s3: bool, at_rest_local_disk: bool, in_transit: bool| {
            let mut at_rest = serde_json::Map::new();
            if at_rest_s3 {
                at_rest.insert("S3EncryptionConfiguration".into(), serde_json::json!({}));
            }
            if at_rest_local_disk {
                at_rest.insert(
                    "LocalDiskEncryptionConfiguration".into(),
                    serde_json::json!({}),
                );
            }
            let document = serde_json::json!({"EncryptionConfiguration": {
                "EnableAtRestEncryption": !at_rest.is_empty(),
                "EnableInTransitEncryption": in_transit,
                "AtRestEncryptionConfiguration": at_rest,
            }});
            let mut region = emr_region(vec![]);
            region.security_configurations = vec![emr_configuration("c", &document.to_string())];
            region
        };
        let at_rest = "emr.security_configuration_at_rest";
        let in_transit = "emr.security_configuration_in_transit";
        assert_eq!(
            emr_verdict(at_rest, with(true, true, false)).unwrap().0,
            Pass
        );
        assert_eq!(
            emr_verdict(at_rest, with(true, false, true)).unwrap(),
            (
                Pass,
                "S3 (EMRFS) encryption at rest is on; local disks not encrypted".into()
            )
        );
        assert_eq!(
            emr_verdict(at_rest, with(false, true, true)).unwrap(),
            (
                Fail,
                "no S3 (EMRFS) encryption at rest; local disks encrypted too".into()
            )
        );
        let mut region = with(true, true, true);
        region.security_configurations[0].document = Observed::Unknown(Unobserved::not_reported(
            "elasticmapreduce:DescribeSecurityConfiguration",
            "SecurityConfiguration",
        ));
        assert_eq!(emr_verdict(at_rest, region.clone()).unwrap().0, Unknown);
        assert_eq!(emr_verdict(in_transit, region).unwrap().0, Unknown);
        assert_eq!(
            emr_verdict(in_transit, with(false, false, true)).unwrap().0,
            Pass
        );
        assert_eq!(
            emr_verdict(in_transit, with(true, true, false)).unwrap().0,
            Fail
        );

        let mut region = emr_region(vec![]);
        region.security_configurations = vec![EmrSecurityConfiguration {
            name: "c".into(),
            document: Observed::Unknown(denied("elasticmapreduce:DescribeSecurityConfiguration")),
        }];
        assert_eq!(emr_verdict(at_rest, region).unwrap().0, Unknown);
    }
}
