//! The app's state: the model on screen (its text, input values and what
//! the core computed), the user's saved models, and what the page shows
//! (panel, tab, notice, URL fragment). Pure data with a [`Reducible`] impl,
//! so it is tested natively; components dispatch [`Action`]s, and the hooks
//! in [`crate::hooks`] mirror the state into the browser (storage, URL).
//!
//! Every number shown comes from the core: an edit re-parses and evaluates,
//! an input change re-evaluates only what depends on it, and the [`Report`]
//! is rebuilt from that evaluation.

use crate::store::{self, Entry, Stored};
use headroom_core::explain::{self, Explanation};
use headroom_core::presets::{self, Preset};
use headroom_core::report;
use headroom_core::scenario::{self, ModelRef, Scenario};
use headroom_core::{Evaluation, Model, Overrides, Quantity, Report, Slot};
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// The preset the app opens with when there is nothing else to show.
pub const DEFAULT_PRESET: &str = "web-service";
/// The name of a model without a title comment.
pub const UNTITLED: &str = "Untitled model";
/// The text of a new, empty model.
pub const NEW_MODEL: &str = "# New model\n\n";

/// How the page was opened: the full app, or the compact embed view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mode {
    /// `?embed`: only inputs and results, nothing saved in the browser.
    pub embed: bool,
    /// `?embed&readonly`: the inputs cannot be changed.
    pub readonly: bool,
}

impl Mode {
    /// The mode a page's query string asks for (`?embed`, `?embed&readonly`).
    pub fn from_query(query: &str) -> Mode {
        let mut mode = Mode::default();
        for part in query.trim_start_matches('?').split('&') {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            // `?embed`, `?embed=1`, `?embed=true` ask; `=0`, `=false`, `=no` do not.
            let on = !matches!(value.to_ascii_lowercase().as_str(), "0" | "false" | "no" | "off");
            match key {
                "embed" => mode.embed = on,
                "readonly" => mode.readonly = on,
                _ => {}
            }
        }
        // The full app is for editing; read-only is an embed option.
        mode.readonly &= mode.embed;
        mode
    }
}

/// Where the model on screen came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// One of the user's saved models, by ID: every change is saved.
    Saved(u32),
    /// A preset from the gallery, not changed yet.
    Preset(&'static str),
    /// A shared link, not changed yet.
    Link,
    /// A new model, not changed yet.
    New,
}

/// The model on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// Where it came from (and whether it is saved).
    pub origin: Origin,
    /// The name in the header.
    pub name: AttrValue,
    /// The text in the editor. It may be ahead of `model` while an edit
    /// waits to be evaluated (see [`Doc::pending`]).
    pub source: AttrValue,
    /// The text `model` was parsed from.
    pub evaluated: AttrValue,
    /// The parsed model the results come from.
    pub model: Rc<Model>,
    /// The input values in effect, for `model`.
    pub overrides: Overrides,
    /// The evaluation of `model` with `overrides`.
    pub ev: Rc<Evaluation>,
    /// What the core shows for that evaluation.
    pub report: Rc<Report>,
    /// The input values the user set, as text by input name (`40`,
    /// `1.5 TB`); they outlive edits of the model text.
    pub inputs: Vec<(String, String)>,
    /// Why some of `inputs` could not be used with this model.
    pub input_problems: Vec<String>,
    /// Values typed into an input field that were refused, with the reason
    /// (by input name). The input keeps its previous value.
    pub rejected: Vec<(String, String)>,
    /// The value whose explanation is open.
    pub open: Option<String>,
    /// That explanation.
    pub explanation: Option<Rc<Explanation>>,
    /// Changes each time another model is opened, so that controls holding
    /// half-typed text start afresh.
    pub generation: u32,
}

impl Doc {
    /// A model from its text and input values, evaluated.
    pub fn new(origin: Origin, source: impl Into<AttrValue>, inputs: Vec<(String, String)>) -> Doc {
        let source = source.into();
        let (model, overrides, ev, input_problems) = evaluate_text(&source, &inputs);
        let mut report = Report::new(&model, &ev);
        report.input_errors = input_problems.clone();
        let mut doc = Doc {
            origin,
            name: AttrValue::Static(UNTITLED),
            evaluated: source.clone(),
            source,
            model: Rc::new(model),
            overrides,
            ev: Rc::new(ev),
            report: Rc::new(report),
            inputs,
            input_problems,
            rejected: Vec::new(),
            open: None,
            explanation: None,
            generation: 0,
        };
        doc.name = doc.title().into();
        doc
    }

    /// A preset, evaluated with its defaults.
    pub fn preset(preset: &'static Preset) -> Doc {
        let mut doc = Doc::new(Origin::Preset(preset.name), AttrValue::Static(preset.source), Vec::new());
        doc.name = AttrValue::Static(preset.title);
        doc
    }

    /// The title the model gives itself, for models not saved under a
    /// name: the preset's title, or the model's first comment.
    fn title(&self) -> String {
        match self.origin {
            Origin::Preset(name) => presets::find(name).map_or(UNTITLED, |p| p.title).to_string(),
            _ => model_title(&self.model),
        }
    }

    /// True while the editor's text has not been evaluated yet.
    pub fn pending(&self) -> bool {
        self.evaluated != self.source
    }

    /// Parses and evaluates the editor's text, applying the user's input
    /// values to the inputs the new text still has.
    fn evaluate_source(&mut self) {
        let (model, overrides, ev, problems) = evaluate_text(&self.source, &self.inputs);
        self.evaluated = self.source.clone();
        self.model = Rc::new(model);
        self.overrides = overrides;
        self.ev = Rc::new(ev);
        self.input_problems = problems;
        self.refresh();
    }

    /// Re-evaluates what input `slot` touches, after its value changed.
    fn reevaluate(&mut self, slot: headroom_core::Slot) {
        let ev = Rc::make_mut(&mut self.ev);
        self.model.reevaluate(&self.overrides, ev, &[slot]);
        self.refresh();
    }

    /// Rebuilds the report (and the open explanation) from the evaluation.
    fn refresh(&mut self) {
        let mut report = Report::new(&self.model, &self.ev);
        report.input_errors = self.input_problems.clone();
        self.report = Rc::new(report);
        self.explain();
    }

    fn explain(&mut self) {
        self.explanation = self
            .open
            .as_deref()
            .and_then(|name| match name.strip_prefix("check:") {
                Some(index) => explain::explain_check(&self.model, &self.ev, &self.report, index.parse().ok()?),
                // By the report, which names a bare expression by its text.
                None => explain::explain(&self.model, &self.ev, self.report.value(name)?.slot),
            })
            .map(Rc::new);
    }

    /// The message for a refused value typed into input `name`.
    pub fn rejected(&self, name: &str) -> Option<&str> {
        self.rejected.iter().find(|(n, _)| n == name).map(|(_, m)| m.as_str())
    }

    fn set_rejected(&mut self, name: &str, message: Option<String>) {
        self.rejected.retain(|(n, _)| n != name);
        if let Some(m) = message {
            self.rejected.push((name.to_string(), m));
        }
    }

    fn set_input_text(&mut self, name: &str, text: Option<String>) {
        match (self.inputs.iter_mut().find(|(n, _)| n == name), text) {
            (Some(entry), Some(text)) => entry.1 = text,
            (None, Some(text)) => self.inputs.push((name.to_string(), text)),
            (_, None) => self.inputs.retain(|(n, _)| n != name),
        }
    }

