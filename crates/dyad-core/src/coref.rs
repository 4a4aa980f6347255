//! In-document coreference: the stage after actors that links further mentions to entities.
//!
//! It reads the words (with their parse), the named-entity mentions and the entities the actor
//! stage made, and adds mentions to [`Document::entities`], so that every later stage that
//! looks up entities per word sees "he" as the person he stands for, with that person's code.
//! Four kinds of mention are linked, in text order:
//! - names the actor stage did not resolve (the entity tagger's mentions), joined to an earlier
//!   entity with the same name, the same surname ("Mr Sharaa", "Sam") or the same last words,
//!   or else made entities of their own without a code;
//! - definite descriptions ("the Syrian interim leader", "the former president", "the group",
//!   "the minister") to the most salient earlier entity of the right kind whose country and
//!   title fit; "the two leaders" to the two most salient people;
//! - personal and possessive pronouns (he, him, his, she, her, it, its, they, them, their) to the
//!   most salient compatible earlier mention: gender from titles, first names and gendered
//!   nouns, number, and person against organisation or place; an object pronoun first to
//!   an earlier object of the same verb ("extradite X ... extradite him");
//! - common noun phrases that name people or organisations ("the couple", "the company") are
//!   candidate antecedents; they become entities (without a code) only when something refers
//!   to them.
//!
//! Salience orders candidates by sentence distance, then grammatical role (subjects first),
//! then position. This stage does not merge entities the actor stage kept apart and never
//! changes a code.

use std::collections::HashMap;

use crate::actors::ActorDictionary;
use crate::actors::name::{HONORIFICS, normalize};
use crate::document::{Document, Entity, EntityType, Mention, Span};

/// How many sentences back a pronoun looks for its antecedent.
const PRONOUN_WINDOW: u32 = 3;
/// How many sentences back a description looks for its antecedent.
const DESCRIPTION_WINDOW: u32 = 12;

/// Grammatical gender, as pronouns tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// What kind of thing a cluster is, for agreement with pronouns and descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Person,
    /// Organisations, groups of people named by a role word ("officials", "rebels").
    Org,
    Place,
}

/// One thing the document talks about: an existing entity, or a new one this stage makes.
#[derive(Debug, Clone)]
struct Cluster {
    /// The index in `Document::entities`, for entities that exist already.
    entity: Option<usize>,
    /// The name of a new entity (its first mention).
    name: String,
    kind: EntityType,
    sort: Sort,
    gender: Option<Gender>,
    plural: bool,
    /// The country part of the code.
    country: Option<String>,
    /// Lower-case title words ("president", "interim", "leader", "minister").
    titles: Vec<String>,
    /// A person's titles, each as its words ("syrian", "interim", "president").
    title_phrases: Vec<Vec<String>>,
    /// The code a new entity takes from the organisation named before it ("Tory MP X").
    code: Option<String>,
    /// The rule that gave `code`.
    basis: &'static str,
    /// Normalised surnames and last words of names, for short forms.
    surnames: Vec<String>,
    /// Normalised full names.
    names: Vec<String>,
    /// Mentions this stage adds.
    added: Vec<Span>,
    /// True for candidate noun phrases, which become entities only when referred to.
    latent: bool,
    /// True for armed and political groups ("the group").
    is_group: bool,
}

/// A mention in text order, for salience.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    cluster: usize,
    sentence: u32,
    /// The mention's head word.
    head: usize,
    /// 0 for subjects, 1 for objects, 2 for the rest.
    role: u8,
    start: usize,
    end: usize,
}

/// Lemmas of verbs that report what their subject said or thought in a clause.
const REPORTING_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "confirm",
    "reiterate",
    "note",
    "warn",
    "insist",
    "declare",
    "announce",
    "explain",
    "argue",
    "claim",
    "write",
    "reply",
    "stress",
    "deny",
    "admit",
    "acknowledge",
    "suggest",
    "believe",
    "think",
    "report",
    "assert",
    "maintain",
];

/// Titles and honorifics that tell a person's gender.
const MALE_TITLES: &[&str] = &[
    "mr", "sir", "lord", "king", "prince", "sheikh", "emir", "father", "brother", "duke",
];
const FEMALE_TITLES: &[&str] = &[
    "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "baroness",
    "duchess", "sister",
];

/// Titles dropped before matching a name's short form.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "lord",
    "lady",
    "dame",
    "president",
    "minister",
    "chancellor",
    "secretary",
    "general",
    "gen",
    "colonel",
    "col",
    "judge",
    "senator",
    "sen",
    "rep",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
];

/// Common first names whose gender is clear, written by us from general knowledge.
const MALE_NAMES: &[&str] = &[
    "abdullah",
    "ahmad",
    "ahmed",
    "alan",
    "alex",
    "ali",
    "andrew",
    "anthony",
    "bashar",
    "ben",
    "benjamin",
    "bill",
    "boris",
    "brian",
    "charles",
    "chris",
    "christopher",
    "charlie",
    "daniel",
    "david",
    "donald",
    "edward",
    "emmanuel",
    "francois",
    "frank",
    "gary",
    "george",
    "gordon",
    "harry",
    "hassan",
    "henry",
    "hussein",
    "ian",
    "jack",
    "jacques",
    "james",
    "jeremy",
    "jim",
    "joe",
    "john",
    "jonathan",
    "joseph",
    "keir",
    "kevin",
    "khalid",
    "liam",
    "mahmoud",
    "mark",
    "martin",
    "matthew",
    "michael",
    "mike",
    "mohammad",
    "mohammed",
    "muhammad",
    "nicolas",
    "nick",
    "omar",
    "patrick",
    "paul",
    "peter",
    "richard",
    "rishi",
    "robert",
    "ron",
    "sam",
    "sergei",
    "sergey",
    "simon",
    "stephen",
    "steve",
    "steven",
    "thomas",
    "tim",
    "tom",
    "tony",
    "vladimir",
    "william",
    "xi",
    "yusuf",
    "recep",
    "volodymyr",
    "benjamin",
    "joe",
    "barack",
    "gerhard",
    "silvio",
    "jose",
    "carlos",
    "juan",
    "luis",
    "pedro",
    "ivan",
    "dmitry",
    "kim",
];
const FEMALE_NAMES: &[&str] = &[
    "alice",
    "angela",
    "ann",
    "anna",
    "anne",
    "barbara",
    "catherine",
    "charlotte",
    "claire",
    "diana",
    "elizabeth",
    "emily",
    "emma",
    "hannah",
    "helen",
    "hillary",
    "jane",
    "jennifer",
    "jessica",
    "julia",
    "julie",
    "karen",
    "kate",
    "kathleen",
    "kamala",
    "laura",
    "linda",
    "liz",
    "lucy",
    "margaret",
    "maria",
    "marie",
    "mary",
    "michelle",
    "nancy",
    "natalie",
    "nicola",
    "olivia",
    "patricia",
    "rachel",
    "rebecca",
    "ruth",
    "sarah",
    "sophie",
    "susan",
    "tessa",
    "theresa",
    "ursula",
    "victoria",
    "yvette",
    "condoleezza",
    "madeleine",
    "golda",
    "benazir",
    "fatima",
    "aisha",
    "layla",
    "leila",
    "maya",
    "marine",
    "giorgia",
    "annalena",
    "mette",
];

/// Nouns that name people, with a gender when they tell one.
fn person_noun(lemma: &str) -> Option<Option<Gender>> {
    const MALE: &[&str] = &[
        "man",
        "boy",
        "husband",
        "father",
        "son",
        "brother",
        "king",
        "prince",
        "gentleman",
    ];
    const FEMALE: &[&str] = &[
        "woman", "girl", "wife", "mother", "daughter", "sister", "queen", "princess", "lady",
    ];
    const ANY: &[&str] = &[
        "person",
        "child",
        "baby",
        "leader",
        "president",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "politician",
        "mp",
        "candidate",
        "chief",
        "chairman",
        "director",
        "commander",
        "general",
        "ambassador",
        "envoy",
        "diplomat",
        "governor",
        "mayor",
        "senator",
        "lawmaker",
        "judge",
        "lawyer",
        "doctor",
        "scientist",
        "researcher",
        "professor",
        "author",
        "student",
        "teacher",
        "victim",
        "suspect",
        "driver",
        "pilot",
        "soldier",
        "officer",
        "activist",
        "founder",
        "owner",
        "executive",
        "ceo",
        "manager",
        "player",
        "coach",
        "singer",
        "actor",
        "couple",
        "parent",
        "resident",
        "witness",
        "journalist",
        "reporter",
        "analyst",
        "expert",
        "prosecutor",
        "spokesman",
        "monarch",
        "ruler",
        "dictator",
        "host",
        "guest",
        "patient",
        "worker",
        "member",
        "mother",
        "people",
        "family",
        "relative",
    ];
    if MALE.contains(&lemma) {
        Some(Some(Gender::Male))
    } else if FEMALE.contains(&lemma) {
        Some(Some(Gender::Female))
    } else if ANY.contains(&lemma) {
        Some(None)
    } else {
        None
    }
}

/// Nouns that name organisations and groups.
const ORG_NOUNS: &[&str] = &[
    "group",
    "company",
    "firm",
    "party",
    "government",
    "administration",
    "organisation",
    "organization",
    "agency",
    "militia",
    "movement",
    "bank",
    "union",
    "council",
    "committee",
    "ministry",
    "department",
    "alliance",
    "coalition",
    "army",
    "force",
    "court",
    "parliament",
    "assembly",
    "bloc",
    "regime",
    "team",
    "club",
    "university",
    "network",
    "station",
    "newspaper",
    "paper",
    "charity",
    "body",
    "board",
    "authority",
    "corporation",
    "airline",
    "police",
];

/// Nouns that name places.
const PLACE_NOUNS: &[&str] = &[
    "country", "nation", "state", "city", "town", "capital", "region", "province", "village",
    "island", "kingdom", "republic",
];

/// Head-of-state-or-government titles that "the leader" may stand for.
const LEADER_TITLES: &[&str] = &[
    "president",
    "leader",
    "premier",
    "prime",
    "chancellor",
    "king",
    "queen",
    "emir",
    "monarch",
    "ruler",
    "chief",
];

fn lower(doc: &Document, w: usize) -> String {
    doc.words
        .get(w)
        .map(|x| doc.slice(x.span).to_lowercase())
        .unwrap_or_default()
}

fn lemma(doc: &Document, w: usize) -> String {
    doc.words
        .get(w)
        .and_then(|x| x.lemma.clone())
        .map(|l| l.to_lowercase())
        .unwrap_or_else(|| lower(doc, w))
}

fn upos(doc: &Document, w: usize) -> &str {
    doc.words
        .get(w)
        .and_then(|x| x.upos.as_deref())
        .unwrap_or("")
}

fn deprel(doc: &Document, w: usize) -> &str {
    doc.words
        .get(w)
        .and_then(|x| x.deprel.as_deref())
        .unwrap_or("")
}

fn role_of(doc: &Document, w: usize) -> u8 {
    match deprel(doc, w).split(':').next().unwrap_or("") {
        "nsubj" | "csubj" => 0,
        "obj" | "iobj" => 1,
        _ => 2,
    }
}

/// The head word of a span: the word inside it whose head lies outside (the last word when
/// the parse says nothing).
fn head_of(doc: &Document, first: usize, last: usize) -> usize {
    (first..=last)
        .find(|&w| {
            doc.words
                .get(w)
                .and_then(|x| x.head)
                .is_none_or(|h| (h as usize) < first || (h as usize) > last)
        })
        .unwrap_or(last)
}

/// The first and last word inside a span.
fn words_in(doc: &Document, starts: &[usize], span: Span) -> Option<(usize, usize)> {
    let first = starts.partition_point(|&s| s < span.start);
    let mut last = None;
    let mut w = first;
    while w < doc.words.len() && doc.words[w].span.end <= span.end {
        last = Some(w);
        w += 1;
    }
    Some((first, last?))
}

fn gender_of_name(words: &[&str]) -> Option<Gender> {
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches('.').to_lowercase();
        if MALE_TITLES.contains(&w.as_str()) {
            return Some(Gender::Male);
        }
        if FEMALE_TITLES.contains(&w.as_str()) {
            return Some(Gender::Female);
        }
        if TITLES.contains(&w.as_str()) {
            continue;
        }
        // The first word that is not a title is the first name.
        if i + 1 < words.len() || words.len() == 1 {
            if MALE_NAMES.contains(&w.as_str()) {
                return Some(Gender::Male);
            }
            if FEMALE_NAMES.contains(&w.as_str()) {
                return Some(Gender::Female);
            }
        }
        return None;
    }
    None
}

/// The words of a name without its leading titles.
fn strip_titles<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let skip = words
        .iter()
        .take_while(|w| TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
        .count();
    if skip >= words.len() {
        words.to_vec()
    } else {
        words[skip..].to_vec()
    }
}

fn sort_of(kind: EntityType) -> Option<Sort> {
    match kind {
        EntityType::Person => Some(Sort::Person),
        EntityType::Org => Some(Sort::Org),
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => Some(Sort::Place),
        EntityType::Norp | EntityType::Event | EntityType::Other => None,
    }
}

/// The stage's working state.
struct Linker<'d> {
    doc: &'d Document,
    dict: Option<&'d ActorDictionary>,
    /// For each word, the code of the organisation that names it: the actor stage's coded
    /// organisations ("Tory") and unknown organisations coded from their names ("the Hansard
    /// Society").
    word_org: Vec<Option<String>>,
    /// For each word, the country of the place that names it ("Pakistan", "US", "Gibraltar"),
    /// for the titles of people ("Pakistan's High Commissioner", "US Senator").
    word_country: Vec<Option<String>>,
    /// For each word, whether it names a place that is no country ("Europe", "the Gulf").
    word_region: Vec<bool>,
    /// The country the article's coded mentions name most often.
    home: Option<String>,
    starts: Vec<usize>,
    clusters: Vec<Cluster>,
    occurrences: Vec<Occurrence>,
    /// Words already in a mention.
    taken: Vec<bool>,
    /// Mentions added to two clusters at once ("the two leaders").
    shared: Vec<(Span, [usize; 2])>,
    /// Words of role phrases and country adjectives ("leader", "Syrian"), which a
    /// description may take over.
    soft: Vec<bool>,
    /// Descriptions linked to an entity: role-phrase mentions inside them are moved there.
    displaced: Vec<Span>,
    /// The code of the role phrase each word is in ("US ambassador" → `USAGOV`, "the
    /// charity" → `NGO`), for titles read in an apposition.
    soft_code: Vec<Option<String>>,
}

impl<'d> Linker<'d> {
    fn new(doc: &'d Document, dict: Option<&'d ActorDictionary>) -> Self {
        let starts: Vec<usize> = doc.words.iter().map(|w| w.span.start).collect();
        let mut linker = Linker {
            doc,
            dict,
            word_org: vec![None; doc.words.len()],
            word_country: vec![None; doc.words.len()],
            word_region: vec![false; doc.words.len()],
            home: crate::actors::resolve::home_country(&doc.entities),
            starts,
            clusters: Vec::new(),
            occurrences: Vec::new(),
            taken: vec![false; doc.words.len()],
            shared: Vec::new(),
            soft: vec![false; doc.words.len()],
            displaced: Vec::new(),
            soft_code: vec![None; doc.words.len()],
        };
        for (index, e) in doc.entities.iter().enumerate() {
            let Some(sort) = sort_of(e.kind) else {
                if e.kind == EntityType::Norp {
                    for &span in &e.mentions {
                        if let Some((first, last)) = words_in(doc, &linker.starts, span) {
                            linker.soft[first..=last].iter_mut().for_each(|x| *x = true);
                        }
                    }
                }
                continue;
            };
            let mut cluster = Cluster {
                entity: Some(index),
                name: e.name.clone(),
                kind: e.kind,
                sort,
                gender: None,
                plural: false,
                country: e
                    .country()
                    .filter(|c| !c.starts_with('-'))
                    .map(str::to_string),
                titles: Vec::new(),
                title_phrases: Vec::new(),
                code: None,
                basis: "",
                surnames: Vec::new(),
                names: vec![normalize(&e.name)],
                added: Vec::new(),
                latent: false,
                is_group: e.basis.as_deref().is_some_and(|b| b.contains(" group "))
                    || e.code.as_deref().is_some_and(|c| {
                        ["REB", "RAD", "UAF", "IMG"].iter().any(|r| c.contains(r))
                    }),
            };
            if sort == Sort::Person
                && let Some(dict) = dict
            {
                // The titles held on the article's date (all of them when it has none).
                let date = doc
                    .meta
                    .published
                    .as_deref()
                    .and_then(|p| crate::actors::Date::parse(p.get(..10).unwrap_or(p)));
                let found = match date {
                    Some(d) => dict.lookup(&e.name, d),
                    None => dict.lookup_any(&e.name),
                };
                for m in found {
                    if let Some(title) = m.title {
                        cluster.titles.extend(title_words(title));
                        cluster.title_phrases.push(title_words(title));
                    }
                }
            }
            let is_agent = is_soft(e);
            if sort == Sort::Person
                && e.code.as_deref().is_some_and(|c| c.len() == 3)
                && e.basis
                    .as_deref()
                    .is_some_and(|b| b.ends_with("no term on the date"))
            {
                cluster.basis = UNDATED;
            }
            let cluster_index = linker.clusters.len();
            for &span in &e.mentions {
                let Some((first, last)) = words_in(doc, &linker.starts, span) else {
                    continue;
                };
                for w in first..=last {
                    if is_agent {
                        linker.soft[w] = true;
                        linker.soft_code[w] = e.code.clone();
                    } else {
                        linker.taken[w] = true;
                        // A seat of power or an arm of a state named as a place ("U.S. Army"
                        // is the Pentagon's) is an organisation for the titles after it.
                        let arm = e.kind == EntityType::Gpe
                            && e.code
                                .as_deref()
                                .and_then(|c| c.get(3..))
                                .is_some_and(|role| !role.is_empty() && !role.starts_with("GOV"));
                        if (e.kind == EntityType::Org || arm) && e.code.is_some() {
                            linker.word_org[w] = e.code.clone();
                        }
                        if e.kind == EntityType::Gpe
                            && let Some(root) = e.code.as_deref().map(crate::actors::codes::root)
                            && dict.is_some_and(|d| d.is_country(root))
                        {
                            linker.word_country[w] = Some(root.to_string());
                        }
                        let root = e.code.as_deref().map(crate::actors::codes::root);
                        // CAMEO's regions ("Europe", `EUR`) are non-state roots that are
                        // no organisations.
                        let region = root.is_some_and(|r| {
                            crate::actors::codes::is_non_state_root(r)
                                && !matches!(r, "IGO" | "NGO" | "IMG" | "MNC" | "UIS")
                        });
                        if region
                            || matches!(e.kind, EntityType::Gpe | EntityType::Loc)
                                && !root.is_some_and(|r| dict.is_some_and(|d| d.is_country(r)))
                        {
                            linker.word_region[w] = true;
                        }
                    }
                }
                let words: Vec<&str> = doc.slice(span).split_whitespace().collect();
                if sort == Sort::Person {
                    linker.learn_name(&mut cluster, &words);
                    // The title around the name: "Syrian interim" + "President".
                    let mut phrase: Vec<String> = Vec::new();
                    let mut k = first;
                    while k > 0
                        && first - k < 5
                        && doc.words[k - 1].sentence == doc.words[first].sentence
                        && matches!(upos(doc, k - 1), "ADJ" | "NOUN" | "PROPN")
                    {
                        k -= 1;
                        // Honorifics ("Mr") are not part of the title.
                        let word = lower(doc, k);
                        if !HONORIFICS.contains(&word.trim_end_matches('.')) {
                            phrase.insert(0, word);
                        }
                    }
                    let stripped = strip_titles(&words).len();
                    phrase.extend(
                        words[..words.len() - stripped]
                            .iter()
                            .map(|w| w.trim_end_matches('.').to_lowercase()),
                    );
                    if !phrase.is_empty() {
                        cluster.title_phrases.push(phrase);
                    }
                }
                if is_agent {
                    let head = head_of(doc, first, last);
                    if doc.words[head].xpos.as_deref() == Some("NNS")
                        || doc.words[head].xpos.as_deref() == Some("NNPS")
                    {
                        cluster.plural = true;
                    }
                    cluster.titles.extend(title_words(doc.slice(span)));
                }
                linker.occur(cluster_index, first, last, span);
            }
            linker.clusters.push(cluster);
        }
        linker
    }

