//! Series of the same length: one compact table (a column per series)
//! with a small line chart of each numeric series beside it, check
//! thresholds drawn across, and each chart's explanation on request.

use crate::components::chart::SeriesChart;
use crate::components::explanation::Explanation;
use crate::components::value_card::conventions;
use crate::view;
use headroom_core::explain;
use headroom_core::report::Shown;
use headroom_core::Report;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`SeriesBlock`].
#[derive(Properties, PartialEq)]
pub struct SeriesBlockProps {
    /// The evaluated model.
    pub report: Rc<Report>,
    /// Which of [`Report::series_groups`].
    pub group: usize,
    /// The value whose explanation is open.
    #[prop_or_default]
    pub open: Option<AttrValue>,
    /// Its explanation.
    #[prop_or_default]
    pub explanation: Option<Rc<explain::Explanation>>,
    /// Called with a series' name to open its explanation, `None` to close.
    pub onexplain: Callback<Option<String>>,
}

/// A table and charts of series.
#[function_component(SeriesBlock)]
pub fn series_block(props: &SeriesBlockProps) -> Html {
    let groups = props.report.series_groups();
    let Some(group) = groups.get(props.group) else { return Html::default() };
    let rows = match &group[0].display {
        Shown::Series(s) => s.len(),
        _ => 0,
    };
    let cell = |i: usize, v: &headroom_core::report::ValueView| match &v.display {
        Shown::Series(s) => s.get(i).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    let names: Vec<&str> = group.iter().map(|v| v.name.as_str()).collect();
    let open = props.open.as_deref().filter(|o| names.contains(o));
    let charts = view::group_charts(&props.report, group).into_iter().map(|chart| {
        let name = chart.name.clone();
        let is_open = open == Some(name.as_str());
        let onclick = {
            let name = name.clone();
            props.onexplain.reform(move |_: MouseEvent| (!is_open).then(|| name.clone()))
        };
        let convs = group.iter().find(|v| v.name == name).map(|v| conventions(&v.conventions));
        html! {
            <figure class="chart-figure" data-name={name.clone()}>
                <SeriesChart chart={Rc::new(chart.clone())} />
                <figcaption>
                    <code>{ name.clone() }</code>
                    if !chart.unit.is_empty() { <span class="unit">{ format!(" in {}", chart.unit) }</span> }
                    { convs.unwrap_or_default() }
                    <button
                        type="button"
                        class="explain-series"
                        aria-expanded={is_open.to_string()}
                        aria-controls={format!("explain-{name}")}
                        aria-label={format!("How {name} is computed")}
                        {onclick}
                    >
                        { "Explain" }
                    </button>
                </figcaption>
            </figure>
        }
    });
    let explanation = open.map(|name| {
        html! {
            <div id={format!("explain-{name}")} class="explanation-wrap">
                if let Some(e) = &props.explanation {
                    <Explanation explanation={e.clone()} />
                }
            </div>
        }
    });
    html! {
        <div class="series-block" data-series={names.join(" ")}>
            <div class="series-table-wrap" tabindex="0" role="region" aria-label={format!("Series: {}", names.join(", "))}>
                <table class="series-table">
                    <thead>
                        <tr>{ for group.iter().map(|v| html! { <th scope="col" data-name={v.name.clone()}><code>{ v.name.clone() }</code></th> }) }</tr>
                    </thead>
                    <tbody>
                        { for (0..rows).map(|i| html! {
                            <tr>{ for group.iter().map(|v| html! { <td>{ cell(i, v) }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="series-charts">{ for charts }</div>
            { explanation.unwrap_or_default() }
        </div>
    }
}