    /// Sets input `name` from text typed into its field. Returns true when
    /// the value was taken; a refused value leaves every value as it was.
    fn type_input(&mut self, name: &str, text: &str) -> bool {
        // The field's own text typed back (an edit undone) stands for the
        // value shown, which may have more digits than the field.
        if self.report.value(name).and_then(|v| v.input.as_ref()).is_some_and(|i| i.field == text.trim()) {
            self.set_rejected(name, None);
            return false;
        }
        let read = report::parse_input_in(&self.model, &self.ev, name, text);
        self.take_input(name, read.map(|(slot, q)| (slot, q, text.trim().to_string())))
    }

    /// Sets input `name` from its slider, a number in the input's own unit.
    fn slide_input(&mut self, name: &str, value: f64) -> bool {
        let Some(slot) = self.model.input(name) else { return false };
        let Some(info) = self.report.value(name).and_then(|v| v.input.as_ref()) else { return false };
        let read = report::input_from_field(&self.model, &self.ev, slot, value)
            .map(|q| (slot, q, scenario::value_text(&info.unit, q.value())));
        self.take_input(name, read)
    }

    /// Uses a value the core read for input `name`, with the text that
    /// stands for it, or shows why the core refused it. Returns true when
    /// the value was taken; a refused value leaves every value as it was.
    fn take_input(&mut self, name: &str, read: Result<(Slot, Quantity, String), String>) -> bool {
        match read {
            Ok((slot, q, text)) => {
                self.overrides.set(slot, q);
                self.set_input_text(name, Some(text));
                self.set_rejected(name, None);
                self.reevaluate(slot);
                true
            }
            Err(message) => {
                self.set_rejected(name, Some(message));
                false
            }
        }
    }

    /// After a refused text, puts input `name` back to the value it had
    /// when the typing began (`None`: its default), keeping the refusal's
    /// message. Returns true when a value changed.
    fn restore_input(&mut self, name: &str, before: Option<f64>) -> bool {
        let Some(slot) = self.model.input(name) else { return false };
        let rejected = self.rejected.iter().find(|(n, _)| n == name).cloned();
        let Some((_, message)) = rejected else { return false };
        let changed = match before {
            Some(v) => {
                let Some(info) = self.report.value(name).and_then(|v| v.input.as_ref()) else { return false };
                let unit = info.unit.clone();
                let Ok(q) = report::input_from_field(&self.model, &self.ev, slot, v) else { return false };
                let same = self.overrides.get(slot) == Some(q);
                if !same {
                    self.overrides.set(slot, q);
                    self.set_input_text(name, Some(scenario::value_text(&unit, q.value())));
                }
                !same
            }
            None => {
                let had = self.overrides.get(slot).is_some();
                self.overrides.clear(slot);
                self.set_input_text(name, None);
                had
            }
        };
        if changed {
            self.reevaluate(slot);
        }
        self.set_rejected(name, Some(message));
        changed
    }

    /// Puts input `name` back to the model's default.
    fn reset_input(&mut self, name: &str) -> bool {
        self.set_rejected(name, None);
        let had = self.inputs.iter().any(|(n, _)| n == name);
        self.set_input_text(name, None);
        match self.model.input(name) {
            Some(slot) if self.overrides.get(slot).is_some() => {
                self.overrides.clear(slot);
                self.reevaluate(slot);
                true
            }
            _ => had,
        }
    }

    /// The input values to share, in model order, for inputs this model has.
    pub fn shared_inputs(&self) -> Vec<(String, String)> {
        self.model
            .input_names()
            .filter_map(|name| self.inputs.iter().find(|(n, _)| n == name))
            // Set, and not to its default: a link names only changed inputs.
            .filter(|(name, _)| self.report.value(name).and_then(|v| v.input.as_ref()).is_some_and(|i| i.changed))
            .cloned()
            .collect()
    }
}

impl Default for Doc {
    fn default() -> Doc {
        default_doc()
    }
}

/// Parses and evaluates `source` with the input values of `inputs` that
/// fit its inputs; also returns why the others for inputs it has do not fit.
/// Values for inputs it lacks are kept quietly: the user may be retyping
/// that line. The model is evaluated once with its defaults, which every
/// value is read against; then only what the values set touches is
/// evaluated again.
fn evaluate_text(source: &str, inputs: &[(String, String)]) -> (Model, Overrides, Evaluation, Vec<String>) {
    let model = Model::parse(source);
    let mut ev = model.evaluate(&Overrides::new());
    let mut overrides = Overrides::new();
    let mut problems = Vec::new();
    let mut set = Vec::new();
    for (name, text) in inputs.iter().filter(|(name, _)| model.input_names().any(|n| n == name)) {
        match report::parse_input_in(&model, &ev, name, text) {
            Ok((slot, q)) => {
                overrides.set(slot, q);
                set.push(slot);
            }
            Err(e) => problems.push(e),
        }
    }
    if !set.is_empty() {
        model.reevaluate(&overrides, &mut ev, &set);
    }
    (model, overrides, ev, problems)
}

/// A model's own title (its first comment), or [`UNTITLED`].
pub fn model_title(model: &Model) -> String {
    text_title(model.source())
}

/// [`model_title`] of a model's text, without parsing it.
pub fn text_title(source: &str) -> String {
    headroom_core::title_of(source).unwrap_or(UNTITLED).to_string()
}

/// The model shown when there is nothing else: [`DEFAULT_PRESET`], or the
/// first preset, or a new model if the core has none.
pub fn default_doc() -> Doc {
    presets::find(DEFAULT_PRESET)
        .or_else(|| presets::ALL.first())
        .map_or_else(|| Doc::new(Origin::New, NEW_MODEL, Vec::new()), Doc::preset)
}

/// The dialogs that open from the header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// Presets and templates.
    Gallery,
    /// The user's saved models.
    Saved,
    /// The link to the scenario.
    Share,
    /// The embed code.
    Embed,
    /// Markdown, JSON, CSV and SVG.
    Export,
}

/// What a phone-width screen shows (a wide screen shows both).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// The inputs and results.
    #[default]
    Results,
    /// The model text.
    Model,
}

/// A message across the top of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A link that could not be opened, and why.
    BadLink(String),
    /// Input values of a link that did not fit the model.
    LinkInputs(Vec<String>),
    /// The browser refused to save.
    Storage(String),
    /// Another tab changed the saved model this tab shows: this tab's
    /// changes go to a copy of that name.
    ChangedElsewhere(String),
}

/// What the browser holds when the app starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Boot {
    /// From the query string.
    pub mode: Mode,
    /// The URL fragment, without `#` (empty when there is none).
    pub fragment: String,
    /// The saved-model list.
    pub saved: Vec<Entry>,
    /// The model the user worked on last, when it could be read.
    pub current: Option<Stored>,
    /// The saved model this tab had open before a reload.
    pub reloaded: Option<u32>,
}

/// Everything the app shows.
#[derive(Clone, Debug)]
pub struct AppState {
    /// Full app or embed.
    pub mode: Mode,
    /// The model on screen.
    pub doc: Doc,
    /// The saved models, in list order.
    pub saved: Vec<Entry>,
    /// The saved model the user worked on last: the way back from a link
    /// or preset opened alongside it.
    pub current: Option<u32>,
    /// The open dialog.
    pub panel: Option<Panel>,
    /// What a phone-width screen shows.
    pub tab: Tab,
    /// A message across the top.
    pub notice: Option<Notice>,
    /// What the URL fragment should hold; `None` for no fragment.
    pub fragment: Option<String>,
    /// The last write to the browser's storage failed: the header must not
    /// say the model is saved.
    pub storage_failed: bool,
}

