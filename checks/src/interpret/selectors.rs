//! What a trail's event selectors record: management events read and write,
//! and which buckets' S3 object reads and writes.

use crate::model::{EventSelectors, FieldSelector};

/// The meaning of a trail's selectors, for the checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recorded {
    /// Read management events.
    pub management_read: bool,
    /// Write management events.
    pub management_write: bool,
    /// S3 object-level (data) events that read.
    pub s3_reads: S3DataCoverage,
    /// S3 object-level (data) events that write.
    pub s3_writes: S3DataCoverage,
}

impl Recorded {
    /// Both coverages a selector of this read/write kind adds to.
    fn s3(&mut self, read: bool, write: bool) -> Vec<&mut S3DataCoverage> {
        let mut out = Vec::new();
        if read {
            out.push(&mut self.s3_reads);
        }
        if write {
            out.push(&mut self.s3_writes);
        }
        out
    }
}

/// Which buckets' object events are recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct S3DataCoverage {
    /// Every bucket (`arn:aws:s3` or an advanced selector without an ARN filter).
    pub all_buckets: bool,
    /// ARN prefixes covered, e.g. `arn:aws:s3:::lake-raw/`.
    pub prefixes: Vec<String>,
    /// ARN prefixes carved out (advanced `NotStartsWith`/`NotEquals`).
    pub excluded_prefixes: Vec<String>,
}

impl S3DataCoverage {
    /// Whether object events of every key in `bucket` are recorded.
    pub fn covers_bucket(&self, partition: &str, bucket: &str) -> bool {
        let whole = format!("arn:{partition}:s3:::{bucket}/");
        let excluded = self
            .excluded_prefixes
            .iter()
            .any(|p| whole.starts_with(p.as_str()) || p.starts_with(&whole));
        let included = self.all_buckets
            || self.prefixes.iter().any(|p| {
                p == &format!("arn:{partition}:s3:::{bucket}") || whole.starts_with(p.as_str())
            });
        included && !excluded
    }

    /// `arn:aws:s3` and `arn:aws:s3:::` mean every bucket; anything else is a prefix.
    fn add(&mut self, partition: &str, value: &str) {
        let all = [
            format!("arn:{partition}:s3"),
            format!("arn:{partition}:s3:::"),
        ];
        if all.iter().any(|a| a == value) {
            self.all_buckets = true;
        } else {
            self.prefixes.push(value.to_string());
        }
    }
}

