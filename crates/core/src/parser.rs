//! Parser: model text to the checked syntax tree, resolving names and units
//! as it goes.
//!
//! ```text
//! model      = { line "\n" } ;
//! line       = blank | comment | section | unit | input | check | table
//!            | definition | expression ;
//! section    = "##" text ;
//! unit       = "unit" NAME [ "=" expr ] ;
//! input      = "input" NAME "=" expr [ "[" sum ".." sum "]" ] [ STRING ] ;
//! check      = "check" STRING expr [ "warn" sum ] [ "crit" sum ] ;
//! table      = "table" NAME "\n" row "\n" separator { "\n" row } ;
//! definition = NAME "=" expr ;
//! expr       = choice [ "->" unit_expr ] ;
//! choice     = "if" or "then" choice "else" choice | or ;
//! or         = and { "or" and } ;
//! and        = not { "and" not } ;
//! not        = "not" not | comparison ;
//! comparison = range [ ( "<" | "<=" | ">" | ">=" | "==" | "!=" ) range ] ;
//! range      = sum [ ".." sum ] ;
//! sum        = product { ( "+" | "-" ) product } ;
//! product    = unary { ( "*" | "/" ) unary } ;
//! unary      = ( "-" | "+" ) unary | power ;
//! power      = postfix [ "^" unary ] ;
//! postfix    = primary { "." NAME } ;
//! primary    = NUMBER [ "%" | unit_expr ] | "$" NUMBER [ "/" unit_expr ]
//!            | NAME "(" [ expr { "," expr } ] ")" | NAME | STRING
//!            | "true" | "false" | "(" expr ")" | choice ;
//! unit_expr  = unit_atom { "/" unit_atom }          (after a number)
//!            | "%" | unit_atom { ( "*" | "/" ) unit_atom }   (after "->")
//! unit_atom  = UNIT [ "^" [ "-" ] NUMBER ] | "$" ;
//! ```
//!
//! Lines are parsed one at a time, so an error stops only its own line.
//! Units are hoisted: every `unit` line is read first, so a redefinition
//! such as `unit month = 730 h` holds for the whole model. Names are not:
//! a name must be defined above the line that uses it.

use crate::ast::*;
use crate::diagnostic::{suggest, Diagnostic, ErrorKind};
use crate::eval;
use crate::format::{DisplayHint, FixedUnit};
use crate::lexer::{lex_into, unquote, Tok, Token};
use crate::limits::{MAX_CHAIN, MAX_DEPTH, MAX_SOURCE, MAX_SUGGESTIONS};
use crate::names::Names;
use crate::span::Span;
use crate::units::{builtin, Dim, ModelUnitKind, UnitId, UnitTable, BYTE, MONEY, SECOND};
use crate::value::{Quantity, TableId};
use crate::Model;
use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// Words that cannot name a value or a unit.
pub const KEYWORDS: &[&str] = &[
    "input",
    "unit",
    "check",
    "warn",
    "crit",
    "table",
    "if",
    "then",
    "else",
    "and",
    "or",
    "not",
    "true",
    "false",
    "unlimited",
];

/// Parses a model. Never fails: errors are collected in the model's
/// diagnostics, and lines that parsed are kept.
pub fn parse(src: &str) -> Model {
    let mut p = Parser::new(src);
    if src.len() > MAX_SOURCE {
        // The first character past the limit: a mark over megabytes of
        // pasted text would take the editor seconds to paint.
        let start = (0..=MAX_SOURCE).rev().find(|&i| src.is_char_boundary(i)).unwrap_or(0);
        let end = (start + 1..=src.len()).find(|&i| src.is_char_boundary(i)).unwrap_or(src.len());
        p.diags.push(
            Diagnostic::new(
                ErrorKind::SourceTooLarge,
                Span::new(start as u32, end as u32),
                format!("the model is {} bytes; a model may have at most {MAX_SOURCE} bytes", src.len()),
            )
            .with_help("split the model, or move data into smaller tables"),
        );
        return p.finish();
    }
    p.model();
    p.finish()
}

/// Reads a value typed for an input (`40`, `1 GB`, `25%`, `$30/month`)
/// with the model's units. A plain number takes `unit`, the input's own.
pub fn parse_quantity(text: &str, units: &UnitTable, unit: &FixedUnit) -> Result<Quantity, String> {
    let mut p = Parser::new(text);
    p.units = units.clone();
    p.start_line(0, text.len());
    let expr = p.expr().and_then(|e| {
        p.expect(Tok::Eol, "the end of the value")?;
        Ok(e)
    });
    // The first error, with its help where that names what was meant.
    let first_error = |p: &Parser| match p.diags.first() {
        Some(d) => match d.help.as_deref().filter(|h| h.starts_with("did you mean")) {
            Some(help) => [d.message.as_str(), "; ", help].concat(),
            None => d.message.clone(),
        },
        None => String::from("it is not a value"),
    };
    let expr = match expr {
        Ok(e) if !p.ctx.failed && p.diags.is_empty() => e,
        _ => return Err(first_error(&p)),
    };
    let q = eval::constant(&expr).ok_or_else(|| String::from("it must be a number, such as `40` or `1 GB`"))?;
    // Numbers without a unit anywhere (`200000`, `100000 * 2`) are in the
    // input's own unit.
    fn plain(e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Number(_) => e.plain_number().is_some(),
            _ => e.children().into_iter().all(plain),
        }
    }
    if plain(&expr) && q.dim().is_none() {
        // A percentage is read as `9.457%` is, so both forms give the same
        // float (multiplying by 0.01 can differ in the last bit).
        let v = match &expr.kind {
            ExprKind::Number(_) if unit.percent => {
                crate::decimal::hundredth(expr.span.text(text)).unwrap_or(q.value() / 100.0)
            }
            _ if unit.percent => q.value() / 100.0,
            _ => q.value() * unit.factor,
        };
        return Quantity::new(v, unit.dim).ok_or_else(|| String::from("it is too large"));
    }
    Ok(q)
}

/// The singular a count unit is declared by (`queries` is `unit query`,
/// `boxes` `unit box`, `sessions` `unit session`).
fn singular(name: &str) -> String {
    let stem = |suffix: &str| name.strip_suffix(suffix).filter(|s| !s.is_empty());
    if let Some(s) = stem("ies") {
        return format!("{s}y");
    }
    match ["sses", "xes", "ches", "shes"].iter().any(|x| stem(x).is_some()) {
        true => String::from(&name[..name.len() - 2]),
        false => String::from(stem("s").unwrap_or(name)),
    }
}

/// Help for a unit shorthand whose nearest name means something else:
/// `rps` is not `bps`, `mo` not `ms`, and `MBps` is eight times `Mbps`.
fn shorthand_help(name: &str) -> Option<String> {
    let count = match name.to_ascii_lowercase().as_str() {
        "percent" | "percents" | "pct" => {
            return Some(String::from("write a percentage with `%` after the number: `5%` is 0.05"))
        }
        "rps" => "req",
        "qps" => "query",
        "tps" => "tx",
        "ops" => "op",
        "iops" => "io",
        "pps" => "packet",
        "mps" => "msg",
        "eps" => "event",
        "mo" | "mos" | "mon" | "mth" | "mths" => return Some(String::from("did you mean `month`?")),
        // Prometheus and Go durations (`15d`, `5msec`).
        "d" => return Some(String::from("did you mean `day`? (`15d` is `15 day`)")),
        "msec" | "msecs" | "millis" => return Some(String::from("did you mean `ms`?")),
        "usec" | "usecs" | "micros" => return Some(String::from("did you mean `us`?")),
        "nsec" | "nsecs" | "nanos" => return Some(String::from("did you mean `ns`?")),
        // Power and energy are not built in; a model declares them.
        "w" | "kw" | "mw" | "gw" | "wh" | "kwh" | "mwh" | "gwh" | "twh" if name.contains('W') => {
            return Some(String::from(
                "power is not built in: declare it as a count, `unit W` and `unit kW = 1000 W`; energy is then `kW*h` (`750 kW * 8 h` is 6,000 kW·h), or `unit kWh = 1 kW*h`",
            ))
        }
        // Kubernetes quantities (`512Mi`, `2Gi`).
        "ki" | "mi" | "gi" | "ti" | "pi" | "ei" if name.starts_with(|c: char| c.is_ascii_uppercase()) => {
            let unit = alloc::format!("{}iB", name[..1].to_ascii_uppercase());
            return Some(format!("did you mean `{unit}`? (`{name}` is how Kubernetes writes `{unit}`)"));
        }
        _ => {
            if let Some(unit) = spelled_unit(name) {
                return Some(format!("did you mean `{unit}`?"));
            }
            // `Mbs`, `MBs`: an amount in plural, or a rate.
            if let Some(stem) = name.strip_suffix('s').filter(|s| s.len() > 1 && crate::units::builtin(s).is_some()) {
                let rate = match stem.strip_suffix('b') {
                    Some(prefix) => [prefix, "bps"].concat(),
                    None => [stem, "/s"].concat(),
                };
                if stem.ends_with(['b', 'B']) && (stem.ends_with('B') || crate::units::builtin(&rate).is_some()) {
                    return Some(format!("did you mean `{rate}`, a rate? For an amount, `{stem}`"));
                }
            }
            let bytes = name.strip_suffix("ps").filter(|b| b.ends_with('B') && crate::units::builtin(b).is_some())?;
            let bits = alloc::format!("{}bps", bytes.trim_end_matches('B'));
            return Some(match crate::units::builtin(&bits) {
                Some(_) => format!("did you mean `{bytes}/s`? (`{bits}` is in bits, an eighth of it)"),
                None => format!("did you mean `{bytes}/s`?"),
            });
        }
    };
    Some(format!("`{name}` is a count per second: declare the count (`unit {count}`) and write `{count}/s`"))
}

/// The one name that `name` abbreviates word by word (`db_conn` for
/// `db_connections`, `per_sess` for `per_session`), if only one does.
fn abbreviated<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let fits = |k: &&&str| {
        name.len() >= 3
            && k.len() > name.len()
            && k.split('_').count() == name.split('_').count()
            && name.split('_').zip(k.split('_')).all(|(a, b)| !a.is_empty() && b.starts_with(a))
    };
    let mut found = known.iter().filter(fits);
    match (found.next(), found.next()) {
        (Some(k), None) => Some(k),
        _ => None,
    }
}

/// The symbol of a size spelled out (`gigabytes` is `GB`, `mebibyte`
/// `MiB`, `megabits` `Mbit`).
fn spelled_unit(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let stem = lower.strip_suffix('s').unwrap_or(&lower);
    let (prefix, bits) = match stem.strip_suffix("byte") {
        Some(p) => (p, false),
        None => (stem.strip_suffix("bit")?, true),
    };
    let symbol = ["kilo", "mega", "giga", "tera", "peta", "kibi", "mebi", "gibi", "tebi", "pebi"]
        .iter()
        .zip(["k", "M", "G", "T", "P", "Ki", "Mi", "Gi", "Ti", "Pi"])
        .find(|(word, _)| **word == prefix)?
        .1;
    match bits {
        false => Some([symbol, "B"].concat()),
        true if !symbol.ends_with('i') => Some([symbol, "bit"].concat()),
        true => None,
    }
}

/// Help for a spreadsheet's or Kubernetes' suffix after a number (`10k`,
/// `1M`, `1.1x`, `500m`): none of them is a unit.
fn suffix_help(name: &str) -> Option<String> {
    let (what, written) = match name {
        "k" | "K" => ("thousands", "`10_000` or `10e3`"),
        "M" | "MM" => ("millions", "`1_000_000` or `1e6`"),
        "G" | "bn" => ("billions", "`1e9`"),
        "T" | "tn" => ("trillions", "`1e12`"),
        "x" | "X" => return Some(String::from("a factor is a plain number: drop the `x` (`1.5`, not `1.5x`)")),
        "m" => {
            return Some(String::from(
                "`m` is no unit: minutes are `min`; a Kubernetes CPU quantity such as `500m` is thousandths of a core (`0.5`)",
            ))
        }
        _ => return None,
    };
    Some(format!("`{name}` is no unit: write {what} out, as {written}"))
}

/// A source line: byte range without the newline.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

/// What the statement being parsed has learned about its value.
#[derive(Default)]
struct StmtCtx {
    /// Units written in the formula itself.
    hint: DisplayHint,
    /// Units of the names and columns it uses: they only fill what the
    /// formula's own units leave open, so `relays * $25/month` shows per
    /// month even when `relays` was computed from a rate per second.
    inherited: DisplayHint,
    /// Units of the table columns it reads.
    columns: DisplayHint,
    conventions: Vec<u16>,
    deps: Vec<Slot>,
    /// Set by resolution errors that let parsing go on (unknown name).
    failed: bool,
}

/// A failed parse of the current line; the diagnostic is already recorded.
struct Stop;

type PResult<T> = Result<T, Stop>;

struct Parser<'s> {
    src: &'s str,
    /// How many more unknown names get a "did you mean" search.
    suggestions_left: u32,
    lines: Vec<Line>,
    units: UnitTable,
    defs: Vec<Def>,
    names: Names,
    /// Every name the model defines anywhere, with the line that defines it
    /// (for "defined below" errors).
    all_names: Names,
    tables: Vec<TableDef>,
    stmts: Vec<Stmt>,
    diags: Vec<Diagnostic>,
    toks: Vec<Token>,
    pos: usize,
    ctx: StmtCtx,
    /// Tables whose columns are in scope (inside `pick` conditions).
    columns: Vec<TableId>,
    depth: usize,
    line_no: usize,
    /// The lexer reported an error on the current line.
    lex_errors: bool,
    /// Parsing the definition of a unit, where values cannot be used.
    in_unit: bool,
    /// Units whose `unit` line has an error, with its 1-based line: a use
    /// says so rather than that the unit is unknown.
    broken_units: Vec<(&'s str, usize)>,
    /// The 0-based line of each of `units.defs`: a new unit is used below
    /// its `unit` line, as a name is below its definition.
    unit_lines: Vec<usize>,
}

