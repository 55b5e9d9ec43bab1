//! The built-in functions: rounding, `min`/`max`, math, and the series
//! reductions. Element-wise functions map over a series; reductions take a
//! series (a single number counts as a series of one).

use super::{describe_dim, fail, fail_with, num, EResult, Env, Failure, Step};
use crate::ast::{Expr, Func};
use crate::diagnostic::{Diagnostic, ErrorKind};
use crate::library;
use crate::span::Span;
use crate::units::{Dim, BYTE, FIRST_COUNT, MONEY, SECOND};
use crate::value::{Quantity, Series, Value};
use alloc::format;
use alloc::vec::Vec;

/// `x`, or the integer it is within 1e-9 of (relative to `x`), so that
/// float noise such as `3.0000000000000004` never adds an instance when
/// rounded up; a tiny load (`1e-12`) still needs one. The allowance
/// stops at a millionth plus 16 units in the last place of `x` (the noise
/// of a long formula): at billions, 1e-9 of the value is whole units, and
/// the .44 of 2,748,779,069.44 blocks is a block, not noise.
pub fn snap(x: f64) -> f64 {
    let r = libm::round(x);
    if (x - r).abs() <= noise(x) {
        r
    } else {
        x
    }
}

/// How far from a whole number (or half) `x` may be by float noise alone.
fn noise(x: f64) -> f64 {
    (1e-9 * x.abs()).min(1e-6 + 16.0 * f64::EPSILON * x.abs())
}

/// [`snap`] to the nearest half as well, for `round`: `1.005 * 100` is
/// 100.49999999999999 in doubles, 100.5 in the decimals it was written in.
fn snap_half(x: f64) -> f64 {
    let h = libm::round(2.0 * x) / 2.0;
    if (x - h).abs() <= noise(x) {
        h
    } else {
        x
    }
}

/// `f(x)` for an element-wise function, in `out_dim`.
fn math(f: Func, x: f64, out_dim: Dim, span: Span) -> EResult<f64> {
    let y = match f {
        Func::Ceil => libm::ceil(snap(x)),
        Func::Floor => libm::floor(snap(x)),
        Func::Round => libm::round(snap_half(x)),
        Func::Abs => x.abs(),
        Func::Sqrt if x < 0.0 => {
            return Err(fail(ErrorKind::NotFinite, span, "the square root of a negative number is not a real number"))
        }
        Func::Sqrt => libm::sqrt(x),
        Func::Ln | Func::Log10 if x <= 0.0 => {
            return Err(fail(
                ErrorKind::NotFinite,
                span,
                "the logarithm of a number at or below zero is not a real number",
            ))
        }
        Func::Ln => libm::log(x),
        Func::Log10 => libm::log10(x),
        _ => libm::exp(x),
    };
    Ok(num(y, out_dim, span)?.value())
}

