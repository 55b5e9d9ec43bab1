//! The user's saved models: open, rename, delete. Every change to a model
//! is saved as it happens; this is the list of them.

use crate::browser;
use crate::components::dialog::{Ui, UiAction};
use crate::state::{Action, AppState, Origin};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The saved-models dialog's content: `dispatch` takes the app's actions,
/// `set` the dialog's (which model is being renamed or asked about).
pub fn saved(state: &AppState, dispatch: &Callback<Action>, ui: &Ui, set: &Callback<UiAction>) -> Html {
    let note = html! { <p class="saved-note" role="status">{ ui.note.clone().unwrap_or_default() }</p> };
    if state.saved.is_empty() {
        return html! {
            <>
                <p class="empty" id="saved-empty">
                    { "Nothing saved yet. Change a model (its text or an input) and it is saved here, in this browser." }
                </p>
                { note }
            </>
        };
    }
    let on_screen = match state.doc.origin {
        Origin::Saved(id) => Some(id),
        _ => None,
    };
    let rows = state.saved.iter().map(|entry| {
        let id = entry.id;
        let name = &entry.name;
        let head = match &ui.renaming {
            Some((rid, typed)) if *rid == id => {
                let commit = {
                    let typed = typed.clone();
                    let (dispatch, set) = (dispatch.clone(), set.clone());
                    let taken = state.name_taken(id, typed.trim());
                    let old = name.clone();
                    move || {
                        let new = typed.trim();
                        if new.is_empty() {
                            // The field stays: a name is needed, or Escape.
                            let why = ["A model needs a name: type one, or press Escape to keep “", &old, "”."].concat();
                            return set.emit(UiAction::Note(Some(why)));
                        }
                        dispatch.emit(Action::Rename { id, name: typed.clone() });
                        set.emit(UiAction::Rename(None));
                        if taken {
                            let why = ["Another model is called “", new, "”, so this one has a number after the name."];
                            set.emit(UiAction::Note(Some(why.concat())));
                        }
                        back_to_rename(id);
                    }
                };
                let oninput = set.reform(move |e: InputEvent| {
                    UiAction::Rename(Some((id, e.target_unchecked_into::<HtmlInputElement>().value())))
                });
                let onkeydown = {
                    let (commit, set) = (commit.clone(), set.clone());
                    Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                        "Enter" => commit(),
                        "Escape" => {
                            // Escape cancels the rename, not the dialog.
                            e.prevent_default();
                            e.stop_propagation();
                            set.emit(UiAction::Rename(None));
                            back_to_rename(id);
                        }
                        _ => {}
                    })
                };
                let save = Callback::from(move |_: MouseEvent| commit());
                let field_id = format!("rename-{id}");
                html! {
                    <span class="rename">
                        <label class="visually-hidden" for={field_id.clone()}>{ ["New name for “", name, "”"].concat() }</label>
                        <input id={field_id} type="text" value={typed.clone()} {oninput} {onkeydown} />
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
        let buttons = if ui.confirming == Some(id) {
            let delete = {
                let (dispatch, set) = (dispatch.clone(), set.clone());
                // Say what went; the model on screen stays there, no longer
                // saved: say that too.
                let note = Some(match on_screen == Some(id) {
                    true => ["“", name, "” is deleted. Its text is still open here: a change saves it again, as a new model."]
                        .concat(),
                    false => ["“", name, "” is deleted."].concat(),
                });
                Callback::from(move |_: MouseEvent| {
                    dispatch.emit(Action::Delete(id));
                    set.emit(UiAction::Confirm(None));
                    set.emit(UiAction::Note(note.clone()));
                    // The row goes: the focus goes to the list's first row.
                    browser::focus_soon(String::from("#saved .saved-list button"), "#saved .close");
                })
            };
            let cancel = set.reform(|_: MouseEvent| UiAction::Confirm(None));
            let onkeydown = {
                let set = set.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Escape" {
                        // Escape keeps the model, and the dialog open.
                        e.prevent_default();
                        e.stop_propagation();
                        set.emit(UiAction::Confirm(None));
                        browser::focus_soon(["#delete-button-", &id.to_string()].concat(), "#saved .close");
                    }
                })
            };
            html! {
                <span class="confirm" role="group" aria-label={["Delete “", name, "”?"].concat()} {onkeydown}>
                    <span>{ "Delete it?" }</span>
                    <button type="button" class="danger" onclick={delete}>{ "Delete" }</button>
                    <button type="button" onclick={cancel}>{ "Keep" }</button>
                </span>
            }
        } else {
            let open = {
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| match browser::load_stored(id) {
                    Some(stored) => dispatch.emit(Action::OpenSaved(stored)),
                    None => dispatch.emit(Action::ReadFailed("this saved model could not be read back".into())),
                })
            };
            let rename = {
                let (name, set) = (name.clone(), set.clone());
                Callback::from(move |_: MouseEvent| {
                    set.emit(UiAction::Rename(Some((id, name.clone()))));
                    // `autofocus` acts only when a page or dialog opens: the
                    // field, drawn now, gets the focus with its text selected,
                    // so typing replaces the old name.
                    browser::select_field_soon(format!("rename-{id}"));
                })
            };
            let ask = set.reform(move |_: MouseEvent| UiAction::Confirm(Some(id)));
            html! {
                <span class="row-actions">
                    <button type="button" onclick={open} aria-label={["Open “", name, "”"].concat()}>{ "Open" }</button>
                    <button type="button" id={["rename-button-", &id.to_string()].concat()} onclick={rename} aria-label={["Rename “", name, "”"].concat()}>{ "Rename" }</button>
                    <button type="button" id={["delete-button-", &id.to_string()].concat()} onclick={ask} aria-label={["Delete “", name, "”"].concat()}>{ "Delete" }</button>
                </span>
            }
        };
        html! { <li class="saved-row" data-id={id.to_string()} key={id}>{ head }{ buttons }</li> }
    });
    html! {
        <div class="saved">
            <p class="hint">{ "Saved in this browser only, as you work. Links you open are kept apart until you change them." }</p>
            <ul class="saved-list">{ for rows }</ul>
            { note }
        </div>
    }
}

/// After a rename, the focus goes back to the row's Rename button (the
/// field it was in goes away).
fn back_to_rename(id: u32) {
    browser::focus_soon(["#rename-button-", &id.to_string()].concat(), "#saved .close");
}