impl EventSelectors {
    /// What the selectors record, with ARNs of `partition`.
    pub fn recorded(&self, partition: &str) -> Recorded {
        let mut out = Recorded::default();
        for selector in &self.basic {
            let (read, write) = match selector.read_write_type.as_deref() {
                Some("ReadOnly") => (true, false),
                Some("WriteOnly") => (false, true),
                _ => (true, true),
            };
            if selector.include_management_events.unwrap_or(true) {
                out.management_read |= read;
                out.management_write |= write;
            }
            for resource in &selector.data_resources {
                if resource.kind.as_deref() != Some("AWS::S3::Object") {
                    continue;
                }
                for coverage in out.s3(read, write) {
                    for value in &resource.values {
                        coverage.add(partition, value);
                    }
                }
            }
        }
        for selector in &self.advanced {
            let field = |name: &str| -> Option<&FieldSelector> {
                selector.field_selectors.iter().find(|f| f.field == name)
            };
            let category: &[String] = field("eventCategory").map_or(&[], |f| &f.equals);
            if category.iter().any(|c| c == "Management") {
                let read_only: &[String] = field("readOnly").map_or(&[], |f| &f.equals);
                let only = |v: &str| read_only.len() == 1 && read_only[0] == v;
                out.management_read |= !only("false");
                out.management_write |= !only("true");
            }
            let s3_objects = field("resources.type")
                .is_some_and(|f| f.equals.iter().any(|t| t == "AWS::S3::Object"));
            // A selector narrowed by another field (eventName, userIdentity…)
            // records only some of the bucket's events: it covers nothing whole.
            let narrowed = selector.field_selectors.iter().any(|f| {
                !matches!(
                    f.field.as_str(),
                    "eventCategory" | "resources.type" | "resources.ARN" | "readOnly"
                )
            });
            if category.iter().any(|c| c == "Data") && s3_objects && !narrowed {
                let read_only: &[String] = field("readOnly").map_or(&[], |f| &f.equals);
                let only = |v: &str| read_only.len() == 1 && read_only[0] == v;
                let (read, write) = (!only("false"), !only("true"));
                for coverage in out.s3(read, write) {
                    match field("resources.ARN") {
                        None => coverage.all_buckets = true,
                        Some(arn) => {
                            for value in arn.starts_with.iter().chain(&arn.equals) {
                                coverage.add(partition, value);
                            }
                            let excluded = arn.not_starts_with.iter().chain(&arn.not_equals);
                            coverage.excluded_prefixes.extend(excluded.cloned());
                            if arn.starts_with.is_empty() && arn.equals.is_empty() {
                                coverage.all_buckets = true; // everything but the exclusions
                            }
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AdvancedEventSelector, DataResource, EventSelector};

    fn field(name: &str, equals: &[&str], starts_with: &[&str]) -> FieldSelector {
        FieldSelector {
            field: name.into(),
            equals: equals.iter().map(|s| s.to_string()).collect(),
            starts_with: starts_with.iter().map(|s| s.to_string()).collect(),
            ..FieldSelector::default()
        }
    }

    fn advanced(fields: Vec<FieldSelector>) -> AdvancedEventSelector {
        AdvancedEventSelector {
            name: None,
            field_selectors: fields,
        }
    }

    fn basic(read_write: Option<&str>, management: Option<bool>, s3: &[&str]) -> EventSelector {
        EventSelector {
            read_write_type: read_write.map(str::to_string),
            include_management_events: management,
            data_resources: if s3.is_empty() {
                vec![]
            } else {
                vec![DataResource {
                    kind: Some("AWS::S3::Object".into()),
                    values: s3.iter().map(|s| s.to_string()).collect(),
                }]
            },
        }
    }

    fn recorded(basic: Vec<EventSelector>, advanced: Vec<AdvancedEventSelector>) -> Recorded {
        EventSelectors { basic, advanced }.recorded("aws")
    }

    #[test]
    fn basic_selectors() {
        let s = recorded(
            vec![basic(Some("All"), Some(true), &["arn:aws:s3:::lake-raw/"])],
            vec![],
        );
        assert!(s.management_read && s.management_write);
        assert!(s.s3_writes.covers_bucket("aws", "lake-raw"));
        assert!(s.s3_reads.covers_bucket("aws", "lake-raw"));
        assert!(!s.s3_writes.covers_bucket("aws", "lake-curated"));

        let s = recorded(vec![basic(Some("WriteOnly"), None, &[])], vec![]);
        assert!(!s.management_read && s.management_write);

        let s = recorded(vec![basic(None, Some(false), &["arn:aws:s3"])], vec![]);
        assert!(!s.management_write);
        assert!(s.s3_writes.covers_bucket("aws", "anything"));

        // ReadOnly data selectors record reads, not the writes S3.22 asks for.
        let s = recorded(vec![basic(Some("ReadOnly"), None, &["arn:aws:s3"])], vec![]);
        assert!(s.s3_reads.covers_bucket("aws", "lake"));
        assert!(!s.s3_writes.covers_bucket("aws", "lake"));
        // A read-only and a write-only selector together record both.
        let s = recorded(
            vec![
                basic(Some("ReadOnly"), None, &["arn:aws:s3:::lake/"]),
                basic(Some("WriteOnly"), None, &["arn:aws:s3:::lake/"]),
            ],
            vec![],
        );
        assert!(
            s.s3_reads.covers_bucket("aws", "lake") && s.s3_writes.covers_bucket("aws", "lake")
        );
    }

    #[test]
    fn advanced_selectors() {
        let management = advanced(vec![field("eventCategory", &["Management"], &[])]);
        let lake = advanced(vec![
            field("eventCategory", &["Data"], &[]),
            field("resources.type", &["AWS::S3::Object"], &[]),
            field("resources.ARN", &[], &["arn:aws:s3:::lake-"]),
        ]);
        let s = recorded(vec![], vec![management, lake]);
        assert!(s.management_read && s.management_write);
        assert!(s.s3_writes.covers_bucket("aws", "lake-raw"));
        assert!(s.s3_reads.covers_bucket("aws", "lake-raw"));
        assert!(!s.s3_writes.covers_bucket("aws", "other"));

        let read_only = advanced(vec![
            field("eventCategory", &["Management"], &[]),
            field("readOnly", &["true"], &[]),
        ]);
        let s = recorded(vec![], vec![read_only]);
        assert!(s.management_read && !s.management_write);

        let every_object = advanced(vec![
            field("eventCategory", &["Data"], &[]),
            field("resources.type", &["AWS::S3::Object"], &[]),
        ]);
        assert!(
            recorded(vec![], vec![every_object.clone()])
                .s3_writes
                .all_buckets
        );
        // readOnly=true: reads only; readOnly=false: writes only.
        let mut reads = every_object.clone();
        reads
            .field_selectors
            .push(field("readOnly", &["true"], &[]));
        let s = recorded(vec![], vec![reads]);
        assert!(s.s3_reads.all_buckets && !s.s3_writes.all_buckets);
        let mut writes = every_object.clone();
        writes
            .field_selectors
            .push(field("readOnly", &["false"], &[]));
        let s = recorded(vec![], vec![writes]);
        assert!(!s.s3_reads.all_buckets && s.s3_writes.all_buckets);
        // Narrowed to some events: no whole coverage.
        let mut some = every_object;
        some.field_selectors
            .push(field("eventName", &["PutObject"], &[]));
        assert_eq!(
            recorded(vec![], vec![some]).s3_writes,
            S3DataCoverage::default()
        );

        let excluding = advanced(vec![
            field("eventCategory", &["Data"], &[]),
            field("resources.type", &["AWS::S3::Object"], &[]),
            FieldSelector {
                field: "resources.ARN".into(),
                not_starts_with: vec!["arn:aws:s3:::scratch/".into()],
                ..FieldSelector::default()
            },
        ]);
        let s = recorded(vec![], vec![excluding]);
        assert!(s.s3_writes.covers_bucket("aws", "lake-raw"));
        assert!(!s.s3_writes.covers_bucket("aws", "scratch"));
    }
}