impl Env<'_> {
    pub(super) fn call(&mut self, f: Func, args: &[Expr], span: Span) -> EResult<Value> {
        // What these take is a series whole, also in a `pick` condition.
        let whole = match f {
            Func::Min | Func::Max => args.len() == 1,
            Func::Sum | Func::Mean | Func::First | Func::Last | Func::Len | Func::Product => true,
            Func::FirstWhere | Func::Runway => true,
            _ => false,
        };
        self.whole += u32::from(whole);
        let out = self.call_of(f, args, span);
        self.whole -= u32::from(whole);
        out
    }

    fn call_of(&mut self, f: Func, args: &[Expr], span: Span) -> EResult<Value> {
        match f {
            Func::Ceil | Func::Floor | Func::Round | Func::Abs | Func::Sqrt | Func::Ln | Func::Log10 | Func::Exp => {
                let arg = &args[0];
                let v = self.eval(arg)?;
                let out = self.map(f, &v, arg)?;
                if matches!(f, Func::Ceil | Func::Floor | Func::Round) {
                    if let Some(trace) = &mut self.trace {
                        trace.push(Step::Rounded { func: f, call: span, from: v, to: out.clone() });
                    }
                }
                Ok(out)
            }
            Func::Min | Func::Max => self.extreme(f, args, span),
            Func::Sum | Func::Mean | Func::First | Func::Last | Func::Len | Func::Product => {
                let arg = &args[0];
                let v = self.eval(arg)?;
                self.reduce(f, v, arg)
            }
            Func::FirstWhere => self.first_where(&args[0], &args[1], span),
            Func::Runway => self.runway(args, span),
            Func::Compound
            | Func::Stored
            | Func::ScaleOut
            | Func::InFlight
            | Func::ErlangC
            | Func::QueueWait
            | Func::ServersForWait
            | Func::Usl => self.capacity(f, args, span),
        }
    }

    /// A capacity function of the library, element by element when an
    /// argument is a series.
    fn capacity(&mut self, f: Func, args: &[Expr], span: Span) -> EResult<Value> {
        let mut vals = Vec::with_capacity(args.len());
        let mut len: Option<(usize, usize)> = None;
        for (i, a) in args.iter().enumerate() {
            let v = self.eval(a)?;
            match &v {
                Value::Num(_) => {}
                // The library's formulas have no meaning for a bound never
                // reached; it must not pass as 0.
                Value::Series(s) if s.values.iter().any(|x| !x.is_finite()) => {
                    let what = if s.values.iter().any(|x| x.is_nan()) { "an empty" } else { "an `unlimited`" };
                    return Err(fail(
                        ErrorKind::NotFinite,
                        a.span,
                        format!("`{}` cannot work with {what} element", f.name()),
                    ));
                }
                Value::Series(s) => match len {
                    Some((n, j)) if n != s.values.len() => {
                        return Err(fail_with(
                            Diagnostic::new(
                                ErrorKind::LengthMismatch,
                                a.span,
                                format!(
                                    "`{}` needs series of one length; this has {} elements",
                                    f.name(),
                                    s.values.len()
                                ),
                            )
                            .with_secondary(args[j].span, format!("{n} elements")),
                        ))
                    }
                    _ => len = Some((s.values.len(), i)),
                },
                other => return Err(self.type_error(&format!("`{}` needs numbers", f.name()), other, a.span)),
            }
            vals.push(v);
        }
        // Growth per a time (`5% / 1 month`) over a time (`12 month`) is a
        // growth per period over a number of periods.
        let second = Dim::base(crate::units::SECOND);
        let per_time = Dim::NONE.per(second);
        let mut growth_period = None;
        if f == Func::Compound && numeric_dim(&vals[1]) == per_time {
            let Some(period) = self.period_of(&args[1]) else {
                return Err(fail_with(
                    Diagnostic::new(
                        ErrorKind::TypeMismatch,
                        args[1].span,
                        "`compound` cannot tell this growth's period",
                    )
                    .with_help(
                        "write it per one period, as in `5% / 1 month`, or as `5%` with the periods counted: `12`",
                    ),
                ));
            };
            vals[1] = rescaled(&vals[1], period, Dim::NONE);
            match numeric_dim(&vals[2]) {
                Some(d) if d == second => vals[2] = rescaled(&vals[2], 1.0 / period, Dim::NONE),
                Some(d) if !d.is_none() => {
                    return Err(fail(
                        ErrorKind::TypeMismatch,
                        args[2].span,
                        "`compound`: with a growth per a time, the periods are a time, such as `12 month`, or a count of the growth's periods, such as `12`",
                    ))
                }
                _ => {}
            }
            growth_period = Some(period);
        }
        // Churn per a time (`8%/month`) is churn per the growth's period.
        // Per another time, both compound per the shorter of the two: a
        // churn of 1%/day keeps 0.99^365 of a year's users, not -265%.
        if f == Func::Compound && vals.len() == 4 && numeric_dim(&vals[3]) == per_time {
            let Some(period) = growth_period else {
                return Err(fail_with(
                    Diagnostic::new(ErrorKind::TypeMismatch, args[3].span, "`compound`: this churn is per a time, the growth is per period")
                        .with_help("write both per a time (`5% / 1 month`, `2% / 1 month`), or both as plain percentages per period"),
                ));
            };
            let churn_period = self.period_of(&args[3]).unwrap_or(period);
            let step = period.min(churn_period);
            vals[3] = rescaled(&vals[3], churn_period, Dim::NONE);
            if churn_period != period {
                // Growth below -100% or churn above 100% has no rate per a
                // shorter time: left as it is, the library refuses it.
                let (g, c) = (step / period, step / churn_period);
                vals[1] = mapped(&vals[1], |x| if x >= -1.0 { libm::pow(1.0 + x, g) - 1.0 } else { x });
                vals[3] = mapped(&vals[3], |x| if x <= 1.0 { 1.0 - libm::pow(1.0 - x, c) } else { x });
                vals[2] = rescaled(&vals[2], period / step, Dim::NONE);
            }
        }
        // A queue's customer is what its service time is per: in those
        // (batches, gigabytes), not in the base count, the wait is a time.
        if matches!(f, Func::ErlangC | Func::QueueWait | Func::ServersForWait) {
            let k = self.customer_size(&args[1], 0);
            if k != 1.0 {
                vals[0] = rescaled(&vals[0], 1.0 / k, numeric_dim(&vals[0]).unwrap_or(Dim::NONE));
                vals[1] = rescaled(&vals[1], k, numeric_dim(&vals[1]).unwrap_or(Dim::NONE));
            }
        }
        let at = |v: &Value, i: usize| -> Quantity {
            match v {
                Value::Num(q) => *q,
                Value::Series(s) => Quantity::new(s.values[i], s.dim).unwrap_or(Quantity::ZERO),
                _ => Quantity::ZERO,
            }
        };
        let call = |i: usize| -> Result<Quantity, library::ArgError> {
            let q = |k: usize| at(&vals[k], i);
            let opt = |k: usize| vals.get(k).map(|v| at(v, i));
            match f {
                Func::Compound => library::compound(q(0), q(1), q(2), opt(3)),
                Func::Stored => library::stored(q(0), q(1), q(2), opt(3)),
                Func::ScaleOut => library::scale_out(q(0), q(1), q(2)),
                Func::InFlight => library::in_flight(q(0), q(1)),
                Func::ErlangC => library::erlang_c(q(0), q(1), q(2)),
                Func::QueueWait => library::queue_wait(q(0), q(1), q(2)),
                Func::ServersForWait => library::servers_for_wait(q(0), q(1), q(2)),
                _ => library::usl(q(0), q(1), q(2)),
            }
        };
        let bad = |e: library::ArgError| {
            let span = args.get(e.arg).map_or(span, |a| a.span);
            fail(ErrorKind::TypeMismatch, span, format!("`{}`: {}", f.name(), e.message))
        };
        // The queueing functions take a step per server: what they did is
        // paid for after each call (a call does at most a million steps).
        // A step is a few multiplications, some sixteen times less work
        // than a step of evaluation: `servers_for_wait` over 120 months of
        // a growing load needs a million of them.
        let work = |i: usize, q: Quantity| -> u64 {
            let servers = match f {
                Func::ErlangC | Func::QueueWait => at(&vals[2], i).value(),
                Func::ServersForWait => q.value(),
                _ => 1.0,
            };
            (servers.max(1.0).min(library::MAX_SERVERS as f64) as u64).div_ceil(16)
        };
        let Some((n, _)) = len else {
            let q = call(0).map_err(bad)?;
            self.burn(work(0, q), span)?;
            if let Some(trace) = &mut self.trace {
                let args = vals.iter().map(|v| at(v, 0)).collect();
                trace.push(Step::Library { func: f, args, result: q });
            }
            return Ok(Value::Num(q));
        };
        let mut out = Vec::with_capacity(n);
        let mut dim = Dim::NONE;
        for i in 0..n {
            match call(i) {
                Ok(q) => {
                    self.burn(work(i, q), span)?;
                    dim = q.dim();
                    out.push(q.value());
                }
                // An element a guarding `if` does not use.
                Err(_) if self.skips(n, i) => out.push(0.0),
                // Servers that cannot keep up wait without end: that
                // element is unlimited, the others still count (a table
                // of waits by number of servers).
                Err(_)
                    if f == Func::QueueWait
                        && library::queue_unbounded(at(&vals[0], i), at(&vals[1], i), at(&vals[2], i)) =>
                {
                    // A wait, even when every element is one without end.
                    dim = Dim::base(SECOND);
                    out.push(f64::INFINITY)
                }
                Err(e) => return Err(bad(e)),
            }
        }
        Ok(Value::Series(Series { values: out.into(), dim }))
    }

    /// The period, in seconds, of a percentage per a time: written (`5% /
    /// 1 month`) or a name shown per it (`growth` in `%/month`), negated,
    /// scaled or added to (`-5%/month`, `2 * growth`).
    fn period_of(&self, e: &Expr) -> Option<f64> {
        use crate::ast::{BinOp, ExprKind};
        match &e.kind {
            ExprKind::Binary(BinOp::Div, a, b) => match &b.kind {
                ExprKind::Number(l) if l.unit.is_some() => Some(l.value.value()),
                _ => self.period_of(a),
            },
            ExprKind::Binary(BinOp::Add | BinOp::Sub | BinOp::Mul, a, b) => {
                self.period_of(a).or_else(|| self.period_of(b))
            }
            ExprKind::Neg(x) => self.period_of(x),
            ExprKind::Name(s) => {
                let fixed = self.model.defs.get(*s as usize)?.fixed.as_ref()?;
                fixed.text.starts_with("%/").then(|| 0.01 / fixed.factor)
            }
            _ => None,
        }
    }

    /// How many base units one customer of a queue is: the size of the unit
    /// a service time is written per (`5 s/batch` under `unit batch = 100
    /// req` is 100, `50 ms/GB` 10^9), through the names it uses; 1 when
    /// none is written.
    fn customer_size(&self, e: &Expr, depth: u8) -> f64 {
        use crate::ast::ExprKind;
        match &e.kind {
            ExprKind::Number(l) => l.unit.as_ref().map_or(1.0, |u| {
                u.ids
                    .iter()
                    .filter(|(_, d)| d.exp(SECOND) == 0 && d.factors().all(|(_, x)| x == -1))
                    .map(|&(id, _)| self.units().factor(id))
                    .product()
            }),
            ExprKind::Neg(x) => self.customer_size(x, depth),
            ExprKind::Binary(_, a, b) if depth < 8 => {
                let (a, b) = (self.customer_size(a, depth + 1), self.customer_size(b, depth + 1));
                if a != 1.0 {
                    a
                } else {
                    b
                }
            }
            ExprKind::Name(slot) if depth < 8 => crate::ast::definition_of(&self.model.stmts, *slot)
                .map_or(1.0, |expr| self.customer_size(expr, depth + 1)),
            _ => 1.0,
        }
    }

    /// `runway(times, values, limit)`: the first time at which the values
    /// reach the limit, or never.
    fn runway(&mut self, args: &[Expr], span: Span) -> EResult<Value> {
        let times = self.eval(&args[0])?;
        let values = self.eval(&args[1])?;
        let limit = self.eval(&args[2])?;
        let (Value::Series(ts), Value::Series(vs), Value::Num(l)) = (&times, &values, &limit) else {
            let (bad, e) = match (&times, &values) {
                (Value::Series(_), Value::Series(_)) => (&limit, &args[2]),
                (Value::Series(_), _) => (&values, &args[1]),
                _ => (&times, &args[0]),
            };
            return Err(self.type_error("`runway` takes two series (times and values) and a limit", bad, e.span));
        };
        if ts.values.len() != vs.values.len() {
            return Err(fail(
                ErrorKind::LengthMismatch,
                args[1].span,
                format!("the values have {} elements but the times have {}", vs.values.len(), ts.values.len()),
            ));
        }
        if vs.dim != l.dim() {
            return Err(self.dim_error("`runway` compares", vs.dim, &args[1], l.dim(), &args[2]));
        }
        self.burn(vs.values.len() as u64, span)?;
        let hit = vs.values.iter().position(|&v| v > l.value() || super::approx_eq(v, l.value()));
        if let Some(trace) = &mut self.trace {
            let found = hit.and_then(|i| Quantity::new(ts.values[i], ts.dim));
            trace.push(Step::Crossed { func: Func::Runway, index: hit, found });
        }
        Ok(match hit {
            Some(i) => super::element(ts.values[i], ts.dim, span)?,
            None => Value::Never(ts.dim),
        })
    }

    /// An element-wise function of one argument.
    pub(super) fn map(&mut self, f: Func, v: &Value, arg: &Expr) -> EResult<Value> {
        let (xs, dim, series) = match v {
            Value::Num(q) => (core::slice::from_ref(q.value_ref()), q.dim(), false),
            Value::Series(s) => (&s.values[..], s.dim, true),
            Value::Never(d) => return Ok(Value::Never(self.out_dim(f, *d, arg)?)),
            Value::Unlimited(d) => {
                return Ok(Value::Unlimited(match d {
                    Some(d) => Some(self.out_dim(f, *d, arg)?),
                    None => None,
                }))
            }
            other => {
                return Err(self.type_error(&format!("`{}` needs a number", f.name()), other, arg.span));
            }
        };
        let out_dim = self.out_dim(f, dim, arg)?;
        self.burn(xs.len() as u64, arg.span)?;
        let n = xs.len();
        let mut out = Vec::with_capacity(n);
        for (i, &x) in xs.iter().enumerate() {
            // An empty cell's element stays missing.
            let y = if x.is_nan() { Ok(x) } else { math(f, x, out_dim, arg.span) };
            out.push(if series { self.element(y, n, i)? } else { y? });
        }
        if series {
            Ok(Value::Series(Series { values: out.into(), dim: out_dim }))
        } else {
            Ok(Value::Num(num(out[0], out_dim, arg.span)?))
        }
    }

    /// The dimension of `f(x)` when `x` has `dim`.
    fn out_dim(&self, f: Func, dim: Dim, arg: &Expr) -> EResult<Dim> {
        match f {
            Func::Abs => Ok(dim),
            Func::Sqrt => dim.root(2).ok_or_else(|| {
                fail(
                    ErrorKind::NeedsPlainNumber,
                    arg.span,
                    format!("the square root of {} has no unit", describe_dim(dim, self.units())),
                )
            }),
            _ if dim.is_none() => Ok(Dim::NONE),
            // Counts round (`ceil(2.5 instance)` is 3 instances); bytes,
            // times and money need the unit to round in.
            Func::Ceil | Func::Floor | Func::Round if dim.factors().all(|(b, _)| b >= FIRST_COUNT) => Ok(dim),
            Func::Ceil | Func::Floor | Func::Round => {
                let unit = if dim.exp(SECOND) != 0 && dim.factors().count() == 1 {
                    "1 h"
                } else if dim.exp(MONEY) != 0 && dim.factors().count() == 1 {
                    "$1"
                } else if dim.exp(BYTE) != 0 && dim.factors().count() == 1 {
                    "1 GB"
                } else {
                    "its unit"
                };
                Err(fail_with(
                    Diagnostic::new(
                        ErrorKind::NeedsPlainNumber,
                        arg.span,
                        format!(
                            "`{}` rounds plain numbers and counts, but this is {}",
                            f.name(),
                            describe_dim(dim, self.units())
                        ),
                    )
                    .with_help(format!("divide by the unit to round in: `{}(x / {unit})`", f.name())),
                ))
            }
            _ => Err(fail(
                ErrorKind::NeedsPlainNumber,
                arg.span,
                format!("`{}` needs a plain number, but this is {}", f.name(), describe_dim(dim, self.units())),
            )),
        }
    }

    /// The table whose rows a series expression runs over: a column
    /// (`bill.cost`) or a name holding one.
    fn rows_of(&self, e: &Expr) -> Option<crate::value::TableId> {
        match &e.kind {
            crate::ast::ExprKind::Field(obj, ..) => match obj.kind {
                crate::ast::ExprKind::Table(t) => Some(t),
                _ => None,
            },
            crate::ast::ExprKind::Name(s) => self.model.defs.get(*s as usize).and_then(|d| d.rows_of),
            _ => None,
        }
    }

    /// `min`/`max`: of one series, its extreme element; of several
    /// arguments, the extreme one (element-wise over series).
    fn extreme(&mut self, f: Func, args: &[Expr], span: Span) -> EResult<Value> {
        let is_max = f == Func::Max;
        let better = |a: f64, b: f64| if is_max { a > b } else { a < b };
        let mut vals = Vec::with_capacity(args.len());
        for a in args {
            vals.push(self.eval(a)?);
        }
        if vals.len() == 1 {
            return match &vals[0] {
                Value::Series(s) => {
                    self.burn(s.values.len() as u64, span)?;
                    if s.values.is_empty() {
                        return Err(fail(ErrorKind::EmptySeries, args[0].span, "this series is empty"));
                    }
                    // Empty cells' elements (NaN) are skipped, as sums skip them.
                    let mut index = s.values.iter().position(|x| !x.is_nan()).unwrap_or(0);
                    for (i, &x) in s.values.iter().enumerate().skip(index + 1) {
                        if better(x, s.values[index]) {
                            index = i;
                        }
                    }
                    let value = super::element(s.values[index], s.dim, span)?;
                    let rows = self.rows_of(&args[0]);
                    if let Some(trace) = &mut self.trace {
                        trace.push(Step::Element { func: f, arg: args[0].span, index, rows, value: value.clone() });
                    }
                    Ok(value)
                }
                v @ (Value::Num(_) | Value::Never(_) | Value::Unlimited(_)) => Ok(v.clone()),
                other => Err(self.type_error(&format!("`{}` needs numbers", f.name()), other, args[0].span)),
            };
        }
        // Dimensions must agree; `never` ranks above every number.
        let mut dim: Option<(Dim, &Expr)> = None;
        let mut len: Option<usize> = None;
        for (v, a) in vals.iter().zip(args) {
            let d = match v {
                Value::Num(q) => q.dim(),
                Value::Series(s) => {
                    match len {
                        Some(n) if n != s.values.len() => {
                            return Err(fail(
                                ErrorKind::LengthMismatch,
                                a.span,
                                format!(
                                    "element-wise `{}` needs series of one length; this has {} elements, not {n}",
                                    f.name(),
                                    s.values.len()
                                ),
                            ))
                        }
                        _ => len = Some(s.values.len()),
                    }
                    s.dim
                }
                Value::Never(d) => *d,
                Value::Unlimited(_) => continue,
                other => return Err(self.type_error(&format!("`{}` needs numbers", f.name()), other, a.span)),
            };
            match dim {
                None => dim = Some((d, a)),
                // A written `0` is a zero of the other arguments' unit
                // (`max(0, usage - 10 TB)`).
                Some((d0, _)) if d0 != d && self.written_zero(a, d0) => {}
                Some((d0, s0)) if d0 != d && self.written_zero(s0, d) => dim = Some((d, a)),
                Some((d0, s0)) if d0 != d => {
                    return Err(self.dim_error(&format!("`{}` cannot choose between", f.name()), d0, s0, d, a))
                }
                _ => {}
            }
        }
        let dim = dim.map_or(Dim::NONE, |d| d.0);
        if let Some(n) = len {
            self.burn((n * vals.len()) as u64, span)?;
            let mut out = Vec::with_capacity(n);
            let mut winners = Vec::new();
            for i in 0..n {
                let mut best: Option<f64> = None;
                let mut winner = 0;
                for (k, v) in vals.iter().enumerate() {
                    let x = match v {
                        Value::Num(q) => q.value(),
                        Value::Series(s) => s.values[i],
                        _ => f64::INFINITY,
                    };
                    // An empty cell's element takes no part.
                    if x.is_nan() {
                        continue;
                    }
                    if best.is_none_or(|b| better(x, b)) {
                        best = Some(x);
                        winner = k as u16;
                    }
                }
                if self.trace.is_some() {
                    winners.push(winner);
                }
                let b = best.unwrap_or(f64::NAN);
                if b.is_infinite() {
                    return Err(fail(
                        ErrorKind::TypeMismatch,
                        span,
                        "element-wise `max` over `never` has no number to give",
                    ));
                }
                out.push(b);
            }
            if let Some(trace) = &mut self.trace {
                let args = args.iter().map(|a| a.span).collect();
                trace.push(Step::ChoseEach { func: f, call: span, args, winners });
            }
            return Ok(Value::Series(Series { values: out.into(), dim }));
        }
        let key = |v: &Value| match v {
            Value::Num(q) => q.value(),
            _ => f64::INFINITY,
        };
        let mut best = 0;
        for (i, v) in vals.iter().enumerate().skip(1) {
            if better(key(v), key(&vals[best])) {
                best = i;
            }
        }
        let chosen = match &vals[best] {
            // A written zero chosen is a zero of the others' unit.
            Value::Num(q) if q.dim() != dim => Value::Num(Quantity::new(0.0, dim).unwrap_or(Quantity::ZERO)),
            v => v.clone(),
        };
        if let Some(trace) = &mut self.trace {
            let others = vals.iter().enumerate().filter(|&(i, _)| i != best).map(|(_, v)| v.clone()).collect();
            trace.push(Step::Chose { func: f, call: span, arg: args[best].span, value: chosen.clone(), others });
        }
        Ok(chosen)
    }

    /// `sum mean first last len` over a series.
    fn reduce(&mut self, f: Func, v: Value, arg: &Expr) -> EResult<Value> {
        if let Some(n) = v.series_len() {
            self.burn(n as u64, arg.span)?;
        }
        let empty = || fail(ErrorKind::EmptySeries, arg.span, "this series is empty");
        if f == Func::Len {
            return Ok(Value::Num(Quantity::plain(v.series_len().unwrap_or(1) as f64).unwrap_or(Quantity::ZERO)));
        }
        let pick_end = |first: bool, n: usize| if first { 0 } else { n - 1 };
        match (&v, f) {
            (Value::Num(_) | Value::Never(_) | Value::Unlimited(_) | Value::Text(_) | Value::Row(..), _)
                if f != Func::Sum && f != Func::Mean =>
            {
                Ok(v)
            }
            (Value::Num(_), _) => Ok(v),
            (Value::Series(s), Func::Product) => {
                if !s.dim.is_none() {
                    return Err(fail(
                        ErrorKind::NeedsPlainNumber,
                        arg.span,
                        format!("`product` multiplies plain numbers, not {}", describe_dim(s.dim, self.units())),
                    ));
                }
                Ok(Value::Num(num(numbers(&s.values).product(), Dim::NONE, arg.span)?))
            }
            (Value::Series(s), Func::Sum | Func::Mean) => {
                // Empty cells' elements are skipped, as a spreadsheet does.
                let count = numbers(&s.values).count();
                if count == 0 {
                    return match f {
                        Func::Sum => Ok(Value::Num(num(0.0, s.dim, arg.span)?)),
                        _ if s.values.is_empty() => Err(empty()),
                        _ => {
                            Err(fail(ErrorKind::EmptySeries, arg.span, "every element of this series is an empty cell"))
                        }
                    };
                }
                let total: f64 = numbers(&s.values).sum();
                // Amounts that cancel leave rounding error, not a value (as
                // with `+` and `-`).
                let scale = numbers(&s.values).fold(0.0f64, |m, x| m.max(x.abs()));
                let noise = total.is_finite() && total.abs() <= 1e-14 * scale * count as f64;
                let total = if noise { 0.0 } else { total };
                let r = if f == Func::Sum { total } else { total / count as f64 };
                super::element(r, s.dim, arg.span)
            }
            (Value::Series(s), _) => {
                if s.values.is_empty() {
                    return Err(empty());
                }
                let i = pick_end(f == Func::First, s.values.len());
                super::element(s.values[i], s.dim, arg.span)
            }
            (Value::Texts(t), Func::First | Func::Last) => {
                if t.is_empty() {
                    return Err(empty());
                }
                Ok(Value::Text(t[pick_end(f == Func::First, t.len())].clone()))
            }
            (Value::Rows(tid, r), Func::First | Func::Last) => {
                if r.is_empty() {
                    return Err(empty());
                }
                Ok(Value::Row(*tid, r[pick_end(f == Func::First, r.len())]))
            }
            (Value::Bools(b), Func::First | Func::Last) => {
                if b.is_empty() {
                    return Err(empty());
                }
                Ok(Value::Bool(b[pick_end(f == Func::First, b.len())]))
            }
            (Value::Texts(_), _) => Err(fail_with(
                Diagnostic::new(
                    ErrorKind::TypeMismatch,
                    arg.span,
                    format!("`{}` needs a series of numbers, but this is a series of texts", f.name()),
                )
                .with_help("a table column with text cells reads as text"),
            )),
            // Truth values are counted on purpose, with the `if` written.
            (bools @ Value::Bools(_), Func::Sum | Func::Mean) => {
                let name = f.name();
                let cond = arg.span.text(self.model.source()).trim();
                let help = format!(
                    "to {} where it holds, write `{name}(if {cond} then 1 else 0)`",
                    if f == Func::Sum { "count" } else { "take the share" }
                );
                Err(match self.type_error(&format!("`{name}` needs a series of numbers"), bools, arg.span) {
                    Failure::Error(d) => fail_with(d.with_help(help)),
                    other => other,
                })
            }
            (other, _) => Err(self.type_error(&format!("`{}` needs a series of numbers", f.name()), other, arg.span)),
        }
    }

    /// `first_where(S, COND)`: the first element of S where COND holds, or
    /// never.
    fn first_where(&mut self, s: &Expr, c: &Expr, span: Span) -> EResult<Value> {
        let sv = self.eval(s)?;
        let cv = self.eval(c)?;
        let n = sv.series_len().ok_or_else(|| {
            fail_with(
                Diagnostic::new(
                    ErrorKind::TypeMismatch,
                    s.span,
                    format!("`first_where` searches a series, but this is {}", sv.kind_name()),
                )
                .with_help("for example `first_where(month, usage > limit)` with `month = 1 .. 24`"),
            )
        })?;
        let hit = match &cv {
            Value::Bools(b) => {
                if b.len() != n {
                    return Err(fail_with(
                        Diagnostic::new(
                            ErrorKind::LengthMismatch,
                            c.span,
                            format!("the condition has {} elements but the series has {n}", b.len()),
                        )
                        .with_secondary(s.span, format!("{n} elements")),
                    ));
                }
                self.burn(n as u64, span)?;
                b.iter().position(|&x| x)
            }
            Value::Bool(true) => (n > 0).then_some(0),
            Value::Bool(false) => None,
            other => {
                return Err(self.type_error("the condition of `first_where` must be a truth value", other, c.span))
            }
        };
        if let Some(trace) = &mut self.trace {
            let found = match (&sv, hit) {
                (Value::Series(s), Some(i)) => Quantity::new(s.values[i], s.dim),
                _ => None,
            };
            trace.push(Step::Crossed { func: Func::FirstWhere, index: hit, found });
        }
        Ok(match (sv, hit) {
            (Value::Series(s), None) => Value::Never(s.dim),
            (_, None) => Value::Never(Dim::NONE),
            (v, Some(i)) if v.series_len().is_some() => super::element_of(v, i, span)?,
            (other, Some(_)) => return Err(self.type_error("`first_where` searches a series", &other, s.span)),
        })
    }
}

