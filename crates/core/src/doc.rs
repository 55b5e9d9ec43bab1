//! Design docs that keep their numbers honest: the ```` ```headroom ````
//! code blocks of a Markdown document, each evaluated as a model of its own,
//! or after the blocks above it when it uses their names.
//! A document fails when a block has errors or a check is `crit` or `fail`;
//! a check such as `check "doc says 300 MB" daemon == 300 MB` pins a number
//! the prose states.

use crate::ast::{DefKind, ExprKind};
use crate::diagnostic::{Diagnostic, ErrorKind};
use crate::eval::Status;
use crate::span::Span;
use crate::{Model, Overrides, Report};
use alloc::format;
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
    /// Each check of the block.
    pub checks: Vec<CheckOutcome>,
    /// Errors, with spans into the whole document.
    pub problems: Vec<Diagnostic>,
}

/// A check of a block.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckOutcome {
    /// Its label.
    pub label: String,
    /// Its status as text (`PASS`, `WARN 78%`, `ERROR`).
    pub status: String,
    /// Whether it fails the document (`crit`, `fail`, or an error).
    pub fails: bool,
    /// Its line in the document.
    pub line: u32,
    /// For a check that fails, what it compared, with values
    /// (`270 GB == 300 GB`): the number the prose got wrong.
    pub worked: String,
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
        self.blocks.iter().all(|b| b.problems.is_empty() && b.checks.iter().all(|c| !c.fails))
    }
}

/// A ```` ```headroom ```` block found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// 1-based line of the opening fence.
    pub line: u32,
    /// The byte range in the document of each line of its content, with
    /// what holds the block stripped: blockquote markers, and as many
    /// spaces as the fence is indented by (a block in a list item).
    pub lines: Vec<(usize, usize)>,
}

impl Block {
    /// Its content, each line stripped of what holds the block.
    pub fn text(&self, doc: &str) -> String {
        self.lines.iter().map(|&(s, e)| &doc[s..e]).collect()
    }
}

/// A fence being read: its characters, indentation and blockquote depth,
/// and the block it opens (None for a block of another language, skipped
/// whole so that a fence inside it does not confuse us).
struct Open {
    fence: String,
    indent: usize,
    depth: usize,
    block: Option<Block>,
}

/// The ```` ```headroom ```` blocks of a Markdown document, read as
/// CommonMark does: fences of three or more backticks or tildes, in
/// blockquotes and list items too.
pub fn blocks(doc: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut in_comment = false;
    // The column where the content of the list item being read starts: a
    // fence indented four spaces or more is code, unless a list item's
    // content starts that far in.
    let mut list_col: Option<usize> = None;
    let mut at = 0;
    for (no, line) in doc.split_inclusive('\n').enumerate() {
        at += line.len();
        let line = line.strip_prefix('\u{feff}').filter(|_| no == 0).unwrap_or(line);
        if let Some(o) = &mut open {
            let (depth, rest) = unquote_line(line, o.depth);
            // A line outside the blockquote ends the block with the quote,
            // and may open another.
            if depth == o.depth {
                let t = rest.trim_start_matches(' ');
                let run = t.chars().take_while(|&c| c == o.fence.as_bytes()[0] as char).count();
                // A closing fence may be indented up to three spaces more
                // than the opening one.
                if rest.len() - t.len() <= o.indent + 3 && run >= o.fence.len() && t[run..].trim().is_empty() {
                    out.extend(open.take().and_then(|o| o.block));
                    continue;
                }
                if let Some(b) = &mut o.block {
                    // Up to the fence's indentation is taken off each line.
                    let strip = (rest.len() - t.len()).min(o.indent);
                    let mut begin = at - rest.len() + strip;
                    // A byte-order mark opening the block (a file's text
                    // pasted in) is no part of the model, as in a file.
                    if b.lines.is_empty() && doc[begin..].starts_with('\u{feff}') {
                        begin += '\u{feff}'.len_utf8();
                    }
                    b.lines.push((begin, at));
                }
                continue;
            }
            out.extend(open.take().and_then(|o| o.block));
        }
        // An HTML comment is not code: a block commented out stays out.
        if in_comment {
            in_comment = !line.contains("-->");
            continue;
        }
        let (depth, rest) = unquote_line(line, usize::MAX);
        let t = rest.trim_start_matches(' ');
        if let Some(comment) = t.strip_prefix("<!--") {
            in_comment = !comment.contains("-->");
            continue;
        }
        let indent = rest.len() - t.len();
        // A list item's marker before the fence: `- ```headroom`, `1. ~~~`.
        let (t, indent) = match list_marker(t) {
            Some(n) => {
                let after = t[n..].trim_start_matches(' ');
                let col = indent + (t.len() - after.len());
                list_col = Some(col);
                (after, col)
            }
            None => {
                // Text left of the item's content ends the item.
                if !t.trim().is_empty() && list_col.is_some_and(|c| indent < c) {
                    list_col = None;
                }
                (t, indent)
            }
        };
        if indent - list_col.filter(|&c| indent >= c).unwrap_or(0) > 3 {
            continue;
        }
        let Some(c) = t.chars().next().filter(|&c| c == '`' || c == '~') else { continue };
        let run = t.chars().take_while(|&x| x == c).count();
        let info = t[run..].trim();
        if run < 3 || (c == '`' && info.contains('`')) {
            continue;
        }
        // The info string's language, in any case (```Headroom).
        let headroom = info
            .split(|c: char| c.is_whitespace() || c == '{' || c == ',')
            .next()
            .is_some_and(|lang| lang.eq_ignore_ascii_case("headroom"));
        open = Some(Open {
            fence: t[..run].into(),
            indent,
            depth,
            block: headroom.then(|| Block { line: no as u32 + 1, lines: Vec::new() }),
        });
    }
    // As in CommonMark, a block left open runs to the end of the document:
    // a forgotten fence must not stop the block from being checked.
    out.extend(open.and_then(|o| o.block));
    out
}

