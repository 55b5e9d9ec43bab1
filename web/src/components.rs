//! The app's parts, one per file. Most are plain functions that turn data
//! (the state, or a piece of the core's report) into `Html`, with callbacks
//! for what the user does. Only the parts that keep state of their own or
//! gain from skipping renders are Yew components: [`app::App`] (the state
//! and the hooks that mirror it into the browser), [`editor::Editor`]
//! (caret), [`results::Results`] (rendered only when the report changes),
//! [`input_control::InputControl`] (the text being typed) and
//! [`dialog::Dialog`] (the open dialog and what it remembers).

pub mod app;
pub mod chart;
pub mod check_row;
pub mod check_summary;
pub mod dialog;
pub mod editor;
pub mod embed_code;
pub mod embed_view;
pub mod explanation;
pub mod export;
pub mod gallery;
pub mod gutter;
pub mod header;
pub mod input_control;
pub mod notices;
pub mod problems;
pub mod results;
pub mod saved;
pub mod series_block;
pub mod share;
pub mod table_view;
pub mod tabs;
pub mod value_card;
pub mod workbench;
