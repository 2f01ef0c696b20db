//! The Glue checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{GlueCrawler, GlueInventory, GlueJob, GlueRegion, GlueSecurityConfiguration};

crate::checks! {
    "glue.job_security_configuration" {
        title: "Glue job runs with a security configuration that encrypts S3 output",
        resource: "AwsGlueJob",
        severity: High,
        practice: "SEC08-BP02",
        rationale: "Without a security configuration a job writes its output, temporary \
            files and shuffle data to S3 without encryption of its own choosing.",
        remediation: "Create a security configuration with SSE-KMS for S3, CloudWatch and \
            job bookmarks, and attach it to the job.",
        cli: "aws glue update-job --job-name <job> --job-update '{\"Role\":\"<role-arn>\",\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"<script>\"},\"SecurityConfiguration\":\"<security-configuration>\"}'",
        each: job_security_configuration,
    }
    "glue.security_configuration_complete" {
        title: "Glue security configuration encrypts S3, CloudWatch logs and job bookmarks",
        resource: "AwsGlueSecurityConfiguration",
        severity: Medium,
        practice: "SEC08-BP02",
        rationale: "A configuration that encrypts only some of its outputs leaves job \
            logs or bookmark state, which can hold data samples and paths, in the clear.",
        remediation: "Create a configuration with all three encryption settings on (security \
            configurations cannot be edited) and move the jobs to it.",
        cli: "aws glue create-security-configuration --name <name> --encryption-configuration '{\"S3Encryption\":[{\"S3EncryptionMode\":\"SSE-KMS\",\"KmsKeyArn\":\"<key-arn>\"}],\"CloudWatchEncryption\":{\"CloudWatchEncryptionMode\":\"SSE-KMS\",\"KmsKeyArn\":\"<key-arn>\"},\"JobBookmarksEncryption\":{\"JobBookmarksEncryptionMode\":\"CSE-KMS\",\"KmsKeyArn\":\"<key-arn>\"}}'",
        each: security_configuration_complete,
    }
    "glue.catalog_encryption" {
        title: "Glue Data Catalog metadata is encrypted at rest",
        resource: "AwsGlueDataCatalog",
        severity: Medium,
        practice: "SEC08-BP02",
        rationale: "Catalog metadata names every table, column and location of the lake; \
            encrypting it with KMS puts reads of it behind a key policy.",
        remediation: "Turn on Data Catalog encryption at rest with a KMS key in each region.",
        cli: "aws glue put-data-catalog-encryption-settings --data-catalog-encryption-settings '{\"EncryptionAtRest\":{\"CatalogEncryptionMode\":\"SSE-KMS\",\"SseAwsKmsKeyId\":\"<key-arn>\"},\"ConnectionPasswordEncryption\":{\"ReturnConnectionPasswordEncrypted\":true,\"AwsKmsKeyId\":\"<key-arn>\"}}'",
        each: catalog_encryption,
    }
    "glue.catalog_connection_password_encryption" {
        title: "Glue connection passwords are returned encrypted",
        resource: "AwsGlueDataCatalog",
        severity: Medium,
        practice: "SEC08-BP02",
        rationale: "Without it, anyone who may call GetConnection reads JDBC passwords of \
            the sources and warehouses in plain text.",
        remediation: "Turn on connection password encryption with a KMS key in each region.",
        cli: "aws glue put-data-catalog-encryption-settings --data-catalog-encryption-settings '{\"EncryptionAtRest\":{\"CatalogEncryptionMode\":\"SSE-KMS\",\"SseAwsKmsKeyId\":\"<key-arn>\"},\"ConnectionPasswordEncryption\":{\"ReturnConnectionPasswordEncrypted\":true,\"AwsKmsKeyId\":\"<key-arn>\"}}'",
        each: catalog_connection_password_encryption,
    }
    "glue.job_no_secrets_in_arguments" {
        title: "Glue job arguments hold no credentials",
        resource: "AwsGlueJob",
        severity: Critical,
        practice: "SEC02-BP03",
        rationale: "Default arguments are readable by anyone with glue:GetJob and appear \
            in job-run history; a password or access key there is a leaked credential.",
        remediation: "Move the credential to Secrets Manager, pass the secret's name instead, \
            rotate the leaked value, and read it in the job at run time.",
        cli: "aws secretsmanager create-secret --name <job>/<argument> --secret-string '<value>'",
        each: job_no_secrets_in_arguments,
    }
    "glue.crawler_security_configuration" {
        title: "Glue crawler runs with a security configuration",
        resource: "AwsGlueCrawler",
        severity: Medium,
        practice: "SEC08-BP02",
        rationale: "A crawler's CloudWatch logs list the lake's paths and schemas; a \
            security configuration encrypts them.",
        remediation: "Attach a security configuration to the crawler.",
        cli: "aws glue update-crawler --name <crawler> --crawler-security-configuration <security-configuration>",
        each: crawler_security_configuration,
    }
}

