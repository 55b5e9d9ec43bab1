//! Show the work: a derived value's formula, the same formula with the
//! values of the names it uses substituted, the result, and the decisions
//! taken on the way (which argument bound a `max`, which row `pick` chose,
//! what a `ceil` rounded).
//!
//! ```text
//! relays = ceil(max(tunnels / 10000, clients / 50000, rps / 100000))
//!        = ceil(max(25,000 / 10000, 80,000 / 50000, 150,000 / 100000))
//!        = 3
//! relays = 3, bound by tunnels / 10000 = 2.5 -> ceil
//! ```

use crate::ast::{Expr, ExprKind, Func, Slot, Stmt};
use crate::eval::{snap, Env, Evaluation, Step};
use crate::format::{DisplayHint, FixedUnit, EXACT_DIGITS};
use crate::report::{self, Report};
use crate::span::Span;
use crate::value::{Quantity, Value};
use crate::Model;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The worked explanation of one value.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// The value's name.
    pub name: String,
    /// The formula as written.
    pub formula: String,
    /// The formula with the values of its names substituted.
    pub substituted: String,
    /// The result as shown.
    pub result: String,
    /// One line on what decided the result (`relays = 3, bound by ...`).
    pub summary: String,
    /// The decisions, in evaluation order.
    pub steps: Vec<String>,
}

/// Explains the value of definition `slot`, when it has a formula.
pub fn explain(model: &Model, ev: &Evaluation, slot: Slot) -> Option<Explanation> {
    let expr = crate::ast::definition_of(&model.stmts, slot)?;
    let result = report::value_view(model, ev, slot).display.text();
    let def = &model.defs[slot as usize];
    Some(work(model, ev, &def.name, expr, result, ev.hint(slot), def.fixed.as_ref()))
}

/// Explains check number `index` of the model (in model order): what it
/// measures, with values, and its status against its thresholds
/// (`WARN 78.1% (warn at 70%, crit at 85%)`); over a series, where, as the
/// report names the place (`at month = 12`, `at row support`).
pub fn explain_check(model: &Model, ev: &Evaluation, report: &Report, index: usize) -> Option<Explanation> {
    let place = report.checks().nth(index).and_then(|c| c.at.clone());
    let (at, Stmt::Check { label, expr, broken: false, deps, .. }) = model.check(index)? else { return None };
    // A fine check's place is not in the report: named here the same way.
    let place_of = |i: usize| match &place {
        Some(p) => ["at ", p].concat(),
        None => ["at ", &report::check_element_label(model, report, deps, i)].concat(),
    };
    let result = match ev.checks.iter().find(|c| c.stmt == at) {
        Some(r) => {
            let mut text = report::status_text(r, model);
            let limits: Vec<String> = [("warn", r.warn), ("crit", r.crit)]
                .into_iter()
                .filter_map(|(word, t)| Some(format!("{word} at {}", report::threshold_text(r, t?, model))))
                .collect();
            if let (Some(x), false) = (r.ratio, limits.is_empty()) {
                if !matches!(r.status, crate::Status::Warn | crate::Status::Crit) {
                    text = format!("{text} {}", report::check_value(r, x, model));
                }
                // Over a series, which element decided.
                if let Some(i) = r.at {
                    text = format!("{text} {}", place_of(i));
                }
                text = format!("{text} ({})", limits.join(", "));
            }
            // A comparison that does not hold says what it compared, and
            // over a series, at which element it first fails.
            if r.status == crate::Status::Fail {
                if let Some(i) = r.at {
                    text = format!("{text} {}", place_of(i));
                }
                if let Some(sides) = failed_comparison_at(model, ev, expr, r.at) {
                    text = format!("{text} ({sides})");
                }
            }
            text
        }
        None => String::from("ERROR"),
    };
    Some(work(model, ev, label, expr, result, &Default::default(), None))
}

/// The sides of a comparison that does not hold, evaluated and shown in
/// one unit with as many digits as tell them apart (`658.007 users ==
/// 664`, `1.0000001 GB == 1 GB`): what a failed pin of a number compared.
pub fn failed_comparison(model: &Model, ev: &Evaluation, expr: &Expr) -> Option<String> {
    failed_comparison_at(model, ev, expr, None)
}

