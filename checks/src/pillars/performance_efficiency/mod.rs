//! Performance efficiency pillar: use the right engines and layouts for the data.

mod emr;
mod glue;
mod redshift;

use crate::catalog::Check;

pub fn checks() -> Vec<Check> {
    [glue::checks(), redshift::checks(), emr::checks()]
        .into_iter()
        .flatten()
        .collect()
}
