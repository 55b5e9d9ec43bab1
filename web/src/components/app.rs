//! The app shell: the header, the model editor with its errors, and the
//! results, wired to the [`ModelState`] reducer.

use crate::components::editor::Editor;
use crate::components::header::Header;
use crate::components::problems::Problems;
use crate::components::results::Results;
use crate::state::{Action, ModelState};
use yew::prelude::*;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(ModelState::initial);
    let on_edit = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Edit(text)))
    };
    html! {
        <div class="app">
            <Header title={state.title.clone()} />
            <main class="workspace">
                <section class="model-pane" aria-label="Model">
                    <Editor source={state.source.clone()} oninput={on_edit} />
                    <Problems report={state.report.clone()} />
                </section>
                <Results report={state.report.clone()} />
            </main>
        </div>
    }
}
