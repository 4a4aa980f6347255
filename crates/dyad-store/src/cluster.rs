//! Event clusters: the mentions of one real-world event, gathered across articles.
//!
//! Like GDELT's Events and Mentions tables: every coded event (a mention) belongs to one
//! cluster, and a cluster is one real-world event. Two events are the same real-world event
//! when they have the same source and target actor codes, the same CAMEO base code (the first
//! three digits), the same date and the same place country. The date is the event's own
//! `date`: a calendar day for current events; partial dates (`2015`, `2015-03`) and
//! historical events cluster only with the identical date string. A current event without a
//! date takes its article's publication day; a historical event without a date, or an event
//! whose source actor has no code, stays alone.
//!
//! Each cluster counts its `mentions` (events), its `articles` (near-duplicate copies from the
//! same source count once, see [`crate::dedup`]), its `stories` (near-duplicate groups:
//! independent reports) and its distinct `sources`, with the first and last report date.

use rusqlite::{OptionalExtension, Transaction, params};

use crate::error::Result;

/// What decides which cluster an event joins.
#[derive(Debug, Clone, Copy, Default)]
pub struct KeyParts<'a> {
    /// The source actor code.
    pub source_code: Option<&'a str>,
    /// The target actor code (none for one-actor events).
    pub target_code: Option<&'a str>,
    /// The CAMEO event code.
    pub cameo: &'a str,
    /// The event date.
    pub date: Option<&'a str>,
    /// Whether the event is background.
    pub historical: bool,
    /// The country of the event's place.
    pub country: Option<&'a str>,
    /// The article's publication date.
    pub published: Option<&'a str>,
}

/// The cluster key of an event, and the date it clusters on; `None` when the event clusters
/// with nothing (no source code, or a historical event without a date).
pub fn key(parts: &KeyParts) -> Option<(String, String)> {
    let source = parts.source_code.filter(|c| !c.is_empty())?;
    let date = match parts.date.filter(|d| !d.is_empty()) {
        Some(d) => d.to_string(),
        None if parts.historical => return None,
        None => parts
            .published
            .filter(|p| !p.is_empty())
            .map(|p| p.chars().take(10).collect())?,
    };
    let base: String = parts.cameo.chars().take(3).collect();
    let key = format!(
        "{source}|{}|{base}|{date}|{}",
        parts.target_code.unwrap_or(""),
        parts.country.unwrap_or("")
    );
    Some((key, date))
}

/// Puts the given events into their clusters and refreshes those clusters' figures.
pub(crate) fn assign(tx: &Transaction, events: &[i64]) -> Result<()> {
    let mut touched: Vec<i64> = Vec::new();
    for &event in events {
        let row = tx
            .prepare_cached(
                "SELECT e.source_code, e.target_code, e.cameo, e.cameo_base, e.date, \
                 e.historical, e.location_country, a.published \
                 FROM events e JOIN articles a ON a.rowid = e.article WHERE e.rowid = ?1",
            )?
            .query_row([event], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, bool>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                ))
            })?;
        let (source, target, cameo, base, date, historical, country, published) = row;
        let parts = KeyParts {
            source_code: source.as_deref(),
            target_code: target.as_deref(),
            cameo: &cameo,
            date: date.as_deref(),
            historical,
            country: country.as_deref(),
            published: published.as_deref(),
        };
        let (key, cluster_date) = match key(&parts) {
            Some(k) => k,
            None => (format!("event:{event}"), date.clone().unwrap_or_default()),
        };
        tx.prepare_cached(
            "INSERT OR IGNORE INTO clusters (key, source_code, target_code, cameo_base, date, \
             country) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            key,
            source,
            target,
            base,
            (!cluster_date.is_empty()).then_some(cluster_date),
            country
        ])?;
        let id: i64 = tx
            .prepare_cached("SELECT id FROM clusters WHERE key = ?1")?
            .query_row([&key], |r| r.get(0))
            .optional()?
            .unwrap_or_default();
        tx.prepare_cached("UPDATE events SET cluster = ?1 WHERE rowid = ?2")?
            .execute(params![id, event])?;
        if !touched.contains(&id) {
            touched.push(id);
        }
    }
    for id in touched {
        refresh(tx, id)?;
    }
    Ok(())
}

