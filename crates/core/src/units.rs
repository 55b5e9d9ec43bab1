//! Units and dimensions.
//!
//! A [`Dim`] is a product of base dimensions with small integer exponents:
//! bytes, seconds, dollars, and the count units a model declares with
//! `unit NAME`. It is a fixed array so quantities stay `Copy` and arithmetic
//! never allocates. Every unit is a scale factor times a `Dim`; values are kept
//! in base units (bytes, seconds, dollars, counts) and scaled only for display.
//!
//! The built-in units live in one declarative table, [`BUILTINS`]; a model's
//! own units (count units, derived units, redefinitions of built-ins such as
//! `unit month = 730 h`) live in a [`UnitTable`].

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// How many base dimensions a model can use: bytes, seconds, dollars and up
/// to [`MAX_COUNT_UNITS`] declared count units.
pub const BASES: usize = 32;
/// Slot of the information dimension (bytes).
pub const BYTE: usize = 0;
/// Slot of the time dimension (seconds).
pub const SECOND: usize = 1;
/// Slot of the money dimension (US dollars).
pub const MONEY: usize = 2;
/// Slot of the first declared count unit.
pub const FIRST_COUNT: usize = 3;
/// Most count units one model may declare.
pub const MAX_COUNT_UNITS: usize = BASES - FIRST_COUNT;

/// A physical dimension: exponents of each base, e.g. `B/s` is
/// `{byte: 1, second: -1}`. The empty product is "dimensionless".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Dim([i8; BASES]);

impl Dim {
    /// The dimension of plain numbers.
    pub const NONE: Dim = Dim([0; BASES]);

    /// The dimension with exponent 1 on `base` and 0 elsewhere.
    pub const fn base(base: usize) -> Dim {
        let mut e = [0; BASES];
        e[base] = 1;
        Dim(e)
    }

    /// Exponent of `base`.
    pub fn exp(self, base: usize) -> i8 {
        self.0[base]
    }

    /// True for plain numbers.
    pub fn is_none(self) -> bool {
        self == Dim::NONE
    }

    /// Product of two dimensions; `None` when an exponent leaves `i8`.
    pub fn times(self, other: Dim) -> Option<Dim> {
        self.combine(other, 1)
    }

    /// Quotient of two dimensions; `None` when an exponent leaves `i8`.
    pub fn per(self, other: Dim) -> Option<Dim> {
        self.combine(other, -1)
    }

    /// `self + sign * other`, exponent by exponent. Widening to `i16` and
    /// checking once keeps the loop free of branches, so it vectorizes:
    /// this runs on every multiplication of a model.
    fn combine(self, other: Dim, sign: i16) -> Option<Dim> {
        let mut out = [0i8; BASES];
        let mut fits = true;
        for ((o, &a), &b) in out.iter_mut().zip(&self.0).zip(&other.0) {
            let e = i16::from(a) + sign * i16::from(b);
            *o = e as i8;
            fits &= e == i16::from(e as i8);
        }
        fits.then_some(Dim(out))
    }

    /// The dimension raised to an integer power; `None` on overflow.
    pub fn powi(self, n: i32) -> Option<Dim> {
        let mut out = [0i8; BASES];
        for (i, o) in out.iter_mut().enumerate() {
            let e = i32::from(self.0[i]).checked_mul(n)?;
            *o = i8::try_from(e).ok()?;
        }
        Some(Dim(out))
    }

    /// The n-th root, when every exponent is divisible by `n`.
    pub fn root(self, n: i8) -> Option<Dim> {
        let mut out = [0i8; BASES];
        for (i, o) in out.iter_mut().enumerate() {
            if self.0[i] % n != 0 {
                return None;
            }
            *o = self.0[i] / n;
        }
        Some(Dim(out))
    }

    /// Iterates the non-zero `(base, exponent)` pairs in base order.
    pub fn factors(self) -> impl Iterator<Item = (usize, i8)> {
        self.0.into_iter().enumerate().filter(|&(_, e)| e != 0)
    }

    /// How many base units it multiplies, counted with their powers
    /// (`B·s^-1` is 2, `B·s/month`'s dimension `B` is 1).
    pub fn weight(self) -> u32 {
        self.factors().map(|(_, e)| u32::from(e.unsigned_abs())).sum()
    }
}

