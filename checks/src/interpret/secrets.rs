//! Spotting credentials in configuration values (Glue job arguments), so the
//! collector can keep the key and drop the value before anything is stored.

/// Words in an argument name that mark a credential.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "secret",
    "token",
    "accesskey",
    "apikey",
    "credential",
    "privatekey",
];

/// Name endings that mark a reference to a secret (`--secret-name`,
/// `--db-password-arn`) rather than the secret itself.
const REFERENCE_SUFFIXES: &[&str] = &["name", "arn", "id", "path", "ref", "parameter"];

/// Whether an argument `key` with `value` looks like it holds a credential.
pub fn looks_like_secret(key: &str, value: &str) -> bool {
    value_is_credential(value) || (key_names_secret(key) && !value_is_reference(value))
}

fn key_names_secret(key: &str) -> bool {
    let words: Vec<String> = key
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let joined = words.concat();
    if REFERENCE_SUFFIXES
        .iter()
        .any(|s| words.last().is_some_and(|w| w == s))
    {
        return false;
    }
    SECRET_WORDS.iter().any(|w| joined.contains(w))
}

/// An ARN or a dynamic reference names a secret store, not a secret.
fn value_is_reference(value: &str) -> bool {
    let v = value.trim();
    v.is_empty()
        || v.starts_with("arn:")
        || v.starts_with("{{resolve:")
        || v.starts_with("ssm:")
        || v.starts_with("secretsmanager:")
}

fn value_is_credential(value: &str) -> bool {
    has_access_key_id(value) || value.contains("PRIVATE KEY-----") || url_has_password(value)
}

/// `AKIA…`/`ASIA…` followed by 16 upper-case letters or digits.
fn has_access_key_id(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.windows(20).enumerate().any(|(i, w)| {
        (w.starts_with(b"AKIA") || w.starts_with(b"ASIA"))
            && w[4..]
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            && bytes.get(i + 20).is_none_or(|b| !b.is_ascii_alphanumeric())
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
    })
}

/// `scheme://user:password@host`.
fn url_has_password(value: &str) -> bool {
    value.split("://").skip(1).any(|rest| {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        authority.rsplit_once('@').is_some_and(|(userinfo, _)| {
            userinfo.split_once(':').is_some_and(|(_, p)| !p.is_empty())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::looks_like_secret;

    #[test]
    fn secret_key_names() {
        for key in [
            "--db_password",
            "--DB-PASSWORD",
            "--api-key",
            "--aws_access_key",
            "--auth-token",
            "--client-secret",
            "--private_key",
        ] {
            assert!(looks_like_secret(key, "hunter2"), "{key}");
        }
    }

    #[test]
    fn secret_values_under_any_name() {
        assert!(looks_like_secret(
            "--conf",
            "fs.s3a.access.key=AKIAABCDEFGHIJKLMNOP"
        ));
        assert!(looks_like_secret("--extra", "ASIAABCDEFGHIJKLMNOP"));
        assert!(looks_like_secret(
            "--jdbc",
            "postgresql://etl:s3cret@db.internal:5432/sales"
        ));
        assert!(looks_like_secret(
            "--key",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIE"
        ));
    }

    #[test]
    fn ordinary_arguments_and_references_are_not_secrets() {
        assert!(!looks_like_secret("--enable-metrics", "true"));
        assert!(!looks_like_secret("--TempDir", "s3://bucket/tmp/"));
        assert!(!looks_like_secret("--secret-name", "prod/warehouse"));
        assert!(!looks_like_secret(
            "--db-password",
            "arn:aws:secretsmanager:us-east-1:1:secret:db"
        ));
        assert!(!looks_like_secret("--token-parameter", "/etl/token"));
        assert!(!looks_like_secret(
            "--jdbc",
            "postgresql://etl@db.internal:5432/sales"
        ));
        assert!(!looks_like_secret("--id", "XAKIAABCDEFGHIJKLMNOP"));
    }
}
