//! The Redshift Serverless checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{RedshiftServerlessRegion, ServerlessWorkgroup, Unobserved};

crate::checks! {
    "redshiftserverless.workgroup_max_capacity" {
        title: "Redshift Serverless workgroup has a bound on its spend",
        resource: "AwsRedshiftServerlessWorkgroup",
        severity: Medium,
        practice: "COST02-BP05",
        rationale: "A workgroup scales its RPUs with the load: without a maximum capacity \
            or a usage limit, one runaway query or dashboard can run up any bill.",
        remediation: "Set a maximum RPU capacity, or a compute usage limit with an action.",
        cli: "aws redshift-serverless update-workgroup --workgroup-name <workgroup> --max-capacity <rpus>",
        each: max_capacity,
    }
}

fn max_capacity(w: &ServerlessWorkgroup, _: &RedshiftServerlessRegion, _: &Context) -> Judged {
    if let Some(max) = w.max_capacity {
        return pass(format!("scales to at most {max} RPUs"));
    }
    // The collector reads the limits of every workgroup without a maximum.
    let limits = *w
        .usage_limits
        .as_ref()
        .ok_or_else(|| {
            Unobserved::not_reported("redshift-serverless:ListUsageLimits", "usageLimits")
        })?
        .get()?;
    if limits > 0 {
        pass(format!(
            "no maximum capacity, but {limits} compute usage limit(s)"
        ))
    } else {
        fail("no maximum capacity and no compute usage limit: spend is unbounded")
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn a_maximum_or_a_usage_limit_bounds_spend() {
        let id = "redshiftserverless.workgroup_max_capacity";
        assert_eq!(
            serverless_workgroup_verdict(id, good_serverless_workgroup("w"))
                .unwrap()
                .0,
            Pass
        );
        let mut w = good_serverless_workgroup("w");
        w.max_capacity = None;
        w.usage_limits = Some(Observed::Known(1));
        assert_eq!(serverless_workgroup_verdict(id, w).unwrap().0, Pass);
        let mut w = good_serverless_workgroup("w");
        w.max_capacity = None;
        w.usage_limits = Some(Observed::Known(0));
        assert_eq!(serverless_workgroup_verdict(id, w).unwrap().0, Fail);
        let mut w = good_serverless_workgroup("w");
        w.max_capacity = None;
        w.usage_limits = Some(Observed::Unknown(denied(
            "redshift-serverless:ListUsageLimits",
        )));
        assert_eq!(serverless_workgroup_verdict(id, w).unwrap().0, Unknown);
    }
}