/// How a built-in unit wants to be displayed when it sets a value's display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// Decimal bytes: kB, MB, GB, ... (10^3 steps).
    DecimalBytes,
    /// Binary bytes: KiB, MiB, GiB, ... (2^10 steps).
    BinaryBytes,
    /// Bits and bit rates: bit, Mbit, bps, Mbps, ...
    Bits,
    /// Time: ns ... year.
    Time,
    /// Money.
    Money,
}

/// One entry of the built-in unit table.
#[derive(Debug)]
pub struct Builtin {
    /// The name as written in a model.
    pub name: &'static str,
    /// The canonical unit this name stands for (`hours` -> `h`); a model that
    /// redefines the canonical unit redefines every name of it.
    pub canonical: &'static str,
    /// Size of one unit in base units.
    pub factor: f64,
    /// Dimension of the unit.
    pub dim: Dim,
    /// Display family.
    pub family: Family,
}

const B: Dim = Dim::base(BYTE);
const S: Dim = Dim::base(SECOND);
const USD: Dim = Dim::base(MONEY);
const BPS: Dim = {
    let mut e = [0; BASES];
    e[BYTE] = 1;
    e[SECOND] = -1;
    Dim(e)
};

/// Seconds in a day.
pub const DAY: f64 = 86_400.0;
/// Seconds in a (Gregorian mean) year: 365.2425 days.
pub const YEAR: f64 = 365.2425 * DAY;
/// Seconds in a month: a twelfth of a year (30.436875 days).
pub const MONTH: f64 = YEAR / 12.0;

macro_rules! units {
    ($( $name:literal => $canon:literal, $factor:expr, $dim:expr, $family:ident; )*) => {
        /// Every built-in unit, aliases included.
        pub static BUILTINS: &[Builtin] = &[
            $( Builtin { name: $name, canonical: $canon, factor: $factor, dim: $dim, family: Family::$family }, )*
        ];
    };
}

units! {
    // Information, decimal.
    "B" => "B", 1.0, B, DecimalBytes;
    "byte" => "B", 1.0, B, DecimalBytes;
    "bytes" => "B", 1.0, B, DecimalBytes;
    "kB" => "kB", 1e3, B, DecimalBytes;
    "KB" => "KB", 1e3, B, DecimalBytes;
    "MB" => "MB", 1e6, B, DecimalBytes;
    "GB" => "GB", 1e9, B, DecimalBytes;
    "TB" => "TB", 1e12, B, DecimalBytes;
    "PB" => "PB", 1e15, B, DecimalBytes;
    "EB" => "EB", 1e18, B, DecimalBytes;
    // Information, binary.
    "KiB" => "KiB", 1024.0, B, BinaryBytes;
    "MiB" => "MiB", 1_048_576.0, B, BinaryBytes;
    "GiB" => "GiB", 1_073_741_824.0, B, BinaryBytes;
    "TiB" => "TiB", 1_099_511_627_776.0, B, BinaryBytes;
    "PiB" => "PiB", 1_125_899_906_842_624.0, B, BinaryBytes;
    "EiB" => "EiB", 1_152_921_504_606_846_976.0, B, BinaryBytes;
    // Bits and bit rates.
    "bit" => "bit", 0.125, B, Bits;
    "bits" => "bit", 0.125, B, Bits;
    "b" => "bit", 0.125, B, Bits;
    "kbit" => "kbit", 125.0, B, Bits;
    "Kb" => "kbit", 125.0, B, Bits;
    "Mbit" => "Mbit", 125e3, B, Bits;
    "Mb" => "Mbit", 125e3, B, Bits;
    "Gbit" => "Gbit", 125e6, B, Bits;
    "Gb" => "Gbit", 125e6, B, Bits;
    "Tbit" => "Tbit", 125e9, B, Bits;
    "Tb" => "Tbit", 125e9, B, Bits;
    "bps" => "bps", 0.125, BPS, Bits;
    "kbps" => "kbps", 125.0, BPS, Bits;
    "Kbps" => "kbps", 125.0, BPS, Bits;
    "Mbps" => "Mbps", 125e3, BPS, Bits;
    "Gbps" => "Gbps", 125e6, BPS, Bits;
    "Tbps" => "Tbps", 125e9, BPS, Bits;
    // Time.
    "ns" => "ns", 1e-9, S, Time;
    "us" => "µs", 1e-6, S, Time;
    "µs" => "µs", 1e-6, S, Time;
    "ms" => "ms", 1e-3, S, Time;
    "millisecond" => "ms", 1e-3, S, Time;
    "milliseconds" => "ms", 1e-3, S, Time;
    "s" => "s", 1.0, S, Time;
    "sec" => "s", 1.0, S, Time;
    "secs" => "s", 1.0, S, Time;
    "second" => "s", 1.0, S, Time;
    "seconds" => "s", 1.0, S, Time;
    "min" => "min", 60.0, S, Time;
    "minute" => "min", 60.0, S, Time;
    "minutes" => "min", 60.0, S, Time;
    "mins" => "min", 60.0, S, Time;
    "h" => "h", 3600.0, S, Time;
    "hr" => "h", 3600.0, S, Time;
    "hrs" => "h", 3600.0, S, Time;
    "hour" => "h", 3600.0, S, Time;
    "hours" => "h", 3600.0, S, Time;
    "day" => "day", DAY, S, Time;
    "days" => "day", DAY, S, Time;
    "week" => "week", 7.0 * DAY, S, Time;
    "weeks" => "week", 7.0 * DAY, S, Time;
    "month" => "month", MONTH, S, Time;
    "months" => "month", MONTH, S, Time;
    "year" => "year", YEAR, S, Time;
    "years" => "year", YEAR, S, Time;
    "yr" => "year", YEAR, S, Time;
    "yrs" => "year", YEAR, S, Time;
    // Money.
    "$" => "$", 1.0, USD, Money;
    "USD" => "$", 1.0, USD, Money;
}

