//! Every preset reproduces its document: each worked example and table row
//! of the seed documents is asserted here, with the inputs set as the
//! document sets them. Where the document is right, the expected value is
//! the one it states; where it is wrong, the expected value is the correct
//! one and a comment quotes what the document says (the preset has the same
//! comment at that line).
//!
//! One module per preset; the helpers below are the single place that
//! touches the API.

mod betcode;
mod freeagentics;
mod mistersmith;
mod omniops;
mod templates;
mod wdmaker;

use headroom_core::report::{Data, ValueView};
use headroom_core::{presets, Model, Overrides, Report};

/// A preset evaluated with some inputs set.
pub struct Run {
    /// The preset's name.
    pub name: &'static str,
    /// The parsed model.
    pub model: Model,
    /// Its report.
    pub report: Report,
}

/// Evaluates preset `name` with inputs set from text (`("sessions", "20")`),
/// asserting that the preset has no errors and that every input value fits.
#[track_caller]
pub fn run(name: &'static str, sets: &[(&str, &str)]) -> Run {
    let preset = presets::find(name).unwrap_or_else(|| panic!("no preset {name}"));
    let model = Model::parse(preset.source);
    let mut overrides = Overrides::new();
    for (input, text) in sets {
        let (slot, q) = headroom_core::report::parse_input(&model, input, text)
            .unwrap_or_else(|e| panic!("{name}: cannot set {input} = {text}: {e}"));
        overrides.set(slot, q);
    }
    let ev = model.evaluate(&overrides);
    let report = Report::new(&model, &ev);
    let problems: Vec<String> = report.problems.iter().map(|p| p.diagnostic.render(preset.source, name)).collect();
    assert!(problems.is_empty(), "{name} has errors:\n{}", problems.join("\n"));
    Run { name, model, report }
}

impl Run {
    #[track_caller]
    fn view(&self, value: &str) -> &ValueView {
        self.report.value(value).unwrap_or_else(|| panic!("{}: no value `{value}`", self.name))
    }

    /// `expected` read as a quantity in the model's units (`"300 MB"`,
    /// `"$0.017"`, `"12"`), in base units.
    #[track_caller]
    fn quantity(&self, expected: &str) -> (f64, headroom_core::units::Dim) {
        let unit = headroom_core::format::FixedUnit {
            text: String::new(),
            factor: 1.0,
            dim: headroom_core::units::Dim::NONE,
            money: false,
            percent: false,
            cancels: false,
        };
        let q = headroom_core::parser::parse_quantity(expected, &self.model.units, &unit)
            .unwrap_or_else(|e| panic!("{}: expected value `{expected}`: {e}", self.name));
        (q.value(), q.dim())
    }

    /// Asserts that `value` equals `expected` within a relative tolerance
    /// (`0.0` for exact up to float noise; `0.005` when the document rounds to
    /// about three digits).
    #[track_caller]
    pub fn approx(&self, value: &str, expected: &str, tolerance: f64) -> &Self {
        let (want, dim) = self.quantity(expected);
        let v = self.view(value);
        let got = match v.data {
            Data::Number(x) => x,
            ref other => panic!("{}: `{value}` is not a number: {other:?}", self.name),
        };
        let unit = self.model.units.base_unit_string(dim);
        assert_eq!(v.unit, unit, "{}: `{value}` has unit `{}`, expected `{unit}`", self.name, v.unit);
        let tol = tolerance.max(1e-9) * want.abs().max(1e-12);
        assert!(
            (got - want).abs() <= tol,
            "{}: `{value}` = {got} ({}), expected {expected} = {want}",
            self.name,
            v.display.text()
        );
        self
    }

    /// Asserts that `value` equals `expected` up to float noise.
    #[track_caller]
    pub fn is(&self, value: &str, expected: &str) -> &Self {
        self.approx(value, expected, 0.0)
    }

    /// Asserts the element `index` (0-based) of series `value`.
    #[track_caller]
    pub fn at(&self, value: &str, index: usize, expected: &str, tolerance: f64) -> &Self {
        let (want, _) = self.quantity(expected);
        let v = self.view(value);
        let got = match &v.data {
            Data::Numbers(xs) => {
                *xs.get(index).unwrap_or_else(|| panic!("{}: `{value}` has no element {index}", self.name))
            }
            other => panic!("{}: `{value}` is not a series: {other:?}", self.name),
        };
        let tol = tolerance.max(1e-9) * want.abs().max(1e-12);
        assert!((got - want).abs() <= tol, "{}: `{value}`[{index}] = {got}, expected {expected} = {want}", self.name);
        self
    }

    /// Asserts what is displayed for `value`.
    #[track_caller]
    pub fn shows(&self, value: &str, expected: &str) -> &Self {
        assert_eq!(self.view(value).display.text(), expected, "{}: display of `{value}`", self.name);
        self
    }

    /// Asserts the status of the check labelled `label` (`"ok"`, `"warn"`,
    /// `"crit"`, `"pass"`, `"fail"`).
    #[track_caller]
    pub fn check(&self, label: &str, status: &str) -> &Self {
        let c = self
            .report
            .checks()
            .find(|c| c.label == label)
            .unwrap_or_else(|| panic!("{}: no check `{label}`", self.name));
        let got = c.status().map_or("error", |s| s.as_str());
        assert_eq!(got, status, "{}: check `{label}` ({})", self.name, c.text);
        self
    }
}
