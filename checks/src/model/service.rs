//! The AWS services lakelint collects, with what sets each apart.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How often a service is read in one account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Once per scanned region.
    Regional,
    /// Once for the account (S3's bucket list, CloudTrail's trails).
    Account,
}

/// Declares [`Service`] from the service table.
macro_rules! services {
    ($($(#[$doc:meta])* $variant:ident => $module:ident: $section:ident, iam: $iam:literal, $scope:ident;)*) => {
        /// An AWS service lakelint collects. Its name is the prefix of its check ids,
        /// the value `--services` takes, and the key of its inventory section.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Service {
            $($(#[$doc])* $variant,)*
        }

        impl Service {
            /// Every service, in scan and catalog order.
            pub const ALL: &'static [Service] = &[$(Service::$variant),*];

            /// The name: `s3`, `glue`, `cloudtrail`, …
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Service::$variant => stringify!($module),)*
                }
            }

            /// The prefix of its IAM actions and of its ARNs (`elasticmapreduce` for EMR).
            pub const fn iam_prefix(self) -> &'static str {
                match self {
                    $(Service::$variant => $iam,)*
                }
            }

            /// Whether it is read per region or once for the account.
            pub const fn scope(self) -> Scope {
                match self {
                    $(Service::$variant => Scope::$scope,)*
                }
            }
        }
    };
}

crate::for_each_service!(services);

impl Service {
    /// The service a check id (`s3.bucket_versioning`) belongs to. In a
    /// constant, an id whose prefix names no service fails the build.
    pub const fn of_check_id(id: &str) -> Service {
        let mut i = 0;
        while i < Service::ALL.len() {
            let service = Service::ALL[i];
            if is_prefix_of(service.as_str().as_bytes(), id.as_bytes()) {
                return service;
            }
            i += 1;
        }
        panic!("the check id's prefix names no service")
    }
}

/// `prefix` followed by a `.` starts `id`.
const fn is_prefix_of(prefix: &[u8], id: &[u8]) -> bool {
    if id.len() <= prefix.len() || id[prefix.len()] != b'.' {
        return false;
    }
    let mut i = 0;
    while i < prefix.len() {
        if prefix[i] != id[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown service name; its message lists the known ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown service `{0}` (known: {known})", known = Service::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "))]
pub struct UnknownService(pub String);

impl Serialize for Service {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Service {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Service::ALL
            .iter()
            .copied()
            .find(|service| service.as_str() == name)
            .ok_or_else(|| serde::de::Error::custom(UnknownService(name)))
    }
}

impl FromStr for Service {
    type Err = UnknownService;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Service::ALL
            .iter()
            .copied()
            .find(|service| service.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownService(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &service in Service::ALL {
            assert_eq!(service.as_str().parse::<Service>(), Ok(service));
            let json = serde_json::to_string(&service).unwrap();
            assert_eq!(json, format!("\"{service}\""));
        }
        let error = "sqs".parse::<Service>().unwrap_err().to_string();
        assert!(
            error.starts_with("unknown service `sqs` (known: s3, glue, redshift, emr, kms,"),
            "{error}"
        );
        assert!(Service::ALL.iter().all(|s| error.contains(s.as_str())));
    }

    #[test]
    fn check_ids_name_their_service() {
        assert_eq!(Service::of_check_id("s3.bucket_versioning"), Service::S3);
        assert_eq!(
            Service::of_check_id("cloudtrail.s3_data_events"),
            Service::CloudTrail
        );
        assert_eq!(
            Service::of_check_id("emrserverless.application_auto_stop"),
            Service::EmrServerless
        );
        assert_eq!(Service::of_check_id("emr.cluster_logging"), Service::Emr);
        assert!(std::panic::catch_unwind(|| Service::of_check_id("s3x.y")).is_err());
    }
}
