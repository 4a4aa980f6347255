//! Rules on top of the statistical tagger: finer entity types and clean span edges.
//!
//! The model knows only what UNER annotates (people, organisations, places). These rules
//! turn places that are countries, capitals, provinces or cities into GPE, nationalities into
//! NORP, named installations ("Hmeimim air base", "Evin Prison") into FAC, and named wars,
//! offensives, summits and elections into EVENT, and give back to a body's name the words the
//! model cut off ("the Society of Motor Manufacturers and Traders"). They also keep possessive endings and stray
//! punctuation out of names ("Al Sharaa’s" → "Al Sharaa"). They work on the words of one
//! sentence and the model's spans; they look nothing up outside the [`Gazetteer`].

use super::gazetteer::{Gazetteer, list};
use crate::document::EntityType;

/// A typed span of words `[start, end)` in one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedSpan {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// What it names.
    pub kind: EntityType,
}

/// Heads that make a named place an installation; two-word heads are written with a space.
const FACILITY_HEADS: &[&str] = &[
    "air base",
    "airbase",
    "naval base",
    "military base",
    "base",
    "airport",
    "palace",
    "prison",
    "jail",
    "hospital",
    "stadium",
    "bridge",
    "dam",
    "mosque",
    "cathedral",
    "embassy",
    "consulate",
    "refinery",
    "power plant",
    "nuclear plant",
    "border crossing",
    "crossing",
];

/// Heads that make a name an event: "the Vietnam War", "the Tet Offensive".
const EVENT_HEADS: &[&str] = &[
    "war",
    "offensive",
    "summit",
    "election",
    "elections",
    "revolution",
    "uprising",
    "olympics",
    "games",
    "cup",
    "championship",
    "championships",
    "conference",
    "massacre",
    "intifada",
    "referendum",
];

/// Words that start an event name when "of" and a name follow: "Battle of Aleppo".
const EVENT_OPENERS: &[&str] = &["battle", "siege", "fall", "liberation", "treaty"];

/// Head words of organisations' names that may go on with "of" or "for" and a name ("the
/// Society of Editors", "the Chartered Institute of Personnel and Development").
const BODY_HEADS: &[&str] = &[
    "association",
    "society",
    "institute",
    "institution",
    "college",
    "federation",
    "confederation",
    "council",
    "commission",
    "committee",
    "union",
    "league",
    "board",
    "authority",
    "agency",
    "trust",
    "foundation",
    "department",
    "ministry",
    "chamber",
    "academy",
    "fund",
    "organisation",
    "organization",
    "movement",
    "alliance",
    "network",
    "centre",
    "center",
    "forum",
    "guild",
    "limited",
];

/// Capitalised words that start sentences and clauses but no name ("But", "However").
const LINK_WORDS: &[&str] = &[
    "but",
    "and",
    "or",
    "so",
    "yet",
    "then",
    "however",
    "meanwhile",
    "now",
    "when",
    "if",
    "as",
    "at",
    "in",
    "on",
    "for",
    "by",
    "with",
    "from",
    "to",
    "of",
    "while",
    "after",
    "before",
];

