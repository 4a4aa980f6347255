//! PLOVER JSON Lines: one record per real-world event with the field names of the PLOVER
//! manual's data-fields chapter (`id`, `date`, `actor`, `recipient`, `event`, `event_loc`,
//! `quad_code`, `mode`, `context`, `text_info`, `cite_info` …) and its entity and location
//! objects, plus a few named fields of dyad's own (the manual allows them), listed in
//! [`EXTRA_FIELDS`]. How each field is filled is in `docs/exports.md`.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::{Actor, Cluster, PlaceKind, country_name, place_kind};
use crate::error::Result;

/// The fields of the manual's PLOVER record (Table 6.1) that dyad fills.
pub const FIELDS: [&str; 16] = [
    "id",
    "has_event",
    "date",
    "actor",
    "recipient",
    "event",
    "event_loc",
    "event_text",
    "quad_code",
    "event_scale",
    "mode",
    "context",
    "text_info",
    "cite_info",
    "coder",
    "coded_date",
];

/// dyad's own fields beside the manual's.
pub const EXTRA_FIELDS: [&str; 7] = [
    "cameo",
    "goldstein",
    "mentions",
    "articles",
    "stories",
    "sources",
    "reports",
];

/// The fields of the manual's entity object (Table 6.2) that dyad fills.
pub const ENTITY_FIELDS: [&str; 5] = [
    "code",
    "sector",
    "entity_text",
    "identifier_id",
    "identifier_text",
];

/// The fields of the manual's location object (Table 6.6) that dyad fills.
pub const LOCATION_FIELDS: [&str; 9] = [
    "extracted_place",
    "resolved_place",
    "geonameid",
    "lat",
    "lon",
    "country",
    "country_code",
    "feature_class",
    "resolution",
];

/// An entity object: the code's root as `code`, the rest as `sector`.
fn entity(actor: &Actor, code: Option<&str>) -> Option<Value> {
    let code = code.filter(|c| !c.is_empty())?;
    let root = code.get(..3).unwrap_or(code);
    let sector = code.get(3..).filter(|s| !s.is_empty());
    let mut e = Map::new();
    e.insert("code".into(), json!(root));
    e.insert("sector".into(), json!(sector));
    e.insert("entity_text".into(), json!(actor.text));
    e.insert("identifier_id".into(), json!(actor.wikidata));
    e.insert("identifier_text".into(), json!(actor.name));
    Some(Value::Object(e))
}

fn location(cluster: &Cluster) -> Value {
    let Some(place) = cluster.location() else {
        return Value::Null;
    };
    let (kind, _) = place_kind(place);
    // GeoNames feature classes: A for countries and divisions, P for populated places; the
    // manual's resolution: 1 country, 2 province, 4 city.
    let (feature_class, resolution) = match kind {
        PlaceKind::Country => ("A", 1),
        PlaceKind::Division => ("A", 2),
        PlaceKind::City => ("P", 4),
    };
    json!({
        "extracted_place": place.name,
        "resolved_place": place.name,
        "geonameid": place.geonames,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country.as_deref().and_then(country_name),
        "country_code": place.country,
        "feature_class": feature_class,
        "resolution": resolution,
    })
}

