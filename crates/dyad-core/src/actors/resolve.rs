//! Resolving mentions in running text to actors: the entity stage.
//!
//! Reads the document's words and fills [`Document::entities`]. Three passes, each over the
//! words of one sentence:
//! 1. names of the dictionary, longest first, that carry a code on the article's date
//!    ("Bashar Al Assad", "the Kremlin", "HTS"), starting at a capitalised word;
//! 2. a country adjective followed by a role word ("Syrian officials" → `SYRGOV`,
//!    "Russian warplanes" → `RUSMIL`), and lone role words that name a kind of actor without
//!    a country ("human rights groups" → `NGO`);
//! 3. short forms of people already found ("Al Sharaa" after "Ahmad Al Sharaa").
//!
//! It does not find names the dictionary lacks (the NER stage does) and does not resolve
//! pronouns (coreference does).

use std::collections::HashMap;

use crate::actors::{ActorDictionary, ActorKind, ActorMatch, Date, codes, name};
use crate::document::{Document, Entity, EntityType, Span};

/// The longest name, in words, that the resolver tries ("Combined Joint Task Force -
/// Operation Inherent Resolve" is nine).
const MAX_WORDS: usize = 10;

/// Words that never start a name on their own even when capitalised at a sentence start.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "he", "her", "his", "if", "in", "it",
    "its", "of", "on", "or", "she", "so", "that", "their", "they", "this", "to", "we", "with",
];

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// The entity type a dictionary match gives.
fn entity_type(m: &ActorMatch<'_>) -> EntityType {
    match m.kind {
        ActorKind::Country => EntityType::Gpe,
        ActorKind::Adjective => EntityType::Norp,
        ActorKind::Person => EntityType::Person,
        ActorKind::Metonym => {
            // A one-word metonym is a city standing for its government ("Moscow",
            // "Damascus"), still a place; a seat of power named by a phrase ("the White
            // House", "Downing Street") is an organisation in use.
            if m.entry.split_whitespace().count() == 1 {
                EntityType::Gpe
            } else {
                EntityType::Org
            }
        }
        ActorKind::Organisation | ActorKind::Media | ActorKind::Group | ActorKind::Agent => {
            EntityType::Org
        }
    }
}

/// Prefers the most specific kind when a name matches several entries, and among entries of
/// one kind the one loaded last (hand-written and user files override generated ones).
fn best<'a>(matches: &'a [ActorMatch<'a>]) -> Option<&'a ActorMatch<'a>> {
    let rank = |k: ActorKind| match k {
        ActorKind::Person => 0,
        ActorKind::Group | ActorKind::Organisation | ActorKind::Media => 1,
        ActorKind::Metonym => 2,
        ActorKind::Country => 3,
        ActorKind::Adjective => 4,
        ActorKind::Agent => 5,
    };
    matches.iter().rev().min_by_key(|m| rank(m.kind))
}

/// Collects mentions into entities keyed by what they refer to.
#[derive(Default)]
struct Entities {
    list: Vec<Entity>,
    by_key: HashMap<String, usize>,
}

impl Entities {
    /// Adds a role phrase ("Syrian officials", "rebels") as an organisation-like actor.
    fn add_agent(&mut self, doc: &Document, code: String, span: Span, basis: &str) {
        let phrase = doc.slice(span).to_string();
        self.add(
            agent_key(&code, &phrase),
            &phrase,
            EntityType::Org,
            Some(code),
            Some(basis.to_string()),
            span,
        );
    }

    fn add(
        &mut self,
        key: String,
        name: &str,
        kind: EntityType,
        code: Option<String>,
        basis: Option<String>,
        span: Span,
    ) -> usize {
        let index = *self.by_key.entry(key).or_insert_with(|| {
            self.list.push(Entity {
                name: name.to_string(),
                kind,
                code,
                basis,
                mentions: Vec::new(),
            });
            self.list.len() - 1
        });
        self.list[index].mentions.push(span);
        index
    }
}

