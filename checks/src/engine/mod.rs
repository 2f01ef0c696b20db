//! The engine: what a check is and how checks are declared, the registry of
//! every check, how checks walk the inventory's resources and what those
//! reference, what each bucket is for, and running the selected checks.

pub mod check;
pub mod evaluate;
pub mod inputs;
pub mod references;
pub mod registry;
pub mod resource;
pub mod roles;
