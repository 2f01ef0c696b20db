//! Inventory values for the checks' unit tests, and running one check on them.

use std::collections::BTreeMap;

use crate::engine::check::Context;
use crate::findings::config::Config;
use crate::findings::finding::Status;
use crate::model::*;

/// Buckets named `lake*` are data-lake buckets.
pub fn lake_config() -> Config {
    let mut config = Config::default();
    config.s3.data_lake_buckets = vec!["lake*".into()];
    config
}

pub fn denied(action: &str) -> Unobserved {
    Unobserved::new(UnobservedKind::AccessDenied, action)
}

/// Records that `action` was denied while listing `service` (in `region`).
pub fn deny_listing(inv: &mut Inventory, service: Service, region: Option<&str>, action: &str) {
    inv.scan.gaps.push(Gap {
        account_id: None,
        service,
        region: region.map(Into::into),
        reason: denied(action),
        checks: vec![],
    });
}

/// A bucket with nothing configured: every setting known to be absent.
pub fn bare_bucket(name: &str, region: &str) -> Bucket {
    Bucket {
        name: name.into(),
        arn: format!("arn:aws:s3:::{name}"),
        region: Observed::Known(region.into()),
        public_access_block: Observed::Known(None),
        policy: Observed::Known(None),
        encryption: Observed::Known(None),
        logging: Observed::Known(None),
        versioning: Observed::Known(Versioning::default()),
        lifecycle: Observed::Known(Vec::new()),
        intelligent_tiering: Observed::Known(Vec::new()),
        replication: Observed::Known(Vec::new()),
        tags: Observed::Known(BTreeMap::new()),
        acl: None,
        policy_status: None,
    }
}

pub fn inventory(buckets: Vec<Bucket>) -> Inventory {
    let account_bucket_names = buckets.iter().map(|b| b.name.clone()).collect();
    Inventory {
        schema_version: INVENTORY_SCHEMA_VERSION.into(),
        account: Account {
            account_id: "123456789012".into(),
            partition: "aws".into(),
            caller_arn: "arn:aws:iam::123456789012:user/test".into(),
        },
        scan: ScanInfo {
            regions: vec!["us-east-1".into()],
            services: Service::ALL.to_vec(),
            started_at: "2026-12-01T00:00:00Z".into(),
            ..ScanInfo::default()
        },
        s3: Some(S3Inventory {
            account_public_access_block: Observed::Known(None),
            buckets,
            account_bucket_names,
        }),
        // Glue scanned and empty: bucket roles are complete.
        glue: Some(Regional::default()),
        ..Inventory::default()
    }
}

/// The statuses of `id`'s findings, in report order.
pub fn statuses(id: &str, inventory: &Inventory) -> Vec<Status> {
    run(id, inventory).into_iter().map(|(_, s, _)| s).collect()
}

/// The single verdict of `id` on `inventory`.
fn single(id: &str, inventory: &Inventory) -> Option<(Status, String)> {
    let mut out = run(id, inventory);
    assert!(out.len() <= 1, "{out:?}");
    out.pop().map(|(_, status, text)| (status, text))
}

/// An Athena workgroup that passes every workgroup check; its results go
/// to s3://athena-results/NAME/.
pub fn good_workgroup(name: &str) -> AthenaWorkGroup {
    AthenaWorkGroup {
        name: name.into(),
        arn: format!("arn:aws:athena:us-east-1:123456789012:workgroup/{name}"),
        state: Some("ENABLED".into()),
        configuration: Observed::Known(WorkGroupConfiguration {
            enforce_configuration: Observed::Known(true),
            publish_metrics: Observed::Known(true),
            bytes_scanned_cutoff: Some(10_000_000_000),
            output_location: Some(format!("s3://athena-results/{name}/")),
            result_encryption: Some("SSE_KMS".into()),
            result_kms_key: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
            effective_engine: Observed::Known("Athena engine version 3".into()),
            managed_results: None,
        }),
    }
}

pub fn with_athena(mut inv: Inventory, workgroups: Vec<AthenaWorkGroup>) -> Inventory {
    inv.athena = Some(AthenaInventory {
        regions: vec![AthenaRegion {
            region: "us-east-1".into(),
            workgroups,
        }],
    });
    inv
}

/// The verdict of `id` on a one-workgroup inventory (no results bucket scanned).
pub fn workgroup_verdict(id: &str, workgroup: AthenaWorkGroup) -> Option<(Status, String)> {
    single(id, &with_athena(inventory(vec![]), vec![workgroup]))
}

