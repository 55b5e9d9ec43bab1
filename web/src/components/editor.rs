//! The model editor: the text with line numbers, and the core's errors
//! marked at their spans. A plain `<textarea>` does the editing; a copy of
//! the text laid exactly under it (same font, same box) carries the marks,
//! which show their message on hover. The caret inside a mark shows its
//! message in the status line, and the list under the editor moves the
//! caret to each error.

use crate::browser;
use crate::components::gutter::gutter;
use crate::components::problems::{place, problems as problem_list};
use crate::state::{Action, AppState};
use headroom_core::report::Problem;
use headroom_core::Report;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`Editor`]. Of the report, only its problems matter here: a
/// new report with the same problems (after an input change) does not
/// render the editor again.
#[derive(Properties)]
pub struct EditorProps {
    /// The model text.
    pub source: AttrValue,
    /// What the core made of `evaluated`.
    pub report: Rc<Report>,
    /// The text the report is of: the same as `source` except while an
    /// edit waits to be evaluated.
    pub evaluated: AttrValue,
    /// Where edits go ([`Action::Edit`] with the new text).
    pub dispatch: UseReducerDispatcher<AppState>,
}

impl PartialEq for EditorProps {
    fn eq(&self, other: &Self) -> bool {
        (Rc::ptr_eq(&self.report, &other.report) || self.report.problems == other.report.problems)
            && self.dispatch == other.dispatch
            && self.source == other.source
            && self.evaluated == other.evaluated
    }
}

/// A piece of the text under the editor: plain, or an error's span.
#[derive(Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text without an error.
    Text(&'a str),
    /// The span of problem number `problem` (may be empty, at a line end).
    Mark {
        /// The text of the span.
        text: &'a str,
        /// Index into the report's problems.
        problem: usize,
    },
}

/// The byte range an error mark covers: the problem's span, widened to one
/// character when it is empty and not at a line end. `None` when the span
/// does not fit the text.
pub fn mark_range(src: &str, p: &Problem) -> Option<(usize, usize)> {
    let (start, end) = (p.diagnostic.span.start as usize, p.diagnostic.span.end as usize);
    if start > end || end > src.len() || !src.is_char_boundary(start) || !src.is_char_boundary(end) {
        return None;
    }
    if start == end {
        if let Some(c) = src[start..].chars().next().filter(|&c| c != '\n') {
            return Some((start, start + c.len_utf8()));
        }
    }
    Some((start, end))
}

/// The text cut at the error spans, in order; a span overlapping the one
/// before it is left out (its message is still in the list).
pub fn segments<'a>(src: &'a str, problems: &[Problem]) -> Vec<Segment<'a>> {
    // The ranges in order of position: each goes after those that do not
    // start (or end) after it.
    let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
    for (i, p) in problems.iter().enumerate() {
        if let Some((a, b)) = mark_range(src, p) {
            let at = ranges.iter().rposition(|&(x, y, _)| (x, y) <= (a, b)).map_or(0, |k| k + 1);
            ranges.insert(at, (a, b, i));
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, problem) in ranges {
        if start < at {
            continue;
        }
        if start > at {
            out.push(Segment::Text(&src[at..start]));
        }
        out.push(Segment::Mark { text: &src[start..end], problem });
        at = end;
    }
    if at < src.len() {
        out.push(Segment::Text(&src[at..]));
    }
    out
}

/// The byte offset of UTF-16 offset `u` (the browser's selection unit).
pub fn utf16_to_byte(s: &str, u: usize) -> usize {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units >= u {
            return i;
        }
        units += c.len_utf16();
    }
    s.len()
}

/// The UTF-16 offset of byte offset `b`.
pub fn byte_to_utf16(s: &str, b: usize) -> usize {
    s.char_indices().take_while(|&(i, _)| i < b).map(|(_, c)| c.len_utf16()).sum()
}

/// The text of an error for one line: its message and help.
pub fn problem_text(p: &Problem) -> String {
    let d = &p.diagnostic;
    match &d.help {
        Some(help) => format!("{} ({help})", d.message),
        None => d.message.clone(),
    }
}