/// How many blockquote markers (`>`, `> >`) start a line, up to `max`,
/// and the rest.
fn unquote_line(line: &str, max: usize) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line;
    loop {
        let t = rest.trim_start_matches(' ');
        if depth == max || rest.len() - t.len() > 3 || !t.starts_with('>') {
            return (depth, rest);
        }
        depth += 1;
        rest = t[1..].strip_prefix(' ').unwrap_or(&t[1..]);
    }
}

/// The length of a list item's marker and the space after it, if `t`
/// starts with one: `- `, `* `, `+ `, `1. `, `2) `.
fn list_marker(t: &str) -> Option<usize> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match t.as_bytes() {
        [b'-' | b'*' | b'+', ..] => 1,
        _ if (1..=9).contains(&digits) && matches!(t.as_bytes().get(digits), Some(b'.' | b')')) => digits + 1,
        _ => return None,
    };
    t[marker..].starts_with(' ').then_some(marker + 1)
}

/// Evaluates every headroom block of a document. A block is a model of its
/// own; a block that fails alone but not after the blocks above it (it uses
/// their inputs, as a design doc introduces its numbers section by section)
/// is evaluated after the nearest of them that it needs.
pub fn check(doc: &str) -> DocCheck {
    let found = blocks(doc);
    let names: Vec<Names> = found.iter().map(|b| names(doc, b)).collect();
    let defined: Vec<Vec<(String, usize)>> = names.iter().map(|n| n.defined.clone()).collect();
    let mut blocks_out = Vec::new();
    for (index, &Block { line, .. }) in found.iter().enumerate() {
        // The nearest blocks above that give it every name it uses (a name
        // defined twice above is read from the nearer block); its own
        // errors are then the ones to fix. Names missing anywhere in the
        // chain count: a block above that misses one leaves this one's
        // values without a value. Which chain that is follows from the
        // names each block defines and misses alone, so that only the
        // chain chosen is evaluated.
        // The block's own names count first: a block between that misses
        // a name of its own (a typo) does not keep this one from the names
        // of the blocks above it.
        let mut own: Vec<&str> = names[index].missing.iter().map(String::as_str).collect();
        let mut unresolved = own.clone();
        let mut first = index;
        let mut fewest = (own.len(), unresolved.len());
        for above in (0..index).rev() {
            if fewest.1 == 0 {
                break;
            }
            // Block `above` comes before every block of the chain so far: it
            // gives them its names, and misses its own.
            // A unit is also given in its plural (`unit server`, `2 servers`).
            let provides = |n: &&str| names[above].provides.iter().any(|d| d == n || crate::units::is_plural_of(n, d));
            own.retain(|n| !provides(n));
            unresolved.retain(|n| !provides(n));
            unresolved.extend(names[above].missing.iter().map(String::as_str));
            if (own.len(), unresolved.len()) < fewest {
                (first, fewest) = (above, (own.len(), unresolved.len()));
            }
        }
        // The blocks from `from` to this one, after the lines of the blocks
        // above them that redefine a built-in unit: a convention (`unit
        // month = 730 h`) holds for the whole document below it.
        let chain = |from: usize| {
            let lent = (0..from).filter_map(|k| {
                let lines: Vec<(usize, usize)> = names[k].conventions.iter().map(|&i| found[k].lines[i]).collect();
                (!lines.is_empty()).then(|| Block { line: found[k].line, lines })
            });
            let mut parts: Vec<Block> = lent.collect();
            let mut defs: Vec<Vec<(String, usize)>> = alloc::vec![Vec::new(); parts.len()];
            parts.extend(found[from..=index].iter().cloned());
            defs.extend(defined[from..=index].iter().cloned());
            check_block(doc, &parts, &defs)
        };
        // What the block itself misses counts before what the chain misses:
        // a block between that redefines a name a block above uses breaks
        // that block (in this chain), not this one.
        let (mut outcome, missing) = chain(first);
        if missing > fewest {
            // A nearer block redefines a name a block above uses itself:
            // the names alone cannot tell, so each chain is evaluated.
            let (mut best, mut least) = chain(index);
            for above in (0..index).rev() {
                if least == (0, 0) {
                    break;
                }
                let (after, still) = chain(above);
                if still < least {
                    (best, least) = (after, still);
                }
            }
            outcome = best;
        }
        // A name still unknown may be a typo of one defined above, in a
        // block the chain left out.
        for d in &mut outcome.problems {
            if d.kind == ErrorKind::UnknownName && d.help.is_none() {
                let above = names[..index].iter().flat_map(|n| n.provides.iter().map(String::as_str));
                if let Some(near) = crate::diagnostic::suggest(d.span.text(doc), above) {
                    d.help = Some(format!("did you mean `{near}`?"));
                }
            }
        }
        blocks_out.push(BlockCheck { index, line, ..outcome });
    }
    DocCheck { blocks: blocks_out }
}

