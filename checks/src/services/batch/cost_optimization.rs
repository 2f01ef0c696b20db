//! The Batch checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{BatchRegion, ComputeEnvironment};

crate::checks! {
    "batch.compute_environment_spot" {
        title: "Managed Batch compute environment runs on Spot capacity",
        resource: "AwsBatchComputeEnvironment",
        severity: Medium,
        practice: "COST07-BP01",
        rationale: "Batch jobs are retryable by design: Spot (or Fargate Spot) capacity \
            runs them for up to 90% less than on-demand.",
        remediation: "Create a SPOT (or FARGATE_SPOT) compute environment and put it \
            first in the job queue's order, keeping on-demand as a fallback.",
        cli: "aws batch create-compute-environment --compute-environment-name <name>-spot --type MANAGED --compute-resources 'type=SPOT,allocationStrategy=SPOT_PRICE_CAPACITY_OPTIMIZED,maxvCpus=256,instanceTypes=optimal,subnets=<subnet>,securityGroupIds=<sg>,instanceRole=<instance-profile>'",
        each: spot,
    }
}

fn spot(c: &ComputeEnvironment, _: &BatchRegion, _: &Context) -> Judged {
    if c.kind.get()? != "MANAGED" {
        return not_applicable(); // its capacity is the owner's own
    }
    match c.capacity.get()?.as_str() {
        capacity @ ("SPOT" | "FARGATE_SPOT") => pass(format!("runs on {capacity}")),
        capacity => fail(format!("runs on {capacity}, not Spot")),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn spot_capacity() {
        let id = "batch.compute_environment_spot";
        let with = |kind: &str, capacity: Observed<String>| {
            compute_environment_verdict(
                id,
                ComputeEnvironment {
                    name: "ce".into(),
                    arn: "arn:aws:batch:us-east-1:123456789012:compute-environment/ce".into(),
                    kind: Observed::Known(kind.into()),
                    capacity,
                },
            )
            .map(|(s, _)| s)
        };
        assert_eq!(with("MANAGED", Observed::Known("SPOT".into())), Some(Pass));
        assert_eq!(
            with("MANAGED", Observed::Known("FARGATE_SPOT".into())),
            Some(Pass)
        );
        assert_eq!(with("MANAGED", Observed::Known("EC2".into())), Some(Fail));
        assert_eq!(
            with("MANAGED", Observed::Known("FARGATE".into())),
            Some(Fail)
        );
        assert_eq!(with("UNMANAGED", Observed::Known("EC2".into())), None);
        assert_eq!(
            with(
                "MANAGED",
                Observed::Unknown(denied("batch:DescribeComputeEnvironments"))
            ),
            Some(Unknown)
        );
    }
}
