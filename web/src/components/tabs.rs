//! The switch between results and model text on a phone-width screen (a
//! wide screen shows both side by side and hides it).

use crate::state::Tab;
use yew::prelude::*;

/// Two toggle buttons, Results and Model: `tab` is shown, `onselect` gets
/// the tab chosen.
pub fn tabs(shown: Tab, onselect: &Callback<Tab>) -> Html {
    let button = |tab: Tab, label: &'static str, controls: &'static str| {
        let onclick = onselect.reform(move |_: MouseEvent| tab);
        html! {
            <button type="button" class="tab" aria-pressed={(shown == tab).to_string()} aria-controls={controls} {onclick}>
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