/// Evaluates the last of `parts` after the others, as one model, and
/// reports what belongs to the last: its values, checks and errors; and
/// how many names the last misses, and the whole chain. `defined` holds
/// the names each part defines, by line (see [`names`]).
fn check_block(doc: &str, parts: &[Block], defined: &[Vec<(String, usize)>]) -> (BlockCheck, (usize, usize)) {
    // Each line's place in `src` and in the document. Blank lines keep
    // every line of `src` on its line of the document, so that messages
    // naming a line (`defined on line 8`) name the document's.
    let mut src = String::new();
    let mut places = Vec::new();
    let mut own = 0;
    let mut lines = 0;
    let above = parts.len() - 1;
    // A name a nearer part above the last defines again: the last reads
    // the nearer one, and the lines between read the one above them, as
    // the document reads top to bottom. The farther definition takes
    // another name (`a` of part 0 is `a__0`) from its line to the part
    // that redefines it. By part: (line from, name, its other name).
    let mut renamed: Vec<Vec<(usize, &str, String)>> = alloc::vec![Vec::new(); parts.len()];
    for k in 0..above {
        for (name, at) in &defined[k] {
            let Some(r) = (k + 1..above).find(|&r| defined[r].iter().any(|(n, _)| n == name)) else { continue };
            let other = format!("{name}__{k}");
            renamed[k].push((*at, name.as_str(), other.clone()));
            for part in &mut renamed[k + 1..r] {
                part.push((0, name.as_str(), other.clone()));
            }
        }
    }
    let mut units_seen: Vec<Vec<&str>> = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        while lines < part.line {
            src.push('\n');
            lines += 1;
        }
        own = src.len();
        for (i, &(start, end)) in part.lines.iter().enumerate() {
            lines += 1;
            // A block that declares a unit again as a block above did
            // (`unit client`), to read on its own too, declares it once.
            let text = &doc[start..end];
            let statement: Vec<&str> = text.split('#').next().unwrap_or("").split_whitespace().collect();
            let unit_line = statement.first() == Some(&"unit");
            if unit_line && units_seen.contains(&statement) {
                src.push('\n');
                continue;
            }
            if unit_line {
                units_seen.push(statement);
            }
            places.push((src.len(), start));
            let mut line_text = String::from(text);
            for (_, name, other) in renamed[k].iter().filter(|r| r.0 <= i) {
                line_text = rename(&line_text, name, other);
            }
            src.push_str(&line_text);
        }
        if !src.is_empty() && !src.ends_with('\n') {
            src.push('\n');
        }
    }
    let line = parts[parts.len() - 1].line;
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
        .enumerate()
        .filter(|(_, c)| c.line >= first_line)
        .map(|(i, c)| {
            let fails = match &c.result {
                Ok(r) => matches!(r.status, Status::Crit | Status::Fail),
                Err(_) => true,
            };
            // What a failed check compared: its formula with values, and
            // the sides of a comparison when the formula does not show them.
            // Over a series, the element where it failed (`at element 9`).
            // A check that could not be worked out says why.
            let explained = match &c.result {
                Ok(_) => fails.then(|| crate::explain::explain_check(&model, &ev, &report, i)).flatten(),
                Err(_) => None,
            };
            let worked = match explained {
                Some(e) => {
                    // The place (`at month = 9`) comes first, the sides after.
                    let at = c.at.as_ref().map(|a| ["at ", a].concat());
                    let at = at.as_deref();
                    let sides = match at.and_then(|a| e.result.split_once(a)) {
                        Some((_, rest)) => rest.strip_prefix(" (").and_then(|r| r.strip_suffix(')')),
                        None => e.result.strip_prefix("FAIL (").and_then(|r| r.strip_suffix(')')),
                    };
                    let failed = e.result.starts_with("FAIL");
                    match (at, sides) {
                        (Some(at), Some(sides)) if failed => format!("{at}: {sides}"),
                        (Some(at), _) => format!("{} {at}", e.substituted),
                        // Two names or numbers: the sides once, in one unit
                        // (`14.9012 GiB == 14.9 GiB`, not `16 GB == 14.9 GiB`).
                        (None, Some(sides)) if plain_sides(&model, i) => String::from(sides),
                        (None, Some(sides)) if sides != e.substituted => format!("{}: {sides}", e.substituted),
                        _ => e.substituted,
                    }
                }
                None => c.result.as_ref().err().cloned().unwrap_or_default(),
            };
            CheckOutcome { label: c.label.clone(), status: c.text.clone(), fails, line: c.line, worked }
        })
        .collect();
    let values = report.values().filter(|v| v.line >= first_line).count();
    let missed = report.problems.iter().filter(|p| misses(p.diagnostic.kind));
    let own_missing = missed.clone().filter(|p| p.diagnostic.span.start as usize >= own).count();
    (BlockCheck { index: 0, line, values, checks, problems }, (own_missing, missed.count()))
}