impl<'s> Parser<'s> {
    fn new(src: &'s str) -> Parser<'s> {
        let mut lines = Vec::new();
        // A byte-order mark (some editors write one) is not part of line 1.
        let mut start = if src.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                lines.push(Line { start, end: i });
                start = i + 1;
            }
        }
        if start < src.len() {
            lines.push(Line { start, end: src.len() });
        }
        Parser {
            src,
            suggestions_left: MAX_SUGGESTIONS,
            lines,
            units: UnitTable::default(),
            defs: Vec::new(),
            names: Names::default(),
            all_names: Names::default(),
            tables: Vec::new(),
            stmts: Vec::new(),
            diags: Vec::new(),
            toks: Vec::new(),
            pos: 0,
            ctx: StmtCtx::default(),
            columns: Vec::new(),
            depth: 0,
            line_no: 0,
            lex_errors: false,
            in_unit: false,
            broken_units: Vec::new(),
            unit_lines: Vec::new(),
        }
    }

    fn finish(self) -> Model {
        Model {
            source: self.src.to_owned(),
            units: self.units,
            defs: self.defs,
            stmts: self.stmts,
            tables: self.tables,
            diagnostics: self.diags,
        }
    }

    fn text(&self, span: Span) -> &'s str {
        span.text(self.src)
    }

    fn line_text(&self, l: Line) -> &'s str {
        &self.src[l.start..l.end]
    }

    // ---------------------------------------------------------------- lines

    fn model(&mut self) {
        self.collect_names();
        self.hoist_units();
        let mut i = 0;
        while i < self.lines.len() {
            self.line_no = i;
            let line = self.lines[i];
            let text = self.line_text(line);
            let trimmed = text.trim_start();
            let indent = text.len() - trimmed.len();
            i += 1;
            if trimmed.trim().is_empty() {
                continue;
            }
            if let Some(title) = trimmed.strip_prefix("##") {
                let title = title.trim_start_matches('#').trim();
                let s = line.start + indent;
                self.stmts.push(Stmt::Section { title: title.to_string(), span: Span::new(s as u32, line.end as u32) });
                continue;
            }
            if trimmed.starts_with('#') {
                continue;
            }
            if trimmed.starts_with('|') {
                let span = Span::new((line.start + indent) as u32, line.end as u32);
                self.diags.push(
                    Diagnostic::new(ErrorKind::BadTable, span, "a table row outside a table")
                        .with_help("name the table on the line above it: `table NAME`"),
                );
                while i < self.lines.len() && self.line_text(self.lines[i]).trim_start().starts_with('|') {
                    i += 1;
                }
                continue;
            }
            self.start_line(line.start, line.end);
            let first = self.toks[0];
            let word = if first.tok == Tok::Ident { self.text(first.span) } else { "" };
            match word {
                "unit" => {} // already read by hoist_units
                "input" => self.input_stmt(),
                "check" => self.check_stmt(),
                "table" => {
                    // A blank line between `table NAME` and its rows, as
                    // Markdown often has, still joins them.
                    let mut first_row = i;
                    while first_row < self.lines.len() && {
                        let t = self.line_text(self.lines[first_row]);
                        t.trim().is_empty() || is_comment_line(t)
                    } {
                        first_row += 1;
                    }
                    let rows_end = self.table_extent(first_row);
                    let first_row = if rows_end > first_row { first_row } else { i };
                    self.table_stmt(first_row, rows_end.max(i));
                    i = rows_end.max(i);
                }
                _ => match self.misspelt_keyword() {
                    Some(d) => self.diags.push(d),
                    None => self.value_stmt(),
                },
            }
        }
    }

    /// A line that opens with a misspelt statement word (`inptu a = 5`,
    /// `chek "x" ...`): one error that names the word meant, rather than
    /// an unknown name and a syntax error.
    fn misspelt_keyword(&self) -> Option<Diagnostic> {
        let [first, second, ..] = self.toks[..] else { return None };
        if first.tok != Tok::Ident || !matches!(second.tok, Tok::Ident | Tok::Str) {
            return None;
        }
        let word = self.text(first.span);
        let meant = suggest(word, ["input", "check", "unit", "table"])?;
        Some(
            Diagnostic::new(ErrorKind::Expected, first.span, format!("unknown statement word `{word}`"))
                .with_help(format!("did you mean `{meant}`?")),
        )
    }

    /// Notes every defined name with its line, so that a use above the
    /// definition gets a precise error.
    fn collect_names(&mut self) {
        for (no, &line) in self.lines.iter().enumerate() {
            let t = self.line_text(line).trim_start();
            let t = t.strip_prefix("input ").or_else(|| t.strip_prefix("table ")).unwrap_or(t);
            let t = t.trim_start();
            let end = t.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(t.len());
            let (name, rest) = t.split_at(end);
            let rest = rest.trim_start();
            let is_def = (rest.starts_with('=') && !rest.starts_with("=="))
                || self.line_text(line).trim_start().starts_with("table ");
            // A name refused where it is defined (`GB = 3`) defines nothing.
            if is_snake_case(name) && !KEYWORDS.contains(&name) && is_def {
                self.all_names.insert(name, no as u32);
            }
        }
    }

    /// Reads every `unit` line before anything else.
    fn hoist_units(&mut self) {
        for i in 0..self.lines.len() {
            let line = self.lines[i];
            let t = self.line_text(line).trim_start();
            if t.starts_with("unit") && t[4..].starts_with(|c: char| c.is_whitespace()) {
                self.line_no = i;
                self.start_line(line.start, line.end);
                if self.unit_stmt().is_err() {
                    if let Some(t) = self.toks.get(1).filter(|t| t.tok == Tok::Ident) {
                        let name = &self.src[t.span.start as usize..t.span.end as usize];
                        self.broken_units.push((name, i + 1));
                    }
                }
                self.unit_lines.resize(self.units.defs.len(), i);
            }
        }
        self.keep_calendar_in_step();
    }

    /// A month is a twelfth of a year: a model that redefines one of the
    /// two keeps the other in step, as a convention of its own. The cloud
    /// billing month (`unit month = 730 h`) bills a year of 8,760 h, so
    /// `$100/month` is `$1,200/year`.
    fn keep_calendar_in_step(&mut self) {
        let find = |units: &UnitTable, name: &str| {
            units.defs.iter().position(|d| d.name == name && d.kind == ModelUnitKind::Convention)
        };
        let (month, year) = (find(&self.units, "month"), find(&self.units, "year"));
        let (from, name, factor, definition) = match (month, year) {
            (Some(m), None) => {
                let d = &self.units.defs[m];
                (m, "year", d.factor * 12.0, format!("12 × {}", d.definition))
            }
            (None, Some(y)) => {
                let d = &self.units.defs[y];
                (y, "month", d.factor / 12.0, format!("{} / 12", d.definition))
            }
            _ => return,
        };
        let dim = self.units.defs[from].dim;
        self.units.declare_derived(name, factor, dim, true, definition, Vec::new());
        let line = self.unit_lines.get(from).copied().unwrap_or(0);
        self.unit_lines.resize(self.units.defs.len(), line);
    }

    /// Stops the line when the lexer already reported an error in it: a
    /// second error about the same mistake would only be noise.
    fn lexed_cleanly(&self) -> PResult<()> {
        if self.lex_errors {
            Err(Stop)
        } else {
            Ok(())
        }
    }

    /// Lexes a line (or cell) and resets the per-statement state.
    fn start_line(&mut self, start: usize, end: usize) {
        let before = self.diags.len();
        lex_into(self.src, start, end, &mut self.diags, &mut self.toks);
        self.lex_errors = self.diags.len() > before;
        self.pos = 0;
        self.ctx = StmtCtx::default();
        self.depth = 0;
    }

    // ---------------------------------------------------------- statements

    fn unit_stmt(&mut self) -> PResult<()> {
        self.bump(); // `unit`
        let name_tok = self.expect_ident("a unit name after `unit`")?;
        let name = self.text(name_tok.span);
        if KEYWORDS.contains(&name) {
            return Err(self.error(Diagnostic::new(
                ErrorKind::BadName,
                name_tok.span,
                format!("`{name}` is a keyword and cannot name a unit"),
            )));
        }
        if let Some(message) = self.units.clash(name) {
            return Err(self.error(
                Diagnostic::new(ErrorKind::Redefined, name_tok.span, message)
                    .with_help("pick another name for the unit"),
            ));
        }
        if self.at(Tok::Eol) {
            if builtin(name).is_some() {
                return Err(self.error(
                    Diagnostic::new(ErrorKind::Redefined, name_tok.span, format!("`{name}` is a built-in unit"))
                        .with_help(format!("to change its size for this model, write `unit {name} = ...`")),
                ));
            }
            if self.units.declare_count(name).is_none() {
                return Err(self.error(Diagnostic::new(
                    ErrorKind::TooManyUnits,
                    name_tok.span,
                    format!("a model may declare at most {} count units", crate::units::MAX_COUNT_UNITS),
                )));
            }
            return Ok(());
        }
        self.expect(Tok::Assign, "`=` or the end of the line after the unit name")?;
        // The built-in unit this statement redefines, if any.
        let redefined = builtin(name).map(|(_, b)| b);
        if redefined.is_some_and(|b| matches!(b.canonical, "B" | "s" | "$")) {
            // Every value is kept in bytes, seconds and dollars.
            return Err(self.error(Diagnostic::new(
                ErrorKind::BadUnitDefinition,
                name_tok.span,
                format!("`{name}` is a base unit, the one values are kept in, so it cannot be redefined"),
            )));
        }
        let first = self.pos;
        self.in_unit = true;
        let expr = self.expr();
        self.in_unit = false;
        let expr = expr?;
        self.expect(Tok::Eol, "the end of the line")?;
        let q = match eval::constant(&expr) {
            Some(q) => q,
            None => {
                return Err(self.error(
                    Diagnostic::new(
                        ErrorKind::BadUnitDefinition,
                        expr.span,
                        "a unit must be a constant quantity such as `8 h` or `730 h`",
                    )
                    .with_help("units cannot depend on inputs; define a value instead"),
                ))
            }
        };
        if q.value() <= 0.0 {
            return Err(self.error(Diagnostic::new(
                ErrorKind::BadUnitDefinition,
                expr.span,
                "a unit must be a positive quantity",
            )));
        }
        if redefined.is_some_and(|b| self.written_with(first, b.canonical)) {
            return Err(self.error(
                Diagnostic::new(
                    ErrorKind::BadUnitDefinition,
                    expr.span,
                    format!("`{name}` cannot be defined in terms of itself"),
                )
                .with_help("write its size in another unit, such as `unit month = 730 h`"),
            ));
        }
        let convention = match redefined {
            Some(b) if b.dim != q.dim() => {
                let kind = eval::describe_dim(b.dim, &self.units);
                return Err(self.error(Diagnostic::new(
                    ErrorKind::BadUnitDefinition,
                    expr.span,
                    format!("`{name}` is {kind}, so its new definition must be {kind} too"),
                )));
            }
            Some(_) => true,
            None => false,
        };
        let definition = self.text(expr.span).trim().to_string();
        // Redefining `months` means redefining `month`.
        let canonical = redefined.map_or(name, |b| b.canonical);
        // A month is a twelfth of a year, whichever of the two is redefined.
        let other = match canonical {
            "month" => Some("year"),
            "year" => Some("month"),
            _ => None,
        };
        if let Some(other) = other.filter(|o| self.units.defs.iter().any(|d| d.name == *o)) {
            return Err(self.error(
                Diagnostic::new(
                    ErrorKind::BadUnitDefinition,
                    name_tok.span,
                    format!("`{other}` is already redefined above, and a month is a twelfth of a year"),
                )
                .with_help(format!("redefine one of them: `{canonical}` follows `{other}`")),
            ));
        }
        // Nor can one be written in the other: a year of twelve months is
        // a year of years (`unit year = 12 month` changes nothing).
        if let Some(other) = other.filter(|_| redefined.is_some()) {
            if self.written_with(first, other) {
                return Err(self.error(
                    Diagnostic::new(
                        ErrorKind::BadUnitDefinition,
                        expr.span,
                        format!("`{name}` cannot be defined in terms of `{other}`: a month is a twelfth of a year"),
                    )
                    .with_help("write its size in another unit, such as `unit month = 730 h` or `unit year = 365 day`"),
                ));
            }
        }
        // Nor through a unit of the model's own that is (`unit sprint = 1
        // year / 26`, then `unit month = 2 sprint`: a year of 24 sprints).
        if redefined.is_some() && other.is_some() {
            let through = self.toks[first..self.pos].iter().find_map(|t| {
                let word = self.text(t.span);
                (t.tok == Tok::Ident && builtin(word).is_none())
                    .then(|| self.calendar_in(word, 8).map(|calendar| (word, calendar)))
                    .flatten()
            });
            if let Some((unit, calendar)) = through {
                return Err(self.error(Diagnostic::new(
                    ErrorKind::BadUnitDefinition,
                    expr.span,
                    format!(
                        "`{name}` cannot be defined with `{unit}`, which is defined with a {calendar}: a month is a twelfth of a year"
                    ),
                )
                .with_help("write its size in days, weeks or hours, such as `unit month = 730 h`")));
            }
        }
        // A unit that is more than a time keeps the times it is made of.
        let second = crate::units::SECOND;
        let mut times = Vec::new();
        if q.dim().exp(second) != 0 && q.dim().factors().any(|(b, _)| b != second) {
            let mut written = Vec::new();
            self.written_times(&expr, 1, &mut written, true);
            times = written.into_iter().filter_map(|(id, e)| Some((id, i8::try_from(e).ok()?))).collect();
        }
        self.units.declare_derived(canonical, q.value(), q.dim(), convention, definition, times);
        Ok(())
    }

    /// Whether `e` is a formula of plain numbers (`2 * 40`, `2 ^ 10`,
    /// `replicas * 8`), not one that writes a percentage (`100% - 85%` is
    /// 15% as written: under `Overhead (%)` it is no 0.15%).
    fn plain_formula(&self, e: &Expr) -> bool {
        let plain = match self.static_dim(e) {
            Some(d) => d.is_none(),
            // `2 ^ 10`, `sqrt(16)`: by their value, when they name nothing.
            None => eval::constant(e).is_some_and(|q| q.dim().is_none()),
        };
        plain && !writes_percent(e)
    }

    /// The calendar unit (`month` or `year`) that the model's own unit
    /// `name` is defined with, itself or through its own units, looking
    /// `depth` definitions deep.
    fn calendar_in(&self, name: &str, depth: u8) -> Option<&'static str> {
        let def = self.units.defs.iter().find(|d| d.name == name)?;
        // ASCII: `char::is_alphanumeric` brings Unicode tables into the bundle.
        let words = def.definition.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).filter(|w| !w.is_empty());
        for word in words {
            match builtin(word) {
                Some((_, b)) if matches!(b.canonical, "month" | "year") => return Some(b.canonical),
                Some(_) => {}
                None if depth > 0 && word != name => {
                    if let Some(found) = self.calendar_in(word, depth - 1) {
                        return Some(found);
                    }
                }
                None => {}
            }
        }
        None
    }

    /// Whether the tokens from `first` to here name the built-in unit
    /// `canonical` (`hours` names `h`).
    fn written_with(&self, first: usize, canonical: &str) -> bool {
        self.toks[first..self.pos]
            .iter()
            .any(|t| t.tok == Tok::Ident && builtin(self.text(t.span)).is_some_and(|(_, u)| u.canonical == canonical))
    }

    fn input_stmt(&mut self) {
        self.bump(); // `input`
        let Ok(name_tok) = self.expect_ident("the input's name after `input`") else {
            return;
        };
        let Some(slot) = self.define(name_tok.span, DefKind::Input) else {
            return;
        };
        let r = (|| -> PResult<()> {
            self.expect(Tok::Assign, "`=` after the input's name")?;
            self.lexed_cleanly()?;
            let default = self.expr()?;
            let mut range = None;
            let mut label = None;
            loop {
                if self.at(Tok::LBracket) && range.is_none() {
                    range = Some(self.input_range(&default)?);
                } else if self.at(Tok::Str) && label.is_none() {
                    let t = self.bump();
                    label = Some(unquote(self.text(t.span)));
                } else {
                    break;
                }
            }
            self.expect(Tok::Eol, "a range `[min .. max]`, a label \"...\" or the end of the line")?;
            if self.ctx.failed {
                return Err(Stop);
            }
            self.finish_def(slot, &default, true);
            self.stmts.push(Stmt::Input { slot, default, range, label });
            Ok(())
        })();
        if r.is_err() {
            self.defs[slot as usize].broken = true;
            self.stmts.push(Stmt::Broken { slot });
        }
        self.publish(slot);
    }

    /// `[min .. max]`; bounds written without a unit take the default's.
    fn input_range(&mut self, default: &Expr) -> PResult<InputRange> {
        let open = self.bump().span;
        let mut min = self.sum()?;
        // `[0 - 100]`, `[0-100]`: a range written with a dash.
        if let (ExprKind::Binary(BinOp::Sub, a, b), false) = (&min.kind, self.at(Tok::DotDot)) {
            let gap = Span::new(a.span.end, b.span.start);
            let at = gap.start + self.text(gap).find('-').unwrap_or(0) as u32;
            let dash = Span::new(at, at + 1);
            let (lo, hi) = (self.text(a.span).trim(), self.text(b.span).trim());
            let d = Diagnostic::new(ErrorKind::Expected, dash, "a range is written with `..` between its bounds")
                .with_help(format!("write `[{lo} .. {hi}]`"));
            return Err(self.error(d));
        }
        self.expect(Tok::DotDot, "`..` between the bounds of the range")?;
        let mut max = self.sum()?;
        let close = self.expect(Tok::RBracket, "`]` to close the range")?;
        let unit = if let Some(display) = percent_per_time(default) {
            // `5% / 1 month [0 .. 20]`: 0 to 20 percent a month.
            Some(UnitExpr { factor: display.factor, dim: display.dim, display, ids: Vec::new(), span: default.span })
        } else if is_percent(default, &self.defs, &self.tables) {
            Some(UnitExpr {
                factor: 0.01,
                dim: Dim::NONE,
                display: FixedUnit::percent(),
                ids: Vec::new(),
                span: default.span,
            })
        } else {
            default_unit(default).cloned()
        };
        if let Some(unit) = unit {
            for bound in [&mut min, &mut max] {
                apply_default_unit(bound, &unit);
            }
        }
        Ok(InputRange { min, max, span: open.to(close.span) })
    }

    fn check_stmt(&mut self) {
        let start = self.bump().span;
        let mut labelled = None;
        let parsed = (|| -> PResult<()> {
            self.lexed_cleanly()?;
            let label_tok = self.expect(Tok::Str, "the check's label in quotes after `check`")?;
            let label = unquote(self.text(label_tok.span));
            labelled = Some(label.clone());
            let expr = self.expr()?;
            let mut warn = None;
            let mut crit = None;
            loop {
                match self.peek_word() {
                    Some("warn") if warn.is_none() => {
                        self.bump();
                        warn = Some(self.sum()?);
                    }
                    Some("crit") if crit.is_none() => {
                        self.bump();
                        crit = Some(self.sum()?);
                    }
                    _ => break,
                }
            }
            let end = self.expect(Tok::Eol, "`warn`, `crit` or the end of the line")?;
            if self.ctx.failed {
                return Err(Stop);
            }
            if let Some(d) = self.forgotten_percent(&expr, &warn, &crit) {
                return Err(self.error(d));
            }
            let deps = core::mem::take(&mut self.ctx.deps);
            // A plain ratio checked against percentages reads as one
            // (`load` is 129%, as its check says, not 1.29).
            // So does one compared with a percentage (`savings >= 50%`).
            let named = match &expr.kind {
                ExprKind::Name(s) => Some((*s, percent_literal(&warn) && percent_literal(&crit))),
                ExprKind::Compare(_, a, b) => match (&a.kind, &b.kind) {
                    // Not an input: how its field reads a number stays.
                    (ExprKind::Name(s), ExprKind::Number(l)) | (ExprKind::Number(l), ExprKind::Name(s)) => {
                        Some((*s, l.percent && l.unit.is_none() && self.defs[*s as usize].kind != DefKind::Input))
                    }
                    _ => None,
                },
                _ => None,
            };
            if let Some((s, true)) = named {
                let def = &mut self.defs[s as usize];
                if def.fixed.is_none() && def.dim.is_none_or(|d| d == Dim::NONE) {
                    def.hint.percent = true;
                    def.own_hint.percent = true;
                }
            }
            self.stmts.push(Stmt::Check { label, expr, warn, crit, span: start.to(end.span), deps, broken: false });
            Ok(())
        })();
        // A check whose line has an error still shows, as an error, under
        // its label; its diagnostic says why.
        if let (Err(Stop), Some(label)) = (parsed, labelled) {
            let end = self.toks.last().map_or(start, |t| t.span);
            let expr = zero_literal(end);
            let span = start.to(end);
            self.stmts.push(Stmt::Check { label, expr, warn: None, crit: None, span, deps: Vec::new(), broken: true });
        }
    }

    /// `used / cap warn 70 crit 85`: a share of like quantities (or a name
    /// for one) against thresholds of 10 to 100, or thresholds of which
    /// only one is a percentage, is a forgotten `%`.
    fn forgotten_percent(&self, expr: &Expr, warn: &Option<Expr>, crit: &Option<Expr>) -> Option<Diagnostic> {
        // A quotient of like quantities (`(used + overhead) / cap`, `2 *
        // used / cap`), unless scaled by 100 already (`100 * used / cap`).
        fn scaled(e: &Expr) -> bool {
            matches!(&e.kind, ExprKind::Number(l) if l.unit.is_none() && !l.percent && l.value.value() == 100.0)
                || e.children().into_iter().any(scaled)
        }
        let is_share = |e: &Expr| match &e.kind {
            ExprKind::Binary(BinOp::Div, a, b) if !scaled(e) => {
                matches!((self.static_dim(a), self.static_dim(b)), (Some(x), Some(y)) if x == y && !x.is_none())
            }
            _ => false,
        };
        let named_share = |n: Slot| formula_of(&self.stmts, n).is_some_and(is_share);
        // A value written as a percentage (`input util = 90%`) is a share too.
        let written_percent = is_percent(expr, &self.defs, &self.tables);
        let share = written_percent || is_share(expr) || matches!(expr.kind, ExprKind::Name(n) if named_share(n));
        let whole_percent =
            |t: &Option<Expr>| t.as_ref().and_then(Expr::plain_number).is_some_and(|v| (10.0..=100.0).contains(&v));
        let mixed = (whole_percent(warn) && percent_literal(crit)) || (percent_literal(warn) && whole_percent(crit));
        if !((share && whole_percent(warn) && whole_percent(crit)) || mixed) {
            return None;
        }
        let (w, c) = (warn.as_ref().map_or(expr.span, |w| w.span), crit.as_ref().map_or(expr.span, |c| c.span));
        let text = |sp: Span| self.text(sp).trim_end_matches('%').trim_end().to_string();
        let help = format!("for percentages, write `warn {}% crit {}%`", text(w), text(c));
        let d = match mixed {
            true => Diagnostic::new(ErrorKind::BadCheck, w.to(c), "one threshold is a percentage, the other not"),
            false => Diagnostic::new(
                ErrorKind::BadCheck,
                w.to(c),
                match written_percent {
                    true => "these thresholds are above 10 for a percentage",
                    false => "these thresholds are above 10 for a share of one quantity in another",
                },
            )
            .with_secondary(
                expr.span,
                match written_percent {
                    true => "a percentage: 90% is 0.9",
                    false => "a share, from 0 to 1 when it fits",
                },
            ),
        };
        Some(d.with_help(help))
    }

    fn value_stmt(&mut self) {
        let first = self.toks[0];
        let is_def = first.tok == Tok::Ident && self.toks.get(1).is_some_and(|t| t.tok == Tok::Assign);
        if is_def {
            self.bump();
            self.bump();
            let Some(slot) = self.define(first.span, DefKind::Derived) else {
                return;
            };
            self.defs[slot as usize].span = first.span;
            match self.lexed_cleanly().and_then(|()| self.expr()).and_then(|e| {
                self.expect(Tok::Eol, "an operator or the end of the line")?;
                Ok(e)
            }) {
                Ok(expr) if !self.ctx.failed => {
                    self.finish_def(slot, &expr, false);
                    self.stmts.push(Stmt::Value { slot, expr });
                }
                _ => {
                    self.defs[slot as usize].broken = true;
                    self.stmts.push(Stmt::Broken { slot });
                }
            }
            self.publish(slot);
            return;
        }
        if self.lexed_cleanly().is_err() {
            return;
        }
        // A line that is only an expression shows as a result named by its
        // own text.
        let start = self.pos;
        match self.expr().and_then(|e| {
            self.expect(Tok::Eol, "an operator or the end of the line")?;
            Ok(e)
        }) {
            Ok(expr) if !self.ctx.failed => {
                let span = expr.span;
                let slot = self.defs.len() as Slot;
                self.defs.push(blank_def(self.text(span).trim().to_string(), DefKind::Bare, span));
                self.finish_def(slot, &expr, false);
                self.stmts.push(Stmt::Value { slot, expr });
            }
            Ok(_) => {}
            Err(Stop) => {
                // `name: value`, `name := value` and friends deserve a hint.
                if start == 0
                    && first.tok == Tok::Ident
                    && self.diags.last().is_some_and(|d| d.kind == ErrorKind::Expected)
                {
                    if let Some(d) = self.diags.last_mut() {
                        if d.help.is_none() {
                            d.help = Some("a definition is written `name = expression`".into());
                        }
                    }
                }
            }
        }
    }

    /// Creates the definition for a name, reporting bad or repeated names.
    fn define(&mut self, span: Span, kind: DefKind) -> Option<Slot> {
        let name = self.text(span);
        if let Some(prev) = self.names.get(name) {
            let prev_span = self.defs[prev as usize].span;
            self.diags.push(
                Diagnostic::new(ErrorKind::Redefined, span, format!("`{name}` is already defined"))
                    .with_label("defined again here")
                    .with_secondary(prev_span, "first defined here")
                    .with_help("every name is defined once; pick another name"),
            );
            return None;
        }
        if KEYWORDS.contains(&name) {
            self.diags.push(Diagnostic::new(
                ErrorKind::BadName,
                span,
                format!("`{name}` is a keyword and cannot be a name"),
            ));
            return None;
        }
        if !is_snake_case(name) {
            self.diags.push(
                Diagnostic::new(ErrorKind::BadName, span, format!("`{name}` is not a snake_case name"))
                    .with_help(format!("names are lower case with underscores: `{}`", to_snake_case(name))),
            );
            // Known all the same, so that a use below depends on this
            // line's error instead of naming an unknown name.
            let slot = self.defs.len() as Slot;
            self.defs.push(Def { broken: true, ..blank_def(name.to_string(), kind, span) });
            self.stmts.push(Stmt::Broken { slot });
            self.publish(slot);
            return None;
        }
        let slot = self.defs.len() as Slot;
        self.defs.push(blank_def(name.to_string(), kind, span));
        Some(slot)
    }

    /// Makes a definition's name usable by the lines below. Called after its
    /// own line is parsed, so that `x = x + 1` is an error, not a loop.
    fn publish(&mut self, slot: Slot) {
        let name = self.defs[slot as usize].name.clone();
        self.names.insert(&name, slot);
    }

    /// Stores what the statement learned (hint, conventions, dependencies,
    /// display unit) in its definition.
    fn finish_def(&mut self, slot: Slot, expr: &Expr, input: bool) {
        let mut ctx = core::mem::take(&mut self.ctx);
        // The period a formula's times leave once they cancel one for one.
        // Those written alone (`4000 ru/s / (100 ru/s)`) say nothing of it
        // when they all cancel: the names used decide. A usage per period in
        // a unit whose parts cancel (`h/month`, `GiB·s/month`) bills per
        // that period, whatever the price is per: `hours * $0.10/h` is per
        // month, and so is `8 h/day * $20/h * 22 day/month` per month.
        let mut written = Vec::new();
        self.written_times(expr, 1, &mut written, true);
        let mut leftover: Vec<(UnitId, i16)> = written.iter().copied().filter(|&(_, e)| e != 0).collect();
        // A time multiplied by cancels the shortest of two or more divided
        // by, a rate's own: `GB·ms/month * $/GB/s` and `Mbps * $/GB * 730
        // h/month` are per month.
        while leftover.iter().any(|&(_, e)| e > 0) && leftover.iter().filter(|&&(_, e)| e < 0).count() >= 2 {
            let Some(p) = leftover.iter().position(|&(_, e)| e > 0) else { break };
            let shortest = (0..leftover.len()).filter(|&i| leftover[i].1 < 0).min_by(|&i, &j| {
                let (a, b) = (self.units.factor(leftover[i].0), self.units.factor(leftover[j].0));
                a.partial_cmp(&b).unwrap_or(core::cmp::Ordering::Equal)
            });
            let Some(n) = shortest else { break };
            leftover[p].1 -= 1;
            leftover[n].1 += 1;
            leftover.retain(|&(_, e)| e != 0);
        }
        // A longer time times a rate per a shorter one (`10 GB/day * 1
        // month`, `200 req/s * 1 day`) is an amount: its times are spent.
        // So is a rate of an amount per a long period times a shorter plain
        // time (`500 GB/day * 15 min`); not a usage per a period (`4 vm * 8
        // h / 1 day`, `22/month * 8 h`, `8 h * 22 day/month / 1 day`).
        let factor = |id: UnitId| self.units.factor(id);
        let (mut plain, mut rates) = (Vec::new(), Vec::new());
        let ratio = self.product_times(expr, 1, &mut plain, &mut rates);
        let from_plain = |id: UnitId| plain.iter().any(|&(i, x)| i == id && x > 0);
        let amount = match leftover[..] {
            [(a, 1), (b, -1)] | [(b, -1), (a, 1)] => {
                factor(a) >= factor(b) || (from_plain(a) && rates.contains(&b) && !ratio)
            }
            _ => false,
        };
        // What the formula leaves, for the formulas that use this name.
        let times: Vec<(UnitId, i8)> = match amount {
            true => Vec::new(),
            false => leftover.iter().filter_map(|&(id, e)| Some((id, i8::try_from(e).ok()?))).collect(),
        };
        // A time the formula multiplies by, not one it divides by a rate.
        let multiplied = |id: UnitId| {
            let mut own = Vec::new();
            self.written_times(expr, 1, &mut own, false);
            own.iter().any(|&(i, e)| i == id && e > 0)
        };
        match leftover[..] {
            [] if !written.is_empty() => ctx.hint.per_time = None,
            // A rate reads per second or longer (`1 msg / 80 ms` per second).
            [(id, -1)] if factor(id) >= 1.0 => ctx.hint.per_time = Some(id),
            // Hours a day, instance-hours a month: a time per a day or longer
            // (not the ratio of two rates, `inflow / cap`).
            [(up, 1), (down, -1)] | [(down, -1), (up, 1)]
                if !amount && factor(down) >= crate::units::DAY && multiplied(up) =>
            {
                ctx.hint.per_pair = Some((up, down))
            }
            _ => {}
        }
        let mut hint = ctx.hint;
        hint.merge(&ctx.inherited);
        hint.percent = is_percent(expr, &self.defs, &self.tables);
        let mut own_hint = ctx.hint;
        own_hint.merge(&ctx.columns);
        own_hint.percent = hint.percent;
        let fixed = match &expr.kind {
            ExprKind::Convert(_, u) => Some(u.display.clone()),
            // `if c then (x -> min) else "never"`: the branch's unit.
            ExprKind::If(_, a, b) => [a, b]
                .into_iter()
                .find_map(|e| match &e.kind {
                    ExprKind::Convert(_, u) => Some(u.display.clone()),
                    _ => None,
                })
                .or_else(|| self.kept_fixed(expr)),
            // `5% / 1 month` reads `5%/month`, as written.
            _ if percent_per_time(expr).is_some() => percent_per_time(expr),
            _ if input && hint.percent => Some(FixedUnit::percent()),
            // An input reads in the unit its default is written in, also
            // when that is a formula (`2/3 * 100 ms`, `1 GB / 3`).
            _ if input => literal_unit(expr).or_else(|| default_unit(expr)).map(|u| u.display.clone()),
            // `8 h/day` is a third, but reads as written. So does a unit
            // whose parts cancel out (`5000 GiB·s/month`), and one the model
            // defines (`3 workday`, `$5/pod`, `$0.12/kW/h`).
            _ if literal_unit(expr).is_some_and(|u| u.dim.is_none() || u.display.cancels || self.names_derived(u)) => {
                literal_unit(expr).map(|u| u.display.clone())
            }
            ExprKind::Field(obj, col, _) => self.column_fixed(obj, col),
            // A time the model names, left alone by the formula, reads in
            // it: `22 workday/month * 12 month` is 264 workdays, not 2.89
            // months.
            _ if let [(id, 1)] = leftover[..]
                && self.model_time(id) =>
            {
                let unit = self.units.lookup(self.units.symbol(id));
                unit.map(|r| {
                    self.unit_from_atoms(Vec::from([(r, 1, String::from(self.units.symbol(id)))]), expr.span).display
                })
            }
            _ => self.kept_fixed(expr),
        };
        let row_table = self.row_table(expr);
        let rows_of = self.rows_of(expr);
        let dim = self.static_dim(expr);
        let def = &mut self.defs[slot as usize];
        def.hint = hint;
        def.own_hint = own_hint;
        def.fixed = fixed;
        def.times = times;
        def.dim = dim;
        def.conventions = ctx.conventions;
        def.deps = ctx.deps;
        def.row_table = row_table;
        def.rows_of = rows_of;
        // A number as written, also pinned to its own unit (`999.123456 MB
        // -> MB`) or negated (`-999.5 kB`), keeps its digits.
        let mut literal = expr;
        while let ExprKind::Convert(inner, _) | ExprKind::Neg(inner) = &literal.kind {
            literal = inner;
        }
        def.constant = match &literal.kind {
            ExprKind::Number(l) if !l.percent => Some(l.unit.as_ref().map_or(1.0, |u| u.factor)),
            _ => None,
        };
    }

    /// The table whose rows index a series-valued expression: the first
    /// whole column it reads, itself or through the names it uses.
    fn rows_of(&self, e: &Expr) -> Option<TableId> {
        match &e.kind {
            // A field of a picked row is one value, or a series by the
            // pick's own condition.
            ExprKind::Field(obj, ..) => match obj.kind {
                ExprKind::Table(t) => Some(t),
                _ => None,
            },
            ExprKind::Pick(..) => None,
            ExprKind::Name(s) => self.defs[*s as usize].rows_of,
            _ => e.children().into_iter().find_map(|c| self.rows_of(c)),
        }
    }

    /// Adds to `out` the time units `e`'s value is in, with their exponents
    /// (`sign` flips under `/`), from the units written, the names used
    /// (what their formulas left) and the table columns read. A sum, a
    /// choice or a bound (`max(0, used - free)`) is in its first operand's
    /// times; a sum of money in those of a monthly line, else of the line
    /// per the longest period.
    /// Without `divisors`, what is divided by is left out.
    fn written_times(&self, e: &Expr, sign: i16, out: &mut Vec<(UnitId, i16)>, divisors: bool) {
        let wide = |list: Vec<(UnitId, i8)>| list.into_iter().map(|(id, e)| (id, i16::from(e))).collect();
        let list: Vec<(UnitId, i16)> = match &e.kind {
            ExprKind::Number(Literal { unit: Some(u), .. }) | ExprKind::Convert(_, u) => wide(self.unit_times(u)),
            ExprKind::Name(s) => wide(self.defs[*s as usize].times.clone()),
            ExprKind::Field(obj, col, _) => wide(self.column_times(obj, col)),
            ExprKind::Neg(a) => return self.written_times(a, sign, out, divisors),
            ExprKind::Binary(BinOp::Mul, a, b) => {
                self.written_times(a, sign, out, divisors);
                return self.written_times(b, sign, out, divisors);
            }
            ExprKind::Binary(BinOp::Div, a, b) => {
                self.written_times(a, sign, out, divisors);
                // Without divisors: what the formula multiplies by alone.
                if divisors {
                    self.written_times(b, -sign, out, divisors);
                }
                return;
            }
            ExprKind::Binary(BinOp::Add | BinOp::Sub, a, b) | ExprKind::If(_, a, b) => {
                self.lead_times(&[&**a, &**b], divisors).unwrap_or_default()
            }
            ExprKind::Call(f, args) if keeps_times(*f) => {
                self.lead_times(&args.iter().collect::<Vec<&Expr>>(), divisors).unwrap_or_default()
            }
            // Growth is in its start's units: its horizon (`1 year`) is no
            // period of the result.
            ExprKind::Call(Func::Compound, args) if !args.is_empty() => {
                return self.written_times(&args[0], sign, out, divisors);
            }
            _ => Vec::new(),
        };
        for (id, e) in list {
            // Summed wider than an exponent: `s^8 * s^8 * ...` can pass i8.
            let e = sign.saturating_mul(e);
            match out.iter_mut().find(|(i, _)| *i == id) {
                Some((_, sum)) => *sum = sum.saturating_add(e),
                None => out.push((id, e)),
            }
        }
    }

    /// Whether `u` names a unit the model derives (`unit workday = 8 h`),
    /// not a convention for a built-in one (`unit month = 730 h`).
    fn names_derived(&self, u: &UnitExpr) -> bool {
        // A metric step of a count alone (`unit kW = 1000 W`) reads in the
        // size that fits, as bytes do: `1500 kW` is 1.5 MW.
        let step = |id: UnitId| {
            let symbol = self.units.symbol(id);
            let dim = self.units.lookup(symbol).map(|r| r.dim);
            let base = dim.and_then(|d| d.factors().find(|&(b, e)| e == 1 && b >= crate::units::FIRST_COUNT));
            base.is_some_and(|(b, _)| self.units.ladder(b).iter().any(|&(n, _)| n == symbol))
        };
        if let [(id, _)] = u.ids[..] {
            if step(id) {
                return false;
            }
        }
        // A count among other units (`3 GB/node/h`, `$0.12/kW/h`) keeps its
        // place as written too.
        let compound = u.ids.len() > 1;
        u.ids.iter().any(|&(id, _)| {
            let kind = |i: u16| self.units.defs.get(i as usize).map(|d| d.kind.clone());
            matches!(id, UnitId::Model(i) if kind(i) == Some(ModelUnitKind::Derived) || (compound && kind(i) == Some(ModelUnitKind::Count)))
        })
    }

    /// The dimension of `e`'s value where the units written show it (`15
    /// min`, `rpo`, `2 * window`, `max(rpo, 5 min)`, `10 GB/day * 3`).
    fn static_dim(&self, e: &Expr) -> Option<Dim> {
        match &e.kind {
            ExprKind::Number(Literal { unit: Some(u), .. }) | ExprKind::Convert(_, u) => Some(u.dim),
            ExprKind::Number(_) => Some(Dim::NONE),
            ExprKind::Name(s) => self.defs[*s as usize].dim,
            ExprKind::Field(obj, col, _) => self.column_unit(obj, col).map(|u| u.dim),
            ExprKind::Neg(x) => self.static_dim(x),
            ExprKind::Binary(BinOp::Mul, a, b) => self.static_dim(a)?.times(self.static_dim(b)?),
            ExprKind::Binary(BinOp::Div, a, b) => self.static_dim(a)?.per(self.static_dim(b)?),
            // Both sides of a sum or a choice are in one dimension.
            ExprKind::Binary(BinOp::Add | BinOp::Sub, a, b) | ExprKind::If(_, a, b) => {
                self.static_dim(a).or_else(|| self.static_dim(b))
            }
            ExprKind::Call(f, args) if keeps_times(*f) => args.iter().find_map(|a| self.static_dim(a)),
            ExprKind::Call(Func::Compound, args) if !args.is_empty() => self.static_dim(&args[0]),
            _ => None,
        }
    }

    /// What the factors of a product carry (`500 GB/day * 3 * rpo`): adds
    /// to `plain` the time units of its plain times, with exponent 1 when
    /// multiplied and -1 when divided by, and to `rates` the periods of
    /// the rates of an amount it multiplies by (`GB/day`, not
    /// `day/month`); true when a factor is a time per a time (`22
    /// day/month`, `8 h/day`).
    fn product_times(&self, e: &Expr, sign: i16, plain: &mut Vec<(UnitId, i16)>, rates: &mut Vec<UnitId>) -> bool {
        match &e.kind {
            ExprKind::Binary(BinOp::Mul, a, b) => {
                let x = self.product_times(a, sign, plain, rates);
                self.product_times(b, sign, plain, rates) || x
            }
            ExprKind::Binary(BinOp::Div, a, b) => {
                let x = self.product_times(a, sign, plain, rates);
                self.product_times(b, -sign, plain, rates) || x
            }
            ExprKind::Neg(a) => self.product_times(a, sign, plain, rates),
            // The terms of a sum, for an amount over a window added to one
            // (`growth * 30 day + used`).
            ExprKind::Binary(BinOp::Add | BinOp::Sub, a, b) => {
                let x = self.product_times(a, sign, plain, rates);
                self.product_times(b, sign, plain, rates) || x
            }
            _ => {
                let second = crate::units::SECOND;
                let dim = self.static_dim(e);
                let mut times = Vec::new();
                self.written_times(e, 1, &mut times, true);
                if dim == Some(Dim::base(second)) {
                    plain.extend(times.iter().map(|&(id, x)| (id, x * sign)));
                }
                // A rate of an amount: per a time, and in something else.
                let amount_rate = dim.is_some_and(|d| d.exp(second) < 0 && d.factors().any(|(b, _)| b != second));
                if amount_rate && sign > 0 {
                    rates.extend(times.iter().filter(|t| t.1 < 0).map(|t| t.0));
                }
                times.iter().any(|t| t.1 > 0) && times.iter().any(|t| t.1 < 0)
            }
        }
    }

    /// The times of the operands of a sum, a choice or a bound, or of the
    /// cells of a column: the first's in any time; but a bill reads per
    /// month when a line of it is (`$0.30/h + $11.50/month` in either
    /// order), else per its longest period.
    fn lead_times(&self, operands: &[&Expr], divisors: bool) -> Option<Vec<(UnitId, i16)>> {
        let month = self.units.lookup("month").map_or(crate::units::MONTH, |m| m.factor);
        let rank = |times: &[(UnitId, i16)]| {
            let p = times.iter().filter(|t| t.1 < 0).map(|t| self.units.factor(t.0)).fold(0.0, f64::max);
            if (p - month).abs() <= 1e-9 * month {
                f64::INFINITY
            } else {
                p
            }
        };
        let money = |o: &Expr| self.static_dim(o).is_some_and(|d| d.exp(crate::units::MONEY) != 0);
        let mut best: Option<(f64, Vec<(UnitId, i16)>)> = None;
        for o in operands {
            let mut own = Vec::new();
            self.written_times(o, 1, &mut own, divisors);
            own.retain(|&(_, e)| e != 0);
            // A plain number (`max(0, ...)`) says nothing of the times; an
            // amount without any does (`used + growth * 30 day` is an
            // amount, not TB·day/week).
            let amount = || self.static_dim(o).is_some_and(|d| !d.is_none() && d.exp(crate::units::SECOND) == 0);
            if own.is_empty() && (money(o) || !amount()) {
                continue;
            }
            if !money(o) {
                return Some(own);
            }
            let r = rank(&own);
            if best.as_ref().is_none_or(|b| r > b.0) {
                best = Some((r, own));
            }
        }
        best.map(|b| b.1)
    }

    /// The time units of the cells of column `col` of the table `obj`
    /// reads, as of the operands of a sum ([`Self::lead_times`]).
    fn column_times(&self, obj: &Expr, col: &str) -> Vec<(UnitId, i8)> {
        let Some((table, c)) = self.column_of(obj, col) else { return Vec::new() };
        let cells: Vec<&Expr> = table.rows.iter().filter_map(|r| r.cells.get(c)?.as_ref()).collect();
        let times = self.lead_times(&cells, true).unwrap_or_default();
        times.into_iter().filter_map(|(id, e)| Some((id, i8::try_from(e).ok()?))).collect()
    }

    /// The table `obj` reads (itself, or a row or rows picked from it) and
    /// the index of its column `col`.
    fn column_of(&self, obj: &Expr, col: &str) -> Option<(&TableDef, usize)> {
        let t = match &obj.kind {
            ExprKind::Table(t) => Some(*t),
            _ => self.row_table(obj),
        }?;
        let table = self.tables.get(t as usize)?;
        Some((table, table.column(col)?))
    }

    /// The unit of the first cell of column `col` of the table `obj` reads
    /// that is written with one.
    fn column_unit(&self, obj: &Expr, col: &str) -> Option<&UnitExpr> {
        let (table, c) = self.column_of(obj, col)?;
        table.rows.iter().find_map(|r| literal_unit(r.cells.get(c)?.as_ref()?))
    }

    /// The time units of a unit, with their exponents (`GiB*s/month`: s
    /// and per month).
    fn unit_times(&self, u: &UnitExpr) -> Vec<(UnitId, i8)> {
        let second = self.units.lookup("s").map(|s| s.id);
        let mut out = Vec::new();
        for &(id, d) in &u.ids {
            match self.units.family(id) {
                Some(crate::units::Family::Time) => out.push((id, d.exp(crate::units::SECOND))),
                // A bit rate is per second (`Gbps`): `1 Gbps * 86400 s/day` is per day.
                Some(crate::units::Family::Bits) if d.exp(crate::units::SECOND) != 0 => {
                    out.extend(second.map(|s| (s, d.exp(crate::units::SECOND))));
                }
                // A time the model names (`unit workday = 8 h`) is one.
                _ if self.model_time(id) => out.push((id, d.exp(SECOND))),
                _ => out.extend(self.model_unit_times(id, d)),
            }
        }
        out
    }

    /// Whether `id` is a unit the model derives that is a time alone
    /// (`workday`, `sprint`). A redefined month is no new unit: it changes
    /// the month's length, not how times read (`0.001 months` is 43.2 min).
    fn model_time(&self, id: UnitId) -> bool {
        let UnitId::Model(i) = id else { return false };
        self.units.defs.get(i as usize).is_some_and(|u| u.dim == Dim::base(SECOND) && u.kind == ModelUnitKind::Derived)
    }

    /// The times a unit the model defines is made of (`kWh`: `h`), raised
    /// to the power it is written with (`$/kWh`: `h^-1`), where `d` is
    /// the dimension it gives there.
    fn model_unit_times(&self, id: UnitId, d: Dim) -> Vec<(UnitId, i8)> {
        let UnitId::Model(i) = id else { return Vec::new() };
        let Some(unit) = self.units.defs.get(i as usize) else { return Vec::new() };
        let Some((base, own)) = unit.dim.factors().next() else { return Vec::new() };
        let power = d.exp(base) / own;
        unit.times.iter().map(|&(t, e)| (t, e.saturating_mul(power))).collect()
    }

    /// The unit whose parts cancel out (`GiB·s/month`, `h/month`) of a name
    /// or a quantity written that a formula only adds to, subtracts from,
    /// bounds or scales by a plain number (`max(0, usage - free)`, `100
    /// h/month * 2`): the value is still in that unit.
    fn kept_fixed(&self, e: &Expr) -> Option<FixedUnit> {
        let plain = |e: &Expr| matches!(&e.kind, ExprKind::Number(l) if l.unit.is_none());
        match &e.kind {
            ExprKind::Name(s) => self.defs[*s as usize].fixed.clone().filter(|f| f.cancels),
            ExprKind::Number(Literal { unit: Some(u), .. }) => Some(u.display.clone()).filter(|f| f.cancels),
            ExprKind::Neg(x) => self.kept_fixed(x),
            ExprKind::Binary(BinOp::Add | BinOp::Sub, a, b) => self.kept_fixed(a).or_else(|| self.kept_fixed(b)),
            ExprKind::Binary(BinOp::Mul | BinOp::Div, a, b) if plain(b) => self.kept_fixed(a),
            ExprKind::Binary(BinOp::Mul, a, b) if plain(a) => self.kept_fixed(b),
            ExprKind::If(_, a, b) => self.kept_fixed(a).or_else(|| self.kept_fixed(b)),
            ExprKind::Call(Func::Min | Func::Max | Func::Abs | Func::Sum | Func::First | Func::Last, args) => {
                args.iter().find_map(|a| self.kept_fixed(a))
            }
            _ => None,
        }
    }

    /// The table whose rows an expression gives, when known statically.
    fn row_table(&self, e: &Expr) -> Option<TableId> {
        match &e.kind {
            ExprKind::Pick(t, _) => Some(*t),
            ExprKind::Name(s) => self.defs[*s as usize].row_table,
            ExprKind::If(_, a, b) => self.row_table(a).filter(|t| Some(*t) == self.row_table(b)),
            // A row taken out of a series of rows.
            ExprKind::Call(Func::First | Func::Last | Func::FirstWhere, args) => {
                args.first().and_then(|a| self.row_table(a))
            }
            _ => None,
        }
    }

    /// The fixed display unit of a table column, when all its cells agree.
    fn column_fixed(&self, obj: &Expr, col: &str) -> Option<FixedUnit> {
        let (table, c) = self.column_of(obj, col)?;
        let mut fixed: Option<&FixedUnit> = None;
        for row in &table.rows {
            let u = row.cells.get(c)?.as_ref().and_then(literal_unit).map(|u| &u.display);
            match (fixed, u) {
                (_, None) => return None,
                (None, Some(u)) => fixed = Some(u),
                (Some(f), Some(u)) if f == u => {}
                _ => return None,
            }
        }
        fixed.cloned()
    }

    // -------------------------------------------------------------- tables

    /// Index of the first line after the table rows that follow line `i`.
    /// The unit a column header gives in parentheses (`RAM (GB)`, `Price
    /// ($/month)`, `Share (%)`), if what they hold reads as one.
    fn header_unit(&mut self, s: usize, e: usize) -> Option<UnitExpr> {
        let text = &self.src[s..e];
        let close = text.rfind(')')?;
        let open = text[..close].rfind('(')?;
        // Set apart by a space: `Node(s)` is a plural, not seconds.
        if !text[..open].ends_with(' ') {
            return None;
        }
        let (a, b) = (s + open + 1, s + close);
        if self.src[a..b].trim().is_empty() {
            return None;
        }
        let before = self.diags.len();
        self.start_line(a, b);
        let unit = self.unit_target().ok().filter(|_| self.at(Tok::Eol) && !self.lex_errors && !self.ctx.failed);
        self.diags.truncate(before);
        unit
    }

    fn table_extent(&self, mut i: usize) -> usize {
        // Rows may leave out their outer pipes (`small | 8 GB`), as GitHub's
        // tables allow: a line with a `|` before any comment is a row,
        // unless it is a statement (`check "a | b" ...`, `x = a | b`).
        let is_row = |t: &str| {
            let t = t.trim_start();
            let before = t.split('#').next().unwrap_or("");
            let statement = ["check ", "input ", "unit ", "table "].iter().any(|w| t.starts_with(w))
                || before.split('|').next().is_some_and(|head| head.contains('='));
            t.starts_with('|') || (before.contains('|') && !statement)
        };
        // A comment line between rows is skipped, as anywhere in a model.
        let mut end = i;
        while i < self.lines.len() {
            let text = self.line_text(self.lines[i]);
            if is_row(text) {
                end = i + 1;
            } else if !is_comment_line(text) {
                break;
            }
            i += 1;
        }
        end
    }

    fn table_stmt(&mut self, first_row: usize, end: usize) {
        self.bump(); // `table`
        let Ok(name_tok) = self.expect_ident("the table's name after `table`") else {
            return;
        };
        let junk = self.expect(Tok::Eol, "the end of the line after the table's name").is_err();
        let header_span = name_tok.span;
        let table_id = self.tables.len() as TableId;
        let Some(slot) = self.define(name_tok.span, DefKind::Table(table_id)) else {
            return;
        };
        // Its line has an error: the table is known, and what uses it says
        // it depends on that error (not that it is unknown).
        if junk {
            self.publish(slot);
            self.defs[slot as usize].broken = true;
            return;
        }
        let rows: Vec<Line> =
            self.lines[first_row..end].iter().copied().filter(|&l| !is_comment_line(self.line_text(l))).collect();
        // `// a note` between rows: said, and the table goes on.
        for &l in &self.lines[first_row..end] {
            let text = self.line_text(l);
            if let Some(at) = text.find("//").filter(|_| text.trim_start().starts_with("//")) {
                let span = Span::new((l.start + at) as u32, (l.start + at + 2) as u32);
                self.diags.push(
                    Diagnostic::new(ErrorKind::Expected, span, "`//` does not start a comment")
                        .with_help("a comment starts with `#`"),
                );
            }
        }
        if rows.len() < 2 {
            self.publish(slot);
            self.diags.push(
                Diagnostic::new(
                    ErrorKind::BadTable,
                    header_span,
                    "a table needs a header row and a separator row below `table NAME`",
                )
                .with_help("on the lines below it: a header row `| Tier | Storage |`, a separator row `|---|---|`, then rows such as `| small | 8 GB |`"),
            );
            self.defs[slot as usize].broken = true;
            return;
        }
        // Header: column names, and the units some give their numbers.
        let mut columns = Vec::new();
        let mut header_units = Vec::new();
        let mut bad = false;
        for (s, e) in cells(self.src, rows[0]) {
            let unit = self.header_unit(s, e);
            let header = strip_markup(self.src[s..e].trim());
            let mut name = column_name(header);
            let mut alias = None;
            // "RAM (GB)" is `ram`, and `ram_gb` as before.
            if unit.is_some() {
                let short = column_name(header.rsplit_once('(').map_or(header, |(head, _)| head));
                let taken = |n: &str| columns.iter().any(|c: &Column| &*c.name == n || c.alias.as_deref() == Some(n));
                if !short.is_empty() && short != name && !taken(&short) {
                    alias = Some(Rc::from(core::mem::replace(&mut name, short).as_str()));
                }
            }
            header_units.push(unit);
            let span = Span::new(s as u32, e as u32);
            if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                self.diags.push(
                    Diagnostic::new(
                        ErrorKind::BadTable,
                        span,
                        format!("the column header `{header}` does not make a usable name"),
                    )
                    .with_help("start headers with a letter: `Storage`, `max_users`"),
                );
                bad = true;
            } else if name == "name" && !columns.is_empty() {
                // Reported, but the table still works: `.name` reads the
                // first cell, as everywhere.
                self.diags.push(
                    Diagnostic::new(
                        ErrorKind::BadTable,
                        span,
                        "a column other than the first may not be called `name`: `ROW.name` reads a row's first cell",
                    )
                    .with_help("rename the column, for example to `label` or `title`"),
                );
            } else if columns.iter().any(|c: &Column| *c.name == *name) {
                self.diags.push(Diagnostic::new(
                    ErrorKind::BadTable,
                    span,
                    format!("two columns are both called `{name}`"),
                ));
                bad = true;
            }
            columns.push(Column {
                name: Rc::from(name.as_str()),
                header: header.replace("\\|", "|"),
                conventions: Vec::new(),
                alias,
            });
        }
        // Separator.
        let sep_ok = cells(self.src, rows[1]).iter().all(|&(s, e)| {
            let c = self.src[s..e].trim();
            !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':') && c.contains('-')
        });
        if !sep_ok {
            let l = rows[1];
            self.diags.push(Diagnostic::new(
                ErrorKind::BadTable,
                Span::new(l.start as u32, l.end as u32),
                "the second row of a table must be its separator, such as `|---|---|`",
            ));
            bad = true;
        }
        if !bad && rows.len() == 2 {
            self.diags.push(
                Diagnostic::new(ErrorKind::BadTable, header_span, "this table has no rows below its separator")
                    .with_help("add rows such as `| small | 8 GB |` below the separator row"),
            );
            bad = true;
        }
        if bad {
            self.defs[slot as usize].broken = true;
            self.publish(slot);
            return;
        }
        // Rows: cells are expressions over the names above the table.
        let mut table_rows = Vec::new();
        let mut deps = Vec::new();
        let mut convs = Vec::new();
        for &line in &rows[2..] {
            let cs = cells(self.src, line);
            let span = Span::new(line.start as u32, line.end as u32);
            if cs.len() != columns.len() {
                self.diags.push(Diagnostic::new(
                    ErrorKind::BadTable,
                    span,
                    format!(
                        "this row has {} {}; the header has {}",
                        cs.len(),
                        if cs.len() == 1 { "cell" } else { "cells" },
                        columns.len()
                    ),
                ));
            }
            // As in GitHub's tables, cells past the header's are left out,
            // and missing ones are added: here as cells that fail, since
            // the row is reported. The cells it has still work.
            let missing = columns.len().saturating_sub(cs.len());
            let cs = &cs[..cs.len().min(columns.len())];
            let name = strip_markup(self.src[cs[0].0..cs[0].1].trim());
            // A name written as text (`"Basic plan"`, `"say \"hi\""`) is that text.
            let quoted = name.strip_prefix('"').and_then(|n| n.strip_suffix('"')).is_some_and(|inner| {
                let mut escaped = false;
                inner.chars().all(|c| {
                    let ok = c != '"' || escaped;
                    escaped = c == '\\' && !escaped;
                    ok
                })
            });
            let name = if quoted { crate::lexer::unquote(name) } else { name.replace("\\|", "|") };
            let mut row = RowDef { name: Rc::from(name.as_str()), cells: Vec::new(), span };
            for (k, &(s, e)) in cs.iter().enumerate() {
                let cell = &self.src[s..e];
                let raw = cell.trim();
                let s = s + (cell.len() - cell.trim_start().len());
                let e = s + raw.len();
                if is_empty_cell(raw) {
                    row.cells.push(None);
                    continue;
                }
                // The naming column holds text unless it reads as a number.
                if k == 0 && !starts_like_number(raw) {
                    row.cells.push(Some(Expr {
                        kind: ExprKind::Text(row.name.clone()),
                        span: Span::new(s as u32, e as u32),
                    }));
                    continue;
                }
                let (cs_, ce_) = unmarked(self.src, s, e);
                let diags_before = self.diags.len();
                self.start_line(cs_, ce_);
                match self.expr().and_then(|x| {
                    self.expect(Tok::Eol, "the end of the cell")?;
                    Ok(x)
                }) {
                    Ok(mut x) if !self.ctx.failed && !self.lex_errors && (k > 0 || is_literal(&x)) => {
                        // `| small | 8 |` under `RAM (GB)`: 8 GB; and a plain
                        // formula (`2 * 40` under `Budget (ms)`) is 80 ms,
                        // as a reader of the table takes it.
                        if let Some(unit) = header_units.get(k).and_then(Option::as_ref).filter(|_| k > 0) {
                            if is_literal(&x) {
                                apply_default_unit(&mut x, unit);
                            } else if self.plain_formula(&x) {
                                x = in_unit(x, unit);
                            }
                        }
                        for d in self.ctx.deps.drain(..) {
                            if !deps.contains(&d) {
                                deps.push(d);
                            }
                        }
                        add_conventions(&mut convs, &self.ctx.conventions);
                        add_conventions(&mut columns[k].conventions, &self.ctx.conventions);
                        self.ctx.conventions.clear();
                        row.cells.push(Some(x));
                    }
                    // A naming cell that is not a plain number after all
                    // (`1x (Base)`, `1-10`) is just the row's name.
                    _ if k == 0 => {
                        self.diags.truncate(diags_before);
                        row.cells.push(Some(Expr {
                            kind: ExprKind::Text(row.name.clone()),
                            span: Span::new(s as u32, e as u32),
                        }));
                    }
                    _ => {
                        if let Some(d) = self.diags.last_mut() {
                            if d.help.is_none() && matches!(d.kind, ErrorKind::UnknownName | ErrorKind::Expected) {
                                d.help = Some("to put text in a cell, quote it: \"Custom\"".into());
                            }
                        }
                        row.cells
                            .push(Some(Expr { kind: ExprKind::Broken(slot), span: Span::new(s as u32, e as u32) }));
                    }
                }
            }
            row.cells.extend((0..missing).map(|_| Some(Expr { kind: ExprKind::Broken(slot), span })));
            table_rows.push(row);
        }
        let def = &mut self.defs[slot as usize];
        def.deps = deps;
        def.conventions = convs;
        self.tables.push(TableDef { name: self.text(name_tok.span).to_string(), slot, columns, rows: table_rows });
        self.stmts.push(Stmt::Table { slot, table: table_id });
        self.publish(slot);
    }

    // --------------------------------------------------------- expressions

    fn enter(&mut self, span: Span) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(
                Diagnostic::new(
                    ErrorKind::TooDeep,
                    span,
                    format!("this expression nests deeper than {MAX_DEPTH} levels"),
                )
                .with_help("split it into named steps; tiers of `else if` read better as a table and `pick`"),
            ));
        }
        Ok(())
    }

    fn expr(&mut self) -> PResult<Expr> {
        let start_depth = self.depth;
        let span = self.peek().span;
        self.enter(span)?;
        let mut e = self.choice()?;
        if self.at(Tok::Arrow) {
            self.bump();
            let unit = self.unit_target()?;
            let span = e.span.to(unit.span);
            for &(id, dim) in &unit.ids {
                self.note_unit(id, dim);
            }
            e = Expr { kind: ExprKind::Convert(Box::new(e), Box::new(unit)), span };
        }
        self.depth = start_depth;
        Ok(e)
    }

    fn choice(&mut self) -> PResult<Expr> {
        if self.peek_word() == Some("if") {
            let start = self.bump().span;
            self.enter(start)?;
            let cond = self.or()?;
            self.expect_word("then", "`then` after the condition of `if`")?;
            let a = self.choice()?;
            self.expect_word("else", "`else`: an `if` needs both branches")?;
            let b = self.choice()?;
            let span = start.to(b.span);
            return Ok(Expr { kind: ExprKind::If(Box::new(cond), Box::new(a), Box::new(b)), span });
        }
        self.or()
    }

    fn or(&mut self) -> PResult<Expr> {
        let mut e = self.and()?;
        while self.peek_word() == Some("or") {
            let op = self.bump().span;
            self.enter(op)?;
            let r = self.and()?;
            let span = e.span.to(r.span);
            e = Expr { kind: ExprKind::Or(Box::new(e), Box::new(r)), span };
        }
        Ok(e)
    }

    fn and(&mut self) -> PResult<Expr> {
        let mut e = self.not()?;
        while self.peek_word() == Some("and") {
            let op = self.bump().span;
            self.enter(op)?;
            let r = self.not()?;
            let span = e.span.to(r.span);
            e = Expr { kind: ExprKind::And(Box::new(e), Box::new(r)), span };
        }
        Ok(e)
    }

    fn not(&mut self) -> PResult<Expr> {
        if self.peek_word() == Some("not") {
            let start = self.bump().span;
            self.enter(start)?;
            let e = self.not()?;
            let span = start.to(e.span);
            return Ok(Expr { kind: ExprKind::Not(Box::new(e)), span });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let l = self.range()?;
        let Some(op) = self.cmp_op() else {
            return Ok(l);
        };
        let op_span = self.bump().span;
        self.enter(op_span)?;
        let r = self.range()?;
        if self.cmp_op().is_some() {
            let span = self.peek().span;
            return Err(self.error(
                Diagnostic::new(ErrorKind::Expected, span, "comparisons do not chain")
                    .with_help("write `a < b and b < c`"),
            ));
        }
        let span = l.span.to(r.span);
        Ok(Expr { kind: ExprKind::Compare(op, Box::new(l), Box::new(r)), span })
    }

    fn cmp_op(&self) -> Option<CmpOp> {
        Some(match self.peek().tok {
            Tok::Lt => CmpOp::Lt,
            Tok::Le => CmpOp::Le,
            Tok::Gt => CmpOp::Gt,
            Tok::Ge => CmpOp::Ge,
            Tok::EqEq => CmpOp::Eq,
            Tok::NotEq => CmpOp::Ne,
            _ => return None,
        })
    }

    fn range(&mut self) -> PResult<Expr> {
        let a = self.sum()?;
        if !self.at(Tok::DotDot) {
            return Ok(a);
        }
        let op = self.bump().span;
        self.enter(op)?;
        let b = self.sum()?;
        let span = a.span.to(b.span);
        Ok(Expr { kind: ExprKind::Range(Box::new(a), Box::new(b)), span })
    }

    /// One more term of a chain of `+ - * /`: the chain is evaluated in a
    /// loop, so its length is limited apart from the nesting depth.
    fn chain(&mut self, terms: &mut usize, at: Span) -> PResult<()> {
        *terms += 1;
        if *terms >= MAX_CHAIN {
            return Err(self.error(
                Diagnostic::new(ErrorKind::TooDeep, at, format!("this expression chains more than {MAX_CHAIN} terms"))
                    .with_help("split it into named steps, or add up a table column with `sum(TABLE.column)`"),
            ));
        }
        Ok(())
    }

    fn sum(&mut self) -> PResult<Expr> {
        let base = self.depth;
        let mut e = self.product()?;
        let mut terms = 0;
        loop {
            let op = match self.peek().tok {
                Tok::Plus => BinOp::Add,
                Tok::Minus => BinOp::Sub,
                _ => break,
            };
            let op_span = self.bump().span;
            self.chain(&mut terms, op_span)?;
            let r = self.product()?;
            let span = e.span.to(r.span);
            e = Expr { kind: ExprKind::Binary(op, Box::new(e), Box::new(r)), span };
        }
        self.depth = base;
        Ok(e)
    }

    fn product(&mut self) -> PResult<Expr> {
        let base = self.depth;
        let mut e = self.unary()?;
        let mut terms = 0;
        loop {
            let op = match self.peek().tok {
                Tok::Star => BinOp::Mul,
                Tok::Slash => BinOp::Div,
                _ => break,
            };
            let op_span = self.bump().span;
            self.chain(&mut terms, op_span)?;
            let r = self.unary()?;
            let span = e.span.to(r.span);
            e = Expr { kind: ExprKind::Binary(op, Box::new(e), Box::new(r)), span };
        }
        self.depth = base;
        Ok(e)
    }

    fn unary(&mut self) -> PResult<Expr> {
        match self.peek().tok {
            Tok::Minus | Tok::Plus => {
                let t = self.bump();
                self.enter(t.span)?;
                let e = self.unary()?;
                let span = t.span.to(e.span);
                if t.tok == Tok::Plus {
                    return Ok(Expr { kind: e.kind, span });
                }
                Ok(Expr { kind: ExprKind::Neg(Box::new(e)), span })
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> PResult<Expr> {
        let base = self.postfix()?;
        if !self.at(Tok::Caret) {
            return Ok(base);
        }
        let op = self.bump().span;
        self.enter(op)?;
        let exp = self.unary()?;
        let span = base.span.to(exp.span);
        Ok(Expr { kind: ExprKind::Binary(BinOp::Pow, Box::new(base), Box::new(exp)), span })
    }

    fn postfix(&mut self) -> PResult<Expr> {
        let mut e = self.primary()?;
        while self.at(Tok::Dot) {
            let dot = self.bump();
            // `5.`: a number ends with its digits.
            if matches!(e.kind, ExprKind::Number(Literal { unit: None, percent: false, .. }))
                && e.span.end == dot.span.start
                && !self.at(Tok::Ident)
            {
                let d = Diagnostic::new(ErrorKind::Expected, dot.span, "a number does not end with `.`")
                    .with_help(format!("write `{}` or `{}.0`", self.text(e.span), self.text(e.span)));
                return Err(self.error(d));
            }
            let field = self.expect_ident("a column name after `.`")?;
            let name = self.text(field.span);
            self.check_field(&e, name, field.span);
            let span = e.span.to(field.span);
            e = Expr { kind: ExprKind::Field(Box::new(e), Rc::from(name), field.span), span };
        }
        Ok(e)
    }

    /// Reports an unknown column when the table is known statically, and
    /// records the column's display hint.
    fn check_field(&mut self, obj: &Expr, name: &str, span: Span) {
        let table = match &obj.kind {
            ExprKind::Table(t) => Some(*t),
            _ => self.row_table(obj),
        };
        let Some(t) = table else { return };
        if self.said_on_line(name, &[ErrorKind::UnknownColumn]) {
            return;
        }
        let tdef = &self.tables[t as usize];
        if name == "name" || tdef.column(name).is_some() {
            if let Some(c) = tdef.column(name) {
                // A value read from a column depends on the conventions its
                // cells were written in (`$25/month` with `unit month = 30 day`).
                add_conventions(&mut self.ctx.conventions, &tdef.columns[c].conventions);
                let hint = column_hint(tdef, c, &self.units);
                self.ctx.inherited.merge(&hint);
                self.ctx.columns.merge(&hint);
            }
            return;
        }
        let known = tdef.columns.iter().map(|c| &*c.name).chain(["name"]);
        let mut d = Diagnostic::new(
            ErrorKind::UnknownColumn,
            span,
            format!("the table `{}` has no column `{name}`", tdef.name),
        );
        let cols: Vec<&str> = tdef.columns.iter().map(|c| &*c.name).collect();
        d = match suggest(name, known) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None => d.with_help(format!("its columns are {}", cols.join(", "))),
        };
        self.diags.push(d);
        self.ctx.failed = true;
    }

    fn primary(&mut self) -> PResult<Expr> {
        let t = self.peek();
        match t.tok {
            Tok::Number(v) => {
                self.bump();
                self.number_literal(v, t.span, false)
            }
            Tok::Dollar => {
                self.bump();
                let n = self.peek();
                let Tok::Number(v) = n.tok else {
                    return Err(self.expected("an amount after `$`, such as `$25`"));
                };
                self.bump();
                self.number_literal(v, t.span.to(n.span), true)
            }
            Tok::Str => {
                self.bump();
                Ok(Expr { kind: ExprKind::Text(Rc::from(unquote(self.text(t.span)).as_str())), span: t.span })
            }
            Tok::LParen => {
                self.bump();
                let e = self.expr()?;
                let close = self.expect(Tok::RParen, "`)` to close the parenthesis").inspect_err(|_| {
                    // Which `(` is left open, on a line of several.
                    if let Some(d) =
                        self.diags.last_mut().filter(|d| d.kind == ErrorKind::Expected && d.span.start == d.span.end)
                    {
                        d.secondary.push((t.span, String::from("this `(` is not closed")));
                    }
                })?;
                Ok(Expr { kind: e.kind, span: t.span.to(close.span) })
            }
            Tok::Ident => self.name_or_call(t),
            Tok::Percent => Err(self.error(
                Diagnostic::new(ErrorKind::Expected, t.span, "`%` belongs right after a number")
                    .with_help("write `20%`, or `x * 100 -> %` to show a ratio as a percentage"),
            )),
            _ => Err(self.expected("a value: a number, a name, a function call or `(`")),
        }
    }

    fn name_or_call(&mut self, t: Token) -> PResult<Expr> {
        let name = self.text(t.span);
        match name {
            "if" => return self.choice(),
            "true" | "false" => {
                self.bump();
                return Ok(Expr { kind: ExprKind::Bool(name == "true"), span: t.span });
            }
            "unlimited" | "∞" => {
                self.bump();
                return Ok(Expr { kind: ExprKind::Unlimited, span: t.span });
            }
            _ => {}
        }
        if KEYWORDS.contains(&name) {
            return Err(self.expected("a value: a number, a name, a function call or `(`"));
        }
        self.bump();
        if self.at(Tok::LParen) {
            return self.call(t.span, name);
        }
        if self.in_unit {
            return Err(self.error(
                Diagnostic::new(
                    ErrorKind::BadUnitDefinition,
                    t.span,
                    format!("a unit is a constant, so its definition cannot use the value `{name}`"),
                )
                .with_help(format!("define a value instead, such as `x = {name} * 1 h`")),
            ));
        }
        // Column names of the table under test, in a condition.
        for &tid in self.columns.iter().rev() {
            let table = &self.tables[tid as usize];
            // A naming column of labels (`1-10`, `Pro`) is not a value to
            // compare with numbers, so a model value of the same name is
            // meant.
            let labels_only = |c: usize| {
                c == 0
                    && table
                        .rows
                        .iter()
                        .all(|r| matches!(r.cells.first(), Some(Some(Expr { kind: ExprKind::Text(_), .. }))))
            };
            let shadowed = self.names.contains(name);
            // Compared with text (`tier == "Pro"`), a name means the labels.
            let next = |k: usize| self.toks.get(self.pos + k).map(|t| t.tok);
            let text_compared = matches!(next(0), Some(Tok::EqEq | Tok::NotEq)) && next(1) == Some(Tok::Str);
            // `name` is the first column, as `ROW.name` is the first cell.
            let column = match table.column(name) {
                None if name == "name" && (!shadowed || text_compared) && !table.columns.is_empty() => Some(0),
                c => c,
            };
            if let Some(c) = column.filter(|&c| !(shadowed && labels_only(c) && !text_compared)) {
                if self.names.contains(name) {
                    // Either reading could be meant, and a wrong guess picks
                    // the wrong row without a word.
                    return Err(self.error(
                        Diagnostic::new(
                            ErrorKind::Redefined,
                            t.span,
                            format!(
                                "`{name}` is both a column of `{}` and a value of the model",
                                self.tables[tid as usize].name
                            ),
                        )
                        .with_help("rename the value or the column header, so the condition says which it means"),
                    ));
                }
                add_conventions(&mut self.ctx.conventions, &self.tables[tid as usize].columns[c].conventions);
                return Ok(Expr { kind: ExprKind::Column(tid, c as u32), span: t.span });
            }
        }
        if let Some(slot) = self.names.get(name) {
            let def = &self.defs[slot as usize];
            if let DefKind::Table(tid) = def.kind {
                self.ctx.deps.push(slot);
                // A table whose rows did not parse evaluates as a failed
                // dependency, like any broken definition.
                let kind = if def.broken { ExprKind::Name(slot) } else { ExprKind::Table(tid) };
                return Ok(Expr { kind, span: t.span });
            }
            let hint = def.hint;
            self.ctx.inherited.merge(&hint);
            add_conventions(&mut self.ctx.conventions, &self.defs[slot as usize].conventions);
            self.ctx.deps.push(slot);
            return Ok(Expr { kind: ExprKind::Name(slot), span: t.span });
        }
        self.unknown_name(name, t.span);
        Ok(zero_literal(t.span))
    }

    /// Whether an error of one of `kinds` already points at `name` in this
    /// statement: a name used ten thousand times in one formula is one
    /// mistake, not ten thousand lines of errors.
    fn said_on_line(&self, name: &str, kinds: &[ErrorKind]) -> bool {
        let Some(start) = self.toks.first().map(|t| t.span.start) else { return false };
        self.diags
            .iter()
            .rev()
            .take_while(|d| d.span.start >= start)
            .any(|d| kinds.contains(&d.kind) && d.span.text(self.src) == name)
    }

    fn unknown_name(&mut self, name: &str, span: Span) {
        self.ctx.failed = true;
        if self.said_on_line(name, &[ErrorKind::UnknownName, ErrorKind::DefinedBelow]) {
            return;
        }
        if let Some(line) = self.all_names.get(name).map(|l| l as usize) {
            let msg = if line == self.line_no {
                format!("`{name}` refers to itself")
            } else {
                format!("`{name}` is used before its definition on line {}", line + 1)
            };
            let help = if line == self.line_no {
                "a value cannot be defined in terms of itself"
            } else {
                "move its definition above this line: a name must be defined above its use"
            };
            self.diags.push(Diagnostic::new(ErrorKind::DefinedBelow, span, msg).with_help(help));
            return;
        }
        let mut d = Diagnostic::new(ErrorKind::UnknownName, span, format!("unknown name `{name}`"))
            .with_label("not defined above");
        // Each suggestion compares the name with every name of the model: a
        // model of thousands of unknown names would take minutes. The first
        // ones get suggestions; a person fixes those first anyway.
        if self.suggestions_left == 0 {
            self.diags.push(d);
            return;
        }
        self.suggestions_left -= 1;
        let columns: Vec<&str> =
            self.columns.iter().flat_map(|&t| self.tables[t as usize].columns.iter().map(|c| &*c.name)).collect();
        let known = self.names.keys().chain(columns.iter().copied());
        let known: Vec<&str> = known.collect();
        let line_start = self.src.get(..span.start as usize).is_none_or(|b| b.ends_with('\n') || b.is_empty());
        let rest = self.src.get(span.end as usize..).unwrap_or("").trim_start();
        if line_start && rest.starts_with("==") {
            // `x == 5` as a line of its own: a definition with one `=` too many.
            d = d.with_help(format!("to define `{name}`, write `{name} = ...` with one `=`"));
        } else if let Some(s) = suggest(name, known.iter().copied()).or_else(|| abbreviated(name, &known)) {
            d = d.with_help(format!("did you mean `{s}`?"));
        } else if let Some((s, line)) = suggest(
            name,
            self.all_names.keys().filter(|n| self.all_names.get(n).is_some_and(|l| l as usize > self.line_no)),
        )
        .and_then(|s| Some((s, self.all_names.get(s)? as usize + 1)))
        {
            d = d.with_help(format!(
                "did you mean `{s}`? It is defined below, on line {line}: a name must be defined above its use"
            ));
        } else if let Some(&t) = self.columns.last() {
            // In a `pick` condition, the columns are what a name most
            // likely meant.
            let table = &self.tables[t as usize];
            let names: Vec<&str> = table.columns.iter().map(|c| &*c.name).collect();
            d = d.with_help(format!("the condition can use the columns of `{}`: {}", table.name, names.join(", ")));
        } else if self.units.is_unit(name) {
            // `5%/month`: a percentage takes no unit after it.
            let before = self.src.get(..span.start as usize).unwrap_or("").trim_end();
            let per_percent = before.strip_suffix('/').is_some_and(|b| b.trim_end().ends_with('%'));
            d = d.with_help(if per_percent {
                // The percentage as written (`5%` of `5%/month`).
                let head = before.trim_end_matches('/').trim_end();
                let (_, p) = split_trailing(head, |c| c.is_ascii_digit() || matches!(c, '.' | '_' | '%'));
                let p = Some(p).filter(|p| p.len() > 1).unwrap_or("5%");
                format!(
                    "a percentage takes no unit: write `{p} / 1 {name}`, or keep the plain `{p}` as the rate per {name} (`(1 + {p}) ^ n` over n {name}s)"
                )
            } else if let Some(unit) = before.strip_suffix('-').filter(|b| !b.ends_with(' ')).and_then(|b| {
                let (_, u) = split_trailing(b, |c| c.is_ascii_alphanumeric() || c == '_');
                Some(u).filter(|u| !u.is_empty() && self.units.is_unit(u))
            }) {
                // `$0.023/GB-month`, as price lists write it.
                format!("`{unit}-{name}` is not a unit: for a price per {unit} per {name}, write `/{unit}/{name}`")
            } else if let Some(n) = divided_number(before) {
                // `budget / 12/month`: the number is divided by already, so
                // a unit here would divide twice.
                format!("the number before `{name}` is divided by: to divide by a rate, write `({n}/{name})`; for {n} per {name}, write `{n} / 1 {name}`")
            } else {
                format!("`{name}` is a unit: write it after a number, as in `1 {name}`")
            });
        } else if name == "never" {
            // What `first_where` gives is not written: it compares.
            d = d.with_help(
                "`never` is what `first_where` gives when its condition never holds, and it is not written: it orders after every number, so `runway > 24 month` holds for it",
            );
        } else if let Some(help) = shorthand_help(name) {
            // `5 GB / mo`: after a spaced `/`, a word no unit is read as a name.
            d = d.with_help(help);
        } else if Func::ALL.iter().any(|f| f.0 == name) || name == "pick" {
            d = d.with_help(format!("`{name}` is a function: call it with parentheses, `{name}(...)`"));
        } else if matches!(name, "let" | "var" | "const" | "val" | "def" | "set") {
            d = d.with_help(format!("a definition is written `name = expression`, without `{name}`"));
        } else if self.src.get(span.end as usize..).is_some_and(|r| r.starts_with('.')) {
            // `math.ceil(x)`, `Math.max(a, b)`.
            d = d.with_help("functions are called by their names alone: `ceil(x)`, `max(a, b)`");
        } else if let Some(rest) = self.src.get(span.end as usize..).and_then(|r| r.strip_prefix('-')) {
            // `per-session = 5 MB`: a dashed name.
            let (word, _) =
                rest.split_at(rest.find(|c: char| !c.is_ascii_alphanumeric() && c != '_').unwrap_or(rest.len()));
            if word.starts_with(|c: char| c.is_ascii_alphabetic()) {
                d = d.with_help(format!("a name joins its words with `_`: `{name}_{word}`"));
            }
        } else if let Some(f) = suggest(name, Func::ALL.iter().map(|f| f.0).chain(["pick"])) {
            d = d.with_help(format!("did you mean the function `{f}(...)`?"));
        }
        self.diags.push(d);
    }

    fn call(&mut self, name_span: Span, name: &'s str) -> PResult<Expr> {
        let open = self.bump().span;
        self.enter(open)?;
        if name == "pick" {
            return self.pick(name_span);
        }
        let func = Func::ALL.iter().find(|f| f.0 == name).copied();
        let mut args = Vec::new();
        if !self.at(Tok::RParen) {
            loop {
                args.push(self.expr()?);
                if self.at(Tok::Comma) {
                    self.bump();
                    continue;
                }
                break;
            }
        }
        let close = self.expect(Tok::RParen, "`,` or `)` in the argument list").inspect_err(|_| {
            if let Some(d) =
                self.diags.last_mut().filter(|d| d.kind == ErrorKind::Expected && d.span.start == d.span.end)
            {
                d.secondary.push((name_span.to(open), format!("this `{name}(` is not closed")));
            }
        })?;
        let span = name_span.to(close.span);
        let Some((_, f, lo, hi)) = func else {
            let mut d = Diagnostic::new(ErrorKind::UnknownFunction, name_span, format!("unknown function `{name}`"));
            let names = Func::ALL.iter().map(|f| f.0).chain(["pick"]);
            // What spreadsheets and other tools call them.
            let alias = match name.to_ascii_lowercase().as_str() {
                "ceiling" | "roundup" => Some("ceil"),
                "rounddown" => Some("floor"),
                "average" | "avg" => Some("mean"),
                "maximum" => Some("max"),
                "minimum" => Some("min"),
                "count" | "length" => Some("len"),
                "total" => Some("sum"),
                "log" => Some("log10` or `ln"),
                _ => None,
            };
            if let Some(s) = alias.or_else(|| suggest(name, names)) {
                d = d.with_help(format!("did you mean `{s}`?"));
            } else if self.names.contains(name) {
                d = d.with_help(format!("`{name}` is a value; to multiply, write `{name} * (...)`"));
            }
            return Err(self.error(d));
        };
        // `ceil(1,500 / 100)`: a thousands comma, read as two arguments;
        // with whether the second is three digits alone from a zero (`000`).
        let grouped = args.windows(2).find_map(|w| {
            let between = self.src.get(w[0].span.end as usize..w[1].span.start as usize)?;
            let rest = self.src.get(w[1].span.start as usize..)?;
            // The number after the comma, as far as it goes (`000.5`).
            let number =
                &rest[..rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '_')).unwrap_or(rest.len())];
            let next = number.get(..3)?;
            let (_, head) = split_trailing(&self.src[..w[0].span.end as usize], |c| c.is_ascii_digit());
            let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
            let group = digits(next) && !number[3..].starts_with(|c: char| c.is_ascii_digit());
            // `000` can only be a group of digits (`2,000.5`, `2,000 GB`).
            let zeros = next.starts_with('0') && group;
            (between == "," && digits(head) && group).then(|| ([head, "_", number].concat(), zeros))
        });
        if let Some((n, true)) = &grouped {
            // `max(2,000, 3)` would be `max(2, 0, 3)` without a word.
            let d = Diagnostic::new(ErrorKind::Expected, span, "a comma inside parentheses separates arguments")
                .with_help(format!("write the number as `{n}`"));
            return Err(self.error(d));
        }
        if args.len() < lo || args.len() > hi {
            let plural = if hi == 1 { "" } else { "s" };
            let want = match hi {
                _ if lo == hi => format!("{lo} argument{plural}"),
                usize::MAX => format!("at least {lo} argument{}", if lo == 1 { "" } else { "s" }),
                _ if hi == lo + 1 => format!("{lo} or {hi} arguments"),
                _ => format!("{lo} to {hi} arguments"),
            };
            let mut d = Diagnostic::new(ErrorKind::Arity, span, format!("`{name}` takes {want}, not {}", args.len()));
            if let Some((n, _)) = grouped {
                d = d.with_help(format!("inside parentheses a comma separates arguments: write the number as `{n}`"));
            }
            return Err(self.error(d));
        }
        Ok(Expr { kind: ExprKind::Call(f, args), span })
    }

    /// `pick(TABLE, CONDITION)`: the condition sees the table's columns.
    fn pick(&mut self, name_span: Span) -> PResult<Expr> {
        let t = self.expect_ident("a table name as the first argument of `pick`")?;
        let tname = self.text(t.span);
        let table = match self.names.get(tname).map(|s| (s, &self.defs[s as usize])) {
            Some((slot, Def { kind: DefKind::Table(_), broken: true, .. })) => {
                // The table has errors of its own: skip the condition, and
                // let the value fail as depending on the table.
                self.ctx.deps.push(slot);
                let mut depth = 1;
                while !self.at(Tok::Eol) {
                    match self.bump().tok {
                        Tok::LParen => depth += 1,
                        Tok::RParen => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                return Ok(Expr { kind: ExprKind::Name(slot), span: name_span.to(self.peek().span) });
            }
            Some((_, Def { kind: DefKind::Table(id), .. })) => *id,
            Some((_, _)) => {
                return Err(self.error(Diagnostic::new(
                    ErrorKind::TypeMismatch,
                    t.span,
                    format!("`{tname}` is not a table; `pick` chooses a row of a table"),
                )))
            }
            None => {
                let tables = self.tables.iter().map(|t| t.name.as_str());
                let mut d = Diagnostic::new(ErrorKind::UnknownName, t.span, format!("unknown table `{tname}`"));
                if let Some(s) = suggest(tname, tables) {
                    d = d.with_help(format!("did you mean `{s}`?"));
                } else if self.all_names.contains(tname) {
                    d = d.with_help("the table must be defined above its use");
                }
                return Err(self.error(d));
            }
        };
        let slot = self.tables[table as usize].slot;
        self.ctx.deps.push(slot);
        self.expect(Tok::Comma, "`,` and a condition after the table name")?;
        self.columns.push(table);
        let cond = self.expr();
        self.columns.pop();
        let cond = cond?;
        let close = self.expect(Tok::RParen, "`)` to close `pick`")?;
        Ok(Expr { kind: ExprKind::Pick(table, Box::new(cond)), span: name_span.to(close.span) })
    }

    // ---------------------------------------------------------------- units

    /// A number literal, with `%` or a unit after it.
    fn number_literal(&mut self, v: f64, span: Span, money: bool) -> PResult<Expr> {
        if !money && self.at(Tok::Percent) {
            let p = self.bump().span;
            let value = crate::decimal::hundredth(self.text(span)).unwrap_or(v / 100.0);
            let value = Quantity::plain(value).ok_or_else(|| self.too_big(span))?;
            let pct = Expr { kind: ExprKind::Number(Literal { value, percent: true, unit: None }), span: span.to(p) };
            return self.percent_per_time_unit(pct);
        }
        let unit = if money {
            let dollar = self.units.lookup("$").expect("`$` is a built-in unit");
            let mut u = self.unit_from_atoms(Vec::from([(dollar, 1i8, String::from("$"))]), span);
            if self.slash_continues_unit() || self.slash_group_follows() {
                let more = self.unit_tail(false)?;
                u = self.combine_unit(u, more);
            }
            Some(u)
        } else if self.at(Tok::Dollar) || (self.at(Tok::Ident) && self.peek_is_unit()) {
            Some(self.unit_after_number()?)
        } else if self.at(Tok::Slash)
            && self.next_is_unit()
            && (self.next_names_nothing(true) || self.builtin_touches())
            && !self.after_divisor()
        {
            // A count per a unit (`30_000 /s`, `12/month`, even beside a
            // value named `month`); `1/replicas` divides by the value when
            // the model names one.
            Some(self.unit_tail(false)?)
        } else if self.at(Tok::Ident) && !KEYWORDS.contains(&self.text(self.peek().span)) {
            let t = self.peek();
            let name = self.text(t.span);
            return Err(self.unknown_unit(name, t.span, true));
        } else {
            None
        };
        let (factor, dim) = unit.as_ref().map_or((1.0, Dim::NONE), |u| (u.factor, u.dim));
        let value = Quantity::new(v * factor, dim).ok_or_else(|| self.too_big(span))?;
        let span = unit.as_ref().map_or(span, |u| span.to(u.span));
        if let Some(u) = &unit {
            self.note_literal_units(u);
        }
        Ok(Expr { kind: ExprKind::Number(Literal { value, percent: false, unit: unit.map(Box::new) }), span })
    }

    /// Whether the number just read follows a `/` or a `^`: `2400 / 24 /
    /// h` is not 2400 over a rate of 24 an hour, so no unit starts there.
    fn after_divisor(&self) -> bool {
        let before = self.pos.checked_sub(2).and_then(|i| self.toks.get(i));
        before.is_some_and(|t| matches!(t.tok, Tok::Slash | Tok::Caret))
    }

    fn too_big(&mut self, span: Span) -> Stop {
        self.error(Diagnostic::new(ErrorKind::NotFinite, span, "this number is too large"))
    }

    /// Records the units after a number. A bandwidth in bytes (`800 MB/s`)
    /// is noted as a `Gbps` is: its second does not replace the period a
    /// price before it was written in (`$2520/month / (800 MB/s)` reads
    /// per MB/s per month).
    fn note_literal_units(&mut self, u: &UnitExpr) {
        let second = Dim::NONE.per(Dim::base(SECOND));
        let byte_rate = match u.ids[..] {
            [(_, db), (s, ds)] => db == Dim::base(BYTE) && Some(ds) == second && self.units.symbol(s) == "s",
            _ => false,
        };
        let first_bytes = self.ctx.hint.bytes.is_none();
        for &(id, d) in &u.ids {
            if byte_rate && Some(d) == second && self.ctx.hint.per_time.is_some() {
                continue;
            }
            self.note_unit(id, d);
        }
        if byte_rate && first_bytes {
            self.ctx.hint.byte_rate = true;
        }
        // Money written per second, or per a shorter time (`$0.01/s`),
        // keeps its second.
        let spend = u.dim.exp(MONEY) == 1 && u.dim.exp(SECOND) == -1;
        if spend && u.factor >= 1.0 {
            self.ctx.hint.spend_per_second = true;
        }
    }

    /// Records a unit a literal used: display hint and conventions.
    fn note_unit(&mut self, id: UnitId, dim: Dim) {
        self.ctx.hint.note_unit(id, dim, &self.units);
        self.note_convention(id);
    }

    /// Records a use of a unit the model redefines (`unit month = 30 day`).
    fn note_convention(&mut self, id: UnitId) {
        if let UnitId::Model(i) = id {
            if self.units.defs[i as usize].kind == ModelUnitKind::Convention && !self.ctx.conventions.contains(&i) {
                self.ctx.conventions.push(i);
            }
        }
    }

    fn peek_is_unit(&self) -> bool {
        let t = self.peek();
        t.tok == Tok::Ident && self.units.is_unit(self.text(t.span)) && !KEYWORDS.contains(&self.text(t.span))
    }

    fn next_is_unit(&self) -> bool {
        self.toks
            .get(self.pos + 1)
            .is_some_and(|t| t.tok == Tok::Dollar || (t.tok == Tok::Ident && self.units.is_unit(self.text(t.span))))
    }

    /// After a number, whether a `/` continues its unit. `5 MB/session` is a
    /// unit; `500 MB / sessions`, spaced, divides by the value `sessions`
    /// when the model defines one above: reading a unit there would give a
    /// wrong number without a word.
    fn slash_continues_unit(&self) -> bool {
        if !self.at(Tok::Slash) {
            return false;
        }
        // `1000 site / $1`: an amount of money, not a unit.
        let money = self.toks.get(self.pos + 1).is_some_and(|t| t.tok == Tok::Dollar)
            && self.toks.get(self.pos + 2).is_some_and(|t| matches!(t.tok, Tok::Number(_)));
        // `1 GB / min(bw, cap)`: a unit's name before `(` is the function.
        let call = self.toks.get(self.pos + 2).is_some_and(|t| t.tok == Tok::LParen);
        if money || call {
            return false;
        }
        if !self.next_is_unit() {
            // `5 MB/sesion`: a word that is no unit and no name, written
            // into the unit, is a misspelt or undeclared unit.
            return self.unspaced() && self.next_is_no_name();
        }
        let next = self.toks.get(self.pos + 1);
        self.unspaced()
            || self.builtin_touches()
            || !next.is_some_and(|n| n.tok == Tok::Ident && self.names.contains(self.text(n.span)))
    }

    /// `5%/month`, unspaced with a time unit: `5% / 1 month`, a growth per
    /// month.
    fn percent_per_time_unit(&mut self, pct: Expr) -> PResult<Expr> {
        let time = self.toks.get(self.pos + 1).and_then(|t| self.units.lookup(self.text(t.span)));
        let per_time = time.is_some_and(|u| u.dim == Dim::base(crate::units::SECOND));
        // A `month` defined below cannot be meant: a name is used below
        // its definition; one above is not meant either when the `/`
        // touches the built-in unit (`month = 1 .. 12` beside `5%/month`).
        let unit = self.next_names_nothing(true) || self.builtin_touches();
        if !(self.at(Tok::Slash) && self.unspaced() && per_time && unit) {
            return Ok(pct);
        }
        self.bump();
        let (r, e, text, at) = self.unit_atom()?;
        if e != 1 {
            return Err(self.error(Diagnostic::new(ErrorKind::Expected, at, "a percentage per a time takes no power")));
        }
        let unit = self.unit_from_atoms(Vec::from([(r, 1, text)]), at);
        // A redefined month is a convention of what the growth gives.
        for &(id, _) in &unit.ids {
            self.note_convention(id);
        }
        let value = Quantity::new(unit.factor, unit.dim).ok_or_else(|| self.too_big(at))?;
        let one =
            Expr { kind: ExprKind::Number(Literal { value, percent: false, unit: Some(Box::new(unit)) }), span: at };
        let span = pct.span.to(at);
        Ok(Expr { kind: ExprKind::Binary(BinOp::Div, Box::new(pct), Box::new(one)), span })
    }

    /// After a number's unit, whether an unspaced `*` continues it
    /// (`400_000 GiB*s/month`); `5 MB * sessions` multiplies by a value.
    /// As after `/`, a built-in unit is the unit whatever the model names
    /// so, and a model's own unit is when no value above has its name (a
    /// line's meaning never depends on the lines below it).
    fn star_continues_unit(&self) -> bool {
        self.at(Tok::Star)
            && self.next_is_unit()
            && self.unspaced()
            && (self.next_names_nothing(true) || self.builtin_touches())
    }

    /// Whether the operator at the cursor touches a built-in unit's name
    /// after it: after a number, `12/month` and `10/s` are units even
    /// where the model names a value so (the spec's "a unit name always
    /// means the unit"); a model's own count units keep `1/replicas`
    /// dividing by the value.
    fn builtin_touches(&self) -> bool {
        // The operator touches the unit after it (`12/month`, `50 /s`).
        let touching = self
            .toks
            .get(self.pos)
            .zip(self.toks.get(self.pos + 1))
            .is_some_and(|(op, next)| op.span.end == next.span.start);
        touching
            && self.toks.get(self.pos + 1).is_some_and(|t| {
                t.tok == Tok::Ident
                    && crate::units::builtin(self.text(t.span)).is_some()
                    && !self.toks.get(self.pos + 2).is_some_and(|a| a.tok == Tok::LParen)
            })
    }

    /// Whether the operator at the cursor touches the tokens on both sides.
    fn unspaced(&self) -> bool {
        let (Some(prev), Some(op), Some(next)) =
            (self.toks.get(self.pos.wrapping_sub(1)), self.toks.get(self.pos), self.toks.get(self.pos + 1))
        else {
            return false;
        };
        prev.span.end == op.span.start && op.span.end == next.span.start
    }

    /// Whether the token after the cursor is a word that names nothing of
    /// the model (no value, column or function) and is no keyword.
    fn next_is_no_name(&self) -> bool {
        self.next_names_nothing(false)
    }

    /// [`Self::next_is_no_name`], of the names defined above only when
    /// `above` (one below cannot be meant here).
    fn next_names_nothing(&self, above: bool) -> bool {
        let (Some(next), after) = (self.toks.get(self.pos + 1), self.toks.get(self.pos + 2)) else { return false };
        let word = self.text(next.span);
        let column = self.columns.iter().any(|&t| self.tables[t as usize].column(word).is_some());
        let named = if above { self.names.get(word).is_some() } else { self.all_names.get(word).is_some() };
        next.tok == Tok::Ident
            && !named
            && !column
            && !KEYWORDS.contains(&word)
            && !after.is_some_and(|a| a.tok == Tok::LParen)
    }

    /// `MB/session` after a number: atoms joined by `/` only, so that
    /// `5 MB * sessions` multiplies by the value `sessions`.
    fn unit_after_number(&mut self) -> PResult<UnitExpr> {
        let first = self.unit_atom()?;
        let span = first.3;
        let mut u = self.unit_from_atoms(Vec::from([(first.0, first.1, first.2)]), span);
        if self.slash_continues_unit() || self.star_continues_unit() || self.slash_group_follows() {
            let more = self.unit_tail(false)?;
            u = self.combine_unit(u, more);
        }
        Ok(u)
    }

    /// Whether a `/` at the cursor divides by a unit in parentheses
    /// (`/(io/s)`).
    fn slash_group_follows(&self) -> bool {
        self.at(Tok::Slash)
            && self.toks.get(self.pos + 1).is_some_and(|t| t.tok == Tok::LParen)
            && self.units_only_group(self.pos + 1)
    }

    /// The `/a/b` (or, after `->`, `*a/b`) continuation of a unit.
    fn unit_tail(&mut self, products: bool) -> PResult<UnitExpr> {
        let mut atoms = Vec::new();
        let mut span = self.peek().span;
        let mut grouped = false;
        loop {
            // After `->`, a unit in parentheses (`$/(GB/day)`, a price per
            // GB a day).
            // After a number, one that holds units only (`$0.005/(io/s)/month`,
            // not `20 TB / (50 MB/s)`).
            let group = self.toks.get(self.pos + 1).is_some_and(|t| t.tok == Tok::LParen)
                && (products || self.slash_group_follows());
            if group && matches!(self.peek().tok, Tok::Slash | Tok::Star) {
                let sign = if self.bump().tok == Tok::Slash { -1 } else { 1 };
                self.unit_group(sign, 0, &mut atoms, &mut span)?;
                grouped = true;
                continue;
            }
            let sign = match self.peek().tok {
                Tok::Slash if products && self.next_is_unit() => -1,
                Tok::Slash if self.slash_continues_unit() => -1,
                Tok::Star if products && self.next_is_unit() => 1,
                // `$0.0000166667/GB*s` reads as dollar-seconds per GB, which
                // is not what a price per GB-second means: say so.
                Tok::Star if self.star_continues_unit() && atoms.iter().any(|a: &(_, i8, _)| a.1 < 0) => {
                    let at = self.peek().span.to(self.toks[self.pos + 1].span);
                    // In the units written: `rcu/req*s` wants `rcu/(req/s)`.
                    let a = atoms.iter().rev().find(|a| a.1 < 0).map_or("GB", |a| a.2.as_str());
                    let b = self.text(self.toks[self.pos + 1].span);
                    let d = Diagnostic::new(ErrorKind::Expected, at, "a `*` after a `/` in a unit is unclear").with_help(
                        format!(
                            "write `/{a}/{b}` to divide by both (a price per {a}-{b}), or `/({a}/{b})` to divide by a rate; a product goes first (`{a}*{b}/month`)"
                        ),
                    );
                    return Err(self.error(d));
                }
                Tok::Star if self.star_continues_unit() => 1,
                _ => break,
            };
            self.bump();
            let (r, e, text, s) = self.unit_atom()?;
            span = span.to(s);
            atoms.push((r, e * sign, text));
        }
        let mut u = self.unit_from_atoms(atoms, span);
        // A unit grouped in parentheses reads as written: `$/(GB/day)/year`.
        if grouped {
            let written: String = self.text(span).chars().filter(|c| !c.is_whitespace()).collect();
            let written = written.replace('*', "\u{b7}");
            u.display.text = written.strip_prefix('\u{b7}').map_or(written.clone(), String::from);
        }
        Ok(u)
    }

    /// Whether the parentheses opening at token `open` hold units only,
    /// joined by `/` and `*` (with whole powers): no number, and no word
    /// that names a value of the model.
    fn units_only_group(&self, open: usize) -> bool {
        let mut depth = 0usize;
        for (i, t) in self.toks.iter().enumerate().skip(open) {
            let power = i > 0 && self.toks[i - 1].tok == Tok::Caret;
            match t.tok {
                Tok::LParen => depth += 1,
                Tok::RParen if depth == 1 => return i > open + 1,
                Tok::RParen => depth -= 1,
                Tok::Slash | Tok::Star | Tok::Caret | Tok::Dollar => {}
                Tok::Number(_) | Tok::Minus if power => {}
                Tok::Ident => {
                    let word = self.text(t.span);
                    if !self.units.is_unit(word) || self.all_names.get(word).is_some() || KEYWORDS.contains(&word) {
                        return false;
                    }
                }
                _ => return false,
            }
        }
        false
    }

    /// A unit in parentheses after `->`, at the cursor's `(`: its units
    /// with their exponents times `sign`, into `atoms`.
    fn unit_group(
        &mut self,
        sign: i8,
        depth: usize,
        atoms: &mut Vec<(crate::units::UnitRef, i8, String)>,
        span: &mut Span,
    ) -> PResult<()> {
        let open = self.bump();
        if depth >= 4 {
            return Err(self.error(Diagnostic::new(ErrorKind::Expected, open.span, "too many parentheses in a unit")));
        }
        let mut inner = 1;
        loop {
            if self.at(Tok::LParen) {
                self.unit_group(sign * inner, depth + 1, atoms, span)?;
            } else {
                let (r, e, text, s) = self.unit_atom()?;
                atoms.push((r, e.saturating_mul(sign * inner), text));
                *span = span.to(s);
            }
            inner = match self.peek().tok {
                Tok::Slash => -1,
                Tok::Star => 1,
                _ => break,
            };
            self.bump();
        }
        let close = self.expect(Tok::RParen, "`)` to close the unit, as in `$/(GB/day)`")?;
        *span = span.to(close.span);
        Ok(())
    }

    /// The unit after `->`: `GB`, `$/month`, `MB/s`, `%`, `req*s`.
    fn unit_target(&mut self) -> PResult<UnitExpr> {
        let t = self.peek();
        if t.tok == Tok::Percent {
            self.bump();
            // `-> %/year`: a growth rate per another time.
            if self.at(Tok::Slash) {
                self.bump();
                let (r, e, text, at) = self.unit_atom()?;
                let time = self.unit_from_atoms(Vec::from([(r, 1, text)]), at);
                if e != 1 || time.dim != Dim::base(crate::units::SECOND) {
                    let d = Diagnostic::new(ErrorKind::Expected, at, "a percentage is per a time here, as in `%/year`");
                    return Err(self.error(d));
                }
                for &(id, _) in &time.ids {
                    self.note_convention(id);
                }
                let display = percent_per(&time);
                let (factor, dim) = (display.factor, display.dim);
                return Ok(UnitExpr { factor, dim, display, ids: time.ids, span: t.span.to(at) });
            }
            return Ok(UnitExpr {
                factor: 0.01,
                dim: Dim::NONE,
                display: FixedUnit::percent(),
                ids: Vec::new(),
                span: t.span,
            });
        }
        // A rate of nothing but time: `-> /day`, `-> 1/day` (drive writes
        // per day).
        let one = matches!(t.tok, Tok::Number(v) if v == 1.0)
            && self.toks.get(self.pos + 1).is_some_and(|n| n.tok == Tok::Slash);
        if one {
            self.bump();
        }
        if self.at(Tok::Slash) {
            if !self.toks.get(self.pos + 1).is_some_and(|n| n.tok == Tok::Ident) {
                self.bump();
                return Err(self.expected("a unit after `/`, such as `day` in `-> /day`"));
            }
            if !self.next_is_unit() {
                // An unknown word: the unit's own error, with its near unit.
                self.bump();
                self.unit_atom()?;
            }
            return self.unit_tail(true);
        }
        if t.tok != Tok::Dollar && !(t.tok == Tok::Ident) {
            return Err(self.expected("a unit after `->`, such as `GB`, `$/month`, `/day` or `%`"));
        }
        let (r, e, text, span) = self.unit_atom()?;
        let u = self.unit_from_atoms(Vec::from([(r, e, text)]), span);
        let more = self.unit_tail(true)?;
        Ok(self.combine_unit(u, more))
    }

    /// One unit name with an optional integer power.
    fn unit_atom(&mut self) -> PResult<(crate::units::UnitRef, i8, String, Span)> {
        let t = self.bump();
        let name = if t.tok == Tok::Dollar { "$" } else { self.text(t.span) };
        if t.tok != Tok::Dollar && t.tok != Tok::Ident {
            self.pos -= 1;
            return Err(self.expected("a unit"));
        }
        let Some(r) = self.units.lookup(name).filter(|_| !KEYWORDS.contains(&name)) else {
            return Err(self.unknown_unit(name, t.span, false));
        };
        self.declared_above(r.id, name, t.span)?;
        let mut span = t.span;
        let mut exp = 1i8;
        // `GB^2` raises the unit; `5 s ^ 2`, spaced, the quantity.
        if self.at(Tok::Caret) && self.peek().span.start == t.span.end {
            self.bump();
            let neg = if self.at(Tok::Minus) {
                self.bump();
                true
            } else {
                false
            };
            let n = self.peek();
            match n.tok {
                Tok::Number(v) if v == libm::trunc(v) && v <= 8.0 => {
                    self.bump();
                    exp = if neg { -(v as i8) } else { v as i8 };
                    span = span.to(n.span);
                }
                _ => return Err(self.expected("a small whole power after `^` in a unit, such as `s^2`")),
            }
        }
        Ok((r, exp, self.units.symbol(r.id).to_string(), span))
    }

    /// A unit the model declares is used below its `unit` line. A
    /// redefined built-in (`unit month = 730 h`) is a convention of the
    /// whole model, wherever its line stands.
    fn declared_above(&mut self, id: UnitId, name: &str, span: Span) -> PResult<()> {
        let UnitId::Model(i) = id else { return Ok(()) };
        let convention = self.units.defs.get(i as usize).is_some_and(|d| d.kind == ModelUnitKind::Convention);
        match self.unit_lines.get(i as usize) {
            Some(&line) if line > self.line_no && !convention => Err(self.error(
                Diagnostic::new(
                    ErrorKind::DefinedBelow,
                    span,
                    format!("unit `{name}` is used before its `unit` line, line {}", line + 1),
                )
                .with_help("move the `unit` line above this one: a unit must be declared above its use"),
            )),
            _ => Ok(()),
        }
    }

    fn unknown_unit(&mut self, name: &str, span: Span, after_number: bool) -> Stop {
        if name == "to" && after_number {
            return self.uncertain(span);
        }
        if let Some(&(_, line)) = self.broken_units.iter().find(|b| b.0 == name) {
            let message = format!("unit `{name}` is not defined: its `unit` line, line {line}, has an error");
            return self.error(Diagnostic::new(ErrorKind::UnknownUnit, span, message));
        }
        let mut d = Diagnostic::new(ErrorKind::UnknownUnit, span, format!("unknown unit `{name}`"));
        let model_units: Vec<String> = self.units.defs.iter().map(|d| d.name.clone()).collect();
        let names = crate::units::BUILTINS.iter().map(|b| b.name).chain(model_units.iter().map(String::as_str));
        let suffix = (after_number && !self.names.contains(name)).then(|| suffix_help(name)).flatten();
        // Power declared already (`unit W`): only its multiple is missing.
        let power = shorthand_help(name)
            .filter(|h| h.starts_with("power"))
            .and(self.units.lookup("W"))
            .map(|_| String::from("declare it from your `W`: `unit kW = 1000 W` (energy: `unit kWh = 1 kW*h`)"));
        // `8 GPUs` beside `unit gpu`: a model's units are written as declared.
        let lower = name.to_ascii_lowercase();
        let cased = (lower != name && crate::units::builtin(&lower).is_none() && self.units.is_unit(&lower))
            .then(|| format!("did you mean `{lower}`? A model's units are written as its `unit` line declares them"));
        let rest = self.src.get(span.end as usize..).unwrap_or("").trim_start();
        if let Some(help) = power.or_else(|| shorthand_help(name)).or(suffix).or(cased) {
            d = d.with_help(help);
        } else if rest.starts_with('=') && !rest.starts_with("==") {
            // `x = 5 y = 6`: two statements on one line.
            d = d.with_help(format!("one statement per line: put `{name} = ...` on a line of its own"));
        } else if matches!(name, "elif" | "elsif" | "elseif") {
            d = d.with_help("write `else if`: `if a then x else if b then y else z`");
        } else if let Some(s) = suggest(name, names) {
            // `kb` near `kB`: a bit and a byte differ eightfold, so say which is which.
            let bit_or_byte = s.len() == name.len()
                && s.chars()
                    .zip(name.chars())
                    .any(|(x, y)| x != y && x.eq_ignore_ascii_case(&'b') && y.eq_ignore_ascii_case(&'b'));
            // `msg` near `ms`: a word of its own may be a count to declare.
            // (`mss` is not the plural of a count `ms`: that is a unit.)
            let count = is_snake_case(name)
                && name.len() > s.len()
                && name.starts_with(s)
                && !self.units.is_unit(&singular(name));
            d = d.with_help(if bit_or_byte {
                format!("did you mean `{s}`? Mind the case: `B` is a byte and `b` a bit (`kB` and `Kb`, `MB` and `Mb`, `B/s` and `bps`)")
            } else if count {
                format!("did you mean `{s}`? For a count of its own, declare it first: `unit {}`", singular(name))
            } else {
                format!("did you mean `{s}`?")
            });
        } else if matches!(name, "dollar" | "dollars" | "Dollar" | "Dollars") {
            d = d.with_help("write money with `$` before the number (`$3`, `$25/month`), or as `3 USD`");
        } else if after_number && self.names.contains(name) {
            d = d.with_help(format!("`{name}` is a value: to multiply, write `* {name}`"));
        } else if let Some(near) = suggest(name, self.all_names.keys()).filter(|n| !crate::units::is_plural_of(n, name))
        {
            // `10 GB/usres` beside the value `users` (not `2 MB/user`
            // beside `users`: that wants `unit user`); right after a number
            // (`2 fooo` beside `foo`), a product or a count of its own.
            let divided = self.src.get(..span.start as usize).is_some_and(|b| b.trim_end().ends_with('/'));
            d = d.with_help(match divided {
                true => format!("did you mean the value `{near}`? After a unit, divide by it with spaces: `/ {near}`"),
                false => format!(
                    "did you mean the value `{near}`? To multiply by it, write `* {near}`; for a count of its own, declare it first: `unit {}`",
                    singular(name)
                ),
            });
        } else if is_snake_case(name) {
            d = d.with_help(format!("declare a count unit first: `unit {}`", singular(name)));
        }
        self.error(d)
    }

    /// Builds a unit from `(unit, exponent, symbol)` atoms.
    fn unit_from_atoms(&self, atoms: Vec<(crate::units::UnitRef, i8, String)>, span: Span) -> UnitExpr {
        let mut factor = 1.0;
        let mut dim = Dim::NONE;
        let mut text = String::new();
        let mut ids = Vec::new();
        let mut money = false;
        let mut weight = 0;
        // A model's unit of a time times something (`unit kWh = 1000 W*h`,
        // `unit Ah = 1 A*h`) has no automatic unit that says the same: like a
        // unit whose parts cancel, a value keeps it (not `10,800 kW·s`).
        let mut timed = false;
        for (i, (r, e, sym)) in atoms.into_iter().enumerate() {
            let derived = |i: u16| self.units.defs.get(i as usize).is_some_and(|d| d.kind == ModelUnitKind::Derived);
            timed |= matches!(r.id, UnitId::Model(i) if derived(i))
                && r.dim.exp(crate::units::SECOND) > 0
                && r.dim.factors().count() > 1;
            factor *= libm::pow(r.factor, f64::from(e));
            dim = dim.times(r.dim.powi(i32::from(e)).unwrap_or(Dim::NONE)).unwrap_or(dim);
            let udim = r.dim.powi(i32::from(e)).unwrap_or(r.dim);
            weight += udim.weight();
            ids.push((r.id, udim));
            if i == 0 && sym == "$" && e == 1 {
                money = true;
                continue;
            }
            if i > 0 || e < 0 {
                text.push(if e < 0 { '/' } else { '·' });
            }
            text.push_str(&sym);
            if e.unsigned_abs() != 1 {
                text.push('^');
                text.push_str(&e.unsigned_abs().to_string());
            }
        }
        let cancels = weight > dim.weight() || timed;
        UnitExpr { factor, dim, display: FixedUnit { text, factor, dim, money, percent: false, cancels }, ids, span }
    }

    fn combine_unit(&self, a: UnitExpr, b: UnitExpr) -> UnitExpr {
        if b.ids.is_empty() {
            return a;
        }
        let factor = a.factor * b.factor;
        let dim = a.dim.times(b.dim).unwrap_or(a.dim);
        let mut text = a.display.text.clone();
        // `MB*s` reads `MB·s`, not `MBs`.
        if (!text.is_empty() || a.display.money) && !b.display.text.starts_with('/') {
            text.push('·');
        }
        text.push_str(&b.display.text);
        let mut ids = a.ids;
        ids.extend(b.ids);
        UnitExpr {
            factor,
            dim,
            display: FixedUnit {
                text,
                factor,
                dim,
                money: a.display.money,
                percent: false,
                cancels: a.display.cancels || b.display.cancels || a.dim.weight() + b.dim.weight() > dim.weight(),
            },
            ids,
            span: a.span.to(b.span),
        }
    }

    // -------------------------------------------------------------- tokens

    fn peek(&self) -> Token {
        self.toks[self.pos.min(self.toks.len() - 1)]
    }

    fn at(&self, tok: Tok) -> bool {
        core::mem::discriminant(&self.peek().tok) == core::mem::discriminant(&tok)
    }

    fn peek_word(&self) -> Option<&'s str> {
        let t = self.peek();
        (t.tok == Tok::Ident).then(|| self.text(t.span))
    }

    fn bump(&mut self) -> Token {
        let t = self.peek();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn expect(&mut self, tok: Tok, what: &str) -> PResult<Token> {
        if self.at(tok) {
            Ok(self.bump())
        } else {
            Err(self.expected(what))
        }
    }

    fn expect_word(&mut self, word: &str, what: &str) -> PResult<Token> {
        if self.peek_word() == Some(word) {
            Ok(self.bump())
        } else {
            Err(self.expected(what))
        }
    }

    fn expect_ident(&mut self, what: &str) -> PResult<Token> {
        if self.at(Tok::Ident) {
            Ok(self.bump())
        } else {
            Err(self.expected(what))
        }
    }

    fn expected(&mut self, what: &str) -> Stop {
        let t = self.peek();
        if t.tok == Tok::Ident && self.text(t.span) == "to" && what.contains("operator") {
            // `50 MB to 100 MB`: `to` after a quantity, as after a number.
            return self.uncertain(t.span);
        }
        let found = match t.tok {
            Tok::Ident => format!("`{}`", self.text(t.span)),
            Tok::Number(_) => format!("the number `{}`", self.text(t.span)),
            other => other.describe().to_string(),
        };
        let mut d = Diagnostic::new(ErrorKind::Expected, t.span, format!("expected {what}, found {found}"));
        let prev = self.pos.checked_sub(1).map(|i| self.toks[i]);
        let after_number = prev.is_some_and(|p| matches!(p.tok, Tok::Number(_)));
        // The token before, touching this one (`//`, `**`, `<>`).
        let glued = |tok: Tok| prev.is_some_and(|p| p.tok == tok && p.span.end == t.span.start);
        let end = what.contains("end of the");
        // `1,5 GB`: a comma before anything but three digits is a decimal comma.
        let decimal_comma = self.toks.get(self.pos + 1).is_some_and(|n| {
            let digits = self.text(n.span);
            matches!(n.tok, Tok::Number(_)) && n.span.start == t.span.end && digits.len() != 3
        });
        if t.tok == Tok::Comma && after_number && (end || what.contains("`)`")) && decimal_comma {
            let (whole, part) = (prev.map_or("1", |p| self.text(p.span)), self.text(self.toks[self.pos + 1].span));
            d = d.with_help(format!("the decimal point is `.`: `{whole}.{part}`"));
        } else if t.tok == Tok::Comma && after_number && end {
            d = d.with_help("a comma groups digits in threes (`1,000`); or write `1_000` or `1000`");
        } else if matches!(t.tok, Tok::Number(_)) && after_number && end {
            // `1.000.000`, `1 000 000`.
            d = d.with_help("group digits with `_` or commas: `1_000_000` or `1,000,000`; the decimal point is `.`");
        } else if t.tok == Tok::RParen && end {
            d = d.with_help("this `)` closes no `(`: remove it, or open its `(` where it begins");
        } else if t.tok == Tok::LParen && after_number && end {
            d = d.with_help("to multiply, write `*`: `2 * (a + b)`");
        } else if t.tok == Tok::Slash
            && (glued(Tok::Slash)
                || self.toks.get(self.pos + 1).is_some_and(|n| n.tok == Tok::Slash && n.span.start == t.span.end))
        {
            d = d.with_help("a comment starts with `#`");
        } else if t.tok == Tok::Star && glued(Tok::Star) {
            d = d.with_help("a power is written with `^`: `x ^ 2`");
        } else if t.tok == Tok::Gt && glued(Tok::Lt) {
            d = d.with_help("\"not equal\" is written `!=`");
        } else if t.tok == Tok::Percent && end {
            d = d.with_help(
                "`%` makes the number before it a percentage (`20%` is 0.2); there is no remainder operator",
            );
        } else if t.tok == Tok::Assign && what.contains("`then`") {
            d = d.with_help("compare with `==`: `if a == 5 then ...`");
        } else if t.tok == Tok::Assign && what.contains("end of the line") {
            d = d.with_help("compare with `==`; `=` only defines a name at the start of a line");
        } else if t.tok == Tok::LBracket && what.contains("end of the line") {
            // `usage[6]`: no indexing; the ways to one element.
            d = d.with_help(
                "a series has no `[index]`: take an element with `first(...)`, `last(...)` or `first_where(series, condition)`, or a table row with `pick(TABLE, condition)`",
            );
        } else if what.contains("end of the line")
            && self.toks[..self.pos].iter().any(|p| p.tok == Tok::Arrow)
            && matches!(
                t.tok,
                Tok::Plus
                    | Tok::Minus
                    | Tok::Star
                    | Tok::Slash
                    | Tok::Caret
                    | Tok::EqEq
                    | Tok::NotEq
                    | Tok::Lt
                    | Tok::Le
                    | Tok::Gt
                    | Tok::Ge
            )
        {
            // `a -> GB >= 1 GB`: the conversion took all that came before.
            d = d.with_help("`->` converts everything before it and ends the expression: put it in parentheses, `(x -> GB)`, or convert at the end of the line");
        } else if t.tok == Tok::Ident && what.contains("end of the line") && self.units.is_unit(self.text(t.span)) {
            let unit = self.text(t.span);
            let prev = self.toks[self.pos.saturating_sub(1)];
            let after_unit = prev.tok == Tok::Ident
                && self.units.is_unit(self.text(prev.span))
                && self.pos >= 2
                && matches!(self.toks[self.pos - 2].tok, Tok::Number(_));
            d = d.with_help(match after_unit {
                // `5 GB s`: two units side by side.
                true => format!("to multiply units, join them with `*`: `{}*{unit}`", self.text(prev.span)),
                // `x GB`: a unit after a value rather than a number.
                false => format!("a unit stands only after a number: multiply by one of it (`* 1 {unit}`)"),
            });
        }
        self.error(d)
    }

    /// The spec's later uncertainty (`80 to 120 req/s` as a 90% interval)
    /// is not in the language yet: say so plainly.
    fn uncertain(&mut self, span: Span) -> Stop {
        let d = Diagnostic::new(ErrorKind::Expected, span, "uncertain values (`80 to 120`) are not supported yet")
            .with_help("write one value, and try the ends of the interval with an input");
        self.error(d)
    }

    fn error(&mut self, d: Diagnostic) -> Stop {
        self.diags.push(d);
        Stop
    }
}

/// A fresh definition with nothing learned yet.
fn blank_def(name: String, kind: DefKind, span: Span) -> Def {
    Def {
        name,
        kind,
        span,
        broken: false,
        hint: DisplayHint::default(),
        own_hint: DisplayHint::default(),
        fixed: None,
        times: Vec::new(),
        dim: None,
        conventions: Vec::new(),
        deps: Vec::new(),
        row_table: None,
        rows_of: None,
        constant: None,
    }
}

/// A stand-in for a name that failed to resolve (the statement is marked
/// broken and never evaluated).
fn zero_literal(span: Span) -> Expr {
    Expr { kind: ExprKind::Number(Literal { value: Quantity::ZERO, percent: false, unit: None }), span }
}

/// True for a number literal, possibly negated (`100`, `8 GB`, `-1`).
fn is_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Number(_) => true,
        ExprKind::Neg(x) => is_literal(x),
        _ => false,
    }
}

