//! The Redshift checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::interpret::generations::is_current_redshift_node;
use crate::model::{RedshiftCluster, RedshiftRegion, Unobserved};

crate::checks! {
    "redshift.cluster_snapshot_retention" {
        title: "Redshift cluster keeps automated snapshots for at least a week",
        resource: "AwsRedshiftCluster",
        severity: Medium,
        security_hub: "Redshift.3",
        practice: "REL09-BP03",
        rationale: "Automated snapshots are the point-in-time restore of the warehouse; \
            a day or two is shorter than most bad loads go unnoticed.",
        remediation: "Keep automated snapshots for 7 days or more.",
        cli: "aws redshift modify-cluster --cluster-identifier <cluster> --automated-snapshot-retention-period 7",
        each: snapshot_retention,
    }
    "redshift.cluster_multi_az" {
        title: "RA3 Redshift cluster is deployed across availability zones",
        resource: "AwsRedshiftCluster",
        severity: Medium,
        security_hub: "Redshift.18",
        practice: "REL10-BP01",
        rationale: "A single-AZ cluster is down for as long as its zone is; Multi-AZ \
            keeps a standby in a second zone.",
        remediation: "Turn on Multi-AZ for the RA3 cluster.",
        cli: "aws redshift modify-cluster --cluster-identifier <cluster> --multi-az",
        each: multi_az,
    }
    "redshift.cluster_cross_region_snapshots" {
        title: "Redshift cluster copies snapshots to another region",
        resource: "AwsRedshiftCluster",
        severity: Low,
        practice: "REL13-BP02",
        rationale: "Snapshots in the cluster's own region are lost with the region; a \
            copy elsewhere is the disaster-recovery path.",
        remediation: "Enable automatic cross-region snapshot copy.",
        cli: "aws redshift enable-snapshot-copy --cluster-identifier <cluster> --destination-region <region> --retention-period 7",
        each: cross_region_snapshots,
    }
}

fn cross_region_snapshots(c: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    // DescribeClusters omits ClusterSnapshotCopyStatus when copy is off.
    match &c.snapshot_copy_region {
        Some(region) => pass(format!("snapshots are copied to {region}")),
        None => fail("no cross-region snapshot copy"),
    }
}

fn snapshot_retention(cluster: &RedshiftCluster, _: &RedshiftRegion, cx: &Context) -> Judged {
    let days = *cluster.automated_snapshot_retention_days.get()?;
    let minimum = cx.config.redshift.min_snapshot_retention_days;
    match days {
        0 => fail("automated snapshots are off"),
        d if d < minimum => fail(format!(
            "automated snapshots kept {d} day(s), under {minimum}"
        )),
        d => pass(format!("automated snapshots kept {d} days")),
    }
}

fn multi_az(cluster: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    // Multi-AZ exists for RA3 node types only.
    if is_current_redshift_node(cluster.node_type.get()?) != Some(true) {
        return not_applicable();
    }
    match cluster.multi_az.as_deref() {
        Some(m) if m.eq_ignore_ascii_case("enabled") => pass("Multi-AZ is enabled"),
        Some(m) => fail(format!(
            "RA3 cluster in a single availability zone (Multi-AZ {m})"
        )),
        None => Err(Unobserved::not_reported(
            "redshift:DescribeClusters",
            "MultiAZ",
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::config::Config;
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    fn check(id: &str, cluster: RedshiftCluster) -> Option<crate::findings::finding::Status> {
        cluster_verdict(id, cluster).map(|(s, _)| s)
    }

    /// moto stores a retention of 0 as 1, so "snapshots off" is covered here.
    #[test]
    fn snapshot_retention() {
        let id = "redshift.cluster_snapshot_retention";
        assert_eq!(check(id, good_cluster("c")), Some(Pass));
        for days in [0, 1, 6] {
            let mut c = good_cluster("c");
            c.automated_snapshot_retention_days = Observed::Known(days);
            assert_eq!(check(id, c), Some(Fail), "{days}");
        }
        let mut config = Config::default();
        config.redshift.min_snapshot_retention_days = 14;
        let mut inv = inventory(vec![]);
        inv.redshift = Some(RedshiftInventory {
            regions: vec![RedshiftRegion {
                region: "us-east-1".into(),
                clusters: vec![good_cluster("c")],
            }],
        });
        assert_eq!(run_with(id, &inv, &config)[0].1, Fail);
    }

    #[test]
    fn multi_az_for_ra3_only() {
        let id = "redshift.cluster_multi_az";
        let mut c = good_cluster("c");
        c.multi_az = Some("Disabled".into());
        assert_eq!(check(id, c.clone()), Some(Fail));
        c.multi_az = Some("Enabled".into());
        assert_eq!(check(id, c.clone()), Some(Pass));
        c.multi_az = None;
        assert_eq!(check(id, c.clone()), Some(Unknown));
        c.node_type = Observed::Known("dc2.large".into());
        assert_eq!(check(id, c), None);
    }

    #[test]
    fn cross_region_snapshots() {
        let id = "redshift.cluster_cross_region_snapshots";
        let mut c = good_cluster("c");
        c.snapshot_copy_region = None;
        assert_eq!(check(id, c), Some(Fail));
    }
}
