//! The inputs and results, in model order under the model's `##`
//! headings: input controls, value rows, checks, tables and series blocks,
//! with the model's conventions and a row of all check badges on top.

use crate::browser;
use crate::components::check_row::{check_key, check_row};
use crate::components::check_summary::check_summary;
use crate::components::input_control::{InputControl, InputEvents};
use crate::components::series_block::series_block;
use crate::components::table_view::table_view;
use crate::components::value_card::value_card;
use crate::state::{Action, AppState};
use crate::view::{self, Run};
use headroom_core::diagnostic::ErrorKind;
use headroom_core::explain::Explanation;
use headroom_core::Report;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Results`]. They compare the report and the explanation by
/// identity (the state makes new ones whenever they change), so an edit
/// that waits to be evaluated does not render the results again.
#[derive(Properties)]
pub struct ResultsProps {
    /// The evaluated model.
    pub report: Rc<Report>,
    /// The value whose explanation is open.
    #[prop_or_default]
    pub open: Option<AttrValue>,
    /// Its explanation.
    #[prop_or_default]
    pub explanation: Option<Rc<Explanation>>,
    /// Refused field values, by input name.
    #[prop_or_default]
    pub rejected: Vec<(String, String)>,
    /// Inputs cannot be changed.
    #[prop_or_default]
    pub readonly: bool,
    /// Changes when another model opens (resets half-typed fields).
    #[prop_or_default]
    pub generation: u32,
    /// Where input changes and explanation requests go.
    pub dispatch: UseReducerDispatcher<AppState>,
    /// When a model opens, draw the sections of the first screen, and the
    /// rest once the browser has painted them: a long model's results then
    /// show in a fraction of the time the whole page takes to build.
    #[prop_or_default]
    pub progressive: bool,
}

impl PartialEq for ResultsProps {
    fn eq(&self, other: &Self) -> bool {
        let same_work = match (&self.explanation, &other.explanation) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        Rc::ptr_eq(&self.report, &other.report)
            && same_work
            && self.open == other.open
            && self.rejected == other.rejected
            && self.readonly == other.readonly
            && self.generation == other.generation
            && self.dispatch == other.dispatch
            && self.progressive == other.progressive
    }
}

/// The inputs and results.
#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let report = &props.report;
    let open = props.open.as_deref();
    let work = props.explanation.as_deref();
    let dispatch = props.dispatch.to_callback();
    // The same callbacks from render to render, so that an input control
    // whose own value did not change is left alone.
    let events = use_memo(props.dispatch.clone(), |dispatch| {
        let dispatch = dispatch.to_callback();
        InputEvents {
            ontype: dispatch.reform(|(name, text, before)| Action::TypeInputFrom { name, text, before }),
            onslide: dispatch.reform(|(name, value)| Action::SlideInput { name, value }),
            onreset: dispatch.reform(Action::ResetInput),
            onrevert: dispatch.reform(Action::Revert),
        }
    });
    let onexplain = dispatch.reform(Action::Explain);
    // The model generation whose sections are all drawn.
    let drawn = use_state_eq(|| None::<u32>);
    {
        let drawn = drawn.clone();
        let progressive = props.progressive;
        use_effect_with(props.generation, move |&generation| {
            let pending = progressive.then(|| browser::after_paint(move || drawn.set(Some(generation)))).flatten();
            move || drop(pending)
        });
    }
    let complete = !props.progressive || *drawn == Some(props.generation);
    let run_html = |run: &Run<'_>| match run {
        Run::Inputs(list) => html! {
            <div class="inputs-grid">
                { for list.iter().map(|v| {
                    let error = props.rejected.iter().find(|(n, _)| *n == v.name).map(|(_, m)| AttrValue::from(m.clone()));
                    html! {
                        <InputControl
                            key={format!("{}/{}", props.generation, v.name)}
                            report={report.clone()}
                            name={v.name.clone()}
                            {error}
                            readonly={props.readonly}
                            events={(*events).clone()}
                        />
                    }
                }) }
            </div>
        },
        Run::Values(list) => html! {
            <div class="values">
                { for list.iter().map(|v| {
                    let is_open = open == Some(v.name.as_str());
                    value_card(v, is_open, work.filter(|_| is_open), &onexplain)
                }) }
            </div>
        },
        Run::Checks(list) => html! {
            <div class="checks">
                { for list.iter().map(|c| {
                    // Checks are numbered in model order; each has a line of its own.
                    let index = report.checks().position(|x| x.line == c.line).unwrap_or(0);
                    let is_open = open == Some(check_key(index).as_str());
                    keyed(check_row(c, index, is_open, work.filter(|_| is_open), &onexplain), index)
                }) }
            </div>
        },
        Run::Series(group) => series_block(report, *group, open, work, &onexplain),
        Run::Table(t) => table_view(t),
    };
    let mut sections = view::layout(report);
    if !complete {
        sections.truncate(view::first_screen(&sections));
    }
    // Keyed by place (see `keyed`).
    let sections = sections.into_iter().enumerate().map(|(i, s)| {
        // Every child keyed (the heading too): a list with one unkeyed
        // child is matched from the end.
        let heading = s.title.map(|title| html! { <h2 key="heading">{ title }</h2> });
        let runs = s.runs.iter().enumerate().map(|(k, run)| keyed(run_html(run), k));
        html! {
            <section class="group" key={i}>
                { for heading.into_iter().chain(runs) }
            </section>
        }
    });
    html! {
        <section id="results" class="results" tabindex="-1" aria-label="Inputs and results" aria-busy={(!complete).to_string()}>
            if !report.conventions.is_empty() {
                <p class="model-conventions">
                    <span>{ "Conventions of this model:" }</span>
                    { for report.conventions.iter().map(|c| html! { <span class="convention">{ c }</span> }) }
                </p>
            }
            if !report.input_errors.is_empty() {
                <ul class="input-problems" aria-label="Input values not used">
                    { for report.input_errors.iter().map(|e| html! { <li>{ e }</li> }) }
                </ul>
            }
            { check_summary(report) }
            if report.items.is_empty() {
                // A model too large to read has no lines to show: say why.
                <p class="empty">{
                    match report.problems.first() {
                        // The size of the whole text has no line of its own.
                        Some(p) if p.diagnostic.kind == ErrorKind::SourceTooLarge => {
                            ["Nothing to show: ", &p.diagnostic.message, "."].concat()
                        }
                        Some(p) => ["Nothing to show: ", &p.diagnostic.message, " (line ", &p.line.to_string(), ")."].concat(),
                        None => String::from("Nothing to show yet: write an input or a value in the model."),
                    }
                }</p>
            }
            // A fragment of its own, so that the keyed sections are not
            // matched with the unkeyed nodes above (see `keyed`).
            <>{ for sections }</>
        </section>
    }
}

/// `html` with `key` on its root element. Yew matches the nodes of a list
/// by key when every one has a key, and unkeyed ones from the end: a line
/// added below a series table would redraw the table and all before it.
fn keyed(mut html: Html, key: usize) -> Html {
    if let Html::VTag(tag) = &mut html {
        std::rc::Rc::make_mut(tag).key = Some(key.into());
    }
    html
}
