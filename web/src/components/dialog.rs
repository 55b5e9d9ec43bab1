//! A modal dialog: the browser's `<dialog>`, which keeps focus inside,
//! makes the page behind it inert and closes on Escape.

use crate::browser;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

/// Props of [`Dialog`].
#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// Its element ID; the heading's is `ID-title`.
    pub id: AttrValue,
    /// The heading.
    pub title: AttrValue,
    /// Called when it closes (Escape or the Close button).
    pub onclose: Callback<()>,
    /// The content.
    pub children: Html,
}

/// A modal dialog, open while it is rendered.
#[function_component(Dialog)]
pub fn dialog(props: &DialogProps) -> Html {
    let node = use_node_ref();
    // The button that opened it, read before the dialog is in the page: it
    // gets the focus back when the dialog closes.
    let opener = use_state(browser::focused);
    {
        let node = node.clone();
        let opener = (*opener).clone();
        use_effect_with((), move |()| {
            let dialog = node.cast::<HtmlDialogElement>();
            if let Some(d) = &dialog {
                browser::show_modal(d);
            }
            move || {
                if let Some(d) = dialog.filter(HtmlDialogElement::open) {
                    d.close();
                }
                if let Some(opener) = opener.filter(|o| o.is_connected()) {
                    let _ = opener.focus();
                }
            }
        });
    }
    let onclose = props.onclose.reform(|_: Event| ());
    let close = {
        let node = node.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = node.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let title_id = format!("{}-title", props.id);
    html! {
        <dialog ref={node} id={props.id.clone()} class="dialog" aria-labelledby={title_id.clone()} {onclose}>
            <div class="dialog-head">
                <h2 id={title_id}>{ props.title.clone() }</h2>
                <button type="button" class="close" onclick={close}>{ "Close" }</button>
            </div>
            <div class="dialog-body">{ props.children.clone() }</div>
        </dialog>
    }
}