    /// Learns gender, titles, names and surnames from a person's mention.
    fn learn_name(&self, cluster: &mut Cluster, words: &[&str]) {
        if cluster.gender.is_none() {
            cluster.gender = gender_of_name(words);
        }
        let stripped = strip_titles(words);
        for w in &words[..words.len() - stripped.len()] {
            cluster.titles.push(w.trim_end_matches('.').to_lowercase());
        }
        if let Some(last) = stripped.last() {
            let last = normalize(last);
            if last.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !cluster.surnames.contains(&last)
            {
                cluster.surnames.push(last);
            }
        }
        let full = normalize(&stripped.join(" "));
        if !cluster.names.contains(&full) {
            cluster.names.push(full);
        }
    }

    /// True when word `w` is a role word of the dictionary ("MP", "spokesman").
    fn role_word(&self, w: usize) -> bool {
        let word = self.doc.slice(self.doc.words[w].span);
        self.dict.is_some_and(|d| d.agent_role(word).is_some())
            || TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
    }

    /// The code of a coded organisation named within the four words before `first`, with
    /// only title words between ("Tory MP", "Liberal Democrat home affairs spokesman"), those
    /// title words, and the country of a place named before them ("Pakistan's High
    /// Commissioner", "US Senator").
    fn organisation_before(&self, first: usize) -> (Option<String>, Vec<String>, Option<String>) {
        let doc = self.doc;
        let mut phrase = Vec::new();
        let mut of_country = None;
        // How many title words follow each preposition ("Work" of "Minister for Work X").
        let mut after_preposition: Vec<usize> = Vec::new();
        // A title in brackets right before the name ("(Rural affairs minister) X") is read
        // as if written without them.
        let mut first = first;
        let bracketed = first >= 2
            && doc.words[first - 1].sentence == doc.words[first].sentence
            && lower(doc, first - 1) == ")"
            && (first.saturating_sub(7)..first - 1).any(|w| lower(doc, w) == "(");
        if bracketed {
            first -= 1;
        }
        let mut k = first;
        while k > 0 && first - k < 5 && doc.words[k - 1].sentence == doc.words[first].sentence {
            k -= 1;
            if let Some(code) = &self.word_org[k] {
                // A former holder of a post in a state body ("former CIA director X") is
                // his country's former official (`ELI`); a former coach of a university is
                // not.
                let root = crate::actors::codes::root(code);
                let official = code.get(3..).is_some_and(|role| {
                    ["GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "PTY"]
                        .iter()
                        .any(|r| role.starts_with(r))
                });
                let code = if official
                    && self.former_before(k)
                    && self.dict.is_some_and(|d| d.is_country(root))
                {
                    crate::actors::codes::combine(root, "ELI")
                } else {
                    code.clone()
                };
                return (Some(code), phrase, None);
            }
            // A person's staff ("Mr X's spokesman Y") share his code.
            if self.taken[k]
                && k + 1 < first
                && matches!(lower(doc, k + 1).as_str(), "'s" | "\u{2019}s")
                && let Some(code) = self.staff_of(k, &(k + 2..first).collect::<Vec<_>>())
            {
                return (Some(code), phrase, None);
            }
            // A title "of" a place ("the Mayor of London X", "Prime Minister of Iraq X")
            // goes on before it, with the place's country.
            if of_country.is_none()
                && phrase.is_empty()
                && k >= 2
                && (self.word_country[k].is_some() || self.taken[k])
                && lower(doc, k - 1) == "of"
                && doc.words[k - 2].sentence == doc.words[first].sentence
                && self.role_word(k - 2)
            {
                of_country = self.word_country[k]
                    .clone()
                    .or_else(|| self.place_country(k))
                    .or_else(|| self.home.clone());
                k -= 1;
                continue;
            }
            // A region named inside the title ("Britain's Europe director") is a title word;
            // a division or city of another country names the person's country ("Texas
            // Governor X", "New York Senator X").
            if self.taken[k] && self.word_region[k] {
                phrase.insert(0, lower(doc, k));
                if of_country.is_none() {
                    of_country = self.foreign_place_country(k);
                }
                continue;
            }
            if let Some(country) = &self.word_country[k] {
                // "Former US secretary of state X": the qualifier before the country is the
                // title's.
                if self.former_before(k) {
                    phrase.insert(0, "former".to_string());
                }
                return (None, phrase, Some(country.clone()));
            }

            // Title words, a possessive ("Labour's"), and a preposition inside the title
            // ("spokeswoman for women").
            // Qualifiers ("Shadow", "ex-") count whatever their tag.
            let word = lower(doc, k);
            if bracketed && word == "(" {
                break;
            }
            let possessive = matches!(word.as_str(), "'s" | "\u{2019}s" | "'" | "\u{2019}");
            // A word with "ex-" ("Ex-Labour") is a title word whatever the tagger made of it.
            let qualifier = TITLE_QUALIFIERS.contains(&word.as_str())
                || word == "-"
                || (word.starts_with("ex-") && word.len() > 3);
            if !(matches!(upos(doc, k), "NOUN" | "PROPN" | "ADJ" | "ADP")
                || possessive
                || qualifier)
                || self.taken[k]
            {
                break;
            }
            // An honorific right before the name ("Parliamentary watchdog Sir X") is no
            // title word.
            let honorific = phrase.is_empty() && HONORIFICS.contains(&word.trim_end_matches('.'));
            if upos(doc, k) == "ADP" {
                after_preposition.push(phrase.len());
            }
            if !possessive && upos(doc, k) != "ADP" && word != "-" && !honorific {
                phrase.insert(0, word);
            }
        }
        // A title with a preposition inside is the part before it ("Minister for Work X",
        // "spokeswoman for women X"), when that part is a title.
        // The leftmost preposition with title words before it cuts first.
        if let Some(&after) = after_preposition
            .iter()
            .rev()
            .find(|&&a| a > 0 && a < phrase.len())
        {
            let title = &phrase[..phrase.len() - after];
            if self.title_code(title, of_country.as_deref()).is_some() {
                phrase.truncate(phrase.len() - after);
            }
        }
        // A shadow minister is the opposition of the article's main country.
        if phrase.iter().any(|w| w == "shadow")
            && let Some(country) = &self.home
        {
            return (Some(format!("{country}OPP")), phrase, None);
        }
        (None, phrase, of_country)
    }

    /// True when "former" or "ex" stands right before the name or body that word `k` is part
    /// of, in its sentence ("former CIA director", "Former US secretary of state").
    fn former_before(&self, k: usize) -> bool {
        let doc = self.doc;
        let mut b = k;
        while b > 0
            && doc.words[b - 1].sentence == doc.words[k].sentence
            && (self.word_org[b - 1].is_some() && self.word_org[b - 1] == self.word_org[k]
                || self.word_country[b - 1].is_some()
                    && self.word_country[b - 1] == self.word_country[k])
        {
            b -= 1;
        }
        // A hyphen may stand between ("ex-Labour minister").
        if b > 1 && lower(doc, b - 1) == "-" {
            b -= 1;
        }
        b > 0
            && doc.words[b - 1].sentence == doc.words[k].sentence
            && matches!(lower(doc, b - 1).as_str(), "former" | "ex")
    }

    /// The country of the place named by the mention around word `w` when the gazetteer
    /// knows it only outside the article's main country ("Texas" in a British article).
    fn foreign_place_country(&self, w: usize) -> Option<String> {
        let start = self.doc.words[w].span.start;
        let mention = self
            .doc
            .mentions
            .iter()
            .find(|m| m.span.start <= start && start < m.span.end)?;
        let gazetteer = crate::places::embedded_gazetteer().ok()?;
        let home = self.home.as_deref().unwrap_or("");
        let found = gazetteer.lookup(self.doc.slice(mention.span));
        if found.is_empty() || found.iter().any(|p| &*p.country == home) {
            return None;
        }
        found.first().map(|p| p.country.to_string())
    }

    /// The country of the place word `w` by the dictionary: a country's name or a capital
    /// ("Baghdad" → `IRQ`).
    fn place_country(&self, w: usize) -> Option<String> {
        let dict = self.dict?;
        dict.lookup_any(self.doc.slice(self.doc.words[w].span))
            .into_iter()
            .filter(|m| {
                matches!(
                    m.kind,
                    crate::actors::ActorKind::Country | crate::actors::ActorKind::Metonym
                )
            })
            .map(|m| crate::actors::codes::root(m.code))
            .find(|root| dict.is_country(root))
            .map(str::to_string)
    }

    /// The code or country named right after a person's name by "of" or "from" ("President
    /// X of Pakistan", "X of the League Against Cruel Sports"): an organisation's code, or a
    /// country as `(None, Some(country))`.
    fn of_after(&self, last: usize) -> (Option<String>, Option<String>) {
        let doc = self.doc;
        let sentence = doc.words[last].sentence;
        let mut k = last + 1;
        if k + 1 >= doc.words.len()
            || doc.words[k + 1].sentence != sentence
            || !matches!(lower(doc, k).as_str(), "of" | "from")
        {
            return (None, None);
        }
        k += 1;
        if lower(doc, k) == "the"
            && k + 1 < doc.words.len()
            && doc.words[k + 1].sentence == sentence
        {
            k += 1;
        }
        (self.word_org[k].clone(), self.word_country[k].clone())
    }

    /// The title in an apposition before a name ("Spain's director general for Europe, X",
    /// "the charity's director, X", "the party's treasurer, X"): the title's words up to a
    /// preposition, and the code or country of the owner before a possessive. `None` when
    /// the word before `first` is not a comma or nothing before it reads as a title.
    fn apposition_before(
        &self,
        first: usize,
    ) -> Option<(Option<String>, Vec<String>, Option<String>)> {
        let doc = self.doc;
        // An honorific between the comma and the name ("its chief executive, Sir X").
        let mut first = first;
        while first > 0
            && doc.words[first - 1].sentence == doc.words[first].sentence
            && HONORIFICS.contains(&lower(doc, first - 1).trim_end_matches('.'))
        {
            first -= 1;
        }
        if first < 2
            || lower(doc, first - 1) != ","
            || doc.words[first - 2].sentence != doc.words[first].sentence
        {
            return None;
        }
        let sentence = doc.words[first].sentence;
        let mut words: Vec<usize> = Vec::new();
        let mut k = first - 1;
        let mut owner = None;
        // The organisation an "its" or "their" before the title stands for.
        let mut owner_code = None;
        while k > 0 && first - k < 10 && doc.words[k - 1].sentence == sentence {
            k -= 1;
            let word = lower(doc, k);
            if matches!(word.as_str(), "'s" | "\u{2019}s" | "'" | "\u{2019}") {
                owner = k.checked_sub(1);
                break;
            }
            if matches!(word.as_str(), "its" | "their") {
                owner_code = self.organisation_before_word(k);
                break;
            }
            // A region inside the title ("Britain's Europe director, X") is a title word.
            if self.taken[k] && self.word_region[k] {
                words.insert(0, k);
                continue;
            }
            // A name right before the comma is the body of a title before it ("a spokesman
            // for the World Health Organization, X"), read below.
            if self.taken[k]
                && words.first().is_some_and(|&w| !self.taken[w])
                && words.iter().all(|&w| upos(doc, w) != "ADP")
            {
                // A taken word right before the title is the owner without a possessive
                // ("the Labour treasurer, X").
                owner = Some(k);
                break;
            }
            // An article inside the phrase ("a spokesman for the UN refugee agency") is
            // passed over.
            if matches!(word.as_str(), "the" | "a" | "an") {
                continue;
            }
            if !(matches!(upos(doc, k), "NOUN" | "PROPN" | "ADJ" | "ADP")
                || TITLE_QUALIFIERS.contains(&word.as_str())
                || self.taken[k])
            {
                break;
            }
            words.insert(0, k);
        }
        // The title is the part before a preposition ("director general" of "director
        // general for Europe").
        let cut = words
            .iter()
            .position(|&w| upos(doc, w) == "ADP")
            .unwrap_or(words.len());
        let phrase: Vec<String> = words[..cut]
            .iter()
            .filter(|&&w| !self.taken[w])
            .map(|&w| lower(doc, w))
            .collect();
        if phrase.is_empty() || phrase.iter().any(|w| w.chars().any(char::is_numeric)) {
            return None;
        }
        // An organisation named inside the title ("the Conservative spokeswoman on
        // health, X"), else the one "its" stands for.
        // The body a title is "of" or "for" ("a spokesman for the UN High Commissioner for
        // Human Rights, X", "the director of the Refugee Council, X").
        let of_body = words
            .get(cut)
            .filter(|&&w| matches!(lower(doc, w).as_str(), "of" | "for" | "at"))
            .and_then(|_| words[cut..].iter().find_map(|&w| self.word_org[w].clone()));
        let mut code = words[..cut]
            .iter()
            .find_map(|&w| self.word_org[w].clone())
            .or(owner_code)
            .or(of_body);
        let mut country = None;
        if let Some(o) = owner.filter(|&o| doc.words[o].sentence == sentence) {
            code = self.word_org[o]
                .clone()
                .or_else(|| self.staff_of(o, &words))
                .or(code);
            country = self.word_country[o].clone();
            // A role word as owner ("the charity's director"): that role, at home.
            if code.is_none()
                && country.is_none()
                && let Some(role) = self.dict.and_then(|d| d.agent_role(&lower(doc, o)))
                && let Some(home) = &self.home
            {
                code = Some(crate::actors::codes::combine(home, role));
            }
        }
        // A shadow minister is the opposition of the article's main country.
        if phrase.iter().any(|w| w == "shadow")
            && let Some(home) = &self.home
        {
            code = Some(format!("{home}OPP"));
        }
        if code.is_none() && self.title_code(&phrase, country.as_deref()).is_none() {
            return None;
        }
        Some((code, phrase, country))
    }

    /// The code of the coded person named by word `o` when the title words `title` make
    /// someone his staff ("Ms X's deputy, Y", "Mr X's spokesman Y"): they share his code.
    fn staff_of(&self, o: usize, title: &[usize]) -> Option<String> {
        let staff = title.iter().any(|&w| {
            matches!(
                lower(self.doc, w).as_str(),
                "deputy"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "aide"
                    | "adviser"
                    | "advisor"
                    | "assistant"
                    | "secretary"
            )
        });
        // A press or media chief speaks for his principal to the press ("Mr X's former
        // press chief, Y").
        let words: Vec<String> = title.iter().map(|&w| lower(self.doc, w)).collect();
        let press = words
            .iter()
            .any(|w| matches!(w.as_str(), "press" | "media" | "communications"))
            && words.iter().any(|w| BODY_TITLES.contains(&w.as_str()));
        if !(staff || press) {
            return None;
        }
        let start = self.doc.words[o].span.start;
        let cluster = self
            .occurrences
            .iter()
            .find(|x| x.start <= start && start < x.end)
            .map(|x| &self.clusters[x.cluster])
            .filter(|c| c.sort == Sort::Person)?;
        let code = match cluster.entity {
            Some(e) => self.doc.entities.get(e)?.code.clone(),
            None => cluster.code.clone(),
        }?;
        // A person coded by his country alone gives no role; his former staff are former
        // officials.
        if code.len() <= 3 {
            return None;
        }
        let former = words
            .iter()
            .any(|w| matches!(w.as_str(), "former" | "ex") || w.starts_with("ex-"));
        if former && code.get(3..6) == Some("GOV") {
            return Some(crate::actors::codes::combine(
                crate::actors::codes::root(&code),
                "ELI",
            ));
        }
        Some(code)
    }

    /// The code of the nearest coded organisation named before word `k`, in its sentence or
    /// the two before it: what an "its" or "their" at `k` stands for.
    fn organisation_before_word(&self, k: usize) -> Option<String> {
        self.organisation_named_last(k, 2)
    }

    /// The code of the nearest coded organisation named before word `k`, in its sentence or
    /// the `window` sentences before it.
    fn organisation_named_last(&self, k: usize, window: u32) -> Option<String> {
        let sentence = self.doc.words[k].sentence;
        (0..k)
            .rev()
            .take_while(|&w| sentence - self.doc.words[w].sentence.min(sentence) <= window)
            .find_map(|w| self.word_org[w].clone())
    }

    /// The code of a coded organisation in an apposition right after a name ("X, a
    /// spokesman for the Conservative Party", "X, commander of U.S. Central Command").
    fn organisation_after(&self, last: usize) -> Option<String> {
        let doc = self.doc;
        let last = self.after_mp(last);
        let sentence = doc.words[last].sentence;
        let mut k = last + 1;
        if k >= doc.words.len() || lower(doc, k) != "," {
            return None;
        }
        // A relative clause reads as an apposition ("X, who is chairman of the Commons
        // committee", "X, who was the party's treasurer").
        let mut limit = 8;
        if self.relative_is(k) {
            k += 2;
            limit += 2;
        }
        while k + 1 < doc.words.len() && k - last < limit && doc.words[k + 1].sentence == sentence {
            k += 1;
            // A country's possessive owns the body named after it ("X, the leader of
            // Britain's biggest union Unison"): passed over, with the words it takes.
            if self.word_country[k].is_some()
                && self.word_org[k].is_none()
                && k > last + 2
                && k + 2 < doc.words.len()
                && doc.words[k + 2].sentence == sentence
                && matches!(lower(doc, k + 1).as_str(), "'s" | "\u{2019}s")
            {
                k += 1;
                limit += 2;
                continue;
            }
            if let Some(code) = &self.word_org[k] {
                // A body's possessive before another name is that person's ("X, Labour's
                // Y"), not X's.
                let possessive = k + 1 < doc.words.len()
                    && matches!(lower(doc, k + 1).as_str(), "'s" | "\u{2019}s");
                if possessive && self.person_follows(k + 1) {
                    return None;
                }
                return Some(code.clone());
            }
            // An adviser or aide "to" a person shares his code ("X, an adviser on energy to
            // President Y").
            if self.taken[k]
                && (last + 1..k).any(|b| lower(doc, b) == "to")
                && let Some(code) = self.staff_of(k, &(last + 1..k).collect::<Vec<_>>())
            {
                return Some(code);
            }
            // A person's staff in an apposition ("X, Mr Y's former press chief,") share
            // his code.
            if self.taken[k]
                && k + 1 < doc.words.len()
                && matches!(lower(doc, k + 1).as_str(), "'s" | "\u{2019}s")
            {
                let title: Vec<usize> = (k + 2..doc.words.len())
                    .take_while(|&w| {
                        doc.words[w].sentence == sentence
                            && w - k < 6
                            && !matches!(lower(doc, w).as_str(), "," | "." | "-" | ";")
                    })
                    .collect();
                return self.staff_of(k, &title);
            }
            // An ambassador or envoy "to" a body is not its member ("X, the US ambassador
            // to the UN"); a secretary "to the Treasury" is.
            if lower(doc, k) == "to"
                && (last + 1..k).any(|b| ENVOY_TITLES.contains(&lower(doc, b).as_str()))
            {
                return None;
            }
            // "X, from Leeds" says where the person comes from, not whom they work for;
            // "X, from the Refugee Council" does, and so does "X, from human rights group
            // Liberty": the lower-case kind of body before its name.
            if lower(doc, k) == "from" && k + 1 < doc.words.len() && lower(doc, k + 1) != "the" {
                let named = (k + 1..doc.words.len())
                    .take_while(|&w| w - k <= 4 && doc.words[w].sentence == sentence)
                    .find(|&w| {
                        self.word_org[w].is_some()
                            || self.taken[w]
                            || !matches!(upos(doc, w), "NOUN" | "ADJ")
                            || doc.slice(doc.words[w].span).starts_with(char::is_uppercase)
                    });
                // A place's name may also be a body's ("Liberty"): after its kind, the body.
                if named.is_none_or(|w| {
                    self.word_org[w].is_none() || (w == k + 1 && self.org_is_place(w))
                }) {
                    return None;
                }
            }
            // A role phrase with its country ("X, the US ambassador"), or a body's role
            // word after "of", "for" or "at" ("X, the chief executive of the charity"),
            // which works in the article's country.
            if let Some(code) = &self.soft_code[k] {
                if let Some(role) = code.strip_prefix("---").or_else(|| {
                    crate::actors::codes::is_non_state_root(code)
                        .then_some(code.as_str())
                        .filter(|c| c.len() == 3)
                }) {
                    let body_of = (last + 1..k)
                        .rev()
                        .take(2)
                        .any(|b| matches!(lower(doc, b).as_str(), "of" | "for" | "at"));
                    if body_of
                        && role != "GOV"
                        && let Some(home) = &self.home
                    {
                        return Some(crate::actors::codes::combine(home, role));
                    }
                } else if code
                    .get(..3)
                    .is_some_and(|root| self.dict.is_some_and(|d| d.is_country(root)))
                {
                    return Some(code.clone());
                }
            }
            // "and" before another person's name starts that person's own title ("X, and
            // Tory MP Y"): it is not X's.
            if lower(doc, k) == "and" && self.person_follows(k) {
                return None;
            }
            // "X, a barrister and chairman of ...", "X, who chairs the ...".
            let linking = matches!(
                lower(doc, k).as_str(),
                "and"
                    | "who"
                    | "chairs"
                    | "heads"
                    | "leads"
                    | "runs"
                    | "directs"
                    | "chaired"
                    | "headed"
                    | "led"
                    | "ran"
            );
            // A title and the body after another comma ("X, commander, Combined Joint
            // Task Force").
            if lower(doc, k) == ","
                && k > last + 2
                && k + 1 < doc.words.len()
                && let Some(code) = &self.word_org[k + 1]
                && (last + 2..k).all(|b| matches!(upos(doc, b), "NOUN" | "ADJ"))
                && self.role_word(k - 1)
            {
                return Some(code.clone());
            }
            // A title's qualifier may be tagged as a verb ("Acting Director of X").
            let qualifier = TITLE_QUALIFIERS.contains(&lower(doc, k).as_str());
            if !(matches!(upos(doc, k), "NOUN" | "PROPN" | "ADJ" | "DET" | "ADP")
                || linking
                || qualifier)
                || self.taken[k]
            {
                return None;
            }
        }
        None
    }

    /// True when word `w` is the "Justice" of a judge's title ("Mr Justice X", "Lady
    /// Justice X"), which is no part of the name.
    fn judge_title(&self, w: usize) -> bool {
        let doc = self.doc;
        w > 0
            && doc.words[w - 1].sentence == doc.words[w].sentence
            && matches!(doc.slice(doc.words[w].span), "Justice" | "Justices")
            && matches!(
                doc.slice(doc.words[w - 1].span),
                "Lord" | "Lady" | "Mr" | "Mrs" | "Ms"
            )
    }

    /// True when a person's name starts within the five words after word `k` in its
    /// sentence (the tagger's person mentions, or a person already linked), before any
    /// verb: what follows `k` is that person's title.
    fn person_follows(&self, k: usize) -> bool {
        let doc = self.doc;
        let sentence = doc.words[k].sentence;
        for w in k + 1..(k + 6).min(doc.words.len()) {
            if doc.words[w].sentence != sentence || matches!(upos(doc, w), "VERB" | "AUX") {
                return false;
            }
            let start = doc.words[w].span.start;
            let tagged = doc
                .mentions
                .iter()
                .any(|m| m.kind == EntityType::Person && m.span.start == start);
            let linked = self
                .occurrences
                .iter()
                .any(|o| o.start == start && self.clusters[o.cluster].sort == Sort::Person);
            if tagged || linked {
                return true;
            }
        }
        false
    }

    /// Judges the entity tagger missed, named by their title alone: the capitalised name
    /// after "Lord Justice", "Mr Justice" or "Mrs Justice" ("Lord Justice Hale"), and each
    /// name of a list after "Lord Justices" ("Lord Justices Hale and Ward").
    fn titled_judges(&self) -> Vec<Mention> {
        let doc = self.doc;
        let mut covered = vec![false; doc.words.len()];
        for m in &doc.mentions {
            if let Some((first, last)) = words_in(doc, &self.starts, m.span) {
                covered[first..=last].iter_mut().for_each(|x| *x = true);
            }
        }
        let text = |w: usize| doc.slice(doc.words[w].span);
        let name = |w: usize| {
            w < doc.words.len()
                && text(w).starts_with(char::is_uppercase)
                && !covered[w]
                && !self.taken[w]
                && !crate::timex::is_calendar_word(&lower(doc, w))
        };
        let mut found = Vec::new();
        for w in 1..doc.words.len() {
            let justices = match text(w) {
                "Justice" => false,
                "Justices" => true,
                _ => continue,
            };
            if !matches!(text(w - 1), "Lord" | "Lady" | "Mr" | "Mrs" | "Ms")
                || doc.words[w - 1].sentence != doc.words[w].sentence
            {
                continue;
            }
            let sentence = doc.words[w].sentence;
            let mut k = w + 1;
            while k < doc.words.len() && doc.words[k].sentence == sentence && name(k) {
                found.push(Mention {
                    span: doc.words[k].span,
                    kind: EntityType::Person,
                });
                // "Lord Justices A and B": the names of the list.
                if justices
                    && k + 2 < doc.words.len()
                    && matches!(lower(doc, k + 1).as_str(), "and" | ",")
                {
                    k += 2;
                } else {
                    break;
                }
            }
        }
        found
    }

    /// Peers the entity tagger missed or cut, named by their title: the capitalised words
    /// after "Lord", "Baroness" or "Lady" ("Lord X of Y", "Labour peer Baroness X") when no
    /// person's mention covers them. Their place ("of Y") joins the mention later.
    fn titled_peers(&self, mentions: &[Mention]) -> Vec<Mention> {
        let doc = self.doc;
        let mut person = vec![false; doc.words.len()];
        for m in mentions {
            if m.kind == EntityType::Person
                && let Some((first, last)) = words_in(doc, &self.starts, m.span)
            {
                person[first..=last].iter_mut().for_each(|x| *x = true);
            }
        }
        let text = |w: usize| doc.slice(doc.words[w].span);
        let mut found = Vec::new();
        for w in 0..doc.words.len().saturating_sub(1) {
            if !matches!(text(w), "Lord" | "Baroness" | "Lady")
                || doc.words[w + 1].sentence != doc.words[w].sentence
            {
                continue;
            }
            let sentence = doc.words[w].sentence;
            let mut end = w;
            while end + 1 < doc.words.len()
                && end - w < 3
                && doc.words[end + 1].sentence == sentence
                && text(end + 1).starts_with(char::is_uppercase)
                && upos(doc, end + 1) == "PROPN"
                && !person[end + 1]
                && !self.taken[end + 1]
                && !crate::timex::is_calendar_word(&lower(doc, end + 1))
            {
                end += 1;
            }
            // Another title after the peer's ("Lord Chief Justice", "Lord Justice X") is
            // read elsewhere.
            let office = |k: usize| {
                let title = doc.slice(Span::new(doc.words[w].span.start, doc.words[k].span.end));
                self.dict.is_some_and(|d| d.agent_role(title).is_some())
            };
            if end == w
                || (w + 1..=end).any(|k| self.role_word(k) || self.judge_title(k) || office(k))
            {
                continue;
            }
            found.push(Mention {
                span: Span::new(doc.words[w + 1].span.start, doc.words[end].span.end),
                kind: EntityType::Person,
            });
        }
        found
    }

    /// Organisations the entity tagger missed: runs of capitalised words (with "of", "for",
    /// "and" inside) whose head word tells an organisation ("the Wine Standards Board", "the
    /// Centre for Policy Studies"), outside every mention and every name already found.
    fn named_organisations(&self) -> Vec<Mention> {
        let doc = self.doc;
        let mut covered = vec![false; doc.words.len()];
        for m in &doc.mentions {
            if let Some((first, last)) = words_in(doc, &self.starts, m.span) {
                covered[first..=last].iter_mut().for_each(|x| *x = true);
            }
        }
        let capital = |w: usize| {
            doc.slice(doc.words[w].span)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let mut found = Vec::new();
        let mut w = 0;
        while w < doc.words.len() {
            // A name starts with a name's word, not with "But" or "The".
            if !capital(w)
                || covered[w]
                || self.taken[w]
                || lower(doc, w) == "the"
                || matches!(
                    upos(doc, w),
                    "CCONJ" | "SCONJ" | "ADP" | "DET" | "PRON" | "ADV" | "AUX" | "INTJ"
                )
            {
                w += 1;
                continue;
            }
            let sentence = doc.words[w].sentence;
            let mut end = w;
            let mut k = w + 1;
            while k < doc.words.len()
                && doc.words[k].sentence == sentence
                && !covered[k]
                && !self.taken[k]
            {
                let word = lower(doc, k);
                // "and" joins two names when the first is complete ("the Marlow Institute
                // and Tanner Freight"), and stays inside one otherwise ("the Economic and
                // Social Research Council").
                let complete = || {
                    let before: Vec<&str> =
                        (w..=end).map(|x| doc.slice(doc.words[x].span)).collect();
                    organisation_role(&before).is_some()
                };
                // A title before a person's name ends the body's name ("Fair Trials Abroad
                // Director X").
                if capital(k)
                    && BODY_TITLES.contains(&word.as_str())
                    && k + 1 < doc.words.len()
                    && doc.words[k + 1].sentence == sentence
                    && capital(k + 1)
                {
                    break;
                }
                // A number may stand inside a name ("Fathers 4 Justice").
                let number = word.chars().all(|c| c.is_ascii_digit());
                // After "of" or "for", "and" stays inside the name ("the Society of Motor
                // Manufacturers and Traders").
                let of_inside = (w..=end).any(|x| matches!(lower(doc, x).as_str(), "of" | "for"));
                if capital(k) {
                    end = k;
                } else if !(matches!(word.as_str(), "of" | "for")
                    || word == "and" && (!complete() || of_inside)
                    || number)
                {
                    break;
                }
                k += 1;
            }
            let sentence_start = w == 0 || doc.words[w - 1].sentence != sentence;
            let mut words: Vec<&str> = (w..=end).map(|x| doc.slice(doc.words[x].span)).collect();
            // A body's kind written in lower case after its name ("the Public Sector Staff
            // union", "Hazards magazine") is part of it; after one word that starts a
            // sentence, a day, a place or a people, it is a description ("Initial business",
            // "Monday school").
            let one_name = end == w
                && !sentence_start
                && upos(doc, w) == "PROPN"
                && !crate::timex::is_calendar_word(&lower(doc, w))
                && !self.place_word(w)
                && !MODIFIER_ROLES
                    .iter()
                    .any(|(_, ws)| ws.contains(&lower(doc, w).as_str()))
                && self
                    .dict
                    .is_none_or(|d| d.adjective_country(doc.slice(doc.words[w].span)).is_none());
            if (end > w || one_name)
                && organisation_role(&words).is_none()
                && end + 1 < doc.words.len()
                && doc.words[end + 1].sentence == sentence
                && !covered[end + 1]
                && !self.taken[end + 1]
            {
                let next = doc.slice(doc.words[end + 1].span);
                if next.starts_with(char::is_lowercase) && organisation_role(&[next]).is_some() {
                    end += 1;
                    words.push(next);
                }
            }
            // One word alone ("Council") is a name only when it is not a sentence's first and
            // not a government head.
            let named = match organisation_role(&words) {
                Some(role) => end > w || (!sentence_start && role != "GOV"),
                None => (end > w || !sentence_start) && self.unnamed_body(w, end),
            };
            if named {
                found.push(Mention {
                    span: Span::new(doc.words[w].span.start, doc.words[end].span.end),
                    kind: EntityType::Org,
                });
            }
            w = end + 1;
        }
        found
    }

    /// True when the capitalised words `first..=last`, whose head tells no kind of body,
    /// still name an organisation by where they stand: before a body's title and a name
    /// ("Fair Trials Abroad director X"), or after "from" in an apposition to a person
    /// ("X, from Families Need Fathers", "X, from the campaign group Y"). Words that are
    /// titles or role words ("Deputy", "Minister") name no body.
    fn unnamed_body(&self, first: usize, last: usize) -> bool {
        let doc = self.doc;
        let sentence = doc.words[first].sentence;
        let same = |w: usize| w < doc.words.len() && doc.words[w].sentence == sentence;
        // A role word may stand inside a body's name ("Families Need Fathers"), not as
        // its last word ("Home Secretary", "Salvation Army").
        let title_like = self.role_word(last)
            || (first..=last).any(|w| {
                let word = lower(doc, w);
                let word = word.trim_end_matches('.');
                TITLE_QUALIFIERS.contains(&word)
                    || TITLES.contains(&word)
                    || HONORIFICS.contains(&word)
                    || BODY_TITLES.contains(&word)
            });
        if title_like {
            return false;
        }
        // A place is no body ("Britain's Europe Director X", "X, from Leeds"); inside a
        // longer name only a country or region counts, since the gazetteer holds many
        // small places named like common words ("Save", "Rivers").
        let whole = Span::new(doc.words[first].span.start, doc.words[last].span.end);
        let place = if first == last {
            self.place_word(first)
        } else {
            (first..=last).any(|w| self.word_country[w].is_some() || self.word_region[w])
                || crate::places::embedded_gazetteer()
                    .is_ok_and(|g| !g.lookup(doc.slice(whole)).is_empty())
        };
        if place {
            return false;
        }
        // A body's title, not a leader's (a party's or a union's), after two words or
        // more.
        let titled = last > first
            && same(last + 2)
            && BODY_TITLES.contains(&lower(doc, last + 1).as_str())
            && !matches!(lower(doc, last + 1).as_str(), "leader" | "head")
            && doc
                .slice(doc.words[last + 2].span)
                .starts_with(char::is_uppercase);
        // The kind of body written right before ("campaigners X", "the think tank X").
        if self.kind_before(first).is_some() {
            return true;
        }
        // ", from", then "the" and at most two lower-case words ("the controversial
        // group").
        let mut k = first;
        let mut between = 0;
        while k > 0 && same(k - 1) && between < 3 {
            let word = lower(doc, k - 1);
            if word == "from" || word == "the" {
                break;
            }
            if doc
                .slice(doc.words[k - 1].span)
                .starts_with(char::is_uppercase)
            {
                return titled;
            }
            between += 1;
            k -= 1;
        }
        if k > 0 && same(k - 1) && lower(doc, k - 1) == "the" {
            k -= 1;
        } else if between > 0 {
            return titled;
        }
        let from = k >= 2 && same(k - 2) && lower(doc, k - 1) == "from" && lower(doc, k - 2) == ",";
        titled || from || self.kind_before(first).is_some()
    }

    /// The role of the kind of body written right before the name starting at `first`
    /// ("the campaign group X", "the think tank X"), if any.
    fn kind_before(&self, first: usize) -> Option<&'static str> {
        (1..=2).rev().find_map(|n| {
            let start = first.checked_sub(n)?;
            if self.doc.words[start].sentence != self.doc.words[first].sentence {
                return None;
            }
            // The kind is written in lower case (but for a sentence's first word): a
            // capitalised one is part of a name ("World Bank").
            let capitalised = (start..first).any(|w| {
                (w > 0 && self.doc.words[w - 1].sentence == self.doc.words[w].sentence)
                    && self
                        .doc
                        .slice(self.doc.words[w].span)
                        .starts_with(char::is_uppercase)
            });
            if capitalised {
                return None;
            }
            let phrase: Vec<String> = (start..first).map(|w| lower(self.doc, w)).collect();
            let phrase = phrase.join(" ").replace(" - ", "-");
            KIND_BEFORE_NAME
                .iter()
                .find(|(p, _)| phrase == *p || phrase.ends_with(&format!(" {p}")))
                .map(|(_, role)| *role)
        })
    }

    /// True when the coded organisation whose name starts at word `w` is named like a place
    /// ("Leeds" of "X, from Leeds"): its one word names a place, or its whole name does. A
    /// word inside a longer name does not count ("Human" of "Human Rights Watch" is also a
    /// small place's name).
    fn org_is_place(&self, w: usize) -> bool {
        let doc = self.doc;
        let mut end = w;
        while end + 1 < doc.words.len()
            && doc.words[end + 1].sentence == doc.words[w].sentence
            && self.word_org[end + 1].is_some()
            && self.word_org[end + 1] == self.word_org[w]
        {
            end += 1;
        }
        if end == w {
            return self.place_word(w);
        }
        let whole = doc.slice(Span::new(doc.words[w].span.start, doc.words[end].span.end));
        crate::places::embedded_gazetteer().is_ok_and(|g| !g.lookup(whole).is_empty())
    }

    /// True when word `w` names a place: a country or region of the article, a country or
    /// seat of power of the dictionary, or a place of the gazetteer ("Leeds").
    fn place_word(&self, w: usize) -> bool {
        let text = self.doc.slice(self.doc.words[w].span);
        self.word_country[w].is_some()
            || self.word_region[w]
            || crate::places::embedded_gazetteer().is_ok_and(|g| !g.lookup(text).is_empty())
            || self.dict.is_some_and(|d| {
                d.lookup_any(text).iter().any(|m| {
                    matches!(
                        m.kind,
                        crate::actors::ActorKind::Country | crate::actors::ActorKind::Metonym
                    )
                })
            })
    }

    /// The code a title gives an unknown person ("information commissioner" → `GOV`,
    /// "journalist" → `MED`, "former minister" → `ELI`): the role of the title's last role
    /// words, with the country of an adjective in it ("Iraqi President") or else the
    /// article's main country.
    fn title_code(&self, phrase: &[String], country: Option<&str>) -> Option<String> {
        let dict = self.dict?;
        // A spokesman speaks for the body named before the word ("police spokesman",
        // "chief police officers spokesman"); alone, for a government. A boss or a chief
        // leads it.
        let spoken_for = match phrase.split_last() {
            // A press spokesman speaks to the press, not for it.
            Some((last, body)) if BODY_TITLES.contains(&last.as_str()) => (0..body.len())
                .flat_map(|end| (0..end + 1).map(move |start| (start, end + 1)))
                .find_map(|(start, end)| dict.agent_role(&body[start..end].join(" ")))
                .filter(|role| *role != "MED"),
            // "General" after an office is no rank ("director general", "attorney general"),
            // after a rank it is ("major general").
            Some((last, [.., office]))
                if last == "general"
                    && !matches!(
                        office.as_str(),
                        "major" | "lieutenant" | "brigadier" | "lt" | "maj" | "brig"
                    ) =>
            {
                Some("GOV")
            }
            _ => None,
        };
        let role = spoken_for
            .or_else(|| legislature_title(phrase).then_some("LEG"))
            .or_else(|| {
                (0..phrase.len()).find_map(|start| dict.agent_role(&phrase[start..].join(" ")))
            })
            .or_else(|| {
                // Title words are kept in lower case; short role words are acronyms ("MP").
                let w = phrase.last()?;
                (w.chars().count() <= 3)
                    .then(|| dict.agent_role(&w.to_uppercase()))
                    .flatten()
            })
            .or_else(|| {
                // A secretary of a department ("Welsh Secretary", "culture secretary"); a
                // general secretary leads an organisation (see `POSTS`).
                let (last, body) = phrase.split_last()?;
                (last == "secretary" && body.last().is_some_and(|w| w != "general"))
                    .then_some("GOV")
            })
            .or_else(|| secretary_of_state(phrase).is_some().then_some("GOV"))
            .or_else(|| {
                // An official whose country is named as the title's owner ("Britain's
                // Europe director").
                let w = phrase.last()?;
                (country.is_some() && OFFICE_TITLES.contains(&w.as_str())).then_some("GOV")
            })?;
        // A shadow minister, also in an apposition after the name ("X, the shadow
        // education secretary"), is the opposition of the article's main country.
        if phrase.iter().any(|w| w == "shadow")
            && role.starts_with("GOV")
            && let Some(home) = &self.home
        {
            return Some(format!("{home}OPP"));
        }
        let former = phrase
            .iter()
            .any(|w| matches!(w.as_str(), "former" | "ex") || w.starts_with("ex-"));
        let role = if former && role.starts_with("GOV") {
            "ELI"
        } else {
            role
        };
        // A charity's boss works at home; a bare "charity" or "aid group" may be
        // international.
        if crate::actors::codes::is_non_state_root(role) && (spoken_for.is_none() || role != "NGO")
        {
            return Some(role.to_string());
        }
        // An office the article's country does not have is American ("senator" in a
        // British article).
        let american = (phrase.iter().any(|w| US_TITLES.contains(&w.as_str()))
            && self
                .home
                .as_deref()
                .is_some_and(|h| !COUNTRIES_WITH_SENATORS.contains(&h)))
            || secretary_of_state(phrase) == Some(true);
        let country = country
            .map(str::to_string)
            .or_else(|| phrase.iter().find_map(|w| word_country(dict, w)))
            .or_else(|| american.then(|| "USA".to_string()))
            .or_else(|| self.home.clone())?;
        Some(crate::actors::codes::combine(&country, role))
    }

    /// The word that ends a name and the "MP" written after it ("X MP, the party's
    /// treasurer"), or the age written after it ("X, 58, MP for Y"), so that an apposition
    /// is read after both.
    fn after_mp(&self, last: usize) -> usize {
        let words = &self.doc.words;
        if last + 3 < words.len()
            && words[last + 3].sentence == words[last].sentence
            && lower(self.doc, last + 1) == ","
            && lower(self.doc, last + 3) == ","
            // "X, 34, from Y" says where a person comes from, not whom he works for.
            && (last + 4 >= words.len() || lower(self.doc, last + 4) != "from")
            && {
                let age = self.doc.slice(words[last + 2].span);
                (1..=3).contains(&age.len()) && age.bytes().all(|b| b.is_ascii_digit())
            }
        {
            return last + 2;
        }
        if last + 2 < words.len()
            && words[last + 2].sentence == words[last].sentence
            && self.doc.slice(words[last + 1].span) == "MP"
            && lower(self.doc, last + 2) == ","
        {
            last + 1
        } else {
            last
        }
    }

    /// True when the comma at `comma` opens a relative clause that says what a person is
    /// ("X, who is chairman of ...", "X, who became the party's treasurer").
    fn relative_is(&self, comma: usize) -> bool {
        let doc = self.doc;
        comma + 3 < doc.words.len()
            && doc.words[comma + 3].sentence == doc.words[comma].sentence
            && lower(doc, comma + 1) == "who"
            && matches!(
                lower(doc, comma + 2).as_str(),
                "is" | "was" | "becomes" | "became"
            )
    }

    /// The title words of an apposition right after a name ("X, a BBC journalist", "X, the
    /// party's treasurer"), up to the first word that cannot be in a title.
    fn apposition_after(&self, last: usize) -> Vec<String> {
        let doc = self.doc;
        let last = self.after_mp(last);
        let sentence = doc.words[last].sentence;
        let mut phrase = Vec::new();
        let mut k = last + 1;
        // A comma or a dash ("Lord X - a senior law lord - said").
        if k >= doc.words.len()
            || !matches!(lower(doc, k).as_str(), "," | "-" | "\u{2013}" | "\u{2014}")
        {
            return phrase;
        }
        // A relative clause reads the same way ("X, who is Lord Chief Justice").
        let mut limit = 6;
        if self.relative_is(k) {
            k += 2;
            limit += 2;
        }
        while k + 1 < doc.words.len() && k - last < limit && doc.words[k + 1].sentence == sentence {
            k += 1;
            let word = lower(doc, k);
            if upos(doc, k) == "DET" && phrase.is_empty() {
                continue;
            }
            let title_word = matches!(upos(doc, k), "NOUN" | "ADJ")
                || (upos(doc, k) == "PROPN" && !self.taken[k])
                || TITLE_QUALIFIERS.contains(&word.as_str());
            if !title_word {
                break;
            }
            phrase.push(word);
        }
        phrase
    }

    /// The first word of a list of people that ends just before `first` ("David Davis,
    /// Oliver Letwin and" before "Tim Yeo"), so that the list's members share the title
    /// written before it; `first` itself when no person comes before.
    fn list_start(&self, first: usize) -> usize {
        // An honorific before the name ("and Sir X") stands between it and the list.
        let mut start = first;
        while start > 0
            && self.doc.words[start - 1].sentence == self.doc.words[first].sentence
            && HONORIFICS.contains(&lower(self.doc, start - 1).trim_end_matches('.'))
        {
            start -= 1;
        }
        let honorific = start;
        while start >= 2
            && matches!(lower(self.doc, start - 1).as_str(), "," | "and")
            && self.doc.words[start - 2].sentence == self.doc.words[start].sentence
        {
            let end = self.doc.words[start - 2].span.end;
            let Some(o) = self
                .occurrences
                .iter()
                .find(|o| self.clusters[o.cluster].sort == Sort::Person && o.end == end)
            else {
                break;
            };
            start = self.starts.partition_point(|&s| s < o.start);
        }
        if start == honorific { first } else { start }
    }

    /// The code of an unknown person, and the title words it came from: the organisation
    /// or title before the name (shared along a list of names), the organisation or title in
    /// an apposition after it, or else the article's main country alone.
    fn person_code(
        &self,
        first: usize,
        last: usize,
    ) -> (Option<String>, Vec<String>, &'static str) {
        let (code, phrase, before_country) = self.organisation_before(self.list_start(first));
        if code.is_some() {
            return (code, phrase, "rule organisation before the name");
        }
        // A spokesman named with no body and no country ("said spokesman X") speaks for
        // the organisation named last, in his sentence or the one before; a newspaper
        // reports rather than employs him.
        let bare: Vec<&str> = phrase
            .iter()
            .map(String::as_str)
            .filter(|w| !TITLE_QUALIFIERS.contains(w))
            .collect();
        if before_country.is_none()
            && matches!(
                bare.as_slice(),
                ["spokesman" | "spokeswoman" | "spokesperson"]
            )
            && let Some(code) = self
                .organisation_named_last(first, 1)
                .filter(|c| !c.ends_with("MED"))
        {
            return (
                Some(code),
                phrase,
                "rule spokesman for the organisation named last",
            );
        }
        if let Some(code) = self.organisation_after(last) {
            return (Some(code), phrase, "rule organisation after the name");
        }
        let (of_code, of_country) = self.of_after(last);
        if of_code.is_some() {
            return (of_code, phrase, "rule organisation after the name");
        }
        let country = before_country.or(of_country);
        if let Some(code) = self.title_code(&phrase, country.as_deref()) {
            return (Some(code), phrase, "rule title before the name");
        }
        if let Some((code, title, owner_country)) = self.apposition_before(first) {
            let code = code.or_else(|| self.title_code(&title, owner_country.as_deref()));
            if code.is_some() {
                return (code, title, "rule title before the name");
            }
        }
        let after = self.apposition_after(last);
        if let Some(code) = self.title_code(&after, country.as_deref()) {
            return (Some(code), after, "rule title after the name");
        }
        let mp = last + 1 < self.doc.words.len()
            && self.doc.words[last + 1].sentence == self.doc.words[last].sentence
            && self.doc.slice(self.doc.words[last + 1].span) == "MP";
        if mp && let Some(country) = &self.home {
            return (
                Some(format!("{country}LEG")),
                phrase,
                "rule title after the name",
            );
        }
        // A member of an American party named by it alone ("Democrat X", "Republican X")
        // is American when the article's country is another.
        let party: Vec<&str> = phrase
            .iter()
            .map(String::as_str)
            .filter(|w| !TITLE_QUALIFIERS.contains(w))
            .collect();
        let american = matches!(party.as_slice(), ["democrat" | "republican"])
            && self.home.as_deref().is_some_and(|h| h != "USA");
        // A foreign country named with the person ("his Spanish counterpart X", "X of
        // Pakistan", "X, a Sudanese trader") is theirs rather than the article's.
        let named = country
            .or_else(|| american.then(|| "USA".to_string()))
            .or_else(|| {
                self.dict
                    .and_then(|d| phrase.iter().find_map(|w| word_country(d, w)))
            })
            // In an apposition after the name only a nationality counts: its nouns may
            // be names of other things ("X, economist at ..." is no magazine's).
            .or_else(|| {
                self.dict.and_then(|d| {
                    after
                        .iter()
                        .find_map(|w| d.adjective_country(w).map(str::to_string))
                })
            });
        if let Some(c) = named.filter(|c| Some(c) != self.home.as_ref()) {
            return (Some(c), phrase, COUNTRY_NAMED);
        }
        // A British peer with no other title ("Lord X", "Baroness Y") sits in the House of
        // Lords.
        let peer = (first.saturating_sub(1)..=first).any(|w| {
            self.doc.words[w].sentence == self.doc.words[first].sentence
                && matches!(lower(self.doc, w).as_str(), "lord" | "baroness")
        });
        if peer && self.home.as_deref() == Some("GBR") {
            return (Some("GBRLEG".to_string()), phrase, PEER);
        }
        // A post inside an organisation, with none named and no owner ("General secretary
        // X"): the organisation named last.
        let post: Vec<&str> = phrase
            .iter()
            .map(String::as_str)
            .filter(|w| !TITLE_QUALIFIERS.contains(w))
            .collect();
        if POSTS.contains(&post.join(" ").replace(" - ", "-").as_str())
            && let Some(code) = self.organisation_before_word(first)
        {
            return (
                Some(code),
                phrase,
                "rule post in the organisation named last",
            );
        }
        let code = self.home.clone();
        (code, phrase, FALLBACK)
    }

    /// The code of an unknown organisation from the words of its name: a commission,
    /// authority or department is its country's government, a university education, a
    /// trust or society a non-governmental organisation, and so on (see `ORG_HEADS`). The
    /// country is that of an adjective in the name ("British Potato Council"), or else
    /// the article's main country.
    fn organisation_code(&self, words: &[&str], first: usize, last: usize) -> Option<String> {
        // A body the dictionary knows ("State Department", which the actor stage read only
        // inside a longer role phrase) keeps its own code.
        if let Some(code) = self.known_body(&words.join(" ")) {
            return Some(code);
        }
        // "the Coalition" alone, in a story of armed forces or armed groups, is the
        // military coalition of several states (`IGO`), not a campaign's.
        if matches!(words, ["Coalition"]) && self.armed_story() {
            return Some("IGO".to_string());
        }
        // The kind of body written before the name ("the campaign group X") beats its head
        // word.
        let kind = self.kind_before(first);
        // A body whose name tells nothing of its kind, named where only a body can be
        // (see `unnamed_body`), is taken for a campaign group.
        let role = kind
            .or_else(|| organisation_role(words))
            .or_else(|| self.unnamed_body(first, last).then_some("NGO"))?;
        // A committee of a parliament ("the Commons science committee", "the Lords
        // Constitution Committee") is its legislature's.
        let head = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
        let parliament = |w: &str| {
            matches!(
                w.to_lowercase().trim_end_matches("'s"),
                "commons" | "lords" | "parliamentary" | "select" | "senate" | "congressional"
            )
        };
        let sentence = self.doc.words[first].sentence;
        let before = (first.saturating_sub(6)..first)
            .filter(|&w| self.doc.words[w].sentence == sentence)
            .map(|w| self.doc.slice(self.doc.words[w].span))
            .collect::<Vec<_>>();
        let role = if role == "GOV"
            && matches!(head.as_str(), "committee" | "committees")
            && (words.iter().any(|w| parliament(w))
                || before
                    .iter()
                    .rev()
                    .take_while(|w| !matches!(**w, "," | "." | ";" | ":"))
                    .any(|w| parliament(w)))
        {
            "LEG"
        } else {
            role
        };
        let dict = self.dict;
        // The country a word names: its adjective ("Ugandan") or a country's name.
        let country_of = |w: &str| {
            dict.and_then(|d| {
                d.adjective_country(w).or_else(|| {
                    d.lookup_any(w)
                        .into_iter()
                        .find(|m| m.kind == crate::actors::ActorKind::Country)
                        .map(|m| m.code)
                })
            })
        };
        // A country named before the name in its own noun phrase is its country ("U.S.
        // Naval Forces ...", "the Ugandan charity X", "Kenya's X"): the nearest of the three
        // words before it, up to a determiner, a preposition, a verb, punctuation or another
        // name (a headline's "... in Ukraine" over a byline's "Boris Johnson" and "A Foreign
        // Office spokesman", joined into one sentence).
        let before: Vec<&str> = (first.saturating_sub(3)..first)
            .rev()
            .take_while(|&b| {
                self.doc.words[b].sentence == sentence
                    && (upos(self.doc, b) != "PROPN"
                        || country_of(self.doc.slice(self.doc.words[b].span)).is_some())
                    && (b + 1 == first
                        || !matches!(
                            upos(self.doc, b),
                            "DET" | "ADP" | "PUNCT" | "VERB" | "AUX" | "CCONJ" | "SCONJ" | "PRON"
                        ))
            })
            .map(|b| self.doc.slice(self.doc.words[b].span))
            .collect();
        let country = words
            .iter()
            .copied()
            .chain(before)
            .find_map(country_of)
            .map(str::to_string)
            .or_else(|| self.home.clone())?;
        Some(crate::actors::codes::combine(&country, role))
    }

    /// True when the actor stage found armed forces or armed groups in the document (a
    /// code with `MIL`, `REB` or the root `IMG`).
    fn armed_story(&self) -> bool {
        self.doc.entities.iter().any(|e| {
            e.code.as_deref().is_some_and(|c| {
                c.starts_with("IMG")
                    || c.get(3..)
                        .is_some_and(|role| role.starts_with("MIL") || role.starts_with("REB"))
            })
        })
    }

    /// The code the dictionary gives `name` as an organisation, a seat of power, a medium or
    /// a group on the article's date (any date when it has none).
    fn known_body(&self, name: &str) -> Option<String> {
        use crate::actors::ActorKind;
        let dict = self.dict?;
        let date = self
            .doc
            .meta
            .published
            .as_deref()
            .and_then(|p| crate::actors::Date::parse(p.get(..10).unwrap_or(p)));
        let found = match date {
            Some(d) => dict.lookup(name, d),
            None => dict.lookup_any(name),
        };
        found
            .iter()
            .rev()
            .find(|m| {
                matches!(
                    m.kind,
                    ActorKind::Organisation
                        | ActorKind::Metonym
                        | ActorKind::Media
                        | ActorKind::Group
                )
            })
            .map(|m| m.code.to_string())
    }

    fn occur(&mut self, cluster: usize, first: usize, last: usize, span: Span) {
        let head = head_of(self.doc, first, last);
        self.occurrences.push(Occurrence {
            cluster,
            sentence: self.doc.words[head].sentence,
            head,
            role: role_of(self.doc, head),
            start: span.start,
            end: span.end,
        });
    }

    /// Adds a mention to a cluster.
    fn add(&mut self, cluster: usize, first: usize, last: usize) {
        let span = Span::new(
            self.doc.words[first].span.start,
            self.doc.words[last].span.end,
        );
        for w in first..=last {
            self.taken[w] = true;
        }
        self.clusters[cluster].added.push(span);
        self.occur(cluster, first, last, span);
    }

    /// Candidates before word `at`, most salient first, within `window` sentences.
    fn candidates(&self, at: usize, window: u32) -> Vec<Occurrence> {
        let sentence = self.doc.words[at].sentence;
        let start = self.doc.words[at].span.start;
        let mut list: Vec<Occurrence> = self
            .occurrences
            .iter()
            .filter(|o| o.start < start && sentence.saturating_sub(o.sentence) <= window)
            .copied()
            .collect();
        list.sort_by_key(|o| (sentence - o.sentence.min(sentence), o.role, o.start));
        list
    }

    /// Names the actor stage left alone: joined to an entity with the same name or surname,
    /// or made entities of their own.
    fn link_names(&mut self) {
        let mut mentions: Vec<_> = self.doc.mentions.clone();
        mentions.extend(self.named_organisations());
        mentions.extend(self.titled_judges());
        mentions.extend(self.titled_peers(&mentions));
        mentions.sort_by_key(|m| m.span);
        // Unknown organisations are coded from their names first, so that a person named
        // before one ("X, of the League Against ...") can take its code.
        for m in &mentions {
            if let Some((first, last)) = words_in(self.doc, &self.starts, m.span)
                && matches!(
                    m.kind,
                    EntityType::Org | EntityType::Gpe | EntityType::Loc | EntityType::Fac
                )
                && !(first..=last).any(|w| self.taken[w])
            {
                let words: Vec<&str> = self.doc.slice(m.span).split_whitespace().collect();
                if let Some(code) = self.organisation_code(&words, first, last) {
                    for w in first..=last {
                        self.word_org[w] = Some(code.clone());
                    }
                }
            }
        }
        for mut m in mentions {
            let Some((mut first, mut last)) = words_in(self.doc, &self.starts, m.span) else {
                continue;
            };
            // A judge's title and name the tagger took for a body ("Justice X" of "Mr
            // Justice X") is a person, and so is a peer's title and name ("Baroness X").
            if matches!(
                m.kind,
                EntityType::Gpe | EntityType::Loc | EntityType::Org | EntityType::Fac
            ) && last > first
                && !(first..=last).any(|w| self.taken[w])
                && (self.judge_title(first)
                    || self.judge_title(first + 1)
                    || (matches!(
                        self.doc.slice(self.doc.words[first].span),
                        "Lord" | "Baroness" | "Lady"
                    ) && organisation_role(
                        &(first + 1..=last)
                            .map(|w| self.doc.slice(self.doc.words[w].span))
                            .collect::<Vec<_>>(),
                    )
                    .is_none()))
            {
                m.kind = EntityType::Person;
            }
            // A peer's name the tagger took for a place or a body ("Lord Bristol",
            // "Baroness Warwick") is a person.
            if matches!(
                m.kind,
                EntityType::Gpe | EntityType::Loc | EntityType::Org | EntityType::Fac
            ) && first > 0
                && self.doc.words[first - 1].sentence == self.doc.words[first].sentence
                && matches!(
                    self.doc.slice(self.doc.words[first - 1].span),
                    "Lord" | "Baroness" | "Lady"
                )
                && !(first..=last).any(|w| self.taken[w])
                && organisation_role(
                    &(first..=last)
                        .map(|w| self.doc.slice(self.doc.words[w].span))
                        .collect::<Vec<_>>(),
                )
                .is_none()
            {
                m.kind = EntityType::Person;
            }
            // A name after the kind of body it is ("airport operator X", "campaigners X")
            // is that body, unless it starts with a known first name.
            if m.kind == EntityType::Person && self.kind_before(first).is_some() {
                let words: Vec<&str> = self.doc.slice(m.span).split_whitespace().collect();
                if gender_of_name(&words).is_none() {
                    m.kind = EntityType::Org;
                }
            }
            let Some(mut sort) = sort_of(m.kind) else {
                continue;
            };
            // A country's mission the actor stage read ("the U.S. Embassy") with the title
            // of its staff after it ("Chargé d'Affaires") is no name of its own.
            if let Some(mission) = (first..last)
                .find(|&w| crate::actors::resolve::MISSIONS.contains(&lower(self.doc, w).as_str()))
                && (first..=mission).all(|w| self.soft[w])
            {
                continue;
            }
            // A name followed by "Ltd", "Limited" or "plc" is a company, whatever the tagger
            // said.
            if last + 1 < self.doc.words.len()
                && self.doc.words[last + 1].sentence == self.doc.words[last].sentence
                && !self.taken[last + 1]
                && matches!(
                    lower(self.doc, last + 1).trim_end_matches('.'),
                    "ltd" | "limited" | "plc" | "inc" | "llc" | "corp"
                )
            {
                last += 1;
                sort = Sort::Org;
            }
            // A hyphenated surname the tagger cut at the hyphen ("Robert Kilroy" of "Robert
            // Kilroy-Silk"): the name goes on over the hyphen and the capitalised word after
            // it, written without spaces.
            if sort == Sort::Person {
                let words = &self.doc.words;
                while last + 2 < words.len()
                    && words[last + 2].sentence == words[last].sentence
                    && matches!(self.doc.slice(words[last + 1].span), "-" | "\u{2010}")
                    && words[last].span.end == words[last + 1].span.start
                    && words[last + 1].span.end == words[last + 2].span.start
                    && !self.taken[last + 2]
                    && self
                        .doc
                        .slice(words[last + 2].span)
                        .starts_with(char::is_uppercase)
                {
                    last += 2;
                }
            }
            // A body named after a place: the tagger's place with the capitalised words after
            // it that end in a body's head ("West Midlands" + "Police", "Glasgow" + "City
            // Council"), or with a body's head and "of" before it ("the Archbishop of" +
            // "Canterbury").
            if matches!(sort, Sort::Place | Sort::Org) {
                let words = &self.doc.words;
                let text = |w: usize| self.doc.slice(words[w].span);
                let capital = |w: usize| text(w).starts_with(char::is_uppercase);
                let mut end = last;
                while end + 1 < words.len()
                    && words[end + 1].sentence == words[last].sentence
                    && !self.taken[end + 1]
                    && end - last < 4
                {
                    // "of" inside the body's name ("Leeds Chamber of Commerce").
                    if capital(end + 1) {
                        end += 1;
                    } else if text(end + 1) == "of"
                        && end > last
                        && end + 2 < words.len()
                        && words[end + 2].sentence == words[last].sentence
                        && capital(end + 2)
                        && !self.taken[end + 2]
                    {
                        end += 2;
                    } else {
                        break;
                    }
                }
                // A place's police may be written in lower case ("West Yorkshire police").
                if end == last
                    && end + 1 < words.len()
                    && words[end + 1].sentence == words[last].sentence
                    && !self.taken[end + 1]
                    && organisation_role(&[text(end + 1)]) == Some("COP")
                {
                    end += 1;
                }
                // The last capitalised word that is a body's head ends the name.
                while end > last && organisation_role(&[text(end)]).is_none() {
                    end -= 1;
                }
                if end > last {
                    last = end;
                    sort = Sort::Org;
                }
                if sort == Sort::Place
                    && first >= 2
                    && words[first - 2].sentence == words[first].sentence
                    && matches!(text(first - 1), "of" | "for")
                    && capital(first - 2)
                    && !self.taken[first - 2]
                    && organisation_role(&[text(first - 2)]).is_some()
                {
                    first -= 2;
                    sort = Sort::Org;
                }
            }
            // A "person" whose name ends in a body's head ("Council" of "the Refugee
            // Council") is that body, with the capitalised words before it.
            if sort == Sort::Person
                && matches!(
                    lower(self.doc, last).as_str(),
                    "council"
                        | "commission"
                        | "committee"
                        | "authority"
                        | "agency"
                        | "association"
                        | "department"
                        | "ministry"
                        | "federation"
                        | "institute"
                )
            {
                sort = Sort::Org;
                let words = &self.doc.words;
                while first > 0
                    && last - first < 5
                    && words[first - 1].sentence == words[last].sentence
                    && !self.taken[first - 1]
                    && lower(self.doc, first - 1) != "the"
                    && self
                        .doc
                        .slice(words[first - 1].span)
                        .starts_with(char::is_uppercase)
                {
                    first -= 1;
                }
            }
            // A university, hospital or council the tagger took for a place is an
            // organisation.
            if sort == Sort::Place
                && organisation_role(
                    &self
                        .doc
                        .slice(m.span)
                        .split_whitespace()
                        .collect::<Vec<_>>(),
                )
                .is_some()
            {
                sort = Sort::Org;
            }
            // A name whose start the actor stage took ("Lib Dem" of "Lib Dem MP Lembit
            // Opik"): the words after it; role words before a person's name are not the name.
            let tagged_first = first;
            while first < last
                && (self.taken[first]
                    || (first > 0
                        && self.taken[first - 1]
                        && matches!(lower(self.doc, first).as_str(), "and" | "of" | "the")))
            {
                first += 1;
            }
            // What is left after a name the actor stage took is no name of its own when it
            // is written in lower case: it belongs to that name ("party" of "the Labour
            // party").
            if first > tagged_first
                && (first..=last).all(|w| {
                    !self
                        .doc
                        .slice(self.doc.words[w].span)
                        .starts_with(char::is_uppercase)
                })
            {
                let end = self.doc.words[first - 1].span.end;
                if let Some(c) = self
                    .occurrences
                    .iter()
                    .find(|o| o.end == end)
                    .map(|o| o.cluster)
                {
                    self.add(c, first, last);
                }
                continue;
            }
            if sort == Sort::Person {
                while first < last
                    && (self.role_word(first)
                        || upos(self.doc, first) != "PROPN"
                        || TITLE_QUALIFIERS.contains(&lower(self.doc, first).as_str())
                        || self.judge_title(first))
                {
                    first += 1;
                }
            }
            if (first..=last).any(|w| self.taken[w]) {
                continue;
            }
            // A peer's title names a place ("Lord Nicholls of Birkenhead"): the place is
            // part of his mention, no actor of its own (his name stays "Nicholls").
            let mut mention_last = last;
            if sort == Sort::Person {
                let words = &self.doc.words;
                let peer = (first.saturating_sub(1)..=first).any(|w| {
                    words[w].sentence == words[first].sentence
                        && matches!(lower(self.doc, w).as_str(), "lord" | "baroness" | "lady")
                });
                let mut end = last + 1;
                if peer && end + 1 < words.len() && lower(self.doc, end) == "of" {
                    while end + 1 < words.len()
                        && words[end + 1].sentence == words[last].sentence
                        && self
                            .doc
                            .slice(words[end + 1].span)
                            .starts_with(char::is_uppercase)
                        && !self.taken[end + 1]
                    {
                        end += 1;
                    }
                    if end > last + 1 {
                        mention_last = end;
                    }
                }
            }
            // A title's qualifier the tagger took for a name ("Shadow" of "Shadow home
            // secretary X") is part of the title read with the name.
            if sort == Sort::Person
                && first == last
                && TITLE_QUALIFIERS.contains(&lower(self.doc, first).as_str())
            {
                continue;
            }
            // A place inside a role phrase ("the Dublin government") is part of that actor.
            if sort == Sort::Place && (first..=last).all(|w| self.soft[w]) {
                continue;
            }
            let span = Span::new(
                self.doc.words[first].span.start,
                self.doc.words[last].span.end,
            );
            let text = self.doc.slice(span);
            let mut words: Vec<&str> = text.split_whitespace().collect();
            // A title just before a person's name tells the gender ("Mrs Helga Brandt"); the
            // mention stays the name.
            if sort == Sort::Person
                && first > 0
                && self.doc.words[first - 1].sentence == self.doc.words[first].sentence
            {
                let before = self.doc.slice(self.doc.words[first - 1].span);
                if before.starts_with(char::is_uppercase)
                    && TITLES.contains(&before.trim_end_matches('.').to_lowercase().as_str())
                {
                    words.insert(0, before);
                }
            }
            let stripped = strip_titles(&words);
            let full = normalize(&stripped.join(" "));
            let last_word = stripped.last().map(|w| normalize(w)).unwrap_or_default();
            // The most recent cluster with this name, or (for people) this surname.
            let found = self
                .occurrences
                .iter()
                .rev()
                .map(|o| o.cluster)
                .find(|&c| {
                    let cl = &self.clusters[c];
                    !cl.latent
                        && (cl.names.contains(&full)
                            || (sort == Sort::Person
                                && cl.sort == Sort::Person
                                && (cl.surnames.contains(&full)
                                    || (stripped.len() == 1 && cl.surnames.contains(&last_word))
                                    // A surname alone first (in a headline), the full
                                    // name later.
                                    || (cl.entity.is_none()
                                        && cl.names.iter().all(|n| cl.surnames.contains(n))
                                        && cl.names.contains(&last_word)))))
                })
                .or_else(|| {
                    self.clusters
                        .iter()
                        .position(|cl| !cl.latent && cl.sort == sort && cl.names.contains(&full))
                });
            // A body's head word alone after "the" ("the Commission") is the body named
            // before with that word in its name ("the European Commission").
            let found = found.or_else(|| {
                let head = stripped.first().filter(|_| stripped.len() == 1)?;
                if sort != Sort::Org || !crate::actors::resolve::after_the(self.doc, span) {
                    return None;
                }
                let body = crate::actors::resolve::body_named_before(
                    self.doc,
                    &self.doc.entities,
                    head,
                    span.start,
                )?;
                self.clusters.iter().position(|cl| cl.entity == Some(body))
            });
            let cluster = match found {
                // A person known only by the article's country gets the code of a title
                // written with a later mention ("Galloway ..." then "Ex-Labour MP George
                // Galloway").
                Some(c)
                    if sort == Sort::Person
                        && matches!(self.clusters[c].basis, FALLBACK | COUNTRY_NAMED | PEER) =>
                {
                    let (code, phrase, basis) = self.person_code(first, last);
                    if !matches!(basis, FALLBACK | COUNTRY_NAMED | PEER) {
                        let cl = &mut self.clusters[c];
                        cl.country = code.as_deref().and_then(|x| x.get(..3)).map(str::to_string);
                        cl.code = code;
                        cl.basis = basis;
                        cl.titles.extend(phrase.iter().cloned());
                        cl.title_phrases.push(phrase);
                    }
                    c
                }
                // An unknown organisation first named bare (in a headline) takes the code a
                // later mention gives ("airport operator X").
                Some(c)
                    if sort == Sort::Org
                        && self.clusters[c].entity.is_none()
                        && self.clusters[c].code.is_none()
                        && self.kind_before(first).is_some() =>
                {
                    if let Some(code) = self.organisation_code(&stripped, first, last) {
                        let cl = &mut self.clusters[c];
                        cl.country = code.get(..3).map(str::to_string);
                        cl.code = Some(code);
                        cl.basis = "rule organisation name";
                    }
                    c
                }
                Some(c) => c,
                None if sort == Sort::Person => {
                    // An unknown person takes the code of the organisation named just
                    // before, across title words ("Tory MP John Redwood").
                    let (code, phrase, basis) = self.person_code(first, last);
                    self.clusters.push(Cluster {
                        entity: None,
                        name: stripped.join(" "),
                        kind: m.kind,
                        sort,
                        gender: None,
                        plural: false,
                        country: code.as_deref().and_then(|c| c.get(..3)).map(str::to_string),
                        titles: phrase.clone(),
                        title_phrases: vec![phrase],
                        code,
                        basis,
                        surnames: Vec::new(),
                        names: vec![full.clone()],
                        added: Vec::new(),
                        latent: false,
                        is_group: false,
                    });
                    self.clusters.len() - 1
                }
                None => {
                    // An organisation's name may tell its role ("Electoral Commission").
                    let code = if sort == Sort::Org {
                        self.organisation_code(&stripped, first, last)
                    } else {
                        None
                    };

                    self.clusters.push(Cluster {
                        entity: None,
                        name: stripped.join(" "),
                        kind: if sort == Sort::Org {
                            EntityType::Org
                        } else {
                            m.kind
                        },
                        sort,
                        gender: None,
                        plural: false,
                        country: code.as_deref().and_then(|c| c.get(..3)).map(str::to_string),
                        titles: Vec::new(),
                        surnames: Vec::new(),
                        names: vec![full.clone()],
                        added: Vec::new(),
                        latent: false,
                        is_group: false,
                        title_phrases: Vec::new(),
                        code,
                        basis: "rule organisation name",
                    });
                    self.clusters.len() - 1
                }
            };
            if sort == Sort::Person {
                let mut cl = self.clusters[cluster].clone();
                self.learn_name(&mut cl, &words);
                self.clusters[cluster] = cl;
            }
            // An acronym in brackets right after an organisation's name is that name
            // within the document ("the Ghana Union of Farmers (GUF)").
            if sort == Sort::Org
                && last + 3 < self.doc.words.len()
                && self.doc.words[last + 2].sentence == self.doc.words[last].sentence
                && lower(self.doc, last + 1) == "("
                && lower(self.doc, last + 3) == ")"
            {
                let acronym = self.doc.slice(self.doc.words[last + 2].span);
                if (2..=6).contains(&acronym.len())
                    && acronym.chars().all(|c| c.is_ascii_uppercase())
                {
                    let key = normalize(acronym);
                    if !self.clusters[cluster].names.contains(&key) {
                        self.clusters[cluster].names.push(key);
                    }
                    // The tagger may have cut the name ("Tailors" of "the Nepal Union of
                    // Tailors"): the whole capitalised name before the bracket tells the
                    // code of a body it left uncoded.
                    if self.clusters[cluster].entity.is_none()
                        && self.clusters[cluster].code.is_none()
                    {
                        let mut start = last;
                        while start > 0
                            && last - start < 8
                            && self.doc.words[start - 1].sentence == self.doc.words[last].sentence
                        {
                            let w = self.doc.slice(self.doc.words[start - 1].span);
                            if !(w.starts_with(char::is_uppercase)
                                || matches!(w, "of" | "for" | "and"))
                                || lower(self.doc, start - 1) == "the"
                            {
                                break;
                            }
                            start -= 1;
                        }
                        let name: Vec<&str> = (start..=last)
                            .map(|w| self.doc.slice(self.doc.words[w].span))
                            .collect();
                        if let Some(code) = self.organisation_code(&name, start, last) {
                            self.clusters[cluster].code = Some(code);
                            self.clusters[cluster].basis = "rule organisation name";
                        }
                    }
                }
            }
            // A place of no country ("Europe", a region `EUR`) may stand inside a title.
            if sort == Sort::Place
                && self.clusters[cluster]
                    .country
                    .as_deref()
                    .is_none_or(crate::actors::codes::is_non_state_root)
            {
                self.word_region[first..=last]
                    .iter_mut()
                    .for_each(|x| *x = true);
            }
            self.add(cluster, first, mention_last);
        }
        self.occurrences.sort_by_key(|o| o.start);
    }

    /// People the dictionary knows but who hold no term on the article's date: the title
    /// read around their first mention ("housing minister X", "Labour's X") gives the
    /// role, when it names the person's own country.
    fn retitle_undated(&mut self) {
        for c in 0..self.clusters.len() {
            if self.clusters[c].basis != UNDATED {
                continue;
            }
            let Some(o) = self.occurrences.iter().find(|o| o.cluster == c).copied() else {
                continue;
            };
            let first = self.starts.partition_point(|&s| s < o.start);
            let last = self
                .starts
                .partition_point(|&s| s < o.end)
                .saturating_sub(1);
            if first > last {
                continue;
            }
            let (code, _, basis) = self.person_code(first, last);
            let Some(country) = self.clusters[c].country.clone() else {
                continue;
            };
            if matches!(basis, FALLBACK | COUNTRY_NAMED | PEER) {
                continue;
            }
            // A title read with the article's country ("Deputy Secretary of State X" in a
            // Syrian story) keeps its role and takes the person's country; an
            // international body's code stays whole.
            let Some(code) = code.filter(|x| x.len() > 3) else {
                continue;
            };
            let root = crate::actors::codes::root(&code);
            let code = if self.dict.is_some_and(|d| d.is_country(root)) {
                crate::actors::codes::combine(&country, code.get(3..).unwrap_or(""))
            } else {
                code
            };
            self.clusters[c].code = Some(code);
        }
    }

    /// Descriptions, noun phrases and pronouns, in text order.
    fn link_rest(&mut self) {
        let n = self.doc.words.len();
        let mut w = 0;
        while w < n {
            if self.taken[w] {
                w += 1;
                continue;
            }
            let pos = upos(self.doc, w);
            if pos == "PRON" || pos == "DET" && lower(self.doc, w) == "its" {
                self.pronoun(w);
                w += 1;
            } else if pos == "NOUN" {
                self.noun_phrase(w);
                w += 1;
            } else {
                w += 1;
            }
        }
    }

    fn pronoun(&mut self, w: usize) {
        let word = lower(self.doc, w);
        let (gender, person, possessive) = match word.as_str() {
            "he" | "him" | "himself" => (Some(Gender::Male), Some(true), false),
            "his" => (Some(Gender::Male), Some(true), true),
            "she" | "herself" => (Some(Gender::Female), Some(true), false),
            "her" | "hers" => (Some(Gender::Female), Some(true), true),
            "it" | "itself" => (None, Some(false), false),
            "its" => (None, Some(false), true),
            "they" | "them" | "themselves" => (None, None, false),
            "their" | "theirs" => (None, None, true),
            _ => return,
        };
        if deprel(self.doc, w) == "expl" || (word == "it" && self.pleonastic(w)) {
            return;
        }
        let reflexive = word.ends_with("self") || word.ends_with("selves");
        let verb = self.doc.words[w].head;
        let agrees = |o: &Occurrence| {
            let c = &self.clusters[o.cluster];
            match person {
                Some(true) => {
                    c.sort == Sort::Person
                        && !c.plural
                        && (c.gender.is_none() || c.gender == gender)
                }
                Some(false) => c.sort != Sort::Person && !c.plural,
                None => c.plural || c.sort == Sort::Org,
            }
        };
        // The object of a verb stands for an earlier object of the same verb ("Y asked them
        // to extradite X ... they will not extradite him"): the person a demand was about.
        let object_of = (!possessive && !reflexive && role_of(self.doc, w) == 1)
            .then_some(verb)
            .flatten()
            .map(|v| lemma(self.doc, v as usize));
        let start = self.doc.words[w].span.start;
        let parallel = object_of.and_then(|verb_lemma| {
            self.occurrences
                .iter()
                .rev()
                .filter(|o| o.start < start && !self.clusters[o.cluster].latent)
                .find(|o| {
                    role_of(self.doc, o.head) == 1
                        && self.doc.words[o.head]
                            .head
                            .is_some_and(|h| lemma(self.doc, h as usize) == verb_lemma)
                        && self.doc.words[o.head].head != verb
                        && agrees(o)
                })
                .map(|o| o.cluster)
        });
        let found = parallel.or_else(|| {
            self.candidates(w, PRONOUN_WINDOW)
                .into_iter()
                .find(|o| {
                    if !agrees(o) {
                        return false;
                    }
                    let co_argument = self.doc.words[o.head].head == verb
                        && self.doc.words[o.head].sentence == self.doc.words[w].sentence;
                    // "He praised him": a plain object pronoun is not its verb's subject; a
                    // reflexive stands for its own verb's subject.
                    let object = !possessive && role_of(self.doc, w) != 0;
                    if reflexive {
                        co_argument
                    } else {
                        !(co_argument && object)
                    }
                })
                .map(|o| o.cluster)
        });
        // "X said that Russia had granted asylum to ensure his safety": inside a clause
        // reported by X with a subject of its own, a pronoun stands for that subject when
        // it agrees ("X said Y wants to use his fame"), else for the person the previous
        // sentences were about rather than the speaker, when that person was mentioned
        // more often and has the pronoun's gender.
        let found = match (found, self.reporting_speaker(w)) {
            (Some(c), Some((speaker, own))) if c == speaker => {
                let sentence = self.doc.words[w].sentence;
                let speaker_topic = self.topicality(speaker, sentence);
                let own_subject = self
                    .occurrences
                    .iter()
                    .find(|o| o.head == own && o.start < start && agrees(o))
                    .map(|o| o.cluster);
                let topic = || {
                    self.candidates(w, PRONOUN_WINDOW)
                        .into_iter()
                        .find(|o| {
                            o.cluster != speaker
                                && o.sentence < sentence
                                && !self.clusters[o.cluster].latent
                                && agrees(o)
                                && person == Some(true)
                                && self.clusters[o.cluster].gender == gender
                        })
                        .map(|o| o.cluster)
                        .filter(|&alt| self.topicality(alt, sentence) > speaker_topic)
                };
                own_subject.or_else(topic).or(found)
            }
            _ => found,
        };
        if let Some(c) = found {
            if person == Some(true) && self.clusters[c].gender.is_none() {
                self.clusters[c].gender = gender;
            }
            self.add(c, w, w);
        }
    }

    /// The cluster of the speaker whose reported clause holds word `w`, and that clause's own
    /// subject when it is not the speaker ("X said that Russia had granted asylum to ensure
    /// his safety" → X and "Russia").
    fn reporting_speaker(&self, w: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let subject_of = |v: usize| {
            let sentence = doc.words.get(v)?.sentence;
            doc.words
                .iter()
                .enumerate()
                .find(|(i, x)| {
                    x.sentence == sentence
                        && x.head == Some(v as u32)
                        && deprel(doc, *i).starts_with("nsubj")
                })
                .map(|(i, _)| i)
        };
        let cluster_at = |word: usize| {
            let span = doc.words.get(word)?.span;
            self.occurrences
                .iter()
                .find(|o| o.head == word || o.start <= span.start && span.end <= o.end)
                .map(|o| o.cluster)
        };
        let mut own_subject = None;
        let mut current = w;
        for _ in 0..8 {
            let head = doc.words.get(current)?.head? as usize;
            if own_subject.is_none()
                && let Some(s) = subject_of(head).filter(|&s| s != w)
            {
                own_subject = Some(s);
            }
            if deprel(doc, current) == "ccomp"
                && REPORTING_VERBS.contains(&lemma(doc, head).as_str())
            {
                let speaker = cluster_at(subject_of(head)?)?;
                let own = own_subject?;
                if upos(doc, own) == "PRON" && cluster_at(own).is_none() {
                    return None;
                }
                return (cluster_at(own) != Some(speaker)).then_some((speaker, own));
            }
            current = head;
        }
        None
    }

    /// In how many of the three sentences before `sentence` a cluster is mentioned.
    fn topicality(&self, cluster: usize, sentence: u32) -> usize {
        let mut seen: Vec<u32> = self
            .occurrences
            .iter()
            .filter(|o| {
                o.cluster == cluster
                    && o.sentence < sentence
                    && sentence - o.sentence <= PRONOUN_WINDOW
            })
            .map(|o| o.sentence)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }

    /// "It is likely that ...", "it was decided to ...": an "it" that stands for nothing.
    fn pleonastic(&self, w: usize) -> bool {
        let sentence = self.doc.words[w].sentence;
        let next = |k: usize| {
            (w + k < self.doc.words.len() && self.doc.words[w + k].sentence == sentence)
                .then(|| lemma(self.doc, w + k))
        };
        if next(1).as_deref() != Some("be") {
            return false;
        }
        (2..7).any(|k| matches!(next(k).as_deref(), Some("that" | "to")))
    }

    /// A common noun heading a phrase: a description of an earlier entity, or a new
    /// candidate antecedent.
    fn noun_phrase(&mut self, noun: usize) {
        let doc = self.doc;
        let lem = lemma(doc, noun);
        let person = person_noun(&lem);
        let sort = if person.is_some() {
            Sort::Person
        } else if ORG_NOUNS.contains(&lem.as_str()) {
            Sort::Org
        } else if PLACE_NOUNS.contains(&lem.as_str()) {
            Sort::Place
        } else {
            return;
        };
        // Only the head noun of its phrase: "the party leader" is about the leader.
        let sentence = doc.words[noun].sentence;
        if noun + 1 < doc.words.len()
            && doc.words[noun + 1].sentence == sentence
            && matches!(upos(doc, noun + 1), "NOUN" | "PROPN")
        {
            return;
        }
        // A title before a name ("the minister Sergei Lavrov") belongs to the name.
        if deprel(doc, noun) == "compound" {
            return;
        }
        // The phrase starts at its determiner, with the adjectives and nouns between.
        let mut first = noun;
        while first > 0
            && doc.words[first - 1].sentence == sentence
            && !self.taken[first - 1]
            && matches!(
                upos(doc, first - 1),
                "ADJ" | "NOUN" | "NUM" | "DET" | "PROPN"
            )
        {
            first -= 1;
            if upos(doc, first) == "DET" {
                break;
            }
        }
        let det = (upos(doc, first) == "DET").then(|| lower(doc, first));
        let plural = doc.words[noun].xpos.as_deref() == Some("NNS")
            || matches!(
                lem.as_str(),
                "couple" | "people" | "family" | "police" | "parent"
            ) && lem != "family";
        let words: Vec<String> = (first..=noun).map(|k| lower(doc, k)).collect();
        let definite = matches!(det.as_deref(), Some("the" | "this" | "that" | "both"))
            || words.iter().any(|x| x == "both");
        let gender = person.flatten();
        // Country adjectives in the phrase ("the Syrian interim leader").
        let countries: Vec<String> = (first..noun)
            .filter(|&k| upos(doc, k) == "ADJ" || upos(doc, k) == "PROPN")
            .filter_map(|k| adjective_country(doc.slice(doc.words[k].span)))
            .collect();
        if definite {
            let two = words.iter().any(|x| matches!(x.as_str(), "two" | "both"));
            if sort == Sort::Person && two && plural {
                self.two_people(first, noun);
                return;
            }
            let adjectives: Vec<&String> = words[1..words.len() - 1].iter().collect();
            let found = self
                .candidates(noun, DESCRIPTION_WINDOW)
                .into_iter()
                .find(|o| {
                    let c = &self.clusters[o.cluster];
                    if c.sort != sort || c.plural != plural || c.latent && sort == Sort::Person {
                        return false;
                    }
                    if gender.is_some() && c.gender.is_some() && gender != c.gender {
                        return false;
                    }
                    if !countries.is_empty()
                        && c.country.as_ref().is_none_or(|x| !countries.contains(x))
                    {
                        return false;
                    }
                    match sort {
                        Sort::Person => {
                            // The noun (or, for "leader", any head's title) must be a title
                            // of the person; a gendered noun needs no title.
                            let gendered = (person == Some(Some(Gender::Male))
                                || person == Some(Some(Gender::Female)))
                                && c.gender == gender
                                && adjectives.is_empty();
                            gendered || title_fits(&c.title_phrases, &lem, &adjectives)
                        }
                        Sort::Org => {
                            // "The group" is an armed or political group; otherwise the noun
                            // must be in the organisation's name or role phrase ("the party"
                            // for the Labour Party).
                            c.kind == EntityType::Org
                                && ((lem == "group" && c.is_group)
                                    || c.titles.contains(&lem)
                                    || c.names.iter().any(|x| x.split(' ').any(|p| p == lem)))
                        }
                        Sort::Place => {
                            // A country's code is its three letters alone ("SYR"); a capital
                            // standing for its government has a role ("SYRGOV").
                            let country = c
                                .entity
                                .and_then(|e| doc.entities.get(e))
                                .and_then(|e| e.code.as_deref())
                                .is_some_and(|x| x.len() == 3);
                            match lem.as_str() {
                                "country" | "nation" | "kingdom" | "republic" => {
                                    c.kind == EntityType::Gpe && country
                                }
                                // A region, province or island is not a city.
                                "region" | "province" | "island" => c.kind == EntityType::Loc,
                                // A city, town or village is not a country.
                                _ => c.kind == EntityType::Gpe && !country,
                            }
                        }
                    }
                })
                .map(|o| o.cluster);
            // A title given only after the name ("Mr Ford ... . The minister said"): the
            // most salient person of the last two sentences, known only by the article's
            // country, takes it when the description names a role of the dictionary.
            let found = found.or_else(|| {
                if sort != Sort::Person || plural || !countries.is_empty() {
                    return None;
                }
                let o = self.candidates(noun, 2).into_iter().find(|o| {
                    let c = &self.clusters[o.cluster];
                    c.sort == Sort::Person && !c.plural && !c.latent
                })?;
                let c = &self.clusters[o.cluster];
                if c.basis != FALLBACK
                    || c.title_phrases.iter().any(|p| !p.is_empty())
                    || gender.is_some() && c.gender.is_some() && gender != c.gender
                {
                    return None;
                }
                let phrase: Vec<String> = words
                    .iter()
                    .filter(|x| !matches!(x.as_str(), "the" | "this" | "that"))
                    .cloned()
                    .collect();
                let code = self.title_code(&phrase, c.country.as_deref())?;
                let cluster = o.cluster;
                let c = &mut self.clusters[cluster];
                c.code = Some(code);
                c.basis = LATER_TITLE;
                c.title_phrases.push(phrase.clone());
                c.titles.extend(phrase);
                Some(cluster)
            });
            if let Some(c) = found {
                self.add(c, first, noun);
                if (first..=noun).any(|k| self.soft[k]) {
                    self.displaced.push(Span::new(
                        doc.words[first].span.start,
                        doc.words[noun].span.end,
                    ));
                }
                return;
            }
        }
        // A new candidate antecedent: a person or group the text introduces (role phrases
        // are entities already).
        if sort == Sort::Place || self.soft[noun] {
            return;
        }
        self.clusters.push(Cluster {
            entity: None,
            name: (first..=noun)
                .map(|k| doc.slice(doc.words[k].span))
                .collect::<Vec<_>>()
                .join(" "),
            kind: if sort == Sort::Person {
                EntityType::Person
            } else {
                EntityType::Org
            },
            sort,
            gender,
            plural,
            country: countries.first().cloned(),
            titles: vec![lem],
            surnames: Vec::new(),
            names: Vec::new(),
            added: Vec::new(),
            latent: true,
            is_group: false,
            title_phrases: Vec::new(),
            code: None,
            basis: "",
        });
        let c = self.clusters.len() - 1;
        self.add(c, first, noun);
    }

    /// "The two leaders", "both men": the two most salient people before it.
    fn two_people(&mut self, first: usize, noun: usize) {
        let mut people: Vec<usize> = Vec::new();
        for o in self.candidates(noun, PRONOUN_WINDOW) {
            let c = &self.clusters[o.cluster];
            if c.sort == Sort::Person && !c.plural && !c.latent && !people.contains(&o.cluster) {
                people.push(o.cluster);
                if people.len() == 2 {
                    break;
                }
            }
        }
        if let [a, b] = people[..] {
            let span = Span::new(
                self.doc.words[first].span.start,
                self.doc.words[noun].span.end,
            );
            for w in first..=noun {
                self.taken[w] = true;
            }
            self.shared.push((span, [a, b]));
            self.displaced.push(span);
        }
    }
}

/// The basis of an unknown person's code when nothing but the article's country tells it.
const FALLBACK: &str = "rule the article's country";

/// The basis of a British peer's code when no other title is read: a later title (a law
/// lord's "Lord Chief Justice") replaces it.
const PEER: &str = "rule a peer sits in the House of Lords";
/// The basis of a person coded from a description in a later sentence.
const LATER_TITLE: &str = "rule title in a later description";
/// The basis of an unknown person's code when a country named with them, without a title,
/// tells it ("his Spanish counterpart X").
const COUNTRY_NAMED: &str = "rule country named with the name";
/// The basis of a person the dictionary knows who holds no term on the article's date
/// (coded with his country alone by the actor stage): a title read in the text gives the
/// role.
const UNDATED: &str = "rule title, with the dictionary's country";

/// Titles of members and officers of a legislature that the dictionary does not list as role
/// words, since alone they are common words or another country's ("speaker"): the presiding
/// officer of a chamber ("Speaker X", "the Commons Speaker", "Deputy Speaker X") and the
/// members of the devolved and European parliaments ("MSP X", "X, an MEP").
const LEGISLATURE_TITLES: &[&str] = &["speaker", "msp", "msps", "mep", "meps", "mla", "mlas"];

/// True when a title is a legislature's (see `LEGISLATURE_TITLES`): its last word is one,
/// with nothing before it but qualifiers ("deputy") and the chamber's names ("Commons",
/// "Lords", "House"), so that a "guest speaker" or "keynote speaker" is none.
fn legislature_title(phrase: &[String]) -> bool {
    let Some((last, before)) = phrase.split_last() else {
        return false;
    };
    LEGISLATURE_TITLES.contains(&last.as_str())
        && before.iter().all(|w| {
            TITLE_QUALIFIERS.contains(&w.as_str())
                || matches!(
                    w.as_str(),
                    "commons" | "lords" | "house" | "the" | "assembly" | "parliament" | "chamber"
                )
        })
}

/// Titles of the United States Congress, which most countries' parliaments do not use.
const US_TITLES: &[&str] = &["senator", "congressman", "congresswoman", "congressmen"];

/// For a title ending in "secretary of state": `Some(true)` when nothing but qualifiers
/// ("deputy", "former") stands before it, the American office ("Secretary of State X", who
/// runs the State Department; a British one is "of State for" a department or has its
/// department's name before: "Northern Ireland Secretary of State"), `Some(false)` for
/// another secretary of state, and `None` for other titles.
fn secretary_of_state(phrase: &[String]) -> Option<bool> {
    let words: Vec<&str> = phrase
        .iter()
        .map(String::as_str)
        .filter(|w| !TITLE_QUALIFIERS.contains(w) && !matches!(*w, "assistant" | "under"))
        .collect();
    // The words before a name drop their prepositions ("secretary state").
    let before = words
        .strip_suffix(&["secretary", "of", "state"])
        .or_else(|| words.strip_suffix(&["secretary", "state"]))?;
    Some(before.is_empty())
}

/// Countries whose legislators are also called senators or congressmen, where such a title
/// keeps the article's country.
pub(crate) const COUNTRIES_WITH_SENATORS: &[&str] = &[
    "USA", "CAN", "AUS", "FRA", "ITA", "ESP", "BEL", "NLD", "POL", "CZE", "ROU", "IRL", "BRA",
    "MEX", "ARG", "CHL", "COL", "PER", "PHL", "PAK", "NGA", "KEN", "RUS", "JPN", "THA",
];

/// Titles of people who speak for or lead a body, whose role is the body's ("police
/// spokesman", "charity boss", "army chief").
const BODY_TITLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "boss",
    "chief",
    "head",
    "director",
    "chairman",
    "chairwoman",
    "leader",
    "executive",
];

