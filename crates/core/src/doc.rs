//! Design docs that keep their numbers honest: the ```` ```headroom ````
//! code blocks of a Markdown document, each evaluated as a model of its own,
//! or after the blocks above it when it uses their names.
//! A document fails when a block has errors or a check is `crit` or `fail`;
//! a check such as `check "doc says 300 MB" daemon == 300 MB` pins a number
//! the prose states.

use crate::diagnostic::Diagnostic;
use crate::eval::Status;
use crate::span::Span;
use crate::{Model, Overrides, Report};
use alloc::string::String;
use alloc::vec::Vec;

/// The outcome of one block.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockCheck {
    /// 0-based index of the block in the document.
    pub index: usize,
    /// 1-based line of the opening fence.
    pub line: u32,
    /// How many values the block defines.
    pub values: usize,
    /// Each check: label, status text, and whether it fails the document.
    pub checks: Vec<(String, String, bool)>,
    /// Errors, with spans into the whole document.
    pub problems: Vec<Diagnostic>,
}

/// The outcome of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct DocCheck {
    /// The blocks, in document order.
    pub blocks: Vec<BlockCheck>,
}

impl DocCheck {
    /// True when no block has errors and no check is `crit` or `fail`.
    pub fn ok(&self) -> bool {
        self.blocks.iter().all(|b| b.problems.is_empty() && b.checks.iter().all(|c| !c.2))
    }
}

/// The ```` ```headroom ```` blocks of a Markdown document: the byte range
/// of each block's content and the line of its fence.
pub fn blocks(doc: &str) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    let mut open: Option<(String, usize, u32)> = None;
    let mut at = 0;
    for (no, line) in doc.split_inclusive('\n').enumerate() {
        let start = at;
        at += line.len();
        let t = line.trim_start_matches('\u{feff}').trim_start();
        let fence_len = t.chars().take_while(|&c| c == '`' || c == '~').count();
        match &open {
            None if fence_len >= 3 && t.starts_with(['`', '~']) => {
                let fence: String = t.chars().take(fence_len).collect();
                let info = t[fence.len()..].trim();
                if info.split(|c: char| c.is_whitespace() || c == '{' || c == ',').next() == Some("headroom") {
                    open = Some((fence, at, no as u32 + 1));
                } else {
                    // Skip other code blocks whole, so a fence inside them
                    // does not confuse us.
                    open = Some((fence, usize::MAX, 0));
                }
            }
            Some((fence, content, line_no))
                if t.trim_end().starts_with(fence.as_str())
                    && t.trim_end().chars().all(|c| c == fence.chars().next().unwrap_or('`'))
                    && t.trim_end().len() >= fence.len() =>
            {
                if *content != usize::MAX {
                    out.push((*content, start, *line_no));
                }
                open = None;
            }
            _ => {}
        }
    }
    // As in CommonMark, a block left open runs to the end of the document:
    // a forgotten fence must not stop the block from being checked.
    if let Some((_, content, line_no)) = open.filter(|o| o.1 != usize::MAX) {
        out.push((content.min(doc.len()), doc.len(), line_no));
    }
    out
}

/// Evaluates every headroom block of a document. A block is a model of its
/// own; a block that fails alone but not after the blocks above it (it uses
/// their inputs, as a design doc introduces its numbers section by section)
/// is evaluated after the nearest of them that it needs.
pub fn check(doc: &str) -> DocCheck {
    let found = blocks(doc);
    let mut blocks_out = Vec::new();
    for (index, &(_, _, line)) in found.iter().enumerate() {
        let alone = check_block(doc, &found[index..=index]);
        // The nearest blocks above that make it work: a name defined twice
        // above (an example, then another) is read from the nearer one.
        let mut outcome = alone;
        for first in (0..index).rev() {
            if outcome.problems.is_empty() {
                break;
            }
            let after = check_block(doc, &found[first..=index]);
            if after.problems.len() < outcome.problems.len() {
                outcome = after;
            }
        }
        blocks_out.push(BlockCheck { index, line, ..outcome });
    }
    DocCheck { blocks: blocks_out }
}

