//! Share: the link to the scenario on screen (model, input values, open
//! explanation), already in the address bar, with a button to copy it.

use crate::browser;
use crate::components::app::use_app;
use yew::prelude::*;

/// What became of the last copy.
#[derive(Clone, PartialEq)]
pub enum Copied {
    /// Nothing copied yet.
    Not,
    /// On the clipboard.
    Done,
    /// The browser refused: why.
    Failed(String),
}

/// A status line for a copy button.
pub fn copy_status(copied: &Copied, what: &str) -> Html {
    match copied {
        Copied::Not => Html::default(),
        Copied::Done => html! { <span class="copy-status ok">{ format!("{what} copied to the clipboard.") }</span> },
        Copied::Failed(why) => html! {
            <span class="copy-status failed">
                { format!("Could not copy ({why}). Select the text above and copy it yourself.") }
            </span>
        },
    }
}

/// A callback that copies `text` and records the outcome in `copied`.
pub fn copier(text: String, copied: UseStateHandle<Copied>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let copied = copied.clone();
        let done = Callback::from(move |r: Result<(), String>| {
            copied.set(match r {
                Ok(()) => Copied::Done,
                Err(e) => Copied::Failed(e),
            })
        });
        browser::copy(text.clone(), done);
    })
}

/// The share dialog's content.
#[function_component(Share)]
pub fn share() -> Html {
    let state = use_app();
    let copied = use_state(|| Copied::Not);
    let link = browser::page_url("", &state.share_fragment());
    let onclick = copier(link.clone(), copied.clone());
    let onfocus = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>().select();
    });
    html! {
        <div class="share">
            <label for="share-link">{ "Link to this scenario" }</label>
            <div class="copy-row">
                <input id="share-link" type="text" readonly=true value={link.clone()} {onfocus} />
                <button type="button" id="copy-link" class="primary" {onclick}>{ "Copy link" }</button>
            </div>
            { copy_status(&copied, "Link") }
            <p class="hint">
                { "The link holds the model and its input values after the #, which browsers never send to a server. \
                   Opening it shows this scenario beside the reader's own saved work." }
            </p>
        </div>
    }
}
