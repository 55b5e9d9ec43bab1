//! One derived value: its name and what the core shows for it (a number
//! with its unit, or why it failed), the conventions it depends on, and,
//! once opened, its worked explanation.

use crate::components::explanation::explanation;
use headroom_core::explain::Explanation;
use headroom_core::report::{Shown, ValueKind, ValueView};
use yew::prelude::*;

/// Badges for the conventions a result depends on (`month = 730 h`).
pub fn conventions(list: &[String]) -> Html {
    list.iter()
        .map(|c| html! { <span class="convention" title="A convention of this model">{ c.clone() }</span> })
        .collect()
}

/// One value as the core shows it; when `open`, with its explanation (if it
/// has one). `onexplain` gets the value's name to open it, `None` to close
/// it.
pub fn value_card(v: &ValueView, open: bool, work: Option<&Explanation>, onexplain: &Callback<Option<String>>) -> Html {
    let kind = match v.kind {
        ValueKind::Input => "input",
        ValueKind::Derived => "derived",
        ValueKind::Bare => "bare",
    };
    let (shape, shown) = match &v.display {
        // Text (a picked row's name) may wrap; a number and its unit do not.
        Shown::Scalar(s) => {
            let text = matches!(v.data, headroom_core::report::Data::Text(_));
            ("scalar", html! { <span class={if text { "shown text" } else { "shown" }}>{ s.clone() }</span> })
        }
        Shown::Series(_) => ("series", html! { <span class="shown">{ v.display.text() }</span> }),
        Shown::Failed(why) => ("failed", html! { <span class="shown failed">{ why.clone() }</span> }),
    };
    let explain_id = crate::view::explain_id(&v.name);
    let onclick = {
        let name = v.name.clone();
        onexplain.reform(move |_: MouseEvent| (!open).then(|| name.clone()))
    };
    html! {
        <div class={["value-card ", kind, " ", shape, if open { " open" } else { "" }].concat()} key={v.name.clone()} data-name={v.name.clone()} data-line={v.line.to_string()}>
            <button
                type="button"
                class="value-head"
                aria-expanded={open.to_string()}
                aria-controls={explain_id.clone()}
                title="Show how it is computed"
                {onclick}
            >
                <span class="name">
                    <code>{ v.name.clone() }</code>
                    { conventions(&v.conventions) }
                </span>
                { shown }
            </button>
            if open {
                <div id={explain_id} class="explanation-wrap">
                    if let Some(e) = work {
                        { explanation(e) }
                    } else {
                        <p class="empty">{ "This value has no formula to show." }</p>
                    }
                </div>
            }
        </div>
    }
}