/// An organisation's name that the model cut at "of", "for" or "and" ("Society of Motor
/// Manufacturers" of "the Society of Motor Manufacturers and Traders") or before a
/// capitalised word ("Society of Arts" of "the Royal Society of Arts"): a span with a body's
/// head word goes on over "of" or "for" and the capitalised words after it (taking in the
/// names the model found there), over "and" and capitalised words no other span covers once
/// it has an "of", and back over capitalised words before it that start no sentence.
fn bodies_of(lower: &[String], words: &[&str], spans: &mut Vec<TypedSpan>) {
    // Capitalised words ending in a body's head word that the model left out ("the
    // Chartered Institute of ...") are an organisation's name; a sentence's first word
    // alone is no name.
    let mut i = 0;
    while i < words.len() {
        let free = |k: usize| !spans.iter().any(|s| s.start <= k && k < s.end);
        if !(is_capitalized(words[i]) && free(i) && !is_edge_junk(words[i]))
            || matches!(lower[i].as_str(), "the" | "a" | "an")
        {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < words.len()
            && is_capitalized(words[end])
            && !is_edge_junk(words[end])
            && free(end)
        {
            end += 1;
        }
        // Two words at least, and not the tail of a name the model ended before them.
        let heads = BODY_HEADS.contains(&lower[end - 1].as_str());
        let after_name = i > 0 && is_capitalized(words[i - 1]);
        // A lone head word before "for" or "of" and a capitalised name starts a name too
        // ("the Campaign for a Fair Vote"), to be carried on below.
        let lone_head = end - i == 1
            && (heads || lower[i] == "campaign")
            && lower
                .get(end)
                .is_some_and(|w| matches!(w.as_str(), "of" | "for"))
            && words[end + 1..]
                .iter()
                .take(2)
                .find(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
                .is_some_and(|w| is_capitalized(w));
        let after_article = i > 0 && matches!(lower[i - 1].as_str(), "the" | "a" | "an");
        if (heads && end - i >= 2 && !after_name || lone_head && (!after_name || after_article))
            && !LINK_WORDS.contains(&lower[i].as_str())
        {
            spans.push(TypedSpan {
                start: i,
                end,
                kind: EntityType::Org,
            });
        }
        i = end.max(i + 1);
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut index = 0;
    while index < spans.len() {
        let span = spans[index];
        index += 1;
        // A campaign's name goes on like a body's ("the Campaign for Fair Rents"), though
        // "Campaign" ending capitalised words makes no name of its own.
        let head = lower[span.start..span.end]
            .iter()
            .any(|w| BODY_HEADS.contains(&w.as_str()) || w == "campaign")
            && words[span.start..span.end]
                .iter()
                .any(|w| is_capitalized(w));
        if !head || matches!(span.kind, EntityType::Event | EntityType::Fac) {
            continue;
        }
        let others: Vec<TypedSpan> = spans.iter().copied().filter(|s| *s != span).collect();
        let covered = |k: usize| others.iter().find(|s| s.start <= k && k < s.end).copied();
        let mut joined = lower[span.start..span.end]
            .iter()
            .any(|w| w == "of" || w == "for");
        let mut end = span.end;
        while let Some(link) = lower.get(end) {
            let linking = matches!(link.as_str(), "of" | "for") || link == "and" && joined;
            if !linking || covered(end).is_some() {
                break;
            }
            // An article may follow "for" inside a name ("the Society for the Study of
            // Bees", "the Campaign for a Fair Vote") when capitalised words come after it.
            let mut first = end + 1;
            if link == "for"
                && lower
                    .get(first)
                    .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
                && words.get(first + 1).is_some_and(|w| is_capitalized(w))
            {
                first += 1;
            }
            let mut k = first;
            while k < words.len()
                && is_capitalized(words[k])
                && !is_edge_junk(words[k])
                && !matches!(lower[k].as_str(), "the" | "a" | "an")
            {
                // After "and", another name begins; after "of", names inside the body's
                // name are taken in whole.
                match covered(k) {
                    Some(_) if link == "and" => break,
                    Some(s) if s.start < end + 1 => break,
                    Some(s) => {
                        let ends_in_run = (s.start..s.end)
                            .all(|x| is_capitalized(words[x]) && !is_edge_junk(words[x]));
                        if !ends_in_run {
                            break;
                        }
                        k = s.end;
                    }
                    None => k += 1,
                }
            }
            if k == first {
                break;
            }
            joined |= link != "and";
            end = k;
        }
        let mut start = span.start;
        while start > 1
            && is_capitalized(words[start - 1])
            && !is_edge_junk(words[start - 1])
            && !matches!(lower[start - 1].as_str(), "the" | "a" | "an")
            && !crate::timex::is_calendar_word(&lower[start - 1])
            && !LINK_WORDS.contains(&lower[start - 1].as_str())
            && covered(start - 1).is_none()
        {
            start -= 1;
        }
        if (start, end) == (span.start, span.end) {
            continue;
        }
        spans.retain(|s| !(start <= s.start && s.end <= end));
        spans.push(TypedSpan {
            start,
            end,
            kind: EntityType::Org,
        });
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        index = 0;
    }
}

/// Words that are never the edge of a name.
fn is_edge_junk(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'" | "’" | "s" | "'S" | "’S")
        || word.chars().all(|c| !c.is_alphanumeric())
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

fn is_roman(word: &str) -> bool {
    matches!(word, "I" | "II" | "III" | "IV" | "V")
}

/// The model's type names mapped to entity kinds: PER, ORG and LOC (other names are LOC).
pub fn base_kind(name: &str) -> EntityType {
    match name {
        "PER" | "PERSON" => EntityType::Person,
        "ORG" => EntityType::Org,
        _ => EntityType::Loc,
    }
}

/// Applies the rules to one sentence: `spans` are the model's, already mapped with
/// [`base_kind`]. Returns non-overlapping spans in word order.
pub fn apply(words: &[&str], spans: &[TypedSpan], gazetteer: &Gazetteer) -> Vec<TypedSpan> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let phrase = |s: usize, e: usize| lower[s..e].join(" ");
    let mut out: Vec<TypedSpan> = Vec::new();
    for &span in spans {
        let (mut start, mut end) = (span.start, span.end.min(words.len()));
        while start < end && is_edge_junk(words[start]) {
            start += 1;
        }
        while end > start && is_edge_junk(words[end - 1]) {
            end -= 1;
        }
        if start == end {
            continue;
        }
        let mut kind = span.kind;
        let text = phrase(start, end);
        let place_lists = [
            list::COUNTRY,
            list::CAPITAL,
            list::PROVINCE,
            list::CITY,
            list::GEONAMES,
        ];
        // A name that the lists know only as an organisation is one ("EU").
        if kind == EntityType::Loc
            && gazetteer.contains(list::ORGANIZATION, &text)
            && !place_lists.iter().any(|l| gazetteer.contains(l, &text))
        {
            kind = EntityType::Org;
        }
        if kind == EntityType::Loc
            && [
                list::COUNTRY,
                list::CAPITAL,
                list::PROVINCE,
                list::CITY,
                list::GEONAMES,
            ]
            .iter()
            .any(|l| gazetteer.contains(l, &text))
        {
            kind = EntityType::Gpe;
        }
        // A nationality before a person's full name ("Australian Lynton Crosby") is no
        // part of the name.
        if kind == EntityType::Person
            && end - start >= 3
            && is_capitalized(words[start + 1])
            && gazetteer.contains(list::DEMONYM, &lower[start])
        {
            out.push(TypedSpan {
                start,
                end: start + 1,
                kind: EntityType::Norp,
            });
            start += 1;
        }
        let text = phrase(start, end);
        if kind != EntityType::Person
            && end - start == 1
            && gazetteer.contains(list::DEMONYM, &text)
        {
            kind = EntityType::Norp;
        }
        out.push(TypedSpan { start, end, kind });
    }
    bodies_of(&lower, words, &mut out);
    facilities(&lower, words, &mut out);
    events(&lower, words, gazetteer, &mut out);
    teams_in_tables(words, &lower, gazetteer, &mut out);
    // Nationalities and countries the model left out.
    let free =
        |out: &[TypedSpan], s: usize, e: usize| !out.iter().any(|o| o.start < e && s < o.end);
    for i in 0..words.len() {
        if is_capitalized(words[i]) && free(&out, i, i + 1) {
            if gazetteer.contains(list::DEMONYM, &lower[i]) {
                out.push(TypedSpan {
                    start: i,
                    end: i + 1,
                    kind: EntityType::Norp,
                });
            } else if gazetteer.contains(list::COUNTRY, &lower[i]) && words[i].chars().count() > 3 {
                out.push(TypedSpan {
                    start: i,
                    end: i + 1,
                    kind: EntityType::Gpe,
                });
            }
        }
    }
    out.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<TypedSpan> = Vec::with_capacity(out.len());
    for s in out {
        if kept.last().is_none_or(|k| k.end <= s.start) {
            kept.push(s);
        }
    }
    kept
}

/// In a row of a results table (mostly numbers), a place that is not a country names a team:
/// "Barcelona 9 4 5 13", "PHILADELPHIA 14 12 2".
fn teams_in_tables(
    words: &[&str],
    lower: &[String],
    gazetteer: &Gazetteer,
    spans: &mut [TypedSpan],
) {
    let numbers = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .count();
    if numbers < 2 || numbers * 5 < words.len() * 2 {
        return;
    }
    for span in spans.iter_mut() {
        if matches!(span.kind, EntityType::Loc | EntityType::Gpe)
            && !gazetteer.contains(list::COUNTRY, &lower[span.start..span.end].join(" "))
        {
            span.kind = EntityType::Org;
        }
    }
}

/// How many words of a facility head start at word `i`, if one does.
fn facility_head_at(lower: &[String], i: usize) -> Option<usize> {
    FACILITY_HEADS.iter().find_map(|head| {
        let parts: Vec<&str> = head.split(' ').collect();
        (i + parts.len() <= lower.len()
            && parts.iter().enumerate().all(|(k, p)| lower[i + k] == *p))
        .then_some(parts.len())
    })
}

/// A place or organisation name followed by a facility head, or ending in one, is a FAC.
fn facilities(lower: &[String], words: &[&str], spans: &mut [TypedSpan]) {
    let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
    for span in spans.iter_mut() {
        if matches!(span.kind, EntityType::Person | EntityType::Norp) {
            continue;
        }
        if let Some(len) = facility_head_at(lower, span.end) {
            // The head belongs to this name unless another name starts inside it.
            if !starts.iter().any(|&s| s > span.end && s < span.end + len) {
                span.end += len;
                span.kind = EntityType::Fac;
                continue;
            }
        }
        let ends_in_head = (span.start + 1..span.end)
            .any(|i| facility_head_at(lower, i).is_some_and(|len| i + len == span.end));
        if ends_in_head && is_capitalized(words[span.end - 1]) {
            span.kind = EntityType::Fac;
        }
    }
}

/// Named events: capitalized words ending in an event head ("World War II", "Geneva
/// Summit"), a year and a head ("the 2024 election"), or an opener with "of" and a name
/// ("Battle of Aleppo"). An event replaces the names found inside it.
fn events(lower: &[String], words: &[&str], gazetteer: &Gazetteer, spans: &mut Vec<TypedSpan>) {
    let caps = super::features::is_caps_sentence(words);
    // In a headline written in capitals every word looks like a name: take at most one.
    let reach = if caps { 1 } else { usize::MAX };
    let joins = |k: usize| {
        (is_capitalized(words[k]) || is_year(words[k]))
            && !is_edge_junk(words[k])
            && !gazetteer.contains(list::FUNCTION, &lower[k])
            && !(caps && gazetteer.contains(list::VERB, &lower[k]))
    };
    let mut found = Vec::new();
    for j in 0..words.len() {
        if EVENT_HEADS.contains(&lower[j].as_str()) {
            let mut start = j;
            if is_capitalized(words[j]) {
                while start > 0 && j - start < reach && joins(start - 1) {
                    start -= 1;
                }
            } else if j > 0 && is_year(words[j - 1]) {
                start = j - 1;
            }
            if start < j {
                let mut end = j + 1;
                if end < words.len() && is_roman(words[end]) {
                    end += 1;
                }
                found.push((start, end));
            }
        }
        if EVENT_OPENERS.contains(&lower[j].as_str())
            && is_capitalized(words[j])
            && j + 2 < words.len()
            && lower[j + 1] == "of"
            && is_capitalized(words[j + 2])
        {
            let mut end = j + 3;
            while end < words.len() && is_capitalized(words[end]) && !is_edge_junk(words[end]) {
                end += 1;
            }
            found.push((j, end));
        }
    }
    for (start, end) in found {
        spans.retain(|s| !(s.start >= start && s.end <= end));
        if spans.iter().any(|s| s.start < end && start < s.end) {
            continue;
        }
        spans.push(TypedSpan {
            start,
            end,
            kind: EntityType::Event,
        });
    }
}

/// Capitalised words that can stand right before a surname without being a first name:
/// titles, honorifics and sentence adverbs.
const NOT_GIVEN_NAMES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "baroness",
    "baron",
    "president",
    "minister",
    "secretary",
    "chancellor",
    "general",
    "gen",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "chief",
    "bishop",
    "archbishop",
    "senator",
    "governor",
    "mayor",
    "professor",
    "prof",
    "captain",
    "colonel",
    "major",
    "sergeant",
    "inspector",
    "detective",
    "constable",
    "commissioner",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "father",
    "rev",
    "reverend",
    "sheikh",
    "ayatollah",
    "premier",
    "speaker",
    "commander",
    "admiral",
    "ambassador",
    "councillor",
    "coach",
    "manager",
    "today",
    "yesterday",
    "tomorrow",
    "earlier",
    "later",
    "also",
    "here",
    "there",
    "asked",
    "said",
    "says",
    "mp",
    "mep",
    "msp",
];

/// Adds the first names the model missed before a surname that it found alone as a person
/// elsewhere in the document ("Ravi X of ..." when "Mr X" is a person): a capitalised word
/// right before such a surname, in no span, at the start of the sentence or after a word
/// that is not capitalised, that is a known first name or no common word, title or sentence
/// adverb, joins it as one person's name.
pub fn first_names(sentences: &[Vec<&str>], spans: &mut [Vec<TypedSpan>], gazetteer: &Gazetteer) {
    use std::collections::HashSet;
    let mut surnames: HashSet<&str> = HashSet::new();
    for (words, found) in sentences.iter().zip(spans.iter()) {
        for s in found.iter().filter(|s| s.kind == EntityType::Person) {
            let name = &words[s.start..s.end];
            let titled = name.len() == 2
                && crate::actors::name::HONORIFICS
                    .contains(&name[0].trim_end_matches('.').to_lowercase().as_str());
            if (name.len() == 1 || titled) && is_capitalized(name[name.len() - 1]) {
                surnames.insert(name[name.len() - 1]);
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    let common = [
        list::FUNCTION,
        list::NOUN,
        list::ADJECTIVE,
        list::VERB,
        list::ROLE,
        list::COUNTRY,
        list::DEMONYM,
    ];
    for (words, found) in sentences.iter().zip(spans.iter_mut()) {
        if super::features::is_caps_sentence(words) {
            continue;
        }
        let mut added = Vec::new();
        for at in 1..words.len() {
            let prev = at - 1;
            let taken = |k: usize| found.iter().any(|s| s.start <= k && k < s.end);
            if !surnames.contains(words[at]) || taken(at) || taken(prev) {
                continue;
            }
            let word = words[prev].to_lowercase();
            let word = word.trim_end_matches('.');
            let shaped = words[prev].chars().count() > 1
                && is_capitalized(words[prev])
                && words[prev].chars().skip(1).all(char::is_lowercase);
            let alone = (prev == 0 || !is_capitalized(words[prev - 1]))
                && !words.get(at + 1).is_some_and(|w| is_capitalized(w));
            let given = gazetteer.contains(list::FIRST_NAME, word)
                || !(common.iter().any(|l| gazetteer.contains(l, word))
                    || NOT_GIVEN_NAMES.contains(&word)
                    || LINK_WORDS.contains(&word));
            if shaped && alone && given {
                added.push(TypedSpan {
                    start: prev,
                    end: at + 1,
                    kind: EntityType::Person,
                });
            }
        }
        found.extend(added);
        found.sort_by_key(|s| s.start);
    }
}

/// Makes one document consistent: a name gets the kind it was given most often in the
/// document, and its other occurrences that the model missed are added (matched with their
/// case, or without it in a sentence written in capitals). `sentences` are the words of each
/// sentence, `spans` the entities found in each.
pub fn harmonize(sentences: &[Vec<&str>], spans: &mut [Vec<TypedSpan>]) {
    use std::collections::HashMap;
    let mut votes: HashMap<String, Vec<(EntityType, usize)>> = HashMap::new();
    for (words, found) in sentences.iter().zip(spans.iter()) {
        for s in found.iter() {
            if !words[s.start..s.end].iter().any(|w| is_capitalized(w)) {
                continue;
            }
            let kinds = votes.entry(words[s.start..s.end].join(" ")).or_default();
            match kinds.iter_mut().find(|(k, _)| *k == s.kind) {
                Some((_, n)) => *n += 1,
                None => kinds.push((s.kind, 1)),
            }
        }
    }
    if votes.is_empty() {
        return;
    }
    let mut best: HashMap<String, EntityType> = HashMap::new();
    let mut lower_best: HashMap<String, EntityType> = HashMap::new();
    for (phrase, kinds) in &votes {
        let mut top = kinds[0];
        for &k in &kinds[1..] {
            if k.1 > top.1 {
                top = k;
            }
        }
        best.insert(phrase.clone(), top.0);
        lower_best.insert(phrase.to_lowercase(), top.0);
    }
    let longest = votes
        .keys()
        .map(|p| p.split(' ').count())
        .max()
        .unwrap_or(1)
        .min(6);
    for (words, found) in sentences.iter().zip(spans.iter_mut()) {
        for s in found.iter_mut() {
            if let Some(&kind) = best.get(&words[s.start..s.end].join(" ")) {
                s.kind = kind;
            }
        }
        let caps = super::features::is_caps_sentence(words);
        let mut added = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut matched = 0;
            if is_capitalized(words[i]) {
                for len in (1..=longest.min(words.len() - i)).rev() {
                    let phrase = words[i..i + len].join(" ");
                    let kind = if caps {
                        lower_best.get(&phrase.to_lowercase())
                    } else {
                        best.get(&phrase)
                    };
                    let Some(&kind) = kind else { continue };
                    let free = !found
                        .iter()
                        .chain(&added)
                        .any(|o: &TypedSpan| o.start < i + len && i < o.end);
                    // A name's neighbour that is capitalized too means a longer name.
                    let extends = (i > 0 && is_capitalized(words[i - 1]) && !caps)
                        || (i + len < words.len() && is_capitalized(words[i + len]) && !caps);
                    if free && !extends {
                        added.push(TypedSpan {
                            start: i,
                            end: i + len,
                            kind,
                        });
                        matched = len;
                    }
                    break;
                }
            }
            i += matched.max(1);
        }
        found.extend(added);
        found.sort_by_key(|s| s.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies the rules to a sentence whose model spans are given as `(start, end, kind)`,
    /// and renders the result as `text/KIND` items.
    fn check(sentence: &str, model: &[(usize, usize, EntityType)], expected: &str) {
        let words: Vec<&str> = sentence.split(' ').collect();
        let spans: Vec<TypedSpan> = model
            .iter()
            .map(|&(start, end, kind)| TypedSpan { start, end, kind })
            .collect();
        let out = apply(&words, &spans, &Gazetteer::bundled());
        let rendered: Vec<String> = out
            .iter()
            .map(|s| format!("{}/{}", words[s.start..s.end].join(" "), s.kind.name()))
            .collect();
        assert_eq!(rendered.join(" | "), expected);
    }

    use EntityType::*;

    #[test]
    fn a_missed_first_name_joins_a_surname_found_elsewhere() {
        let sentences: Vec<Vec<&str>> = vec![
            "Ravi Varma of the group said so .".split(' ').collect(),
            "Mr Varma agreed , and Both Varma and Lee left ."
                .split(' ')
                .collect(),
            "Labour Varma was no name .".split(' ').collect(),
        ];
        let mut spans = vec![
            vec![],
            vec![TypedSpan {
                start: 1,
                end: 2,
                kind: Person,
            }],
            vec![],
        ];
        first_names(&sentences, &mut spans, &Gazetteer::bundled());
        let rendered: Vec<Vec<String>> = sentences
            .iter()
            .zip(&spans)
            .map(|(words, found)| {
                found
                    .iter()
                    .map(|s| format!("{}/{}", words[s.start..s.end].join(" "), s.kind.name()))
                    .collect()
            })
            .collect();
        assert_eq!(
            rendered,
            [
                vec!["Ravi Varma/PERSON".to_string()],
                vec!["Varma/PERSON".to_string()],
                vec![]
            ]
        );
    }

    #[test]
    fn a_nationality_before_a_full_name_is_no_part_of_it() {
        check(
            "said Australian Lynton Crosby today",
            &[(1, 4, Person)],
            "Australian/NORP | Lynton Crosby/PERSON",
        );
    }

    #[test]
    fn capitalised_words_ending_in_limited_name_a_company() {
        check(
            "alleged that English Grange Limited charged clients",
            &[],
            "English Grange Limited/ORG",
        );
    }

    #[test]
    fn a_document_names_one_thing_one_way() {
        let sentences: Vec<Vec<&str>> = vec![
            "We stayed at the Miramar in June .".split(' ').collect(),
            "The Miramar was clean .".split(' ').collect(),
            "MIRAMAR DEAL".split(' ').collect(),
        ];
        let mut spans = vec![
            vec![TypedSpan {
                start: 4,
                end: 5,
                kind: Loc,
            }],
            vec![TypedSpan {
                start: 1,
                end: 2,
                kind: Org,
            }],
            vec![],
        ];
        harmonize(&sentences, &mut spans);
        assert_eq!(
            spans[1],
            vec![TypedSpan {
                start: 1,
                end: 2,
                kind: Loc
            }]
        );
        assert_eq!(
            spans[2],
            vec![TypedSpan {
                start: 0,
                end: 1,
                kind: Loc
            }]
        );
    }

    #[test]
    fn countries_become_gpe_and_nationalities_norp() {
        check(
            "the EU and Paris",
            &[(1, 2, Loc), (3, 4, Loc)],
            "EU/ORG | Paris/GPE",
        );
        check(
            "Russia and Syrian officials met in Damascus near the Euphrates .",
            &[(0, 1, Loc), (6, 7, Loc), (9, 10, Loc)],
            "Russia/GPE | Syrian/NORP | Damascus/GPE | Euphrates/LOC",
        );
    }

    #[test]
    fn possessives_stay_outside_names() {
        check(
            "Al Sharaa ’s visit to Moscow",
            &[(0, 3, Person), (5, 6, Loc)],
            "Al Sharaa/PERSON | Moscow/GPE",
        );
    }

    #[test]
    fn places_in_results_tables_are_teams() {
        check(
            "Barcelona ( Spain ) 9 4 5 13",
            &[(0, 1, Loc), (2, 3, Loc)],
            "Barcelona/ORG | Spain/GPE",
        );
    }

    #[test]
    fn installations_are_facilities() {
        check(
            "jets left Hmeimim air base and Evin Prison",
            &[(2, 3, Loc), (6, 8, Org)],
            "Hmeimim air base/FAC | Evin Prison/FAC",
        );
    }

    #[test]
    fn named_wars_summits_and_elections_are_events() {
        check(
            "He fought in the Vietnam War before the 2024 election",
            &[(4, 5, Loc)],
            "Vietnam War/EVENT | 2024 election/EVENT",
        );
        check(
            "after the Battle of Aleppo ended",
            &[(4, 5, Loc)],
            "Battle of Aleppo/EVENT",
        );
        check("War is hell .", &[], "");
        check("World War II ended", &[], "World War II/EVENT");
        check(
            "ENGLAND WIN WORLD CUP",
            &[(0, 1, Loc)],
            "ENGLAND/GPE | WORLD CUP/EVENT",
        );
    }

    #[test]
    fn a_bodys_name_goes_on_over_of_and_and_and_back_over_capitals() {
        check(
            "The Society of Wool Dealers and Spinners met the Royal Guild of Carvers .",
            &[(1, 5, Org), (10, 13, Org)],
            "Society of Wool Dealers and Spinners/ORG | Royal Guild of Carvers/ORG",
        );
        check(
            "The Chartered Board of Pipes and Drains thanked Anna Reed and Bolton .",
            &[(1, 3, Org), (4, 5, Person), (8, 10, Person), (11, 12, Loc)],
            "Chartered Board of Pipes and Drains/ORG | Anna Reed/PERSON | Bolton/GPE",
        );
        // "and" after a name with no "of" starts another name.
        check(
            "The Tanner Institute and Marlow Freight said so .",
            &[(1, 3, Org)],
            "Tanner Institute/ORG",
        );
        // A name the model missed, ending in a body's head word.
        check(
            "Yesterday the Fenland Growers Association of Ely said so .",
            &[],
            "Fenland Growers Association of Ely/ORG",
        );
        // An article after "for" inside a name; a campaign's name goes on like a body's.
        check(
            "The Campaign for a Welsh Senate and the Guild for the Study of Clocks met .",
            &[(4, 6, Org), (8, 9, Org)],
            "Campaign for a Welsh Senate/ORG | Guild for the Study of Clocks/ORG",
        );
        // "for" and an article before lower-case words joins nothing.
        check(
            "The Tanner Institute spoke for the workers .",
            &[(1, 3, Org)],
            "Tanner Institute/ORG",
        );
    }
}
