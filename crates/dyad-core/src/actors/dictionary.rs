//! The actor dictionary: parsing dyad's actor files and looking names up on a date.
//!
//! The file format is described in `data/actors/README.md`. In short, an entry starts with a
//! header line at the left margin (`person Bashar al-Assad`) and continues with indented
//! attribute lines (`  names Bashar Assad | Bashar al-Asad`, `  term SYRGOV 2000-07-17
//! 2024-12-08 office=SYR.president ; President of Syria`). Every error names its file and line:
//! a malformed line, an unknown country code, an end date before a start date, or two terms
//! of one office that overlap.

use std::collections::{HashMap, HashSet};

use super::codes;
use super::date::Date;
use super::name::{HONORIFICS, all_capitals, is_short_acronym, normalize};
use crate::error::{Error, Location, Result};

/// What kind of thing a dictionary entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country or territory ("Syria"): the code is its ISO 3166-1 alpha-3 code.
    Country,
    /// A country adjective or demonym ("Syrian", "Syrians"): the code is the country's.
    Adjective,
    /// An intergovernmental or non-governmental organisation.
    Organisation,
    /// A news agency, broadcaster or newspaper.
    Media,
    /// An armed or political non-state group.
    Group,
    /// A person, whose code depends on the date.
    Person,
    /// A place or building standing for an actor ("the Kremlin", "Damascus").
    Metonym,
    /// A role word ("officials", "warplanes"): the code is a role, the country comes from context.
    Agent,
}

impl ActorKind {
    /// The word for this kind in the dictionary files and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Adjective => "adjective",
            ActorKind::Organisation => "org",
            ActorKind::Media => "media",
            ActorKind::Group => "group",
            ActorKind::Person => "person",
            ActorKind::Metonym => "metonym",
            ActorKind::Agent => "agent",
        }
    }
}

/// One code an entry carries, for a span of dates (or always).
#[derive(Debug, Clone)]
struct Term {
    code: Box<str>,
    from: Option<Date>,
    to: Option<Date>,
    office: Option<Box<str>>,
    title: Option<Box<str>>,
    uncertain: bool,
    /// True for a former official's term that no file line gives (see `former_terms`).
    implied: bool,
    line: usize,
}

impl Term {
    fn always(code: &str, line: usize) -> Term {
        Term {
            code: code.into(),
            from: None,
            to: None,
            office: None,
            title: None,
            uncertain: false,
            implied: false,
            line,
        }
    }

    fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date < to)
    }
}

/// The roles whose holders become their country's elite (`ELI`, former officials) when
/// their last term ends.
const OFFICIAL_ROLES: [&str; 7] = ["GOV", "MIL", "LEG", "JUD", "COP", "OPP", "PTY"];

/// The terms a person implicitly holds between and after the terms the file gives: from the
/// day an office ends, and until the next term starts (or open-ended), a former official
/// (`ELI`) of that office's country. Nothing is added for a day another term covers (the
/// file says what came next, as with an exile), nor after a term that was not a state or
/// political office (a rebel leader, a journalist). Such a term answers only to a name that
/// singles the person out (see `singles_out`): years after an office, "Mr Johnson" is more
/// likely someone else.
fn former_terms(terms: &[Term]) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for last in terms {
        let Some(end) = last.to else { continue };
        let country = codes::root(&last.code);
        let official = last
            .code
            .get(3..)
            .is_some_and(|role| OFFICIAL_ROLES.iter().any(|r| role.starts_with(r)));
        if country.len() != 3 || codes::is_non_state_root(country) || !official {
            continue;
        }
        if terms.iter().any(|t| t.covers(end)) || out.iter().any(|t| t.from == Some(end)) {
            continue;
        }
        let next = terms
            .iter()
            .filter_map(|t| t.from)
            .filter(|&from| from > end)
            .min();
        out.push(Term {
            code: codes::combine(country, "ELI").into(),
            from: Some(end),
            to: next,
            office: None,
            title: Some(match &last.title {
                Some(title) => format!("former {title}").into(),
                None => "former office-holder".into(),
            }),
            uncertain: last.uncertain,
            implied: true,
            line: last.line,
        });
    }
    out
}

