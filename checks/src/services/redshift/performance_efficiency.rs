//! The Redshift checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::interpret::generations::is_current_redshift_node;
use crate::interpret::wlm::{self, Wlm};
use crate::model::{RedshiftCluster, RedshiftRegion, Unobserved, UnobservedKind};
use crate::services::redshift::parameters::{parameter, parameter_on};

crate::checks! {
    "redshift.cluster_current_generation" {
        title: "Redshift cluster runs on RA3 nodes",
        resource: "AwsRedshiftCluster",
        severity: Medium,
        also: [CostOptimization, Sustainability],
        practice: "PERF02-BP01",
        rationale: "RA3 separates compute from managed storage, so the cluster is sized for \
            its queries rather than its data; DC2 and DS2 are previous generation.",
        remediation: "Resize or restore the cluster onto RA3 nodes.",
        cli: "aws redshift resize-cluster --cluster-identifier <cluster> --node-type ra3.xlplus --number-of-nodes 2",
        each: current_generation,
    }
    "redshift.cluster_result_cache" {
        title: "Redshift cluster reuses cached query results",
        resource: "AwsRedshiftCluster",
        severity: Low,
        practice: "PERF03-BP04",
        rationale: "With the result cache off, every dashboard refresh runs its query \
            again on the cluster instead of returning the unchanged answer at once.",
        remediation: "Set enable_result_cache_for_session to true in the cluster's parameter group.",
        cli: "aws redshift modify-cluster-parameter-group --parameter-group-name <group> --parameters ParameterName=enable_result_cache_for_session,ParameterValue=true",
        each: result_cache,
    }
    "redshift.cluster_auto_wlm" {
        title: "Redshift cluster uses automatic WLM or concurrency scaling",
        resource: "AwsRedshiftCluster",
        severity: Low,
        practice: "PERF03-BP04",
        rationale: "Manual queues with fixed slots leave memory idle at night and queue \
            queries at peak; automatic WLM sizes both, and concurrency scaling adds \
            capacity for bursts.",
        remediation: "Switch the parameter group to automatic WLM, or turn on \
            concurrency scaling for the busy queues.",
        cli: "aws redshift modify-cluster-parameter-group --parameter-group-name <group> --parameters file://auto-wlm.json",
        each: auto_wlm,
    }
}

fn result_cache(cluster: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    parameter_on(cluster, "enable_result_cache_for_session")
}

fn auto_wlm(cluster: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    let value = parameter(cluster, "wlm_json_configuration")?;
    match wlm::parse(value) {
        Ok(Wlm::Auto) => pass("automatic WLM"),
        Ok(Wlm::Manual { queues, scaling }) if scaling > 0 => pass(format!(
            "manual WLM; concurrency scaling on for {scaling} of {queues} queues"
        )),
        Ok(Wlm::Manual { queues, .. }) => fail(format!(
            "manual WLM with concurrency scaling off on all {queues} queues"
        )),
        Err(why) => Err(Unobserved::new(
            UnobservedKind::NotEvaluated,
            "redshift:DescribeClusterParameters",
        )
        .with_message(why)),
    }
}

fn current_generation(cluster: &RedshiftCluster, _: &RedshiftRegion, _: &Context) -> Judged {
    let node_type = cluster.node_type.get()?;
    match is_current_redshift_node(node_type) {
        Some(true) => pass(format!("node type {node_type}")),
        Some(false) => fail(format!("previous-generation node type {node_type}")),
        // A family this build does not know yet: say so rather than guess.
        None => Err(
            Unobserved::new(UnobservedKind::Error, "redshift:DescribeClusters")
                .with_code("UnknownNodeType")
                .with_message(format!(
                    "node type {node_type} is not in lakelint's generation table"
                )),
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::testing::*;

    #[test]
    fn node_generations() {
        let id = "redshift.cluster_current_generation";
        let with = |node: &str| {
            let mut c = good_cluster("c");
            c.node_type = crate::model::Observed::Known(node.into());
            cluster_verdict(id, c).unwrap().0
        };
        assert_eq!(with("ra3.4xlarge"), Pass);
        assert_eq!(with("dc2.large"), Fail);
        assert_eq!(with("ds2.xlarge"), Fail);
        assert_eq!(with("zz1.large"), Unknown);
    }

    #[test]
    fn result_cache() {
        let id = "redshift.cluster_result_cache";
        let with = |value: Option<&str>| {
            let mut c = good_cluster("c");
            if let crate::model::Observed::Known(p) = &mut c.parameters {
                match value {
                    Some(v) => p.insert("enable_result_cache_for_session".into(), v.into()),
                    None => p.remove("enable_result_cache_for_session"),
                };
            }
            cluster_verdict(id, c).unwrap().0
        };
        assert_eq!(with(Some("true")), Pass);
        assert_eq!(with(Some("false")), Fail);
        assert_eq!(with(None), Unknown);
    }

    #[test]
    fn workload_management() {
        let id = "redshift.cluster_auto_wlm";
        let with = |value: Option<&str>| {
            let mut c = good_cluster("c");
            if let crate::model::Observed::Known(p) = &mut c.parameters {
                match value {
                    Some(v) => p.insert("wlm_json_configuration".into(), v.into()),
                    None => p.remove("wlm_json_configuration"),
                };
            }
            cluster_verdict(id, c).map(|(s, _)| s)
        };
        assert_eq!(with(Some(r#"[{"auto_wlm":true}]"#)), Some(Pass));
        assert_eq!(
            with(Some(
                r#"[{"query_concurrency":5,"concurrency_scaling":"auto"},{"short_query_queue":true}]"#
            )),
            Some(Pass)
        );
        assert_eq!(
            with(Some(
                r#"[{"query_concurrency":5,"concurrency_scaling":"off"},{"short_query_queue":true}]"#
            )),
            Some(Fail)
        );
        assert_eq!(with(Some("[{broken")), Some(Unknown));
        assert_eq!(with(None), Some(Unknown));
    }
}
