//! One check: its label, the value checked, a thin utilization bar, and its
//! status as a badge whose text says it (`OK`, `WARN 78%`, `CRIT 91%`,
//! `PASS`, `FAIL`), so colour is never the only sign.

use crate::components::explanation::explanation;
use crate::components::value_card::conventions;
use headroom_core::explain::Explanation;
use headroom_core::report::CheckView;
use yew::prelude::*;

/// The key of check number `index` where an explanation is opened by
/// name: a value's name has no `:`, so the two never meet.
pub fn check_key(index: usize) -> String {
    ["check:", &index.to_string()].concat()
}

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

/// One check, as the core shows it: check number `index` of the model.
/// Its label opens (when `open`) how it is worked out; `onexplain` gets
/// its key ([`check_key`]) to open it, `None` to close it.
pub fn check_row(
    c: &CheckView,
    index: usize,
    open: bool,
    work: Option<&Explanation>,
    onexplain: &Callback<Option<String>>,
) -> Html {
    let status = c.status().map_or("error", |s| s.as_str());
    // Truth checks (pass/fail) have nothing to fill.
    let fill = c.result.as_ref().ok().filter(|r| r.ratio.is_some()).map(|r| r.fill());
    let key = check_key(index);
    let work_id = crate::view::explain_id(&key);
    let onclick = {
        let key = key.clone();
        onexplain.reform(move |_: MouseEvent| (!open).then(|| key.clone()))
    };
    let row = html! {
        <div id={crate::components::check_summary::check_row_id(c.line)} class={["check status-", status, if open { " open" } else { "" }].concat()} data-label={c.label.clone()} data-status={status} data-line={c.line.to_string()}>
            <span class="check-label">
                <button
                    type="button"
                    class="check-open"
                    aria-expanded={open.to_string()}
                    aria-controls={work_id.clone()}
                    title="Show how it is computed"
                    {onclick}
                >
                    { c.label.clone() }
                </button>
                { conventions(&c.conventions) }
                if let Some(at) = &c.at {
                    <span class="check-at">{ ["at ", at.as_str()].concat() }</span>
                }
                if let Err(why) = &c.result {
                    <span class="check-error">{ why.clone() }</span>
                }
            </span>
            // A WARN or CRIT badge says the value already; the empty cell
            // keeps the bars of a column of checks in line.
            <span class="check-value">{ c.value.clone().filter(|v| !c.text.ends_with(v.as_str())).unwrap_or_default() }</span>
            if let Some(fill) = fill { { bar(fill) } }
            <span class="badge">{ c.text.clone() }</span>
        </div>
    };
    html! {
        <>
            { row }
            if let (true, Some(e)) = (open, work) {
                <div id={work_id} class="explanation-wrap check-work">{ explanation(e) }</div>
            }
        </>
    }
}
