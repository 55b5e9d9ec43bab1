//! Export: the results as Markdown (ready to paste into a design doc),
//! JSON, CSV of the series, and SVG of each chart; copied or downloaded.
//! The texts are the core's exports.

use crate::browser;
use crate::components::app::use_app;
use crate::components::share::{copier, copy_status, Copied};
use crate::view;
use headroom_core::{chart, export};
use yew::prelude::*;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown tables.
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
pub fn file_stem(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
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
#[function_component(Export)]
pub fn export_panel() -> Html {
    let state = use_app();
    let format = use_state(|| Format::Markdown);
    let chart_index = use_state(|| 0usize);
    let copied = use_state(|| Copied::Not);
    let failed = use_state(|| None::<String>);
    let report = &state.doc.report;
    let name = state.doc.name.to_string();
    let charts = if *format == Format::Svg { view::all_charts(report) } else { Vec::new() };
    let index = (*chart_index).min(charts.len().saturating_sub(1));
    let (text, stem) = match *format {
        Format::Markdown => (export::markdown(report, &name), file_stem(&name)),
        Format::Json => (export::json(report), file_stem(&name)),
        Format::Csv => (export::csv(report), file_stem(&name)),
        Format::Svg => match charts.get(index) {
            Some(c) => (chart::svg(c), format!("{}-{}", file_stem(&name), file_stem(&c.name))),
            None => (String::new(), file_stem(&name)),
        },
    };
    let empty = match *format {
        Format::Csv => "This model has no series to export as CSV.",
        Format::Svg => "This model has no charts.",
        _ => "Nothing to export.",
    };
    let (ext, mime) = format.file();
    let file_name = format!("{stem}.{ext}");
    let tabs = Format::ALL.iter().map(|&f| {
        let onclick = {
            let (format, copied, failed) = (format.clone(), copied.clone(), failed.clone());
            Callback::from(move |_: MouseEvent| {
                format.set(f);
                copied.set(Copied::Not);
                failed.set(None);
            })
        };
        html! {
            <button type="button" id={format!("export-{}", f.key())} class="segment" aria-pressed={(*format == f).to_string()} {onclick}>
                { f.label() }
            </button>
        }
    });
    let chart_picker = (*format == Format::Svg && charts.len() > 1).then(|| {
        let onchange = {
            let chart_index = chart_index.clone();
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().selected_index();
                chart_index.set(usize::try_from(v).unwrap_or(0));
            })
        };
        html! {
            <p>
                <label for="export-chart">{ "Chart " }</label>
                <select id="export-chart" {onchange}>
                    { for charts.iter().enumerate().map(|(i, c)| html! {
                        <option value={i.to_string()} selected={i == index}>{ c.name.clone() }</option>
                    }) }
                </select>
            </p>
        }
    });
    let copy = copier(text.clone(), copied.clone());
    let download = {
        let (text, failed) = (text.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            failed.set(browser::download(&file_name, mime, &text).err());
        })
    };
    let has_text = !text.is_empty();
    html! {
        <div class="export">
            <div class="segments" role="group" aria-label="Format">{ for tabs }</div>
            { chart_picker.unwrap_or_default() }
            if has_text {
                <pre id="export-text" class="code" tabindex="0" aria-label={format!("{} export", format.label())}>{ text }</pre>
                <div class="copy-row">
                    <button type="button" id="export-copy" class="primary" onclick={copy}>{ "Copy" }</button>
                    <button type="button" id="export-download" onclick={download}>{ "Download" }</button>
                </div>
                { copy_status(&copied, format.label()) }
                if let Some(why) = &*failed {
                    <span class="copy-status failed">{ format!("Could not download: {why}") }</span>
                }
            } else {
                <p class="empty">{ empty }</p>
            }
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
    }
}