/// What the user (or the browser) does.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The editor's text changed; it is evaluated by [`Action::Evaluate`].
    Edit(String),
    /// Evaluate the editor's text, if it changed.
    Evaluate,
    /// Text typed into an input's field.
    TypeInput {
        /// The input.
        name: String,
        /// The text (`40`, `1.5 TB`).
        text: String,
    },
    /// Text typed into an input's field that got the focus with the value
    /// `before`: whether it was set, and its value in the input's unit
    /// (`None` when the field never had the focus). A refused text puts
    /// that value back, not the last keystroke taken (`500000` on the way
    /// to a refused `5000000`).
    TypeInputFrom {
        /// The input.
        name: String,
        /// The text.
        text: String,
        /// Whether the input was set, and its value, when the typing began.
        before: Option<(bool, f64)>,
    },
    /// An input's slider moved.
    SlideInput {
        /// The input.
        name: String,
        /// The value, in the input's own unit.
        value: f64,
    },
    /// Put an input back to its default.
    ResetInput(String),
    /// Forget a refused value typed into an input (the field shows the
    /// value in effect again).
    Revert(String),
    /// Open a value's explanation, or close it (`None`).
    Explain(Option<String>),
    /// Open a preset from the gallery.
    OpenPreset(&'static str),
    /// Open a saved model.
    OpenSaved(Stored),
    /// The browser went back to an address without a scenario: the saved
    /// model it showed (read back from storage), unless that is on screen.
    BackToSaved(Stored),
    /// Back (or forward) to the history entry of a new model, not changed
    /// then: a new model again, unless one is on screen.
    BackToNew,
    /// Open a scenario link (a URL fragment).
    OpenLink(String),
    /// The URL fragment changed (the user pasted another link).
    HashChanged(String),
    /// Start a new, empty model.
    NewModel,
    /// Rename a saved model.
    Rename {
        /// The model.
        id: u32,
        /// The new name.
        name: String,
    },
    /// Delete a saved model.
    Delete(u32),
    /// Another tab changed the saved-model list.
    SavedElsewhere(Vec<Entry>),
    /// Another tab wrote the text or input values of saved model `id`.
    ModelElsewhere(u32),
    /// Open a dialog.
    Show(Panel),
    /// Close the dialog.
    Close,
    /// Switch what a phone-width screen shows.
    Tab(Tab),
    /// Hide the notice.
    Dismiss,
    /// The browser refused to save: why.
    StorageFailed(String),
    /// A saved model could not be read back.
    ReadFailed(String),
    /// A write to the browser's storage succeeded after one had failed.
    StorageSaved,
}

/// Two states are equal when they are the same state. The reducer makes a
/// new state for every change and keeps the old one otherwise (its
/// [`Reducible`] impl), so identity says whether anything changed; a deep
/// comparison of models and evaluations would cost more than it saves.
impl PartialEq for AppState {
    fn eq(&self, other: &AppState) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Default for AppState {
    fn default() -> AppState {
        AppState::start(Boot::default())
    }
}

impl AppState {
    /// The state the app starts in: a link when the URL has one (a bad link
    /// says why and shows the default model), else the model the user
    /// worked on last, else the default model.
    pub fn start(boot: Boot) -> AppState {
        let mut state = AppState {
            mode: boot.mode,
            // Replaced below: an empty model costs nothing to evaluate,
            // unlike a default that a link would replace at once.
            doc: Doc::new(Origin::New, "", Vec::new()),
            saved: boot.saved,
            current: None,
            panel: None,
            tab: Tab::default(),
            notice: None,
            fragment: None,
            storage_failed: false,
        };
        let stored = boot.current.filter(|s| state.saved.iter().any(|e| e.id == s.id));
        state.current = stored.as_ref().map(|s| s.id);
        let fragment = boot.fragment.trim_start_matches('#');
        if !fragment.is_empty() {
            // Share writes the link into the address bar: reloaded, the
            // tab's own model is still that model, not a link to fork it from.
            let link = scenario::decode(fragment).ok();
            let own = stored.filter(|s| boot.reloaded == Some(s.id));
            if let Some(s) = own.filter(|s| link.as_ref().is_some_and(|l| l.model_source() == s.source)) {
                state.open_saved(s);
            }
            if !link.is_some_and(|l| state.shows(&l)) {
                state.open_link(fragment);
            }
        } else if let Some(stored) = stored {
            state.open_saved(stored);
        } else {
            state.doc = default_doc();
        }
        state
    }

    /// The saved model called `id`.
    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.saved.iter().find(|e| e.id == id)
    }

    /// Whether a saved model other than `id` is called `name`: a rename to
    /// it gets a number.
    pub fn name_taken(&self, id: u32, name: &str) -> bool {
        self.saved.iter().any(|e| e.id != id && e.name == name)
    }

    /// The saved model a link or preset was opened alongside, when the
    /// model on screen is not saved: the page offers a way back to it.
    pub fn alongside(&self) -> Option<&Entry> {
        match self.doc.origin {
            Origin::Saved(_) => None,
            _ if self.mode.embed => None,
            _ => self.current.and_then(|id| self.entry(id)),
        }
    }

    /// The scenario on screen: the model (by preset name when it is an
    /// unchanged preset), the input values set, the open explanation, and
    /// the model's name when the user gave it one.
    pub fn scenario(&self) -> Scenario {
        let source = &*self.doc.source;
        let model = match presets::ALL.iter().find(|p| p.source == source) {
            Some(p) => ModelRef::Preset(p.name.to_string()),
            None => ModelRef::Source(source.to_string()),
        };
        let mut view: Vec<(String, String)> =
            self.doc.open.iter().map(|name| ("open".to_string(), name.clone())).collect();
        // A name the user gave (a renamed saved model) travels with it.
        if *self.doc.name != *self.doc.title() {
            view.push(("title".to_string(), self.doc.name.to_string()));
        }
        // Each value as the plain number in its input's unit (`sessions=40`),
        // as the core's links write it; the text as typed if that fails.
        let doc = &self.doc;
        let inputs = doc
            .shared_inputs()
            .into_iter()
            .map(|(name, text)| {
                let q = doc.model.input(&name).and_then(|slot| doc.overrides.get(slot));
                let info = doc.report.value(&name).and_then(|v| v.input.as_ref());
                match (q, info) {
                    (Some(q), Some(info)) => (name, scenario::link_value(&info.unit, q.value())),
                    _ => (name, text),
                }
            })
            .collect();
        Scenario { model, inputs, view }
    }

    /// The URL fragment of the scenario on screen (without `#`).
    pub fn share_fragment(&self) -> String {
        scenario::encode(&self.scenario())
    }

    /// The fragment to hand out, or why there is none: a model too large
    /// for a link would give one the page cannot open.
    pub fn share_link(&self) -> Result<String, String> {
        scenario::link(&self.scenario()).map_err(|e| {
            ["This model is too large to travel in a link: ", &e, ". Export it, or share it as a file."].concat()
        })
    }

    /// Moves the first input to the value it has, on a copy of the state
    /// that is then dropped. The page calls it once the model is drawn and
    /// the browser is idle: the browser compiles the code of an input
    /// change then, not while the user waits for their first change.
    pub fn rehearse_change(&self) {
        let Some((name, value)) =
            self.doc.report.values().find_map(|v| Some((v.name.clone(), v.input.as_ref()?.value)))
        else {
            return;
        };
        let mut copy = self.clone();
        copy.apply(Action::SlideInput { name, value });
        drop(store::encode_inputs(&copy.doc.inputs));
    }

