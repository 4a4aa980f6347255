//! The places stage: finds the places a document names and resolves them to the gazetteer.
//!
//! Two sources of candidates: entities of the actor stage that are places in their own right
//! (capitals such as "Moscow", which also stand for governments), and runs of proper nouns
//! (tagged PROPN by the tagger) that the gazetteer knows as a city or a division and that are
//! not part of a longer name ("Moscow Center for Strategic Studies" is not Moscow). A name
//! with several places goes to one in a country the article already names, else to the most
//! populous, which must then have at least 100,000 people. Countries are not places here:
//! they are actors, and the gazetteer gives them no point on the map.
//!
//! A place entity the actor dictionary left without a code ("Idlib") takes its place's
//! country, for the events where it is an actor.
//!
//! Named facilities are placed at their city: the city named right after them ("the Hmeimim
//! air base near Latakia"), a city inside their name ("Damascus International Airport"), or
//! the city `data/places/facilities.tsv` gives ("the Grand Kremlin Palace" → Moscow). A seat
//! of power without a facility word ("the Kremlin") counts as a place only after a locative
//! preposition ("at the Kremlin"); otherwise it stands for a government and is an actor.

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
    // A place in a country that became independent after the article's date lies in the
    // older state then (Juba in 2010 is in Sudan).
    let date = doc
        .meta
        .published
        .as_deref()
        .and_then(crate::actors::date::Date::parse);
    let state = |country: &str| -> String {
        match date {
            Some(d) => crate::actors::codes::state_on(country, d).to_string(),
            None => country.to_string(),
        }
    };
    let choose = |name: &str| -> Option<&Place> {
        let place = gazetteer.best(name, &preferred)?;
        let at_home = preferred.contains(&&*place.country)
            || preferred.contains(&state(&place.country).as_str());
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

    // A person's surname is not a place ("Ken Livingstone ... Livingstone said").
    let surnames: Vec<&str> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .filter(|e| e.name.split_whitespace().count() > 1)
        .filter_map(|e| e.name.split_whitespace().last())
        .collect();
    let mut found: Vec<(Span, &Place)> = Vec::new();
    for e in doc.entities.iter().filter(|e| e.kind == EntityType::Gpe) {
        if e.name.split_whitespace().count() == 1 && surnames.contains(&e.name.as_str()) {
            continue;
        }
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
                && !surnames.contains(&doc.slice(span))
                && let Some(place) = choose(doc.slice(span))
            {
                found.push((span, place));
            }
        }
        i = j + 1;
    }

    // Facilities: anything but a person's name.
    let people: Vec<Span> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .flat_map(|e| e.mentions.iter().copied())
        .collect();
    for (span, place) in facilities(doc, gazetteer, &choose) {
        if !people
            .iter()
            .any(|t| t.start < span.end && span.start < t.end)
        {
            // A city inside the facility's name is the facility's place, not a mention of its own.
            found.retain(|(s, _)| !(s.start < span.end && span.start < s.end));
            found.push((span, place));
        }
    }

    let mut by_place: HashMap<(u32, &str), usize> = HashMap::new();
    let mut places: Vec<PlaceRef> = Vec::new();
    found.sort_by_key(|(s, _)| *s);
    for (span, place) in found {
        let key = (place.geonameid, &*place.name);
        let index = *by_place.entry(key).or_insert_with(|| {
            places.push(PlaceRef {
                name: place.ascii_name.to_string(),
                country: state(&place.country),
                coordinates: place.coordinates,
                geonames: (place.geonameid != 0).then_some(place.geonameid),
                mentions: Vec::new(),
            });
            places.len() - 1
        });
        places[index].mentions.push(span);
    }
    give_places_their_country(doc, &places);
    doc.places = places;
}

