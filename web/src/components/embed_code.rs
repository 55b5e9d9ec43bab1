//! Embed: the `<iframe>` code that puts this scenario's inputs and results
//! into another page, sized by the height the embed posts to its parent.

use crate::browser;
use crate::components::dialog::{copy_button, copy_status, Ui, UiAction};
use crate::state::AppState;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The embed code for the scenario at `url`: the iframe, and a script that
/// sets its height from the `headroom:height` messages it posts.
pub fn snippet(url: &str, origin: &str, title: &str) -> String {
    let attr = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"480\" style=\"border:0\" loading=\"lazy\"></iframe>\n\
         <script>\n\
         addEventListener(\"message\", function (e) {{\n  \
           if (e.origin !== \"{}\" || !e.data || e.data.type !== \"{}\") return;\n  \
           document.querySelectorAll(\"iframe\").forEach(function (f) {{\n    \
             if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\";\n  \
           }});\n\
         }});\n\
         </script>\n",
        attr(url),
        attr(title),
        // An origin is a scheme, host and port: nothing to escape in a
        // JavaScript string but what could end it.
        origin.replace(['"', '\\', '<'], ""),
        browser::HEIGHT_MESSAGE,
    )
}

/// The embed dialog's content.
pub fn embed_code(state: &AppState, ui: &Ui, set: &Callback<UiAction>) -> Html {
    let query = if ui.readonly { "?embed&readonly" } else { "?embed" };
    let fragment = match state.share_link() {
        Ok(fragment) => fragment,
        Err(why) => return crate::components::share::too_large(why),
    };
    let url = browser::page_url(query, &fragment);
    let code = snippet(&url, &browser::origin(), &state.doc.name);
    let onchange = set.reform(|e: Event| UiAction::Readonly(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <div class="embed-code">
            <p class="hint">
                { "Put this scenario's inputs and results into a design doc or wiki page. \
                   The embed tells the page its height, and the script sets the frame to fit." }
            </p>
            <label class="check-option">
                <input type="checkbox" id="embed-readonly" checked={ui.readonly} {onchange} />
                { " Read-only inputs" }
            </label>
            <label for="embed-snippet">{ "Embed code" }</label>
            <textarea id="embed-snippet" class="code" readonly=true rows="9" value={code.clone()} spellcheck="false" />
            <div class="copy-row">
                { copy_button("copy-embed", "Copy embed code", code, set) }
                <a id="preview-embed" href={url} target="_blank" rel="noopener">{ "Open the embed view" }</a>
            </div>
            { copy_status(&ui.copied, "Embed code") }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_frames_the_url_and_listens_to_its_origin_only() {
        let url = "https://example.org/app/?embed&readonly#preset=betcode&sessions=40";
        let code = snippet(url, "https://example.org", "BetCode \"alpha\"");
        assert!(code.starts_with(
            "<iframe src=\"https://example.org/app/?embed&amp;readonly#preset=betcode&amp;sessions=40\" title=\"BetCode &quot;alpha&quot;\""
        ), "{code}");
        assert!(code.contains("e.origin !== \"https://example.org\""), "{code}");
        assert!(code.contains("\"headroom:height\""), "{code}");
    }
}
