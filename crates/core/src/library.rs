//! The function library: one declarative entry per function (signature,
//! what it computes, an example and its result), and the capacity functions'
//! math. A test evaluates every example, so the reference the app and the
//! README show cannot drift from what the functions do.
//!
//! Capacity functions work on single quantities; the evaluator applies them
//! element by element when an argument is a series (servers needed for each
//! month of a projection).

use crate::eval::snap;
use crate::units::{Dim, BYTE, FIRST_COUNT, MONEY, SECOND};
use crate::value::Quantity;
use alloc::format;
use alloc::string::String;

/// Documentation of one function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FunctionDoc {
    /// Its name.
    pub name: &'static str,
    /// How it is called.
    pub signature: &'static str,
    /// What it computes, in one or two sentences.
    pub summary: &'static str,
    /// An expression using it (may use `unit req`).
    pub example: &'static str,
    /// What the example shows.
    pub result: &'static str,
}

macro_rules! docs {
    ($( $name:literal, $sig:literal, $summary:literal, $example:literal => $result:literal; )*) => {
        /// Every function, in the order a reference lists them.
        pub static FUNCTIONS: &[FunctionDoc] = &[
            $( FunctionDoc { name: $name, signature: $sig, summary: $summary, example: $example, result: $result }, )*
        ];
    };
}

docs! {
    "ceil", "ceil(x)", "Rounds up; a value within 1e-9 (relative, at most a millionth plus 16 units in its last place) of a whole number counts as that number, so float noise never adds an instance.", "ceil(0.1 * 3 / 0.3)" => "1";
    "floor", "floor(x)", "Rounds down, forgiving float noise like `ceil`.", "floor(2.9999999999999996)" => "3";
    "round", "round(x)", "Rounds to the nearest whole number, halves away from zero.", "round(2.5)" => "3";
    "min", "min(a, b, ...) or min(series)", "The smallest argument, or the smallest element of one series; element by element when an argument is a series.", "min(3 GB, 2500 MB)" => "2.5 GB";
    "max", "max(a, b, ...) or max(series)", "The largest argument, or the largest element of one series. The explanation says which argument decided.", "max(25000 / 10000, 80000 / 50000)" => "2.5";
    "abs", "abs(x)", "The absolute value.", "abs(-3 GB)" => "3 GB";
    "sqrt", "sqrt(x)", "The square root; units need even powers.", "sqrt(16 GB^2)" => "4 GB";
    "ln", "ln(x)", "The natural logarithm of a plain number.", "ln(exp(2))" => "2";
    "log10", "log10(x)", "The base-10 logarithm of a plain number.", "log10(1000)" => "3";
    "exp", "exp(x)", "e to the power of a plain number.", "exp(0)" => "1";
    "sum", "sum(series)", "The sum of a series (or of a table column).", "sum(1 .. 12)" => "78";
    "mean", "mean(series)", "The arithmetic mean of a series.", "mean(1 .. 4)" => "2.5";
    "product", "product(series)", "The product of a series of plain numbers.", "product(1 .. 5)" => "120";
    "first", "first(series)", "The first element.", "first(10 .. 20)" => "10";
    "last", "last(series)", "The last element.", "last(10 .. 20)" => "20";
    "len", "len(series)", "The number of elements.", "len(1 .. 24)" => "24";
    "first_where", "first_where(series, condition)", "The first element of the series where the condition holds, or `never`.", "first_where(1 .. 12, 100 * 1.5 ^ (1 .. 12) > 1000)" => "6";
    "pick", "pick(TABLE, condition)", "The first row of the table whose condition holds (over its columns); with a series condition, a row per element.", "pick(tiers, size >= 20 GB).name" => "medium";
    "compound", "compound(start, growth, periods, churn)", "Compound growth with churn: start × (1 + growth − churn) ^ periods. Churn may be left out; a growth per a time (`5%/month`) counts a time in its periods (`12 month`), and its churn is per the same period, or per a time too (`2%/month`).", "compound(100, 25%, 12, 8%)" => "658.007";
    "stored", "stored(ingest, elapsed, retention, kept)", "Storage that grows at an ingest rate and drops what is older than the retention, keeping a share after compaction: ingest × min(elapsed, retention) × kept. Kept may be left out.", "stored(10 GB/day, 1 year, 90 day, 30%)" => "270 GB";
    "scale_out", "scale_out(load, buffer, spares)", "Horizontal scaling: instances for a load given in instance-capacities (such as `max(rps / 100000, ...)`), with a buffer on top and spares for redundancy: ceil(load × (1 + buffer)) + spares.", "scale_out(2.5, 20%, 1)" => "4";
    "runway", "runway(times, values, limit)", "When a projection reaches a limit: the first of the times at which the value is at or over the limit, or `never`.", "runway(1 .. 12, 100 GB * 1.2 ^ (1 .. 12), 500 GB)" => "9";
    "in_flight", "in_flight(arrival_rate, time_in_system)", "Little's law: the average number of requests in the system, L = λ × W.", "in_flight(200 req/s, 50 ms)" => "10 req";
    "erlang_c", "erlang_c(arrival_rate, service_time, servers)", "Erlang C: the probability that a request waits for one of the servers (M/M/c queue).", "erlang_c(100 req/s, 50 ms/req, 8)" => "0.167267";
    "queue_wait", "queue_wait(arrival_rate, service_time, servers)", "The mean time a request waits in the queue before service (M/M/c, Erlang C).", "queue_wait(100 req/s, 50 ms/req, 8)" => "2.79 ms";
    "servers_for_wait", "servers_for_wait(arrival_rate, service_time, target_wait)", "The fewest servers that keep the mean queue wait at or under the target.", "servers_for_wait(100 req/s, 50 ms/req, 1 ms)" => "10";
    "usl", "usl(n, contention, coherency)", "The Universal Scalability Law: the capacity of n nodes relative to one, n / (1 + σ(n − 1) + κ n (n − 1)).", "usl(32, 5%, 0.1%)" => "9.03444";
}

