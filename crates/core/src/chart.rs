//! Line charts of series (bar charts of table rows): the geometry (scales, nice ticks, points,
//! threshold lines) as plain data the web app draws, and a standalone SVG of
//! the same chart for export. Layout only: the values come from the report.

use crate::diagnostic::shortened;
use crate::eval::Status;
use crate::format::number;
use crate::report::ValueView;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Width of the chart's coordinate space.
pub const WIDTH: f64 = 320.0;
/// Height of the chart's coordinate space.
pub const HEIGHT: f64 = 160.0;
/// The size of the charts' text: a chart drawn 256 pixels wide shows it at
/// about 9 pixels.
pub const FONT: f64 = 11.0;
/// About how wide a character of that text is.
const CHAR: f64 = FONT * 0.58;
/// Room for the y labels on the left.
const LEFT: f64 = 48.0;
/// Room for the x labels at the bottom.
const BOTTOM: f64 = FONT + 12.0;
const TOP: f64 = 8.0;
/// The height a threshold caption takes.
const CAPTION: f64 = FONT + 2.0;
const RIGHT: f64 = 8.0;
/// The band above a chart exported as a file, for its name and unit.
const HEADING: f64 = FONT + 10.0;

/// A threshold drawn across the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Threshold {
    /// Warn or crit.
    pub status: Status,
    /// Its height in chart coordinates.
    pub y: f64,
    /// Its value as shown (`85 GB`).
    pub label: String,
    /// Where its caption's baseline is: above the line, or below it when
    /// the caption of a line close above would be in the way.
    pub text_y: f64,
}

impl Threshold {
    /// The line's caption: its status and value (`crit 85 GB`).
    pub fn text(&self) -> String {
        format!("{} {}", self.status.as_str(), self.label)
    }
}

/// A chart of one series against its position (or a companion series such
/// as `month`).
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The series' name.
    pub name: String,
    /// The unit of the y axis (`GB`, `$/month`), "" for plain numbers.
    pub unit: String,
    /// Points of the line, in chart coordinates (y grows downwards).
    pub points: Vec<(f64, f64)>,
    /// Where the line breaks: the indices into `points` after an element
    /// with no point (an empty cell, `unlimited`).
    pub breaks: Vec<usize>,
    /// Tick marks of the y axis: height and label.
    pub y_ticks: Vec<(f64, String)>,
    /// Tick marks of the x axis: position and label.
    pub x_ticks: Vec<(f64, String)>,
    /// Warn and crit lines of the checks over this series.
    pub thresholds: Vec<Threshold>,
    /// Left, top, right and bottom of the plot area.
    pub plot: (f64, f64, f64, f64),
    /// The width of a bar and the height of zero, when each point is drawn
    /// as a bar: elements that stand for table rows, between which a line
    /// would draw a trend that is not there.
    pub bars: Option<(f64, f64)>,
    /// For bars, each point's row and value as shown (`compute:
    /// $1,200/month`): a bar whose label was thinned out still says which.
    pub titles: Vec<String>,
}

