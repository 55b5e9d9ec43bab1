//! Every check of the model as a row of badges at the top of the results,
//! so a status is visible without scrolling to its section; its label
//! goes to the check itself.

use headroom_core::Report;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The id of the row of the check on line `line`.
pub fn check_row_id(line: u32) -> String {
    ["check-", &line.to_string()].concat()
}

/// Brings the check on `line` into view and focuses its label (a phone
/// shows the summary a screen above the checks).
fn go_to_check(line: u32) {
    let row = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&check_row_id(line)));
    if let Some(row) = row {
        row.scroll_into_view();
        let label = row.query_selector(".check-open").ok().flatten();
        if let Some(label) = label.and_then(|l| l.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = label.focus();
        }
    }
}

/// The row of check badges (nothing when the model has no checks).
pub fn check_summary(report: &Report) -> Html {
    let checks: Vec<_> = report.checks().collect();
    if checks.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="check-summary" aria-label="Checks">
            { for checks.iter().map(|c| {
                let status = c.status().map_or("error", |s| s.as_str());
                html! {
                    <li class={["summary-item status-", status].concat()} data-label={c.label.clone()}>
                        <button type="button" class="summary-label" title="Go to this check" onclick={{
                            let line = c.line;
                            Callback::from(move |_: MouseEvent| go_to_check(line))
                        }}>{ c.label.clone() }</button>
                        <span class="badge">{ c.text.clone() }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