/// Looks a built-in unit up by any of its names.
pub fn builtin(name: &str) -> Option<(usize, &'static Builtin)> {
    BUILTINS.iter().enumerate().find(|(_, b)| b.name == name)
}

/// Index of the canonical entry of a built-in unit.
pub fn canonical_index(b: &Builtin) -> usize {
    BUILTINS.iter().position(|c| c.name == b.canonical).unwrap_or(0)
}

/// Identifies a unit of a model: a built-in entry or one of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitId {
    /// Index into [`BUILTINS`] (always the canonical entry).
    Builtin(u16),
    /// Index into the model's [`UnitTable::defs`].
    Model(u16),
}

/// A unit as resolved in a model: its size and dimension.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitRef {
    /// Which unit.
    pub id: UnitId,
    /// Size of one unit in base units.
    pub factor: f64,
    /// Dimension.
    pub dim: Dim,
}

/// What a model-defined unit is.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelUnitKind {
    /// `unit NAME`: a new count dimension.
    Count,
    /// `unit NAME = EXPR`: a new name for a scaled existing dimension.
    Derived,
    /// `unit NAME = EXPR` where NAME is built in: a convention of the model,
    /// shown next to every result that depends on it.
    Convention,
}

/// A unit the model defines.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelUnit {
    /// Its name as declared.
    pub name: String,
    /// Kind of definition.
    pub kind: ModelUnitKind,
    /// Size in base units.
    pub factor: f64,
    /// Dimension.
    pub dim: Dim,
    /// For a convention, how the model defines it (e.g. "730 h").
    pub definition: String,
    /// The time units its definition writes, with their exponents, when
    /// it is more than a time (`kWh = 1 kW * 1 h`: `h`; `iops = 1 io/s`:
    /// `s^-1`): what the period of a value using it follows.
    pub times: Vec<(UnitId, i8)>,
}

/// The units a model declares, looked up before the built-ins.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitTable {
    /// Units in declaration order.
    pub defs: Vec<ModelUnit>,
    /// Count units in base-slot order (slot = FIRST_COUNT + index).
    counts: Vec<u16>,
}

/// True when `word` is an English plural of `unit`: `+s`, `+es`, or a
/// consonant's `y` made `ies`.
pub(crate) fn is_plural_of(word: &str, unit: &str) -> bool {
    match word.strip_prefix(unit) {
        Some("s" | "es") => true,
        _ => unit
            .strip_suffix('y')
            .is_some_and(|stem| !stem.ends_with(['a', 'e', 'i', 'o', 'u']) && word.strip_prefix(stem) == Some("ies")),
    }
}