/// Resolves the document's mentions to actors with codes valid on its publication date.
pub fn resolve(doc: &mut Document, dict: &ActorDictionary) {
    let date = doc.meta.published.as_deref().and_then(parse_date);
    let lookup = |text: &str| -> Vec<ActorMatch<'_>> {
        match date {
            Some(d) => dict.lookup(text, d),
            None => {
                // With no date, the term that is still open (or the latest) holds.
                let mut all = dict.lookup_any(text);
                all.sort_by_key(|m| (m.to.is_none(), m.from));
                all.pop().into_iter().collect()
            }
        }
    };
    let mut entities = Entities::default();
    let mut taken = vec![false; doc.words.len()];
    let sentences = sentence_words(doc);
    // Acronyms the document defines ("the Ghana Union of Farmers (GUF)"): within it they
    // stand for that name, whatever the dictionary says.
    let acronyms = defined_acronyms(doc, &sentences);

    // Pass 1 and 2: dictionary names, adjective + role phrases, lone role phrases.
    for words in &sentences {
        let mut i = 0;
        while i < words.len() {
            let first = doc.slice(doc.words[words[i]].span);
            // A ship ("USS Mahan", "FS Charles de Gaulle") is its country's navy; a coalition
            // named after its target ("the Global Coalition to Counter ISIL") is
            // international, not the target.
            if let Some((len, code)) = ship(doc, &words[i..])
                .or_else(|| coalition(doc, &words[i..], &|t| !lookup(t).is_empty()))
            {
                let span = Span::new(
                    doc.words[words[i]].span.start,
                    doc.words[words[i + len - 1]].span.end,
                );
                let name = doc.slice(span).to_string();
                let basis = if code == "IGO" {
                    "rule coalition named after its target"
                } else {
                    "rule ship prefix"
                };
                entities.add(
                    format!("ship:{name}"),
                    &name,
                    EntityType::Org,
                    Some(code),
                    Some(basis.to_string()),
                    span,
                );
                for &w in &words[i..i + len] {
                    taken[w] = true;
                }
                i += len;
                continue;
            }
            let mut matched = 0;
            if let Some(&(start, end)) = acronyms.get(first) {
                // The long name's entity, when the dictionary knew it; else coreference
                // links the acronym to the name.
                let long = Span::new(doc.words[start].span.start, doc.words[end].span.end);
                if let Some(e) = entities.list.iter_mut().find(|e| {
                    e.mentions
                        .iter()
                        .any(|m| m.end == long.end && m.start <= long.start)
                }) {
                    e.mentions.push(doc.words[words[i]].span);
                }
                taken[words[i]] = true;
                i += 1;
                continue;
            }
            let lower_first = first.to_lowercase();
            let can_start = (starts_upper(first)
                && !FUNCTION_WORDS.contains(&lower_first.as_str()))
                || (particle_start(first)
                    && words.get(i + 1).is_some_and(|&w| {
                        doc.slice(doc.words[w].span).starts_with(['-', '\u{2010}'])
                            || starts_upper(doc.slice(doc.words[w].span))
                    }))
                || (lower_first == "the"
                    && words
                        .get(i + 1)
                        .is_some_and(|&w| starts_upper(doc.slice(doc.words[w].span))));
            if can_start {
                for n in (1..=MAX_WORDS.min(words.len() - i)).rev() {
                    if n == 1 && particle_start(first) {
                        continue;
                    }
                    let last = doc.slice(doc.words[words[i + n - 1]].span);
                    if is_possessive(last) || (n > 1 && !last.chars().any(char::is_alphanumeric)) {
                        continue;
                    }
                    let span = Span::new(
                        doc.words[words[i]].span.start,
                        doc.words[words[i + n - 1]].span.end,
                    );
                    let text = doc.slice(span);
                    if text.matches('(').count() != text.matches(')').count() {
                        continue;
                    }
                    let found = lookup(text);
                    // A name has capitals, except a seat of power or a people the dictionary
                    // lists with lower-case words after a capitalised one ("Jewish
                    // settlers", "Syrian regime").
                    let listed_seat = n > 1
                        && starts_upper(first)
                        && best(&found).is_some_and(|m| m.kind == ActorKind::Metonym);
                    if !capitalised_name(text) && !listed_seat {
                        continue;
                    }
                    let Some(m) = best(&found) else {
                        // A person the dictionary knows who holds no term on the date keeps
                        // his country; a title right before the name gives the role.
                        if date.is_some()
                            && let Some((code, basis)) =
                                person_without_term(doc, dict, &words[..i], text)
                        {
                            entities.add(
                                format!("undated:{}", name::normalize(text)),
                                text,
                                EntityType::Person,
                                Some(code),
                                Some(basis),
                                span,
                            );
                            matched = n;
                            break;
                        }
                        continue;
                    };
                    if m.kind == ActorKind::Agent {
                        continue;
                    }
                    // "West" without its article is a surname or part of a place's name
                    // ("Fred West", "West Yorkshire"), and so is "the West" before another
                    // capitalised word ("the West Coast Main Line"); "the West" alone is the
                    // region.
                    if name::normalize(text) == "west"
                        && (!text.to_lowercase().starts_with("the ")
                            || words
                                .get(i + n)
                                .is_some_and(|&w| starts_upper(doc.slice(doc.words[w].span))))
                    {
                        continue;
                    }
                    // A name followed by another proper noun is part of a longer name ("the
                    // Moscow Center for Strategic Studies" is not Moscow).
                    // Only places and seats of power are cut this way; a person's name may be
                    // followed by a day ("Bashar Assad Tuesday").
                    let longer = words.get(i + n).is_some_and(|&w| {
                        let next = &doc.words[w];
                        let next_text = doc.slice(next.span);
                        starts_upper(next_text)
                            && next.upos.as_deref() == Some("PROPN")
                            && !crate::timex::is_calendar_word(&next_text.to_lowercase())
                            // A body of several words before a title is the title's owner
                            // ("US Treasury Secretary X").
                            && !(n > 1 && TITLE_HEADS.contains(&next_text.to_lowercase().as_str()))
                            // A country's mission abroad is its government ("the U.S.
                            // Embassy"), however it is written.
                            && !MISSIONS.contains(&next_text.to_lowercase().as_str())
                    });
                    if longer && matches!(m.kind, ActorKind::Metonym | ActorKind::Country) {
                        continue;
                    }
                    if matches!(m.kind, ActorKind::Metonym | ActorKind::Country)
                        && inside_a_title(doc, &words[..i], text)
                    {
                        continue;
                    }
                    if inside_a_campaign(doc, &words[..i]) {
                        continue;
                    }
                    // "Russian warplanes", "Syrian government source": adjective + role. A
                    // country or a seat of power written before a role word does the same
                    // ("the Gibraltar government", "Dublin officials", "Iraq police").
                    let country = match m.kind {
                        ActorKind::Adjective => Some(m.code),
                        ActorKind::Country | ActorKind::Metonym => {
                            Some(codes::root(m.code)).filter(|root| !codes::is_non_state_root(root))
                        }
                        _ => None,
                    };
                    // An adjective may stand one or two lower-case adjectives before the
                    // role ("English local authorities", "Syrian pro-government militias").
                    let gaps = if m.kind == ActorKind::Adjective { 2 } else { 0 };
                    let role = country.and_then(|country| {
                        (0..=gaps).find_map(|gap| {
                            let between = words.get(i + n..i + n + gap)?;
                            let adjectives = between.iter().all(|&w| {
                                doc.words[w].upos.as_deref() == Some("ADJ")
                                    && !starts_upper(doc.slice(doc.words[w].span))
                            });
                            if !adjectives {
                                return None;
                            }
                            role_phrase(doc, dict, words, i + n + gap, country)
                                .map(|(len, code)| (gap + len, code))
                        })
                    });
                    if let Some((len, code)) = role {
                        let end = doc.words[words[i + n + len - 1]].span.end;
                        let basis = if m.kind == ActorKind::Adjective {
                            "rule adjective+role"
                        } else {
                            "rule place+role"
                        };
                        entities.add_agent(doc, code, Span::new(span.start, end), basis);
                        matched = n + len;
                        break;
                    }
                    // A people named by two countries ("Bosnian Serbs", "Kosovo Albanians")
                    // belongs to the first: the second names its ethnicity.
                    if let Some(country) = country
                        && matches!(m.kind, ActorKind::Adjective | ActorKind::Country)
                        && let Some(&next) = words.get(i + n)
                        && let Some(other) = demonym(dict, doc.slice(doc.words[next].span))
                        && other != country
                    {
                        let end = doc.words[next].span.end;
                        entities.add_agent(
                            doc,
                            country.to_string(),
                            Span::new(span.start, end),
                            "rule compound demonym",
                        );
                        matched = n + 1;
                        break;
                    }
                    // A committee of a legislature named in lower case ("the Commons science
                    // and technology committee", "the Senate foreign relations committee")
                    // is an actor of its own with the legislature's code.
                    if m.kind == ActorKind::Organisation
                        && m.code.ends_with("LEG")
                        && let Some(len) = committee_words(doc, &words[i + n..])
                    {
                        let end = doc.words[words[i + n + len - 1]].span.end;
                        let whole = Span::new(span.start, end);
                        entities.add(
                            format!("committee:{}", name::normalize(doc.slice(whole))),
                            doc.slice(whole),
                            EntityType::Org,
                            Some(m.code.to_string()),
                            Some("rule a legislature's committee".to_string()),
                            whole,
                        );
                        matched = n + len;
                        break;
                    }
                    // A broadcaster's channel or regional service ("BBC Scotland", "BBC
                    // Radio Sheffield") is the broadcaster, not the place.
                    let channel = if m.kind == ActorKind::Media {
                        channel_words(doc, dict, &words[i + n..])
                    } else {
                        staff_words(doc, m, &words[i + n..])
                    };
                    let span = if channel > 0 {
                        Span::new(span.start, doc.words[words[i + n + channel - 1]].span.end)
                    } else {
                        span
                    };
                    let key = format!("{}:{}", m.kind.as_str(), m.entry);
                    let basis = format!("{} {} {:?}", m.file, m.kind.as_str(), m.entry);
                    entities.add(
                        key,
                        m.entry,
                        entity_type(m),
                        Some(m.code.to_string()),
                        Some(basis),
                        span,
                    );
                    matched = n + channel;
                    break;
                }
            }
            // "the Commission" after "the European Commission": a body's own word alone
            // after "the" is that body.
            if matched == 0
                && lower_first == "the"
                && let Some(&next) = words.get(i + 1)
                && words
                    .get(i + 2)
                    .is_none_or(|&w| !starts_upper(doc.slice(doc.words[w].span)))
            {
                let span = Span::new(doc.words[words[i]].span.start, doc.words[next].span.end);
                let head = doc.slice(doc.words[next].span);
                if let Some(body) = body_named_before(doc, &entities.list, head, span.start) {
                    entities.list[body].mentions.push(span);
                    matched = 2;
                }
            }
            if matched == 0 {
                // A lone role phrase with a country-free code: "human rights groups" → NGO.
                // A capitalised role word inside a longer name the entity tagger found ("the
                // Society of Motor Manufacturers and Traders") is part of that name.
                if let Some((len, code)) = role_phrase(doc, dict, words, i, "")
                    && code.len() >= 3
                    && !inside_a_longer_name(doc, words[i], words[i + len - 1])
                    && !inside_a_body_name(doc, words, i)
                {
                    // "Security forces in X", "soldiers of X": the country named right after.
                    // Troops or refugees "in" a country are often foreign there.
                    let code = match country_after(doc, dict, &words[i + len..]) {
                        Some((country, of))
                            if code.starts_with("---")
                                && (of || !matches!(code.get(3..), Some("MIL" | "REF"))) =>
                        {
                            codes::combine(country, code.get(3..).unwrap_or(""))
                        }
                        _ => code,
                    };
                    let end = doc.words[words[i + len - 1]].span.end;
                    entities.add_agent(
                        doc,
                        code,
                        Span::new(doc.words[words[i]].span.start, end),
                        "rule role word",
                    );
                    matched = len;
                }
            }
            for &w in &words[i..i + matched] {
                taken[w] = true;
            }
            i += matched.max(1);
        }
    }

    // Pass 3: short forms of people found ("Al Sharaa", "Putin"), anywhere in the text.
    let mut short_forms: HashMap<String, usize> = HashMap::new();
    for (index, e) in entities.list.iter().enumerate() {
        if e.kind != EntityType::Person {
            continue;
        }
        for span in &e.mentions {
            let parts: Vec<&str> = doc.slice(*span).split_whitespace().collect();
            for k in 1..parts.len() {
                let suffix = parts[k..].join(" ");
                if starts_upper(parts[k])
                    && suffix.chars().filter(|c| c.is_alphabetic()).count() >= 3
                {
                    short_forms.entry(name::normalize(&suffix)).or_insert(index);
                }
            }
        }
    }
    if !short_forms.is_empty() {
        for words in &sentences {
            let mut i = 0;
            while i < words.len() {
                let mut matched = 0;
                if !taken[words[i]] && starts_upper(doc.slice(doc.words[words[i]].span)) {
                    for n in (1..=3.min(words.len() - i)).rev() {
                        if words[i..i + n].iter().any(|&w| taken[w]) {
                            continue;
                        }
                        let span = Span::new(
                            doc.words[words[i]].span.start,
                            doc.words[words[i + n - 1]].span.end,
                        );
                        if let Some(&index) = short_forms.get(&name::normalize(doc.slice(span))) {
                            entities.list[index].mentions.push(span);
                            for &w in &words[i..i + n] {
                                taken[w] = true;
                            }
                            matched = n;
                            break;
                        }
                    }
                }
                i += matched.max(1);
            }
        }
    }
    for e in &mut entities.list {
        e.mentions.sort();
        e.mentions.dedup();
    }
    // Pass 4: a role word written as a name in mid-sentence ("Parliament", "the Cabinet",
    // "Great Ormond Street Hospital") is an institution of the article's main country,
    // unless a body named before has that word in its name ("the European Court of
    // Justice ... the Court") or the office is one the article's country lacks ("the
    // Senate" in a British article is American).
    let home = home_country(&entities.list);
    for index in 0..entities.list.len() {
        let e = &entities.list[index];
        if e.code.as_deref().is_none_or(|c| !c.starts_with("---"))
            || e.basis.as_deref() != Some("rule role word")
        {
            continue;
        }
        let Some(&m) = e.mentions.iter().find(|&&m| capitalised_role(doc, m)) else {
            continue;
        };
        let head = doc.slice(m).split_whitespace().last().unwrap_or("");
        let found = after_the(doc, m)
            .then(|| body_named_before(doc, &entities.list, head, m.start))
            .flatten();
        if let Some(code) = found.and_then(|b| entities.list[b].code.clone()) {
            let e = &mut entities.list[index];
            e.code = Some(code);
            e.basis = Some("rule head word of a body named before".to_string());
        } else if head.eq_ignore_ascii_case("senate")
            && home
                .as_deref()
                .is_some_and(|h| !crate::coref::COUNTRIES_WITH_SENATORS.contains(&h))
        {
            let e = &mut entities.list[index];
            e.code = Some("USALEG".to_string());
            e.basis = Some("rule an office the article's country lacks".to_string());
        }
    }
    if let Some(home) = home {
        for e in &mut entities.list {
            let Some(role) = e.code.as_deref().and_then(|c| c.strip_prefix("---")) else {
                continue;
            };
            if e.basis.as_deref() == Some("rule role word")
                && e.mentions.iter().any(|&m| capitalised_role(doc, m))
            {
                e.code = Some(codes::combine(&home, role));
                e.basis = Some("rule role word as a name, the article's country".to_string());
            }
        }
    }
    entities.list.sort_by_key(|e| e.mentions.first().copied());
    doc.entities = entities.list;
}