/// Lake Formation in us-east-1 with an administrator; `governed` says
/// whether new databases and tables leave IAM_ALLOWED_PRINCIPALS out.
pub fn lf_region(governed: bool) -> LakeFormationRegion {
    let iam_all = vec![DefaultPermission {
        principal: "IAM_ALLOWED_PRINCIPALS".into(),
        permissions: vec!["ALL".into()],
    }];
    let defaults = if governed { vec![] } else { iam_all };
    LakeFormationRegion {
        region: "us-east-1".into(),
        settings: Observed::Known(DataLakeSettings {
            admins: vec!["arn:aws:iam::123456789012:role/lake-admin".into()],
            database_defaults: defaults.clone(),
            table_defaults: defaults,
        }),
        registered: Observed::Known(vec![]),
    }
}

pub fn with_lakeformation(mut inv: Inventory, regions: Vec<LakeFormationRegion>) -> Inventory {
    inv.lakeformation = Some(LakeFormationInventory { regions });
    inv
}

/// A rotating secret created a month before the scan and read a week before it.
pub fn secret(name: &str) -> Secret {
    Secret {
        name: name.into(),
        arn: format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:{name}-AbCdEf"),
        kms_key_id: None,
        rotation_enabled: true,
        created: Observed::Known("2026-11-01T00:00:00Z".into()),
        last_accessed: Some("2026-11-24T00:00:00Z".into()),
        owning_service: None,
    }
}

pub fn with_secrets(mut inv: Inventory, secrets: Vec<Secret>) -> Inventory {
    inv.secretsmanager = Some(SecretsManagerInventory {
        regions: vec![SecretsManagerRegion {
            region: "us-east-1".into(),
            secrets,
        }],
    });
    inv
}

pub fn secret_verdict(id: &str, secret: Secret) -> Option<(Status, String)> {
    single(id, &with_secrets(inventory(vec![]), vec![secret]))
}

/// An on-demand table that passes every table check.
pub fn good_table(name: &str) -> DynamoDbTable {
    DynamoDbTable {
        name: name.into(),
        arn: format!("arn:aws:dynamodb:us-east-1:123456789012:table/{name}"),
        description: Observed::Known(TableDescription {
            billing_mode: Observed::Known("PAY_PER_REQUEST".into()),
            deletion_protection: Observed::Known(true),
            kms_key: Observed::Known(Some("arn:aws:kms:us-east-1:123456789012:key/k".into())),
        }),
        point_in_time_recovery: Observed::Known(true),
    }
}

pub fn with_dynamodb(mut inv: Inventory, region: DynamoDbRegion) -> Inventory {
    inv.dynamodb = Some(DynamoDbInventory {
        regions: vec![region],
    });
    inv
}

pub fn table_verdict(id: &str, table: DynamoDbTable) -> Option<(Status, String)> {
    let region = DynamoDbRegion {
        region: "us-east-1".into(),
        tables: vec![table],
        scaling_targets: Observed::Known(vec![]),
    };
    single(id, &with_dynamodb(inventory(vec![]), region))
}

pub fn good_dax(name: &str) -> DaxCluster {
    DaxCluster {
        name: name.into(),
        arn: format!("arn:aws:dax:us-east-1:123456789012:cache/{name}"),
        encryption_at_rest: Observed::Known("ENABLED".into()),
        endpoint_encryption: Observed::Known("TLS".into()),
    }
}

pub fn dax_verdict(id: &str, cluster: DaxCluster) -> Option<(Status, String)> {
    let mut inv = inventory(vec![]);
    inv.dax = Some(DaxInventory {
        regions: vec![DaxRegion {
            region: "us-east-1".into(),
            clusters: vec![cluster],
        }],
    });
    single(id, &inv)
}

fn good_db_settings(engine: &str) -> DbSettings {
    DbSettings {
        engine: Observed::Known(engine.into()),
        storage_encrypted: Observed::Known(true),
        kms_key_id: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
        multi_az: Observed::Known(true),
        backup_retention_days: Observed::Known(7),
        deletion_protection: Observed::Known(true),
        log_exports: vec!["postgresql".into()],
        iam_authentication: Observed::Known(true),
        master_user_secret: Some(ManagedSecret {
            arn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1".into(),
            kms_key_id: None,
        }),
    }
}

