//! One check: its label, the value checked, a thin utilization bar, and its
//! status as a badge whose text says it (`OK`, `WARN 78%`, `CRIT 91%`,
//! `PASS`, `FAIL`), so colour is never the only sign.

use crate::components::value_card::conventions;
use headroom_core::report::CheckView;
use yew::prelude::*;

/// The utilization bar: how full, 0 to 1, drawn in a 1 x 1 box the CSS
/// stretches (an SVG attribute, since the page allows no inline styles).
pub fn bar(fill: f64) -> Html {
    html! {
        <svg class="bar" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="bar-track" width="1" height="1" />
            <rect class="bar-fill" width={headroom_core::format::exact(fill)} height="1" />
        </svg>
    }
}

/// One check, as the core shows it.
pub fn check_row(c: &CheckView) -> Html {
    let status = c.status().map_or("error", |s| s.as_str());
    // Truth checks (pass/fail) have nothing to fill.
    let fill = c.result.as_ref().ok().filter(|r| r.ratio.is_some()).map(|r| r.fill());
    html! {
        <div class={["check status-", status].concat()} data-label={c.label.clone()} data-status={status} data-line={c.line.to_string()}>
            <span class="check-label">
                { c.label.clone() }
                { conventions(&c.conventions) }
                if let Err(why) = &c.result {
                    <span class="check-error">{ why.clone() }</span>
                }
            </span>
            if let Some(value) = &c.value {
                <span class="check-value">{ value.clone() }</span>
            }
            if let Some(fill) = fill { { bar(fill) } }
            <span class="badge">{ c.text.clone() }</span>
        </div>
    }
}
