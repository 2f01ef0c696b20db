//! The EMR checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::interpret::generations::is_previous_ec2_generation;
use crate::model::{EmrCluster, EmrRegion};

crate::checks! {
    "emr.cluster_current_generation" {
        title: "EMR cluster runs current-generation instances",
        resource: "AwsEmrCluster",
        severity: Low,
        also: [CostOptimization],
        practice: "SUS05-BP02",
        rationale: "Previous-generation families (m4, c4, r4 and older) do less work per \
            watt and per dollar than their successors, Graviton ones above all.",
        remediation: "Move instance groups or fleets to current families (m6g/m7g, r6g/r7g, c6g/c7g).",
        cli: "aws emr create-cluster --release-label emr-7.1.0 --instance-groups InstanceGroupType=MASTER,InstanceType=m7g.xlarge,InstanceCount=1 InstanceGroupType=CORE,InstanceType=r7g.2xlarge,InstanceCount=2 --use-default-roles",
        each: current_generation,
    }
}

fn current_generation(cluster: &EmrCluster, _: &EmrRegion, _: &Context) -> Judged {
    let mut old: Vec<&str> = cluster
        .instances
        .get()?
        .iter()
        .flat_map(|i| &i.instance_types)
        .map(String::as_str)
        .filter(|t| is_previous_ec2_generation(t))
        .collect();
    old.sort_unstable();
    old.dedup();
    if old.is_empty() {
        pass("all instance types are current generation")
    } else {
        fail(format!(
            "previous-generation instance types: {}",
            old.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn instance_generations() {
        let id = "emr.cluster_current_generation";
        assert_eq!(
            emr_cluster_verdict(id, good_emr_cluster("j")).unwrap().0,
            Pass
        );
        let mut c = good_emr_cluster("j");
        if let Observed::Known(groups) = &mut c.instances {
            groups[1].instance_types = vec!["m4.large".into(), "r3.xlarge".into()];
        }
        assert_eq!(
            emr_cluster_verdict(id, c).unwrap(),
            (
                Fail,
                "previous-generation instance types: m4.large, r3.xlarge".into()
            )
        );
        let mut c = good_emr_cluster("j");
        c.instances = Observed::Unknown(denied("elasticmapreduce:ListInstanceGroups"));
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Unknown);
    }
}