/// A place entity the dictionary did not code ("Idlib", a city acting or named as an actor)
/// takes the country of the place it was resolved to, so that an event with it as an actor
/// has a country.
fn give_places_their_country(doc: &mut Document, places: &[PlaceRef]) {
    for e in doc
        .entities
        .iter_mut()
        .filter(|e| e.code.is_none() && matches!(e.kind, EntityType::Gpe | EntityType::Loc))
    {
        let place = places
            .iter()
            .find(|p| !p.country.is_empty() && e.mentions.iter().any(|m| p.mentions.contains(m)));
        if let Some(place) = place {
            e.code = Some(place.country.clone());
            e.basis = Some(format!(
                "rule a place's country: {} ({}) in the gazetteer",
                place.name, place.country
            ));
        }
    }
}

/// Words that end a facility's name ("air base", "Palace", "International Airport").
const FACILITY_WORDS: &[&str] = &[
    "palace",
    "base",
    "airbase",
    "airport",
    "airfield",
    "prison",
    "hospital",
    "square",
    "stadium",
    "mosque",
    "cathedral",
    "embassy",
    "consulate",
    "barracks",
    "refinery",
    "dam",
    "camp",
    "port",
    "harbour",
    "harbor",
    "compound",
];

/// Lower-case words that may stand inside a facility's name before its last word.
const FACILITY_INNER: &[&str] = &["air", "naval", "military", "international", "nuclear"];

/// Prepositions after which a seat of power is a place ("at the Kremlin").
const LOCATIVE: &[&str] = &[
    "at", "in", "inside", "outside", "near", "from", "to", "into", "within",
];

/// Prepositions between a facility and its city ("the air base near Latakia").
const NEAR: &[&str] = &["near", "in", "outside", "at", "of"];

/// The embedded facility table: normalised name → (city, country).
fn facility_table() -> &'static HashMap<String, (&'static str, &'static str)> {
    static TABLE: std::sync::OnceLock<HashMap<String, (&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../../data/places/facilities.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let name = cols.next()?;
                let city = cols.next()?;
                let country = cols.next()?;
                Some((crate::actors::name::normalize(name), (city, country)))
            })
            .collect()
    })
}

