//! The app's components, one per file. Leaf components take their data as
//! props (with `XxxProps` beside them) and report user actions through
//! `on<event>` callback props; the dialogs and page-level parts read the
//! shared state from [`app::AppContext`].

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
