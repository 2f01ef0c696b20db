//! The Athena checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::model::{AthenaRegion, AthenaWorkGroup};

crate::checks! {
    "athena.workgroup_engine_v3" {
        title: "Athena workgroup runs engine version 3",
        resource: "AwsAthenaWorkGroup",
        severity: Low,
        practice: "PERF03-BP04",
        rationale: "Engine version 3 reuses the results of recent identical queries and \
            plans joins and aggregations faster; version 2 does neither.",
        remediation: "Select Athena engine version 3 (or AUTO) for the workgroup.",
        cli: "aws athena update-work-group --work-group <workgroup> --configuration-updates 'EngineVersion={SelectedEngineVersion=Athena engine version 3}'",
        each: engine_v3,
    }
}

fn engine_v3(w: &AthenaWorkGroup, _: &AthenaRegion, _: &Context) -> Judged {
    let engine = w.configuration.get()?.effective_engine.get()?;
    if engine.starts_with("PySpark") {
        // Spark workgroups have no SQL engine and no result reuse.
        return not_applicable();
    }
    if engine == "Athena engine version 3" {
        pass("runs Athena engine version 3")
    } else {
        fail(format!("runs {engine}"))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn engines() {
        let id = "athena.workgroup_engine_v3";
        let with = |engine: Observed<String>| {
            let mut w = good_workgroup("wg");
            if let Observed::Known(c) = &mut w.configuration {
                c.effective_engine = engine;
            }
            workgroup_verdict(id, w).map(|(s, _)| s)
        };
        assert_eq!(
            with(Observed::Known("Athena engine version 3".into())),
            Some(Pass)
        );
        assert_eq!(
            with(Observed::Known("Athena engine version 2".into())),
            Some(Fail)
        );
        assert_eq!(
            with(Observed::Known("PySpark engine version 3".into())),
            None
        );
        assert_eq!(
            with(Observed::Unknown(Unobserved::not_reported(
                "athena:GetWorkGroup",
                "EngineVersion"
            ))),
            Some(Unknown)
        );
    }
}
