//! The switch between results and model text on a phone-width screen (a
//! wide screen shows both side by side and hides it).

use crate::state::Tab;
use yew::prelude::*;

/// Props of [`Tabs`].
#[derive(Properties, PartialEq)]
pub struct TabsProps {
    /// What is shown.
    pub tab: Tab,
    /// Called with the tab chosen.
    pub onselect: Callback<Tab>,
}

/// Two toggle buttons: Results and Model.
#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let button = |tab: Tab, label: &'static str, controls: &'static str| {
        let onclick = props.onselect.reform(move |_: MouseEvent| tab);
        html! {
            <button type="button" class="tab" aria-pressed={(props.tab == tab).to_string()} aria-controls={controls} {onclick}>
                { label }
            </button>
        }
    };
    html! {
        <nav class="tabs" aria-label="Show">
            { button(Tab::Results, "Results", "results-pane") }
            { button(Tab::Model, "Model", "model-pane") }
        </nav>
    }
}
