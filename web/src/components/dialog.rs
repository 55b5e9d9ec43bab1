//! The dialogs that open from the header (gallery, saved models, share,
//! embed, export), in one modal: the browser's `<dialog>`, which keeps
//! focus inside, makes the page behind it inert and closes on Escape. Only
//! one is open at a time, so they share one small state ([`Ui`]).

use crate::browser;
use crate::components::app::AppContext;
use crate::components::embed_code::embed_code;
use crate::components::export::{export, Format};
use crate::components::gallery::gallery;
use crate::components::saved::saved;
use crate::components::share::share;
use crate::state::{Action, Panel};
use std::rc::Rc;
use web_sys::HtmlDialogElement;
use yew::prelude::*;

/// What became of the last copy.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Copied {
    /// Nothing copied yet.
    #[default]
    Not,
    /// On the clipboard.
    Done,
    /// The browser refused: why.
    Failed(String),
}

/// What the open dialog remembers between renders.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ui {
    /// The last copy to the clipboard.
    pub copied: Copied,
    /// The last download: the file's name, or why it failed.
    pub download: Option<Result<String, String>>,
    /// Export: the format shown.
    pub format: Format,
    /// Export: which chart (SVG) or table of series (CSV).
    pub part: usize,
    /// Embed: read-only inputs.
    pub readonly: bool,
    /// Saved models: the one being renamed, with the name typed so far.
    pub renaming: Option<(u32, String)>,
    /// Saved models: the one asked about before deleting.
    pub confirming: Option<u32>,
    /// Saved models: what the last rename did that was not asked for.
    pub note: Option<String>,
}

/// A change of [`Ui`].
#[derive(Clone, Debug, PartialEq)]
pub enum UiAction {
    /// A copy finished.
    Copied(Result<(), String>),
    /// A download worked (the file's name) or failed (why).
    Downloaded(Result<String, String>),
    /// Show another export format.
    Format(Format),
    /// Export another chart or table of series.
    Part(usize),
    /// Read-only inputs in the embed, or not.
    Readonly(bool),
    /// Start or go on renaming (id, name typed); `None` stops.
    Rename(Option<(u32, String)>),
    /// Ask before deleting a model; `None` stops asking.
    Confirm(Option<u32>),
    /// Say what a rename did (a number added, a blank name refused).
    Note(Option<String>),
}

impl Reducible for Ui {
    type Action = UiAction;

    fn reduce(self: Rc<Self>, action: UiAction) -> Rc<Self> {
        let mut ui = Rc::unwrap_or_clone(self);
        match action {
            // The status says what was done last: a copy or a download.
            UiAction::Copied(r) => {
                ui.download = None;
                ui.copied = r.map_or_else(Copied::Failed, |()| Copied::Done);
            }
            UiAction::Downloaded(r) => {
                ui.copied = Copied::Not;
                ui.download = Some(r);
            }
            // What is shown changes: the outcome of the last copy or
            // download no longer applies.
            UiAction::Format(f) => ui = Ui { format: f, ..Ui::default() },
            UiAction::Part(i) => ui = Ui { part: i, format: ui.format, ..Ui::default() },
            UiAction::Readonly(r) => ui = Ui { readonly: r, ..Ui::default() },
            UiAction::Rename(r) => {
                ui.note = None;
                ui.renaming = r;
            }
            UiAction::Note(n) => ui.note = n,
            UiAction::Confirm(c) => ui.confirming = c,
        }
        Rc::new(ui)
    }
}

/// A button that copies `text`; the outcome goes to `set`.
pub fn copy_button(id: &'static str, label: &'static str, text: String, set: &Callback<UiAction>) -> Html {
    let done = set.reform(UiAction::Copied);
    let onclick = Callback::from(move |_: MouseEvent| browser::copy(text.clone(), done.clone()));
    html! { <button type="button" {id} class="primary" {onclick}>{ label }</button> }
}

/// A status line for a copy button: `what` was copied, or why not. The
/// live region is always there, so screen readers announce what it gets.
pub fn copy_status(copied: &Copied, what: &str) -> Html {
    let text = match copied {
        Copied::Not => String::new(),
        Copied::Done => [what, " copied to the clipboard."].concat(),
        Copied::Failed(why) => ["Could not copy (", why, "). Select the text above and copy it yourself."].concat(),
    };
    let class = match copied {
        Copied::Failed(_) => "copy-status failed",
        _ => "copy-status ok",
    };
    html! { <span class={class} role="status">{ text }</span> }
}

/// Props of [`Dialog`].
#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// The app's state.
    pub state: AppContext,
    /// Which dialog.
    pub panel: Panel,
}

/// The open dialog, as a modal while it is rendered; closing it (Escape or
/// the Close button) dispatches [`Action::Close`].
#[function_component(Dialog)]
pub fn dialog(props: &DialogProps) -> Html {
    let node = use_node_ref();
    // The button that opened it, read before the dialog is in the page: it
    // gets the focus back when the dialog closes.
    let opener = use_state(browser::focused);
    let ui = use_reducer(Ui::default);
    {
        let node = node.clone();
        let opener = (*opener).clone();
        use_effect_with((), move |()| {
            let dialog = node.cast::<HtmlDialogElement>();
            if let Some(d) = &dialog {
                browser::show_modal(d);
            }
            move || {
                if let Some(d) = dialog.filter(HtmlDialogElement::open) {
                    d.close();
                }
                if let Some(opener) = opener.filter(|o| o.is_connected()) {
                    let _ = opener.focus();
                }
            }
        });
    }
    let state = &props.state;
    let dispatch = state.dispatcher().to_callback();
    let set = ui.dispatcher().to_callback();
    let (id, title, body) = match props.panel {
        Panel::Gallery => ("gallery", "Gallery", gallery(&dispatch)),
        Panel::Saved => ("saved", "Saved models", saved(state, &dispatch, &ui, &set)),
        Panel::Share => ("share", "Share", share(state, &ui, &set)),
        Panel::Embed => ("embed", "Embed", embed_code(state, &ui, &set)),
        Panel::Export => ("export", "Export", export(state, &ui, &set)),
    };
    let onclose = dispatch.reform(|_: Event| Action::Close);
    let close = {
        let node = node.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = node.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let title_id = [id, "-title"].concat();
    html! {
        <dialog ref={node} {id} class="dialog" aria-labelledby={title_id.clone()} {onclose}>
            <div class="dialog-head">
                <h2 id={title_id}>{ title }</h2>
                <button type="button" class="close" onclick={close}>{ "Close" }</button>
            </div>
            <div class="dialog-body">{ body }</div>
        </dialog>
    }
}
