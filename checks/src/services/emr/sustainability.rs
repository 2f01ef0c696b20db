//! The EMR checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::interpret::generations::{is_graviton, is_previous_ec2_generation};
use crate::model::{EmrCluster, EmrRegion, Unobserved, UnobservedKind};

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
    "emr.cluster_graviton" {
        title: "EMR cluster's core and task capacity runs on Graviton",
        resource: "AwsEmrCluster",
        severity: Low,
        also: [CostOptimization],
        practice: "SUS05-BP02",
        rationale: "Graviton instances run Spark and Hive workloads at up to 30% better             price-performance and about 60% less energy than comparable x86 instances.",
        remediation: "Move core and task groups or fleets to Graviton families (m7g, r7g, c7g).",
        cli: "aws emr create-cluster --release-label emr-7.1.0 --instance-groups InstanceGroupType=MASTER,InstanceType=m7g.xlarge,InstanceCount=1 InstanceGroupType=CORE,InstanceType=r7g.2xlarge,InstanceCount=2 --use-default-roles",
        each: graviton,
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

fn graviton(cluster: &EmrCluster, _: &EmrRegion, _: &Context) -> Judged {
    let types: Vec<&str> = cluster
        .instances
        .get()?
        .iter()
        .filter(|i| i.role == "CORE" || i.role == "TASK")
        .flat_map(|i| &i.instance_types)
        .map(String::as_str)
        .collect();
    if types.is_empty() {
        return not_applicable(); // a single-node cluster
    }
    let mut x86: Vec<&str> = Vec::new();
    let mut unknown: Vec<&str> = Vec::new();
    for t in types {
        match is_graviton(t) {
            Some(true) => {}
            Some(false) => x86.push(t),
            None => unknown.push(t),
        }
    }
    x86.sort_unstable();
    x86.dedup();
    if !x86.is_empty() {
        return fail(format!(
            "core or task capacity on x86 types: {}",
            x86.join(", ")
        ));
    }
    if let Some(t) = unknown.first() {
        return Err(Unobserved::new(
            UnobservedKind::NotEvaluated,
            "elasticmapreduce:ListInstanceGroups",
        )
        .with_message(format!(
            "instance type {t} is not in lakelint's family table"
        )));
    }
    pass("core and task capacity runs on Graviton")
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

    #[test]
    fn graviton_core_and_task() {
        let id = "emr.cluster_graviton";
        assert_eq!(
            emr_cluster_verdict(id, good_emr_cluster("j")).unwrap().0,
            Pass
        );
        let mut c = good_emr_cluster("j");
        if let Observed::Known(groups) = &mut c.instances {
            groups[2].instance_types = vec!["r5.2xlarge".into()];
        }
        assert_eq!(
            emr_cluster_verdict(id, c.clone()).unwrap(),
            (
                Fail,
                "core or task capacity on x86 types: r5.2xlarge".into()
            )
        );
        if let Observed::Known(groups) = &mut c.instances {
            groups[2].instance_types = vec!["zz9.large".into()];
        }
        assert_eq!(emr_cluster_verdict(id, c.clone()).unwrap().0, Unknown);
        c.instances = Observed::Unknown(denied("elasticmapreduce:ListInstanceGroups"));
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Unknown);
    }
}
