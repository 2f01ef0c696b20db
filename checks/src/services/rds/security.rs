//! The RDS and Aurora checks of this pillar. Settings a DB cluster keeps
//! (encryption, logs, IAM authentication, the master password) are judged on
//! the cluster, and on instances outside any cluster.

use crate::engine::check::{Context, Judgement};
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::DbSettings;
use crate::services::rds::settings::{each_db_settings, each_instance_level, InstanceLevel};

crate::checks! {
    "rds.instance_public_access" {
        title: "RDS instance is not publicly accessible",
        resource: "AwsRdsDbInstance",
        severity: Critical,
        security_hub: "RDS.2",
        practice: "SEC05-BP02",
        rationale: "A publicly accessible instance has a public DNS name and address; \
            the database is then one security-group rule away from the internet.",
        remediation: "Turn off public accessibility; reach the database from inside the VPC.",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --no-publicly-accessible --apply-immediately",
        judge: public_access,
    }
    "rds.storage_encrypted" {
        title: "RDS storage is encrypted at rest",
        resource: "AwsRdsDbInstance",
        severity: High,
        security_hub: "RDS.3",
        practice: "SEC08-BP02",
        rationale: "Unencrypted storage leaves the data, its logs, backups and snapshots \
            readable to anyone who obtains a copy.",
        remediation: "Restore an encrypted copy of a snapshot and move to it (storage \
            encryption cannot be turned on in place).",
        cli: "aws rds copy-db-snapshot --source-db-snapshot-identifier <snapshot> --target-db-snapshot-identifier <snapshot>-encrypted --kms-key-id <key-arn>",
        judge: storage_encrypted,
    }
    "rds.log_exports" {
        title: "RDS database exports its logs to CloudWatch Logs",
        resource: "AwsRdsDbInstance",
        severity: Medium,
        also: [OperationalExcellence],
        practice: "SEC04-BP01",
        rationale: "Without log exports, the database's audit, error and slow-query logs \
            stay on the instance and rotate away: there is no audit trail of data access.",
        remediation: "Export the engine's logs (audit, error, postgresql, …) to CloudWatch Logs.",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --cloudwatch-logs-export-configuration '{\"EnableLogTypes\":[\"postgresql\"]}'",
        judge: log_exports,
    }
    "rds.auto_minor_upgrade" {
        title: "RDS instance takes minor engine upgrades automatically",
        resource: "AwsRdsDbInstance",
        severity: Medium,
        security_hub: "RDS.13",
        practice: "SEC06-BP01",
        rationale: "Minor versions carry security fixes; an instance that refuses them \
            falls behind until someone remembers.",
        remediation: "Turn on automatic minor version upgrades.",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --auto-minor-version-upgrade",
        judge: auto_minor_upgrade,
    }
    "rds.iam_authentication" {
        title: "RDS database accepts IAM authentication",
        resource: "AwsRdsDbInstance",
        severity: Low,
        practice: "SEC02-BP02",
        rationale: "IAM authentication replaces long-lived database passwords in \
            pipelines with 15-minute tokens tied to a role.",
        remediation: "Turn on IAM database authentication (MySQL, MariaDB, PostgreSQL and Aurora).",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --enable-iam-database-authentication",
        judge: iam_authentication,
    }
    "rds.managed_master_password" {
        title: "RDS master password is managed in Secrets Manager",
        resource: "AwsRdsDbInstance",
        severity: Low,
        practice: "SEC02-BP03",
        rationale: "A master password RDS keeps in Secrets Manager is rotated for you and \
            never appears in a template, a pipeline variable or a wiki.",
        remediation: "Let RDS manage the master password in Secrets Manager.",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --manage-master-user-password",
        judge: managed_master_password,
    }
}

fn public_access(cx: &Context) -> Vec<Judgement> {
    each_instance_level(cx, |i, _| {
        if *i.publicly_accessible.get()? {
            fail("instance is publicly accessible")
        } else {
            pass("instance is not publicly accessible")
        }
    })
}

fn auto_minor_upgrade(cx: &Context) -> Vec<Judgement> {
    each_instance_level(cx, |i, _| minor_upgrade(i))
}

fn minor_upgrade(i: &InstanceLevel) -> Judged {
    if *i.auto_minor_upgrade.get()? {
        pass("minor version upgrades are automatic")
    } else {
        fail("AutoMinorVersionUpgrade is false")
    }
}

fn storage_encrypted(cx: &Context) -> Vec<Judgement> {
    each_db_settings(cx, |s: &DbSettings, _| {
        if *s.storage_encrypted.get()? {
            pass(format!(
                "storage is encrypted{}",
                s.kms_key_id
                    .as_ref()
                    .map(|k| format!(" with {k}"))
                    .unwrap_or_default()
            ))
        } else {
            fail("storage is not encrypted")
        }
    })
}

fn log_exports(cx: &Context) -> Vec<Judgement> {
    each_db_settings(cx, |s: &DbSettings, _| {
        if s.log_exports.is_empty() {
            fail("no logs are exported to CloudWatch Logs")
        } else {
            pass(format!(
                "exports {} to CloudWatch Logs",
                s.log_exports.join(", ")
            ))
        }
    })
}

/// Engines that accept IAM database authentication.
fn accepts_iam_authentication(engine: &str) -> bool {
    ["mysql", "mariadb", "postgres", "aurora"]
        .iter()
        .any(|family| engine.starts_with(family))
}

