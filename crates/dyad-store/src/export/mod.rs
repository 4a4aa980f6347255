//! Exports: the stored real-world events (clusters) with their reports, read back in date
//! order for the formats analysts' tools read (`docs/exports.md` describes every field).
//!
//! [`for_each_cluster`] walks the clusters one at a time, each with its member events (the
//! reports), so that an export of any size runs in constant memory. The writers are in
//! [`gdelt`] (GDELT 2.0 Events and Mentions tables), [`plover`] (PLOVER JSON Lines),
//! [`table`] (CSV and JSON Lines of clusters with their members) and [`parquet`] (Parquet
//! files partitioned by year and month). They write to any `Write`; which files they go to is
//! the caller's business. This module does not choose or code events: it only reads rows.

pub mod gdelt;
pub mod parquet;
pub mod plover;
pub mod table;

use std::collections::HashMap;

use rusqlite::types::Value as Sql;
use rusqlite::{Connection, params_from_iter};

use crate::error::Result;
use crate::query::{EVENT_COLUMNS, EventRow, push_dates};

/// Which clusters to export: the same date rules as `dyad events` (`--to 2025-10` keeps the
/// whole of October).
#[derive(Debug, Clone, Default)]
pub struct ExportFilter {
    /// Date at or after this.
    pub from: Option<String>,
    /// Date at or before this (a day, month or year: the whole of it).
    pub to: Option<String>,
}

/// Where an event took place, as the event stage resolved it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Place {
    /// The place name.
    pub name: String,
    /// The country's ISO 3166-1 alpha-3 code.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// The GeoNames id, when the article's locations give one for this name.
    pub geonames: Option<i64>,
}

/// One actor of a report: its code, the dictionary or entity name, and the words in the text.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Actor {
    /// The CAMEO-style actor code.
    pub code: Option<String>,
    /// The entity's name.
    pub name: Option<String>,
    /// The words of the text that name it.
    pub text: Option<String>,
    /// Its Wikidata id, when known.
    pub wikidata: Option<String>,
    /// Character offset of those words in the article text.
    pub start: Option<i64>,
}

/// One report of a real-world event: a coded event in one article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Member {
    /// The article id.
    pub article: String,
    /// The event id inside the article (`V1` …).
    pub event: String,
    /// The article's URL.
    pub url: Option<String>,
    /// The article's outlet.
    pub source_name: Option<String>,
    /// The article's title.
    pub title: Option<String>,
    /// The article's language.
    pub language: Option<String>,
    /// The article's publication date.
    pub published: Option<String>,
    /// When the article was stored (UTC, ISO 8601).
    pub ingested_at: String,
    /// The article text's length in characters.
    pub doc_chars: i64,
    /// The article's tone, when measured.
    pub tone: Option<f64>,
    /// The sentence index (from 0).
    pub sentence: Option<i64>,
    /// Character offset of the trigger.
    pub trigger_start: Option<i64>,
    /// Character offset of the trigger's end.
    pub trigger_end: Option<i64>,
    /// The trigger words.
    pub trigger: Option<String>,
    /// Who acted.
    pub source: Actor,
    /// Whom it was done to.
    pub target: Actor,
    /// The full CAMEO code.
    pub cameo: String,
    /// The PLOVER type.
    pub plover: Option<String>,
    /// The PLOVER mode.
    pub mode: Option<String>,
    /// The PLOVER contexts.
    pub context: Vec<String>,
    /// The quad class (1 verbal cooperation … 4 material conflict).
    pub quad_class: Option<i64>,
    /// The Goldstein value.
    pub goldstein: Option<f64>,
    /// asserted, negated, planned or hypothetical.
    pub status: Option<String>,
    /// Background rather than news.
    pub historical: bool,
    /// The event's own date.
    pub date: Option<String>,
    /// Where it took place.
    pub location: Option<Place>,
    /// The pattern that coded it.
    pub rule: Option<String>,
    /// The coder's confidence (0..1).
    pub confidence: Option<f64>,
    /// The pipeline version that coded the article.
    pub pipeline: Option<String>,
}

/// One real-world event with its reports.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cluster {
    /// The cluster's summary, as `dyad events` lists it (the id is stable for one database,
    /// like GDELT's GLOBALEVENTID; the date is a day or a partial date such as `2015-09`).
    pub row: EventRow,
    /// The reports, in storage order.
    pub members: Vec<Member>,
}

