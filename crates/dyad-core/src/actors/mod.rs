//! Actors: who is who in the news, as CAMEO-style codes valid on a date.
//!
//! The data lives in `data/actors/` at the repository root, in dyad's own line-oriented format
//! (described in `data/actors/README.md`), and is compiled into the library. [`ActorDictionary`]
//! reads those files, and the user's own files in the same format, from `(name, text)` pairs:
//! the library reads no files itself. [`resolve`] is the entity stage that finds the
//! dictionary's names, role phrases and short forms in a document's words.

pub mod codes;
pub mod date;
pub mod dictionary;
pub mod name;
pub mod petrarch;
pub mod resolve;

pub use date::Date;
pub use dictionary::{ActorDictionary, ActorKind, ActorMatch, Counts};

/// The dictionary files compiled into dyad, as `(file name, text)` pairs in load order.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "data/actors/countries.txt",
        include_str!("../../../../data/actors/countries.txt"),
    ),
    (
        "data/actors/metonyms.txt",
        include_str!("../../../../data/actors/metonyms.txt"),
    ),
    (
        "data/actors/organisations.txt",
        include_str!("../../../../data/actors/organisations.txt"),
    ),
    (
        "data/actors/groups.txt",
        include_str!("../../../../data/actors/groups.txt"),
    ),
    (
        "data/actors/bodies-gbr.txt",
        include_str!("../../../../data/actors/bodies-gbr.txt"),
    ),
    (
        "data/actors/people-p5.txt",
        include_str!("../../../../data/actors/people-p5.txt"),
    ),
    (
        "data/actors/people-gbr-1997.txt",
        include_str!("../../../../data/actors/people-gbr-1997.txt"),
    ),
    (
        "data/actors/people-mena.txt",
        include_str!("../../../../data/actors/people-mena.txt"),
    ),
    (
        "data/actors/people-world.txt",
        include_str!("../../../../data/actors/people-world.txt"),
    ),
    (
        "data/actors/people-2000s.txt",
        include_str!("../../../../data/actors/people-2000s.txt"),
    ),
    (
        "data/actors/agents.txt",
        include_str!("../../../../data/actors/agents.txt"),
    ),
];

#[cfg(test)]
mod tests;

/// The embedded dictionary, loaded once on first use. `Err` holds the load error's message
/// (the embedded files are tested, so this only fails on a broken build).
pub fn embedded_dictionary() -> std::result::Result<&'static ActorDictionary, &'static str> {
    static DICTIONARY: std::sync::OnceLock<std::result::Result<ActorDictionary, String>> =
        std::sync::OnceLock::new();
    DICTIONARY
        .get_or_init(|| ActorDictionary::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(String::as_str)
}