/// The lines the examples of [`FUNCTIONS`] are evaluated after: the count
/// unit and the table they use.
pub const EXAMPLE_PRELUDE: &str =
    "unit req\ntable tiers\n| Tier | Size |\n|---|---|\n| small | 8 GB |\n| medium | 40 GB |\n| large | 200 GB |\n";

/// The documentation of function `name`.
pub fn doc(name: &str) -> Option<&'static FunctionDoc> {
    FUNCTIONS.iter().find(|d| d.name == name)
}

/// An argument that does not fit: which one and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ArgError {
    /// Index of the argument.
    pub arg: usize,
    /// What is wrong with it.
    pub message: String,
}

fn arg_error(arg: usize, message: impl Into<String>) -> ArgError {
    ArgError { arg, message: message.into() }
}

/// True for plain numbers and counts (`req`, `server`): what a load or a
/// number of servers may be.
fn countlike(d: Dim) -> bool {
    d.factors().all(|(b, _)| b >= FIRST_COUNT)
}

fn plain(q: Quantity, arg: usize, what: &str) -> Result<f64, ArgError> {
    if q.dim().is_none() {
        Ok(q.value())
    } else {
        Err(arg_error(arg, format!("{what} is a plain number or a percentage")))
    }
}

fn finite(v: f64, dim: Dim, arg: usize) -> Result<Quantity, ArgError> {
    Quantity::new(v, dim).ok_or_else(|| arg_error(arg, "the result is too large to represent"))
}

/// `compound(start, growth, periods, churn)`.
pub fn compound(
    start: Quantity,
    growth: Quantity,
    periods: Quantity,
    churn: Option<Quantity>,
) -> Result<Quantity, ArgError> {
    let g = plain(growth, 1, "the growth rate")?;
    if !periods.dim().is_none() {
        return Err(arg_error(2, "the number of periods is a plain number, such as `12` or `month` for `1 .. 12`"));
    }
    let p = periods.value();
    let c = churn.map(|c| plain(c, 3, "the churn rate")).transpose()?.unwrap_or(0.0);
    let factor = 1.0 + g - c;
    if factor < 0.0 {
        let why = if churn.is_some() { "churn above 100% plus growth" } else { "growth below -100%" };
        return Err(arg_error(if churn.is_some() { 3 } else { 1 }, format!("{why} leaves a negative population")));
    }
    // By `log1p`: `1 + g - c` loses a tiny rate's digits (1e-12 a period
    // over 1e12 periods is 1/e, not 0.367888).
    let grown = if factor > 0.0 { libm::exp(p * libm::log1p(g - c)) } else { libm::pow(factor, p) };
    finite(start.value() * grown, start.dim(), 0)
}

