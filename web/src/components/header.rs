//! The top bar: the product name, the model's title and whether it is
//! saved, the worst check, and the buttons that open the dialogs.

use crate::state::{Action, AppState, Origin, Panel};
use yew::prelude::*;

/// The top bar.
pub fn header(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let doc = &state.doc;
    let saved = match doc.origin {
        Origin::Saved(_) if state.storage_failed => "Not saved: the browser refused",
        Origin::Saved(_) => "Saved in this browser",
        Origin::Preset(_) => "Preset",
        Origin::Link => "Shared link, not saved",
        Origin::New => "Not saved",
    };
    // A check that cannot be worked out is worse than any status: its
    // outcome is unknown. So is a model with errors: a green OK beside
    // them would say more than is known.
    let worst = if doc.report.checks().any(|c| c.result.is_err()) {
        Some(("error", "ERROR", "Worst check: "))
    } else if !doc.report.problems.is_empty() {
        Some(("error", "ERROR", "The model has errors: "))
    } else {
        doc.report.worst_status().map(|s| (s.as_str(), s.label(), "Worst check: "))
    };
    let spoken = worst.map(|(_, label, said)| [said, label].concat()).unwrap_or_default();
    let worst = worst.map(|(class, label, said)| {
        html! {
            <span class={["badge worst status-", class].concat()} title="The worst check of the model">
                <span class="visually-hidden">{ said }</span>
                { label }
            </span>
        }
    });
    let button = |panel: Panel, id: &'static str, label: &'static str| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::Show(panel));
        html! { <button type="button" {id} class="action" aria-haspopup="dialog" {onclick}>{ label }</button> }
    };
    html! {
        <header class="topbar">
            <div class="brand">
                <h1 class="product">{ "Headroom" }</h1>
                <span id="model-title" class="model-title" title={doc.name.clone()}>{ doc.name.clone() }</span>
                // Both change as the user works: screen readers hear it.
                <span id="save-state" class="save-state" aria-live="polite">{ saved }</span>
                <span class="worst-live">{ worst.unwrap_or_default() }</span>
                <WorstSaid text={spoken} />
            </div>
            <nav class="actions" aria-label="Model">
                { button(Panel::Gallery, "open-gallery", "Gallery") }
                { button(Panel::Saved, "open-saved", "Saved") }
                { button(Panel::Share, "open-share", "Share") }
                { button(Panel::Embed, "open-embed", "Embed") }
                { button(Panel::Export, "open-export", "Export") }
            </nav>
        </header>
    }
}

/// What the worst-check badge says, for the live region.
#[derive(Properties, PartialEq)]
struct WorstSaidProps {
    text: String,
}

/// The worst check, announced once it holds still (while typing, a
/// half-typed line flips it between an error and a status at every key).
#[function_component(WorstSaid)]
fn worst_said(props: &WorstSaidProps) -> Html {
    let announced = crate::hooks::use_announced(props.text.clone());
    html! { <span class="visually-hidden" role="status">{ announced }</span> }
}
