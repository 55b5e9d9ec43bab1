//! The app and its components in headless Chromium: mounted into a `div`,
//! driven the way a user drives them (typing fires a bubbling `input`
//! event, which Yew's delegated listeners need), checked on the text a user
//! sees. Every number expected comes from the core.

#![cfg(target_arch = "wasm32")]

use headroom_core::presets;
use headroom_web::components::app::AppProps;
use headroom_web::components::chart::series_chart;
use headroom_web::components::check_row::check_row;
use headroom_web::components::input_control::{Before, InputControl, InputControlProps, InputEvents};
use headroom_web::state::{Boot, Mode, DEFAULT_PRESET};
use headroom_web::App;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::{function_component, BaseComponent, Callback, Html, Properties};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Renders a component into a fresh `div` and waits for the first render.
async fn mount<C: BaseComponent>(props: C::Properties) -> (Element, yew::AppHandle<C>) {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (root, handle)
}

/// Props of [`Markup`].
#[derive(Properties, PartialEq)]
struct MarkupProps {
    html: Html,
}

/// Mounts markup made by one of the app's view functions.
#[function_component(Markup)]
fn markup(props: &MarkupProps) -> Html {
    props.html.clone()
}

/// The app, started from `boot` instead of the page's URL and storage.
async fn mount_app(boot: Boot) -> (Element, yew::AppHandle<App>) {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    mount::<App>(AppProps { boot: Some(Rc::new(boot)), progressive: false }).await
}

/// Waits for the app to evaluate an edit (it does so after a short pause,
/// marking the editor as pending until then).
async fn settle(root: &Element) {
    for _ in 0..100 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        yew::scheduler::flush().await;
        if find(root, ".editor").get_attribute("data-pending").as_deref() == Some("false") {
            return;
        }
    }
    panic!("the edit was never evaluated");
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn field<T: JsCast>(root: &Element, selector: &str) -> T {
    find(root, selector).dyn_into().unwrap()
}

/// Fires a bubbling event, as a user's action does.
fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    target.dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

/// Replaces the model text as typing would, and waits for the results.
async fn type_model(root: &Element, text: &str) {
    let editor: HtmlTextAreaElement = field(root, "#model");
    editor.set_value(text);
    fire(&editor, "input");
    settle(root).await;
}