/// As [`failed_comparison`], of element `at` where a side is a series.
fn failed_comparison_at(model: &Model, ev: &Evaluation, expr: &Expr, at: Option<usize>) -> Option<String> {
    // `users == 188 or m != 4`, a pin of one element: each comparison's sides.
    if let ExprKind::And(a, b) | ExprKind::Or(a, b) = &expr.kind {
        let word = if matches!(expr.kind, ExprKind::And(..)) { " and " } else { " or " };
        let (x, y) = (failed_comparison_at(model, ev, a, at)?, failed_comparison_at(model, ev, b, at)?);
        return Some([x.as_str(), word, y.as_str()].concat());
    }
    let ExprKind::Compare(op, a, b) = &expr.kind else { return None };
    let mut env = Env::with_values(model, ev);
    let element = |v: Value| match (v, at) {
        (Value::Num(q), _) => Some(q),
        (Value::Series(s), Some(i)) => Quantity::new(*s.values.get(i)?, s.dim),
        _ => None,
    };
    let (Some(x), Some(y)) = (element(env.eval(a).ok()?), element(env.eval(b).ok()?)) else { return None };
    // Both sides in the unit one of them is written or shown in
    // (`$18.7334/month == $18.73/month`, `60% < 50%`).
    fn written(model: &Model, ev: &Evaluation, e: &Expr, q: Quantity) -> Option<FixedUnit> {
        match &e.kind {
            ExprKind::Number(l) if l.percent => Some(FixedUnit::percent()),
            ExprKind::Number(l) => l.unit.as_ref().map(|u| u.display.clone()),
            ExprKind::Neg(inner) => written(model, ev, inner, q),
            ExprKind::Convert(_, u) => Some(u.display.clone()),
            ExprKind::Name(s) => Some(report::value_unit(model, ev, q, *s)),
            _ => None,
        }
    }
    let big = if x.value().abs() >= y.value().abs() { x } else { y };
    // A unit of the larger side's dimension (a written `$0` beside
    // `$/month` is not).
    let fits = |u: &FixedUnit| u.dim == big.dim();
    let unit = written(model, ev, b, y)
        .filter(fits)
        .or_else(|| written(model, ev, a, x).filter(fits))
        .unwrap_or_else(|| crate::format::auto_unit(big, &DisplayHint::default(), &model.units).0);
    // Money to the cent or to six digits, whichever shows more
    // (`$365.146/month`, not `$365.15/month`), as substituted.
    let show = |q: Quantity, digits: usize| match q.dim() == unit.dim {
        true if unit.money && digits == crate::format::FIXED_DIGITS => unit.format_in_full(q),
        true => unit.format_digits(q, digits),
        false => crate::format::auto(q, &DisplayHint::default(), &model.units),
    };
    let (mut l, mut r) = (show(x, crate::format::FIXED_DIGITS), show(y, crate::format::FIXED_DIGITS));
    if l == r {
        (l, r) = (show(x, crate::format::EXACT_DIGITS), show(y, crate::format::EXACT_DIGITS));
    }
    Some(format!("{l} {} {r}", op.symbol()))
}

