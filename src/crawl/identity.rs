//! Who is scanning: the account and partition behind the credentials.

use aws_config::SdkConfig;
use lakelint_checks::model::{Account, UnobservedKind};

use crate::crawl::{Calls, CrawlError};

pub async fn identify(
    sdk: &SdkConfig,
    calls: &Calls,
    endpoint: Option<&str>,
) -> Result<Account, CrawlError> {
    let sts = aws_sdk_sts::Client::new(sdk);
    let who = calls
        .run("sts:GetCallerIdentity", || sts.get_caller_identity().send())
        .await
        .map_err(|u| match u.kind {
            UnobservedKind::Network | UnobservedKind::Timeout => CrawlError::Unreachable {
                endpoint: endpoint.map(str::to_string),
                detail: u.message.clone().unwrap_or_else(|| u.to_string()),
            },
            _ => CrawlError::Identity(format!(
                "{u}{}",
                u.message
                    .as_ref()
                    .map(|m| format!(": {m}"))
                    .unwrap_or_default()
            )),
        })?;
    let caller_arn = who.arn().unwrap_or_default().to_string();
    Ok(Account {
        account_id: who.account().unwrap_or_default().to_string(),
        partition: partition_of(&caller_arn).to_string(),
        caller_arn,
    })
}

/// `arn:PARTITION:…`; `aws` when the ARN is malformed.
fn partition_of(arn: &str) -> &str {
    arn.split(':')
        .nth(1)
        .filter(|p| !p.is_empty())
        .unwrap_or("aws")
}

#[cfg(test)]
mod tests {
    #[test]
    fn partition_from_arn() {
        assert_eq!(super::partition_of("arn:aws-cn:iam::1:user/x"), "aws-cn");
        assert_eq!(
            super::partition_of("arn:aws:sts::1:assumed-role/r/s"),
            "aws"
        );
        assert_eq!(super::partition_of(""), "aws");
    }
}
