//! What a person reads: an evaluation turned into display items in model
//! order (sections, inputs, values, checks, tables), each value formatted
//! in a readable unit, plus the diagnostics with their lines and columns.
//! The web app and the CLI render a [`Report`]; neither computes anything
//! itself.

use crate::ast::{BinOp, DefKind, Expr, ExprKind, Func, Slot, Stmt};
use crate::diagnostic::{Diagnostic, ErrorKind};
use crate::eval::{self, CheckResult, Env, Evaluation, Failure, Status};
use crate::format::{self, FixedUnit, FIXED_DIGITS};
use crate::span::{LineIndex, Span};
use crate::units::Dim;
use crate::value::{Quantity, Value};
use crate::Model;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// What is shown for a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// One display string.
    Scalar(String),
    /// One display string per element.
    Series(Vec<String>),
    /// The value could not be computed: why.
    Failed(String),
}

impl Shown {
    /// The text for one line: the scalar, the series joined by commas, or
    /// the failure.
    pub fn text(&self) -> String {
        match self {
            Shown::Scalar(s) | Shown::Failed(s) => s.clone(),
            Shown::Series(v) => v.join(", "),
        }
    }
}

/// A value in base units, for machine-readable output.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    /// A number.
    Number(f64),
    /// A series of numbers.
    Numbers(Vec<f64>),
    /// A truth value.
    Bool(bool),
    /// A series of truth values.
    Bools(Vec<bool>),
    /// Text (or a row's name).
    Text(String),
    /// A series of texts (or row names).
    Texts(Vec<String>),
    /// No value: `never`, an empty cell, or a failure.
    Null,
}

/// What a definition is, for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// An input.
    Input,
    /// A derived value.
    Derived,
    /// A bare expression line.
    Bare,
}

/// An input's control: its unit, current value, range and label.
#[derive(Clone, Debug, PartialEq)]
pub struct InputInfo {
    /// The label, or the name.
    pub label: String,
    /// The unit the field edits in.
    pub unit: FixedUnit,
    /// The current value in that unit.
    pub value: f64,
    /// The model's default in that unit.
    pub default: f64,
    /// The value as a field shows it for editing: plain digits, no
    /// grouping, no float noise (`2500`, `0.3`).
    pub field: String,
    /// The range in that unit, when the model gives one.
    pub range: Option<(f64, f64)>,
    /// The range's ends as a person reads them: in the unit each was
    /// written in (`5 min`, `12 h`), else in the field's unit.
    pub range_text: Option<(String, String)>,
    /// True when the value differs from the default.
    pub changed: bool,
}

/// A slider position rounded to the power of ten that gives 100 to 1,000
/// steps over the range `lo .. hi`, so sliding and arrow keys give round
/// numbers (250,000 users, not 249,990); to whole numbers at least when the
/// range and the input's default `default` are whole (1 spare, not 1.05).
pub fn snap(v: f64, lo: f64, hi: f64, default: f64) -> f64 {
    if !(v.is_finite() && hi > lo) || v <= lo || v >= hi {
        return v;
    }
    let whole = [lo, hi, default].iter().all(|x| *x == libm::trunc(*x));
    let tenths = -libm::floor(libm::log10((hi - lo) / 100.0));
    let tenths = if whole { tenths.min(0.0) } else { tenths };
    // Dividing by a power of ten is exact where multiplying by its
    // inverse is not (0.1 * 3).
    let snapped = if tenths > 0.0 {
        let scale = libm::pow(10.0, tenths);
        libm::round(v * scale) / scale
    } else {
        let step = libm::pow(10.0, -tenths);
        libm::round(v / step) * step
    };
    // Not `clamp`: its panic message would format floats into the bundle.
    snapped.max(lo).min(hi)
}

/// Whether an input's slider runs on a log scale: its range spans two
/// orders of magnitude or more above zero (`10 .. 5_000` req/s), where a
/// linear track would crowd every usual value into its first few pixels.
pub fn log_slider(lo: f64, hi: f64) -> bool {
    lo > 0.0 && hi / lo >= 100.0
}

/// The scale of a slider's track.
#[derive(Clone, Copy)]
enum Track {
    /// Even steps of value.
    Linear,
    /// Even steps of magnitude ([`log_slider`]).
    Log,
    /// From zero, even steps of magnitude past the first steps of this
    /// size: a range from 0 a thousand times or more the default's size
    /// (`300 [0 .. 10,000,000]` jobs) moves in steps of 300, then 100,000
    /// on a linear track.
    FromZero(f64),
}

fn track(lo: f64, hi: f64, default: f64) -> Track {
    if log_slider(lo, hi) {
        Track::Log
    } else if lo == 0.0 && default > 0.0 && hi / default >= 1000.0 {
        Track::FromZero(default / 10.0)
    } else {
        Track::Linear
    }
}

/// Where value `v` sits on the slider of range `lo .. hi` of an input
/// whose default is `default`.
pub fn slider_position(v: f64, lo: f64, hi: f64, default: f64) -> f64 {
    match track(lo, hi, default) {
        Track::Log => libm::log10(v.max(lo)),
        Track::FromZero(c) => libm::log10(1.0 + v.max(0.0) / c),
        Track::Linear => v,
    }
}

/// The value at slider position `p` of range `lo .. hi`, rounded for
/// reading (see [`snap`]); on a log scale, to two significant digits.
pub fn slider_value(p: f64, lo: f64, hi: f64, default: f64) -> f64 {
    let t = track(lo, hi, default);
    if let Track::Linear = t {
        return snap(p, lo, hi, default);
    }
    // A browser may carry fewer digits of the track's ends than were
    // given: a millionth of the track from an end is that end.
    let (a, b) = (slider_position(lo, lo, hi, default), slider_position(hi, lo, hi, default));
    let near = (b - a) * 1e-6;
    if !p.is_finite() || p <= a + near {
        return lo;
    }
    if p >= b - near {
        return hi;
    }
    let v = match t {
        Track::FromZero(c) => c * (libm::pow(10.0, p) - 1.0),
        _ => libm::pow(10.0, p),
    };
    let scale = libm::pow(10.0, libm::floor(libm::log10(v)) - 1.0);
    let mut r = libm::round(v / scale) * scale;
    if default == libm::trunc(default) && lo == libm::trunc(lo) {
        r = libm::round(r);
    }
    r.max(lo).min(hi)
}

/// The value one keyboard step from `v` on the slider of range `lo .. hi`:
/// up or down by a hundredth of the track (a tenth when `big`), rounded
/// as sliding rounds, and never stuck where the rounding would give `v`
/// back (a step of 0.09 on a whole-number range `1 .. 10`).
pub fn slider_nudge(v: f64, lo: f64, hi: f64, default: f64, up: bool, big: bool) -> f64 {
    let (a, b) = (slider_position(lo, lo, hi, default), slider_position(hi, lo, hi, default));
    let p = slider_position(v, lo, hi, default);
    let mut d = (b - a) / if big { 10.0 } else { 100.0 };
    for _ in 0..16 {
        let q = if up { p + d } else { p - d };
        let next = slider_value(q.max(a).min(b), lo, hi, default);
        // 7.000000000000001 (a value back from its base unit) is the 7 a
        // step rounds to: not a move.
        let moved = libm::fabs(next - v) > 1e-9 * libm::fabs(v);
        if moved || q <= a || q >= b {
            return next;
        }
        d *= 2.0;
    }
    v
}

/// A value as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueView {
    /// Its definition.
    pub slot: Slot,
    /// Its name.
    pub name: String,
    /// Input, derived or bare.
    pub kind: ValueKind,
    /// 1-based line of its definition.
    pub line: u32,
    /// What to show.
    pub display: Shown,
    /// The value in base units.
    pub data: Data,
    /// The base unit (`B`, `USD/s`), "" when dimensionless.
    pub unit: String,
    /// The conventions it depends on (`month = 730 h`).
    pub conventions: Vec<String>,
    /// For inputs, the control.
    pub input: Option<alloc::boxed::Box<InputInfo>>,
    /// For numeric series: the values in the unit shown, and that unit's
    /// label, for charts.
    pub chart: Option<(Vec<f64>, String)>,
    /// Threshold lines of checks over this series, in the unit shown.
    pub thresholds: Vec<(Status, f64)>,
    /// For a series with an element per row of a table (it reads a whole
    /// column): the table's name and its rows' names, to label elements.
    pub rows: Option<(String, Vec<String>)>,
    /// Whether it is or depends on an input: a projection, never an x axis
    /// however straight (`users = 1000 + growth * month`).
    pub varies: bool,
}

/// A check as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckView {
    /// Its label.
    pub label: String,
    /// 1-based line.
    pub line: u32,
    /// The result, or why there is none.
    pub result: Result<CheckResult, String>,
    /// `OK`, `WARN 78%`, `CRIT 91%`, `PASS`, `FAIL`, or `ERROR`.
    pub text: String,
    /// The value checked as shown (`58.6%`, `1.2 s`), for value checks.
    pub value: Option<String>,
    /// Its thresholds as shown (`warn 70%, crit 85%`), for value checks.
    pub thresholds: Option<String>,
    /// The conventions it depends on.
    pub conventions: Vec<String>,
    /// Over a series, where it is not fine (the first failing element or
    /// the worst): by the x axis of the series it reads (`months = 24
    /// months`), its table row (`row Pro`), or its place (`element 25`).
    pub at: Option<String>,
}

impl CheckView {
    /// The status, if the check evaluated.
    pub fn status(&self) -> Option<Status> {
        self.result.as_ref().ok().map(|r| r.status)
    }
}

