//! Operational excellence pillar: run and evolve the platform with clear ownership.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::OperationalExcellence;

mod cloudtrail;
mod emr;
mod glue;
mod s3;

services!(s3, glue, emr, cloudtrail);
