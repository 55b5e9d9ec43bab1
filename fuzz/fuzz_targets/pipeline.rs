//! Parse, evaluate, report, explain and export any text: nothing may panic,
//! hang or grow without bound.
#![no_main]

use headroom_core::{explain, export, Model, Overrides, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let model = Model::parse(src);
    let ev = model.evaluate(&Overrides::new());
    let report = Report::new(&model, &ev);
    // Explaining re-evaluates one value; a few per input keep the fuzzer
    // fast while covering the tracer.
    for v in report.values().take(4) {
        if let Some(e) = explain::explain(&model, &ev, v.slot) {
            let _ = explain::render(&e);
        }
    }
    let _ = export::json(&report);
    let _ = export::markdown(&report, "fuzz");
    let _ = export::csv(&report);
    for p in &report.problems {
        let _ = p.diagnostic.render(src, "fuzz.hr");
    }
    // Inputs set from text go through the same parser.
    let first_input = model.input_names().next().map(String::from);
    if let Some(name) = first_input {
        let _ = headroom_core::report::parse_input(&model, &name, src.lines().last().unwrap_or(""));
    }
});
