//! AWS Lambda's managed runtimes and the day each is (or was) deprecated.
//! Data: extend the table when AWS announces a runtime or a date.
//!
//! Source, read 2026-12-03: AWS Lambda Developer Guide, "Lambda runtimes"
//! (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), the
//! supported and deprecated tables' "Deprecation date" column.

/// Every runtime identifier the table knows, with its deprecation date
/// (YYYY-MM-DD).
pub const RUNTIMES: &[(&str, &str)] = &[
    ("nodejs24.x", "2028-04-30"),
    ("nodejs22.x", "2027-04-30"),
    ("nodejs20.x", "2026-04-30"),
    ("nodejs18.x", "2025-09-01"),
    ("nodejs16.x", "2024-06-12"),
    ("nodejs14.x", "2023-12-04"),
    ("nodejs12.x", "2023-03-31"),
    ("nodejs10.x", "2021-07-30"),
    ("nodejs8.10", "2020-03-06"),
    ("nodejs6.10", "2019-08-12"),
    ("nodejs4.3", "2020-03-05"),
    ("nodejs", "2016-10-31"),
    ("python3.14", "2029-06-30"),
    ("python3.13", "2029-06-30"),
    ("python3.12", "2028-10-31"),
    ("python3.11", "2027-06-30"),
    ("python3.10", "2026-06-30"),
    ("python3.9", "2025-12-15"),
    ("python3.8", "2024-10-14"),
    ("python3.7", "2023-12-04"),
    ("python3.6", "2022-07-18"),
    ("python2.7", "2021-07-15"),
    ("java25", "2029-06-30"),
    ("java21", "2029-06-30"),
    ("java17", "2029-06-30"),
    ("java11", "2027-06-30"),
    ("java8.al2", "2027-06-30"),
    ("java8", "2024-01-08"),
    ("dotnet10", "2028-11-14"),
    ("dotnet9", "2026-11-10"),
    ("dotnet8", "2026-11-10"),
    ("dotnet7", "2024-05-14"),
    ("dotnet6", "2024-12-20"),
    ("dotnetcore3.1", "2023-04-03"),
    ("dotnetcore2.1", "2022-01-05"),
    ("ruby3.4", "2028-03-31"),
    ("ruby3.3", "2027-03-31"),
    ("ruby3.2", "2026-03-31"),
    ("ruby2.7", "2023-12-07"),
    ("ruby2.5", "2021-07-30"),
    ("go1.x", "2024-01-08"),
    ("provided.al2023", "2029-06-30"),
    ("provided.al2", "2026-06-30"),
    ("provided", "2024-01-08"),
];

/// The deprecation date of `runtime`; `None` for an identifier the table does not know.
pub fn deprecation_date(runtime: &str) -> Option<&'static str> {
    RUNTIMES
        .iter()
        .find(|(id, _)| *id == runtime)
        .map(|(_, date)| *date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_well_formed_and_identifiers_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for (id, date) in RUNTIMES {
            assert!(seen.insert(*id), "{id} twice");
            assert!(
                chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
                "{id}: {date}"
            );
        }
        assert_eq!(deprecation_date("python3.9"), Some("2025-12-15"));
        assert_eq!(deprecation_date("cobol1.0"), None);
    }
}
