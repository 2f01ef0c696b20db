//! The MSK checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::interpret::kms_refs::{resolve, KeyLookup};
use crate::model::{MskCluster, MskRegion, Unobserved, UnobservedKind};

crate::checks! {
    "msk.encryption_in_transit" {
        title: "MSK cluster encrypts traffic to and between brokers",
        resource: "AwsMskCluster",
        severity: High,
        practice: "SEC09-BP02",
        rationale: "With PLAINTEXT allowed, producers and consumers may send records \
            in the clear; without in-cluster encryption, replication between brokers is \
            unencrypted.",
        remediation: "Set client-broker encryption to TLS and turn on in-cluster encryption \
            (a new cluster for the latter).",
        cli: "aws kafka update-security --cluster-arn <cluster-arn> --current-version <version> --encryption-info 'EncryptionInTransit={ClientBroker=TLS}'",
        each: encryption_in_transit,
    }
    "msk.authentication" {
        title: "MSK cluster authenticates its clients",
        resource: "AwsMskCluster",
        severity: High,
        practice: "SEC03-BP01",
        rationale: "Unauthenticated access lets anyone who reaches a broker read and \
            write every topic; IAM, SASL/SCRAM or TLS client authentication ties access to \
            an identity.",
        remediation: "Turn on IAM access control (or SASL/SCRAM or TLS client \
            authentication) and turn off unauthenticated access.",
        cli: "aws kafka update-security --cluster-arn <cluster-arn> --current-version <version> --client-authentication 'Sasl={Iam={Enabled=true}},Unauthenticated={Enabled=false}'",
        each: authentication,
    }
    "msk.public_access" {
        title: "MSK cluster's brokers are not reachable from the internet",
        resource: "AwsMskCluster",
        severity: Critical,
        practice: "SEC05-BP02",
        rationale: "Public access gives every broker an Elastic IP address: the \
            cluster's data is then one misconfigured ACL away from the internet.",
        remediation: "Turn public access off and reach the brokers from inside the VPC.",
        cli: "aws kafka update-connectivity --cluster-arn <cluster-arn> --current-version <version> --connectivity-info 'PublicAccess={Type=DISABLED}'",
        each: public_access,
    }
    "msk.encryption_at_rest_cmk" {
        title: "MSK cluster encrypts its data volumes with a customer-managed key",
        resource: "AwsMskCluster",
        severity: Low,
        practice: "SEC08-BP01",
        rationale: "With the AWS-managed key, the key policy that decides who can read \
            the brokers' volumes is not yours to set or audit.",
        remediation: "Create the cluster with a customer-managed KMS key for data volumes \
            (encryption at rest cannot be changed on an existing cluster).",
        cli: "aws kafka create-cluster-v2 --cluster-name <cluster> --provisioned 'EncryptionInfo={EncryptionAtRest={DataVolumeKMSKeyId=<key-arn>}},…'",
        each: encryption_at_rest_cmk,
    }
}

fn encryption_in_transit(c: &MskCluster, _: &MskRegion, _: &Context) -> Judged {
    let Some(p) = &c.provisioned else {
        return pass("a serverless cluster: TLS only");
    };
    // A setting observed open fails, whatever is unknown of the other.
    let client = p.client_broker.get().map(String::as_str);
    let in_cluster = p.in_cluster.get().copied();
    let mut open = Vec::new();
    if let Ok(mode @ ("PLAINTEXT" | "TLS_PLAINTEXT")) = client {
        open.push(format!("client-broker traffic allows {mode}"));
    }
    if in_cluster == Ok(false) {
        open.push("in-cluster encryption is off".to_string());
    }
    if !open.is_empty() {
        return fail(open.join("; "));
    }
    client?;
    in_cluster?;
    pass("TLS to and between brokers")
}

fn authentication(c: &MskCluster, _: &MskRegion, _: &Context) -> Judged {
    let Some(p) = &c.provisioned else {
        return pass("a serverless cluster: IAM access control");
    };
    let auth = p.authentication.get()?;
    let methods: Vec<&str> = [
        (auth.iam, "IAM"),
        (auth.scram, "SASL/SCRAM"),
        (auth.tls, "TLS"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, name)| name)
    .collect();
    if auth.unauthenticated {
        fail("unauthenticated access is allowed")
    } else if methods.is_empty() {
        fail("no client authentication method is on")
    } else {
        pass(format!("clients authenticate with {}", methods.join(", ")))
    }
}

fn public_access(c: &MskCluster, _: &MskRegion, _: &Context) -> Judged {
    let Some(p) = &c.provisioned else {
        return pass("a serverless cluster: no public access");
    };
    match p.public_access.get()?.as_str() {
        "SERVICE_PROVIDED_EIPS" => fail("public access is on (SERVICE_PROVIDED_EIPS)"),
        other => pass(format!("public access is {other}")),
    }
}

