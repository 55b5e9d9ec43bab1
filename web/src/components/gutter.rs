//! The editor's line numbers; a line with an error is marked, with the
//! error's message on hover.

use yew::prelude::*;

/// The numbers of `lines` lines; `errors` are the errors' lines (1-based)
/// and messages.
pub fn gutter(lines: usize, errors: &[(u32, String)]) -> Html {
    let numbers = (1..=lines).map(|n| {
        let messages: Vec<&str> = errors.iter().filter(|(l, _)| *l as usize == n).map(|(_, m)| m.as_str()).collect();
        if messages.is_empty() {
            html! { <span class="ln">{ n }</span> }
        } else {
            html! { <span class="ln error" title={messages.join("\n")}>{ n }</span> }
        }
    });
    html! { <div class="gutter" aria-hidden="true">{ for numbers }</div> }
}
