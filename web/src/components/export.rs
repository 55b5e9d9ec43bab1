//! Export: the results as Markdown (ready to paste into a design doc),
//! JSON, CSV of the series, and SVG of each chart; copied or downloaded.
//! The texts are the core's exports.

use crate::browser;
use crate::components::dialog::{copy_button, copy_status, Ui, UiAction};
use crate::state::AppState;
use crate::view;
use headroom_core::{chart, export};
use yew::prelude::*;

/// An export format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Markdown tables.
    #[default]
    Markdown,
    /// The JSON of the command line.
    Json,
    /// The series as CSV.
    Csv,
    /// One chart as SVG.
    Svg,
}

impl Format {
    const ALL: [Format; 4] = [Format::Markdown, Format::Json, Format::Csv, Format::Svg];

    fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
            Format::Csv => "CSV (series)",
            Format::Svg => "SVG (charts)",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Svg => "svg",
        }
    }

    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Markdown => ("md", "text/markdown"),
            Format::Json => ("json", "application/json"),
            Format::Csv => ("csv", "text/csv"),
            Format::Svg => ("svg", "image/svg+xml"),
        }
    }
}

/// A file name from a model name: `Web service` gives `web-service`.
/// ASCII letters are lowercased and other ASCII characters become dashes;
/// other characters are kept as they are (the standard library's Unicode
/// tables would cost more than they give here).
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        // Two stems and an extension stay well under the 255 bytes a file
        // name may have.
        if out.len() + c.len_utf8() > 80 {
            break;
        }
        if c.is_ascii_alphanumeric() || !c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        String::from("headroom")
    } else {
        out.to_string()
    }
}

/// The export dialog's content.
pub fn export(state: &AppState, ui: &Ui, set: &Callback<UiAction>) -> Html {
    let report = &state.doc.report;
    let name = &*state.doc.name;
    let format = ui.format;
    // A file holds one chart, or one table of series: the dialog picks which.
    let parts: Vec<(String, String, String)> = match format {
        Format::Svg => view::all_charts(report)
            .iter()
            .map(|c| (c.name.clone(), chart::svg(c), [file_stem(name), file_stem(&c.name)].join("-")))
            .collect(),
        Format::Csv => {
            let tables = export::csv(report);
            let several = tables.len() > 1;
            tables
                .into_iter()
                .map(|t| {
                    // One of several tables is named by its first series.
                    let first = t.name.split(", ").next().filter(|_| several);
                    let stem = first.map_or_else(|| file_stem(name), |f| [file_stem(name), file_stem(f)].join("-"));
                    // The option names a few series, not every one.
                    let names: Vec<&str> = t.name.split(", ").collect();
                    let label = match names.len() {
                        n if n > 4 => format!("{} and {} more", names[..3].join(", "), n - 3),
                        _ => t.name.clone(),
                    };
                    (label, t.text, stem)
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let index = ui.part.min(parts.len().saturating_sub(1));
    let (text, stem) = match format {
        Format::Markdown => (export::markdown(report, name), file_stem(name)),
        Format::Json => (export::json(report), file_stem(name)),
        Format::Csv | Format::Svg => match parts.get(index) {
            Some((_, text, stem)) => (text.clone(), stem.clone()),
            None => (String::new(), file_stem(name)),
        },
    };
    let tabs = Format::ALL.iter().map(|&f| {
        let onclick = set.reform(move |_: MouseEvent| UiAction::Format(f));
        html! {
            <button type="button" id={["export-", f.key()].concat()} class="segment" aria-pressed={(format == f).to_string()} {onclick}>
                { f.label() }
            </button>
        }
    });
    let picker = (parts.len() > 1).then(|| {
        let onchange = set.reform(|e: Event| {
            let i = e.target_unchecked_into::<web_sys::HtmlSelectElement>().selected_index();
            UiAction::Part(usize::try_from(i).unwrap_or(0))
        });
        let label = if format == Format::Svg { "Chart " } else { "Series " };
        html! {
            <p>
                <label for="export-part">{ label }</label>
                <select id="export-part" {onchange}>
                    { for parts.iter().enumerate().map(|(i, (part, _, _))| html! {
                        <option selected={i == index}>{ part.clone() }</option>
                    }) }
                </select>
            </p>
        }
    });
    let body = if text.is_empty() {
        let empty = match format {
            Format::Csv => "This model has no series to export as CSV.",
            Format::Svg => "This model has no charts.",
            _ => "Nothing to export.",
        };
        html! { <p class="empty">{ empty }</p> }
    } else {
        let (ext, mime) = format.file();
        let file_name = [&stem, ".", ext].concat();
        let download = {
            let text = text.clone();
            set.reform(move |_: MouseEvent| {
                UiAction::Downloaded(browser::download(&file_name, mime, &text).map(|()| file_name.clone()))
            })
        };
        html! {
            <>
                <pre id="export-text" class="code" tabindex="0" role="textbox" aria-readonly="true" aria-multiline="true" aria-label={[format.label(), " export"].concat()}>{ text.clone() }</pre>
                <div class="copy-row">
                    { copy_button("export-copy", "Copy", text, set) }
                    <button type="button" id="export-download" onclick={download}>{ "Download" }</button>
                </div>
                { copy_status(&ui.copied, format.label()) }
                if let Some(Ok(name)) = &ui.download {
                    <span class="copy-status ok" role="status">{ ["Downloaded “", name, "”."].concat() }</span>
                }
                if let Some(Err(why)) = &ui.download {
                    <span class="copy-status failed">{ ["Could not download: ", why].concat() }</span>
                }
            </>
        }
    };
    html! {
        <div class="export">
            <div class="segments" role="group" aria-label="Format">{ for tabs }</div>
            { picker.unwrap_or_default() }
            { body }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_are_lowercase_words_joined_by_dashes() {
        assert_eq!(file_stem("Web service"), "web-service");
        assert_eq!(file_stem("Batch job in waves!"), "batch-job-in-waves");
        assert_eq!(file_stem("  "), "headroom");
        assert_eq!(file_stem("ingest_then"), "ingest-then");
        assert_eq!(file_stem("Café Plan"), "café-plan");
        let long = file_stem(&"Long title é ".repeat(30));
        assert!(long.len() <= 80 && long.starts_with("long-title-é-long") && !long.ends_with('-'), "{long}");
    }
}