/// A table as shown: headers and cells.
#[derive(Clone, Debug, PartialEq)]
pub struct TableView {
    /// Its name.
    pub name: String,
    /// 1-based line.
    pub line: u32,
    /// Header texts as written.
    pub headers: Vec<String>,
    /// Cell texts, evaluated.
    pub rows: Vec<Vec<String>>,
    /// Which columns hold text (the row names, notes): they read from the
    /// left, numbers from the right.
    pub text_columns: Vec<bool>,
    /// For each row, the names of the values that `pick` chose it for
    /// (`tier`): the row that decided them.
    pub picked_by: Vec<Vec<String>>,
}

/// One item of a report, in model order.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A `##` heading.
    Section(String),
    /// An input or a value.
    Value(ValueView),
    /// A check.
    Check(CheckView),
    /// A table.
    Table(TableView),
}

/// A diagnostic with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in characters).
    pub column: u32,
    /// The diagnostic.
    pub diagnostic: Diagnostic,
}

/// An evaluated model, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Everything in model order.
    pub items: Vec<Item>,
    /// Every error, parse and evaluation, in source order.
    pub problems: Vec<Problem>,
    /// The model's conventions (`month = 730 h`).
    pub conventions: Vec<String>,
    /// Input values given from outside that could not be used.
    pub input_errors: Vec<String>,
}

impl Report {
    /// Builds the report of an evaluation.
    pub fn new(model: &Model, ev: &Evaluation) -> Report {
        let src = model.source();
        let lines = LineIndex::new(src);
        let line_of = |at: u32| lines.line_col(src, at).line;
        let conv_names: Vec<String> = model.units.conventions().map(|(_, s)| s).collect();
        let conv_of = |ids: &[u16]| -> Vec<String> {
            ids.iter()
                .filter_map(|&i| {
                    let d = model.units.defs.get(i as usize)?;
                    Some(format!("{} = {}", d.name, d.definition))
                })
                .collect()
        };
        let thresholds = series_thresholds(model, ev);
        // What depends on an input, in one pass: a name is defined below
        // what it uses.
        let mut varies = alloc::vec![false; model.defs.len()];
        for (s, def) in model.defs.iter().enumerate() {
            varies[s] = def.kind == DefKind::Input || def.deps.iter().any(|&d| varies.get(d as usize) == Some(&true));
        }
        let mut items = Vec::new();
        let mut checks = ev.checks.iter().peekable();
        let mut inputs = ev.inputs.iter().peekable();
        for (i, stmt) in model.stmts.iter().enumerate() {
            match stmt {
                Stmt::Section { title, .. } => items.push(Item::Section(title.clone())),
                Stmt::Input { slot, .. } | Stmt::Value { slot, .. } | Stmt::Broken { slot } => {
                    let label = match stmt {
                        Stmt::Input { label, .. } => label.clone(),
                        _ => None,
                    };
                    let def = &model.defs[*slot as usize];
                    let state = match stmt {
                        Stmt::Input { .. } => inputs.next_if(|s| s.slot == *slot),
                        _ => None,
                    };
                    let mut view = value_view(model, ev, *slot);
                    view.varies = varies[*slot as usize];
                    view.line = line_of(def.span.start);
                    view.conventions = conv_of(&def.conventions);
                    // A value shown in a redefined unit depends on it too,
                    // even when its formula did not name it (`3000 MB`
                    // shown as `2.93 GB` beside `unit GB = 1024 MB`).
                    let shown = view.display.text();
                    for (id, text) in model.units.conventions() {
                        if shown_in(&shown, model.units.symbol(id)) && !view.conventions.contains(&text) {
                            view.conventions.push(text);
                        }
                    }
                    view.thresholds = thresholds.iter().filter(|t| t.0 == *slot).map(|t| (t.1, t.2)).collect();
                    if let (Some(state), Stmt::Input { range: bounds, .. }) = (state, stmt) {
                        let unit = input_unit(model, *slot, state.default);
                        let to = |q: Quantity| q.value() / unit.factor;
                        let range_text = state.range.zip(bounds.as_ref()).map(|((a, b), r)| {
                            (bound_text(model, a, &r.min, &unit), bound_text(model, b, &r.max, &unit))
                        });
                        view.input = Some(alloc::boxed::Box::new(InputInfo {
                            label: label.unwrap_or_else(|| def.name.clone()),
                            field: format::plain(to(state.value), format::given_digits(to(state.value))),
                            value: to(state.value),
                            default: to(state.default),
                            range: state.range.map(|(a, b)| (to(a), to(b))),
                            range_text,
                            changed: state.value != state.default,
                            unit,
                        }));
                    }
                    items.push(Item::Value(view));
                }
                Stmt::Check { label, expr, span, deps, .. } => {
                    let result = match checks.next_if(|c| c.stmt == i) {
                        Some(c) => Ok(c.clone()),
                        None => Err(failure_text(model, ev, *span, deps)),
                    };
                    let text = match &result {
                        Ok(r) => status_text(r, model),
                        Err(_) => String::from("ERROR"),
                    };
                    // A value checked against thresholds that is `never` (a
                    // runway never reached) or `unlimited` says so beside them.
                    let graded = |r: &&CheckResult| r.warn.is_some() || r.crit.is_some();
                    let value = result.as_ref().ok().and_then(|r| match (r.ratio, r.beyond) {
                        (Some(x), _) => Some(check_value(r, x, model)),
                        (None, beyond) => beyond.map(|b| String::from(b.as_str())),
                    });
                    let thresholds = result.as_ref().ok().filter(graded).map(|r| {
                        let words = [("warn", r.warn), ("crit", r.crit)];
                        let shown =
                            words.iter().filter_map(|&(w, t)| Some(format!("{w} {}", threshold_text(r, t?, model))));
                        shown.collect::<Vec<_>>().join(", ")
                    });
                    let mut convs = Vec::new();
                    collect_conventions(model, expr, &mut convs);
                    let at = match &result {
                        Ok(r) if !matches!(r.status, Status::Ok | Status::Pass) => r.at,
                        _ => None,
                    };
                    // Worst at one element, at that status from an earlier
                    // one: both (a budget crit from month 20, worst at 24).
                    let from = result.as_ref().ok().and_then(|r| Some((r.status, r.from?)));
                    let at = at.map(|i| {
                        let label = element_label(model, &items, deps, i);
                        match from {
                            Some((status, f)) => {
                                [&label, "; ", status.label(), " from ", &element_label(model, &items, deps, f)]
                                    .concat()
                            }
                            None => label,
                        }
                    });
                    items.push(Item::Check(CheckView {
                        label: label.clone(),
                        line: line_of(span.start),
                        result,
                        text,
                        value,
                        thresholds,
                        conventions: conv_of(&convs),
                        at,
                    }));
                }
                Stmt::Table { slot, table } => {
                    let t = &model.tables[*table as usize];
                    let cells = ev.tables.get(*table as usize);
                    let rows = t
                        .rows
                        .iter()
                        .enumerate()
                        .map(|(r, row)| {
                            (0..t.columns.len())
                                .map(|c| match cells.and_then(|x| x.get(r)).and_then(|x| x.get(c)) {
                                    _ if c == 0 => row.name.to_string(),
                                    Some(Some(v)) => cell_text(model, v, row.cells[c].as_ref()),
                                    Some(None) if row.cells[c].is_none() => String::from("—"),
                                    _ => String::from("error"),
                                })
                                .collect()
                        })
                        .collect();
                    // A column of text cells (empty ones aside) reads as text.
                    let text_columns = (0..t.columns.len())
                        .map(|c| {
                            c == 0
                                || (0..t.rows.len()).all(|r| {
                                    matches!(
                                        cells.and_then(|x| x.get(r)).and_then(|x| x.get(c)),
                                        Some(Some(Value::Text(_))) | Some(None)
                                    )
                                })
                        })
                        .collect();
                    // The values that picked one of its rows (`tier`).
                    let mut picked_by = alloc::vec![Vec::new(); t.rows.len()];
                    for (def, v) in model.defs.iter().zip(&ev.values) {
                        if let Ok(Value::Row(pt, r)) = v {
                            if pt == table {
                                if let Some(names) = picked_by.get_mut(*r as usize) {
                                    names.push(def.name.to_string());
                                }
                            }
                        }
                    }
                    items.push(Item::Table(TableView {
                        name: t.name.clone(),
                        line: line_of(model.defs[*slot as usize].span.start),
                        headers: t.columns.iter().map(|c| c.header.clone()).collect(),
                        rows,
                        text_columns,
                        picked_by,
                    }));
                }
            }
        }
        let mut problems: Vec<Problem> = model
            .diagnostics
            .iter()
            .chain(&ev.diagnostics)
            .map(|d| {
                let lc = lines.line_col(src, d.span.start);
                Problem { line: lc.line, column: lc.column, diagnostic: complete(d.clone(), src) }
            })
            .collect();
        crate::sort_by_key(&mut problems, |p| (p.diagnostic.span.start, p.diagnostic.span.end));
        Report { items, problems, conventions: conv_names, input_errors: Vec::new() }
    }

    /// The inputs and values, in model order.
    pub fn values(&self) -> impl Iterator<Item = &ValueView> {
        self.items.iter().filter_map(|i| match i {
            Item::Value(v) => Some(v),
            _ => None,
        })
    }

    /// The checks, in model order.
    pub fn checks(&self) -> impl Iterator<Item = &CheckView> {
        self.items.iter().filter_map(|i| match i {
            Item::Check(c) => Some(c),
            _ => None,
        })
    }

    /// The value called `name`.
    pub fn value(&self, name: &str) -> Option<&ValueView> {
        self.values().find(|v| v.name == name)
    }

    /// True when the model has errors.
    pub fn has_errors(&self) -> bool {
        !self.problems.is_empty()
    }

    /// The series of the report grouped by length (series of the same
    /// length share one table), in model order.
    pub fn series_groups(&self) -> Vec<Vec<&ValueView>> {
        group_series(self.values())
    }

