//! Evaluates the model text shortly after an edit, in a task of its own:
//! the keystroke is painted first, and a burst of keystrokes is evaluated
//! once, so typing never waits for the core.

use crate::components::app::AppContext;
use crate::state::Action;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long after the last keystroke the text is evaluated, in ms.
pub const EDIT_DELAY_MS: u32 = 30;

/// Dispatches [`Action::Evaluate`] [`EDIT_DELAY_MS`] after the text last
/// changed.
#[hook]
pub fn use_evaluate(state: &AppContext) {
    let pending = state.doc.pending();
    let dispatcher = state.dispatcher();
    use_effect_with((state.doc.source.clone(), pending), move |(_, pending)| {
        let timer = pending.then(|| Timeout::new(EDIT_DELAY_MS, move || dispatcher.dispatch(Action::Evaluate)));
        // A newer edit cancels the timer of the previous one.
        move || drop(timer)
    });
}