/// The code of a person the dictionary knows but who holds no term on the document's date
/// (see `ActorDictionary::person_without_term`), and its basis: his country with the role
/// of a title right before the name ("President X" → GOV), else his country alone.
fn person_without_term(
    doc: &Document,
    dict: &ActorDictionary,
    before: &[usize],
    name: &str,
) -> Option<(String, String)> {
    // The title before the name, or the name's own first word ("President X").
    let own = name
        .split_whitespace()
        .next()
        .filter(|_| name.contains(' '));
    let title = own
        .or_else(|| before.last().map(|&w| doc.slice(doc.words[w].span)))
        .filter(|t| starts_upper(t))
        .and_then(|t| dict.agent_role(t));
    let (m, country) = dict.person_without_term(name, title.is_some())?;
    // "former President X" is a former official.
    let former = before.len() >= 2
        && matches!(
            doc.slice(doc.words[before[before.len() - 2]].span)
                .to_lowercase()
                .as_str(),
            "former" | "ex"
        );
    let code = match title {
        Some(_) if former => codes::combine(country, "ELI"),
        Some(role) => codes::combine(country, role),
        None => country.to_string(),
    };
    let basis = format!("{} person {:?}, no term on the date", m.file, m.entry);
    Some((code, basis))
}

/// The country of a demonym written as a plural noun after another country's adjective
/// ("Serbs" of "Bosnian Serbs"), if the word is one.
fn demonym<'d>(dict: &'d ActorDictionary, word: &str) -> Option<&'d str> {
    if !starts_upper(word) || !word.ends_with('s') {
        return None;
    }
    dict.adjective_country(word)
}

