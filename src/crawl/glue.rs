//! Glue, per region: jobs (with tags), crawlers, security configurations,
//! Data Catalog encryption settings, and the catalog's tables. Job argument
//! values that look like credentials are dropped here, before anything is stored.

use std::collections::BTreeMap;

use aws_config::{Region, SdkConfig};
use aws_sdk_glue::Client;
use futures::stream::{self, StreamExt};
use lakelint_checks::model::{
    Account, CatalogEncryption, Gap, GlueCrawler, GlueJob, GlueRegion, GlueSecurityConfiguration,
    GlueTable, Observed, Unobserved,
};
use lakelint_checks::secrets::looks_like_secret;

use crate::crawl::{Calls, Gaps};

/// The only default arguments the checks read; the rest are not kept.
const ARGUMENTS_READ: &[&str] = &[
    "--enable-continuous-cloudwatch-log",
    "--enable-metrics",
    "--enable-auto-scaling",
    "--job-bookmark-option",
];

/// The only table parameters the checks read.
const FORMAT_PARAMETERS: &[&str] = &["classification", "table_type", "spark.sql.sources.provider"];

/// Jobs or databases read at once per region (calls are bounded by `Calls` too).
const IN_FLIGHT_PER_REGION: usize = 16;

pub struct Collector<'a> {
    pub sdk: &'a SdkConfig,
    pub calls: &'a Calls,
    pub account: &'a Account,
}