/// Titles of people sent "to" a country or body that they do not belong to ("the US
/// ambassador to the UN").
const ENVOY_TITLES: &[&str] = &[
    "ambassador",
    "envoy",
    "representative",
    "commissioner",
    "consul",
    "delegate",
    "emissary",
];

/// Descriptions written before an organisation's name that say what kind of body it is
/// ("the campaign group X", "lobby group X", "the think tank X"), with the role they give.
const KIND_BEFORE_NAME: &[(&str, &str)] = &[
    ("campaign group", "NGO"),
    ("pressure group", "NGO"),
    ("lobby group", "NGO"),
    ("rights group", "NGO"),
    ("action group", "NGO"),
    ("charity", "NGO"),
    ("campaigners", "NGO"),
    ("activists", "NGO"),
    ("operator", "BUS"),
    ("operators", "BUS"),
    ("airline", "BUS"),
    ("retailer", "BUS"),
    ("supermarket", "BUS"),
    ("insurer", "BUS"),
    ("bank", "BUS"),
    ("broadcaster", "MED"),
    ("think tank", "EDU"),
    ("think-tank", "EDU"),
    ("union", "LAB"),
    ("firm", "BUS"),
    ("company", "BUS"),
    ("newspaper", "MED"),
    ("magazine", "MED"),
    ("website", "MED"),
];