/// Words naming a broadcaster's channel or regional service after its name: channel words
/// ("Radio", "News", "One") and a place the dictionary or the gazetteer knows, ending with
/// the place or a channel word ("BBC Scotland", "BBC Radio Sheffield", "BBC News 24").
fn channel_words(doc: &Document, dict: &ActorDictionary, after: &[usize]) -> usize {
    const CHANNEL: &[&str] = &[
        "radio",
        "news",
        "one",
        "two",
        "three",
        "four",
        "world",
        "service",
        "online",
        "tv",
        "television",
        "24",
    ];
    let mut n = 0;
    let mut place_seen = false;
    for &w in after.iter().take(3) {
        let text = doc.slice(doc.words[w].span);
        if CHANNEL.contains(&text.to_lowercase().as_str())
            && (starts_upper(text) || text.chars().all(|c| c.is_ascii_digit()))
        {
            n += 1;
            continue;
        }
        let place = starts_upper(text)
            && !place_seen
            && (dict
                .lookup_any(text)
                .iter()
                .any(|m| matches!(m.kind, ActorKind::Country | ActorKind::Metonym))
                || crate::places::embedded_gazetteer().is_ok_and(|g| !g.lookup(text).is_empty()));
        if !place {
            break;
        }
        place_seen = true;
        n += 1;
    }
    // A capitalised word after the channel is a longer name, or a person's: leave it.
    if after
        .get(n)
        .is_some_and(|&w| starts_upper(doc.slice(doc.words[w].span)))
    {
        return 0;
    }
    n
}

/// The number of lower-case words after a legislature's name that end in "committee"
/// ("science and technology committee"), at most five, none of them a function word.
fn committee_words(doc: &Document, after: &[usize]) -> Option<usize> {
    const STOP: &[&str] = &[
        "that", "the", "a", "an", "to", "of", "on", "in", "it", "which", "who", "its", "their",
        "this", "was", "is", "has", "had", "by", "for", "with", "as", "at",
    ];
    for (k, &w) in after.iter().take(5).enumerate() {
        let text = doc.slice(doc.words[w].span);
        if matches!(text, "committee" | "committees" | "subcommittee") {
            return (k > 0).then_some(k + 1);
        }
        let content = doc.words[w]
            .upos
            .as_deref()
            .is_none_or(|u| matches!(u, "NOUN" | "ADJ" | "CCONJ"));
        if !text.chars().all(|c| c.is_lowercase() || c == '-') || STOP.contains(&text) || !content {
            return None;
        }
    }
    None
}

/// The country named by "in" or "of" (with "the") right after a role phrase ("security
/// forces in X", "the army of X"); a country with a possessive after it owns the noun that
/// follows, not the role ("the leader of Britain's biggest union").
/// The second value is true for "of".
fn country_after<'d>(
    doc: &Document,
    dict: &'d ActorDictionary,
    after: &[usize],
) -> Option<(&'d str, bool)> {
    let text = |k: usize| after.get(k).map(|&w| doc.slice(doc.words[w].span));
    if !matches!(text(0), Some("in" | "of")) {
        return None;
    }
    let of = text(0) == Some("of");
    let start = if text(1) == Some("the") { 2 } else { 1 };
    // The country's whole name: up to three capitalised words.
    (1..=3).rev().find_map(|len| {
        let words = after.get(start..start + len)?;
        if !words
            .iter()
            .all(|&w| starts_upper(doc.slice(doc.words[w].span)))
        {
            return None;
        }
        // A longer name goes on ("the army of Sierra Leone"): not cut.
        if text(start + len).is_some_and(|t| matches!(t, "'s" | "\u{2019}s" | "'" | "\u{2019}")) {
            return None;
        }
        let span = Span::new(
            doc.words[words[0]].span.start,
            doc.words[words[len - 1]].span.end,
        );
        dict.lookup_any(doc.slice(span))
            .into_iter()
            .find(|m| m.kind == ActorKind::Country)
            .map(|m| codes::root(m.code))
            .filter(|root| dict.is_country(root))
            .map(|root| (root, of))
    })
}

/// The acronyms a document defines by writing them in brackets right after a name whose
/// capitalised words start with its letters ("Ghana Union of Farmers (GUF)", "the Syria
/// Recovery Trust Fund (SRTF)"), each with the first and last word of the name.
fn defined_acronyms(doc: &Document, sentences: &[Vec<usize>]) -> HashMap<String, (usize, usize)> {
    let mut out = HashMap::new();
    let text = |w: usize| doc.slice(doc.words[w].span);
    for words in sentences {
        for k in 1..words.len().saturating_sub(2) {
            let acronym = text(words[k + 1]);
            let letters = acronym.chars().count();
            if text(words[k]) != "("
                || text(words[k + 2]) != ")"
                || !(2..=6).contains(&letters)
                || !acronym.chars().all(|c| c.is_ascii_uppercase())
            {
                continue;
            }
            // The name's words, back from the bracket: capitalised words and the small words
            // inside names.
            let mut start = k;
            let mut initials: Vec<char> = Vec::new();
            while start > 0 {
                let w = text(words[start - 1]);
                let Some(c) = w.chars().next() else { break };
                if c.is_uppercase() {
                    initials.insert(0, c);
                } else if !matches!(w, "of" | "for" | "and" | "on" | "the" | "in") {
                    break;
                }
                start -= 1;
                if initials.len() >= letters + 2 {
                    break;
                }
            }
            // The acronym's letters are the initials of the name's last capitalised words.
            while start < k && !text(words[start]).starts_with(char::is_uppercase) {
                start += 1;
            }
            let fits = initials.len() >= letters
                && initials[initials.len() - letters..]
                    .iter()
                    .zip(acronym.chars())
                    .all(|(a, b)| *a == b);
            if !fits {
                continue;
            }
            // The name starts at the capitalised word of the acronym's first letter.
            let mut skip = initials.len() - letters;
            while skip > 0 && start < k {
                start += 1;
                if text(words[start]).starts_with(char::is_uppercase) {
                    skip -= 1;
                }
            }
            out.insert(acronym.to_string(), (words[start], words[k - 1]));
        }
    }
    out
}

/// True when a name whose words follow `before` (the sentence's earlier words) ends a
/// campaign's name ("the Campaign for a Scottish Parliament") or a body's name that goes on
/// over "for" and an article ("the Foundation for the Freedom of Ruritania"): the whole name
/// is the body, not the body or place it is named after.
fn inside_a_campaign(doc: &Document, before: &[usize]) -> bool {
    let word = |back: usize| {
        before
            .len()
            .checked_sub(back)
            .map(|k| doc.slice(doc.words[before[k]].span))
    };
    let back = if word(1).is_some_and(|w| matches!(w, "a" | "an" | "the")) {
        2
    } else {
        1
    };
    if word(back) == Some("for") && word(back + 1) == Some("Campaign") {
        return true;
    }
    // A place at the end of a body's name that goes on over "for" and an article ("the
    // Foundation for the Freedom of Ruritania"): the place is part of the body's name.
    if word(1) != Some("of") {
        return false;
    }
    let mut k = 2;
    while word(k).is_some_and(starts_upper) {
        k += 1;
    }
    k > 2
        && word(k).is_some_and(|w| matches!(w, "the" | "a" | "an"))
        && word(k + 1) == Some("for")
        && word(k + 2).is_some_and(starts_upper)
}

/// The United Kingdom's nations, whose names end many names of bodies and titles ("the
/// Church of England", "the Prince of Wales", "the Standards Board for England").
const UK_NATIONS: &[&str] = &["England", "Scotland", "Wales", "Northern Ireland"];