impl Collector<'_> {
    pub async fn collect(&self, region: &str) -> (GlueRegion, Vec<Gap>) {
        let config = aws_sdk_glue::config::Builder::from(self.sdk)
            .region(Region::new(region.to_string()))
            .build();
        let client = Client::from_conf(config);
        let (jobs, crawlers, tables, security_configurations, catalog_encryption) = tokio::join!(
            self.jobs(&client, region),
            self.crawlers(&client, region),
            self.tables(&client, region),
            self.security_configurations(&client),
            self.catalog_encryption(&client),
        );
        let mut gaps = Gaps::new("glue", region);
        let glue = GlueRegion {
            region: region.to_string(),
            jobs: gaps.keep(jobs),
            crawlers: gaps.keep(crawlers),
            tables: gaps.keep(tables),
            // The job checks judge a missing list as UNKNOWN; the gap says why
            // the configurations themselves are not judged.
            security_configurations: match security_configurations {
                Ok(list) => Observed::Known(list),
                Err(reason) => {
                    gaps.add(reason.clone());
                    Observed::Unknown(reason)
                }
            },
            catalog_encryption: catalog_encryption.into(),
        };
        (glue, gaps.found)
    }

    fn arn(&self, region: &str, resource: &str) -> String {
        format!(
            "arn:{}:glue:{region}:{}:{resource}",
            self.account.partition, self.account.account_id
        )
    }

    async fn jobs(&self, client: &Client, region: &str) -> Result<Vec<GlueJob>, Unobserved> {
        let listed = self
            .calls
            .pages(
                "glue:GetJobs",
                |token| client.get_jobs().set_next_token(token).send(),
                |page| (page.jobs().to_vec(), page.next_token().map(str::to_string)),
            )
            .await?;
        let jobs = stream::iter(listed)
            .map(|job| async move {
                let name = job.name().unwrap_or_default().to_string();
                let arn = self.arn(region, &format!("job/{name}"));
                let tags = self
                    .calls
                    .run("glue:GetTags", client.get_tags().resource_arn(&arn).send())
                    .await
                    .map(|out| {
                        out.tags()
                            .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                            .unwrap_or_default()
                    });
                let (arguments, secret_argument_keys) =
                    screen_arguments(job.default_arguments().into_iter().flatten());
                GlueJob {
                    name,
                    arn,
                    command: job
                        .command()
                        .and_then(|c| c.name())
                        .unwrap_or("glueetl")
                        .to_string(),
                    glue_version: job.glue_version().map(str::to_string),
                    security_configuration: job.security_configuration().map(str::to_string),
                    arguments,
                    secret_argument_keys,
                    timeout_minutes: job.timeout(),
                    max_retries: job.max_retries(),
                    tags: tags.into(),
                }
            })
            .buffer_unordered(IN_FLIGHT_PER_REGION)
            .collect::<Vec<_>>()
            .await;
        Ok(sorted(jobs, |j| j.name.clone()))
    }

    async fn crawlers(
        &self,
        client: &Client,
        region: &str,
    ) -> Result<Vec<GlueCrawler>, Unobserved> {
        let crawlers = self
            .calls
            .pages(
                "glue:GetCrawlers",
                |token| client.get_crawlers().set_next_token(token).send(),
                |page| {
                    let found = page
                        .crawlers()
                        .iter()
                        .map(|c| {
                            let name = c.name().unwrap_or_default().to_string();
                            GlueCrawler {
                                arn: self.arn(region, &format!("crawler/{name}")),
                                name,
                                security_configuration: c
                                    .crawler_security_configuration()
                                    .filter(|s| !s.is_empty())
                                    .map(str::to_string),
                                s3_targets: c
                                    .targets()
                                    .map(|t| {
                                        t.s3_targets()
                                            .iter()
                                            .filter_map(|s| s.path().map(str::to_string))
                                            .collect()
                                    })
                                    .unwrap_or_default(),
                            }
                        })
                        .collect();
                    (found, page.next_token().map(str::to_string))
                },
            )
            .await?;
        Ok(sorted(crawlers, |c| c.name.clone()))
    }

    async fn security_configurations(
        &self,
        client: &Client,
    ) -> Result<Vec<GlueSecurityConfiguration>, Unobserved> {
        self.calls
            .pages(
                "glue:GetSecurityConfigurations",
                |token| {
                    client
                        .get_security_configurations()
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let found = page
                        .security_configurations()
                        .iter()
                        .map(|sc| {
                            let enc = sc.encryption_configuration();
                            let s3 = enc.and_then(|e| e.s3_encryption().first());
                            let cw = enc.and_then(|e| e.cloud_watch_encryption());
                            let jb = enc.and_then(|e| e.job_bookmarks_encryption());
                            let mode = |m: Option<&str>| m.unwrap_or("DISABLED").to_string();
                            GlueSecurityConfiguration {
                                name: sc.name().unwrap_or_default().to_string(),
                                s3_encryption: mode(
                                    s3.and_then(|s| s.s3_encryption_mode()).map(|m| m.as_str()),
                                ),
                                cloudwatch_encryption: mode(
                                    cw.and_then(|c| c.cloud_watch_encryption_mode())
                                        .map(|m| m.as_str()),
                                ),
                                job_bookmarks_encryption: mode(
                                    jb.and_then(|j| j.job_bookmarks_encryption_mode())
                                        .map(|m| m.as_str()),
                                ),
                                kms_keys: [
                                    s3.and_then(|s| s.kms_key_arn()),
                                    cw.and_then(|c| c.kms_key_arn()),
                                    jb.and_then(|j| j.kms_key_arn()),
                                ]
                                .into_iter()
                                .flatten()
                                .map(str::to_string)
                                .collect(),
                            }
                        })
                        .collect();
                    (found, page.next_token().map(str::to_string))
                },
            )
            .await
    }

    async fn catalog_encryption(&self, client: &Client) -> Result<CatalogEncryption, Unobserved> {
        let out = self
            .calls
            .run(
                "glue:GetDataCatalogEncryptionSettings",
                client.get_data_catalog_encryption_settings().send(),
            )
            .await?;
        let settings = out.data_catalog_encryption_settings();
        let at_rest = settings.and_then(|s| s.encryption_at_rest());
        let passwords = settings.and_then(|s| s.connection_password_encryption());
        Ok(CatalogEncryption {
            at_rest_mode: at_rest
                .map(|a| a.catalog_encryption_mode().as_str().to_string())
                .unwrap_or_else(|| "DISABLED".into()),
            at_rest_kms_key: at_rest
                .and_then(|a| a.sse_aws_kms_key_id())
                .map(str::to_string),
            connection_password_encrypted: passwords
                .is_some_and(|p| p.return_connection_password_encrypted()),
            connection_password_kms_key: passwords
                .and_then(|p| p.aws_kms_key_id())
                .map(str::to_string),
        })
    }

    /// Every table of every database, the databases read concurrently.
    async fn tables(&self, client: &Client, region: &str) -> Result<Vec<GlueTable>, Unobserved> {
        let databases = self
            .calls
            .pages(
                "glue:GetDatabases",
                |token| client.get_databases().set_next_token(token).send(),
                |page| {
                    let names = page
                        .database_list()
                        .iter()
                        .map(|d| d.name().to_string())
                        .collect();
                    (names, page.next_token().map(str::to_string))
                },
            )
            .await?;
        let per_database: Vec<Result<Vec<GlueTable>, Unobserved>> = stream::iter(databases)
            .map(|database| async move {
                self.calls
                    .pages(
                        "glue:GetTables",
                        |token| {
                            client
                                .get_tables()
                                .database_name(&database)
                                .set_next_token(token)
                                .send()
                        },
                        |page| {
                            let tables = page
                                .table_list()
                                .iter()
                                .map(|t| self.table(region, &database, t))
                                .collect();
                            (tables, page.next_token().map(str::to_string))
                        },
                    )
                    .await
            })
            .buffer_unordered(IN_FLIGHT_PER_REGION)
            .collect()
            .await;
        let mut tables = Vec::new();
        for result in per_database {
            tables.extend(result?);
        }
        Ok(sorted(tables, |t| format!("{}.{}", t.database, t.name)))
    }

    fn table(&self, region: &str, database: &str, t: &aws_sdk_glue::types::Table) -> GlueTable {
        let sd = t.storage_descriptor();
        let params = t.parameters();
        GlueTable {
            database: database.to_string(),
            name: t.name().to_string(),
            arn: self.arn(region, &format!("table/{database}/{}", t.name())),
            table_type: t.table_type().map(str::to_string),
            has_storage: sd.is_some(),
            location: sd
                .and_then(|s| s.location())
                .filter(|l| !l.is_empty())
                .map(str::to_string),
            input_format: sd.and_then(|s| s.input_format()).map(str::to_string),
            output_format: sd.and_then(|s| s.output_format()).map(str::to_string),
            serde_library: sd
                .and_then(|s| s.serde_info())
                .and_then(|s| s.serialization_library())
                .map(str::to_string),
            format_parameters: FORMAT_PARAMETERS
                .iter()
                .filter_map(|k| Some((k.to_string(), params?.get(*k)?.clone())))
                .collect(),
            partition_keys: t.partition_keys().len(),
        }
    }
}