impl UnitTable {
    /// Resolves a unit name: the model's own units first (with plurals of
    /// count units), then the built-ins (honouring redefinitions).
    pub fn lookup(&self, name: &str) -> Option<UnitRef> {
        if let Some(r) = self.lookup_own(name) {
            return Some(r);
        }
        let (_, b) = builtin(name)?;
        // `months` follows a model's `unit month = ...`.
        if let Some(r) = self.lookup_own(b.canonical) {
            return Some(r);
        }
        let idx = canonical_index(b);
        let canon = &BUILTINS[idx];
        Some(UnitRef { id: UnitId::Builtin(idx as u16), factor: canon.factor, dim: canon.dim })
    }

    fn lookup_own(&self, name: &str) -> Option<UnitRef> {
        let found = self.defs.iter().position(|d| d.name == name).or_else(|| {
            // Plurals of the model's units: `session` accepts `sessions`,
            // `box` `boxes`, `query` `queries`, `workday` `workdays`; never
            // in place of a built-in unit (`ms` stays milliseconds).
            if builtin(name).is_some() {
                return None;
            }
            self.defs.iter().position(|d| is_plural_of(name, &d.name))
        })?;
        let d = &self.defs[found];
        Some(UnitRef { id: UnitId::Model(found as u16), factor: d.factor, dim: d.dim })
    }

    /// Why a new unit `name` would collide with one the model has: the same
    /// name, or one of the two the plural of the other (`unit reqs` beside
    /// `unit req` would take over its plural).
    pub fn clash(&self, name: &str) -> Option<String> {
        let canonical = builtin(name).map_or(name, |(_, b)| b.canonical);
        self.defs.iter().find_map(|d| {
            let other = d.name.as_str();
            if other == name {
                Some(alloc::format!("the unit `{name}` is already defined"))
            } else if other == canonical || is_plural_of(name, other) {
                Some(alloc::format!("`{name}` already means the unit `{other}`"))
            } else if is_plural_of(other, name) {
                Some(alloc::format!("the unit `{other}` is already the plural of `{name}`"))
            } else {
                None
            }
        })
    }

    /// True when `name` is a unit of this model or a built-in one.
    pub fn is_unit(&self, name: &str) -> bool {
        self.lookup(name).is_some()
    }

    /// Declares a count unit; `None` when the model already has the most
    /// count units it may.
    pub fn declare_count(&mut self, name: &str) -> Option<UnitRef> {
        if self.counts.len() >= MAX_COUNT_UNITS {
            return None;
        }
        let dim = Dim::base(FIRST_COUNT + self.counts.len());
        self.counts.push(self.defs.len() as u16);
        self.defs.push(ModelUnit {
            name: name.into(),
            kind: ModelUnitKind::Count,
            factor: 1.0,
            dim,
            definition: String::new(),
            times: Vec::new(),
        });
        Some(UnitRef { id: UnitId::Model(self.defs.len() as u16 - 1), factor: 1.0, dim })
    }

    /// Declares a derived unit or a convention.
    pub fn declare_derived(
        &mut self,
        name: &str,
        factor: f64,
        dim: Dim,
        convention: bool,
        definition: String,
        times: Vec<(UnitId, i8)>,
    ) -> UnitRef {
        self.defs.push(ModelUnit {
            name: name.into(),
            kind: if convention { ModelUnitKind::Convention } else { ModelUnitKind::Derived },
            factor,
            dim,
            definition,
            times,
        });
        UnitRef { id: UnitId::Model(self.defs.len() as u16 - 1), factor, dim }
    }

    /// Name of a count dimension slot (`FIRST_COUNT..BASES`).
    pub fn count_name(&self, base: usize) -> &str {
        base.checked_sub(FIRST_COUNT)
            .and_then(|i| self.counts.get(i))
            .map_or("?", |&d| self.defs[d as usize].name.as_str())
    }