/// True when a place name whose words follow `before` (the sentence's earlier words) is
/// part of a person's title: a peer's ("Baroness Scotland") or, for a nation of the United
/// Kingdom, a body's or a royal's ("the Church of England", "princess of Wales").
fn inside_a_title(doc: &Document, before: &[usize], name: &str) -> bool {
    let word = |back: usize| {
        before
            .len()
            .checked_sub(back)
            .map(|k| doc.slice(doc.words[before[k]].span))
    };
    if word(1).is_some_and(|w| matches!(w, "Lord" | "Baroness" | "Lady")) {
        return true;
    }
    // A peer's territorial title ("Lord X of Y", "Baroness X of Y"): the place is part of
    // the peer's name.
    if word(1) == Some("of")
        && word(2).is_some_and(starts_upper)
        && word(3).is_some_and(|w| matches!(w, "Lord" | "Baroness" | "Lady"))
    {
        return true;
    }
    // A body named after its place ("the University of London", "the Museum of Scotland",
    // "the Bishop of Durham"): the place is part of the body's name.
    if word(1) == Some("of")
        && word(2).is_some_and(|w| BODIES_OF_PLACES.contains(&w.to_lowercase().as_str()))
        && word(2).is_some_and(starts_upper)
    {
        return true;
    }
    UK_NATIONS.contains(&name)
        && word(1).is_some_and(|w| matches!(w, "of" | "for"))
        && word(2).is_some_and(|w| {
            starts_upper(w) || matches!(w, "prince" | "princess" | "church" | "bank")
        })
}

/// Titles that may follow the name of the body they belong to ("US Treasury Secretary",
/// "State Department spokesman").
const TITLE_HEADS: &[&str] = &[
    "secretary",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "director",
    "chief",
    "official",
    "officials",
    "commander",
    "ambassador",
    "envoy",
    "general",
    "gen.",
    "gen",
    "admiral",
    "adm.",
    "colonel",
    "col.",
    "major",
    "maj.",
    "lieutenant",
    "lt.",
    "captain",
    "capt.",
    "sergeant",
    "sgt.",
    "brigadier",
    "brig.",
];

/// Capitalised head words of bodies and offices named after a place with "of" ("the
/// University of London", "the Bishop of Durham"), whose place is no actor of its own.
const BODIES_OF_PLACES: &[&str] = &[
    "university",
    "college",
    "school",
    "institute",
    "museum",
    "gallery",
    "library",
    "church",
    "cathedral",
    "diocese",
    "bishop",
    "archbishop",
    "hospital",
    "infirmary",
    "council",
    "chamber",
    "port",
];

/// Ship prefixes and the country whose navy uses them.
const SHIP_PREFIXES: &[(&str, &str)] = &[
    ("USS", "USA"),
    ("USNS", "USA"),
    ("USCGC", "USA"),
    ("HMS", "GBR"),
    ("RFA", "GBR"),
    ("FS", "FRA"),
    ("HMAS", "AUS"),
    ("HMCS", "CAN"),
    ("HMNZS", "NZL"),
    ("FGS", "DEU"),
    ("HNLMS", "NLD"),
    ("HDMS", "DNK"),
    ("HNoMS", "NOR"),
    ("HSwMS", "SWE"),
    ("TCG", "TUR"),
    ("ROKS", "KOR"),
    ("ESPS", "ESP"),
    ("NRP", "PRT"),
    ("BRP", "PHL"),
    ("KRI", "IDN"),
];

/// A ship's prefix and name at the start of `words` ("USS Mahan", "FS Charles de Gaulle"):
/// its length in words and its navy's code.
fn ship(doc: &Document, words: &[usize]) -> Option<(usize, String)> {
    let prefix = doc.slice(doc.words[*words.first()?].span);
    let country = SHIP_PREFIXES
        .iter()
        .find(|(p, _)| *p == prefix.trim_end_matches('.'))?
        .1;
    let mut len = 1;
    while let Some(&w) = words.get(len) {
        let text = doc.slice(doc.words[w].span);
        let particle = [
            "de", "del", "der", "da", "di", "du", "la", "le", "van", "von",
        ]
        .contains(&text)
            && words
                .get(len + 1)
                .is_some_and(|&n| starts_upper(doc.slice(doc.words[n].span)));
        if !(starts_upper(text) || particle) || len > 4 {
            break;
        }
        len += 1;
    }
    (len > 1).then(|| (len, codes::combine(country, "MIL")))
}

/// A coalition named after what it fights at the start of `words`: "Global Coalition to
/// Counter ISIL", "Coalition against Daesh", "Counter ISIL Coalition". Its length in words
/// and the code of an international body. The target is the longest name of up to three
/// words that `known` accepts, else one word.
fn coalition(
    doc: &Document,
    words: &[usize],
    known: &dyn Fn(&str) -> bool,
) -> Option<(usize, String)> {
    let text = |k: usize| words.get(k).map(|&w| doc.slice(doc.words[w].span));
    let capital = |k: usize| text(k).is_some_and(starts_upper);
    let is = |k: usize, options: &[&str]| {
        text(k).is_some_and(|t| options.iter().any(|o| t.eq_ignore_ascii_case(o)))
    };
    let fight = ["counter", "defeat", "fight", "combat"];
    // "Counter ISIL Coalition".
    if is(0, &fight) {
        let end = (1..5).find(|&k| is(k, &["coalition"]))?;
        return ((1..end).all(capital) && end > 1).then(|| (end + 1, "IGO".to_string()));
    }
    // "[Global] Coalition to Counter ISIL", "Coalition against Daesh".
    let at = (0..4).find(|&k| is(k, &["coalition"]))?;
    let function_word = |k: usize| {
        text(k).is_some_and(|t| {
            let t = t.to_lowercase();
            t == "the" || FUNCTION_WORDS.contains(&t.as_str())
        })
    };
    if !(0..=at).all(|k| capital(k) && !function_word(k)) {
        return None;
    }
    let name_start = if is(at + 1, &["to"]) && is(at + 2, &fight) {
        at + 3
    } else if is(at + 1, &["against"]) {
        at + 2
    } else {
        return None;
    };
    if !capital(name_start) {
        return None;
    }
    let end = (name_start + 1..name_start + 4)
        .rev()
        .find(|&end| {
            (name_start..end).all(capital)
                && end <= words.len()
                && known(doc.slice(Span::new(
                    doc.words[words[name_start]].span.start,
                    doc.words[words[end - 1]].span.end,
                )))
        })
        .unwrap_or(name_start + 1);
    Some((end, "IGO".to_string()))
}

/// True when the mention `span` is, or follows, the article "the" ("the Commission").
pub(crate) fn after_the(doc: &Document, span: Span) -> bool {
    let text = doc.slice(span);
    if text.to_lowercase().starts_with("the ") {
        return true;
    }
    let Some(first) = doc.words.iter().position(|w| w.span.start >= span.start) else {
        return false;
    };
    first > 0
        && doc.words[first - 1].sentence == doc.words[first].sentence
        && doc
            .slice(doc.words[first - 1].span)
            .eq_ignore_ascii_case("the")
}

