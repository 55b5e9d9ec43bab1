//! Plain-text rendering of reports for the terminal.

use headroom_core::doc::DocCheck;
use std::fmt::Write;

/// The result of checking a Markdown document.
pub fn doc_check(outcome: &DocCheck, doc: &str, file: &str) -> String {
    let mut out = String::new();
    for b in &outcome.blocks {
        let _ = writeln!(
            out,
            "{file}:{}: block {} ({}, {})",
            b.line,
            b.index + 1,
            count(b.values, "value"),
            count(b.checks.len(), "check")
        );
        for c in &b.checks {
            let _ = write!(out, "  {} {}: {}", if c.fails { "✗" } else { "✓" }, c.label, c.status);
            // A check that fails says where it is and what it compared.
            if c.fails {
                let _ = write!(out, " ({file}:{}", c.line);
                if !c.worked.is_empty() {
                    let _ = write!(out, ": {}", c.worked);
                }
                out.push(')');
            }
            out.push('\n');
        }
        for p in &b.problems {
            out.push_str(&p.render(doc, file));
        }
    }
    let status = if outcome.blocks.is_empty() {
        "nothing to check: no ```headroom code blocks"
    } else if outcome.ok() {
        "ok"
    } else {
        "FAILED"
    };
    let _ = writeln!(out, "{file}: {}, {status}", count(outcome.blocks.len(), "block"));
    out
}

/// `1 value`, `2 values`.
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The function reference, from the core's own documentation.
pub fn functions() -> String {
    let mut out = String::from("The examples are evaluated in a model that begins with these lines:\n\n");
    for line in headroom_core::library::EXAMPLE_PRELUDE.lines() {
        let _ = writeln!(out, "    {line}");
    }
    out.push('\n');
    for f in headroom_core::library::FUNCTIONS {
        let _ = writeln!(out, "{}\n    {}\n    {}  =>  {}\n", f.signature, f.summary, f.example, f.result);
    }
    out
}

/// The preset gallery as text.
pub fn presets() -> String {
    let mut out = String::new();
    let width = headroom_core::presets::ALL.iter().map(|p| p.name.len()).max().unwrap_or(0);
    for p in headroom_core::presets::ALL {
        let _ = writeln!(out, "{:<width$}  {} — {}", p.name, p.title, p.description);
        if let Some(src) = p.source_doc {
            let _ = writeln!(out, "{:<width$}  source: {src}", "");
        }
    }
    out
}
