//! The GDELT 2.0 event table (61 tab-separated columns, one row per real-world event) and
//! Mentions table (16 columns, one row per report), in GDELT's column order, so that scripts
//! written for GDELT's files read dyad's. Differences in meaning are in `docs/exports.md`:
//! actors carry no geography of their own, tone is dyad's VADER-based article tone, and
//! identifiers are dyad's (cluster ids, article ids when there is no URL).

use std::io::Write;

use super::{Cluster, Member, PlaceKind, code_parts, country_fips, country_name, place_kind};
use crate::error::Result;

/// The 61 columns of GDELT 2.0's event table, in order.
pub const EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 16 columns of GDELT 2.0's Mentions table, in order.
pub const MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// How many sentences from the top of an article count as its lead (`IsRootEvent`): the
/// title and the first paragraph's opening sentences.
const LEAD_SENTENCES: i64 = 3;

/// A field without the tabs and line breaks that would break the row.
fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// A date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) as year, month and day, missing parts as 1.
pub fn date_parts(date: &str) -> Option<(i32, u32, u32)> {
    let year: i32 = date
        .get(0..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()?;
    let month: u32 = match date.get(5..7) {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None => 1,
    };
    let day: u32 = match date.get(8..10) {
        Some(d) => d.parse().ok().filter(|d| (1..=31).contains(d))?,
        None => 1,
    };
    Some((year, month, day))
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// GDELT's `FractionDate`: the year plus the share of it gone by on that day.
fn fraction_date(year: i32, month: u32, day: u32) -> f64 {
    const DAYS_BEFORE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap = u32::from(is_leap(year) && month > 2);
    let day_of_year = DAYS_BEFORE[(month as usize - 1).min(11)] + day - 1 + leap;
    let days = if is_leap(year) { 366.0 } else { 365.0 };
    f64::from(year) + f64::from(day_of_year) / days
}

/// The first 14 digits of an ISO 8601 time (`2025-10-14T09:30:00Z` → `20251014093000`),
/// padded with zeros.
fn timestamp(iso: &str) -> String {
    let mut digits: String = iso.chars().filter(char::is_ascii_digit).take(14).collect();
    while digits.len() < 14 && !digits.is_empty() {
        digits.push('0');
    }
    digits
}

/// The ten actor columns of one actor.
fn actor_columns(code: Option<&str>, name: Option<&str>) -> [String; 10] {
    let parts = code.map(code_parts).unwrap_or_default();
    let ty = |i: usize| parts.types.get(i).cloned().unwrap_or_default();
    [
        opt(code),
        name.map(clean).unwrap_or_default(),
        opt(parts.country.as_deref()),
        opt(parts.known_group.as_deref()),
        String::new(),
        String::new(),
        String::new(),
        ty(0),
        ty(1),
        ty(2),
    ]
}

/// The eight geography columns of the event's place (type 0 and blanks when unknown).
fn action_geo(cluster: &Cluster) -> [String; 8] {
    let Some(place) = cluster.location() else {
        return [
            "0".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ];
    };
    let iso3 = place.country.as_deref();
    let fips = iso3.and_then(country_fips);
    let us = iso3 == Some("USA");
    let (kind, admin1) = place_kind(place);
    let geo_type = match (kind, us) {
        (PlaceKind::Country, _) => 1,
        (PlaceKind::Division, true) => 2,
        (PlaceKind::City, true) => 3,
        (PlaceKind::City, false) => 4,
        (PlaceKind::Division, false) => 5,
    };
    let country = iso3.and_then(country_name);
    let full_name = match (kind, country) {
        (PlaceKind::Country, _) | (_, None) => place.name.clone(),
        (_, Some(c)) => format!("{}, {c}", place.name),
    };
    let adm1 = match (kind, fips, admin1) {
        (PlaceKind::Country, Some(f), _) => f.to_string(),
        (_, Some(f), Some(a)) => format!("{f}{a}"),
        _ => String::new(),
    };
    let feature = match kind {
        PlaceKind::Country => iso3
            .and_then(|c| dyad_core::places::embedded_gazetteer().ok()?.country(c))
            .map(|c| c.geonameid.to_string())
            .or_else(|| place.geonames.map(|g| g.to_string()))
            .unwrap_or_default(),
        _ => opt(place.geonames),
    };
    [
        geo_type.to_string(),
        clean(&full_name),
        opt(fips),
        adm1,
        String::new(),
        opt(place.lat),
        opt(place.lon),
        feature,
    ]
}

/// The 61 fields of one cluster's event row.
pub fn event_row(cluster: &Cluster) -> Vec<String> {
    let date = cluster
        .row
        .date
        .as_deref()
        .and_then(date_parts)
        .or_else(|| cluster.row.first_report.as_deref().and_then(date_parts));
    let mut row = Vec::with_capacity(61);
    row.push(cluster.row.id.to_string());
    match date {
        Some((y, m, d)) => {
            row.push(format!("{y:04}{m:02}{d:02}"));
            row.push(format!("{y:04}{m:02}"));
            row.push(format!("{y:04}"));
            row.push(format!("{:.4}", fraction_date(y, m, d)));
        }
        None => row.extend([String::new(), String::new(), String::new(), String::new()]),
    }
    let (source, target) = (cluster.source(), cluster.target());
    row.extend(actor_columns(
        cluster.row.source.as_deref(),
        source.name.as_deref().or(source.text.as_deref()),
    ));
    row.extend(actor_columns(
        cluster.row.target.as_deref(),
        target.name.as_deref().or(target.text.as_deref()),
    ));
    let lead = cluster
        .members
        .iter()
        .any(|m| m.sentence.is_some_and(|s| s < LEAD_SENTENCES));
    row.push(u8::from(lead).to_string());
    let cameo = cluster.cameo();
    row.push(cameo.to_string());
    row.push(cluster.row.cameo.clone());
    row.push(cluster.row.cameo.chars().take(2).collect());
    row.push(opt(cluster.row.quad_class));
    row.push(opt(cluster.row.goldstein));
    row.push(cluster.row.mentions.to_string());
    row.push(cluster.row.sources.to_string());
    row.push(cluster.row.articles.to_string());
    row.push(opt(cluster.tone()));
    // Actors are not located apart from the event: their geography is empty (type 0).
    for _ in 0..2 {
        row.push("0".into());
        row.extend(std::iter::repeat_n(String::new(), 7));
    }
    row.extend(action_geo(cluster));
    row.push(cluster.added().map(timestamp).unwrap_or_default());
    let url = cluster
        .url()
        .map(str::to_string)
        .or_else(|| cluster.first().map(|m| m.article.clone()));
    row.push(url.as_deref().map(clean).unwrap_or_default());
    row
}

/// The 16 fields of one report's mention row.
pub fn mention_row(cluster: &Cluster, member: &Member) -> Vec<String> {
    let mention_time = member
        .published
        .as_deref()
        .and_then(date_parts)
        .map(|(y, m, d)| format!("{y:04}{m:02}{d:02}000000"))
        .unwrap_or_else(|| timestamp(&member.ingested_at));
    let source_name = member
        .source_name
        .clone()
        .or_else(|| member.url.as_deref().and_then(host).map(str::to_string));
    let offset = |o: Option<i64>| o.unwrap_or(-1).to_string();
    vec![
        cluster.row.id.to_string(),
        cluster.added().map(timestamp).unwrap_or_default(),
        mention_time,
        if member.url.is_some() { "1" } else { "2" }.to_string(),
        source_name.as_deref().map(clean).unwrap_or_default(),
        clean(member.url.as_deref().unwrap_or(&member.article)),
        opt(member.sentence.map(|s| s + 1)),
        offset(member.source.start),
        offset(member.target.start),
        offset(member.trigger_start),
        "1".into(),
        opt(member.confidence.map(|c| (c * 100.0).round() as i64)),
        member.doc_chars.to_string(),
        opt(member.tone),
        String::new(),
        clean(&format!(
            "article={};event={}",
            member.article, member.event
        )),
    ]
}

/// The host part of a URL (`https://news.example/a` → `news.example`).
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then_some(host)
}

/// Writes one cluster: its event row, then its mention rows. No header lines: GDELT's files
/// have none.
pub fn write_cluster(
    cluster: &Cluster,
    events: &mut impl Write,
    mentions: &mut impl Write,
) -> Result<()> {
    writeln!(events, "{}", event_row(cluster).join("\t"))?;
    for member in &cluster.members {
        writeln!(mentions, "{}", mention_row(cluster, member).join("\t"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ExportFilter, for_each_cluster};

    #[test]
    fn rows_have_gdelt_columns_and_types() {
        let store = crate::export::tests::store();
        let (mut events, mut mentions) = (Vec::new(), Vec::new());
        for_each_cluster(store.connection(), &ExportFilter::default(), |c| {
            write_cluster(&c, &mut events, &mut mentions)
        })
        .unwrap();
        let events = String::from_utf8(events).unwrap();
        let rows: Vec<Vec<&str>> = events.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.len() == 61));
        let col = |name: &str| EVENT_COLUMNS.iter().position(|c| *c == name).unwrap();
        let meeting = &rows[1];
        assert_eq!(meeting[col("SQLDATE")], "20251014");
        assert_eq!(meeting[col("MonthYear")], "202510");
        assert_eq!(meeting[col("Actor1CountryCode")], "TUR");
        assert_eq!(meeting[col("Actor1Type1Code")], "GOV");
        assert_eq!(meeting[col("Actor2Name")], "Iraq");
        assert_eq!(meeting[col("EventRootCode")], "04");
        assert_eq!(meeting[col("NumMentions")], "2");
        assert_eq!(meeting[col("ActionGeo_Type")], "4");
        assert_eq!(meeting[col("ActionGeo_CountryCode")], "IZ", "FIPS, not ISO");
        assert_eq!(meeting[col("ActionGeo_ADM1Code")], "IZ07");
        assert_eq!(meeting[col("ActionGeo_FeatureID")], "98182");
        assert_eq!(meeting[col("SOURCEURL")], "https://news.example/a");
        assert_eq!(meeting[col("DATEADDED")].len(), 14);
        let fraction: f64 = meeting[col("FractionDate")].parse().unwrap();
        assert!((2025.78..2025.79).contains(&fraction), "{fraction}");
        // A month-dated event is filed on the month's first day; the EEC is a known group.
        assert_eq!(rows[0][col("SQLDATE")], "20240301");
        assert_eq!(rows[0][col("Actor2KnownGroupCode")], "EEC");
        assert_eq!(rows[0][col("ActionGeo_Type")], "0");
        let mentions = String::from_utf8(mentions).unwrap();
        let m: Vec<Vec<&str>> = mentions.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(m.len(), 4);
        assert!(m.iter().all(|r| r.len() == 16));
        assert_eq!(m[1][0], meeting[0], "mentions point at their event");
        assert_eq!(m[1][MENTION_COLUMNS.len() - 4], "27", "document length");
    }

    #[test]
    fn dates_and_hosts() {
        assert_eq!(date_parts("2024"), Some((2024, 1, 1)));
        assert_eq!(date_parts("2024-13"), None);
        assert_eq!(date_parts("n.d."), None);
        assert_eq!(fraction_date(2025, 1, 1), 2025.0);
        assert_eq!(timestamp("2025-10-14T09:30:00Z"), "20251014093000");
        assert_eq!(host("https://news.example/a?b"), Some("news.example"));
    }
}