/// The explanation of `expr`, shown as `name = ...`, whose result reads
/// `result`; the values that decided it read in the result's units (its
/// fixed unit, or the ones `hint` picks).
fn work(
    model: &Model,
    ev: &Evaluation,
    name: &str,
    expr: &Expr,
    result: String,
    hint: &DisplayHint,
    fixed: Option<&FixedUnit>,
) -> Explanation {
    // A time per a period (`h/month`) is the result's, not its parts'.
    let parts = DisplayHint { per_pair: None, ..*hint };
    let show = |v: &Value| match v {
        Value::Num(q) => match fixed.filter(|f| f.dim == q.dim()) {
            Some(f) => f.format(*q),
            None => crate::format::auto(*q, &parts, &model.units),
        },
        _ => report::show_plain(model, v),
    };
    // What decided a `max`/`min` reads with the digits it was substituted
    // with (`10.56 Gbps`, not the result's `10.6 Gbps`).
    let show_full = |v: &Value, slot: Option<Slot>| match v {
        // A plain `0` beside the argument is no value of its name.
        Value::Num(q) => match (
            slot.filter(|&s| model.defs.get(s as usize).is_some_and(|d| d.dim == Some(q.dim()))),
            fixed.filter(|f| f.dim == q.dim()),
        ) {
            (Some(s), _) => report::show_quantity_in_full(model, ev, *q, s),
            (None, Some(f)) => f.format_in_full(*q),
            (None, None) => crate::format::auto_unit(*q, &parts, &model.units).0.format_in_full(*q),
        },
        _ => show(v),
    };
    let src = model.source();
    let formula = expr.span.text(src).trim().to_string();
    let mut names = Vec::new();
    collect_names(expr, &mut names);
    crate::sort_by_key(&mut names, |e| e.span.start);
    let mut substituted = String::new();
    let mut at = expr.span.start as usize;
    let mut rounded = Vec::new();
    rounded_names(expr, &mut rounded);
    for e in &names {
        substituted.push_str(src.get(at..e.span.start as usize).unwrap_or(""));
        let shown = match e.kind {
            ExprKind::Name(s) => match ev.values.get(s as usize) {
                // What `ceil` rounds keeps its fraction: `ceil(9,585,058.37736744)`.
                Some(Ok(Value::Num(q))) if rounded.contains(&e.span) => {
                    with_fraction(&report::value_unit(model, ev, *q, s), *q)
                }
                Some(Ok(v)) => value_text(model, ev, v, s),
                _ => String::from("?"),
            },
            // A row's cell, as written in its table (`$40/month`); a column,
            // or a cell of rows picked per element, read as its value.
            ExprKind::Field(ref obj, ref col, _) => match cell_text(model, ev, obj, col) {
                Some(text) => text,
                None => field_text(model, ev, e, obj, col),
            },
            _ => String::from("?"),
        };
        substituted.push_str(&shown);
        at = e.span.end as usize;
    }
    substituted.push_str(src.get(at..expr.span.end as usize).unwrap_or(""));
    let substituted = substituted.trim().to_string();

    let mut env = Env::with_values(model, ev);
    env.trace = Some(Vec::new());
    let _ = env.eval(expr);
    let trace = env.trace.take().unwrap_or_default();
    let text = |span: Span| span.text(src).trim().to_string();
    let mut steps = Vec::new();
    // What each `max`/`min` chose, and each rounding that changed
    // something (function, call, result).
    let mut chosen: Vec<Choice> = Vec::new();
    let mut roundings: Vec<(Func, Span, String)> = Vec::new();
    let mut picked = None;
    for step in &trace {
        match step {
            Step::Chose { func, call, arg, value, others } => {
                let node = node_at(expr, *arg);
                // The name whose unit the argument reads in, found once for
                // it and the others (all of one dimension).
                let slot = match (node, value) {
                    (Some(n), Value::Num(q)) => arg_slot(model, n, q.dim()),
                    _ => None,
                };
                let v = show_full(value, slot);
                // An argument equal to the one that decided ties with it.
                let (tied, over): (Vec<&Value>, Vec<&Value>) = others.iter().partition(|o| *o == value);
                let list = |vs: Vec<&Value>| vs.into_iter().map(|o| show_full(o, slot)).collect::<Vec<_>>().join(", ");
                // The others are below a maximum, above a minimum.
                let beyond = if *func == Func::Min { "under" } else { "over" };
                let against = match (tied.is_empty(), over.is_empty()) {
                    (true, _) => format!("{beyond} {}", list(over)),
                    (false, true) => format!("tied with {}", list(tied)),
                    (false, false) => format!("tied with {}; {beyond} {}", list(tied), list(over)),
                };
                // A number written in the call is not repeated (`max: 4 GB`).
                let written = arg.text(src).trim();
                let which = match node.is_some_and(|n| matches!(n.kind, ExprKind::Number(_))) {
                    true => String::from(written),
                    false if written == v => v.clone(),
                    false => format!("{written} = {v}"),
                };
                steps.push(format!("{}: {which} decided it ({against})", func.name()));
                chosen.push(Choice { call: *call, arg: *arg, text: String::from(written), value: Some(v) });
            }
            Step::ChoseEach { func, call, args, winners } => {
                // Which argument decided which elements (`tunnels / 10000
                // decided elements 1-2`), in the order they first decide.
                let mut parts: Vec<String> = Vec::new();
                let mut order: Vec<u16> = Vec::new();
                for w in winners {
                    if !order.contains(w) {
                        order.push(*w);
                    }
                }
                for w in order {
                    let Some(&arg) = args.get(w as usize) else { continue };
                    let elements = element_runs(winners, w);
                    parts.push(format!("{} decided {elements}", text(arg)));
                    let which = format!("{} ({elements})", text(arg));
                    chosen.push(Choice { call: *call, arg, text: which, value: None });
                }
                steps.push(format!("{}: {}", func.name(), parts.join("; ")));
            }
            Step::Element { func, arg, index, rows, value } => {
                let v = show(value);
                let row = rows
                    .and_then(|t| model.tables.get(t as usize))
                    .and_then(|t| Some((&t.rows.get(*index)?.name, &t.name)));
                match row {
                    Some((row, table)) => {
                        steps.push(format!("{}: row {row} of `{table}` = {v} decided it", func.name()));
                        picked.get_or_insert(format!("row {row} of {table}"));
                    }
                    None => {
                        let which = format!("element {} of {}", index + 1, text(*arg));
                        steps.push(format!("{}: {which} = {v} decided it", func.name()));
                        chosen.push(Choice { call: *arg, arg: *arg, text: which, value: Some(v) });
                    }
                }
            }
            Step::Rounded { func, call, from, to } => {
                // What was rounded reads in six digits, or all of them when
                // six would hide its fraction (`1.0000001`, not `1`).
                let f = match from {
                    Value::Num(q) => {
                        with_fraction(&crate::format::auto_unit(*q, &Default::default(), &model.units).0, *q)
                    }
                    _ => report::show_plain(model, from),
                };
                let t = report::show_plain(model, to);
                // A fraction within the allowance of `snap` (1e-9 relative,
                // as the spec says) is taken for float noise: say so where
                // that changed the result and the fraction was more than
                // noise (`ceil(3.0000000001)` is 3).
                let snapped = match (from, func) {
                    (Value::Num(q), Func::Ceil | Func::Floor) => {
                        let x = q.value();
                        let round = if *func == Func::Ceil { libm::ceil } else { libm::floor };
                        round(x) != round(snap(x)) && (x - snap(x)).abs() > 1e-12 * x.abs()
                    }
                    _ => false,
                };
                let note = if snapped { " (within 1e-9 of a whole number, so taken as that number)" } else { "" };
                steps.push(format!("{}: {f} -> {t}{note}", func.name()));
                if f != t {
                    roundings.push((*func, *call, t));
                }
            }
            Step::Picked { table, rows, skipped, .. } => {
                let t = &model.tables[*table as usize];
                let name = |r: &u32| t.rows[*r as usize].name.to_string();
                let (what, chosen) = match &rows[..] {
                    [row] => ("row", name(row)),
                    _ => ("rows", runs(rows.iter().map(name))),
                };
                let mut s = format!("pick: {what} {chosen} of `{}`", t.name);
                if rows.len() > 1 {
                    s.push_str(", one for each element");
                }
                if !skipped.is_empty() {
                    let sk: Vec<String> = skipped.iter().map(name).collect();
                    let rows = if sk.len() == 1 { "row" } else { "rows" };
                    s.push_str(&format!(" ({rows} {} did not meet the condition)", sk.join(", ")));
                }
                steps.push(s);
                picked.get_or_insert(format!("{what} {chosen} of {}", t.name));
            }
            Step::Library { func, args, result } => steps.push(library_step(model, hint, *func, args, result)),
            Step::Crossed { func, index, found } => steps.push(match index {
                // The element's place, and what it is: element 41 of `0 .. 120` is 40.
                Some(i) => {
                    let what = match func {
                        Func::Runway => "runway: the limit is reached at",
                        _ => "first_where: the condition first holds at",
                    };
                    match found {
                        Some(q) => {
                            format!("{what} {} (element {})", crate::format::auto(*q, hint, &model.units), i + 1)
                        }
                        None => format!("{what} element {}", i + 1),
                    }
                }
                None if *func == Func::Runway => String::from("runway: the limit is never reached"),
                None => String::from("first_where: the condition never holds"),
            }),
            Step::Branch { span, then } => {
                steps.push(format!("if: took the `{}` branch of {}", if *then { "then" } else { "else" }, text(*span)));
            }
        }
    }
    // What bound the result: the deepest choices on the winning side of
    // every choice around them (`max(a, b) + max(c, d)` is bound by one
    // argument of each; in `max(c, max(a, b))` won by `c`, `a` bound nothing).
    let within = |inner: Span, outer: Span| outer.start <= inner.start && inner.end <= outer.end;
    let counts =
        |c: &Choice| chosen.iter().all(|o| o.call == c.call || !within(c.call, o.call) || within(c.call, o.arg));
    let kept: Vec<&Choice> = chosen.iter().filter(|c| counts(c)).collect();
    let bounds: Vec<&Choice> =
        kept.iter().copied().filter(|c| !kept.iter().any(|k| k.call != c.call && within(k.call, c.arg))).collect();
    // Only a rounding of what decided the result (`ceil(max(...))`)
    // belongs after `bound by`, not one inside an argument.
    let rounded = roundings.into_iter().find(|(_, call, _)| bounds.iter().all(|b| within(b.call, *call)));
    let mut summary = format!("{name} = {result}");
    if !bounds.is_empty() {
        // A number written in the formula needs no `= value` after it.
        let literal = |arg: &str| {
            arg.trim_start_matches(['-', '$']).starts_with(|c: char| c.is_ascii_digit())
                && !arg.contains(['*', '+', '(', '^', ','])
                && !arg.contains(" / ")
                // `1/3` divides; `5 MB/s` is one number with its unit.
                && !arg.as_bytes().windows(2).any(|w| w[0].is_ascii_digit() && w[1] == b'/')
        };
        let parts: Vec<String> = bounds
            .iter()
            .map(|b| match &b.value {
                Some(v) if !literal(&b.text) => format!("{} = {v}", b.text),
                _ => b.text.clone(),
            })
            .collect();
        summary.push_str(", bound by ");
        summary.push_str(&parts.join(" and "));
        if let Some((f, _, to)) = rounded.filter(|(f, ..)| matches!(f, Func::Ceil | Func::Floor | Func::Round)) {
            summary.push_str(&format!(" -> {}", f.name()));
            // When more follows the rounding (`ceil(...) + 1 node`), say
            // what the rounding gave.
            if to.trim_matches(['[', ']']) != result {
                summary.push_str(&format!(" = {to}"));
            }
        }
    } else if let Some(p) = picked {
        summary.push_str(&format!(", from {p}"));
    }
    Explanation { name: name.to_string(), formula, substituted, result, summary, steps }
}

