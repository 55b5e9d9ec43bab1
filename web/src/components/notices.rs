//! Messages across the top: a link that could not be opened, link values
//! that did not fit, storage trouble, and the way back to the user's own
//! model when a link or preset is open alongside it.

use crate::browser;
use crate::state::{Action, AppState, Notice, Origin};
use yew::prelude::*;

/// A message that can be dismissed: `class` is `error` or `warn`.
pub fn notice_box(class: &'static str, content: Html, dispatch: &Callback<Action>) -> Html {
    let onclick = dispatch.reform(|_: MouseEvent| {
        // The button goes with its notice: focus moves on, not to the page.
        browser::focus_soon(String::from("#back-to-saved"), "#results, #model");
        Action::Dismiss
    });
    html! {
        <div id="notice" class={["notice ", class].concat()} role="alert">
            { content }
            <button type="button" {onclick}>{ "Dismiss" }</button>
        </div>
    }
}

/// The notices.
pub fn notices(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let notice = state.notice.as_ref().map(|n| match n {
        Notice::BadLink(why) => {
            let content = html! {
                <p>
                    <strong>{ "This link could not be opened: " }</strong>{ why }{ ". " }
                    { "Showing the default model instead; your saved models are unchanged." }
                </p>
            };
            notice_box("error", content, dispatch)
        }
        Notice::LinkInputs(problems) => {
            let content = html! {
                <div>
                    <p><strong>{ "Some values in this link were not used" }</strong>{ ":" }</p>
                    <ul>{ for problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </div>
            };
            notice_box("warn", content, dispatch)
        }
        Notice::ChangedElsewhere(name) => {
            let content = html! {
                <p>
                    <strong>{ "This model was changed in another tab." }</strong>
                    { " What you change here is saved as \u{201c}" }{ name }{ "\u{201d}, so neither tab's edits are lost." }
                </p>
            };
            notice_box("warn", content, dispatch)
        }
        Notice::Storage(why) => {
            let content = html! { <p><strong>{ "Changes cannot be saved in this browser: " }</strong>{ why }</p> };
            notice_box("warn", content, dispatch)
        }
    });
    let alongside = state.alongside().map(|entry| {
        let what = match state.doc.origin {
            Origin::Link => "a shared link",
            Origin::Preset(_) => "a preset",
            _ => "a new model",
        };
        let id = entry.id;
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            browser::focus_soon(String::from("#results"), "#results-pane");
            match browser::load_stored(id) {
                Some(stored) => dispatch.emit(Action::OpenSaved(stored)),
                None => dispatch.emit(Action::ReadFailed("your saved model could not be read back".into())),
            }
        });
        html! {
            <div id="alongside" class="notice info" role="status">
                <p>
                    { ["You are looking at ", what, "; it is saved only if you change it. Your model "].concat() }
                    <strong>{ ["“", &entry.name, "”"].concat() }</strong>{ " is kept." }
                </p>
                <button type="button" id="back-to-saved" {onclick}>{ ["Back to “", &entry.name, "”"].concat() }</button>
            </div>
        }
    });
    html! { <>{ notice.unwrap_or_default() }{ alongside.unwrap_or_default() }</> }
}
