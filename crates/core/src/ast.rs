//! The checked syntax tree of a model.
//!
//! The parser resolves names as it goes (a name must be defined above its
//! use), so expressions refer to definitions by [`Slot`] and to table
//! columns by index: the evaluator never looks a name up and never sees
//! source text, only this tree and its spans.

use crate::format::{DisplayHint, FixedUnit};
use crate::span::Span;
use crate::units::{Dim, UnitId};
use crate::value::{Quantity, TableId};
use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;

/// Index of a definition (input, derived value, bare expression or table)
/// in [`crate::Model::defs`].
pub type Slot = u32;

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

impl Expr {
    /// The number of a literal written without a unit or `%` (`12`).
    pub fn plain_number(&self) -> Option<f64> {
        match &self.kind {
            ExprKind::Number(l) if l.unit.is_none() && !l.percent => Some(l.value.value()),
            _ => None,
        }
    }

    /// True for the number `value` written without a unit or `%` (the `1`
    /// of `1 - p`).
    pub fn is_plain(&self, value: f64) -> bool {
        self.plain_number() == Some(value)
    }

    /// The direct sub-expressions.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::Neg(a)
            | ExprKind::Not(a)
            | ExprKind::Pick(_, a)
            | ExprKind::Field(a, ..)
            | ExprKind::Convert(a, _) => Vec::from([&**a]),
            ExprKind::Binary(_, a, b)
            | ExprKind::Compare(_, a, b)
            | ExprKind::And(a, b)
            | ExprKind::Or(a, b)
            | ExprKind::Range(a, b) => Vec::from([&**a, &**b]),
            ExprKind::If(c, a, b) => Vec::from([&**c, &**a, &**b]),
            ExprKind::Call(_, args) => args.iter().collect(),
            _ => Vec::new(),
        }
    }
}

/// Arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `^`
    Pow,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Pow => "^",
        }
    }
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==` (within 1e-9 relative)
    Eq,
    /// `!=` (beyond 1e-9 relative)
    Ne,
}

impl CmpOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
        }
    }

    /// The comparison that holds exactly where this one fails between two
    /// numbers (`<` gives `>=`).
    pub fn negated(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Ge,
            CmpOp::Le => CmpOp::Gt,
            CmpOp::Gt => CmpOp::Le,
            CmpOp::Ge => CmpOp::Lt,
            CmpOp::Eq => CmpOp::Ne,
            CmpOp::Ne => CmpOp::Eq,
        }
    }
}

/// Built-in functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    /// Round up (float noise within 1e-9 relative is ignored).
    Ceil,
    /// Round down (float noise within 1e-9 relative is ignored).
    Floor,
    /// Round to nearest, halves away from zero.
    Round,
    /// Smallest argument, or smallest element of one series.
    Min,
    /// Largest argument, or largest element of one series.
    Max,
    /// Absolute value.
    Abs,
    /// Square root.
    Sqrt,
    /// Natural logarithm.
    Ln,
    /// Base-10 logarithm.
    Log10,
    /// e to the power.
    Exp,
    /// Sum of a series.
    Sum,
    /// Mean of a series.
    Mean,
    /// First element.
    First,
    /// Last element.
    Last,
    /// Number of elements.
    Len,
    /// First element of a series where a condition holds, or never.
    FirstWhere,
    /// Product of a series.
    Product,
    /// Compound growth with churn.
    Compound,
    /// Storage with retention and compaction.
    Stored,
    /// Horizontal scaling with a buffer and spares.
    ScaleOut,
    /// When a projection reaches a limit.
    Runway,
    /// Little's law.
    InFlight,
    /// Erlang C probability of waiting.
    ErlangC,
    /// Mean queue wait (M/M/c).
    QueueWait,
    /// Servers needed for a wait target.
    ServersForWait,
    /// Universal Scalability Law.
    Usl,
}

impl Func {
    /// Every function with its name and accepted argument counts
    /// (`usize::MAX` for "any number").
    pub const ALL: &'static [(&'static str, Func, usize, usize)] = &[
        ("ceil", Func::Ceil, 1, 1),
        ("floor", Func::Floor, 1, 1),
        ("round", Func::Round, 1, 1),
        ("min", Func::Min, 1, usize::MAX),
        ("max", Func::Max, 1, usize::MAX),
        ("abs", Func::Abs, 1, 1),
        ("sqrt", Func::Sqrt, 1, 1),
        ("ln", Func::Ln, 1, 1),
        ("log10", Func::Log10, 1, 1),
        ("exp", Func::Exp, 1, 1),
        ("sum", Func::Sum, 1, 1),
        ("mean", Func::Mean, 1, 1),
        ("first", Func::First, 1, 1),
        ("last", Func::Last, 1, 1),
        ("len", Func::Len, 1, 1),
        ("first_where", Func::FirstWhere, 2, 2),
        ("product", Func::Product, 1, 1),
        ("compound", Func::Compound, 3, 4),
        ("stored", Func::Stored, 3, 4),
        ("scale_out", Func::ScaleOut, 3, 3),
        ("runway", Func::Runway, 3, 3),
        ("in_flight", Func::InFlight, 2, 2),
        ("erlang_c", Func::ErlangC, 3, 3),
        ("queue_wait", Func::QueueWait, 3, 3),
        ("servers_for_wait", Func::ServersForWait, 3, 3),
        ("usl", Func::Usl, 3, 3),
    ];

    /// The function's name.
    pub fn name(self) -> &'static str {
        Func::ALL.iter().find(|f| f.1 == self).map_or("?", |f| f.0)
    }
}

/// Kinds of expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A literal, already in base units (`5 MB` is 5e6 bytes).
    Number(Literal),
    /// A string literal.
    Text(Rc<str>),
    /// `true` or `false`.
    Bool(bool),
    /// `unlimited` (or `∞`).
    Unlimited,
    /// A reference to a definition above.
    Name(Slot),
    /// A whole table (in `pick` and `TABLE.column`).
    Table(TableId),
    /// A column of the row under test, inside a `pick` condition.
    Column(TableId, u32),
    /// `-x`
    Neg(Box<Expr>),
    /// `a op b`
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `a cmp b`
    Compare(CmpOp, Box<Expr>, Box<Expr>),
    /// `a and b`
    And(Box<Expr>, Box<Expr>),
    /// `a or b`
    Or(Box<Expr>, Box<Expr>),
    /// `not a`
    Not(Box<Expr>),
    /// `if c then a else b`
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `a .. b`
    Range(Box<Expr>, Box<Expr>),
    /// `f(args)`
    Call(Func, Vec<Expr>),
    /// `pick(TABLE, condition)`
    Pick(TableId, Box<Expr>),
    /// `row.column` or `TABLE.column`; `.name` gives the row's name.
    Field(Box<Expr>, Rc<str>, Span),
    /// `e -> UNIT`
    Convert(Box<Expr>, Box<UnitExpr>),
    /// A table cell that did not parse (its error is reported at the
    /// cell): it fails as a part of the table's definition, so reading it
    /// fails quietly while the table's other cells work.
    Broken(Slot),
}

/// A number literal with its unit applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Literal {
    /// The value in base units.
    pub value: Quantity,
    /// Written as a percentage (`20%`).
    pub percent: bool,
    /// The unit it was written with, if any.
    pub unit: Option<Box<UnitExpr>>,
}

/// A unit expression: after a number (`MB/session`) or after `->`.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitExpr {
    /// Size in base units.
    pub factor: f64,
    /// Dimension.
    pub dim: Dim,
    /// How to display values in this unit.
    pub display: FixedUnit,
    /// The units named, for display hints and conventions.
    pub ids: Vec<(UnitId, Dim)>,
    /// Where it is.
    pub span: Span,
}

/// What a definition is.
#[derive(Clone, Debug, PartialEq)]
pub enum DefKind {
    /// `input NAME = ...`
    Input,
    /// `NAME = ...`
    Derived,
    /// A line that is only an expression; its name is its source text.
    Bare,
    /// `table NAME`
    Table(TableId),
}

/// A named definition.
#[derive(Clone, Debug, PartialEq)]
pub struct Def {
    /// Its name (for a bare expression, the expression's text).
    pub name: String,
    /// What it is.
    pub kind: DefKind,
    /// The name's span (the whole expression for a bare one).
    pub span: Span,
    /// The line failed to parse; references to it evaluate to a dependency
    /// error and report nothing new.
    pub broken: bool,
    /// How to display its value when no unit is fixed: from the units of
    /// its formula and, to fill the blanks, of every name and column it
    /// uses.
    pub hint: DisplayHint,
    /// From the units of its formula and of the table columns it reads
    /// only: the evaluation adds those of the names it uses whose values
    /// keep the unit in question ([`crate::Evaluation::hint`]).
    pub own_hint: DisplayHint,
    /// The unit its statement fixed, if any.
    pub fixed: Option<FixedUnit>,
    /// The time units its formula leaves once they cancel one for one,
    /// with their exponents (`$0.10/h`: per hour; `1,000 h/month`: hours
    /// per month): a formula that uses the value counts them in (`hours *
    /// price` is per month). An amount over a window leaves none.
    pub times: Vec<(UnitId, i8)>,
    /// Its dimension, where the units its formula writes show it (`15
    /// min`, `2 * rpo`, `500 GB/day`): a rate of an amount per a long period
    /// times a plain time is an amount (`500 GB/day * rpo`).
    pub dim: Option<Dim>,
    /// Model conventions (indices of redefined built-in units) the value
    /// depends on.
    pub conventions: Vec<u16>,
    /// Definitions it refers to directly.
    pub deps: Vec<Slot>,
    /// When the value is a row (or rows) of a table, which table.
    pub row_table: Option<TableId>,
    /// When the value may be a series with an element per row of a table
    /// (it reads a whole column, `scenarios.growth`), which table: its
    /// elements are labelled by the rows' names.
    pub rows_of: Option<TableId>,
    /// When its formula is a number as written (`price =
    /// $0.00001667/GiB/s`), the size of the unit written (1 for none): shown
    /// in that unit, it keeps every digit written, as an input does.
    pub constant: Option<f64>,
}