/// The dictionary body named before byte `before` whose name, written in two or more words,
/// has `head` as its head word ("the European Commission" and "the European Court of
/// Justice" for "Commission" and "Court"): the most recent one. Bodies made by rules are
/// not used.
pub(crate) fn body_named_before(
    doc: &Document,
    entities: &[Entity],
    head: &str,
    before: usize,
) -> Option<usize> {
    if head.chars().count() < 4 || !starts_upper(head) {
        return None;
    }
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == EntityType::Org
                && e.code.is_some()
                && e.basis.as_deref().is_some_and(|b| !b.starts_with("rule"))
        })
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (i, *m)))
        .filter(|(_, m)| m.end <= before)
        .filter(|(_, m)| {
            // The head of the name: the word before "of" or "for", else the last word.
            let words: Vec<&str> = doc.slice(*m).split_whitespace().collect();
            let cut = words
                .iter()
                .position(|w| matches!(*w, "of" | "for" | "on"))
                .unwrap_or(words.len());
            words.len() >= 2 && cut >= 2 && words[cut - 1] == head
        })
        .max_by_key(|(_, m)| m.start)
        .map(|(i, _)| i)
}

/// True when the last word of a role phrase is capitalised and does not start its sentence.
fn capitalised_role(doc: &Document, span: Span) -> bool {
    let Some(last) = doc
        .words
        .iter()
        .rposition(|w| w.span.end <= span.end && w.span.start >= span.start)
    else {
        return false;
    };
    let word = &doc.words[last];
    let sentence_start = last == 0 || doc.words[last - 1].sentence != word.sentence;
    starts_upper(doc.slice(word.span)) && !sentence_start
}

/// The country named most often by the coded mentions of a document's entities (not
/// counting international roots such as `IGO`), the article's main country.
pub(crate) fn home_country(entities: &[Entity]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in entities {
        if let Some(c) = e
            .country()
            .filter(|c| c.chars().all(|x| x.is_ascii_uppercase()))
        {
            if codes::is_non_state_root(c) {
                continue;
            }
            *counts.entry(c).or_default() += e.mentions.len();
        }
    }
    counts
        .into_iter()
        .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
        .map(|(c, _)| c.to_string())
}

/// A role phrase at word `at` that is an actor of its own: a role followed by a name is a
/// title ("Russian President Vladimir Putin", "Foreign Minister Sergei Lavrov"), and the
/// name, found next, is the actor.
fn role_phrase(
    doc: &Document,
    dict: &ActorDictionary,
    words: &[usize],
    at: usize,
    country: &str,
) -> Option<(usize, String)> {
    role_after(doc, dict, words, at, country).filter(|(len, _)| {
        // A capitalised word after the role makes a longer name, but for a title after a
        // mission ("the U.S. Embassy Chargé d'Affaires").
        let mission = MISSIONS.contains(
            &doc.slice(doc.words[words[at + len - 1]].span)
                .to_lowercase()
                .as_str(),
        );
        mission
            || words
                .get(at + len)
                .is_none_or(|&w| !starts_upper(doc.slice(doc.words[w].span)))
    })
}

/// A role phrase starting at word `at` of a sentence ("warplanes", "government source",
/// "human rights groups"): how many words it spans and the code it gives with `country`
/// (empty for none). The longest role phrase wins ("military officials" over "military").
fn role_after(
    doc: &Document,
    dict: &ActorDictionary,
    words: &[usize],
    at: usize,
    country: &str,
) -> Option<(usize, String)> {
    for n in (1..=4.min(words.len().saturating_sub(at))).rev() {
        let span = Span::new(
            doc.words[words[at]].span.start,
            doc.words[words[at + n - 1]].span.end,
        );
        let text = doc.slice(span);
        if text.chars().next().is_some_and(|c| !c.is_alphabetic()) {
            return None;
        }
        let last = doc.slice(doc.words[words[at + n - 1]].span);
        if !text.chars().last().is_some_and(char::is_alphanumeric) || is_possessive(last) {
            continue;
        }
        // A role word used as an adjective on another noun names no actor ("the general
        // election", "general secretary", "a military court").
        let modifier = doc.words[words[at + n - 1]].upos.as_deref() == Some("ADJ")
            && words
                .get(at + n)
                .is_some_and(|&w| doc.words[w].upos.as_deref() == Some("NOUN"));
        if modifier || civil_general(doc, words, at, n) {
            continue;
        }
        if let Some(role) = dict.agent_role(text) {
            let code = if country.is_empty() {
                role_only_code(role)
            } else {
                codes::combine(country, role)
            };
            return Some((n, code));
        }
    }
    None
}

/// A country's missions abroad, which stand for its government when the country's name or
/// adjective comes before them ("the U.S. Embassy", "the British Consulate").
pub(crate) const MISSIONS: &[&str] = &["embassy", "embassies", "consulate", "consulates"];

/// Offices whose holder is a "general" without being a soldier ("director general",
/// "attorney general", "secretary general", "Surgeon General").
const CIVIL_GENERALS: &[&str] = &[
    "director",
    "directors",
    "secretary",
    "attorney",
    "attorneys",
    "solicitor",
    "surgeon",
    "auditor",
    "inspector",
    "postmaster",
    "governor",
    "consul",
    "comptroller",
    "registrar",
    "accountant",
    "paymaster",
    "procurator",
    "advocate",
    "vicar",
];

/// Nouns after "general" that make it part of a civil title or a name ("General
/// Secretary X", "the General Assembly", "general counsel", "General Director").
const AFTER_GENERAL: &[&str] = &[
    "secretary",
    "secretaries",
    "director",
    "directors",
    "assembly",
    "counsel",
    "manager",
    "managers",
    "council",
    "practitioner",
    "practitioners",
    "election",
    "elections",
    "synod",
];

/// True when the role phrase of `n` words at `at` ends in "general" as part of a civil office
/// ("director general", "General Secretary"), which is no military rank.
fn civil_general(doc: &Document, words: &[usize], at: usize, n: usize) -> bool {
    let lower = |w: usize| doc.slice(doc.words[w].span).to_lowercase();
    let last = lower(words[at + n - 1]);
    if !matches!(last.as_str(), "general" | "generals") {
        return false;
    }
    // A hyphen may stand between ("director-general").
    let mut before = at.checked_sub(1);
    if let Some(b) = before.filter(|&b| lower(words[b]) == "-") {
        before = b.checked_sub(1);
    }
    let office_before = before.is_some_and(|b| CIVIL_GENERALS.contains(&lower(words[b]).as_str()));
    let civil_after = words
        .get(at + n)
        .is_some_and(|&w| AFTER_GENERAL.contains(&lower(w).as_str()));
    office_before || civil_after
}

/// Words for the people who speak or act for a body, which after the name of a group or an
/// international body are that body ("UN officials", "Hamas spokesman").
const STAFF: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "delegation",
    "delegates",
    "envoy",
    "envoys",
    "negotiators",
    "leader",
    "leaders",
];

/// How many words after a group's or an international body's name (`after`) name its staff:
/// one for "officials" of "UN officials", else none. A body of a country keeps its own
/// role words ("Labour government" is the government, not the party).
fn staff_words(doc: &Document, m: &ActorMatch<'_>, after: &[usize]) -> usize {
    let international = codes::is_non_state_root(codes::root(m.code));
    if !(m.kind == ActorKind::Group || m.kind == ActorKind::Organisation && international) {
        return 0;
    }
    let Some(&next) = after.first() else {
        return 0;
    };
    usize::from(STAFF.contains(&doc.slice(doc.words[next].span)))
}

