//! The Lambda checks of this pillar.

use crate::engine::check::Context;
use crate::engine::inputs::days_before_scan;
use crate::findings::finding::{fail, not_applicable, pass, Judged};
use crate::interpret::lambda_runtimes::deprecation_date;
use crate::model::{LambdaFunction, LambdaRegion, Unobserved, UnobservedKind};

crate::checks! {
    "lambda.function_supported_runtime" {
        title: "Lambda function runs on a runtime that is not deprecated",
        resource: "AwsLambdaFunction",
        severity: Medium,
        also: [OperationalExcellence],
        practice: "SEC06-BP01",
        rationale: "A deprecated runtime gets no security patches, and Lambda soon \
            blocks updating the function: the fix then has to wait for a migration.",
        remediation: "Move the function to a supported runtime of its language and test it.",
        cli: "aws lambda update-function-configuration --function-name <function> --runtime python3.13",
        each: supported_runtime,
    }
}

fn supported_runtime(f: &LambdaFunction, _: &LambdaRegion, cx: &Context) -> Judged {
    let Some(runtime) = f.runtime.as_deref() else {
        if f.package_type == "Image" {
            return not_applicable(); // the image carries its own runtime
        }
        return Err(Unobserved::not_reported("lambda:ListFunctions", "Runtime"));
    };
    let date = deprecation_date(runtime).ok_or_else(|| {
        Unobserved::new(UnobservedKind::NotEvaluated, "lambda:ListFunctions").with_message(format!(
            "runtime {runtime} is not in lakelint's runtime table"
        ))
    })?;
    let days_past = days_before_scan(cx.inventory, &format!("{date}T00:00:00Z"))?;
    if days_past > 0 {
        fail(format!("runtime {runtime} was deprecated on {date}"))
    } else {
        pass(format!("runtime {runtime} is supported until {date}"))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::testing::*;

    #[test]
    fn runtimes_by_the_table() {
        let id = "lambda.function_supported_runtime";
        let with = |runtime: Option<&str>, package: &str| {
            let mut f = good_function("f");
            f.runtime = runtime.map(Into::into);
            f.package_type = package.into();
            function_verdict(id, f).map(|(s, _)| s)
        };
        // The test inventory's scan started on 2026-12-01.
        assert_eq!(with(Some("python3.13"), "Zip"), Some(Pass));
        assert_eq!(with(Some("python3.9"), "Zip"), Some(Fail));
        assert_eq!(with(Some("nodejs20.x"), "Zip"), Some(Fail));
        // A runtime the table does not know is not a supported one.
        assert_eq!(with(Some("cobol1.0"), "Zip"), Some(Unknown));
        assert_eq!(with(None, "Image"), None);
        assert_eq!(with(None, "Zip"), Some(Unknown));
    }
}
