//! Share: the link to the scenario on screen (model, input values, open
//! explanation), already in the address bar, with a button to copy it.

use crate::browser;
use crate::components::dialog::{copy_button, copy_status, Ui, UiAction};
use crate::state::AppState;
use yew::prelude::*;

/// The share dialog's content.
pub fn share(state: &AppState, ui: &Ui, set: &Callback<UiAction>) -> Html {
    let fragment = match state.share_link() {
        Ok(fragment) => fragment,
        Err(why) => return too_large(why),
    };
    let link = browser::page_url("", &fragment);
    let onfocus = Callback::from(|e: FocusEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().select());
    html! {
        <div class="share">
            <label for="share-link">{ "Link to this scenario" }</label>
            <div class="copy-row">
                <input id="share-link" type="text" readonly=true value={link.clone()} {onfocus} />
                { copy_button("copy-link", "Copy link", link, set) }
            </div>
            { copy_status(&ui.copied, "Link") }
            <p class="hint">
                { "The link holds the model and its input values after the #, which browsers never send to a server. \
                   Opening it shows this scenario beside the reader's own saved work." }
            </p>
        </div>
    }
}

/// In place of a link the page could not open.
pub fn too_large(why: String) -> Html {
    html! { <p id="link-too-large" class="hint" role="alert">{ why }</p> }
}