/// The display hint of column `c` of a table: the units its cells were
/// written in.
pub(crate) fn column_hint(table: &TableDef, c: usize, units: &UnitTable) -> DisplayHint {
    let percent = table.columns.get(c).is_some_and(|col| percent_column(table, &col.name));
    let mut hint = DisplayHint { percent, ..DisplayHint::default() };
    for row in &table.rows {
        if let Some(Some(cell)) = row.cells.get(c) {
            note_units(cell, &mut hint, units);
        }
    }
    hint
}

/// Notes in `hint` the units of every number written in `e`, formulas too:
/// a cell `2 * $0.10/h` reads per hour.
pub(crate) fn note_units(e: &Expr, hint: &mut DisplayHint, units: &UnitTable) {
    match &e.kind {
        ExprKind::Number(Literal { unit: Some(u), .. }) => {
            for &(id, dim) in &u.ids {
                hint.note_unit(id, dim, units);
            }
        }
        _ => e.children().into_iter().for_each(|c| note_units(c, hint, units)),
    }
}

/// Whether a function's value is in its arguments' unit and times, as
/// the first argument in any shows them (`max(0, used - free)`, `sum`).
fn keeps_times(f: Func) -> bool {
    matches!(f, Func::Min | Func::Max | Func::Abs | Func::Sum | Func::Mean | Func::First | Func::Last)
}

