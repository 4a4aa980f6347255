//! Writing one coded article and all its rows, inside the caller's transaction.
//!
//! The `articles` row keeps the whole coded-article JSON (with `text` in its own column), so
//! every field of the format, including ones added later, is kept; the other tables hold the
//! parts that queries need, one row per entity, mention, event, quote, location and count.

use rusqlite::types::Value as Sql;
use rusqlite::{Transaction, params};
use serde_json::Value;

use crate::Prepared;
use crate::cluster;
use crate::dedup::{BANDS, Signature, THRESHOLD};
use crate::error::{Error, Result};

fn text(v: &Value) -> Option<&str> {
    v.as_str()
}

/// A JSON value as an SQL value: strings, numbers and booleans as themselves, arrays and
/// objects as JSON text, null and missing as NULL.
fn sql(v: &Value) -> Sql {
    match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => n.as_f64().map(Sql::Real).unwrap_or(Sql::Null),
        },
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

fn array(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// Inserts one article; `false` when an article with its id is already stored.
pub(crate) fn insert_article(tx: &Transaction, article: &Prepared) -> Result<bool> {
    let v = &article.value;
    let meta = &v["article"];
    let id = article.id();
    let body = text(&v["text"]).ok_or_else(|| Error::BadArticle(format!("{id}: no text")))?;
    let mut coded = v.clone();
    coded["text"] = Value::Null;
    let changed = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO articles (id, url, source, title, published, language, \
             input_id, text, coded, pipeline, ingested_at, minhash, story) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, \
             strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?11, ?1)",
        )?
        .execute(params![
            id,
            sql(&meta["url"]),
            sql(&meta["source"]),
            sql(&meta["title"]),
            sql(&meta["published"]),
            text(&meta["language"]).unwrap_or("und"),
            sql(&meta["input_id"]),
            body,
            coded.to_string(),
            text(&meta["pipeline"]).unwrap_or(""),
            article.signature.to_bytes(),
        ])?;
    if changed == 0 {
        return Ok(false);
    }
    let rowid = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![rowid, sql(&meta["title"]), body])?;
    assign_story(tx, rowid, &article.signature)?;
    write_coding(tx, rowid, v)?;
    Ok(true)
}

/// Finds a stored near-duplicate and makes the new article part of its story; records the
/// new article's bands.
fn assign_story(tx: &Transaction, rowid: i64, signature: &Signature) -> Result<()> {
    let bands = signature.bands();
    let mut candidates: Vec<i64> = Vec::new();
    {
        let mut find =
            // The newest few per band: templated texts (market reports) can share a band by
            // the thousand, and the newest copies are the likeliest duplicates.
            tx.prepare_cached(
                "SELECT article FROM article_bands WHERE band = ?1 AND hash = ?2 \
                 ORDER BY article DESC LIMIT 16",
            )?;
        for (band, hash) in bands.iter().enumerate() {
            let rows = find.query_map(params![band as i64, hash], |r| r.get::<_, i64>(0))?;
            for row in rows {
                let article = row?;
                if !candidates.contains(&article) {
                    candidates.push(article);
                }
            }
        }
    }
    let mut best: Option<(f64, String)> = None;
    {
        let mut load = tx.prepare_cached("SELECT minhash, story FROM articles WHERE rowid = ?1")?;
        for candidate in candidates {
            let (bytes, story): (Vec<u8>, String) =
                load.query_row([candidate], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let Some(other) = Signature::from_bytes(&bytes) else {
                continue;
            };
            let similarity = signature.similarity(&other);
            if similarity >= THRESHOLD && best.as_ref().is_none_or(|(s, _)| similarity > *s) {
                best = Some((similarity, story));
            }
        }
    }
    if let Some((_, story)) = best {
        tx.prepare_cached("UPDATE articles SET story = ?1 WHERE rowid = ?2")?
            .execute(params![story, rowid])?;
    }
    let mut add = tx.prepare_cached(
        "INSERT OR IGNORE INTO article_bands (band, hash, article) VALUES (?1, ?2, ?3)",
    )?;
    for (band, hash) in bands.iter().enumerate().take(BANDS) {
        add.execute(params![band as i64, hash, rowid])?;
    }
    Ok(())
}

/// Replaces the coding of a stored article.
pub(crate) fn replace_coding(tx: &Transaction, rowid: i64, v: &Value) -> Result<()> {
    for table in [
        "entities",
        "mentions",
        "events",
        "quotes",
        "locations",
        "location_mentions",
        "counts",
    ] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE article = ?1"))?
            .execute([rowid])?;
    }
    let mut coded = v.clone();
    coded["text"] = Value::Null;
    tx.prepare_cached("UPDATE articles SET coded = ?1, pipeline = ?2 WHERE rowid = ?3")?
        .execute(params![
            coded.to_string(),
            text(&v["article"]["pipeline"]).unwrap_or(""),
            rowid
        ])?;
    write_rows(tx, rowid, v)?;
    Ok(())
}