/// True when a name is more than a surname with or without a courtesy title: "Alan
/// Johnson" and "President Bush" are, "Johnson" and "Mr Johnson" are not.
fn singles_out(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("").trim_end_matches('.');
    let courtesy = HONORIFICS.iter().any(|c| first.eq_ignore_ascii_case(c));
    words.next().is_some() && !courtesy
}

/// One entry of the dictionary.
#[derive(Debug, Clone)]
struct Entry {
    kind: ActorKind,
    name: Box<str>,
    names: Vec<Box<str>>,
    terms: Vec<Term>,
    source: Option<Box<str>>,
    /// True for the one `country` entry that defines a country code.
    defines_country: bool,
    file: usize,
    line: usize,
}

/// A name of an entry in the lookup index.
#[derive(Debug, Clone, Copy)]
struct NameRef {
    entry: u32,
    /// A short acronym ("US", "WHO") that matches only text in capitals.
    capitals_only: bool,
}

/// One answer to a lookup: a code valid on the date asked, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMatch<'a> {
    /// The CAMEO-style code, such as `SYRGOV`; for an agent, a role such as `GOV`.
    pub code: &'a str,
    /// What kind of entry matched.
    pub kind: ActorKind,
    /// The entry's canonical name ("Bashar al-Assad").
    pub entry: &'a str,
    /// The office or title of this term, when the file gives one.
    pub title: Option<&'a str>,
    /// The office key of this term ("SYR.president"), when it is an office.
    pub office: Option<&'a str>,
    /// The first day of the term, when it is dated.
    pub from: Option<Date>,
    /// The first day after the term, when it has ended.
    pub to: Option<Date>,
    /// True when the file marks the term's dates as uncertain.
    pub uncertain: bool,
    /// Where the entry's facts come from, when the file says.
    pub source: Option<&'a str>,
    /// The file the entry was read from.
    pub file: &'a str,
}

/// How many entries of each kind a dictionary holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Countries and territories.
    pub countries: usize,
    /// Adjective and demonym entries (one per country that has them).
    pub adjectives: usize,
    /// Organisations.
    pub organisations: usize,
    /// Media.
    pub media: usize,
    /// Non-state groups.
    pub groups: usize,
    /// People.
    pub people: usize,
    /// Metonym entries.
    pub metonyms: usize,
    /// Agent (role word) entries.
    pub agents: usize,
    /// Dated and undated terms over all entries.
    pub terms: usize,
    /// Distinct lookup keys.
    pub keys: usize,
}

/// The actor dictionary: names, with the codes they carry on each date.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    files: Vec<Box<str>>,
    entries: Vec<Entry>,
    index: HashMap<String, Vec<NameRef>>,
    max_words: usize,
}