fn job_security_configuration(job: &GlueJob, region: &GlueRegion, _: &Context) -> Judged {
    let Some(name) = &job.security_configuration else {
        return fail("no security configuration");
    };
    let configs = region.security_configurations.get()?;
    let Some(c) = configs.iter().find(|c| &c.name == name) else {
        return fail(format!("security configuration `{name}` does not exist"));
    };
    match c.s3.mode.get()?.as_str() {
        "DISABLED" => fail(format!(
            "security configuration `{name}` leaves S3 encryption off"
        )),
        mode => pass(format!(
            "security configuration `{name}` encrypts S3 with {mode}"
        )),
    }
}

fn security_configuration_complete(
    c: &GlueSecurityConfiguration,
    _: &GlueRegion,
    _: &Context,
) -> Judged {
    let mut off = Vec::new();
    let mut unread = None;
    for (setting, what) in c.settings() {
        match setting.mode.get() {
            Ok(mode) if mode == "DISABLED" => off.push(what),
            Ok(_) => {}
            Err(reason) => unread = unread.or(Some(reason)),
        }
    }
    // A setting observed off fails, whatever is unknown of the others.
    match (off.is_empty(), unread) {
        (false, _) => fail(format!("encryption off for: {}", off.join(", "))),
        (true, Some(reason)) => Err(reason),
        (true, None) => pass("S3, CloudWatch and job-bookmark encryption are on"),
    }
}

fn catalog_encryption(region: &GlueRegion, _: &GlueInventory, _: &Context) -> Judged {
    let settings = region.catalog_encryption.get()?;
    let mode = settings.at_rest_mode.get()?;
    if mode == "DISABLED" {
        fail("Data Catalog encryption at rest is off")
    } else {
        pass(format!(
            "Data Catalog encrypted at rest ({mode}{})",
            settings
                .at_rest_kms_key
                .as_ref()
                .map(|k| format!(", key {k}"))
                .unwrap_or_default()
        ))
    }
}

fn catalog_connection_password_encryption(
    region: &GlueRegion,
    _: &GlueInventory,
    _: &Context,
) -> Judged {
    if *region
        .catalog_encryption
        .get()?
        .connection_password_encrypted
        .get()?
    {
        pass("connection passwords are returned encrypted")
    } else {
        fail("connection passwords are returned in plain text")
    }
}

fn job_no_secrets_in_arguments(job: &GlueJob, _: &GlueRegion, _: &Context) -> Judged {
    if job.secret_argument_keys.is_empty() {
        pass("no default argument looks like a credential")
    } else {
        fail(format!(
            "default argument(s) look like credentials: {}",
            job.secret_argument_keys.join(", ")
        ))
    }
}