/// `stored(ingest, elapsed, retention, kept)`.
pub fn stored(
    ingest: Quantity,
    elapsed: Quantity,
    retention: Quantity,
    kept: Option<Quantity>,
) -> Result<Quantity, ArgError> {
    let time = Dim::base(SECOND);
    if ingest.dim().exp(SECOND) != -1 {
        return Err(arg_error(0, "the ingest is a rate, such as `10 GB/day`"));
    }
    if elapsed.dim() != time {
        return Err(arg_error(1, "the elapsed time is a time, such as `1 year` or `month * 1 month`"));
    }
    if retention.dim() != time {
        return Err(arg_error(2, "the retention is a time, such as `90 day`"));
    }
    if ingest.value() < 0.0 {
        return Err(arg_error(0, "the ingest cannot be negative"));
    }
    if elapsed.value() < 0.0 {
        return Err(arg_error(1, "the elapsed time cannot be negative"));
    }
    if retention.value() < 0.0 {
        return Err(arg_error(2, "the retention cannot be negative"));
    }
    let k = kept.map(|k| plain(k, 3, "the share kept after compaction")).transpose()?.unwrap_or(1.0);
    if !(0.0..=1.0).contains(&k) {
        return Err(arg_error(3, "the share kept after compaction is from 0% to 100%"));
    }
    let dim = ingest.dim().times(time).ok_or_else(|| arg_error(0, "unit exponent too large"))?;
    let window = elapsed.value().min(retention.value());
    finite(ingest.value() * window * k, dim, 0)
}

/// `scale_out(load, buffer, spares)`.
pub fn scale_out(load: Quantity, buffer: Quantity, spares: Quantity) -> Result<Quantity, ArgError> {
    if !countlike(load.dim()) {
        return Err(arg_error(0, "the load is a plain number of instance-capacities, such as `rps / 100000`"));
    }
    let b = plain(buffer, 1, "the buffer")?;
    if load.value() < 0.0 {
        return Err(arg_error(0, "the load cannot be negative"));
    }
    if b < 0.0 {
        return Err(arg_error(1, "the buffer cannot be negative: it is headroom above the load"));
    }
    if spares.dim() != load.dim() && !spares.dim().is_none() {
        return Err(arg_error(2, "the spares are a number of instances"));
    }
    let whole = snap(spares.value());
    if whole < 0.0 || whole != libm::trunc(whole) {
        return Err(arg_error(2, "the spares are a whole number of instances, 0 or more"));
    }
    let n = libm::ceil(snap(load.value() * (1.0 + b))) + whole;
    finite(n, load.dim(), 0)
}

/// `in_flight(arrival_rate, time_in_system)` (Little's law).
pub fn in_flight(rate: Quantity, time: Quantity) -> Result<Quantity, ArgError> {
    let dim = rate.dim().times(time.dim()).ok_or_else(|| arg_error(0, "unit exponent too large"))?;
    if dim.exp(SECOND) != 0 {
        // The rate, unless it is per unit of time and the time is off.
        if rate.dim().exp(SECOND) == -1 && time.dim().exp(SECOND) != 1 {
            return Err(arg_error(1, "the time in the system is a time, such as `150 ms`"));
        }
        return Err(arg_error(0, "a rate times a time gives a number in the system: give the rate per unit of time"));
    }
    if rate.value() < 0.0 || time.value() < 0.0 {
        let arg = if rate.value() < 0.0 { 0 } else { 1 };
        return Err(arg_error(arg, "the arrival rate and the time in the system cannot be negative"));
    }
    finite(rate.value() * time.value(), dim, 0)
}

