//! One check: its label and its status as a badge (`OK`, `WARN 78%`,
//! `PASS`, ...), or why it could not be evaluated.

use headroom_core::report::CheckView;
use yew::prelude::*;

/// Props of [`CheckRow`].
#[derive(Properties, PartialEq)]
pub struct CheckRowProps {
    /// The check as the core shows it.
    pub view: CheckView,
}

/// One check.
#[function_component(CheckRow)]
pub fn check_row(props: &CheckRowProps) -> Html {
    let c = &props.view;
    let status = c.status().map_or("error", |s| s.as_str());
    let why = c.result.as_ref().err();
    html! {
        <div class={classes!("row", "check", format!("status-{status}"))} data-label={c.label.clone()} data-status={status}>
            <span class="name">
                { &c.label }
                if let Some(why) = why {
                    <span class="label failed">{ why }</span>
                }
            </span>
            <span class="badge">{ &c.text }</span>
        </div>
    }
}
