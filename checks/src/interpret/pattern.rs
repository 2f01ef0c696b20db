//! Name patterns of check ids, bucket names and ARNs: `*` matches any run of
//! characters.

/// `*` matches any run of characters, everything else matches itself.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty(); // no `*` at all
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match("raw-*", "raw-events"));
        assert!(wildcard_match("*-lake-*", "acme-lake-prod"));
        assert!(wildcard_match("exact", "exact"));
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("a*b*c", "abc"));
        assert!(!wildcard_match("exact", "exactly"));
        assert!(!wildcard_match("raw-*", "curated-raw-x"));
        assert!(!wildcard_match("*-lake", "lake"));
        assert!(!wildcard_match("a*ab", "ab"));
    }
}
