//! Readable display of numbers and quantities.
//!
//! Numbers are rounded on their shortest decimal representation (so float
//! noise such as `0.30000000000000004` never shows) with ties rounded away
//! from zero, as people round (`3.125 GB` shows as `3.13 GB`). Integer
//! digits are never rounded away, and groups of thousands get commas.
//!
//! A quantity either has a unit fixed by its statement (`-> GB`, or the unit
//! an input was written in), shown with [`FIXED_DIGITS`] significant digits,
//! or is shown in an automatically chosen unit with a readable prefix and
//! [`AUTO_DIGITS`] significant digits. The automatic choice follows a
//! [`DisplayHint`]: the units the value's formula was written in (binary
//! bytes stay binary, bit rates stay bit rates, a cost per month stays per
//! month).

use crate::decimal as digits;
use crate::units::{self, Dim, Family, UnitId, UnitTable, BYTE, MONEY, SECOND};
use crate::value::Quantity;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// Significant digits of a value in an automatically chosen unit.
pub const AUTO_DIGITS: usize = 3;
/// Significant digits of a plain number or a value in a fixed unit.
pub const FIXED_DIGITS: usize = 6;
/// Significant digits of a number shown as given (an input's value): all
/// a double holds without float noise.
pub const EXACT_DIGITS: usize = 15;

/// How many significant digits show `v` as a person gave it: every one
/// of a number written out with up to thirteen (`999.123456`, thirteen
/// nines of durability), six of one that never ends (`10 req/min` per
/// second is 0.1666...; `1/3`).
pub fn given_digits(v: f64) -> usize {
    if !v.is_finite() || significant_digits(v) <= 13 {
        EXACT_DIGITS
    } else {
        FIXED_DIGITS
    }
}

/// How many significant digits `v` is written with, float noise aside
/// (`0.00001667` has four).
pub fn significant_digits(v: f64) -> usize {
    match v.is_finite() {
        true => Decimal::from_f64(v).digits.len(),
        false => 0,
    }
}

/// A finite decimal: `0.d1 d2 d3 ... * 10^exp`, digits without trailing
/// zeros.
#[derive(Clone, Debug, PartialEq)]
struct Decimal {
    neg: bool,
    digits: Vec<u8>,
    exp: i32,
}

impl Decimal {
    /// The digits of `v` for reading (finite `v`): the shortest that read
    /// back as `v` for ordinary magnitudes, seventeen close ones at the
    /// extremes. Everything shown rounds to fifteen digits or fewer.
    fn from_f64(v: f64) -> Decimal {
        let mut d = Decimal::with(v, digits::readable(v));
        // Fifteen digits first: a value a hair below a rounding boundary
        // (2.6449999999999996, float noise of 2.645) rounds as the number
        // it stands for.
        d.round_digits(15);
        d
    }

    /// The shortest decimal that reads back as `v` exactly.
    fn from_f64_exact(v: f64) -> Decimal {
        Decimal::with(v, digits::shortest(v))
    }

    fn with(v: f64, (digits, exp): (Vec<u8>, i32)) -> Decimal {
        let mut d = Decimal { neg: v.is_sign_negative() && v != 0.0, digits, exp };
        d.trim();
        d
    }

    fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    fn trim(&mut self) {
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        while self.digits.first() == Some(&0) {
            self.digits.remove(0);
            self.exp -= 1;
        }
        if self.digits.is_empty() {
            self.neg = false;
            self.exp = 0;
        }
    }