/// The range of an input.
#[derive(Clone, Debug, PartialEq)]
pub struct InputRange {
    /// Lower bound.
    pub min: Expr,
    /// Upper bound.
    pub max: Expr,
    /// Where `[min .. max]` is.
    pub span: Span,
}

/// The formula of value `slot` among `stmts` (`x = FORMULA`; not an
/// input's default, which the user may override).
pub fn formula_of(stmts: &[Stmt], slot: Slot) -> Option<&Expr> {
    stmts.iter().find_map(|s| match s {
        Stmt::Value { slot: s, expr } if *s == slot => Some(expr),
        _ => None,
    })
}

/// The expression that gives `slot` its value: a value's formula or an
/// input's default.
pub fn definition_of(stmts: &[Stmt], slot: Slot) -> Option<&Expr> {
    stmts.iter().find_map(|s| match s {
        Stmt::Value { slot: s, expr } | Stmt::Input { slot: s, default: expr, .. } if *s == slot => Some(expr),
        _ => None,
    })
}

/// A statement of the model, in source order.
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    /// `## Title`
    Section {
        /// The heading text.
        title: String,
        /// Where it is.
        span: Span,
    },
    /// `input NAME = EXPR [MIN .. MAX] "Label"`
    Input {
        /// Its definition.
        slot: Slot,
        /// The default value.
        default: Expr,
        /// The range of the slider, when given.
        range: Option<InputRange>,
        /// The label, when given.
        label: Option<String>,
    },
    /// `NAME = EXPR` or a bare expression.
    Value {
        /// Its definition.
        slot: Slot,
        /// The formula.
        expr: Expr,
    },
    /// `check "Label" EXPR [warn A] [crit B]`
    Check {
        /// The label.
        label: String,
        /// The ratio or truth value checked.
        expr: Expr,
        /// Warning threshold.
        warn: Option<Expr>,
        /// Critical threshold.
        crit: Option<Expr>,
        /// The whole statement.
        span: Span,
        /// Definitions it refers to.
        deps: Vec<Slot>,
        /// Its line did not parse past the label: shown as an error, never
        /// evaluated (`expr` is a placeholder).
        broken: bool,
    },
    /// A definition whose line did not parse: shown as failed, never
    /// evaluated.
    Broken {
        /// Its definition.
        slot: Slot,
    },
    /// `table NAME` and its rows.
    Table {
        /// Its definition.
        slot: Slot,
        /// Which table.
        table: TableId,
    },
}

/// A column of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The name used in conditions and `.column` (the header in
    /// snake_case: "Max ACU" is `max_acu`).
    pub name: Rc<str>,
    /// The header as written.
    pub header: String,
    /// Model conventions its cells were written in.
    pub conventions: Vec<u16>,
    /// Another name it answers to: with its header's unit, when `name`
    /// leaves it out ("RAM (GB)" is `ram`, and `ram_gb`).
    pub alias: Option<Rc<str>>,
}

/// A row of a table as written.
#[derive(Clone, Debug, PartialEq)]
pub struct RowDef {
    /// The row's name: its first cell as text.
    pub name: Rc<str>,
    /// One expression per column (the first column included); `None` for an
    /// empty cell.
    pub cells: Vec<Option<Expr>>,
    /// The whole row.
    pub span: Span,
}

/// A Markdown table of the model.
#[derive(Clone, Debug, PartialEq)]
pub struct TableDef {
    /// Its name.
    pub name: String,
    /// Its definition.
    pub slot: Slot,
    /// The columns, the naming column first.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<RowDef>,
}

impl TableDef {
    /// Index of the column called `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| &*c.name == name || c.alias.as_deref() == Some(name))
    }
}