/// A PostgreSQL instance outside any cluster that passes every RDS check.
pub fn good_db_instance(id: &str) -> RdsInstance {
    RdsInstance {
        id: id.into(),
        arn: format!("arn:aws:rds:us-east-1:123456789012:db:{id}"),
        class: Observed::Known("db.r6g.large".into()),
        cluster: None,
        publicly_accessible: Observed::Known(false),
        auto_minor_upgrade: Observed::Known(true),
        performance_insights_kms_key: None,
        settings: good_db_settings("postgres"),
    }
}

/// An Aurora PostgreSQL cluster that passes every RDS check.
pub fn good_db_cluster(id: &str) -> RdsCluster {
    RdsCluster {
        id: id.into(),
        arn: format!("arn:aws:rds:us-east-1:123456789012:cluster:{id}"),
        settings: good_db_settings("aurora-postgresql"),
        instance_settings: None,
    }
}

pub fn rds_region(instances: Vec<RdsInstance>, clusters: Vec<RdsCluster>) -> RdsRegion {
    RdsRegion {
        region: "us-east-1".into(),
        instances,
        clusters,
    }
}

pub fn with_rds(mut inv: Inventory, region: RdsRegion) -> Inventory {
    inv.rds = Some(RdsInventory {
        regions: vec![region],
    });
    inv
}

pub fn good_state_machine(name: &str) -> StateMachine {
    StateMachine {
        name: name.into(),
        arn: format!("arn:aws:states:us-east-1:123456789012:stateMachine:{name}"),
        configuration: Observed::Known(StateMachineConfiguration {
            logging_level: Observed::Known("ERROR".into()),
            tracing: Observed::Known(true),
            kms_key: None,
        }),
        tags: Observed::Known(
            [(
                "aws:cloudformation:stack-name".to_string(),
                "etl".to_string(),
            )]
            .into(),
        ),
    }
}

pub fn state_machine_verdict(id: &str, machine: StateMachine) -> Option<(Status, String)> {
    let mut inv = inventory(vec![]);
    inv.stepfunctions = Some(StepFunctionsInventory {
        regions: vec![StepFunctionsRegion {
            region: "us-east-1".into(),
            state_machines: vec![machine],
        }],
    });
    single(id, &inv)
}

pub fn good_environment(name: &str) -> MwaaEnvironment {
    MwaaEnvironment {
        name: name.into(),
        arn: format!("arn:aws:airflow:us-east-1:123456789012:environment/{name}"),
        configuration: Observed::Known(MwaaConfiguration {
            webserver_access_mode: Observed::Known("PRIVATE_ONLY".into()),
            task_logs: Observed::Known(true),
            scheduler_logs: Observed::Known(true),
            kms_key: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
        }),
    }
}

pub fn mwaa_verdict(id: &str, environment: MwaaEnvironment) -> Option<(Status, String)> {
    let mut inv = inventory(vec![]);
    inv.mwaa = Some(MwaaInventory {
        regions: vec![MwaaRegion {
            region: "us-east-1".into(),
            environments: vec![environment],
        }],
    });
    single(id, &inv)
}

pub fn good_application(name: &str) -> EmrServerlessApplication {
    EmrServerlessApplication {
        id: format!("00{name}"),
        name: name.into(),
        arn: format!("arn:aws:emr-serverless:us-east-1:123456789012:/applications/00{name}"),
        auto_stop: Observed::Known(AutoStop {
            enabled: true,
            idle_timeout_minutes: Some(15),
        }),
    }
}

pub fn application_verdict(
    id: &str,
    application: EmrServerlessApplication,
) -> Option<(Status, String)> {
    let mut inv = inventory(vec![]);
    inv.emrserverless = Some(EmrServerlessInventory {
        regions: vec![EmrServerlessRegion {
            region: "us-east-1".into(),
            applications: vec![application],
        }],
    });
    single(id, &inv)
}

/// Runs the check with `id` and returns (resource id, status, message or reason).
pub fn run(id: &str, inventory: &Inventory) -> Vec<(String, Status, String)> {
    run_with(id, inventory, &Config::default())
}

