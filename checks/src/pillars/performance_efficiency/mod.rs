//! Performance efficiency pillar: use the right engines and layouts for the data.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::PerformanceEfficiency;

mod athena;
mod emr;
mod glue;
mod rds;
mod redshift;

services!(glue, redshift, emr, athena, rds);
