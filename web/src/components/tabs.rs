//! The switch between results and model text on a phone-width screen (a
//! wide screen shows both side by side and hides it).

use crate::state::Tab;
use yew::prelude::*;

/// Two toggle buttons, Results and Model: `tab` is shown, `onselect` gets
/// the tab chosen. The Model tab counts the model's `errors`, so they are
/// not missed from the Results tab. The page's place on the tab left is
/// kept for the model of `generation`.
pub fn tabs(shown: Tab, errors: usize, generation: u32, onselect: &Callback<Tab>) -> Html {
    let button = |tab: Tab, label: Html, controls: &'static str| {
        let onclick = onselect.reform(move |_: MouseEvent| {
            if tab != shown {
                crate::browser::leave_tab(shown as usize, generation);
            }
            tab
        });
        html! {
            <button type="button" class="tab" aria-pressed={(shown == tab).to_string()} aria-controls={controls} {onclick}>
                { label }
            </button>
        }
    };
    let model = match errors {
        0 => html! { "Model" },
        n => {
            let count = if n == 1 { String::from("1 error") } else { [&n.to_string(), " errors"].concat() };
            html! { <>{ "Model " }<span class="tab-errors">{ count }</span></> }
        }
    };
    html! {
        <nav class="tabs" aria-label="Show">
            { button(Tab::Results, html! { "Results" }, "results-pane") }
            { button(Tab::Model, model, "model-pane") }
        </nav>
    }
}
