//! Tokens of one line of a model.
//!
//! The language is line oriented, so the lexer works on one line (or one
//! table cell) at a time: an unclosed parenthesis or string while typing
//! breaks only its own line. A `#` starts a comment that runs to the end of
//! the line. The typographic operators people paste from documents
//! (`×`, `·`, `÷`, `−`, `≤`, `≥`, `≠`) read as their ASCII twins.

use crate::diagnostic::{Diagnostic, ErrorKind};
use crate::span::Span;
use alloc::string::String;
use alloc::vec::Vec;

/// Kinds of tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tok {
    /// A number literal; `%` and units are separate tokens.
    Number(f64),
    /// A name, keyword or unit.
    Ident,
    /// A double-quoted string; [`unquote`] gives its contents.
    Str,
    /// `%`
    Percent,
    /// `$`
    Dollar,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*` or `×` or `·`
    Star,
    /// `/` or `÷`
    Slash,
    /// `^`
    Caret,
    /// `(`
    LParen,
    /// `)`
    RParen,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `,`
    Comma,
    /// `.`
    Dot,
    /// `..`
    DotDot,
    /// `->`
    Arrow,
    /// `=`
    Assign,
    /// `==`
    EqEq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// End of the line.
    Eol,
}

impl Tok {
    /// How the token is named in "expected ..., found ..." messages.
    pub fn describe(self) -> &'static str {
        match self {
            Tok::Number(_) => "a number",
            Tok::Ident => "a name",
            Tok::Str => "a string",
            Tok::Percent => "`%`",
            Tok::Dollar => "`$`",
            Tok::Plus => "`+`",
            Tok::Minus => "`-`",
            Tok::Star => "`*`",
            Tok::Slash => "`/`",
            Tok::Caret => "`^`",
            Tok::LParen => "`(`",
            Tok::RParen => "`)`",
            Tok::LBracket => "`[`",
            Tok::RBracket => "`]`",
            Tok::Comma => "`,`",
            Tok::Dot => "`.`",
            Tok::DotDot => "`..`",
            Tok::Arrow => "`->`",
            Tok::Assign => "`=`",
            Tok::EqEq => "`==`",
            Tok::NotEq => "`!=`",
            Tok::Lt => "`<`",
            Tok::Le => "`<=`",
            Tok::Gt => "`>`",
            Tok::Ge => "`>=`",
            Tok::Eol => "the end of the line",
        }
    }
}

/// A token and where it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Token {
    /// What it is.
    pub tok: Tok,
    /// Where it is in the model source.
    pub span: Span,
}

/// Characters as a message quotes them: in backticks, or by code point
/// when some cannot be seen (`U+200B`, a zero-width space pasted along).
fn shown(text: &str) -> String {
    // Controls, format characters, combining marks and blank fillers.
    let invisible = |c: char| {
        c.is_control()
            || matches!(
                c as u32,
                0x00AD
                    | 0x0300..=0x036F
                    | 0x115F
                    | 0x1160
                    | 0x180E
                    | 0x200B..=0x200F
                    | 0x202A..=0x202E
                    | 0x2060..=0x2064
                    | 0x2800
                    | 0x3164
                    | 0xFEFF
                    | 0xFFA0
            )
    };
    if !text.chars().any(invisible) {
        return alloc::format!("`{text}`");
    }
    let points: Vec<String> = text.chars().map(|c| alloc::format!("U+{:04X}", c as u32)).collect();
    alloc::format!("{} (not visible)", points.join(" "))
}

/// True for characters that may start a name.
fn ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == 'µ'
}

/// Lexes `src[start..end]` (one line or cell; spans are into the whole
/// source). Stops at a `#` comment. Always ends with an [`Tok::Eol`] token.
pub fn lex(src: &str, start: usize, end: usize, errors: &mut Vec<Diagnostic>) -> Vec<Token> {
    let mut out = Vec::new();
    lex_into(src, start, end, errors, &mut out);
    out
}

