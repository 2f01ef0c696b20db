//! Reliability pillar: recover from failure and keep data.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::Reliability;

services!(s3, glue, redshift, kms);