/// A step of 1, 2 or 5 times a power of ten giving about `ticks` ticks
/// over `span`.
fn nice_step(span: f64, ticks: f64) -> f64 {
    let raw = span / ticks;
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let mag = libm::pow(10.0, libm::floor(libm::log10(raw)));
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// How the x axis of a chart is labelled.
#[derive(Clone, Copy, Debug)]
pub enum XAxis<'a> {
    /// 1, 2, 3, ...
    Index,
    /// A series of the same length, such as `month`.
    Values(&'a [f64]),
    /// The names of the table rows the series has an element for.
    Names(&'a [String]),
}

/// The chart of a numeric series value, its x axis labelled by `xs`.
pub fn chart(view: &ValueView, xs: XAxis) -> Option<Chart> {
    let (ys, unit) = view.chart.as_ref()?;
    if ys.is_empty() {
        return None;
    }
    let (top, bottom) = (TOP, HEIGHT - BOTTOM);
    // The y range takes in zero (capacity charts read from the floor) and
    // the threshold lines.
    // An `unlimited` element (+∞) has no point on the chart.
    let mut lo = ys.iter().copied().filter(|y| y.is_finite()).fold(0.0f64, f64::min);
    let mut hi = ys.iter().copied().filter(|y| y.is_finite()).fold(0.0f64, f64::max);
    for &(_, t) in &view.thresholds {
        lo = lo.min(t);
        hi = hi.max(t);
    }
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        hi = lo + 1.0;
    }
    let step = nice_step(hi - lo, 4.0);
    let lo = libm::floor(lo / step) * step;
    let hi = libm::ceil(hi / step) * step;
    let y_of = |v: f64| bottom - (v - lo) / (hi - lo) * (bottom - top);
    let mut y_ticks = Vec::new();
    let mut v = lo;
    while v <= hi + step * 1e-9 && y_ticks.len() < 12 {
        y_ticks.push((y_of(v), number(v, 3)));
        v += step;
    }
    // Room on the left for the longest y label, so `1,000,000` is not cut.
    let longest = y_ticks.iter().map(|(_, l)| l.chars().count()).max().unwrap_or(0);
    let (left, right) = (LEFT.max(8.0 + CHAR * longest as f64), WIDTH - RIGHT);
    let n = ys.len();
    // Elements sit at their x values when those rise (months 1, 2, 3, 6,
    // 12 are not evenly spaced), else one step apart.
    let rising = match xs {
        XAxis::Values(v) if v.len() == n && n > 1 => {
            (v.windows(2).all(|w| w[0] < w[1]) && v.iter().all(|x| x.is_finite())).then_some(v)
        }
        _ => None,
    };
    let bars = matches!(xs, XAxis::Names(names) if names.len() == n);
    let titles = match (xs, &view.display) {
        (XAxis::Names(names), crate::report::Shown::Series(shown)) if bars && shown.len() == n => (0..n)
            .filter(|&i| ys[i].is_finite())
            .map(|i| [names[i].as_str(), ": ", shown[i].as_str()].concat())
            .collect(),
        _ => Vec::new(),
    };
    let band = (right - left) / n as f64;
    let x_of = |i: usize| match rising {
        _ if bars => left + band * (i as f64 + 0.5),
        _ if n == 1 => (left + right) / 2.0,
        Some(v) => left + (right - left) * (v[i] - v[0]) / (v[n - 1] - v[0]),
        None => left + (right - left) * i as f64 / (n - 1) as f64,
    };
    let mut points = Vec::with_capacity(n);
    let mut breaks = Vec::new();
    for (i, &v) in ys.iter().enumerate() {
        match v.is_finite() {
            true => points.push((x_of(i), y_of(v))),
            // The line does not bridge what has no value.
            false if !points.is_empty() && breaks.last() != Some(&points.len()) => breaks.push(points.len()),
            false => {}
        }
    }
    breaks.retain(|&b| b < points.len());
    // About six x labels, always the first and the last: in a step that
    // ends on the last where one near does (0, 6, ..., 24 months, not 0,
    // 5, ..., 20, 24), a round one if it can (0, 20, ..., 100, not 0, 17,
    // ..., 85, 100).
    let base = n.div_ceil(6).max(1);
    let ends = |e: &usize| (n - 1) % e == 0 && (n - 1) / e >= 3;
    let round = |e: &usize| {
        let mut m = *e;
        while m % 10 == 0 && m > 0 {
            m /= 10;
        }
        matches!(m, 1 | 2 | 25 | 5)
    };
    let steps = || (base..=2 * base).filter(ends);
    let every = steps().find(round).or_else(|| steps().find(|&e| e < base + 3)).unwrap_or(base);
    let label = |i: usize| match xs {
        XAxis::Values(xs) if xs.len() == n => number(xs[i], 4),
        XAxis::Names(names) if names.len() == n => names[i].clone(),
        _ => number((i + 1) as f64, 4),
    };
    let mut candidates: Vec<usize> = (0..n).step_by(every).collect();
    if (n - 1) % every != 0 {
        // The last stands in for a label half a step or less before it
        // (`9 12`, not `9 11 12`).
        if (n - 1) % every * 2 <= every && candidates.len() > 1 {
            candidates.pop();
        }
        candidates.push(n - 1);
    }
    let mut x_ticks = spaced_labels(candidates.iter().map(|&i| (x_of(i), label(i))));
    if x_ticks.len() < candidates.len() && matches!(xs, XAxis::Names(_)) {
        // Long row names run into each other: cut to the room between two
        // labels (half of it at the ends, which reach inwards), they may
        // all fit (`Current (25 agents, …`); the way that shows more wins.
        let gap = match candidates[..] {
            [a, b, ..] => x_of(b) - x_of(a),
            _ => right - left,
        };
        let last = candidates.len() - 1;
        let room = |k: usize| {
            // A label under a bar at either end has half a band outside it.
            let end = (k == 0 || k == last) && !bars;
            let width = if end { (gap - 4.0) / 2.0 } else { gap - 4.0 };
            ((width / CHAR) as usize).max(10)
        };
        let short =
            spaced_labels(candidates.iter().enumerate().map(|(k, &i)| (x_of(i), shortened(&label(i), room(k)))));
        // A cut label must still tell its row from the others
        // (`Productio…` could be any of three).
        let telling = |l: &str| match l.strip_suffix('…') {
            Some(start) => (0..n).filter(|&i| label(i).starts_with(start)).count() == 1,
            None => true,
        };
        if short.len() > x_ticks.len() && short.iter().all(|(_, l)| telling(l)) {
            x_ticks = short;
        }
    }
    let mut thresholds: Vec<Threshold> = view
        .thresholds
        .iter()
        .map(|&(status, t)| {
            let y = y_of(t);
            // `90%` as a percentage is written, `70 GB` with a space, and
            // `$450/month` as an amount.
            // Up to six digits, as written (`71.67%`, not `71.7%`).
            let digits = crate::format::given_digits(t).min(crate::format::FIXED_DIGITS);
            let label = match unit.strip_prefix('$') {
                // Money in cents, or as written when that has more digits
                // (`$99.995/month`); an amount worked out, in cents.
                Some(per) if crate::format::significant_digits(t) <= crate::format::FIXED_DIGITS => {
                    [crate::format::money_digits(t, crate::format::EXACT_DIGITS).as_str(), per].concat()
                }
                Some(per) => [crate::format::money(t).as_str(), per].concat(),
                None if unit.starts_with('%') => [number(t, digits), unit.clone()].concat(),
                None => [number(t, digits), String::from(" "), unit.clone()].concat(),
            };
            Threshold { status, y, label: label.trim().into(), text_y: y - 3.0 }
        })
        .collect();
    // Captions sit above their lines; going down the chart, one that would
    // overlap the caption of a line above it goes below its own line, or,
    // at the foot of the chart where the x labels are, stays above it and
    // moves the captions above up.
    let mut placed: Vec<usize> = Vec::new();
    while let Some(i) = (0..thresholds.len())
        .filter(|i| !placed.contains(i))
        .min_by(|&a, &b| thresholds[a].y.total_cmp(&thresholds[b].y))
    {
        let text_y = thresholds[i].text_y;
        // A caption above the top of the chart, or on one above, goes below.
        if text_y < FONT || placed.iter().any(|&p| (thresholds[p].text_y - text_y).abs() < CAPTION) {
            let below = thresholds[i].y + CAPTION - 1.0;
            if below <= bottom {
                thresholds[i].text_y = below;
            } else {
                let mut floor = text_y;
                for &p in placed.iter().rev() {
                    floor = thresholds[p].text_y.min(floor - CAPTION);
                    thresholds[p].text_y = floor;
                }
            }
        }
        placed.push(i);
    }
    Some(Chart {
        name: view.name.clone(),
        unit: unit.clone(),
        points,
        breaks,
        y_ticks,
        x_ticks,
        thresholds,
        plot: (left, top, right, bottom),
        bars: bars.then(|| (band * 0.6, y_of(0.0))),
        titles,
    })
}

/// Where a label of `chars` characters centred at `x` starts and ends,
/// kept inside the chart, and how it is anchored.
fn label_extent(x: f64, chars: usize) -> (f64, f64, &'static str) {
    let w = CHAR * chars as f64;
    if x + w / 2.0 > WIDTH {
        (x - w, x, "end")
    } else if x - w / 2.0 < 0.0 {
        (x, x + w, "start")
    } else {
        (x - w / 2.0, x + w / 2.0, "middle")
    }
}

/// The x labels that fit side by side: the first and the last always
/// (the last in place of one it would run into), those between when they
/// keep clear of their neighbours.
fn spaced_labels(ticks: impl Iterator<Item = (f64, String)>) -> Vec<(f64, String)> {
    const GAP: f64 = 4.0;
    let mut kept: Vec<(f64, String)> = Vec::new();
    let ticks: Vec<(f64, String)> = ticks.collect();
    let last = ticks.len().saturating_sub(1);
    for (i, (x, label)) in ticks.into_iter().enumerate() {
        let (start, _, _) = label_extent(x, label.chars().count());
        let clear = |k: &(f64, String)| label_extent(k.0, k.1.chars().count()).1 + GAP <= start;
        if kept.last().is_none_or(clear) {
            kept.push((x, label));
        } else if i == last && kept.len() > 1 {
            kept.pop();
            if kept.last().is_none_or(clear) {
                kept.push((x, label));
            }
        }
    }
    kept
}

/// A coordinate as SVG text, to a tenth.
fn c(v: f64) -> String {
    crate::format::fixed(v, 1)
}

/// The unbroken runs of the line's points.
fn runs(chart: &Chart) -> Vec<&[(f64, f64)]> {
    let mut starts = Vec::from([0]);
    starts.extend(chart.breaks.iter().copied());
    starts.push(chart.points.len());
    starts.windows(2).filter(|w| w[0] < w[1]).map(|w| &chart.points[w[0]..w[1]]).collect()
}

/// The SVG `points` attribute of a run of points.
fn points_attr(points: &[(f64, f64)]) -> String {
    let mut s = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&c(*x));
        s.push(',');
        s.push_str(&c(*y));
    }
    s
}

