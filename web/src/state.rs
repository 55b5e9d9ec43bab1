//! The app's state: the model being edited and the report the core computed
//! from it. Pure data with a [`Reducible`] impl, so it is tested natively;
//! components only dispatch [`Action`]s and render what is here.

use headroom_core::presets::{self, Preset};
use headroom_core::Report;
use std::rc::Rc;
use yew::{AttrValue, Reducible};

/// The preset the app opens with.
pub const DEFAULT_PRESET: &str = "web-service";

/// The model on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelState {
    /// The title shown in the header.
    pub title: AttrValue,
    /// The model text, as in the editor.
    pub source: AttrValue,
    /// What the core computed from `source`. Shared, because every render
    /// reads it and only an edit replaces it.
    pub report: Rc<Report>,
}

/// What the user can do to the model.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The editor's text changed.
    Edit(String),
}

impl ModelState {
    /// A model with a title and a text, evaluated.
    pub fn new(title: impl Into<AttrValue>, source: impl Into<AttrValue>) -> ModelState {
        let source = source.into();
        let report = Rc::new(headroom_core::run(&source, &[]));
        ModelState { title: title.into(), source, report }
    }

    /// A preset model.
    pub fn from_preset(preset: &'static Preset) -> ModelState {
        ModelState::new(AttrValue::Static(preset.title), AttrValue::Static(preset.source))
    }

    /// The model the app opens with: [`DEFAULT_PRESET`], or the first
    /// preset, or an empty model if the core has none.
    pub fn initial() -> ModelState {
        presets::find(DEFAULT_PRESET)
            .or_else(|| presets::ALL.first())
            .map_or_else(|| ModelState::new("Untitled model", ""), ModelState::from_preset)
    }
}

impl Default for ModelState {
    fn default() -> ModelState {
        ModelState::initial()
    }
}

impl Reducible for ModelState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            // Typing can send the text the state already holds; keeping the
            // same state skips evaluating and re-rendering for nothing.
            Action::Edit(text) if *self.source == *text => self,
            Action::Edit(text) => Rc::new(ModelState::new(self.title.clone(), text)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(state: &ModelState, name: &str) -> String {
        state.report.value(name).unwrap_or_else(|| panic!("no value `{name}`")).display.text()
    }

    #[test]
    fn opens_with_the_default_preset_evaluated() {
        let state = ModelState::initial();
        assert_eq!(state.title, "Web service");
        assert_eq!(state.source, presets::find(DEFAULT_PRESET).unwrap().source);
        assert!(state.report.problems.is_empty());
        assert!(state.report.value("instances").is_some());
    }

    #[test]
    fn an_edit_re_evaluates_and_keeps_the_title() {
        let state = Rc::new(ModelState::new("T", "input n = 2\nm = n * 3 MB"));
        let next = state.reduce(Action::Edit("input n = 5\nm = n * 3 MB".into()));
        assert_eq!(next.title, "T");
        assert_eq!(shown(&next, "m"), "15 MB");
    }

    #[test]
    fn the_same_text_keeps_the_same_state() {
        let state = Rc::new(ModelState::new("T", "x = 1"));
        let next = state.clone().reduce(Action::Edit("x = 1".into()));
        assert!(Rc::ptr_eq(&state, &next));
    }

    #[test]
    fn an_edit_with_an_error_keeps_the_other_values() {
        let state = Rc::new(ModelState::new("T", "a = 1 MB"));
        let next = state.reduce(Action::Edit("a = 1 MB\nb = nope + 1".into()));
        assert_eq!(shown(&next, "a"), "1 MB");
        assert_eq!(next.report.problems.len(), 1);
        assert_eq!(next.report.problems[0].line, 2);
    }
}
