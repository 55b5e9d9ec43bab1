//! Mounts the Headroom app into the page's `#app` element (or the body when
//! the page has none), replacing the loading message `index.html` shows. If
//! the app ever stops on an error, the page says so instead of going blank.

fn main() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_string(),
            None => info.payload().downcast_ref::<String>().cloned().unwrap_or_else(|| "an internal error".into()),
        };
        web_sys::console::error_1(&format!("Headroom stopped: {info}").into());
        headroom_web::browser::show_fatal(&message);
    }));
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    let props = headroom_web::components::app::AppProps { boot: None, progressive: true };
    match root {
        // Mounting clears the element, loading message included.
        Some(root) => yew::Renderer::<headroom_web::App>::with_root_and_props(root, props).render(),
        None => yew::Renderer::<headroom_web::App>::with_props(props).render(),
    };
}
