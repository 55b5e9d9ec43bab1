//! The user's saved models: open, rename, delete. Every change to a model
//! is saved as it happens; this is the list of them.

use crate::browser;
use crate::components::app::use_app;
use crate::state::{Action, Origin};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The saved-models dialog's content.
#[function_component(Saved)]
pub fn saved() -> Html {
    let state = use_app();
    let dispatch = state.dispatcher().to_callback();
    // The model being renamed (with the name typed so far), or asked about
    // before deleting.
    let renaming = use_state(|| None::<(u32, String)>);
    let confirming = use_state(|| None::<u32>);
    if state.saved.is_empty() {
        return html! {
            <p class="empty" id="saved-empty">
                { "Nothing saved yet. Change a model (its text or an input) and it is saved here, in this browser." }
            </p>
        };
    }
    let on_screen = match state.doc.origin {
        Origin::Saved(id) => Some(id),
        _ => None,
    };
    let rows = state.saved.iter().map(|entry| {
        let id = entry.id;
        let name = entry.name.clone();
        let open = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| match browser::load_stored(id) {
                Some(stored) => dispatch.emit(Action::OpenSaved(stored)),
                None => dispatch.emit(Action::StorageFailed("this saved model could not be read back".into())),
            })
        };
        let head = match &*renaming {
            Some((rid, typed)) if *rid == id => {
                let commit = {
                    let (dispatch, renaming, typed) = (dispatch.clone(), renaming.clone(), typed.clone());
                    move || {
                        dispatch.emit(Action::Rename { id, name: typed.clone() });
                        renaming.set(None);
                    }
                };
                let oninput = {
                    let renaming = renaming.clone();
                    Callback::from(move |e: InputEvent| {
                        renaming.set(Some((id, e.target_unchecked_into::<HtmlInputElement>().value())));
                    })
                };
                let onkeydown = {
                    let (commit, renaming) = (commit.clone(), renaming.clone());
                    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                        "Enter" => commit(),
                        "Escape" => {
                            // Escape cancels the rename, not the dialog.
                            e.prevent_default();
                            renaming.set(None);
                        }
                        _ => {}
                    })
                };
                let save = Callback::from(move |_: MouseEvent| commit());
                let field_id = format!("rename-{id}");
                html! {
                    <span class="rename">
                        <label class="visually-hidden" for={field_id.clone()}>{ format!("New name for “{name}”") }</label>
                        <input id={field_id} type="text" value={typed.clone()} {oninput} {onkeydown} autofocus=true />
                        <button type="button" onclick={save}>{ "Save name" }</button>
                    </span>
                }
            }
            _ => html! {
                <span class="saved-name">
                    { name.clone() }
                    if on_screen == Some(id) { <span class="badge status-none">{ "open" }</span> }
                </span>
            },
        };
        let start_rename = {
            let (renaming, name) = (renaming.clone(), name.clone());
            Callback::from(move |_: MouseEvent| renaming.set(Some((id, name.clone()))))
        };
        let buttons = if *confirming == Some(id) {
            let delete = {
                let (dispatch, confirming) = (dispatch.clone(), confirming.clone());
                Callback::from(move |_: MouseEvent| {
                    dispatch.emit(Action::Delete(id));
                    confirming.set(None);
                })
            };
            let cancel = {
                let confirming = confirming.clone();
                Callback::from(move |_: MouseEvent| confirming.set(None))
            };
            html! {
                <span class="confirm" role="group" aria-label={format!("Delete “{name}”?")}>
                    <span>{ "Delete it?" }</span>
                    <button type="button" class="danger" onclick={delete}>{ "Delete" }</button>
                    <button type="button" onclick={cancel}>{ "Keep" }</button>
                </span>
            }
        } else {
            let ask = {
                let confirming = confirming.clone();
                Callback::from(move |_: MouseEvent| confirming.set(Some(id)))
            };
            html! {
                <span class="row-actions">
                    <button type="button" onclick={open} aria-label={format!("Open “{name}”")}>{ "Open" }</button>
                    <button type="button" onclick={start_rename} aria-label={format!("Rename “{name}”")}>{ "Rename" }</button>
                    <button type="button" onclick={ask} aria-label={format!("Delete “{name}”")}>{ "Delete" }</button>
                </span>
            }
        };
        html! { <li class="saved-row" data-id={id.to_string()} key={id}>{ head }{ buttons }</li> }
    });
    html! {
        <div class="saved">
            <p class="hint">{ "Saved in this browser only, as you work. Links you open are kept apart until you change them." }</p>
            <ul class="saved-list">{ for rows }</ul>
        </div>
    }
}
