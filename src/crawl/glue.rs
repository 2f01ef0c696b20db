//! Glue, per region: jobs (with tags), crawlers, security configurations,
//! Data Catalog encryption settings, the catalog's tables, the Schema
//! Registry's schemas and the tables Data Quality rulesets target. Job argument
//! values that look like credentials are dropped here, before anything is stored.

use std::collections::BTreeMap;

use aws_sdk_glue::types::SchemaId;
use aws_sdk_glue::Client;
use futures::stream::{self, StreamExt};
use lakelint_checks::interpret::secrets::looks_like_secret;
use lakelint_checks::model::{
    CatalogEncryption, EncryptionSetting, GlueCrawler, GlueInventory, GlueJob, GlueRegion,
    GlueSchema, GlueSecurityConfiguration, GlueTable, GlueTrigger, Observed, Regional, Unobserved,
};

use crate::crawl::actions::{per_region, Action, Per};
use crate::crawl::collector::{Collector, Gaps, Scan};

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

/// Collects Glue, region by region.
pub(crate) struct Glue;

/// Once per Glue job.
const JOB: Per = Per::new("Glue job", |inventory| {
    per_region(inventory.glue.as_ref(), |r| r.jobs.len())
});

/// Once per schema of the Schema Registry.
const SCHEMA: Per = Per::new("Glue schema", |inventory| {
    per_region(inventory.glue.as_ref(), |r| r.schemas.len())
});

/// Once per database of the Data Catalog (databases without tables are not counted).
const DATABASE: Per = Per::new("Glue database", |inventory| {
    per_region(inventory.glue.as_ref(), |r| {
        let databases: std::collections::BTreeSet<&str> =
            r.tables.iter().map(|t| t.database.as_str()).collect();
        databases.len()
    })
});

impl Collector for Glue {
    type Section = GlueInventory;
    type Part = GlueRegion;

    const ACTIONS: &'static [Action] = &[
        Action::read(
            "glue:GetCrawlers",
            Per::REGION,
            &[
                "glue.crawler_security_configuration",
                "glue.trigger_off_peak",
                "s3.bucket_replication",
            ],
        ),
        Action::read(
            "glue:GetDataCatalogEncryptionSettings",
            Per::REGION,
            &["glue.catalog_*", "kms.key_in_use_usable"],
        ),
        Action::read(
            "glue:GetDatabases",
            Per::REGION,
            &[
                "glue.table_*",
                "glue.database_data_quality",
                "lakeformation.default_permissions",
                "lakeformation.data_lake_admins",
            ],
        ),
        Action::read("glue:GetJobs", Per::REGION, &["glue.job_*"]),
        Action::read("glue:GetSchema", SCHEMA, &["glue.schema_compatibility"]),
        Action::read(
            "glue:GetSecurityConfigurations",
            Per::REGION,
            &[
                "glue.job_security_configuration",
                "glue.security_configuration_complete",
                "kms.key_in_use_usable",
            ],
        ),
        Action::read(
            "glue:GetTables",
            DATABASE,
            &[
                "glue.table_*",
                "s3.bucket_replication",
                "cloudtrail.s3_data_events",
            ],
        ),
        Action::read(
            "glue:GetTags",
            JOB,
            &["glue.job_owner_tag", "glue.job_deployed_as_code"],
        ),
        Action::read("glue:GetTriggers", Per::REGION, &["glue.trigger_off_peak"]),
        Action::read(
            "glue:ListDataQualityRulesets",
            Per::REGION,
            &["glue.database_data_quality"],
        ),
        Action::read(
            "glue:ListSchemas",
            Per::REGION,
            &["glue.schema_compatibility"],
        ),
    ];

    async fn collect(&self, scan: &Scan<'_>, region: &str, gaps: &mut Gaps) -> GlueRegion {
        let reader = Reader {
            scan,
            client: Client::new(&scan.sdk_in(region)),
            region,
        };
        let (
            jobs,
            crawlers,
            catalog,
            triggers,
            security_configurations,
            catalog_encryption,
            schemas,
            data_quality_targets,
        ) = tokio::join!(
            reader.jobs(),
            reader.crawlers(),
            reader.tables(),
            reader.triggers(),
            reader.security_configurations(),
            reader.catalog_encryption(),
            reader.schemas(),
            reader.data_quality_targets(),
        );
        let (databases, tables) = match catalog {
            Ok((databases, tables, unlisted)) => {
                // One database's failure costs its own tables only.
                unlisted.into_iter().for_each(|reason| gaps.add(reason));
                (databases, tables)
            }
            Err(reason) => {
                gaps.add(reason);
                (Vec::new(), Vec::new())
            }
        };
        GlueRegion {
            region: region.to_string(),
            jobs: gaps.keep(jobs),
            crawlers: gaps.keep(crawlers),
            databases,
            tables,
            triggers: gaps.keep(triggers),
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
            schemas: gaps.keep(schemas),
            data_quality_targets: data_quality_targets.into(),
        }
    }

    fn assemble(regions: Vec<GlueRegion>) -> GlueInventory {
        Regional { regions }
    }
}

