//! Native tests of the rendered markup: the app rendered to a string, with
//! no browser. They check structure and text; the browser tests in
//! `tests/browser.rs` check behaviour.

#![cfg(not(target_arch = "wasm32"))]

use headroom_core::presets;
use headroom_core::report::Shown;
use headroom_web::components::app::AppProps;
use headroom_web::state::{Boot, Mode, DEFAULT_PRESET};
use headroom_web::App;
use std::rc::Rc;

fn render(boot: Boot) -> String {
    let props = AppProps { boot: Some(Rc::new(boot)), progressive: false };
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).hydratable(false).render())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[test]
fn the_app_shows_the_header_editor_and_results() {
    let html = render(Boot::default());
    for needle in [
        r#"class="product""#,
        ">Headroom<",
        r#"id="model-title""#,
        r#"id="model""#,
        r#"id="results""#,
        r#"id="open-gallery""#,
        r#"id="open-saved""#,
        r#"id="open-share""#,
        r#"id="open-embed""#,
        r#"id="open-export""#,
    ] {
        assert!(html.contains(needle), "missing {needle} in:\n{html}");
    }
    assert!(!html.contains(r#"id="problems""#), "the default model has no errors:\n{html}");
}

#[test]
fn every_value_and_check_of_the_default_model_is_shown_as_the_core_computed_it() {
    let html = render(Boot::default());
    let source = presets::find(DEFAULT_PRESET).unwrap().source;
    let report = headroom_core::run(source, &[]);
    let mut scalars = 0;
    for v in report.values() {
        assert!(html.contains(&format!(r#"data-name="{}""#, v.name)), "no row for {}", v.name);
        if let (Shown::Scalar(s), None) = (&v.display, &v.input) {
            assert!(
                html.contains(&format!(r#"<span class="shown">{}</span>"#, escape(s))),
                "{} should show {s}",
                v.name
            );
            scalars += 1;
        }
        if let Some(info) = &v.input {
            let field = &info.field;
            assert!(html.contains(&format!(r#"value="{}""#, escape(field))), "input {} should hold {field}", v.name);
        }
    }
    assert!(scalars > 10, "the default model should have many scalar values");
    for c in report.checks() {
        assert!(html.contains(&format!(r#"<span class="badge">{}</span>"#, c.text)), "check {}", c.label);
    }
}

#[test]
fn the_embed_has_only_inputs_and_results() {
    let html = render(Boot { mode: Mode::from_query("?embed"), ..Boot::default() });
    assert!(html.contains(r#"class="embed""#));
    assert!(html.contains(r#"id="results""#));
    assert!(!html.contains(r#"id="model""#), "no editor in the embed");
    assert!(!html.contains(r#"id="open-gallery""#), "no header buttons in the embed");
}

#[test]
fn an_input_control_names_its_unit_in_the_plural_and_its_name_once() {
    use headroom_core::scenario::{encode, ModelRef, Scenario};
    let src = "unit user\ninput users = 20 user [0 .. 100] \"Active users\"\ninput cap = 3 GB\n";
    let link = encode(&Scenario { model: ModelRef::Source(src.into()), inputs: Vec::new(), view: Vec::new() });
    let html = render(Boot { fragment: format!("#{link}"), ..Boot::default() });
    let control = |name: &str| {
        let at = html.find(&format!(r#"data-name="{name}""#)).unwrap_or_else(|| panic!("no control {name}:\n{html}"));
        html[at..].split("</label>").next().unwrap().to_string()
    };
    let users = control("users");
    assert!(users.contains("Active users") && users.contains("<code>users</code>"), "{users}");
    assert!(users.contains(r#"<span class="unit">users</span>"#), "{users}");
    // An input without a label shows its name once, as the label.
    let cap = control("cap");
    assert!(cap.contains(">cap<") && !cap.contains("<code>cap</code>"), "{cap}");
}
