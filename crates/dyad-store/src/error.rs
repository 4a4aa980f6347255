//! The one error type of the `dyad-store` library.
//!
//! Database trouble (a file that is not a dyad database, a newer schema, SQLite errors) and
//! coded articles that lack a field the store needs are errors, and so are failed writes of an
//! export; each says what went wrong.

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a newer dyad whose schema this one does not know.
    #[error("the database has schema version {found}, newer than this dyad's {known}")]
    NewerSchema {
        /// The version found in the database.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// A coded article lacks a field the store needs, or has it in the wrong shape.
    #[error("bad coded article: {0}")]
    BadArticle(String),
    /// A value stored as JSON could not be read back.
    #[error("bad JSON in the database: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing an export failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// The Parquet writer refused the data.
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// Arrow refused a record batch.
    #[error("Arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
}

/// The result type of the store.
pub type Result<T> = std::result::Result<T, Error>;