    /// Keeps the first `keep` digits, rounding half away from zero.
    fn round_digits(&mut self, keep: i32) {
        if keep < 0 {
            self.digits.clear();
            self.trim();
            return;
        }
        let keep = keep as usize;
        if self.digits.len() <= keep {
            return;
        }
        let up = self.digits[keep] >= 5;
        self.digits.truncate(keep);
        if up {
            let mut i = keep;
            loop {
                if i == 0 {
                    self.digits.insert(0, 1);
                    self.exp += 1;
                    break;
                }
                i -= 1;
                if self.digits[i] == 9 {
                    self.digits[i] = 0;
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
        self.trim();
    }

    /// Rounds to `sig` significant digits, but never rounds away digits of
    /// the integer part.
    fn round_sig(&mut self, sig: usize) {
        // Past fifteen digits a double holds no more: such a number shows
        // in scientific notation, rounded like any other.
        let keep = (sig as i32).max(self.exp.min(15));
        self.round_digits(keep);
    }

    /// Rounds to `n` digits after the decimal point.
    fn round_decimals(&mut self, n: i32) {
        let keep = self.exp + n;
        self.round_digits(keep);
    }

    fn frac_len(&self) -> usize {
        (self.digits.len() as i32 - self.exp).max(0) as usize
    }

    /// Positional notation with grouped thousands and at least `min_frac`
    /// digits after the point (zero-padded).
    fn render(&self, min_frac: usize) -> String {
        self.render_with(min_frac, true)
    }

    /// Positional notation (scientific at the extremes), with or without
    /// commas between groups of thousands.
    fn render_with(&self, min_frac: usize, group: bool) -> String {
        let mut out = String::new();
        if self.neg {
            out.push('-');
        }
        if self.exp > 15 || self.exp < -5 {
            // Scientific notation for the extremes: 1.5e21, 2e-9. For
            // reading, six significant digits at most: past the integer
            // digits a person counts, the rest is float noise.
            let mut d = self.clone();
            if group {
                d.round_digits(FIXED_DIGITS as i32);
                d.trim();
            }
            out.push((b'0' + d.digits[0]) as char);
            if d.digits.len() > 1 {
                out.push('.');
                out.extend(d.digits[1..].iter().map(|&x| (b'0' + x) as char));
            }
            let _ = write!(out, "e{}", d.exp - 1);
            return out;
        }
        self.positional(out, min_frac, group)
    }

    /// Positional notation after `out` (a sign), whatever the magnitude.
    fn positional(&self, mut out: String, min_frac: usize, group: bool) -> String {
        let digit = |i: i32| -> char {
            if i >= 0 && (i as usize) < self.digits.len() {
                (b'0' + self.digits[i as usize]) as char
            } else {
                '0'
            }
        };
        let int_len = self.exp.max(1);
        for i in 0..int_len {
            if group && i > 0 && (int_len - i) % 3 == 0 && int_len > 3 {
                out.push(',');
            }
            out.push(if self.exp <= 0 { '0' } else { digit(i) });
        }
        let frac = self.frac_len().max(min_frac);
        if frac > 0 {
            out.push('.');
            for k in 0..frac as i32 {
                out.push(digit(self.exp + k));
            }
        }
        out
    }
}

/// `v` exactly, in the fewest digits that read back as it, without
/// grouping: for JSON and for links (`0.30000000000000004`, `1e-7`).
pub fn exact(v: f64) -> String {
    compact(v, None)
}

/// `v` as a machine reads it, without float noise: fifteen significant
/// digits at most (`0.1 + 0.2` is `0.3`, `100 * 1.17 ^ 3` is `160.1613`),
/// an exponent for small and huge magnitudes. For the JSON interface.
pub fn clean(v: f64) -> String {
    // A whole number that a float holds exactly is written in full (1 PiB
    // is 1125899906842624 bytes): no noise to hide there.
    if libm::trunc(v) == v && v.abs() <= 9_007_199_254_740_992.0 {
        return alloc::format!("{}", v as i64);
    }
    // Near the largest float, fifteen digits round up past it (1.79769313486232e308
    // reads back as infinity): every digit, then.
    if v.abs() > 1e308 {
        return compact(v, None);
    }
    compact(v, Some(15))
}

/// Ungrouped digits, rounded to `sig` when given; scientific notation
/// below 1e-4 and above 1e21.
fn compact(v: f64, sig: Option<usize>) -> String {
    if !v.is_finite() {
        return String::from("0");
    }
    let d = match sig {
        None => Decimal::from_f64_exact(v),
        Some(sig) => {
            let mut d = Decimal::from_f64(v);
            d.round_digits(sig as i32);
            d
        }
    };
    if d.is_zero() {
        return String::from("0");
    }
    // Small magnitudes read better with an exponent: 9.506621552043429e-6.
    if d.exp < -3 || d.exp > 21 {
        let s = digits::scientific(&d.digits, d.exp);
        return if d.neg { alloc::format!("-{s}") } else { s };
    }
    d.render_with(0, false)
}

/// `v` with `sig` significant digits, without grouping and without float
/// noise: what a field shows for editing (`2500`, `0.3`).
pub fn plain(v: f64, sig: usize) -> String {
    ungrouped(v, |d| d.round_sig(sig))
}

/// `v` with `decimals` digits after the point, without grouping (for
/// coordinates in an SVG).
pub fn fixed(v: f64, decimals: i32) -> String {
    ungrouped(v, |d| d.round_decimals(decimals))
}

/// `v` rounded by `round`, in plain ungrouped digits; "0" for zero and for
/// what is not finite.
fn ungrouped(v: f64, round: impl FnOnce(&mut Decimal)) -> String {
    if !v.is_finite() {
        return String::from("0");
    }
    let mut d = Decimal::from_f64(v);
    round(&mut d);
    if d.is_zero() {
        return String::from("0");
    }
    d.render_with(0, false)
}

/// `v` with `sig` significant digits (integer digits always kept), without
/// float noise: `number(0.1 + 0.2, 6)` is `"0.3"`, `number(1234.5, 3)` is
/// `"1,235"`.
pub fn number(v: f64, sig: usize) -> String {
    if !v.is_finite() {
        // +∞ is an `unlimited` table cell.
        // NaN is an empty cell's element.
        return String::from(if v.is_nan() {
            "—"
        } else if v > 0.0 {
            "unlimited"
        } else {
            "-∞"
        });
    }
    let mut d = Decimal::from_f64(v);
    if d.is_zero() {
        return String::from("0");
    }
    d.round_sig(sig);
    if d.is_zero() {
        return String::from("0");
    }
    d.render(0)
}

/// A dollar amount: cents for amounts of a dollar or more (`$7.50`, `$86`,
/// `$1,299`), three significant digits below (`$0.015`, `$0.0173`), and
/// never fewer than two decimals when there are any (`$0.90`).
pub fn money(v: f64) -> String {
    money_digits(v, AUTO_DIGITS)
}

/// [`money`] with `sig` significant digits below a dollar, and every digit
/// of an amount as given ([`EXACT_DIGITS`]: an input's `$1.2345/h`). A
/// price a person reads is never in scientific notation down to a
/// billionth of a dollar (`$0.0000002/req`, a Lambda request).
pub fn money_digits(v: f64, sig: usize) -> String {
    money_rounded(v, |d| match (v.abs() >= 1.0, sig) {
        // An amount as given keeps its digits; any other, its cents.
        (true, EXACT_DIGITS..) => d.round_sig(EXACT_DIGITS),
        (true, _) => d.round_decimals(2),
        (false, _) => d.round_sig(sig),
    })
}

/// Money as an explanation substitutes it: its cents, or six significant
/// digits where cents would hide some (`$18.7334/month`, which a check
/// against `$18.73/month` fails).
pub fn money_in_full(v: f64) -> String {
    money_rounded(v, |d| {
        let mut cents = d.clone();
        cents.round_decimals(2);
        d.round_sig(FIXED_DIGITS);
        if v.abs() >= 1.0 && d.frac_len() <= 2 {
            *d = cents;
        }
    })
}

/// `v` as money, its digits rounded by `round`.
fn money_rounded(v: f64, round: impl FnOnce(&mut Decimal)) -> String {
    if !v.is_finite() {
        return number(v, FIXED_DIGITS);
    }
    let mut d = Decimal::from_f64(v);
    if d.is_zero() {
        return String::from("$0");
    }
    round(&mut d);
    if d.is_zero() {
        return String::from("$0");
    }
    // Cents that round to a whole dollar still show (`$2.00` for
    // $1.99867): `$2` would claim an exact amount.
    let whole = (v - libm::round(v)).abs() <= 1e-9 * v.abs();
    let min_frac = if d.frac_len() > 0 || (!whole && v.abs() >= 1.0) { 2 } else { 0 };
    let s = match d.exp {
        -8..=0 => d.positional(String::from(if d.neg { "-" } else { "" }), min_frac, true),
        _ => d.render(min_frac),
    };
    match s.strip_prefix('-') {
        Some(rest) => alloc::format!("-${rest}"),
        None => alloc::format!("${s}"),
    }
}

/// A ratio as a percentage: `0.5859` is `"58.6%"`.
pub fn percent(ratio: f64) -> String {
    percent_digits(ratio * 100.0, AUTO_DIGITS)
}

/// `v` percent with `sig` significant digits, or more near 100%: the
/// nines of an availability or an SLO are the figure (99.95% is not 100%,
/// nor 99.94% 99.9%), and a check near its limit must not look like it
/// sits on it. Within a point of 100, two significant digits of the
/// distance to it are kept, down to a trillionth of the whole (float
/// noise is some ten thousand times less).
fn percent_digits(v: f64, sig: usize) -> String {
    let off = libm::fabs(libm::fabs(v) - 100.0);
    let sig = if off < 1.0 && off > 1e-11 {
        let decimals = 1 - libm::floor(libm::log10(off)) as i64;
        let whole = if libm::fabs(v) >= 100.0 { 3 } else { 2 };
        sig.max((whole + decimals) as usize).min(EXACT_DIGITS)
    } else {
        sig
    };
    let mut s = number(v, sig);
    s.push('%');
    s
}

/// The units a value's formula was written in, used to display it in the
/// same terms.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DisplayHint {
    /// The first unit of information the formula used (decides decimal,
    /// binary or bits).
    pub bytes: Option<UnitId>,
    /// The period of a rate: the time unit the formula's units leave once
    /// they cancel one for one (`$0.10/h * 730 h/month` is per month), else
    /// the last one it divided by.
    pub per_time: Option<UnitId>,
    /// The value was written as a percentage.
    pub percent: bool,
    /// Times its formula left that cancel out in the dimension but not in
    /// words (`8 h/day * 22 day/month` is 176 h/month, `4 instance * 730
    /// h/month` 2,920 instance·h/month): the one multiplied by, the one
    /// divided by.
    pub per_pair: Option<(UnitId, UnitId)>,
    /// `bytes` was written as a rate per second (`800 MB/s`), a bandwidth
    /// as a `Gbps` is one.
    pub byte_rate: bool,
    /// An amount of money per second was written (`$0.01/s`): a spend per
    /// second then reads per second, not per month.
    pub spend_per_second: bool,
}

impl DisplayHint {
    /// Fills the blanks of `self` from `other` (the first unit seen wins).
    pub fn merge(&mut self, other: &DisplayHint) {
        if self.bytes.is_none() {
            self.bytes = other.bytes;
            self.byte_rate = other.byte_rate;
        }
        if self.per_time.is_none() {
            self.per_time = other.per_time;
        }
        self.spend_per_second |= other.spend_per_second;
    }

    /// Records a unit the formula used with exponent sign `dim`.
    pub fn note_unit(&mut self, id: UnitId, dim: Dim, units: &UnitTable) {
        if self.bytes.is_none() && dim.exp(BYTE) != 0 {
            self.bytes = Some(id);
        }
        // Rates read per second or longer: a rate per millisecond (`1 msg /
        // 80 ms`, or IOPS from `8.5 ms + half_rotation`) reads per second,
        // whatever period the names it uses were written in.
        if units.factor(id) < 1.0 && units.family(id) == Some(Family::Time) {
            if self.per_time.is_none() && dim.exp(BYTE) == 0 {
                self.per_time = units.lookup("s").map(|s| s.id);
            }
            return;
        }
        if dim.exp(SECOND) < 0 && dim.exp(BYTE) == 0 {
            // A later divisor converts the rate: `100 req/s * 86400 s/day`.
            self.per_time = Some(id);
        } else if self.per_time.is_none()
            && dim.exp(SECOND) > 0
            && dim.exp(BYTE) == 0
            && units.family(id) == Some(Family::Time)
            && dim.factors().count() == 1
        {
            // A bare time in a formula (`10 GB / 30 day`) is the natural
            // period of a rate computed from it.
            self.per_time = Some(id);
        }
    }
}

/// A display unit fixed by a statement: `-> GB`, `-> $/month`, `-> %`, or
/// the unit an input's default was written in.
#[derive(Clone, Debug, PartialEq)]
pub struct FixedUnit {
    /// The unit as shown after the number (`GB`, `MB/s`, `/month` after a
    /// dollar amount, `%`).
    pub text: String,
    /// Size of one display unit in base units.
    pub factor: f64,
    /// Dimension of the unit.
    pub dim: Dim,
    /// Dollar amounts put `$` before the number.
    pub money: bool,
    /// Percentages print as `58.6%`.
    pub percent: bool,
    /// No automatic unit of its dimension says the same: its units cancel
    /// out in part (`h/month`, `GiB·s/month`), or it is a model's unit of a
    /// time times something (`kWh`, `Ah`). A value keeps it at any size.
    pub cancels: bool,
}

impl FixedUnit {
    /// Percent: a plain number shown a hundred times larger, with `%`.
    pub fn percent() -> FixedUnit {
        FixedUnit { text: String::from("%"), factor: 0.01, dim: Dim::NONE, money: false, percent: true, cancels: false }
    }

    /// Formats `q` in this unit with [`FIXED_DIGITS`] significant digits.
    pub fn format(&self, q: Quantity) -> String {
        self.format_digits(q, FIXED_DIGITS)
    }

    /// Formats `q` in this unit with `digits` significant digits.
    pub fn format_digits(&self, q: Quantity, digits: usize) -> String {
        self.format_value(q.value() / self.factor, digits)
    }

    /// Formats `q` as an explanation substitutes it: six significant
    /// digits, and money to the cent or to six digits, whichever shows more.
    pub fn format_in_full(&self, q: Quantity) -> String {
        match self.money && q.value().is_finite() {
            true => money_in_full(q.value() / self.factor) + &self.text,
            false => self.format(q),
        }
    }

    /// Formats the elements of a series, already in this unit. Amounts of
    /// money all show cents when one does (`$921.60`, `$4,352.00`), as the
    /// column of a bill does.
    pub fn format_values(&self, values: &[f64], digits: usize) -> Vec<String> {
        let mut shown: Vec<String> = values.iter().map(|&v| self.format_value(v, digits)).collect();
        if self.money {
            cents_alike(&mut shown, &self.text);
        }
        shown
    }

    /// Formats `v`, already in this unit.
    pub fn format_value(&self, v: f64, digits: usize) -> String {
        if !v.is_finite() {
            return number(v, digits);
        }
        if self.percent {
            return percent_digits(v, digits);
        }
        if self.money {
            let mut s = money_digits(v, digits.min(EXACT_DIGITS));
            s.push_str(&self.text);
            return s;
        }
        let mut s = number(v, digits);
        if self.text.starts_with(['/', '%']) {
            // Only a denominator: people write "3/s" (and "5%/month").
            s.push_str(&self.text);
        } else if !self.text.is_empty() {
            // One as shown is one: `1.0000001 day` and `-1 day` read `day`.
            let one = s == "1" || s == "-1";
            s.push(' ');
            s.push_str(&pluralize(&self.text, if one { 1.0 } else { v }));
        }
        s
    }

    /// The unit as a person reads it in a label or a heading: `GB`,
    /// `$/month`, `%`, `sessions` (a word in the plural: "in sessions");
    /// "" for plain numbers.
    pub fn label(&self) -> String {
        if self.percent {
            String::from("%")
        } else if self.money {
            alloc::format!("${}", self.text)
        } else {
            pluralize(&self.text, 2.0)
        }
    }
}

/// A prefix ladder: `(symbol, factor)` from smallest to largest.
type Ladder = &'static [(&'static str, f64)];