/// The text's trailing run of characters `allowed` admits, and the text
/// before it, split between characters.
fn split_trailing(text: &str, allowed: impl Fn(char) -> bool) -> (&str, &str) {
    let start = text.char_indices().rev().find(|&(_, c)| !allowed(c)).map_or(0, |(i, c)| i + c.len_utf8());
    text.split_at(start)
}

/// The number a text ends with before a `/` (`12` of `budget / 12/`), when
/// it is a number and not the end of a name (`p99`).
fn divided_number(before: &str) -> Option<&str> {
    let head = before.strip_suffix('/')?.trim_end();
    let (before, n) = split_trailing(head, |c| c.is_ascii_digit() || matches!(c, '.' | '_'));
    let named = before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
    (!named && n.starts_with(|c: char| c.is_ascii_digit())).then_some(n)
}

/// The unit of a percentage per one of a time (`5% / 1 month`, a growth
/// rate): `%/month`, in percents.
fn percent_per_time(e: &Expr) -> Option<FixedUnit> {
    // `-5%/month`, a decline, reads the same way.
    if let ExprKind::Neg(inner) = &e.kind {
        return percent_per_time(inner);
    }
    let ExprKind::Binary(BinOp::Div, a, b) = &e.kind else { return None };
    let a = match &a.kind {
        ExprKind::Neg(inner) => inner,
        _ => a,
    };
    let ExprKind::Number(Literal { percent: true, .. }) = &a.kind else { return None };
    let ExprKind::Number(Literal { value, unit: Some(u), .. }) = &b.kind else { return None };
    let one = value.value() == u.factor;
    (one && u.dim == Dim::base(crate::units::SECOND)).then(|| percent_per(u))
}

