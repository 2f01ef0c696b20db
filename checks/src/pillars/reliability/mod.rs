//! Reliability pillar: recover from failure and keep data.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::Reliability;

mod dynamodb;
mod glue;
mod kms;
mod rds;
mod redshift;
mod s3;

services!(s3, glue, redshift, kms, dynamodb, rds);
