//! The editor's line numbers; a line with an error is marked, with the
//! error's message on hover.

use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Gutter`].
#[derive(Properties, PartialEq)]
pub struct GutterProps {
    /// How many lines the text has.
    pub lines: usize,
    /// The errors: line (1-based) and message.
    pub errors: Rc<Vec<(u32, String)>>,
}

/// The line numbers.
#[function_component(Gutter)]
pub fn gutter(props: &GutterProps) -> Html {
    let numbers = (1..=props.lines).map(|n| {
        let messages: Vec<&str> =
            props.errors.iter().filter(|(l, _)| *l as usize == n).map(|(_, m)| m.as_str()).collect();
        if messages.is_empty() {
            html! { <span class="ln">{ n }</span> }
        } else {
            html! { <span class="ln error" title={messages.join("\n")}>{ n }</span> }
        }
    });
    html! { <div class="gutter" aria-hidden="true">{ for numbers }</div> }
}
