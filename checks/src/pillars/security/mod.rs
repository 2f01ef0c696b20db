//! Security pillar: protect data, systems and assets.

mod emr;
mod glue;
mod redshift;
mod s3;

use crate::catalog::Check;

pub fn checks() -> Vec<Check> {
    [
        s3::checks(),
        glue::checks(),
        redshift::checks(),
        emr::checks(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
