//! One input or value: its name (and label, for inputs) and what the core
//! shows for it: a number with its unit, a series, or why it failed.

use headroom_core::report::{Shown, ValueKind, ValueView};
use yew::prelude::*;

/// Props of [`ValueRow`].
#[derive(Properties, PartialEq)]
pub struct ValueRowProps {
    /// The value as the core shows it.
    pub view: ValueView,
}

/// One value.
#[function_component(ValueRow)]
pub fn value_row(props: &ValueRowProps) -> Html {
    let v = &props.view;
    let kind = match v.kind {
        ValueKind::Input => "input",
        ValueKind::Derived => "derived",
        ValueKind::Bare => "bare",
    };
    let (shape, shown) = match &v.display {
        Shown::Scalar(s) => ("scalar", html! { <span class="shown">{ s }</span> }),
        Shown::Series(items) => (
            "series",
            html! {
                <ol class="shown series">
                    { for items.iter().map(|s| html! { <li>{ s }</li> }) }
                </ol>
            },
        ),
        Shown::Failed(why) => ("failed", html! { <span class="shown failed">{ why }</span> }),
    };
    let label = v.input.as_ref().map(|i| i.label.as_str()).filter(|l| *l != v.name);
    html! {
        <div class={classes!("row", "value", kind, shape)} data-name={v.name.clone()} data-line={v.line.to_string()}>
            <span class="name">
                <code>{ &v.name }</code>
                if let Some(label) = label {
                    <span class="label">{ label }</span>
                }
            </span>
            { shown }
        </div>
    }
}
