//! Plain-text rendering of reports for the terminal.

use headroom_core::doc::DocCheck;
use headroom_core::report::{Item, Report, Shown, ValueKind};
use std::fmt::Write;

/// A report as aligned text: sections, values, checks.
pub fn report(r: &Report) -> String {
    let width = r.values().map(|v| v.name.chars().count()).max().unwrap_or(0).min(40);
    let mut out = String::new();
    for item in &r.items {
        match item {
            Item::Section(t) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                let _ = writeln!(out, "## {t}");
            }
            Item::Value(v) => {
                let shown = match &v.display {
                    Shown::Failed(m) => format!("error: {m}"),
                    Shown::Series(s) => format!("[{}]", s.join(", ")),
                    Shown::Scalar(s) => s.clone(),
                };
                let mut line = format!("{:<width$}  {shown}", v.name);
                if v.kind == ValueKind::Input {
                    line.push_str("  (input)");
                }
                for c in &v.conventions {
                    let _ = write!(line, "  [{c}]");
                }
                let _ = writeln!(out, "{line}");
            }
            Item::Check(c) => {
                let detail = match &c.result {
                    Ok(_) => String::new(),
                    Err(e) => format!(": {e}"),
                };
                let _ = writeln!(out, "check {:<10} {}{detail}", c.text, c.label);
            }
            Item::Table(t) => {
                let _ = writeln!(out, "table {} ({} rows)", t.name, t.rows.len());
            }
        }
    }
    out
}

/// The result of checking a Markdown document.
pub fn doc_check(outcome: &DocCheck, doc: &str, file: &str) -> String {
    let mut out = String::new();
    for b in &outcome.blocks {
        let _ =
            writeln!(out, "{file}:{}: block {} ({} values, {} checks)", b.line, b.index + 1, b.values, b.checks.len());
        for (label, text, bad) in &b.checks {
            let _ = writeln!(out, "  {} {label}: {text}", if *bad { "✗" } else { "✓" });
        }
        for p in &b.problems {
            out.push_str(&p.render(doc, file));
        }
    }
    let _ = writeln!(
        out,
        "{}: {} block{}, {}",
        file,
        outcome.blocks.len(),
        if outcome.blocks.len() == 1 { "" } else { "s" },
        if outcome.ok() { "ok" } else { "FAILED" }
    );
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
