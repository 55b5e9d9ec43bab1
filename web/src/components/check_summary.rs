//! Every check of the model as a row of badges at the top of the results,
//! so a status is visible without scrolling to its section.

use headroom_core::Report;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`CheckSummary`].
#[derive(Properties, PartialEq)]
pub struct CheckSummaryProps {
    /// The evaluated model.
    pub report: Rc<Report>,
}

/// The row of check badges (nothing when the model has no checks).
#[function_component(CheckSummary)]
pub fn check_summary(props: &CheckSummaryProps) -> Html {
    let checks: Vec<_> = props.report.checks().collect();
    if checks.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="check-summary" aria-label="Checks">
            { for checks.iter().map(|c| {
                let status = c.status().map_or("error", |s| s.as_str());
                html! {
                    <li class={classes!("summary-item", format!("status-{status}"))} data-label={c.label.clone()}>
                        <span class="summary-label">{ c.label.clone() }</span>
                        <span class="badge">{ c.text.clone() }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