/// Percents per the time `u` (`%/month`).
fn percent_per(u: &UnitExpr) -> FixedUnit {
    FixedUnit {
        text: ["%/", u.display.text.as_str()].concat(),
        factor: 0.01 / u.factor,
        dim: Dim::NONE.per(u.dim).unwrap_or(Dim::NONE),
        money: false,
        percent: false,
        cancels: false,
    }
}

/// The unit a literal (possibly negated) was written with.
fn literal_unit(e: &Expr) -> Option<&UnitExpr> {
    match &e.kind {
        ExprKind::Number(Literal { unit: Some(u), .. }) => Some(u),
        ExprKind::Number(Literal { percent: true, .. }) => None,
        ExprKind::Neg(inner) => literal_unit(inner),
        _ => None,
    }
}

/// The unit a default is written in, for its range's bare bounds: its own
/// (`512 MB`), or the one its formula writes (`2 * 3 GB`; `4 GB + 512 MB`
/// takes the first). None when the formula writes units of different
/// dimensions (`100 req/s * 2 s`): which one the bounds mean is unclear.
fn default_unit(default: &Expr) -> Option<&UnitExpr> {
    fn collect<'e>(e: &'e Expr, into: &mut Vec<&'e UnitExpr>) {
        match &e.kind {
            ExprKind::Number(Literal { unit: Some(u), .. }) => into.push(u),
            _ => e.children().into_iter().for_each(|c| collect(c, into)),
        }
    }
    if let Some(u) = literal_unit(default) {
        return Some(u);
    }
    // `3 GB -> MB [1 .. 5000]`: shown in MB, set in MB, bounded in MB.
    if let ExprKind::Convert(_, u) = &default.kind {
        return Some(u);
    }
    let mut units = Vec::new();
    collect(default, &mut units);
    let first = *units.first()?;
    units.iter().all(|u| u.dim == first.dim).then_some(first)
}