/// Writes the tone columns and the rows of entities, events, quotes, locations and counts;
/// new events join their clusters.
fn write_coding(tx: &Transaction, rowid: i64, v: &Value) -> Result<()> {
    let events = write_rows(tx, rowid, v)?;
    if !events.is_empty() {
        cluster::assign(tx, &events)?;
    }
    Ok(())
}

/// Writes the rows; returns the row ids of the events written.
fn write_rows(tx: &Transaction, rowid: i64, v: &Value) -> Result<Vec<i64>> {
    let tone = &v["tone"];
    tx.prepare_cached(
        "UPDATE articles SET tone_score = ?1, tone_positive = ?2, tone_negative = ?3, \
         tone_words = ?4 WHERE rowid = ?5",
    )?
    .execute(params![
        sql(&tone["score"]),
        sql(&tone["positive"]),
        sql(&tone["negative"]),
        sql(&tone["words"]),
        rowid
    ])?;
    for e in array(&v["entities"]) {
        tx.prepare_cached(
            "INSERT OR REPLACE INTO entities (article, eid, name, type, code, country, role, \
             wikidata) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            rowid,
            text(&e["id"]).unwrap_or(""),
            sql(&e["name"]),
            sql(&e["type"]),
            sql(&e["code"]),
            sql(&e["country"]),
            sql(&e["role"]),
            sql(&e["wikidata"]),
        ])?;
        for m in array(&e["mentions"]) {
            tx.prepare_cached(
                "INSERT INTO mentions (article, entity, char_start, char_end) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                rowid,
                text(&e["id"]).unwrap_or(""),
                sql(&m["start"]),
                sql(&m["end"])
            ])?;
        }
    }
    let mut event_rows = Vec::new();
    for ev in array(&v["events"]) {
        let cameo = text(&ev["cameo"]).unwrap_or("");
        let base: String = cameo.chars().take(3).collect();
        let (src, tgt, loc) = (&ev["source"], &ev["target"], &ev["location"]);
        let context = match &ev["context"] {
            Value::Null => Sql::Null,
            other => Sql::Text(other.to_string()),
        };
        tx.prepare_cached(
            "INSERT OR REPLACE INTO events (article, eid, sentence, trigger_start, trigger_end, \
             source_entity, source_code, source_start, source_end, target_entity, target_code, \
             target_start, target_end, cameo, cameo_base, plover, mode, context, quad_class, \
             goldstein, status, historical, date, location_name, location_country, \
             location_lat, location_lon, rule, confidence, implied_source) VALUES (?1, ?2, ?3, \
             ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, \
             ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)",
        )?
        .execute(params![
            rowid,
            text(&ev["id"]).unwrap_or(""),
            sql(&ev["sentence"]),
            sql(&ev["trigger"]["start"]),
            sql(&ev["trigger"]["end"]),
            sql(&src["entity"]),
            sql(&src["code"]),
            sql(&src["start"]),
            sql(&src["end"]),
            sql(&tgt["entity"]),
            sql(&tgt["code"]),
            sql(&tgt["start"]),
            sql(&tgt["end"]),
            cameo,
            base,
            sql(&ev["plover"]),
            sql(&ev["mode"]),
            context,
            sql(&ev["quad_class"]),
            sql(&ev["goldstein"]),
            sql(&ev["status"]),
            ev["historical"].as_bool().unwrap_or(false),
            sql(&ev["date"]),
            sql(&loc["name"]),
            sql(&loc["country"]),
            sql(&loc["lat"]),
            sql(&loc["lon"]),
            sql(&ev["rule"]),
            sql(&ev["confidence"]),
            ev["implied_source"].as_bool().unwrap_or(false),
        ])?;
        event_rows.push(tx.last_insert_rowid());
    }
    for (idx, q) in array(&v["quotes"]).iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO quotes (article, idx, char_start, char_end, speaker, speaker_start, \
             speaker_end, cue_start, cue_end, direct) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            rowid,
            idx as i64,
            sql(&q["start"]),
            sql(&q["end"]),
            sql(&q["speaker"]["entity"]),
            sql(&q["speaker"]["start"]),
            sql(&q["speaker"]["end"]),
            sql(&q["cue"]["start"]),
            sql(&q["cue"]["end"]),
            sql(&q["direct"]),
        ])?;
    }
    for (idx, l) in array(&v["locations"]).iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO locations (article, idx, name, country, lat, lon, geonames) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            rowid,
            idx as i64,
            sql(&l["name"]),
            sql(&l["country"]),
            sql(&l["lat"]),
            sql(&l["lon"]),
            sql(&l["geonames"]),
        ])?;
        for m in array(&l["mentions"]) {
            tx.prepare_cached(
                "INSERT INTO location_mentions (article, location, char_start, char_end) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![rowid, idx as i64, sql(&m["start"]), sql(&m["end"])])?;
        }
    }
    for (idx, c) in array(&v["counts"]).iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO counts (article, idx, kind, value, approximate, object, event, \
             char_start, char_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            rowid,
            idx as i64,
            sql(&c["kind"]),
            sql(&c["value"]),
            sql(&c["approximate"]),
            sql(&c["object"]),
            sql(&c["event"]),
            sql(&c["start"]),
            sql(&c["end"]),
        ])?;
    }
    Ok(event_rows)
}
