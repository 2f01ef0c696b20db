//! Cost optimization pillar: pay only for what the platform needs.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::CostOptimization;

mod athena;
mod dynamodb;
mod emr;
mod emrserverless;
mod glue;
mod s3;
mod secretsmanager;

services!(
    s3,
    glue,
    emr,
    athena,
    secretsmanager,
    dynamodb,
    emrserverless
);
