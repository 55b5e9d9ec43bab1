//! Bounds on the work one model may ask for, so that no input can hang the
//! page, exhaust memory or overflow the stack. Each limit, when hit, is a
//! diagnostic with a span, never a panic.

/// Largest model source accepted, in bytes.
pub const MAX_SOURCE: usize = 256 * 1024;

/// Deepest nesting of an expression tree (parentheses, operators, calls).
pub const MAX_DEPTH: usize = 64;

/// Most terms of one chain of `+ - * /` (`a + b + c ...`): a chain is
/// evaluated in a loop, but other walks of the expression recurse.
pub const MAX_CHAIN: usize = 1_000;

/// Longest series an evaluation may build.
pub const MAX_SERIES: usize = 10_000;

/// Units of work one evaluation may spend: one per expression node, one per
/// series element touched, one per table row tested.
pub const FUEL: u64 = 5_000_000;

/// Units of work each statement still gets once [`FUEL`] is spent, so that
/// a light line below a heavy one is evaluated (`z = 7`, a check of two
/// numbers). A source of [`MAX_SOURCE`] bytes holds at most 65,536 lines:
/// this adds at most some 2.1 million units.
pub const FUEL_AFTER: u64 = 32;

/// Unknown names per model that get a "did you mean" search (each one
/// compares the name with every name of the model).
pub const MAX_SUGGESTIONS: u32 = 100;