/// True when the words `first..=last` start with a capital and lie inside an organisation's
/// name the entity tagger found that goes on after them ("the National Women's Committee");
/// a role word that ends the name is its head and stays ("the United States Senate").
fn inside_a_longer_name(doc: &Document, first: usize, last: usize) -> bool {
    let span = Span::new(doc.words[first].span.start, doc.words[last].span.end);
    starts_upper(doc.slice(doc.words[first].span))
        && doc.mentions.iter().any(|m| {
            m.kind == EntityType::Org && m.span.start <= span.start && span.end < m.span.end
        })
}

/// True when the capitalised word `at` of a sentence goes on a body's name after "and" inside
/// one ("the Society of Motor Manufacturers and Traders"), rather than naming a role of its
/// own. After "of" it may well be the role ("an Act of Parliament").
fn inside_a_body_name(doc: &Document, words: &[usize], at: usize) -> bool {
    let text = |k: usize| doc.slice(doc.words[words[k]].span);
    if at < 2 || !starts_upper(text(at)) || !starts_upper(text(at - 2)) {
        return false;
    }
    match text(at - 1) {
        "and" | "&" => {
            let mut k = at - 2;
            while k > 0 && (starts_upper(text(k)) || text(k) == "and") {
                k -= 1;
            }
            matches!(text(k), "of" | "for") && k > 0 && starts_upper(text(k - 1))
        }
        _ => false,
    }
}

/// The entity key of a role phrase: with a country, all its phrases are one actor ("Syrian
/// officials", "the Syrian government"); without one, each phrase is its own.
fn agent_key(code: &str, phrase: &str) -> String {
    if code.starts_with("---") {
        format!("agent:{code}:{}", name::normalize(phrase))
    } else {
        format!("agent:{code}")
    }
}

/// A role with no country: international roles (NGO, IGO) stand as codes of their own; other
/// roles get the unknown country `---`.
fn role_only_code(role: &str) -> String {
    if codes::is_non_state_root(role) {
        role.to_string()
    } else if role == "HRI" {
        // Human rights groups are non-governmental organisations (CAMEO's NGOHRI).
        "NGOHRI".to_string()
    } else {
        format!("---{role}")
    }
}

/// Lower-case particles that may stand inside a name ("Bashar al-Assad", "Bank of England").
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "as", "bin", "ibn", "bint", "abu", "de", "del", "der", "di", "da", "du",
    "la", "le", "van", "von", "of", "for", "and", "the", "on", "in",
];

/// True for a lower-case Arabic name particle, which starts a name when a hyphen or a
/// capitalised word follows ("al-Qaeda", "bin Laden").
fn particle_start(word: &str) -> bool {
    matches!(word, "al" | "el" | "ad" | "as" | "bin" | "ibn" | "abu")
}

/// True when every word of a phrase that is not a particle or punctuation is capitalised, so
/// that "the guardian" or "chad" in lower case are not taken for names.
fn capitalised_name(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .all(|w| {
            starts_upper(w)
                || NAME_PARTICLES.contains(&w.to_lowercase().as_str())
                || !w.chars().next().is_some_and(char::is_alphabetic)
        })
}

/// The word indexes of each sentence.
fn sentence_words(doc: &Document) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); doc.sentences.len()];
    for (i, w) in doc.words.iter().enumerate() {
        if let Some(list) = out.get_mut(w.sentence as usize) {
            list.push(i);
        }
    }
    out
}

