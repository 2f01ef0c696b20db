//! The EMR checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{EmrCluster, EmrRegion, Market};

crate::checks! {
    "emr.cluster_spot_usage" {
        title: "EMR task capacity uses Spot instances",
        resource: "AwsEmrCluster",
        severity: Medium,
        practice: "COST07-BP01",
        rationale: "Task nodes hold no HDFS data, so losing one costs a retried task; on \
            Spot they cost up to 90% less.",
        remediation: "Run task instance groups (or the task fleet's capacity) on Spot, with \
            several instance types.",
        cli: "aws emr add-instance-groups --cluster-id <cluster-id> --instance-groups InstanceGroupType=TASK,Market=SPOT,InstanceType=r6g.2xlarge,InstanceCount=2",
        each: spot_usage,
    }
    "emr.cluster_auto_termination" {
        title: "EMR cluster terminates itself when idle",
        resource: "AwsEmrCluster",
        severity: Medium,
        also: [Sustainability],
        practice: "COST09-BP03",
        rationale: "An idle cluster bills (and burns) every node by the hour; an \
            auto-termination policy ends it after a set idle time.",
        remediation: "Attach an auto-termination policy, or turn on termination protection \
            for clusters that are long-running by intent.",
        cli: "aws emr put-auto-termination-policy --cluster-id <cluster-id> --auto-termination-policy IdleTimeout=3600",
        each: auto_termination,
    }
}

fn spot_usage(cluster: &EmrCluster, _: &EmrRegion, _: &Context) -> Judged {
    let instances = cluster.instances.get()?;
    let on_spot = |role: &str| {
        let mut of_role = instances.iter().filter(|i| i.role == role).peekable();
        of_role
            .peek()
            .is_some()
            .then(|| of_role.any(|i| i.market != Market::OnDemand))
    };
    match (on_spot("TASK"), on_spot("CORE")) {
        (Some(true), _) => pass("task capacity runs on Spot"),
        (Some(false), _) => fail("all task capacity is on-demand"),
        (None, Some(true)) => pass("no task nodes; core capacity runs on Spot"),
        (None, _) if on_spot("MASTER") == Some(true) => pass("primary node runs on Spot"),
        (None, _) => fail("no task nodes and on-demand core: the cluster runs no Spot capacity"),
    }
}

fn auto_termination(cluster: &EmrCluster, _: &EmrRegion, _: &Context) -> Judged {
    // Either setting is enough, so a known one decides even when the other is unreadable.
    match (
        cluster.auto_termination_idle_seconds.get(),
        cluster.termination_protected.get(),
    ) {
        (Ok(Some(seconds)), _) => pass(format!("terminates after {seconds} s idle")),
        (_, Ok(true)) => pass("termination-protected: long-running by intent"),
        (Err(reason), _) | (_, Err(reason)) => Err(reason),
        (Ok(None), Ok(false)) => fail("no auto-termination policy and not termination-protected"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    /// moto cannot seed instance fleets (ListInstanceFleets is not
    /// implemented), so a mixed fleet is covered here.
    #[test]
    fn spot_task_capacity() {
        let id = "emr.cluster_spot_usage";
        assert_eq!(
            emr_cluster_verdict(id, good_emr_cluster("j")).unwrap().0,
            Pass
        );
        let mut c = good_emr_cluster("j");
        if let Observed::Known(groups) = &mut c.instances {
            groups[2].market = Market::OnDemand;
        }
        assert_eq!(emr_cluster_verdict(id, c.clone()).unwrap().0, Fail);
        if let Observed::Known(groups) = &mut c.instances {
            groups[2].market = Market::Mixed;
        }
        assert_eq!(emr_cluster_verdict(id, c.clone()).unwrap().0, Pass);
        // No task nodes: the core decides.
        if let Observed::Known(groups) = &mut c.instances {
            groups.pop();
        }
        assert_eq!(emr_cluster_verdict(id, c.clone()).unwrap().0, Fail);
        if let Observed::Known(groups) = &mut c.instances {
            groups[1].market = Market::Spot;
        }
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Pass);
        let mut c = good_emr_cluster("j");
        c.instances = Observed::Unknown(Unobserved::new(
            UnobservedKind::NotSupportedByEndpoint,
            "elasticmapreduce:ListInstanceFleets",
        ));
        assert_eq!(
            emr_cluster_verdict(id, c).unwrap(),
            (
                Unknown,
                "not supported by endpoint: elasticmapreduce:ListInstanceFleets".into()
            )
        );
    }

    /// moto does not implement GetAutoTerminationPolicy, so the policy side is covered here.
    #[test]
    fn auto_termination() {
        let id = "emr.cluster_auto_termination";
        assert_eq!(
            emr_cluster_verdict(id, good_emr_cluster("j")).unwrap().0,
            Pass
        );
        let mut c = good_emr_cluster("j");
        c.auto_termination_idle_seconds = Observed::Known(None);
        assert_eq!(emr_cluster_verdict(id, c.clone()).unwrap().0, Fail);
        c.termination_protected = Observed::Known(true);
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Pass);
        let mut c = good_emr_cluster("j");
        c.auto_termination_idle_seconds = Observed::Unknown(Unobserved::new(
            UnobservedKind::NotSupportedByEndpoint,
            "elasticmapreduce:GetAutoTerminationPolicy",
        ));
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Unknown);
    }
}
