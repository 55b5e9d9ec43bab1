//! Keeps the URL fragment in step with the state (a shared scenario is in
//! the address bar; after a change it goes, since it no longer describes
//! the model), and opens a link pasted into the address bar.

use crate::browser::{self, Entry};
use crate::components::app::AppContext;
use crate::state::{Action, Origin};
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// Writes [`crate::state::AppState::fragment`] to the address bar and
/// dispatches [`Action::HashChanged`] when the user changes it.
#[hook]
pub fn use_url(state: &AppContext) {
    let embed = state.mode.embed;
    // The generation of the model last shown, and the fragment the address
    // bar had when the page last wrote it (or found it).
    let seen = use_mut_ref(|| None::<u32>);
    let written = use_mut_ref(String::new);
    // The embed leaves its address alone: it is the embedding page's. Also
    // when another model opens with the same fragment (none): a bad link
    // pasted into the address bar goes from it, so that a reload does not
    // open it again.
    let shows = match state.doc.origin {
        Origin::Saved(id) => Entry::Saved(id),
        Origin::New => Entry::New,
        _ => Entry::Other,
    };
    use_effect_with(
        (state.fragment.clone(), state.doc.generation, shows, embed),
        move |(fragment, generation, shows, embed)| {
            if !embed {
                let shows = *shows;
                let opened = seen.replace(Some(*generation)).is_some_and(|g| g != *generation);
                let fragment = fragment.clone();
                // A model opened from the page (the gallery, the saved list,
                // a new one) is a new place in the history, so Back returns
                // to what was open before; one opened from the address bar
                // (a pasted link, Back) is where the browser has put it, in
                // an entry that shows it already.
                let (hash, entry) = (browser::location_hash(), browser::history_entry());
                let moved = hash != *written.borrow();
                let here = hash == fragment.as_deref().unwrap_or_default() && entry == shows;
                let push = opened && !moved && !here;
                // Once the page has drawn: rewriting the address takes the
                // browser a few milliseconds, which a change need not wait
                // for. Not after Back or Forward meanwhile: the entry is
                // another one, and the page follows it by its own events.
                Timeout::new(0, move || {
                    if browser::location_hash() == hash && browser::history_entry() == entry {
                        browser::set_fragment(fragment.as_deref(), push, shows);
                        *written.borrow_mut() = browser::location_hash();
                    }
                })
                .forget();
            }
        },
    );
    // The tab and the history name the model open.
    use_effect_with(state.doc.name.clone(), |name| browser::set_title(&[name.as_str(), " \u{2014} Headroom"].concat()));
    let dispatcher = state.dispatcher();
    use_effect_with(embed, move |embed| {
        let changed = {
            let dispatcher = dispatcher.clone();
            browser::on_window("hashchange", move |_| {
                dispatcher.dispatch(Action::HashChanged(browser::location_hash()));
            })
        };
        // Back (or forward) to an address without a scenario is back to
        // what it showed: a saved model, or a new one; else the user's own.
        let back = (!embed).then(|| {
            browser::on_window("popstate", move |_| {
                if browser::location_hash().trim_start_matches('#').is_empty() {
                    let saved = match browser::history_entry() {
                        Entry::New => return dispatcher.dispatch(Action::BackToNew),
                        Entry::Saved(id) => browser::load_stored(id),
                        Entry::Other => None,
                    };
                    if let Some(stored) = saved.or_else(browser::load_current) {
                        dispatcher.dispatch(Action::BackToSaved(stored));
                    }
                }
            })
        });
        move || drop((changed, back))
    });
}
