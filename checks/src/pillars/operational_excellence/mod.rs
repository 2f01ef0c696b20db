//! Operational excellence pillar: run and evolve the platform with clear ownership.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::OperationalExcellence;

mod athena;
mod cloudtrail;
mod emr;
mod glue;
mod lakeformation;
mod mwaa;
mod s3;
mod stepfunctions;
mod wellarchitected;

services!(
    s3,
    glue,
    emr,
    cloudtrail,
    athena,
    lakeformation,
    wellarchitected,
    stepfunctions,
    mwaa
);