/// The dimension of a number or series.
fn numeric_dim(v: &Value) -> Option<Dim> {
    match v {
        Value::Num(q) => Some(q.dim()),
        Value::Series(s) => Some(s.dim),
        _ => None,
    }
}

/// A number or series times `k`, in dimension `dim`.
fn rescaled(v: &Value, k: f64, dim: Dim) -> Value {
    match v {
        Value::Num(q) => Value::Num(Quantity::new(q.value() * k, dim).unwrap_or(*q)),
        Value::Series(s) => Value::Series(Series { values: s.values.iter().map(|x| x * k).collect(), dim }),
        other => other.clone(),
    }
}

/// A number or series with `f` applied to each element, in its dimension.
fn mapped(v: &Value, f: impl Fn(f64) -> f64) -> Value {
    match v {
        Value::Num(q) => Value::Num(Quantity::new(f(q.value()), q.dim()).unwrap_or(*q)),
        Value::Series(s) => Value::Series(Series { values: s.values.iter().map(|&x| f(x)).collect(), dim: s.dim }),
        other => other.clone(),
    }
}

/// The elements of a series that are numbers: an empty cell's (NaN) is
/// skipped.
fn numbers(values: &[f64]) -> impl Iterator<Item = f64> + '_ {
    values.iter().copied().filter(|x| !x.is_nan())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snap_forgives_float_noise_only() {
        assert_eq!(snap(3.0000000000000004), 3.0);
        assert_eq!(snap(2.9999999999), 3.0);
        assert_eq!(snap(2.5), 2.5);
        assert_eq!(snap(1e-12), 1e-12);
        assert_eq!(libm::ceil(snap(1e-12)), 1.0);
        assert_eq!(snap(0.0), 0.0);
        assert_eq!(snap(-3.0000000000000004), -3.0);
        assert_eq!(snap(1e12 + 0.0001), 1e12);
        // Within 1e-9 relative, as the spec says, but never a real fraction
        // of a large count: 10 TiB of 4 KB blocks is 2,748,779,069.44.
        assert_eq!(snap(1e9 + 0.4), 1e9 + 0.4);
        assert_eq!(libm::ceil(snap(10.0 * 1099511627776.0 / 4000.0)), 2_748_779_070.0);
        assert_eq!(libm::floor(snap(2e9 + 0.7)), 2e9);
        assert_eq!(libm::ceil(snap(1e10 / 3.0)), 3_333_333_334.0);
        assert_eq!(snap(1e6 + 0.4), 1e6 + 0.4);
        // Noise of a few operations at that size still counts for nothing.
        assert_eq!(snap(0.1 * 3.0 * 1e10), 3e9);
        assert_eq!(libm::ceil(snap(2.9e9 * 1.1 / 1.1)), 2.9e9);
        // Past 5e12 too: 20 PiB of 4 KB blocks is 5,629,499,534,213.12.
        assert_eq!(libm::ceil(snap(20.0 * 1125899906842624.0 / 4000.0)), 5_629_499_534_214.0);
    }

    #[test]
    fn round_forgives_float_noise_at_halves() {
        let round = |x| math(Func::Round, x, Dim::NONE, Span::new(0, 0)).unwrap();
        // 1.005 * 100 is 100.49999999999999 in doubles; in decimals, 100.5.
        assert_eq!(round(1.005 * 100.0), 101.0);
        assert_eq!(round(0.285 * 100.0), 29.0);
        assert_eq!(round(-(0.285 * 100.0)), -29.0);
        assert_eq!(round(2.5), 3.0);
        assert_eq!(round(2.4999), 2.0);
        assert_eq!(round(2.5000000000000004), 3.0);
        assert_eq!(round(3.0000000000000004), 3.0);
        // A real fraction of a large count is no half.
        assert_eq!(round(1e9 + 0.4999), 1e9);
    }
}
