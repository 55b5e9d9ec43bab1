//! The embed's side of fitting its iframe: it posts its height to the
//! embedding page when it first shows and whenever the height changes.

use crate::browser;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Posts the height of the element behind `root` to the parent window (see
/// [`browser::post_height`]) when it mounts and on every change of size.
#[hook]
pub fn use_embed_height(root: NodeRef, enabled: bool) {
    use_effect_with(enabled, move |enabled| {
        let watch = enabled.then(|| root.cast::<web_sys::HtmlElement>()).flatten().and_then(|element| {
            let last = Rc::new(Cell::new(-1));
            let observed = element.clone();
            browser::watch_size(&element, move || {
                let height = observed.offset_height();
                if height != last.replace(height) {
                    browser::post_height(height);
                }
            })
        });
        move || drop(watch)
    });
}