/// The most frequent value, the first met winning ties.
fn most_frequent<'a>(values: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(k, _)| k)
}

impl Cluster {
    /// The most frequent full CAMEO code of the reports (the base code when there are none).
    pub fn cameo(&self) -> &str {
        most_frequent(self.members.iter().map(|m| m.cameo.as_str())).unwrap_or(&self.row.cameo)
    }

    /// The most frequent PLOVER type of the reports.
    pub fn plover(&self) -> Option<&str> {
        most_frequent(self.members.iter().filter_map(|m| m.plover.as_deref()))
    }

    /// The PLOVER modes of the reports, each once, in order of appearance.
    pub fn modes(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for m in self.members.iter().filter_map(|m| m.mode.as_deref()) {
            if !out.contains(&m) {
                out.push(m);
            }
        }
        out
    }

    /// The PLOVER contexts of the reports, each once, in order of appearance.
    pub fn contexts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in self.members.iter().flat_map(|m| m.context.iter()) {
            if !out.contains(&c.as_str()) {
                out.push(c);
            }
        }
        out
    }

    /// The first report (clusters always have one; `None` only for an empty cluster).
    pub fn first(&self) -> Option<&Member> {
        self.members.first()
    }

    /// The source actor as the first report that names it gives it.
    pub fn source(&self) -> Actor {
        self.members
            .iter()
            .map(|m| &m.source)
            .find(|a| a.name.is_some() || a.text.is_some())
            .cloned()
            .unwrap_or_else(|| Actor {
                code: self.row.source.clone(),
                ..Actor::default()
            })
    }

    /// The target actor as the first report that names it gives it.
    pub fn target(&self) -> Actor {
        self.members
            .iter()
            .map(|m| &m.target)
            .find(|a| a.name.is_some() || a.text.is_some())
            .cloned()
            .unwrap_or_else(|| Actor {
                code: self.row.target.clone(),
                ..Actor::default()
            })
    }

    /// The place of the first report that has one.
    pub fn location(&self) -> Option<&Place> {
        self.members.iter().find_map(|m| m.location.as_ref())
    }

    /// The mean tone of the reporting articles, when any was measured.
    pub fn tone(&self) -> Option<f64> {
        let tones: Vec<f64> = self.members.iter().filter_map(|m| m.tone).collect();
        (!tones.is_empty()).then(|| tones.iter().sum::<f64>() / tones.len() as f64)
    }

    /// When the first of its articles was stored.
    pub fn added(&self) -> Option<&str> {
        self.members.iter().map(|m| m.ingested_at.as_str()).min()
    }

    /// The URL of the first report that has one.
    pub fn url(&self) -> Option<&str> {
        self.members.iter().find_map(|m| m.url.as_deref())
    }

    /// The year and month the cluster is filed under (`None` for a missing part).
    pub fn year_month(&self) -> (Option<i32>, Option<u32>) {
        let Some(date) = self.row.date.as_deref() else {
            return (None, None);
        };
        let year = date
            .get(0..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|y| y.parse().ok());
        let month = date
            .get(5..7)
            .filter(|_| year.is_some() && date.as_bytes().get(4) == Some(&b'-'))
            .and_then(|m| m.parse().ok())
            .filter(|m| (1..=12).contains(m));
        (year, month)
    }
}

/// Calls `each` with every cluster that passes the filter, in date order (undated first,
/// then by id), each with its members; returns how many there were. Stops at the first
/// error `each` returns.
pub fn for_each_cluster(
    conn: &Connection,
    filter: &ExportFilter,
    mut each: impl FnMut(Cluster) -> Result<()>,
) -> Result<u64> {
    let mut sql = format!("SELECT {EVENT_COLUMNS} FROM clusters c WHERE c.mentions >= 1");
    let mut args: Vec<Sql> = Vec::new();
    push_dates(
        &mut sql,
        &mut args,
        filter.from.as_deref(),
        filter.to.as_deref(),
    );
    sql.push_str(" ORDER BY c.date, c.id");
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(args))?;
    let mut count = 0;
    while let Some(r) = rows.next()? {
        let row = EventRow::read(r)?;
        let members = members(conn, row.id)?;
        let cluster = Cluster { row, members };
        each(cluster)?;
        count += 1;
    }
    Ok(count)
}

