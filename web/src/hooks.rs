//! Custom hooks: the side of the app that mirrors its state into the
//! browser (evaluating after a pause in typing, saving, the URL, the height
//! an embedding page needs, what live regions announce). Each watches the state and calls the glue in
//! [`crate::browser`].

pub mod use_announced;
pub mod use_autosave;
pub mod use_embed_height;
pub mod use_evaluate;
pub mod use_url;

pub use use_announced::use_announced;
pub use use_autosave::use_autosave;
pub use use_embed_height::use_embed_height;
pub use use_evaluate::use_evaluate;
pub use use_url::use_url;
