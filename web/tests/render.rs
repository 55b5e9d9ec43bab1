//! Native tests of the rendered markup: the app rendered to a string, with
//! no browser. They check structure and text; the browser tests in
//! `tests/browser.rs` check behaviour.

#![cfg(not(target_arch = "wasm32"))]

use headroom_core::presets;
use headroom_web::state::DEFAULT_PRESET;
use headroom_web::App;

fn render_app() -> String {
    futures::executor::block_on(yew::LocalServerRenderer::<App>::new().hydratable(false).render())
}

#[test]
fn the_app_shows_the_header_editor_and_results() {
    let html = render_app();
    for needle in [r#"class="product""#, ">Headroom<", r#"id="model-title""#, r#"id="model""#, r#"id="results""#] {
        assert!(html.contains(needle), "missing {needle} in:\n{html}");
    }
    assert!(!html.contains(r#"id="problems""#), "the default model has no errors:\n{html}");
}

#[test]
fn every_value_of_the_default_model_is_shown_as_the_core_computed_it() {
    let html = render_app();
    let source = presets::find(DEFAULT_PRESET).unwrap().source;
    let report = headroom_core::run(source, &[]);
    let mut scalars = 0;
    for v in report.values() {
        assert!(html.contains(&format!(r#"data-name="{}""#, v.name)), "no row for {}", v.name);
        if let headroom_core::report::Shown::Scalar(s) = &v.display {
            let escaped = s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            assert!(html.contains(&format!(r#"<span class="shown">{escaped}</span>"#)), "{} should show {s}", v.name);
            scalars += 1;
        }
    }
    assert!(scalars > 10, "the default model should have many scalar values");
    for c in report.checks() {
        assert!(html.contains(&format!(r#"<span class="badge">{}</span>"#, c.text)), "check {}", c.label);
    }
}
