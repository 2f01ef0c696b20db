//! Every check, in catalog order: pillar by pillar, and within a pillar
//! service by service in the order of the service table.

use std::sync::OnceLock;

use crate::engine::check::Check;
use crate::findings::finding::Pillar;

/// The pillars in catalog order.
const CATALOG_ORDER: [Pillar; 6] = [
    Pillar::Security,
    Pillar::Reliability,
    Pillar::PerformanceEfficiency,
    Pillar::CostOptimization,
    Pillar::Sustainability,
    Pillar::OperationalExcellence,
];

/// Every service's checks, a list per pillar file, in the service table's order.
macro_rules! service_checks {
    ($($(#[$doc:meta])* $variant:ident => $module:ident: $section:ident, iam: $iam:literal, $scope:ident;)*) => {
        const SERVICES: &[&[&[Check]]] = &[$(crate::services::$module::CHECKS),*];
    };
}

crate::for_each_service!(service_checks);

/// Every check of the catalog.
pub fn all() -> impl Iterator<Item = &'static Check> {
    static ALL: OnceLock<Vec<&'static Check>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut checks: Vec<&'static Check> = SERVICES
            .iter()
            .flat_map(|files| files.iter())
            .flat_map(|checks| checks.iter())
            .collect();
        // Stable: services keep the table's order, checks their file's.
        checks.sort_by_key(|c| CATALOG_ORDER.iter().position(|p| *p == c.pillar()));
        checks
    })
    .iter()
    .copied()
}

/// The check with this id.
pub fn find(id: &str) -> Option<&'static Check> {
    all().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn check_ids_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for check in all() {
            let id = check.id;
            assert!(seen.insert(id), "duplicate check id {id}");
            let (_, subject) = id.split_once('.').expect("id is service.subject");
            assert!(
                subject
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{id}: subject is snake_case"
            );
        }
    }

    #[test]
    fn metadata_is_complete() {
        for c in all() {
            let r = &c.remediation;
            for text in [c.title, c.rationale, &r.text, &r.cli, &r.terraform] {
                assert!(!text.trim().is_empty(), "{}: empty metadata", c.id);
            }
            assert!(r.cli.starts_with("aws "), "{}: CLI line", c.id);
            let bp = c.wa_best_practice;
            let (area, practice) = bp.split_once("-BP").expect("best practice id");
            assert!(
                ["OPS", "SEC", "REL", "PERF", "COST", "SUS"]
                    .iter()
                    .any(|p| area.starts_with(p) && area[p.len()..].parse::<u8>().is_ok()),
                "{}: {bp}",
                c.id
            );
            assert!(practice.parse::<u8>().is_ok(), "{}: {bp}", c.id);
        }
    }

    /// Every remediation file belongs to a check: a renamed check leaves none behind.
    #[test]
    fn every_remediation_file_has_its_check() {
        // The run's own package directory: a test binary reused from another
        // checkout of the same tree carries that checkout's path at compile time.
        let root = std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
            || env!("CARGO_MANIFEST_DIR").into(),
            std::path::PathBuf::from,
        );
        let dir = root.join("remediation");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let id = name.strip_suffix(".tf").expect("only .tf files");
            assert!(find(id).is_some(), "{name} names no check");
        }
    }
}
