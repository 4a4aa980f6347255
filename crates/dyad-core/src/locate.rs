//! The places stage: finds the places a document names and resolves them to the gazetteer.
//!
//! Two sources of candidates: entities of the actor stage that are places in their own right
//! (capitals such as "Moscow", which also stand for governments), and runs of proper nouns
//! (tagged PROPN by the tagger) that the gazetteer knows as a city or a division and that are
//! not part of a longer name ("Moscow Center for Strategic Studies" is not Moscow). A name
//! with several places goes to one in a country the article already names, else to the most
//! populous, which must then have at least 100,000 people. Countries are not places here:
//! they are actors, and the gazetteer gives them no point on the map.

use std::collections::HashMap;

use crate::document::{Document, EntityType, PlaceRef, Span};
use crate::places::{Gazetteer, Place, PlaceKind};

/// A place outside the article's countries needs at least this many people to be chosen.
const MIN_POPULATION_ELSEWHERE: u64 = 100_000;

/// Finds and resolves the document's places.
pub fn locate(doc: &mut Document, gazetteer: &Gazetteer) {
    let mut countries: Vec<String> = doc
        .entities
        .iter()
        .filter_map(|e| e.country().map(str::to_string))
        .collect();
    countries.sort();
    countries.dedup();
    let preferred: Vec<&str> = countries
        .iter()
        .map(String::as_str)
        .filter(|c| !c.starts_with('-'))
        .collect();
    let choose = |name: &str| -> Option<&Place> {
        let place = gazetteer.best(name, &preferred)?;
        let at_home = preferred.contains(&&*place.country);
        (at_home || place.population >= MIN_POPULATION_ELSEWHERE).then_some(place)
    };

    // Spans already taken by people and organisations are not places.
    let taken: Vec<Span> = doc
        .entities
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EntityType::Person | EntityType::Org | EntityType::Norp
            )
        })
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    let inside_taken = |span: Span| {
        taken
            .iter()
            .any(|t| t.start < span.end && span.start < t.end)
    };

    let mut found: Vec<(Span, &Place)> = Vec::new();
    for e in doc.entities.iter().filter(|e| e.kind == EntityType::Gpe) {
        for &m in &e.mentions {
            if let Some(place) = choose(doc.slice(m)).filter(|p| p.kind != PlaceKind::Division) {
                found.push((m, place));
            }
        }
    }
    let gpe_spans: Vec<Span> = found.iter().map(|(s, _)| *s).collect();
    let is_gpe_mention = |span: Span| {
        gpe_spans
            .iter()
            .any(|s| s.start < span.end && span.start < s.end)
    };

    // Maximal runs of proper nouns inside one sentence.
    let mut i = 0;
    while i < doc.words.len() {
        if !is_proper(doc, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < doc.words.len()
            && doc.words[j + 1].sentence == doc.words[i].sentence
            && is_proper(doc, j + 1)
        {
            j += 1;
        }
        if j - i < 3 {
            let span = Span::new(doc.words[i].span.start, doc.words[j].span.end);
            if !inside_taken(span)
                && !is_gpe_mention(span)
                && let Some(place) = choose(doc.slice(span))
            {
                found.push((span, place));
            }
        }
        i = j + 1;
    }

    let mut by_place: HashMap<(u32, &str), usize> = HashMap::new();
    let mut places: Vec<PlaceRef> = Vec::new();
    found.sort_by_key(|(s, _)| *s);
    for (span, place) in found {
        let key = (place.geonameid, &*place.name);
        let index = *by_place.entry(key).or_insert_with(|| {
            places.push(PlaceRef {
                name: place.ascii_name.to_string(),
                country: place.country.to_string(),
                coordinates: place.coordinates,
                geonames: (place.geonameid != 0).then_some(place.geonameid),
                mentions: Vec::new(),
            });
            places.len() - 1
        });
        places[index].mentions.push(span);
    }
    doc.places = places;
}

/// True when word `i` is a capitalised proper noun (by the tagger's UPOS).
fn is_proper(doc: &Document, i: usize) -> bool {
    let w = &doc.words[i];
    w.upos.as_deref() == Some("PROPN")
        && doc
            .slice(w.span)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::document::{ArticleMeta, BlockKind, Document};

    fn places(text: &str) -> Vec<String> {
        let meta = ArticleMeta {
            published: Some("2025-10-15".into()),
            ..ArticleMeta::default()
        };
        let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
        crate::Pipeline::default().run(&mut doc);
        doc.places
            .iter()
            .map(|p| {
                let mentions: Vec<&str> = p.mentions.iter().map(|m| doc.slice(*m)).collect();
                format!("{} {} [{}]", p.name, p.country, mentions.join("|"))
            })
            .collect()
    }

    #[test]
    fn cities_in_the_article_countries_and_capitals() {
        assert_eq!(
            places("Syrian forces moved from Latakia to Tartus, and the minister flew to Moscow."),
            [
                "Latakia SYR [Latakia]",
                "Tartus SYR [Tartus]",
                "Moscow RUS [Moscow]"
            ]
        );
    }

    #[test]
    fn a_place_inside_a_longer_name_is_not_a_place() {
        assert_eq!(
            places("She is a fellow at the Moscow Center for Strategic Studies."),
            Vec::<String>::new()
        );
    }
}
