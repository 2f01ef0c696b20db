//! Which regions to scan.

use aws_config::SdkConfig;
use aws_sdk_account::types::RegionOptStatus;

use crate::crawl::{Calls, CrawlError};

/// Which regions a scan reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionSelection {
    /// The profile's (or environment's) region.
    Default,
    /// Every region enabled for the account (account:ListRegions).
    All,
    /// These regions, in this order.
    List(Vec<String>),
}

impl RegionSelection {
    /// The first region of an explicit list.
    pub fn first_explicit(&self) -> Option<&str> {
        match self {
            RegionSelection::List(regions) => regions.first().map(String::as_str),
            _ => None,
        }
    }
}

/// Parses `--regions`: `all`, or a comma-separated list of region codes.
impl std::str::FromStr for RegionSelection {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("all") {
            return Ok(RegionSelection::All);
        }
        let mut regions = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let region = parse_region(part)?;
            if !regions.contains(&region) {
                regions.push(region);
            }
        }
        if regions.is_empty() {
            return Err("expected `all` or region codes such as us-east-1,eu-west-1".into());
        }
        Ok(RegionSelection::List(regions))
    }
}

/// A region code shaped like AWS's: `us-east-1`, `ap-southeast-3`, `us-gov-west-1`.
pub fn parse_region(s: &str) -> Result<String, String> {
    let parts: Vec<&str> = s.split('-').collect();
    let well_formed = parts.len() >= 3
        && parts[0].len() == 2
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        && parts[parts.len() - 1].parse::<u8>().is_ok();
    if well_formed {
        Ok(s.to_string())
    } else {
        Err(format!(
            "`{s}` is not an AWS region code (expected something like us-east-1)"
        ))
    }
}

pub async fn resolve(
    selection: &RegionSelection,
    sdk: &SdkConfig,
    calls: &Calls,
) -> Result<Vec<String>, CrawlError> {
    match selection {
        RegionSelection::List(regions) => Ok(regions.clone()),
        RegionSelection::Default => {
            let region = sdk.region().ok_or(CrawlError::NoRegion)?.to_string();
            parse_region(&region)
                .map_err(|e| CrawlError::Regions(format!("configured region {e}")))?;
            Ok(vec![region])
        }
        RegionSelection::All => enabled_regions(sdk, calls).await,
    }
}

async fn enabled_regions(sdk: &SdkConfig, calls: &Calls) -> Result<Vec<String>, CrawlError> {
    let client = aws_sdk_account::Client::new(sdk);
    let mut regions = Vec::new();
    let mut token = None;
    loop {
        let page = calls
            .run("account:ListRegions", || {
                client
                    .list_regions()
                    .region_opt_status_contains(RegionOptStatus::Enabled)
                    .region_opt_status_contains(RegionOptStatus::EnabledByDefault)
                    .set_next_token(token.clone())
                    .send()
            })
            .await
            .map_err(|u| CrawlError::Regions(u.to_string()))?;
        regions.extend(
            page.regions()
                .iter()
                .filter_map(|r| r.region_name().map(str::to_string)),
        );
        token = page.next_token().map(str::to_string);
        if token.is_none() {
            break;
        }
    }
    regions.sort();
    if regions.is_empty() {
        return Err(CrawlError::Regions(
            "the account reported no enabled regions".into(),
        ));
    }
    Ok(regions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_lists_parse_and_deduplicate() {
        assert_eq!(
            "us-east-1, eu-west-1,us-east-1".parse::<RegionSelection>(),
            Ok(RegionSelection::List(vec![
                "us-east-1".into(),
                "eu-west-1".into()
            ]))
        );
        assert_eq!("ALL".parse::<RegionSelection>(), Ok(RegionSelection::All));
        assert!("us-gov-west-1".parse::<RegionSelection>().is_ok());
    }

    #[test]
    fn bad_region_codes_are_rejected() {
        for bad in [
            "us-east",
            "useast1",
            "moon-1",
            "US-EAST-1",
            "us-east-x",
            "",
            ",",
        ] {
            assert!(bad.parse::<RegionSelection>().is_err(), "{bad}");
        }
    }
}