fn encryption_at_rest_cmk(c: &MskCluster, region: &MskRegion, cx: &Context) -> Judged {
    let Some(p) = &c.provisioned else {
        return not_applicable(); // serverless clusters take no customer key
    };
    let key = p.data_volume_kms_key.get()?;
    match resolve(cx.inventory, key, &region.region) {
        KeyLookup::Found(k) if k.is_customer_managed() => {
            pass(format!("data volumes use customer-managed key {}", k.id))
        }
        KeyLookup::Found(k) => fail(format!(
            "data volumes use the AWS-managed key {}, not a customer-managed one",
            k.id
        )),
        KeyLookup::Unreadable(reason) => Err(reason),
        KeyLookup::Missing => Err(
            Unobserved::new(UnobservedKind::NotReported, "kms:DescribeKey")
                .with_message(format!("key {key} is not among the region's keys")),
        ),
        KeyLookup::Elsewhere => pass(format!("data volumes use key {key} of another account")),
        KeyLookup::NotScanned => Err(Unobserved::new(
            UnobservedKind::NotScanned,
            "kms:DescribeKey",
        )
        .with_message("KMS was not scanned, so who manages the key is not known")),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn with(edit: impl Fn(&mut MskProvisioned)) -> MskCluster {
        let mut c = good_msk_cluster("c");
        edit(c.provisioned.as_mut().unwrap());
        c
    }

    #[test]
    fn in_transit() {
        let id = "msk.encryption_in_transit";
        assert_eq!(msk_verdict(id, good_msk_cluster("c")).unwrap().0, Pass);
        let plain = with(|p| p.client_broker = Observed::Known("TLS_PLAINTEXT".into()));
        assert_eq!(msk_verdict(id, plain).unwrap().0, Fail);
        let between = with(|p| p.in_cluster = Observed::Known(false));
        assert_eq!(msk_verdict(id, between).unwrap().0, Fail);
        // A certain FAIL stands whatever is unknown of the other setting.
        let mixed = with(|p| {
            p.in_cluster = Observed::Known(false);
            p.client_broker = Observed::Unknown(denied("kafka:ListClustersV2"));
        });
        assert_eq!(msk_verdict(id, mixed).unwrap().0, Fail);
        let unknown = with(|p| p.client_broker = Observed::Unknown(denied("kafka:ListClustersV2")));
        assert_eq!(msk_verdict(id, unknown).unwrap().0, Unknown);
        let mut serverless = good_msk_cluster("s");
        serverless.provisioned = None;
        assert_eq!(msk_verdict(id, serverless).unwrap().0, Pass);
    }

    #[test]
    fn authentication() {
        let id = "msk.authentication";
        assert_eq!(msk_verdict(id, good_msk_cluster("c")).unwrap().0, Pass);
        let open = with(|p| {
            if let Observed::Known(a) = &mut p.authentication {
                a.unauthenticated = true;
            }
        });
        assert_eq!(msk_verdict(id, open).unwrap().0, Fail);
        let none = with(|p| p.authentication = Observed::Known(MskAuthentication::default()));
        assert_eq!(msk_verdict(id, none).unwrap().0, Fail);
        let unknown = with(|p| {
            p.authentication = Observed::Unknown(Unobserved::not_reported(
                "kafka:ListClustersV2",
                "ClientAuthentication",
            ))
        });
        assert_eq!(msk_verdict(id, unknown).unwrap().0, Unknown);
    }

    #[test]
    fn public_access() {
        let id = "msk.public_access";
        assert_eq!(msk_verdict(id, good_msk_cluster("c")).unwrap().0, Pass);
        let public = with(|p| p.public_access = Observed::Known("SERVICE_PROVIDED_EIPS".into()));
        assert_eq!(msk_verdict(id, public).unwrap().0, Fail);
        let unknown = with(|p| {
            p.public_access = Observed::Unknown(Unobserved::not_reported(
                "kafka:ListClustersV2",
                "ConnectivityInfo",
            ))
        });
        assert_eq!(msk_verdict(id, unknown).unwrap().0, Unknown);
    }

    #[test]
    fn customer_managed_key_at_rest() {
        let id = "msk.encryption_at_rest_cmk";
        let verdict = |c: MskCluster, keys: Vec<KmsKey>| {
            let inv = with_kms(with_msk(inventory(vec![]), c), keys);
            run(id, &inv).into_iter().next().map(|(_, s, _)| s)
        };
        let mut aws_key = kms_key("k", "Enabled");
        aws_key.manager = "AWS".into();
        assert_eq!(
            verdict(good_msk_cluster("c"), vec![kms_key("k", "Enabled")]),
            Some(Pass)
        );
        assert_eq!(verdict(good_msk_cluster("c"), vec![aws_key]), Some(Fail));
        assert_eq!(verdict(good_msk_cluster("c"), vec![]), Some(Unknown));
        let mut serverless = good_msk_cluster("s");
        serverless.provisioned = None;
        assert_eq!(verdict(serverless, vec![]), None);
    }
}
