//! The questions the store answers: event clusters by actor, dyad, date and code; the
//! timeline of a dyad; full-text search of articles.
//!
//! Actor codes match by prefix (`SYR` matches `SYRGOV` and `SYRMIL`), CAMEO codes by prefix
//! of the base code (`04` matches `040` to `046`), dates as strings (`--from 2025-10` keeps
//! everything from October 2025; partial dates sort before the days they contain).

use rusqlite::types::Value as Sql;
use rusqlite::{Connection, params_from_iter};

use crate::error::Result;

/// Which clusters to list.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Source or target code starts with this.
    pub actor: Option<String>,
    /// Source code starts with the first, target code with the second.
    pub dyad: Option<(String, String)>,
    /// Date at or after this.
    pub from: Option<String>,
    /// Date at or before this (a day, month or year: the whole of it).
    pub to: Option<String>,
    /// CAMEO base code starts with this.
    pub cameo: Option<String>,
    /// Some member event has this PLOVER type.
    pub plover: Option<String>,
    /// Some member event has this status.
    pub status: Option<String>,
    /// Some member event names its source in its sentence: leaves out events whose source
    /// is only implied (the police of "three men were arrested").
    pub named_source: bool,
    /// At least this many mentions.
    pub min_mentions: u64,
    /// At most this many clusters.
    pub limit: Option<u64>,
}

/// One real-world event (a cluster of event mentions).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EventRow {
    /// The cluster id.
    pub id: i64,
    /// The date it clusters on (day, or partial date).
    pub date: Option<String>,
    /// Source actor code.
    pub source: Option<String>,
    /// Target actor code.
    pub target: Option<String>,
    /// CAMEO base code.
    pub cameo: String,
    /// The most frequent PLOVER type of its mentions.
    pub plover: Option<String>,
    /// The place's country.
    pub country: Option<String>,
    /// The most frequent quad class of its mentions.
    pub quad_class: Option<i64>,
    /// The mean Goldstein value of its mentions.
    pub goldstein: Option<f64>,
    /// Events coded (mentions).
    pub mentions: i64,
    /// Articles, near-duplicates from one source counted once.
    pub articles: i64,
    /// Independent stories (near-duplicate groups).
    pub stories: i64,
    /// Distinct sources.
    pub sources: i64,
    /// The first report's date.
    pub first_report: Option<String>,
    /// The last report's date.
    pub last_report: Option<String>,
}

/// The columns an [`EventRow`] is read from, in its field order, for the clusters table
/// aliased `c`. The events listing and the exports both read clusters through it.
pub(crate) const EVENT_COLUMNS: &str = "c.id, c.date, c.source_code, c.target_code, c.cameo_base, \
     (SELECT plover FROM events WHERE cluster = c.id AND plover IS NOT NULL \
      GROUP BY plover ORDER BY count(*) DESC, plover LIMIT 1), \
     c.country, c.quad_class, c.goldstein, c.mentions, c.articles, c.stories, c.sources, \
     c.first_report, c.last_report";

impl EventRow {
    /// Reads a row selected with [`EVENT_COLUMNS`] first.
    pub(crate) fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(EventRow {
            id: r.get(0)?,
            date: r.get(1)?,
            source: r.get(2)?,
            target: r.get(3)?,
            cameo: r.get(4)?,
            plover: r.get(5)?,
            country: r.get(6)?,
            quad_class: r.get(7)?,
            goldstein: r.get(8)?,
            mentions: r.get(9)?,
            articles: r.get(10)?,
            stories: r.get(11)?,
            sources: r.get(12)?,
            first_report: r.get(13)?,
            last_report: r.get(14)?,
        })
    }
}

/// Adds the date bounds to a query over the clusters table aliased `c`. `to` includes the
/// whole of a partial date: `2025-10` keeps every day of October.
pub(crate) fn push_dates(
    sql: &mut String,
    args: &mut Vec<Sql>,
    from: Option<&str>,
    to: Option<&str>,
) {
    if let Some(from) = from {
        sql.push_str(" AND c.date >= ?");
        args.push(Sql::Text(from.to_string()));
    }
    if let Some(to) = to {
        sql.push_str(" AND c.date <= ?");
        args.push(Sql::Text(format!("{to}\u{10ffff}")));
    }
}

fn glob_prefix(prefix: &str) -> String {
    let clean: String = prefix
        .chars()
        .filter(|c| !matches!(c, '*' | '?' | '[' | ']'))
        .collect();
    format!("{clean}*")
}