/// [`lex`] into a buffer the caller reuses from line to line.
pub fn lex_into(src: &str, start: usize, end: usize, errors: &mut Vec<Diagnostic>, out: &mut Vec<Token>) {
    out.clear();
    // A file saved with CRLF: the line ends before its `\r`.
    let end = start + src[start..end].trim_end_matches('\r').len();
    let text = &src[start..end];
    let mut it = text.char_indices().peekable();
    let at = |i: usize| (start + i) as u32;
    let mut end_at = end;
    // The parentheses open, each true for a call's: inside those a comma
    // separates arguments; inside a group (`$86 / (5,000 site)`) it can
    // only group digits.
    let mut calls: Vec<bool> = Vec::new();
    while let Some((i, c)) = it.next() {
        let single = |tok| Token { tok, span: Span::new(at(i), at(i + c.len_utf8())) };
        let next = it.peek().map(|&(_, n)| n);
        match c {
            // Text pasted from documents brings no-break, thin, em,
            // ideographic and other Unicode spaces: all are spaces.
            c if c.is_whitespace() => {}
            '#' => {
                end_at = start + i;
                break;
            }
            '0'..='9' | '.' if c != '.' || next.is_some_and(|n| n.is_ascii_digit()) => {
                let mut j = i + 1;
                let bytes = text.as_bytes();
                let digits = |j: &mut usize| {
                    while *j < bytes.len() && (bytes[*j].is_ascii_digit() || bytes[*j] == b'_') {
                        *j += 1;
                    }
                };
                digits(&mut j);
                // Thousands separators, as documents write them (`$1,800`),
                // where a comma cannot separate arguments.
                if calls.last() != Some(&true) && c != '.' && j - i <= 3 && !text[i..j].contains('_') {
                    let group = |k: usize| {
                        bytes.get(k) == Some(&b',')
                            && bytes.get(k + 1..k + 4).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                            && !bytes.get(k + 4).is_some_and(|b| b.is_ascii_digit() || *b == b'_')
                    };
                    while group(j) {
                        j += 4;
                    }
                }
                // A '.' starts a fraction only when a digit follows, so
                // `1..12` is a range.
                if c != '.' && j + 1 < bytes.len() && bytes[j] == b'.' && bytes[j + 1].is_ascii_digit() {
                    j += 1;
                    digits(&mut j);
                }
                if j < bytes.len() && (bytes[j] == b'e' || bytes[j] == b'E') {
                    let mut k = j + 1;
                    if k < bytes.len() && (bytes[k] == b'+' || bytes[k] == b'-') {
                        k += 1;
                    }
                    // `2EB` is two exabytes, not a broken exponent.
                    if k < bytes.len() && bytes[k].is_ascii_digit() {
                        j = k;
                        digits(&mut j);
                    }
                }
                let raw = &text[i..j];
                let span = Span::new(at(i), at(j));
                let clean: String = raw.chars().filter(|&c| c != '_' && c != ',').collect();
                match crate::decimal::parse(&clean) {
                    Some(v) if v.is_finite() && !raw.ends_with('_') && !raw.contains("__") => {
                        out.push(Token { tok: Tok::Number(v), span })
                    }
                    // `1e400`: a number, past the largest a double holds.
                    Some(v) if v.is_infinite() && !raw.ends_with('_') && !raw.contains("__") => {
                        errors.push(
                            Diagnostic::new(
                                ErrorKind::BadNumber,
                                span,
                                alloc::format!(
                                    "`{}` is too large",
                                    crate::diagnostic::shortened(raw, crate::diagnostic::ECHOED)
                                ),
                            )
                            .with_help("numbers go up to about 1.8e308; for no limit, write `unlimited`"),
                        );
                        out.push(Token { tok: Tok::Number(0.0), span })
                    }
                    _ => {
                        errors.push(
                            Diagnostic::new(ErrorKind::BadNumber, span, alloc::format!("`{raw}` is not a number"))
                                .with_help("write numbers like 12, 1.5, 1e6 or 1_000"),
                        );
                        out.push(Token { tok: Tok::Number(0.0), span })
                    }
                }
                while it.peek().is_some_and(|&(k, _)| k < j) {
                    it.next();
                }
            }
            c if ident_start(c) => {
                let mut j = i + c.len_utf8();
                while let Some(&(k, n)) = it.peek() {
                    if n.is_ascii_alphanumeric() || n == '_' {
                        it.next();
                        j = k + n.len_utf8();
                    } else {
                        break;
                    }
                }
                out.push(Token { tok: Tok::Ident, span: Span::new(at(i), at(j)) });
            }
            '"' => {
                let mut j = None;
                let mut escaped = false;
                for (k, n) in it.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if n == '\\' {
                        escaped = true;
                    } else if n == '"' {
                        j = Some(k + 1);
                        break;
                    }
                }
                match j {
                    Some(j) => out.push(Token { tok: Tok::Str, span: Span::new(at(i), at(j)) }),
                    None => {
                        let span = Span::new(at(i), at(text.len()));
                        // `"C:\logs\"`: the last quote is escaped.
                        let help = match text[i..].contains("\\\"") {
                            true => {
                                "a backslash before a quote makes it part of the text: write `\\\\` for a backslash"
                            }
                            false => "end it with `\"` on the same line",
                        };
                        errors.push(
                            Diagnostic::new(ErrorKind::UnterminatedString, span, "this string has no closing quote")
                                .with_help(help),
                        );
                        out.push(Token { tok: Tok::Str, span });
                    }
                }
            }
            '.' if next == Some('.') => {
                it.next();
                out.push(Token { tok: Tok::DotDot, span: Span::new(at(i), at(i + 2)) });
            }
            '-' if next == Some('>') => {
                it.next();
                out.push(Token { tok: Tok::Arrow, span: Span::new(at(i), at(i + 2)) });
            }
            '=' | '!' | '<' | '>' if next == Some('=') => {
                it.next();
                let tok = match c {
                    '=' => Tok::EqEq,
                    '!' => Tok::NotEq,
                    '<' => Tok::Le,
                    _ => Tok::Ge,
                };
                out.push(Token { tok, span: Span::new(at(i), at(i + 2)) });
            }
            '→' => out.push(single(Tok::Arrow)),
            '∞' => out.push(single(Tok::Ident)),
            '.' => out.push(single(Tok::Dot)),
            '%' => out.push(single(Tok::Percent)),
            '$' => out.push(single(Tok::Dollar)),
            '+' => out.push(single(Tok::Plus)),
            '-' | '−' => out.push(single(Tok::Minus)),
            '*' | '×' | '·' => out.push(single(Tok::Star)),
            '/' | '÷' => out.push(single(Tok::Slash)),
            '^' => out.push(single(Tok::Caret)),
            '(' => {
                // A name before it calls a function, a keyword does not.
                let call = out.last().is_some_and(|t| {
                    t.tok == Tok::Ident
                        && !crate::parser::KEYWORDS.contains(&&src[t.span.start as usize..t.span.end as usize])
                });
                calls.push(call);
                out.push(single(Tok::LParen))
            }
            ')' => {
                calls.pop();
                out.push(single(Tok::RParen))
            }
            '[' => out.push(single(Tok::LBracket)),
            ']' => out.push(single(Tok::RBracket)),
            ',' => out.push(single(Tok::Comma)),
            '=' => out.push(single(Tok::Assign)),
            '<' => out.push(single(Tok::Lt)),
            '>' => out.push(single(Tok::Gt)),
            '≤' => out.push(single(Tok::Le)),
            '≥' => out.push(single(Tok::Ge)),
            '≠' => out.push(single(Tok::NotEq)),
            _ => {
                let span = Span::new(at(i), at(i + c.len_utf8()));
                // A run of them (`@@@`) is one mistake, not one per character.
                if let Some(last) =
                    errors.last_mut().filter(|l| l.kind == ErrorKind::UnexpectedChar && l.span.end == span.start)
                {
                    last.span.end = span.end;
                    let run = &src[last.span.start as usize..last.span.end as usize];
                    if run.len() >= 3 && (run.bytes().all(|b| b == b'`') || run.bytes().all(|b| b == b'~')) {
                        last.message = String::from("a Markdown code fence is not part of the model");
                        last.help = Some(String::from("keep only the lines between the fences"));
                    } else {
                        last.message = alloc::format!("unexpected characters {}", shown(run));
                    }
                    continue;
                }
                let mut d = Diagnostic::new(
                    ErrorKind::UnexpectedChar,
                    span,
                    alloc::format!("unexpected character {}", shown(&src[span.start as usize..span.end as usize])),
                );
                let digit_before = text[..i].trim_end().ends_with(|b: char| b.is_ascii_digit());
                if c == ':' && digit_before && next.is_some_and(|n| n.is_ascii_digit() || n == ' ') {
                    // `3:1`, an oversubscription ratio.
                    d = d.with_help("a ratio such as `3:1` is written as the number it stands for: `3 / 1`");
                } else if c == ':' {
                    d = d.with_help("a definition is written `name = expression`");
                } else if c == '\'' {
                    d = d.with_help("strings use double quotes: \"Label\"");
                } else if c == '!' {
                    d = d.with_help("write `not x` for negation and `!=` for \"not equal\"");
                } else if let Some(help) = habit_help(c) {
                    d = d.with_help(help);
                }
                errors.push(d);
            }
        }
    }
    out.push(Token { tok: Tok::Eol, span: Span::new(end_at as u32, end_at as u32) });
}

