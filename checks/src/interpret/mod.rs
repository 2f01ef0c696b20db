//! Reading what AWS said: each module interprets one kind of document or
//! value that services answer with (IAM policies, CloudTrail selectors,
//! EventBridge patterns, schedules, table formats, KMS key references, EMR
//! security configurations, secret-looking names, instance generations,
//! Lambda runtimes, Redshift WLM, infrastructure-as-code marks) and
//! tests itself on real-shaped examples.

pub mod emr_security;
pub mod event_pattern;
pub mod generations;
pub mod iac;
pub mod kms_refs;
pub mod lambda_runtimes;
pub mod pattern;
pub mod policy;
pub mod schedule;
pub mod secrets;
pub mod selectors;
pub mod table_format;
pub mod wlm;
