//! Which instance and node families are of the current generation, and
//! which run on Graviton. Data, in one place: extend the tables when AWS
//! retires or launches a family.
//!
//! Sources, read 2026-12-03: Amazon EC2 User Guide, "Instance types"
//! (previous-generation and Graviton-based families); Amazon RDS User Guide,
//! "DB instance classes" (supported engines per class); Amazon Redshift
//! Management Guide, "Node types".

/// EC2 instance families of a previous generation (EMR nodes): each has a
/// successor with better price-performance per watt.
pub const PREVIOUS_EC2_FAMILIES: &[&str] = &[
    "c1", "c3", "c4", "cc2", "cg1", "cr1", "d2", "g2", "hi1", "hs1", "i2", "m1", "m2", "m3", "m4",
    "r3", "r4", "t1",
];

/// RDS instance families AWS lists as previous generation beyond the EC2
/// ones above (RDS counts burstable t2 among them).
pub const PREVIOUS_RDS_ONLY_FAMILIES: &[&str] = &["t2"];

/// Redshift node families and whether they are current (RA3 is; DC and DS are not).
pub const REDSHIFT_NODE_FAMILIES: &[(&str, bool)] = &[
    ("ra3", true),
    ("dc2", false),
    ("dc1", false),
    ("ds2", false),
    ("ds1", false),
];

/// EC2 families on AWS Graviton processors (Arm).
pub const GRAVITON_EC2_FAMILIES: &[&str] = &[
    "a1", "c6g", "c6gd", "c6gn", "c7g", "c7gd", "c7gn", "c8g", "c8gd", "c8gn", "g5g", "hpc7g",
    "i4g", "i8g", "im4gn", "is4gen", "m6g", "m6gd", "m7g", "m7gd", "m8g", "m8gd", "r6g", "r6gd",
    "r7g", "r7gd", "r8g", "r8gd", "t4g", "x2gd", "x8g",
];

/// Current EC2 families on Intel or AMD processors (x86_64): known, and not Graviton.
pub const X86_EC2_FAMILIES: &[&str] = &[
    "c5", "c5a", "c5ad", "c5d", "c5n", "c6a", "c6i", "c6id", "c6in", "c7a", "c7i", "c7i-flex",
    "c8i", "d3", "d3en", "g4ad", "g4dn", "g5", "g6", "g6e", "h1", "i3", "i3en", "i4i", "i7i",
    "i7ie", "inf1", "inf2", "m5", "m5a", "m5ad", "m5d", "m5dn", "m5n", "m5zn", "m6a", "m6i",
    "m6id", "m6idn", "m6in", "m7a", "m7i", "m7i-flex", "m8i", "p3", "p3dn", "p4d", "p5", "r5",
    "r5a", "r5ad", "r5b", "r5d", "r5dn", "r5n", "r6a", "r6i", "r6id", "r6idn", "r6in", "r7a",
    "r7i", "r7iz", "r8i", "t3", "t3a", "trn1", "u-3tb1", "u-6tb1", "x1", "x1e", "x2idn", "x2iedn",
    "x2iezn", "z1d",
];

/// RDS engines that offer Graviton classes (db.m6g, db.r6g, db.t4g, …);
/// Oracle, SQL Server and Db2 do not.
pub const RDS_GRAVITON_ENGINES: &[&str] = &[
    "aurora-mysql",
    "aurora-postgresql",
    "mariadb",
    "mysql",
    "postgres",
];

/// Whether an EC2 instance type runs on Graviton; `None` for a family
/// neither table knows.
pub fn is_graviton(instance_type: &str) -> Option<bool> {
    let family = family(instance_type);
    if GRAVITON_EC2_FAMILIES.contains(&family) {
        Some(true)
    } else if X86_EC2_FAMILIES.contains(&family) || PREVIOUS_EC2_FAMILIES.contains(&family) {
        Some(false)
    } else {
        None
    }
}

/// Whether an RDS class (`db.r6g.large`) runs on Graviton; `None` for an
/// unknown family. `db.serverless` (Aurora Serverless v2) is neither.
pub fn is_graviton_rds_class(class: &str) -> Option<bool> {
    let instance_type = class.strip_prefix("db.")?;
    match family(instance_type) {
        "serverless" => None,
        "t2" => Some(false),
        _ => is_graviton(instance_type),
    }
}

/// The family of an instance or node type: `m5.xlarge` → `m5`, `ra3.4xlarge` → `ra3`.
pub fn family(instance_type: &str) -> &str {
    instance_type.split('.').next().unwrap_or(instance_type)
}

/// Whether AWS lists this EC2 instance type as a previous generation.
pub fn is_previous_ec2_generation(instance_type: &str) -> bool {
    PREVIOUS_EC2_FAMILIES.contains(&family(instance_type))
}

/// Whether an RDS instance class (`db.m4.large`) is of a previous generation:
/// the EC2 family table, and the families RDS alone retires.
pub fn is_previous_rds_class(class: &str) -> bool {
    let instance_type = class.strip_prefix("db.").unwrap_or(class);
    is_previous_ec2_generation(instance_type)
        || PREVIOUS_RDS_ONLY_FAMILIES.contains(&family(instance_type))
}

/// `Some(true)` for current Redshift node types, `None` for families not in the table.
pub fn is_current_redshift_node(node_type: &str) -> Option<bool> {
    let family = family(node_type);
    REDSHIFT_NODE_FAMILIES
        .iter()
        .find(|(f, _)| *f == family)
        .map(|(_, current)| *current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families() {
        assert!(is_previous_ec2_generation("m4.large"));
        assert!(is_previous_ec2_generation("r3.2xlarge"));
        assert!(!is_previous_ec2_generation("m5.xlarge"));
        assert!(!is_previous_ec2_generation("m6g.xlarge"));
        assert_eq!(is_current_redshift_node("ra3.xlplus"), Some(true));
        assert_eq!(is_current_redshift_node("dc2.large"), Some(false));
        assert_eq!(is_current_redshift_node("zz9.large"), None);
        assert!(is_previous_rds_class("db.m4.large"));
        assert!(is_previous_rds_class("db.t2.micro"));
        assert!(!is_previous_rds_class("db.r6g.large"));
        assert!(!is_previous_rds_class("db.serverless"));
    }

    #[test]
    fn graviton_families() {
        assert_eq!(is_graviton("m6g.xlarge"), Some(true));
        assert_eq!(is_graviton("c7gn.large"), Some(true));
        assert_eq!(is_graviton("m5.xlarge"), Some(false));
        assert_eq!(is_graviton("m4.large"), Some(false));
        assert_eq!(is_graviton("zz9.large"), None);
        assert_eq!(is_graviton_rds_class("db.r6g.large"), Some(true));
        assert_eq!(is_graviton_rds_class("db.r5.large"), Some(false));
        assert_eq!(is_graviton_rds_class("db.t2.micro"), Some(false));
        assert_eq!(is_graviton_rds_class("db.serverless"), None);
        // The tables do not overlap.
        for f in GRAVITON_EC2_FAMILIES {
            assert!(
                !X86_EC2_FAMILIES.contains(f) && !PREVIOUS_EC2_FAMILIES.contains(f),
                "{f}"
            );
        }
    }
}
