//! The EMR Serverless checks of this pillar.

use crate::engine::check::Context;
use crate::findings::finding::{fail, pass, Judged};
use crate::model::{EmrServerlessApplication, EmrServerlessRegion};

crate::checks! {
    "emrserverless.application_auto_stop" {
        title: "EMR Serverless application stops when idle",
        resource: "AwsEmrServerlessApplication",
        severity: Medium,
        also: [Sustainability],
        practice: "COST09-BP03",
        rationale: "An application that does not stop keeps its pre-initialized capacity \
            running, and billed, between jobs.",
        remediation: "Turn on auto-stop with an idle timeout (15 minutes is the default).",
        cli: "aws emr-serverless update-application --application-id <application-id> --auto-stop-configuration enabled=true,idleTimeoutMinutes=15",
        each: auto_stop,
    }
}

fn auto_stop(a: &EmrServerlessApplication, _: &EmrServerlessRegion, _: &Context) -> Judged {
    let auto_stop = a.auto_stop.get()?;
    if auto_stop.enabled {
        pass(format!(
            "stops after {} idle minutes",
            auto_stop
                .idle_timeout_minutes
                .map_or_else(|| "the default".to_string(), |m| m.to_string())
        ))
    } else {
        fail("auto-stop is disabled")
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::finding::Status::*;
    use crate::model::*;
    use crate::testing::*;

    #[test]
    fn auto_stop_both_ways() {
        let id = "emrserverless.application_auto_stop";
        assert_eq!(
            application_verdict(id, good_application("a")).unwrap().0,
            Pass
        );
        let mut a = good_application("a");
        a.auto_stop = Observed::Known(AutoStop {
            enabled: false,
            idle_timeout_minutes: None,
        });
        assert_eq!(application_verdict(id, a).unwrap().0, Fail);
        let mut a = good_application("a");
        a.auto_stop = Observed::Unknown(denied("emr-serverless:GetApplication"));
        assert_eq!(application_verdict(id, a).unwrap().0, Unknown);
    }
}
