//! Headroom's web app: a Yew front end over `headroom-core`, compiled to
//! WebAssembly and served as a static page.
//!
//! The app holds no sizing logic. [`state`] keeps the model text and the
//! [`headroom_core::Report`] the core computed from it; the [`components`]
//! render that report and turn DOM events into [`state::Action`]s. The
//! binary (`src/main.rs`) only mounts [`App`] in the page, so every
//! component can also be rendered in tests: natively to a string, and in a
//! headless browser (`tests/`).

#![forbid(unsafe_code)]

pub mod components;
pub mod state;

pub use components::app::App;
