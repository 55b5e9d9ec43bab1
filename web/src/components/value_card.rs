//! One derived value: its name and what the core shows for it (a number
//! with its unit, or why it failed), the conventions it depends on, and,
//! once opened, its worked explanation.

use crate::components::explanation::Explanation;
use headroom_core::explain;
use headroom_core::report::{Shown, ValueKind, ValueView};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ValueCard`].
#[derive(Properties, PartialEq)]
pub struct ValueCardProps {
    /// The value as the core shows it.
    pub view: ValueView,
    /// Its explanation is open.
    #[prop_or_default]
    pub open: bool,
    /// The explanation, when open.
    #[prop_or_default]
    pub explanation: Option<Rc<explain::Explanation>>,
    /// Called with the value's name to open it, `None` to close it.
    pub onexplain: Callback<Option<String>>,
}

/// Badges for the conventions a result depends on (`month = 730 h`).
pub fn conventions(list: &[String]) -> Html {
    list.iter()
        .map(|c| html! { <span class="convention" title="A convention of this model">{ c.clone() }</span> })
        .collect()
}

/// One value.
#[function_component(ValueCard)]
pub fn value_card(props: &ValueCardProps) -> Html {
    let v = &props.view;
    let kind = match v.kind {
        ValueKind::Input => "input",
        ValueKind::Derived => "derived",
        ValueKind::Bare => "bare",
    };
    let (shape, shown) = match &v.display {
        Shown::Scalar(s) => ("scalar", html! { <span class="shown">{ s.clone() }</span> }),
        Shown::Series(_) => ("series", html! { <span class="shown">{ v.display.text() }</span> }),
        Shown::Failed(why) => ("failed", html! { <span class="shown failed">{ why.clone() }</span> }),
    };
    let explain_id = format!("explain-{}", v.name);
    let onclick = {
        let (name, open) = (v.name.clone(), props.open);
        props.onexplain.reform(move |_: MouseEvent| (!open).then(|| name.clone()))
    };
    html! {
        <div class={classes!("value-card", kind, shape, props.open.then_some("open"))} data-name={v.name.clone()} data-line={v.line.to_string()}>
            <button
                type="button"
                class="value-head"
                aria-expanded={props.open.to_string()}
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
            if props.open {
                <div id={explain_id} class="explanation-wrap">
                    if let Some(e) = &props.explanation {
                        <Explanation explanation={e.clone()} />
                    } else {
                        <p class="empty">{ "This value has no formula to show." }</p>
                    }
                </div>
            }
        </div>
    }
}