const DECIMAL_BYTES: Ladder =
    &[("B", 1.0), ("kB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("PB", 1e15), ("EB", 1e18)];
const BINARY_BYTES: Ladder = &[
    ("B", 1.0),
    ("KiB", 1024.0),
    ("MiB", 1_048_576.0),
    ("GiB", 1_073_741_824.0),
    ("TiB", 1_099_511_627_776.0),
    ("PiB", 1_125_899_906_842_624.0),
    ("EiB", 1_152_921_504_606_846_976.0),
];
const BITS: Ladder = &[("bit", 0.125), ("kbit", 125.0), ("Mbit", 125e3), ("Gbit", 125e6), ("Tbit", 125e9)];
const BIT_RATES: Ladder = &[("bps", 0.125), ("kbps", 125.0), ("Mbps", 125e3), ("Gbps", 125e6), ("Tbps", 125e9)];

/// The largest rung whose size fits `v` at least once (the smallest rung
/// for tiny values).
fn rung(ladder: Ladder, v: f64, units: &UnitTable) -> (&'static str, f64) {
    let v = v.abs();
    // A model that redefines a rung (`unit GB = 1024 MB`) is shown in its
    // own size of it.
    let mut rungs = ladder.iter().map(|&(sym, f)| (sym, model_size(units, sym, f)));
    let mut pick = rungs.next().unwrap_or(("", 1.0));
    for r in rungs {
        // A value that will round up to the next rung takes that rung, so
        // 999.9 kB shows as 1 MB and never as "1,000 kB".
        if v >= r.1 * 0.9995 {
            pick = r;
        }
    }
    pick
}

/// The size of built-in unit `sym` in this model: `f`, unless the model
/// redefines it.
fn model_size(units: &UnitTable, sym: &str, f: f64) -> f64 {
    units.lookup(sym).map_or(f, |r| r.factor)
}

/// The readable unit for a time: hours up to three days, days up to two
/// years, years beyond.
fn time_rung(v: f64, units: &UnitTable) -> (&'static str, f64) {
    let (sym, f) = builtin_time_rung(v);
    (sym, model_size(units, sym, f))
}

fn builtin_time_rung(v: f64) -> (&'static str, f64) {
    let a = v.abs();
    let h = 3600.0;
    if a >= 2.0 * units::YEAR {
        ("year", units::YEAR)
    } else if a >= 72.0 * h {
        ("day", units::DAY)
    } else if a >= 3600.0 * 0.9995 {
        ("h", h)
    } else if a >= 60.0 * 0.9995 {
        ("min", 60.0)
    } else if a >= 0.9995 || a == 0.0 {
        ("s", 1.0)
    } else if a >= 1e-3 * 0.9995 {
        ("ms", 1e-3)
    } else if a >= 1e-6 * 0.9995 {
        ("µs", 1e-6)
    } else {
        ("ns", 1e-9)
    }
}

/// Amounts of money in `unit` (`/month`, or "") all show cents when one
/// does (`$0.10`, `$1.00`), as the column of a bill does.
pub fn cents_alike(shown: &mut [String], unit: &str) {
    // The amount before the unit (`$4,352` of `$4,352/month`).
    fn amount<'s>(s: &'s str, unit: &str) -> Option<&'s str> {
        s.strip_suffix(unit).filter(|m| m.starts_with(['$', '-']))
    }
    if shown.iter().any(|s| amount(s, unit).is_some_and(|m| m.contains('.'))) {
        for s in shown.iter_mut() {
            if let Some(m) = amount(s, unit).filter(|m| !m.contains(['.', 'e'])) {
                *s = alloc::format!("{m}.00{unit}");
            }
        }
    }
}

