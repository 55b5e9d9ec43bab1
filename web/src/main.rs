//! Mounts the Headroom app into the page's `#app` element (or the body when
//! the page has none), replacing the loading message `index.html` shows.

fn main() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<headroom_web::App>::with_root(root).render(),
        None => yew::Renderer::<headroom_web::App>::new().render(),
    };
}
