//! dyad's library: reads news articles and codes who did what to whom.
//!
//! The flow is input bytes → [`input`] (one [`Document`] per article) → [`pipeline`] stages
//! ([`segment`], and the later tagging, entity and event stages) → [`output`]. The library does
//! no file or network I/O (the binary reads files and hands bytes in) and never panics on
//! messy text. See `ARCHITECTURE.md` at the repository root for the map.

pub mod actors;
pub mod codebook;
pub mod conllu;
pub mod coref;
pub mod counts;
pub mod document;
pub mod error;
pub mod eval;
pub mod events;
pub mod input;
pub mod language;
pub mod licenses;
pub mod locate;
pub mod ner;
pub mod output;
pub mod parse;
pub mod pipeline;
pub mod places;
pub mod quotes;
pub mod segment;
pub mod timex;
pub mod tone;

pub use document::{ArticleMeta, Block, BlockKind, Document, Entity, EntityType, Mention, Span};
pub use error::{Error, Location, Result};
pub use pipeline::Pipeline;

/// The library's version, as printed in the `pipeline` field of the output.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