pub fn run_with(id: &str, inventory: &Inventory, config: &Config) -> Vec<(String, Status, String)> {
    let check = crate::engine::registry::find(id).unwrap_or_else(|| panic!("no check {id}"));
    let roles = crate::engine::roles::Roles::of(inventory, config);
    let cx = Context {
        inventory,
        config,
        roles: &roles,
    };
    let mut judgements = (check.judge)(&cx);
    // In report order, as the engine sorts them.
    judgements.sort_by(|a, b| a.resource.cmp(&b.resource));
    judgements
        .into_iter()
        .map(|j| {
            let text = match &j.outcome {
                crate::findings::finding::Outcome::Pass(m)
                | crate::findings::finding::Outcome::Fail(m) => m.to_string(),
                crate::findings::finding::Outcome::Unknown(r) => r.to_string(),
            };
            (j.resource.id.into_owned(), j.outcome.status(), text)
        })
        .collect()
}

/// A Glue job that passes every job check.
pub fn good_job(name: &str) -> GlueJob {
    GlueJob {
        name: name.into(),
        arn: format!("arn:aws:glue:us-east-1:123456789012:job/{name}"),
        command: Observed::Known("glueetl".into()),
        reads_catalog_or_s3: None,
        glue_version: Some("4.0".into()),
        security_configuration: Some("secure".into()),
        arguments: [
            ("--enable-continuous-cloudwatch-log", "true"),
            ("--enable-metrics", "true"),
            ("--enable-auto-scaling", "true"),
            ("--job-bookmark-option", "job-bookmark-enable"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect(),
        secret_argument_keys: vec![],
        timeout_minutes: Some(60),
        max_retries: 1,
        tags: Observed::Known(
            [
                ("owner".to_string(), "data".to_string()),
                ("managed-by".to_string(), "terraform".to_string()),
            ]
            .into(),
        ),
        source_control: None,
    }
}

pub fn secure_configuration(name: &str) -> GlueSecurityConfiguration {
    let setting = |mode: &str| EncryptionSetting {
        mode: Observed::Known(mode.into()),
        kms_key: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
    };
    GlueSecurityConfiguration {
        name: name.into(),
        s3: setting("SSE-KMS"),
        cloudwatch: setting("SSE-KMS"),
        job_bookmarks: setting("CSE-KMS"),
    }
}

/// A Glue region in us-east-1 with an encrypted catalog and the `secure` configuration.
pub fn glue_region() -> GlueRegion {
    GlueRegion {
        region: "us-east-1".into(),
        jobs: vec![],
        crawlers: vec![],
        databases: vec![],
        tables: vec![],
        triggers: vec![],
        security_configurations: Observed::Known(vec![secure_configuration("secure")]),
        catalog_encryption: Observed::Known(CatalogEncryption {
            at_rest_mode: Observed::Known("SSE-KMS".into()),
            at_rest_kms_key: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
            connection_password_encrypted: Observed::Known(true),
            connection_password_kms_key: None,
        }),
        schemas: vec![],
        data_quality_targets: Observed::Known(vec![]),
    }
}

pub fn glue_inventory(region: GlueRegion) -> Inventory {
    let mut inv = inventory(vec![]);
    inv.glue = Some(GlueInventory {
        regions: vec![region],
    });
    inv
}

/// The verdict of `id` on the only Glue resource it judges in `region`.
pub fn glue_verdict(id: &str, region: GlueRegion) -> Option<(Status, String)> {
    let inv = glue_inventory(region);
    let mut out = run(id, &inv);
    assert!(out.len() <= 1, "{out:?}");
    out.pop().map(|(_, status, text)| (status, text))
}

pub fn job_verdict(id: &str, job: GlueJob) -> Option<(Status, String)> {
    let mut region = glue_region();
    region.jobs = vec![job];
    glue_verdict(id, region)
}

/// A Redshift cluster that passes every cluster check.
pub fn good_cluster(id: &str) -> RedshiftCluster {
    RedshiftCluster {
        id: id.into(),
        arn: format!("arn:aws:redshift:us-east-1:123456789012:cluster:{id}"),
        node_type: Observed::Known("ra3.xlplus".into()),
        number_of_nodes: Observed::Known(2),
        publicly_accessible: Observed::Known(false),
        encrypted: Observed::Known(true),
        kms_key_id: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
        master_username: Observed::Known("warehouse_admin".into()),
        master_password_secret_arn: Some(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:redshift!c-admin".into(),
        ),
        allow_version_upgrade: Observed::Known(true),
        enhanced_vpc_routing: Observed::Known(true),
        automated_snapshot_retention_days: Observed::Known(7),
        multi_az: Some("Enabled".into()),
        snapshot_copy_region: Some("us-west-2".into()),
        preferred_maintenance_window: Some("sun:05:00-sun:05:30".into()),
        parameter_group: Some("secure".into()),
        parameters: Observed::Known(
            [
                ("require_ssl", "true"),
                ("enable_user_activity_logging", "true"),
                ("enable_result_cache_for_session", "true"),
                ("wlm_json_configuration", r#"[{"auto_wlm":true}]"#),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        ),
        audit_logging: Observed::Known(RedshiftLogging {
            enabled: true,
            destination: Some("s3".into()),
            bucket: Some("audit-logs".into()),
        }),
        tags: BTreeMap::new(),
    }
}

/// The verdict of `id` on a one-cluster inventory.
pub fn cluster_verdict(id: &str, cluster: RedshiftCluster) -> Option<(Status, String)> {
    let mut inv = inventory(vec![]);
    inv.redshift = Some(RedshiftInventory {
        regions: vec![RedshiftRegion {
            region: "us-east-1".into(),
            clusters: vec![cluster],
        }],
    });
    let mut out = run(id, &inv);
    assert!(out.len() <= 1, "{out:?}");
    out.pop().map(|(_, status, text)| (status, text))
}

/// An active EMR cluster that passes every cluster check, using the `secure` configuration.
pub fn good_emr_cluster(id: &str) -> EmrCluster {
    EmrCluster {
        id: id.into(),
        name: id.into(),
        arn: format!("arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/{id}"),
        state: "WAITING".into(),
        release_label: Some("emr-7.1.0".into()),
        log_uri: Some("s3://emr-logs/".into()),
        security_configuration: Some("secure".into()),
        termination_protected: Observed::Known(false),
        auto_termination: Observed::Known(Some(AutoTermination {
            idle_timeout_seconds: Some(3600),
        })),
        managed_scaling: Observed::Known(true),
        instances: Observed::Known(vec![
            EmrInstances {
                role: "MASTER".into(),
                market: Market::OnDemand,
                instance_types: vec!["m6g.xlarge".into()],
            },
            EmrInstances {
                role: "CORE".into(),
                market: Market::OnDemand,
                instance_types: vec!["r6g.2xlarge".into()],
            },
            EmrInstances {
                role: "TASK".into(),
                market: Market::Spot,
                instance_types: vec!["r6g.2xlarge".into()],
            },
        ]),
    }
}

/// A document with S3, local-disk and in-transit encryption on.
pub const EMR_SECURE_DOCUMENT: &str = r#"{"EncryptionConfiguration":{"EnableAtRestEncryption":true,"EnableInTransitEncryption":true,
    "AtRestEncryptionConfiguration":{"S3EncryptionConfiguration":{"EncryptionMode":"SSE-S3"},
    "LocalDiskEncryptionConfiguration":{"EncryptionKeyProviderType":"Custom"}}}}"#;

pub fn emr_configuration(name: &str, document: &str) -> EmrSecurityConfiguration {
    EmrSecurityConfiguration {
        name: name.into(),
        document: Observed::Known(document.into()),
    }
}

/// An EMR region with block public access on and the `secure` configuration.
pub fn emr_region(clusters: Vec<EmrCluster>) -> EmrRegion {
    EmrRegion {
        region: "us-east-1".into(),
        block_public_access: Observed::Known(EmrBlockPublicAccess {
            enabled: true,
            permitted_port_ranges: vec![PortRange { min: 22, max: 22 }],
        }),
        clusters,
        undescribed_clusters: vec![],
        security_configurations: vec![emr_configuration("secure", EMR_SECURE_DOCUMENT)],
    }
}

pub fn emr_verdict(id: &str, region: EmrRegion) -> Option<(Status, String)> {
    let mut inv = inventory(vec![]);
    inv.emr = Some(EmrInventory {
        regions: vec![region],
    });
    let mut out = run(id, &inv);
    assert!(out.len() <= 1, "{out:?}");
    out.pop().map(|(_, status, text)| (status, text))
}

pub fn emr_cluster_verdict(id: &str, cluster: EmrCluster) -> Option<(Status, String)> {
    emr_verdict(id, emr_region(vec![cluster]))
}

/// A customer-managed symmetric key in us-east-1.
pub fn kms_key(id: &str, state: &str) -> KmsKey {
    KmsKey {
        id: id.into(),
        arn: format!("arn:aws:kms:us-east-1:123456789012:key/{id}"),
        manager: "CUSTOMER".into(),
        state: state.into(),
        spec: "SYMMETRIC_DEFAULT".into(),
        origin: "AWS_KMS".into(),
        deletion_date: None,
        rotation_enabled: Some(Observed::Known(true)),
        policy: Some(Observed::Known(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}]}"#.into(),
        )),
    }
}

