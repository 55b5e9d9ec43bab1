//! Every check of the model as a row of badges at the top of the results,
//! so a status is visible without scrolling to its section.

use headroom_core::Report;
use yew::prelude::*;

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
                        <span class="summary-label">{ c.label.clone() }</span>
                        <span class="badge">{ c.text.clone() }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
