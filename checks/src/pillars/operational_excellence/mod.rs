//! Operational excellence pillar: run and evolve the platform with clear ownership.

mod cloudtrail;
mod emr;
mod glue;
mod s3;

use crate::catalog::Check;

pub fn checks() -> Vec<Check> {
    [
        s3::checks(),
        glue::checks(),
        emr::checks(),
        cloudtrail::checks(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
