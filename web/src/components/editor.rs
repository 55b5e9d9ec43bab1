//! The model editor: a monospace text area holding the model text. Every
//! keystroke sends the whole text up, and the results follow.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The model text.
    pub source: AttrValue,
    /// Called with the new text on every edit.
    pub oninput: Callback<String>,
}

/// The model editor.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let oninput = props.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    html! {
        <textarea
            id="model"
            class="editor"
            aria-label="Model text"
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            wrap="off"
            value={props.source.clone()}
            {oninput}
        />
    }
}
