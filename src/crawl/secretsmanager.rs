//! Secrets Manager, per region: every secret's metadata from ListSecrets.
//! No call here reads a secret's value (GetSecretValue is not in the actions
//! table, so the call gate would refuse it and the IAM policy does not grant it).

use aws_sdk_secretsmanager::Client;
use lakelint_checks::model::{
    Observed, Regional, Secret, SecretsManagerInventory, SecretsManagerRegion,
};

use crate::crawl::actions::{Action, Per};
use crate::crawl::collector::{rfc3339, Collector, Gaps, Scan};

/// Collects Secrets Manager, region by region.
pub(crate) struct SecretsManager;

const LIST: &str = "secretsmanager:ListSecrets";

impl Collector for SecretsManager {
    type Section = SecretsManagerInventory;
    type Part = SecretsManagerRegion;

    const ACTIONS: &'static [Action] = &[Action::read(
        LIST,
        Per::REGION,
        &["secretsmanager.*", "kms.key_in_use_usable"],
    )];

    async fn collect(
        &self,
        scan: &Scan<'_>,
        region: &str,
        gaps: &mut Gaps,
    ) -> SecretsManagerRegion {
        let client = Client::new(&scan.sdk_in(region));
        let listed = scan
            .calls
            .pages(
                LIST,
                |token| {
                    client
                        .list_secrets()
                        .max_results(100)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let secrets = page
                        .secret_list()
                        .iter()
                        .filter_map(|s| {
                            Some(Secret {
                                name: s.name()?.to_string(),
                                arn: s.arn()?.to_string(),
                                kms_key_id: s.kms_key_id().map(str::to_string),
                                // Left out of the answer for a secret whose rotation was never set up.
                                rotation_enabled: s.rotation_enabled().unwrap_or(false),
                                created: Observed::reported(
                                    s.created_date().and_then(rfc3339),
                                    LIST,
                                    "CreatedDate",
                                ),
                                last_accessed: s.last_accessed_date().and_then(rfc3339),
                                owning_service: s.owning_service().map(str::to_string),
                            })
                        })
                        .collect();
                    (secrets, page.next_token().map(str::to_string))
                },
            )
            .await;
        let mut secrets = gaps.keep(listed);
        secrets.sort_by(|a, b| a.name.cmp(&b.name));
        SecretsManagerRegion {
            region: region.into(),
            secrets,
        }
    }

    fn assemble(regions: Vec<SecretsManagerRegion>) -> SecretsManagerInventory {
        Regional { regions }
    }
}