/// The number of clusters an export with this filter writes.
pub fn count(conn: &Connection, filter: &ExportFilter) -> Result<u64> {
    let mut n = 0;
    // Counting through the same walk keeps the two in step; exports are not hot paths.
    for_each_cluster(conn, filter, |_| {
        n += 1;
        Ok(())
    })?;
    Ok(n)
}

/// The member events of one cluster, in storage order, with their articles.
fn members(conn: &Connection, cluster: i64) -> Result<Vec<Member>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, e.eid, a.url, a.source, a.title, a.language, a.published, \
         a.ingested_at, length(a.text), a.tone_score, e.sentence, e.trigger_start, \
         e.trigger_end, substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start), \
         e.source_code, s.name, s.wikidata, \
         substr(a.text, e.source_start + 1, e.source_end - e.source_start), e.source_start, \
         e.target_code, t.name, t.wikidata, \
         substr(a.text, e.target_start + 1, e.target_end - e.target_start), e.target_start, \
         e.cameo, e.plover, e.mode, e.context, e.quad_class, e.goldstein, e.status, \
         e.historical, e.date, e.location_name, e.location_country, e.location_lat, \
         e.location_lon, (SELECT l.geonames FROM locations l WHERE l.article = e.article \
         AND l.name = e.location_name ORDER BY l.idx LIMIT 1), e.rule, e.confidence, a.pipeline \
         FROM events e JOIN articles a ON a.rowid = e.article \
         LEFT JOIN entities s ON s.article = e.article AND s.eid = e.source_entity \
         LEFT JOIN entities t ON t.article = e.article AND t.eid = e.target_entity \
         WHERE e.cluster = ?1 ORDER BY e.rowid",
    )?;
    let rows = stmt
        .query_map([cluster], |r| {
            let context: Option<String> = r.get(27)?;
            let location_name: Option<String> = r.get(33)?;
            Ok(Member {
                article: r.get(0)?,
                event: r.get(1)?,
                url: r.get(2)?,
                source_name: r.get(3)?,
                title: r.get(4)?,
                language: r.get(5)?,
                published: r.get(6)?,
                ingested_at: r.get(7)?,
                doc_chars: r.get(8)?,
                tone: r.get(9)?,
                sentence: r.get(10)?,
                trigger_start: r.get(11)?,
                trigger_end: r.get(12)?,
                trigger: r.get(13)?,
                source: Actor {
                    code: r.get(14)?,
                    name: r.get(15)?,
                    wikidata: r.get(16)?,
                    text: r.get(17)?,
                    start: r.get(18)?,
                },
                target: Actor {
                    code: r.get(19)?,
                    name: r.get(20)?,
                    wikidata: r.get(21)?,
                    text: r.get(22)?,
                    start: r.get(23)?,
                },
                cameo: r.get(24)?,
                plover: r.get(25)?,
                mode: r.get(26)?,
                // A context that is not a JSON list of strings is treated as none.
                context: context
                    .and_then(|c| serde_json::from_str(&c).ok())
                    .unwrap_or_default(),
                quad_class: r.get(28)?,
                goldstein: r.get(29)?,
                status: r.get(30)?,
                historical: r.get(31)?,
                date: r.get(32)?,
                location: match location_name {
                    Some(name) => Some(Place {
                        name,
                        country: r.get(34)?,
                        lat: r.get(35)?,
                        lon: r.get(36)?,
                        geonames: r.get(37)?,
                    }),
                    None => None,
                },
                rule: r.get(38)?,
                confidence: r.get(39)?,
                pipeline: r.get(40)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The actor code split the way GDELT splits it: country, known group, up to three types.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeParts {
    /// The country or region root (`SYR`, `EUR`), when the code has one.
    pub country: Option<String>,
    /// An organisation segment that is neither a country nor a role (`EEC`, `UNO`).
    pub known_group: Option<String>,
    /// Role segments (`GOV`, `MIL`) and organisation roots (`IGO`, `NGO`), at most three.
    pub types: Vec<String>,
}

/// Roots that GDELT files as actor types rather than countries.
const TYPE_ROOTS: &[&str] = &["IGO", "NGO", "IMG", "MNC", "UIS"];

/// Splits an actor code into GDELT's parts. Segments are three characters; an unknown
/// root (`---`) gives no country.
pub fn code_parts(code: &str) -> CodeParts {
    use dyad_core::actors::codes;
    let mut parts = CodeParts::default();
    let segments: Vec<&str> = (0..code.len() / 3)
        .filter_map(|i| code.get(i * 3..i * 3 + 3))
        .collect();
    for (i, seg) in segments.iter().enumerate() {
        let is_letters = seg.bytes().all(|b| b.is_ascii_uppercase());
        if !is_letters {
            continue;
        }
        if i == 0 && TYPE_ROOTS.contains(seg) {
            parts.types.push(seg.to_string());
        } else if i == 0 {
            parts.country = Some(seg.to_string());
        } else if codes::is_role(seg) {
            parts.types.push(seg.to_string());
        } else if parts.country.is_none()
            && (codes::is_non_state_root(seg) || country_fips(seg).is_some())
            && !TYPE_ROOTS.contains(seg)
        {
            parts.country = Some(seg.to_string());
        } else if parts.known_group.is_none() {
            parts.known_group = Some(seg.to_string());
        }
    }
    parts.types.truncate(3);
    parts
}

/// The FIPS 10-4 code of a country given by its ISO 3166-1 alpha-3 code (from the places
/// gazetteer's country table).
pub fn country_fips(iso3: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<HashMap<String, String>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        dyad_core::places::embedded_gazetteer()
            .map(|g| {
                g.countries()
                    .iter()
                    .filter(|c| !c.fips.is_empty())
                    .map(|c| (c.iso3.to_string(), c.fips.to_string()))
                    .collect()
            })
            .unwrap_or_default()
    });
    table.get(iso3).map(String::as_str)
}

/// The English name of a country given by its ISO3 code.
pub fn country_name(iso3: &str) -> Option<&'static str> {
    let g = dyad_core::places::embedded_gazetteer().ok()?;
    g.country(iso3).map(|c| &*c.name)
}

/// What kind of place an event's location is, found again in the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A whole country.
    Country,
    /// A first-level division (province, state).
    Division,
    /// A city or town.
    City,
}

