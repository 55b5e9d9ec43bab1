//! Exports of a report: the JSON interface scripts rely on, Markdown tables
//! ready to paste into a design doc, and CSV of the series.
//!
//! The JSON shape is stable:
//!
//! ```text
//! {"values": [{"name": "daemon", "value": 300000000, "unit": "B", "display": "300 MB"}, ...],
//!  "checks": [{"label": "Daemon memory", "status": "ok", "value": 0.5859}, ...],
//!  "errors": [{"line": 3, "column": 5, "message": "..."}, ...]}
//! ```
//!
//! Values are in base units (bytes, seconds, dollars, counts); values that
//! could not be computed are left out, and their errors are listed. A
//! check's value is its ratio or quantity, `true`/`false` for a truth
//! check, and `null` for a threshold check of `never` or `unlimited`; a
//! check over a series adds `at`, where it is not fine (`month = 6`).

use crate::report::{CheckView, Data, Item, Report, Shown, ValueKind, ValueView};
use crate::{Evaluation, Model};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// The report as aligned text: sections, values (inputs marked), checks,
/// tables. Used by the CLI and the golden tests.
pub fn text(report: &Report) -> String {
    let width = report.values().map(|v| v.name.chars().count()).max().unwrap_or(0).min(40);
    let status = report.checks().map(|c| c.text.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for item in &report.items {
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
                if let Some(i) = &v.input {
                    line.push_str("  (input");
                    if let Some((a, b)) = &i.range_text {
                        let _ = write!(line, " {a} .. {b}");
                    }
                    line.push(')');
                    if i.label != v.name {
                        let _ = write!(line, "  \"{}\"", i.label);
                    }
                }
                for c in &v.conventions {
                    let _ = write!(line, "  [{c}]");
                }
                let _ = writeln!(out, "{}", line.trim_end());
            }
            Item::Check(c) => {
                // The value (in the status unless OK) and the thresholds.
                // Over a series, where a check that is not fine is so: the
                // first element that fails, or the worst one.
                let at = c.at.as_ref().map(|at| format!("at {at}"));
                let detail = match (&c.result, &c.value, &c.thresholds, at) {
                    (Err(e), ..) => format!(": {e}"),
                    (Ok(r), Some(v), Some(t), _) if r.status == crate::Status::Ok => format!(" ({v}; {t})"),
                    (Ok(_), _, Some(t), Some(at)) => format!(" ({at}; {t})"),
                    (Ok(_), _, Some(t), None) => format!(" ({t})"),
                    (Ok(_), _, None, Some(at)) => format!(" ({at})"),
                    _ => String::new(),
                };
                let _ = writeln!(out, "check  {:<status$}  {}{detail}", c.text, c.label);
            }
            Item::Table(t) => {
                let rows = if t.rows.len() == 1 { "row" } else { "rows" };
                let _ = writeln!(out, "table  {} ({} {rows})", t.name, t.rows.len());
            }
        }
    }
    out
}

/// The report as JSON, in the shape above.
pub fn json(report: &Report) -> String {
    json_with(report, &Explained::default())
}

/// The worked explanations of a model's derived values and checks (what
/// `--explain` shows).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explained {
    /// Each derived value with a formula: its name and explanation.
    pub values: Vec<(String, String)>,
    /// Each check's explanation, in model order.
    pub checks: Vec<String>,
}

/// The worked explanation of every derived value and every check.
pub fn explanations(model: &Model, ev: &Evaluation, report: &Report) -> Explained {
    explanations_of(model, ev, report, |_| true)
}

/// The worked explanations of the derived values and checks whose name or
/// label `wanted` accepts (the others are not worked out; a check left out
/// has an empty text).
pub fn explanations_of(model: &Model, ev: &Evaluation, report: &Report, wanted: impl Fn(&str) -> bool) -> Explained {
    use crate::explain::{explain, explain_check, render};
    let values = report
        .values()
        .filter(|v| v.kind != ValueKind::Input && wanted(&v.name))
        .filter_map(|v| Some((v.name.clone(), render(&explain(model, ev, v.slot)?))))
        .collect();
    let checks = report
        .checks()
        .enumerate()
        .map(|(i, c)| match wanted(&c.label) {
            true => explain_check(model, ev, report, i).map(|e| render(&e)).unwrap_or_default(),
            false => String::new(),
        })
        .collect();
    Explained { values, checks }
}