fn crawler_security_configuration(crawler: &GlueCrawler, _: &GlueRegion, _: &Context) -> Judged {
    match &crawler.security_configuration {
        Some(name) => pass(format!("security configuration `{name}`")),
        None => fail("no security configuration"),
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn job_security_configuration_must_exist_and_encrypt_s3() {
        let id = "glue.job_security_configuration";
        assert_eq!(job_verdict(id, good_job("j")).unwrap().0, Pass);

        let mut job = good_job("j");
        job.security_configuration = None;
        assert_eq!(job_verdict(id, job).unwrap().0, Fail);

        let mut job = good_job("j");
        job.security_configuration = Some("gone".into());
        assert_eq!(job_verdict(id, job).unwrap().0, Fail);

        let mut region = glue_region();
        let mut weak = secure_configuration("secure");
        weak.s3.mode = Observed::Known("DISABLED".into());
        region.security_configurations = Observed::Known(vec![weak]);
        region.jobs = vec![good_job("j")];
        assert_eq!(glue_verdict(id, region).unwrap().0, Fail);

        let mut region = glue_region();
        region.security_configurations =
            Observed::Unknown(denied("glue:GetSecurityConfigurations"));
        region.jobs = vec![good_job("j")];
        assert_eq!(glue_verdict(id, region).unwrap().0, Unknown);
    }

    #[test]
    fn security_configuration_completeness() {
        let id = "glue.security_configuration_complete";
        assert_eq!(glue_verdict(id, glue_region()).unwrap().0, Pass);
        let mut region = glue_region();
        let mut partial = secure_configuration("partial");
        partial.cloudwatch.mode = Observed::Known("DISABLED".into());
        partial.job_bookmarks.mode = Observed::Known("DISABLED".into());
        region.security_configurations = Observed::Known(vec![partial]);
        let (status, message) = glue_verdict(id, region).unwrap();
        assert_eq!(
            (status, message.as_str()),
            (Fail, "encryption off for: CloudWatch, job bookmarks")
        );
    }

    #[test]
    fn catalog_settings() {
        for id in [
            "glue.catalog_encryption",
            "glue.catalog_connection_password_encryption",
        ] {
            assert_eq!(glue_verdict(id, glue_region()).unwrap().0, Pass, "{id}");
            let mut region = glue_region();
            region.catalog_encryption = Observed::Known(CatalogEncryption {
                at_rest_mode: Observed::Known("DISABLED".into()),
                at_rest_kms_key: None,
                connection_password_encrypted: Observed::Known(false),
                connection_password_kms_key: None,
            });
            assert_eq!(glue_verdict(id, region).unwrap().0, Fail, "{id}");
            let mut region = glue_region();
            region.catalog_encryption =
                Observed::Unknown(denied("glue:GetDataCatalogEncryptionSettings"));
            assert_eq!(glue_verdict(id, region).unwrap().0, Unknown, "{id}");
        }
    }

    #[test]
    fn secrets_are_reported_by_key() {
        let id = "glue.job_no_secrets_in_arguments";
        assert_eq!(job_verdict(id, good_job("j")).unwrap().0, Pass);
        let mut job = good_job("j");
        job.secret_argument_keys = vec!["--db-password".into()];
        let (status, message) = job_verdict(id, job).unwrap();
        assert_eq!(status, Fail);
        assert_eq!(
            message,
            "default argument(s) look like credentials: --db-password"
        );
    }

    #[test]
    fn crawler_configuration() {
        let id = "glue.crawler_security_configuration";
        let crawler = |config: Option<&str>| {
            let mut region = glue_region();
            region.crawlers = vec![GlueCrawler {
                name: "c".into(),
                arn: "arn:aws:glue:us-east-1:123456789012:crawler/c".into(),
                security_configuration: config.map(Into::into),
                s3_targets: vec![],
                schedule: None,
                schedule_state: None,
            }];
            region
        };
        assert_eq!(glue_verdict(id, crawler(Some("secure"))).unwrap().0, Pass);
        assert_eq!(glue_verdict(id, crawler(None)).unwrap().0, Fail);
    }
}