    /// The series of a group that serves as its x axis: the first time
    /// that rises (`(0 .. 24) * 1 month`, `step * 5 min`), else the first
    /// count that rises (`month = 1 .. 24`), if any. A rising ratio
    /// (`load`) is plotted, not an axis.
    pub fn x_axis<'a>(&self, group: &[&'a ValueView]) -> Option<&'a ValueView> {
        x_axis(group)
    }

    /// Whether a series is another x axis ([`Report::x_axis`]): a rising
    /// count or time in even steps (`months` beside `month`), whose chart
    /// beside the axis would be a straight line. Counts that rise unevenly
    /// (nodes needed month by month) and projections from inputs are
    /// results.
    pub fn is_axis_like(&self, v: &ValueView) -> bool {
        even_steps(v) && axis_like(v) && !v.varies
    }

    /// The table rows that label the elements of a series group (a group
    /// holds the series of one table at most), if any.
    pub fn row_labels<'a>(&self, group: &[&'a ValueView]) -> Option<&'a (String, Vec<String>)> {
        group.iter().find_map(|v| v.rows.as_ref())
    }

    /// The worst check status, if any check evaluated.
    pub fn worst_status(&self) -> Option<Status> {
        self.checks().filter_map(CheckView::status).max_by_key(|s| s.severity())
    }
}

/// See [`Report::x_axis`].
fn x_axis<'a>(group: &[&'a ValueView]) -> Option<&'a ValueView> {
    // A table's rows label its series; none of them is an axis.
    if group.iter().any(|v| v.rows.is_some()) {
        return None;
    }
    // In even steps: a latency that grows month by month is a result.
    let axis = |v: &&ValueView| axis_like(v) && even_steps(v);
    let time = group.iter().copied().filter(axis).find(|v| v.unit == "s");
    time.or_else(|| group.iter().copied().find(axis))
}

/// Whether a series rises or falls in even steps (`month`, `step * 5 min`).
fn even_steps(v: &ValueView) -> bool {
    match &v.data {
        Data::Numbers(xs) if xs.len() > 1 => {
            let step = xs[1] - xs[0];
            xs.windows(2).all(|w| ((w[1] - w[0]) - step).abs() <= 1e-9 * step.abs().max(w[1].abs()))
        }
        _ => false,
    }
}

/// Where element `i` of a check over a series is, as its place is named
/// (`month = 12`, `row support`, `element 12`).
pub(crate) fn check_element_label(model: &Model, report: &Report, deps: &[Slot], i: usize) -> String {
    element_label(model, &report.items, deps, i)
}

/// Element `i` of the series a check reads (its `deps`), as a person
/// finds it: by the x axis of its group of series, by its table row, or
/// by its place.
fn element_label(model: &Model, items: &[Item], deps: &[Slot], i: usize) -> String {
    // What the check reads, through the formulas of the names it uses.
    let mut read: Vec<Slot> = Vec::new();
    let mut todo: Vec<Slot> = deps.to_vec();
    while let Some(d) = todo.pop() {
        if !read.contains(&d) {
            read.push(d);
            todo.extend(model.defs.get(d as usize).map_or(&[][..], |def| &def.deps[..]));
        }
    }
    let names = |slots: &[Slot], v: &ValueView| {
        slots.iter().any(|&d| model.defs.get(d as usize).is_some_and(|def| *def.name == *v.name))
    };
    let is_read = |v: &ValueView| names(&read, v);
    let used = |v: &&ValueView| names(deps, v);
    let values = items.iter().filter_map(|it| if let Item::Value(v) = it { Some(v) } else { None });
    let groups = group_series(values);
    let group = groups.iter().find(|g| g.iter().any(used));
    let rows = group.and_then(|g| g.iter().find_map(|v| v.rows.as_ref()));
    // A table's rows name its elements; else a rising count or time the
    // check reads (`nodes`), else the group's axis (`months`).
    let axis = group
        .filter(|_| rows.is_none())
        .and_then(|g| g.iter().copied().find(|v| axis_like(v) && is_read(v)).or_else(|| x_axis(g)))
        .and_then(|a| match &a.display {
            Shown::Series(s) => s.get(i).map(|x| format!("{} = {x}", a.name)),
            _ => None,
        });
    let row = || match group {
        Some(_) => rows
            .and_then(|(table, names)| Some((model.tables.iter().find(|t| t.name == *table)?, names.get(i)?.clone()))),
        // A column read in the check itself (`quotes.cost <= $1500/month`).
        None => deps.iter().find_map(|&d| match model.defs.get(d as usize)?.kind {
            crate::ast::DefKind::Table(t) => {
                let table = model.tables.get(t as usize)?;
                Some((table, table.rows.get(i)?.name.to_string()))
            }
            _ => None,
        }),
    };
    // A row named by a number is named by its column (`month = 9`): `row 9`
    // reads as the ninth row.
    let row_label = |(table, name): (&crate::ast::TableDef, String)| match table.columns.first() {
        Some(c) if name.trim_start_matches('-').starts_with(|c: char| c.is_ascii_digit()) => {
            format!("{} = {name}", c.name)
        }
        _ => format!("row {name}"),
    };
    axis.or_else(|| row().map(row_label)).unwrap_or_else(|| format!("element {}", i + 1))
}

/// A series that rises and is a time or a count in whole numbers.
fn axis_like(v: &ValueView) -> bool {
    let whole = |x: f64| (x - libm::round(x)).abs() <= 1e-9 * x.abs().max(1.0);
    match &v.data {
        Data::Numbers(xs) => {
            xs.len() > 1
                && xs.windows(2).all(|w| w[1] > w[0])
                && (v.unit == "s" || (v.unit.is_empty() && xs.iter().all(|&x| whole(x))))
        }
        _ => false,
    }
}

/// Series values grouped by length (series of the same length share one
/// table), in the order given.
pub fn group_series<'a>(values: impl Iterator<Item = &'a ValueView>) -> Vec<Vec<&'a ValueView>> {
    let mut groups: Vec<Vec<&ValueView>> = Vec::new();
    // Series read from different tables stay apart, even when they are
    // as long: their elements stand for different rows.
    fn table(v: &ValueView) -> Option<&str> {
        v.rows.as_ref().map(|r| r.0.as_str())
    }
    for v in values {
        let Shown::Series(s) = &v.display else { continue };
        let same = |g: &&mut Vec<&ValueView>| {
            matches!(&g[0].display, Shown::Series(t) if t.len() == s.len()) && table(g[0]) == table(v)
        };
        match groups.iter_mut().find(same) {
            Some(g) => g.push(v),
            None => groups.push(Vec::from([v])),
        }
    }
    groups
}

/// The text of a check's status: `OK`, `WARN 78%`, `CRIT 91%`, `PASS`,
/// `FAIL`.
pub fn status_text(r: &CheckResult, model: &Model) -> String {
    let word = String::from(r.status.label());
    match (r.status, r.ratio) {
        (Status::Warn | Status::Crit, Some(x)) => format!("{word} {}", check_value(r, x, model)),
        _ => word,
    }
}

/// The value of a check as shown: a percentage for a ratio, the quantity
/// otherwise (`1.2 s`). Near a threshold it keeps the digits that put it
/// on its side: 199.98 ms is not `200 ms` beside `crit 199.99 ms`.
pub fn check_value(r: &CheckResult, x: f64, model: &Model) -> String {
    let (unit, mut digits) = check_unit(r, x, model);
    let v = x / unit.factor;
    // Compared within float noise: 0.14 / 0.01 is 14.000000000000002.
    let side = |a: f64, t: f64| match a - t {
        d if libm::fabs(d) <= 1e-12 * libm::fabs(t) => core::cmp::Ordering::Equal,
        d if d < 0.0 => core::cmp::Ordering::Less,
        _ => core::cmp::Ordering::Greater,
    };
    let sides = |d: usize| {
        let shown = shown_at(&unit, v, d);
        [r.warn, r.crit].into_iter().flatten().all(|t| side(shown, t / unit.factor) == side(v, t / unit.factor))
    };
    while digits < format::EXACT_DIGITS && !sides(digits) {
        digits += 1;
    }
    unit.format_value(v, digits)
}

/// A check's threshold as shown: every digit it was written with
/// (`crit 71.67%`, `warn 150.5 ms`).
pub fn threshold_text(r: &CheckResult, t: f64, model: &Model) -> String {
    let (unit, _) = check_unit(r, t, model);
    let v = t / unit.factor;
    unit.format_value(v, format::given_digits(v))
}

/// The unit a check's number `x` reads in, and its usual digits.
fn check_unit(r: &CheckResult, x: f64, model: &Model) -> (FixedUnit, usize) {
    // Thresholds written as plain numbers above 1 (`warn 6 crit 3` months
    // of runway) check a number, not a ratio: no percentage.
    let plain = |e: &Option<Expr>| matches!(e, Some(Expr { kind: ExprKind::Number(crate::ast::Literal { percent: false, value, unit: None }), .. }) if value.value() > 1.0);
    let counted = matches!(model.stmts.get(r.stmt), Some(Stmt::Check { warn, crit, .. }) if plain(warn) || plain(crit));
    // A quantity reads in the unit its thresholds are written in (`warn 8
    // Gbps`, `$2000/month`, `400 MiB`).
    let written = |e: &Option<Expr>| match e {
        Some(Expr { kind: ExprKind::Number(crate::ast::Literal { unit: Some(u), .. }), .. }) if u.dim == r.dim => {
            Some(u.display.clone())
        }
        _ => None,
    };
    let unit = match model.stmts.get(r.stmt) {
        Some(Stmt::Check { warn, crit, .. }) => written(warn).or_else(|| written(crit)),
        _ => None,
    };
    if r.dim.is_none() && counted {
        let plain =
            FixedUnit { text: String::new(), factor: 1.0, dim: r.dim, money: false, percent: false, cancels: false };
        (plain, format::FIXED_DIGITS)
    } else if r.dim.is_none() {
        (FixedUnit::percent(), format::AUTO_DIGITS)
    } else if let Some(u) = unit {
        (u, format::AUTO_DIGITS)
    } else {
        format::auto_unit(Quantity::new(x, r.dim).unwrap_or(Quantity::ZERO), &Default::default(), &model.units)
    }
}