/// [`json`] with an `"explain"` text beside each value and check that
/// `explained` explains (see [`explanations`]).
pub fn json_with(report: &Report, explained: &Explained) -> String {
    let mut out = String::from("{\"values\": [");
    let mut first = true;
    for v in report.values() {
        if matches!(v.display, Shown::Failed(_)) {
            continue;
        }
        if !first {
            out.push_str(",\n  ");
        }
        first = false;
        out.push_str("{\"name\": ");
        json_str(&mut out, &v.name);
        out.push_str(", \"value\": ");
        json_data(&mut out, &v.data);
        out.push_str(", \"unit\": ");
        json_str(&mut out, &v.unit);
        out.push_str(", \"display\": ");
        match &v.display {
            Shown::Series(items) => {
                out.push('[');
                for (i, s) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    json_str(&mut out, s);
                }
                out.push(']');
            }
            other => json_str(&mut out, &other.text()),
        }
        if let Some((_, text)) = explained.values.iter().find(|(name, _)| *name == v.name) {
            out.push_str(", \"explain\": ");
            json_str(&mut out, text.trim_end());
        }
        out.push('}');
    }
    out.push_str("],\n \"checks\": [");
    let mut first = true;
    for (i, c) in report.checks().enumerate() {
        let Ok(r) = &c.result else { continue };
        if !first {
            out.push_str(",\n  ");
        }
        first = false;
        out.push_str("{\"label\": ");
        json_str(&mut out, &c.label);
        let _ = write!(out, ", \"status\": \"{}\", \"value\": ", r.status.as_str());
        match r.ratio {
            Some(x) => json_num(&mut out, x),
            // A threshold check of `never` or `unlimited`: no number, as in `values`.
            None if r.warn.is_some() || r.crit.is_some() => out.push_str("null"),
            None => out.push_str(if r.status == crate::Status::Pass { "true" } else { "false" }),
        }
        // Over a series: where it is not fine, as the text says it.
        if let Some(at) = &c.at {
            out.push_str(", \"at\": ");
            json_str(&mut out, at);
        }
        if let Some(text) = explained.checks.get(i).filter(|t| !t.is_empty()) {
            out.push_str(", \"explain\": ");
            json_str(&mut out, text.trim_end());
        }
        out.push('}');
    }
    out.push_str("],\n \"errors\": [");
    let mut first = true;
    for p in &report.problems {
        if !first {
            out.push_str(",\n  ");
        }
        first = false;
        let _ = write!(out, "{{\"line\": {}, \"column\": {}, \"message\": ", p.line, p.column);
        json_str(&mut out, &p.diagnostic.summary());
        out.push('}');
    }
    for m in &report.input_errors {
        if !first {
            out.push_str(",\n  ");
        }
        first = false;
        out.push_str("{\"line\": 0, \"column\": 0, \"message\": ");
        json_str(&mut out, m);
        out.push('}');
    }
    out.push_str("]}\n");
    out
}

fn json_data(out: &mut String, d: &Data) {
    match d {
        Data::Number(x) => json_num(out, *x),
        Data::Numbers(xs) => {
            out.push('[');
            for (i, x) in xs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                json_num(out, *x);
            }
            out.push(']');
        }
        Data::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Data::Bools(bs) => {
            out.push('[');
            for (i, b) in bs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(if *b { "true" } else { "false" });
            }
            out.push(']');
        }
        Data::Text(s) => json_str(out, s),
        Data::Texts(ts) => {
            out.push('[');
            for (i, s) in ts.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                json_str(out, s);
            }
            out.push(']');
        }
        Data::Null => out.push_str("null"),
    }
}

