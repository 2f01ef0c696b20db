//! The Redshift checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{RedshiftCluster, RedshiftRegion};
use crate::services::redshift::parameters::parameter_on;

crate::checks! {
    "redshift.cluster_public_access" {
        title: "Redshift cluster is not publicly accessible",
        resource: "AwsRedshiftCluster",
        severity: Critical,
        security_hub: "Redshift.1",
        practice: "SEC05-BP02",
        rationale: "A publicly accessible cluster gets a public IP; the warehouse is then \
            one security-group rule away from the internet.",
        remediation: "Turn off public accessibility; reach the cluster through the VPC, a VPN \
            or a Redshift-managed VPC endpoint.",
        cli: "aws redshift modify-cluster --cluster-identifier <cluster> --no-publicly-accessible",
        each: public_access,
    }
    "redshift.cluster_encrypted" {
        title: "Redshift cluster is encrypted at rest",
        resource: "AwsRedshiftCluster",
        severity: High,
        security_hub: "Redshift.10",
        practice: "SEC08-BP02",
        rationale: "An unencrypted cluster leaves its blocks and snapshots readable to \
            anyone who obtains the storage or a shared snapshot.",
        remediation: "Encrypt the cluster with a KMS key (modify-cluster migrates it in place).",
        cli: "aws redshift modify-cluster --cluster-identifier <cluster> --encrypted --kms-key-id <key-arn>",
        each: encrypted,
    }
    "redshift.cluster_require_ssl" {
        title: "Redshift cluster requires TLS connections",
        resource: "AwsRedshiftCluster",
        severity: Medium,
        security_hub: "Redshift.2",
        practice: "SEC09-BP02",
        rationale: "Unless require_ssl is on, clients may send queries, credentials and \
            results over plain text.",
        remediation: "Set require_ssl to true in a custom parameter group attached to the cluster.",
        cli: "aws redshift modify-cluster-parameter-group --parameter-group-name <group> --parameters ParameterName=require_ssl,ParameterValue=true",
        each: require_ssl,
    }
    "redshift.cluster_audit_logging" {
        title: "Redshift cluster audit logging is on",
        resource: "AwsRedshiftCluster",
        severity: Medium,
        also: [OperationalExcellence],
        security_hub: "Redshift.4",
        practice: "SEC04-BP01",
        rationale: "Connection and user logs are the record of who reached the warehouse \
            and when.",
        remediation: "Enable audit logging to S3 or CloudWatch Logs.",
        cli: "aws redshift enable-logging --cluster-identifier <cluster> --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog",
        each: audit_logging,
    }
    "redshift.cluster_user_activity_logging" {
        title: "Redshift cluster logs user activity",
        resource: "AwsRedshiftCluster",
        severity: Low,
        practice: "SEC04-BP01",
        rationale: "Only the user activity log records each query before it runs, which \
            is what an investigation of data access needs.",
        remediation: "Set enable_user_activity_logging to true in the cluster's parameter group \
            (with audit logging on).",
        cli: "aws redshift modify-cluster-parameter-group --parameter-group-name <group> --parameters ParameterName=enable_user_activity_logging,ParameterValue=true",
        each: user_activity_logging,
    }
    "redshift.cluster_auto_upgrade" {
        title: "Redshift cluster takes engine upgrades automatically",
        resource: "AwsRedshiftCluster",
        severity: Medium,
        security_hub: "Redshift.6",
        practice: "SEC06-BP01",
        rationale: "Version upgrades carry security fixes; a cluster that refuses them \
            falls behind until someone remembers.",
        remediation: "Allow version upgrades during the maintenance window.",
        cli: "aws redshift modify-cluster --cluster-identifier <cluster> --allow-version-upgrade",
        each: auto_upgrade,
    }
    "redshift.cluster_enhanced_vpc_routing" {
        title: "Redshift cluster uses enhanced VPC routing",
        resource: "AwsRedshiftCluster",
        severity: Medium,
        security_hub: "Redshift.7",
        practice: "SEC05-BP02",
        rationale: "With enhanced VPC routing, COPY and UNLOAD traffic stays in the VPC \
            where endpoint policies, flow logs and security groups see it.",
        remediation: "Turn on enhanced VPC routing and add an S3 gateway endpoint.",
        cli: "aws redshift modify-cluster --cluster-identifier <cluster> --enhanced-vpc-routing",
        each: enhanced_vpc_routing,
    }
    "redshift.cluster_default_admin" {
        title: "Redshift cluster does not use the default admin user name",
        resource: "AwsRedshiftCluster",
        severity: Medium,
        security_hub: "Redshift.8",
        practice: "SEC03-BP01",
        rationale: "`awsuser` is the first name a password-guessing attempt tries.",
        remediation: "Create the cluster (or a restore of it) with a custom admin user name.",
        cli: "aws redshift restore-from-cluster-snapshot --cluster-identifier <new-cluster> --snapshot-identifier <snapshot> --master-username <admin-name>",
        each: default_admin,
    }
    "redshift.cluster_managed_admin_password" {
        title: "Redshift admin password is managed in Secrets Manager",
        resource: "AwsRedshiftCluster",
        severity: Low,
        practice: "SEC02-BP03",
        rationale: "An admin password Redshift keeps in Secrets Manager is rotated for \
            you and never appears in a template, a pipeline variable or a wiki.",
        remediation: "Let Redshift manage the admin password in Secrets Manager.",
        cli: "aws redshift modify-cluster --cluster-identifier <cluster> --manage-master-password",
        each: managed_admin_password,
    }
}

