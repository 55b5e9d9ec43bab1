//! A line chart of a series, drawn from the core's chart geometry (a
//! 320 x 160 box with its ticks, points and threshold lines) as SVG that
//! scales with the page. Threshold lines carry their status in words.
//!
//! The core writes the whole `<svg>` (escaped) and the page inserts it as
//! markup: a page of charts has hundreds of ticks and lines, and creating
//! each of them through the DOM one call at a time slowed the first render.

use headroom_core::chart::{page_svg, Chart};
use yew::prelude::*;

/// One chart, from the geometry of `headroom_core::chart::chart`.
pub fn series_chart(c: &Chart) -> Html {
    Html::from_html_unchecked(page_svg(c).into())
}