/// Recomputes one cluster's figures from its members.
fn refresh(tx: &Transaction, id: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE clusters SET
            mentions = (SELECT count(*) FROM events WHERE cluster = ?1),
            articles = (SELECT count(DISTINCT a.story || char(31) || coalesce(a.source, ''))
                        FROM events e JOIN articles a ON a.rowid = e.article
                        WHERE e.cluster = ?1),
            stories = (SELECT count(DISTINCT a.story)
                       FROM events e JOIN articles a ON a.rowid = e.article
                       WHERE e.cluster = ?1),
            sources = (SELECT count(DISTINCT coalesce(a.source, ''))
                       FROM events e JOIN articles a ON a.rowid = e.article
                       WHERE e.cluster = ?1),
            first_report = (SELECT min(coalesce(a.published, substr(a.ingested_at, 1, 10)))
                            FROM events e JOIN articles a ON a.rowid = e.article
                            WHERE e.cluster = ?1),
            last_report = (SELECT max(coalesce(a.published, substr(a.ingested_at, 1, 10)))
                           FROM events e JOIN articles a ON a.rowid = e.article
                           WHERE e.cluster = ?1),
            quad_class = (SELECT quad_class FROM events WHERE cluster = ?1
                          GROUP BY quad_class ORDER BY count(*) DESC, quad_class LIMIT 1),
            goldstein = (SELECT avg(goldstein) FROM events WHERE cluster = ?1)
         WHERE id = ?1",
    )?
    .execute([id])?;
    Ok(())
}

