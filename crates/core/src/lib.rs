//! Headroom's core: the capacity-model language, its units, its evaluation,
//! scenario links and the preset models.
//!
//! The pipeline, stage by stage:
//!
//! 1. [`lexer`] turns each line into tokens;
//! 2. [`parser`] builds the checked syntax tree ([`ast`]), resolving names
//!    (defined above their use) and units (model units hoisted);
//! 3. [`eval`] computes a [`Value`] for every definition and a status for
//!    every check, with dimensions checked on every operation;
//! 4. [`report`] turns values into what people read (display strings in
//!    readable units, via [`format`]); [`explain`] shows the work;
//!    [`export`] writes JSON, Markdown and CSV.
//!
//! ```
//! let report = headroom_core::run("input sessions = 20\nmem = 50 MB + sessions * 5 MB", &[]);
//! assert_eq!(report.value("mem").unwrap().display.text(), "150 MB");
//! ```
//!
//! Choices the spec leaves open, made here:
//! - A statement is one line; an unclosed parenthesis breaks only its line.
//! - Unit definitions (`unit ...`) hold for the whole model wherever they
//!   stand; names must be defined above their use.
//! - After a number, a unit expression continues only with `/`
//!   (`5 MB/session`), so `5 MB * sessions` multiplies by the value.
//! - Display: an automatically chosen unit shows 3 significant digits, a
//!   fixed unit (`-> GB`, an input's own unit) and plain numbers show 6;
//!   integer digits are never rounded away; ties round away from zero.
//! - `ceil`/`floor`/`round` treat a value within 1e-9 of an integer
//!   (relative, and absolute below 1) as that integer.
//! - Comparisons all use the 1e-9 relative tolerance of `==`, so
//!   `0.1 + 0.2 >= 0.3` holds.
//! - `check ... warn A crit B` with `B < A` means lower is worse
//!   (availability, runway).
//! - `first_where` gives `never` when the condition never holds; `never`
//!   orders after every number and absorbs arithmetic.
//! - Table cells are expressions; text in a cell is quoted (`"Custom"`); an
//!   empty cell or `-` is empty. Column names are the headers in
//!   snake_case ("Max ACU" is `max_acu`).

#![cfg_attr(not(test), no_std)]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(clippy::std_instead_of_core, clippy::std_instead_of_alloc, clippy::alloc_instead_of_core)]

extern crate alloc;

pub mod ast;
pub mod chart;
pub(crate) mod decimal;
pub mod diagnostic;
pub mod doc;
pub mod eval;
pub mod explain;
pub mod export;
pub mod format;
pub mod lexer;
pub mod library;
pub mod limits;
mod names;
pub mod parser;
pub mod presets;
pub mod report;
pub mod scenario;
pub mod span;
pub mod units;
pub mod value;

use alloc::string::String;
use alloc::vec::Vec;

pub use ast::Slot;
pub use diagnostic::{Diagnostic, ErrorKind};
pub use eval::{Beyond, Evaluation, Overrides, Status};
pub use report::Report;
pub use value::{Quantity, Value};

/// A parsed model: its source, its definitions and statements, and the
/// errors found while parsing. Parse once, evaluate with any inputs.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    source: String,
    /// The units the model declares.
    pub units: units::UnitTable,
    /// Every definition (inputs, values, bare expressions, tables) by slot.
    pub defs: Vec<ast::Def>,
    /// The statements in source order.
    pub stmts: Vec<ast::Stmt>,
    /// The tables.
    pub tables: Vec<ast::TableDef>,
    /// Errors found while parsing.
    pub diagnostics: Vec<Diagnostic>,
}

impl Model {
    /// Parses a model; never fails (see [`Model::diagnostics`]).
    pub fn parse(source: &str) -> Model {
        parser::parse(source)
    }