pub fn with_kms(mut inv: Inventory, keys: Vec<KmsKey>) -> Inventory {
    inv.kms = Some(KmsInventory {
        regions: vec![KmsRegion {
            region: "us-east-1".into(),
            keys,
            undescribed: vec![],
            aliases: vec![],
        }],
    });
    inv
}

/// A multi-region trail that passes every trail check.
pub fn good_trail(name: &str) -> Trail {
    Trail {
        name: name.into(),
        arn: format!("arn:aws:cloudtrail:us-east-1:123456789012:trail/{name}"),
        home_region: "us-east-1".into(),
        multi_region: Observed::Known(true),
        organization: false,
        s3_bucket: Some("trail-logs".into()),
        kms_key_id: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
        log_file_validation: Observed::Known(true),
        cloudwatch_log_group: Some("arn:aws:logs:us-east-1:123456789012:log-group:trail:*".into()),
        logging: Observed::Known(true),
        selectors: Observed::Known(EventSelectors {
            basic: vec![EventSelector::default()],
            advanced: vec![],
        }),
    }
}

pub fn with_trails(mut inv: Inventory, trails: Vec<Trail>) -> Inventory {
    inv.cloudtrail = Some(CloudTrailInventory { trails });
    inv
}

/// The single verdict of `id` on a one-bucket inventory.
pub fn verdict(id: &str, bucket: Bucket) -> Option<(Status, String)> {
    verdict_with(id, bucket, &Config::default())
}