/// English plural of a displayed unit for a value other than one:
/// `20 sessions`, `3 days`; abbreviations (`MB`, `h`, `req`) stay as
/// they are.
pub fn pluralize(unit: &str, v: f64) -> String {
    let (head, tail) = match unit.find(['/', '·', '^']) {
        Some(i) => unit.split_at(i),
        None => (unit, ""),
    };
    // Built-in symbols stay as they are (`kbit`, `min`), but for the
    // calendar words; a model's own count units are words, except the usual
    // abbreviations (`req`, `msg`).
    let known_time = is_calendar(head);
    let abbreviation = matches!(head, "req" | "rps" | "qps" | "tps" | "ops" | "msg" | "pkt" | "txn" | "evt" | "iops");
    let wordy = head.len() >= 3
        && head.bytes().all(|c| c.is_ascii_lowercase() || c == b'_')
        && units::builtin(head).is_none()
        && !abbreviation;
    // A product (`instance·h`) reads as instance-hours: no plural inside.
    if (v - 1.0).abs() < 1e-12 || !(wordy || known_time) || tail.starts_with('·') {
        return String::from(unit);
    }
    // A name already plural (`users`) stays; `process` becomes `processes`.
    if head.ends_with('s') && !(head.ends_with("ss") || head.ends_with("us") || head.ends_with("is")) {
        return String::from(unit);
    }
    let es = head.ends_with('s')
        || head.ends_with('x')
        || head.ends_with("ch")
        || head.ends_with("sh")
        || head.ends_with('z');
    // `query` becomes `queries`, `day` stays `days`.
    if let Some(stem) = head.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u'])) {
        return alloc::format!("{stem}ies{tail}");
    }
    alloc::format!("{head}{}{tail}", if es { "es" } else { "s" })
}