    fn open_doc(&mut self, doc: Doc) {
        let generation = self.doc.generation.wrapping_add(1);
        self.doc = doc;
        self.doc.generation = generation;
        self.panel = None;
        self.tab = Tab::Results;
    }

    fn open_link(&mut self, fragment: &str) {
        match scenario::decode(fragment) {
            Ok(s) => {
                let mut doc = Doc::new(Origin::Link, s.model_source().to_string(), s.inputs.clone());
                if let ModelRef::Preset(name) = &s.model {
                    if let Some(p) = presets::find(name) {
                        doc.name = AttrValue::Static(p.title);
                        // A preset's own link, as the gallery writes it (a
                        // reload after opening one), is that preset.
                        if s.inputs.is_empty() && s.view.is_empty() {
                            doc.origin = Origin::Preset(p.name);
                        }
                    }
                }
                doc.open = s.view("open").map(str::to_string);
                if let Some(title) = s.view("title").filter(|t| !t.trim().is_empty()) {
                    doc.name = title.to_string().into();
                }
                doc.explain();
                // A link naming an input the model lacks says so (a saved
                // model keeps such values quietly: its text may be mid-edit).
                let unknown = s
                    .inputs
                    .iter()
                    .filter(|(name, _)| doc.model.input(name).is_none())
                    .filter_map(|(name, text)| report::parse_input_in(&doc.model, &doc.ev, name, text).err());
                let problems = scenario::said_at_most(
                    s.repeated().into_iter().chain(doc.input_problems.iter().cloned()).chain(unknown).collect(),
                );
                self.notice = (!problems.is_empty()).then_some(Notice::LinkInputs(problems));
                self.open_doc(doc);
                self.fragment = Some(fragment.to_string());
            }
            Err(e) => {
                self.notice = Some(Notice::BadLink(e.to_string()));
                self.open_doc(default_doc());
                self.fragment = None;
            }
        }
    }

    /// Whether the saved model on screen is what `link` holds (its text,
    /// input values and name); then it opens the explanation the link does.
    fn shows(&mut self, link: &Scenario) -> bool {
        let mine = self.scenario();
        let same = matches!(self.doc.origin, Origin::Saved(_))
            && mine.model == link.model
            && mine.inputs == link.inputs
            && mine.view("title") == link.view("title");
        if same {
            self.doc.open = link.view("open").map(str::to_string);
            self.doc.explain();
        }
        same
    }

    fn open_new(&mut self) {
        self.notice = None;
        self.open_doc(Doc::new(Origin::New, NEW_MODEL, Vec::new()));
        self.fragment = None;
    }

    fn open_saved(&mut self, stored: Stored) {
        let mut doc = Doc::new(Origin::Saved(stored.id), stored.source, stored.inputs);
        if let Some(e) = self.entry(stored.id) {
            doc.name = e.name.clone().into();
        }
        self.current = Some(stored.id);
        self.notice = None;
        self.open_doc(doc);
        self.fragment = None;
    }

    /// Called on every change of the model or its inputs: the model on
    /// screen becomes (or stays) a saved model, and the URL fragment, which
    /// no longer describes it, goes. The embed saves nothing.
    fn touch(&mut self) {
        if self.mode.embed {
            return;
        }
        self.fragment = None;
        let id = match self.doc.origin {
            Origin::Saved(id) if self.entry(id).is_some() => id,
            _ => {
                let id = store::next_id(&self.saved);
                let name = store::unique_name(&self.saved, &self.doc.name);
                self.doc.name = name.clone().into();
                self.saved.push(Entry { id, name });
                self.doc.origin = Origin::Saved(id);
                id
            }
        };
        self.current = Some(id);
    }

    /// Evaluates the editor's text; a saved model named after its title
    /// follows a new title.
    fn evaluate(&mut self) {
        if !self.doc.pending() {
            return;
        }
        let old_title = model_title(&self.doc.model);
        self.doc.evaluate_source();
        let new_title = model_title(&self.doc.model);
        match self.doc.origin {
            Origin::Saved(id) => {
                if let Some(e) = self.saved.iter_mut().find(|e| e.id == id) {
                    if e.name == old_title && new_title != old_title {
                        e.name = new_title.clone();
                        self.doc.name = new_title.into();
                    }
                }
            }
            _ => self.doc.name = self.doc.title().into(),
        }
    }