fn managed_admin_password(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    match &c.master_password_secret_arn {
        Some(arn) => pass(format!("the admin password is kept in {arn}")),
        None => fail(
            "the admin password is not managed in Secrets Manager (no MasterPasswordSecretArn)",
        ),
    }
}

fn public_access(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    if *c.publicly_accessible.get()? {
        fail("cluster is publicly accessible")
    } else {
        pass("cluster is not publicly accessible")
    }
}

fn encrypted(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    if *c.encrypted.get()? {
        pass(format!(
            "encrypted{}",
            c.kms_key_id
                .as_ref()
                .map(|k| format!(" with {k}"))
                .unwrap_or_default()
        ))
    } else {
        fail("cluster is not encrypted at rest")
    }
}

fn audit_logging(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    let logging = c.audit_logging.get()?;
    if logging.enabled {
        pass(format!(
            "audit logging to {}",
            logging.destination.as_deref().unwrap_or("s3")
        ))
    } else {
        fail("audit logging is off")
    }
}

fn auto_upgrade(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    if *c.allow_version_upgrade.get()? {
        pass(format!(
            "version upgrades allowed{}",
            c.preferred_maintenance_window
                .as_ref()
                .map(|w| format!(" (window {w})"))
                .unwrap_or_default()
        ))
    } else {
        fail("AllowVersionUpgrade is false")
    }
}

fn enhanced_vpc_routing(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    if *c.enhanced_vpc_routing.get()? {
        pass("enhanced VPC routing is on")
    } else {
        fail("EnhancedVpcRouting is false")
    }
}

fn default_admin(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    if c.master_username.get()? == "awsuser" {
        fail("master user name is the default `awsuser`")
    } else {
        pass("master user name is not the default")
    }
}

fn require_ssl(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    parameter_on(c, "require_ssl")
}

