//! SDK configuration shared by every collector: credentials, region,
//! endpoint override and timeouts.

use std::time::Duration;

use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_credential_types::provider::ProvideCredentials;
use aws_smithy_http_client::proxy::ProxyConfig;
use aws_smithy_http_client::{tls, Builder, ConnectorBuilder};
use aws_smithy_runtime_api::client::http::SharedHttpClient;
use aws_smithy_types::error::display::DisplayErrorContext;

use crate::crawl::{CrawlError, RegionSelection, ScanOptions};

/// Loads the standard credential and region chain with our timeout policy.
/// The SDK makes one attempt per call: `Calls` retries, so that a call waiting
/// to be retried holds no concurrency slot and its retry follows the rate.
pub async fn load(options: &ScanOptions) -> Result<SdkConfig, CrawlError> {
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(5))
        .operation_attempt_timeout(options.call_timeout)
        .operation_timeout(options.call_timeout)
        .build();
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .http_client(https_client())
        .retry_config(RetryConfig::disabled())
        .timeout_config(timeouts);
    if let Some(profile) = &options.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(url) = &options.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    let sdk = loader.load().await;
    // The home region (STS, the bucket listing) is the profile's, else the first
    // region asked for; `--regions all` alone starts where the account API lives.
    let home = match (&options.regions, options.regions.first_explicit()) {
        (_, Some(region)) => Some(region.to_string()),
        (RegionSelection::All, None) => Some("us-east-1".to_string()),
        _ => None,
    };
    let sdk = match (sdk.region(), home) {
        (Some(_), _) => sdk,
        (None, Some(region)) => sdk.to_builder().region(Region::new(region)).build(),
        (None, None) => return Err(CrawlError::NoRegion),
    };
    // Resolve credentials up front: a missing profile or key is the most common
    // first-run mistake and deserves its own message, not a failed STS call.
    // The SDK's answer nests every provider of the chain (about 1,500
    // characters): logged for -v, summed up in one line otherwise.
    let provider = sdk
        .credentials_provider()
        .ok_or(CrawlError::NoCredentials)?;
    provider.provide_credentials().await.map_err(|e| {
        tracing::info!("credential provider chain: {}", DisplayErrorContext(&e));
        CrawlError::NoCredentials
    })?;
    Ok(sdk)
}

/// The SDK's default HTTPS client (hyper, rustls, the proxy from
/// `HTTPS_PROXY`/`NO_PROXY`), with ring for rustls's cryptography instead of
/// aws-lc, whose C library is the slowest dependency to build.
fn https_client() -> SharedHttpClient {
    Builder::new().build_with_connector_fn(|settings, components| {
        let mut connector = ConnectorBuilder::default().tls_provider(tls::Provider::Rustls(
            tls::rustls_provider::CryptoMode::Ring,
        ));
        connector.set_connector_settings(settings.cloned());
        if let Some(components) = components {
            connector.set_sleep_impl(components.sleep_impl());
        }
        connector.set_proxy_config(Some(ProxyConfig::from_env()));
        connector.build()
    })
}

/// The configuration of `base` acting through `role_arn`. The provider caches
/// the role's credentials and refreshes them before they expire, so long scans
/// keep going; they are resolved once here so a role that cannot be assumed is
/// reported before anything else is called.
pub async fn assume_role(
    base: &SdkConfig,
    role_arn: &str,
    external_id: Option<&str>,
) -> Result<SdkConfig, CrawlError> {
    let mut builder =
        aws_config::sts::AssumeRoleProvider::builder(role_arn).session_name("lakelint");
    if let Some(id) = external_id {
        builder = builder.external_id(id);
    }
    let provider = builder.configure(base).build().await;
    provider
        .provide_credentials()
        .await
        .map_err(|e| CrawlError::AssumeRole {
            role: role_arn.to_string(),
            detail: crate::crawl::calls::error_chain(&e),
        })?;
    Ok(base
        .to_builder()
        .credentials_provider(
            aws_credential_types::provider::SharedCredentialsProvider::new(provider),
        )
        .build())
}

/// The endpoint override in force (flag or `AWS_ENDPOINT_URL`), if any.
pub fn endpoint_override(sdk: &SdkConfig) -> Option<&str> {
    sdk.endpoint_url()
}

/// The endpoint for the services whose endpoint rules put a host prefix
/// (S3 Control's `{account}.`) in front of a custom endpoint; emulators
/// need the URL as given.
#[derive(Debug)]
pub struct FixedEndpoint(pub String);

impl aws_sdk_s3control::config::endpoint::ResolveEndpoint for FixedEndpoint {
    fn resolve_endpoint<'a>(
        &'a self,
        _params: &'a aws_sdk_s3control::config::endpoint::Params,
    ) -> aws_sdk_s3control::config::endpoint::EndpointFuture<'a> {
        aws_sdk_s3control::config::endpoint::EndpointFuture::ready(Ok(
            aws_smithy_types::endpoint::Endpoint::builder()
                .url(self.0.clone())
                .build(),
        ))
    }
}

/// Sends requests to a custom endpoint's host as given, undoing the host
/// prefix (MWAA's `api.`) that a service's endpoint rules put in front of it:
/// an emulator or proxy answers on its own address only. Only installed when
/// a custom endpoint is set.
#[derive(Debug)]
pub struct KeepEndpointHost {
    endpoint: String,
}

impl KeepEndpointHost {
    /// For requests to `endpoint` (`http://127.0.0.1:4566`).
    pub fn new(endpoint: &str) -> Self {
        Self {
            endpoint: endpoint.trim_end_matches('/').to_string(),
        }
    }
}

impl aws_smithy_runtime_api::client::interceptors::Intercept for KeepEndpointHost {
    fn name(&self) -> &'static str {
        "KeepEndpointHost"
    }

    fn modify_before_signing(
        &self,
        context: &mut aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextMut<'_>,
        _: &aws_smithy_runtime_api::client::runtime_components::RuntimeComponents,
        _: &mut aws_smithy_types::config_bag::ConfigBag,
    ) -> Result<(), aws_smithy_runtime_api::box_error::BoxError> {
        let request = context.request_mut();
        let uri = request.uri();
        let path = uri
            .split_once("://")
            .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]))
            .unwrap_or("/");
        let fixed = format!("{}{path}", self.endpoint);
        request.set_uri(fixed)?;
        Ok(())
    }
}