/// Gives a unitless literal bound the unit of the input's default.
fn apply_default_unit(bound: &mut Expr, unit: &UnitExpr) {
    match &mut bound.kind {
        ExprKind::Neg(inner) => apply_default_unit(inner, unit),
        ExprKind::Number(lit) if lit.unit.is_none() && !lit.percent && lit.value.dim().is_none() => {
            if let Some(q) = Quantity::new(lit.value.value() * unit.factor, unit.dim) {
                lit.value = q;
                if unit.display.percent {
                    lit.percent = true;
                } else {
                    lit.unit = Some(Box::new(unit.clone()));
                }
            }
        }
        // `4%/month [0% .. 20%]`: percentages per the default's time.
        ExprKind::Number(lit) if lit.unit.is_none() && lit.percent && unit.display.text.starts_with("%/") => {
            if let Some(q) = Quantity::new(lit.value.value() / 0.01 * unit.factor, unit.dim) {
                lit.value = q;
                lit.percent = false;
                lit.unit = Some(Box::new(unit.clone()));
            }
        }
        _ => {}
    }
}

/// Whether `e` writes a percentage anywhere (`1 - 80%`).
fn writes_percent(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Number(l) => l.percent,
        _ => e.children().into_iter().any(writes_percent),
    }
}

/// Plain formula `x` times one `unit`: a cell under a header that gives
/// its column a unit.
fn in_unit(x: Expr, unit: &UnitExpr) -> Expr {
    let span = x.span;
    let mut one = Expr {
        kind: ExprKind::Number(Literal {
            value: Quantity::new(1.0, Dim::NONE).unwrap_or(Quantity::ZERO),
            percent: false,
            unit: None,
        }),
        span,
    };
    apply_default_unit(&mut one, unit);
    Expr { kind: ExprKind::Binary(BinOp::Mul, Box::new(x), Box::new(one)), span }
}