/// The article date as a dictionary date; a month or a year counts from its first day.
fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text).or_else(|| {
        let mut parts = text.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
        Date::new(year, month, 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ArticleMeta, BlockKind};

    fn check(text: &str, published: &str, expected: &[&str]) {
        let meta = ArticleMeta {
            published: Some(published.into()),
            ..ArticleMeta::default()
        };
        let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
        crate::segment::segment(&mut doc);
        let dict = ActorDictionary::embedded().unwrap();
        resolve(&mut doc, &dict);
        let got: Vec<String> = doc
            .entities
            .iter()
            .map(|e| {
                let mentions: Vec<&str> = e.mentions.iter().map(|m| doc.slice(*m)).collect();
                format!(
                    "{} {:?} [{}]",
                    e.code.as_deref().unwrap_or("-"),
                    e.kind,
                    mentions.join("|")
                )
            })
            .collect();
        assert_eq!(got, expected, "\n{}", got.join("\n"));
    }

    /// One paragraph dated 2005-03-16 through every stage of the pipeline.
    fn whole_pipeline(text: &str) -> Document {
        let meta = ArticleMeta {
            published: Some("2005-03-16".into()),
            ..ArticleMeta::default()
        };
        let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
        crate::Pipeline::default().run(&mut doc);
        doc
    }

    /// The mentions of every entity whose code is military.
    fn military_mentions(doc: &Document) -> Vec<&str> {
        doc.entities
            .iter()
            .filter(|e| e.code.as_deref().is_some_and(|c| c.ends_with("MIL")))
            .flat_map(|e| e.mentions.iter().map(|m| doc.slice(*m)))
            .collect()
    }

    #[test]
    fn a_role_word_used_as_an_adjective_names_no_actor() {
        // "general" is a military role word, but not in "the general election".
        let text = "The party will fight the general election on tax. The general said the army was ready.";
        let doc = whole_pipeline(text);
        let military = military_mentions(&doc);
        let election = text.find("general election").unwrap_or(0);
        assert!(
            doc.entities.iter().all(|e| e
                .mentions
                .iter()
                .all(|m| m.end <= election || m.start > election + 7)),
            "{military:?}"
        );
        assert!(military.contains(&"The general"), "{military:?}");
    }

    #[test]
    fn a_general_of_a_civil_office_is_no_soldier() {
        let text = "The director general of the chamber spoke. The Attorney-General and the \
                    General Secretary of the party agreed. The general said the army was ready.";
        let doc = whole_pipeline(text);
        assert_eq!(military_mentions(&doc), ["The general", "the army"]);
    }

    #[test]
    fn officials_of_a_group_or_an_international_body_are_that_body() {
        check(
            "NATO officials met Hamas leaders while Labour officials waited.",
            "2010-05-01",
            &[
                "IGOWSTNAT Org [NATO officials]",
                "PSEREB Org [Hamas leaders]",
                "GBRGOV Org [Labour]",
                "---GOV Org [officials]",
            ],
        );
    }

    #[test]
    fn ships_are_their_navies() {
        check(
            "USS Kidd and HMS Valiant sailed with FS Jean de Vienne.",
            "2016-05-01",
            &[
                "USAMIL Org [USS Kidd]",
                "GBRMIL Org [HMS Valiant]",
                "FRAMIL Org [FS Jean de Vienne]",
            ],
        );
    }

    #[test]
    fn a_coalition_named_after_its_target_is_not_the_target() {
        check(
            "The Coalition to Defeat ISIL met. The Counter Daesh Coalition \
             disagreed with the Alliance against Hamas.",
            "2016-05-01",
            &[
                "IGO Org [Coalition to Defeat ISIL]",
                "IGO Org [Counter Daesh Coalition]",
                "PSEREB Org [Hamas]",
            ],
        );
    }

    #[test]
    fn names_may_start_with_a_lower_case_particle() {
        check(
            "He said al-Qaeda had planned the attack.",
            "2005-03-16",
            &["IMGMOSRAD Org [al-Qaeda]"],
        );
        check(
            "The envoy acted as Syria asked.",
            "2005-03-16",
            &["---GOV Org [The envoy]", "SYR Gpe [Syria]"],
        );
    }

    #[test]
    fn dated_people_metonyms_and_short_forms() {
        check(
            "Syrian interim President Ahmad Al Sharaa met Russian President Vladimir Putin in the Kremlin. Al Sharaa\u{2019}s aides said Putin smiled.",
            "2025-10-15",
            &[
                "SYR Norp [Syrian]",
                "SYRGOV Person [President Ahmad Al Sharaa|Al Sharaa]",
                "RUS Norp [Russian]",
                "RUSGOV Person [Vladimir Putin|Putin]",
                "RUSGOV Gpe [the Kremlin]",
            ],
        );
    }

    #[test]
    fn the_same_person_changes_code_with_the_date() {
        check(
            "Bashar al-Assad spoke.",
            "2015-09-30",
            &["SYRGOV Person [Bashar al-Assad]"],
        );
        check(
            "Bashar al-Assad spoke.",
            "2025-10-15",
            &["SYRELI Person [Bashar al-Assad]"],
        );
    }

    #[test]
    fn hand_written_adjectives_override_generated_ones() {
        check(
            "The French president met British officials.",
            "2020-01-01",
            &[
                "FRAGOV Org [The French president]",
                "GBRGOV Org [British officials]",
            ],
        );
    }

    #[test]
    fn agents_take_their_country_from_the_adjective() {
        check(
            "Russian warplanes struck as Syrian officials met human rights groups.",
            "2020-01-01",
            &[
                "RUSMIL Org [Russian warplanes]",
                "SYRGOV Org [Syrian officials]",
                "NGOHRI Org [human rights groups]",
            ],
        );
    }

    #[test]
    fn a_nation_in_a_title_or_a_peers_name_is_no_actor() {
        check(
            "Baroness Scotland spoke as the Church of England and the princess of Wales \
             visited Wales.",
            "2005-01-01",
            &["GBRREL Org [the Church of England]", "GBR Gpe [Wales]"],
        );
    }

    #[test]
    fn bodies_after_a_country_adjective_are_the_countrys() {
        // Lower-case adjectives between are read from the parse, so the test runs the stages
        // up to this one.
        let meta = ArticleMeta {
            published: Some("2005-01-01".into()),
            ..ArticleMeta::default()
        };
        let text = "The minister said English local authorities wrote to the Albanian embassy \
                    as Iraqi security force personnel waited in Scotland.";
        let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
        crate::pipeline::Pipeline::through(crate::pipeline::Stage::Actors).run(&mut doc);
        let got: Vec<String> = doc
            .entities
            .iter()
            .filter_map(|e| {
                let m = e.mentions.first()?;
                Some(format!("{} [{}]", e.code.as_deref()?, doc.slice(*m)))
            })
            .collect();
        assert_eq!(
            got,
            [
                "---GOV [The minister]",
                "GBRGOV [English local authorities]",
                "ALBGOV [the Albanian embassy]",
                "IRQCOP [Iraqi security force]",
                "GBR [Scotland]",
            ]
        );
    }

    #[test]
    fn a_countrys_mission_is_its_government_even_before_a_title() {
        check(
            "The U.S. Embassy Charg\u{e9} d'Affaires met the British Consulate staff.",
            "2015-12-16",
            &[
                "USAGOV Org [U.S. Embassy]",
                "GBRGOV Org [the British Consulate]",
            ],
        );
    }

    #[test]
    fn agents_take_their_country_from_a_place_name_before_them() {
        check(
            "Kremlin officials said the Iraq police and the Gibraltar government had agreed.",
            "2020-01-01",
            &[
                "RUSGOV Org [Kremlin officials]",
                "IRQCOP Org [the Iraq police]",
                "GIBGOV Org [the Gibraltar government]",
            ],
        );
    }

    #[test]
    fn capitalised_role_words_are_the_article_country_institutions() {
        check(
            "British officials said Parliament would vote. Officials elsewhere said the cabinet would not.",
            "2020-01-01",
            &[
                "GBRGOV Org [British officials]",
                "GBRLEG Org [Parliament]",
                "---GOV Org [Officials]",
                "---GOV Org [the cabinet]",
            ],
        );
    }

    #[test]
    fn lower_case_words_are_not_names() {
        check("The guardian of the chad said so.", "2020-01-01", &[]);
    }

    #[test]
    fn a_known_person_keeps_his_country_on_a_date_he_holds_no_term() {
        // Before any of his terms: the title gives the role, else his country alone.
        check(
            "President Obama flew to Nairobi. Barack Obama spoke there.",
            "1990-06-01",
            &[
                "USAGOV Person [President Obama]",
                "KENGOV Gpe [Nairobi]",
                "USA Person [Barack Obama]",
            ],
        );
    }

    #[test]
    fn a_role_word_in_or_of_a_country_takes_that_country() {
        // Troops "in" a country are often foreign there; "of" it, its own.
        check(
            "Police in Chad held four men while soldiers of Mali and troops in Chad waited.",
            "2020-01-01",
            &[
                "TCDCOP Org [Police]",
                "TCD Gpe [Chad|Chad]",
                "MLIMIL Org [soldiers]",
                "MLI Gpe [Mali]",
                "---MIL Org [troops]",
            ],
        );
    }

    #[test]
    fn a_country_owning_the_next_noun_is_not_the_role_words() {
        // "Britain's biggest union" is Britain's union: its leader is no leader of Britain.
        check(
            "The leader of Britain's biggest union spoke, and the leader of Mali agreed.",
            "2020-01-01",
            &[
                "---GOV Org [The leader]",
                "GBR Gpe [Britain]",
                "---LAB Org [union]",
                "MLIGOV Org [the leader]",
                "MLI Gpe [Mali]",
            ],
        );
    }

    #[test]
    fn a_people_named_by_two_countries_is_the_firsts() {
        check(
            "Bosnian Croats and Russian Germans rejected the plan.",
            "2020-01-01",
            &["BIH Org [Bosnian Croats]", "RUS Org [Russian Germans]"],
        );
    }

    #[test]
    fn a_broadcasters_channel_or_regional_service_is_the_broadcaster() {
        check(
            "BBC Scotland and BBC Radio Leeds said so, and the BBC Trust agreed.",
            "2020-01-01",
            &["GBRMED Org [BBC Scotland|BBC Radio Leeds|BBC]"],
        );
    }

    #[test]
    fn an_acronym_a_document_defines_beats_the_dictionary() {
        // The dictionary's NUT is a British union; here it stands for a name the
        // dictionary lacks, which coreference codes.
        check(
            "The Nepal Union of Tailors (NUT) called a strike. The NUT said talks failed.",
            "2020-01-01",
            &["NPLLAB Org [The Nepal Union]"],
        );
        check(
            "The Palestine Liberation Organization (PLO) met. The PLO said talks failed.",
            "2020-01-01",
            &["PSEGOV Org [The Palestine Liberation Organization|PLO|PLO]"],
        );
    }
}