/// Throws the clusters away and builds them again from every stored event.
pub(crate) fn rebuild(tx: &Transaction) -> Result<()> {
    tx.execute("UPDATE events SET cluster = NULL", [])?;
    tx.execute("DELETE FROM clusters", [])?;
    let events: Vec<i64> = tx
        .prepare("SELECT rowid FROM events ORDER BY rowid")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    assign(tx, &events)
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::{Prepared, Store};

    /// A synthetic event: source, target, cameo, date, historical, country.
    type Ev<'a> = (
        &'a str,
        Option<&'a str>,
        &'a str,
        Option<&'a str>,
        bool,
        Option<&'a str>,
    );

    /// A synthetic coded article with the given events.
    fn article(text: &str, source: &str, published: &str, events: &[Ev]) -> Prepared {
        let id = dyad_core::input::article_id(text);
        let events: Vec<Value> = events
            .iter()
            .enumerate()
            .map(|(i, (s, t, cameo, date, historical, country))| {
                let mut e = json!({
                    "id": format!("V{}", i + 1), "sentence": 0,
                    "trigger": {"start": 0, "end": 3},
                    "source": {"entity": "E1", "code": s, "start": 0, "end": 3},
                    "cameo": cameo, "plover": "CONSULT", "quad_class": 1, "goldstein": 1.0,
                    "status": "asserted", "historical": historical, "rule": "test"
                });
                if let Some(t) = t {
                    e["target"] = json!({"entity": "E2", "code": t, "start": 4, "end": 6});
                }
                if let Some(d) = date {
                    e["date"] = json!(d);
                }
                if let Some(c) = country {
                    e["location"] = json!({"name": "X", "country": c});
                }
                e
            })
            .collect();
        Prepared::new(json!({
            "schema": "dyad.article/1",
            "article": {"id": id, "published": published, "source": source,
                        "language": "en", "pipeline": "test"},
            "text": text, "blocks": [], "sentences": [], "entities": [], "events": events,
            "quotes": [], "locations": [], "counts": [], "tone": null
        }))
        .unwrap()
    }

    fn clusters(store: &Store) -> Vec<(String, i64, i64, i64, i64)> {
        store
            .connection()
            .prepare("SELECT key, mentions, articles, stories, sources FROM clusters ORDER BY key")
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    const WIRE: &str = "Turkish and Iraqi ministers met in Baghdad on Tuesday to discuss water \
        sharing on the Tigris and Euphrates, the first such meeting in three years, officials \
        from both governments said after the talks ended late in the evening.";

    #[test]
    fn same_actors_day_base_code_and_country_are_one_event() {
        let mut store = Store::open_in_memory().unwrap();
        let ev = (
            "TURGOV",
            Some("IRQGOV"),
            "0421",
            Some("2025-10-14"),
            false,
            Some("IRQ"),
        );
        let other_code = (
            "TURGOV",
            Some("IRQGOV"),
            "043",
            Some("2025-10-14"),
            false,
            Some("IRQ"),
        );
        let other_day = (
            "TURGOV",
            Some("IRQGOV"),
            "042",
            Some("2025-10-15"),
            false,
            Some("IRQ"),
        );
        store
            .insert_batch(&[
                article(WIRE, "Outlet A", "2025-10-14", &[ev, other_code]),
                // Same base code 042 (0421 and 042 share it), other outlet, other text.
                article(
                    "Iraq and Turkey held talks on water in Baghdad.",
                    "Outlet B",
                    "2025-10-15",
                    &[
                        (
                            "TURGOV",
                            Some("IRQGOV"),
                            "042",
                            Some("2025-10-14"),
                            false,
                            Some("IRQ"),
                        ),
                        other_day,
                    ],
                ),
            ])
            .unwrap();
        let c = clusters(&store);
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(c[0].0, "TURGOV|IRQGOV|042|2025-10-14|IRQ");
        assert_eq!((c[0].1, c[0].2, c[0].3, c[0].4), (2, 2, 2, 2));
        let (first, last): (String, String) = store
            .connection()
            .query_row(
                "SELECT first_report, last_report FROM clusters WHERE key = ?1",
                [&c[0].0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(
            (first.as_str(), last.as_str()),
            ("2025-10-14", "2025-10-15")
        );
    }

    #[test]
    fn near_duplicates_count_once_per_source() {
        let mut store = Store::open_in_memory().unwrap();
        let ev = (
            "TURGOV",
            Some("IRQGOV"),
            "042",
            Some("2025-10-14"),
            false,
            None,
        );
        let copy = format!("{WIRE} Reporting by staff.");
        let copy2 = format!("Updated: {WIRE}");
        store
            .insert_batch(&[
                article(WIRE, "Wire", "2025-10-14", &[ev]),
                article(&copy, "Wire", "2025-10-14", &[ev]),
                article(&copy2, "Daily", "2025-10-14", &[ev]),
            ])
            .unwrap();
        let c = clusters(&store);
        assert_eq!(c.len(), 1, "{c:?}");
        // Three mentions; the wire's two copies count as one article; one story; 2 sources.
        assert_eq!((c[0].1, c[0].2, c[0].3, c[0].4), (3, 2, 1, 2));
    }

    #[test]
    fn partial_dates_and_history_cluster_only_on_identical_strings() {
        let mut store = Store::open_in_memory().unwrap();
        let year = ("SYRGOV", Some("RUSGOV"), "042", Some("2015"), true, None);
        let month = ("SYRGOV", Some("RUSGOV"), "042", Some("2015-09"), true, None);
        let undated_history = ("SYRGOV", Some("RUSGOV"), "042", None, true, None);
        let undated_current = ("SYRGOV", Some("RUSGOV"), "042", None, false, None);
        let uncoded = ("", Some("RUSGOV"), "042", Some("2025-10-14"), false, None);
        store
            .insert_batch(&[
                article(
                    "First text about a visit.",
                    "A",
                    "2025-10-14",
                    &[year, month, undated_history, undated_current, uncoded],
                ),
                article(
                    "Second text about a visit.",
                    "B",
                    "2025-10-14",
                    &[year, undated_history, undated_current, uncoded],
                ),
            ])
            .unwrap();
        let c = clusters(&store);
        let find = |k: &str| c.iter().find(|x| x.0 == k).map(|x| x.1);
        assert_eq!(find("SYRGOV|RUSGOV|042|2015|"), Some(2));
        assert_eq!(find("SYRGOV|RUSGOV|042|2015-09|"), Some(1));
        // The undated current events take the publication day.
        assert_eq!(find("SYRGOV|RUSGOV|042|2025-10-14|"), Some(2));
        // Undated background events and uncoded sources stay alone: 4 singletons.
        assert_eq!(c.iter().filter(|x| x.0.starts_with("event:")).count(), 4);
        let total: i64 = c.iter().map(|x| x.1).sum();
        assert_eq!(total, 9);
    }

    #[test]
    fn rebuild_gives_the_same_clusters() {
        let mut store = Store::open_in_memory().unwrap();
        let ev = (
            "TURGOV",
            Some("IRQGOV"),
            "042",
            Some("2025-10-14"),
            false,
            None,
        );
        store
            .insert_batch(&[
                article(WIRE, "Wire", "2025-10-14", &[ev]),
                article(
                    "Another report of the meeting.",
                    "Daily",
                    "2025-10-14",
                    &[ev],
                ),
            ])
            .unwrap();
        let before = clusters(&store);
        store.rebuild_clusters().unwrap();
        assert_eq!(clusters(&store), before);
    }
}