    fn apply(&mut self, action: Action) {
        let editable = !self.mode.readonly;
        match action {
            Action::Edit(text) => {
                if self.mode.embed || *self.doc.source == *text {
                    return;
                }
                self.doc.source = text.into();
                self.touch();
            }
            Action::Evaluate => self.evaluate(),
            Action::TypeInput { name, text } if editable => {
                if self.doc.type_input(&name, &text) {
                    self.touch();
                }
            }
            Action::TypeInputFrom { name, text, before } if editable => {
                let taken = self.doc.type_input(&name, &text);
                // Without a value to go back to, the last one taken stays.
                let restored =
                    !taken && before.is_some_and(|(set, value)| self.doc.restore_input(&name, set.then_some(value)));
                if taken || restored {
                    self.touch();
                }
            }
            Action::SlideInput { name, value } if editable => {
                if self.doc.slide_input(&name, value) {
                    self.touch();
                }
            }
            Action::ResetInput(name) if editable => {
                if self.doc.reset_input(&name) {
                    self.touch();
                }
            }
            Action::TypeInput { .. }
            | Action::TypeInputFrom { .. }
            | Action::SlideInput { .. }
            | Action::ResetInput(_) => {}
            Action::Revert(name) => self.doc.set_rejected(&name, None),
            Action::Explain(name) => {
                self.doc.open = name;
                self.doc.explain();
            }
            Action::OpenPreset(name) => {
                if let Some(p) = presets::find(name) {
                    self.notice = None;
                    self.open_doc(Doc::preset(p));
                    self.fragment = Some(self.share_fragment());
                }
            }
            Action::OpenSaved(stored) => self.open_saved(stored),
            Action::BackToSaved(stored) => {
                // A saved model the list has, and not on screen already.
                let listed = self.entry(stored.id).is_some();
                if listed && self.doc.origin != Origin::Saved(stored.id) {
                    self.open_saved(stored);
                }
            }
            Action::BackToNew if self.doc.origin != Origin::New => self.open_new(),
            Action::BackToNew => {}
            Action::OpenLink(fragment) => self.open_link(fragment.trim_start_matches('#')),
            Action::HashChanged(fragment) => {
                let fragment = fragment.trim_start_matches('#');
                if !fragment.is_empty() && self.fragment.as_deref() != Some(fragment) {
                    self.open_link(fragment);
                }
            }
            Action::NewModel => {
                self.open_new();
                self.tab = Tab::Model;
            }
            Action::Rename { id, name } => {
                let name = name.trim();
                if name.is_empty() {
                    return;
                }
                // Two saved models never share a name: the list and its
                // buttons' labels tell them apart.
                let mut unique = name.to_string();
                for k in 2.. {
                    if !self.name_taken(id, &unique) {
                        break;
                    }
                    unique = format!("{name} ({k})");
                }
                if let Some(e) = self.saved.iter_mut().find(|e| e.id == id) {
                    e.name = unique.clone();
                }
                if self.doc.origin == Origin::Saved(id) {
                    self.doc.name = unique.into();
                }
            }
            Action::Delete(id) => {
                self.saved.retain(|e| e.id != id);
                if self.current == Some(id) {
                    self.current = None;
                }
                if self.doc.origin == Origin::Saved(id) {
                    self.doc.origin = Origin::New;
                }
            }
            Action::SavedElsewhere(list) => {
                self.saved = list;
                if let Origin::Saved(id) = self.doc.origin {
                    match self.entry(id) {
                        Some(e) => self.doc.name = e.name.clone().into(),
                        None => self.doc.origin = Origin::New,
                    }
                }
                if self.current.is_some_and(|id| self.entry(id).is_none()) {
                    self.current = None;
                }
            }
            Action::ModelElsewhere(id) => {
                // Writing on would drop the other tab's edits, and that tab
                // would drop ours: this tab's work goes on as a copy.
                if self.doc.origin == Origin::Saved(id) {
                    let name = [self.doc.name.as_str(), " (copy)"].concat();
                    self.doc.origin = Origin::New;
                    self.doc.name = name.clone().into();
                    if self.current == Some(id) {
                        self.current = None;
                    }
                    self.notice = Some(Notice::ChangedElsewhere(name));
                }
            }
            Action::Show(panel) => {
                if matches!(panel, Panel::Share) && !self.mode.embed {
                    // Sharing writes the scenario into the address bar, so
                    // the page's own URL is the link.
                    if let Ok(fragment) = self.share_link() {
                        self.fragment = Some(fragment);
                    }
                }
                self.panel = Some(panel);
            }
            Action::Close => self.panel = None,
            Action::Tab(tab) => self.tab = tab,
            Action::Dismiss => self.notice = None,
            Action::StorageFailed(message) => {
                self.notice = Some(Notice::Storage(message));
                self.storage_failed = true;
            }
            Action::ReadFailed(message) => self.notice = Some(Notice::Storage(message)),
            Action::StorageSaved => {
                self.storage_failed = false;
                if matches!(self.notice, Some(Notice::Storage(_))) {
                    self.notice = None;
                }
            }
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Typing can send the text the state already holds, and a timer can
        // ask to evaluate text already evaluated: keeping the same state
        // skips re-rendering for nothing.
        match &action {
            Action::Edit(text) if *self.doc.source == **text => return self,
            Action::Evaluate if !self.doc.pending() => return self,
            _ => {}
        }
        let mut state = Rc::unwrap_or_clone(self);
        state.apply(action);
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(state: &AppState, name: &str) -> String {
        state.doc.report.value(name).unwrap_or_else(|| panic!("no value `{name}`")).display.text()
    }

    fn run(state: AppState, actions: impl IntoIterator<Item = Action>) -> AppState {
        let mut state = Rc::new(state);
        for a in actions {
            state = state.reduce(a);
        }
        Rc::unwrap_or_clone(state)
    }

    fn with_source(src: &str) -> AppState {
        run(AppState::default(), [Action::Edit(src.into()), Action::Evaluate])
    }

    fn default_source() -> &'static str {
        presets::find(DEFAULT_PRESET).unwrap().source
    }

    #[test]
    fn opens_with_the_default_preset_evaluated() {
        let state = AppState::default();
        assert_eq!(state.doc.name, "Web service");
        assert_eq!(state.doc.source, default_source());
        assert!(state.doc.report.problems.is_empty());
        assert!(state.doc.report.value("instances").is_some());
        assert_eq!(state.doc.origin, Origin::Preset(DEFAULT_PRESET));
        assert_eq!(state.fragment, None);
    }

    #[test]
    fn an_edit_waits_for_evaluate_then_re_evaluates() {
        let state = with_source("input n = 2\nm = n * 3 MB");
        let next = run(state, [Action::Edit("input n = 5\nm = n * 3 MB".into())]);
        assert!(next.doc.pending());
        assert_eq!(shown(&next, "m"), "6 MB");
        let next = run(next, [Action::Evaluate]);
        assert!(!next.doc.pending());
        assert_eq!(shown(&next, "m"), "15 MB");
    }

    #[test]
    fn the_same_text_keeps_the_same_state() {
        let state = Rc::new(with_source("x = 1"));
        let next = state.clone().reduce(Action::Edit("x = 1".into()));
        assert!(Rc::ptr_eq(&state, &next));
        let next = state.clone().reduce(Action::Evaluate);
        assert!(Rc::ptr_eq(&state, &next));
    }

    #[test]
    fn an_error_keeps_the_other_values() {
        let state = with_source("a = 1 MB\nb = nope + 1");
        assert_eq!(shown(&state, "a"), "1 MB");
        assert_eq!(state.doc.report.problems.len(), 1);
        assert_eq!(state.doc.report.problems[0].line, 2);
    }

    #[test]
    fn editing_a_preset_saves_it_as_a_new_model() {
        let state = AppState::default();
        let next = run(state, [Action::Edit(format!("{}\n", default_source()))]);
        assert_eq!(next.doc.origin, Origin::Saved(1));
        assert_eq!(next.saved, [Entry { id: 1, name: "Web service".into() }]);
        assert_eq!(next.current, Some(1));
    }

    #[test]
    fn a_rehearsed_change_leaves_the_state_as_it_was() {
        let sources = presets::ALL.iter().map(|p| p.source).chain(["", "x = 1 MB", "input n = oops"]);
        for src in sources {
            let state = with_source(src);
            let (report, saved) = (state.doc.report.clone(), state.saved.clone());
            state.rehearse_change();
            assert!(Rc::ptr_eq(&state.doc.report, &report), "{src}");
            assert_eq!(state.saved, saved);
        }
    }

    #[test]
    fn a_typed_input_value_recomputes_and_is_kept_as_typed() {
        let state = with_source("input n = 2 [0 .. 10]\nm = n * 3 MB");
        let next = run(state, [Action::TypeInput { name: "n".into(), text: "4".into() }]);
        assert_eq!(shown(&next, "m"), "12 MB");
        assert_eq!(next.doc.inputs, [("n".to_string(), "4".to_string())]);
        assert!(next.doc.report.value("n").unwrap().input.as_ref().unwrap().changed);
    }

    #[test]
    fn the_field_text_typed_back_keeps_every_digit_of_the_value() {
        // The field shows six digits of 100/3; an edit undone (a space
        // typed and deleted) must not round the value to them.
        let state = with_source("input n = 100 / 3 [0 .. 100]\nm = n * 3 MB");
        let field = state.doc.report.value("n").unwrap().input.as_ref().unwrap().field.clone();
        assert_eq!(field, "33.3333");
        let next = run(
            state,
            [
                Action::TypeInput { name: "n".into(), text: [field.as_str(), " "].concat() },
                Action::TypeInput { name: "n".into(), text: field.clone() },
            ],
        );
        assert_eq!(shown(&next, "m"), "100 MB");
        assert!(next.doc.inputs.is_empty());
    }

    #[test]
    fn a_model_too_large_for_a_link_gets_no_link() {
        // Random letters, which no compression packs into a link the page opens.
        let mut seed = 11u64;
        let mut src = String::new();
        for _ in 0..3000 {
            src.push_str("# ");
            for _ in 0..60 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                src.push(char::from(b'a' + (seed >> 59) as u8 % 26));
            }
            src.push('\n');
        }
        let state = run(with_source(&src), [Action::Show(Panel::Share)]);
        let why = state.share_link().unwrap_err();
        assert!(why.contains("too large"), "{why}");
        assert_eq!(state.fragment, None, "the address bar gets no link it could not open");
    }