/// Formats `q` in an automatically chosen unit that follows `hint`.
pub fn auto(q: Quantity, hint: &DisplayHint, units: &UnitTable) -> String {
    let (unit, digits) = auto_unit(q, hint, units);
    unit.format_digits(q, digits)
}

/// Formats `q` in the unit [`auto`] picks, as an explanation substitutes
/// it ([`FixedUnit::format_in_full`]).
pub fn auto_in_full(q: Quantity, hint: &DisplayHint, units: &UnitTable) -> String {
    auto_unit(q, hint, units).0.format_in_full(q)
}

/// Whether a time unit is a calendar one (`day week month year`).
fn is_calendar(unit: &str) -> bool {
    matches!(unit, "day" | "week" | "month" | "year")
}

/// The calendar unit a series of durations was written in, when its
/// largest element `big` (in seconds) is from one to ten thousand of it:
/// `(0 .. 24) * 1 month` reads in months throughout, not from seconds to
/// years.
pub fn calendar_series_unit(big: f64, hint: &DisplayHint, units: &UnitTable) -> Option<FixedUnit> {
    let (text, factor) = unit_of(hint.per_time?, units, SECOND);
    let calendar = is_calendar(&text);
    let fits = big.abs() >= factor * 0.9995 && big.abs() < factor * 10_000.0;
    (calendar && fits).then(|| FixedUnit {
        text,
        factor,
        dim: Dim::base(SECOND),
        money: false,
        percent: false,
        cancels: false,
    })
}

/// Formats element `x` (base units, dimension `dim`) of a series like
/// [`auto`]; an `unlimited` element (+∞) reads `unlimited`.
pub fn auto_element(x: f64, dim: Dim, hint: &DisplayHint, units: &UnitTable) -> String {
    match Quantity::new(x, dim) {
        Some(q) => auto(q, hint, units),
        None => number(x, AUTO_DIGITS),
    }
}