/// `line` with value `name` called `other`: where it is a name, not a
/// unit after a number, `->` or an unspaced operator, nor a column after
/// `.`.
fn rename(line: &str, name: &str, other: &str) -> String {
    use crate::lexer::Tok;
    let toks = crate::lexer::lex(line, 0, line.len(), &mut Vec::new());
    let mut out = String::new();
    let mut last = 0;
    for (i, t) in toks.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| toks[p]);
        let unit_or_field = prev.is_some_and(|p| {
            matches!(p.tok, Tok::Number(_) | Tok::Arrow | Tok::Dot)
                || (matches!(p.tok, Tok::Slash | Tok::Star | Tok::Caret) && p.span.end == t.span.start)
        });
        if t.tok == Tok::Ident && t.span.text(line) == name && !unit_or_field {
            out.push_str(&line[last..t.span.start as usize]);
            out.push_str(other);
            last = t.span.end as usize;
        }
    }
    out.push_str(&line[last..]);
    out
}

/// What a block read alone defines and misses.
struct Names {
    /// The names it defines (inputs and values), with the index of the
    /// line each is on.
    defined: Vec<(String, usize)>,
    /// Every name it gives the blocks below: those, its tables and units.
    provides: Vec<String>,
    /// The names and units it uses but does not define above their use,
    /// once per use.
    missing: Vec<String>,
    /// The indices of its lines that redefine a built-in unit (`unit month
    /// = 730 h`): a convention of every block below.
    conventions: Vec<usize>,
}

