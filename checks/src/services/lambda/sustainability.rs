//! The Lambda checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{LambdaFunction, LambdaRegion};

crate::checks! {
    "lambda.function_arm64" {
        title: "Lambda function runs on Graviton (arm64)",
        resource: "AwsLambdaFunction",
        severity: Low,
        also: [CostOptimization],
        practice: "SUS05-BP02",
        rationale: "arm64 functions cost about a fifth less per GB-second than x86_64 \
            and use less energy for the same work; most interpreted code moves unchanged.",
        remediation: "Switch the function's architecture to arm64 (rebuild native \
            dependencies for it) and test it.",
        cli: "aws lambda update-function-code --function-name <function> --architectures arm64 --zip-file fileb://<package>.zip",
        each: arm64,
    }
}

fn arm64(f: &LambdaFunction, _: &LambdaRegion, _: &Context) -> Judged {
    if f.architectures.iter().any(|a| a == "arm64") {
        pass("runs on arm64 (Graviton)")
    } else {
        fail(format!("runs on {} only", f.architectures.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn architectures() {
        let id = "lambda.function_arm64";
        assert_eq!(function_verdict(id, good_function("f")).unwrap().0, Pass);
        let mut f = good_function("f");
        f.architectures = vec!["x86_64".into()];
        assert_eq!(
            function_verdict(id, f).unwrap(),
            (Fail, "runs on x86_64 only".into())
        );
        // Functions that could not be listed are unknown, region by region.
        let mut inv = with_lambda(inventory(vec![]), vec![], Observed::Known(vec![]));
        deny_listing(
            &mut inv,
            Service::Lambda,
            Some("us-east-1"),
            "lambda:ListFunctions",
        );
        inv.scan.gaps[0].checks = vec!["lambda.function_*".into()];
        let selection = crate::Selection {
            checks: vec![id.into()],
            ..Default::default()
        };
        let findings = crate::evaluate(&inv, &crate::Config::default(), &selection);
        assert_eq!(findings[0].status, Unknown);
    }
}
