//! The root: the state, the hooks that mirror it into the browser, and the
//! full app or the embed view, as the URL asks.

use crate::browser;
use crate::components::embed_view::EmbedView;
use crate::components::workbench::Workbench;
use crate::hooks::{use_autosave, use_evaluate, use_url};
use crate::state::{AppState, Boot};
use std::rc::Rc;
use yew::prelude::*;

/// The shared state, as components read it with `use_context`.
pub type AppContext = UseReducerHandle<AppState>;

/// The shared state from a component; panics outside [`App`].
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("app state provider missing")
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What to start from; by default, read from the browser (URL and
    /// saved models). Tests pass their own.
    #[prop_or_default]
    pub boot: Option<Rc<Boot>>,
}

/// The whole app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let boot = props.boot.clone();
    let state = use_reducer(move || AppState::start(boot.map_or_else(browser::boot, Rc::unwrap_or_clone)));
    use_evaluate(&state);
    use_autosave(&state);
    use_url(&state);
    let embed = state.mode.embed;
    html! {
        <ContextProvider<AppContext> context={state}>
            if embed { <EmbedView /> } else { <Workbench /> }
        </ContextProvider<AppContext>>
    }
}
