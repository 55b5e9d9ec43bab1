//! The inputs and results, in model order under the model's `##`
//! headings: input controls, value rows, checks, tables and series blocks,
//! with the model's conventions and a row of all check badges on top.

use crate::components::check_row::CheckRow;
use crate::components::check_summary::CheckSummary;
use crate::components::input_control::{InputControl, InputEvents};
use crate::components::series_block::SeriesBlock;
use crate::components::table_view::TableView;
use crate::components::value_card::ValueCard;
use crate::state::Action;
use crate::view::{self, Run};
use headroom_core::explain::Explanation;
use headroom_core::Report;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
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
    /// What the input controls report.
    pub events: InputEvents,
    /// Called to open a value's explanation (or close it, with `None`).
    pub onexplain: Callback<Option<String>>,
}

/// The callbacks of [`Results`] as actions.
pub fn results_events(dispatch: &Callback<Action>) -> (InputEvents, Callback<Option<String>>) {
    let events = InputEvents {
        ontype: dispatch.reform(|(name, text)| Action::TypeInput { name, text }),
        onslide: dispatch.reform(|(name, value)| Action::SlideInput { name, value }),
        onreset: dispatch.reform(Action::ResetInput),
        onrevert: dispatch.reform(Action::Revert),
    };
    (events, dispatch.reform(Action::Explain))
}

/// The inputs and results.
#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let report = &props.report;
    let open = props.open.as_deref();
    let run_html = |run: &Run<'_>| match run {
        Run::Inputs(list) => html! {
            <div class="inputs-grid">
                { for list.iter().map(|v| {
                    let error = props.rejected.iter().find(|(n, _)| *n == v.name).map(|(_, m)| AttrValue::from(m.clone()));
                    html! {
                        <InputControl
                            key={format!("{}/{}", props.generation, v.name)}
                            view={(*v).clone()}
                            {error}
                            readonly={props.readonly}
                            events={props.events.clone()}
                        />
                    }
                }) }
            </div>
        },
        Run::Values(list) => html! {
            <div class="values">
                { for list.iter().map(|v| {
                    let is_open = open == Some(v.name.as_str());
                    html! {
                        <ValueCard
                            key={v.name.clone()}
                            view={(*v).clone()}
                            open={is_open}
                            explanation={props.explanation.clone().filter(|_| is_open)}
                            onexplain={props.onexplain.clone()}
                        />
                    }
                }) }
            </div>
        },
        Run::Checks(list) => html! {
            <div class="checks">{ for list.iter().map(|c| html! { <CheckRow view={(*c).clone()} /> }) }</div>
        },
        Run::Series(group) => html! {
            <SeriesBlock
                report={report.clone()}
                group={*group}
                open={props.open.clone()}
                explanation={props.explanation.clone()}
                onexplain={props.onexplain.clone()}
            />
        },
        Run::Table(t) => html! { <TableView view={(*t).clone()} /> },
    };
    let sections = view::layout(report).into_iter().map(|s| {
        html! {
            <section class="group">
                if let Some(title) = s.title {
                    <h2>{ title }</h2>
                }
                { for s.runs.iter().map(run_html) }
            </section>
        }
    });
    html! {
        <section id="results" class="results" aria-label="Inputs and results">
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
            <CheckSummary report={report.clone()} />
            if report.items.is_empty() {
                <p class="empty">{ "Nothing to show yet: write an input or a value in the model." }</p>
            }
            { for sections }
        </section>
    }
}
