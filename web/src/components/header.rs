//! The top bar: the product name and the title of the model on screen.

use yew::prelude::*;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The model's title.
    pub title: AttrValue,
}

/// The top bar.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    html! {
        <header class="topbar">
            <h1 class="product">{ "Headroom" }</h1>
            <span id="model-title" class="model-title">{ props.title.clone() }</span>
        </header>
    }
}