/// What a `max` or `min` chose: the call, the deciding argument, its text
/// and its value as shown.
struct Choice {
    call: Span,
    arg: Span,
    text: String,
    /// The value it chose, as shown; none when it chose element by
    /// element (its text names the elements).
    value: Option<String>,
}

/// The arithmetic of a capacity function's one value, in the units the
/// value's formula writes (`hint`).
fn library_step(model: &Model, hint: &DisplayHint, func: Func, args: &[Quantity], result: &Quantity) -> String {
    // Six digits, so that the arithmetic adds up (`138.24 GB/day`).
    let q = |x: &Quantity| crate::format::auto_in_full(*x, hint, &model.units);
    let pct = |x: &Quantity| FixedUnit::percent().format(*x);
    let n = |v: f64| crate::format::number(v, 6);
    let arg = |i: usize| args.get(i).copied().unwrap_or(Quantity::ZERO);
    let name = func.name();
    // A queue's offered load: arrivals times service time.
    let load = arg(0).value() * arg(1).value();
    let busy = |servers: f64| FixedUnit::percent().format_value(load / servers * 100.0, 6);
    let servers = |c: f64| format!("{} server{}", n(c), if c == 1.0 { "" } else { "s" });
    match func {
        Func::ScaleOut => {
            let raw = arg(0).value() * (1.0 + arg(1).value());
            let mut t = format!(
                "{name}: {} × (1 + {}) = {} -> ceil {}",
                q(&arg(0)),
                pct(&arg(1)),
                n(raw),
                n(libm::ceil(snap(raw)))
            );
            if arg(2).value() != 0.0 {
                let spares = if arg(2).value() == 1.0 { "spare" } else { "spares" };
                t.push_str(&format!(", + {} {spares} = {}", q(&arg(2)), q(result)));
            }
            t
        }
        Func::Stored => {
            let (elapsed, retention) = (arg(1), arg(2));
            let units = &model.units;
            // The window kept reads in its own unit where it is whole there
            // (`12 months`, `30 days`), else in days (or hours, seconds),
            // and the rate per that unit, so that the arithmetic adds up.
            let kept = if retention.value() < elapsed.value() { retention } else { elapsed };
            let own = crate::format::auto_unit(kept, hint, units).0;
            let whole = |f: f64| {
                let n = kept.value() / f;
                (n - libm::round(n)).abs() <= 1e-9 * n.abs().max(1.0)
            };
            let size = |sym: &str, f: f64| units.lookup(sym).map_or(f, |u| u.factor);
            let day = size("day", crate::units::DAY);
            // Whole days read in days (`1 day`, not `24 h`), as does nothing
            // kept yet (`0 days`, not `0 s`).
            let unit = if whole(own.factor) && own.factor >= day {
                own
            } else if kept.value() == 0.0 || (kept.value() >= day * 0.9995 && whole(day)) {
                FixedUnit { text: "day".into(), factor: day, ..own }
            } else if whole(own.factor) {
                own
            } else {
                let (sym, f) = [("day", crate::units::DAY), ("h", 3600.0), ("s", 1.0)]
                    .into_iter()
                    .map(|(sym, f)| (sym, size(sym, f)))
                    .find(|&(_, f)| kept.value() >= f * 0.9995)
                    .unwrap_or(("s", 1.0));
                FixedUnit { text: sym.into(), factor: f, ..own }
            };
            let per = units.lookup(&unit.text).map(|u| u.id);
            let window = match retention.value() < elapsed.value() {
                true => {
                    let elapsed = crate::format::auto(elapsed, hint, units);
                    format!("{} (the retention; {elapsed} elapsed)", unit.format(retention))
                }
                false => unit.format(elapsed),
            };
            let kept = args.get(3).map(|k| format!(" × {} kept", pct(k))).unwrap_or_default();
            let rate = crate::format::auto_in_full(arg(0), &DisplayHint { per_time: per, ..*hint }, units);
            format!("{name}: {rate} × {window}{kept} = {}", q(result))
        }
        Func::Compound => {
            let churn = args.get(3).map(|c| format!(" − {}", pct(c))).unwrap_or_default();
            format!("{name}: {} × (1 + {}{churn}) ^ {} = {}", q(&arg(0)), pct(&arg(1)), n(arg(2).value()), q(result))
        }
        Func::InFlight => format!("{name} (Little's law): {} × {} = {}", q(&arg(0)), q(&arg(1)), q(result)),
        Func::ErlangC => format!(
            "{name}: an offered load of {} on {} ({} busy) waits with probability {}",
            n(load),
            servers(arg(2).value()),
            busy(arg(2).value()),
            n(result.value())
        ),
        Func::QueueWait => format!(
            "{name}: an offered load of {} on {} ({} busy) waits {} on average",
            n(load),
            servers(arg(2).value()),
            busy(arg(2).value()),
            q(result)
        ),
        Func::ServersForWait => {
            let needed = result.value();
            let wait = |c: f64| {
                let c = Quantity::plain(c).unwrap_or(Quantity::ZERO);
                crate::library::queue_wait(arg(0), arg(1), c).map(|w| q(&w))
            };
            let mut t = format!("{name}: an offered load of {}", n(load));
            if let Ok(w) = wait(needed) {
                t.push_str(&format!(
                    "; with {} a request waits {w} on average, within {}",
                    servers(needed),
                    q(&arg(2))
                ));
            }
            if needed > 1.0 {
                match wait(needed - 1.0) {
                    Ok(w) => t.push_str(&format!("; with {} it would wait {w}", n(needed - 1.0))),
                    Err(_) => t.push_str(&format!("; {} could not keep up", n(needed - 1.0))),
                }
            }
            t
        }
        _ => {
            let nodes = arg(0).value();
            format!(
                "{name}: {} / (1 + {} × {} + {} × {} × {}) = {}",
                n(nodes),
                pct(&arg(1)),
                n(nodes - 1.0),
                pct(&arg(2)),
                n(nodes),
                n(nodes - 1.0),
                n(result.value())
            )
        }
    }
}

