//! The RDS and Aurora checks of this pillar, judged where the setting lives:
//! on DB clusters, and on instances outside any cluster.

use crate::engine::check::{Context, Judgement};
use crate::findings::finding::{fail, pass};
use crate::model::DbSettings;
use crate::services::rds::settings::each_db_settings;

crate::checks! {
    "rds.multi_az" {
        title: "RDS database runs in more than one availability zone",
        resource: "AwsRdsDbInstance",
        severity: Medium,
        security_hub: "RDS.5",
        practice: "REL10-BP01",
        rationale: "A database in one availability zone is down for as long as that zone \
            is, and a failover to a standby takes a minute where a restore takes hours.",
        remediation: "Turn on Multi-AZ for an instance; add a reader in another zone to an \
            Aurora cluster.",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --multi-az --apply-immediately",
        judge: multi_az,
    }
    "rds.backup_retention" {
        title: "RDS automated backups are kept long enough",
        resource: "AwsRdsDbInstance",
        severity: Medium,
        security_hub: "RDS.11",
        practice: "REL09-BP03",
        rationale: "Automated backups bound how far back a database can be restored; a \
            problem noticed after the retention window cannot be undone.",
        remediation: "Keep automated backups for at least the configured number of days (default 7).",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --backup-retention-period 7",
        judge: backup_retention,
    }
    "rds.deletion_protection" {
        title: "RDS database is protected from deletion",
        resource: "AwsRdsDbInstance",
        severity: Low,
        practice: "REL09-BP01",
        rationale: "Deletion protection stops a mistaken delete, by hand or by an \
            infrastructure change, from taking the database with it.",
        remediation: "Turn on deletion protection.",
        cli: "aws rds modify-db-instance --db-instance-identifier <instance> --deletion-protection",
        judge: deletion_protection,
    }
}

fn multi_az(cx: &Context) -> Vec<Judgement> {
    each_db_settings(cx, |s: &DbSettings, _| {
        if *s.multi_az.get()? {
            pass("runs in more than one availability zone")
        } else {
            fail("runs in one availability zone")
        }
    })
}

fn backup_retention(cx: &Context) -> Vec<Judgement> {
    each_db_settings(cx, |s: &DbSettings, cx| {
        let days = *s.backup_retention_days.get()?;
        let min = cx.config.rds.min_backup_retention_days;
        if days >= 0 && days as u32 >= min {
            pass(format!("automated backups are kept {days} days"))
        } else {
            fail(format!(
                "automated backups are kept {days} days, under {min}"
            ))
        }
    })
}

fn deletion_protection(cx: &Context) -> Vec<Judgement> {
    each_db_settings(cx, |s: &DbSettings, _| {
        if *s.deletion_protection.get()? {
            pass("deletion protection is on")
        } else {
            fail("deletion protection is off")
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn instances_and_clusters_both_ways() {
        let mut single = good_db_instance("single");
        single.settings.multi_az = Observed::Known(false);
        single.settings.backup_retention_days = Observed::Known(1);
        single.settings.deletion_protection = Observed::Known(false);
        let mut one_zone = good_db_cluster("aurora");
        one_zone.settings.multi_az = Observed::Known(false);
        let region = rds_region(vec![good_db_instance("multi"), single], vec![one_zone]);
        let inv = with_rds(inventory(vec![]), region);
        let verdicts = |id: &str| -> Vec<(String, crate::findings::finding::Status)> {
            run(id, &inv).into_iter().map(|(r, s, _)| (r, s)).collect()
        };
        assert_eq!(
            verdicts("rds.multi_az"),
            [
                ("aurora".into(), Fail),
                ("multi".into(), Pass),
                ("single".into(), Fail)
            ]
        );
        assert_eq!(
            verdicts("rds.backup_retention"),
            [
                ("aurora".into(), Pass),
                ("multi".into(), Pass),
                ("single".into(), Fail)
            ]
        );
        assert_eq!(
            verdicts("rds.deletion_protection"),
            [
                ("aurora".into(), Pass),
                ("multi".into(), Pass),
                ("single".into(), Fail)
            ]
        );
        let mut config = crate::findings::config::Config::default();
        config.rds.min_backup_retention_days = 14;
        let strict = run_with("rds.backup_retention", &inv, &config);
        assert!(strict.iter().all(|(_, s, _)| *s == Fail), "{strict:?}");
    }

    #[test]
    fn unknown_settings() {
        let mut i = good_db_instance("i");
        i.settings.multi_az = Observed::Unknown(denied("rds:DescribeDBInstances"));
        let inv = with_rds(inventory(vec![]), rds_region(vec![i], vec![]));
        assert_eq!(run("rds.multi_az", &inv)[0].1, Unknown);
    }
}
