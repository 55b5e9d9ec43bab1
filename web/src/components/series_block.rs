//! Series of the same length: one compact table (a column per series)
//! with a small line chart of each numeric series beside it, check
//! thresholds drawn across, and each chart's explanation on request.

use crate::components::chart::series_chart;
use crate::components::explanation::explanation;
use crate::components::value_card::conventions;
use crate::view;
use headroom_core::explain::Explanation;
use headroom_core::report::{Data, Shown};
use headroom_core::Report;
use yew::prelude::*;

/// Rows shown at each end of a long series' table.
const ENDS: usize = 50;

/// A table and charts of the series group `group` (an index into
/// [`Report::series_groups`]). `open` is the value whose explanation
/// (`work`) is open; `onexplain` gets a series' name to open its
/// explanation, `None` to close it.
pub fn series_block(
    report: &Report,
    group: usize,
    open: Option<&str>,
    work: Option<&Explanation>,
    onexplain: &Callback<Option<String>>,
) -> Html {
    let groups = report.series_groups();
    let Some(group) = groups.get(group) else { return Html::default() };
    let rows = match &group[0].display {
        Shown::Series(s) => s.len(),
        _ => 0,
    };
    let cell = |i: usize, v: &headroom_core::report::ValueView| match &v.display {
        Shown::Series(s) => s.get(i).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    // A long series (a day by day projection) shows its first and last
    // rows: every row in the page would slow each update for rows nobody
    // reads there.
    let (head, tail) = if rows > 3 * ENDS { (ENDS, rows - ENDS) } else { (rows, rows) };
    let names: Vec<&str> = group.iter().map(|v| v.name.as_str()).collect();
    // Elements that stand for table rows are labelled by the rows' names.
    let labels = report.row_labels(group);
    let open = open.filter(|o| names.contains(o));
    let charts = view::group_charts(report, group);
    // The explanation of a series without a chart opens under the table,
    // where its column is; a charted one's under the charts.
    let under_table = open.is_some_and(|o| charts.iter().all(|c| c.name != o));
    let charts = charts.into_iter().map(|chart| {
        let name = chart.name.clone();
        let is_open = open == Some(name.as_str());
        let onclick = {
            let name = name.clone();
            onexplain.reform(move |_: MouseEvent| (!is_open).then(|| name.clone()))
        };
        let convs = group.iter().find(|v| v.name == name).map(|v| conventions(&v.conventions));
        html! {
            <figure class="chart-figure" data-name={name.clone()} aria-label={[name.as_str(), " chart"].concat()}>
                { series_chart(&chart) }
                <figcaption>
                    <code>{ name.clone() }</code>
                    if !chart.unit.is_empty() { <span class="unit">{ [" in ", &chart.unit].concat() }</span> }
                    { convs.unwrap_or_default() }
                    <button
                        type="button"
                        class="explain-series"
                        aria-expanded={is_open.to_string()}
                        aria-controls={view::explain_id(&name)}
                        aria-label={["Explain how ", &name, " is computed"].concat()}
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
            <div id={view::explain_id(name)} class="explanation-wrap">
                if let Some(e) = work {
                    { explanation(e) }
                }
            </div>
        }
    });
    // Every column opens its series' explanation, charted or not (a
    // series of picked rows or of truth values has no chart).
    let header = |v: &headroom_core::report::ValueView| {
        let is_open = open == Some(v.name.as_str());
        let onclick = {
            let name = v.name.clone();
            onexplain.reform(move |_: MouseEvent| (!is_open).then(|| name.clone()))
        };
        // Named by its text, the column's name: the header reads as the
        // column, and the title says what pressing it does.
        let label = AttrValue::from(["Explain how ", &v.name, " is computed"].concat());
        html! {
            <th scope="col" data-name={v.name.clone()}>
                <button
                    type="button"
                    class="explain-column"
                    aria-expanded={is_open.to_string()}
                    aria-controls={view::explain_id(&v.name)}
                    title={label}
                    {onclick}
                >
                    <code>{ v.name.clone() }</code>
                </button>
            </th>
        }
    };
    let (above, below) = if under_table { (explanation, None) } else { (None, explanation) };
    let row = |i: usize| {
        html! {
            <tr>
                if let Some((_, names)) = labels {
                    <th scope="row">{ names.get(i).cloned().unwrap_or_default() }</th>
                }
                // Texts (the rows a `pick` chose) read from the left.
                { for group.iter().map(|v| html! {
                    <td class={matches!(v.data, Data::Texts(_)).then_some("text")}>{ cell(i, v) }</td>
                }) }
            </tr>
        }
    };
    html! {
        <div class="series-block" data-series={names.join(" ")}>
            <div class="series-table-wrap" tabindex="0" role="region" aria-label={["Series: ", &names.join(", ")].concat()}>
                <table class="series-table">
                    <thead>
                        <tr>
                            if let Some((table, _)) = labels {
                                <th scope="col"><code>{ table.clone() }</code></th>
                            }
                            { for group.iter().map(|v| header(v)) }
                        </tr>
                    </thead>
                    <tbody>
                        { for (0..head).map(row) }
                        if tail > head {
                            <tr class="gap">
                                <td colspan={(group.len() + usize::from(labels.is_some())).to_string()}>
                                    { ["… ", &(tail - head).to_string(), " more rows: the charts and Export (CSV) have every one"].concat() }
                                </td>
                            </tr>
                        }
                        { for (tail..rows).map(row) }
                    </tbody>
                </table>
            </div>
            { above.unwrap_or_default() }
            <div class="series-charts">{ for charts }</div>
            { below.unwrap_or_default() }
        </div>
    }
}