fn iam_authentication(cx: &Context) -> Vec<Judgement> {
    each_db_settings(cx, |s: &DbSettings, _| {
        if !accepts_iam_authentication(s.engine.get()?) {
            return not_applicable();
        }
        if *s.iam_authentication.get()? {
            pass("IAM database authentication is on")
        } else {
            fail("IAM database authentication is off")
        }
    })
}

fn managed_master_password(cx: &Context) -> Vec<Judgement> {
    each_db_settings(cx, |s: &DbSettings, _| match &s.master_user_secret {
        Some(secret) => pass(format!("the master password is kept in {}", secret.arn)),
        None => fail("the master password is not managed in Secrets Manager (no MasterUserSecret)"),
    })
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::{self, *};
    use crate::model::*;
    use crate::testing::*;

    const IDS: [&str; 6] = [
        "rds.instance_public_access",
        "rds.storage_encrypted",
        "rds.log_exports",
        "rds.auto_minor_upgrade",
        "rds.iam_authentication",
        "rds.managed_master_password",
    ];

    fn by_resource(id: &str, region: RdsRegion) -> Vec<(String, Status)> {
        let mut out: Vec<_> = run(id, &with_rds(inventory(vec![]), region))
            .into_iter()
            .map(|(r, s, _)| (r, s))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_well_kept_instance_passes_and_a_neglected_one_fails() {
        let mut bad = good_db_instance("bad");
        bad.publicly_accessible = Observed::Known(true);
        bad.auto_minor_upgrade = Observed::Known(false);
        bad.settings.storage_encrypted = Observed::Known(false);
        bad.settings.log_exports.clear();
        bad.settings.iam_authentication = Observed::Known(false);
        bad.settings.master_user_secret = None;
        let region = rds_region(vec![good_db_instance("good"), bad], vec![]);
        for id in IDS {
            assert_eq!(
                by_resource(id, region.clone()),
                [("bad".to_string(), Fail), ("good".to_string(), Pass)],
                "{id}"
            );
        }
    }

    #[test]
    fn cluster_settings_are_judged_on_the_cluster() {
        let mut member = good_db_instance("aurora-a");
        member.cluster = Some("aurora".into());
        member.settings.storage_encrypted = Observed::Known(false);
        let mut cluster = good_db_cluster("aurora");
        cluster.settings.iam_authentication = Observed::Known(false);
        let region = rds_region(vec![member], vec![cluster]);
        assert_eq!(
            by_resource("rds.storage_encrypted", region.clone()),
            [("aurora".to_string(), Pass)]
        );
        assert_eq!(
            by_resource("rds.iam_authentication", region.clone()),
            [("aurora".to_string(), Fail)]
        );
        // Instance settings stay on the instance.
        assert_eq!(
            by_resource("rds.instance_public_access", region),
            [("aurora-a".to_string(), Pass)]
        );
    }

    #[test]
    fn unknown_inputs_and_engines_without_iam_authentication() {
        let mut i = good_db_instance("i");
        i.publicly_accessible = Observed::Unknown(denied("rds:DescribeDBInstances"));
        i.settings.storage_encrypted = Observed::Unknown(denied("rds:DescribeDBInstances"));
        let region = rds_region(vec![i], vec![]);
        for id in ["rds.instance_public_access", "rds.storage_encrypted"] {
            assert_eq!(
                by_resource(id, region.clone()),
                [("i".to_string(), Unknown)],
                "{id}"
            );
        }
        let mut oracle = good_db_instance("ora");
        oracle.settings.engine = Observed::Known("oracle-ee".into());
        oracle.settings.iam_authentication = Observed::Known(false);
        assert!(by_resource("rds.iam_authentication", rds_region(vec![oracle], vec![])).is_empty());
        // An engine not reported is not an engine without IAM authentication.
        let mut unnamed = good_db_instance("u");
        unnamed.settings.engine = Observed::Unknown(Unobserved::not_reported(
            "rds:DescribeDBInstances",
            "Engine",
        ));
        assert_eq!(
            by_resource("rds.iam_authentication", rds_region(vec![unnamed], vec![])),
            [("u".to_string(), Unknown)]
        );
    }

    /// A Multi-AZ DB cluster sets its instances' public access and minor
    /// upgrades: one verdict for the cluster, none for each member; an Aurora
    /// cluster's instances keep their own.
    #[test]
    fn multi_az_db_clusters_are_judged_once() {
        let mut maz = good_db_cluster("maz");
        maz.settings.engine = Observed::Known("postgres".into());
        maz.instance_settings = Some(InstanceSettings {
            class: Observed::Known("db.m4.large".into()),
            publicly_accessible: Observed::Known(true),
            auto_minor_upgrade: Observed::Known(false),
        });
        let member = |id: &str, cluster: &str| {
            let mut i = good_db_instance(id);
            i.cluster = Some(cluster.into());
            i
        };
        let aurora = good_db_cluster("aur");
        let region = rds_region(
            vec![
                member("maz-1", "maz"),
                member("maz-2", "maz"),
                member("aur-1", "aur"),
            ],
            vec![maz, aurora],
        );
        for (id, maz_status) in [
            ("rds.instance_public_access", Fail),
            ("rds.auto_minor_upgrade", Fail),
            ("rds.current_generation", Fail),
        ] {
            assert_eq!(
                by_resource(id, region.clone()),
                [("aur-1".to_string(), Pass), ("maz".to_string(), maz_status)],
                "{id}"
            );
        }
    }
}
