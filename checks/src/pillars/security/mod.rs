//! Security pillar: protect data, systems and assets.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::Security;

mod athena;
mod cloudtrail;
mod dax;
mod dynamodb;
mod emr;
mod glue;
mod kms;
mod lakeformation;
mod mwaa;
mod rds;
mod redshift;
mod s3;
mod secretsmanager;

services!(
    s3,
    glue,
    redshift,
    emr,
    kms,
    cloudtrail,
    athena,
    lakeformation,
    secretsmanager,
    dynamodb,
    dax,
    rds,
    mwaa
);