/// Titles of officials that, with a country as their owner ("Britain's Europe director"),
/// make the person that country's government.
const OFFICE_TITLES: &[&str] = &[
    "director",
    "secretary",
    "adviser",
    "advisor",
    "representative",
    "consul",
    "counsellor",
    "attache",
    "chief",
];

/// Titles of posts inside an organisation; with no organisation named with them, the
/// organisation named last ("the TUC ... General secretary X") is the person's.
const POSTS: &[&str] = &[
    "general secretary",
    "secretary general",
    "chief executive",
    "chairman",
    "chairwoman",
    "director",
    "director general",
    "treasurer",
    "coordinator",
    "co-ordinator",
    "organiser",
    "organizer",
    "founder",
];

/// Words that qualify a title before a name ("Shadow foreign secretary", "former minister").
const TITLE_QUALIFIERS: &[&str] = &[
    "shadow",
    "former",
    "ex",
    "deputy",
    "acting",
    "assistant",
    "junior",
    "senior",
    "then",
];

/// Head words of organisations' names and the role each gives, tried in this order on the
/// name's head (the word before "of", "for", "against" or "in", else the last word).
const ORG_HEADS: &[(&str, &[&str])] = &[
    (
        "GOV",
        &[
            "commission",
            "authority",
            "agency",
            "office",
            "department",
            "ministry",
            "board",
            "committee",
            "committees",
            "council",
            "executive",
            "inspectorate",
            "regulator",
            "directorate",
            "government",
        ],
    ),
    (
        "EDU",
        &[
            "university",
            "college",
            "school",
            "academy",
            "institute",
            "centre",
            "center",
            "polytechnic",
        ],
    ),
    ("LAB", &["union", "unions"]),
    ("JUD", &["court", "tribunal"]),
    (
        "MIL",
        &[
            "command",
            "brigade",
            "regiment",
            "battalion",
            "fleet",
            "navy",
            "corps",
            "squadron",
        ],
    ),
    ("HLH", &["hospital", "clinic", "infirmary"]),
    ("COP", &["police", "constabulary"]),
    (
        "REL",
        &[
            "archbishop",
            "bishop",
            "diocese",
            "synod",
            "church",
            "cathedral",
        ],
    ),
    ("PTY", &["party"]),
    (
        "NGO",
        &[
            "trust",
            "foundation",
            "society",
            "league",
            "campaign",
            "charity",
            "association",
            "alliance",
            "coalition",
            "federation",
            "forum",
            "network",
            "movement",
            "fund",
        ],
    ),
    (
        "MED",
        &[
            "times",
            "telegraph",
            "guardian",
            "herald",
            "news",
            "radio",
            "television",
            "tv",
            "journal",
            "gazette",
            "magazine",
            "tribune",
            "chronicle",
            "broadcasting",
        ],
    ),
];