fn user_activity_logging(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    parameter_on(c, "enable_user_activity_logging")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn check(id: &str, cluster: RedshiftCluster) -> Option<crate::findings::finding::Status> {
        cluster_verdict(id, cluster).map(|(s, _)| s)
    }

    #[test]
    fn a_well_kept_cluster_passes_every_check() {
        for c in CHECKS {
            assert_eq!(check(c.id, good_cluster("c")), Some(Pass), "{}", c.id);
        }
    }

    #[test]
    fn each_attribute_fails_its_check() {
        let mut c = good_cluster("c");
        c.publicly_accessible = Observed::Known(true);
        assert_eq!(check("redshift.cluster_public_access", c), Some(Fail));
        let mut c = good_cluster("c");
        c.encrypted = Observed::Known(false);
        assert_eq!(check("redshift.cluster_encrypted", c), Some(Fail));
        let mut c = good_cluster("c");
        c.allow_version_upgrade = Observed::Known(false);
        assert_eq!(check("redshift.cluster_auto_upgrade", c), Some(Fail));
        let mut c = good_cluster("c");
        c.enhanced_vpc_routing = Observed::Known(false);
        assert_eq!(
            check("redshift.cluster_enhanced_vpc_routing", c),
            Some(Fail)
        );
        let mut c = good_cluster("c");
        c.master_username = Observed::Known("awsuser".into());
        assert_eq!(check("redshift.cluster_default_admin", c), Some(Fail));
        let mut c = good_cluster("c");
        c.audit_logging = Observed::Known(RedshiftLogging::default());
        assert_eq!(check("redshift.cluster_audit_logging", c), Some(Fail));
        let mut c = good_cluster("c");
        c.master_password_secret_arn = None;
        assert_eq!(
            check("redshift.cluster_managed_admin_password", c),
            Some(Fail)
        );
    }

    /// Its input is a field DescribeClusters always carries: what it cannot
    /// see is a region whose clusters could not be listed.
    #[test]
    fn managed_admin_password_unknown_when_clusters_are_unlisted() {
        let mut inv = inventory(vec![]);
        inv.redshift = Some(RedshiftInventory {
            regions: vec![RedshiftRegion {
                region: "us-east-1".into(),
                clusters: vec![],
            }],
        });
        inv.scan.gaps.push(Gap {
            account_id: None,
            service: Service::Redshift,
            region: Some("us-east-1".into()),
            reason: denied("redshift:DescribeClusters"),
            checks: vec!["redshift.*".into()],
        });
        let selection = crate::Selection {
            checks: vec!["redshift.cluster_managed_admin_password".into()],
            ..Default::default()
        };
        let findings = crate::evaluate(&inv, &crate::Config::default(), &selection);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].status, Unknown);
        assert_eq!(
            findings[0].reason.as_deref(),
            Some("access denied: redshift:DescribeClusters")
        );
    }

    /// moto cannot seed require_ssl=true (ModifyClusterParameterGroup is not
    /// implemented there), so the PASS side of the parameter checks lives here.
    #[test]
    fn parameter_group_settings() {
        for (id, name) in [
            ("redshift.cluster_require_ssl", "require_ssl"),
            (
                "redshift.cluster_user_activity_logging",
                "enable_user_activity_logging",
            ),
        ] {
            let mut c = good_cluster("c");
            if let Observed::Known(p) = &mut c.parameters {
                p.insert(name.into(), "false".into());
            }
            assert_eq!(check(id, c), Some(Fail), "{id}");
            let mut c = good_cluster("c");
            if let Observed::Known(p) = &mut c.parameters {
                p.remove(name);
            }
            // One rule for every parameter: absent from the group's answer is
            // not observed, never its documented default.
            assert_eq!(check(id, c), Some(Unknown), "{id}");
            let mut c = good_cluster("c");
            c.parameters = Observed::Unknown(denied("redshift:DescribeClusterParameters"));
            assert_eq!(check(id, c), Some(Unknown), "{id}");
        }
    }

    #[test]
    fn logging_unknown_when_unreadable() {
        let mut c = good_cluster("c");
        c.audit_logging = Observed::Unknown(denied("redshift:DescribeLoggingStatus"));
        assert_eq!(check("redshift.cluster_audit_logging", c), Some(Unknown));
    }
}
