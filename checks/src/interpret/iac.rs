//! Marks infrastructure-as-code leaves on what it deploys: CloudFormation
//! (and the CDK, which deploys through it) tags every resource of a stack
//! with `aws:cloudformation:stack-name`; Terraform and other tools leave
//! the tags a team configures (lakelint.toml `iac_tag_keys`).

use std::collections::BTreeMap;

/// The tag CloudFormation puts on every resource of a stack.
pub const CLOUDFORMATION_STACK_TAG: &str = "aws:cloudformation:stack-name";

/// The mark that shows `tags` were deployed as code, in words; `None` when
/// there is none. Tag keys compare case-insensitively.
pub fn mark(tags: &BTreeMap<String, String>, iac_tag_keys: &[String]) -> Option<String> {
    if let Some(stack) = tags.get(CLOUDFORMATION_STACK_TAG) {
        return Some(format!("CloudFormation stack {stack}"));
    }
    iac_tag_keys.iter().find_map(|wanted| {
        tags.iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(wanted))
            .map(|(key, value)| format!("tag {key}={value}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn stack_tags_and_configured_keys_mark_code() {
        let keys = vec!["managed-by".to_string(), "terraform".to_string()];
        assert_eq!(
            mark(&tags(&[(CLOUDFORMATION_STACK_TAG, "etl")]), &keys).as_deref(),
            Some("CloudFormation stack etl")
        );
        assert_eq!(
            mark(&tags(&[("Managed-By", "terraform")]), &keys).as_deref(),
            Some("tag Managed-By=terraform")
        );
        assert_eq!(mark(&tags(&[("owner", "data")]), &keys), None);
        assert_eq!(mark(&tags(&[("managed-by", "x")]), &[]), None);
    }
}