/// Words anywhere in a name that make it a business ("Ltd", "Commerce", "Marketing"); they
/// are tried after the government heads and before the others.
const BUSINESS_WORDS: &[&str] = &[
    "ltd",
    "limited",
    "plc",
    "inc",
    "llc",
    "corporation",
    "corp",
    "company",
    "bank",
    "airways",
    "airlines",
    "motors",
    "holdings",
    "commerce",
    "industry",
    "industries",
    "marketing",
    "business",
    "businesses",
    "retail",
];

/// Heads that name a kind of body rather than its work: a council, board, committee or
/// union is the government's or labour's only when no word of its name says whom it
/// serves ("the Refugee Council", "the National Union of Students").
const BODY_HEADS: &[&str] = &[
    "council",
    "board",
    "committee",
    "union",
    "unions",
    "association",
    "trust",
];

/// Words of a body's name that say whom it speaks for, and the role they give it over the
/// head's: the people it serves or represents (`NGO`), a faith (`REL`), research (`EDU`).
const MODIFIER_ROLES: &[(&str, &[&str])] = &[
    (
        "REL",
        &[
            "jews",
            "jewish",
            "muslim",
            "muslims",
            "christian",
            "christians",
            "churches",
            "catholic",
            "hindu",
            "sikh",
            "islamic",
        ],
    ),
    ("EDU", &["research", "studies"]),
    (
        "HLH",
        &[
            "hospital",
            "hospitals",
            "health",
            "nhs",
            "ambulance",
            "healthcare",
        ],
    ),
    (
        "NGO",
        &[
            "refugee",
            "refugees",
            "student",
            "students",
            "victims",
            "children",
            "patients",
            "consumers",
            "parents",
            "pensioners",
            "women",
            "travellers",
            "disabled",
            "homeless",
            "carers",
            "tenants",
            "animals",
        ],
    ),
];

