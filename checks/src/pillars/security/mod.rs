//! Security pillar: protect data, systems and assets.

/// The primary pillar of this module's checks.
pub(crate) const PILLAR: crate::finding::Pillar = crate::finding::Pillar::Security;

services!(s3, glue, redshift, emr, kms, cloudtrail);
