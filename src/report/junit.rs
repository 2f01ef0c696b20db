//! JUnit XML for CI dashboards: a test suite per pillar, a test case per
//! check and resource; FAIL is a failure, UNKNOWN and muted findings skipped.

use std::collections::BTreeMap;

use lakelint_checks::{Finding, Status};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

use std::io::{self, Write};

use super::Report;

/// A non-passing case's element: its tag, attributes and text.
type Outcome<'a> = (&'a str, Vec<(&'a str, String)>, String);

/// Writes the suites.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut by_pillar: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_pillar.entry(f.pillar.as_str()).or_default().push(f);
    }
    let count = |fs: &[&Finding], pick: fn(&Finding) -> bool| {
        fs.iter().filter(|f| pick(f)).count().to_string()
    };
    let failed = |f: &Finding| f.status == Status::Fail && !f.muted;
    let skipped = |f: &Finding| f.status == Status::Unknown || f.muted;

    let mut w = Writer::new_with_indent(&mut *out, b' ', 2);
    let all: Vec<&Finding> = report.findings.iter().collect();
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = BytesStart::new("testsuites");
    root.push_attribute(("name", "lakelint"));
    root.push_attribute(("tests", all.len().to_string().as_str()));
    root.push_attribute(("failures", count(&all, failed).as_str()));
    root.push_attribute(("skipped", count(&all, skipped).as_str()));
    w.write_event(Event::Start(root))?;
    for (pillar, findings) in &by_pillar {
        let mut suite = BytesStart::new("testsuite");
        suite.push_attribute(("name", *pillar));
        suite.push_attribute(("tests", findings.len().to_string().as_str()));
        suite.push_attribute(("failures", count(findings, failed).as_str()));
        suite.push_attribute(("skipped", count(findings, skipped).as_str()));
        w.write_event(Event::Start(suite))?;
        for f in findings {
            let mut case = BytesStart::new("testcase");
            case.push_attribute(("classname", &*f.check_id));
            case.push_attribute(("name", &*f.resource.arn));
            let outcome: Option<Outcome> = if f.muted {
                let why = format!("muted: {}", f.mute_reason.as_deref().unwrap_or_default());
                Some(("skipped", vec![("message", why)], String::new()))
            } else {
                match f.status {
                    Status::Pass => None,
                    Status::Fail => Some((
                        "failure",
                        vec![
                            ("message", f.message.to_string()),
                            ("type", f.severity.as_str().to_string()),
                        ],
                        format!("{}\n{}", f.remediation.text, f.remediation.cli),
                    )),
                    Status::Unknown => Some((
                        "skipped",
                        vec![("message", f.reason.clone().unwrap_or_default())],
                        String::new(),
                    )),
                }
            };
            match outcome {
                None => {
                    w.write_event(Event::Empty(case))?;
                }
                Some((tag, attributes, body)) => {
                    w.write_event(Event::Start(case))?;
                    let mut element = BytesStart::new(tag);
                    for (name, value) in &attributes {
                        element.push_attribute((*name, value.as_str()));
                    }
                    if body.is_empty() {
                        w.write_event(Event::Empty(element))?;
                    } else {
                        w.write_event(Event::Start(element))?;
                        w.write_event(Event::Text(BytesText::new(&body)))?;
                        w.write_event(Event::End(BytesEnd::new(tag)))?;
                    }
                    w.write_event(Event::End(BytesEnd::new("testcase")))?;
                }
            }
        }
        w.write_event(Event::End(BytesEnd::new("testsuite")))?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuites")))?;
    out.write_all(b"\n")
}
