//! The model's errors, each with its line and column, under the editor.
//! Renders nothing when the model has none.

use headroom_core::Report;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Problems`].
#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    /// The evaluated model.
    pub report: Rc<Report>,
}

/// The list of errors.
#[function_component(Problems)]
pub fn problems(props: &ProblemsProps) -> Html {
    let report = &props.report;
    if report.problems.is_empty() && report.input_errors.is_empty() {
        return Html::default();
    }
    let problems = report.problems.iter().map(|p| {
        let d = &p.diagnostic;
        html! {
            <li class="problem" data-line={p.line.to_string()} data-code={d.kind.code()}>
                <span class="where">{ format!("Line {}, column {}", p.line, p.column) }</span>
                <span class="message">{ &d.message }</span>
                if let Some(help) = &d.help {
                    <span class="help">{ help }</span>
                }
            </li>
        }
    });
    let input_errors = report.input_errors.iter().map(|e| html! { <li class="problem">{ e }</li> });
    html! {
        <ul id="problems" class="problems" role="status" aria-label="Errors in the model">
            { for problems }
            { for input_errors }
        </ul>
    }
}
