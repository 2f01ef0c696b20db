//! The cluster's parameter group, as the checks read it. Every parameter
//! group lists every parameter of its family (DescribeClusterParameters
//! returns the engine defaults too), so a parameter missing from the answer
//! was not observed: UNKNOWN, never its documented default.

use crate::findings::finding::{fail, pass, Judged};
use crate::model::{RedshiftCluster, Unobserved};

/// The value of parameter `name` in the cluster's group.
pub(crate) fn parameter<'a>(
    cluster: &'a RedshiftCluster,
    name: &str,
) -> Result<&'a str, Unobserved> {
    cluster
        .parameters
        .get()?
        .get(name)
        .map(String::as_str)
        .ok_or_else(|| Unobserved::not_reported("redshift:DescribeClusterParameters", name))
}

/// PASS when parameter `name` is `true`, FAIL otherwise.
pub(crate) fn parameter_on(cluster: &RedshiftCluster, name: &str) -> Judged {
    let value = parameter(cluster, name)?;
    let group = cluster.parameter_group.as_deref().unwrap_or_default();
    if value.eq_ignore_ascii_case("true") {
        pass(format!("{name} is true in `{group}`"))
    } else {
        fail(format!("{name} is {value} in `{group}`"))
    }
}