    /// The sizes a count reads in, smallest first, when the model names it
    /// with metric prefixes (`unit kW = 1000 W`, `unit MW = 1000 kW`): the
    /// count and each such unit. Empty when it has none: other multiples
    /// (`unit rack = 42 server`) are not sizes of the count.
    pub fn ladder(&self, base: usize) -> Vec<(&str, f64)> {
        const PREFIXES: [(&str, f64); 7] =
            [("m", 1e-3), ("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15)];
        let count = self.count_name(base);
        let mut rungs: Vec<(&str, f64)> = Vec::from([(count, 1.0)]);
        let prefixed = |d: &&ModelUnit| {
            PREFIXES.iter().any(|&(p, f)| d.name.strip_prefix(p) == Some(count) && (d.factor - f).abs() <= 1e-9 * f)
        };
        for d in
            self.defs.iter().filter(|d| d.dim == Dim::base(base) && d.kind == ModelUnitKind::Derived).filter(prefixed)
        {
            // In order of size, without a sort (a slice sort costs the web
            // app kilobytes).
            let at = rungs.iter().position(|r| r.1 > d.factor).unwrap_or(rungs.len());
            rungs.insert(at, (d.name.as_str(), d.factor));
        }
        if rungs.len() == 1 {
            rungs.clear();
        }
        rungs
    }

    /// The symbol a unit is displayed with.
    pub fn symbol(&self, id: UnitId) -> &str {
        match id {
            UnitId::Builtin(i) => BUILTINS.get(i as usize).map_or("?", |b| b.name),
            UnitId::Model(i) => self.defs.get(i as usize).map_or("?", |d| d.name.as_str()),
        }
    }

    /// Size of a unit in base units.
    pub fn factor(&self, id: UnitId) -> f64 {
        match id {
            UnitId::Builtin(i) => BUILTINS.get(i as usize).map_or(1.0, |b| b.factor),
            UnitId::Model(i) => self.defs.get(i as usize).map_or(1.0, |d| d.factor),
        }
    }

    /// The display family of a unit, if it is a built-in one.
    pub fn family(&self, id: UnitId) -> Option<Family> {
        match id {
            UnitId::Builtin(i) => BUILTINS.get(i as usize).map(|b| b.family),
            UnitId::Model(i) => {
                let d = self.defs.get(i as usize)?;
                let b = builtin(&d.name)?.1;
                (d.kind == ModelUnitKind::Convention).then_some(b.family)
            }
        }
    }

    /// The conventions of this model (redefined built-in units), as
    /// `(unit id, "month = 730 h")`.
    pub fn conventions(&self) -> impl Iterator<Item = (UnitId, String)> + '_ {
        self.defs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == ModelUnitKind::Convention)
            .map(|(i, d)| (UnitId::Model(i as u16), alloc::format!("{} = {}", d.name, d.definition)))
    }

