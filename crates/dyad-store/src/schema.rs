//! The database schema as ordered migrations, and the code that applies them.
//!
//! Each migration is a block of SQL applied in one transaction; its number is recorded in
//! the `schema_version` table and in `PRAGMA user_version`. A database is brought up to date
//! when it is opened for writing. Never change a released migration: add a new one. The
//! tables are described in `docs/schema.md`.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// The migrations, in order: migration `i` brings the schema to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2];

/// The newest schema version this build knows.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

const V1: &str = r#"
CREATE TABLE schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
);

CREATE TABLE articles (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    url           TEXT,
    source        TEXT,
    title         TEXT,
    published     TEXT,
    language      TEXT NOT NULL,
    input_id      TEXT,
    text          TEXT NOT NULL,
    coded         TEXT NOT NULL,
    pipeline      TEXT NOT NULL,
    ingested_at   TEXT NOT NULL,
    tone_score    REAL,
    tone_positive REAL,
    tone_negative REAL,
    tone_words    INTEGER,
    minhash       BLOB NOT NULL,
    story         TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_source ON articles(source);

CREATE TABLE article_bands (
    band    INTEGER NOT NULL,
    hash    INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(rowid),
    PRIMARY KEY (band, hash, article)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content = 'articles', content_rowid = 'rowid'
);

CREATE TABLE entities (
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    eid      TEXT NOT NULL,
    name     TEXT,
    type     TEXT,
    code     TEXT,
    country  TEXT,
    role     TEXT,
    wikidata TEXT,
    PRIMARY KEY (article, eid)
) WITHOUT ROWID;
CREATE INDEX entities_code ON entities(code);

CREATE TABLE mentions (
    article    INTEGER NOT NULL REFERENCES articles(rowid),
    entity     TEXT NOT NULL,
    char_start INTEGER,
    char_end   INTEGER
);
CREATE INDEX mentions_article ON mentions(article, entity);

CREATE TABLE events (
    rowid            INTEGER PRIMARY KEY,
    article          INTEGER NOT NULL REFERENCES articles(rowid),
    eid              TEXT NOT NULL,
    sentence         INTEGER,
    trigger_start    INTEGER,
    trigger_end      INTEGER,
    source_entity    TEXT,
    source_code      TEXT,
    source_start     INTEGER,
    source_end       INTEGER,
    target_entity    TEXT,
    target_code      TEXT,
    target_start     INTEGER,
    target_end       INTEGER,
    cameo            TEXT NOT NULL,
    cameo_base       TEXT NOT NULL,
    plover           TEXT,
    mode             TEXT,
    context          TEXT,
    quad_class       INTEGER,
    goldstein        REAL,
    status           TEXT,
    historical       INTEGER NOT NULL DEFAULT 0,
    date             TEXT,
    location_name    TEXT,
    location_country TEXT,
    location_lat     REAL,
    location_lon     REAL,
    rule             TEXT,
    confidence       REAL,
    cluster          INTEGER REFERENCES clusters(id),
    UNIQUE (article, eid)
);
CREATE INDEX events_source ON events(source_code);
CREATE INDEX events_target ON events(target_code);
CREATE INDEX events_dyad ON events(source_code, target_code);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_cluster ON events(cluster);

CREATE TABLE quotes (
    article       INTEGER NOT NULL REFERENCES articles(rowid),
    idx           INTEGER NOT NULL,
    char_start    INTEGER,
    char_end      INTEGER,
    speaker       TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue_start     INTEGER,
    cue_end       INTEGER,
    direct        INTEGER,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE locations (
    article  INTEGER NOT NULL REFERENCES articles(rowid),
    idx      INTEGER NOT NULL,
    name     TEXT,
    country  TEXT,
    lat      REAL,
    lon      REAL,
    geonames INTEGER,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX locations_country ON locations(country);

CREATE TABLE location_mentions (
    article    INTEGER NOT NULL REFERENCES articles(rowid),
    location   INTEGER NOT NULL,
    char_start INTEGER,
    char_end   INTEGER
);
CREATE INDEX location_mentions_article ON location_mentions(article);

CREATE TABLE counts (
    article     INTEGER NOT NULL REFERENCES articles(rowid),
    idx         INTEGER NOT NULL,
    kind        TEXT,
    value       NUMERIC,
    approximate INTEGER,
    object      TEXT,
    event       TEXT,
    char_start  INTEGER,
    char_end    INTEGER,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE clusters (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    source_code  TEXT,
    target_code  TEXT,
    cameo_base   TEXT NOT NULL,
    date         TEXT,
    country      TEXT,
    mentions     INTEGER NOT NULL DEFAULT 0,
    articles     INTEGER NOT NULL DEFAULT 0,
    stories      INTEGER NOT NULL DEFAULT 0,
    sources      INTEGER NOT NULL DEFAULT 0,
    first_report TEXT,
    last_report  TEXT,
    quad_class   INTEGER,
    goldstein    REAL
);
CREATE INDEX clusters_dyad ON clusters(source_code, target_code);
CREATE INDEX clusters_target ON clusters(target_code);
CREATE INDEX clusters_date ON clusters(date);
CREATE INDEX clusters_cameo ON clusters(cameo_base);
"#;

/// Version 2: whether an event's source is implied rather than named in its sentence (the
/// police of an agentless passive arrest), so that a user can leave such events out.
const V2: &str = r#"
ALTER TABLE events ADD COLUMN implied_source INTEGER NOT NULL DEFAULT 0;
"#;

/// Brings the database up to [`VERSION`], one migration per transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > VERSION {
        return Err(Error::NewerSchema {
            found: current,
            known: VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = index as i64 + 1;
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version, applied_at) \
             VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            [version],
        )?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;
    use serde_json::json;

    use super::{MIGRATIONS, VERSION, migrate};
    use crate::{Prepared, Store};

    #[test]
    fn a_version_1_database_keeps_its_events_through_the_migrations() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        // With foreign keys off, the event needs no article row.
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        conn.execute(
            "INSERT INTO events (article, eid, cameo, cameo_base) VALUES (1, 'V1', '040', '040')",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, VERSION);
        let row: (String, i64) = conn
            .query_row("SELECT eid, implied_source FROM events", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(row, ("V1".to_string(), 0));
    }

    #[test]
    fn an_implied_source_is_stored() {
        let mut store = Store::open_in_memory().unwrap();
        let text = "Three men were arrested in the capital on Monday.";
        let event = |id: &str, implied: Option<bool>| {
            let mut e = json!({
                "id": id, "sentence": 0, "trigger": {"start": 15, "end": 23},
                "source": {"entity": "E9", "code": "---COP"},
                "target": {"entity": "E1", "code": "---CVL", "start": 0, "end": 9},
                "cameo": "111", "plover": "ARREST", "status": "asserted", "rule": "test"
            });
            if let Some(implied) = implied {
                e["implied_source"] = json!(implied);
            }
            e
        };
        let article = Prepared::new(json!({
            "schema": "dyad.article/1",
            "article": {"id": dyad_core::input::article_id(text), "published": "2025-01-06",
                        "language": "en", "pipeline": "test"},
            "text": text, "blocks": [], "sentences": [], "entities": [],
            "events": [event("V1", Some(true)), event("V2", None)],
            "quotes": [], "locations": [], "counts": [], "tone": null
        }))
        .unwrap();
        store.insert_batch(&[article]).unwrap();
        let rows: Vec<(String, i64)> = store
            .connection()
            .prepare("SELECT eid, implied_source FROM events ORDER BY eid")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows, vec![("V1".to_string(), 1), ("V2".to_string(), 0)]);
    }
}
