//! Messages across the top: a link that could not be opened, link values
//! that did not fit, storage trouble, and the way back to the user's own
//! model when a link or preset is open alongside it.

use crate::browser;
use crate::state::{Action, AppState, Notice, Origin};
use yew::prelude::*;

/// The notices.
pub fn notices(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let dismiss = dispatch.reform(|_: MouseEvent| Action::Dismiss);
    let notice = state.notice.as_ref().map(|n| match n {
        Notice::BadLink(why) => html! {
            <div id="notice" class="notice error" role="alert">
                <p>
                    <strong>{ "This link could not be opened: " }</strong>{ why }{ ". " }
                    { "Showing the default model instead; your saved models are unchanged." }
                </p>
                <button type="button" onclick={dismiss.clone()}>{ "Dismiss" }</button>
            </div>
        },
        Notice::LinkInputs(problems) => html! {
            <div id="notice" class="notice warn" role="alert">
                <div>
                    <p><strong>{ "Some values in this link were not used" }</strong>{ " (those inputs keep their defaults):" }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
                <button type="button" onclick={dismiss.clone()}>{ "Dismiss" }</button>
            </div>
        },
        Notice::Storage(why) => html! {
            <div id="notice" class="notice warn" role="alert">
                <p><strong>{ "Changes cannot be saved in this browser: " }</strong>{ why }</p>
                <button type="button" onclick={dismiss.clone()}>{ "Dismiss" }</button>
            </div>
        },
    });
    let alongside = state.alongside().map(|entry| {
        let what = match state.doc.origin {
            Origin::Link => "a shared link",
            Origin::Preset(_) => "a preset",
            _ => "a new model",
        };
        let id = entry.id;
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| match browser::load_stored(id) {
            Some(stored) => dispatch.emit(Action::OpenSaved(stored)),
            None => dispatch.emit(Action::StorageFailed("your saved model could not be read back".into())),
        });
        html! {
            <div id="alongside" class="notice info" role="status">
                <p>
                    { format!("You are looking at {what}; it is saved only if you change it. Your model ") }
                    <strong>{ format!("“{}”", entry.name) }</strong>{ " is kept." }
                </p>
                <button type="button" id="back-to-saved" {onclick}>{ format!("Back to “{}”", entry.name) }</button>
            </div>
        }
    });
    html! { <>{ notice.unwrap_or_default() }{ alongside.unwrap_or_default() }</> }
}