/// The role an organisation's name tells (see `ORG_HEADS` and `MODIFIER_ROLES`), or `None`.
fn organisation_role(words: &[&str]) -> Option<&'static str> {
    // A kind written in lower case after the name ("the Votes for Students alliance") is
    // the head, whatever comes before.
    if words.len() > 1
        && let Some(last) = words.last().filter(|w| w.starts_with(char::is_lowercase))
        && let Some(role) = organisation_role(&[last])
    {
        return Some(role);
    }
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let cut = lower
        .iter()
        .position(|w| matches!(w.as_str(), "of" | "for" | "against" | "in" | "on"))
        .unwrap_or(lower.len());
    let head = lower[..cut].last()?;
    // "Task Force 50", "the Amphibious Task Group": naval and military formations.
    if lower[..cut]
        .windows(2)
        .any(|p| p[0] == "task" && matches!(p[1].as_str(), "force" | "group"))
    {
        return Some("MIL");
    }
    if BODY_HEADS.contains(&head.as_str())
        && let Some((role, _)) = MODIFIER_ROLES
            .iter()
            .find(|(_, ws)| lower.iter().any(|w| ws.contains(&w.as_str())))
    {
        return Some(role);
    }
    let in_heads = |role: &str| {
        ORG_HEADS
            .iter()
            .any(|(r, heads)| *r == role && heads.contains(&head.as_str()))
    };
    if in_heads("GOV") {
        return Some("GOV");
    }
    if lower.iter().any(|w| BUSINESS_WORDS.contains(&w.as_str())) {
        return Some("BUS");
    }
    ORG_HEADS
        .iter()
        .find(|(_, heads)| heads.contains(&head.as_str()))
        .map(|(role, _)| *role)
}

/// The country a title word names: a country adjective ("Iraqi"), or a party or country
/// of the dictionary, also after "ex-" ("Ex-Labour" → `GBR`). International roots do not
/// count.
fn word_country(dict: &ActorDictionary, word: &str) -> Option<String> {
    if let Some(c) = dict.adjective_country(word) {
        return Some(c.to_string());
    }
    let lower = word.to_lowercase();
    let bare = lower.strip_prefix("ex-").unwrap_or(&lower);
    if bare.chars().count() < 3 {
        return None;
    }
    dict.lookup_any(bare)
        .into_iter()
        .filter(|m| m.kind != crate::actors::ActorKind::Agent)
        .map(|m| crate::actors::codes::root(m.code))
        .find(|root| dict.is_country(root))
        .map(str::to_string)
}

