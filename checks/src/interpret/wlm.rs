//! Redshift's `wlm_json_configuration` parameter: automatic WLM, or manual
//! queues and whether they may scale out with concurrency scaling.

use serde_json::Value;

/// How a parameter group manages its workload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wlm {
    /// Automatic WLM: Redshift sizes memory and concurrency itself.
    Auto,
    /// Manual queues; how many of them have concurrency scaling on (`auto`).
    Manual {
        /// Queues in the configuration.
        queues: usize,
        /// Queues with `"concurrency_scaling": "auto"`.
        scaling: usize,
    },
}

/// Reads the parameter's value (a JSON array of queue objects); `Err` with why
/// when it is not that.
pub fn parse(value: &str) -> Result<Wlm, String> {
    let parsed: Value = serde_json::from_str(value)
        .map_err(|e| format!("wlm_json_configuration is not JSON: {e}"))?;
    let queues = parsed
        .as_array()
        .ok_or("wlm_json_configuration is not a list of queues")?;
    if queues.iter().any(|q| !q.is_object()) {
        return Err("wlm_json_configuration holds an entry that is not a queue".into());
    }
    if queues
        .iter()
        .any(|q| q.get("auto_wlm").and_then(Value::as_bool) == Some(true))
    {
        return Ok(Wlm::Auto);
    }
    let scaling = queues
        .iter()
        .filter(|q| {
            q.get("concurrency_scaling")
                .and_then(Value::as_str)
                .is_some_and(|s| s.eq_ignore_ascii_case("auto"))
        })
        .count();
    Ok(Wlm::Manual {
        queues: queues.len(),
        scaling,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default parameter group's value: automatic WLM.
    const AUTO: &str = r#"[{"auto_wlm":true}]"#;
    /// Manual WLM as the console writes it: a user queue, the short query queue.
    const MANUAL: &str = r#"[{"query_group":[],"query_group_wild_card":0,"user_group":[],
        "user_group_wild_card":0,"query_concurrency":5,"memory_percent_to_use":100,
        "concurrency_scaling":"off"},{"short_query_queue":true}]"#;
    const MANUAL_SCALING: &str = r#"[{"user_group":["etl"],"query_concurrency":10,
        "concurrency_scaling":"auto"},{"query_concurrency":5,"concurrency_scaling":"off"},
        {"short_query_queue":true}]"#;

    #[test]
    fn automatic_and_manual_queues() {
        assert_eq!(parse(AUTO), Ok(Wlm::Auto));
        assert_eq!(
            parse(MANUAL),
            Ok(Wlm::Manual {
                queues: 2,
                scaling: 0
            })
        );
        assert_eq!(
            parse(MANUAL_SCALING),
            Ok(Wlm::Manual {
                queues: 3,
                scaling: 1
            })
        );
        // Priorities are an automatic-WLM feature, in the same list.
        assert_eq!(
            parse(r#"[{"auto_wlm":true,"priority":"high","user_group":["bi"]},{"auto_wlm":true}]"#),
            Ok(Wlm::Auto)
        );
    }

    #[test]
    fn malformed_values_say_why() {
        assert!(parse("{not json").unwrap_err().contains("not JSON"));
        assert!(parse(r#"{"auto_wlm":true}"#)
            .unwrap_err()
            .contains("not a list"));
        assert!(parse(r#"[1, 2]"#).unwrap_err().contains("not a queue"));
    }
}
