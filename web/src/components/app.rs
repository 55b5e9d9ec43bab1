//! The root: the state, the hooks that mirror it into the browser, and the
//! full app or the embed view, as the URL asks.

use crate::browser;
use crate::components::embed_view::embed_view;
use crate::components::workbench::workbench;
use crate::hooks::{use_autosave, use_embed_height, use_evaluate, use_url};
use crate::state::{AppState, Boot};
use std::rc::Rc;
use yew::prelude::*;

/// The app's state with its dispatcher, as the app hands it to its parts.
pub type AppContext = UseReducerHandle<AppState>;

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What to start from; by default, read from the browser (URL and
    /// saved models). Tests pass their own.
    #[prop_or_default]
    pub boot: Option<Rc<Boot>>,
    /// Draw a long model's first screen of results before the rest (see
    /// [`crate::components::results::ResultsProps::progressive`]). The page
    /// sets it; tests that read the whole page at once leave it off.
    #[prop_or_default]
    pub progressive: bool,
}

/// The whole app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let boot = props.boot.clone();
    let state = use_reducer(move || AppState::start(boot.map_or_else(browser::boot, Rc::unwrap_or_clone)));
    use_evaluate(&state);
    use_autosave(&state);
    use_url(&state);
    // The embed tells the embedding page its height.
    let embed = state.mode.embed;
    let root = use_node_ref();
    use_embed_height(root.clone(), embed);
    {
        let state = state.clone();
        use_effect_with(state.doc.generation, move |_| {
            let idle = browser::when_idle(500, move || state.rehearse_change());
            move || drop(idle)
        });
    }
    // Back on a phone tab, the page is where it was on it.
    let generation = state.doc.generation;
    use_effect_with(state.tab, move |tab| browser::return_to_tab(*tab as usize, generation));
    // An explanation opened near the bottom of the screen comes into view.
    use_effect_with(state.doc.open.clone(), |open| {
        if let Some(name) = open {
            browser::reveal(&crate::view::explain_id(name));
        }
    });
    if embed {
        embed_view(&state, root)
    } else {
        workbench(&state, props.progressive)
    }
}
