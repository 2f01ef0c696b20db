//! The Redshift checks of this pillar.

use crate::catalog::{Check, CheckMeta, Context, RemediationMeta};
use crate::finding::{fail, pass, Judged, Pillar, Severity};
use crate::model::RedshiftCluster;
use crate::pillars::per_redshift_cluster;

use Pillar::*;

/// A Redshift check that reads one boolean attribute of the cluster.
struct Flag {
    id: &'static str,
    title: &'static str,
    severity: Severity,
    pillars: &'static [Pillar],
    rationale: &'static str,
    text: &'static str,
    cli: &'static str,
    terraform: &'static str,
    wa: &'static str,
    sh: Option<&'static str>,
}

impl Flag {
    fn meta(&self) -> CheckMeta {
        CheckMeta {
            id: self.id,
            title: self.title,
            service: "redshift",
            resource_type: "AwsRedshiftCluster",
            pillar: self.pillars[0],
            pillars: self.pillars,
            severity: self.severity,
            rationale: self.rationale,
            remediation: RemediationMeta {
                text: self.text,
                cli: self.cli,
                terraform: self.terraform,
            },
            wa_best_practice: self.wa,
            security_hub_control: self.sh,
        }
    }
}

pub fn checks() -> Vec<Check> {
    vec![
        Check {
            meta: Flag {
                id: "redshift.cluster_public_access",
                title: "Redshift cluster is not publicly accessible",
                severity: Severity::Critical,
                pillars: &[Security],
                rationale: "A publicly accessible cluster gets a public IP; the warehouse is then \
                    one security-group rule away from the internet.",
                text: "Turn off public accessibility; reach the cluster through the VPC, a VPN \
                    or a Redshift-managed VPC endpoint.",
                cli: "aws redshift modify-cluster --cluster-identifier <cluster> --no-publicly-accessible",
                terraform: "resource \"aws_redshift_cluster\" \"this\" {\n  # …\n  publicly_accessible = false\n}",
                wa: "SEC05-BP02",
                sh: Some("Redshift.1"),
            }
            .meta(),
            judge: |cx| {
                per_redshift_cluster(cx, |c: &RedshiftCluster, _: &Context| {
                    if c.publicly_accessible {
                        fail("cluster is publicly accessible")
                    } else {
                        pass("cluster is not publicly accessible")
                    }
                })
            },
        },
        Check {
            meta: Flag {
                id: "redshift.cluster_encrypted",
                title: "Redshift cluster is encrypted at rest",
                severity: Severity::High,
                pillars: &[Security],
                rationale: "An unencrypted cluster leaves its blocks and snapshots readable to \
                    anyone who obtains the storage or a shared snapshot.",
                text: "Encrypt the cluster with a KMS key (modify-cluster migrates it in place).",
                cli: "aws redshift modify-cluster --cluster-identifier <cluster> --encrypted --kms-key-id <key-arn>",
                terraform: "resource \"aws_redshift_cluster\" \"this\" {\n  # …\n  encrypted  = true\n  kms_key_id = aws_kms_key.this.arn\n}",
                wa: "SEC08-BP02",
                sh: Some("Redshift.10"),
            }
            .meta(),
            judge: |cx| {
                per_redshift_cluster(cx, |c: &RedshiftCluster, _: &Context| {
                    if c.encrypted {
                        pass(format!(
                            "encrypted{}",
                            c.kms_key_id.as_ref().map(|k| format!(" with {k}")).unwrap_or_default()
                        ))
                    } else {
                        fail("cluster is not encrypted at rest")
                    }
                })
            },
        },
        Check {
            meta: Flag {
                id: "redshift.cluster_require_ssl",
                title: "Redshift cluster requires TLS connections",
                severity: Severity::Medium,
                pillars: &[Security],
                rationale: "Unless require_ssl is on, clients may send queries, credentials and \
                    results over plain text.",
                text: "Set require_ssl to true in a custom parameter group attached to the cluster.",
                cli: "aws redshift modify-cluster-parameter-group --parameter-group-name <group> --parameters ParameterName=require_ssl,ParameterValue=true",
                terraform: "resource \"aws_redshift_parameter_group\" \"this\" {\n  name   = \"<group>\"\n  family = \"redshift-1.0\"\n  parameter {\n    name  = \"require_ssl\"\n    value = \"true\"\n  }\n}",
                wa: "SEC09-BP02",
                sh: Some("Redshift.2"),
            }
            .meta(),
            judge: |cx| per_redshift_cluster(cx, |c, _| parameter_on(c, "require_ssl")),
        },
        Check {
            meta: Flag {
                id: "redshift.cluster_audit_logging",
                title: "Redshift cluster audit logging is on",
                severity: Severity::Medium,
                pillars: &[Security, OperationalExcellence],
                rationale: "Connection and user logs are the record of who reached the warehouse \
                    and when.",
                text: "Enable audit logging to S3 or CloudWatch Logs.",
                cli: "aws redshift enable-logging --cluster-identifier <cluster> --log-destination-type cloudwatch --log-exports connectionlog userlog useractivitylog",
                terraform: "resource \"aws_redshift_logging\" \"this\" {\n  cluster_identifier   = aws_redshift_cluster.this.id\n  log_destination_type = \"cloudwatch\"\n  log_exports          = [\"connectionlog\", \"userlog\", \"useractivitylog\"]\n}",
                wa: "SEC04-BP01",
                sh: Some("Redshift.4"),
            }
            .meta(),
            judge: |cx| {
                per_redshift_cluster(cx, |c: &RedshiftCluster, _: &Context| {
                    let logging = c.audit_logging.get()?;
                    if logging.enabled {
                        pass(format!(
                            "audit logging to {}",
                            logging.destination.as_deref().unwrap_or("s3")
                        ))
                    } else {
                        fail("audit logging is off")
                    }
                })
            },
        },
        Check {
            meta: Flag {
                id: "redshift.cluster_user_activity_logging",
                title: "Redshift cluster logs user activity",
                severity: Severity::Low,
                pillars: &[Security],
                rationale: "Only the user activity log records each query before it runs, which \
                    is what an investigation of data access needs.",
                text: "Set enable_user_activity_logging to true in the cluster's parameter group \
                    (with audit logging on).",
                cli: "aws redshift modify-cluster-parameter-group --parameter-group-name <group> --parameters ParameterName=enable_user_activity_logging,ParameterValue=true",
                terraform: "resource \"aws_redshift_parameter_group\" \"this\" {\n  name   = \"<group>\"\n  family = \"redshift-1.0\"\n  parameter {\n    name  = \"enable_user_activity_logging\"\n    value = \"true\"\n  }\n}",
                wa: "SEC04-BP01",
                sh: None,
            }
            .meta(),
            judge: |cx| {
                per_redshift_cluster(cx, |c, _| parameter_on(c, "enable_user_activity_logging"))
            },
        },
        Check {
            meta: Flag {
                id: "redshift.cluster_auto_upgrade",
                title: "Redshift cluster takes engine upgrades automatically",
                severity: Severity::Medium,
                pillars: &[Security],
                rationale: "Version upgrades carry security fixes; a cluster that refuses them \
                    falls behind until someone remembers.",
                text: "Allow version upgrades during the maintenance window.",
                cli: "aws redshift modify-cluster --cluster-identifier <cluster> --allow-version-upgrade",
                terraform: "resource \"aws_redshift_cluster\" \"this\" {\n  # …\n  allow_version_upgrade = true\n}",
                wa: "SEC06-BP01",
                sh: Some("Redshift.6"),
            }
            .meta(),
            judge: |cx| {
                per_redshift_cluster(cx, |c: &RedshiftCluster, _: &Context| {
                    if c.allow_version_upgrade {
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
                })
            },
        },
        Check {
            meta: Flag {
                id: "redshift.cluster_enhanced_vpc_routing",
                title: "Redshift cluster uses enhanced VPC routing",
                severity: Severity::Medium,
                pillars: &[Security],
                rationale: "With enhanced VPC routing, COPY and UNLOAD traffic stays in the VPC \
                    where endpoint policies, flow logs and security groups see it.",
                text: "Turn on enhanced VPC routing and add an S3 gateway endpoint.",
                cli: "aws redshift modify-cluster --cluster-identifier <cluster> --enhanced-vpc-routing",
                terraform: "resource \"aws_redshift_cluster\" \"this\" {\n  # …\n  enhanced_vpc_routing = true\n}",
                wa: "SEC05-BP02",
                sh: Some("Redshift.7"),
            }
            .meta(),
            judge: |cx| {
                per_redshift_cluster(cx, |c: &RedshiftCluster, _: &Context| {
                    if c.enhanced_vpc_routing {
                        pass("enhanced VPC routing is on")
                    } else {
                        fail("EnhancedVpcRouting is false")
                    }
                })
            },
        },
        Check {
            meta: Flag {
                id: "redshift.cluster_default_admin",
                title: "Redshift cluster does not use the default admin user name",
                severity: Severity::Medium,
                pillars: &[Security],
                rationale: "`awsuser` is the first name a password-guessing attempt tries.",
                text: "Create the cluster (or a restore of it) with a custom admin user name.",
                cli: "aws redshift restore-from-cluster-snapshot --cluster-identifier <new-cluster> --snapshot-identifier <snapshot> --master-username <admin-name>",
                terraform: "resource \"aws_redshift_cluster\" \"this\" {\n  # …\n  master_username = \"<admin-name>\"\n}",
                wa: "SEC03-BP01",
                sh: Some("Redshift.8"),
            }
            .meta(),
            judge: |cx| {
                per_redshift_cluster(cx, |c: &RedshiftCluster, _: &Context| {
                    if c.master_username == "awsuser" {
                        fail("master user name is the default `awsuser`")
                    } else {
                        pass("master user name is not the default")
                    }
                })
            },
        },
    ]
}

fn parameter_on(cluster: &RedshiftCluster, name: &str) -> Judged {
    let value = cluster.parameters.get()?.get(name).map(String::as_str);
    match value {
        Some(v) if v.eq_ignore_ascii_case("true") => {
            pass(format!("{name} is true in `{}`", cluster.parameter_group))
        }
        other => fail(format!(
            "{name} is {} in `{}`",
            other.unwrap_or("unset"),
            cluster.parameter_group
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Status::*;
    use crate::model::*;
    use crate::pillars::testing::*;

    fn check(id: &str, cluster: RedshiftCluster) -> Option<crate::finding::Status> {
        cluster_verdict(checks(), id, cluster).map(|(s, _)| s)
    }

    #[test]
    fn a_well_kept_cluster_passes_every_check() {
        for c in checks() {
            assert_eq!(
                check(c.meta.id, good_cluster("c")),
                Some(Pass),
                "{}",
                c.meta.id
            );
        }
    }

    #[test]
    fn each_attribute_fails_its_check() {
        let mut c = good_cluster("c");
        c.publicly_accessible = true;
        assert_eq!(check("redshift.cluster_public_access", c), Some(Fail));
        let mut c = good_cluster("c");
        c.encrypted = false;
        assert_eq!(check("redshift.cluster_encrypted", c), Some(Fail));
        let mut c = good_cluster("c");
        c.allow_version_upgrade = false;
        assert_eq!(check("redshift.cluster_auto_upgrade", c), Some(Fail));
        let mut c = good_cluster("c");
        c.enhanced_vpc_routing = false;
        assert_eq!(
            check("redshift.cluster_enhanced_vpc_routing", c),
            Some(Fail)
        );
        let mut c = good_cluster("c");
        c.master_username = "awsuser".into();
        assert_eq!(check("redshift.cluster_default_admin", c), Some(Fail));
        let mut c = good_cluster("c");
        c.audit_logging = Observed::Known(RedshiftLogging::default());
        assert_eq!(check("redshift.cluster_audit_logging", c), Some(Fail));
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
            assert_eq!(check(id, c), Some(Fail), "{id}");
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
