//! Replays the committed fuzz corpora (`fuzz/corpus/`) through the same
//! code the fuzz targets run, so every input that once found a crash, and
//! every seed, is checked on each test run without a fuzzer.

use headroom_core::{explain, export, scenario, Model, Overrides, Report};
use std::path::Path;

fn corpus(name: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(name);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let p = e.unwrap().path();
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "empty corpus {name}");
    out
}

#[test]
fn pipeline_corpus() {
    for (name, data) in corpus("pipeline") {
        let Ok(src) = std::str::from_utf8(&data) else { continue };
        let model = Model::parse(src);
        let ev = model.evaluate(&Overrides::new());
        let report = Report::new(&model, &ev);
        for v in report.values() {
            let _ = explain::explain(&model, &ev, v.slot);
        }
        let _ = export::json(&report);
        let _ = export::markdown(&report, &name);
        let _ = export::csv(&report);
        for p in &report.problems {
            let _ = p.diagnostic.render(src, &name);
        }
    }
}

#[test]
fn scenario_corpus() {
    for (name, data) in corpus("scenario") {
        let Ok(frag) = std::str::from_utf8(&data) else { continue };
        if let Ok(s) = scenario::decode(frag) {
            let again = scenario::encode(&s);
            assert_eq!(scenario::decode(&again).as_ref(), Ok(&s), "{name}");
        }
    }
}