/// The unit [`auto`] would show `q` in, and with how many significant
/// digits. A series is shown in the unit chosen for its largest element.
pub fn auto_unit(q: Quantity, hint: &DisplayHint, units: &UnitTable) -> (FixedUnit, usize) {
    let dim = q.dim();
    let v = q.value();
    // A time per another (`h/month`) after what the value counts.
    if let Some((up, down)) = hint.per_pair.filter(|_| dim.exp(SECOND) == 0 && dim.exp(MONEY) == 0 && !hint.percent) {
        // Parts of a second read in seconds (GB·s/month, as billed).
        let up = if units.factor(up) < 1.0 { units.lookup("s").map_or(up, |s| s.id) } else { up };
        let ratio = units.factor(up) / units.factor(down);
        let rest = DisplayHint { per_pair: None, ..*hint };
        let (mut u, digits) = match dim.is_none() {
            true => (
                FixedUnit { text: String::new(), factor: 1.0, dim, money: false, percent: false, cancels: true },
                AUTO_DIGITS,
            ),
            false => auto_unit(Quantity::new(v / ratio, dim).unwrap_or(q), &rest, units),
        };
        let (a, b) = (units.symbol(up), units.symbol(down));
        u.text = match u.text.is_empty() {
            true => [a, "/", b].concat(),
            false => [u.text.as_str(), "·", a, "/", b].concat(),
        };
        u.factor *= ratio;
        u.cancels = true;
        return (u, digits);
    }
    let unit =
        |text: String, factor: f64, money: bool| FixedUnit { text, factor, dim, money, percent: false, cancels: false };
    if dim.is_none() {
        return if hint.percent {
            (FixedUnit::percent(), AUTO_DIGITS)
        } else {
            (unit(String::new(), 1.0, false), FIXED_DIGITS)
        };
    }
    // An amount of data worked out from a bit rate (`1 Gbps * 8 h`) is
    // stored or sent as bytes: it reads in decimal bytes, not in bits.
    // (A rate spelled `Mbit/s` leaves its time in the hint.)
    let from_rate = hint.per_time.is_some()
        || hint.bytes.and_then(|id| units.lookup(units.symbol(id))).is_some_and(|u| u.dim.exp(SECOND) < 0);
    // A bit rate counted per day or month (`1 Gbps * 86400 s/day`) is an
    // amount a day: it reads in bytes, `10.8 TB/day`.
    let per_longer = hint.per_time.is_some_and(|id| units.factor(id) > 1.0);
    let bytes_family = match hint.bytes.and_then(|id| units.family(id)) {
        Some(Family::Bits) if (from_rate && dim == Dim::base(BYTE)) || per_longer => Family::DecimalBytes,
        family => family.unwrap_or(Family::DecimalBytes),
    };
    let money_lead = dim.exp(MONEY) == 1;
    let byte_lead = !money_lead && dim.exp(BYTE) == 1;
    // A time per something (`5 ms/req`) picks its rung like a duration; a
    // time times something (`4 instance * 730 h`) keeps the time written.
    let product = dim.factors().any(|(b, e)| b != SECOND && e > 0);
    let time_lead = !money_lead && !byte_lead && dim.exp(SECOND) == 1 && !product;
    // A count the model names in metric sizes (`W`, `kW`, `MW`) reads on the
    // rung its size fits, as bytes do.
    let count_lead = (!money_lead && !byte_lead && !time_lead)
        .then(|| dim.factors().find(|&(b, e)| e == 1 && b >= units::FIRST_COUNT))
        .flatten()
        .map(|(b, _)| (b, units.ladder(b)))
        .filter(|(_, ladder)| !ladder.is_empty());

    if dim == Dim::base(SECOND) {
        let (sym, f) = time_rung(v, units);
        // A duration written in calendar units reads in them (`18 month` is
        // 18 months, not 548 days), from one of them up to two years.
        if let Some((cal, cf)) = hint.per_time.map(|id| unit_of(id, units, SECOND)) {
            let calendar = is_calendar(&cal);
            let years = cal == "year" || v.abs() <= 2.0 * units::YEAR * 1.0005;
            if calendar && years && v.abs() >= cf * 0.9995 {
                return (unit(cal, cf, false), AUTO_DIGITS);
            }
        }
        return (unit(String::from(sym), f, false), AUTO_DIGITS);
    }

    // The units of every factor but the lead one.
    let mut num: Vec<String> = Vec::new();
    let mut den: Vec<String> = Vec::new();
    let mut factor = 1.0;
    let mut bit_rate = false;
    let mut time_part = None;
    let mut period = None;
    for (base, e) in dim.factors() {
        if (money_lead && base == MONEY)
            || (byte_lead && base == BYTE)
            || (time_lead && base == SECOND)
            || count_lead.as_ref().is_some_and(|(b, _)| *b == base)
        {
            continue;
        }
        // A price per period over a bandwidth (`$2520/month / 6.4 Gbps`)
        // reads per that bandwidth per period, as transit is quoted.
        if let Some((rate, rf, per, pf)) = money_lead.then(|| rate_period(dim, hint, units)).flatten() {
            if base == BYTE {
                factor /= rf * pf;
                den.push(rate);
                period = Some(per);
                continue;
            }
        }
        let (sym, f): (String, f64) = match base {
            BYTE => match hint.bytes {
                Some(id) if e.unsigned_abs() == 1 => unit_of(id, units, BYTE),
                _ => (String::from("B"), 1.0),
            },
            SECOND => {
                if byte_lead && e == -1 && bytes_family == Family::Bits && dim.factors().count() == 2 {
                    bit_rate = true;
                    continue;
                }
                // A spend worked out per second (`rps * $0.55 / 1_000_000
                // req`) reads per month, as it is billed and budgeted:
                // `$361.35/month`, not `$0.000138/s`.
                let per_second = hint.per_time.is_none_or(|id| units.factor(id) <= 1.0);
                let spend = money_lead && e == -1 && dim.factors().count() == 2;
                if spend && per_second && !hint.spend_per_second {
                    if let Some(month) = units.lookup("month") {
                        factor /= month.factor;
                        period = Some(String::from("month"));
                        continue;
                    }
                }
                // GB·h and instance·h, as billed, when the formula writes hours.
                match hint.per_time {
                    Some(id) => unit_of(id, units, SECOND),
                    _ => (String::from("s"), 1.0),
                }
            }
            MONEY => (String::from("$"), 1.0),
            _ => (String::from(units.count_name(base)), 1.0),
        };
        factor *= libm::pow(f, f64::from(e));
        let mut part = sym;
        if e.unsigned_abs() != 1 {
            let _ = write!(part, "^{}", e.unsigned_abs());
        }
        let calendar = is_calendar(&part);
        match e > 0 {
            // The time last: `instance·h`, as people say instance-hours;
            // and a calendar period (`$/user/month`, per user per month).
            true if base == SECOND => time_part = Some(part),
            true => num.push(part),
            // A price's time last too: `$2/node/h`, per node per hour.
            false if calendar || (money_lead && base == SECOND) => period = Some(part),
            false => den.push(part),
        }
    }
    num.extend(time_part);
    den.extend(period);
    let mut rest = num.join("·");
    for d in &den {
        rest.push('/');
        rest.push_str(d);
    }

    if money_lead {
        if !num.is_empty() {
            rest.insert(0, ' ');
        }
        return (unit(rest, factor, true), AUTO_DIGITS);
    }
    // The lead unit on its rung, then the others (`GB·h`, `kW·h/month`).
    let led = |sym: &str, f: f64| {
        let mut text = String::from(sym);
        if !num.is_empty() {
            text.push('·');
        }
        text.push_str(&rest);
        (unit(text, f * factor, false), AUTO_DIGITS)
    };
    if byte_lead {
        let ladder = match (bytes_family, bit_rate) {
            (_, true) => BIT_RATES,
            (Family::BinaryBytes, _) => BINARY_BYTES,
            (Family::Bits, _) => BITS,
            _ => DECIMAL_BYTES,
        };
        // A bit rate's ladder already includes the per-second. A zero has
        // no size to pick a rung by: it reads in the unit written (`0 GB`).
        let written = hint.bytes.filter(|_| v == 0.0).map(|id| units.symbol(id));
        let (sym, f) = match written.and_then(|w| ladder.iter().find(|r| r.0 == w)) {
            Some(&(sym, f)) => (sym, model_size(units, sym, f)),
            None => rung(ladder, v / factor, units),
        };
        // A formula written in `KB` reads in it on that rung, as written.
        let sym = match sym == "kB" && hint.bytes.is_some_and(|id| units.symbol(id) == "KB") {
            true => "KB",
            false => sym,
        };
        return led(sym, f);
    }
    if let Some((_, ladder)) = count_lead {
        let size = (v / factor).abs();
        // A zero has no size: it reads in the count itself (`0 W`).
        let fits = |r: &&(&str, f64)| if size == 0.0 { r.1 == 1.0 } else { size >= r.1 * 0.9995 };
        let (sym, f) = ladder.iter().rev().find(fits).unwrap_or(&ladder[0]);
        return led(sym, *f);
    }
    if time_lead {
        let (sym, f) = time_rung(v / factor, units);
        return led(sym, f);
    }
    (unit(rest, factor, false), FIXED_DIGITS)
}

