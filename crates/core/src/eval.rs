//! The evaluator: the checked syntax tree and input values to values.
//!
//! Statements are evaluated in model order. A failing statement records one
//! diagnostic; statements that refer to it fail silently with
//! [`Failure::Dependency`], so one error never hides the values of the lines
//! that do not depend on it. Dimensions are checked on every operation, with
//! the error pointing at the operator and both operands.
//!
//! Evaluation is bounded: every node and every series element costs fuel
//! (see [`crate::limits`]), series have a maximum length, and the tree depth
//! was bounded by the parser, so no model can hang or exhaust memory.

mod functions;

use crate::ast::*;
use crate::diagnostic::{Diagnostic, ErrorKind};
use crate::format::DisplayHint;
use crate::limits::{FUEL, MAX_SERIES};
use crate::span::Span;
use crate::units::{Dim, UnitTable, BYTE, FIRST_COUNT, MONEY, SECOND};
use crate::value::{Quantity, Series, TableId, Value};
use crate::Model;
use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

pub use functions::snap;

/// Why a value could not be computed.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// An error in this expression, reported as a diagnostic.
    Error(Box<Diagnostic>),
    /// The value depends on a definition that failed; nothing new to report.
    Dependency(Slot),
}

type EResult<T> = Result<T, Failure>;

#[cold]
fn fail(kind: ErrorKind, span: Span, message: impl Into<String>) -> Failure {
    Failure::Error(Box::new(Diagnostic::new(kind, span, message)))
}

#[cold]
fn fail_with(d: Diagnostic) -> Failure {
    Failure::Error(Box::new(d))
}

/// The status of a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// A truth check that holds.
    Pass,
    /// A ratio under its warning threshold.
    Ok,
    /// A ratio at or over its warning threshold.
    Warn,
    /// A ratio at or over its critical threshold.
    Crit,
    /// A truth check that does not hold.
    Fail,
}

impl Status {
    /// The status as the JSON interface names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Crit => "crit",
            Status::Fail => "fail",
        }
    }

    /// The status as a badge says it: `OK`, `WARN`, `CRIT`, `PASS`, `FAIL`.
    pub fn label(self) -> &'static str {
        match self {
            Status::Pass => "PASS",
            Status::Ok => "OK",
            Status::Warn => "WARN",
            Status::Crit => "CRIT",
            Status::Fail => "FAIL",
        }
    }

    /// How bad it is: 0 for pass/ok, 1 for warn, 2 for crit/fail.
    pub fn severity(self) -> u8 {
        match self {
            Status::Pass | Status::Ok => 0,
            Status::Warn => 1,
            Status::Crit | Status::Fail => 2,
        }
    }
}

/// The outcome of one `check` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckResult {
    /// Index of the statement in [`Model::stmts`].
    pub stmt: usize,
    /// The check's status.
    pub status: Status,
    /// The value checked (the worst element of a series), in base units: a
    /// ratio, or a quantity of dimension `dim`; `None` for truth checks.
    pub ratio: Option<f64>,
    /// Warning threshold, in the same unit.
    pub warn: Option<f64>,
    /// Critical threshold, in the same unit.
    pub crit: Option<f64>,
    /// For a series, the index of the deciding element.
    pub at: Option<usize>,
    /// For a series graded worst at `at`, the first element at that status
    /// when it comes earlier (a budget crit from month 20, worst at 24).
    pub from: Option<usize>,
    /// The dimension of the value and thresholds (none for ratios).
    pub dim: Dim,
    /// Why a threshold check has no `ratio`: what it checked is past every
    /// number.
    pub beyond: Option<Beyond>,
}

/// A checked value past every number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beyond {
    /// A time that never comes (a runway never reached).
    Never,
    /// A bound without end (a queue that grows without end).
    Unlimited,
}

impl Beyond {
    /// How a report reads it: `never`, `unlimited`.
    pub fn as_str(self) -> &'static str {
        match self {
            Beyond::Never => "never",
            Beyond::Unlimited => "unlimited",
        }
    }
}

impl CheckResult {
    /// A pass/fail check's result: no value or thresholds; over a series,
    /// `at` is the first element that fails.
    fn truth(stmt: usize, status: Status, at: Option<usize>) -> CheckResult {
        CheckResult { stmt, status, ratio: None, warn: None, crit: None, at, from: None, dim: Dim::NONE, beyond: None }
    }

    /// How full the bar is: the value against the critical threshold (or the
    /// warning one), 0 to 1.
    pub fn fill(&self) -> f64 {
        let x = self.ratio.unwrap_or(0.0);
        let limit = match (self.warn, self.crit) {
            (_, Some(c)) if !descending(self.warn, self.crit) => c,
            (Some(w), _) => w,
            (None, Some(c)) => c,
            (None, None) => 1.0,
        };
        if self.dim.is_none() && !descending(self.warn, self.crit) {
            return x.clamp(0.0, 1.0);
        }
        if limit > 0.0 {
            (x / limit).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// An input's effective value and range.
#[derive(Clone, Debug, PartialEq)]
pub struct InputState {
    /// The definition.
    pub slot: Slot,
    /// The value used (the override when one was given and valid).
    pub value: Quantity,
    /// The default value of the model.
    pub default: Quantity,
    /// The range, when the model gives one.
    pub range: Option<(Quantity, Quantity)>,
}

/// Everything an evaluation computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The value of each definition, by slot.
    pub values: Vec<Result<Value, Failure>>,
    /// The evaluated cells of each table: rows of columns (`None` for an
    /// empty or failed cell).
    pub tables: Vec<Vec<Vec<Option<Value>>>>,
    /// The results of the checks, in model order.
    pub checks: Vec<CheckResult>,
    /// The inputs in model order with their effective values.
    pub inputs: Vec<InputState>,
    /// Errors found while evaluating.
    pub diagnostics: Vec<Diagnostic>,
    /// The statement each diagnostic came from (for re-evaluation).
    origins: Vec<usize>,
    /// How to display each definition's value, by slot (see [`Evaluation::hint`]).
    hints: Vec<DisplayHint>,
}

impl Evaluation {
    /// How to display the value of definition `slot`: the units of its own
    /// formula, then those of the names it uses, but a name passes on a
    /// time or data unit only when its value still has that dimension. So
    /// `relays = ceil(rps / cap)`, a plain number worked out from rates per
    /// second, does not make `relays * $62/month` show per second.
    pub fn hint(&self, slot: Slot) -> &DisplayHint {
        self.hints.get(slot as usize).unwrap_or(&NO_HINT)
    }
}

static NO_HINT: DisplayHint = DisplayHint {
    bytes: None,
    per_time: None,
    percent: false,
    per_pair: None,
    byte_rate: false,
    spend_per_second: false,
};

/// The display hint of every definition, in slot order (a definition uses
/// only those above it).
fn display_hints(model: &Model, values: &[Result<Value, Failure>]) -> Vec<DisplayHint> {
    let mut hints: Vec<DisplayHint> = Vec::with_capacity(model.defs.len());
    for (slot, def) in model.defs.iter().enumerate() {
        let mut hint = def.own_hint;
        for &d in def.deps.iter().filter(|&&d| (d as usize) < slot) {
            let from = hints[d as usize];
            let dim = match &values[d as usize] {
                Ok(Value::Num(q)) => Some(q.dim()),
                Ok(Value::Series(s)) => Some(s.dim),
                Ok(Value::Never(dim)) => Some(*dim),
                _ => None,
            };
            match dim {
                Some(dim) => {
                    if hint.per_time.is_none() && dim.exp(SECOND) != 0 {
                        hint.per_time = from.per_time;
                    }
                    if hint.bytes.is_none() && dim.exp(BYTE) != 0 {
                        hint.bytes = from.bytes;
                    }
                }
                None => hint.merge(&from),
            }
        }
        hints.push(hint);
    }
    hints
}

/// Values for inputs that replace their defaults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overrides {
    values: Vec<(Slot, Quantity)>,
}

impl Overrides {
    /// No overrides: every input at its default.
    pub fn new() -> Overrides {
        Overrides::default()
    }

    /// Sets input `slot` to `q` (replacing an earlier override).
    pub fn set(&mut self, slot: Slot, q: Quantity) {
        match self.values.iter_mut().find(|(s, _)| *s == slot) {
            Some(v) => v.1 = q,
            None => self.values.push((slot, q)),
        }
    }

    /// Removes the override of `slot`.
    pub fn clear(&mut self, slot: Slot) {
        self.values.retain(|(s, _)| *s != slot);
    }

    /// The override of `slot`, if any.
    pub fn get(&self, slot: Slot) -> Option<Quantity> {
        self.values.iter().find(|(s, _)| *s == slot).map(|v| v.1)
    }

    /// Every override.
    pub fn iter(&self) -> impl Iterator<Item = (Slot, Quantity)> + '_ {
        self.values.iter().copied()
    }

    /// True when no input is overridden.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// One decision an explanation reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// A capacity function worked out one value: its arguments and result,
    /// for the explanation to show the arithmetic.
    Library {
        /// The function.
        func: Func,
        /// The arguments' values.
        args: Vec<Quantity>,
        /// The result.
        result: Quantity,
    },
    /// `runway` or `first_where` found its element `index` (or none).
    Crossed {
        /// The function.
        func: Func,
        /// Which element, from 0; `None` when never.
        index: Option<usize>,
        /// The element given for it (a time of `runway`), when a number.
        found: Option<Quantity>,
    },
    /// `max`/`min` chose argument `index` (of `count`) at `span`.
    Chose {
        /// The call.
        func: Func,
        /// Span of the call.
        call: Span,
        /// Span of the deciding argument.
        arg: Span,
        /// The deciding value.
        value: Value,
        /// The other arguments' values.
        others: Vec<Value>,
    },
    /// An element-wise `max`/`min` over series chose, for each element,
    /// one of its arguments.
    ChoseEach {
        /// The function.
        func: Func,
        /// Span of the call.
        call: Span,
        /// Spans of the arguments.
        args: Vec<Span>,
        /// For each element, the index of the argument that decided it.
        winners: Vec<u16>,
    },
    /// `max`/`min` of one series chose its element `index`.
    Element {
        /// The function.
        func: Func,
        /// Span of the series argument.
        arg: Span,
        /// Which element, from 0.
        index: usize,
        /// The table whose rows the series runs over, if any.
        rows: Option<TableId>,
        /// The deciding value.
        value: Value,
    },
    /// A rounding function turned `from` into `to`.
    Rounded {
        /// The function.
        func: Func,
        /// Span of the call.
        call: Span,
        /// Value before.
        from: Value,
        /// Value after.
        to: Value,
    },
    /// `pick` chose rows of `table`: one, or one per element of a series.
    Picked {
        /// The table.
        table: TableId,
        /// Span of the call.
        call: Span,
        /// The chosen rows, in element order.
        rows: Rc<[u32]>,
        /// For one row: rows tested before it that did not match.
        skipped: Vec<u32>,
    },
    /// `if` took a branch.
    Branch {
        /// Span of the `if`.
        span: Span,
        /// True when the `then` branch was taken.
        then: bool,
    },
}

/// The evaluation context.
pub(crate) struct Env<'m> {
    model: &'m Model,
    values: Vec<Result<Value, Failure>>,
    tables: Vec<Vec<Vec<Option<Value>>>>,
    /// Rows under test by the `pick` calls being evaluated.
    rows: Vec<(TableId, u32)>,
    /// How many calls that take a series whole (`min(cost)`, `sum(...)`)
    /// are being evaluated: inside them, a series over a picked table's
    /// rows is the whole series, not its element at the row under test.
    whole: u32,
    fuel: u64,
    /// When explaining, the decisions taken.
    pub(crate) trace: Option<Vec<Step>>,
    /// Inside a branch of an `if` over a series (or the right side of
    /// `and`/`or`), the elements whose value is used: an element the
    /// condition guards against (`if s > 0 then 100 / s else 0`) may fail.
    mask: Option<Rc<[bool]>>,
}