/// Whether check `i` of `model` compares two names or numbers
/// (`bill == $365/month`): its formula with values shows the sides.
fn plain_sides(model: &Model, i: usize) -> bool {
    let Some((_, crate::ast::Stmt::Check { expr, .. })) = model.check(i) else { return false };
    let plain = |e: &crate::ast::Expr| matches!(e.kind, ExprKind::Name(_) | ExprKind::Number(_));
    matches!(&expr.kind, ExprKind::Compare(_, a, b) if plain(a) && plain(b))
}

/// Whether a line redefines a built-in unit (`unit month = 730 h`).
fn convention_line(text: &str) -> bool {
    let statement = text.split('#').next().unwrap_or("");
    let Some((head, _)) = statement.split_once('=') else { return false };
    let mut words = head.split_whitespace();
    words.next() == Some("unit")
        && words.next().is_some_and(|n| crate::units::builtin(n).is_some())
        && words.next().is_none()
}

fn names(doc: &str, part: &Block) -> Names {
    let text = part.text(doc);
    let model = Model::parse(&text);
    let defined = model
        .defs
        .iter()
        .filter(|d| matches!(d.kind, DefKind::Input | DefKind::Derived))
        .map(|d| (d.name.clone(), text[..d.span.start as usize].matches('\n').count()))
        .collect();
    // Units count as names: a block may use a unit declared above.
    let provides = model
        .defs
        .iter()
        .filter(|d| matches!(d.kind, DefKind::Input | DefKind::Derived | DefKind::Table(_)))
        .map(|d| d.name.clone())
        .chain(model.units.defs.iter().map(|u| u.name.clone()))
        .collect();
    let missing =
        model.diagnostics.iter().filter(|d| misses(d.kind)).map(|d| String::from(d.span.text(&text))).collect();
    let conventions =
        (0..part.lines.len()).filter(|&i| convention_line(&doc[part.lines[i].0..part.lines[i].1])).collect();
    Names { defined, provides, missing, conventions }
}

