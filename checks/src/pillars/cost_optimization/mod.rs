//! Cost optimization pillar: pay only for what the platform needs.

mod emr;
mod glue;
mod s3;

use crate::catalog::Check;

pub fn checks() -> Vec<Check> {
    [s3::checks(), glue::checks(), emr::checks()]
        .into_iter()
        .flatten()
        .collect()
}
