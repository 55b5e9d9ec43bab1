//! Saves the user's work in `localStorage` on every change: the text and
//! input values of the saved model on screen, the list of saved models,
//! and which one was worked on last. The list follows what other tabs of
//! the app write, so that none drops another's models. The embed saves
//! nothing.

use crate::browser;
use crate::components::app::AppContext;
use crate::state::{Action, Origin};
use crate::store::{self, Entry};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Mirrors the saved models of the state into the browser's storage.
#[hook]
pub fn use_autosave(state: &AppContext) {
    let embed = state.mode.embed;
    let id = match state.doc.origin {
        Origin::Saved(id) => Some(id),
        _ => None,
    };
    // The text as last written, so that an input change does not write
    // the whole text again. Forgotten when the model on screen stops being
    // a saved one: its ID may come back for another model.
    let text_written = use_mut_ref(|| None::<(u32, AttrValue)>);
    // The list as last written, which a deletion here is measured against,
    // and whether the browser refused the list since: a text saved while
    // its list entry is not would be hidden on a reload, so each save of a
    // text tries the list again, as it is now.
    let written = use_mut_ref(|| None::<Vec<Entry>>);
    let refused = use_mut_ref(|| false);
    let dispatcher = state.dispatcher();
    let failed = state.storage_failed;
    let (written_then, refused_then, list_now) = (written.clone(), refused.clone(), state.saved.clone());
    use_effect_with(
        (id.filter(|_| !embed), state.doc.source.clone(), state.doc.inputs.clone()),
        move |(id, source, inputs)| {
            let mut written = text_written.borrow_mut();
            let Some(id) = *id else {
                *written = None;
                return;
            };
            let text = match &*written {
                Some((i, s)) if *i == id && s == source => Ok(()),
                _ => browser::save(&store::model_key(id), source),
            };
            *written = text.is_ok().then(|| (id, source.clone()));
            // The model worked on last is the one last opened or changed, in
            // any tab (and, for a reload, in this tab). A tab that stops
            // working on one (changed or deleted elsewhere) leaves the key to
            // the tab that did; a key naming a deleted model is ignored when
            // the page starts, which opens the last saved model instead.
            let saved = text
                .and_then(|()| browser::save(&store::inputs_key(id), &store::encode_inputs(inputs)))
                .and_then(|()| browser::save_current(id))
                .and_then(|()| {
                    if *refused_then.borrow() {
                        browser::save(store::SAVED_KEY, &store::encode_saved(&list_now))?;
                        *refused_then.borrow_mut() = false;
                        *written_then.borrow_mut() = Some(list_now.clone());
                    }
                    Ok(())
                });
            match saved {
                Err(e) => dispatcher.dispatch(Action::StorageFailed(e)),
                Ok(()) if failed => dispatcher.dispatch(Action::StorageSaved),
                Ok(()) => {}
            }
        },
    );

    // Another tab wrote the list: take it; or it wrote the model on screen:
    // go on with a copy (the `storage` event fires only in the other tabs).
    let dispatcher = state.dispatcher();
    use_effect_with(embed, move |embed| {
        let listener = (!embed).then(|| {
            browser::on_window("storage", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else { return };
                let key = e.key().unwrap_or_default();
                if key == store::SAVED_KEY {
                    let list = store::decode_saved(&e.new_value().unwrap_or_default());
                    dispatcher.dispatch(Action::SavedElsewhere(list));
                } else if let Some(id) = store::id_of_key(&key) {
                    dispatcher.dispatch(Action::ModelElsewhere(id));
                }
            })
        });
        move || drop(listener)
    });

    // The list, and the texts of what was deleted since it was last
    // written. A list the browser refused is no measure: a model made then
    // is in no other tab's list, and must not be taken for deleted.
    let dispatcher = state.dispatcher();
    use_effect_with((state.saved.clone(), embed), move |(saved, embed)| {
        if *embed {
            return;
        }
        let mut written = written.borrow_mut();
        // At start, the list as stored needs no writing.
        let text = store::encode_saved(saved);
        if written.is_none() && browser::load(store::SAVED_KEY).is_some_and(|stored| stored == text) {
            *written = Some(saved.clone());
            return;
        }
        for gone in written.iter().flatten().filter(|e| saved.iter().all(|s| s.id != e.id)) {
            browser::remove(&store::model_key(gone.id));
            browser::remove(&store::inputs_key(gone.id));
        }
        match browser::save(store::SAVED_KEY, &text) {
            Ok(()) => {
                *written = Some(saved.clone());
                *refused.borrow_mut() = false;
            }
            Err(e) => {
                *refused.borrow_mut() = true;
                dispatcher.dispatch(Action::StorageFailed(e));
            }
        }
    });
}
