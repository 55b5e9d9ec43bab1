//! A line chart of a series, drawn from the core's chart geometry (a
//! 320 x 160 box with its ticks, points and threshold lines) as SVG that
//! scales with the page. Threshold lines carry their status in words.

use headroom_core::chart::{Chart, HEIGHT, WIDTH};
use yew::prelude::*;

/// A coordinate for an SVG attribute: a tenth of a unit of the 320 x 160
/// box is finer than any screen shows it.
fn at(v: f64) -> String {
    headroom_core::format::fixed(v, 1)
}

/// One chart, from the geometry of `headroom_core::chart::chart`.
pub fn series_chart(c: &Chart) -> Html {
    let (l, t, r, b) = c.plot;
    let label = if c.unit.is_empty() {
        ["Chart of ", &c.name].concat()
    } else {
        ["Chart of ", &c.name, " in ", &c.unit].concat()
    };
    let thresholds = c.thresholds.iter().map(|th| {
        html! {
            <g class={["threshold ", th.status.as_str()].concat()}>
                <line x1={at(l)} x2={at(r)} y1={at(th.y)} y2={at(th.y)} />
                <text x={at(r)} y={at(th.y)} dy="-3" text-anchor="end">{ th.text() }</text>
            </g>
        }
    });
    html! {
        <svg class="chart" viewBox={["0 0 ", &at(WIDTH), " ", &at(HEIGHT)].concat()} role="img" aria-label={label.clone()}>
            <title>{ label }</title>
            { for c.y_ticks.iter().map(|(y, text)| html! {
                <g class="tick">
                    <line class="grid" x1={at(l)} x2={at(r)} y1={at(*y)} y2={at(*y)} />
                    <text x={at(l)} y={at(*y)} dx="-4" dy="3" text-anchor="end">{ text.clone() }</text>
                </g>
            }) }
            { for c.x_ticks.iter().map(|(x, text)| html! {
                <text class="tick" x={at(*x)} y={at(b)} dy="13" text-anchor="middle">{ text.clone() }</text>
            }) }
            <line class="axis" x1={at(l)} x2={at(l)} y1={at(t)} y2={at(b)} />
            <g class="thresholds">{ for thresholds }</g>
            <polyline class="line" points={headroom_core::chart::polyline(c)} />
        </svg>
    }
}