/// The clusters that pass the filter, most mentioned first, then by date.
pub fn events(conn: &Connection, filter: &EventFilter) -> Result<Vec<EventRow>> {
    let mut sql = format!("SELECT {EVENT_COLUMNS} FROM clusters c WHERE c.mentions >= ?");
    let mut args: Vec<Sql> = vec![Sql::Integer(filter.min_mentions as i64)];
    if let Some(actor) = &filter.actor {
        sql.push_str(" AND (c.source_code GLOB ? OR c.target_code GLOB ?)");
        args.push(Sql::Text(glob_prefix(actor)));
        args.push(Sql::Text(glob_prefix(actor)));
    }
    if let Some((a, b)) = &filter.dyad {
        sql.push_str(" AND c.source_code GLOB ? AND c.target_code GLOB ?");
        args.push(Sql::Text(glob_prefix(a)));
        args.push(Sql::Text(glob_prefix(b)));
    }
    push_dates(
        &mut sql,
        &mut args,
        filter.from.as_deref(),
        filter.to.as_deref(),
    );
    if let Some(cameo) = &filter.cameo {
        sql.push_str(" AND c.cameo_base GLOB ?");
        args.push(Sql::Text(glob_prefix(cameo)));
    }
    if let Some(plover) = &filter.plover {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM events e WHERE e.cluster = c.id AND e.plover = ?)",
        );
        args.push(Sql::Text(plover.clone()));
    }
    if let Some(status) = &filter.status {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM events e WHERE e.cluster = c.id AND e.status = ?)",
        );
        args.push(Sql::Text(status.clone()));
    }
    // A database written before schema version 2 has no implied sources to leave out (nor
    // the column); it may be open read-only, so it is not migrated here.
    let implied_column = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))? >= 2;
    if filter.named_source && implied_column {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM events e WHERE e.cluster = c.id AND e.implied_source = 0)",
        );
    }
    sql.push_str(" ORDER BY c.mentions DESC, c.date, c.id");
    if let Some(limit) = filter.limit {
        sql.push_str(" LIMIT ?");
        args.push(Sql::Integer(limit as i64));
    }
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(args), EventRow::read)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One mention of a cluster: the article and the event id inside its JSON.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Mention {
    /// The article id.
    pub article: String,
    /// The event id in the article (`V1` …).
    pub event: String,
    /// The article's source.
    pub source: Option<String>,
    /// The article's publication date.
    pub published: Option<String>,
    /// The event's status.
    pub status: Option<String>,
    /// The full CAMEO code of this mention.
    pub cameo: String,
}

