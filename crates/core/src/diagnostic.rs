//! Diagnostics as values: every error of every stage becomes a
//! [`Diagnostic`] with a kind, a message, the span it is about, optional
//! secondary labels and a help line ("did you mean `sessions`?", or a fix to
//! paste). They are rendered at the edge: [`Diagnostic::render`] gives the
//! text the CLI and the golden tests show; the web app builds HTML from the
//! same fields.

use crate::span::{line_col, line_of, LineCol, Span};
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// What went wrong, as a stable code (see [`ErrorKind::code`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A character that starts no token.
    UnexpectedChar,
    /// A string without its closing quote.
    UnterminatedString,
    /// A malformed number literal.
    BadNumber,
    /// The parser expected something else here.
    Expected,
    /// A definition whose name is not a snake_case identifier.
    BadName,
    /// A name that is not defined.
    UnknownName,
    /// A name used above the line that defines it.
    DefinedBelow,
    /// A name or unit defined twice.
    Redefined,
    /// A unit that does not exist.
    UnknownUnit,
    /// A function that does not exist.
    UnknownFunction,
    /// A function called with the wrong number of arguments.
    Arity,
    /// A `unit NAME = EXPR` that is not a constant of the right dimension.
    BadUnitDefinition,
    /// More count units than a model may declare.
    TooManyUnits,
    /// A Markdown table that is not well formed.
    BadTable,
    /// A column that the table does not have.
    UnknownColumn,
    /// Quantities of different dimensions added, compared or chosen between.
    DimensionMismatch,
    /// A percentage added to a quantity that has a unit.
    PercentOfQuantity,
    /// A value of the wrong kind (text where a number belongs, ...).
    TypeMismatch,
    /// A function that needs a plain number got a quantity with a unit.
    NeedsPlainNumber,
    /// Division by zero.
    DivisionByZero,
    /// A result that is not a finite real number (overflow, sqrt of a
    /// negative, ...).
    NotFinite,
    /// Two series of different lengths combined element by element.
    LengthMismatch,
    /// An empty series where elements are needed.
    EmptySeries,
    /// `pick` found no row whose condition holds.
    NoMatchingRow,
    /// A `check` whose expression is neither a ratio nor a truth value.
    BadCheck,
    /// An input whose default lies outside its range, or an empty range.
    BadInput,
    /// The model source is larger than the limit.
    SourceTooLarge,
    /// Expressions nested deeper than the limit.
    TooDeep,
    /// A series longer than the limit.
    SeriesTooLong,
    /// Evaluation took more steps than the limit.
    OutOfFuel,
}

impl ErrorKind {
    /// Every kind, for documentation and for the test that each one has an
    /// example.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::UnexpectedChar,
        ErrorKind::UnterminatedString,
        ErrorKind::BadNumber,
        ErrorKind::Expected,
        ErrorKind::BadName,
        ErrorKind::UnknownName,
        ErrorKind::DefinedBelow,
        ErrorKind::Redefined,
        ErrorKind::UnknownUnit,
        ErrorKind::UnknownFunction,
        ErrorKind::Arity,
        ErrorKind::BadUnitDefinition,
        ErrorKind::TooManyUnits,
        ErrorKind::BadTable,
        ErrorKind::UnknownColumn,
        ErrorKind::DimensionMismatch,
        ErrorKind::PercentOfQuantity,
        ErrorKind::TypeMismatch,
        ErrorKind::NeedsPlainNumber,
        ErrorKind::DivisionByZero,
        ErrorKind::NotFinite,
        ErrorKind::LengthMismatch,
        ErrorKind::EmptySeries,
        ErrorKind::NoMatchingRow,
        ErrorKind::BadCheck,
        ErrorKind::BadInput,
        ErrorKind::SourceTooLarge,
        ErrorKind::TooDeep,
        ErrorKind::SeriesTooLong,
        ErrorKind::OutOfFuel,
    ];

    /// A short stable code, shown in brackets after "error".
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::UnexpectedChar => "unexpected-char",
            ErrorKind::UnterminatedString => "unterminated-string",
            ErrorKind::BadNumber => "bad-number",
            ErrorKind::Expected => "syntax",
            ErrorKind::BadName => "bad-name",
            ErrorKind::UnknownName => "unknown-name",
            ErrorKind::DefinedBelow => "defined-below",
            ErrorKind::Redefined => "redefined",
            ErrorKind::UnknownUnit => "unknown-unit",
            ErrorKind::UnknownFunction => "unknown-function",
            ErrorKind::Arity => "arity",
            ErrorKind::BadUnitDefinition => "bad-unit",
            ErrorKind::TooManyUnits => "too-many-units",
            ErrorKind::BadTable => "bad-table",
            ErrorKind::UnknownColumn => "unknown-column",
            ErrorKind::DimensionMismatch => "dimension",
            ErrorKind::PercentOfQuantity => "percent-of-quantity",
            ErrorKind::TypeMismatch => "type",
            ErrorKind::NeedsPlainNumber => "needs-plain-number",
            ErrorKind::DivisionByZero => "division-by-zero",
            ErrorKind::NotFinite => "not-finite",
            ErrorKind::LengthMismatch => "length-mismatch",
            ErrorKind::EmptySeries => "empty-series",
            ErrorKind::NoMatchingRow => "no-matching-row",
            ErrorKind::BadCheck => "bad-check",
            ErrorKind::BadInput => "bad-input",
            ErrorKind::SourceTooLarge => "source-too-large",
            ErrorKind::TooDeep => "too-deep",
            ErrorKind::SeriesTooLong => "series-too-long",
            ErrorKind::OutOfFuel => "out-of-fuel",
        }
    }
}

