//! The app's components, one per file. Each takes its data as props (with
//! `XxxProps` beside it) and reports user actions through `on<event>`
//! callback props; only [`app::App`] holds state.

pub mod app;
pub mod check_row;
pub mod editor;
pub mod header;
pub mod problems;
pub mod results;
pub mod table_view;
pub mod value_row;