    /// The dimension written in base units, as the JSON output uses it:
    /// `B`, `B/s`, `USD/s`, `session`, `B*s/request`; "" when dimensionless.
    pub fn base_unit_string(&self, dim: Dim) -> String {
        let mut num: Vec<String> = Vec::new();
        let mut den: Vec<String> = Vec::new();
        for (base, e) in dim.factors() {
            let name = match base {
                BYTE => "B",
                SECOND => "s",
                MONEY => "USD",
                _ => self.count_name(base),
            };
            let mut part = String::from(name);
            if e.unsigned_abs() != 1 {
                let _ = write!(part, "^{}", e.unsigned_abs());
            }
            if e > 0 {
                num.push(part)
            } else {
                den.push(part)
            }
        }
        let mut out = if num.is_empty() && !den.is_empty() { String::from("1") } else { num.join("*") };
        for d in den {
            out.push('/');
            out.push_str(&d);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_multiply_and_divide() {
        let rate = Dim::base(BYTE).per(Dim::base(SECOND)).unwrap();
        assert_eq!(rate.exp(BYTE), 1);
        assert_eq!(rate.exp(SECOND), -1);
        assert_eq!(rate.times(Dim::base(SECOND)).unwrap(), Dim::base(BYTE));
        assert!(rate.per(rate).unwrap().is_none());
        assert_eq!(Dim::base(BYTE).powi(2).unwrap().root(2), Some(Dim::base(BYTE)));
        assert_eq!(Dim::base(BYTE).root(2), None);
        assert_eq!(Dim::base(BYTE).powi(200), None);
    }

    #[test]
    fn every_builtin_has_a_canonical_entry_of_the_same_size() {
        for b in BUILTINS {
            let c = &BUILTINS[canonical_index(b)];
            assert_eq!(c.name, b.canonical, "{}", b.name);
            assert_eq!(c.factor, b.factor, "{}", b.name);
            assert_eq!(c.dim, b.dim, "{}", b.name);
        }
    }

    #[test]
    fn month_is_a_twelfth_of_a_year() {
        assert!((MONTH / DAY - 30.436875).abs() < 1e-9);
        let t = UnitTable::default();
        assert_eq!(t.lookup("months").unwrap().factor, MONTH);
        assert_eq!(t.lookup("Mbps").unwrap().factor, 125_000.0);
        assert_eq!(t.lookup("GiB").unwrap().factor, 1_073_741_824.0);
    }

    #[test]
    fn redefining_month_changes_its_plural_too() {
        let mut t = UnitTable::default();
        t.declare_derived("month", 730.0 * 3600.0, Dim::base(SECOND), true, "730 h".into(), Vec::new());
        assert_eq!(t.lookup("months").unwrap().factor, 730.0 * 3600.0);
        assert_eq!(t.conventions().next().unwrap().1, "month = 730 h");
    }

    #[test]
    fn count_units_accept_plurals() {
        let mut t = UnitTable::default();
        let s = t.declare_count("session").unwrap();
        t.declare_count("box").unwrap();
        assert_eq!(t.lookup("sessions").unwrap().dim, s.dim);
        assert!(t.lookup("boxes").is_some());
        assert!(t.lookup("sessionz").is_none());
        assert_eq!(t.count_name(FIRST_COUNT), "session");
    }

    #[test]
    fn every_unit_of_the_model_accepts_its_plural() {
        let mut t = UnitTable::default();
        let query = t.declare_count("query").unwrap();
        let key = t.declare_count("key").unwrap();
        t.declare_derived("workday", 8.0 * 3600.0, Dim::base(SECOND), false, "8 h".into(), Vec::new());
        t.declare_count("m").unwrap();
        assert_eq!(t.lookup("queries").unwrap().dim, query.dim);
        assert_eq!(t.lookup("keys").unwrap().dim, key.dim);
        assert!(t.lookup("kies").is_none());
        assert_eq!(t.lookup("workdays").unwrap().factor, 8.0 * 3600.0);
        // A plural never hides a built-in unit: `ms` is milliseconds.
        assert_eq!(t.lookup("ms").unwrap().factor, 1e-3);
    }

    #[test]
    fn base_unit_strings() {
        let mut t = UnitTable::default();
        let req = t.declare_count("request").unwrap().dim;
        let b = Dim::base(BYTE);
        let s = Dim::base(SECOND);
        assert_eq!(t.base_unit_string(Dim::NONE), "");
        assert_eq!(t.base_unit_string(b.per(s).unwrap()), "B/s");
        assert_eq!(t.base_unit_string(Dim::base(MONEY).per(s).unwrap()), "USD/s");
        assert_eq!(t.base_unit_string(b.times(s).unwrap().per(req).unwrap()), "B*s/request");
        assert_eq!(t.base_unit_string(s.powi(-2).unwrap()), "1/s^2");
        assert_eq!(t.base_unit_string(req.per(b).unwrap().per(s).unwrap()), "request/B/s");
    }

    #[test]
    fn a_unit_cannot_take_over_another_ones_plural() {
        let mut t = UnitTable::default();
        t.declare_count("req");
        t.declare_count("boxes");
        t.declare_derived("month", 730.0 * 3600.0, Dim::base(SECOND), true, "730 h".into(), Vec::new());
        assert_eq!(t.clash("req").as_deref(), Some("the unit `req` is already defined"));
        assert_eq!(t.clash("reqs").as_deref(), Some("`reqs` already means the unit `req`"));
        assert_eq!(t.clash("box").as_deref(), Some("the unit `boxes` is already the plural of `box`"));
        assert_eq!(t.clash("months").as_deref(), Some("`months` already means the unit `month`"));
        assert_eq!(t.clash("re"), None);
        assert_eq!(t.clash("request"), None);
    }

    #[test]
    fn too_many_count_units_are_refused() {
        let mut t = UnitTable::default();
        for i in 0..MAX_COUNT_UNITS {
            assert!(t.declare_count(&alloc::format!("u{i}")).is_some());
        }
        assert!(t.declare_count("one_more").is_none());
    }
}