/// The model editor.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let textarea = use_node_ref();
    // The caret's byte offset, kept when the editor loses the focus: the
    // status keeps the message of the error it was on, so that a tap on
    // the error list does not shrink the status and move the list away
    // from under the finger.
    let caret = use_state(|| None::<usize>);
    // A text put in from outside (a model opened) leaves the caret at its
    // start and shows its top left, so tabbing into the editor shows its
    // top, not its end, nor where the last model was scrolled to.
    {
        let (textarea, caret) = (textarea.clone(), caret.clone());
        use_effect_with(props.source.clone(), move |_| {
            if let Some(t) = textarea.cast::<HtmlTextAreaElement>() {
                let typing = browser::focused().is_some_and(|f| f.is_same_node(Some(&t)));
                if typing {
                    // A line added at the bottom (Enter) is in view once drawn.
                    browser::keep_caret_in_view(&t);
                } else {
                    caret.set(None);
                    let _ = t.set_selection_range(0, 0);
                    if let Ok(Some(pane)) = t.closest(".editor-scroll") {
                        pane.set_scroll_top(0);
                        pane.set_scroll_left(0);
                    }
                }
            }
        });
    }
    // The editor's box shrinks as the status and the error list below it
    // grow: the line being typed stays in view.
    {
        let textarea = textarea.clone();
        use_effect_with((), move |()| {
            let pane = textarea.cast::<web_sys::Element>().and_then(|t| t.closest(".editor-scroll").ok().flatten());
            let watch = pane.and_then(|pane| {
                browser::watch_size(&pane, move || {
                    if let Some(t) = textarea.cast::<HtmlTextAreaElement>() {
                        browser::keep_caret_in_view(&t);
                    }
                })
            });
            move || drop(watch)
        });
    }
    let src: &str = &props.source;
    let fresh = props.evaluated == props.source;
    // While an edit waits, a mark stays where the text up to its end is
    // unchanged (typing after an error does not make it blink).
    let problems: Vec<Problem> = props
        .report
        .problems
        .iter()
        .filter(|p| {
            let end = p.diagnostic.span.end as usize;
            fresh || (src.get(..end).is_some() && src.get(..end) == props.evaluated.get(..end))
        })
        .cloned()
        .collect();
    let problems = &problems[..];

    let read_caret = {
        let (caret, textarea) = (caret.clone(), textarea.clone());
        move || {
            if let Some(t) = textarea.cast::<HtmlTextAreaElement>() {
                let at = t.selection_start().ok().flatten().unwrap_or(0) as usize;
                caret.set(Some(utf16_to_byte(&t.value(), at)));
            }
        }
    };
    let oninput = {
        let (oninput, read_caret) = (props.dispatch.to_callback().reform(Action::Edit), read_caret.clone());
        Callback::from(move |e: InputEvent| {
            oninput.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            read_caret();
        })
    };
    let onkeyup = {
        let read_caret = read_caret.clone();
        Callback::from(move |_: KeyboardEvent| read_caret())
    };
    let onclick = {
        let read_caret = read_caret.clone();
        Callback::from(move |_: MouseEvent| read_caret())
    };
    let onfocus = Callback::from(move |_: FocusEvent| read_caret());
    // The marks lie under the pointer but let it through to the text (a
    // click, a double-click or a drag in a mark works as anywhere else);
    // the pointer's place shows the message of the mark it is over.
    let onmousemove =
        Callback::from(|e: MouseEvent| browser::hover_mark(f64::from(e.client_x()), f64::from(e.client_y())));
    let onmouseleave = Callback::from(|_: MouseEvent| browser::hover_mark(f64::NAN, f64::NAN));
    // Selects a byte range of the text (an error's span) and puts the
    // caret there.
    let select = {
        let (textarea, source, caret) = (textarea.clone(), props.source.clone(), caret.clone());
        Callback::from(move |(start, end): (usize, usize)| {
            let Some(t) = textarea.cast::<HtmlTextAreaElement>() else { return };
            let line = source[..start.min(source.len())].matches('\n').count() + 1;
            let lines = source.split('\n').count();
            browser::select_in(
                &t,
                byte_to_utf16(&source, start) as u32,
                byte_to_utf16(&source, end) as u32,
                line as u32,
                lines as u32,
            );
            caret.set(Some(start));
        })
    };
    // The list shows every error of the report, by its index there.
    let jump = {
        let (select, source, report) = (select.clone(), props.source.clone(), props.report.clone());
        let textarea = textarea.clone();
        Callback::from(move |i: usize| {
            if let Some(range) = report.problems.get(i).and_then(|p| mark_range(&source, p)) {
                select.emit(range);
                if let Some(t) = textarea.cast::<HtmlTextAreaElement>() {
                    browser::reveal_mark(&t, i);
                }
            }
        })
    };

    // Keyed by position, so that an error appearing further on (a half-typed
    // line) leaves the marks before it in place.
    let marks = segments(src, problems).into_iter().enumerate().map(|(i, s)| match s {
        Segment::Text(t) => html! { <span key={i}>{ t }</span> },
        Segment::Mark { text, problem } => {
            let p = &problems[problem];
            html! {
                <mark key={i} class={if text.is_empty() { "error-mark at-end" } else { "error-mark" }} data-problem={problem.to_string()} data-line={p.line.to_string()}>
                    { text }
                    <span class="tip" role="tooltip">
                        <span class="tip-where">{ place(p) }</span>
                        { problem_text(p) }
                    </span>
                </mark>
            }
        }
    });

    // The line numbers and the count keep the last evaluation's errors
    // while an edit waits to be evaluated, so they do not flicker as one
    // types; the marks, which must fit the text, wait for the new ones.
    let all = &props.report.problems;
    let lines = src.split('\n').count();
    let error_lines: Vec<(u32, String)> = all.iter().map(|p| (p.line, problem_text(p))).collect();
    let active =
        caret.and_then(|at| problems.iter().find(|p| mark_range(src, p).is_some_and(|(a, b)| a <= at && at <= b)));
    // The status line: where the caret's error is and what it says, else
    // how many errors there are.
    let (at, said) = match active {
        Some(p) => (place(p) + ": ", problem_text(p)),
        None if all.is_empty() => (String::new(), String::from("No errors")),
        None if all.len() == 1 => (String::new(), String::from("1 error, marked in the text")),
        None => (String::new(), format!("{} errors, marked in the text", all.len())),
    };
    let status = html! {
        <span class={if active.is_some() { "status-error" } else { "" }}><strong>{ at.clone() }</strong>{ said.clone() }</span>
    };
    // What a screen reader hears: the status once typing pauses.
    let announced = crate::hooks::use_announced(at + &said);

    html! {
        <div class="editor" data-pending={(!fresh).to_string()}>
            <div class="editor-scroll">
                { gutter(lines, &error_lines) }
                <div class="editor-stack">
                    <textarea
                        ref={textarea}
                        id="model"
                        class="editor-text"
                        aria-label="Model text"
                        aria-describedby="editor-status"
                        aria-invalid={(!all.is_empty()).to_string()}
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        wrap="off"
                        value={props.source.clone()}
                        {oninput}
                        {onkeyup}
                        {onclick}
                        {onfocus}
                        {onmousemove}
                        {onmouseleave}
                    />
                    // A newline at the end keeps the box one line taller
                    // than the text, as the textarea is. (Lists of varying
                    // length sit in their own element throughout: Yew
                    // matches children from the end.)
                    <pre class="editor-marks" aria-hidden="true"><span>{ for marks }</span>{ "\n" }</pre>
                </div>
            </div>
            <div id="editor-status" class="editor-status">{ status }</div>
            <div class="visually-hidden" role="status">{ announced }</div>
            { problem_list(&props.report, &jump) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(src: &str) -> Vec<Problem> {
        headroom_core::run(src, &[]).problems
    }

    #[test]
    fn an_error_is_marked_at_its_span() {
        let src = "a = 1 MB\nb = nope + 1\n";
        let p = problems(src);
        let segs = segments(src, &p);
        assert_eq!(
            segs,
            [Segment::Text("a = 1 MB\nb = "), Segment::Mark { text: "nope", problem: 0 }, Segment::Text(" + 1\n")]
        );
    }

    #[test]
    fn an_empty_span_marks_the_next_character_or_the_line_end() {
        let src = "x = (1 + \ny = 2";
        let p = problems(src);
        assert!(!p.is_empty());
        let segs = segments(src, &p);
        let joined: String = segs
            .iter()
            .map(|s| match s {
                Segment::Text(t) | Segment::Mark { text: t, .. } => *t,
            })
            .collect();
        assert_eq!(joined, src, "the segments are the whole text");
        assert!(segs.iter().any(|s| matches!(s, Segment::Mark { .. })));
    }

    #[test]
    fn utf16_offsets_convert_both_ways() {
        let s = "é = 1 # 𝄞\nx";
        for (b, _) in s.char_indices().chain([(s.len(), ' ')]) {
            assert_eq!(utf16_to_byte(s, byte_to_utf16(s, b)), b);
        }
        assert_eq!(byte_to_utf16(s, s.len()), s.encode_utf16().count());
        assert_eq!(utf16_to_byte(s, 1000), s.len());
    }
}