/// The header of an entry being read, and its attributes so far.
struct Pending<'t> {
    kind: &'t str,
    head: &'t str,
    line: usize,
    code: Option<(&'t str, usize)>,
    names: Vec<&'t str>,
    adjectives: Vec<&'t str>,
    capital: Vec<(&'t str, usize)>,
    terms: Vec<Term>,
    source: Option<&'t str>,
}

impl ActorDictionary {
    /// Reads dictionary files, given as `(file name, text)` pairs, into one dictionary. Later
    /// files may use the countries of earlier ones; codes are checked once all are read.
    pub fn load(files: &[(&str, &str)]) -> Result<ActorDictionary> {
        let mut dict = ActorDictionary::default();
        for (file_index, (file, text)) in files.iter().enumerate() {
            dict.files.push((*file).into());
            dict.parse_file(file_index, file, text)?;
        }
        dict.check_codes()?;
        dict.check_offices()?;
        dict.split_successor_terms();
        dict.build_index()?;
        Ok(dict)
    }

    /// The dictionary compiled into dyad (`data/actors/*.txt`).
    pub fn embedded() -> Result<ActorDictionary> {
        ActorDictionary::load(super::EMBEDDED)
    }

    /// The embedded dictionary followed by the user's files, given as `(name, text)` pairs.
    pub fn embedded_with(extra: &[(&str, &str)]) -> Result<ActorDictionary> {
        let mut files: Vec<(&str, &str)> = super::EMBEDDED.to_vec();
        files.extend_from_slice(extra);
        ActorDictionary::load(&files)
    }

    /// The codes that `name` carries on `date`: every matching entry whose term covers the
    /// date. Case, diacritics, punctuation and a leading "the" are ignored (short acronyms
    /// such as "US" must be in capitals); a possessive "'s" is dropped when the whole name
    /// does not match.
    pub fn lookup(&self, name: &str, date: Date) -> Vec<ActorMatch<'_>> {
        self.lookup_on(name, Some(date))
    }

    /// Every code `name` carries on any date, in file order; the implied terms of former
    /// officials (see `former_terms`) are left out, since they only follow from a date.
    pub fn lookup_any(&self, name: &str) -> Vec<ActorMatch<'_>> {
        self.lookup_on(name, None)
    }

    /// The longest name starting at the first of `tokens` (surface tokens of a text, such as
    /// `["Bashar", "al-Assad", "said"]`) that has a code on `date`: the number of tokens it
    /// spans and its matches.
    pub fn longest_match(
        &self,
        tokens: &[&str],
        date: Date,
    ) -> Option<(usize, Vec<ActorMatch<'_>>)> {
        let longest = tokens.len().min(self.max_words);
        let mut span = String::new();
        let mut spans = Vec::with_capacity(longest);
        for token in &tokens[..longest] {
            if !span.is_empty() {
                span.push(' ');
            }
            span.push_str(token);
            spans.push(span.clone());
        }
        for (n, text) in spans.iter().enumerate().rev() {
            let found = self.lookup_on(text, Some(date));
            if !found.is_empty() {
                return Some((n + 1, found));
            }
        }
        None
    }

    /// A person the dictionary knows under `name` but who holds no term on the day asked
    /// (a day before his first office, or a wrong date): his first entry's answer and the
    /// one country all his terms share, which holds whatever the date (only the role is
    /// dated). `None` when the name is a surname alone and `titled` is false ("Obama" is
    /// not enough, "Barack Obama" or "President Obama" is), when it names anything but
    /// people, or when the terms name several countries.
    pub fn person_without_term(&self, name: &str, titled: bool) -> Option<(ActorMatch<'_>, &str)> {
        if !titled && !singles_out(name) {
            return None;
        }
        let all = self.lookup_on(name, None);
        let first = all.first()?.clone();
        let country = codes::root(first.code);
        let one_country = all
            .iter()
            .all(|m| m.kind == ActorKind::Person && codes::root(m.code) == country);
        (one_country && self.is_country(country)).then_some((first, country))
    }

    /// The role of a role word ("officials" → `GOV`, "warplanes" → `MIL`), if it is one.
    pub fn agent_role(&self, word: &str) -> Option<&str> {
        self.lookup_on(word, None)
            .into_iter()
            .find(|m| m.kind == ActorKind::Agent)
            .map(|m| m.code)
    }

    /// The country code of a country adjective or demonym ("Russian" → `RUS`), if it is one.
    /// An adjective shared by several countries takes the entry loaded last: hand-written
    /// files override the generated country list ("French" is France, not a French
    /// territory), and a user's files override both.
    pub fn adjective_country(&self, word: &str) -> Option<&str> {
        self.lookup_on(word, None)
            .into_iter()
            .rev()
            .find(|m| m.kind == ActorKind::Adjective)
            .map(|m| m.code)
    }

    /// The code of a country adjective followed by a role word: "Syrian officials" →
    /// `SYRGOV`, "Russian warplanes" → `RUSMIL`.
    pub fn adjective_with_role(&self, adjective: &str, role_word: &str) -> Option<String> {
        let country = self.adjective_country(adjective)?;
        let role = self.agent_role(role_word)?;
        Some(codes::combine(country, role))
    }

    /// True when `code` is a country or territory of the dictionary.
    pub fn is_country(&self, code: &str) -> bool {
        self.entries
            .iter()
            .any(|e| e.defines_country && e.terms.iter().any(|t| &*t.code == code))
    }

    /// How many entries of each kind the dictionary holds.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts {
            keys: self.index.len(),
            ..Counts::default()
        };
        for entry in &self.entries {
            counts.terms += entry.terms.len();
            match entry.kind {
                ActorKind::Country if entry.defines_country => counts.countries += 1,
                ActorKind::Country => {}
                ActorKind::Adjective => counts.adjectives += 1,
                ActorKind::Organisation => counts.organisations += 1,
                ActorKind::Media => counts.media += 1,
                ActorKind::Group => counts.groups += 1,
                ActorKind::Person => counts.people += 1,
                ActorKind::Metonym => counts.metonyms += 1,
                ActorKind::Agent => counts.agents += 1,
            }
        }
        counts
    }

    fn lookup_on(&self, name: &str, date: Option<Date>) -> Vec<ActorMatch<'_>> {
        let key = normalize(name);
        let found = self.matches(&key, name, date);
        if !found.is_empty() {
            return found;
        }
        let trimmed = name.trim_end();
        for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if let Some(stem) = trimmed.strip_suffix(suffix).filter(|s| !s.is_empty()) {
                return self.matches(&normalize(stem), stem, date);
            }
        }
        found
    }

    fn matches(&self, key: &str, text: &str, date: Option<Date>) -> Vec<ActorMatch<'_>> {
        let mut out = Vec::new();
        let Some(refs) = self.index.get(key) else {
            return out;
        };
        let capitals = all_capitals(text);
        for r in refs {
            if r.capitals_only && !capitals {
                continue;
            }
            let entry = &self.entries[r.entry as usize];
            for term in &entry.terms {
                let same = |m: &ActorMatch<'_>| {
                    m.code == &*term.code
                        && m.kind == entry.kind
                        && m.from == term.from
                        && m.to == term.to
                };
                // Two entries giving one name the same code (a capital that is also listed as
                // a seat of power) answer once, at the place of the later entry, so that the
                // order of the answers is the order in which files override each other.
                // A former official's implied term needs a date after the office (with no
                // date, the offices the file gives hold) and a name that singles him out.
                if term.implied && (date.is_none() || !singles_out(text)) {
                    continue;
                }
                if date.is_none_or(|d| term.covers(d)) {
                    if let Some(earlier) = out.iter().position(same) {
                        out.remove(earlier);
                    }
                    out.push(ActorMatch {
                        code: &term.code,
                        kind: entry.kind,
                        entry: &entry.name,
                        title: term.title.as_deref(),
                        office: term.office.as_deref(),
                        from: term.from,
                        to: term.to,
                        uncertain: term.uncertain,
                        source: entry.source.as_deref(),
                        file: &self.files[entry.file],
                    });
                }
            }
        }
        out
    }

    fn parse_file(&mut self, file_index: usize, file: &str, text: &str) -> Result<()> {
        let mut pending: Option<Pending<'_>> = None;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = raw.trim_end();
            let content = line.trim_start();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let bad = |why: String| Error::Malformed(Location::line(file, n), why);
            let (key, value) = match content.split_once(char::is_whitespace) {
                Some((k, v)) => (k, v.trim()),
                None => (content, ""),
            };
            if value.is_empty() {
                return Err(bad(format!("{key:?} needs a value after it")));
            }
            if !line.starts_with(char::is_whitespace) {
                if let Some(done) = pending.take() {
                    self.finish(done, file_index, file)?;
                }
                if !matches!(
                    key,
                    "country"
                        | "org"
                        | "media"
                        | "group"
                        | "person"
                        | "metonym"
                        | "adjective"
                        | "alias"
                        | "agent"
                ) {
                    return Err(bad(format!(
                        "unknown entry kind {key:?} (expected country, org, media, group, \
                         person, metonym, adjective, alias or agent; attribute lines are \
                         indented)"
                    )));
                }
                pending = Some(Pending {
                    kind: key,
                    head: value,
                    line: n,
                    code: None,
                    names: Vec::new(),
                    adjectives: Vec::new(),
                    capital: Vec::new(),
                    terms: Vec::new(),
                    source: None,
                });
                continue;
            }
            let Some(p) = pending.as_mut() else {
                return Err(bad(
                    "an indented attribute line before any entry".to_string()
                ));
            };
            match key {
                "code" => {
                    if p.code.is_some() {
                        return Err(bad(
                            "a second code line (use term lines for dated codes)".into()
                        ));
                    }
                    if !codes::well_formed(value) {
                        return Err(bad(format!(
                            "bad code {value:?}: expected three-letter segments in capitals"
                        )));
                    }
                    p.code = Some((value, n));
                }
                "names" | "adj" => {
                    for name in value.split('|').map(str::trim) {
                        if normalize(name).is_empty() {
                            return Err(bad(format!("empty name in {value:?}")));
                        }
                        if key == "adj" {
                            p.adjectives.push(name);
                        } else {
                            p.names.push(name);
                        }
                    }
                }
                "capital" => {
                    if normalize(value).is_empty() {
                        return Err(bad(format!("empty capital {value:?}")));
                    }
                    p.capital.push((value, n));
                }
                "term" => {
                    let mut term = parse_term(value).map_err(bad)?;
                    term.line = n;
                    p.terms.push(term);
                }
                "source" | "note" => {
                    if key == "source" {
                        p.source = Some(value);
                    }
                }
                _ => {
                    return Err(bad(format!(
                        "unknown attribute {key:?} (expected code, names, adj, capital, term, \
                         source or note)"
                    )));
                }
            }
            let allowed = match key {
                "adj" | "capital" => p.kind == "country",
                "code" | "term" => !matches!(p.kind, "metonym" | "adjective" | "alias" | "agent"),
                _ => true,
            };
            if !allowed {
                return Err(bad(format!(
                    "{key:?} does not belong in a {} entry",
                    p.kind
                )));
            }
        }
        if let Some(done) = pending.take() {
            self.finish(done, file_index, file)?;
        }
        Ok(())
    }

    /// Turns a finished header and its attributes into entries.
    fn finish(&mut self, p: Pending<'_>, file: usize, file_name: &str) -> Result<()> {
        let bad = |why: String| Error::Malformed(Location::line(file_name, p.line), why);
        let mut push = |kind, name: &str, names: Vec<&str>, terms: Vec<Term>| {
            self.entries.push(Entry {
                kind,
                name: name.into(),
                names: names.into_iter().map(Box::from).collect(),
                defines_country: p.kind == "country" && kind == ActorKind::Country,
                terms,
                source: p.source.map(Box::from),
                file,
                line: p.line,
            });
        };
        match p.kind {
            "metonym" | "adjective" | "alias" | "agent" => {
                let code = p.head;
                if !codes::well_formed(code) {
                    return Err(bad(format!("bad code {code:?} in the header")));
                }
                if p.names.is_empty() {
                    return Err(bad(format!("a {} entry needs a names line", p.kind)));
                }
                if p.kind == "agent" && !codes::is_role(code) {
                    return Err(bad(format!(
                        "unknown role {code:?} (see the roles in data/actors/README.md)"
                    )));
                }
                if matches!(p.kind, "adjective" | "alias") && code.len() != 3 {
                    return Err(bad(format!(
                        "an {} entry names a country code, not {code:?}",
                        p.kind
                    )));
                }
                let kind = match p.kind {
                    "metonym" => ActorKind::Metonym,
                    "adjective" => ActorKind::Adjective,
                    "alias" => ActorKind::Country,
                    _ => ActorKind::Agent,
                };
                let name = p.names[0];
                push(kind, name, p.names, vec![Term::always(code, p.line)]);
            }
            "country" => {
                let Some((code, code_line)) = p.code else {
                    return Err(bad("a country needs a code line".to_string()));
                };
                if code.len() != 3 || !p.terms.is_empty() {
                    return Err(bad(format!(
                        "a country has one three-letter code and no terms, not {code:?}"
                    )));
                }
                let mut names = vec![p.head];
                names.extend(p.names);
                push(
                    ActorKind::Country,
                    p.head,
                    names,
                    vec![Term::always(code, code_line)],
                );
                if !p.adjectives.is_empty() {
                    let adjectives = p.adjectives.clone();
                    let first = adjectives[0];
                    push(
                        ActorKind::Adjective,
                        first,
                        adjectives,
                        vec![Term::always(code, code_line)],
                    );
                }
                for (capital, line) in p.capital {
                    let gov = codes::combine(code, "GOV");
                    push(
                        ActorKind::Metonym,
                        capital,
                        vec![capital],
                        vec![Term::always(&gov, line)],
                    );
                }
            }
            _ => {
                let kind = match p.kind {
                    "org" => ActorKind::Organisation,
                    "media" => ActorKind::Media,
                    "group" => ActorKind::Group,
                    _ => ActorKind::Person,
                };
                let mut terms = p.terms;
                if let Some((code, line)) = p.code {
                    terms.insert(0, Term::always(code, line));
                }
                if terms.is_empty() {
                    return Err(bad(format!("a {} entry needs a code or term line", p.kind)));
                }
                if kind == ActorKind::Person {
                    let former = former_terms(&terms);
                    terms.extend(former);
                }
                let mut names = vec![p.head];
                names.extend(p.names);
                push(kind, p.head, names, terms);
            }
        }
        Ok(())
    }

    /// Checks that every code starts with a known country or non-state root.
    fn check_codes(&self) -> Result<()> {
        let countries: HashSet<&str> = self
            .entries
            .iter()
            .filter(|e| e.defines_country)
            .flat_map(|e| e.terms.iter().map(|t| &*t.code))
            .collect();
        let mut seen: HashMap<&str, (usize, usize)> = HashMap::new();
        for entry in &self.entries {
            let file = &self.files[entry.file];
            if entry.defines_country {
                let code = &*entry.terms[0].code;
                if let Some((f, l)) = seen.insert(code, (entry.file, entry.line)) {
                    return Err(Error::Malformed(
                        Location::line(&**file, entry.line),
                        format!(
                            "country code {code} is already defined at {}:{l}",
                            self.files[f]
                        ),
                    ));
                }
            }
            if entry.kind == ActorKind::Agent {
                continue;
            }
            for term in &entry.terms {
                let root = codes::root(&term.code);
                if !countries.contains(root) && !codes::is_non_state_root(root) {
                    return Err(Error::Malformed(
                        Location::line(&**file, term.line),
                        format!(
                            "unknown country code {root:?} in {:?} (not a country of the \
                             dictionary nor a non-state root such as IGO or NGO)",
                            term.code
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Checks that no two terms of one office overlap.
    fn check_offices(&self) -> Result<()> {
        let mut offices: HashMap<&str, Vec<(&Term, &Entry)>> = HashMap::new();
        for entry in &self.entries {
            for term in &entry.terms {
                if let Some(office) = term.office.as_deref() {
                    offices.entry(office).or_default().push((term, entry));
                }
            }
        }
        for (office, mut terms) in offices {
            terms.sort_by_key(|(t, _)| t.from);
            for pair in terms.windows(2) {
                let (a, ea) = pair[0];
                let (b, eb) = pair[1];
                let overlaps = match (a.to, b.from) {
                    (_, None) => true,
                    (None, Some(_)) => true,
                    (Some(end), Some(start)) => end > start,
                };
                if overlaps {
                    return Err(Error::Malformed(
                        Location::line(&*self.files[eb.file], b.line),
                        format!(
                            "the term of {} as {office} overlaps the term of {} at {}:{} \
                             (an office has one holder at a time; end days are exclusive)",
                            eb.name, ea.name, self.files[ea.file], a.line
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Splits every term whose country is a successor state at the day of its independence
    /// (see `codes::SUCCESSOR_STATES`): before it, the name stands for the older state with
    /// the same roles ("Juba" is `SDNGOV` in 2010, `SSDGOV` after 2011-07-09). A term the
    /// file dates wholly before independence stays as written.
    fn split_successor_terms(&mut self) {
        for entry in &mut self.entries {
            if entry.kind == ActorKind::Agent {
                continue;
            }
            let mut terms = Vec::with_capacity(entry.terms.len());
            for term in entry.terms.drain(..) {
                let split = codes::SUCCESSOR_STATES
                    .iter()
                    .find(|(code, _, _)| *code == codes::root(&term.code))
                    .and_then(|(_, (y, m, d), former)| Some((Date::new(*y, *m, *d)?, *former)))
                    .filter(|(founded, _)| {
                        term.from.is_none_or(|f| f < *founded)
                            && term.to.is_none_or(|t| t > *founded)
                    });
                if let Some((founded, former)) = split {
                    let mut before = term.clone();
                    before.code = codes::combine(former, term.code.get(3..).unwrap_or("")).into();
                    before.to = Some(founded);
                    before.office = None;
                    terms.push(before);
                    let mut after = term;
                    after.from = Some(founded);
                    terms.push(after);
                } else {
                    terms.push(term);
                }
            }
            entry.terms = terms;
        }
    }

    fn build_index(&mut self) -> Result<()> {
        for (i, entry) in self.entries.iter().enumerate() {
            let id = u32::try_from(i).map_err(|_| {
                Error::Malformed(
                    Location::file(&*self.files[entry.file]),
                    "too many dictionary entries".to_string(),
                )
            })?;
            for name in &entry.names {
                let key = normalize(name);
                self.max_words = self.max_words.max(key.split(' ').count());
                let refs = self.index.entry(key).or_default();
                if !refs.iter().any(|r| r.entry == id) {
                    refs.push(NameRef {
                        entry: id,
                        capitals_only: is_short_acronym(name),
                    });
                }
            }
        }
        Ok(())
    }
}

/// Parses the value of a term line: `CODE FROM TO [office=KEY] [uncertain] [; title]`, where
/// FROM and TO are `YYYY-MM-DD` or `-` (open).
fn parse_term(value: &str) -> std::result::Result<Term, String> {
    let (spec, title) = match value.split_once(';') {
        Some((spec, title)) => (spec, Some(title.trim()).filter(|t| !t.is_empty())),
        None => (value, None),
    };
    let mut parts = spec.split_whitespace();
    let usage = "expected: term CODE FROM TO [office=KEY] [uncertain] [; title]";
    let (Some(code), Some(from), Some(to)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!("incomplete term {value:?}: {usage}"));
    };
    if !codes::well_formed(code) {
        return Err(format!(
            "bad code {code:?}: expected three-letter segments in capitals"
        ));
    }
    let date = |text: &str| -> std::result::Result<Option<Date>, String> {
        if text == "-" {
            Ok(None)
        } else {
            Date::parse(text)
                .map(Some)
                .ok_or_else(|| format!("bad date {text:?}: expected YYYY-MM-DD or -"))
        }
    };
    let from = date(from)?;
    let to = date(to)?;
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(format!("the end date {t} is before the start date {f}"));
        }
        if t == f {
            return Err(format!("the term is empty: it starts and ends on {f}"));
        }
    }
    let mut office = None;
    let mut uncertain = false;
    for flag in parts {
        if let Some(key) = flag.strip_prefix("office=") {
            if key.is_empty() {
                return Err("empty office= key".to_string());
            }
            office = Some(key.into());
        } else if flag == "uncertain" {
            uncertain = true;
        } else {
            return Err(format!("unknown term flag {flag:?}: {usage}"));
        }
    }
    Ok(Term {
        code: code.into(),
        from,
        to,
        office,
        title: title.map(Box::from),
        uncertain,
        implied: false,
        line: 0,
    })
}