/// The offered load a = λ × S of a queue, and the number of servers.
fn offered(rate: Quantity, service: Quantity) -> Result<f64, ArgError> {
    let d = rate.dim().times(service.dim()).ok_or_else(|| arg_error(0, "unit exponent too large"))?;
    // Plain (`100 req/s` by `50 ms/req`), or one count when the service
    // time leaves it out (`50 ms`); `req/call` mixes two things up.
    let one_count = d.factors().count() == 1 && d.factors().all(|(b, e)| b >= FIRST_COUNT && e == 1);
    if !(d.is_none() || one_count) {
        // The rate, unless it is a rate of arrivals (not of data or money)
        // and the service time is what is off.
        let r = rate.dim();
        let arg = if r.exp(SECOND) == -1 && r.exp(BYTE) == 0 && r.exp(MONEY) == 0 { 1 } else { 0 };
        return Err(arg_error(
            arg,
            "the arrival rate times the service time must be a plain number, as `100 req/s` and `50 ms/req`",
        ));
    }
    if rate.value() < 0.0 {
        return Err(arg_error(0, "the arrival rate cannot be negative"));
    }
    if service.value() < 0.0 {
        return Err(arg_error(1, "the service time cannot be negative"));
    }
    Ok(rate.value() * service.value())
}

/// The most servers the queueing functions consider.
pub const MAX_SERVERS: u64 = 1_000_000;

fn servers(c: Quantity, arg: usize) -> Result<u64, ArgError> {
    if !countlike(c.dim()) {
        return Err(arg_error(arg, "the number of servers is a plain number"));
    }
    let n = snap(c.value());
    if n < 1.0 || n != libm::trunc(n) || n > MAX_SERVERS as f64 {
        return Err(arg_error(arg, "the number of servers is a whole number from 1 to 1,000,000"));
    }
    Ok(n as u64)
}

/// Erlang C probability of waiting with offered load `a` on `c` servers
/// (1 when the servers cannot keep up). Computed through the Erlang B
/// recursion, which stays accurate for thousands of servers.
fn erlang_c_prob(a: f64, c: u64) -> f64 {
    if saturated(a, c) {
        return 1.0;
    }
    let mut b = 1.0;
    for k in 1..=c {
        b = erlang_b_step(a, b, k);
    }
    erlang_c_from_b(a, b, c)
}

/// True when `c` servers cannot keep up with offered load `a`; a load
/// within float noise of `c` (100 × 0.29 is 28.999999999999996) counts as
/// `c`, as `ceil` and `==` forgive it.
fn saturated(a: f64, c: u64) -> bool {
    snap(a) >= c as f64
}

/// Erlang B for `k` servers from Erlang B for `k - 1`.
fn erlang_b_step(a: f64, b: f64, k: u64) -> f64 {
    a * b / (k as f64 + a * b)
}

/// Erlang C for `c` servers from Erlang B for `c`.
fn erlang_c_from_b(a: f64, b: f64, c: u64) -> f64 {
    let c = c as f64;
    c * b / (c - a * (1.0 - b))
}

/// `erlang_c(arrival_rate, service_time, servers)`.
pub fn erlang_c(rate: Quantity, service: Quantity, c: Quantity) -> Result<Quantity, ArgError> {
    let a = offered(rate, service)?;
    let c = servers(c, 2)?;
    finite(erlang_c_prob(a, c), Dim::NONE, 0)
}

/// True when `queue_wait` refuses these arguments only because the servers
/// cannot keep up: over a series, such an element waits without end.
pub fn queue_unbounded(rate: Quantity, service: Quantity, c: Quantity) -> bool {
    matches!((offered(rate, service), servers(c, 2)), (Ok(a), Ok(n)) if saturated(a, n))
}

