//! Which instance and node families are of the current generation. Data, in
//! one place: extend the tables when AWS retires a family.

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
}
