//! The model's checks as badges at the top of the results, so a status is
//! visible without scrolling to its section; a label goes to the check
//! itself. Of many checks, the ones that are fine fold away.

use headroom_core::report::CheckView;
use headroom_core::{Report, Status};
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

/// Up to this many checks the summary lists them all; beyond, the fine
/// ones fold away so the ones to look at come first (omniops has 36).
const ALL_LISTED: usize = 8;

/// One check as a badge whose label goes to the check.
fn item(c: &CheckView) -> Html {
    let status = c.status().map_or("error", |s| s.as_str());
    let line = c.line;
    html! {
        <li class={["summary-item status-", status].concat()} data-label={c.label.clone()}>
            // Named apart from the check's own button, which explains it.
            <button type="button" class="summary-label" title="Go to this check"
                aria-label={["Go to check: ", c.label.as_str()].concat()}
                onclick={Callback::from(move |_: MouseEvent| go_to_check(line))}>{ c.label.clone() }</button>
            <span class="badge">{ c.text.clone() }</span>
        </li>
    }
}

/// The fine checks' count by status: `28 OK, 3 PASS`.
fn fine_counts(fine: &[&CheckView]) -> String {
    [Status::Ok, Status::Pass]
        .iter()
        .filter_map(|&s| {
            let n = fine.iter().filter(|c| c.status() == Some(s)).count();
            (n > 0).then(|| [n.to_string(), String::from(" "), String::from(s.label())].concat())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The check badges at the top of the results (nothing when the model has
/// no checks): all of them, or the ones to look at and the others folded.
pub fn check_summary(report: &Report) -> Html {
    let checks: Vec<_> = report.checks().collect();
    if checks.is_empty() {
        return Html::default();
    }
    if checks.len() <= ALL_LISTED {
        return html! {
            <div class="checks-top">
                <ul class="check-summary" aria-label="Summary of checks">{ for checks.iter().map(|c| item(c)) }</ul>
            </div>
        };
    }
    let (fine, look): (Vec<_>, Vec<_>) =
        checks.iter().partition(|c| matches!(c.status(), Some(Status::Ok | Status::Pass)));
    let counts = fine_counts(&fine);
    let fold = if look.is_empty() {
        ["All ", &checks.len().to_string(), " checks: ", &counts].concat()
    } else {
        [&fine.len().to_string(), " more checks: ", &counts].concat()
    };
    html! {
        <div class="checks-top">
            if !look.is_empty() {
                <ul class="check-summary" aria-label="Checks to look at">{ for look.iter().map(|c| item(c)) }</ul>
            }
            if !fine.is_empty() {
                <details class="fine-checks">
                    <summary>{ fold }</summary>
                    <ul class="check-summary" aria-label="Checks that are fine">{ for fine.iter().map(|c| item(c)) }</ul>
                </details>
            }
        </div>
    }
}