    #[test]
    fn a_link_setting_an_input_twice_says_so() {
        let state =
            AppState::start(Boot { fragment: "#preset=betcode&sessions=40&sessions=50".into(), ..Boot::default() });
        assert!(
            matches!(&state.notice, Some(Notice::LinkInputs(p)) if p[0].contains("`sessions` is set more than once")),
            "{:?}",
            state.notice
        );
    }

    #[test]
    fn a_typed_value_may_group_thousands() {
        let state = with_source("unit session\ninput n = 20 session [0 .. 10_000]\nm = n * 1 MB/session");
        let next = run(state, [Action::TypeInput { name: "n".into(), text: "2,500 sessions".into() }]);
        assert_eq!(next.doc.rejected("n"), None);
        assert_eq!(shown(&next, "m"), "2.5 GB");
        assert_eq!(next.doc.report.value("n").unwrap().input.as_ref().unwrap().field, "2500");
    }

    #[test]
    fn a_value_out_of_range_is_refused_with_a_message_and_nothing_changes() {
        let state = with_source("input n = 2 [0 .. 10]\nm = n * 3 MB");
        let next = run(state, [Action::TypeInput { name: "n".into(), text: "40".into() }]);
        assert_eq!(shown(&next, "m"), "6 MB");
        let message = next.doc.rejected("n").expect("a message");
        assert!(message.contains("between"), "{message}");
        assert!(next.doc.inputs.is_empty());
        // A good value clears the message; Revert drops a refused one.
        let fixed = run(next.clone(), [Action::TypeInput { name: "n".into(), text: "3".into() }]);
        assert_eq!(fixed.doc.rejected("n"), None);
        assert_eq!(shown(&fixed, "m"), "9 MB");
        let reverted = run(next, [Action::Revert("n".into())]);
        assert_eq!(reverted.doc.rejected("n"), None);
    }

    #[test]
    fn a_refused_text_puts_back_the_value_the_typing_began_with() {
        // Typing 40 from 5: the 4 is taken on the way, the 40 refused; the
        // results go back to 5, not stay on 4, with the refusal said.
        let state = with_source("input n = 2 [0 .. 10]\nm = n * 3 MB");
        let state = run(state, [Action::TypeInput { name: "n".into(), text: "5".into() }]);
        let typing =
            |text: &str| Action::TypeInputFrom { name: "n".into(), text: text.into(), before: Some((true, 5.0)) };
        let next = run(state.clone(), [typing("4"), typing("40")]);
        assert_eq!(shown(&next, "m"), "15 MB");
        assert!(next.doc.rejected("n").is_some_and(|m| m.contains("between")));
        // From the default, back to the default.
        let state = with_source("input n = 2 [0 .. 10]\nm = n * 3 MB");
        let from_default =
            |text: &str| Action::TypeInputFrom { name: "n".into(), text: text.into(), before: Some((false, 2.0)) };
        let next = run(state, [from_default("4"), from_default("40")]);
        assert_eq!(shown(&next, "m"), "6 MB");
        assert!(next.doc.inputs.is_empty() && next.doc.rejected("n").is_some());
    }

    #[test]
    fn text_that_is_not_a_value_is_refused() {
        let state = with_source("input n = 2 MB\nm = n * 3");
        let next = run(state, [Action::TypeInput { name: "n".into(), text: "3 s".into() }]);
        assert!(next.doc.rejected("n").is_some());
        assert_eq!(shown(&next, "m"), "6 MB");
    }

    #[test]
    fn a_slider_sets_the_input_in_its_unit() {
        let state = with_source("input limit = 512 MB [0 .. 2048]\nhalf = limit / 2");
        let next = run(state, [Action::SlideInput { name: "limit".into(), value: 1024.0 }]);
        assert_eq!(shown(&next, "half"), "512 MB");
        assert_eq!(next.doc.inputs, [("limit".to_string(), "1024 MB".to_string())]);
        let refused = run(next, [Action::SlideInput { name: "limit".into(), value: 4096.0 }]);
        assert!(refused.doc.rejected("limit").is_some());
        assert_eq!(shown(&refused, "half"), "512 MB");
        let nan = run(refused, [Action::SlideInput { name: "limit".into(), value: f64::NAN }]);
        assert_eq!(nan.doc.rejected("limit"), Some("that is not a number"));
    }

    #[test]
    fn a_slid_percentage_is_kept_without_float_noise() {
        let state = with_source("input share = 5% [0 .. 100]\nx = share * 100 GB");
        let next = run(state, [Action::SlideInput { name: "share".into(), value: 7.0 }]);
        assert_eq!(next.doc.inputs, [("share".to_string(), "7%".to_string())]);
        assert_eq!(shown(&next, "x"), "7 GB");
    }

    #[test]
    fn reset_puts_the_default_back() {
        let state = with_source("input n = 2\nm = n * 3 MB");
        let next =
            run(state, [Action::TypeInput { name: "n".into(), text: "4".into() }, Action::ResetInput("n".into())]);
        assert_eq!(shown(&next, "m"), "6 MB");
        assert!(next.doc.inputs.is_empty());
    }

    #[test]
    fn input_values_survive_edits_of_the_text() {
        let state = with_source("input n = 2\nm = n * 3 MB");
        let next = run(
            state,
            [
                Action::TypeInput { name: "n".into(), text: "4".into() },
                Action::Edit("input n = 2\nm = n * 5 MB".into()),
                Action::Evaluate,
            ],
        );
        assert_eq!(shown(&next, "m"), "20 MB");
    }

    #[test]
    fn a_read_only_embed_ignores_input_changes() {
        let boot = Boot { mode: Mode::from_query("?embed&readonly"), ..Boot::default() };
        let state = AppState::start(boot);
        let before = shown(&state, "instances");
        let next = run(state, [Action::TypeInput { name: "spares".into(), text: "9".into() }]);
        assert_eq!(shown(&next, "instances"), before);
        assert!(next.saved.is_empty());
    }

    #[test]
    fn the_embed_changes_inputs_but_saves_nothing() {
        let boot = Boot { mode: Mode::from_query("embed"), ..Boot::default() };
        let next = run(AppState::start(boot), [Action::TypeInput { name: "spares".into(), text: "3".into() }]);
        assert!(next.saved.is_empty());
        assert_eq!(next.doc.origin, Origin::Preset(DEFAULT_PRESET));
    }

    #[test]
    fn modes_come_from_the_query() {
        assert_eq!(Mode::from_query(""), Mode::default());
        assert_eq!(Mode::from_query("?embed"), Mode { embed: true, readonly: false });
        assert_eq!(Mode::from_query("?embed&readonly"), Mode { embed: true, readonly: true });
        assert_eq!(Mode::from_query("?embed=1&readonly=1"), Mode { embed: true, readonly: true });
        assert_eq!(Mode::from_query("?readonly"), Mode::default());
        assert_eq!(Mode::from_query("?embed=0"), Mode::default());
        assert_eq!(Mode::from_query("?embed&readonly=false"), Mode { embed: true, readonly: false });
    }

    #[test]
    fn a_share_link_round_trips_the_model_and_its_inputs() {
        let state = with_source("# Mine\ninput n = 2 [0 .. 10]\nm = n * 3 MB");
        let state =
            run(state, [Action::TypeInput { name: "n".into(), text: "7".into() }, Action::Explain(Some("m".into()))]);
        let fragment = state.share_fragment();
        assert!(fragment.starts_with("v=1&z="), "{fragment}");
        let opened = AppState::start(Boot { fragment: fragment.clone(), ..Boot::default() });
        assert_eq!(opened.doc.source, state.doc.source);
        assert_eq!(shown(&opened, "m"), "21 MB");
        assert_eq!(opened.doc.origin, Origin::Link);
        assert_eq!(opened.doc.name, "Mine");
        assert_eq!(opened.doc.open.as_deref(), Some("m"));
        assert!(opened.doc.explanation.is_some());
        assert_eq!(opened.fragment.as_deref(), Some(fragment.as_str()));
    }

