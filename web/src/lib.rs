//! Headroom's web app: a Yew front end over `headroom-core`, compiled to
//! WebAssembly and served as a static page.
//!
//! The app holds no sizing logic. [`state`] keeps the model, its input
//! values and the [`headroom_core::Report`] the core computed (pure, tested
//! natively); [`view`] arranges the report on screen; the [`components`]
//! render it and turn DOM events into [`state::Action`]s; the [`hooks`]
//! mirror the state into the browser through the glue in [`browser`]
//! (storage in the format of [`store`], the URL, the embed's height). The
//! binary (`src/main.rs`) only mounts [`App`], so every component can also
//! be rendered in tests: natively to a string, and in a headless browser.

#![forbid(unsafe_code)]

pub mod browser;
pub mod components;
pub mod hooks;
pub mod state;
pub mod store;
pub mod view;

pub use components::app::App;
