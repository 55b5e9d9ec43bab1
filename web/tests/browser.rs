//! The app in headless Chromium: mounted into a `div`, driven the way a user
//! drives it (typing fires a bubbling `input` event, which Yew's delegated
//! listeners need), checked on the text a user sees.

#![cfg(target_arch = "wasm32")]

use headroom_core::presets;
use headroom_web::state::DEFAULT_PRESET;
use headroom_web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the app into a fresh `div` and waits for the first render.
async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

/// Replaces the model text as typing would, and waits for the re-render.
async fn type_model(root: &Element, text: &str) {
    let editor: HtmlTextAreaElement = root.query_selector("#model").unwrap().unwrap().dyn_into().unwrap();
    editor.set_value(text);
    let init = EventInit::new();
    init.set_bubbles(true);
    editor.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
}

fn default_source() -> &'static str {
    presets::find(DEFAULT_PRESET).unwrap().source
}

/// What the core shows for `name` when it evaluates `source`.
fn core_shows(source: &str, name: &str) -> String {
    headroom_core::run(source, &[]).value(name).unwrap().display.text()
}

#[wasm_bindgen_test]
async fn shows_the_default_model_and_its_computed_values() {
    let root = mount().await;
    assert_eq!(text_of(&root, ".product"), "Headroom");
    assert_eq!(text_of(&root, "#model-title"), "Web service");
    let editor: HtmlTextAreaElement = root.query_selector("#model").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(editor.value(), default_source());
    let instances = text_of(&root, r#"[data-name="instances"] .shown"#);
    assert_eq!(instances, core_shows(default_source(), "instances"));
    assert!(text_of(&root, "#results").contains("API utilization at peak"));
    assert!(root.query_selector("#problems").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn typing_in_the_editor_updates_the_results() {
    let root = mount().await;
    let edited = default_source().replace("input spares = 1 ", "input spares = 4 ");
    assert_ne!(edited, default_source(), "the preset no longer has `input spares = 1`");
    let before = text_of(&root, r#"[data-name="instances"] .shown"#);
    type_model(&root, &edited).await;
    let after = text_of(&root, r#"[data-name="instances"] .shown"#);
    assert_ne!(after, before);
    assert_eq!(after, core_shows(&edited, "instances"));
}

#[wasm_bindgen_test]
async fn an_error_shows_its_line_and_keeps_the_other_values() {
    let root = mount().await;
    type_model(&root, "## Memory\nper_session = 5 MB\ntotal = sesions * per_session").await;
    let problems = text_of(&root, "#problems");
    assert!(problems.contains("Line 3, column 9"), "{problems}");
    assert!(problems.contains("sessions") || problems.contains("sesions"), "{problems}");
    assert_eq!(text_of(&root, r#"[data-name="per_session"] .shown"#), "5 MB");
    assert_eq!(text_of(&root, "#results h2"), "Memory");
}
