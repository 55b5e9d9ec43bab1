//! The gallery: the models of the seed capacity documents and the generic
//! templates, each with its title, description and source; opening one
//! loads it.

use crate::state::Action;
use headroom_core::presets::{self, Kind, Preset};
use yew::prelude::*;

/// The gallery's content.
pub fn gallery(dispatch: &Callback<Action>) -> Html {
    let card = |p: &'static Preset| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::OpenPreset(p.name));
        html! {
            <li class="preset-card" data-preset={p.name}>
                <h4>{ p.title }</h4>
                <p class="description">{ p.description }</p>
                if let Some(doc) = p.source_doc {
                    <p class="source">{ "Reproduces " }<cite>{ doc }</cite></p>
                } else {
                    <p class="source">{ "A template written for Headroom, to start a model from" }</p>
                }
                <button type="button" class="open-preset" aria-label={["Open ", p.title].concat()} {onclick}>
                    { "Open" }
                </button>
            </li>
        }
    };
    let list = |kind: Kind| presets::ALL.iter().filter(|p| p.kind == kind).map(card).collect::<Html>();
    // The empty model is to be written: the focus goes to the editor,
    // below its title line.
    let new_model = dispatch.reform(|_: MouseEvent| {
        crate::browser::focus_text_end_soon("model");
        Action::NewModel
    });
    html! {
        <div class="gallery">
            <p class="hint">{ "Opening a model shows it beside your saved work; it is saved once you change it." }</p>
            <h3 class="kind">{ "From capacity-planning documents" }</h3>
            <ul class="preset-list">{ list(Kind::Seed) }</ul>
            <h3 class="kind">{ "Templates" }</h3>
            <ul class="preset-list">{ list(Kind::Template) }</ul>
            <p><button type="button" id="new-model" onclick={new_model}>{ "Start an empty model" }</button></p>
        </div>
    }
}