/// One error, with everything needed to show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// What went wrong.
    pub kind: ErrorKind,
    /// One sentence saying what went wrong and what was expected.
    pub message: String,
    /// The source range the error is about.
    pub span: Span,
    /// A short note under the primary span ("this is GB").
    pub label: Option<String>,
    /// Further spans with notes ("this is s").
    pub secondary: Vec<(Span, String)>,
    /// A suggestion: the near name, or a fix to write instead.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with a message and a span.
    // Built on error paths only: one out-of-line copy keeps the many call
    // sites small in the wasm bundle.
    #[inline(never)]
    pub fn new(kind: ErrorKind, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { kind, message: message.into(), span, label: None, secondary: Vec::new(), help: None }
    }

    /// Adds the note under the primary span.
    #[inline(never)]
    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    /// Adds a secondary span with its note.
    #[inline(never)]
    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.secondary.push((span, label.into()));
        self
    }

    /// Adds a help line.
    #[inline(never)]
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The message with its help, in one line: what JSON and Markdown
    /// reports give, where there is no room for the underlined source.
    pub fn summary(&self) -> String {
        match &self.help {
            Some(help) => [self.message.as_str(), "; ", help].concat(),
            None => self.message.clone(),
        }
    }

    /// Line and column where the error starts.
    pub fn line_col(&self, src: &str) -> LineCol {
        line_col(src, self.span.start)
    }

    /// The diagnostic as text, with the source line and the span
    /// underlined:
    ///
    /// ```text
    /// error[unknown-name]: unknown name `sesions`
    ///  --> model.hr:3:18
    ///   |
    /// 3 | daemon = 50 MB + sesions * 5 MB
    ///   |                  ^^^^^^^ not defined above
    ///   = help: did you mean `sessions`?
    /// ```
    pub fn render(&self, src: &str, file: &str) -> String {
        let at = self.line_col(src);
        let gutter = digits(at.line);
        let pad = " ".repeat(gutter);
        let mut out = String::new();
        let _ = writeln!(out, "error[{}]: {}", self.kind.code(), self.message);
        let _ = writeln!(out, "{pad}--> {file}:{}:{}", at.line, at.column);
        let _ = writeln!(out, "{pad} |");
        let mut spans: Vec<(Span, Option<&str>, char)> = Vec::from([(self.span, self.label.as_deref(), '^')]);
        spans.extend(self.secondary.iter().map(|(s, l)| (*s, Some(l.as_str()), '-')));
        let mut last_line = None;
        for (span, label, mark) in spans {
            let lc = line_col(src, span.start);
            let (line, start) = line_of(src, span.start);
            if last_line != Some(lc.line) {
                let _ = writeln!(out, "{:>gutter$} | {}", lc.line, line.replace('\t', " "));
                last_line = Some(lc.line);
            }
            let col = src[start..span.start as usize].chars().count();
            let end = (span.end as usize).min(start + line.len()).max(span.start as usize);
            let width = src[span.start as usize..end].chars().count().max(1);
            let _ = write!(out, "{pad} | {}{}", " ".repeat(col), core::iter::repeat_n(mark, width).collect::<String>());
            if let Some(l) = label {
                let _ = write!(out, " {l}");
            }
            out.push('\n');
        }
        if let Some(h) = &self.help {
            let _ = writeln!(out, "{pad} = help: {h}");
        }
        out
    }
}

fn digits(mut n: u32) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

/// The known name nearest to `name`, when it is near enough to be a typo.
pub fn suggest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).clamp(1, 3);
    let lower = name.to_ascii_lowercase();
    known
        .into_iter()
        .filter(|k| !k.is_empty() && *k != name)
        .map(|k| {
            // A case-only difference (`mb` for `MB`) is the nearest of all.
            let d = if k.to_ascii_lowercase() == lower { 0 } else { edit_distance(name, k) };
            (d, k)
        })
        // Never suggest a name that shares nothing with the one written.
        .filter(|&(d, _)| d <= limit && d < name.chars().count())
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// Optimal-string-alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 3 {
        return 4;
    }
    let w = b.len() + 1;
    let mut d: Vec<usize> = (0..(a.len() + 1) * w).collect();
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// `text` cut to `chars` characters with an ellipsis when longer: a value
/// echoed in a message (one pasted by mistake can be a page long), a
/// chart's label.
pub fn shortened(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return String::from(text);
    }
    let mut s: String = text.chars().take(chars.saturating_sub(1)).collect();
    s.truncate(s.trim_end().len());
    s.push('…');
    s
}

/// How many characters of a value a message echoes.
pub const ECHOED: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_find_typos() {
        let known = ["sessions", "clients", "limit", "MB"];
        assert_eq!(suggest("sesions", known), Some("sessions"));
        assert_eq!(suggest("clinets", known), Some("clients"));
        assert_eq!(suggest("mb", known), Some("MB"));
        assert_eq!(suggest("zebra", known), None);
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(edit_distance("abc", "acb"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn render_underlines_the_span() {
        let src = "a = 1\ndaemon = 50 MB + sesions * 5 MB\n";
        let d = Diagnostic::new(ErrorKind::UnknownName, Span::new(23, 30), "unknown name `sesions`")
            .with_label("not defined above")
            .with_help("did you mean `sessions`?");
        let want = "error[unknown-name]: unknown name `sesions`\n \
                    --> model.hr:2:18\n  |\n\
                    2 | daemon = 50 MB + sesions * 5 MB\n  \
                    |                  ^^^^^^^ not defined above\n  \
                    = help: did you mean `sessions`?\n";
        assert_eq!(d.render(src, "model.hr"), want);
    }
}
