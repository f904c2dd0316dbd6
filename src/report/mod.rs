//! Rendering: every output format is a function from the values the
//! pipeline produces to an `io::Write`. Nothing here computes results, and
//! only this module knows about colour (owo-colors) or output shapes.
//!
//! Text renderers take a [`style::RenderOptions`] (width in columns,
//! colour on or off) and honour both: every line fits the width, and
//! colour is never the only carrier of meaning. The command line builds the
//! options from `--color`, `NO_COLOR` and the terminal; nothing here reads
//! the environment or imports the command line.
//!
//! `memo` holds the memo model and its Markdown, HTML and Word renderers;
//! `review_doc` the written review of a draft in the same formats. Both
//! lay themselves out with the shared pieces of `written` (dates,
//! citations, escaping, redlines, the Word builder and package).
//!
//! JSON goes through view types made for output (`serde::Serialize`), so
//! that internal types can change without breaking users' jq scripts. The
//! shapes are documented in README.md.

pub mod align;
pub mod analysis;
pub mod corpus;
pub mod diff;
pub mod escape;
pub mod json;
pub mod memo;
pub mod output;
pub mod review;
pub mod review_doc;
pub mod style;
pub mod written;
