//! Property tests: what is displayed reads back as the value (within the
//! digits shown), scenario links round-trip, and no input text makes the
//! pipeline panic or gives different results twice.

use headroom_core::format::{self, DisplayHint, FixedUnit};
use headroom_core::parser::parse_quantity;
use headroom_core::scenario::{self, ModelRef, Scenario};
use headroom_core::units::{Dim, UnitTable};
use headroom_core::{Model, Overrides, Quantity, Report};
use proptest::prelude::*;

/// A plain-number unit, so that a display with its own unit reads back in
/// base units.
fn plain() -> FixedUnit {
    FixedUnit { text: String::new(), factor: 1.0, dim: Dim::NONE, money: false, percent: false, cancels: false }
}

/// Reads a display back: thousands separators are for reading, so they are
/// dropped first.
fn read_back(shown: &str, units: &UnitTable) -> Quantity {
    let text = shown.replace(',', "");
    parse_quantity(&text, units, &plain()).unwrap_or_else(|e| panic!("`{shown}` does not read back: {e}"))
}

/// Units a model of these tests knows: the built-ins and two count units.
fn units() -> UnitTable {
    let mut t = UnitTable::default();
    t.declare_count("session").unwrap();
    t.declare_count("request").unwrap();
    t
}

/// A dimension and a hint, as values in capacity models have them.
fn dims() -> impl Strategy<Value = (Dim, DisplayHint)> {
    let t = units();
    let id = move |name: &str| t.lookup(name).map(|r| r.id);
    let b = Dim::base(0);
    let s = Dim::base(1);
    let usd = Dim::base(2);
    let sess = Dim::base(3);
    let req = Dim::base(4);
    let hint = |bytes: Option<&str>, per: Option<&str>, percent: bool| DisplayHint {
        bytes: bytes.and_then(&id),
        per_time: per.and_then(&id),
        percent,
        per_pair: None,
        byte_rate: false,
        spend_per_second: false,
    };
    prop::sample::select(vec![
        (Dim::NONE, hint(None, None, false)),
        (Dim::NONE, hint(None, None, true)),
        (b, hint(None, None, false)),
        (b, hint(Some("GiB"), None, false)),
        (b, hint(Some("Mbit"), None, false)),
        (b.per(s).unwrap(), hint(None, None, false)),
        (b.per(s).unwrap(), hint(Some("Mbps"), None, false)),
        (b.per(s).unwrap(), hint(None, Some("month"), false)),
        (s, hint(None, None, false)),
        (usd, hint(None, None, false)),
        (usd.per(s).unwrap(), hint(None, Some("month"), false)),
        (sess, hint(None, None, false)),
        (b.per(sess).unwrap(), hint(None, None, false)),
        (req.per(s).unwrap(), hint(None, None, false)),
        (req.per(s).unwrap(), hint(None, Some("day"), false)),
    ])
}

/// Magnitudes from tiny to huge, both signs, and round numbers.
fn magnitudes() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-12i32..18, 1.0f64..10.0, any::<bool>()).prop_map(|(e, m, neg)| {
            let v = m * 10f64.powi(e);
            if neg {
                -v
            } else {
                v
            }
        }),
        (0u32..100_000).prop_map(f64::from),
        Just(0.1 + 0.2),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// An automatically formatted quantity reads back within the rounding
    /// of its three significant digits (money: within a cent or three
    /// digits), in the same dimension. Money rounds to cents only at a dollar
    /// or more, so three digits bound it too.
    #[test]
    fn auto_display_reads_back(v in magnitudes(), (dim, hint) in dims()) {
        let t = units();
        let q = Quantity::new(v, dim).unwrap();
        let shown = format::auto(q, &hint, &t);
        let back = read_back(&shown, &t);
        prop_assert_eq!(back.dim(), dim, "`{}`", shown);
        let err = (back.value() - v).abs();
        // Three significant digits (six for plain numbers), or a cent.
        let rel = if dim.is_none() && !hint.percent { 5e-6 } else { 5e-3 };
        prop_assert!(
            err <= rel * v.abs() * 1.0001,
            "{} shown as `{}` reads back as {}", v, shown, back.value()
        );
    }

    /// A value in a fixed unit reads back within six significant digits.
    #[test]
    fn fixed_display_reads_back(v in magnitudes(), unit in prop::sample::select(vec!["GB", "MiB", "ms", "h", "Mbps", "request/s", "MB/session"])) {
        let t = units();
        let fixed = parse_quantity(&format!("1 {unit}"), &t, &plain()).unwrap();
        let display = FixedUnit { text: unit.to_string(), factor: fixed.value(), dim: fixed.dim(), money: false, percent: false, cancels: false };
        let q = Quantity::new(v * fixed.value(), fixed.dim()).unwrap();
        let shown = display.format(q);
        let back = read_back(&shown, &t);
        prop_assert_eq!(back.dim(), fixed.dim());
        prop_assert!((back.value() - q.value()).abs() <= 5e-6 * q.value().abs() * 1.0001, "`{}`", shown);
    }

    /// Packed links give back exactly the scenario that was encoded.
    #[test]
    fn packed_links_round_trip(
        model in "\\PC{0,400}",
        inputs in prop::collection::vec(("[a-z_]{1,12}", "\\PC{0,20}"), 0..5),
        view in prop::collection::vec(("[a-z]{1,8}", "\\PC{0,12}"), 0..3),
    ) {
        let s = Scenario { model: ModelRef::Source(model), inputs, view };
        let frag = scenario::encode(&s);
        prop_assert!(frag.bytes().all(|b| b.is_ascii_graphic()));
        prop_assert_eq!(scenario::decode(&frag), Ok(s));
    }

    /// Preset links give back exactly the scenario that was encoded,
    /// whatever the input names and values hold.
    #[test]
    fn preset_links_round_trip(
        inputs in prop::collection::vec(("[a-z_]{1,12}", "\\PC{0,20}"), 0..5),
        view in prop::collection::vec(("[a-z]{1,8}", "\\PC{0,12}"), 0..3),
    ) {
        let s = Scenario { model: ModelRef::Preset("web-service".into()), inputs, view };
        let frag = scenario::encode(&s);
        prop_assert_eq!(scenario::decode(&frag), Ok(s));
    }

    /// Decoding never panics, whatever the fragment.
    #[test]
    fn decoding_anything_is_safe(frag in "\\PC{0,300}") {
        let _ = scenario::decode(&frag);
    }

    /// Parsing and evaluating never panic, and give the same result twice.
    #[test]
    fn any_text_evaluates_safely_and_deterministically(src in model_like_text()) {
        let model = Model::parse(&src);
        let a = Report::new(&model, &model.evaluate(&Overrides::new()));
        let b = Report::new(&model, &model.evaluate(&Overrides::new()));
        prop_assert_eq!(a, b);
    }
}