/// Whether an error says a name or unit is missing (one a block above
/// may give).
fn misses(kind: ErrorKind) -> bool {
    matches!(kind, ErrorKind::UnknownName | ErrorKind::DefinedBelow | ErrorKind::UnknownUnit)
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
        assert_eq!(b[0].line, 5);
        assert!(b[0].text(DOC).starts_with("input sessions"));
        assert_eq!(b[1].text(DOC), "x = 1 GB + 2 s\n");
        // The language is named in any case, as Markdown renderers read it.
        assert_eq!(blocks("```Headroom\na = 1\n```\n").len(), 1);
    }

    /// A block's content as the model reads it.

    #[test]
    fn finds_blocks_in_blockquotes_and_list_items() {
        let doc = "> Quoted:\n>\n> ```headroom\n> a = 1 GB\n>   b = a * 2\n> ```\n\n\
                   1. A step:\n\n   ```headroom\n   c = 3\n     d = c\n   ```\n\
                   - ~~~~ headroom\n  e = 4\n  ~~~\n  ~~~~\n";
        let b = blocks(doc);
        assert_eq!(b.iter().map(|b| b.line).collect::<Vec<_>>(), [3, 10, 14]);
        assert_eq!(b[0].text(doc), "a = 1 GB\n  b = a * 2\n");
        assert_eq!(b[1].text(doc), "c = 3\n  d = c\n");
        // A shorter fence does not close a longer one.
        assert_eq!(b[2].text(doc), "e = 4\n~~~\n");
        // Errors point at their place in the document, past the markers.
        let doc = "> ```headroom\n> x = 1 GB + 2 s\n> ```\n";
        assert_eq!(check(doc).blocks[0].problems[0].span.text(doc), "1 GB + 2 s");
        // An HTML comment hides a block.
        let doc = "<!--\n```headroom\ncheck \"off\" 1 == 2\n```\n-->\n<!-- one line -->\n```headroom\na = 1\n```\n";
        assert_eq!(blocks(doc).iter().map(|b| b.line).collect::<Vec<_>>(), [7]);
        // A line outside the quote ends the quoted block; a backtick fence
        // whose info string holds a backtick is not a fence.
        let doc = "> ```headroom\n> a = 1\nb = 2\n``` headroom `x`\n";
        assert_eq!(blocks(doc).len(), 1);
        assert_eq!(blocks(doc)[0].text(doc), "a = 1\n");
    }

    #[test]
    fn units_declared_above_serve_the_blocks_below() {
        let block = |body: &str| format!("```headroom\n{body}\n```\n\n");
        // A unit alone from above; the same unit declared again, with a
        // name from above.
        let doc = [
            block("unit client\ninput clients = 50 client"),
            block("z = 3 client"),
            block("unit client\nper = 2 MB/client\ntotal = clients * per\ncheck \"100 MB\" total == 100 MB"),
            block("unit server\nfleet = 3 server"),
            block("spare = 2 servers"),
        ]
        .concat();
        let out = check(&doc);
        assert!(out.ok(), "{:?}", out.blocks.iter().map(|b| &b.problems).collect::<Vec<_>>());
        // A block between with a typo of its own does not cut the next one
        // off from the names above; typos get the near name from above.
        let doc = [
            block("input sessions = 20\ndaemon = sessions * 5 MB"),
            block("x = daemno * 2"),
            block("y = sesions * 2 + daemon"),
        ]
        .concat();
        let out = check(&doc);
        let helps =
            |b: usize| out.blocks[b].problems.iter().map(|p| p.help.clone().unwrap_or_default()).collect::<Vec<_>>();
        assert_eq!(helps(1), ["did you mean `daemon`?"]);
        assert_eq!(helps(2), ["did you mean `sessions`?"]);
    }

    #[test]
    fn a_convention_above_holds_for_every_block_below() {
        let block = |body: &str| format!("```headroom\n{body}\n```\n\nProse.\n\n");
        // The billing month of the first block prices the third, which
        // uses no name of it; a block that redefines it again reads it once.
        let doc = [
            block("unit month = 730 h # the billing month\nunit replica"),
            block("input nodes = 3"),
            block("bill = $0.50/h -> $/month\ncheck \"doc: $365/month\" bill == $365/month"),
            block("unit month = 730 h\nyearly = $1/h * 1 year\ncheck \"doc: $8,760\" yearly == $8760"),
        ]
        .concat();
        let out = check(&doc);
        assert!(out.ok(), "{:?}", out.blocks.iter().map(|b| (&b.problems, &b.checks)).collect::<Vec<_>>());
        assert!(convention_line("unit day = 8 h"));
        assert!(!convention_line("unit replica"));
        assert!(!convention_line("unit workday = 8 h"));
    }

    #[test]
    fn a_fence_indented_four_spaces_is_code_unless_a_list_item_holds_it() {
        let doc = "Text.\n\n    ```headroom\n    x = oops\n    ```\n";
        assert!(blocks(doc).is_empty(), "an indented code block, not a fence");
        let doc =
            "10. A step:\n\n    ```headroom\n    x = 1\n    ```\n\nAfter.\n\n    ```headroom\n    y = oops\n    ```\n";
        let found = blocks(doc);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].text(doc), "x = 1\n");
    }

    #[test]
    fn a_block_left_open_runs_to_the_end_of_the_document() {
        let doc = "# Doc\n```headroom\na = 1\ncheck \"pin\" a == 2\n";
        assert_eq!(blocks(doc), [Block { line: 2, lines: Vec::from([(18, 24), (24, doc.len())]) }]);
        assert!(!check(doc).ok());
        // A byte-order mark does not hide a fence on the first line.
        assert_eq!(blocks("\u{feff}```headroom\na = 1\n```\n").len(), 1);
        // One opening the block's text.
        let doc = "# Doc\n```headroom\n\u{feff}a = 1\n```\n";
        assert!(check(doc).ok());
        assert_eq!(blocks(doc)[0].text(doc), "a = 1\n");
        // An unclosed block of another language hides what follows it.
        assert!(blocks("```rust\n```headroom\na = 1\n").is_empty());
    }

    #[test]
    fn a_block_may_use_the_names_of_the_blocks_above_it() {
        let doc = "## Inputs\n```headroom\ninput sessions = 20\n```\nThe daemon:\n```headroom\n\
                   daemon = sessions * 5 MB\ncheck \"doc says 100 MB\" daemon == 100 MB\nx = nope\n```\n\
                   An example of its own:\n```headroom\ninput sessions = 3\ncheck \"three\" sessions == 3\n```\n";
        let out = check(doc);
        assert_eq!(labels(&out.blocks[1]), [("doc says 100 MB", "PASS", false)]);
        assert_eq!(out.blocks[1].values, 2);
        // Its own error stays, pointed at in the document.
        assert_eq!(out.blocks[1].problems.len(), 1);
        assert_eq!(out.blocks[1].problems[0].span.text(doc), "nope");
        // A block that stands alone is not read after the others (it would
        // define `sessions` twice).
        assert!(out.blocks[2].problems.is_empty());
        assert_eq!(labels(&out.blocks[2]), [("three", "PASS", false)]);
        // A name two blocks above define is the nearer one's, also when the
        // block needs a name only the farther one has.
        let doc = "```headroom\nx = 1\n```\n```headroom\nx = 2\n```\n```headroom\ncheck \"y\" x + 1 == 3\n```\n";
        assert_eq!(labels(&check(doc).blocks[2]), [("y", "PASS", false)]);
        let doc = "```headroom\nx = 1\nz = 5\n```\n```headroom\nx = 2\n```\n```headroom\ncheck \"y\" x + z == 7\n```\n";
        let out = check(doc);
        assert!(out.blocks[2].problems.is_empty(), "{:?}", out.blocks[2].problems);
        assert_eq!(labels(&out.blocks[2]), [("y", "PASS", false)]);
    }

    #[test]
    fn a_block_may_use_a_table_of_a_block_above() {
        let doc = "```headroom\ntable plans\n| plan | memory |\n|---|---|\n| small | 4 GB |\n| large | 8 GB |\n```\n\
                   ```headroom\ntotal = sum(plans.memory)\ncheck \"fits\" total < 16 GB\n```\n";
        let out = check(doc);
        assert!(out.blocks[1].problems.is_empty(), "{:?}", out.blocks[1].problems);
        assert_eq!(labels(&out.blocks[1]), [("fits", "PASS", false)]);
    }

    #[test]
    fn a_check_that_cannot_be_worked_out_says_on_what_it_depends() {
        let doc = "```headroom\ne = undefined_thing + 1\nf = 2\n```\n```headroom\ng = e + f\ncheck \"g\" g == 3\n```\n";
        let out = check(doc);
        let c = &out.blocks[1].checks[0];
        assert_eq!((c.status.as_str(), c.worked.as_str()), ("ERROR", "depends on `e`, which has an error"));
    }

    #[test]
    fn a_name_defined_again_reads_as_the_document_reads_top_to_bottom() {
        // Block 2 redefines `a`, which block 1's `b` uses: `b` keeps block
        // 1's `a`, and block 3 reads `a` from block 2.
        let doc = "```headroom\na = 1 GB\nb = a * 2\n```\n```headroom\na = 10 GB\n```\n\
                   ```headroom\nc = b + 1 GB\ncheck \"c\" c == 3 GB\nd = a + 1 GB\ncheck \"d\" d == 11 GB\n```\n";
        let out = check(doc);
        assert!(out.ok(), "{:?}", out.blocks[2]);
        assert_eq!(labels(&out.blocks[2]), [("c", "PASS", false), ("d", "PASS", false)]);
        // A block between that redefines a name a block above uses does not
        // keep a block below from the names of the first.
        let doc = "```headroom\ninput a = 2 MB\n```\n```headroom\ninput t = 1\nu = t + 1\n```\n\
                   ```headroom\ninput t = 5\n```\n```headroom\nx = a * 2\ncheck \"x\" x == 4 MB\n```\n";
        let out = check(doc);
        assert!(out.ok(), "{:?}", out.blocks[3]);
    }

    fn labels(b: &BlockCheck) -> Vec<(&str, &str, bool)> {
        b.checks.iter().map(|c| (c.label.as_str(), c.status.as_str(), c.fails)).collect()
    }

    #[test]
    fn a_failing_check_says_where_it_is_and_what_it_compared() {
        let doc = "# Sizing\n\n```headroom\nlogs = 10 GB/day * 27 day\ncheck \"doc says 300 GB\" logs == 300 GB\n```\n";
        let c = &check(doc).blocks[0].checks[0];
        assert_eq!((c.line, c.fails, c.worked.as_str()), (5, true, "270 GB == 300 GB"));
        // A name pinned to a number shows the two once, with the digits
        // that differ; a formula shows its sides worked out too.
        let doc = "```headroom\nbill = $0.5002/h * 730 h/month\ncheck \"pin\" bill == $365/month\nusers = 600\n\
                   check \"users\" users * 1.1 == 664\n```\n";
        let worked: Vec<String> = check(doc).blocks[0].checks.iter().map(|c| c.worked.clone()).collect();
        assert_eq!(worked, ["$365.146/month == $365/month", "600 * 1.1 == 664: 660 == 664"]);
        // A pin in another unit: both sides in the pin's.
        let doc = "```headroom
weights = 16 GB
check \"doc says 14.9 GiB\" weights == 14.9 GiB
```
";
        assert_eq!(check(doc).blocks[0].checks[0].worked, "14.9012 GiB == 14.9 GiB");
    }

    #[test]
    fn a_failing_check_over_a_series_names_the_element() {
        let doc = "```headroom\nm = 1 .. 12\ndisk = 100 GB * 1.2 ^ m\ncheck \"under 500 GB\" disk < 500 GB\n\
                   check \"util\" m / 4 warn 70% crit 90%\n\
                   check \"pin of month 4\" disk == 200 GB or m != 4\n```\n";
        let b = &check(doc).blocks[0];
        assert_eq!(b.checks[0].worked, "at m = 9: 515.978 GB < 500 GB");
        assert_eq!(b.checks[1].worked, "[1, 2, ..., 12] / 4 at m = 12; CRIT from m = 4");
        // A pin of one element shows each comparison's sides there.
        assert_eq!(b.checks[2].worked, "at m = 4: 207.36 GB == 200 GB or 4 != 4");
    }

    #[test]
    fn a_block_that_redefines_a_name_from_above_is_told_so() {
        // It uses `x` from above and defines `z` again: the redefinition is
        // the error, not an unknown `x`.
        let doc = "```headroom\nx = 1\nz = 5\n```\n\n```headroom\nz = 6\nw = x + z\n```\n";
        let out = check(doc);
        assert_eq!(out.blocks[1].problems.len(), 1);
        assert_eq!(out.blocks[1].problems[0].kind, ErrorKind::Redefined);
    }

    #[test]
    fn a_block_that_uses_names_from_above_reports_its_own_errors() {
        let doc = "```headroom\na = 2 GB\n```\n\n```headroom\nc = a + 1 s\n```\n";
        let out = check(doc);
        assert_eq!(out.blocks[1].problems.len(), 1);
        assert_eq!(out.blocks[1].problems[0].kind, ErrorKind::DimensionMismatch);
        // Through a chain of blocks: the error is not lost, nor the document ok.
        let doc = "```headroom\na = 2 GB\n```\n```headroom\nb = a * 2\n```\n```headroom\nc = b + 1 s\n```\n";
        let out = check(doc);
        assert!(!out.ok());
        assert_eq!(out.blocks[2].problems[0].kind, ErrorKind::DimensionMismatch);
    }

    #[test]
    fn messages_name_lines_of_the_document() {
        let doc = "# Doc\n\nText.\n\n```headroom\ny = q + 1\nq = 2\n```\n";
        let p = &check(doc).blocks[0].problems[0];
        assert!(p.message.contains("line 7"), "{}", p.message);
    }

    #[test]
    fn checks_blocks_and_points_errors_into_the_document() {
        let out = check(DOC);
        assert!(!out.ok());
        assert_eq!(labels(&out.blocks[0]), [("doc says 150 MB", "PASS", false)]);
        assert!(out.blocks[0].problems.is_empty());
        let p = &out.blocks[1].problems[0];
        assert_eq!(p.span.text(DOC), "1 GB + 2 s");
    }
}
