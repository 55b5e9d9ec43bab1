//! The model's errors under the editor, each with its line and column (a
//! button that moves the caret to it), its message and help. Renders
//! nothing when the model has none.

use headroom_core::report::Problem;
use headroom_core::Report;
use yew::prelude::*;

/// Where a problem is: `Line 3, column 9`.
pub fn place(p: &Problem) -> String {
    format!("Line {}, column {}", p.line, p.column)
}

/// The list of errors; `onjump` gets a problem's index to show it in the
/// text.
pub fn problems(report: &Report, onjump: &Callback<usize>) -> Html {
    if report.problems.is_empty() {
        return Html::default();
    }
    let items = report.problems.iter().enumerate().map(|(i, p)| {
        let d = &p.diagnostic;
        let onclick = onjump.reform(move |_: MouseEvent| i);
        html! {
            <li class="problem" data-line={p.line.to_string()} data-code={d.kind.code()}>
                <button type="button" class="where" title="Show it in the text" {onclick}>
                    { place(p) }
                </button>
                <span class="message">{ d.message.clone() }</span>
                if let Some(label) = &d.label {
                    <span class="note">{ label.clone() }</span>
                }
                if let Some(help) = &d.help {
                    <span class="help">{ help.clone() }</span>
                }
            </li>
        }
    });
    html! {
        <ul id="problems" class="problems" aria-label="Errors in the model">{ for items }</ul>
    }
}