/// Qualifiers that make a title another office ("deputy prime minister" is not "the prime
/// minister").
const QUALIFIERS: &[&str] = &["deputy", "vice", "shadow", "former", "acting", "assistant"];

/// True when a description ("the prime minister": head noun `noun`, modifiers "prime") fits
/// one of a person's titles: the noun is in it (or, for "leader", a leader's title is), every
/// modifier is in it, and it has no qualifier the description lacks.
fn title_fits(phrases: &[Vec<String>], noun: &str, modifiers: &[&String]) -> bool {
    phrases.iter().any(|t| {
        let has_noun = t.iter().any(|w| w == noun)
            || (noun == "leader" && t.iter().any(|w| LEADER_TITLES.contains(&w.as_str())));
        let modifiers_fit = modifiers
            .iter()
            .all(|m| t.contains(m) || adjective_country(m).is_some());
        let qualifiers_fit = QUALIFIERS
            .iter()
            .all(|q| !t.iter().any(|w| w == q) || modifiers.iter().any(|m| m == q));
        has_noun && modifiers_fit && qualifiers_fit
    })
}

/// True for entities the actor stage made from a role phrase ("officials", "the former
/// president"), whose mentions a description may take over.
fn is_soft(e: &Entity) -> bool {
    e.basis.as_deref().is_some_and(|b| b.starts_with("rule"))
}

/// The lower-case words of a title ("Syrian interim president" → ["syrian", "interim",
/// "president"]).
fn title_words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The country of a country adjective, from the embedded actor dictionary.
fn adjective_country(word: &str) -> Option<String> {
    let dict = crate::actors::embedded_dictionary().ok()?;
    dict.adjective_country(word).map(str::to_string)
}

/// Links coreferent mentions to the document's entities (see the module comment). `dict`
/// gives people's titles; without it, titles come from the text alone.
pub fn link(doc: &mut Document, dict: Option<&ActorDictionary>) {
    if doc.words.is_empty() {
        return;
    }
    let mut linker = Linker::new(doc, dict);
    linker.occurrences.sort_by_key(|o| o.start);
    linker.link_names();
    linker.retitle_undated();
    linker.link_rest();
    let Linker {
        clusters,
        shared,
        displaced,
        ..
    } = linker;
    for c in &clusters {
        if c.basis == UNDATED
            && let (Some(index), Some(code)) = (c.entity, &c.code)
            && let Some(e) = doc.entities.get_mut(index)
        {
            e.code = Some(code.clone());
        }
    }
    for e in &mut doc.entities {
        if is_soft(e) || e.kind == EntityType::Norp {
            e.mentions
                .retain(|m| !displaced.iter().any(|d| d.contains(*m)));
        }
    }
    write_links(&clusters, &shared, doc);
    doc.entities.retain(|e| !e.mentions.is_empty());
}

/// Writes the links into the document's entities.
fn write_links(clusters: &[Cluster], shared: &[(Span, [usize; 2])], doc: &mut Document) {
    let mut new_index: HashMap<usize, usize> = HashMap::new();
    for (i, c) in clusters.iter().enumerate() {
        if c.added.is_empty() {
            continue;
        }
        // A candidate phrase that nothing refers to stays out.
        if c.latent && c.added.len() < 2 {
            continue;
        }
        let index = match c.entity {
            Some(e) => e,
            None => {
                let basis = if c.code.is_some() && !c.basis.is_empty() {
                    c.basis
                } else {
                    "coreference"
                };
                doc.entities.push(Entity {
                    name: c.name.clone(),
                    kind: c.kind,
                    code: c.code.clone(),
                    basis: Some(basis.to_string()),
                    mentions: Vec::new(),
                });
                doc.entities.len() - 1
            }
        };
        new_index.insert(i, index);
        if let Some(e) = doc.entities.get_mut(index) {
            e.mentions.extend(c.added.iter().copied());
        }
    }
    for (span, pair) in shared {
        for c in pair {
            let index = new_index.get(c).copied().or(clusters[*c].entity);
            if let Some(e) = index.and_then(|i| doc.entities.get_mut(i)) {
                e.mentions.push(*span);
            }
        }
    }
    for e in &mut doc.entities {
        e.mentions.sort();
        e.mentions.dedup();
    }
    doc.entities.sort_by_key(|e| e.mentions.first().copied());
}

#[cfg(test)]
mod tests {
    use crate::document::{ArticleMeta, BlockKind, Document};
    use crate::pipeline::{Pipeline, Stage};

    /// A one-paragraph document of 2025-10-15, run through the stages up to coreference.
    fn coded(text: &str) -> Document {
        let meta = ArticleMeta {
            published: Some("2025-10-15".into()),
            ..ArticleMeta::default()
        };
        let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
        Pipeline::through(Stage::Coref).run(&mut doc);
        doc
    }

    /// Runs the stages up to coreference and renders each entity as `CODE [mention|...]`.
    fn check(text: &str, expected: &[&str]) {
        let doc = coded(text);
        let got: Vec<String> = doc
            .entities
            .iter()
            .filter(|e| e.mentions.len() > 1)
            .map(|e| {
                let mentions: Vec<&str> = e.mentions.iter().map(|m| doc.slice(*m)).collect();
                format!(
                    "{} [{}]",
                    e.code.as_deref().unwrap_or("-"),
                    mentions.join("|")
                )
            })
            .collect();
        assert_eq!(got, expected, "\n{}", got.join("\n"));
    }

    #[test]
    fn names_descriptions_and_pronouns_join_their_person() {
        check(
            "Syrian interim President Ahmad Al Sharaa met Russian President Vladimir Putin in \
             the Kremlin. The Syrian interim leader said his country wanted new ties. Putin \
             said Russia would keep its bases. The two leaders did not mention Bashar al-Assad. \
             The former president has lived in exile since his fall.",
            &[
                "SYRGOV [President Ahmad Al Sharaa|The Syrian interim leader|his|The two leaders]",
                "RUSGOV [Vladimir Putin|Putin|The two leaders]",
                "RUS [Russia|its]",
                "SYRELI [Bashar al-Assad|The former president|his]",
            ],
        );
    }

    #[test]
    fn unknown_people_get_entities_and_gender_from_titles() {
        check(
            "Mrs Helga Brandt met Tomas Ruiz on Monday. She told him that Ruiz would lead \
             the talks. Brandt said her office agreed.",
            &["- [Helga Brandt|She|Brandt|her]", "- [Tomas Ruiz|him|Ruiz]"],
        );
    }

    #[test]
    fn an_unknown_person_takes_the_code_of_the_party_named_with_them() {
        check(
            "Conservative MP Harriet Quell criticised the plan. She said the plan was late. \
             Dana Ferro, a spokeswoman for the Labour Party, said she disagreed.",
            &["GBROPP [Harriet Quell|She]", "GBRGOV [Dana Ferro|she]"],
        );
    }

