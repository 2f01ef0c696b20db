//! Security pillar: protect data, systems and assets.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::Security;

mod cloudtrail;
mod emr;
mod glue;
mod kms;
mod redshift;
mod s3;

services!(s3, glue, redshift, emr, kms, cloudtrail);