/// Evaluates the last of `parts` after the others, as one model, and
/// reports what belongs to the last: its values, checks and errors.
fn check_block(doc: &str, parts: &[(usize, usize, u32)]) -> BlockCheck {
    // Each part's place in `src` and in the document.
    let mut src = String::new();
    let mut places = Vec::new();
    for &(start, end, _) in parts {
        places.push((src.len(), start));
        src.push_str(&doc[start..end]);
        if !src.ends_with('\n') {
            src.push('\n');
        }
    }
    let (own, _) = places[places.len() - 1];
    let line = parts[parts.len() - 1].2;
    let first_line = src[..own].matches('\n').count() as u32 + 1;
    let to_doc = |at: u32| {
        let (in_src, in_doc) = places.iter().rev().find(|p| p.0 <= at as usize).copied().unwrap_or((0, 0));
        (at as usize - in_src + in_doc) as u32
    };
    let model = Model::parse(&src);
    let ev = model.evaluate(&Overrides::new());
    let report = Report::new(&model, &ev);
    let problems = report
        .problems
        .iter()
        .filter(|p| p.diagnostic.span.start as usize >= own)
        .map(|p| shift(&p.diagnostic, to_doc))
        .collect();
    let checks = report
        .checks()
        .filter(|c| c.line >= first_line)
        .map(|c| {
            let bad = match &c.result {
                Ok(r) => matches!(r.status, Status::Crit | Status::Fail),
                Err(_) => true,
            };
            (c.label.clone(), c.text.clone(), bad)
        })
        .collect();
    let values = report.values().filter(|v| v.line >= first_line).count();
    BlockCheck { index: 0, line, values, checks, problems }
}

/// A diagnostic of a block moved to its place in the document.
fn shift(d: &Diagnostic, to_doc: impl Fn(u32) -> u32) -> Diagnostic {
    let mv = |s: Span| {
        let start = to_doc(s.start);
        Span::new(start, start + (s.end - s.start))
    };
    let mut d = d.clone();
    d.span = mv(d.span);
    for (s, _) in &mut d.secondary {
        *s = mv(*s);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# Design\n\nSome prose.\n\n```headroom\ninput sessions = 20\ndaemon = 50 MB + sessions * 5 MB\ncheck \"doc says 150 MB\" daemon == 150 MB\n```\n\n```rust\nlet x = 1;\n```\n\n~~~ headroom\nx = 1 GB + 2 s\n~~~\n";

    #[test]
    fn finds_only_headroom_blocks() {
        let b = blocks(DOC);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].2, 5);
        assert!(DOC[b[0].0..b[0].1].starts_with("input sessions"));
        assert_eq!(&DOC[b[1].0..b[1].1], "x = 1 GB + 2 s\n");
    }

    #[test]
    fn a_block_left_open_runs_to_the_end_of_the_document() {
        let doc = "# Doc\n```headroom\na = 1\ncheck \"pin\" a == 2\n";
        assert_eq!(blocks(doc), [(18, doc.len(), 2)]);
        assert!(!check(doc).ok());
        // A byte-order mark does not hide a fence on the first line.
        assert_eq!(blocks("\u{feff}```headroom\na = 1\n```\n").len(), 1);
        // An unclosed block of another language hides what follows it.
        assert!(blocks("```rust\n```headroom\na = 1\n").is_empty());
    }

    #[test]
    fn a_block_may_use_the_names_of_the_blocks_above_it() {
        let doc = "## Inputs\n```headroom\ninput sessions = 20\n```\nThe daemon:\n```headroom\n\
                   daemon = sessions * 5 MB\ncheck \"doc says 100 MB\" daemon == 100 MB\nx = nope\n```\n\
                   An example of its own:\n```headroom\ninput sessions = 3\ncheck \"three\" sessions == 3\n```\n";
        let out = check(doc);
        assert_eq!(out.blocks[1].checks, [("doc says 100 MB".into(), "PASS".into(), false)]);
        assert_eq!(out.blocks[1].values, 2);
        // Its own error stays, pointed at in the document.
        assert_eq!(out.blocks[1].problems.len(), 1);
        assert_eq!(out.blocks[1].problems[0].span.text(doc), "nope");
        // A block that stands alone is not read after the others (it would
        // define `sessions` twice).
        assert!(out.blocks[2].problems.is_empty());
        assert_eq!(out.blocks[2].checks, [("three".into(), "PASS".into(), false)]);
        // A name two blocks above define is the nearer one's.
        let doc = "```headroom\nx = 1\n```\n```headroom\nx = 2\n```\n```headroom\ncheck \"y\" x + 1 == 3\n```\n";
        assert_eq!(check(doc).blocks[2].checks, [("y".into(), "PASS".into(), false)]);
    }

    #[test]
    fn checks_blocks_and_points_errors_into_the_document() {
        let out = check(DOC);
        assert!(!out.ok());
        assert_eq!(out.blocks[0].checks, [("doc says 150 MB".into(), "PASS".into(), false)]);
        assert!(out.blocks[0].problems.is_empty());
        let p = &out.blocks[1].problems[0];
        assert_eq!(p.span.text(DOC), "1 GB + 2 s");
    }
}