/// Text that looks like a model often enough to reach the evaluator: lines
/// assembled from the language's own tokens, plus arbitrary noise.
fn model_like_text() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "x",
        "y",
        "z",
        "n",
        "=",
        "+",
        "-",
        "*",
        "/",
        "^",
        "(",
        ")",
        "1",
        "0",
        "2.5",
        "1e3",
        "%",
        "$",
        "GB",
        "MiB",
        "s",
        "month",
        "..",
        "->",
        "if",
        "then",
        "else",
        "and",
        "or",
        "not",
        "<",
        ">=",
        "==",
        "ceil(",
        "max(",
        "sum(",
        "first_where(",
        ",",
        "pick(",
        "t",
        ".",
        "size",
        "input",
        "unit",
        "req",
        "check",
        "\"c\"",
        "warn",
        "crit",
        "table",
        "|",
        "##",
        "#",
        "\n",
        "\n",
        "\n",
        "1 .. 12",
        "1 .. 100000",
        "true",
    ]);
    prop_oneof![
        prop::collection::vec(token, 0..60).prop_map(|t| t.join(" ")),
        "\\PC{0,200}",
        Just(String::from("unit req\ninput n = 3 req [0 .. 9]\ntable t\n| a | size |\n|---|---|\n| s | 8 GB |\n")),
    ]
}

/// Re-evaluating after an input change gives exactly what a full
/// evaluation gives, for every input of every golden model and preset, and
/// for a change back.
#[test]
fn reevaluation_matches_full_evaluation() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/models");
    let mut sources: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "hr"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    sources.extend(headroom_core::presets::ALL.iter().map(|p| p.source.to_string()));
    let mut changes = 0;
    for src in &sources {
        let model = Model::parse(src);
        let base = model.evaluate(&Overrides::new());
        for state in &base.inputs {
            // A value inside the range that differs from the default.
            let v = state.default.value();
            let mut candidates = vec![v * 1.5 + 1.0, v * 0.5, v * 2.0 + 3.0];
            if let Some((lo, hi)) = state.range {
                candidates.push((lo.value() + hi.value()) / 2.0);
                candidates.push(hi.value());
                candidates.retain(|&x| x >= lo.value() && x <= hi.value());
            }
            for x in candidates {
                let mut o = Overrides::new();
                o.set(state.slot, Quantity::new(x, state.default.dim()).unwrap());
                let mut ev = base.clone();
                model.reevaluate(&o, &mut ev, &[state.slot]);
                assert_eq!(ev, model.evaluate(&o), "input {} = {x} in\n{src}", model.defs[state.slot as usize].name);
                // And back to the default.
                model.reevaluate(&Overrides::new(), &mut ev, &[state.slot]);
                assert_eq!(ev, base, "back to the default of {}", model.defs[state.slot as usize].name);
                changes += 1;
            }
        }
    }
    assert!(changes > 50, "only {changes} changes tried");
}