/// The elements (counted from 1) where `winners` holds `w`, as runs:
/// `elements 1–2, 5`, `element 3`, `every element`.
fn element_runs(winners: &[u16], w: u16) -> String {
    if winners.iter().all(|&x| x == w) {
        return String::from("every element");
    }
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (i, _) in winners.iter().enumerate().filter(|&(_, &x)| x == w) {
        match spans.last_mut() {
            Some((_, end)) if *end + 1 == i => *end = i,
            _ => spans.push((i, i)),
        }
    }
    let one = spans.len() == 1 && spans[0].0 == spans[0].1;
    let list: Vec<String> = spans
        .iter()
        .map(|&(a, b)| if a == b { format!("{}", a + 1) } else { format!("{}\u{2013}{}", a + 1, b + 1) })
        .collect();
    format!("{} {}", if one { "element" } else { "elements" }, list.join(", "))
}

/// Names in order, a run of the same name written once with its count:
/// `m ×3, l`.
fn runs(names: impl Iterator<Item = String>) -> String {
    let mut out: Vec<(String, usize)> = Vec::new();
    for n in names {
        match out.last_mut() {
            Some((last, count)) if *last == n => *count += 1,
            _ => out.push((n, 1)),
        }
    }
    let parts: Vec<String> = out.into_iter().map(|(n, c)| if c > 1 { format!("{n} \u{d7}{c}") } else { n }).collect();
    parts.join(", ")
}

