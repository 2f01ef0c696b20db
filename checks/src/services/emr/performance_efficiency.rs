//! The EMR checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{EmrCluster, EmrRegion, Unobserved, UnobservedKind};

crate::checks! {
    "emr.cluster_managed_scaling" {
        title: "EMR cluster uses managed scaling",
        resource: "AwsEmrCluster",
        severity: Low,
        also: [CostOptimization],
        practice: "PERF02-BP06",
        rationale: "Managed scaling sizes the cluster to the YARN backlog every minute, \
            instead of a fixed size that is wrong at both peak and trough.",
        remediation: "Attach a managed scaling policy with minimum and maximum capacity.",
        cli: "aws emr put-managed-scaling-policy --cluster-id <cluster-id> --managed-scaling-policy ComputeLimits='{MinimumCapacityUnits=2,MaximumCapacityUnits=20,UnitType=Instances}'",
        each: managed_scaling,
    }
    "emr.cluster_current_release" {
        title: "EMR cluster runs a current release",
        resource: "AwsEmrCluster",
        severity: Low,
        also: [Security],
        practice: "PERF02-BP01",
        rationale: "Releases before emr-6 run Spark 2 and Hadoop 2 on Amazon Linux 1 or \
            2 without the runtime's performance work or current security fixes.",
        remediation: "Launch new clusters on the latest EMR release after testing the jobs there.",
        cli: "aws emr create-cluster --release-label emr-7.1.0 --instance-type m6g.xlarge --instance-count 3 --use-default-roles",
        each: current_release,
    }
}

fn managed_scaling(c: &EmrCluster, _: &EmrRegion, _: &Context) -> Judged {
    if *c.managed_scaling.get()? {
        pass("managed scaling is on")
    } else {
        fail("no managed scaling policy")
    }
}

/// The major version of `emr-6.15.0`; `None` for labels of another shape.
fn release_major(label: &str) -> Option<u32> {
    label.strip_prefix("emr-")?.split('.').next()?.parse().ok()
}

fn current_release(cluster: &EmrCluster, _: &EmrRegion, cx: &Context) -> Judged {
    let minimum = cx.config.emr.min_release_major;
    // Clusters of AMI versions before release labels existed are the oldest of all.
    let label = cluster
        .release_label
        .as_deref()
        .unwrap_or("none (AMI-based)");
    match cluster.release_label.as_deref().map(release_major) {
        Some(Some(major)) if major >= minimum => pass(format!("release {label}")),
        Some(Some(_)) | None => fail(format!("release {label} is older than emr-{minimum}")),
        Some(None) => Err(Unobserved::new(
            UnobservedKind::Error,
            "elasticmapreduce:DescribeCluster",
        )
        .with_code("UnknownReleaseLabel")
        .with_message(format!("release label {label} could not be read"))),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    /// moto does not implement GetManagedScalingPolicy, so both sides are covered here.
    #[test]
    fn managed_scaling() {
        let id = "emr.cluster_managed_scaling";
        assert_eq!(
            emr_cluster_verdict(id, good_emr_cluster("j")).unwrap().0,
            Pass
        );
        let mut c = good_emr_cluster("j");
        c.managed_scaling = Observed::Known(false);
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Fail);
        let mut c = good_emr_cluster("j");
        c.managed_scaling = Observed::Unknown(denied("elasticmapreduce:GetManagedScalingPolicy"));
        assert_eq!(emr_cluster_verdict(id, c).unwrap().0, Unknown);
    }

    #[test]
    fn releases() {
        let id = "emr.cluster_current_release";
        let with = |label: Option<&str>| {
            let mut c = good_emr_cluster("j");
            c.release_label = label.map(Into::into);
            emr_cluster_verdict(id, c).unwrap().0
        };
        assert_eq!(with(Some("emr-6.15.0")), Pass);
        assert_eq!(with(Some("emr-7.1.0")), Pass);
        assert_eq!(with(Some("emr-5.36.1")), Fail);
        assert_eq!(with(None), Fail);
        assert_eq!(with(Some("custom")), Unknown);
    }
}