/// `queue_wait(arrival_rate, service_time, servers)`.
pub fn queue_wait(rate: Quantity, service: Quantity, c: Quantity) -> Result<Quantity, ArgError> {
    let a = offered(rate, service)?;
    let n = servers(c, 2)?;
    if saturated(a, n) {
        return Err(arg_error(
            2,
            format!(
                "{n} server{} cannot keep up with an offered load of {}: the queue grows without end",
                if n == 1 { "" } else { "s" },
                crate::format::number(a, 6)
            ),
        ));
    }
    finite(erlang_c_prob(a, n) * service.value() / (n as f64 - a), Dim::base(SECOND), 1)
}

/// `servers_for_wait(arrival_rate, service_time, target_wait)`: the
/// smallest number of servers whose mean queue wait is within the target.
pub fn servers_for_wait(rate: Quantity, service: Quantity, target: Quantity) -> Result<Quantity, ArgError> {
    let a = offered(rate, service)?;
    if target.dim() != Dim::base(SECOND) {
        return Err(arg_error(2, "the target wait is a time, such as `10 ms`"));
    }
    if target.value() <= 0.0 {
        return Err(arg_error(2, "the target wait is a time above zero: no number of servers waits less than nothing"));
    }
    let s = service.value();
    // Erlang B grows server by server, so the search is linear in its
    // answer; a million servers is beyond any model here.
    let mut b = 1.0;
    for n in 1..=MAX_SERVERS {
        b = erlang_b_step(a, b, n);
        if saturated(a, n) {
            continue;
        }
        let w = erlang_c_from_b(a, b, n) * s / (n as f64 - a);
        if w <= target.value() * (1.0 + 1e-9) {
            return finite(n as f64, Dim::NONE, 0);
        }
    }
    Err(arg_error(2, "no number of servers up to a million meets this wait"))
}

/// `usl(n, contention, coherency)`.
pub fn usl(n: Quantity, sigma: Quantity, kappa: Quantity) -> Result<Quantity, ArgError> {
    if !countlike(n.dim()) {
        return Err(arg_error(0, "the number of nodes is a plain number"));
    }
    let s = plain(sigma, 1, "the contention (σ)")?;
    let k = plain(kappa, 2, "the coherency (κ)")?;
    if !(0.0..=1.0).contains(&s) {
        return Err(arg_error(1, "the contention (σ) is from 0% to 100%"));
    }
    if k < 0.0 {
        return Err(arg_error(2, "the coherency (κ) cannot be negative"));
    }
    let n = n.value();
    if n <= 0.0 {
        return Err(arg_error(0, "the number of nodes must be above zero"));
    }
    let denominator = 1.0 + s * (n - 1.0) + k * n * (n - 1.0);
    if denominator <= 0.0 {
        return Err(arg_error(1, "these coefficients give no capacity"));
    }
    finite(n / denominator, Dim::NONE, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Model, Overrides, Report};

    /// Every documented example gives its documented result.
    #[test]
    fn every_example_gives_its_result() {
        for d in FUNCTIONS {
            let src = format!("{EXAMPLE_PRELUDE}x = {}\n", d.example);
            let model = Model::parse(&src);
            let report = Report::new(&model, &model.evaluate(&Overrides::new()));
            assert!(report.problems.is_empty(), "{}: {:?}", d.name, report.problems);
            assert_eq!(report.value("x").unwrap().display.text(), d.result, "{}: {}", d.name, d.example);
            assert!(d.example.contains(d.name), "{} example does not use it", d.name);
        }
        for (name, ..) in crate::ast::Func::ALL {
            assert!(doc(name).is_some(), "`{name}` is not documented");
        }
    }

    #[test]
    fn erlang_c_matches_published_values() {
        // Offered load 2 erlangs on 3 servers: P(wait) = 4/9.
        assert!((erlang_c_prob(2.0, 3) - 4.0 / 9.0).abs() < 1e-12);
        // Load 10 on 12 servers: 0.4494 (standard tables).
        assert!((erlang_c_prob(10.0, 12) - 0.449_4).abs() < 1e-4);
        assert_eq!(erlang_c_prob(5.0, 5), 1.0);
        // Thousands of servers stay finite and sensible.
        let p = erlang_c_prob(1900.0, 2000);
        assert!(p > 0.0 && p < 1.0, "{p}");
    }
}