pub fn verdict_with(id: &str, bucket: Bucket, config: &Config) -> Option<(Status, String)> {
    let inv = inventory(vec![bucket]);
    let mut out = run_with(id, &inv, config);
    assert!(out.len() <= 1);
    out.pop().map(|(_, status, text)| (status, text))
}

/// A stream encrypted with a KMS key, keeping records a week.
pub fn good_stream(name: &str) -> KinesisStream {
    KinesisStream {
        name: name.into(),
        arn: format!("arn:aws:kinesis:us-east-1:123456789012:stream/{name}"),
        summary: Observed::Known(StreamSummary {
            encryption_type: Observed::Known("KMS".into()),
            kms_key: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
            retention_hours: Observed::Known(168),
        }),
    }
}

pub fn stream_verdict(id: &str, stream: KinesisStream) -> Option<(Status, String)> {
    let mut inv = inventory(vec![]);
    inv.kinesis = Some(KinesisInventory {
        regions: vec![KinesisRegion {
            region: "us-east-1".into(),
            streams: vec![stream],
        }],
    });
    single(id, &inv)
}

/// A Direct PUT stream to S3, encrypted, logging errors, writing Parquet.
pub fn good_delivery_stream(name: &str) -> DeliveryStream {
    DeliveryStream {
        name: name.into(),
        arn: format!("arn:aws:firehose:us-east-1:123456789012:deliverystream/{name}"),
        description: Observed::Known(DeliveryStreamDescription {
            source: Observed::Known("DirectPut".into()),
            encryption_status: Some("ENABLED".into()),
            kms_key: Some("arn:aws:kms:us-east-1:123456789012:key/k".into()),
            destinations: vec![FirehoseDestination {
                kind: "ExtendedS3".into(),
                error_logging: true,
                compression: Some("GZIP".into()),
                format_conversion: false,
            }],
        }),
    }
}

pub fn delivery_verdict(id: &str, stream: DeliveryStream) -> Option<(Status, String)> {
    let mut inv = inventory(vec![]);
    inv.firehose = Some(FirehoseInventory {
        regions: vec![FirehoseRegion {
            region: "us-east-1".into(),
            streams: vec![stream],
        }],
    });
    single(id, &inv)
}

/// A provisioned cluster that passes every MSK check.
pub fn good_msk_cluster(name: &str) -> MskCluster {
    MskCluster {
        name: name.into(),
        arn: format!("arn:aws:kafka:us-east-1:123456789012:cluster/{name}/abc"),
        provisioned: Some(MskProvisioned {
            client_broker: Observed::Known("TLS".into()),
            in_cluster: Observed::Known(true),
            authentication: Observed::Known(MskAuthentication {
                iam: true,
                ..MskAuthentication::default()
            }),
            public_access: Observed::Known("DISABLED".into()),
            broker_logs: Observed::Known(vec!["CloudWatchLogs".into()]),
            data_volume_kms_key: Observed::Known("arn:aws:kms:us-east-1:123456789012:key/k".into()),
        }),
    }
}

