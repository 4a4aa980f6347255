//! The one error type of the `dyad-core` library.
//!
//! Only reading input (bytes that are not an article, a broken JSONL line, a truncated
//! archive, a malformed data file) and evaluation data return errors. Annotation stages never
//! fail: they add annotations and diagnostics to the document instead.

use std::fmt;

/// Where in an input an error was found: a file (or stream) name and, when known, a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file name as the user gave it, or `-` for standard input.
    pub file: String,
    /// The 1-based line number, when the error belongs to one line.
    pub line: Option<usize>,
}

impl Location {
    /// A location naming a whole file.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            line: None,
        }
    }

    /// A location naming one line of a file.
    pub fn line(file: impl Into<String>, line: usize) -> Self {
        Location {
            file: file.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.file, line),
            None => write!(f, "{}", self.file),
        }
    }
}

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is empty or holds no text.
    #[error("{0}: empty input, no article text")]
    Empty(Location),
    /// The input is binary data, not text, HTML or an archive we read.
    #[error("{0}: binary data, not an article ({1})")]
    Binary(Location, String),
    /// A compressed stream ended early or is corrupt.
    #[error("{0}: corrupt or truncated compressed data: {1}")]
    Compression(Location, String),
    /// A JSONL line is not a JSON object with `text` or `html`.
    #[error("{0}: bad JSONL record: {1}")]
    Jsonl(Location, String),
    /// A structured input (SGML, CoNLL-U, IOB2, a gold file, a data file) is malformed.
    #[error("{0}: malformed input: {1}")]
    Malformed(Location, String),
    /// Something an input names (a document, an id) is not there.
    #[error("{0}: {1}")]
    NotFound(Location, String),
    /// A value given by the user (a date, an option) is not valid.
    #[error("invalid {what}: {value:?} ({why})")]
    InvalidValue {
        /// What the value is for.
        what: &'static str,
        /// The value as given.
        value: String,
        /// Why it was refused.
        why: String,
    },
}

/// The result type of the library.
pub type Result<T> = std::result::Result<T, Error>;