/// Keeps the arguments checks read and the keys of those that look like
/// credentials; every other value, and every credential, is dropped.
fn screen_arguments<'a>(
    arguments: impl Iterator<Item = (&'a String, &'a String)>,
) -> (BTreeMap<String, String>, Vec<String>) {
    let mut kept = BTreeMap::new();
    let mut secrets = Vec::new();
    for (key, value) in arguments {
        if looks_like_secret(key, value) {
            secrets.push(key.clone());
        } else if ARGUMENTS_READ.contains(&key.as_str()) {
            kept.insert(key.clone(), value.clone());
        }
    }
    secrets.sort();
    (kept, secrets)
}

fn sorted<T>(mut items: Vec<T>, key: impl Fn(&T) -> String) -> Vec<T> {
    items.sort_by_key(|item| key(item));
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screening_keeps_read_arguments_and_drops_secret_values() {
        let args: Vec<(String, String)> = [
            ("--enable-metrics", "true"),
            ("--TempDir", "s3://tmp/"),
            ("--db-password", "hunter2"),
            (
                "--conf",
                "spark.hadoop.fs.s3a.access.key=AKIAABCDEFGHIJKLMNOP",
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let (kept, secrets) = screen_arguments(args.iter().map(|(k, v)| (k, v)));
        assert_eq!(kept.len(), 1);
        assert_eq!(kept["--enable-metrics"], "true");
        assert_eq!(secrets, ["--conf", "--db-password"]);
    }
}
