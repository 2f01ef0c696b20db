//! docker-compose.yml is what users with Docker run; CI has no Docker daemon,
//! so its shape is checked here: a pinned LocalStack bound to 127.0.0.1 with
//! the init hook mounted, and lakelint scanning it once it is ready.

mod support;

use std::process::Command;

use serde_json::Value;
use support::*;

fn compose() -> Value {
    // PyYAML comes with moto in the test virtualenv.
    let out = Command::new(python())
        .args([
            "-c",
            "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
        ])
        .arg(repo_root().join("docker-compose.yml"))
        .output()
        .expect("run python");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("compose file as JSON")
}

#[test]
fn compose_file_runs_localstack_and_lakelint() {
    let compose = compose();
    let services = &compose["services"];
    let localstack = &services["localstack"];

    let image = localstack["image"].as_str().unwrap();
    let (name, tag) = image.rsplit_once(':').expect("image has a tag");
    assert_eq!(name, "localstack/localstack");
    assert!(tag != "latest" && !tag.is_empty(), "pinned tag, not {tag}");

    for service in services.as_object().unwrap().values() {
        for port in service["ports"].as_array().into_iter().flatten() {
            assert!(
                port.as_str().unwrap().starts_with("127.0.0.1:"),
                "{port} is not loopback-only"
            );
        }
    }
    assert!(localstack["environment"]["LOCALSTACK_AUTH_TOKEN"]
        .as_str()
        .unwrap()
        .contains("${LOCALSTACK_AUTH_TOKEN"));

    let mounts: Vec<&str> = localstack["volumes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let hook = mounts
        .iter()
        .find(|m| m.contains(":/etc/localstack/init/ready.d"))
        .expect("init hook mounted");
    let host_dir = hook.split(':').next().unwrap();
    assert!(repo_root().join(host_dir).join("10-seed-demo.py").exists());

    let lakelint = &services["lakelint"];
    assert_eq!(lakelint["build"], ".");
    assert!(repo_root().join("Dockerfile").exists());
    assert_eq!(
        lakelint["depends_on"]["localstack"]["condition"],
        "service_healthy"
    );
    let command = lakelint["command"].to_string();
    assert!(
        command.contains("--endpoint-url http://localstack:4566"),
        "{command}"
    );
    assert!(command.contains("/reports/"), "{command}");
}

#[test]
fn deploy_recipes_parse_and_shard_by_their_index() {
    let dir = repo_root().join("deploy");
    let mut files = Vec::new();
    for sub in std::fs::read_dir(&dir).unwrap() {
        for file in std::fs::read_dir(sub.unwrap().path()).unwrap() {
            files.push(file.unwrap().path());
        }
    }
    assert!(files.len() >= 5, "{files:?}");
    for file in &files {
        let out = Command::new(python())
            .args([
                "-c",
                "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
            ])
            .arg(file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{} does not parse: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(file).unwrap();
        assert!(
            text.contains("lakelint scan"),
            "{} runs a scan",
            file.display()
        );
    }
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    assert!(read("kubernetes/indexed-job.yaml")
        .contains("--shard \"$((JOB_COMPLETION_INDEX + 1))/$SHARDS\""));
    assert!(read("aws-batch/array-job.json").contains("AWS_BATCH_JOB_ARRAY_INDEX + 1"));
    for scheduled in [
        "kubernetes/cronjob.yaml",
        "ecs/scheduled-task.json",
        "github-actions/lakelint.yml",
    ] {
        assert!(
            read(scheduled).contains("--fail-on new"),
            "{scheduled} uses the baseline diff"
        );
    }
}