impl Explanation {
    /// Whether the summary says more than `name = result` (which argument
    /// bound it, which row was picked).
    pub fn has_decision(&self) -> bool {
        self.summary.len() > self.name.len() + 3 + self.result.len()
    }
}

/// The explanation as text lines, as the CLI prints it: a line repeats
/// nothing the line above already says, so a constant takes one line.
pub fn render(e: &Explanation) -> String {
    let pad = " ".repeat(e.name.chars().count());
    let mut out = format!("{} = {}\n", e.name, e.formula);
    let mut last = &e.formula;
    for line in [&e.substituted, &e.result] {
        if line != last {
            out.push_str(&format!("{pad} = {line}\n"));
            last = line;
        }
    }
    for s in &e.steps {
        out.push_str(&format!("{pad}   {s}\n"));
    }
    if e.has_decision() {
        out.push_str(&format!("  {}\n", e.summary));
    }
    out
}

/// A column (`bill.cost`), or a cell of rows picked per element, as its
/// value: a column in the units its cells are written in (`$300/month`).
fn field_text(model: &Model, ev: &Evaluation, field: &Expr, obj: &Expr, col: &str) -> String {
    let mut env = Env::with_values(model, ev);
    match env.eval(field) {
        Ok(Value::Series(s)) => {
            // The column reads in the units its cells are written in, for a
            // whole column (`tiers.price`) as for rows picked per element.
            let table = match obj.kind {
                ExprKind::Table(t) => Some(t),
                _ => match env.eval(obj) {
                    Ok(Value::Rows(t, _)) => Some(t),
                    _ => None,
                },
            };
            let hint = table
                .and_then(|t| model.tables.get(t as usize))
                .and_then(|table| table.column(col).map(|c| crate::parser::column_hint(table, c, &model.units)))
                .unwrap_or_default();
            series_text(&s.values, |x| match crate::Quantity::new(x, s.dim) {
                Some(q) => crate::format::auto_in_full(q, &hint, &model.units),
                None => crate::format::auto_element(x, s.dim, &hint, &model.units),
            })
        }
        Ok(v) => report::show_plain(model, &v),
        Err(_) => String::from("?"),
    }
}

/// A series as substituted into a formula: whole up to four elements, else
/// its first two and its last (`[1, 2, ..., 12]`).
fn series_text(values: &[f64], show: impl Fn(f64) -> String) -> String {
    let parts: Vec<String> = match values {
        [a, b, .., z] if values.len() > 4 => Vec::from([show(*a), show(*b), String::from("..."), show(*z)]),
        _ => values.iter().map(|&x| show(x)).collect(),
    };
    format!("[{}]", parts.join(", "))
}