pub fn with_msk(mut inv: Inventory, cluster: MskCluster) -> Inventory {
    inv.msk = Some(MskInventory {
        regions: vec![MskRegion {
            region: "us-east-1".into(),
            clusters: vec![cluster],
        }],
    });
    inv
}

/// The verdict on one cluster, with its key in the KMS inventory.
pub fn msk_verdict(id: &str, cluster: MskCluster) -> Option<(Status, String)> {
    let inv = with_kms(
        with_msk(inventory(vec![]), cluster),
        vec![kms_key("k", "Enabled")],
    );
    single(id, &inv)
}

/// A Python function on arm64.
pub fn good_function(name: &str) -> LambdaFunction {
    LambdaFunction {
        name: name.into(),
        arn: format!("arn:aws:lambda:us-east-1:123456789012:function:{name}"),
        package_type: "Zip".into(),
        runtime: Some("python3.13".into()),
        architectures: vec!["arm64".into()],
    }
}

pub fn with_lambda(
    mut inv: Inventory,
    functions: Vec<LambdaFunction>,
    mappings: Observed<Vec<EventSourceMapping>>,
) -> Inventory {
    inv.lambda = Some(LambdaInventory {
        regions: vec![LambdaRegion {
            region: "us-east-1".into(),
            functions,
            event_source_mappings: mappings,
        }],
    });
    inv
}

pub fn function_verdict(id: &str, function: LambdaFunction) -> Option<(Status, String)> {
    single(
        id,
        &with_lambda(inventory(vec![]), vec![function], Observed::Known(vec![])),
    )
}

pub fn compute_environment_verdict(
    id: &str,
    environment: ComputeEnvironment,
) -> Option<(Status, String)> {
    let mut inv = inventory(vec![]);
    inv.batch = Some(BatchInventory {
        regions: vec![BatchRegion {
            region: "us-east-1".into(),
            compute_environments: vec![environment],
        }],
    });
    single(id, &inv)
}

/// A private workgroup with enhanced VPC routing and a maximum capacity.
pub fn good_serverless_workgroup(name: &str) -> ServerlessWorkgroup {
    ServerlessWorkgroup {
        name: name.into(),
        arn: format!("arn:aws:redshift-serverless:us-east-1:123456789012:workgroup/{name}"),
        publicly_accessible: Observed::Known(false),
        enhanced_vpc_routing: Observed::Known(true),
        max_capacity: Some(128),
        usage_limits: None,
    }
}

/// A namespace on a customer-managed key exporting every log.
pub fn good_namespace(name: &str) -> ServerlessNamespace {
    ServerlessNamespace {
        name: name.into(),
        arn: format!("arn:aws:redshift-serverless:us-east-1:123456789012:namespace/{name}"),
        kms_key: Observed::Known("arn:aws:kms:us-east-1:123456789012:key/k".into()),
        log_exports: vec![
            "useractivitylog".into(),
            "connectionlog".into(),
            "userlog".into(),
        ],
    }
}

fn with_serverless(
    workgroups: Vec<ServerlessWorkgroup>,
    namespaces: Vec<ServerlessNamespace>,
) -> Inventory {
    let mut inv = with_kms(inventory(vec![]), vec![kms_key("k", "Enabled")]);
    inv.redshiftserverless = Some(RedshiftServerlessInventory {
        regions: vec![RedshiftServerlessRegion {
            region: "us-east-1".into(),
            workgroups,
            namespaces,
        }],
    });
    inv
}

/// An inventory holding one namespace (and its key).
pub fn with_namespace(namespace: ServerlessNamespace) -> Inventory {
    with_serverless(vec![], vec![namespace])
}

pub fn serverless_workgroup_verdict(
    id: &str,
    workgroup: ServerlessWorkgroup,
) -> Option<(Status, String)> {
    single(id, &with_serverless(vec![workgroup], vec![]))
}

pub fn namespace_verdict(id: &str, namespace: ServerlessNamespace) -> Option<(Status, String)> {
    single(id, &with_namespace(namespace))
}