/// About what `v` shows as in `unit` with `digits` significant digits:
/// money of a dollar or more to the cent.
fn shown_at(unit: &FixedUnit, v: f64, digits: usize) -> f64 {
    if unit.money && v.abs() >= 1.0 && digits < format::EXACT_DIGITS {
        return libm::round(v * 100.0) / 100.0;
    }
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    // Integer digits are never rounded away (1,234.6 ms shows 1,235 ms).
    let exp = (libm::floor(libm::log10(v.abs())) + 1.0 - digits as f64).min(0.0);
    let scale = libm::pow(10.0, exp);
    libm::round(v / scale) * scale
}

/// The view of one definition's value.
pub fn value_view(model: &Model, ev: &Evaluation, slot: Slot) -> ValueView {
    let def = &model.defs[slot as usize];
    let kind = match def.kind {
        DefKind::Input => ValueKind::Input,
        DefKind::Bare => ValueKind::Bare,
        _ => ValueKind::Derived,
    };
    let mut view = ValueView {
        slot,
        name: def.name.clone(),
        kind,
        line: 0,
        display: Shown::Failed(String::new()),
        data: Data::Null,
        unit: String::new(),
        conventions: Vec::new(),
        input: None,
        chart: None,
        thresholds: Vec::new(),
        rows: None,
        varies: false,
    };
    match ev.values.get(slot as usize) {
        Some(Ok(v)) => {
            let (display, data, dim, chart) = show(model, ev, v, slot);
            view.display = display;
            view.data = data;
            view.unit = dim.map(|d| model.units.base_unit_string(d)).unwrap_or_default();
            view.chart = chart;
            if let (Some(t), Shown::Series(s)) = (def.rows_of, &view.display) {
                let table = &model.tables[t as usize];
                if table.rows.len() == s.len() {
                    view.rows = Some((table.name.clone(), table.rows.iter().map(|r| r.name.to_string()).collect()));
                }
            }
        }
        Some(Err(f)) => {
            view.display = Shown::Failed(match f {
                Failure::Error(d) => d.message.clone(),
                Failure::Dependency(s) if *s == slot => {
                    // The line itself did not parse: show the parser's message.
                    let (line, start) = crate::span::line_of(model.source(), def.span.start);
                    let end = start + line.len();
                    model
                        .diagnostics
                        .iter()
                        .find(|d| (start..=end).contains(&(d.span.start as usize)))
                        .map_or_else(|| String::from("this line has an error"), |d| d.message.clone())
                }
                Failure::Dependency(s) => format!("depends on `{}`, which has an error", model.defs[*s as usize].name),
            });
        }
        None => {}
    }
    view
}

/// True when a displayed value uses unit `sym` (or its plural) as a word.
fn shown_in(shown: &str, sym: &str) -> bool {
    shown
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.strip_prefix(sym).is_some_and(|r| r.is_empty() || r == "s"))
}

/// One end of an input's range as a person reads it: a bound written with
/// a unit shows as written (`12 h`, `4 GiB`), one without in the field's
/// unit (the parser gave it the default's unit, which it did not write).
fn bound_text(model: &Model, q: Quantity, bound: &crate::ast::Expr, field: &FixedUnit) -> String {
    match &bound.kind {
        ExprKind::Number(crate::ast::Literal { unit: Some(u), .. })
            if bound.span.start <= u.span.start && u.span.end <= bound.span.end =>
        {
            let text = model.source().get(bound.span.start as usize..bound.span.end as usize).unwrap_or("");
            String::from(text.trim())
        }
        _ => field.format_value(q.value() / field.factor, FIXED_DIGITS),
    }
}

/// Display, data, dimension and chart data of a value of definition `slot`.
/// A value's display, base-unit data, dimension and chart data.
type Rendered = (Shown, Data, Option<Dim>, Option<(Vec<f64>, String)>);

fn show(model: &Model, ev: &Evaluation, v: &Value, slot: Slot) -> Rendered {
    let def = &model.defs[slot as usize];
    let hint = ev.hint(slot);
    let scalar = |s: String| Shown::Scalar(s);
    match v {
        Value::Num(q) => (scalar(show_quantity(model, ev, *q, slot)), Data::Number(q.value()), Some(q.dim()), None),
        Value::Series(s) => {
            let (unit, digits) = series_unit(model, ev, slot, s);
            let in_unit: Vec<f64> = s.values.iter().map(|&x| x / unit.factor).collect();
            let shown: Vec<String> = if each_in_own_unit(def, s, &unit) {
                // A zero reads in the unit of the nearest element that is
                // not one (`0 min, 1 min, ...`, not `0 h` nor `0 s`), found
                // on each side in one pass, not a scan per zero.
                let v = &s.values;
                let seen = |j: usize| v[j] != 0.0 && v[j].is_finite();
                let (mut before, mut after) = (alloc::vec![None; v.len()], alloc::vec![None; v.len()]);
                for j in 1..v.len() {
                    before[j] = if seen(j - 1) { Some(j - 1) } else { before[j - 1] };
                }
                for j in (0..v.len().saturating_sub(1)).rev() {
                    after[j] = if seen(j + 1) { Some(j + 1) } else { after[j + 1] };
                }
                let near = |i: usize| match (before[i], after[i]) {
                    (Some(b), Some(a)) if i - b <= a - i => Some(b),
                    (b, a) => a.or(b),
                };
                let zero = |i: usize| match near(i).and_then(|j| Quantity::new(v[j], s.dim)) {
                    Some(q) => format::auto_unit(q, hint, &model.units).0.format_values(&[0.0], digits),
                    None => unit.format_values(&[0.0], digits),
                };
                let element = |i: usize, x: f64| match x == 0.0 {
                    true => zero(i).pop().unwrap_or_default(),
                    false => format::auto_element(x, s.dim, hint, &model.units),
                };
                let mut shown: Vec<String> = v.iter().enumerate().map(|(i, &x)| element(i, x)).collect();
                if unit.money {
                    format::cents_alike(&mut shown, &unit.text);
                }
                shown
            } else {
                unit.format_values(&in_unit, digits)
            };
            (Shown::Series(shown), Data::Numbers(s.values.to_vec()), Some(s.dim), Some((in_unit, unit.label())))
        }
        Value::Bool(b) => (scalar(b.to_string()), Data::Bool(*b), None, None),
        Value::Bools(b) => {
            (Shown::Series(b.iter().map(ToString::to_string).collect()), Data::Bools(b.to_vec()), None, None)
        }
        Value::Text(t) => (scalar(t.to_string()), Data::Text(t.to_string()), None, None),
        Value::Texts(t) => {
            let v: Vec<String> = t.iter().map(|s| s.to_string()).collect();
            (Shown::Series(v.clone()), Data::Texts(v), None, None)
        }
        Value::Row(t, r) => {
            let name = model.tables[*t as usize].rows[*r as usize].name.to_string();
            (scalar(name.clone()), Data::Text(name), None, None)
        }
        Value::Rows(t, rs) => {
            let names: Vec<String> =
                rs.iter().map(|&r| model.tables[*t as usize].rows[r as usize].name.to_string()).collect();
            (Shown::Series(names.clone()), Data::Texts(names), None, None)
        }
        Value::Never(d) => (scalar(String::from("never")), Data::Null, Some(*d), None),
        Value::Unlimited(d) => (scalar(String::from("unlimited")), Data::Null, *d, None),
        Value::Empty => (scalar(String::from("—")), Data::Null, None, None),
    }
}

/// Whether the elements of series `s` of `def`, shown in `unit`, read each
/// in its own unit instead. One unit for the whole column reads best,
/// unless the elements span so many orders of magnitude that small ones
/// would vanish; and durations read each in its own unit when they would
/// below one of the column's (`8.77 h, 52.6 min, 5.26 min` of downtime),
/// also in the calendar unit they were written in (`3 days, 43.2 min`,
/// not `0.03 days`).
pub(crate) fn each_in_own_unit(def: &crate::ast::Def, s: &crate::value::Series, unit: &FixedUnit) -> bool {
    let tiny = |x: f64| x != 0.0 && (x / unit.factor).abs() < 0.01;
    let short = |x: f64| {
        s.dim == Dim::base(crate::units::SECOND) && x != 0.0 && x.is_finite() && (x / unit.factor).abs() < 0.9995
    };
    def.fixed.is_none() && s.values.iter().any(|&x| tiny(x) || short(x))
}

/// The unit a series of definition `slot` is shown and charted in: its
/// fixed unit, the calendar unit durations were written in, or the
/// readable unit of its largest element; with its digits.
pub(crate) fn series_unit(model: &Model, ev: &Evaluation, slot: Slot, s: &crate::value::Series) -> (FixedUnit, usize) {
    let def = &model.defs[slot as usize];
    match &def.fixed {
        // Percentages read with three digits, as a single one does.
        Some(f) if f.percent && def.kind != DefKind::Input => (f.clone(), format::AUTO_DIGITS),
        Some(f) => (f.clone(), FIXED_DIGITS),
        None => {
            // `unlimited` elements (+∞) say nothing of the unit.
            let big =
                s.values
                    .iter()
                    .copied()
                    .filter(|x| x.is_finite())
                    .fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
            if s.dim == Dim::base(crate::units::SECOND) {
                if let Some(u) = format::calendar_series_unit(big, ev.hint(slot), &model.units) {
                    return (u, format::AUTO_DIGITS);
                }
            }
            format::auto_unit(Quantity::new(big, s.dim).unwrap_or(Quantity::ZERO), ev.hint(slot), &model.units)
        }
    }
}

