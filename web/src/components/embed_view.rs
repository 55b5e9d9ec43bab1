//! The embed: only the model's inputs and results (read-only with
//! `&readonly`), with a link to the full app, posting its height to the
//! embedding page so the frame fits.

use crate::browser;
use crate::components::app::AppContext;
use crate::components::notices::notice_box;
use crate::components::results::Results;
use crate::state::Notice;
use yew::prelude::*;

/// The compact embed view; `root` is the element whose height the
/// embedding page is told.
pub fn embed_view(state: &AppContext, root: NodeRef) -> Html {
    let dispatch = state.dispatcher().to_callback();
    let doc = &state.doc;
    let full = browser::page_url("", &state.share_fragment());
    let notice = match &state.notice {
        Some(Notice::BadLink(why)) => {
            Some(["This link could not be opened: ", why, ". Showing the default model."].concat())
        }
        Some(Notice::LinkInputs(p)) => Some(["Some values in this link were not used: ", &p.join("; ")].concat()),
        _ => None,
    };
    html! {
        // The embed is a page of its own: its model is its heading and its
        // main landmark.
        <main ref={root} class="embed" data-readonly={state.mode.readonly.to_string()}>
            <header class="embed-head">
                <h1 id="model-title" class="model-title">{ doc.name.clone() }</h1>
                if state.mode.readonly { <span class="save-state">{ "read-only" }</span> }
                <a class="open-full" href={full} target="_blank" rel="noopener">{ "Open in Headroom" }</a>
            </header>
            { notice.map(|text| notice_box("error", html! { <p>{ text }</p> }, &dispatch)).unwrap_or_default() }
            <Results
                report={doc.report.clone()}
                explanation={doc.explanation.clone()}
                open={doc.open.clone().map(AttrValue::from)}
                rejected={doc.rejected.clone()}
                readonly={state.mode.readonly}
                generation={doc.generation}
                dispatch={state.dispatcher()}
            />
        </main>
    }
}
