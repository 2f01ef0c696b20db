//! LocalStack community answers the services it keeps for Pro (Glue, EMR,
//! CloudTrail) with HTTP 501. A stub on 127.0.0.1 gives the same answers, and
//! lakelint must report those services as not available at this endpoint,
//! their findings UNKNOWN, and exit by the usual rules.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

use support::*;

const IDENTITY: &str = r#"<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::000000000000:root</Arn><UserId>000000000000</UserId><Account>000000000000</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></GetCallerIdentityResponse>"#;

/// LocalStack's answer for a Pro-only service.
const NOT_IN_LICENSE: &str = r#"{"__type": "InternalFailure", "message": "API for service 'glue' not yet implemented or pro feature - please check https://docs.localstack.cloud/references/coverage/ for further information"}"#;

/// Serves one connection: STS answers as LocalStack's account, everything else 501.
fn serve(stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut stream = stream;
    loop {
        let mut length = 0usize;
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return; // the client closed the connection
        }
        loop {
            line.clear();
            reader.read_line(&mut line).expect("header line");
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("request body");
        let (status, content_type, answer) =
            if String::from_utf8_lossy(&body).contains("Action=GetCallerIdentity") {
                ("200 OK", "text/xml", IDENTITY)
            } else {
                ("501 Not Implemented", "application/json", NOT_IN_LICENSE)
            };
        let response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{answer}",
            answer.len()
        );
        if stream.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

fn start_stub() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind stub");
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            thread::spawn(move || serve(stream));
        }
    });
    port
}

#[test]
fn pro_only_services_are_reported_as_not_available() {
    let port = start_stub();
    let endpoint = format!("http://127.0.0.1:{port}");
    let args = [
        "scan",
        "--endpoint-url",
        &endpoint,
        "--regions",
        "us-east-1,eu-west-1",
        "--services",
        "glue,emr,cloudtrail",
    ];

    let out = run(lakelint_with_credentials().args(args));
    // Nothing failed, so the usual rules give 0; what could not be seen is UNKNOWN.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("account 000000000000"), "{text}");
    for service in ["glue", "emr", "cloudtrail"] {
        for region in ["us-east-1", "eu-west-1"] {
            let line = format!("not available at this endpoint: {service} in {region}");
            assert_eq!(text.matches(&line).count(), 1, "{line}\n{text}");
        }
    }

    let report = json(&run(lakelint_with_credentials()
        .args(args)
        .args(["--format", "json"])));
    let catalog = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["check_id"] == "glue.catalog_encryption")
        .expect("the catalog is judged even when the service is missing");
    assert_eq!(catalog["status"], U);
    assert_eq!(
        catalog["reason"],
        "not supported by endpoint: glue:GetDataCatalogEncryptionSettings"
    );
    assert_eq!(report["summary"]["by_status"]["FAIL"], 0);
    let gaps = report["scan"]["gaps"].as_array().unwrap();
    assert!(gaps
        .iter()
        .all(|g| g["reason"]["kind"] == "not_supported_by_endpoint"));
}