/// A quantity of definition `slot` as text, in its fixed unit or a
/// readable one.
pub fn show_quantity(model: &Model, ev: &Evaluation, q: Quantity, slot: Slot) -> String {
    let def = &model.defs[slot as usize];
    match &def.fixed {
        // A ratio shown as a percentage reads best with three digits; an
        // input keeps every digit it was given.
        Some(f) if f.percent && def.kind != DefKind::Input => format::percent(q.value()),
        // An input reads in the unit it was written in, with every digit
        // (`512 MB`, `0.05 MB/tunnel`, as its field and range read); at a
        // thousand of them or more (`--set limit=1 GB`, `input c = 1500
        // ms`), or written as a formula, it takes a readable unit like any
        // value (`3.13 GB`); unless no larger unit would read better
        // (`10,000 segments/agent/month` keeps the order it was written in).
        // A percentage input keeps its unit whatever its size, and so does
        // one whose unit's parts cancel out (`1,000,000 h/month`), and one
        // with a range, read in that unit (`1500 B/pkt [576 .. 9000]`).
        Some(f)
            if def.kind == DefKind::Input
                && f.dim == q.dim()
                && (f.percent || f.cancels || {
                    // A value set in another unit that never ends in this
                    // one (`--set b=1 GB` on `512 MiB`; a slider's 5 min on
                    // an input in hours) looks for a unit that shows it
                    // whole, as one beyond a thousand does.
                    let x = (q.value() / f.factor).abs();
                    if x < 1000.0 || ranged(ev, slot) {
                        format::given_digits(x) == format::EXACT_DIGITS
                    } else {
                        // Nor does one the next unit shows below one
                        // (1023.9 KiB is no `0.99990234375 MiB`).
                        let auto = format::auto_unit(q, ev.hint(slot), &model.units).0.factor;
                        (auto - f.factor).abs() <= 1e-9 * f.factor.abs() || (q.value() / auto).abs() < 1.0
                    }
                }) =>
        {
            f.format_digits(q, format::given_digits(q.value() / f.factor))
        }
        // Beyond, a readable unit only where it shows every digit given
        // (`1.001 TB`), of the family written or else the decimal one (`1
        // GB` set on an input in MiB); else the unit written (`1,200,000
        // h`, an MTBF).
        Some(f) if def.kind == DefKind::Input && !f.percent => {
            let whole = |at: Quantity, hint: &format::DisplayHint| {
                let auto = format::auto_unit(at, hint, &model.units).0;
                (format::given_digits(q.value() / auto.factor) == format::EXACT_DIGITS).then_some(auto)
            };
            // Else a smaller unit may show it whole: the one below a value a
            // hair under the next (`--set wait=59999 ms` on an input in
            // minutes is 59.999 s), or the one of a tenth or a hundredth
            // of it (3599.999 s, not 60 min).
            let smaller = |k: f64| whole(Quantity::new(q.value() * k, q.dim()).unwrap_or(q), ev.hint(slot));
            match whole(q, ev.hint(slot))
                .or_else(|| whole(q, &format::DisplayHint::default()))
                .or_else(|| [0.999, 0.0999, 0.00999].into_iter().find_map(smaller))
            {
                Some(auto) => auto.format_digits(q, format::EXACT_DIGITS),
                None => f.format_digits(q, format::given_digits(q.value() / f.factor)),
            }
        }
        // A number as written keeps the digits written beyond three
        // (`$0.00001667/GiB/s`, a published price); in another unit it
        // reads as any value does (`3125 MB` is 3.13 GB).
        _ if let Some((unit, digits)) = constant_digits(model, ev, q, slot) => unit.format_digits(q, digits),
        Some(f) if f.dim == q.dim() => f.format(q),
        None if def.kind == DefKind::Input && q.dim().is_none() => {
            format::number(q.value(), format::given_digits(q.value()))
        }
        _ => format::auto(q, ev.hint(slot), &model.units),
    }
}

/// The unit and digits of a derived value written as a number, when it
/// reads in the unit written and with more digits than three.
fn constant_digits(model: &Model, ev: &Evaluation, q: Quantity, slot: Slot) -> Option<(FixedUnit, usize)> {
    let def = &model.defs[slot as usize];
    let written = def.constant.filter(|_| def.kind != DefKind::Input)?;
    let same = |unit: &FixedUnit| (written - unit.factor).abs() <= 1e-12 * written.abs();
    let mut unit = value_unit(model, ev, q, slot);
    // A number a hair over the next unit's size (999.5 kB rounds up to
    // 1 MB at three digits; 1000.5 MB is within 0.1% of 1 GB) stays in the
    // unit written, with its digits kept.
    if !same(&unit) && def.fixed.is_none() {
        let below = Quantity::new(q.value() * 0.999, q.dim())?;
        unit = format::auto_unit(below, ev.hint(slot), &model.units).0;
    }
    let digits = format::significant_digits(q.value() / unit.factor);
    (same(&unit) && digits > format::AUTO_DIGITS && digits <= 13).then_some((unit, format::EXACT_DIGITS))
}

/// Whether input `slot` has a range.
fn ranged(ev: &Evaluation, slot: Slot) -> bool {
    ev.inputs.iter().any(|s| s.slot == slot && s.range.is_some())
}

/// As [`show_quantity`], with six significant digits where that rounds to
/// three: what an explanation substitutes, so that its arithmetic adds up
/// (`3.125 GB * 2`, not `3.13 GB * 2`).
pub fn show_quantity_in_full(model: &Model, ev: &Evaluation, q: Quantity, slot: Slot) -> String {
    value_unit(model, ev, q, slot).format_in_full(q)
}

/// The unit a quantity of definition `slot` reads in: its fixed unit, or
/// the readable one its hint picks.
pub fn value_unit(model: &Model, ev: &Evaluation, q: Quantity, slot: Slot) -> FixedUnit {
    match &model.defs[slot as usize].fixed {
        Some(f) if f.dim == q.dim() => f.clone(),
        _ => format::auto_unit(q, ev.hint(slot), &model.units).0,
    }
}