/// Named facilities and the city each is at.
fn facilities<'g>(
    doc: &Document,
    gazetteer: &'g Gazetteer,
    choose: &dyn Fn(&str) -> Option<&'g Place>,
) -> Vec<(Span, &'g Place)> {
    let table = facility_table();
    let word = |i: usize| doc.slice(doc.words[i].span);
    let capitalised = |i: usize| word(i).chars().next().is_some_and(char::is_uppercase);
    let same_sentence = |a: usize, b: usize| doc.words[a].sentence == doc.words[b].sentence;
    let in_table = |first: usize, last: usize| {
        let span = Span::new(doc.words[first].span.start, doc.words[last].span.end);
        let (city, country) = table.get(&crate::actors::name::normalize(doc.slice(span)))?;
        gazetteer.best(city, &[country])
    };
    let mut out = Vec::new();
    let n = doc.words.len();
    let mut i = 0;
    while i < n {
        if !capitalised(i) || (i > 0 && same_sentence(i - 1, i) && capitalised(i - 1)) {
            i += 1;
            continue;
        }
        // The run of capitalised words and facility words from here.
        let mut j = i;
        while j + 1 < n && same_sentence(i, j + 1) {
            let next = word(j + 1).to_lowercase();
            if capitalised(j + 1)
                || FACILITY_WORDS.contains(&next.as_str())
                || FACILITY_INNER.contains(&next.as_str())
            {
                j += 1;
            } else {
                break;
            }
        }
        // Cut the run after its last facility word.
        let end = (i..=j)
            .rev()
            .find(|&k| FACILITY_WORDS.contains(&word(k).to_lowercase().as_str()));
        let before = if i > 0 && same_sentence(i - 1, i) {
            let mut k = i - 1;
            if word(k).eq_ignore_ascii_case("the") && k > 0 && same_sentence(k - 1, i) {
                k -= 1;
            }
            word(k).to_lowercase()
        } else {
            String::new()
        };
        let located = match end {
            Some(last) if last > i => {
                let span = Span::new(doc.words[i].span.start, doc.words[last].span.end);
                // The city named right after, one inside the name, or the table's.
                let after = (last + 2 < n
                    && same_sentence(last, last + 2)
                    && NEAR.contains(&word(last + 1).to_lowercase().as_str()))
                .then(|| {
                    let mut k = last + 2;
                    while k + 1 < n && same_sentence(k, k + 1) && capitalised(k + 1) {
                        k += 1;
                    }
                    let city = Span::new(doc.words[last + 2].span.start, doc.words[k].span.end);
                    capitalised(last + 2)
                        .then(|| choose(doc.slice(city)))
                        .flatten()
                })
                .flatten();
                let inside = || {
                    (i..last).find_map(|k| {
                        in_table(k, k).or_else(|| {
                            (capitalised(k)
                                && !FACILITY_INNER.contains(&word(k).to_lowercase().as_str()))
                            .then(|| choose(word(k)))
                            .flatten()
                        })
                    })
                };
                after
                    .or_else(|| in_table(i, last))
                    .or_else(inside)
                    .map(|p| (span, p, last))
            }
            _ => {
                // A seat of power with no facility word, after a locative preposition.
                (LOCATIVE.contains(&before.as_str()))
                    .then(|| {
                        (i..=j.min(i + 3)).rev().find_map(|last| {
                            in_table(i, last).map(|p| {
                                (
                                    Span::new(doc.words[i].span.start, doc.words[last].span.end),
                                    p,
                                    last,
                                )
                            })
                        })
                    })
                    .flatten()
            }
        };
        match located {
            Some((span, place, last)) => {
                out.push((span, place));
                i = last + 1;
            }
            None => i = j + 1,
        }
    }
    out
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
    fn facilities_are_placed_at_their_city() {
        assert_eq!(
            places(
                "The envoys met at the Grand Kremlin Palace. Jets left the Hmeimim air base \
                 near Latakia, and a plane landed at Damascus International Airport."
            ),
            [
                "Moscow RUS [Grand Kremlin Palace]",
                "Latakia SYR [Hmeimim air base|Latakia]",
                "Damascus SYR [Damascus International Airport]"
            ]
        );
    }

    #[test]
    fn a_seat_of_power_is_a_place_only_after_a_preposition() {
        assert_eq!(
            places("The Kremlin said talks at the White House went well."),
            ["Washington USA [White House]"]
        );
    }

    #[test]
    fn a_city_the_dictionary_does_not_code_takes_its_country() {
        let meta = ArticleMeta {
            published: Some("2025-10-15".into()),
            ..ArticleMeta::default()
        };
        let text = "Syrian troops shelled rebel positions. Aleppo accused its neighbours of \
                    hoarding fuel. Officials in Idlib denied it.";
        let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
        crate::Pipeline::default().run(&mut doc);
        let codes: Vec<(String, Option<String>)> = doc
            .entities
            .iter()
            .filter(|e| ["Aleppo", "Idlib"].contains(&e.name.as_str()))
            .map(|e| (e.name.clone(), e.code.clone()))
            .collect();
        assert_eq!(
            codes,
            [
                ("Aleppo".to_string(), Some("SYR".to_string())),
                ("Idlib".to_string(), Some("SYR".to_string()))
            ]
        );
    }

    #[test]
    fn a_persons_surname_is_not_a_place() {
        assert_eq!(
            places("Mayor Ken Livingstone visited Leeds. Livingstone said little."),
            ["Leeds GBR [Leeds]"]
        );
    }

    #[test]
    fn the_facility_table_parses() {
        assert!(super::facility_table().len() >= 20);
    }

    #[test]
    fn a_place_inside_a_longer_name_is_not_a_place() {
        assert_eq!(
            places("She is a fellow at the Moscow Center for Strategic Studies."),
            Vec::<String>::new()
        );
    }
}