/// Evaluates a model with some inputs overridden.
pub fn evaluate(model: &Model, overrides: &Overrides) -> Evaluation {
    let mut ev = Evaluation {
        values: (0..model.defs.len()).map(|s| Err(Failure::Dependency(s as Slot))).collect(),
        tables: alloc::vec![Vec::new(); model.tables.len()],
        checks: Vec::new(),
        inputs: Vec::new(),
        diagnostics: Vec::new(),
        origins: Vec::new(),
        hints: Vec::new(),
    };
    run(model, overrides, &mut ev, None);
    ev
}

/// Brings `ev` (an evaluation of `model`) up to date after the inputs in
/// `changed` changed: only the statements that depend on them, directly or
/// not, are evaluated again. The result equals a full [`evaluate`].
pub fn reevaluate(model: &Model, overrides: &Overrides, ev: &mut Evaluation, changed: &[Slot]) {
    // The dirty set as bits: on the stack for models of up to 256
    // definitions, so re-evaluation allocates nothing for them.
    let mut small = [0u64; 4];
    let mut large = Vec::new();
    let words: &mut [u64] = if model.defs.len() <= 256 {
        &mut small
    } else {
        large.resize(model.defs.len().div_ceil(64), 0);
        &mut large
    };
    let mut dirty = Dirty(words);
    for &s in changed {
        if (s as usize) < model.defs.len() {
            dirty.set(s);
        }
    }
    run(model, overrides, ev, Some(&mut dirty));
}

/// The definitions to evaluate again, one bit each.
struct Dirty<'a>(&'a mut [u64]);

impl Dirty<'_> {
    #[inline]
    fn get(&self, s: Slot) -> bool {
        self.0[s as usize >> 6] >> (s & 63) & 1 != 0
    }

    #[inline]
    fn set(&mut self, s: Slot) {
        self.0[s as usize >> 6] |= 1 << (s & 63);
    }
}

/// Runs the statements of `model` into `ev`: all of them, or, given the
/// dirty definitions, those that depend on one (marking theirs dirty too).
fn run(model: &Model, overrides: &Overrides, ev: &mut Evaluation, mut dirty: Option<&mut Dirty<'_>>) {
    let mut env = Env::new_in(model, core::mem::take(&mut ev.values), core::mem::take(&mut ev.tables));
    let mut fresh: Vec<(usize, Diagnostic)> = Vec::new();
    // The statement whose running out of work was reported: one report each.
    let mut out_of_fuel = None;
    for (i, stmt) in model.stmts.iter().enumerate() {
        if let Some(dirty) = dirty.as_deref_mut() {
            let (slot, deps) = match stmt {
                Stmt::Section { .. } | Stmt::Broken { .. } => continue,
                Stmt::Input { slot, .. } | Stmt::Value { slot, .. } | Stmt::Table { slot, .. } => {
                    (Some(*slot), &model.defs[*slot as usize].deps)
                }
                Stmt::Check { deps, .. } => (None, deps),
            };
            let hit = slot.is_some_and(|s| dirty.get(s)) || deps.iter().any(|&d| dirty.get(d));
            if !hit {
                continue;
            }
            if let Some(s) = slot {
                dirty.set(s);
            }
        }
        // Once the work is spent, each statement still gets a little, so
        // that a line that asks for next to nothing (`z = 7`) is not hidden
        // by a heavy one above it; the little is bounded by the lines.
        if env.fuel == 0 {
            env.fuel = crate::limits::FUEL_AFTER;
        }
        let mut report = |f: &Failure| {
            if let Failure::Error(d) = f {
                if d.kind == ErrorKind::OutOfFuel {
                    if out_of_fuel == Some(i) {
                        return;
                    }
                    out_of_fuel = Some(i);
                }
                fresh.push((i, (**d).clone()));
            }
        };
        match stmt {
            Stmt::Section { .. } | Stmt::Broken { .. } => {}
            Stmt::Input { slot, default, range, .. } => {
                let r = env.input(*slot, default, range.as_ref(), overrides.get(*slot));
                let at = ev.inputs.partition_point(|s| s.slot < *slot);
                let present = ev.inputs.get(at).is_some_and(|s| s.slot == *slot);
                match r {
                    Ok(state) => {
                        env.values[*slot as usize] = Ok(Value::Num(state.value));
                        if present {
                            ev.inputs[at] = state;
                        } else {
                            ev.inputs.insert(at, state);
                        }
                    }
                    Err(f) => {
                        report(&f);
                        env.values[*slot as usize] = Err(f);
                        if present {
                            ev.inputs.remove(at);
                        }
                    }
                }
            }
            Stmt::Value { slot, expr } => {
                let r = env.eval(expr);
                if let Err(f) = &r {
                    report(f);
                }
                env.values[*slot as usize] = r;
            }
            Stmt::Table { slot, table } => {
                let errors = env.table(*table);
                for f in &errors {
                    report(f);
                }
                env.values[*slot as usize] = match errors.is_empty() {
                    true => Ok(Value::Empty),
                    false => Err(Failure::Dependency(*slot)),
                };
            }
            // Its line's error is reported by the parser.
            Stmt::Check { broken: true, .. } => {}
            Stmt::Check { expr, warn, crit, .. } => {
                let r = env.check(i, expr, warn.as_ref(), crit.as_ref());
                let at = ev.checks.partition_point(|c| c.stmt < i);
                let present = ev.checks.get(at).is_some_and(|c| c.stmt == i);
                match r {
                    Ok(c) if present => ev.checks[at] = c,
                    Ok(c) => ev.checks.insert(at, c),
                    Err(f) => {
                        report(&f);
                        if present {
                            ev.checks.remove(at);
                        }
                    }
                }
            }
        }
    }
    ev.values = env.values;
    ev.tables = env.tables;
    ev.hints = display_hints(model, &ev.values);
    // Diagnostics of the statements that ran replace their old ones, in
    // statement order.
    match dirty {
        None => {
            ev.origins = fresh.iter().map(|(i, _)| *i).collect();
            ev.diagnostics = fresh.into_iter().map(|(_, d)| d).collect();
        }
        Some(dirty) => {
            let reran = |i: usize| match &model.stmts[i] {
                Stmt::Input { slot, .. } | Stmt::Value { slot, .. } | Stmt::Table { slot, .. } => dirty.get(*slot),
                Stmt::Check { deps, .. } => deps.iter().any(|&d| dirty.get(d)),
                Stmt::Section { .. } | Stmt::Broken { .. } => false,
            };
            let mut all: Vec<(usize, Diagnostic)> = core::mem::take(&mut ev.origins)
                .into_iter()
                .zip(core::mem::take(&mut ev.diagnostics))
                .filter(|(i, _)| !reran(*i))
                .collect();
            all.extend(fresh);
            crate::sort_by_key(&mut all, |(i, _)| *i);
            ev.origins = all.iter().map(|(i, _)| *i).collect();
            ev.diagnostics = all.into_iter().map(|(_, d)| d).collect();
        }
    }
}

/// The value of a constant expression (no names), for unit definitions.
pub fn constant(expr: &Expr) -> Option<Quantity> {
    let model = Model::empty();
    let mut env = Env::new(&model);
    match env.eval(expr) {
        Ok(Value::Num(q)) => Some(q),
        _ => None,
    }
}

