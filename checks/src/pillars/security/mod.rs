//! Security pillar: protect data, systems and assets.

mod cloudtrail;
mod emr;
mod glue;
mod kms;
mod redshift;
pub(crate) mod s3;

use crate::catalog::Check;

pub fn checks() -> Vec<Check> {
    [
        s3::checks(),
        glue::checks(),
        redshift::checks(),
        emr::checks(),
        kms::checks(),
        cloudtrail::checks(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