/// The PLOVER record of one cluster.
pub fn record(cluster: &Cluster) -> Value {
    let first = cluster.first();
    let mut r = Map::new();
    r.insert("id".into(), json!(format!("dyad-{}", cluster.row.id)));
    r.insert("has_event".into(), json!(cluster.plover().is_some()));
    r.insert(
        "date".into(),
        json!(
            cluster
                .row
                .date
                .as_ref()
                .or(cluster.row.first_report.as_ref())
        ),
    );
    let actor = entity(&cluster.source(), cluster.row.source.as_deref());
    let recipient = entity(&cluster.target(), cluster.row.target.as_deref());
    r.insert("actor".into(), json!(actor.into_iter().collect::<Vec<_>>()));
    r.insert(
        "recipient".into(),
        json!(recipient.into_iter().collect::<Vec<_>>()),
    );
    r.insert(
        "event".into(),
        json!(cluster.plover().into_iter().collect::<Vec<_>>()),
    );
    r.insert("event_loc".into(), location(cluster));
    let texts: Vec<&str> = cluster
        .members
        .iter()
        .filter_map(|m| m.trigger.as_deref())
        .collect();
    r.insert("event_text".into(), json!(texts));
    r.insert("quad_code".into(), json!(cluster.row.quad_class));
    r.insert("event_scale".into(), json!(cluster.row.goldstein));
    r.insert("mode".into(), json!(cluster.modes()));
    r.insert("context".into(), json!(cluster.contexts()));
    r.insert(
        "text_info".into(),
        json!(first.map(|m| json!({
            "sequence": m.sentence,
            "start": m.trigger_start,
            "end": m.trigger_end,
        }))),
    );
    r.insert(
        "cite_info".into(),
        json!(first.map(|m| json!({
            "corpus": "dyad",
            "citation": m.article,
            "url": m.url,
            "title": m.title,
            "language": m.language,
            "publication": m.source_name,
            "coder": m.pipeline,
            "codebook": "CAMEO with the PLOVER mapping (dyad codebook)",
        }))),
    );
    r.insert(
        "coded_date".into(),
        json!(cluster.added().and_then(|a| a.get(..10))),
    );
    r.insert(
        "coder".into(),
        json!(format!("dyad {}", dyad_core::VERSION)),
    );
    r.insert("cameo".into(), json!(cluster.cameo()));
    r.insert("goldstein".into(), json!(cluster.row.goldstein));
    r.insert("mentions".into(), json!(cluster.row.mentions));
    r.insert("articles".into(), json!(cluster.row.articles));
    r.insert("stories".into(), json!(cluster.row.stories));
    r.insert("sources".into(), json!(cluster.row.sources));
    let reports: Vec<Value> = cluster
        .members
        .iter()
        .map(|m| json!({"article": m.article, "event": m.event, "published": m.published}))
        .collect();
    r.insert("reports".into(), json!(reports));
    Value::Object(r)
}

/// Writes one cluster's record as one line.
pub fn write_cluster(cluster: &Cluster, out: &mut impl Write) -> Result<()> {
    serde_json::to_writer(&mut *out, &record(cluster))?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ExportFilter, for_each_cluster};

    #[test]
    fn records_use_the_manual_field_names() {
        let store = crate::export::tests::store();
        let mut records = Vec::new();
        for_each_cluster(store.connection(), &ExportFilter::default(), |c| {
            records.push(record(&c));
            Ok(())
        })
        .unwrap();
        assert_eq!(records.len(), 3);
        for r in &records {
            for key in r.as_object().unwrap().keys() {
                assert!(
                    FIELDS.contains(&key.as_str()) || EXTRA_FIELDS.contains(&key.as_str()),
                    "{key}"
                );
            }
            for e in r["actor"].as_array().unwrap() {
                for key in e.as_object().unwrap().keys() {
                    assert!(ENTITY_FIELDS.contains(&key.as_str()), "{key}");
                }
            }
        }
        let meeting = &records[1];
        assert_eq!(meeting["date"], "2025-10-14");
        assert_eq!(meeting["actor"][0]["code"], "TUR");
        assert_eq!(meeting["actor"][0]["sector"], "GOV");
        assert_eq!(meeting["recipient"][0]["identifier_id"], "Q796");
        assert_eq!(meeting["event"], json!(["CONSULT"]));
        assert_eq!(meeting["mode"], json!(["visit"]));
        assert_eq!(meeting["event_text"], json!(["met", "saw"]));
        assert_eq!(meeting["event_loc"]["geonameid"], 98182);
        assert_eq!(meeting["event_loc"]["country_code"], "IRQ");
        for key in meeting["event_loc"].as_object().unwrap().keys() {
            assert!(LOCATION_FIELDS.contains(&key.as_str()), "{key}");
        }
        assert_eq!(records[0]["event_loc"], Value::Null);
    }
}
