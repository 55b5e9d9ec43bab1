//! Golden tests: every model under `tests/golden/` is evaluated and its
//! rendered report (values, displays, checks, and errors with their spans)
//! compared with the `.out` file beside it. Files are discovered, never
//! listed by hand. Set `HEADROOM_BLESS=1` to write the `.out` files after a
//! deliberate change, then review the diff.
//!
//! A model may start with directive comments:
//! - `# set NAME=VALUE` overrides an input;
//! - `# explain NAME` appends the worked explanation of a value;
//! - `# pad-to BYTES` grows the source with comment lines to that size (for
//!   the size limit, without committing a huge file).
//!
//! Files under `errors/` are named after an error code and must produce that
//! error; every error kind must have at least one such example.

use headroom_core::{explain, export, ErrorKind, Model, Overrides, Report};
use std::fmt::Write;
use std::path::{Path, PathBuf};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden")
}

fn models(sub: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(golden_dir().join(sub))
        .unwrap_or_else(|e| panic!("tests/golden/{sub}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "hr"))
        .collect();
    files.sort();
    files
}

/// The report of a golden model as text.
fn render(path: &Path) -> (String, Vec<ErrorKind>) {
    let mut src = std::fs::read_to_string(path).unwrap();
    if let Some(n) = src.lines().find_map(|l| l.strip_prefix("# pad-to ")) {
        let n: usize = n.trim().parse().expect("# pad-to BYTES");
        while src.len() < n {
            src.push_str("# padding to test the size limit\n");
        }
    }
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let model = Model::parse(&src);
    let mut overrides = Overrides::new();
    let mut out = String::new();
    let mut explains = Vec::new();
    for line in src.lines().take_while(|l| l.starts_with('#')) {
        if let Some(set) = line.strip_prefix("# set ") {
            let (name, value) = set.split_once('=').expect("# set NAME=VALUE");
            match headroom_core::report::parse_input(&model, name.trim(), value.trim()) {
                Ok((slot, q)) => overrides.set(slot, q),
                Err(e) => writeln!(out, "set {}: {e}", name.trim()).unwrap(),
            }
        } else if let Some(name) = line.strip_prefix("# explain ") {
            explains.push(name.trim().to_string());
        }
    }
    let ev = model.evaluate(&overrides);
    let report = Report::new(&model, &ev);
    out.push_str(&export::text(&report));
    for name in explains {
        // A value's name, or a check's label.
        let e = match model.slot(&name) {
            Some(slot) => explain::explain(&model, &ev, slot),
            None => {
                let index = report.checks().position(|c| c.label == name);
                let index = index.unwrap_or_else(|| panic!("{file}: no value or check {name} to explain"));
                explain::explain_check(&model, &ev, &report, index)
            }
        }
        .expect("explanation");
        write!(out, "\n{}", explain::render(&e)).unwrap();
    }
    let kinds = report.problems.iter().map(|p| p.diagnostic.kind).collect();
    for p in &report.problems {
        out.push('\n');
        out.push_str(&p.diagnostic.render(&src, &file));
    }
    (out, kinds)
}

fn check_dir(sub: &str) -> Vec<(PathBuf, Vec<ErrorKind>)> {
    let bless = std::env::var_os("HEADROOM_BLESS").is_some();
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for path in models(sub) {
        let (got, kinds) = render(&path);
        let expected_path = path.with_extension("out");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want {
            failures.push(format!("{}:\n--- expected\n{want}\n+++ got\n{got}", path.display()));
        }
        seen.push((path, kinds));
    }
    assert!(failures.is_empty(), "{} golden file(s) differ:\n{}", failures.len(), failures.join("\n"));
    seen
}

#[test]
fn golden_models() {
    let seen = check_dir("models");
    assert!(!seen.is_empty());
}

#[test]
fn golden_errors_cover_every_error_kind() {
    let seen = check_dir("errors");
    for (path, kinds) in &seen {
        let code = path.file_stem().unwrap().to_string_lossy();
        let code = code.split('.').next().unwrap();
        assert!(
            kinds.iter().any(|k| k.code() == code),
            "{} is named for `{code}` but reports {:?}",
            path.display(),
            kinds.iter().map(|k| k.code()).collect::<Vec<_>>()
        );
    }
    for kind in ErrorKind::ALL {
        assert!(
            seen.iter().any(|(_, kinds)| kinds.contains(kind)),
            "no example under tests/golden/errors/ reports `{}`",
            kind.code()
        );
    }
}