/// The source text of cell `col` of the row that name `obj` holds.
fn cell_text(model: &Model, ev: &Evaluation, obj: &Expr, col: &str) -> Option<String> {
    let ExprKind::Name(s) = obj.kind else { return None };
    let Some(Ok(Value::Row(t, r))) = ev.values.get(s as usize) else { return None };
    let table = model.tables.get(*t as usize)?;
    let cell = table.rows.get(*r as usize)?.cells.get(table.column(col)?)?.as_ref()?;
    // A cell written as a formula (`8 GB + 8 GB`) is substituted by its
    // value: pasted as written, `8 GB + 8 GB * 2` would not add up.
    if matches!(cell.kind, ExprKind::Binary(..) | ExprKind::Call(..) | ExprKind::If(..) | ExprKind::Convert(..)) {
        return None;
    }
    let text = cell.span.text(model.source()).trim();
    // A bare number under `Price ($/month)` or `Share (%)` reads its unit
    // from the header: `150` alone would not add up, so it is substituted
    // by its value (`$150/month`), or with its `%`.
    let lit = match &cell.kind {
        ExprKind::Neg(inner) => &inner.kind,
        kind => kind,
    };
    let bare = !text.contains(|c: char| c.is_alphabetic() && c != 'e' && c != 'E' || c == '$' || c == '%');
    match lit {
        ExprKind::Number(l) if bare && l.percent => Some(format!("{text}%")),
        ExprKind::Number(l) if bare && l.unit.is_some() => None,
        _ => Some(text.to_string()),
    }
}

/// What an explanation substitutes in an expression: the names it refers
/// to, and the columns and cells it reads (`budget.ms`, `plan.memory`).
fn collect_names<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    match &e.kind {
        ExprKind::Name(_) => out.push(e),
        ExprKind::Field(obj, ..) if matches!(obj.kind, ExprKind::Name(_) | ExprKind::Table(_)) => out.push(e),
        _ => e.children().into_iter().for_each(|c| collect_names(c, out)),
    }
}

/// `q` in `unit` with six digits, or all of them when six would hide its
/// fraction (`9,585,058.37736744`, not `9,585,058`): what is rounded.
fn with_fraction(unit: &crate::format::FixedUnit, q: crate::Quantity) -> String {
    let v = q.value() / unit.factor;
    let whole = libm::round(v);
    let digits = if v != whole && unit.format_value(v, 6) == unit.format_value(whole, 6) { EXACT_DIGITS } else { 6 };
    unit.format_value(v, digits)
}

/// The spans of the names `ceil`, `floor` or `round` take in `e`: their
/// values are substituted with their fraction.
fn rounded_names(e: &Expr, out: &mut Vec<Span>) {
    if let ExprKind::Call(Func::Ceil | Func::Floor | Func::Round, args) = &e.kind {
        if let [arg] = &args[..] {
            if matches!(arg.kind, ExprKind::Name(_)) {
                out.push(arg.span);
            }
        }
    }
    e.children().into_iter().for_each(|c| rounded_names(c, out));
}

/// The node of `e` at `span` (an argument a trace step names).
fn node_at(e: &Expr, span: Span) -> Option<&Expr> {
    match e.span == span {
        true => Some(e),
        false => e
            .children()
            .into_iter()
            .filter(|c| c.span.start <= span.start && span.end <= c.span.end)
            .find_map(|c| node_at(c, span)),
    }
}

/// The name whose unit an argument's value reads in: the argument itself,
/// or a name inside it of the value's dimension (`x` of `x - 400_000
/// GiB*s/month` reads in `x`'s GiB·s/month, not in the result's dollars).
fn arg_slot(model: &Model, arg: &Expr, dim: crate::units::Dim) -> Option<Slot> {
    let mut names = Vec::new();
    collect_names(arg, &mut names);
    names.into_iter().find_map(|n| match n.kind {
        ExprKind::Name(s) if model.defs.get(s as usize)?.dim == Some(dim) => Some(s),
        _ => None,
    })
}