/// Types into an input's field.
async fn type_input(root: &Element, name: &str, text: &str) {
    let input: HtmlInputElement = field(root, &format!(r#"[data-name="{name}"] .input-field"#));
    input.set_value(text);
    fire(&input, "input");
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
    let (root, app) = mount_app(Boot::default()).await;
    assert_eq!(text_of(&root, ".product"), "Headroom");
    assert_eq!(text_of(&root, "#model-title"), "Web service");
    assert_eq!(field::<HtmlTextAreaElement>(&root, "#model").value(), default_source());
    let instances = text_of(&root, r#"[data-name="instances"] .shown"#);
    assert_eq!(instances, core_shows(default_source(), "instances"));
    assert!(text_of(&root, "#results").contains("API utilization at peak"));
    assert!(root.query_selector("#problems").unwrap().is_none());
    // Line numbers, one per line of the text.
    let numbers: Vec<String> = (1..=default_source().split('\n').count()).map(|n| format!("{n}\n")).collect();
    assert_eq!(text_of(&root, ".gutter"), numbers.concat());
    app.destroy();
}

#[wasm_bindgen_test]
async fn typing_in_the_editor_updates_the_results() {
    let (root, app) = mount_app(Boot::default()).await;
    let edited = default_source().replace("input spares = 1 ", "input spares = 4 ");
    assert_ne!(edited, default_source(), "the preset no longer has `input spares = 1`");
    let before = text_of(&root, r#"[data-name="instances"] .shown"#);
    type_model(&root, &edited).await;
    let after = text_of(&root, r#"[data-name="instances"] .shown"#);
    assert_ne!(after, before);
    assert_eq!(after, core_shows(&edited, "instances"));
    assert_eq!(text_of(&root, "#save-state"), "Saved in this browser");
    app.destroy();
}

#[wasm_bindgen_test]
async fn an_error_is_marked_at_its_span_and_the_other_values_stay() {
    let (root, app) = mount_app(Boot::default()).await;
    type_model(&root, "## Memory\nper_session = 5 MB\ntotal = sesions * per_session").await;
    let problems = text_of(&root, "#problems");
    assert!(problems.contains("Line 3, column 9"), "{problems}");
    let mark = find(&root, ".editor-marks .error-mark");
    assert!(mark.text_content().unwrap().starts_with("sesions"), "{:?}", mark.text_content());
    assert!(text_of(&root, ".error-mark .tip").contains("sesions"));
    assert_eq!(find(&root, ".gutter .ln.error").text_content().unwrap(), "3");
    assert_eq!(text_of(&root, r#"[data-name="per_session"] .shown"#), "5 MB");
    assert_eq!(text_of(&root, "#results h2"), "Memory");
    // The list moves the caret to the error, and the status line says it.
    let jump: HtmlElement = field(&root, "#problems .where");
    jump.click();
    yew::scheduler::flush().await;
    let editor: HtmlTextAreaElement = field(&root, "#model");
    // "## Memory\n" and "per_session = 5 MB\n" are 29 characters; "total = " 8 more.
    assert_eq!(editor.selection_start().unwrap(), Some(37));
    assert_eq!(editor.selection_end().unwrap(), Some(44));
    assert!(text_of(&root, "#editor-status").contains("unknown name"), "{}", text_of(&root, "#editor-status"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_sum_of_hundreds_of_terms_fits_the_stack_of_the_page() {
    let (root, app) = mount_app(Boot::default()).await;
    let sum = vec!["part"; 999].join(" + ");
    type_model(&root, &format!("input part = 1 MB\ntotal = {sum}\ncheck \"fits\" total / 1 GB warn 70% crit 85%"))
        .await;
    assert_eq!(text_of(&root, r#"[data-name="total"] .shown"#), "999 MB");
    // Opening it walks the whole expression again.
    let open: HtmlElement = field(&root, r#"[data-name="total"] .value-head"#);
    open.click();
    yew::scheduler::flush().await;
    assert!(text_of(&root, "#results").contains("999 MB"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn an_input_change_recomputes_and_a_refused_one_says_why() {
    let (root, app) = mount_app(Boot::default()).await;
    type_model(&root, "input n = 2 [0 .. 10] \"Workers\"\nm = n * 3 MB").await;
    assert_eq!(field::<HtmlInputElement>(&root, r#"[data-name="n"] .input-field"#).value(), "2");
    type_input(&root, "n", "4").await;
    assert_eq!(text_of(&root, r#"[data-name="m"] .shown"#), "12 MB");
    type_input(&root, "n", "40").await;
    assert_eq!(text_of(&root, r#"[data-name="m"] .shown"#), "12 MB", "a refused value is not used");
    assert!(text_of(&root, r#"[data-name="n"] .field-error"#).contains("between"));
    let slider: HtmlInputElement = field(&root, r#"[data-name="n"] .input-slider"#);
    assert_eq!(slider.value_as_number(), 4.0, "nor clamped");
    app.destroy();
}

#[wasm_bindgen_test]
async fn opening_a_value_shows_its_worked_explanation() {
    let (root, app) = mount_app(Boot::default()).await;
    type_model(&root, "input n = 2\nm = max(n * 3 MB, 4 MB)").await;
    field::<HtmlElement>(&root, r#"[data-name="m"] .value-head"#).click();
    yew::scheduler::flush().await;
    let e = text_of(&root, "#explain-m");
    assert!(e.contains("m = max(n * 3 MB, 4 MB)"), "{e}");
    assert!(e.contains("6 MB"), "{e}");
    assert_eq!(text_of(&root, "#explain-m .summary"), "m = 6 MB, bound by n * 3 MB = 6 MB");
    assert_eq!(find(&root, r#"[data-name="m"] .value-head"#).get_attribute("aria-expanded").as_deref(), Some("true"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_gallery_opens_a_preset() {
    let (root, app) = mount_app(Boot::default()).await;
    field::<HtmlElement>(&root, "#open-gallery").click();
    yew::scheduler::flush().await;
    assert!(find(&root, "dialog#gallery").has_attribute("open"));
    field::<HtmlElement>(&root, r#"[data-preset="betcode"] button"#).click();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "#model-title"), "BetCode");
    assert!(root.query_selector("dialog#gallery").unwrap().is_none());
    assert_eq!(field::<HtmlTextAreaElement>(&root, "#model").value(), presets::find("betcode").unwrap().source);
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_long_model_draws_its_first_screen_then_the_rest_after_a_paint() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let boot = Boot { fragment: "preset=omniops".into(), ..Boot::default() };
    let (root, app) = mount::<App>(AppProps { boot: Some(Rc::new(boot)), progressive: true }).await;
    let report = headroom_core::run(presets::find("omniops").unwrap().source, &[]);
    let sections = headroom_web::view::layout(&report);
    let first = headroom_web::view::first_screen(&sections);
    assert!(first < sections.len(), "omniops is longer than a screen");
    let drawn = |root: &Element| root.query_selector_all("#results .group").unwrap().length() as usize;
    assert_eq!(find(&root, "#results").get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(drawn(&root), first);
    for _ in 0..100 {
        if drawn(&root) == sections.len() {
            break;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        yew::scheduler::flush().await;
    }
    assert_eq!(drawn(&root), sections.len());
    assert_eq!(find(&root, "#results").get_attribute("aria-busy").as_deref(), Some("false"));
    // An input change redraws nothing in two steps.
    let slider: HtmlInputElement = field(&root, ".input-slider");
    slider.set_value(&slider.min());
    fire(&slider, "input");
    yew::scheduler::flush().await;
    assert_eq!(drawn(&root), sections.len());
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_read_only_embed_has_no_editor_and_locked_inputs() {
    let boot = Boot {
        mode: Mode::from_query("?embed&readonly"),
        fragment: "preset=betcode&sessions=40".into(),
        ..Boot::default()
    };
    let (root, app) = mount_app(boot).await;
    assert!(root.query_selector("#model").unwrap().is_none());
    let input: HtmlInputElement = field(&root, r#"[data-name="sessions"] .input-field"#);
    assert!(input.read_only());
    assert!(input.value().starts_with("40"), "{}", input.value());
    assert!(field::<HtmlInputElement>(&root, r#"[data-name="sessions"] .input-slider"#).disabled());
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_bad_link_shows_a_message_and_the_default_model() {
    let (root, app) = mount_app(Boot { fragment: "v=1&z=broken".into(), ..Boot::default() }).await;
    assert!(text_of(&root, "#notice").contains("This link could not be opened"));
    assert_eq!(text_of(&root, "#model-title"), "Web service");
    app.destroy();
}

#[wasm_bindgen_test]
async fn an_input_control_has_a_label_a_field_and_a_slider_and_reports_typing() {
    let typed = Rc::new(RefCell::new(Vec::new()));
    let events = InputEvents {
        ontype: {
            let typed = typed.clone();
            Callback::from(move |t: (String, String, Before)| typed.borrow_mut().push(t))
        },
        ..InputEvents::default()
    };
    let report = Rc::new(headroom_core::run("input limit = 512 MB [64 .. 4096] \"Daemon memory limit\"", &[]));
    let props = InputControlProps { report, name: "limit".into(), error: None, readonly: false, events };
    let (root, handle) = mount::<InputControl>(props).await;
    let input: HtmlInputElement = field(&root, ".input-field");
    assert_eq!(input.value(), "512", "the field holds the plain number; its unit is in the label");
    assert_eq!(input.labels().unwrap().get(0).unwrap().text_content().unwrap(), "Daemon memory limitlimitMB");
    let slider: HtmlInputElement = field(&root, ".input-slider");
    assert_eq!((slider.min(), slider.max(), slider.value_as_number()), ("64".into(), "4096".into(), 512.0));
    input.set_value("1 GB");
    fire(&input, "input");
    yew::scheduler::flush().await;
    // No focus first: no value to go back to.
    assert_eq!(*typed.borrow(), [("limit".to_string(), "1 GB".to_string(), None)]);
    assert_eq!(input.value(), "1 GB", "the field keeps what is typed");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_check_shows_its_status_in_words_and_a_bar() {
    let report = headroom_core::run("x = 78 GB\ncheck \"Disk\" x / 100 GB warn 70% crit 85%", &[]);
    let view = report.checks().next().unwrap().clone();
    let fill = view.result.as_ref().unwrap().fill();
    let html = check_row(&view, 0, false, None, &Callback::noop());
    let (root, handle) = mount::<Markup>(MarkupProps { html }).await;
    assert_eq!(text_of(&root, ".badge"), "WARN 78%");
    assert_eq!(find(&root, ".check-open").get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(find(&root, ".check").get_attribute("data-status").as_deref(), Some("warn"));
    assert_eq!(find(&root, ".bar-fill").get_attribute("width"), Some(headroom_core::format::exact(fill)));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_chart_draws_the_core_geometry_with_threshold_lines() {
    let src = "month = 1 .. 12\nusage = 40 GB * 1.1 ^ month\ncheck \"Disk\" usage / 100 GB warn 70% crit 85%";
    let report = headroom_core::run(src, &[]);
    let chart = headroom_web::view::all_charts(&report).remove(0);
    let points = headroom_core::chart::polylines(&chart).remove(0);
    let (root, handle) = mount::<Markup>(MarkupProps { html: series_chart(&chart) }).await;
    assert_eq!(find(&root, "polyline").get_attribute("points"), Some(points));
    let labels: Vec<String> = (0..2)
        .map(|i| root.query_selector_all(".threshold text").unwrap().get(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(labels, ["warn 70 GB", "crit 85 GB"]);
    assert!(find(&root, "svg").get_attribute("aria-label").unwrap().contains("usage"));
    // Inserted as markup, it is still drawn as SVG.
    assert_eq!(find(&root, "polyline").namespace_uri().as_deref(), Some("http://www.w3.org/2000/svg"));
    handle.destroy();
}