/// A value outside any definition (a cell, a step of an explanation).
pub fn show_plain(model: &Model, v: &Value) -> String {
    match v {
        Value::Num(q) => format::auto(*q, &Default::default(), &model.units),
        Value::Series(s) => {
            let parts: Vec<String> =
                s.values.iter().map(|&x| format::auto_element(x, s.dim, &Default::default(), &model.units)).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Bool(b) => b.to_string(),
        Value::Text(t) => t.to_string(),
        Value::Row(t, r) => model.tables[*t as usize].rows[*r as usize].name.to_string(),
        Value::Never(_) => String::from("never"),
        Value::Unlimited(_) => String::from("unlimited"),
        Value::Empty => String::from("—"),
        Value::Bools(b) => format!("[{}]", b.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
        Value::Texts(t) => format!("[{}]", t.iter().map(|s| &**s).collect::<Vec<_>>().join(", ")),
        Value::Rows(t, rs) => {
            let rows = &model.tables[*t as usize].rows;
            format!("[{}]", rs.iter().map(|&r| &*rows[r as usize].name).collect::<Vec<_>>().join(", "))
        }
    }
}

/// A table cell as text: in the unit it was written with.
fn cell_text(model: &Model, v: &Value, cell: Option<&crate::ast::Expr>) -> String {
    if let (Value::Num(q), Some(e)) = (v, cell) {
        // A number as written, or a formula under `Budget (ms)` in the
        // header's unit.
        let literal = match &e.kind {
            ExprKind::Number(l) => Some(l),
            _ => crate::parser::header_one(e),
        };
        if let Some(l) = literal {
            if let Some(u) = &l.unit {
                return u.display.format(*q);
            }
            if l.percent {
                return format::percent(q.value());
            }
        } else if let ExprKind::Convert(_, u) = &e.kind {
            return u.display.format(*q);
        } else if q.dim().is_none() && crate::parser::is_percent(e, &model.defs, &model.tables) {
            return format::percent(q.value());
        } else {
            // A formula reads in the units it writes (`2 * $0.10/h` per hour).
            let mut hint = format::DisplayHint::default();
            crate::parser::note_units(e, &mut hint, &model.units);
            return format::auto(*q, &hint, &model.units);
        }
    }
    show_plain(model, v)
}

/// The unit an input's field edits in: the unit its default was written
/// with, or a readable one for its default.
pub fn input_unit(model: &Model, slot: Slot, default: Quantity) -> FixedUnit {
    let def = &model.defs[slot as usize];
    match &def.fixed {
        Some(f) if f.dim == default.dim() => f.clone(),
        _ => {
            let (mut u, _) = format::auto_unit(default, &def.hint, &model.units);
            if def.hint.percent {
                u.percent = true;
            }
            u
        }
    }
}

/// Reads an input value given as text (`40`, `1 GB`, `25%`): a number
/// without a unit takes the input's own unit. Checks the unit and the range.
pub fn parse_input(model: &Model, name: &str, text: &str) -> Result<(Slot, Quantity), String> {
    parse_input_in(model, &model.evaluate(&crate::Overrides::new()), name, text)
}

/// [`parse_input`] with an evaluation of the model at hand (its defaults
/// and ranges), so that setting many inputs evaluates the model once.
/// Thousands separators are accepted: `2,500 sessions`.
pub fn parse_input_in(model: &Model, ev: &Evaluation, name: &str, text: &str) -> Result<(Slot, Quantity), String> {
    let Some(slot) = model.input(name) else {
        let names: Vec<&str> = model.input_names().collect();
        let near = crate::diagnostic::suggest(name, names.iter().copied());
        let name = crate::diagnostic::shortened(name, crate::diagnostic::ECHOED);
        return Err(match near {
            Some(s) => format!("the model has no input `{name}`; did you mean `{s}`?"),
            None if names.is_empty() => format!("the model has no input `{name}` (it has no inputs)"),
            // A long list names its first few: a model may have dozens.
            None if names.len() > 8 => format!(
                "the model has no input `{name}`; its inputs are {} and {} more",
                names[..6].join(", "),
                names.len() - 6
            ),
            None => format!("the model has no input `{name}`; its inputs are {}", names.join(", ")),
        });
    };
    let state = ev
        .inputs
        .iter()
        .find(|s| s.slot == slot)
        .ok_or_else(|| format!("the input `{name}` has an error in the model"))?;
    let unit = input_unit(model, slot, state.default);
    if text.trim().is_empty() {
        let label = unit.label();
        let unit = if label.is_empty() { String::new() } else { format!(" in {label}") };
        return Err(format!("`{name}` needs a value: type a number{unit}"));
    }
    // A comma after a digit and before exactly three digits groups
    // thousands, as displays write them (`2,500`).
    let chars: Vec<char> = text.chars().collect();
    let grouping = |i: usize| {
        i > 0
            && chars[i - 1].is_ascii_digit()
            && (1..=3).all(|k| chars.get(i + k).is_some_and(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
    };
    let cleaned: String =
        chars.iter().enumerate().filter(|&(i, &c)| !(c == ',' && grouping(i))).map(|(_, &c)| c).collect();
    let q = crate::parser::parse_quantity(&cleaned, &model.units, &unit).map_err(|m| {
        // The reason may quote the value again: it is cut short too.
        let shown = crate::diagnostic::shortened(text, crate::diagnostic::ECHOED);
        let m = crate::diagnostic::shortened(&m, 3 * crate::diagnostic::ECHOED);
        format!("`{shown}` is not a value for `{name}`: {m}")
    })?;
    // `25%` is a percentage, not just a plain number, for the message.
    let percent = cleaned.trim_end().ends_with('%');
    check_input(model, slot, q, state.range, &unit, percent)
}

/// Sets input `slot` to `v` in its field unit, checking the range.
pub fn input_from_field(model: &Model, ev: &Evaluation, slot: Slot, v: f64) -> Result<Quantity, String> {
    let state = ev.inputs.iter().find(|s| s.slot == slot).ok_or("this input has an error in the model")?;
    let unit = input_unit(model, slot, state.default);
    if v.is_nan() {
        return Err(String::from("that is not a number"));
    }
    // A percentage from its digits, as typing them reads it (57.7 is 0.577).
    let base = match unit.percent {
        true => crate::decimal::hundredth(&format::exact(v)).unwrap_or(v * unit.factor),
        false => v * unit.factor,
    };
    let q = Quantity::new(base, state.default.dim()).ok_or("the number is too large")?;
    check_input(model, slot, q, state.range, &unit, false).map(|(_, q)| q)
}

fn check_input(
    model: &Model,
    slot: Slot,
    q: Quantity,
    range: Option<(Quantity, Quantity)>,
    unit: &FixedUnit,
    percent: bool,
) -> Result<(Slot, Quantity), String> {
    let name = &model.defs[slot as usize].name;
    if q.dim() != unit.dim {
        // In the unit the model writes (`$/month`), not in base units.
        let is = match unit.label() {
            l if l.is_empty() => eval::describe_dim(unit.dim, &model.units),
            l => format!("in {l}"),
        };
        let given = match percent {
            true => String::from("a percentage"),
            false => eval::describe_dim(q.dim(), &model.units),
        };
        let mut message = format!("`{name}` is {is}, but the value given is {given}");
        // `growth=10%` on a growth per month: per its time, or its number.
        if let Some(per) = unit.label().strip_prefix('%').filter(|p| percent && p.starts_with('/')) {
            let n = format::clean(q.value() * 100.0);
            message.push_str(&format!("; write `{name}={n}%{per}` or `{name}={n}`"));
        }
        return Err(message);
    }
    if let Some((lo, hi)) = range {
        let inside = (q.value() >= lo.value() || eval::approx_eq(q.value(), lo.value()))
            && (q.value() <= hi.value() || eval::approx_eq(q.value(), hi.value()));
        if !inside {
            // A bound that never ends in the input's unit reads in one that
            // shows it whole (`5 min`, not `0.0833333 h`); a value just past
            // a bound shows the digits that tell them apart.
            let shown = |b: Quantity| match format::given_digits(b.value() / unit.factor) == format::EXACT_DIGITS {
                true => unit.format(b),
                false => format::auto(b, &Default::default(), &model.units),
            };
            let given = unit.format(q);
            let (lo_text, hi_text, given) = match given == unit.format(lo) || given == unit.format(hi) {
                true => (unit.format_digits(lo, 12), unit.format_digits(hi, 12), unit.format_digits(q, 12)),
                false => (shown(lo), shown(hi), shown(q)),
            };
            return Err(format!("`{name}` must be between {lo_text} and {hi_text}; {given} is outside that range"));
        }
    }
    Ok((slot, q))
}

/// The message of the failure behind a check that did not evaluate: its
/// own error, or the name it uses that has one.
fn failure_text(model: &Model, ev: &Evaluation, span: Span, deps: &[Slot]) -> String {
    let own =
        ev.diagnostics.iter().chain(&model.diagnostics).find(|d| d.span.start >= span.start && d.span.end <= span.end);
    if let Some(d) = own {
        return d.message.clone();
    }
    let Some(&(mut s)) = deps.iter().find(|&&s| ev.values.get(s as usize).is_none_or(|v| v.is_err())) else {
        return String::from("depends on a value that has an error");
    };
    // Down to the value whose own line has the error.
    for _ in 0..model.defs.len() {
        match ev.values.get(s as usize) {
            Some(Err(crate::eval::Failure::Dependency(d))) if *d != s => s = *d,
            _ => break,
        }
    }
    format!("depends on `{}`, which has an error", model.defs[s as usize].name)
}

/// Conventions used by an expression (through names and literals).
fn collect_conventions(model: &Model, e: &crate::ast::Expr, out: &mut Vec<u16>) {
    let mut add = |ids: &[u16]| {
        for &i in ids {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    };
    match &e.kind {
        ExprKind::Name(s) => add(&model.defs[*s as usize].conventions),
        ExprKind::Number(l) => {
            if let Some(u) = &l.unit {
                for (id, _) in &u.ids {
                    if let crate::units::UnitId::Model(i) = id {
                        if model.units.defs[*i as usize].kind == crate::units::ModelUnitKind::Convention {
                            add(&[*i]);
                        }
                    }
                }
            }
        }
        _ => {}
    }
    for child in e.children() {
        collect_conventions(model, child, out);
    }
}

/// Threshold lines of checks written as `SERIES / LIMIT warn A crit B` (or
/// over a ratio series directly), in the unit the series is shown in.
fn series_thresholds(model: &Model, ev: &Evaluation) -> Vec<(Slot, Status, f64)> {
    let mut out = Vec::new();
    for c in &ev.checks {
        let Stmt::Check { expr, .. } = &model.stmts[c.stmt] else { continue };
        let series = |e: &Expr| measured_series(model, ev, e, 0);
        let (slot, limit) = match &expr.kind {
            ExprKind::Binary(BinOp::Div, a, b) => {
                let Some(s) = series(a) else { continue };
                match Env::with_values(model, ev).eval(b) {
                    Ok(Value::Num(q)) => (s, Some(q)),
                    _ => continue,
                }
            }
            _ => match series(expr) {
                Some(s) => (s, Quantity::plain(1.0)),
                None => continue,
            },
        };
        let (Some(limit), Some(Ok(Value::Series(s)))) = (limit, ev.values.get(slot as usize)) else { continue };
        let (unit, ..) = series_unit(model, ev, slot, s);
        for (st, t) in [(Status::Warn, c.warn), (Status::Crit, c.crit)] {
            if let Some(t) = t {
                out.push((slot, st, t * limit.value() / unit.factor));
            }
        }
    }
    out
}

/// The series a check measures: itself, or its last, first, largest or
/// smallest element (`last(size) / capacity`), also through a name for
/// that element (`worst = max(wait)`).
fn measured_series(model: &Model, ev: &Evaluation, e: &Expr, depth: u8) -> Option<Slot> {
    match &e.kind {
        ExprKind::Name(s) if matches!(ev.values.get(*s as usize), Some(Ok(Value::Series(_)))) => Some(*s),
        // A name for an element; the depth bounds a chain of such names.
        ExprKind::Name(s) if depth < 8 => {
            let def = crate::ast::definition_of(&model.stmts, *s)?;
            match &def.kind {
                ExprKind::Call(..) | ExprKind::Convert(..) | ExprKind::Name(_) => {
                    measured_series(model, ev, def, depth + 1)
                }
                _ => None,
            }
        }
        ExprKind::Call(Func::First | Func::Last | Func::Max | Func::Min, args) => match &args[..] {
            [arg @ Expr { kind: ExprKind::Name(_), .. }] => measured_series(model, ev, arg, depth + 1),
            _ => None,
        },
        ExprKind::Convert(inner, _) => measured_series(model, ev, inner, depth + 1),
        _ => None,
    }
}

/// Fills in help that needs the source text (the exact fix to paste).
fn complete(mut d: Diagnostic, src: &str) -> Diagnostic {
    if d.kind == ErrorKind::PercentOfQuantity && d.secondary.len() == 2 {
        let (a_text, b_text) = (d.secondary[0].0.text(src).trim(), d.secondary[1].0.text(src).trim());
        let whole = d.span.text(src);
        let minus = whole.get(a_text.len()..).is_some_and(|rest| rest.trim_start().starts_with(['-', '−']));
        // Pasted into a product, a sum keeps its parentheses (`(50 GB - 10
        // GB) * (1 + 10%)`, not `50 GB - 10 GB * (1 + 10%)`).
        let (a, b) = (grouped(a_text), grouped(b_text));
        let sign = if minus { "-" } else { "+" };
        if d.secondary[1].1 == "a percentage" {
            let verb = if minus { "shrink" } else { "grow" };
            d.help = Some(format!("to {verb} it by {b}, write `{a} * (1 {sign} {b})`"));
        } else if minus {
            d.help = Some(format!("to take {a} of it, write `{b} * {a}`"));
        } else {
            // `10% + 40 GB` most likely means the same as `40 GB + 10%`.
            d.help = Some(format!("to grow it by {a}, write `{b} * (1 + {a})`; to take {a} of it, `{b} * {a}`"));
        }
    }
    d
}

/// `text` as one factor of a product: in parentheses when it is a sum or
/// a difference.
fn grouped(text: &str) -> String {
    let (mut depth, mut sum) = (0i32, false);
    // The last character but blanks, and the two before this one as written.
    let (mut prev, mut raw) = ('(', [' ', ' ']);
    for c in text.chars() {
        // `1e-5` is a number.
        let exponent = matches!(raw[1], 'e' | 'E') && raw[0].is_ascii_digit();
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            // A sign after an operator is no sum.
            '+' | '-' | '−' if depth == 0 && !exponent && !matches!(prev, '(' | '*' | '/' | '^' | '+' | '-' | '−') => {
                sum = true
            }
            _ => {}
        }
        raw = [raw[1], c];
        if !c.is_whitespace() {
            prev = c;
        }
    }
    match sum {
        true => ["(", text, ")"].concat(),
        false => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sum_pasted_into_a_product_keeps_its_parentheses() {
        use super::grouped;
        assert_eq!(grouped("used - freed"), "(used - freed)");
        assert_eq!(grouped("free + 1e-5 GB"), "(free + 1e-5 GB)");
        for kept in ["disk", "2 * -3 GB", "1e-5 GB", "(a - b)", "max(a - b, 0)", "-disk", "a * -b", "size ^ -2"] {
            assert_eq!(grouped(kept), kept);
        }
    }

    #[test]
    fn table_cells_written_as_formulas_read_in_their_units() {
        // The second column of the model's one table, as shown.
        fn cells(src: &str) -> alloc::vec::Vec<alloc::string::String> {
            let model = crate::Model::parse(src);
            let ev = model.evaluate(&crate::Overrides::new());
            let report = super::Report::new(&model, &ev);
            let table = report.items.iter().find_map(|i| match i {
                super::Item::Table(t) => Some(t),
                _ => None,
            });
            table.unwrap().rows.iter().map(|r| r[1].clone()).collect()
        }
        assert_eq!(
            cells("unit vm\ntable t\n| item | cost |\n|---|---|\n| a | 2 * $0.10/h |\n| b | $25/month |\n| c | 3 vm * $0.5/vm/h |\n"),
            ["$0.20/h", "$25/month", "$1.50/h"]
        );
        // A conversion and a percentage read as written.
        assert_eq!(
            cells("table t\n| item | v |\n|---|---|\n| a | 2 * 150 ms -> s |\n| b | 100% - 5% |\n"),
            ["0.3 s", "95%"]
        );
        // A plain formula reads in its header's unit, as a bare number does.
        assert_eq!(
            cells("table t\n| item | Budget (ms) |\n|---|---|\n| a | 20 |\n| b | 2 * 40 |\n"),
            ["20 ms", "80 ms"]
        );
        assert_eq!(cells("table t\n| item | Share (%) |\n|---|---|\n| a | 2 * 5 |\n| b | 10 |\n"), ["10%", "10%"]);
    }

    #[test]
    fn a_check_near_a_threshold_shows_the_side_it_is_on_and_thresholds_as_written() {
        // Each check's status text and thresholds text.
        fn checks(src: &str) -> alloc::vec::Vec<(alloc::string::String, alloc::string::String)> {
            let model = crate::Model::parse(src);
            let ev = model.evaluate(&crate::Overrides::new());
            let report = super::Report::new(&model, &ev);
            report.checks().map(|c| (c.text.clone(), c.thresholds.clone().unwrap_or_default())).collect()
        }
        let src = "input lat = 199.98 ms\ncheck \"p95\" lat warn 150 ms crit 199.99 ms\n\
                   used = 435 GB\ncheck \"disk\" used / 512 GB warn 70% crit 85%\n\
                   check \"odd\" used / 512 GB warn 71.67% crit 90%\n\
                   cost = $99.99/month\ncheck \"bill\" cost warn $99.995/month crit $200/month\n\
                   check \"far\" used / 1 TB warn 70% crit 85%\n\
                   input slow = 1234.6 ms\ncheck \"int\" slow warn 1000 ms crit 1235 ms\n\
                   big = 1399 GB\ncheck \"noise\" big / 10 TB warn 14% crit 90%\n";
        let got = checks(src);
        let want = [
            ("WARN 199.98 ms", "warn 150 ms, crit 199.99 ms"),
            ("WARN 84.96%", "warn 70%, crit 85%"),
            ("WARN 85%", "warn 71.67%, crit 90%"),
            ("OK", "warn $99.995/month, crit $200/month"),
            ("OK", "warn 70%, crit 85%"),
            ("WARN 1,234.6 ms", "warn 1,000 ms, crit 1,235 ms"),
            ("OK", "warn 14%, crit 90%"),
        ];
        let got: alloc::vec::Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want);
        // A value just under a threshold of float noise (0.14 / 0.01) is not shown on it.
        let model = crate::Model::parse(src);
        let ev = model.evaluate(&crate::Overrides::new());
        let report = super::Report::new(&model, &ev);
        let noise = report.checks().find(|c| c.label == "noise").and_then(|c| c.value.clone());
        assert_eq!(noise.as_deref(), Some("13.99%"));
    }

    #[test]
    fn wide_ranges_slide_on_a_log_scale() {
        use super::{log_slider, slider_position, slider_value};
        assert!(log_slider(1_000.0, 5_000_000.0));
        assert!(log_slider(10.0, 5_000.0));
        assert!(!log_slider(0.0, 1_000.0) && !log_slider(64.0, 4096.0));
        // 200,000 users sits two thirds of the way along, not at 4%.
        let p = slider_position(200_000.0, 1_000.0, 5_000_000.0, 200_000.0);
        assert!((p - 5.301).abs() < 1e-3, "{p}");
        assert_eq!(slider_value(p, 1_000.0, 5_000_000.0, 200_000.0), 200_000.0);
        assert_eq!(slider_value(5.398, 1_000.0, 5_000_000.0, 200_000.0), 250_000.0);
        assert_eq!(slider_value(0.9363, 0.1, 1_000.0, 8.5), 8.6);
        assert_eq!(slider_value(0.9363, 1.0, 1_000.0, 8.0), 9.0);
        // The ends are the range's, also from a browser that carries fewer
        // digits of the track's ends than were given.
        assert_eq!(slider_value(libm::log10(3_650.0) - 1e-15, 1.0, 3_650.0, 365.0), 3_650.0);
        assert_eq!(slider_value(libm::log10(1.0 / 60.0) + 1e-15, 1.0 / 60.0, 1_440.0, 30.0), 1.0 / 60.0);
        assert_eq!(slider_value(2.0, 1_000.0, 5_000_000.0, 1.0), 1_000.0);
        assert_eq!(slider_value(7.0, 1_000.0, 5_000_000.0, 1.0), 5_000_000.0);
        // A narrow range keeps its linear track.
        assert_eq!(slider_value(552.32, 64.0, 4096.0, 512.0), 550.0);
    }

    #[test]
    fn a_slider_from_zero_far_past_its_default_moves_in_steps_of_its_size() {
        use super::{slider_nudge, slider_position, slider_value};
        // 300 jobs on 0 .. 10,000,000: a fifth of the way along, and a
        // step from it is 40 jobs or so, not 100,000.
        let (lo, hi, d) = (0.0, 10_000_000.0, 300.0);
        let p = slider_position(d, lo, hi, d);
        let end = slider_position(hi, lo, hi, d);
        assert!(p / end > 0.15 && p / end < 0.25, "{p} of {end}");
        assert_eq!(slider_value(p, lo, hi, d), 300.0);
        assert_eq!(slider_nudge(d, lo, hi, d, true, false), 340.0);
        assert_eq!(slider_nudge(d, lo, hi, d, false, false), 260.0);
        // Its ends are reachable: 0 and the top.
        assert_eq!(slider_value(0.0, lo, hi, d), 0.0);
        assert_eq!(slider_value(end, lo, hi, d), hi);
        assert_eq!(slider_nudge(0.0, lo, hi, d, true, false), 4.0);
        // Near its default, a range from zero stays linear.
        assert_eq!(slider_position(250.0, 0.0, 1_000.0, 200.0), 250.0);
    }

    #[test]
    fn arrow_keys_always_move_a_slider() {
        use super::slider_nudge;
        // A whole-number range of 1 .. 10: a hundredth of it rounds away.
        assert_eq!(slider_nudge(3.0, 1.0, 10.0, 3.0, true, false), 4.0);
        assert_eq!(slider_nudge(3.0, 1.0, 10.0, 3.0, false, false), 2.0);
        assert_eq!(slider_nudge(3.0, 1.0, 10.0, 3.0, true, true), 4.0);
        // A value a hair off its rounding (7 h/day back from seconds per
        // second is 7.000000000000001) still moves.
        assert_eq!(slider_nudge(7.000000000000001, 1.0, 24.0, 8.0, false, false), 6.0);
        assert_eq!(slider_nudge(6.999999999999999, 1.0, 24.0, 8.0, true, false), 8.0);
        // At an end it stays.
        assert_eq!(slider_nudge(10.0, 1.0, 10.0, 3.0, true, false), 10.0);
        assert_eq!(slider_nudge(1.0, 1.0, 10.0, 3.0, false, false), 1.0);
        // A log track moves by its rounding too: 10 of 10 .. 5,000 goes to 11.
        assert_eq!(slider_nudge(10.0, 10.0, 5_000.0, 150.0, true, false), 11.0);
        assert_eq!(slider_nudge(150.0, 10.0, 5_000.0, 150.0, false, false), 140.0);
        // A wide linear range moves by its round step.
        assert_eq!(slider_nudge(20.0, 0.0, 1_000.0, 20.0, true, false), 30.0);
    }

    #[test]
    fn slider_values_are_round() {
        use super::snap;
        assert_eq!(snap(249_990.0, 1_000.0, 5_000_000.0, 200_000.0), 250_000.0);
        assert_eq!(snap(2.999, 1.0, 100.0, 2.0), 3.0);
        assert_eq!(snap(8.638_75, 0.5, 64.0, 8.0), 8.6);
        assert_eq!(snap(0.7065, 0.0, 1.0, 0.7), 0.71);
        assert_eq!(snap(0.3, 0.0, 1.0, 0.7), 0.3);
        // Whole numbers stay whole: 1 spare of 0 .. 5 moves to 2, not 1.05.
        assert_eq!(snap(1.05, 0.0, 5.0, 1.0), 1.0);
        assert_eq!(snap(1.6, 0.0, 5.0, 1.0), 2.0);
        // The ends stay reachable, and a bad range leaves the value alone.
        assert_eq!(snap(1_000.0, 1_000.0, 5_000_000.0, 200_000.0), 1_000.0);
        assert_eq!(snap(4_999_999.0, 1_000.0, 5_000_000.0, 200_000.0), 5_000_000.0);
        assert_eq!(snap(5.0, 5.0, 5.0, 5.0), 5.0);
    }

    use super::*;

    const MODEL: &str = "unit session\ninput sessions = 2000 session [0 .. 10_000]\ninput share = 7% [0 .. 100]\n\
                         month = 1 .. 6\nload = sessions * month\n";

    #[test]
    fn input_values_accept_grouped_thousands_and_show_plain_fields() {
        let model = Model::parse(MODEL);
        let (_, q) = parse_input(&model, "sessions", "2,500 sessions").unwrap();
        assert_eq!(q.value(), 2500.0);
        assert!(parse_input(&model, "sessions", "25,00").is_err());
        // Arithmetic without units is in the input's unit too.
        assert_eq!(parse_input(&model, "sessions", "1000 * 2").unwrap().1.value(), 2000.0);
        assert_eq!(parse_input(&model, "share", "5 * 2").unwrap().1.value(), 0.1);
        let report = crate::run(MODEL, &[("sessions", "2,500")]);
        let info = report.value("sessions").unwrap().input.as_ref().unwrap();
        assert_eq!(info.field, "2500");
        assert_eq!(report.value("share").unwrap().input.as_ref().unwrap().field, "7");
    }

    #[test]
    fn a_misspelt_unit_in_a_value_gets_its_near_unit() {
        let model = Model::parse("input limit = 512 MB [0 .. 4096]\n");
        let err = parse_input(&model, "limit", "600 mb").unwrap_err();
        assert!(err.contains("unknown unit `mb`") && err.contains("did you mean `MB`?"), "{err}");
    }

    #[test]
    fn an_empty_field_asks_for_a_value() {
        let model = Model::parse(MODEL);
        assert_eq!(
            parse_input(&model, "sessions", " "),
            Err(String::from("`sessions` needs a value: type a number in sessions"))
        );
        assert_eq!(parse_input(&model, "share", ""), Err(String::from("`share` needs a value: type a number in %")));
    }

    #[test]
    fn field_values_that_are_not_numbers_are_refused() {
        let model = Model::parse(MODEL);
        let ev = model.evaluate(&crate::Overrides::new());
        let slot = model.input("sessions").unwrap();
        assert_eq!(input_from_field(&model, &ev, slot, f64::NAN), Err(String::from("that is not a number")));
        assert!(input_from_field(&model, &ev, slot, 20_000.0).unwrap_err().contains("between"));
        assert_eq!(input_from_field(&model, &ev, slot, 300.0).unwrap().value(), 300.0);
    }

    #[test]
    fn a_percentage_from_a_slider_is_its_digits_as_typed() {
        let model = Model::parse("input cpu = 40% [0 .. 100]\n");
        let ev = model.evaluate(&crate::Overrides::new());
        let slot = model.input("cpu").unwrap();
        // 57.7 * 0.01 is 0.5770000000000001; typed, 57.7% is 0.577.
        assert_eq!(input_from_field(&model, &ev, slot, 57.7).unwrap().value(), 0.577);
    }

    #[test]
    fn a_value_of_another_unit_is_refused_in_the_inputs_own_unit() {
        let model = Model::parse("input price = $25/month\n");
        let ev = model.evaluate(&crate::Overrides::new());
        let refused = parse_input_in(&model, &ev, "price", "$30").unwrap_err();
        assert_eq!(refused, "`price` is in $/month, but the value given is money");
        let model = Model::parse("input growth = 5%/month\n");
        assert_eq!(
            parse_input(&model, "growth", "10%").unwrap_err(),
            "`growth` is in %/month, but the value given is a percentage; write `growth=10%/month` or `growth=10`"
        );
        let model = Model::parse("input limit = 512 MB\n");
        assert_eq!(
            parse_input(&model, "limit", "25%").unwrap_err(),
            "`limit` is in MB, but the value given is a percentage"
        );
    }

    #[test]
    fn a_rising_plain_series_is_the_x_axis() {
        let report = crate::run(MODEL, &[]);
        let groups = report.series_groups();
        assert_eq!(report.x_axis(&groups[0]).map(|v| v.name.as_str()), Some("month"));
    }

    #[test]
    fn the_x_axis_is_a_rising_time_or_count_not_a_ratio() {
        let axis = |src: &str| {
            let report = crate::run(src, &[]);
            let groups = report.series_groups();
            report.x_axis(&groups[0]).map(|v| v.name.clone())
        };
        let growth = "unit user\nusers = 1000 user * 1.05 ^ (0 .. 24)\nload = users / 2500 user\n";
        assert_eq!(axis(growth), None, "a rising ratio is plotted");
        let months = "unit user\nmonths = (0 .. 24) * 1 month\nusers = 1000 user * 1.05 ^ (months / 1 month)\n\
                      load = users / 2500 user\n";
        assert_eq!(axis(months).as_deref(), Some("months"));
        // A time before the step that counts it.
        let steps = "step = 0 .. 48\nt = step * 5 min -> min\nq = 100 * 1.01 ^ step\n";
        assert_eq!(axis(steps).as_deref(), Some("t"));
        // A latency that grows month by month is a result, not the axis.
        let latency = "input g = 10%\nmonth = 1 .. 12\nusers = 1000 * (1 + g) ^ month\nlat = 100 ms * 1.05 ^ month\n";
        assert_eq!(axis(latency).as_deref(), Some("month"));
    }

    #[test]
    fn only_a_straight_line_beside_the_axis_is_axis_like() {
        let report = crate::run(
            "month = 1 .. 12\nmonths = month * 1 month\nnodes = ceil(2 * 1.3 ^ month)\ndouble = month * 2\n",
            &[],
        );
        let like = |name: &str| report.values().find(|v| v.name == name).is_some_and(|v| report.is_axis_like(v));
        assert!(like("month") && like("months") && like("double"));
        // Nodes that rise every month, unevenly, are a result to chart.
        assert!(!like("nodes"));
        // So is a straight projection from an input.
        let report = crate::run("input growth = 50\nmonth = 1 .. 24\nusers_then = 1000 + growth * month\n", &[]);
        let like = |name: &str| report.values().find(|v| v.name == name).is_some_and(|v| report.is_axis_like(v));
        assert!(like("month") && !like("users_then"));
    }

    #[test]
    fn a_table_marks_the_rows_picked_and_by_what() {
        let report = crate::run(
            "table tiers\n| Tier | Max |\n|---|---|\n| small | 10 |\n| large | 100 |\nneed = 50\n\
             tier = pick(tiers, max >= need)\nbig = pick(tiers, max > 90)\n",
            &[],
        );
        let Some(Item::Table(t)) = report.items.iter().find(|i| matches!(i, Item::Table(_))) else { panic!() };
        assert_eq!(t.picked_by, [Vec::<String>::new(), Vec::from([String::from("tier"), String::from("big")])]);
    }

    #[test]
    fn an_unknown_input_names_a_few_of_many() {
        let src: String = (1..=10).map(|i| format!("input in{i} = {i}\n")).collect();
        let model = Model::parse(&src);
        let message = parse_input(&model, "zzz", "1").unwrap_err();
        assert_eq!(message, "the model has no input `zzz`; its inputs are in1, in2, in3, in4, in5, in6 and 4 more");
        let model = Model::parse("input a = 1\ninput b = 2");
        assert_eq!(parse_input(&model, "zzz", "1").unwrap_err(), "the model has no input `zzz`; its inputs are a, b");
    }

    #[test]
    fn status_labels() {
        assert_eq!(Status::Warn.label(), "WARN");
        assert_eq!(Status::Pass.label(), "PASS");
    }
}