    #[test]
    fn a_bare_expression_explains_itself() {
        let state = with_source("input a = 20 GB\nmax(a, 30 GB)\n");
        let state = run(state, [Action::Explain(Some("max(a, 30 GB)".into()))]);
        let work = state.doc.explanation.as_deref().expect("an explanation");
        assert_eq!(work.steps, ["max: 30 GB decided it (over 20 GB)"]);
    }

    #[test]
    fn an_unchanged_preset_shares_by_name() {
        let state = run(AppState::default(), [Action::OpenPreset("betcode")]);
        assert_eq!(state.share_fragment(), "preset=betcode");
        assert_eq!(state.fragment.as_deref(), Some("preset=betcode"));
    }

    #[test]
    fn links_write_input_values_as_plain_numbers_in_their_units() {
        let state = AppState::start(Boot { fragment: "#preset=betcode".into(), ..Boot::default() });
        let state = run(state, [Action::SlideInput { name: "sessions".into(), value: 40.0 }]);
        assert_eq!(state.share_fragment(), "preset=betcode&sessions=40");
        let state = run(state, [Action::TypeInput { name: "sessions".into(), text: "1.5e1 sessions".into() }]);
        assert_eq!(state.share_fragment(), "preset=betcode&sessions=15");
        let back = AppState::start(Boot { fragment: ["#", &state.share_fragment()].concat(), ..Boot::default() });
        assert_eq!(back.doc.report.value("sessions").unwrap().display.text(), "15 sessions");
        // Back at its default, an input is no change to name.
        let state = run(state, [Action::SlideInput { name: "sessions".into(), value: 20.0 }]);
        assert_eq!(state.share_fragment(), "preset=betcode");
    }

