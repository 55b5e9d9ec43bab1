//! The full app: the header, notices, the editor beside the inputs and
//! results (one column with tabs on a phone), and the open dialog.

use crate::components::app::AppContext;
use crate::components::dialog::Dialog;
use crate::components::editor::Editor;
use crate::components::header::header;
use crate::components::notices::notices;
use crate::components::results::Results;
use crate::components::tabs::tabs;
use crate::state::{Action, Tab};
use yew::prelude::*;

/// The full app; `progressive` draws a long model's results in two steps.
pub fn workbench(state: &AppContext, progressive: bool) -> Html {
    let dispatch = state.dispatcher().to_callback();
    let doc = &state.doc;
    let tab = match state.tab {
        Tab::Results => "app show-results",
        Tab::Model => "app show-model",
    };
    let dialog = state.panel.map(|panel| html! { <Dialog key={panel as u8} state={state.clone()} {panel} /> });
    html! {
        <div class={tab}>
            // The first stop of the keyboard: past the header and the
            // editor, straight to the numbers.
            <button type="button" class="skip-link" onclick={dispatch.reform(|_: MouseEvent| {
                crate::browser::focus_soon(String::from("#results"), "#results-pane");
                Action::Tab(Tab::Results)
            })}>{ "Skip to inputs and results" }</button>
            { header(state, &dispatch) }
            { notices(state, &dispatch) }
            { tabs(state.tab, state.doc.report.problems.len(), doc.generation, &dispatch.reform(Action::Tab)) }
            <main class="workspace">
                <section id="model-pane" class="model-pane" aria-label="Model text">
                    <Editor
                        source={doc.source.clone()}
                        report={doc.report.clone()}
                        evaluated={doc.evaluated.clone()}
                        dispatch={state.dispatcher()}
                    />
                </section>
                <div id="results-pane" class="results-pane">
                    <Results
                        report={doc.report.clone()}
                        explanation={doc.explanation.clone()}
                        open={doc.open.clone().map(AttrValue::from)}
                        rejected={doc.rejected.clone()}
                        generation={doc.generation}
                        dispatch={state.dispatcher()}
                        {progressive}
                    />
                </div>
            </main>
            { dialog.unwrap_or_default() }
        </div>
    }
}
