//! Source positions: a half-open byte range attached to every token, AST node
//! and diagnostic, plus the conversion to the 1-based line and column people
//! read.

use core::ops::Range;

/// A half-open byte range `start..end` into the model source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// An empty span for tests and synthesized nodes.
    pub const fn dummy() -> Span {
        Span { start: 0, end: 0 }
    }

    /// The smallest span covering both `self` and `other`.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The range as `usize` indices, for slicing the source.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Number of bytes covered.
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }

    /// The text the span covers, or "" when it falls outside `src`.
    pub fn text(self, src: &str) -> &str {
        src.get(self.range()).unwrap_or("")
    }
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: u32,
    /// Column in characters, starting at 1.
    pub column: u32,
}

/// Line and column of byte offset `at` in `src` (clamped to the source).
pub fn line_col(src: &str, at: u32) -> LineCol {
    let mut at = (at as usize).min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let before = &src[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol { line: before.matches('\n').count() as u32 + 1, column: columns(src, line_start, at) + 1 }
}

/// Where the lines of a text start, to find the line and column of many
/// offsets without scanning the text from its start each time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineIndex {
    starts: alloc::vec::Vec<u32>,
}

impl LineIndex {
    /// The index of `src`.
    pub fn new(src: &str) -> LineIndex {
        let mut starts = alloc::vec![0];
        starts.extend(src.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i as u32 + 1));
        LineIndex { starts }
    }

    /// Line and column of byte offset `at` in `src` (the text indexed).
    pub fn line_col(&self, src: &str, at: u32) -> LineCol {
        let mut at = (at as usize).min(src.len());
        while !src.is_char_boundary(at) {
            at -= 1;
        }
        let line = self.starts.partition_point(|&s| s as usize <= at).max(1);
        let start = self.starts[line - 1] as usize;
        LineCol { line: line as u32, column: columns(src, start, at) + 1 }
    }
}

/// How many columns `src[start..at]` takes: its characters, less the
/// byte-order mark some editors write at the start of a file (one inside
/// a line is a character there).
fn columns(src: &str, start: usize, at: usize) -> u32 {
    let text = &src[start..at];
    let text = if start == 0 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
    text.chars().count() as u32
}

/// The full text of the line holding byte offset `at`, without its newline,
/// and the byte offset where that line starts.
pub fn line_of(src: &str, at: u32) -> (&str, usize) {
    let at = (at as usize).min(src.len());
    let start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let start = if start == 0 && src.starts_with('\u{feff}') { '\u{feff}'.len_utf8().min(at) } else { start };
    let end = src[at..].find('\n').map_or(src.len(), |i| at + i);
    (src[start..end].trim_end_matches('\r'), start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_leading_byte_order_mark_takes_no_column() {
        let src = "\u{feff}a = 1\nb = \u{feff}$\n";
        assert_eq!(line_col(src, 3), LineCol { line: 1, column: 1 });
        let dollar = src.find('$').unwrap() as u32;
        assert_eq!(line_col(src, dollar), LineCol { line: 2, column: 6 });
        assert_eq!(LineIndex::new(src).line_col(src, dollar), LineCol { line: 2, column: 6 });
    }

    #[test]
    fn line_and_column_count_characters() {
        let src = "a = 1\nµ = 2 MB\n";
        assert_eq!(line_col(src, 0), LineCol { line: 1, column: 1 });
        assert_eq!(line_col(src, 6), LineCol { line: 2, column: 1 });
        // 'µ' is two bytes but one column.
        assert_eq!(line_col(src, 8), LineCol { line: 2, column: 2 });
        assert_eq!(line_col(src, 999).line, 3);
    }

    #[test]
    fn the_index_agrees_with_scanning() {
        let src = "a = 1\nµ = 2 MB\n\nlast";
        let index = LineIndex::new(src);
        for at in 0..src.len() as u32 + 2 {
            assert_eq!(index.line_col(src, at), line_col(src, at), "{at}");
        }
    }

    #[test]
    fn line_of_returns_the_whole_line() {
        let src = "one\ntwo three\nfour";
        assert_eq!(line_of(src, 6), ("two three", 4));
        assert_eq!(line_of(src, 15), ("four", 14));
    }

    #[test]
    fn spans_join_and_slice() {
        let a = Span::new(2, 4);
        let b = Span::new(6, 9);
        assert_eq!(a.to(b), Span::new(2, 9));
        assert_eq!(Span::new(0, 3).text("abcdef"), "abc");
        assert_eq!(Span::new(4, 99).text("abc"), "");
    }
}