/// A JSON number without float noise (fifteen significant digits at most),
/// so `0.1 + 0.2` is written `0.3` as the display shows it.
pub fn json_num(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("null");
    } else {
        out.push_str(&crate::format::clean(x));
    }
}

/// A JSON string with the required escapes.
pub fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Text for Markdown, on one line: what Markdown or HTML would read as
/// markup (`*per*`, `<b>`, `|` in a table) stays as written.
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            // `#` too: a heading's trailing `##` would close it.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A value as a Markdown table shows it; a failure says it is an error.
fn result_cell(shown: &Shown) -> String {
    match shown {
        Shown::Failed(m) => format!("error: {m}"),
        d => d.text(),
    }
}

/// A value as its Markdown cell shows it, with the conventions it
/// depends on (`12 TB/month (month = 730 h)`).
fn with_conventions(v: &ValueView) -> String {
    let mut shown = result_cell(&v.display);
    for c in &v.conventions {
        shown.push_str(&format!(" ({c})"));
    }
    shown
}

/// A name in a code span of a Markdown table (`` `daemon` ``).
fn md_code(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The report as Markdown: inputs, results by section, checks, tables and
/// series, ready to paste into a design doc.
pub fn markdown(report: &Report, title: &str) -> String {
    let mut out = String::new();
    if !title.is_empty() {
        let _ = writeln!(out, "## {}\n", md_text(title));
    }
    let inputs: Vec<_> = report.values().filter(|v| v.kind == ValueKind::Input).collect();
    if !inputs.is_empty() {
        out.push_str("### Inputs\n\n| Input | Value | Range |\n|---|---:|---|\n");
        for v in inputs {
            let (label, range) = match &v.input {
                Some(i) => {
                    let r = i.range_text.as_ref().map_or_else(String::new, |(a, b)| format!("{a} .. {b}"));
                    let name = md_code(&v.name);
                    (
                        if i.label != v.name {
                            format!("{} (`{name}`)", md_text(&i.label))
                        } else {
                            format!("`{name}`")
                        },
                        r,
                    )
                }
                None => (format!("`{}`", md_code(&v.name)), String::new()),
            };
            let _ = writeln!(out, "| {label} | {} | {} |", md_text(&with_conventions(v)), md_text(&range));
        }
        out.push('\n');
    }
    // Results under the model's own section headings, each section with
    // its values, tables, checks and series, as a design doc has them.
    let mut sections: Vec<(&str, Vec<&Item>)> = Vec::from([("Results", Vec::new())]);
    for item in &report.items {
        match item {
            // A model named by its first heading (`## Traffic`) has that
            // title above already: its first section's results are the
            // document's results, not a second `Traffic`.
            Item::Section(t) if sections.len() == 1 && !title.is_empty() && t.trim() == title.trim() => {}
            Item::Section(t) => sections.push((t, Vec::new())),
            _ => sections.last_mut().expect("a first section").1.push(item),
        }
    }
    let all_groups = report.series_groups();
    for (heading, items) in sections {
        let mut body = String::new();
        let mut open = false;
        for item in &items {
            match item {
                Item::Value(v) if v.kind != ValueKind::Input && !matches!(v.display, Shown::Series(_)) => {
                    if !open {
                        body.push_str("| Value | Result |\n|---|---:|\n");
                        open = true;
                    }
                    let _ = writeln!(body, "| `{}` | {} |", md_code(&v.name), md_text(&with_conventions(v)));
                }
                Item::Table(t) => {
                    if core::mem::take(&mut open) {
                        body.push('\n');
                    }
                    let _ = writeln!(body, "Table `{}`:\n", md_code(&t.name));
                    let _ =
                        writeln!(body, "| {} |", t.headers.iter().map(|h| md_text(h)).collect::<Vec<_>>().join(" | "));
                    let _ = writeln!(body, "|{}|", t.headers.iter().map(|_| "---").collect::<Vec<_>>().join("|"));
                    for r in &t.rows {
                        let _ = writeln!(body, "| {} |", r.iter().map(|c| md_text(c)).collect::<Vec<_>>().join(" | "));
                    }
                    body.push('\n');
                }
                _ => {}
            }
        }
        if open {
            body.push('\n');
        }
        let checks: Vec<&CheckView> =
            items.iter().filter_map(|i| if let Item::Check(c) = i { Some(c) } else { None }).collect();
        if !checks.is_empty() {
            // Utilization checks give their value and thresholds, as a
            // design doc states them (`SQLite at 63.4%, warn at 70%`).
            let valued = checks.iter().any(|c| c.value.is_some());
            body.push_str(match valued {
                true => "| Check | Status | Value | Thresholds |\n|---|---|---:|---|\n",
                false => "| Check | Status |\n|---|---|\n",
            });
            for c in checks {
                let mut status = match &c.result {
                    Ok(r) if valued => String::from(r.status.label()),
                    Ok(_) => c.text.clone(),
                    Err(e) => format!("ERROR: {e}"),
                };
                // Over a series, where it is worst (or first fails).
                if let Some(at) = &c.at {
                    let _ = write!(status, " at {at}");
                }
                let _ = write!(body, "| {} | {} |", md_text(&c.label), md_text(&status));
                if valued {
                    let (value, thresholds) = (c.value.as_deref().unwrap_or(""), c.thresholds.as_deref().unwrap_or(""));
                    let _ = write!(body, " {} | {} |", md_text(value), md_text(thresholds));
                }
                body.push('\n');
            }
            body.push('\n');
        }
        let values = items.iter().filter_map(|i| if let Item::Value(v) = i { Some(v) } else { None });
        for mut group in crate::report::group_series(values) {
            // Series in a section below their x axis lead with it again
            // (`month` beside `cost`), so the table reads on its own.
            let whole = all_groups.iter().find(|g| g.iter().any(|v| core::ptr::eq(*v, group[0])));
            if let Some(axis) = whole.and_then(|g| report.x_axis(g)) {
                if !group.iter().any(|v| core::ptr::eq(*v, axis)) {
                    group.insert(0, axis);
                }
            }
            series_table(&mut body, report, &group);
        }
        if !body.is_empty() {
            let _ = writeln!(out, "### {}\n", md_text(heading));
            out.push_str(&body);
        }
    }
    if !report.conventions.is_empty() {
        let _ = writeln!(out, "Conventions: {}.\n", md_text(&report.conventions.join("; ")));
    }
    if !report.problems.is_empty() {
        out.push_str("### Errors\n\n");
        for p in &report.problems {
            // Our own words, with what the model wrote in code spans.
            let _ = writeln!(out, "- line {}, column {}: {}", p.line, p.column, p.diagnostic.summary());
        }
        out.push('\n');
    }
    out
}

/// One group of series as a Markdown table; elements that stand for table
/// rows lead with the rows' names.
fn series_table(out: &mut String, report: &Report, group: &[&ValueView]) {
    let labels = report.row_labels(group);
    let mut names: Vec<String> = labels.map(|(t, _)| format!("`{}`", md_code(t))).into_iter().collect();
    names.extend(group.iter().map(|v| format!("`{}`", md_code(&v.name))));
    let _ = writeln!(out, "| {} |", names.join(" | "));
    // Numbers align right; texts (row names, picked tiers) left.
    let align = |v: &ValueView| if matches!(v.data, Data::Numbers(_)) { "---:" } else { "---" };
    let aligns: Vec<&str> = labels.map(|_| "---").into_iter().chain(group.iter().map(|v| align(v))).collect();
    let _ = writeln!(out, "|{}|", aligns.join("|"));
    for i in 0..series_len(group) {
        let mut row: Vec<String> = labels.map(|(_, n)| md_text(&n[i])).into_iter().collect();
        row.extend(group.iter().map(|v| match &v.display {
            Shown::Series(s) => md_text(&s[i]),
            _ => String::new(),
        }));
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

/// How many elements the series of a group have.
fn series_len(group: &[&ValueView]) -> usize {
    match group.first().map(|v| &v.display) {
        Some(Shown::Series(s)) => s.len(),
        _ => 0,
    }
}

/// One table of series as CSV, for a spreadsheet to import.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvTable {
    /// The names of its series (`month, users, cost`).
    pub name: String,
    /// The CSV: a header row, then a row per element.
    pub text: String,
}

/// The series as CSV: one table per group of series of equal length (a
/// file holds one table, so a spreadsheet reads its first row as the
/// headers), one column per series, in the units they are shown in (named
/// in the header).
pub fn csv(report: &Report) -> Vec<CsvTable> {
    let mut tables = Vec::new();
    for group in report.series_groups() {
        let mut out = String::new();
        let labels = report.row_labels(&group);
        let mut headers: Vec<String> = labels.map(|(t, _)| csv_field(t)).into_iter().collect();
        headers.extend(group.iter().map(|v| match &v.chart {
            Some((_, unit)) if !unit.is_empty() => csv_field(&format!("{} ({unit})", v.name)),
            _ => csv_field(&v.name),
        }));
        let _ = writeln!(out, "{}", headers.join(","));
        for i in 0..series_len(&group) {
            let mut row: Vec<String> = labels.map(|(_, n)| csv_field(&n[i])).into_iter().collect();
            row.extend(group.iter().map(|v| match (&v.chart, &v.display) {
                (Some((xs, _)), _) if xs[i] == f64::INFINITY => String::from("unlimited"),
                (Some((xs, _)), _) if xs[i].is_nan() => String::new(),
                (Some((xs, _)), _) => {
                    let mut s = String::new();
                    json_num(&mut s, xs[i]);
                    s
                }
                (None, Shown::Series(s)) => csv_field(&s[i]),
                _ => String::new(),
            }));
            let _ = writeln!(out, "{}", row.join(","));
        }
        let name = group.iter().map(|v| v.name.as_str()).collect::<Vec<_>>().join(", ");
        tables.push(CsvTable { name, text: out });
    }
    tables
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        String::from(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Model, Overrides};

    fn exported(src: &str, f: fn(&Report) -> String) -> String {
        let model = Model::parse(src);
        let ev = model.evaluate(&Overrides::new());
        f(&Report::new(&model, &ev))
    }

    const MODEL: &str = "unit user\ninput users = 100 user [1 .. 1000] \"Users, \\\"active\\\"\"\n\
                         ## Memory\nper_user = 5 MB/user\nmemory = users * per_user\n\
                         ## Cost\ncost = $0.01/user * users\n\
                         check \"Memory | budget\" memory / 1 GB warn 70% crit 85%\n\
                         month = 1 .. 3\ngrowth = users * 1.1 ^ month\n";

    #[test]
    fn markdown_keeps_the_models_text_as_written() {
        let src = "## Memory *per* node\ninput users = 10 \"Users <b>now</b>\"\n\
                   check \"<script>x</script> | y\" users < 5\n## Cache ##\nz = 1\n";
        let model = Model::parse(src);
        let ev = model.evaluate(&crate::Overrides::new());
        let md = markdown(&Report::new(&model, &ev), "");
        assert!(md.contains("### Memory \\*per\\* node"), "{md}");
        assert!(md.contains("### Cache \\#\\#\n"), "{md}");
        assert!(md.contains("| Users \\<b\\>now\\</b\\> (`users`) |"), "{md}");
        assert!(md.contains("| \\<script\\>x\\</script\\> \\| y | FAIL |"), "{md}");
        // Strikethrough and character references stay as written.
        let md = exported("check \"~~old~~ &amp; new\" 1 < 2\n", |r| markdown(r, ""));
        assert!(md.contains("| \\~\\~old\\~\\~ \\&amp; new | PASS |"), "{md}");
    }

    #[test]
    fn markdown_marks_an_input_that_failed_as_an_error() {
        let md = exported("input b = 3 GB \"unclosed\n", |r| markdown(r, ""));
        assert!(md.contains("| `b` | error: this string has no closing quote |"), "{md}");
    }

    #[test]
    fn markdown_puts_a_blank_line_before_every_heading() {
        let md = exported(MODEL, |r| markdown(r, "Sizing"));
        let lines: Vec<&str> = md.lines().collect();
        for (i, l) in lines.iter().enumerate().skip(1) {
            if l.starts_with('#') {
                assert_eq!(lines[i - 1], "", "no blank line before {l:?} in\n{md}");
            }
        }
        assert!(md.starts_with("## Sizing\n\n### Inputs\n"), "{md}");
        assert!(md.contains("### Memory\n\n| Value | Result |\n|---|---:|\n| `per_user` | 5 MB/user |\n"), "{md}");
        assert!(md.contains("### Cost\n"), "{md}");
        // A `|` in a cell does not split it.
        assert!(md.contains("| Memory \\| budget | OK |"), "{md}");
        assert!(md.contains("| `month` | `growth` |"), "{md}");
    }

    #[test]
    fn markdown_puts_tables_under_their_own_section() {
        let src = "## Tiers\ntable tiers\n| Tier | Size |\n|---|---|\n| small | 8 GB |\n\
                   tier = pick(tiers, size >= 1 GB)\n## Bandwidth\ntable links\n| Link | Rate |\n|---|---|\n| a | 1 Mbps |\n";
        let md = exported(src, |r| markdown(r, ""));
        let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("no {s:?} in\n{md}"));
        assert!(at("### Tiers") < at("Table `tiers`"), "{md}");
        assert!(at("Table `tiers`") < at("| `tier` | small |"), "{md}");
        // A section holding only a table keeps its heading.
        assert!(at("| `tier` | small |") < at("### Bandwidth") && at("### Bandwidth") < at("Table `links`"), "{md}");
    }

    #[test]
    fn markdown_keeps_checks_and_series_in_their_sections() {
        let src = "input load = 50%\n## Projection\nmonth = 1 .. 3\nusers = 100 * 2 ^ month\n\
                   ## Limits\ncheck \"Load\" load warn 70% crit 85%\n## Empty\n";
        let md = exported(src, |r| markdown(r, ""));
        let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("no {s:?} in\n{md}"));
        assert!(at("### Projection") < at("| `month` | `users` |"), "{md}");
        assert!(at("| `month` | `users` |") < at("### Limits") && at("### Limits") < at("| Load | OK |"), "{md}");
        // A section with nothing to show has no heading, and nothing is
        // listed twice.
        assert!(!md.contains("### Empty") && !md.contains("### Checks") && !md.contains("### Series"), "{md}");
    }

    #[test]
    fn markdown_names_the_title_once() {
        let md = exported("## Traffic\ninput rps = 100\nx = rps * 2\n## Cost\ny = x * 3\n", |r| markdown(r, "Traffic"));
        assert_eq!(md.matches("Traffic").count(), 1, "{md}");
        assert!(md.contains("### Results\n\n| Value | Result |\n|---|---:|\n| `x` | 200 |"), "{md}");
        assert!(md.contains("### Cost"), "{md}");
    }

    #[test]
    fn markdown_inputs_carry_their_conventions() {
        let md = exported("unit month = 730 h\ninput growth = 12 TB/month\n", |r| markdown(r, ""));
        assert!(md.contains("| `growth` | 12 TB/month (month = 730 h) |"), "{md}");
    }

    #[test]
    fn markdown_repeats_the_x_axis_in_a_section_without_it() {
        let src = "month = 1 .. 3\nsize = month * 2 GB\n## Cost\ncost = month * $5/month\n";
        let md = exported(src, |r| markdown(r, ""));
        let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("no {s:?} in\n{md}"));
        assert!(at("### Cost") < at("| `month` | `cost` |"), "{md}");
        assert!(md.contains("| 3 | $15/month |"), "{md}");
    }

    #[test]
    fn markdown_says_where_a_check_over_a_series_is_worst() {
        let src = "m = 1 .. 12\ndisk = 100 GB * 1.2 ^ m\ncheck \"Disk\" disk < 500 GB\n\
                   check \"Util\" m / 12 warn 70% crit 90%\n";
        let md = exported(src, |r| markdown(r, ""));
        assert!(md.contains("| Disk | FAIL at m = 9 |"), "{md}");
        assert!(md.contains("| Util | CRIT at m = 12; CRIT from m = 11 | 100% |"), "{md}");
    }

    #[test]
    fn markdown_tells_an_unlimited_value_from_one_that_never_comes() {
        let src = "w = queue_wait(100 /s, 50 ms, 4 .. 8)\ncheck \"Wait\" w / 10 ms warn 50% crit 90%\n\
                   m = (1 .. 3) * 1 month\nr = runway(m, m / 1 month * 1 GB, 10 GB)\ncheck \"Runway\" r warn 2 month crit 1 month\n";
        let md = exported(src, |r| markdown(r, ""));
        assert!(md.contains("| Wait | CRIT at element 1 | unlimited |"), "{md}");
        assert!(md.contains("| Runway | OK | never |"), "{md}");
    }

    #[test]
    fn markdown_escapes_a_header_pipe_once() {
        let md = exported("table t\n| Name \\| alias | Cost |\n|---|---|\n| a \\| b | 5 |\n", |r| markdown(r, ""));
        assert!(md.contains("| Name \\| alias | Cost |\n"), "{md}");
    }

    #[test]
    fn an_empty_cell_is_null_in_json_and_blank_in_csv() {
        let src = "table plans\n| Plan | Users |\n|---|---|\n| Small | 10 |\n| Custom | |\n\
                   memory = plans.users * 5 MB\n";
        let json = exported(src, json);
        assert!(
            json.contains("\"value\": [50000000, null], \"unit\": \"B\", \"display\": [\"50 MB\", \"—\"]"),
            "{json}"
        );
        let model = Model::parse(src);
        let tables = csv(&Report::new(&model, &model.evaluate(&Overrides::new())));
        assert_eq!(tables[0].text, "plans,memory (MB)\nSmall,50\nCustom,\n");
    }

    #[test]
    fn an_unlimited_cell_keeps_its_column_unit_in_json() {
        let src = "table t\n| Tier | Cap |\n|---|---|\n| a | 10 GB |\n| b | unlimited |\n\
                   top = pick(t, cap > 20 GB).cap\nrate = top / 1 s\n";
        let json = exported(src, json);
        assert!(json.contains("{\"name\": \"top\", \"value\": null, \"unit\": \"B\""), "{json}");
        assert!(json.contains("{\"name\": \"rate\", \"value\": null, \"unit\": \"B/s\""), "{json}");
    }

    #[test]
    fn series_read_from_a_table_are_labelled_by_its_rows() {
        let src = "table plans\n| Plan | Users |\n|---|---|\n| Small | 10 |\n| Large | 100 |\n\
                   table zones\n| Zone | Nodes |\n|---|---|\n| eu | 3 |\n| us | 5 |\n\
                   memory = plans.users * 5 MB\nnodes = zones.nodes * 2\nplain = 1 .. 2\n";
        let md = exported(src, |r| markdown(r, ""));
        // Two tables of two rows each: two groups, each led by its rows.
        assert!(md.contains("| `plans` | `memory` |\n|---|---:|\n| Small | 50 MB |\n"), "{md}");
        // A series of no table keeps to itself.
        assert!(md.contains("| `plain` |\n|---:|\n| 1 |\n"), "{md}");
        assert!(md.contains("| `zones` | `nodes` |\n|---|---:|\n| eu | 6 |\n| us | 10 |\n"), "{md}");
        // One CSV table per group: a spreadsheet reads each one's first row
        // as its headers.
        let model = Model::parse(src);
        let tables = csv(&Report::new(&model, &model.evaluate(&Overrides::new())));
        let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["memory", "nodes", "plain"]);
        assert_eq!(tables[0].text, "plans,memory (MB)\nSmall,50\nLarge,500\n");
        assert_eq!(tables[1].text, "zones,nodes\neu,6\nus,10\n");
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("1,000"), "\"1,000\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
        let csv = exported(MODEL, |r| csv(r).into_iter().map(|t| t.text).collect());
        assert!(csv.starts_with("month,growth (users)\n1,110\n"), "{csv}");
    }
}