    /// Runs the stages up to coreference and checks the code of the entity each name
    /// belongs to (`-` for none, `missing` when no entity holds the name).
    fn check_codes(text: &str, expected: &[(&str, &str)]) {
        let doc = coded(text);
        let got: Vec<(&str, String)> = expected
            .iter()
            .map(|(name, _)| {
                let code = doc
                    .entities
                    .iter()
                    .find(|e| e.mentions.iter().any(|m| doc.slice(*m) == *name))
                    .map_or("missing".to_string(), |e| {
                        e.code.clone().unwrap_or_else(|| "-".to_string())
                    });
                (*name, code)
            })
            .collect();
        let want: Vec<(&str, String)> = expected
            .iter()
            .map(|(n, c)| (*n, (*c).to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_body_known_by_its_own_name_is_not_the_articles_country() {
        check_codes(
            "Ministers in London defended the asylum bill. The European Court of Justice \
             will hear the case, and the European Commission said the Commission would \
             write to Downing Street. Later the Senate voted against a similar plan. The \
             University of London said it was neutral.",
            &[
                ("The European Court of Justice", "IGOEURJUD"),
                ("the European Commission", "IGOEUREEC"),
                ("the Commission", "IGOEUREEC"),
                ("the Senate", "USALEG"),
                ("University of London", "GBREDU"),
            ],
        );
    }

    #[test]
    fn the_west_and_the_soviets_are_actors_europe_and_a_surname_west_are_not() {
        check_codes(
            "The West must stand firm, the minister told MPs in London. The Soviets once \
             tried the same. British ministers met Ada West in London on Monday. Europe must act, said \
             Spain's Europe director, Ana Ruiz.",
            &[
                ("The West", "WST"),
                ("The Soviets", "SUN"),
                ("Ada West", "GBR"),
                // Europe is mostly a place ("missiles in Europe"), so it gets no actor code.
                ("Europe", "-"),
                ("Ana Ruiz", "ESPGOV"),
            ],
        );
    }

    #[test]
    fn a_persons_own_title_and_country_beat_the_articles_country() {
        check_codes(
            "Labour ministers met in London on Monday. Shadow health secretary Ann Ferrow \
             attacked the plan. Former union leader Joe Bray and Parliamentary watchdog \
             Sir Ed Marsh agreed. Pat Lowe, the chief executive of the charity, was \
             cautious. Dan Hale, the US ambassador to the UN, said nothing. US Treasury \
             Secretary Ron Gale was in Leeds. The Mayor of London Tom Pratt welcomed it.",
            &[
                ("Ann Ferrow", "GBROPP"),
                ("Joe Bray", "GBRLAB"),
                ("Ed Marsh", "GBRGOV"),
                ("Pat Lowe", "GBRNGO"),
                ("Dan Hale", "USAGOV"),
                ("Ron Gale", "USAGOV"),
                ("Tom Pratt", "GBRGOV"),
            ],
        );
    }

    #[test]
    fn the_kind_of_body_before_its_name_beats_its_head_word() {
        check_codes(
            "Ministers met in London on Monday. The lobby group Fair Courts Commission said \
             the plan was unjust, and the think tank Civic Studies Council agreed. Ada Moss, \
             from Leeds, was cautious. Paul Dent, Chief Secretary to the Treasury, defended it.",
            &[
                ("Fair Courts Commission", "GBRNGO"),
                ("Civic Studies Council", "GBREDU"),
                ("Ada Moss", "GBR"),
                ("Paul Dent", "GBRGOV"),
            ],
        );
    }

    #[test]
    fn a_country_before_the_kind_of_body_is_the_bodys() {
        check_codes(
            "Kenyan ministers met in Nairobi on Monday and Kenya's cabinet agreed. The \
             Ugandan charity Bright Wells Trust sent food, and the Kenyan police raided \
             Green Lane Trust.",
            &[
                ("Bright Wells Trust", "UGANGO"),
                ("Green Lane Trust", "KENNGO"),
            ],
        );
    }

    #[test]
    fn a_us_led_task_force_and_its_commander_are_american_whatever_the_dateline() {
        check_codes(
            "BAGHDAD - Combined Joint Task Force - Operation Inherent Resolve said on Monday \
             that its aircraft struck positions near Mosul. CJTF-OIR commander Lt. Gen. \
             Harold Brenn praised the Iraqi forces.",
            &[
                (
                    "Combined Joint Task Force - Operation Inherent Resolve",
                    "USAMIL",
                ),
                ("Harold Brenn", "USAMIL"),
            ],
        );
    }

    #[test]
    fn another_name_before_a_body_hides_an_earlier_country() {
        check_codes(
            "Talks on the fighting in Ukraine\nBoris Johnson\nA Foreign Office spokesman \
             said on Monday that the talks would go on.",
            &[("A Foreign Office", "GBRGOV")],
        );
    }

    #[test]
    fn a_body_named_after_a_place_covers_the_place() {
        check_codes(
            "Ministers in London met council leaders on Monday. A spokesman for Exbury \
             Council said the plan was fair, but Wessex Valley Police and Exbury Hospital \
             Trust were worried. Welsh Secretary Peter Hane and Scottish First Minister Jack \
             McConnel were absent. Archbishop Rowan Williamson said the poor would suffer. \
             Republican Tom Delray backed it. Texas Governor Rick Parry and New York Senator \
             Chuck Schumann were critical.",
            &[
                ("Exbury Council", "GBRGOV"),
                ("Wessex Valley Police", "GBRCOP"),
                ("Exbury Hospital Trust", "GBRHLH"),
                ("Peter Hane", "GBRGOV"),
                ("Rowan Williamson", "GBRREL"),
                ("Tom Delray", "USA"),
                ("Rick Parry", "USAGOV"),
            ],
        );
    }

    #[test]
    fn a_lower_case_word_after_a_known_party_is_no_party_of_its_own() {
        let doc = coded(
            "The Labour party said it would cut taxes. The Conservative party disagreed in \
             London.",
        );
        let parties: Vec<&str> = doc
            .entities
            .iter()
            .filter(|e| e.mentions.iter().any(|m| doc.slice(*m) == "party"))
            .filter_map(|e| e.code.as_deref())
            .collect();
        assert!(
            parties.iter().all(|c| !c.ends_with("PTY")),
            "a lower-case party became its own party: {parties:?}"
        );
    }

    #[test]
    fn titles_before_an_unknown_name_give_role_and_country() {
        check_codes(
            "Britain's regulators met on Monday. Assistant data commissioner Nora Quill \
             said the rules were clear. Former transport minister Colin Ashby disagreed, and \
             the journalist Petra Lund wrote about it. Iraqi President Karim Dosa was not there.",
            &[
                ("Nora Quill", "GBRGOV"),
                ("Colin Ashby", "GBRELI"),
                ("Petra Lund", "GBRMED"),
                ("Karim Dosa", "IRQGOV"),
            ],
        );
        check_codes(
            "Britain's inquiry ended. Committee chairman Edward Quill said the report was \
             wrong, and Lord Chief Justice Anne Marlow agreed.",
            &[("Edward Quill", "GBRLEG"), ("Anne Marlow", "GBRJUD")],
        );
    }

    #[test]
    fn a_list_of_names_shares_the_title_before_it() {
        check_codes(
            "Labour ministers met in Britain on Monday. Shadow cabinet members Dana Ferro, \
             Hal Brisk and Tom Vane walked out.",
            &[
                ("Dana Ferro", "GBROPP"),
                ("Hal Brisk", "GBROPP"),
                ("Tom Vane", "GBROPP"),
            ],
        );
    }

    #[test]
    fn organisations_are_coded_from_their_names() {
        check_codes(
            "British ministers in London welcomed the plan. Mira Holt, of the Society for \
             Quiet Roads, said the Road Noise Authority had failed. The Marlow Institute and \
             Tanner Freight Ltd agreed.",
            &[
                ("Society for Quiet Roads", "GBRNGO"),
                ("Mira Holt", "GBRNGO"),
                ("Road Noise Authority", "GBRGOV"),
                ("Marlow Institute", "GBREDU"),
                ("Tanner Freight Ltd", "GBRBUS"),
            ],
        );
    }

    #[test]
    fn an_unknown_person_without_a_title_takes_the_article_country() {
        check_codes(
            "Britain and the United Kingdom's ministers argued. Edith Marsh watched from the \
             gallery in London.",
            &[("Edith Marsh", "GBR")],
        );
    }

    #[test]
    fn a_surname_first_takes_the_title_of_the_full_name() {
        check_codes(
            "Britain's ministers said on Monday that Garside would resign. Ex-Labour MP Tom \
             Garside has left the Commons in London.",
            &[("Garside", "GBRLEG"), ("Tom Garside", "GBRLEG")],
        );
    }

    #[test]
    fn an_organisation_name_tells_its_role_by_its_head() {
        use super::organisation_role;
        let role = |name: &str| organisation_role(&name.split(' ').collect::<Vec<_>>());
        assert_eq!(role("Office for Road Safety"), Some("GOV"));
        assert_eq!(role("Department of Trade and Industry"), Some("GOV"));
        assert_eq!(role("University of Eastmoor"), Some("EDU"));
        assert_eq!(role("League Against Loud Music"), Some("NGO"));
        assert_eq!(role("Northern Retail Association"), Some("BUS"));
        assert_eq!(role("Radio"), Some("MED"));
        assert_eq!(role("Harbour Group"), None);
        assert_eq!(role("Northmoor Crown Court"), Some("JUD"));
        assert_eq!(role("Joint Logistics Command"), Some("MIL"));
        assert_eq!(role("Amphibious Task Group"), Some("MIL"));
        assert_eq!(role("Task Force Falcon"), Some("MIL"));
        assert_eq!(role("Moorland Alliance"), Some("NGO"));
        assert_eq!(role("Highland Green Party"), Some("PTY"));
    }

    #[test]
    fn the_people_a_body_serves_decide_its_role_over_its_head() {
        use super::organisation_role;
        let role = |name: &str| organisation_role(&name.split(' ').collect::<Vec<_>>());
        assert_eq!(role("Asylum Refugee Council"), Some("NGO"));
        assert_eq!(role("Scottish Union of Students"), Some("NGO"));
        assert_eq!(role("Board of Guardians of British Muslims"), Some("REL"));
        assert_eq!(role("Fiscal Research Council"), Some("EDU"));
        // A union of workers stays labour, and a ministry or office for a group stays the
        // government's.
        assert_eq!(role("Scottish Union of Teachers"), Some("LAB"));
        assert_eq!(role("Office for Students"), Some("GOV"));
        assert_eq!(role("Ministry of Women"), Some("GOV"));
    }

    #[test]
    fn a_spokesman_speaks_for_the_body_named_with_the_title() {
        check_codes(
            "Britain's ministers met. Chief police officers spokesman Tom Hale said most \
             people would obey. A spokesman for the World Health Organization, Piet Mulder, \
             said the plan was late. The Highland Green Party's health spokeswoman, Ailsa \
             Brodie, said she was pleased.",
            &[
                ("Tom Hale", "GBRCOP"),
                ("Piet Mulder", "IGOUNOHLHWHO"),
                ("Ailsa Brodie", "GBRPTY"),
            ],
        );
    }

    #[test]
    fn a_boss_a_post_or_an_office_takes_its_body_or_country() {
        check_codes(
            "British ministers met. Charity boss Ann Leck said the plan was late. The Unison \
             union said pay fell. General secretary Brian Walsh said so. Norway's \
             Europe director Lars Dahl will attend.",
            &[
                ("Ann Leck", "GBRNGO"),
                ("Brian Walsh", "GBRLAB"),
                ("Lars Dahl", "NORGOV"),
            ],
        );
    }

    #[test]
    fn a_later_title_replaces_a_peers_seat_in_the_lords() {
        check_codes(
            "Britain's ministers met. Lord Morton said the rules were fair. Lord Morton, who \
             is Lord Chief Justice, spoke in London.",
            &[("Morton", "GBRJUD")],
        );
    }

    #[test]
    fn a_country_before_an_unknown_unit_is_its_country() {
        check_codes(
            "British troops left Basra. The U.S. Joint Logistics Command sent supplies, \
             and the Eastmoor Election Court sat in London.",
            &[
                ("Joint Logistics Command", "USAMIL"),
                ("Eastmoor Election Court", "GBRJUD"),
            ],
        );
    }

    #[test]
    fn a_foreign_country_named_with_a_title_is_the_persons() {
        check_codes(
            "Britain's ministers met in London. Labour said Britain would talk. Yesterday \
             Norway's Chief Negotiator Halvard Moen met Britain's officials. US Senator Dora \
             Pell joined them, and Judge Mark Olsen of Canada said Britain was right.",
            &[
                ("Halvard Moen", "NORGOV"),
                ("Dora Pell", "USALEG"),
                ("Mark Olsen", "CANJUD"),
            ],
        );
    }

    #[test]
    fn a_country_in_an_apposition_after_the_name_is_the_persons() {
        check_codes(
            "Kenyan police met in Nairobi and Kenya's cabinet agreed. Police in Mombasa \
             arrested Omar Haji, a Tanzanian fisherman, on Sunday.",
            &[("Omar Haji", "TZA")],
        );
    }

    #[test]
    fn a_senator_in_a_british_article_is_american() {
        check_codes(
            "Labour ministers met in London and Britain's cabinet agreed. The visiting \
             senator Daniel Hart praised Britain.",
            &[("Daniel Hart", "USALEG")],
        );
    }

    #[test]
    fn a_title_in_an_apposition_before_the_name_codes_the_person() {
        check_codes(
            "Labour ministers met in London and Britain's cabinet agreed. Norway's foreign \
             minister, Eli Sandvik, disagreed. The charity's spokeswoman, Mara Quinlan, \
             welcomed the plan.",
            &[("Eli Sandvik", "NORGOV"), ("Mara Quinlan", "GBRNGO")],
        );
    }

    #[test]
    fn an_apposition_before_the_name_reads_its_owner_party_and_shadow() {
        check_codes(
            "Labour ministers met in London and Britain's cabinet agreed. The Schools \
             Authority set the budgets. Its chief executive, Sir Alan Voss, said they were \
             fair. The shadow transport secretary, Helen Marsh, disagreed. The Conservative \
             spokeswoman on health, Ruth Calder, agreed with her.",
            &[
                ("Alan Voss", "GBRGOV"),
                ("Helen Marsh", "GBROPP"),
                ("Ruth Calder", "GBROPP"),
            ],
        );
    }

    #[test]
    fn peers_and_organisations_after_and_or_who_chairs() {
        check_codes(
            "Labour ministers met in London and Britain's cabinet agreed. The Ramblers \
             Association objected. Lord Penwick said peers would vote against it. Ann Hollis, \
             a walker and director of the Ramblers Association, agreed. Tim Crane, who chairs \
             the Ramblers Association, said so too.",
            &[
                ("Penwick", "GBRLEG"),
                ("Ann Hollis", "GBRNGO"),
                ("Tim Crane", "GBRNGO"),
            ],
        );
    }

    #[test]
    fn a_relative_clause_after_the_name_gives_the_title() {
        check_codes(
            "Labour ministers met in London and Britain's cabinet agreed. Tobias Wren, who is \
             Chief Justice, said the courts would rule.",
            &[("Tobias Wren", "GBRJUD")],
        );
    }

    #[test]
    fn a_hyphenated_surname_stays_whole() {
        let doc = coded(
            "Former minister Dylan Ashby-Crewe resigned on Monday. Ashby-Crewe said he was \
             leaving politics.",
        );
        let person = doc
            .entities
            .iter()
            .find(|e| e.kind == crate::document::EntityType::Person)
            .map(|e| e.mentions.iter().map(|m| doc.slice(*m)).collect::<Vec<_>>());
        assert_eq!(
            person,
            Some(vec!["Dylan Ashby-Crewe", "Ashby-Crewe", "he"]),
            "{:?}",
            doc.entities
        );
    }

    #[test]
    fn an_object_pronoun_stands_for_an_earlier_object_of_the_same_verb() {
        check(
            "Ministers asked Norway to extradite Karl Brenn. Foreign Minister Jonas Gahr \
             Store said on Monday that Norway had no plans to extradite him.",
            &["NOR [Norway|Norway]", "NOR [Karl Brenn|him]"],
        );
    }

    #[test]
    fn a_pronoun_in_a_reported_clause_is_the_topic_rather_than_the_speaker() {
        // The clause reported by the minister has a subject of its own (Norway), so "his"
        // is the man the previous sentences were about.
        check(
            "Mr Karl Brenn fled to Oslo in May. Mr Brenn has lived there since. Police said              Mr Brenn left his flat on Monday. Foreign Minister Mr Jonas Store said that              Norway would guarantee his safety.",
            &["NOR [Karl Brenn|Brenn|Brenn|his|his]"],
        );
    }

    #[test]
    fn a_pronoun_in_a_reported_clause_may_be_its_own_subject() {
        check(
            "Mr Tom Hale said Mr Ben Ross wants to use his fame for good causes.",
            &["- [Ben Ross|his]"],
        );
    }

    #[test]
    fn a_title_in_a_later_description_codes_the_person() {
        check_codes(
            "Britain's budget was published on Monday. Tom Ford criticised the plan in \
             Leeds. The minister said it would fail.",
            &[("Tom Ford", "GBRGOV"), ("The minister", "GBRGOV")],
        );
    }

    #[test]
    fn pleonastic_it_and_lone_pronouns_stay_unlinked() {
        check(
            "It is likely that the talks will fail. They ended early.",
            &[],
        );
    }

    #[test]
    fn a_title_before_a_preposition_and_a_shadow_title_after_the_name() {
        check_codes(
            "Britain's ministers met. The plan was backed by Minister for Transport Jane \
             Doyle. Colin Reed, the shadow health secretary, attacked it.",
            &[("Jane Doyle", "GBRGOV"), ("Colin Reed", "GBROPP")],
        );
    }

    #[test]
    fn a_body_named_only_by_where_it_stands_is_a_campaign_group() {
        // Before a body's title and a name, or after "from" in an apposition; a place
        // after "from" is where the person comes from.
        check_codes(
            "Britain's ministers met. Neil Platt, from Parents Against Tolls, said it was \
             unfair. But Clean Streets Abroad director Tom Hale disagreed. Ed Shaw, from \
             Leeds, agreed.",
            &[
                ("Neil Platt", "GBRNGO"),
                ("Parents Against Tolls", "GBRNGO"),
                ("Tom Hale", "GBRNGO"),
                ("Clean Streets Abroad", "GBRNGO"),
                ("Ed Shaw", "GBR"),
            ],
        );
    }

    #[test]
    fn bodies_named_by_their_kind_before_or_after_the_name() {
        check_codes(
            "Britain's ministers met. The campaign group Save Our Valleys was angry. The \
             Votes for Students alliance welcomed it. The Refugee Council said asylum \
             seekers were at risk.",
            &[
                ("Save Our Valleys", "GBRNGO"),
                ("Votes for Students alliance", "GBRNGO"),
                ("Refugee Council", "GBRNGO"),
            ],
        );
    }

    #[test]
    fn a_spokesman_with_no_body_speaks_for_the_organisation_named_last() {
        check_codes(
            "Britain's ministers met. The Wessex Wildlife Trust wants a new law. Spokeswoman \
             Jo Hart said farmers agreed.",
            &[("Jo Hart", "GBRNGO")],
        );
    }

    #[test]
    fn places_inside_the_names_of_bodies_and_peers() {
        check_codes(
            "Britain's ministers met. Kent police said they had arrested a man. The \
             Commission for Asia will report in May. The Commons transport committee \
             disagreed.",
            &[
                ("Kent police", "GBRCOP"),
                ("Commission for Asia", "GBRGOV"),
                ("The Commons transport committee", "GBRLEG"),
            ],
        );
    }

    #[test]
    fn judges_named_by_their_title_alone_are_found() {
        check_codes(
            "Britain's ministers met. A ruling by Lord Justice Hale and Mr Justice Ward was \
             upheld by Lord Justices Pell and Rudd.",
            &[
                ("Hale", "GBRJUD"),
                ("Ward", "GBRJUD"),
                ("Pell", "GBRJUD"),
                ("Rudd", "GBRJUD"),
            ],
        );
    }

    #[test]
    fn a_judges_title_before_a_name_the_tagger_took_is_no_part_of_it() {
        // The tagger may take "Justice" into the name; the title still makes a judge.
        check_codes(
            "Britain's ministers met. The appeal went before Mr Justice Fenwick, who \
             dismissed it.",
            &[("Fenwick", "GBRJUD")],
        );
    }

    #[test]
    fn speakers_and_members_of_devolved_parliaments_are_legislators() {
        check_codes(
            "Britain's ministers met. Deputy Speaker Ann Corbett suspended the sitting, and \
             MSP Rhona Baird asked for a vote. Tom Ashby, the Speaker, agreed. Keynote \
             speaker Lisa Penn left.",
            &[
                ("Ann Corbett", "GBRLEG"),
                ("Rhona Baird", "GBRLEG"),
                ("Tom Ashby", "GBRLEG"),
                ("Lisa Penn", "GBR"),
            ],
        );
    }

    #[test]
    fn a_relative_clause_after_a_name_gives_the_body() {
        check_codes(
            "Britain's ministers met. Colin Mayhew, who is chairman of the Commons \
             transport committee, objected. Jill Ross, who was Labour's treasurer, agreed.",
            &[("Colin Mayhew", "GBRLEG"), ("Jill Ross", "GBRGOV")],
        );
    }

    #[test]
    fn a_body_after_from_and_its_kind_is_the_persons_and_an_age_is_skipped() {
        // "Liberty" is also a place's name; after its kind it is the body.
        check_codes(
            "Britain's ministers met. Nadia Rowe, from civil liberties group Liberty, objected. \
             Keith Marlow, 58, MP for Wantage, objected. Tom Ashby, 34, from Leeds, agreed.",
            &[
                ("Nadia Rowe", "GBRNGO"),
                ("Keith Marlow", "GBRLEG"),
                ("Tom Ashby", "GBR"),
            ],
        );
    }

    #[test]
    fn a_bodys_possessive_before_a_name_is_that_persons_and_a_list_goes_on_over_sir() {
        check_codes(
            "Tory MPs Ann Carr and Sir Peter Wynn, Labour's Jo Birch and Liberal Democrat Ed \
             Lyle backed it.",
            &[
                ("Ann Carr", "GBROPP"),
                ("Peter Wynn", "GBROPP"),
                ("Jo Birch", "GBRGOV"),
            ],
        );
    }

    #[test]
    fn a_countrys_possessive_in_an_apposition_owns_the_body_after_it() {
        // The leader of Britain's biggest union is the union's, not Britain's government's.
        check_codes(
            "Ministers met in London. Pat Dorey, the leader of Britain's biggest union Unison, \
             said so.",
            &[("Pat Dorey", "GBRLAB")],
        );
    }

    #[test]
    fn a_party_leader_or_official_is_the_partys_not_the_governments() {
        check_codes(
            "Ministers met in London. The row with party leader Roger Kane and a party \
             official, Ann Lowe, went on.",
            &[("Roger Kane", "GBRPTY"), ("Ann Lowe", "GBRPTY")],
        );
    }

    #[test]
    fn titles_read_around_a_civil_general_and_a_second_comma() {
        check_codes(
            "Iraq's ministers met. Dr. Omar Haddad, Acting General Director of the Office of \
             Museums, spoke in Baghdad. Maj. Gen. Carl Hobbs, commander, U.S. Central Command, \
             said the Iraqi army was ready.",
            &[("Omar Haddad", "IRQGOV"), ("Carl Hobbs", "USAMIL")],
        );
    }

    #[test]
    fn judges_and_peers_the_tagger_took_for_bodies_are_people() {
        check_codes(
            "Britain's ministers met. A ruling from Mr Justice Harwell is expected. Labour peer \
             Baroness Fenwick, who chairs the inquiry, said so.",
            &[("Harwell", "GBRJUD"), ("Fenwick", "GBRGOV")],
        );
    }

    #[test]
    fn a_body_after_from_is_the_persons_even_when_its_first_word_names_a_place() {
        // "Human" is also the name of a small place; the whole name is no place.
        check_codes(
            "Britain's ministers met. Paul Devlin, from Human Rights Watch, criticised \
             them. Sara Kemp, from Leeds, agreed.",
            &[("Paul Devlin", "NGOHRI"), ("Sara Kemp", "GBR")],
        );
    }

    #[test]
    fn peers_named_with_their_place_are_people() {
        // "Lord X of Y" is a person whose title names a place, which is no actor.
        check_codes(
            "Britain's ministers met. Lord Denholm of Stokesay criticised the plan, and \
             Tory peer Lord Pargeter agreed.",
            &[("Denholm of Stokesay", "GBRLEG"), ("Pargeter", "GBROPP")],
        );
        let doc = coded(
            "Britain's ministers met. Lord Denholm of Stokesay criticised the plan, and the \
             Lord Chief Justice agreed.",
        );
        let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(!names.contains(&"Stokesay"), "{names:?}");
        assert!(!names.contains(&"Chief Justice"), "{names:?}");
    }

    #[test]
    fn a_peer_the_tagger_took_for_a_place_is_a_person() {
        check_codes(
            "Britain's ministers met. Lord Bristol said the ban was wrong.",
            &[("Bristol", "GBRLEG")],
        );
    }

    #[test]
    fn ex_before_a_party_or_an_office_makes_a_former_official() {
        check_codes(
            "Britain's ministers met. Ex-Labour minister Tom Pryce spoke, and the report \
             by ex-senior civil servant Sir Hugh Dainty was read.",
            &[("Tom Pryce", "GBRELI"), ("Hugh Dainty", "GBRELI")],
        );
    }

    #[test]
    fn a_name_after_the_kind_of_body_it_is_is_that_body() {
        // The tagger may take an unknown acronym or a plural name for a person.
        check_codes(
            "Britain's ministers met. Ferry operator NWX said sailings would resume, and \
             campaigners Fair Fares Now protested with teacher Anna Blythe.",
            &[
                ("NWX", "GBRBUS"),
                ("Fair Fares Now", "GBRNGO"),
                ("Anna Blythe", "GBR"),
            ],
        );
    }

    #[test]
    fn a_campaign_named_after_a_legislature_is_the_group() {
        check_codes(
            "Britain's ministers met. The Campaign for a Welsh Senate said the vote was a \
             start, and the Scottish Parliament agreed.",
            &[
                ("Campaign for a Welsh Senate", "GBRNGO"),
                ("the Scottish Parliament", "GBRLEG"),
            ],
        );
        check_codes(
            "Britain's ministers met. The Campaign for a Scottish Parliament said the vote \
             was a start.",
            &[("Campaign for a Scottish Parliament", "GBRNGO")],
        );
        // A place at the end of such a name is no actor of its own.
        check_codes(
            "Britain's ministers met. The Foundation for the Freedom of Syria said the \
             vote was a start.",
            &[
                ("Foundation for the Freedom of Syria", "SYRNGO"),
                ("Syria", "missing"),
            ],
        );
    }

    #[test]
    fn a_fund_is_a_non_governmental_body() {
        check_codes(
            "Britain's ministers met. The Widows Relief Fund said the money had not come.",
            &[("Widows Relief Fund", "GBRNGO")],
        );
    }

    #[test]
    fn the_coalition_alone_in_a_war_story_is_the_military_coalition() {
        check_codes(
            "Iraqi troops and Coalition aircraft attacked Islamic State positions, the \
             Coalition said.",
            &[("Coalition", "IGO")],
        );
    }

    #[test]
    fn a_title_after_and_belongs_to_the_next_person() {
        check_codes(
            "Britain's ministers met. The plan was attacked by Jane Dorsey, and Tory MP Tom \
             Hale. Bill Ince, a lawyer and chairman of the Liberal Democrats, agreed.",
            &[
                ("Jane Dorsey", "GBR"),
                ("Tom Hale", "GBROPP"),
                ("Bill Ince", "GBROPP"),
            ],
        );
    }

    #[test]
    fn a_press_chief_speaks_for_his_principal() {
        check_codes(
            "Britain's ministers met. Tony Blair spoke. Ed Marsh, Mr Blair's former press \
             chief, said the plan was sound.",
            &[("Ed Marsh", "GBRELI")],
        );
    }

    #[test]
    fn a_law_lord_is_a_judge() {
        check_codes(
            "Britain's ministers met. Lord Grant - a senior law lord - said the ban was \
             wrong.",
            &[("Grant", "GBRJUD")],
        );
    }

    #[test]
    fn an_acronym_in_brackets_names_the_body_before_it() {
        check_codes(
            "The Nepal Union of Tailors (NUT) called a strike. The NUT said talks failed.",
            &[("NUT", "NPLLAB")],
        );
    }

    #[test]
    fn a_title_gives_the_role_of_a_known_person_who_holds_no_term_on_the_date() {
        let meta = ArticleMeta {
            published: Some("2005-03-16".into()),
            ..ArticleMeta::default()
        };
        let text = "Transport minister Yvette Cooper opened a bridge in London.";
        let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
        Pipeline::through(Stage::Coref).run(&mut doc);
        let cooper = doc.entities.iter().find(|e| e.name == "Yvette Cooper");
        assert_eq!(cooper.and_then(|e| e.code.as_deref()), Some("GBRGOV"));
    }

    #[test]
    fn staff_share_their_principals_code_and_a_chief_executive_leads_the_body() {
        check_codes(
            "Britain's ministers met. Transport Secretary Ann Lowe spoke. Ms Lowe's deputy, \
             Ian Todd, said little. The charity's chief executive Ben Ogle disagreed.",
            &[("Ian Todd", "GBRGOV"), ("Ben Ogle", "GBRNGO")],
        );
    }

    #[test]
    fn a_bodys_kind_may_follow_its_name_in_lower_case() {
        check_codes(
            "Britain's ministers met. Mark Serle, from the Public Sector Staff union, was \
             angry. Jill Abbot, a spokeswoman for the Crofters Federation, agreed.",
            &[
                ("Mark Serle", "GBRLAB"),
                ("Public Sector Staff union", "GBRLAB"),
                ("Jill Abbot", "GBRNGO"),
            ],
        );
        // One name before the kind, but not a word that starts a sentence or a day.
        let doc = coded(
            "Britain's ministers met. Kay Hird, editor of Trawler magazine, said so. Initial \
             business plans failed. The Monday school was shut.",
        );
        let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Trawler magazine"), "{names:?}");
        assert!(
            !names
                .iter()
                .any(|n| n.contains("business") || n.contains("school")),
            "{names:?}"
        );
    }

    #[test]
    fn appositions_after_mp_bracketed_titles_and_advisers_to_a_person() {
        check_codes(
            "Britain's ministers met. Tom Pike MP, Labour's housing minister, spoke. \
             (Schools minister) Ann Rowe was away. Transport Secretary Ann Lowe agreed. Ed \
             Dunn, an adviser on roads to Keir Starmer, said so.",
            &[
                ("Tom Pike", "GBRGOV"),
                ("Ann Rowe", "GBRGOV"),
                ("Ed Dunn", "GBRGOV"),
            ],
        );
    }

    #[test]
    fn an_americans_own_title_and_body_beat_the_articles_country() {
        check_codes(
            "Iraqi ministers met in Baghdad on Monday. Secretary of State Lena Ford would \
             visit the city, and U.S. Army Gen. Rob Tate met Iraqi officers. A State \
             Department spokesman, Paul Carr, said the talks went well. Northern Ireland \
             Secretary of State Dan Orr was in Belfast.",
            &[
                ("Lena Ford", "USAGOV"),
                ("U.S. Army", "USAMIL"),
                ("Rob Tate", "USAMIL"),
                ("Paul Carr", "USAGOV"),
                ("Dan Orr", "GBRGOV"),
            ],
        );
        check_codes(
            "Iraqi ministers met in Baghdad on Monday. Former CIA Director Tim Rusk and former \
             US secretary of state Jo Marr were there.",
            &[("Tim Rusk", "USAELI"), ("Jo Marr", "USAELI")],
        );
    }

    #[test]
    fn charities_named_armies_religious_settlers_and_juba_before_south_sudan() {
        check_codes(
            "The Salvation Army opened a shelter in Leeds on Monday. Jewish settlers \
             marched near Hebron.",
            &[("The Salvation Army", "NGO"), ("Jewish settlers", "ISRCVL")],
        );
        let meta = ArticleMeta {
            published: Some("2009-04-02".into()),
            ..ArticleMeta::default()
        };
        let mut doc = Document::from_blocks(
            meta,
            [(
                BlockKind::Paragraph,
                "Officials in Juba said the vote would go ahead.",
            )],
        );
        Pipeline::default().run(&mut doc);
        let juba = doc
            .entities
            .iter()
            .find(|e| e.name == "Juba")
            .map(|e| e.code.clone());
        assert_eq!(juba, Some(Some("SDNGOV".to_string())));
        assert!(
            doc.places.iter().all(|p| p.country != "SSD"),
            "{:?}",
            doc.places
        );
    }

    #[test]
    fn a_role_word_inside_a_bodys_name_is_no_actor_of_its_own() {
        let doc = coded(
            "Ministers in London met on Monday. The Society of Wool Dealers and Traders said \
             the plan was costly.",
        );
        let names: Vec<(&str, Option<&str>)> = doc
            .entities
            .iter()
            .map(|e| (doc.slice(e.mentions[0]), e.code.as_deref()))
            .collect();
        assert!(
            names.contains(&("Society of Wool Dealers and Traders", Some("GBRNGO"))),
            "{names:?}"
        );
        assert!(!names.iter().any(|(n, _)| *n == "Traders"), "{names:?}");
    }
}
