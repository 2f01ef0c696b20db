//! No two modules of the checks crate import each other, directly or around
//! a circle: the model imports nothing that imports it, the traits it
//! implements live below it, and a service's checks sit above both.
//!
//! A module is a file. Its imports are the `crate::`, `super::` and
//! child-module paths its code names outside its tests (the `#[cfg(test)]`
//! module at the end of a file and the test-only `testing` module are left
//! out: tests may reach anywhere). Paths a `for_each_service!` callback
//! generates (`crate::services::$module::…`) count once per service.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path (`crate::services::s3::model`) → its source file.
fn modules(src: &Path) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(src).unwrap().with_extension("");
            let mut segments: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(segments.last().map(String::as_str), Some("mod" | "lib")) {
                segments.pop();
            }
            let name = std::iter::once("crate".to_string())
                .chain(segments)
                .collect::<Vec<_>>()
                .join("::");
            out.insert(name, path);
        }
    }
    out
}

/// The code of a file that is not a test and not a comment.
fn code(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let line = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Expands `use a::{b::C, d}` into `a::b::C` and `a::d`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(p).into_iter().map(move |e| format!("{prefix}{e}")))
        .collect()
}

/// Every path the code names: `use` trees expanded, and inline paths.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    // `use` statements start a line (after a visibility) and end at `;`.
    let mut rest = code;
    while let Some(line_start) = next_use(rest) {
        let tail = &rest[line_start..];
        let tree_start = tail.find("use ").unwrap() + 4;
        let end = tail.find(';').unwrap_or(tail.len());
        out.extend(expand(&tail[tree_start..end]));
        rest = &tail[end..];
    }
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if starts && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'$') {
            let mut j = i;
            while j < bytes.len()
                && (bytes[j].is_ascii_alphanumeric()
                    || bytes[j] == b'_'
                    || bytes[j] == b'$'
                    || (bytes[j] == b':' && bytes.get(j + 1) == Some(&b':'))
                    || (bytes[j] == b':' && j > 0 && bytes[j - 1] == b':'))
            {
                j += 1;
            }
            let path = &code[i..j];
            if path.contains("::") {
                out.push(path.trim_end_matches(':').to_string());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Where the next line that is a `use` statement starts.
fn next_use(code: &str) -> Option<usize> {
    let mut at = 0;
    for line in code.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let item = trimmed
            .strip_prefix("pub(crate) ")
            .or_else(|| trimmed.strip_prefix("pub "))
            .unwrap_or(trimmed);
        if item.starts_with("use ") {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// The module a path names (its longest prefix that is a module), seen from `from`.
fn resolve(path: &str, from: &str, known: &BTreeMap<String, PathBuf>) -> Option<String> {
    let path = path.trim_start_matches("$crate::").trim_start_matches("::");
    let mut segments: Vec<&str> = path.split("::").collect();
    let mut base: Vec<String> = from.split("::").map(str::to_string).collect();
    let absolute = match segments.first() {
        Some(&"crate") => {
            segments.remove(0);
            vec!["crate".to_string()]
        }
        Some(&"super") => {
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
            base
        }
        Some(&"self") => {
            segments.remove(0);
            base
        }
        // A child module named by its bare name.
        Some(first) if known.contains_key(&format!("{from}::{first}")) => base,
        _ => return None,
    };
    let mut best = None;
    let mut name = absolute.join("::");
    for segment in segments {
        name = format!("{name}::{segment}");
        if known.contains_key(&name) {
            best = Some(name.clone());
        }
    }
    best.filter(|b| b != from)
}

#[test]
fn the_checks_crate_has_no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let known = modules(&src);
    let services: Vec<String> = known
        .keys()
        .filter_map(|m| m.strip_prefix("crate::services::"))
        .filter(|m| !m.contains("::"))
        .map(str::to_string)
        .collect();
    assert!(services.len() >= 17, "services found: {services:?}");

    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, file) in &known {
        if module == "crate::testing" {
            continue;
        }
        let code = code(&std::fs::read_to_string(file).unwrap());
        let mut named = paths(&code);
        // What a callback of the service table names, for every service.
        let generated: Vec<String> = named
            .iter()
            .filter(|p| p.contains("$module"))
            .flat_map(|p| services.iter().map(move |s| p.replace("$module", s)))
            .collect();
        named.extend(generated);
        let targets = edges.entry(module.clone()).or_default();
        for path in named {
            if let Some(target) = resolve(&path, module, &known) {
                if target != "crate::testing" {
                    targets.insert(target);
                }
            }
        }
    }

    let cycles = strongly_connected(&edges);
    assert!(
        cycles.is_empty(),
        "modules that import each other around a circle:\n{}",
        cycles
            .iter()
            .map(|c| format!("  {}", c.join(" ↔ ")))
            .collect::<Vec<_>>()
            .join("\n")
    );

    // The test sees what it should: the engine imports the model, the
    // registry every service's checks.
    assert!(edges["crate::engine::resource"].contains("crate::model"));
    assert!(edges["crate::model"].contains("crate::model::inventory"));
    assert!(edges["crate::engine::registry"].contains("crate::services::s3"));
    assert!(edges["crate::model::inventory"].contains("crate::services::s3::model"));
}

/// Tarjan's strongly connected components with more than one module.
fn strongly_connected(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.edges.get(v).into_iter().flatten() {
            if !s.index.contains_key(w.as_str()) {
                visit(s, w);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.out
}

#[test]
fn the_parser_sees_grouped_relative_and_generated_paths() {
    assert_eq!(
        expand("crate::a::{b::{C, D}, e}"),
        ["crate::a::b::C", "crate::a::b::D", "crate::a::e"]
    );
    let found = paths("use super::x;\nfn f() { crate::services::$module::CHECKS }\n");
    assert!(found.contains(&"super::x".to_string()), "{found:?}");
    assert!(
        found.contains(&"crate::services::$module::CHECKS".to_string()),
        "{found:?}"
    );
    let cycle: BTreeMap<String, BTreeSet<String>> = [
        ("a".to_string(), ["b".to_string()].into()),
        ("b".to_string(), ["c".to_string()].into()),
        ("c".to_string(), ["a".to_string()].into()),
        ("d".to_string(), ["a".to_string()].into()),
    ]
    .into();
    assert_eq!(strongly_connected(&cycle), [["a", "b", "c"]]);
}
