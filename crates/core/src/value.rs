//! Evaluated values: quantities, booleans, text, series, table rows and the
//! explicit "never" of a threshold that is never crossed.

use crate::units::Dim;
use alloc::rc::Rc;

/// A finite number with a dimension, in base units (bytes, seconds,
/// dollars, counts).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    value: f64,
    dim: Dim,
}

impl Quantity {
    /// The plain number zero.
    pub const ZERO: Quantity = Quantity { value: 0.0, dim: Dim::NONE };

    /// A quantity, or `None` when `value` is not finite.
    pub fn new(value: f64, dim: Dim) -> Option<Quantity> {
        value.is_finite().then_some(Quantity { value, dim })
    }

    /// A plain number, or `None` when not finite.
    pub fn plain(value: f64) -> Option<Quantity> {
        Quantity::new(value, Dim::NONE)
    }

    /// The magnitude in base units.
    pub fn value(self) -> f64 {
        self.value
    }

    /// The magnitude by reference (to view one number as a slice).
    pub(crate) fn value_ref(&self) -> &f64 {
        &self.value
    }

    /// The dimension.
    pub fn dim(self) -> Dim {
        self.dim
    }
}

/// A numeric series: numbers sharing one dimension.
#[derive(Clone, Debug)]
pub struct Series {
    /// The elements in base units: finite, +∞ for an `unlimited` cell, or
    /// NaN for an empty cell (a missing number, which sums skip).
    pub values: Rc<[f64]>,
    /// Their dimension.
    pub dim: Dim,
}

// Two missing elements are the same (NaN is not equal to itself), so an
// unchanged column is seen as unchanged.
impl PartialEq for Series {
    fn eq(&self, other: &Series) -> bool {
        self.dim == other.dim
            && self.values.len() == other.values.len()
            && self.values.iter().zip(other.values.iter()).all(|(x, y)| x == y || (x.is_nan() && y.is_nan()))
    }
}

/// Identifies a table of the model (index into the model's tables).
pub type TableId = u32;

/// Any evaluated value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A number with a unit.
    Num(Quantity),
    /// A truth value from a comparison.
    Bool(bool),
    /// Text: a table cell written as a string, or a row's name.
    Text(Rc<str>),
    /// A series of numbers (`1 .. 12`, or arithmetic over one).
    Series(Series),
    /// A series of truth values (a comparison over a series).
    Bools(Rc<[bool]>),
    /// A series of texts (the names of a series of rows).
    Texts(Rc<[Rc<str>]>),
    /// One row of a table, from `pick`.
    Row(TableId, u32),
    /// A series of rows, from `pick` with a series condition.
    Rows(TableId, Rc<[u32]>),
    /// What `first_where` gives when the condition never holds. It orders
    /// after every number, so `runway > 6 month` holds for it.
    Never(Dim),
    /// `unlimited`: a bound that is never reached (the last row of a tier
    /// table), with its unit where known (its column's, or what arithmetic
    /// made of that). It orders after every number of its unit.
    Unlimited(Option<Dim>),
    /// An empty table cell.
    Empty,
}

impl Value {
    /// A short name of the value's kind for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Num(q) if q.dim().is_none() => "a number",
            Value::Num(_) => "a quantity",
            Value::Bool(_) => "a truth value",
            Value::Text(_) => "text",
            Value::Series(_) => "a series",
            Value::Bools(_) => "a series of truth values",
            Value::Texts(_) => "a series of texts",
            Value::Row(..) => "a table row",
            Value::Rows(..) => "a series of table rows",
            Value::Never(_) => "never",
            Value::Unlimited(_) => "unlimited",
            Value::Empty => "an empty cell",
        }
    }

    /// Number of elements for series-like values, `None` for scalars.
    pub fn series_len(&self) -> Option<usize> {
        match self {
            Value::Series(s) => Some(s.values.len()),
            Value::Bools(b) => Some(b.len()),
            Value::Texts(t) => Some(t.len()),
            Value::Rows(_, r) => Some(r.len()),
            _ => None,
        }
    }
}

/// Text of a row name or cell.
pub fn text(s: &str) -> Value {
    Value::Text(Rc::from(s))
}

impl From<Quantity> for Value {
    fn from(q: Quantity) -> Value {
        Value::Num(q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_always_finite() {
        assert!(Quantity::plain(f64::NAN).is_none());
        assert!(Quantity::plain(f64::INFINITY).is_none());
        assert_eq!(Quantity::plain(2.0).unwrap().value(), 2.0);
    }

    #[test]
    fn series_report_their_length() {
        let s = Value::Series(Series { values: Rc::from(&[1.0, 2.0][..]), dim: Dim::NONE });
        assert_eq!(s.series_len(), Some(2));
        assert_eq!(Value::Bool(true).series_len(), None);
        assert_eq!(Value::Never(Dim::NONE).kind_name(), "never");
    }

    #[test]
    fn series_with_the_same_missing_elements_are_equal() {
        let s = |v: &[f64]| Series { values: Rc::from(v), dim: Dim::NONE };
        assert_eq!(s(&[1.0, f64::NAN]), s(&[1.0, f64::NAN]));
        assert_ne!(s(&[1.0, f64::NAN]), s(&[1.0, 2.0]));
    }
}