/// The mentions of a cluster, in storage order.
pub fn mentions(conn: &Connection, cluster: i64) -> Result<Vec<Mention>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, e.eid, a.source, a.published, e.status, e.cameo FROM events e \
         JOIN articles a ON a.rowid = e.article WHERE e.cluster = ?1 ORDER BY e.rowid",
    )?;
    let rows = stmt
        .query_map([cluster], |r| {
            Ok(Mention {
                article: r.get(0)?,
                event: r.get(1)?,
                source: r.get(2)?,
                published: r.get(3)?,
                status: r.get(4)?,
                cameo: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The length of a timeline step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar days.
    Day,
    /// Weeks from Monday, named by their Monday.
    Week,
    /// Calendar months.
    Month,
}

/// One step of a dyad's timeline. Events are clusters (real-world events), not mentions.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TimelineRow {
    /// The day, the Monday of the week, or the month (`YYYY-MM`).
    pub period: String,
    /// Events per quad class (1 verbal cooperation … 4 material conflict).
    pub quad: [u64; 4],
    /// Mentions per quad class.
    pub quad_mentions: [u64; 4],
    /// The mean Goldstein value of the events.
    pub goldstein: Option<f64>,
    /// Net cooperation counted: (quad 1 + quad 2) − (quad 3 + quad 4) events.
    pub net: i64,
    /// Net cooperation weighted by mentions: the same over mentions.
    pub net_weighted: i64,
}

/// A timeline and how many events had no date precise enough for its period.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Timeline {
    /// One row per period from the first to the last, empty periods included.
    pub rows: Vec<TimelineRow>,
    /// Events left out because their date is only a year (or a month, by day or week).
    pub undated: u64,
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

fn parse_day(date: &str) -> Option<i64> {
    if date.len() != 10 {
        return None;
    }
    let y = date.get(0..4)?.parse().ok()?;
    let m = date.get(5..7)?.parse().ok()?;
    let d = date.get(8..10)?.parse().ok()?;
    Some(days_from_civil(y, m, d))
}

/// The period index of a date (days, Monday-weeks or months since the epoch).
fn period_index(date: &str, period: Period) -> Option<i64> {
    match period {
        Period::Day => parse_day(date),
        // 1970-01-01 was a Thursday: shift so that weeks start on Monday.
        Period::Week => parse_day(date).map(|d| (d + 3).div_euclid(7)),
        Period::Month => {
            let y: i64 = date.get(0..4)?.parse().ok()?;
            let m: i64 = date.get(5..7)?.parse().ok()?;
            (1..=12).contains(&m).then_some(y * 12 + m - 1)
        }
    }
}

fn period_name(index: i64, period: Period) -> String {
    match period {
        Period::Day => {
            let (y, m, d) = civil_from_days(index);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Period::Week => {
            let (y, m, d) = civil_from_days(index * 7 - 3);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Period::Month => format!(
            "{:04}-{:02}",
            index.div_euclid(12),
            index.rem_euclid(12) + 1
        ),
    }
}

/// The timeline of the events between two actors (either direction), by period.
pub fn timeline(conn: &Connection, a: &str, b: &str, period: Period) -> Result<Timeline> {
    let mut stmt = conn.prepare(
        "SELECT date, quad_class, goldstein, mentions FROM clusters \
         WHERE (source_code GLOB ?1 AND target_code GLOB ?2) \
            OR (source_code GLOB ?2 AND target_code GLOB ?1)",
    )?;
    let rows = stmt
        .query_map([glob_prefix(a), glob_prefix(b)], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Option<f64>>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut undated = 0;
    let mut by_period: std::collections::BTreeMap<i64, (TimelineRow, f64, u64)> =
        Default::default();
    for (date, quad, goldstein, mentions) in rows {
        let Some(index) = date.as_deref().and_then(|d| period_index(d, period)) else {
            undated += 1;
            continue;
        };
        let entry = by_period.entry(index).or_insert_with(|| {
            (
                TimelineRow {
                    period: period_name(index, period),
                    quad: [0; 4],
                    quad_mentions: [0; 4],
                    goldstein: None,
                    net: 0,
                    net_weighted: 0,
                },
                0.0,
                0,
            )
        });
        if let Some(q) = quad.filter(|q| (1..=4).contains(q)) {
            let i = (q - 1) as usize;
            entry.0.quad[i] += 1;
            entry.0.quad_mentions[i] += mentions as u64;
            let sign = if q <= 2 { 1 } else { -1 };
            entry.0.net += sign;
            entry.0.net_weighted += sign * mentions;
        }
        if let Some(g) = goldstein {
            entry.1 += g;
            entry.2 += 1;
        }
    }
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (
        by_period.keys().next().copied(),
        by_period.keys().next_back().copied(),
    ) else {
        return Ok(Timeline { rows: out, undated });
    };
    for index in first..=last {
        match by_period.remove(&index) {
            Some((mut row, sum, n)) => {
                row.goldstein = (n > 0).then(|| sum / n as f64);
                out.push(row);
            }
            None => out.push(TimelineRow {
                period: period_name(index, period),
                quad: [0; 4],
                quad_mentions: [0; 4],
                goldstein: None,
                net: 0,
                net_weighted: 0,
            }),
        }
    }
    Ok(Timeline { rows: out, undated })
}

/// One full-text search hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Hit {
    /// The article id.
    pub id: String,
    /// The title.
    pub title: Option<String>,
    /// The publication date.
    pub published: Option<String>,
    /// The source.
    pub source: Option<String>,
    /// The matching passage, matches in `[brackets]`.
    pub snippet: String,
}

/// Full-text search of titles and texts (SQLite FTS5, ranked by BM25). Every word of the
/// query must occur; words are matched as given (no operators), a trailing `*` makes a
/// prefix.
pub fn search(conn: &Connection, text: &str, limit: u64) -> Result<Vec<Hit>> {
    let query: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            let (word, prefix) = match w.strip_suffix('*') {
                Some(stem) if !stem.is_empty() => (stem, "*"),
                _ => (w, ""),
            };
            format!("\"{}\"{prefix}", word.replace('"', "\"\""))
        })
        .collect();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(
        "SELECT a.id, a.title, a.published, a.source, \
         snippet(articles_fts, 1, '[', ']', '…', 16) \
         FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid \
         WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let hits = stmt
        .query_map(rusqlite::params![query.join(" "), limit as i64], |r| {
            Ok(Hit {
                id: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                source: r.get(3)?,
                snippet: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        // 2025-10-15 is a Wednesday; its week starts on Monday 2025-10-13.
        let w = period_index("2025-10-15", Period::Week).unwrap();
        assert_eq!(period_name(w, Period::Week), "2025-10-13");
        assert_eq!(
            period_index("2025-10-19", Period::Week),
            Some(w),
            "Sunday is in the same week"
        );
        assert_eq!(period_index("2025-10-20", Period::Week), Some(w + 1));
        let m = period_index("2025-12-31", Period::Month).unwrap();
        assert_eq!(period_name(m + 1, Period::Month), "2026-01");
        assert_eq!(period_index("2015", Period::Month), None);
    }

    /// A synthetic coded article with one event per (source, target, cameo, quad, date).
    fn article(text: &str, events: &[(&str, &str, &str, i64, &str)]) -> crate::Prepared {
        let events: Vec<serde_json::Value> = events
            .iter()
            .enumerate()
            .map(|(i, (s, t, cameo, quad, date))| {
                serde_json::json!({
                    "id": format!("V{}", i + 1), "sentence": 0,
                    "trigger": {"start": 0, "end": 1},
                    "source": {"entity": "E1", "code": s, "start": 0, "end": 1},
                    "target": {"entity": "E2", "code": t, "start": 2, "end": 3},
                    "cameo": cameo, "plover": if *quad <= 2 { "CONSULT" } else { "ASSAULT" },
                    "quad_class": quad, "goldstein": if *quad <= 2 { 4.0 } else { -10.0 },
                    "status": "asserted", "historical": false, "date": date, "rule": "test"
                })
            })
            .collect();
        crate::Prepared::new(serde_json::json!({
            "schema": "dyad.article/1",
            "article": {"id": dyad_core::input::article_id(text), "published": "2025-10-20",
                        "source": "Wire", "language": "en", "pipeline": "test"},
            "text": text, "blocks": [], "sentences": [], "entities": [], "events": events,
            "quotes": [], "locations": [], "counts": [], "tone": null
        }))
        .unwrap()
    }

    #[test]
    fn named_source_leaves_out_events_whose_source_is_only_implied() {
        let mut store = crate::Store::open_in_memory().unwrap();
        let mut implied = article(
            "Three activists were arrested in Nairobi.",
            &[("KENCOP", "KENOPP", "173", 4, "2025-10-13")],
        );
        let named = article(
            "Kenyan police detained two journalists.",
            &[("KENCOP", "KENMED", "173", 4, "2025-10-14")],
        );
        implied.value["events"][0]["implied_source"] = serde_json::json!(true);
        store.insert_batch(&[implied, named]).unwrap();
        let conn = store.connection();
        assert_eq!(events(conn, &EventFilter::default()).unwrap().len(), 2);
        let filter = EventFilter {
            named_source: true,
            ..EventFilter::default()
        };
        let rows = events(conn, &filter).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].target.as_deref(), Some("KENMED"));
    }

    #[test]
    fn named_source_on_a_version_1_database_filters_nothing() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch(crate::schema::MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        let filter = EventFilter {
            named_source: true,
            ..EventFilter::default()
        };
        assert!(events(&conn, &filter).unwrap().is_empty());
    }

    #[test]
    fn events_timeline_and_search_answer_from_synthetic_articles() {
        let mut store = crate::Store::open_in_memory().unwrap();
        store
            .insert_batch(&[
                article(
                    "Turkey and Iraq held water talks in Baghdad.",
                    &[
                        ("TURGOV", "IRQGOV", "042", 1, "2025-10-13"),
                        ("IRQMIL", "TURMIL", "190", 4, "2025-10-28"),
                    ],
                ),
                article(
                    "Talks between Ankara and Baghdad went on.",
                    &[("TURGOV", "IRQGOV", "042", 1, "2025-10-13")],
                ),
            ])
            .unwrap();
        let conn = store.connection();
        let all = events(conn, &EventFilter::default()).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!((all[0].mentions, all[0].cameo.as_str()), (2, "042"));
        let dyad = EventFilter {
            dyad: Some(("IRQ".into(), "TUR".into())),
            ..EventFilter::default()
        };
        assert_eq!(events(conn, &dyad).unwrap()[0].cameo, "190");
        let popular = EventFilter {
            min_mentions: 2,
            plover: Some("CONSULT".into()),
            to: Some("2025-10".into()),
            ..EventFilter::default()
        };
        assert_eq!(events(conn, &popular).unwrap().len(), 1);
        assert_eq!(mentions(conn, all[0].id).unwrap().len(), 2);
        let t = timeline(conn, "TUR", "IRQ", Period::Week).unwrap();
        // Weeks of 13, 20 and 27 October: the middle one empty.
        assert_eq!(t.rows.len(), 3);
        assert_eq!((t.rows[0].net, t.rows[0].net_weighted), (1, 2));
        assert_eq!(t.rows[1].quad, [0; 4]);
        assert_eq!(
            (t.rows[2].period.as_str(), t.rows[2].net),
            ("2025-10-27", -1)
        );
        let hits = search(conn, "baghdad talks", 5).unwrap();
        assert_eq!(hits.len(), 2);
        assert!(hits[0].snippet.contains("[Baghdad]"), "{}", hits[0].snippet);
        assert!(search(conn, "\"unbalanced", 5).unwrap().is_empty());
    }
}
