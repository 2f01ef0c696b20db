//! The EMR checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{EmrCluster, EmrRegion, Market, Unobserved, UnobservedKind};

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
    if instances.is_empty() {
        // Nothing about its capacity was observed.
        return Err(Unobserved::new(
            UnobservedKind::NotReported,
            "elasticmapreduce:ListInstanceGroups",
        )
        .with_message("the cluster reported no instance groups or fleets"));
    }
    let on_spot = |role: &str| {
        let mut of_role = instances.iter().filter(|i| i.role == role).peekable();
        of_role
            .peek()
            .is_some()
            .then(|| of_role.any(|i| i.market != Market::OnDemand))
    };
    match (on_spot("TASK"), on_spot("CORE"), on_spot("MASTER")) {
        (Some(true), ..) => pass("task capacity runs on Spot"),
        (Some(false), ..) => fail("all task capacity is on-demand"),
        (None, Some(true), _) => pass("no task nodes; core capacity runs on Spot"),
        (None, _, Some(true)) => pass("primary node runs on Spot"),
        (None, Some(false), _) => {
            fail("no task nodes and on-demand core: the cluster runs no Spot capacity")
        }
        // A single-node cluster: no core or task capacity to move to Spot.
        (None, None, _) => not_applicable(),
    }
}

fn auto_termination(cluster: &EmrCluster, _: &EmrRegion, _: &Context) -> Judged {
    // Either setting is enough, so a known one decides even when the other is unreadable.
    match (
        cluster.auto_termination.get(),
        cluster.termination_protected.get(),
    ) {
        (Ok(Some(policy)), _) => pass(match policy.idle_timeout_seconds {
            Some(seconds) => format!("terminates after {seconds} s idle"),
            None => "has an auto-termination policy".to_string(),
        }),
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
        assert_eq!(emr_cluster_verdict(id, c.clone()).unwrap().0, Pass);
        // A missing core group is not an on-demand core group: a single-node
        // cluster has no capacity to move to Spot.
        if let Observed::Known(groups) = &mut c.instances {
            groups.truncate(1);
        }
        assert_eq!(emr_cluster_verdict(id, c.clone()), None);
        // No groups or fleets at all: nothing about the capacity was observed.
        c.instances = Observed::Known(vec![]);
        assert_eq!(
            emr_cluster_verdict(id, c).unwrap(),
            (
                Unknown,
                "not reported: elasticmapreduce:ListInstanceGroups".into()
            )
        );
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
        c.auto_termination = Observed::Known(None);
        assert_eq!(emr_cluster_verdict(id, c.clone()).unwrap().0, Fail);
        c.termination_protected = Observed::Known(true);
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Pass);
        let mut c = good_emr_cluster("j");
        c.auto_termination = Observed::Unknown(Unobserved::new(
            UnobservedKind::NotSupportedByEndpoint,
            "elasticmapreduce:GetAutoTerminationPolicy",
        ));
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Unknown);
    }
}
