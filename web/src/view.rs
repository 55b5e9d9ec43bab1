//! How a report is arranged on screen: sections under the model's `##`
//! headings, and within a section runs of input controls, value rows,
//! checks, tables and series blocks. Arrangement only: every value and its
//! text come from the core's [`Report`].

use headroom_core::chart::{self, Chart};
use headroom_core::report::{CheckView, Item, Shown, TableView, ValueKind, ValueView};
use headroom_core::Report;

/// One stretch of a section shown the same way.
#[derive(Debug, PartialEq)]
pub enum Run<'a> {
    /// Consecutive inputs: a grid of controls.
    Inputs(Vec<&'a ValueView>),
    /// Consecutive derived values: aligned rows.
    Values(Vec<&'a ValueView>),
    /// Consecutive checks.
    Checks(Vec<&'a CheckView>),
    /// The series group with this index in [`Report::series_groups`], shown
    /// where its first series stands.
    Series(usize),
    /// A table of the model.
    Table(&'a TableView),
}

/// A section: its heading (none for what precedes the first) and runs.
#[derive(Debug, PartialEq)]
pub struct Section<'a> {
    /// The `##` title.
    pub title: Option<&'a str>,
    /// What it shows, in model order.
    pub runs: Vec<Run<'a>>,
}

/// The id of the element that holds the explanation of `key` (a value's
/// name, a bare expression's text such as `a * 2`, or a check's key): an
/// id has no spaces, so they become `%20`, which no name has (`not ok` and
/// `not_ok` stay apart).
pub fn explain_id(key: &str) -> String {
    let mut id = String::from("explain-");
    for c in key.chars() {
        match c.is_whitespace() {
            true => id.push_str("%20"),
            false => id.push(c),
        }
    }
    id
}

/// True for an input with a control (an input whose line has an error has
/// none, and shows as a value with its error).
pub fn is_control(v: &ValueView) -> bool {
    v.kind == ValueKind::Input && v.input.is_some()
}

/// The report split into sections and runs. Series of the same length form
/// one block (a table with charts), shown at the first of them.
pub fn layout(report: &Report) -> Vec<Section<'_>> {
    let groups = report.series_groups();
    let group_of = |v: &ValueView| groups.iter().position(|g| g.iter().any(|s| s.name == v.name));
    let mut shown_groups: Vec<usize> = Vec::new();
    let mut sections: Vec<Section<'_>> = Vec::new();
    for item in &report.items {
        if let Item::Section(title) = item {
            sections.push(Section { title: Some(title), runs: Vec::new() });
            continue;
        }
        if sections.is_empty() {
            sections.push(Section { title: None, runs: Vec::new() });
        }
        let runs = &mut sections.last_mut().expect("a section").runs;
        match item {
            Item::Section(_) => {}
            Item::Value(v) if is_control(v) => match runs.last_mut() {
                Some(Run::Inputs(list)) => list.push(v),
                _ => runs.push(Run::Inputs(Vec::from([v]))),
            },
            Item::Value(v) if matches!(v.display, Shown::Series(_)) => {
                if let Some(g) = group_of(v) {
                    if !shown_groups.contains(&g) {
                        shown_groups.push(g);
                        runs.push(Run::Series(g));
                    }
                }
            }
            Item::Value(v) => match runs.last_mut() {
                Some(Run::Values(list)) => list.push(v),
                _ => runs.push(Run::Values(Vec::from([v]))),
            },
            Item::Check(c) => match runs.last_mut() {
                Some(Run::Checks(list)) => list.push(c),
                _ => runs.push(Run::Checks(Vec::from([c]))),
            },
            Item::Table(t) => runs.push(Run::Table(t)),
        }
    }
    sections
}

/// About how many rows of results a first screen holds (an 800-pixel
/// window shows some thirty value rows).
const FIRST_SCREEN_ROWS: usize = 40;

/// How many of `sections` to draw first when a model opens: enough to fill
/// a screen (at least one), the rest coming a frame later. Sizes are in
/// rows of a value: an input control is about three, a series block a
/// dozen, a table its rows and header.
pub fn first_screen(sections: &[Section<'_>]) -> usize {
    let rows = |r: &Run<'_>| match r {
        Run::Inputs(list) => 3 * list.len(),
        Run::Values(list) => list.len(),
        Run::Checks(list) => list.len(),
        Run::Series(_) => 12,
        Run::Table(t) => t.rows.len() + 2,
    };
    let mut total = 0;
    for (i, s) in sections.iter().enumerate() {
        if i > 0 && total >= FIRST_SCREEN_ROWS {
            return i;
        }
        total += 1 + s.runs.iter().map(rows).sum::<usize>();
    }
    sections.len()
}

/// The charts of a series group. A group of several series is drawn
/// against its x axis ([`Report::x_axis`], such as `month = 1 .. 24`), which
/// gets no chart of its own; without one, and for a lone series, against
/// the position. Series without numbers (row names of a table) are only in
/// the table.
pub fn group_charts(report: &Report, group: &[&ValueView]) -> Vec<Chart> {
    let axis = if group.len() > 1 { report.x_axis(group) } else { None };
    let xs = match (axis.and_then(|a| a.chart.as_ref()), report.row_labels(group)) {
        (Some((xs, _)), _) => chart::XAxis::Values(xs),
        (None, Some((_, names))) => chart::XAxis::Names(names),
        (None, None) => chart::XAxis::Index,
    };
    // Beside the axis, another axis in even steps (`step` beside `t`) is
    // a straight line: no chart. Nodes that rise unevenly get one.
    let shown = |v: &&&ValueView| axis.is_none_or(|a| a.slot != v.slot && !report.is_axis_like(v));
    group.iter().filter(shown).filter_map(|v| chart::chart(v, xs)).collect()
}

/// Every chart of the report, in model order.
pub fn all_charts(report: &Report) -> Vec<Chart> {
    report.series_groups().iter().flat_map(|g| group_charts(report, g)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(src: &str) -> Vec<(Option<String>, Vec<String>)> {
        let report = headroom_core::run(src, &[]);
        layout(&report)
            .into_iter()
            .map(|s| {
                let runs = s
                    .runs
                    .iter()
                    .map(|r| match r {
                        Run::Inputs(v) => format!("inputs {}", v.len()),
                        Run::Values(v) => format!("values {}", v.len()),
                        Run::Checks(v) => format!("checks {}", v.len()),
                        Run::Series(g) => format!("series {g}"),
                        Run::Table(t) => format!("table {}", t.name),
                    })
                    .collect();
                (s.title.map(String::from), runs)
            })
            .collect()
    }

    #[test]
    fn explanation_ids_have_no_spaces_and_stay_apart() {
        assert_eq!(explain_id("instances"), "explain-instances");
        assert_eq!(explain_id("not ok"), "explain-not%20ok");
        assert_ne!(explain_id("not ok"), explain_id("not_ok"));
    }

    #[test]
    fn the_first_screen_takes_sections_until_a_screen_is_full() {
        let report = |src: &str| headroom_core::run(src, &[]);
        let small = report("## A\na = 1\n## B\nb = 2");
        assert_eq!(first_screen(&layout(&small)), 2, "a short model is drawn at once");
        // Twenty inputs (sixty rows) fill the screen: the next section waits.
        let inputs: String = (0..20).map(|i| format!("input i{i} = 1\n")).collect();
        let long = report(&format!("## A\n{inputs}## B\nb = 2\n## C\nc = 3"));
        assert_eq!(first_screen(&layout(&long)), 1);
        // A huge first section is still drawn whole.
        let values: String = (0..100).map(|i| format!("v{i} = 1\n")).collect();
        assert_eq!(first_screen(&layout(&report(&values))), 1);
        assert_eq!(first_screen(&[]), 0);
    }

    #[test]
    fn values_before_the_first_heading_form_an_untitled_section() {
        assert_eq!(
            shape("a = 1\n## A\nb = 2\nc = 3"),
            [(None, Vec::from(["values 1".to_string()])), (Some("A".into()), Vec::from(["values 2".to_string()]))]
        );
    }

    #[test]
    fn an_empty_heading_is_kept() {
        assert_eq!(
            shape("## A\n## B\nb = 2"),
            [(Some("A".into()), Vec::new()), (Some("B".into()), Vec::from(["values 1".to_string()]))]
        );
    }

    #[test]
    fn inputs_values_and_checks_form_runs() {
        let s = shape("input a = 1\ninput b = 2\nc = a + b\ncheck \"c\" c < 4\nd = 1");
        assert_eq!(s[0].1, ["inputs 2", "values 1", "checks 1", "values 1"]);
    }

    #[test]
    fn series_of_one_length_form_one_block_at_the_first() {
        let src = "month = 1 .. 12\nx = 1\nusage = 40 GB * 1.1 ^ month\ncheck \"Disk\" usage / 100 GB warn 70% crit 85%\ny = 1 .. 3";
        let s = shape(src);
        assert_eq!(s[0].1, ["series 0", "values 1", "checks 1", "series 1"]);
        let report = headroom_core::run(src, &[]);
        let groups = report.series_groups();
        let charts = group_charts(&report, &groups[0]);
        assert_eq!(charts.len(), 1, "the axis has no chart of its own");
        assert_eq!(charts[0].name, "usage");
        assert_eq!(charts[0].thresholds.len(), 2);
        assert_eq!(group_charts(&report, &groups[1]).len(), 1, "a lone series is drawn against its position");
        assert_eq!(all_charts(&report).len(), 2);
    }

    #[test]
    fn counts_that_rise_unevenly_are_charted_beside_the_axis() {
        let src = "month = 1 .. 12\nmonths = month * 1 month\nnodes = ceil(2 * 1.3 ^ month)\n";
        let report = headroom_core::run(src, &[]);
        let names: Vec<String> =
            group_charts(&report, &report.series_groups()[0]).into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["nodes"], "months is a second axis; nodes is a result");
    }

    #[test]
    fn the_x_axis_is_the_rising_plain_series_wherever_it_stands() {
        let src = "disk = 1 GB * (1 .. 12)\nmonth = 1 .. 12\nfree = 20 GB - disk";
        let report = headroom_core::run(src, &[]);
        let groups = report.series_groups();
        assert_eq!(groups.len(), 1);
        let names: Vec<String> = group_charts(&report, &groups[0]).into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["disk", "free"], "month is the axis, drawn under the others");
        let no_axis = headroom_core::run("a = 1 GB * (1 .. 3)\nb = 2 GB * (1 .. 3)", &[]);
        let groups = no_axis.series_groups();
        assert_eq!(group_charts(&no_axis, &groups[0]).len(), 2, "without an axis, every series is drawn");
    }
}
