//! The Secrets Manager checks of this pillar.

use crate::engine::check::Context;
use crate::engine::inputs::days_before_scan;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{Secret, SecretsManagerRegion};

crate::checks! {
    "secretsmanager.secret_unused" {
        title: "Secret is in use",
        resource: "AwsSecretsManagerSecret",
        severity: Low,
        also: [Sustainability],
        security_hub: "SecretsManager.3",
        practice: "COST04-BP02",
        rationale: "A secret nobody reads costs every month and is a credential that \
            still opens something: remove it or the access it grants.",
        remediation: "Delete the secret (after a recovery window) once nothing needs it.",
        cli: "aws secretsmanager delete-secret --secret-id <secret> --recovery-window-in-days 30",
        each: unused,
    }
}

fn unused(s: &Secret, _: &SecretsManagerRegion, cx: &Context) -> Judged {
    let limit = i64::from(cx.config.secretsmanager.unused_days);
    match &s.last_accessed {
        // A read observed long ago decides, whenever the secret was created.
        Some(day) => {
            let idle = days_before_scan(cx.inventory, day)?;
            if idle > limit {
                fail(format!(
                    "last read {idle} days before the scan (limit {limit})"
                ))
            } else {
                pass(format!("read within the last {limit} days"))
            }
        }
        None => {
            let age = days_before_scan(cx.inventory, s.created.get()?)?;
            if age > limit {
                fail(format!(
                    "never read, and created {age} days before the scan (limit {limit})"
                ))
            } else {
                pass(format!(
                    "never read yet, but created only {age} days before the scan"
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    const ID: &str = "secretsmanager.secret_unused";

    #[test]
    fn last_read_against_the_scan_day() {
        // The test inventory's scan started on 2026-12-01.
        let mut s = secret("s");
        s.last_accessed = Some("2026-11-20T00:00:00Z".into());
        assert_eq!(secret_verdict(ID, s.clone()).unwrap().0, Pass);
        s.last_accessed = Some("2026-08-01T00:00:00Z".into());
        assert_eq!(secret_verdict(ID, s.clone()).unwrap().0, Fail);
        // An old read is a certain FAIL, even when the creation date is unknown.
        s.created = Observed::Unknown(Unobserved::not_reported(
            "secretsmanager:ListSecrets",
            "CreatedDate",
        ));
        assert_eq!(secret_verdict(ID, s.clone()).unwrap().0, Fail);
        s.last_accessed = None;
        assert_eq!(secret_verdict(ID, s).unwrap().0, Unknown);
    }

    #[test]
    fn never_read() {
        let mut s = secret("s");
        s.last_accessed = None;
        s.created = Observed::Known("2026-11-01T00:00:00Z".into());
        assert_eq!(secret_verdict(ID, s.clone()).unwrap().0, Pass);
        s.created = Observed::Known("2025-01-01T00:00:00Z".into());
        assert_eq!(secret_verdict(ID, s.clone()).unwrap().0, Fail);
        s.created = Observed::Unknown(Unobserved::not_reported(
            "secretsmanager:ListSecrets",
            "CreatedDate",
        ));
        assert_eq!(secret_verdict(ID, s).unwrap().0, Unknown);
    }

    #[test]
    fn threshold_is_configurable() {
        let mut s = secret("s");
        s.last_accessed = Some("2026-11-20T00:00:00Z".into());
        let mut config = crate::findings::config::Config::default();
        config.secretsmanager.unused_days = 5;
        let inv = with_secrets(inventory(vec![]), vec![s]);
        assert_eq!(run_with(ID, &inv, &config)[0].1, Fail);
    }
}