/// A value as substituted into a formula: short, in the name's display.
fn value_text(model: &Model, ev: &Evaluation, v: &Value, slot: Slot) -> String {
    match v {
        Value::Num(q) => report::show_quantity_in_full(model, ev, *q, slot),
        // Each element with six digits, as a single value is substituted,
        // in the unit its column shows (`0 months, 1 month, ..., 36
        // months`, not `0 years, ..., 3 years`), or each in its own where
        // the column shows them so.
        Value::Series(s) => {
            let (unit, _) = report::series_unit(model, ev, slot, s);
            let own = report::each_in_own_unit(&model.defs[slot as usize], s, &unit);
            series_text(&s.values, |x| match crate::Quantity::new(x, s.dim) {
                Some(q) if own && x != 0.0 => report::show_quantity_in_full(model, ev, q, slot),
                Some(q) => unit.format_in_full(q),
                None => crate::format::auto_element(x, s.dim, &Default::default(), &model.units),
            })
        }
        other => report::show_plain(model, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Overrides;

    #[test]
    fn a_check_explains_what_it_measures_and_where_it_stands() {
        let src = "input used = 400 MB\nlimit = 512 MB\ncheck \"Memory\" used / limit warn 70% crit 85%\n\
                   check \"Fits\" used <= limit\ncheck \"Low\" used / limit / 4 warn 70% crit 85%\n";
        let model = Model::parse(src);
        let ev = model.evaluate(&Overrides::new());
        let memory = explain_check(&model, &ev, &Report::new(&model, &ev), 0).unwrap();
        assert_eq!(memory.name, "Memory");
        assert_eq!(memory.formula, "used / limit");
        assert_eq!(memory.substituted, "400 MB / 512 MB");
        assert_eq!(memory.result, "WARN 78.1% (warn at 70%, crit at 85%)");
        assert_eq!(explain_check(&model, &ev, &Report::new(&model, &ev), 1).unwrap().result, "PASS");
        assert_eq!(
            explain_check(&model, &ev, &Report::new(&model, &ev), 2).unwrap().result,
            "OK 19.5% (warn at 70%, crit at 85%)"
        );
        assert!(explain_check(&model, &ev, &Report::new(&model, &ev), 3).is_none());
        // Over a series: which element decided, by the series' axis.
        let model =
            Model::parse("month = 1 .. 12\nuse = 40 GB * 1.2 ^ month\ncheck \"Disk\" use / 100 GB warn 70% crit 85%\n");
        let ev = model.evaluate(&crate::Overrides::new());
        assert_eq!(
            explain_check(&model, &ev, &Report::new(&model, &ev), 0).unwrap().result,
            "CRIT 357% at month = 12; CRIT from month = 5 (warn at 70%, crit at 85%)"
        );
    }

    #[test]
    fn a_failed_comparison_gives_its_sides_with_the_digits_that_differ() {
        let src = "unit user\nusers = (1 .. 3) * 219.3357 user\na = 1000.0001 MB\n\
                   check \"pin\" round(last(users) / 1 user) == 664\ncheck \"tol\" a == 1 GB\n";
        let model = Model::parse(src);
        let ev = model.evaluate(&Overrides::new());
        let checks: Vec<&Expr> = model
            .stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Check { expr, .. } => Some(expr),
                _ => None,
            })
            .collect();
        assert_eq!(failed_comparison(&model, &ev, checks[0]).as_deref(), Some("658 == 664"));
        assert_eq!(failed_comparison(&model, &ev, checks[1]).as_deref(), Some("1.0000001 GB == 1 GB"));
        // In the units the sides are written in.
        let src = "cost = $18.7334/month\nutil = 60%\ncheck \"pin\" cost == $18.73/month\ncheck \"u\" util < 50%\n\
                   check \"g\" 1.5 GiB <= 1 GiB\ncheck \"z\" cost < $0\ncheck \"n\" util < -10%\n";
        let model = Model::parse(src);
        let ev = model.evaluate(&Overrides::new());
        let sides: Vec<String> = model
            .stmts
            .iter()
            .filter_map(|s| match s {
                Stmt::Check { expr, .. } => failed_comparison(&model, &ev, expr),
                _ => None,
            })
            .collect();
        assert_eq!(
            sides,
            ["$18.7334/month == $18.73/month", "60% < 50%", "1.5 GiB <= 1 GiB", "$18.7334/month < $0", "60% < -10%"]
        );
    }

    #[test]
    fn a_failed_comparison_shows_the_digits_that_differ() {
        // Rounded to the cent, both sides read $18.73/month.
        let model = Model::parse("cost = $18.7334/month\ncheck \"pin\" cost == $18.73/month\n");
        let ev = model.evaluate(&Overrides::new());
        assert_eq!(
            explain_check(&model, &ev, &Report::new(&model, &ev), 0).unwrap().substituted,
            "$18.7334/month == $18.73/month"
        );
    }

    #[test]
    fn a_rounding_says_when_a_fraction_was_taken_for_float_noise() {
        // 10 PB of 1 MiB objects is 9,536,743,164.0625: a fraction that six
        // digits hide and that counts.
        let model = Model::parse(
            "unit obj\nc = ceil(10 PB / (1 MiB/obj))\nd = ceil(2.4)\ne = ceil(0.1 + 0.2 - 0.3 + 3)\nf = ceil(3.0000000001)\ng = ceil(2.9999999999)\n",
        );
        let ev = model.evaluate(&Overrides::new());
        let steps = |slot| explain(&model, &ev, slot).unwrap().steps;
        assert_eq!(steps(0), ["ceil: 9,536,743,164.0625 objs -> 9,536,743,165 objs"]);
        assert_eq!(steps(1), ["ceil: 2.4 -> 3"]);
        // Float noise is not worth a word; a fraction within the spec's
        // 1e-9 is.
        assert_eq!(steps(2), ["ceil: 3 -> 3"]);
        assert_eq!(steps(3), ["ceil: 3.0000000001 -> 3 (within 1e-9 of a whole number, so taken as that number)"]);
        // Nor where it changed nothing.
        assert_eq!(steps(4), ["ceil: 2.9999999999 -> 3"]);
    }
}
