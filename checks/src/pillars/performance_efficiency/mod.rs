//! Performance efficiency pillar: use the right engines and layouts for the data.

mod glue;

use crate::catalog::Check;

pub fn checks() -> Vec<Check> {
    [glue::checks()].into_iter().flatten().collect()
}