    #[test]
    fn a_link_setting_an_input_the_model_lacks_says_so() {
        let state = AppState::start(Boot { fragment: "#preset=betcode&sesions=40".into(), ..Boot::default() });
        match &state.notice {
            Some(Notice::LinkInputs(p)) => {
                assert_eq!(p, &["the model has no input `sesions`; did you mean `sessions`?"])
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_preset_link_with_inputs_opens_with_them() {
        let state = AppState::start(Boot { fragment: "#preset=web-service&spares=3".into(), ..Boot::default() });
        assert_eq!(state.doc.name, "Web service");
        let spares = state.doc.report.value("spares").unwrap().input.clone().unwrap();
        assert!(spares.changed);
        assert_eq!(state.share_fragment(), "preset=web-service&spares=3");
    }

    #[test]
    fn a_bad_link_says_why_and_falls_back_to_the_default_model() {
        let saved = Vec::from([Entry { id: 4, name: "Mine".into() }]);
        let current = Some(Stored { id: 4, source: "# Mine\nx = 1".into(), inputs: Vec::new() });
        let boot = Boot { fragment: "v=1&z=AAAA".into(), saved: saved.clone(), current, ..Boot::default() };
        let state = AppState::start(boot);
        let Some(Notice::BadLink(message)) = &state.notice else { panic!("{:?}", state.notice) };
        assert!(message.contains("damaged"), "{message}");
        assert_eq!(state.doc.source, default_source());
        assert_eq!(state.saved, saved);
        assert_eq!(state.alongside().map(|e| e.id), Some(4));
        assert_eq!(state.fragment, None);
    }

    #[test]
    fn a_reload_after_share_stays_on_the_tab_own_model() {
        // Share wrote the model's link into the address bar; the tab reloads.
        let saved = Vec::from([Entry { id: 3, name: "Plan".into() }]);
        let stored =
            Stored { id: 3, source: "# Plan\ninput n = 2\nm = n * 3".into(), inputs: vec![("n".into(), "5".into())] };
        let boot = |fragment: &str, reloaded| Boot {
            fragment: fragment.into(),
            saved: saved.clone(),
            current: Some(stored.clone()),
            reloaded,
            ..Boot::default()
        };
        let shown = AppState::start(boot("", Some(3)));
        let fragment = shown.share_fragment();
        let state = AppState::start(boot(&fragment, Some(3)));
        assert_eq!(state.doc.origin, Origin::Saved(3));
        assert_eq!(state.notice, None);
        // An edit stays on model 3: no copy named "Plan (2)".
        let edited = run(state, [Action::TypeInput { name: "n".into(), text: "6".into() }]);
        assert_eq!((edited.doc.origin, edited.saved.len()), (Origin::Saved(3), 1));
        // Another tab opening the link, or a link to other values, opens alongside.
        assert_eq!(AppState::start(boot(&fragment, None)).doc.origin, Origin::Link);
        let other = run(shown, [Action::TypeInput { name: "n".into(), text: "7".into() }]).share_fragment();
        assert_ne!(other, fragment);
        assert_eq!(AppState::start(boot(&other, Some(3))).doc.origin, Origin::Link);
    }

    #[test]
    fn link_values_that_do_not_fit_are_reported() {
        let state = AppState::start(Boot { fragment: "preset=web-service&spares=lots".into(), ..Boot::default() });
        assert!(matches!(&state.notice, Some(Notice::LinkInputs(p)) if p.len() == 1), "{:?}", state.notice);
    }

    #[test]
    fn the_last_saved_model_opens_at_start() {
        let saved = Vec::from([Entry { id: 2, name: "Plan".into() }]);
        let inputs = Vec::from([("n".to_string(), "5".to_string())]);
        let current = Some(Stored { id: 2, source: "input n = 1\nm = n * 2 GB".into(), inputs });
        let state = AppState::start(Boot { saved, current, ..Boot::default() });
        assert_eq!(state.doc.origin, Origin::Saved(2));
        assert_eq!(state.doc.name, "Plan");
        assert_eq!(shown(&state, "m"), "10 GB");
        assert_eq!(state.alongside(), None);
    }

    #[test]
    fn a_link_opens_alongside_the_saved_work_with_a_way_back() {
        let saved = Vec::from([Entry { id: 2, name: "Plan".into() }]);
        let current = Some(Stored { id: 2, source: "x = 1".into(), inputs: Vec::new() });
        let state = AppState::start(Boot { fragment: "preset=betcode".into(), saved, current, ..Boot::default() });
        // A preset's own link, as the gallery writes it, is the preset.
        assert_eq!(state.doc.origin, Origin::Preset("betcode"));
        assert_eq!(state.alongside().map(|e| e.name.as_str()), Some("Plan"));
        // Changing the link's model saves it as a new model; the old one stays.
        let next = run(state, [Action::TypeInput { name: "sessions".into(), text: "40".into() }]);
        assert_eq!(next.doc.origin, Origin::Saved(3));
        assert_eq!(next.saved.len(), 2);
        assert_eq!(next.fragment, None);
    }

    #[test]
    fn a_pasted_link_opens_but_our_own_fragment_does_not_reopen() {
        let state = run(AppState::default(), [Action::OpenPreset("betcode")]);
        let same = run(state.clone(), [Action::HashChanged("#preset=betcode".into())]);
        assert_eq!(same.doc.generation, state.doc.generation);
        let other = run(state, [Action::HashChanged("#preset=omniops".into())]);
        assert_eq!(other.doc.name, "Omniops");
    }

    #[test]
    fn saved_models_follow_their_title_until_renamed() {
        let state =
            run(AppState::default(), [Action::NewModel, Action::Edit("# Alpha\nx = 1".into()), Action::Evaluate]);
        assert_eq!(state.doc.name, "Alpha");
        let id = state.current.unwrap();
        let renamed = run(state.clone(), [Action::Rename { id, name: "Mine".into() }]);
        assert_eq!(renamed.doc.name, "Mine");
        let edited = run(renamed, [Action::Edit("# Beta\nx = 1".into()), Action::Evaluate]);
        assert_eq!(edited.doc.name, "Mine");
        let followed = run(state, [Action::Edit("# Beta\nx = 1".into()), Action::Evaluate]);
        assert_eq!(followed.doc.name, "Beta");
        assert_eq!(followed.entry(id).unwrap().name, "Beta");
    }

    #[test]
    fn a_name_given_to_a_model_travels_in_its_link() {
        let state = run(AppState::default(), [Action::Edit("# First\nx = 1".into()), Action::Evaluate]);
        // The name the model's text gives needs no word in the link.
        assert!(!state.share_fragment().contains("title"), "{}", state.share_fragment());
        let id = state.current.unwrap();
        let state = run(state, [Action::Rename { id, name: "My web tier".into() }]);
        let fragment = state.share_fragment();
        let opened = AppState::start(Boot { fragment: ["#", &fragment].concat(), ..Boot::default() });
        assert_eq!(&*opened.doc.name, "My web tier");
        assert_eq!(opened.doc.source.as_str(), "# First\nx = 1");
    }

    #[test]
    fn a_rename_to_a_name_taken_gets_a_number() {
        let state = run(AppState::default(), [Action::Edit("# First\nx = 1".into()), Action::Evaluate]);
        let first = state.current.unwrap();
        let state = run(state, [Action::NewModel, Action::Edit("# Second\nx = 2".into()), Action::Evaluate]);
        let second = state.current.unwrap();
        assert_ne!(first, second);
        let state = run(state, [Action::Rename { id: second, name: "First".into() }]);
        assert_eq!(state.entry(second).unwrap().name, "First (2)");
        // Its own name is not taken.
        let state = run(state, [Action::Rename { id: first, name: "First".into() }]);
        assert_eq!(state.entry(first).unwrap().name, "First");
    }

    #[test]
    fn deleting_the_open_model_keeps_it_on_screen_unsaved() {
        let state = run(AppState::default(), [Action::Edit("x = 1".into())]);
        let id = state.current.unwrap();
        let next = run(state, [Action::Delete(id)]);
        assert!(next.saved.is_empty());
        assert_eq!(next.current, None);
        assert_eq!(next.doc.origin, Origin::New);
        assert_eq!(next.doc.source, "x = 1");
    }

    #[test]
    fn the_list_follows_other_tabs_so_new_models_get_new_ids() {
        let state = run(AppState::default(), [Action::Edit("x = 1".into())]);
        assert_eq!(state.current, Some(1));
        let elsewhere = Vec::from([Entry { id: 1, name: "Renamed".into() }, Entry { id: 2, name: "Other tab".into() }]);
        let next = run(state, [Action::SavedElsewhere(elsewhere), Action::NewModel, Action::Edit("y = 2".into())]);
        assert_eq!(next.doc.origin, Origin::Saved(3));
        assert_eq!(next.saved.len(), 3);
        let gone = run(next, [Action::SavedElsewhere(Vec::new())]);
        assert_eq!(gone.doc.origin, Origin::New);
        assert_eq!(gone.current, None);
    }

    #[test]
    fn going_back_to_a_new_model_not_changed_opens_a_new_model() {
        let looking = run(AppState::default(), [Action::OpenPreset("batch-job")]);
        let back = run(looking, [Action::BackToNew]);
        assert_eq!((&back.doc.origin, back.doc.source.as_ref()), (&Origin::New, NEW_MODEL));
        // On a new model already, nothing happens.
        let same = run(back.clone(), [Action::BackToNew]);
        assert_eq!(same.doc.generation, back.doc.generation);
    }

    #[test]
    fn going_back_to_an_address_without_a_scenario_returns_to_the_saved_model() {
        let saved = run(AppState::default(), [Action::Edit("# Mine\nx = 1".into())]);
        let stored = Stored { id: 1, source: "# Mine\nx = 1".into(), inputs: Vec::new() };
        let looking = run(saved.clone(), [Action::OpenPreset("batch-job")]);
        let back = run(looking, [Action::BackToSaved(stored.clone())]);
        assert_eq!(back.doc.origin, Origin::Saved(1));
        assert_eq!(back.doc.source, "# Mine\nx = 1");
        // On the saved model already, nothing happens.
        let same = run(saved.clone(), [Action::BackToSaved(stored.clone())]);
        assert_eq!(same.doc.generation, saved.doc.generation);
        // From another saved model (a preset opened, then changed), back
        // to the one the address showed before.
        let other = run(saved, [Action::OpenPreset("batch-job"), Action::Edit("# Other\ny = 2".into())]);
        assert_eq!(other.doc.origin, Origin::Saved(2));
        let back = run(other, [Action::BackToSaved(stored)]);
        assert_eq!((back.doc.origin, back.doc.source.as_ref()), (Origin::Saved(1), "# Mine\nx = 1"));
    }

    #[test]
    fn a_model_changed_in_another_tab_is_not_overwritten() {
        let state = run(AppState::default(), [Action::Edit("x = 1".into())]);
        assert_eq!(state.doc.origin, Origin::Saved(1));
        let elsewhere = Vec::from([Entry { id: 1, name: "x".into() }]);
        let next = run(state, [Action::SavedElsewhere(elsewhere), Action::ModelElsewhere(1)]);
        assert!(matches!(&next.notice, Some(Notice::ChangedElsewhere(n)) if n.ends_with(" (copy)")));
        // The next change is saved as a new model; model 1 is left to the
        // other tab.
        let next = run(next, [Action::Edit("x = 2".into())]);
        assert_eq!(next.doc.origin, Origin::Saved(2));
        assert_eq!(next.saved.len(), 2);
        assert!(next.saved[1].name.ends_with(" (copy)"));
        // Another model changed elsewhere leaves this one alone.
        let same = run(next, [Action::ModelElsewhere(1)]);
        assert_eq!(same.doc.origin, Origin::Saved(2));
    }

    #[test]
    fn sharing_writes_the_fragment_and_a_change_clears_it() {
        let state = run(AppState::default(), [Action::Show(Panel::Share)]);
        assert_eq!(state.fragment.as_deref(), Some("preset=web-service"));
        assert_eq!(state.panel, Some(Panel::Share));
        let next = run(state, [Action::Close, Action::TypeInput { name: "spares".into(), text: "2".into() }]);
        assert_eq!(next.fragment, None);
        assert_eq!(next.panel, None);
    }

    #[test]
    fn an_explanation_follows_the_values() {
        let state = with_source("input n = 2\nm = n * 3 MB");
        let next = run(state, [Action::Explain(Some("m".into()))]);
        let e = next.doc.explanation.clone().expect("explanation");
        assert_eq!(e.result, "6 MB");
        let next = run(next, [Action::TypeInput { name: "n".into(), text: "3".into() }]);
        assert_eq!(next.doc.explanation.as_ref().unwrap().result, "9 MB");
        let closed = run(next, [Action::Explain(None)]);
        assert!(closed.doc.explanation.is_none());
    }
}
