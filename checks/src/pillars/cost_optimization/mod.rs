//! Cost optimization pillar: pay only for what the platform needs.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::CostOptimization;

mod emr;
mod glue;
mod s3;

services!(s3, glue, emr);