/// The contents of a string token: quotes removed, `\"` and `\\` unescaped.
pub fn unquote(raw: &str) -> String {
    let inner = raw.strip_prefix('"').unwrap_or(raw);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            // Only a quote, a backslash and a table's pipe (`\|`, as
            // Markdown escapes it) are escaped: `C:\logs` keeps its backslash.
            match chars.next() {
                Some(n @ ('"' | '\\' | '|')) => out.push(n),
                Some(n) => {
                    out.push(c);
                    out.push(n);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Help for a character other tools or word processors write: `;`
/// between arguments, `&&`, curly quotes, an en dash for a minus, `²`.
fn habit_help(c: char) -> Option<&'static str> {
    Some(match c {
        ';' => "separate a function's arguments with `,`, and write one statement per line",
        '&' => "write `and`: `a > 1 and b > 1`",
        '|' => "write `or`: `a > 1 or b > 1`",
        '“' | '”' | '‘' | '’' | '„' | '«' | '»' => "text takes straight double quotes: \"Label\"",
        '–' | '—' => "a minus is `-`; a range is `[min .. max]`",
        '²' | '³' => "a power is written with `^`: `x ^ 2`",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let mut errors = Vec::new();
        let t = lex(src, 0, src.len(), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        t.into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn invisible_characters_are_named_by_code_point() {
        let mut errors = Vec::new();
        let src = "c = \u{200b} 5";
        lex(src, 0, src.len(), &mut errors);
        assert_eq!(errors[0].message, "unexpected character U+200B (not visible)");
        let mut errors = Vec::new();
        lex("c = @ 5", 0, 7, &mut errors);
        assert_eq!(errors[0].message, "unexpected character `@`");
        let src = "c = \u{3164} 5";
        let mut errors = Vec::new();
        lex(src, 0, src.len(), &mut errors);
        assert_eq!(errors[0].message, "unexpected character U+3164 (not visible)");
        // Spaces of any width pasted from documents are spaces.
        assert_eq!(toks("1\u{2003}+\u{3000}2"), [Tok::Number(1.0), Tok::Plus, Tok::Number(2.0), Tok::Eol]);
    }

    #[test]
    fn a_line_ends_before_its_carriage_return() {
        // A file saved with CRLF: the end of `x = 3 +` is where LF puts it.
        let src = "x = 3 +\r";
        let t = lex(src, 0, src.len(), &mut Vec::new());
        assert_eq!(t.last().map(|t| t.span), Some(Span::new(7, 7)));
    }

    #[test]
    fn numbers_with_separators_exponents_and_fractions() {
        assert_eq!(
            toks("1_000 1.5 1e6 2.5e-3"),
            [Tok::Number(1000.0), Tok::Number(1.5), Tok::Number(1e6), Tok::Number(0.0025), Tok::Eol]
        );
    }

    #[test]
    fn thousands_separators_group_digits_outside_parentheses() {
        // As documents and the app's own exports write numbers.
        assert_eq!(toks("$1,800/month"), [Tok::Dollar, Tok::Number(1800.0), Tok::Slash, Tok::Ident, Tok::Eol]);
        assert_eq!(toks("1,234,567.5"), [Tok::Number(1_234_567.5), Tok::Eol]);
        // Inside a call a comma separates arguments.
        assert_eq!(
            toks("max(1,200)"),
            [Tok::Ident, Tok::LParen, Tok::Number(1.0), Tok::Comma, Tok::Number(200.0), Tok::RParen, Tok::Eol]
        );
        // In a group, a comma can only group digits; in a group inside a
        // call too; after a keyword, the parenthesis is a group.
        assert_eq!(toks("(5,000)"), [Tok::LParen, Tok::Number(5000.0), Tok::RParen, Tok::Eol]);
        assert_eq!(toks("max((1,200), 3)")[2..4], [Tok::LParen, Tok::Number(1200.0)]);
        assert_eq!(toks("if (1,200 > x) then")[1..3], [Tok::LParen, Tok::Number(1200.0)]);
        assert_eq!(toks("max((a), 1,200)")[6..9], [Tok::Number(1.0), Tok::Comma, Tok::Number(200.0)]);
        // Not a group of three digits: a comma.
        for (src, first) in [("1,20", 1.0), ("1234,567", 1234.0), ("1,2345", 1.0), ("1.5,000", 1.5)] {
            assert_eq!(toks(src)[..2], [Tok::Number(first), Tok::Comma], "{src}");
        }
    }

    #[test]
    fn pasted_no_break_and_thin_spaces_are_spaces() {
        assert_eq!(
            toks("1\u{a0}GB\u{202f}+\u{2009}2"),
            [Tok::Number(1.0), Tok::Ident, Tok::Plus, Tok::Number(2.0), Tok::Eol]
        );
    }

    #[test]
    fn ranges_are_not_fractions() {
        assert_eq!(toks("1..12"), [Tok::Number(1.0), Tok::DotDot, Tok::Number(12.0), Tok::Eol]);
    }

    #[test]
    fn exponent_needs_digits() {
        assert_eq!(toks("2EB"), [Tok::Number(2.0), Tok::Ident, Tok::Eol]);
        assert_eq!(toks("125MB"), [Tok::Number(125.0), Tok::Ident, Tok::Eol]);
    }

    #[test]
    fn operators_and_typographic_twins() {
        assert_eq!(
            toks("a -> b == c != d <= e >= f"),
            [
                Tok::Ident,
                Tok::Arrow,
                Tok::Ident,
                Tok::EqEq,
                Tok::Ident,
                Tok::NotEq,
                Tok::Ident,
                Tok::Le,
                Tok::Ident,
                Tok::Ge,
                Tok::Ident,
                Tok::Eol
            ]
        );
        assert_eq!(
            toks("25 × 125 ÷ 5 − 1"),
            [
                Tok::Number(25.0),
                Tok::Star,
                Tok::Number(125.0),
                Tok::Slash,
                Tok::Number(5.0),
                Tok::Minus,
                Tok::Number(1.0),
                Tok::Eol
            ]
        );
    }

    #[test]
    fn comments_end_the_line() {
        assert_eq!(toks("x = 1 # the rest is ignored ("), [Tok::Ident, Tok::Assign, Tok::Number(1.0), Tok::Eol]);
        assert_eq!(toks("check \"issue #5\" x"), [Tok::Ident, Tok::Str, Tok::Ident, Tok::Eol]);
    }

    #[test]
    fn money_percent_and_micro() {
        assert_eq!(
            toks("$25/month 20% 5µs"),
            [
                Tok::Dollar,
                Tok::Number(25.0),
                Tok::Slash,
                Tok::Ident,
                Tok::Number(20.0),
                Tok::Percent,
                Tok::Number(5.0),
                Tok::Ident,
                Tok::Eol
            ]
        );
    }

    #[test]
    fn strings_and_their_errors() {
        assert_eq!(unquote(r#""say \"hi\"""#), "say \"hi\"");
        assert_eq!(unquote(r#""C:\logs\*.gz \\ \x""#), r"C:\logs\*.gz \ \x");
        let mut errors = Vec::new();
        lex("check \"open", 0, 11, &mut errors);
        assert_eq!(errors[0].kind, ErrorKind::UnterminatedString);
        let mut errors = Vec::new();
        lex("x = 1 @ 2", 0, 9, &mut errors);
        assert_eq!(errors[0].kind, ErrorKind::UnexpectedChar);
        assert_eq!(errors[0].span, Span::new(6, 7));
        let mut errors = Vec::new();
        lex("1__0", 0, 4, &mut errors);
        assert_eq!(errors[0].kind, ErrorKind::BadNumber);
    }

    #[test]
    fn spans_are_offsets_into_the_whole_source() {
        let src = "a = 1\nbb = 22";
        let mut errors = Vec::new();
        let t = lex(src, 6, src.len(), &mut errors);
        assert_eq!(t[0].span, Span::new(6, 8));
        assert_eq!(t[2].span, Span::new(11, 13));
    }
}
