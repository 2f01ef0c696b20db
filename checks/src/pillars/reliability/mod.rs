//! Reliability pillar: recover from failure and keep data.

mod glue;
mod kms;
mod redshift;
mod s3;

use crate::catalog::Check;

pub fn checks() -> Vec<Check> {
    [
        s3::checks(),
        glue::checks(),
        redshift::checks(),
        kms::checks(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
