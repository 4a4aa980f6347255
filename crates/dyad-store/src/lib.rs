//! dyad's store: coded articles, their events and the real-world event clusters, in SQLite.
//!
//! The core library does no I/O, so the database lives here. A [`Store`] is one SQLite file in
//! WAL mode with one writer: [`Store::insert_batch`] writes a batch of coded articles
//! (`dyad.article/1` JSON values) in one transaction, so an article and all its rows are
//! either stored completely or not at all, whatever happens to the process. The same article
//! (same normalised text, same id) is stored once. [`cluster`] groups events that report the
//! same real-world event; [`dedup`] recognises near-duplicate articles; [`query`] answers the
//! event, timeline and full-text questions; [`export`] writes the events in GDELT, PLOVER,
//! CSV, JSON Lines and Parquet form. The schema is in [`schema`] and `docs/schema.md`.

pub mod cluster;
pub mod dedup;
pub mod error;
pub mod export;
pub mod query;
pub mod schema;
mod write;

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde_json::Value;

pub use dedup::Signature;
pub use error::{Error, Result};

/// A coded article ready to be stored: the JSON value and its MinHash signature (computed
/// where the article was coded, so that the writer only writes).
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The coded-article JSON.
    pub value: Value,
    /// The MinHash signature of its text.
    pub signature: Signature,
}

impl Prepared {
    /// Checks the fields the store needs (`article.id`, `text`) and computes the signature.
    pub fn new(value: Value) -> Result<Prepared> {
        if value["article"]["id"].as_str().is_none() {
            return Err(Error::BadArticle("no article.id".into()));
        }
        let Some(text) = value["text"].as_str() else {
            return Err(Error::BadArticle("no text".into()));
        };
        let signature = Signature::of(text);
        Ok(Prepared { value, signature })
    }

    /// The article id.
    pub fn id(&self) -> &str {
        self.value["article"]["id"].as_str().unwrap_or("")
    }
}

/// One dyad database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) a database for writing, in WAL mode, and brings its schema
    /// up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Store::setup(conn)
    }

    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?)
    }

    /// Opens an existing database for reading only; other processes may write meanwhile.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > schema::VERSION {
            return Err(Error::NewerSchema {
                found: version,
                known: schema::VERSION,
            });
        }
        Ok(Store { conn })
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers never block the writer; NORMAL sync: a committed transaction survives
        // the process being killed (it is in the WAL), though not necessarily a power loss.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The SQLite connection, for queries this crate does not wrap.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// The schema version of the database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// The number of stored articles.
    pub fn article_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// True when an article with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The ids of every stored article (to skip known articles before coding them).
    pub fn ids(&self) -> Result<HashSet<String>> {
        let mut stmt = self.conn.prepare("SELECT id FROM articles")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<HashSet<String>>>()?;
        Ok(ids)
    }

    /// Stores a batch of coded articles in one transaction. Returns, for each, whether it was
    /// new (`false`: an article with its id was already stored, and nothing was written).
    pub fn insert_batch(&mut self, batch: &[Prepared]) -> Result<Vec<bool>> {
        let tx = self.conn.transaction()?;
        let mut inserted = Vec::with_capacity(batch.len());
        for article in batch {
            inserted.push(write::insert_article(&tx, article)?);
        }
        tx.commit()?;
        Ok(inserted)
    }

    /// The coded-article JSON of a stored article, exactly as it was stored.
    pub fn article_json(&self, id: &str) -> Result<Option<Value>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT coded, text FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match row {
            Some((coded, text)) => {
                let mut value: Value = serde_json::from_str(&coded)?;
                value["text"] = Value::String(text);
                Ok(Some(value))
            }
            None => Ok(None),
        }
    }

    /// Every stored article as (row id, text, coded JSON without text), in storage order,
    /// `limit` at a time after row `after`: for re-coding.
    pub fn articles_after(&self, after: i64, limit: usize) -> Result<Vec<(i64, String, Value)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, text, coded FROM articles WHERE rowid > ?1 ORDER BY rowid LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(rusqlite::params![after, limit as i64], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(rowid, text, coded)| Ok((rowid, text, serde_json::from_str(&coded)?)))
            .collect()
    }

    /// Replaces the coding of stored articles (after a pipeline or dictionary change) in one
    /// transaction: their entities, events, quotes, locations and counts are rewritten from
    /// the new values. Events are left without a cluster: call [`Store::rebuild_clusters`].
    pub fn replace_codings(&mut self, batch: &[(i64, Value)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        for (rowid, value) in batch {
            write::replace_coding(&tx, *rowid, value)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Rebuilds every event cluster from the stored events, in one transaction.
    pub fn rebuild_clusters(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        cluster::rebuild(&tx)?;
        tx.commit()?;
        Ok(())
    }
}