/// For a value per byte that no time is left in, led by a formula over a
/// data rate and a period (`$/month` over `Gbps` or `MB/s`): the rate's
/// symbol and size, and the period's.
fn rate_period(dim: Dim, hint: &DisplayHint, units: &UnitTable) -> Option<(String, f64, String, f64)> {
    if dim.exp(BYTE) != -1 || dim.exp(SECOND) != 0 {
        return None;
    }
    let (id, per) = (hint.bytes?, hint.per_time?);
    let rate = units.lookup(units.symbol(id))?;
    let symbol = if hint.byte_rate && rate.dim == Dim::base(BYTE) {
        ["(", units.symbol(id), "/s)"].concat()
    } else if Dim::base(BYTE).per(Dim::base(SECOND)) == Some(rate.dim) {
        String::from(units.symbol(id))
    } else {
        return None;
    };
    (units.factor(per) >= 1.0).then(|| (symbol, rate.factor, String::from(units.symbol(per)), units.factor(per)))
}

/// The symbol and size of a unit when used for `base` in a compound unit.
fn unit_of(id: UnitId, units: &UnitTable, base: usize) -> (String, f64) {
    let sym = String::from(units.symbol(id));
    let (factor, dim) = match units.lookup(&sym) {
        Some(r) => (r.factor, r.dim),
        None => (1.0, Dim::base(base)),
    };
    if dim == Dim::base(base) {
        (sym, factor)
    } else if base == BYTE {
        // The hint came from a rate (`Mbps`): use its byte-ish part.
        match units.family(id) {
            Some(Family::Bits) => (String::from("bit"), 0.125),
            _ => (String::from("B"), 1.0),
        }
    } else {
        (String::from("s"), 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::UnitTable;

    #[track_caller]
    fn check_number(v: f64, sig: usize, want: &str) {
        assert_eq!(number(v, sig), want, "number({v}, {sig})");
    }

    #[test]
    fn huge_amounts_read_in_six_significant_digits() {
        assert_eq!(money(12_345_678_901_234.0 * 123_456.789), "$1.52416e18");
        assert_eq!(money(1.234_567_89e22), "$1.23457e22");
        assert_eq!(number(1.234_567_89e25, 9), "1.23457e25");
        assert_eq!(number(9.999_999_9e20, 9), "1e21");
        // The machine form keeps its fifteen digits.
        assert_eq!(clean(1.234_567_89e25), "1.23456789e25");
    }

    #[test]
    fn machine_numbers_hide_float_noise_but_keep_whole_numbers_exact() {
        assert_eq!(clean(0.1 + 0.2), "0.3");
        assert_eq!(clean(100.0 * 1.17f64.powi(3)), "160.1613");
        assert_eq!(clean(1_125_899_906_842_624.0), "1125899906842624");
        assert_eq!(clean(300e6), "300000000");
        assert_eq!(clean(-4096.0), "-4096");
        assert_eq!(clean(1e300), "1e300");
        assert_eq!(clean(9.506621552043429e-6), "9.50662155204343e-6");
        // The largest floats read back as themselves, not as infinity.
        assert_eq!(clean(f64::MAX), "1.7976931348623157e308");
        assert_eq!(clean(-f64::MAX).parse::<f64>(), Ok(-f64::MAX));
    }

    #[test]
    fn numbers_round_half_away_and_keep_integer_digits() {
        check_number(3.125, 3, "3.13");
        check_number(0.1 + 0.2, 6, "0.3");
        check_number(136.89, 6, "136.89");
        check_number(179.3513, 6, "179.351");
        check_number(1234.5, 3, "1,235");
        check_number(999.96, 3, "1,000");
        check_number(-2.5, 1, "-3");
        check_number(0.0, 3, "0");
        check_number(-0.0, 3, "0");
        check_number(1e-7, 3, "1e-7");
        check_number(0.000123456, 3, "0.000123");
        check_number(125_908.5, 6, "125,909");
        check_number(1_000_000.0, 6, "1,000,000");
        check_number(2.5e21, 6, "2.5e21");
        check_number(100.0, 3, "100");
        // Float noise just below a boundary rounds as the number meant:
        // 2 * 1.15^2 is 2.6449999999999996.
        check_number(2.0 * 1.15 * 1.15, 3, "2.65");
        check_number(1.005, 3, "1.01");
    }

    #[test]
    fn money_shows_cents_when_there_are_any() {
        assert_eq!(money(0.9), "$0.90");
        assert_eq!(money(7.5), "$7.50");
        assert_eq!(money(86.0), "$86");
        assert_eq!(money(1299.0), "$1,299");
        assert_eq!(money(0.015), "$0.015");
        assert_eq!(money(0.017_346), "$0.0173");
        assert_eq!(money(-3.0), "-$3");
        assert_eq!(money(1234.567), "$1,234.57");
        // Cents that round to a whole dollar still show: $2 would be exact.
        assert_eq!(money(1.998_67), "$2.00");
        assert_eq!(money(1299.996), "$1,300.00");
        assert_eq!(money(86.0 + 1e-12), "$86");
        assert_eq!(money(0.0), "$0");
        // A price per request reads without an exponent.
        assert_eq!(money(2e-7), "$0.0000002");
        assert_eq!(money(-3e-7), "-$0.0000003");
        assert_eq!(money(7.9e-10), "$7.9e-10");
        // An amount as given keeps its digits.
        assert_eq!(money_digits(1.2345, EXACT_DIGITS), "$1.2345");
        assert_eq!(money_digits(0.0000166667, EXACT_DIGITS), "$0.0000166667");
        assert_eq!(money_digits(1_234_567.891, FIXED_DIGITS), "$1,234,567.89");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(0.5859), "58.6%");
        assert_eq!(percent(0.08), "8%");
        assert_eq!(percent(0.1 + 0.2), "30%");
    }

    #[test]
    fn one_as_shown_is_singular() {
        let t = UnitTable::default();
        let day = Dim::base(SECOND);
        let h = DisplayHint { per_time: id("day"), ..Default::default() };
        assert_eq!(auto(q(86_400.0 * 1.000_000_1, day), &h, &t), "1 day");
        assert_eq!(auto(q(-86_400.0, day), &h, &t), "-1 day");
        assert_eq!(auto(q(2.0 * 86_400.0, day), &h, &t), "2 days");
    }

    #[test]
    fn percentages_near_a_hundred_keep_their_nines() {
        assert_eq!(percent(0.9995), "99.95%");
        assert_eq!(percent(0.9994), "99.94%");
        assert_eq!(percent(0.99123), "99.12%");
        assert_eq!(percent(0.999_994), "99.9994%");
        assert_eq!(percent(1.0004), "100.04%");
        assert_eq!(percent(0.995), "99.5%");
        assert_eq!(percent(0.985), "98.5%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.1 * 3.0 / 0.3), "100%");
        assert_eq!(FixedUnit::percent().format_value(99.95, AUTO_DIGITS), "99.95%");
        // Four regions in parallel, and a trillionth short of all.
        assert_eq!(percent(0.999_999_999_993_446), "99.99999999934%");
        assert_eq!(percent(1.0 - 1e-12), "99.9999999999%");
        assert_eq!(percent(1.0 - f64::EPSILON), "100%");
    }

    fn q(v: f64, dim: Dim) -> Quantity {
        Quantity::new(v, dim).unwrap()
    }

    fn id(name: &str) -> Option<UnitId> {
        UnitTable::default().lookup(name).map(|r| r.id)
    }

    #[test]
    fn bytes_get_a_readable_prefix() {
        let t = UnitTable::default();
        let h = DisplayHint::default();
        let b = Dim::base(BYTE);
        assert_eq!(auto(q(3125e6, b), &h, &t), "3.13 GB");
        assert_eq!(auto(q(12.925e6, b), &h, &t), "12.9 MB");
        assert_eq!(auto(q(999.9e3, b), &h, &t), "1 MB");
        assert_eq!(auto(q(12.0, b), &h, &t), "12 B");
        let bin = DisplayHint { bytes: id("GiB"), ..h };
        assert_eq!(auto(q(2.0 * 1_073_741_824.0, b), &bin, &t), "2 GiB");
    }

    #[test]
    fn rates_follow_the_units_they_were_written_in() {
        let t = UnitTable::default();
        let rate = Dim::base(BYTE).per(Dim::base(SECOND)).unwrap();
        let bits = DisplayHint { bytes: id("Mbps"), ..Default::default() };
        assert_eq!(auto(q(12.5e6, rate), &bits, &t), "100 Mbps");
        let plain = DisplayHint::default();
        assert_eq!(auto(q(12.5e6, rate), &plain, &t), "12.5 MB/s");
        let monthly = DisplayHint { per_time: id("month"), ..Default::default() };
        assert_eq!(auto(q(50e9 / units::MONTH, rate), &monthly, &t), "50 GB/month");
        let cost = Dim::base(MONEY).per(Dim::base(SECOND)).unwrap();
        assert_eq!(auto(q(299.0 / units::MONTH, cost), &monthly, &t), "$299/month");
    }

    #[test]
    fn times_use_a_readable_unit() {
        let t = UnitTable::default();
        let h = DisplayHint::default();
        let s = Dim::base(SECOND);
        assert_eq!(auto(q(0.18, s), &h, &t), "180 ms");
        assert_eq!(auto(q(100.0 * 3600.0, s), &h, &t), "4.17 days");
        assert_eq!(auto(q(9.0 * 3600.0, s), &h, &t), "9 h");
        assert_eq!(auto(q(30.0 * 60.0, s), &h, &t), "30 min");
        assert_eq!(auto(q(86_400.0 * 3.0, s), &h, &t), "3 days");
    }

    #[test]
    fn count_units_are_pluralized() {
        let mut t = UnitTable::default();
        let sess = t.declare_count("session").unwrap().dim;
        let req = t.declare_count("req").unwrap().dim;
        let h = DisplayHint::default();
        assert_eq!(auto(q(20.0, sess), &h, &t), "20 sessions");
        assert_eq!(auto(q(1.0, sess), &h, &t), "1 session");
        let query = t.declare_count("query").unwrap().dim;
        let day = t.declare_count("relay").unwrap().dim;
        assert_eq!(auto(q(2.0, query), &h, &t), "2 queries");
        assert_eq!(auto(q(2.0, day), &h, &t), "2 relays");
        let per_s = req.per(Dim::base(SECOND)).unwrap();
        assert_eq!(auto(q(100.0, per_s), &h, &t), "100 req/s");
        let mb_per = Dim::base(BYTE).per(sess).unwrap();
        assert_eq!(auto(q(5e6, mb_per), &h, &t), "5 MB/session");
        assert_eq!(auto(q(3.0, Dim::NONE.per(Dim::base(SECOND)).unwrap()), &h, &t), "3/s");
    }

    #[test]
    fn fixed_units_show_six_digits() {
        let gb = FixedUnit {
            text: "GB".into(),
            factor: 1e9,
            dim: Dim::base(BYTE),
            money: false,
            percent: false,
            cancels: false,
        };
        assert_eq!(gb.format(q(179_351_325_000.0, Dim::base(BYTE))), "179.351 GB");
        let pm = FixedUnit {
            text: "/month".into(),
            factor: 1.0 / units::MONTH,
            dim: Dim::base(MONEY).per(Dim::base(SECOND)).unwrap(),
            money: true,
            percent: false,
            cancels: false,
        };
        let cost = Dim::base(MONEY).per(Dim::base(SECOND)).unwrap();
        assert_eq!(pm.format(q(25.0 / units::MONTH, cost)), "$25/month");
    }
}