/// Reads one region's Glue.
struct Reader<'a> {
    scan: &'a Scan<'a>,
    client: Client,
    region: &'a str,
}

impl Reader<'_> {
    fn arn(&self, resource: &str) -> String {
        self.scan.arn("glue", self.region, resource)
    }

    async fn jobs(&self) -> Result<Vec<GlueJob>, Unobserved> {
        let listed = self
            .scan
            .calls
            .pages(
                "glue:GetJobs",
                |token| {
                    self.client
                        .get_jobs()
                        .max_results(1000)
                        .set_next_token(token)
                        .send()
                },
                |page| (page.jobs().to_vec(), page.next_token().map(str::to_string)),
            )
            .await?;
        let jobs = stream::iter(listed)
            .map(|job| async move {
                let name = job.name().unwrap_or_default().to_string();
                let arn = self.arn(&format!("job/{name}"));
                let tags = self
                    .scan
                    .calls
                    .run("glue:GetTags", || {
                        self.client.get_tags().resource_arn(&arn).send()
                    })
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
                    command: Observed::reported(
                        job.command().and_then(|c| c.name()).map(str::to_string),
                        "glue:GetJobs",
                        "Command.Name",
                    ),
                    reads_catalog_or_s3: reads_catalog_or_s3(&job),
                    glue_version: job.glue_version().map(str::to_string),
                    security_configuration: job.security_configuration().map(str::to_string),
                    arguments,
                    secret_argument_keys,
                    timeout_minutes: job.timeout(),
                    max_retries: job.max_retries(),
                    tags: tags.into(),
                    // Absent: the job is not linked to a repository.
                    source_control: job.source_control_details().and_then(|s| {
                        let provider = s.provider()?.as_str();
                        Some(match s.repository() {
                            Some(repo) => format!("{provider} {repo}"),
                            None => provider.to_string(),
                        })
                    }),
                }
            })
            .buffer_unordered(IN_FLIGHT_PER_REGION)
            .collect::<Vec<_>>()
            .await;
        Ok(sorted(jobs, |j| j.name.clone()))
    }

    async fn crawlers(&self) -> Result<Vec<GlueCrawler>, Unobserved> {
        let crawlers = self
            .scan
            .calls
            .pages(
                "glue:GetCrawlers",
                |token| {
                    self.client
                        .get_crawlers()
                        .max_results(1000)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let found = page
                        .crawlers()
                        .iter()
                        .map(|c| {
                            let name = c.name().unwrap_or_default().to_string();
                            GlueCrawler {
                                arn: self.arn(&format!("crawler/{name}")),
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
                                schedule: c
                                    .schedule()
                                    .and_then(|s| s.schedule_expression())
                                    .map(str::to_string),
                                schedule_state: c
                                    .schedule()
                                    .and_then(|s| s.state())
                                    .map(|s| s.as_str().to_string()),
                            }
                        })
                        .collect();
                    (found, page.next_token().map(str::to_string))
                },
            )
            .await?;
        Ok(sorted(crawlers, |c| c.name.clone()))
    }

    async fn security_configurations(&self) -> Result<Vec<GlueSecurityConfiguration>, Unobserved> {
        self.scan
            .calls
            .pages(
                "glue:GetSecurityConfigurations",
                |token| {
                    self.client
                        .get_security_configurations()
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let found = page
                        .security_configurations()
                        .iter()
                        .map(|sc| {
                            const GET: &str = "glue:GetSecurityConfigurations";
                            let enc = sc.encryption_configuration();
                            // An omitted setting is not known to be off.
                            let setting = |mode: Option<&str>, key: Option<&str>, field: &str| {
                                EncryptionSetting {
                                    mode: Observed::reported(mode.map(str::to_string), GET, field),
                                    kms_key: key.map(str::to_string),
                                }
                            };
                            let s3 = enc.and_then(|e| e.s3_encryption().first());
                            let cw = enc.and_then(|e| e.cloud_watch_encryption());
                            let jb = enc.and_then(|e| e.job_bookmarks_encryption());
                            GlueSecurityConfiguration {
                                name: sc.name().unwrap_or_default().to_string(),
                                s3: setting(
                                    s3.and_then(|s| s.s3_encryption_mode()).map(|m| m.as_str()),
                                    s3.and_then(|s| s.kms_key_arn()),
                                    "S3Encryption.S3EncryptionMode",
                                ),
                                cloudwatch: setting(
                                    cw.and_then(|c| c.cloud_watch_encryption_mode())
                                        .map(|m| m.as_str()),
                                    cw.and_then(|c| c.kms_key_arn()),
                                    "CloudWatchEncryption.CloudWatchEncryptionMode",
                                ),
                                job_bookmarks: setting(
                                    jb.and_then(|j| j.job_bookmarks_encryption_mode())
                                        .map(|m| m.as_str()),
                                    jb.and_then(|j| j.kms_key_arn()),
                                    "JobBookmarksEncryption.JobBookmarksEncryptionMode",
                                ),
                            }
                        })
                        .collect();
                    (found, page.next_token().map(str::to_string))
                },
            )
            .await
    }

    async fn catalog_encryption(&self) -> Result<CatalogEncryption, Unobserved> {
        let out = self
            .scan
            .calls
            .run("glue:GetDataCatalogEncryptionSettings", || {
                self.client.get_data_catalog_encryption_settings().send()
            })
            .await?;
        let settings = out.data_catalog_encryption_settings();
        let at_rest = settings.and_then(|s| s.encryption_at_rest());
        let passwords = settings.and_then(|s| s.connection_password_encryption());
        const GET: &str = "glue:GetDataCatalogEncryptionSettings";
        Ok(CatalogEncryption {
            at_rest_mode: Observed::reported(
                at_rest.map(|a| a.catalog_encryption_mode().as_str().to_string()),
                GET,
                "EncryptionAtRest",
            ),
            at_rest_kms_key: at_rest
                .and_then(|a| a.sse_aws_kms_key_id())
                .map(str::to_string),
            connection_password_encrypted: Observed::reported(
                passwords.map(|p| p.return_connection_password_encrypted()),
                GET,
                "ConnectionPasswordEncryption",
            ),
            connection_password_kms_key: passwords
                .and_then(|p| p.aws_kms_key_id())
                .map(str::to_string),
        })
    }

    /// Every registry's schemas (ListSchemas without a registry lists them
    /// all), each with its compatibility mode, which only GetSchema reports.
    async fn schemas(&self) -> Result<Vec<GlueSchema>, Unobserved> {
        const LIST: &str = "glue:ListSchemas";
        const GET: &str = "glue:GetSchema";
        let listed = self
            .scan
            .calls
            .pages(
                LIST,
                |token| {
                    self.client
                        .list_schemas()
                        .max_results(100)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    (
                        page.schemas().to_vec(),
                        page.next_token().map(str::to_string),
                    )
                },
            )
            .await?;
        let schemas = stream::iter(listed)
            .map(|item| async move {
                let registry = item.registry_name()?.to_string();
                let name = item.schema_name()?.to_string();
                let arn = item.schema_arn().map_or_else(
                    || self.arn(&format!("schema/{registry}/{name}")),
                    str::to_string,
                );
                let compatibility = self
                    .scan
                    .calls
                    .run(GET, || {
                        self.client
                            .get_schema()
                            .schema_id(SchemaId::builder().schema_arn(&arn).build())
                            .send()
                    })
                    .await
                    .and_then(|out| {
                        out.compatibility()
                            .map(|c| c.as_str().to_string())
                            .ok_or_else(|| Unobserved::not_reported(GET, "Compatibility"))
                    });
                Some(GlueSchema {
                    registry,
                    name,
                    arn,
                    status: item.schema_status().map(|s| s.as_str().to_string()),
                    compatibility: compatibility.into(),
                })
            })
            .buffer_unordered(IN_FLIGHT_PER_REGION)
            .collect::<Vec<_>>()
            .await;
        Ok(sorted(schemas.into_iter().flatten().collect(), |s| {
            format!("{}/{}", s.registry, s.name)
        }))
    }

    /// The tables of this account's catalog that Data Quality rulesets target,
    /// as `database.table`.
    async fn data_quality_targets(&self) -> Result<Vec<String>, Unobserved> {
        let account = &self.scan.account.account_id;
        let targets = self
            .scan
            .calls
            .pages(
                "glue:ListDataQualityRulesets",
                |token| {
                    self.client
                        .list_data_quality_rulesets()
                        .max_results(100)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let found = page
                        .rulesets()
                        .iter()
                        .filter_map(|r| r.target_table())
                        // A ruleset on another account's catalog checks none of ours.
                        .filter(|t| t.catalog_id().is_none_or(|id| id == account))
                        .map(|t| format!("{}.{}", t.database_name(), t.table_name()))
                        .collect();
                    (found, page.next_token().map(str::to_string))
                },
            )
            .await?;
        Ok(sorted(targets, String::clone))
    }

    /// The triggers that start jobs and crawlers.
    async fn triggers(&self) -> Result<Vec<GlueTrigger>, Unobserved> {
        let triggers = self
            .scan
            .calls
            .pages(
                "glue:GetTriggers",
                |token| {
                    self.client
                        .get_triggers()
                        .max_results(200)
                        .set_next_token(token)
                        .send()
                },
                |page| {
                    let found = page
                        .triggers()
                        .iter()
                        .filter_map(|t| {
                            let name = t.name()?.to_string();
                            Some(GlueTrigger {
                                arn: self.arn(&format!("trigger/{name}")),
                                name,
                                trigger_type: Observed::reported(
                                    t.r#type().map(|k| k.as_str().to_string()),
                                    "glue:GetTriggers",
                                    "Type",
                                ),
                                state: t.state().map(|k| k.as_str().to_string()),
                                schedule: t.schedule().map(str::to_string),
                            })
                        })
                        .collect();
                    (found, page.next_token().map(str::to_string))
                },
            )
            .await?;
        Ok(sorted(triggers, |t| t.name.clone()))
    }

    /// The databases, every table of every database (the databases read
    /// concurrently), and why any database's tables could not be listed.
    #[allow(clippy::type_complexity)]
    async fn tables(&self) -> Result<(Vec<String>, Vec<GlueTable>, Vec<Unobserved>), Unobserved> {
        let databases = self
            .scan
            .calls
            .pages(
                "glue:GetDatabases",
                |token| {
                    self.client
                        .get_databases()
                        .max_results(100)
                        .set_next_token(token)
                        .send()
                },
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
        let per_database: Vec<Result<Vec<GlueTable>, Unobserved>> = stream::iter(databases.clone())
            .map(|database| async move {
                self.scan
                    .calls
                    .pages(
                        "glue:GetTables",
                        |token| {
                            self.client
                                .get_tables()
                                .database_name(&database)
                                .max_results(100)
                                .set_next_token(token)
                                .send()
                        },
                        |page| {
                            let tables = page
                                .table_list()
                                .iter()
                                .map(|t| self.table(&database, t))
                                .collect();
                            (tables, page.next_token().map(str::to_string))
                        },
                    )
                    .await
                    .map_err(|reason| {
                        reason.with_message(format!(
                            "tables of database {database} could not be listed"
                        ))
                    })
            })
            .buffer_unordered(IN_FLIGHT_PER_REGION)
            .collect()
            .await;
        let (mut tables, mut unlisted) = (Vec::new(), Vec::new());
        for result in per_database {
            match result {
                Ok(found) => tables.extend(found),
                Err(reason) => unlisted.push(reason),
            }
        }
        let tables = sorted(tables, |t| format!("{}.{}", t.database, t.name));
        Ok((sorted(databases, String::clone), tables, unlisted))
    }

    fn table(&self, database: &str, t: &aws_sdk_glue::types::Table) -> GlueTable {
        let sd = t.storage_descriptor();
        let params = t.parameters();
        GlueTable {
            database: database.to_string(),
            name: t.name().to_string(),
            arn: self.arn(&format!("table/{database}/{}", t.name())),
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

/// For a visual job, whether a source node reads the Data Catalog or S3;
/// `None` for a script job.
fn reads_catalog_or_s3(job: &aws_sdk_glue::types::Job) -> Option<bool> {
    let nodes = job.code_gen_configuration_nodes()?;
    if nodes.is_empty() {
        return None;
    }
    Some(nodes.values().any(|n| {
        n.catalog_source().is_some()
            || n.governed_catalog_source().is_some()
            || n.s3_catalog_source().is_some()
            || n.s3_csv_source().is_some()
            || n.s3_json_source().is_some()
            || n.s3_parquet_source().is_some()
            || n.s3_excel_source().is_some()
            || n.s3_catalog_hudi_source().is_some()
            || n.catalog_hudi_source().is_some()
            || n.s3_hudi_source().is_some()
            || n.s3_catalog_delta_source().is_some()
            || n.catalog_delta_source().is_some()
            || n.s3_delta_source().is_some()
            || n.s3_catalog_iceberg_source().is_some()
            || n.catalog_iceberg_source().is_some()
    }))
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
