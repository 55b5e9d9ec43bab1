//! What a live region says: a status once it has held still for a second,
//! so that a screen reader hears where typing ended, not each half-typed
//! word's message on every key.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// How long a status holds still before it is announced.
const ANNOUNCE_DELAY_MS: u32 = 1_000;

/// The text for a live region showing `status`: `status` once it has not
/// changed for [`ANNOUNCE_DELAY_MS`]; at first, `status` itself, so that
/// nothing is announced as the page opens.
#[hook]
pub fn use_announced(status: String) -> String {
    let announced = {
        let first = status.clone();
        use_state(move || first)
    };
    {
        let announced = announced.clone();
        use_effect_with(status, move |status| {
            let status = status.clone();
            let timer = Timeout::new(ANNOUNCE_DELAY_MS, move || announced.set(status));
            move || drop(timer)
        });
    }
    (*announced).clone()
}