    /// A model with nothing in it.
    pub(crate) fn empty() -> Model {
        Model {
            source: String::new(),
            units: units::UnitTable::default(),
            defs: Vec::new(),
            stmts: Vec::new(),
            tables: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The model's text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The model's title (see [`title_of`]).
    pub fn title(&self) -> Option<&str> {
        title_of(&self.source)
    }

    /// Evaluates the model with some inputs overridden.
    pub fn evaluate(&self, overrides: &Overrides) -> Evaluation {
        eval::evaluate(self, overrides)
    }

    /// Updates `ev`, an evaluation of this model, after the inputs in
    /// `changed` were set in `overrides`: only what depends on them is
    /// evaluated again.
    pub fn reevaluate(&self, overrides: &Overrides, ev: &mut Evaluation, changed: &[Slot]) {
        eval::reevaluate(self, overrides, ev, changed)
    }

    /// Check number `index` (in model order), with its place among the
    /// statements.
    pub fn check(&self, index: usize) -> Option<(usize, &ast::Stmt)> {
        self.stmts.iter().enumerate().filter(|(_, s)| matches!(s, ast::Stmt::Check { .. })).nth(index)
    }

    /// The slot of the definition called `name`.
    pub fn slot(&self, name: &str) -> Option<Slot> {
        self.defs.iter().position(|d| d.name == name && d.kind != ast::DefKind::Bare).map(|i| i as Slot)
    }

    /// The slot of the input called `name`.
    pub fn input(&self, name: &str) -> Option<Slot> {
        self.slot(name).filter(|&s| self.defs[s as usize].kind == ast::DefKind::Input)
    }

    /// The names of the inputs, in model order.
    pub fn input_names(&self) -> impl Iterator<Item = &str> {
        self.defs.iter().filter(|d| d.kind == ast::DefKind::Input && !d.broken).map(|d| d.name.as_str())
    }
}

/// Stable insertion sort. The lists sorted here are short and nearly in
/// order already, and one small routine keeps the wasm bundle lean where
/// each use of the standard sorts would add its own copy.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Parses and evaluates `source` with inputs set from text
/// (`("sessions", "40")`, `("limit", "1 GB")`), and reports the result. An
/// input value that does not fit its input becomes a diagnostic.
pub fn run(source: &str, inputs: &[(&str, &str)]) -> Report {
    let model = Model::parse(source);
    let mut overrides = Overrides::new();
    let mut problems = Vec::new();
    for (name, text) in inputs {
        match report::parse_input(&model, name, text) {
            Ok((slot, q)) => overrides.set(slot, q),
            Err(e) => problems.push(e),
        }
    }
    let ev = model.evaluate(&overrides);
    let mut report = Report::new(&model, &ev);
    report.input_errors = problems;
    report
}

/// A model text's title: its first line when that is a `#` comment or a
/// `##` heading, up to a colon (`# Web service: API, database, cost` is
/// "Web service").
pub fn title_of(source: &str) -> Option<&str> {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let first = text.lines().find(|l| !l.trim().is_empty())?.trim();
    let text = first.strip_prefix("##").or_else(|| first.strip_prefix('#')).filter(|t| !t.starts_with('#'))?.trim();
    let title = text.split(':').next().unwrap_or(text).trim().trim_end_matches('.');
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_from_the_first_comment() {
        assert_eq!(Model::parse("# Web service: API and cost\nx = 1").title(), Some("Web service"));
        assert_eq!(Model::parse("\n# Batch job.\n").title(), Some("Batch job"));
        assert_eq!(Model::parse("## Billing\nx = 1").title(), Some("Billing"));
        assert_eq!(Model::parse("### Deeper\nx = 1").title(), None);
        assert_eq!(Model::parse("x = 1 # note").title(), None);
    }

    #[test]
    fn only_the_first_unknown_names_get_a_near_name_search() {
        // Thousands of unknown names must not take minutes to report.
        let src: String = (0..1000).map(|i| format!("total_{i} = zq_{i} * 2\n")).collect();
        let report = run(&src, &[]);
        assert_eq!(report.problems.len(), 1000);
        let help = |i: usize| report.problems[i].diagnostic.help.clone();
        assert_eq!(help(0), None, "`zq_0` is near no name of the model");
        let lines: String = (0..200).map(|i| format!("x_{i} = totl\n")).collect();
        let report = run(&format!("total = 1\n{lines}"), &[]);
        assert_eq!(report.problems.len(), 200);
        assert_eq!(report.problems[0].diagnostic.help.as_deref(), Some("did you mean `total`?"));
        assert_eq!(report.problems[199].diagnostic.help, None);
    }

    #[test]
    fn a_long_sum_is_evaluated_explained_and_shared() {
        // A budget of many lines added up: every walk of the expression
        // copes with its length in a test thread's stack.
        let terms = crate::limits::MAX_CHAIN - 1;
        let sum = alloc::vec!["part"; terms].join(" + ");
        let ratio = alloc::vec!["(part / 1 MB)"; terms].join(" * ");
        let shares = alloc::vec!["0.1%"; terms].join(" + ");
        let src = format!(
            "input part = 1 MB
total = {sum}
ratio = {ratio}
shares = {shares}
check \"fits\" total / 1 GB warn 70% crit 85%
"
        );
        let report = run(&src, &[]);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.value("total").unwrap().display.text(), "999 MB");
        assert_eq!(report.value("ratio").unwrap().display.text(), "1");
        assert_eq!(report.value("shares").unwrap().display.text(), "99.9%");
        let model = Model::parse(&src);
        let ev = model.evaluate(&Overrides::new());
        let work = explain::explain(&model, &ev, model.slot("total").unwrap()).unwrap();
        assert_eq!(work.result, "999 MB");
        let link = scenario::encode(&scenario::Scenario::from_model(&model, &Overrides::new(), None));
        assert!(scenario::decode(&link).is_ok());
        // One more term is refused with a message, not a crash.
        let report = run(&format!("x = {} + 1\n", alloc::vec!["1"; terms + 1].join(" + ")), &[]);
        assert!(report.problems[0].diagnostic.message.contains("chains more than"), "{:?}", report.problems);
    }

    #[test]
    fn nested_choices_of_percentages_are_walked_once() {
        // Thirty nested `max` of shares: looking at an argument twice per
        // level would take 2^30 steps to decide that it is a percentage.
        let depth = 30;
        let src = format!("x = {}5%{}\n", "max(".repeat(depth), ", 10%)".repeat(depth));
        assert_eq!(run(&src, &[]).value("x").unwrap().display.text(), "10%");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_model() {
        assert_eq!(Model::parse("\u{feff}# Cache\nx = 1").title(), Some("Cache"));
        let report = run("\u{feff}## Sizes\nx = 1 MB\n", &[]);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.value("x").unwrap().display.text(), "1 MB");
        let report = run("\u{feff}y = nope + 1\n", &[]);
        assert_eq!((report.problems[0].line, report.problems[0].column), (1, 5));
        let src = "\u{feff}y = nope + 1\n";
        assert!(report.problems[0].diagnostic.render(src, "m.hr").contains("1 | y = nope + 1\n  |     ^^^^"));
    }
}