/// The SVG `points` attribute of each unbroken run of the line of two
/// points or more (a point alone is drawn as a dot).
pub fn polylines(chart: &Chart) -> Vec<String> {
    runs(chart).into_iter().filter(|r| r.len() > 1).map(points_attr).collect()
}

/// Where an SVG of a chart goes, which decides how it is styled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Look {
    /// A standalone file: its own size, fonts and colours.
    File,
    /// Inline in the web page: classes the page's style sheet colours (in
    /// its light or dark scheme), and a label for screen readers.
    Page,
}

/// A standalone SVG document of the chart, for download.
pub fn svg(chart: &Chart) -> String {
    markup(chart, Look::File)
}

/// The chart as an `<svg>` element for a web page, styled by the page's
/// classes (`chart`, `grid`, `tick`, `axis`, `threshold warn|crit`, `line`,
/// `dot`, `row-bar`)
/// and labelled for screen readers. Drawing it from one string costs the
/// page a fraction of building its elements one by one.
pub fn page_svg(chart: &Chart) -> String {
    markup(chart, Look::Page)
}

/// The SVG of `chart` in either look; both draw the same elements at the
/// same coordinates.
fn markup(chart: &Chart, look: Look) -> String {
    let file = look == Look::File;
    // Presentation: attributes in a file, a class on the page.
    let paint = |class: &str, attrs: &str| -> String {
        if file {
            [" ", attrs].concat()
        } else {
            [" class=\"", class, "\""].concat()
        }
    };
    let (l, t, r, b) = chart.plot;
    let (lt, tt, rt, bt) = (c(l), c(t), c(r), c(b));
    let (w, h) = (c(WIDTH), c(HEIGHT));
    let name = escape(&chart.name);
    let unit = escape(&chart.unit);
    let mut s = String::new();
    if file {
        // A file stands alone: its name and unit head it, above the chart
        // drawn as on the page.
        let full = c(HEIGHT + HEADING);
        let _ = writeln!(
            s,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {full}\" width=\"{}\" height=\"{}\" \
             font-family=\"system-ui, sans-serif\" font-size=\"{}\">",
            c(WIDTH * 2.0),
            c((HEIGHT + HEADING) * 2.0),
            c(FONT)
        );
        let unit_text = if chart.unit.is_empty() { String::new() } else { format!(" ({})", chart.unit) };
        let unit = escape(&unit_text);
        let _ = writeln!(s, "<title>{name}{unit}</title>");
        // The heading fits the width: a long name is cut, its unit kept.
        let room = ((WIDTH - 2.0 * RIGHT) / (CHAR * 1.1)) as usize;
        let heading = escape(&shortened(&chart.name, room.saturating_sub(unit_text.chars().count()).max(8)));
        let _ = writeln!(s, "<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{full}\" fill=\"#ffffff\"/>");
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" fill=\"#222\" font-weight=\"600\">{heading}{unit}</text>",
            c(RIGHT),
            c(FONT + 5.0)
        );
        let _ = writeln!(s, "<g transform=\"translate(0 {})\">", c(HEADING));
    } else {
        let label = if unit.is_empty() { format!("Chart of {name}") } else { format!("Chart of {name} in {unit}") };
        let _ = writeln!(s, "<svg class=\"chart\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{label}\">");
        let _ = writeln!(s, "<title>{label}</title>");
    }
    let grid = paint("grid", "stroke=\"#e3e6ea\"");
    for (y, _) in &chart.y_ticks {
        let y = c(*y);
        let _ = writeln!(s, "<line{grid} x1=\"{lt}\" x2=\"{rt}\" y1=\"{y}\" y2=\"{y}\"/>");
    }
    let tick = paint("tick", "fill=\"#555\"");
    for (y, label) in &chart.y_ticks {
        let (x, y) = (c(l - 4.0), c(y + FONT / 3.0));
        let _ = writeln!(s, "<text{tick} x=\"{x}\" y=\"{y}\" text-anchor=\"end\">{}</text>", escape(label));
    }
    for (x, label) in &chart.x_ticks {
        // A long label (a row's name) at either end stays inside the chart.
        let (_, _, anchor) = label_extent(*x, label.chars().count());
        let (x, y) = (c(*x), c(b + FONT + 3.0));
        let _ = writeln!(s, "<text{tick} x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\">{}</text>", escape(label));
    }
    // Bars stand under the threshold lines, which cross them.
    let bar = paint("row-bar", "fill=\"#2457c5\"");
    if let Some((width, base)) = chart.bars {
        for (i, &(x, y)) in chart.points.iter().enumerate() {
            let title = chart.titles.get(i).map(|t| ["<title>", &escape(t), "</title>"].concat()).unwrap_or_default();
            let _ = writeln!(
                s,
                "<rect{bar} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\">{title}</rect>",
                c(x - width / 2.0),
                c(y.min(base)),
                c(width),
                c((y - base).abs())
            );
        }
    }
    let color = |th: &Threshold| if th.status == Status::Crit { "#b3261e" } else { "#8a5a00" };
    let group = |th: &Threshold| paint(&["threshold ", th.status.as_str()].concat(), "");
    for th in &chart.thresholds {
        let dash = if file { format!(" stroke=\"{}\" stroke-dasharray=\"4 3\"", color(th)) } else { String::new() };
        let y = c(th.y);
        let g = group(th);
        let _ = writeln!(s, "<g{}><line{dash} x1=\"{lt}\" x2=\"{rt}\" y1=\"{y}\" y2=\"{y}\"/></g>", g.trim_end());
    }
    let axis = paint("axis", "stroke=\"#999\"");
    let _ = writeln!(s, "<line{axis} x1=\"{lt}\" x2=\"{lt}\" y1=\"{tt}\" y2=\"{bt}\"/>");
    let line = paint("line", "fill=\"none\" stroke=\"#2457c5\" stroke-width=\"1.8\" stroke-linejoin=\"round\"");
    // A point between missing elements: a dot that shows.
    let dot = paint("dot", "fill=\"#2457c5\"");
    for run in runs(chart).into_iter().filter(|_| chart.bars.is_none()) {
        let _ = match run {
            [(x, y)] => writeln!(s, "<circle{dot} cx=\"{}\" cy=\"{}\" r=\"3\"/>", c(*x), c(*y)),
            _ => writeln!(s, "<polyline{line} points=\"{}\"/>", points_attr(run)),
        };
    }
    // The captions over the line, each on a halo of the background, so
    // that a line through one leaves it readable.
    for th in &chart.thresholds {
        let fill = match file {
            true => format!(" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"", color(th)),
            false => String::new(),
        };
        let g = group(th);
        let _ = writeln!(
            s,
            "<g{}><text{fill} x=\"{rt}\" y=\"{}\" text-anchor=\"end\">{}</text></g>",
            g.trim_end(),
            c(th.text_y),
            escape(&th.text())
        );
    }
    if file {
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// Escapes text for XML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(src: &str) -> crate::Report {
        crate::run(src, &[])
    }

    #[test]
    fn long_y_labels_get_room_and_close_thresholds_keep_their_captions_apart() {
        let r =
            report("month = 1 .. 6\nusers = 200_000 * month\ncheck \"Users\" users / 1_000_000 warn 90% crit 95%\n");
        let ch = chart(r.value("users").unwrap(), XAxis::Index).unwrap();
        assert_eq!(ch.y_ticks.last().unwrap().1, "1,500,000");
        // Left of the plot: room for nine characters of the 9-unit font.
        assert!(ch.plot.0 >= 8.0 + 5.2 * 9.0, "{:?}", ch.plot);
        let (warn, crit) = (&ch.thresholds[0], &ch.thresholds[1]);
        assert!(crit.y < warn.y && warn.y - crit.y < CAPTION);
        assert_eq!(crit.text_y, crit.y - 3.0);
        assert!(warn.text_y > warn.y, "the lower caption goes under its line");
        assert!((warn.text_y - crit.text_y).abs() >= CAPTION);
        assert!(svg(&ch).contains(&format!("y=\"{}\"", c(warn.text_y))));
        // The exported file says which line is which, as the page does.
        for drawn in [svg(&ch), page_svg(&ch)] {
            assert!(drawn.contains(">warn 900,000</text>") && drawn.contains(">crit 950,000</text>"), "{drawn}");
        }
    }

    #[test]
    fn captions_of_lines_at_the_foot_stay_above_the_x_labels() {
        // Both lines sit on the floor of a chart that reaches 1,200.
        let r = report("m = 1 .. 4\nsize = 300 * m\ncheck \"Size\" last(size) / 10 warn 70% crit 85%\n");
        let c = chart(r.value("size").unwrap(), XAxis::Index).unwrap();
        let (warn, crit) = (&c.thresholds[0], &c.thresholds[1]);
        let bottom = c.plot.3;
        assert!(warn.text_y <= bottom && crit.text_y <= bottom, "{:?}", c.thresholds);
        assert!((warn.text_y - crit.text_y).abs() >= CAPTION, "{:?}", c.thresholds);
    }

    #[test]
    fn long_x_labels_never_overlap() {
        let names: Vec<String> = ["Production (Base)", "Production (Peak)", "Staging (Base)", "Staging (Peak)", "Dev"]
            .map(String::from)
            .into();
        let r = report("s = 1 .. 5\n");
        let c = chart(r.value("s").unwrap(), XAxis::Names(&names)).unwrap();
        let extents: Vec<(f64, f64, &str)> =
            c.x_ticks.iter().map(|(x, l)| label_extent(*x, l.chars().count())).collect();
        assert!(extents.windows(2).all(|w| w[0].1 < w[1].0), "{:?}", c.x_ticks);
        // Cut short they would fit, but `Productio…` could be either row.
        assert_eq!(c.x_ticks.first().unwrap().1, "Production (Base)");
        assert_eq!(c.x_ticks.last().unwrap().1, "Dev");
    }

    #[test]
    fn elements_sit_at_their_x_values_and_captions_stay_inside() {
        let r = report("m = (1 .. 5) ^ 2\ncost = m * 2\ncheck \"Cost\" last(cost) warn 40 crit 60\n");
        let months = [1.0, 4.0, 9.0, 16.0, 25.0];
        let c = chart(r.value("cost").unwrap(), XAxis::Values(&months)).unwrap();
        let xs: Vec<f64> = c.points.iter().map(|p| p.0).collect();
        // 1 to 9 takes a third of the width, as 1 to 25 takes all of it.
        let (l, _, rt, _) = c.plot;
        assert!(((xs[2] - xs[0]) - (rt - l) / 3.0).abs() < 1e-9, "{xs:?}");
        // The crit line is at the top: its caption goes below it.
        let crit = c.thresholds.iter().find(|t| t.status == Status::Crit).unwrap();
        assert!(crit.text_y > crit.y && crit.text_y - FONT >= 0.0, "{crit:?}");
    }

    #[test]
    fn a_missing_element_breaks_the_line() {
        let r = report("table q\n| Item | Cost |\n|---|---|\n| a | 5 |\n| b | |\n| c | 3 |\n| d | 2 |\nm = q.cost\n");
        let v = r.value("m").unwrap();
        let ch = chart(v, XAxis::Index).unwrap();
        // The first point is alone: a dot; the other two a line.
        assert_eq!(polylines(&ch).len(), 1);
        let (x, y) = (c(ch.points[0].0), c(ch.points[0].1));
        let svg = svg(&ch);
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert!(svg.contains(&format!("<circle fill=\"#2457c5\" cx=\"{x}\" cy=\"{y}\" r=\"3\"/>")), "{svg}");
    }

    #[test]
    fn x_labels_step_evenly_to_the_last() {
        let ticks = |n: usize, xs: XAxis| {
            let r = report(&format!("m = 1 .. {n}\nload = m * 2\n"));
            let c = chart(r.value("load").unwrap(), xs).unwrap();
            c.x_ticks.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>().join(" ")
        };
        // Twelve months: the last stands in for the label just before it.
        assert_eq!(ticks(12, XAxis::Index), "1 3 5 7 9 12");
        // 0 to 24 months in steps of six, not of five and a stub.
        let months: Vec<f64> = (0..25).map(f64::from).collect();
        assert_eq!(ticks(25, XAxis::Values(&months)), "0 6 12 18 24");
        assert_eq!(ticks(6, XAxis::Index), "1 2 3 4 5 6");
        // In round steps where they end on the last.
        let percent: Vec<f64> = (0..101).map(f64::from).collect();
        assert_eq!(ticks(101, XAxis::Values(&percent)), "0 20 40 60 80 100");
    }

    #[test]
    fn a_percentage_threshold_reads_as_one() {
        let r = report("m = 1 .. 4\nload = m / 4\ncheck \"Load\" load warn 70% crit 90%\n");
        let c = chart(r.value("load").unwrap(), XAxis::Index).unwrap();
        let labels: Vec<String> = c.thresholds.iter().map(Threshold::text).collect();
        assert_eq!(labels, ["warn 70%", "crit 90%"]);
    }

    #[test]
    fn a_check_of_a_name_for_the_worst_element_draws_its_lines() {
        let src = "input cap = 500 GB\nmonth = 1 .. 12\nsize = 100 GB * 1.2 ^ month -> GB\n\
                   worst = max(size)\npeak = worst -> TB\ncheck \"Peak\" peak / cap warn 70% crit 85%\n";
        let r = report(src);
        let c = chart(r.value("size").unwrap(), XAxis::Index).unwrap();
        let labels: Vec<String> = c.thresholds.iter().map(Threshold::text).collect();
        assert_eq!(labels, ["warn 350 GB", "crit 425 GB"]);
        // Money reads as the rest of the page writes it.
        let r = report(
            "month = 1 .. 6\ncost = $100/month * 1.5 ^ month\ncheck \"B\" cost warn $250/month crit $612.5/month\n",
        );
        let c = chart(r.value("cost").unwrap(), XAxis::Index).unwrap();
        let labels: Vec<String> = c.thresholds.iter().map(Threshold::text).collect();
        assert_eq!(labels, ["warn $250/month", "crit $612.50/month"]);
        let r = report("month = 1 .. 6\ncost = $100/month * 1.5 ^ month\ncheck \"B\" cost warn $99.995/month crit $1993.8195123/month\n");
        let c = chart(r.value("cost").unwrap(), XAxis::Index).unwrap();
        let labels: Vec<String> = c.thresholds.iter().map(Threshold::text).collect();
        assert_eq!(labels, ["warn $99.995/month", "crit $1,993.82/month"]);
        let r = report("m = 1 .. 4\nload = m / 4\ncheck \"Load\" load warn 71.67% crit 90%\n");
        let c = chart(r.value("load").unwrap(), XAxis::Index).unwrap();
        assert_eq!(c.thresholds[0].text(), "warn 71.67%");
        // A name for something else of the series draws nothing.
        let r = report(
            "month = 1 .. 4\nsize = month * 1 GB\ntotal = sum(size)\ncheck \"T\" total / 9 GB warn 70% crit 85%\n",
        );
        assert!(chart(r.value("size").unwrap(), XAxis::Index).unwrap().thresholds.is_empty());
    }

    #[test]
    fn threshold_lines_cross_the_bars() {
        let src = "table q\n| Vendor | Cost |\n|---|---|\n| a | $300/month |\n| b | $380/month |\n\
                   costs = q.cost\ncheck \"Quote\" costs / $500/month warn 70% crit 90%\n";
        let r = report(src);
        let v = r.value("costs").unwrap();
        let c = chart(v, XAxis::Names(&v.rows.as_ref().unwrap().1)).unwrap();
        for look in [svg(&c), page_svg(&c)] {
            let last_bar = look.rfind("<rect").unwrap();
            assert!(look.find("stroke-dasharray").or_else(|| look.find("threshold")).unwrap() > last_bar, "{look}");
        }
    }

    #[test]
    fn an_amount_threshold_reads_as_one_and_captions_are_drawn_over_the_line() {
        let src = "n = 1 .. 6\ncost = $400/month * 1.2 ^ n\ncheck \"Budget\" cost / $500/month warn 70% crit 90%\n";
        let r = report(src);
        let c = chart(r.value("cost").unwrap(), XAxis::Index).unwrap();
        let labels: Vec<String> = c.thresholds.iter().map(Threshold::text).collect();
        assert_eq!(labels, ["warn $350/month", "crit $450/month"]);
        for look in [svg(&c), page_svg(&c)] {
            let (line, caption) = (look.find("<polyline").unwrap(), look.find("crit $450/month").unwrap());
            assert!(line < caption, "{look}");
        }
        assert!(svg(&c).contains("paint-order=\"stroke\""));
    }

    #[test]
    fn nice_steps_are_one_two_or_five() {
        assert_eq!(nice_step(100.0, 4.0), 50.0);
        assert_eq!(nice_step(7.0, 4.0), 2.0);
        assert_eq!(nice_step(0.3, 4.0), 0.1);
        assert_eq!(nice_step(0.0, 4.0), 1.0);
    }

    #[test]
    fn elements_standing_for_table_rows_are_labelled_by_name() {
        let r = report(
            "table plans\n| Plan | Users |\n|---|---|\n| Small | 10 |\n| Large | 100 |\nm = plans.users * 5 MB\n",
        );
        let v = r.value("m").unwrap();
        let (table, names) = v.rows.as_ref().unwrap();
        assert_eq!(
            (table.as_str(), names.as_slice()),
            ("plans", ["Small".to_string(), "Large".to_string()].as_slice())
        );
        let c = chart(v, XAxis::Names(names)).unwrap();
        assert_eq!(c.x_ticks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["Small", "Large"]);
        // Rows are drawn as bars from zero, each label under its bar: a line
        // between rows would draw a trend that is not there.
        let (width, base) = c.bars.unwrap();
        let (left, _, right, bottom) = c.plot;
        assert_eq!(base, bottom);
        assert_eq!(c.x_ticks[0].0, left + (right - left) / 4.0);
        assert_eq!(c.x_ticks[1].0, left + (right - left) * 3.0 / 4.0);
        assert!(width > 0.0 && width < (right - left) / 2.0);
        for look in [svg(&c), page_svg(&c)] {
            assert_eq!(look.matches("<rect").count() - look.matches("<rect x=\"0\"").count(), 2, "{look}");
            assert!(!look.contains("<polyline"), "{look}");
        }
        // Each bar says which row it is and its value, on hover too.
        assert_eq!(c.titles, ["Small: 50 MB", "Large: 500 MB"]);
        assert!(page_svg(&c).contains("<title>Large: 500 MB</title></rect>"), "{}", page_svg(&c));
        // A row with an empty cell has no bar.
        let r = report("table plans\n| Plan | Users |\n|---|---|\n| Small | 10 |\n| Mid | - |\n| Large | 100 |\nm = plans.users * 5 MB\n");
        let v = r.value("m").unwrap();
        let c = chart(v, XAxis::Names(&v.rows.as_ref().unwrap().1)).unwrap();
        assert_eq!(page_svg(&c).matches("<rect").count(), 2);
        // A name longer than its bar's room is cut to it.
        let r = report("table plans\n| Plan | Users |\n|---|---|\n| Small | 10 |\n| A much larger plan for teams | 100 |\nm = plans.users * 5 MB\n");
        let v = r.value("m").unwrap();
        let c = chart(v, XAxis::Names(&v.rows.as_ref().unwrap().1)).unwrap();
        assert_eq!(c.x_ticks[1].1, "A much larger plan…");
    }

    #[test]
    fn a_series_becomes_a_line_with_ticks_and_thresholds() {
        let r =
            report("month = 1 .. 12\nusage = 40 GB * 1.1 ^ month\ncheck \"Disk\" usage / 100 GB warn 70% crit 85%\n");
        let v = r.value("usage").unwrap();
        let month = r.value("month").unwrap();
        let xs = month.chart.as_ref().map(|c| c.0.as_slice()).unwrap();
        let c = chart(v, XAxis::Values(xs)).unwrap();
        assert_eq!(c.points.len(), 12);
        assert_eq!(c.unit, "GB");
        // The line rises: y decreases as the usage grows.
        assert!(c.points[11].1 < c.points[0].1);
        assert_eq!(c.thresholds.len(), 2);
        assert_eq!(c.thresholds[0].label, "70 GB");
        // A check of the series' last element draws the same lines.
        for measure in ["last(usage)", "max(usage)"] {
            let r = report(&format!(
                "month = 1 .. 12\nusage = 40 GB * 1.1 ^ month\ncheck \"Disk\" {measure} / 100 GB warn 70% crit 85%\n"
            ));
            let c = chart(r.value("usage").unwrap(), XAxis::Index).unwrap();
            assert_eq!(
                c.thresholds.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
                ["70 GB", "85 GB"],
                "{measure}"
            );
        }
        assert_eq!(c.x_ticks.first().unwrap().1, "1");
        assert_eq!(c.x_ticks.last().unwrap().1, "12");
        assert_eq!(c.y_ticks.first().unwrap().1, "0");
        let svg = svg(&c);
        assert!(svg.starts_with("<svg") && svg.contains("<polyline") && svg.ends_with("</svg>\n"));
        assert!(svg.contains("stroke-dasharray"));
        // The page's version draws the same elements, styled by class (the
        // file adds a heading: the page's caption is outside the chart).
        let page = page_svg(&c);
        assert!(page.starts_with("<svg class=\"chart\"") && !page.contains("xmlns") && !page.contains("stroke="));
        assert!(page.contains("aria-label=\"Chart of usage in GB\""));
        assert!(page.contains("<g class=\"threshold warn\">") && page.contains(">warn 70 GB</text>"));
        let count = |s: &str, what: &str| s.matches(what).count();
        for element in ["<line", "<polyline", "<title>"] {
            assert_eq!(count(&svg, element), count(&page, element), "{element}");
        }
        assert_eq!(count(&svg, "<text"), count(&page, "<text") + 1);
        assert!(page.contains(&["points=\"", &polylines(&c)[0], "\""].concat()));
    }

    #[test]
    fn names_and_units_are_escaped_in_both_looks() {
        let mut c = chart(report("s = 1 .. 3\n").value("s").unwrap(), XAxis::Index).unwrap();
        c.name = "a<b".into();
        c.unit = "\"&".into();
        for svg in [svg(&c), page_svg(&c)] {
            assert!(svg.contains("a&lt;b") && svg.contains("&quot;&amp;") && !svg.contains("a<b"), "{svg}");
        }
    }

    #[test]
    fn a_file_shows_its_name_and_unit_above_the_chart() {
        let c = chart(report("s = (1 .. 3) * 1 GB\n").value("s").unwrap(), XAxis::Index).unwrap();
        let file = svg(&c);
        assert!(file.contains("font-weight=\"600\">s (GB)</text>"), "{file}");
        assert!(file.contains("<g transform=\"translate(0 21)\">") && file.ends_with("</g>\n</svg>\n"), "{file}");
        assert!(!page_svg(&c).contains("font-weight"));
    }

    #[test]
    fn long_row_names_are_shortened_rather_than_dropped() {
        let src = "table t\n| Approach | Cost |\n|---|---|\n| Sequential (1 agent) | 8 |\n\
                   | Current (25 agents, 9 waves) | 10 |\n| Optimized (50 agents, concurrent) | 12 |\n\
                   cost = t.cost\n";
        let r = report(src);
        let v = r.value("cost").unwrap();
        let names: Vec<String> =
            ["Sequential (1 agent)", "Current (25 agents, 9 waves)", "Optimized (50 agents, concurrent)"]
                .map(String::from)
                .into();
        let c = chart(v, XAxis::Names(&names)).unwrap();
        assert_eq!(c.x_ticks.len(), 3, "{:?}", c.x_ticks);
        assert!(c.x_ticks.iter().any(|(_, l)| l.ends_with('…')), "{:?}", c.x_ticks);
        assert_eq!(shortened("abc", 3), "abc");
        assert_eq!(shortened("abc def", 5), "abc…");
    }

    #[test]
    fn a_long_name_is_cut_in_the_heading_and_its_unit_kept() {
        let mut c = chart(report("s = (1 .. 3) * 1 GB\n").value("s").unwrap(), XAxis::Index).unwrap();
        c.name = "monthly_storage_cost_for_the_primary_cluster_in_region_eu".into();
        c.unit = "$/month".into();
        let file = svg(&c);
        assert!(file.contains("…  ($/month)</text>") || file.contains("… ($/month)</text>"), "{file}");
        assert!(file.contains("<title>monthly_storage_cost_for_the_primary_cluster_in_region_eu ($/month)</title>"));
    }

    #[test]
    fn scalars_have_no_chart() {
        let r = report("x = 5 GB\n");
        assert!(chart(r.value("x").unwrap(), XAxis::Index).is_none());
    }
}
