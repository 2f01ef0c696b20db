//! Sustainability pillar: store and process no more than the workload needs.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::Sustainability;

mod emr;
mod glue;
mod s3;

services!(s3, glue, emr);