/// The kind and first-level division (GeoNames admin1 code) of a place, from the gazetteer:
/// the entry with the same GeoNames id, else the most populous of that name in the country.
pub fn place_kind(place: &Place) -> (PlaceKind, Option<&'static str>) {
    let Ok(g) = dyad_core::places::embedded_gazetteer() else {
        return (PlaceKind::City, None);
    };
    if let Some(country) = place.country.as_deref().and_then(|c| g.country(c))
        && (dyad_core::actors::name::normalize(&country.name)
            == dyad_core::actors::name::normalize(&place.name)
            || place.geonames == Some(i64::from(country.geonameid)))
    {
        return (PlaceKind::Country, None);
    }
    let found = g.lookup(&place.name);
    let same_id = found
        .iter()
        .find(|p| p.geonameid != 0 && Some(i64::from(p.geonameid)) == place.geonames);
    let same_country = found
        .iter()
        .find(|p| Some(&*p.country) == place.country.as_deref());
    match same_id.or(same_country) {
        Some(p) => {
            let kind = match p.kind {
                dyad_core::places::PlaceKind::Division => PlaceKind::Division,
                _ => PlaceKind::City,
            };
            let admin1 = (!p.admin1.is_empty()).then_some(&*p.admin1);
            (kind, admin1)
        }
        None => (PlaceKind::City, None),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::{Prepared, Store};

    /// A synthetic coded article with events (source, target, cameo, date, location).
    pub(crate) fn article(
        text: &str,
        published: &str,
        events: &[(&str, &str, &str, &str, Option<&str>)],
    ) -> Prepared {
        let events: Vec<Value> = events
            .iter()
            .enumerate()
            .map(|(i, (s, t, cameo, date, place))| {
                let mut e = json!({
                    "id": format!("V{}", i + 1), "sentence": 0,
                    "trigger": {"start": 7, "end": 10},
                    "source": {"entity": "E1", "code": s, "start": 0, "end": 6},
                    "target": {"entity": "E2", "code": t, "start": 11, "end": 15},
                    "cameo": cameo, "plover": "CONSULT", "mode": "visit",
                    "context": ["diplomatic"], "quad_class": 1, "goldstein": 1.9,
                    "status": "asserted", "historical": false, "date": date, "rule": "test",
                    "confidence": 0.9
                });
                if let Some(p) = place {
                    e["location"] = json!({"name": p, "country": "IRQ", "lat": 33.34, "lon": 44.4});
                }
                e
            })
            .collect();
        Prepared::new(json!({
            "schema": "dyad.article/1",
            "article": {"id": dyad_core::input::article_id(text), "published": published,
                        "source": "Wire", "url": "https://news.example/a", "language": "en",
                        "pipeline": "test"},
            "text": text, "blocks": [], "sentences": [],
            "entities": [{"id": "E1", "name": "Turkey", "type": "GPE", "code": "TUR"},
                         {"id": "E2", "name": "Iraq", "type": "GPE", "code": "IRQ",
                          "wikidata": "Q796"}],
            "events": events, "quotes": [],
            "locations": [{"name": "Baghdad", "country": "IRQ", "lat": 33.34, "lon": 44.4,
                           "geonames": 98182, "mentions": []}],
            "counts": [], "tone": null
        }))
        .unwrap()
    }

    /// A store with three clusters: two reports of one meeting, a month-dated event, an
    /// event of another year.
    pub(crate) fn store() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        store
            .insert_batch(&[
                article(
                    "Turkey met Iraq in Baghdad.",
                    "2025-10-14",
                    &[
                        ("TURGOV", "IRQGOV", "042", "2025-10-14", Some("Baghdad")),
                        ("TURMIL", "IGOEUREEC", "036", "2024-03", None),
                    ],
                ),
                article(
                    "Turkey saw Iraq in Baghdad again.",
                    "2025-10-15",
                    &[
                        ("TURGOV", "IRQGOV", "0421", "2025-10-14", Some("Baghdad")),
                        ("TURGOV", "IRQGOV", "042", "2025-11-02", None),
                    ],
                ),
            ])
            .unwrap();
        store
    }

    #[test]
    fn clusters_come_in_date_order_with_their_members() {
        let store = store();
        let mut seen = Vec::new();
        let n = for_each_cluster(store.connection(), &ExportFilter::default(), |c| {
            seen.push(c);
            Ok(())
        })
        .unwrap();
        assert_eq!(n, 3);
        let dates: Vec<_> = seen.iter().map(|c| c.row.date.clone().unwrap()).collect();
        assert_eq!(dates, ["2024-03", "2025-10-14", "2025-11-02"]);
        let meeting = &seen[1];
        assert_eq!(meeting.members.len(), 2);
        assert_eq!(meeting.cameo(), "042", "first met wins a tie");
        let m = &meeting.members[0];
        assert_eq!(m.trigger.as_deref(), Some("met"));
        assert_eq!(m.source.text.as_deref(), Some("Turkey"));
        assert_eq!(m.target.wikidata.as_deref(), Some("Q796"));
        assert_eq!(m.context, ["diplomatic"]);
        assert_eq!(meeting.location().unwrap().geonames, Some(98182));
        assert_eq!(meeting.year_month(), (Some(2025), Some(10)));
        assert_eq!(seen[0].year_month(), (Some(2024), Some(3)));
        let october = ExportFilter {
            from: Some("2025-10".into()),
            to: Some("2025-10".into()),
        };
        assert_eq!(count(store.connection(), &october).unwrap(), 1);
    }

    #[test]
    fn codes_split_like_gdelt_and_countries_have_fips() {
        assert_eq!(country_fips("DEU"), Some("GM"));
        assert_eq!(country_fips("IRQ"), Some("IZ"));
        let p = code_parts("SYRGOV");
        assert_eq!(
            (p.country.as_deref(), p.types.as_slice()),
            (Some("SYR"), &["GOV".to_string()][..])
        );
        let p = code_parts("IGOEUREEC");
        assert_eq!(p.types, ["IGO"]);
        assert_eq!(p.country.as_deref(), Some("EUR"));
        assert_eq!(p.known_group.as_deref(), Some("EEC"));
        assert_eq!(code_parts("---MIL").country, None);
    }

    #[test]
    fn places_are_found_again_in_the_gazetteer() {
        let city = Place {
            name: "Baghdad".into(),
            country: Some("IRQ".into()),
            lat: None,
            lon: None,
            geonames: Some(98182),
        };
        assert_eq!(place_kind(&city).0, PlaceKind::City);
        let country = Place {
            name: "Iraq".into(),
            ..city
        };
        assert_eq!(place_kind(&country).0, PlaceKind::Country);
    }
}