impl<'m> Env<'m> {
    pub(crate) fn new(model: &'m Model) -> Env<'m> {
        let values = (0..model.defs.len()).map(|s| Err(Failure::Dependency(s as Slot))).collect();
        Env::new_in(model, values, alloc::vec![Vec::new(); model.tables.len()])
    }

    /// An environment over existing values and tables.
    fn new_in(model: &'m Model, values: Vec<Result<Value, Failure>>, tables: Vec<Vec<Vec<Option<Value>>>>) -> Env<'m> {
        Env { model, values, tables, rows: Vec::new(), whole: 0, fuel: FUEL, trace: None, mask: None }
    }

    /// An environment holding an evaluation's values, for explanations.
    pub(crate) fn with_values(model: &'m Model, ev: &Evaluation) -> Env<'m> {
        let mut env = Env::new(model);
        env.values = ev.values.clone();
        env.tables = ev.tables.clone();
        env
    }

    fn units(&self) -> &UnitTable {
        &self.model.units
    }

    fn burn(&mut self, cost: u64, span: Span) -> EResult<()> {
        if self.fuel < cost {
            self.fuel = 0;
            return Err(fail(
                ErrorKind::OutOfFuel,
                span,
                "evaluation stopped here: the model asks for more work than one evaluation may do",
            ));
        }
        self.fuel -= cost;
        Ok(())
    }

    fn input(
        &mut self,
        slot: Slot,
        default: &Expr,
        range: Option<&InputRange>,
        given: Option<Quantity>,
    ) -> EResult<InputState> {
        let def_q = self.number(default)?;
        let range = match range {
            Some(r) => {
                let lo = self.number(&r.min)?;
                let hi = self.number(&r.max)?;
                for (q, e) in [(lo, &r.min), (hi, &r.max)] {
                    if q.dim() != def_q.dim() {
                        let units = self.units();
                        let mut d = Diagnostic::new(
                            ErrorKind::DimensionMismatch,
                            e.span,
                            format!(
                                "the range must have the default's unit: the default is {}, this bound is {}",
                                describe_dim(def_q.dim(), units),
                                describe_dim(q.dim(), units)
                            ),
                        )
                        .with_secondary(default.span, describe_dim(def_q.dim(), units));
                        let written = self.model.defs[slot as usize].fixed.as_ref().filter(|f| f.dim == def_q.dim());
                        if let (Some(f), false) = (written, q.dim().is_none()) {
                            // `[$1 .. $100]` beside `$25/month`: each bound as
                            // written, per what the default is per (`$1/month`;
                            // `100 B/row` beside `1.2 KiB/row`, not `100 KiB/row`).
                            let per = f.text.find('/').map_or("", |i| &f.text[i..]);
                            let src = self.model.source();
                            let number = |e: &Expr| match &e.kind {
                                ExprKind::Number(Literal { value, unit: Some(u), .. }) => value.value() / u.factor,
                                _ => 1.0,
                            };
                            let bound = |e: &Expr| match per.is_empty() || f.money {
                                false => [e.span.text(src).trim(), per].concat(),
                                true => f.format_value(number(e), 15).replace(',', "_"),
                            };
                            d = d.with_help(format!(
                                "write the bounds in its unit: `[{} .. {}]`",
                                bound(&r.min),
                                bound(&r.max)
                            ));
                        } else if q.dim().is_none() {
                            d = d.with_help(
                                "a bound without a unit takes the unit the default is written in; this default \
                                 does not write one alone, so write the unit on each bound",
                            );
                        }
                        return Err(fail_with(d));
                    }
                }
                if lo.value() > hi.value() {
                    return Err(fail(ErrorKind::BadInput, r.span, "the range's lower bound is above its upper bound"));
                }
                // Within float noise of a bound is on it, as for a value set
                // (a link's `0.0833333333 h` on a range from 5 min).
                let below = def_q.value() < lo.value() && !approx_eq(def_q.value(), lo.value());
                let above = def_q.value() > hi.value() && !approx_eq(def_q.value(), hi.value());
                if below || above {
                    // Say how the bounds were read: without a unit they take
                    // the default's, so `70% [0.3 .. 0.95]` is 0.3% .. 0.95%.
                    let percent = matches!(default.kind, ExprKind::Number(Literal { percent: true, .. }));
                    let hint = DisplayHint { percent, ..Default::default() };
                    let show = |q: Quantity| crate::format::auto(q, &hint, self.units());
                    let mut d = Diagnostic::new(
                        ErrorKind::BadInput,
                        default.span,
                        format!(
                            "the default value {} lies outside the input's range, {} .. {}",
                            show(def_q),
                            show(lo),
                            show(hi)
                        ),
                    )
                    .with_secondary(r.span, "the range");
                    // `70% [0.3 .. 0.95]`: fractions read as percentages.
                    if percent && hi.value() <= 0.01 {
                        d = d.with_help("bounds without a unit are percentages here, as the default is: write `[30 .. 95]` or `[30% .. 95%]`");
                    }
                    return Err(fail_with(d));
                }
                Some((lo, hi))
            }
            None => None,
        };
        let value = given.filter(|q| q.dim() == def_q.dim()).unwrap_or(def_q);
        Ok(InputState { slot, value, default: def_q, range })
    }

    fn table(&mut self, t: TableId) -> Vec<Failure> {
        let model = self.model;
        let def = &model.tables[t as usize];
        let mut errors = Vec::new();
        let mut rows = Vec::with_capacity(def.rows.len());
        for row in &def.rows {
            let mut cells = Vec::with_capacity(row.cells.len());
            for cell in &row.cells {
                cells.push(match cell {
                    None => None,
                    Some(e) => match self.eval(e) {
                        Ok(v) => Some(v),
                        Err(f) => {
                            errors.push(f);
                            None
                        }
                    },
                });
            }
            rows.push(cells);
        }
        // An `unlimited` cell is in its column's unit: the first number's.
        for c in 0..rows.iter().map(Vec::len).max().unwrap_or(0) {
            let column = rows.iter().filter_map(|r| r.get(c)?.as_ref());
            let dim = column.clone().find_map(|v| match v {
                Value::Num(q) if q.value() != 0.0 => Some(q.dim()),
                _ => None,
            });
            for v in rows.iter_mut().filter_map(|r| r.get_mut(c)?.as_mut()) {
                if let Value::Unlimited(d @ None) = v {
                    *d = dim;
                }
            }
        }
        self.tables[t as usize] = rows;
        errors
    }

    fn check(&mut self, stmt: usize, expr: &Expr, warn: Option<&Expr>, crit: Option<&Expr>) -> EResult<CheckResult> {
        let v = self.eval(expr)?;
        let w = warn.map(|e| self.number(e).map(|q| (q, e.span))).transpose()?;
        let c = crit.map(|e| self.number(e).map(|q| (q, e.span))).transpose()?;
        let truth = |b: &[bool]| -> (Status, Option<usize>) {
            match b.iter().position(|x| !x) {
                Some(i) => (Status::Fail, Some(i)),
                None => (Status::Pass, None),
            }
        };
        let thresholds = w.is_some() || c.is_some();
        let (xs, dim): (&[f64], Dim) = match &v {
            Value::Bool(b) if !thresholds => return Ok(CheckResult::truth(stmt, truth(&[*b]).0, None)),
            Value::Bools(b) if !thresholds => {
                let (status, at) = truth(b);
                return Ok(CheckResult::truth(stmt, status, at));
            }
            Value::Bool(_) | Value::Bools(_) => {
                return Err(fail(
                    ErrorKind::BadCheck,
                    expr.span,
                    "a truth check takes no thresholds: it passes or fails",
                ))
            }
            Value::Num(q) => (core::slice::from_ref(q.value_ref()), q.dim()),
            Value::Series(s) => (&s.values, s.dim),
            // A runway that is never reached (or an unlimited bound) is past
            // every threshold: fine when lower is worse, critical otherwise.
            Value::Never(d) if thresholds => (&BEYOND[..], *d),
            Value::Unlimited(_) if thresholds => (&BEYOND[..], w.or(c).map_or(Dim::NONE, |t| t.0.dim())),
            other => {
                return Err(fail(
                    ErrorKind::BadCheck,
                    expr.span,
                    format!(
                        "a check needs a ratio, a quantity with thresholds, or a truth value, not {}",
                        other.kind_name()
                    ),
                ))
            }
        };
        if !thresholds {
            return Err(fail_with(
                Diagnostic::new(
                    ErrorKind::BadCheck,
                    expr.span,
                    "a utilization check needs `warn` and `crit` thresholds",
                )
                .with_help("add `warn 70% crit 85%`, or write a comparison such as `latency <= 200 ms`"),
            ));
        }
        // Thresholds are in the checked value's unit: ratios for a ratio,
        // `warn 200 ms crit 500 ms` for a latency.
        for (q, span) in w.iter().chain(c.iter()) {
            if q.dim() != dim {
                let units = self.units();
                let mut d = Diagnostic::new(
                    ErrorKind::BadCheck,
                    *span,
                    format!(
                        "the threshold is {}, but the value checked is {}",
                        describe_dim(q.dim(), units),
                        describe_dim(dim, units)
                    ),
                )
                .with_secondary(expr.span, describe_dim(dim, units));
                d = if q.dim().is_none() {
                    d.with_help(
                        "give the thresholds the value's unit, or check a ratio: `used / limit warn 70% crit 85%`",
                    )
                } else {
                    d.with_help("write the thresholds in the checked value's unit")
                };
                return Err(fail_with(d));
            }
        }
        let (w, c) = (w.map(|t| t.0.value()), c.map(|t| t.0.value()));
        let mut worst: Option<(Status, f64, usize)> = None;
        // An empty cell's element has nothing to grade.
        for (i, &x) in xs.iter().enumerate().filter(|(_, x)| !x.is_nan()) {
            let st = grade(x, w, c);
            let worse = match worst {
                None => true,
                Some((ws, wx, _)) => st > ws || (st == ws && descending(w, c) == (x < wx) && x != wx),
            };
            if worse {
                worst = Some((st, x, i));
            }
        }
        let Some((status, x, i)) = worst else {
            let what =
                if xs.is_empty() { "this series is empty" } else { "every element of this series is an empty cell" };
            return Err(fail(ErrorKind::EmptySeries, expr.span, what));
        };
        let at = matches!(v, Value::Series(_)).then_some(i);
        let first = xs.iter().position(|&x| !x.is_nan() && grade(x, w, c) == status);
        let from = first.filter(|&f| at.is_some() && f < i && !matches!(status, Status::Ok));
        let ratio = Some(x).filter(|x| x.is_finite());
        // A series' +∞ is an `unlimited` element.
        let beyond =
            ratio.is_none().then_some(if matches!(v, Value::Never(_)) { Beyond::Never } else { Beyond::Unlimited });
        Ok(CheckResult { stmt, status, ratio, warn: w, crit: c, at, from, dim, beyond })
    }

    /// Evaluates an expression that must give a single number.
    fn number(&mut self, e: &Expr) -> EResult<Quantity> {
        match self.eval(e)? {
            Value::Num(q) => Ok(q),
            other => Err(fail(
                ErrorKind::TypeMismatch,
                e.span,
                format!("expected a number here, found {}", other.kind_name()),
            )),
        }
    }

    /// Evaluates an expression.
    pub(crate) fn eval(&mut self, e: &Expr) -> EResult<Value> {
        self.burn(1, e.span)?;
        match &e.kind {
            ExprKind::Number(l) => Ok(Value::Num(l.value)),
            ExprKind::Text(t) => Ok(Value::Text(t.clone())),
            ExprKind::Bool(b) => Ok(Value::Bool(*b)),
            ExprKind::Unlimited => Ok(Value::Unlimited(None)),
            ExprKind::Name(slot) => match &self.values[*slot as usize] {
                Ok(v) => self.at_picked_row(*slot, v.clone(), e.span),
                Err(Failure::Error(_)) => Err(Failure::Dependency(*slot)),
                Err(f) => Err(f.clone()),
            },
            ExprKind::Table(_) => Err(fail_with(
                Diagnostic::new(ErrorKind::TypeMismatch, e.span, "a table is not a value by itself")
                    .with_help("choose a row with `pick(TABLE, condition)`, or take a column with `TABLE.column`"),
            )),
            ExprKind::Column(t, c) => self.column(*t, *c, e.span),
            ExprKind::Broken(slot) => Err(Failure::Dependency(*slot)),
            ExprKind::Neg(x) => {
                let v = self.eval(x)?;
                self.neg(v, x.span)
            }
            // `(1 - p) ^ n` and `1 - (1 - p) ^ n` with a tiny p (an
            // unrecoverable read error per bit, over 10^14 bits): 1 - 1e-14
            // rounds to the doubles near 1, which moves p by 0.08% and the
            // result, over 6.7e14 bits, by half a percent; and `1 - x` of an
            // x that near 1 keeps float noise. exp(n log1p(-p)) and
            // -expm1(n log1p(-p)) keep p as written, also through a name.
            ExprKind::Binary(BinOp::Pow, a, n) if self.near_one(a).is_some() => match self.log_power(a, n)? {
                Some(l) => Ok(Value::Num(num(libm::exp(l), Dim::NONE, e.span)?)),
                None => {
                    let va = self.eval(a)?;
                    self.apply_binary(BinOp::Pow, va, a, n, e.span)
                }
            },
            ExprKind::Binary(BinOp::Sub, one, b) if one.is_plain(1.0) => {
                if let ExprKind::Binary(BinOp::Pow, a, n) = &b.kind {
                    if let Some(l) = self.log_power(a, n)? {
                        return Ok(Value::Num(num(-libm::expm1(l), Dim::NONE, e.span)?));
                    }
                }
                // `1 - exp(-x)`, the chance of at least one event, keeps a
                // tiny x (a birthday bound of 1e-19) as -expm1(-x).
                if let ExprKind::Call(Func::Exp, args) = &b.kind {
                    if let [arg] = &args[..] {
                        self.burn(1, b.span)?;
                        let x = self.eval(arg)?;
                        match &x {
                            Value::Num(x) if x.dim().is_none() && x.value() < 700.0 => {
                                return Ok(Value::Num(num(-libm::expm1(x.value()), Dim::NONE, e.span)?));
                            }
                            Value::Series(s)
                                if s.dim.is_none() && s.values.iter().all(|x| x.is_finite() && *x < 700.0) =>
                            {
                                self.burn(s.values.len() as u64, e.span)?;
                                let values = s.values.iter().map(|&x| -libm::expm1(x)).collect();
                                return Ok(Value::Series(Series { values, dim: Dim::NONE }));
                            }
                            // Else as written, the argument not evaluated again.
                            _ => {
                                let vb = self.map(Func::Exp, &x, arg)?;
                                let va = self.eval(one)?;
                                return self.combine(BinOp::Sub, va, vb, one, b, e.span);
                            }
                        }
                    }
                }
                let va = self.eval(one)?;
                self.apply_binary(BinOp::Sub, va, one, b, e.span)
            }
            ExprKind::Binary(op, a, b) if !matches!(a.kind, ExprKind::Binary(..)) => {
                let va = self.eval(a)?;
                self.apply_binary(*op, va, a, b, e.span)
            }
            ExprKind::Binary(..) => {
                // `a + b + c + ...` nests to the left, a level per term: walk
                // down that side in a loop rather than recursing per term (a
                // power is evaluated whole, for `(1 - p) ^ n`).
                let mut spine = Vec::new();
                let mut left = e;
                while let ExprKind::Binary(op, a, _) = &left.kind {
                    if *op == BinOp::Pow && self.near_one(a).is_some() {
                        break;
                    }
                    spine.push(left);
                    left = a;
                }
                let mut v = self.eval(left)?;
                for node in spine.iter().rev() {
                    let ExprKind::Binary(op, a, b) = &node.kind else { continue };
                    v = self.apply_binary(*op, v, a, b, node.span)?;
                }
                Ok(v)
            }
            ExprKind::Compare(op, a, b) => {
                let va = self.eval(a)?;
                let vb = self.eval(b)?;
                self.compare(*op, va, vb, a, b)
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                let is_and = matches!(e.kind, ExprKind::And(..));
                let va = self.eval(a)?;
                if let Value::Bool(x) = va {
                    // Short-circuit: `false and ...` is false whatever follows,
                    // but a unit error there is an error of the model.
                    if x != is_and {
                        self.aside(b)?;
                        return Ok(Value::Bool(x));
                    }
                }
                // Over a series, `b` matters only where `a` leaves it open.
                let open = match &va {
                    Value::Bools(xs) => Some(xs.iter().map(|&x| x == is_and).collect()),
                    _ => None,
                };
                let vb = self.masked(open, b);
                self.logic(is_and, va, vb?, a, b)
            }
            // A missing element meets neither a comparison nor its
            // opposite, so `not` asks a comparison the other way round
            // rather than turning its `false` into `true`.
            ExprKind::Not(x) => match &x.kind {
                ExprKind::Compare(op, a, b) => {
                    let va = self.eval(a)?;
                    let vb = self.eval(b)?;
                    self.compare(op.negated(), va, vb, a, b)
                }
                ExprKind::Not(inner) if matches!(inner.kind, ExprKind::Compare(..)) => self.eval(inner),
                _ => self.not(x, e.span),
            },
            ExprKind::If(c, a, b) => self.if_expr(e.span, c, a, b),
            ExprKind::Range(a, b) => self.range(a, b, e.span),
            ExprKind::Call(f, args) => self.call(*f, args, e.span),
            ExprKind::Pick(t, cond) => self.pick(*t, cond, e.span),
            ExprKind::Field(obj, name, span) => self.field(obj, name, *span),
            ExprKind::Convert(x, unit) => {
                let v = self.eval(x)?;
                let dim = match &v {
                    Value::Num(q) => q.dim(),
                    Value::Series(s) => s.dim,
                    Value::Never(d) | Value::Unlimited(Some(d)) => *d,
                    Value::Unlimited(None) => return Ok(v),
                    other => return Err(self.type_error("only numbers can be converted to a unit", other, x.span)),
                };
                if dim != unit.dim {
                    return Err(fail_with(
                        Diagnostic::new(
                            ErrorKind::DimensionMismatch,
                            unit.span,
                            format!(
                                "cannot show {} in `{}`, which is {}",
                                describe_dim(dim, self.units()),
                                unit_text(unit),
                                describe_dim(unit.dim, self.units())
                            ),
                        )
                        .with_secondary(x.span, describe_dim(dim, self.units())),
                    ));
                }
                Ok(v)
            }
        }
    }

    /// Whether `e` is a `0` written in the model, here or in the cell a
    /// column name reads inside `pick`, that stands for a zero of unit `to`
    /// (see [`zero_literal`]).
    fn written_zero(&self, e: &Expr, to: Dim) -> bool {
        let zero = match &e.kind {
            ExprKind::Column(t, c) => self
                .rows
                .iter()
                .rev()
                .find(|(rt, _)| rt == t)
                .and_then(|&(_, r)| zero_cell(&self.model.tables[*t as usize], r, *c as usize)),
            _ => zero_literal(e),
        };
        zero.is_some_and(|d| zero_fits(d, to))
    }

    fn column(&mut self, t: TableId, c: u32, span: Span) -> EResult<Value> {
        let Some(&(_, r)) = self.rows.iter().rev().find(|(rt, _)| *rt == t) else {
            return Err(fail(ErrorKind::TypeMismatch, span, "a column name is only a value inside `pick`"));
        };
        self.cell(t, r, c as usize)
    }

    fn cell(&self, t: TableId, r: u32, c: usize) -> EResult<Value> {
        let table = &self.model.tables[t as usize];
        let row = &table.rows[r as usize];
        match self.tables[t as usize].get(r as usize).and_then(|cells| cells.get(c)) {
            Some(Some(v)) => Ok(v.clone()),
            _ if row.cells.get(c).is_some_and(Option::is_none) => Ok(Value::Empty),
            _ => Err(Failure::Dependency(table.slot)),
        }
    }

    fn neg(&mut self, v: Value, span: Span) -> EResult<Value> {
        match v {
            Value::Num(q) => Ok(Value::Num(num(-q.value(), q.dim(), span)?)),
            Value::Series(s) => {
                self.burn(s.values.len() as u64, span)?;
                Ok(Value::Series(Series { values: s.values.iter().map(|x| -x).collect(), dim: s.dim }))
            }
            other => Err(self.type_error("`-` needs a number", &other, span)),
        }
    }

    fn binary(&mut self, op: BinOp, va: Value, vb: Value, span: Span, a: &Expr, b: &Expr) -> EResult<Value> {
        match (&va, &vb) {
            (Value::Num(x), Value::Num(y)) => Ok(Value::Num(self.scalar(op, *x, *y, span, a, b)?)),
            (Value::Never(d), Value::Num(q)) | (Value::Num(q), Value::Never(d)) => {
                let (x, y) = if matches!(va, Value::Never(_)) { (one(*d), *q) } else { (*q, one(*d)) };
                let r = self.scalar(op, x, y, span, a, b)?;
                // A share of a time that never comes is none of it: `6
                // month / runway` is 0 when the runway never ends.
                if op == BinOp::Div && matches!(vb, Value::Never(_)) {
                    return Ok(Value::Num(num(0.0, r.dim(), span)?));
                }
                Ok(Value::Never(r.dim()))
            }
            (Value::Never(d1), Value::Never(d2)) => {
                let r = self.scalar(op, one(*d1), one(*d2), span, a, b)?;
                Ok(Value::Never(r.dim()))
            }
            (Value::Num(_), Value::Unlimited(_)) if op == BinOp::Div => Err(fail(
                ErrorKind::TypeMismatch,
                b.span,
                "cannot divide by `unlimited`: there is no limit to be a share of",
            )),
            (Value::Unlimited(_), Value::Num(_) | Value::Never(_) | Value::Unlimited(_))
            | (Value::Num(_) | Value::Never(_), Value::Unlimited(_)) => {
                // Units are checked as for numbers, where both are known
                // (`unlimited` from a column of sizes plus a time is an
                // error, whichever row a `pick` found).
                let side = |v: &Value| match v {
                    Value::Num(q) => Some(*q),
                    Value::Never(d) | Value::Unlimited(Some(d)) => Some(one(*d)),
                    _ => None,
                };
                match (side(&va), side(&vb)) {
                    (Some(x), Some(y)) => Ok(Value::Unlimited(Some(self.scalar(op, x, y, span, a, b)?.dim()))),
                    // A sum is in the unit of its known side.
                    (x, y) if matches!(op, BinOp::Add | BinOp::Sub) => Ok(Value::Unlimited(x.or(y).map(|q| q.dim()))),
                    _ => Ok(Value::Unlimited(None)),
                }
            }
            (Value::Series(_) | Value::Num(_), Value::Series(_) | Value::Num(_)) => {
                let (xs, dx) = self.broadcastable(&va);
                let (ys, dy) = self.broadcastable(&vb);
                let n = self.common_len(&va, &vb, a, b)?;
                self.burn(n as u64, span)?;
                // The dimension (and its errors) once. Only a power's
                // exponent decides it; a zero divisor is an element's error.
                let y0 = if op == BinOp::Pow { one_or(dy, ys.first().copied()) } else { one(dy) };
                let dim = self.scalar(op, one(dx), y0, span, a, b)?.dim();
                let mut out = Vec::with_capacity(n);
                for i in 0..n {
                    let (x, y) = (pick_elem(xs, i), pick_elem(ys, i));
                    let v = match (Quantity::new(x, dx), Quantity::new(y, dy)) {
                        (Some(x), Some(y)) => self.scalar(op, x, y, span, a, b).and_then(|q| {
                            // `(2 s) ^ (1 .. 3)` would be s, s^2, s^3: a
                            // series holds one unit.
                            if op == BinOp::Pow && q.dim() != dim {
                                return Err(fail(
                                    ErrorKind::NeedsPlainNumber,
                                    b.span,
                                    "a quantity with a unit raised to a series of powers would have a unit per element; a series has one",
                                ));
                            }
                            Ok(q.value())
                        }),
                        // An empty cell's element stays missing.
                        _ if x.is_nan() || y.is_nan() => Ok(f64::NAN),
                        // An `unlimited` element (+∞) stays unlimited, and a
                        // number over it is 0; what has no value is an error.
                        _ => match unlimited_arith(op, x, y) {
                            v if v.is_nan() => Err(fail(ErrorKind::NotFinite, span, "`unlimited` has no value here")),
                            v => Ok(v),
                        },
                    };
                    out.push(self.element(v, n, i)?);
                }
                Ok(Value::Series(Series { values: out.into(), dim }))
            }
            _ => {
                let verb = match op {
                    BinOp::Add => "add",
                    BinOp::Sub => "subtract",
                    BinOp::Mul => "multiply",
                    BinOp::Div => "divide",
                    BinOp::Pow => "raise",
                };
                let bad = if matches!(va, Value::Num(_) | Value::Series(_) | Value::Never(_)) {
                    (&vb, b.span)
                } else {
                    (&va, a.span)
                };
                Err(fail_with(
                    Diagnostic::new(
                        ErrorKind::TypeMismatch,
                        bad.1,
                        format!("cannot {verb} {}: arithmetic needs numbers", bad.0.kind_name()),
                    )
                    .with_label(String::from(bad.0.kind_name())),
                ))
            }
        }
    }

    /// The elements and dimension of a number or numeric series.
    fn broadcastable<'v>(&self, v: &'v Value) -> (&'v [f64], Dim) {
        match v {
            Value::Series(s) => (&s.values, s.dim),
            Value::Num(q) => (core::slice::from_ref(q.value_ref()), q.dim()),
            _ => (&[], Dim::NONE),
        }
    }

    /// The length of an element-wise operation: scalars broadcast, two
    /// series must agree.
    fn common_len(&self, va: &Value, vb: &Value, a: &Expr, b: &Expr) -> EResult<usize> {
        match (va.series_len(), vb.series_len()) {
            (Some(x), Some(y)) if x != y => Err(fail_with(
                Diagnostic::new(
                    ErrorKind::LengthMismatch,
                    a.span,
                    format!("element-wise operations need series of one length; these have {x} and {y}"),
                )
                .with_label(format!("{x} elements"))
                .with_secondary(b.span, format!("{y} elements")),
            )),
            (Some(x), _) => Ok(x),
            (None, Some(y)) => Ok(y),
            (None, None) => Ok(1),
        }
    }

    /// `va OP b`, where `va` is the value of `a`.
    fn apply_binary(&mut self, op: BinOp, va: Value, a: &Expr, b: &Expr, span: Span) -> EResult<Value> {
        let vb = self.eval(b)?;
        self.combine(op, va, vb, a, b, span)
    }

    /// `va op vb`, the values of `a` and `b`.
    fn combine(&mut self, op: BinOp, va: Value, vb: Value, a: &Expr, b: &Expr, span: Span) -> EResult<Value> {
        // Two numbers is by far the common case: no series set-up, nothing
        // to drop.
        match (va, vb) {
            (Value::Num(x), Value::Num(y)) => Ok(Value::Num(self.scalar(op, x, y, span, a, b)?)),
            (va, vb) => self.binary(op, va, vb, span, a, b),
        }
    }

    /// Arithmetic on two quantities, with dimension checks.
    fn scalar(&mut self, op: BinOp, x: Quantity, y: Quantity, span: Span, a: &Expr, b: &Expr) -> EResult<Quantity> {
        match op {
            BinOp::Add | BinOp::Sub => {
                if x.dim() != y.dim() && !self.written_zero(a, y.dim()) && !self.written_zero(b, x.dim()) {
                    return Err(self.add_error(op, x.dim(), y.dim(), span, a, b));
                }
                let dim = if self.written_zero(a, y.dim()) { y.dim() } else { x.dim() };
                let v = if op == BinOp::Add { x.value() + y.value() } else { x.value() - y.value() };
                // What is left when equal amounts cancel is rounding error
                // (0.1 + 0.2 - 0.3 is 5.55e-17), not a value.
                let v = if v.abs() <= 1e-14 * x.value().abs().max(y.value().abs()) { 0.0 } else { v };
                num(v, dim, span)
            }
            BinOp::Mul => {
                let dim = if y.dim().is_none() {
                    x.dim()
                } else if x.dim().is_none() {
                    y.dim()
                } else {
                    x.dim().times(y.dim()).ok_or_else(|| exponent_overflow(span))?
                };
                num(x.value() * y.value(), dim, span)
            }
            BinOp::Div => {
                if y.value() == 0.0 {
                    return Err(fail_with(
                        Diagnostic::new(ErrorKind::DivisionByZero, b.span, "division by zero")
                            .with_label("this is zero"),
                    ));
                }
                let dim = if y.dim().is_none() {
                    x.dim()
                } else {
                    x.dim().per(y.dim()).ok_or_else(|| exponent_overflow(span))?
                };
                num(x.value() / y.value(), dim, span)
            }
            BinOp::Pow => {
                if !y.dim().is_none() {
                    let mut d = Diagnostic::new(
                        ErrorKind::NeedsPlainNumber,
                        b.span,
                        format!("an exponent must be a plain number, not {}", describe_dim(y.dim(), self.units())),
                    );
                    // `2^10 B`: the unit binds to the exponent.
                    if let ExprKind::Number(Literal { unit: Some(u), .. }) = &b.kind {
                        let src = self.model.source();
                        let text = |span: Span| span.text(src).trim();
                        let (base, n, unit) = (text(a.span), text(Span::new(b.span.start, u.span.start)), text(u.span));
                        d = d.with_help(format!(
                            "a unit binds tighter than `^`, so this is `{base}^({n} {unit})`: write `{base}^{n} * 1 {unit}`"
                        ));
                    }
                    return Err(fail_with(d));
                }
                let p = y.value();
                let dim = if x.dim().is_none() {
                    Dim::NONE
                } else {
                    let twice = p * 2.0;
                    let whole = libm::round(twice);
                    if (twice - whole).abs() > 1e-9 || whole.abs() > 64.0 {
                        return Err(fail_with(
                            Diagnostic::new(
                                ErrorKind::NeedsPlainNumber,
                                b.span,
                                "a quantity with a unit can only be raised to a whole power",
                            )
                            .with_secondary(a.span, describe_dim(x.dim(), self.units())),
                        ));
                    }
                    let d = if whole as i64 % 2 == 0 {
                        x.dim().powi(whole as i32 / 2)
                    } else {
                        x.dim().root(2).and_then(|r| r.powi(whole as i32))
                    };
                    d.ok_or_else(|| {
                        fail(ErrorKind::NeedsPlainNumber, span, "this power leaves the unit with a fractional exponent")
                    })?
                };
                let v = libm::pow(x.value(), p);
                if v.is_nan() {
                    return Err(fail(
                        ErrorKind::NotFinite,
                        span,
                        "a negative number to a fractional power is not a real number",
                    ));
                }
                num(v, dim, span)
            }
        }
    }

    #[cold]
    fn add_error(&self, op: BinOp, dx: Dim, dy: Dim, span: Span, a: &Expr, b: &Expr) -> Failure {
        let verb = if op == BinOp::Add { "add" } else { "subtract" };
        let units = self.units();
        // A percentage next to a quantity: the model must say what it means.
        // Also one scaled by a number (`growth * 2`).
        fn pct(e: &Expr, model: &Model) -> bool {
            match &e.kind {
                ExprKind::Binary(BinOp::Mul, x, y) => pct(x, model) || pct(y, model),
                ExprKind::Binary(BinOp::Div, x, _) | ExprKind::Neg(x) => pct(x, model),
                _ => crate::parser::is_percent(e, &model.defs, &model.tables),
            }
        }
        let pct = |e: &Expr| pct(e, self.model);
        if dy.is_none() && !dx.is_none() && pct(b) {
            let sign = if op == BinOp::Add { "+" } else { "-" };
            let joined = if op == BinOp::Add { "to" } else { "from" };
            return fail_with(
                Diagnostic::new(
                    ErrorKind::PercentOfQuantity,
                    span,
                    format!("cannot {verb} a percentage {joined} {}", describe_dim(dx, units)),
                )
                .with_label(String::from("ambiguous"))
                .with_secondary(a.span, describe_dim(dx, units))
                .with_secondary(b.span, "a percentage")
                .with_help(format!("to grow it by that much, write `A * (1 {sign} B)` (A and B as written)")),
            );
        }
        if dx.is_none() && !dy.is_none() && pct(a) {
            return fail_with(
                Diagnostic::new(
                    ErrorKind::PercentOfQuantity,
                    span,
                    format!(
                        "cannot {verb} {} {} a percentage",
                        describe_dim(dy, units),
                        if op == BinOp::Add { "to" } else { "from" }
                    ),
                )
                .with_label(String::from("ambiguous"))
                .with_secondary(a.span, "a percentage")
                .with_secondary(b.span, describe_dim(dy, units))
                .with_help("to take a percentage of it, multiply: `B * A`"),
            );
        }
        self.dim_error(&format!("cannot {verb}"), dx, a, dy, b)
    }

    #[cold]
    fn dim_error(&self, what: &str, dx: Dim, a: &Expr, dy: Dim, b: &Expr) -> Failure {
        let (sx, sy) = (a.span, b.span);
        let units = self.units();
        let mut d = Diagnostic::new(
            ErrorKind::DimensionMismatch,
            sx.to(sy),
            format!("{what} {} and {}", describe_dim(dx, units), describe_dim(dy, units)),
        )
        .with_label(String::from("different units"))
        .with_secondary(sx, describe_dim(dx, units))
        .with_secondary(sy, describe_dim(dy, units));
        let with_unit = |e: &Expr| matches!(&e.kind, ExprKind::Number(l) if l.unit.is_some());
        let dash = self.model.source().get(sx.end as usize..sy.start as usize) == Some("-");
        if what == "cannot subtract" && dash && a.plain_number().is_some() && with_unit(b) {
            // `50-100MB` in a document's table is a range, not a difference.
            let range = &self.model.source()[sx.start as usize..sy.end as usize];
            d = d.with_help(format!(
                "`{range}` reads as a subtraction: for a range, give its ends as two values (a low and a high column or input), or write the value to plan for"
            ));
        } else if let Some(growth) = [a, b].into_iter().find(|e| {
            (dx.is_none() || dy.is_none())
                && crate::parser::is_percent(e, &self.model.defs, &self.model.tables)
                && e.plain_number().is_none()
                && Dim::NONE.per(Dim::base(SECOND)) == Some(if dx.is_none() { dy } else { dx })
        }) {
            // `(1 + growth) ^ month` with growth per month.
            let g = growth.span.text(self.model.source());
            // Its period as shown (`%/year`), else a month.
            let period = match &growth.kind {
                ExprKind::Name(s) => {
                    self.model.defs[*s as usize].fixed.as_ref().and_then(|f| f.text.strip_prefix("%/"))
                }
                _ => None,
            };
            let period = period.filter(|p| units.lookup(p).is_some()).unwrap_or("month");
            d = d.with_help(format!(
                "`{g}` is a growth per a time: take it over one period, `(1 + {g} * 1 {period})`, or grow with `compound(start, {g}, {period}s)`"
            ));
        } else if let Some((amount, rate)) = {
            // Not a plain number beside a rate: that wants a unit (below).
            let per_time = |d: Dim| d.per(Dim::base(SECOND)).filter(|r| !d.is_none() && r.exp(SECOND) < 0);
            match (per_time(dx) == Some(dy), per_time(dy) == Some(dx)) {
                (true, _) => Some((a, b)),
                (_, true) => Some((b, a)),
                _ => None,
            }
        } {
            // `$62 + $10/month`: an amount beside an amount per a time.
            let src = self.model.source();
            let (amount, rate) = (amount.span.text(src).trim(), rate.span.text(src).trim());
            d = d.with_help(format!(
                "`{amount}` is an amount and `{rate}` an amount per a time: give the first a period too (written per month, say), or take the second over one (`{rate} * 1 month`)"
            ));
        } else if let Some((n, dim)) = match (dx.is_none(), dy.is_none()) {
            (true, _) => a.plain_number().map(|n| (n, dy)),
            (_, true) => b.plain_number().map(|n| (n, dx)),
            _ => None,
        } {
            // An example in the other side's unit: `5 s` beside a time,
            // with the number written there. A plain value that is no
            // written number (a ratio) gets no example: a unit is not its fix.
            let n = crate::format::plain(n, 15);
            let base = units.base_unit_string(dim);
            // The unit the other side is written or shown in (`0.1 GB`
            // beside `x = 40 GB`), when it says.
            let other = if dx.is_none() { b } else { a };
            let written = match &other.kind {
                ExprKind::Number(Literal { unit: Some(u), .. }) if u.dim == dim => Some(u.display.clone()),
                ExprKind::Name(s) => self.model.defs[*s as usize].fixed.clone().filter(|f| f.dim == dim),
                _ => None,
            };
            let bytes = match &other.kind {
                ExprKind::Name(s) => self.model.defs[*s as usize].hint.bytes.map(|id| units.symbol(id)),
                _ => None,
            };
            let example = match (written, base.as_str()) {
                (Some(f), _) if f.money => format!("${n}{}", f.text),
                (Some(f), _) if !f.percent && !f.text.starts_with('/') => format!("{n} {}", f.text),
                // A count per a time (`12/month`): `100/month`.
                (Some(f), _) if !f.percent => format!("{n}{}", f.text),
                (_, b) if b.starts_with("1/") => format!("{n}{}", &b[1..]),
                (_, "B") => {
                    format!("{n} {}", bytes.filter(|b| units.lookup(b).is_some_and(|u| u.dim == dim)).unwrap_or("MB"))
                }
                (_, "USD") => format!("${n}"),
                _ => format!("{n} {base}"),
            };
            d = d.with_help(format!("give the plain number a unit, e.g. `{example}` rather than `{n}`"));
        }
        fail_with(d)
    }

    fn compare(&mut self, op: CmpOp, va: Value, vb: Value, a: &Expr, b: &Expr) -> EResult<Value> {
        // A picked row shows as its name, and compares with text as it
        // (`tier == "Pro"`).
        let texty = |v: &Value| matches!(v, Value::Text(_) | Value::Texts(_));
        let (va, vb) = match (texty(&va), texty(&vb)) {
            (false, true) => (self.row_names(va), vb),
            (true, false) => (va, self.row_names(vb)),
            _ => (va, vb),
        };
        let span = a.span.to(b.span);
        let cmp = |x: f64, y: f64| -> bool {
            // A missing element (an empty cell) meets no condition.
            if x.is_nan() || y.is_nan() {
                return false;
            }
            let eq = approx_eq(x, y);
            match op {
                CmpOp::Eq => eq,
                CmpOp::Ne => !eq,
                CmpOp::Lt => x < y && !eq,
                CmpOp::Le => x < y || eq,
                CmpOp::Gt => x > y && !eq,
                CmpOp::Ge => x > y || eq,
            }
        };
        let ord = |o: core::cmp::Ordering| -> bool {
            use core::cmp::Ordering::*;
            match op {
                CmpOp::Eq => o == Equal,
                CmpOp::Ne => o != Equal,
                CmpOp::Lt => o == Less,
                CmpOp::Le => o != Greater,
                CmpOp::Gt => o == Greater,
                CmpOp::Ge => o != Less,
            }
        };
        match (&va, &vb) {
            (Value::Num(x), Value::Num(y)) => {
                if x.dim() != y.dim() && !self.written_zero(a, y.dim()) && !self.written_zero(b, x.dim()) {
                    return Err(self.dim_error("cannot compare", x.dim(), a, y.dim(), b));
                }
                Ok(Value::Bool(cmp(x.value(), y.value())))
            }
            (Value::Never(d), Value::Num(q)) | (Value::Num(q), Value::Never(d)) => {
                // A written `0` is a zero of any unit, also beside `never`.
                let never_first = matches!(va, Value::Never(_));
                let num = if never_first { b } else { a };
                if *d != q.dim() && !d.is_none() && !self.written_zero(num, *d) {
                    let (da, db) = if never_first { (*d, q.dim()) } else { (q.dim(), *d) };
                    return Err(self.dim_error("cannot compare", da, a, db, b));
                }
                // Never comes after every number.
                let o = if matches!(va, Value::Never(_)) {
                    core::cmp::Ordering::Greater
                } else {
                    core::cmp::Ordering::Less
                };
                Ok(Value::Bool(ord(o)))
            }
            (Value::Never(_), Value::Never(_)) => Ok(Value::Bool(ord(core::cmp::Ordering::Equal))),
            // `unlimited` is beyond every number of its unit (of any, where
            // its unit is not known).
            (Value::Unlimited(_), Value::Num(_) | Value::Never(_) | Value::Unlimited(_) | Value::Series(_))
            | (Value::Num(_) | Value::Never(_) | Value::Series(_), Value::Unlimited(_)) => {
                let (da, db) = (numeric_dim(&va), numeric_dim(&vb));
                if let (Some(x), Some(y)) = (da, db) {
                    if x != y && !self.written_zero(a, y) && !self.written_zero(b, x) {
                        return Err(self.dim_error("cannot compare", x, a, y, b));
                    }
                }
                let o = match (&va, &vb) {
                    (Value::Unlimited(_), Value::Unlimited(_)) => core::cmp::Ordering::Equal,
                    (Value::Unlimited(_), _) => core::cmp::Ordering::Greater,
                    _ => core::cmp::Ordering::Less,
                };
                Ok(match (&va, &vb) {
                    (Value::Series(s), _) | (_, Value::Series(s)) => {
                        Value::Bools(s.values.iter().map(|_| ord(o)).collect())
                    }
                    _ => Value::Bool(ord(o)),
                })
            }
            // An empty cell meets no condition, as a series' missing element.
            (Value::Empty, Value::Series(s)) | (Value::Series(s), Value::Empty) => {
                Ok(Value::Bools(s.values.iter().map(|_| false).collect()))
            }
            (Value::Empty, Value::Num(_) | Value::Never(_) | Value::Unlimited(_) | Value::Empty | Value::Text(_))
            | (Value::Num(_) | Value::Never(_) | Value::Unlimited(_) | Value::Text(_), Value::Empty) => {
                Ok(Value::Bool(false))
            }
            (Value::Text(x), Value::Text(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                Ok(Value::Bool((x == y) == (op == CmpOp::Eq)))
            }
            (Value::Bool(x), Value::Bool(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                Ok(Value::Bool((x == y) == (op == CmpOp::Eq)))
            }
            (Value::Series(_) | Value::Num(_), Value::Series(_) | Value::Num(_)) => {
                let (xs, dx) = self.broadcastable(&va);
                let (ys, dy) = self.broadcastable(&vb);
                if dx != dy && !self.written_zero(a, dy) && !self.written_zero(b, dx) {
                    return Err(self.dim_error("cannot compare", dx, a, dy, b));
                }
                let n = self.common_len(&va, &vb, a, b)?;
                self.burn(n as u64, span)?;
                Ok(Value::Bools((0..n).map(|i| cmp(pick_elem(xs, i), pick_elem(ys, i))).collect()))
            }
            (Value::Texts(xs), Value::Text(y)) | (Value::Text(y), Value::Texts(xs))
                if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
            {
                Ok(Value::Bools(xs.iter().map(|x| (x == y) == (op == CmpOp::Eq)).collect()))
            }
            _ => {
                let bad = if matches!(va, Value::Num(_) | Value::Series(_)) { (&vb, b.span) } else { (&va, a.span) };
                let d = Diagnostic::new(
                    ErrorKind::TypeMismatch,
                    span,
                    format!("cannot compare {} with {}", va.kind_name(), vb.kind_name()),
                )
                .with_secondary(bad.1, String::from(bad.0.kind_name()));
                Err(fail_with(d))
            }
        }
    }

    /// `x` of an `e` written `1 - x` or `1 + x` (or a name defined so):
    /// the form whose powers [`Self::log_power`] works out exactly.
    fn near_one<'e>(&self, e: &'e Expr) -> Option<(BinOp, &'e Expr)>
    where
        'm: 'e,
    {
        let e = match &e.kind {
            // Only a value within a hair of 1 is looked up in its formula.
            ExprKind::Name(slot) => match &self.values[*slot as usize] {
                Ok(Value::Num(q)) if (q.value() - 1.0).abs() < 0.01 => {
                    crate::ast::formula_of(&self.model.stmts, *slot)?
                }
                _ => return None,
            },
            _ => e,
        };
        match &e.kind {
            ExprKind::Binary(op @ (BinOp::Add | BinOp::Sub), one, x) if one.is_plain(1.0) => Some((*op, &**x)),
            _ => None,
        }
    }

    /// `n log1p(±x)` for a `base` of the form `1 ± x` with a plain `x`
    /// below 1% and a plain `n`: the logarithm of `base ^ n` without the
    /// rounding of `1 ± x`. `None` for other values.
    fn log_power(&mut self, base: &Expr, n: &Expr) -> EResult<Option<f64>> {
        let Some((op, x)) = self.near_one(base) else { return Ok(None) };
        let small = match self.eval(x)? {
            Value::Num(q) if q.dim().is_none() && q.value().abs() < 0.01 => {
                if op == BinOp::Sub {
                    -q.value()
                } else {
                    q.value()
                }
            }
            _ => return Ok(None),
        };
        // The base as a whole must evaluate too (its unit errors).
        self.eval(base)?;
        match self.eval(n)? {
            Value::Num(y) if y.dim().is_none() => Ok(Some(y.value() * libm::log1p(small))),
            _ => Ok(None),
        }
    }

    /// The value `v` of name `slot` as a `pick` condition reads it: a series
    /// worked out per row of the table under test (`cost = count *
    /// types.price`) is read at that row, as a column is, so that
    /// `pick(types, cost == min(cost))` picks the cheapest row.
    fn at_picked_row(&self, slot: Slot, v: Value, span: Span) -> EResult<Value> {
        let Some(&(t, r)) = self.rows.last().filter(|_| self.whole == 0) else { return Ok(v) };
        let rows = self.model.tables[t as usize].rows.len();
        if self.model.defs[slot as usize].rows_of != Some(t) || v.series_len() != Some(rows) {
            return Ok(v);
        }
        element_of(v, r as usize, span)
    }

    /// A row as its name, rows as theirs; any other value as it is.
    fn row_names(&self, v: Value) -> Value {
        let name = |t: TableId, r: u32| self.model.tables[t as usize].rows[r as usize].name.clone();
        match v {
            Value::Row(t, r) => Value::Text(name(t, r)),
            Value::Rows(t, rs) => Value::Texts(rs.iter().map(|&r| name(t, r)).collect()),
            other => other,
        }
    }

    /// `not x` over truth values: `true` and `false` swap.
    fn not(&mut self, x: &Expr, span: Span) -> EResult<Value> {
        match self.eval(x)? {
            Value::Bool(b) => Ok(Value::Bool(!b)),
            Value::Bools(b) => {
                self.burn(b.len() as u64, span)?;
                Ok(Value::Bools(b.iter().map(|x| !x).collect()))
            }
            other => Err(self.type_error("`not` needs a truth value", &other, x.span)),
        }
    }

    fn logic(&mut self, is_and: bool, va: Value, vb: Value, a: &Expr, b: &Expr) -> EResult<Value> {
        let word = if is_and { "`and`" } else { "`or`" };
        let bools = |v: &Value, e: &Expr, me: &Self| -> EResult<(Rc<[bool]>, bool)> {
            match v {
                Value::Bool(x) => Ok((Rc::from(&[*x][..]), true)),
                Value::Bools(xs) => Ok((xs.clone(), false)),
                other => Err(me.type_error(&format!("{word} needs truth values"), other, e.span)),
            }
        };
        let (xs, xscalar) = bools(&va, a, self)?;
        let (ys, yscalar) = bools(&vb, b, self)?;
        if xscalar && yscalar {
            return Ok(Value::Bool(if is_and { xs[0] && ys[0] } else { xs[0] || ys[0] }));
        }
        let n = self.common_len(&va, &vb, a, b)?;
        self.burn(n as u64, a.span.to(b.span))?;
        let at = |s: &Rc<[bool]>, scalar: bool, i: usize| if scalar { s[0] } else { s[i] };
        Ok(Value::Bools(
            (0..n)
                .map(|i| {
                    let (x, y) = (at(&xs, xscalar, i), at(&ys, yscalar, i));
                    if is_and {
                        x && y
                    } else {
                        x || y
                    }
                })
                .collect(),
        ))
    }

    /// Evaluates `e`, a branch the result does not take, without tracing
    /// it: its value, if it has one. Its errors of values (a division by
    /// zero it guards against) do not count; its errors of units do, as
    /// they hold whatever the inputs.
    fn aside(&mut self, e: &Expr) -> EResult<Option<Value>> {
        let trace = self.trace.take();
        let v = self.eval(e);
        self.trace = trace;
        match v {
            Ok(v) => Ok(Some(v)),
            Err(Failure::Error(d)) if unit_error(d.kind) => Err(Failure::Error(d)),
            Err(_) => Ok(None),
        }
    }

    /// `e` evaluated with only the elements `open` used (within the
    /// elements the enclosing branches use).
    fn masked(&mut self, open: Option<Rc<[bool]>>, e: &Expr) -> EResult<Value> {
        let outer = self.mask.clone();
        self.mask = match (open, &outer) {
            (Some(m), Some(o)) if m.len() == o.len() => Some(m.iter().zip(o.iter()).map(|(x, y)| *x && *y).collect()),
            (Some(m), _) => Some(m),
            (None, _) => outer.clone(),
        };
        let v = self.eval(e);
        self.mask = outer;
        v
    }

    /// True when element `i` of a series of `n` is not used by the branch
    /// being evaluated.
    pub(super) fn skips(&self, n: usize, i: usize) -> bool {
        self.mask.as_ref().is_some_and(|m| m.len() == n && !m[i])
    }

    /// Element `i` of a series of `n`: its error stands unless the element
    /// is not used (then any number will do).
    pub(super) fn element(&self, v: EResult<f64>, n: usize, i: usize) -> EResult<f64> {
        match v {
            Err(_) if self.skips(n, i) => Ok(0.0),
            v => v,
        }
    }

    fn if_expr(&mut self, span: Span, c: &Expr, a: &Expr, b: &Expr) -> EResult<Value> {
        match self.eval(c)? {
            Value::Bool(t) => {
                if let Some(trace) = &mut self.trace {
                    trace.push(Step::Branch { span, then: t });
                }
                let (taken, other) = if t { (a, b) } else { (b, a) };
                let v = self.eval(taken)?;
                // The branch not taken must still agree on the unit, or the
                // model breaks when an input changes.
                let w = self.aside(other)?;
                if let (Some(dv), Some(Some(dw))) = (numeric_dim(&v), w.as_ref().map(numeric_dim)) {
                    // A plain 0 in one branch is a zero of the other's unit.
                    if self.written_zero(taken, dw) {
                        return Ok(Value::Num(num(0.0, dw, span)?));
                    }
                    if dv != dw && !self.written_zero(other, dv) {
                        return Err(self.dim_error(
                            "the branches of `if` must have one unit; found",
                            dv,
                            taken,
                            dw,
                            other,
                        ));
                    }
                }
                Ok(v)
            }
            Value::Bools(ts) => {
                let va = self.masked(Some(ts.clone()), a)?;
                let vb = self.masked(Some(ts.iter().map(|t| !t).collect()), b)?;
                let (xs, dx) = self.broadcastable(&va);
                let (ys, dy) = self.broadcastable(&vb);
                if !matches!(va, Value::Num(_) | Value::Series(_)) || !matches!(vb, Value::Num(_) | Value::Series(_)) {
                    let bad =
                        if matches!(va, Value::Num(_) | Value::Series(_)) { (&vb, b.span) } else { (&va, a.span) };
                    return Err(self.type_error("an `if` over a series chooses between numbers", bad.0, bad.1));
                }
                let (dx, dy) = match (self.written_zero(a, dy), self.written_zero(b, dx)) {
                    (true, false) => (dy, dy),
                    (false, true) => (dx, dx),
                    _ => (dx, dy),
                };
                if dx != dy {
                    return Err(self.dim_error("the branches of `if` must have one unit; found", dx, a, dy, b));
                }
                let cond = Value::Bools(ts.clone());
                let n = self.common_len(&cond, &va, c, a)?;
                self.common_len(&cond, &vb, c, b)?;
                self.burn(n as u64, span)?;
                let values = (0..n).map(|i| if ts[i] { pick_elem(xs, i) } else { pick_elem(ys, i) }).collect();
                Ok(Value::Series(Series { values, dim: dx }))
            }
            other => Err(self.type_error("the condition of `if` must be a truth value", &other, c.span)),
        }
    }

    fn range(&mut self, a: &Expr, b: &Expr, span: Span) -> EResult<Value> {
        let lo = self.number(a)?;
        let hi = self.number(b)?;
        for (q, e) in [(lo, a), (hi, b)] {
            if !q.dim().is_none() {
                return Err(fail_with(
                    Diagnostic::new(
                        ErrorKind::NeedsPlainNumber,
                        e.span,
                        format!(
                            "a range counts in steps of one, so its ends are plain numbers, not {}",
                            describe_dim(q.dim(), self.units())
                        ),
                    )
                    .with_help("multiply after: `(1 .. 12) * 1 month`"),
                ));
            }
        }
        // `80% .. 99%` counts in percents: 80%, 81%, ..., 99%.
        let percent = [a, b].iter().all(|e| crate::parser::is_percent(e, &self.model.defs, &self.model.tables));
        // In percent, without the noise of scaling (0.81 * 100 is 81.00000000000001).
        let scale = |x: f64| if percent { libm::round(x * 1e8) / 1e6 } else { x };
        let (lo, hi) = (scale(lo.value()), scale(hi.value()));
        if hi < lo {
            return Err(fail(ErrorKind::EmptySeries, span, "this range is empty: its end is below its start"));
        }
        // `0.9 .. 1.1` would be the series [0.9] alone: a range written
        // with numbers ends on a step (float noise aside, as `ceil`
        // forgives it). A computed end counts the whole steps it holds
        // (`1 .. 1 year / 1 day` is the 365 days of a year).
        let steps = hi - lo;
        let written = matches!(&b.kind, ExprKind::Number(_))
            || matches!(&b.kind, ExprKind::Neg(x) if matches!(x.kind, ExprKind::Number(_)));
        let whole = libm::fabs(steps - libm::round(steps)) <= 1e-9 * libm::fabs(hi).max(libm::fabs(lo)).max(1.0);
        let steps = if whole { libm::round(steps) } else { libm::floor(steps) };
        if !whole && written {
            let number = |x: f64| crate::format::number(x, crate::format::FIXED_DIGITS);
            return Err(fail_with(
                Diagnostic::new(
                    ErrorKind::TypeMismatch,
                    b.span,
                    format!(
                        "a range counts in steps of one from its start, and {} is no whole number of steps from {}",
                        number(hi),
                        number(lo)
                    ),
                )
                .with_help("to count in other steps, scale after: `(1 .. 10) * 0.5` is 0.5, 1, ..., 5"),
            ));
        }
        let count = steps + 1.0;
        if count > MAX_SERIES as f64 {
            return Err(fail(
                ErrorKind::SeriesTooLong,
                span,
                format!(
                    "this range has {} elements; a series may have at most {}",
                    crate::format::number(count, 6),
                    crate::format::number(MAX_SERIES as f64, 6)
                ),
            ));
        }
        let n = count as usize;
        self.burn(n as u64, span)?;
        let values = (0..n).map(|i| if percent { (lo + i as f64) / 100.0 } else { lo + i as f64 }).collect();
        Ok(Value::Series(Series { values, dim: Dim::NONE }))
    }

    fn pick(&mut self, t: TableId, cond: &Expr, span: Span) -> EResult<Value> {
        let model = self.model;
        let table = &model.tables[t as usize];
        if self.tables[t as usize].len() != table.rows.len() {
            return Err(Failure::Dependency(table.slot));
        }
        let mut scalar_hit = None;
        let mut series: Option<Vec<Option<u32>>> = None;
        let mut skipped = Vec::new();
        // The decisions inside the condition, row after row, would drown the
        // one that matters: which row was picked.
        let trace = self.trace.take();
        let tested = self.pick_rows(t, cond, span, &mut scalar_hit, &mut series, &mut skipped);
        self.trace = trace;
        tested?;
        // A bound left empty meets no condition; `unlimited` is what meets all.
        let help = match empty_cell_read(table, t, cond) {
            Some(row) => format!(
                "an empty cell meets no condition (row {row} has one); for a bound never reached write `unlimited` in it"
            ),
            None => String::from("add a last row for everything above the others, or relax the condition"),
        };
        let no_match = |what: String| {
            fail_with(
                Diagnostic::new(ErrorKind::NoMatchingRow, span, what)
                    .with_secondary(cond.span, "the condition")
                    .with_help(help.clone()),
            )
        };
        match series {
            Some(picks) => {
                let n = picks.len();
                if let Some(i) = (0..n).find(|&i| picks[i].is_none() && !self.skips(n, i)) {
                    let values = where_values(self.values_at(cond, Some(i)));
                    return Err(no_match(format!(
                        "no row of `{}` meets the condition for element {} of {n}{values}",
                        table.name,
                        i + 1
                    )));
                }
                let rows: Rc<[u32]> = picks.into_iter().map(|p| p.unwrap_or(0)).collect();
                if let Some(trace) = &mut self.trace {
                    trace.push(Step::Picked { table: t, call: span, rows: rows.clone(), skipped: Vec::new() });
                }
                Ok(Value::Rows(t, rows))
            }
            None => match scalar_hit {
                Some(r) => {
                    if let Some(trace) = &mut self.trace {
                        trace.push(Step::Picked { table: t, call: span, rows: Rc::from([r]), skipped });
                    }
                    Ok(Value::Row(t, r))
                }
                None => {
                    let values = where_values(self.values_at(cond, None));
                    Err(no_match(format!("no row of `{}` meets the condition{values}", table.name)))
                }
            },
        }
    }

    /// The names of numbers and series `e` uses, with their values (of
    /// series, element `i`): what a condition read where it failed
    /// (`projected = 2.03 TB/day`).
    fn values_at(&self, e: &Expr, i: Option<usize>) -> String {
        fn names(e: &Expr, out: &mut Vec<Slot>) {
            match e.kind {
                ExprKind::Name(s) if !out.contains(&s) => out.push(s),
                _ => e.children().into_iter().for_each(|c| names(c, out)),
            }
        }
        let mut slots = Vec::new();
        names(e, &mut slots);
        let shown: Vec<String> = slots
            .into_iter()
            .filter_map(|s| {
                let q = match (&self.values[s as usize], i) {
                    (Ok(Value::Series(series)), Some(i)) => Quantity::new(*series.values.get(i)?, series.dim)?,
                    (Ok(Value::Num(q)), _) => *q,
                    _ => return None,
                };
                // In the unit the value is shown in (`-> TB`), else a readable one.
                let def = &self.model.defs[s as usize];
                let shown = match def.fixed.as_ref().filter(|f| f.dim == q.dim()) {
                    Some(f) => f.format(q),
                    None => crate::format::auto(q, &def.hint, self.units()),
                };
                Some(format!("{} = {shown}", def.name))
            })
            .collect();
        shown.join(", ")
    }

    /// Tests the rows of table `t` against a `pick` condition, in order,
    /// until every element has its row.
    fn pick_rows(
        &mut self,
        t: TableId,
        cond: &Expr,
        span: Span,
        scalar_hit: &mut Option<u32>,
        series: &mut Option<Vec<Option<u32>>>,
        skipped: &mut Vec<u32>,
    ) -> EResult<()> {
        for r in 0..self.model.tables[t as usize].rows.len() as u32 {
            self.burn(1, span)?;
            self.rows.push((t, r));
            let v = self.eval(cond);
            self.rows.pop();
            match v? {
                Value::Bool(true) if series.is_none() => {
                    *scalar_hit = Some(r);
                    break;
                }
                Value::Bool(false) if series.is_none() => skipped.push(r),
                Value::Bools(bs) => {
                    let picks = series.get_or_insert_with(|| alloc::vec![None; bs.len()]);
                    if picks.len() != bs.len() {
                        return Err(fail(
                            ErrorKind::LengthMismatch,
                            cond.span,
                            "the condition gives series of different lengths for different rows",
                        ));
                    }
                    self.burn(bs.len() as u64, span)?;
                    for (p, &b) in picks.iter_mut().zip(bs.iter()) {
                        if p.is_none() && b {
                            *p = Some(r);
                        }
                    }
                    if picks.iter().all(Option::is_some) {
                        break;
                    }
                }
                Value::Bool(b) => {
                    // A scalar condition row among series rows: broadcast it.
                    if let Some(picks) = series {
                        for p in picks.iter_mut() {
                            if p.is_none() && b {
                                *p = Some(r);
                            }
                        }
                        if picks.iter().all(Option::is_some) {
                            break;
                        }
                    }
                }
                other => {
                    return Err(self.type_error("the condition of `pick` must be a truth value", &other, cond.span))
                }
            }
        }
        Ok(())
    }

    fn field(&mut self, obj: &Expr, name: &str, span: Span) -> EResult<Value> {
        let model = self.model;
        let column_of = |t: TableId| -> EResult<Option<usize>> {
            let table = &model.tables[t as usize];
            if name == "name" {
                return Ok((table.column("name") == Some(0)).then_some(0));
            }
            match table.column(name) {
                Some(c) => Ok(Some(c)),
                None => Err(fail(
                    ErrorKind::UnknownColumn,
                    span,
                    format!("the table `{}` has no column `{name}`", table.name),
                )),
            }
        };
        if let ExprKind::Table(t) = obj.kind {
            let col = column_of(t)?;
            // In a `pick` over this table, its column is read at the row
            // under test (`pick(types, types.ram >= 8 GB)`), and whole
            // inside a call that takes a series (`min(types.price)`).
            if let Some(&(_, r)) = self.rows.last().filter(|(pt, _)| *pt == t && self.whole == 0) {
                return self.row_field(t, r, col);
            }
            let rows: Rc<[u32]> = (0..model.tables[t as usize].rows.len() as u32).collect();
            if self.tables[t as usize].len() != rows.len() {
                return Err(Failure::Dependency(model.tables[t as usize].slot));
            }
            return self.rows_field(t, &rows, col, span);
        }
        match self.eval(obj)? {
            Value::Row(t, r) => {
                let col = column_of(t)?;
                self.row_field(t, r, col)
            }
            Value::Rows(t, rows) => {
                let col = column_of(t)?;
                self.rows_field(t, &rows, col, span)
            }
            other => Err(fail_with(
                Diagnostic::new(
                    ErrorKind::TypeMismatch,
                    span,
                    format!("`.{name}` reads a column of a table row, but this is {}", other.kind_name()),
                )
                .with_secondary(obj.span, String::from(other.kind_name()))
                .with_help("choose a row first: `tier = pick(TABLE, condition)`, then `tier.column`"),
            )),
        }
    }

    /// Column `col` of row `r` of table `t`, or its name (`None`).
    fn row_field(&mut self, t: TableId, r: u32, col: Option<usize>) -> EResult<Value> {
        match col {
            None => Ok(Value::Text(self.model.tables[t as usize].rows[r as usize].name.clone())),
            Some(c) => self.cell(t, r, c),
        }
    }

    /// A column (or the names) of several rows, as a series: numbers of one
    /// unit give a numeric series, where an `unlimited` cell is an element
    /// no number reaches (+∞) and an empty cell a missing one (NaN); a
    /// column that also holds text gives texts, for display.
    fn rows_field(&mut self, t: TableId, rows: &[u32], col: Option<usize>, span: Span) -> EResult<Value> {
        self.burn(rows.len() as u64, span)?;
        let model = self.model;
        let table = &model.tables[t as usize];
        let Some(c) = col else {
            return Ok(Value::Texts(rows.iter().map(|&r| table.rows[r as usize].name.clone()).collect()));
        };
        let cells: Vec<Value> = rows.iter().map(|&r| self.cell(t, r, c)).collect::<EResult<_>>()?;
        let mut dim = None;
        let mut numeric = true;
        // A written zero (`$0` beside `$25/month`) is a zero of the
        // column's unit.
        let column_dim = cells.iter().enumerate().find_map(|(r, v)| match v {
            Value::Num(q) if zero_cell(table, rows[r], c).is_none() => Some(q.dim()),
            _ => None,
        });
        let written_zero = |r: usize, to: Dim| zero_cell(table, rows[r], c).is_some_and(|z| zero_fits(z, to));
        for (r, v) in cells.iter().enumerate() {
            match v {
                Value::Num(q) => {
                    let d = *dim.get_or_insert(column_dim.unwrap_or(q.dim()));
                    if q.dim() != d && !written_zero(r, d) {
                        let row = &table.rows[rows[r] as usize].name;
                        return Err(fail(
                            ErrorKind::DimensionMismatch,
                            span,
                            format!(
                                "the column `{}` mixes units (row {row} is {}, the rows above it {}), so it is not one series",
                                table.columns[c].name,
                                describe_dim(q.dim(), self.units()),
                                describe_dim(d, self.units()),
                            ),
                        ));
                    }
                }
                Value::Unlimited(_) | Value::Empty => {}
                Value::Text(_) => numeric = false,
                other => return Err(self.type_error("a column series holds numbers or texts", other, span)),
            }
        }
        if numeric && dim.is_some() {
            let values = cells
                .iter()
                .map(|v| match v {
                    Value::Num(q) => q.value(),
                    Value::Empty => f64::NAN,
                    _ => f64::INFINITY,
                })
                .collect();
            return Ok(Value::Series(Series { values, dim: dim.unwrap_or(Dim::NONE) }));
        }
        let units = &model.units;
        // Numbers read in the units their cells were written in.
        let hint = crate::parser::column_hint(table, c, units);
        let texts = cells
            .iter()
            .map(|v| match v {
                Value::Num(q) => Rc::from(crate::format::auto(*q, &hint, units).as_str()),
                Value::Text(s) => s.clone(),
                Value::Unlimited(_) => Rc::from("unlimited"),
                _ => Rc::from("—"),
            })
            .collect();
        Ok(Value::Texts(texts))
    }

    #[cold]
    fn type_error(&self, what: &str, v: &Value, span: Span) -> Failure {
        fail_with(
            Diagnostic::new(ErrorKind::TypeMismatch, span, format!("{what}, but this is {}", v.kind_name()))
                .with_label(String::from(v.kind_name())),
        )
    }
}

#[cold]
fn exponent_overflow(span: Span) -> Failure {
    fail(ErrorKind::NotFinite, span, "the unit of this result has an exponent too large to represent")
}

/// The dimension of a numeric value.
fn numeric_dim(v: &Value) -> Option<Dim> {
    match v {
        Value::Num(q) => Some(q.dim()),
        Value::Series(s) => Some(s.dim),
        Value::Never(d) | Value::Unlimited(Some(d)) => Some(*d),
        _ => None,
    }
}

/// A finite quantity, or the error for a result out of range.
#[inline]
fn num(v: f64, dim: Dim, span: Span) -> EResult<Quantity> {
    match Quantity::new(v, dim) {
        Some(q) => Ok(q),
        None => Err(not_finite(v, span)),
    }
}

#[cold]
fn not_finite(v: f64, span: Span) -> Failure {
    fail(
        ErrorKind::NotFinite,
        span,
        if v.is_nan() { "this result is not a real number" } else { "this result is too large to represent" },
    )
}

fn one(dim: Dim) -> Quantity {
    Quantity::new(1.0, dim).unwrap_or(Quantity::ZERO)
}

fn one_or(dim: Dim, v: Option<f64>) -> Quantity {
    Quantity::new(v.unwrap_or(1.0), dim).unwrap_or_else(|| one(dim))
}

fn pick_elem(xs: &[f64], i: usize) -> f64 {
    if xs.len() == 1 {
        xs[0]
    } else {
        xs[i]
    }
}

/// The unit of a `0` written in the model (`0`, `$0`, `0 GB`), which may
/// stand for a zero of another unit: people write `if full then 1 GB else
/// 0`, `x > 0`, or `$0` for a free plan beside `$25/month`. Only a written
/// one: a value that is 0 for some inputs keeps its unit checked.
fn zero_literal(e: &Expr) -> Option<Dim> {
    match &e.kind {
        // `0%` is a percentage: adding it to a quantity is the same error as `10%`.
        ExprKind::Number(Literal { value, percent: false, .. }) if value.value() == 0.0 => Some(value.dim()),
        _ => None,
    }
}

/// Whether a written zero of unit `zero` is a zero of unit `to`: a plain
/// one of any unit; one with a unit of the same thing over any time (`$0`
/// of `$/month`, `0 GB` of `GB/day`), never of another (`0 GB` is no time).
fn zero_fits(zero: Dim, to: Dim) -> bool {
    let timeless = |d: Dim| Dim::base(SECOND).powi(-i32::from(d.exp(SECOND))).and_then(|t| d.times(t));
    zero.is_none() || timeless(zero) == timeless(to)
}

/// `, where need = 2 TB`, or nothing when no value is named.
fn where_values(values: String) -> String {
    if values.is_empty() {
        values
    } else {
        format!(", where {values}")
    }
}

/// The name of the last row of `table` (table `t`) with an empty cell in
/// a column `cond` reads.
fn empty_cell_read(table: &TableDef, t: TableId, cond: &Expr) -> Option<Rc<str>> {
    fn columns(e: &Expr, t: TableId, out: &mut Vec<usize>) {
        match e.kind {
            ExprKind::Column(u, c) if u == t => out.push(c as usize),
            _ => e.children().into_iter().for_each(|x| columns(x, t, out)),
        }
    }
    let mut read = Vec::new();
    columns(cond, t, &mut read);
    let row = table.rows.iter().rev().find(|r| read.iter().any(|&c| r.cells.get(c).is_some_and(Option::is_none)))?;
    Some(row.name.clone())
}

/// The unit of cell `c` of row `r` when it is a written zero.
fn zero_cell(table: &TableDef, r: u32, c: usize) -> Option<Dim> {
    table.rows[r as usize].cells.get(c).and_then(|cell| cell.as_ref()).and_then(zero_literal)
}

/// An error of units, which no input value makes go away (unlike a
/// division by zero).
fn unit_error(kind: ErrorKind) -> bool {
    matches!(kind, ErrorKind::DimensionMismatch | ErrorKind::PercentOfQuantity | ErrorKind::NeedsPlainNumber)
}

/// What `never` and `unlimited` are checked as: beyond every threshold.
const BEYOND: [f64; 1] = [f64::INFINITY];

/// `==` within 1e-9 relative, so `0.1 + 0.2 == 0.3` holds; `unlimited`
/// (+∞) equals only itself.
pub fn approx_eq(x: f64, y: f64) -> bool {
    x == y || (x.is_finite() && y.is_finite() && (x - y).abs() <= 1e-9 * x.abs().max(y.abs()))
}

/// Arithmetic where an element is `unlimited` (+∞), as floats do it: it
/// stays unlimited, a number over it is 0, and what has no value is NaN.
fn unlimited_arith(op: BinOp, x: f64, y: f64) -> f64 {
    match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => x / y,
        BinOp::Pow => libm::pow(x, y),
    }
}

/// An element of a numeric series as a value: `unlimited` for +∞.
pub(crate) fn element(x: f64, dim: Dim, span: Span) -> EResult<Value> {
    if x == f64::INFINITY {
        Ok(Value::Unlimited(Some(dim)))
    } else if x.is_nan() {
        Ok(Value::Empty)
    } else {
        Ok(Value::Num(num(x, dim, span)?))
    }
}

/// Element `i` of a series of numbers, texts, truth values or rows, as a
/// value of its own (any other value as it is).
pub(crate) fn element_of(v: Value, i: usize, span: Span) -> EResult<Value> {
    Ok(match v {
        Value::Series(s) => element(s.values[i], s.dim, span)?,
        Value::Texts(x) => Value::Text(x[i].clone()),
        Value::Bools(b) => Value::Bool(b[i]),
        Value::Rows(t, x) => Value::Row(t, x[i]),
        other => other,
    })
}

/// True when the thresholds run downwards (`warn 99.5% crit 99%`: lower is
/// worse).
fn descending(w: Option<f64>, c: Option<f64>) -> bool {
    matches!((w, c), (Some(w), Some(c)) if c < w)
}

/// The status of a ratio against its thresholds.
fn grade(x: f64, w: Option<f64>, c: Option<f64>) -> Status {
    let reached = |t: f64| if descending(w, c) { x < t || approx_eq(x, t) } else { x > t || approx_eq(x, t) };
    if c.is_some_and(reached) {
        Status::Crit
    } else if w.is_some_and(reached) {
        Status::Warn
    } else {
        Status::Ok
    }
}

/// The unit text of a conversion target, for messages.
fn unit_text(u: &UnitExpr) -> String {
    if u.display.percent {
        return String::from("%");
    }
    if u.display.money {
        return format!("${}", u.display.text);
    }
    u.display.text.clone()
}

/// Human words for a dimension: "bytes", "a time", "money", "B/s".
pub fn describe_dim(dim: Dim, units: &UnitTable) -> String {
    if dim.is_none() {
        return String::from("a plain number");
    }
    if dim == Dim::base(BYTE) {
        return String::from("an amount of data (bytes)");
    }
    if dim == Dim::base(SECOND) {
        return String::from("a time");
    }
    if dim == Dim::base(MONEY) {
        return String::from("money");
    }
    let single = dim.factors().count() == 1;
    if let Some((base, 1)) = dim.factors().next().filter(|_| single) {
        if base >= FIRST_COUNT {
            return format!("a count of {}", crate::format::pluralize(units.count_name(base), 2.0));
        }
    }
    // A rate: something per unit of time (`$/month`, `MB/s`, `req/s`).
    if dim.exp(SECOND) == -1 {
        let what = match dim.times(Dim::base(SECOND)).map(|d| (d, d.factors().next())) {
            Some((d, _)) if d == Dim::base(BYTE) => Some(String::from("data")),
            Some((d, _)) if d == Dim::base(MONEY) => Some(String::from("money")),
            Some((d, Some((base, 1)))) if base >= FIRST_COUNT && d.factors().count() == 1 => {
                Some(crate::format::pluralize(units.count_name(base), 2.0))
            }
            _ => None,
        };
        // Per a time, not per second: the model may write it per month.
        if let Some(what) = what {
            return format!("{what} per unit of time");
        }
        if Dim::NONE.per(Dim::base(SECOND)) == Some(dim) {
            return String::from("a rate per unit of time");
        }
        // `$5/month/user`: money per user, per unit of time.
        if let Some(amount) = dim.times(Dim::base(SECOND)) {
            return format!("{} per unit of time", describe_dim(amount, units));
        }
    }
    // Money or data per one of a count (`$/user`, `GB/node`).
    let per_count = dim.factors().find(|&(b, e)| b >= FIRST_COUNT && e == -1);
    if let Some((base, _)) = per_count.filter(|_| dim.factors().count() == 2) {
        let amount = dim.times(Dim::base(base)).filter(|d| *d == Dim::base(MONEY) || *d == Dim::base(BYTE));
        if let Some(amount) = amount {
            let what = if amount == Dim::base(MONEY) { "money" } else { "data" };
            return format!("{what} per {}", units.count_name(base));
        }
    }
    format!("a quantity in {}", units.base_unit_string(dim))
}