/// The one unit [`in_unit`] gave cell `e`, if it did: the cell reads in it.
pub(crate) fn header_one(e: &Expr) -> Option<&Literal> {
    match &e.kind {
        // Only `in_unit` gives a factor the span of the whole product.
        ExprKind::Binary(BinOp::Mul, _, one) if one.span == e.span => match &one.kind {
            ExprKind::Number(l) => Some(l),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a check's threshold is written as a percentage (`70%`).
fn percent_literal(t: &Option<Expr>) -> bool {
    matches!(t.as_ref().map(|t| &t.kind), Some(ExprKind::Number(l)) if l.percent)
}

/// The dimension of a number as written, of a name, or of a product or
/// quotient of those (`5%/month`).
fn written_dim(e: &Expr, defs: &[Def]) -> Option<Dim> {
    match &e.kind {
        ExprKind::Number(l) => Some(l.unit.as_ref().map_or(Dim::NONE, |u| u.dim)),
        ExprKind::Name(s) => defs[*s as usize].dim,
        ExprKind::Binary(BinOp::Mul, a, b) => written_dim(a, defs)?.times(written_dim(b, defs)?),
        ExprKind::Binary(BinOp::Div, a, b) => written_dim(a, defs)?.per(written_dim(b, defs)?),
        _ => None,
    }
}

pub(crate) fn is_percent(e: &Expr, defs: &[Def], tables: &[TableDef]) -> bool {
    let is_percent = |e: &Expr| is_percent(e, defs, tables);
    match &e.kind {
        ExprKind::Number(l) => l.percent,
        ExprKind::Neg(inner) => is_percent(inner),
        ExprKind::Name(s) => defs[*s as usize].hint.percent,
        ExprKind::Convert(_, u) => u.display.percent,
        ExprKind::If(_, a, b) | ExprKind::Range(a, b) => is_percent(a) && is_percent(b),
        // A column whose cells are all written as percentages.
        ExprKind::Field(obj, col, _) => {
            let table = match obj.kind {
                ExprKind::Table(t) | ExprKind::Pick(t, _) => Some(t),
                ExprKind::Name(s) => defs[s as usize].row_table,
                _ => None,
            };
            table.and_then(|t| tables.get(t as usize)).is_some_and(|t| percent_column(t, col))
        }
        // A percentage per a time (`5% / 1 month`) is a rate of one; over
        // a written number, a part of one (half the error budget, `(1 -
        // slo) / 2`; a month of a year's growth, `growth / 12`).
        ExprKind::Binary(BinOp::Div, a, b) => {
            is_percent(a)
                && (b.plain_number().is_some() || written_dim(b, defs) == Some(Dim::base(crate::units::SECOND)))
        }
        // A share to a power (three replicas all down: `(1 - 99.9%) ^ 3`);
        // not to a negative one (`5% ^ -1` is 20).
        ExprKind::Binary(BinOp::Pow, a, b) => is_percent(a) && !is_percent(b) && !matches!(b.kind, ExprKind::Neg(_)),
        // Percentages chosen between, added up or multiplied (the
        // availability of two services in series) are still percentages,
        // and so is one taken from the whole (`1 - availability`; `1 +
        // growth` is a factor).
        ExprKind::Binary(BinOp::Add | BinOp::Sub | BinOp::Mul, a, b) => {
            // Each side once: a chain of a thousand terms is walked once.
            let sub = matches!(&e.kind, ExprKind::Binary(BinOp::Sub, ..));
            let add = matches!(&e.kind, ExprKind::Binary(BinOp::Add, ..));
            let (pa, pb) = (is_percent(a), is_percent(b));
            // A share beside a percentage: a number times one (`4 * c ^ 3 *
            // (1 - c)`), or a plain number below one. Not a factor (`1 +
            // growth + churn`, `1.5 + overhead`).
            let share = |e: &Expr| match &e.kind {
                ExprKind::Number(_) => e.plain_number().is_some_and(|v| (0.0..1.0).contains(&v)),
                ExprKind::Binary(BinOp::Mul, x, y) => is_percent(x) || is_percent(y),
                _ => false,
            };
            // A percentage per a time over a time is one: `5%/month * 12
            // month` is 60%.
            let second = Dim::base(crate::units::SECOND);
            let dim = |e: &Expr| written_dim(e, defs);
            let per_time = |e: &Expr| dim(e).is_some_and(|d| d.times(second) == Some(Dim::NONE));
            let over_time = |p: &Expr, t: &Expr| per_time(p) && dim(t) == Some(second);
            let mul = matches!(&e.kind, ExprKind::Binary(BinOp::Mul, ..));
            // A growth factor (`1 + growth`, `(1 + g) ^ month`, `1.05 ^ n`):
            // a percentage grown by one is one (`62% * (1 + g) ^ month`).
            fn growth(e: &Expr) -> bool {
                match &e.kind {
                    ExprKind::Binary(BinOp::Add | BinOp::Sub, one, _) => one.is_plain(1.0),
                    ExprKind::Binary(BinOp::Pow, base, _) => {
                        growth(base) || base.plain_number().is_some_and(|v| (0.5..2.0).contains(&v))
                    }
                    _ => false,
                }
            }
            // Not a percentage times a number: `100 * util` is 60 of 100.
            // A share added to a percentage is one (the availability of
            // three of four: `c ^ 4 + 4 * c ^ 3 * (1 - c)`).
            (pa && pb)
                || (sub && a.is_plain(1.0) && pb)
                || (add && ((pa && share(b)) || (pb && share(a))))
                || (mul && ((pa && (over_time(a, b) || growth(b))) || (pb && (over_time(b, a) || growth(a)))))
        }
        // The total, mean, product or an element of a series of
        // percentages (a budget table's column; the availability of
        // services in series) is one.
        ExprKind::Call(Func::Sum | Func::Mean | Func::Product | Func::First | Func::Last, args) if args.len() == 1 => {
            is_percent(&args[0])
        }
        // The element of a series of percentages where something holds.
        ExprKind::Call(Func::FirstWhere | Func::Runway, args) if !args.is_empty() => is_percent(&args[0]),
        // A plain share beside percentages is one too (`min(util, 0.5)`; not
        // the 2 of `max(5%, 2)`).
        ExprKind::Call(Func::Min | Func::Max | Func::Abs, args) => {
            let plain = |e: &Expr| matches!(&e.kind, ExprKind::Number(l) if l.unit.is_none() && (0.0..=1.0).contains(&l.value.value()));
            // Each argument once: nested calls are walked once.
            let shares: Vec<bool> = args.iter().map(is_percent).collect();
            shares.contains(&true) && args.iter().zip(&shares).all(|(a, &share)| share || plain(a))
        }
        _ => false,
    }
}

/// Whether every cell of column `col` is written as a percentage.
fn percent_column(table: &TableDef, col: &str) -> bool {
    let Some(c) = table.column(col) else { return false };
    fn percent(e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Number(l) => l.percent,
            ExprKind::Neg(inner) => percent(inner),
            // A formula given its `%` by its header, or one that writes
            // percentages (`100% - 85%`).
            _ => header_one(e).is_some_and(|l| l.percent) || !matches!(e.kind, ExprKind::Name(_)) && writes_percent(e),
        }
    }
    // Empty cells, a plain 0 and `unlimited` say nothing either way.
    let neutral = |e: &Expr| match &e.kind {
        ExprKind::Number(l) => !l.percent && l.unit.is_none() && l.value.value() == 0.0,
        ExprKind::Unlimited => true,
        _ => false,
    };
    let cells: Vec<&Expr> =
        table.rows.iter().filter_map(|r| r.cells.get(c)?.as_ref()).filter(|e| !neutral(e)).collect();
    !cells.is_empty() && cells.into_iter().all(percent)
}

/// Adds to `into` the conventions of `list` it does not have yet.
fn add_conventions(into: &mut Vec<u16>, list: &[u16]) {
    for &c in list {
        if !into.contains(&c) {
            into.push(c);
        }
    }
}

fn is_snake_case(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A name in snake_case: a capital starts a word after a small letter or a
/// digit, or before a small letter (`peakRPS` is `peak_rps`, `HTTPRequests`
/// `http_requests`, `MAX_SESSIONS` `max_sessions`).
fn to_snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_word = i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let before_word =
                i > 0 && chars[i - 1].is_ascii_uppercase() && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if (after_word || before_word) && !out.ends_with('_') {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out
}

/// A header as a column name: "Max ACU" is `max_acu`, "Price ($)" is
/// `price`.
pub fn column_name(header: &str) -> String {
    let mut out = String::new();
    for c in header.chars() {
        // Letters beyond ASCII are kept as written: case tables for all of
        // Unicode would weigh more in the bundle than the whole parser.
        if c.is_ascii_alphanumeric() || !c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// A line that is only a comment (not a `##` heading), or one written as
/// other languages write them (`// ...`), which is reported.
fn is_comment_line(text: &str) -> bool {
    let t = text.trim_start();
    (t.starts_with('#') && !t.starts_with("##")) || t.starts_with("//")
}

/// Byte ranges of the cells of a table row (between the pipes).
fn cells(src: &str, line: Line) -> Vec<(usize, usize)> {
    let text = &src[line.start..line.end];
    let trimmed_end = text.trim_end().len();
    let lead = text.len() - text.trim_start().len();
    let mut inner_start = line.start + lead;
    let mut inner_end = line.start + trimmed_end;
    if src[inner_start..inner_end].starts_with('|') {
        inner_start += 1;
    }
    if inner_end > inner_start && src[inner_start..inner_end].ends_with('|') {
        inner_end -= 1;
    }
    let mut out = Vec::new();
    let mut s = inner_start;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in src[inner_start..inner_end].char_indices() {
        match c {
            // `\"` inside a label is a quote, not its end; `\|` is a pipe
            // in the cell, as Markdown escapes it.
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => in_string = !in_string,
            '|' if !in_string => {
                // `| x | 1 | # a note`: a comment after the last pipe.
                let rest = src[inner_start + i + 1..inner_end].trim_start();
                if rest.starts_with('#') {
                    out.push((s, inner_start + i));
                    return out;
                }
                out.push((s, inner_start + i));
                s = inner_start + i + 1;
            }
            _ => {}
        }
    }
    out.push((s, inner_end));
    out
}

/// Text with Markdown emphasis and code marks removed.
fn strip_markup(s: &str) -> &str {
    let mut s = s.trim();
    for m in ["**", "__", "*", "_", "`"] {
        if s.len() > 2 * m.len() && s.starts_with(m) && s.ends_with(m) {
            s = s[m.len()..s.len() - m.len()].trim();
        }
    }
    s
}

/// The byte range of a cell without Markdown emphasis around it.
fn unmarked(src: &str, s: usize, e: usize) -> (usize, usize) {
    let raw = &src[s..e];
    let inner = strip_markup(raw);
    let off = inner.as_ptr() as usize - raw.as_ptr() as usize;
    (s + off, s + off + inner.len())
}

/// A cell that holds no value: blank, a dash, or `n/a` as design docs write it.
fn is_empty_cell(s: &str) -> bool {
    matches!(s, "" | "-" | "—" | "–") || s.eq_ignore_ascii_case("n/a")
}

fn starts_like_number(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit() || c == '$' || c == '.' || c == '-' || c == '(')
}

#[cfg(test)]
mod tests {
    use super::divided_number;

    #[test]
    fn a_divided_number_is_a_number_not_the_end_of_a_name() {
        assert_eq!(divided_number("budget / 12/"), Some("12"));
        assert_eq!(divided_number("x = 2400 / 24 /"), Some("24"));
        assert_eq!(divided_number("w = p99 /"), None);
        assert_eq!(divided_number("w = 12"), None);
        // Not ASCII before the digits: no slicing inside a character.
        assert_eq!(divided_number("a = €12/"), Some("12"));
        assert_eq!(divided_number("é12/"), Some("12"));
    }
}
