//! PETRARCH's actor dictionaries (the Phoenix `.actors.txt` files) as an optional layer under
//! dyad's own dictionary: read at run time from text the caller supplies, never bundled.
//!
//! The format is TABARI's as PETRARCH reads it. A name starts a line (`TONY_BLAIR_`, words
//! joined by `_`), optionally with its code (`UN_ [IGOUNO]`); a line starting with `+` is
//! another name of the same actor; an indented line holds one code in brackets, undated
//! (`[GBRELI]`, the default) or restricted to dates: `[GBRGOV 970502-070627]` (both days
//! included), `[USAGOV >090120]` (from the day on), `[USAGOV <090120]` (up to the day). Dates
//! are `YYMMDD`, with PETRARCH's reading of two-digit years (00-30 are 20YY, the rest 19YY),
//! or `YYYYMMDD`. The first restriction that covers a date wins, else the first default code.
//! A name line without a code shares the codes given next, as in PETRARCH. `#` starts a
//! comment, and so do `;` on a name line and `<!-- ... -->`.
//!
//! PETRARCH's codes are translated into dyad's: a country root dyad knows (a few retired
//! roots are renamed: `TMP` → `TLS`, `USR` → `SUN`, `ROM` → `ROU`, `KSV` → `XKX`) with its
//! first role (a minister's portfolio after `GOV` is dropped, except `GOVMIL`, dyad's defence
//! minister), or a non-state root (`IGO`, `NGO`, `MNC`, a region...) with its segments as
//! they are. A code that does not translate, a malformed line or a bad date is skipped and
//! reported as `file:line: why`; loading goes on.
//!
//! [`resolve`] is the layer's stage, run after coreference: it codes only entities that dyad's
//! dictionary and rules left without a code, with no more than the article's country or a
//! role without a country, organisations coded from their head word alone when PETRARCH
//! knows their whole name, and names no entity covers. It is not consulted for anything
//! dyad's dictionary or its title and context rules resolve.

use std::collections::HashMap;

use super::codes;
use super::date::Date;
use super::dictionary::ActorDictionary;
use super::name::normalize;
use crate::document::{Document, Entity, EntityType, Span};

/// The basis coreference gives an unknown person known only by the article's country.
const ARTICLE_COUNTRY: &str = "rule the article's country";

/// The basis coreference gives an organisation coded from its name's head word.
const HEAD_WORD: &str = "rule organisation name";

/// Retired or non-ISO country roots of PETRARCH's files and dyad's codes for them.
const RENAMED_ROOTS: &[(&str, &str)] = &[
    ("TMP", "TLS"),
    ("USR", "SUN"),
    ("ROM", "ROU"),
    ("KSV", "XKX"),
];

/// The longest name, in words, looked up in running text.
const MAX_WORDS: usize = 8;

/// When a code holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// The default code, whatever the date.
    Always,
    /// Up to and including the day.
    UpTo(Date),
    /// From the day on.
    From(Date),
    /// Between two days, both included.
    Between(Date, Date),
}

impl When {
    fn covers(self, date: Date) -> bool {
        match self {
            When::Always => true,
            When::UpTo(d) => date <= d,
            When::From(d) => date >= d,
            When::Between(a, b) => a <= date && date <= b,
        }
    }
}

/// One code of an actor, translated into dyad's vocabulary.
#[derive(Debug, Clone)]
struct Code {
    code: Box<str>,
    when: When,
}

/// One actor: its names share its codes.
#[derive(Debug, Clone)]
struct Actor {
    file: usize,
    /// The line of its first name.
    line: usize,
    codes: Vec<Code>,
}

impl Actor {
    /// The code on `date` by PETRARCH's rule: the first restriction that covers the date,
    /// else the first default code. Without a date, only a default code answers.
    fn code_on(&self, date: Option<Date>) -> Option<&str> {
        if let Some(date) = date
            && let Some(c) = self
                .codes
                .iter()
                .find(|c| c.when != When::Always && c.when.covers(date))
        {
            return Some(&c.code);
        }
        self.codes
            .iter()
            .find(|c| c.when == When::Always)
            .map(|c| &*c.code)
    }

    /// True when some code is restricted to dates (people and regimes, not bodies).
    fn dated(&self) -> bool {
        self.codes.iter().any(|c| c.when != When::Always)
    }
}

/// A line that was skipped while loading, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file, as the caller named it.
    pub file: String,
    /// The line number, from 1.
    pub line: usize,
    /// Why it was skipped.
    pub why: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.why)
    }
}

/// What loading read: actors and names kept, and the lines skipped.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    /// Actors with at least one code dyad can use.
    pub actors: usize,
    /// Their names.
    pub names: usize,
    /// Actors none of whose codes translate (their names are dropped).
    pub actors_without_code: usize,
    /// Every line skipped, in file order.
    pub skipped: Vec<Skipped>,
}

/// One answer of the layer: a code and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PetrarchMatch<'a> {
    /// dyad's code on the date asked.
    pub code: &'a str,
    /// The file's name without its folders ("Phoenix.Countries.actors.txt").
    pub file: &'a str,
    /// The line of the actor's first name.
    pub line: usize,
    /// True for an actor with dated codes (a person or a regime).
    pub dated: bool,
}

impl PetrarchMatch<'_> {
    /// The basis written on an entity this match codes: `petrarch(FILE:LINE)`.
    pub fn basis(&self) -> String {
        format!("petrarch({}:{})", self.file, self.line)
    }
}

/// PETRARCH's actors, by normalised name.
#[derive(Debug, Clone, Default)]
pub struct PetrarchActors {
    files: Vec<Box<str>>,
    actors: Vec<Actor>,
    index: HashMap<String, Vec<u32>>,
    max_words: usize,
}

/// The actor being read: its names (line, text) and codes so far.
#[derive(Default)]
struct Pending {
    names: Vec<(usize, String)>,
    codes: Vec<Code>,
    /// True once a code line or an inline code was read (even one that did not translate).
    has_code: bool,
}

impl PetrarchActors {
    /// Reads PETRARCH actor files, given as `(file name, text)` pairs. `dict` tells which
    /// country roots dyad knows. Never fails: what cannot be read is skipped and reported.
    pub fn load(files: &[(&str, &str)], dict: &ActorDictionary) -> (PetrarchActors, LoadReport) {
        let mut out = PetrarchActors::default();
        let mut report = LoadReport::default();
        for (file, text) in files {
            let file_index = out.files.len();
            let short = file.rsplit(['/', '\\']).next().unwrap_or(file);
            out.files.push(short.into());
            out.read_file(file_index, file, text, dict, &mut report);
        }
        (out, report)
    }

    /// True when no actor was loaded.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    fn read_file(
        &mut self,
        file_index: usize,
        file: &str,
        text: &str,
        dict: &ActorDictionary,
        report: &mut LoadReport,
    ) {
        let mut pending = Pending::default();
        let mut in_comment = false;
        let mut bad: Vec<Skipped> = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let n = n + 1;
            let mut skip = |why: String| {
                bad.push(Skipped {
                    file: file.to_string(),
                    line: n,
                    why,
                });
            };
            // XML-style comments, on one line or over several.
            let mut line = raw.to_string();
            if in_comment {
                match line.find("-->") {
                    Some(end) => {
                        line = line[end + 3..].to_string();
                        in_comment = false;
                    }
                    None => continue,
                }
            }
            while let Some(start) = line.find("<!--") {
                match line[start..].find("-->") {
                    Some(end) => line.replace_range(start..start + end + 3, ""),
                    None => {
                        line.truncate(start);
                        in_comment = true;
                    }
                }
            }
            if let Some(hash) = line.find('#') {
                line.truncate(hash);
            }
            if line.trim().is_empty() {
                continue;
            }
            if line.contains("---STOP---") {
                break;
            }
            if line.starts_with(char::is_whitespace) {
                // A code line.
                let body = line.trim();
                if !body.starts_with('[') {
                    skip(format!(
                        "an indented line that is not a code in brackets: {body:?}"
                    ));
                    continue;
                }
                if pending.names.is_empty() {
                    skip("a code line before any name".to_string());
                    continue;
                }
                pending.has_code = true;
                match parse_code(body).and_then(|(code, when)| Ok((translate(code, dict)?, when))) {
                    Ok((code, when)) => pending.codes.push(Code {
                        code: code.into(),
                        when,
                    }),
                    Err(why) => skip(why),
                }
                continue;
            }
            let (name_part, code_part) = match line.find('[') {
                Some(b) => (&line[..b], Some(line[b..].trim())),
                None => (line.as_str(), None),
            };
            let name_part = name_part.split(';').next().unwrap_or("").trim();
            if let Some(synonym) = name_part.strip_prefix('+') {
                if pending.names.is_empty() {
                    skip("a synonym (+) before any name".to_string());
                    continue;
                }
                if code_part.is_some() {
                    skip("a synonym (+) line with a code of its own".to_string());
                    continue;
                }
                match name_key(synonym) {
                    Some(key) => pending.names.push((n, key)),
                    None => skip(format!("an empty name {synonym:?}")),
                }
                continue;
            }
            // A new name: the actor read so far is done once it has codes; a name without
            // codes shares those given next.
            if pending.has_code {
                self.finish(std::mem::take(&mut pending), file_index, report);
            }
            let Some(key) = name_key(name_part) else {
                skip(format!("an empty name {name_part:?}"));
                continue;
            };
            pending.names.push((n, key));
            if let Some(code_part) = code_part {
                pending.has_code = true;
                match parse_code(code_part)
                    .and_then(|(code, when)| Ok((translate(code, dict)?, when)))
                {
                    Ok((code, when)) => pending.codes.push(Code {
                        code: code.into(),
                        when,
                    }),
                    Err(why) => skip(why),
                }
            }
        }
        report.skipped.extend(bad);
        if !pending.names.is_empty() {
            if pending.has_code {
                self.finish(pending, file_index, report);
            } else if let Some(&(line, _)) = pending.names.last() {
                report.skipped.push(Skipped {
                    file: file.to_string(),
                    line,
                    why: "a name at the end of the file with no code".to_string(),
                });
            }
        }
    }

    fn finish(&mut self, p: Pending, file: usize, report: &mut LoadReport) {
        let Some(&(line, _)) = p.names.first() else {
            return;
        };
        if p.codes.is_empty() {
            report.actors_without_code += 1;
            return;
        }
        let Ok(id) = u32::try_from(self.actors.len()) else {
            return;
        };
        report.actors += 1;
        for (_, key) in &p.names {
            self.max_words = self.max_words.max(key.split(' ').count());
            let ids = self.index.entry(key.clone()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
                report.names += 1;
            }
        }
        self.actors.push(Actor {
            file,
            line,
            codes: p.codes,
        });
    }

    /// The code `text` carries on `date`, when every actor of that name agrees on one. A
    /// short name of three letters or fewer ("UN", "AU") answers only to text in capitals.
    pub fn lookup(&self, text: &str, date: Option<Date>) -> Option<PetrarchMatch<'_>> {
        let key = normalize(text);
        let ids = self.index.get(&key)?;
        if !key.contains(' ')
            && key.len() <= 3
            && text.chars().any(|c| c.is_alphabetic() && !c.is_uppercase())
        {
            return None;
        }
        let mut found: Option<(&str, &Actor)> = None;
        for &id in ids {
            let actor = self.actors.get(id as usize)?;
            let Some(code) = actor.code_on(date) else {
                continue;
            };
            match found {
                Some((c, _)) if c != code => return None,
                Some(_) => {}
                None => found = Some((code, actor)),
            }
        }
        let (code, actor) = found?;
        Some(PetrarchMatch {
            code,
            file: self.files.get(actor.file).map_or("", |f| f),
            line: actor.line,
            dated: actor.dated(),
        })
    }
}

/// The lookup key of a PETRARCH name: `_` joins words, a bracketed acronym inside the name
/// ("ARMY_(AA)_") is left out.
fn name_key(name: &str) -> Option<String> {
    let mut plain = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '_' if depth == 0 => plain.push(' '),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let key = normalize(&plain);
    (key.chars().filter(|c| c.is_alphanumeric()).count() >= 2).then_some(key)
}

/// Reads a bracketed code: `[CODE]`, `[CODE >DATE]`, `[CODE <DATE]` or `[CODE DATE-DATE]`.
fn parse_code(text: &str) -> Result<(&str, When), String> {
    let inner = text
        .strip_prefix('[')
        .and_then(|t| t.split_once(']'))
        .map(|(inner, _)| inner.trim())
        .ok_or_else(|| format!("a code without its closing bracket: {text:?}"))?;
    let (code, rest) = match inner.split_once(char::is_whitespace) {
        Some((code, rest)) => (code, rest.trim()),
        None => (inner, ""),
    };
    if code.is_empty() {
        return Err("an empty code".to_string());
    }
    let when = if rest.is_empty() {
        When::Always
    } else if let Some(day) = rest.strip_prefix('<') {
        When::UpTo(petrarch_date(day.trim())?)
    } else if let Some(day) = rest.strip_prefix('>') {
        When::From(petrarch_date(day.trim())?)
    } else if let Some((from, to)) = rest.split_once('-') {
        let (from, to) = (petrarch_date(from.trim())?, petrarch_date(to.trim())?);
        if to < from {
            return Err(format!(
                "the end date {to} is before the start date {from} in {inner:?}"
            ));
        }
        When::Between(from, to)
    } else {
        return Err(format!(
            "a date restriction that is neither <DATE, >DATE nor DATE-DATE: {rest:?}"
        ));
    };
    Ok((code, when))
}

/// A PETRARCH date: `YYMMDD` (seven characters or fewer, a two-digit year: 00-30 is 20YY,
/// 31-99 is 19YY, as PETRARCH reads it) or `YYYYMMDD`.
fn petrarch_date(text: &str) -> Result<Date, String> {
    let bad = || format!("a bad date {text:?} (expected YYMMDD or YYYYMMDD)");
    if !text.bytes().all(|b| b.is_ascii_digit()) || text.len() < 6 {
        return Err(bad());
    }
    let number = |range: std::ops::Range<usize>| -> Result<u32, String> {
        text.get(range).and_then(|t| t.parse().ok()).ok_or_else(bad)
    };
    let (year, rest) = if text.len() > 7 {
        (i32::try_from(number(0..4)?).map_err(|_| bad())?, 4)
    } else {
        let yy = i32::try_from(number(0..2)?).map_err(|_| bad())?;
        (if yy <= 30 { 2000 + yy } else { 1900 + yy }, 2)
    };
    let month = u8::try_from(number(rest..rest + 2)?).map_err(|_| bad())?;
    let day = u8::try_from(number(rest + 2..rest + 4)?).map_err(|_| bad())?;
    Date::new(year, month, day).ok_or_else(bad)
}

/// PETRARCH's code in dyad's vocabulary (see the module comment), or why it has none.
fn translate(code: &str, dict: &ActorDictionary) -> Result<String, String> {
    if !codes::well_formed(code) {
        return Err(format!(
            "a bad code {code:?} (expected three-letter segments in capitals)"
        ));
    }
    let root = codes::root(code);
    let rest = code.get(3..).unwrap_or("");
    if codes::is_non_state_root(root) {
        return Ok(code.to_string());
    }
    let root = RENAMED_ROOTS
        .iter()
        .find(|(from, _)| *from == root)
        .map_or(root, |(_, to)| to);
    if !dict.is_country(root) {
        return Err(format!(
            "code {code:?}: {root} is neither a country of dyad's nor a non-state root"
        ));
    }
    let role = rest.get(..3).filter(|r| codes::is_role(r));
    Ok(match role {
        Some("GOV") if rest.get(3..6) == Some("MIL") => format!("{root}GOVMIL"),
        Some(role) => format!("{root}{role}"),
        None => root.to_string(),
    })
}

/// The part of a document's date that names a day.
fn published_day(doc: &Document) -> Option<Date> {
    let text = doc.meta.published.as_deref()?;
    Date::parse(text.get(..10).unwrap_or(text))
}

/// How open an entity is to the layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Openness {
    /// dyad resolved it: the layer leaves it alone.
    Closed,
    /// A person or an organisation with no code, only the article's country, or a role
    /// with no country ("the regional government").
    Open,
    /// An organisation coded from its head word ("Center" → EDU) with a country: only an
    /// exact match of its whole name, of two or more words, may recode it.
    HeadWord,
}

fn openness(e: &Entity) -> Openness {
    if !matches!(e.kind, EntityType::Person | EntityType::Org) {
        return Openness::Closed;
    }
    let basis = e.basis.as_deref();
    match e.code.as_deref() {
        None => Openness::Open,
        Some(code) if code.starts_with('-') => Openness::Open,
        Some(_) if basis == Some(ARTICLE_COUNTRY) => Openness::Open,
        Some(_) if basis == Some(HEAD_WORD) => Openness::HeadWord,
        Some(_) => Openness::Closed,
    }
}

/// The countries a document's coded entities name (not counting the article's-country
/// guesses), with its main country.
fn countries_named(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = super::resolve::home_country(&doc.entities)
        .into_iter()
        .collect();
    for e in &doc.entities {
        if e.basis.as_deref() == Some(ARTICLE_COUNTRY) {
            continue;
        }
        if let Some(c) = e.country()
            && !codes::is_non_state_root(c)
            && c.chars().all(|x| x.is_ascii_uppercase())
            && !out.iter().any(|x| x == c)
        {
            out.push(c.to_string());
        }
    }
    out
}

/// True when the document gives no reason against `code`: a non-state code, or a country
/// the document names itself. A name shared by people of several countries ("John Smith")
/// is then not taken for a foreigner the article never mentions.
fn fits(code: &str, named: &[String]) -> bool {
    let root = codes::root(code);
    codes::is_non_state_root(root) || named.iter().any(|c| c == root)
}

/// The first and last word of a span, when it starts and ends on words.
fn word_range(doc: &Document, span: Span) -> Option<(usize, usize)> {
    let first = doc.words.partition_point(|w| w.span.start < span.start);
    let last = doc.words.partition_point(|w| w.span.end <= span.end);
    (first < last && doc.words.get(first)?.span.start == span.start).then(|| (first, last - 1))
}

/// The layer's stage, after coreference: codes with PETRARCH's actors the entities dyad's
/// dictionary and rules left open (see [`Openness`]), and adds entities for names of two or
/// more words that no entity covers. A mention may be read with up to three words before it
/// and capitalised words after it, for a name the entity tagger cut short ("Kurdistan
/// Regional" of "Kurdistan Regional Government"). A code is taken only when its country is
/// one the document names (a non-state code always may be); a one-word name ("Brown") codes
/// an entity only when the entity tagger made it a person or an organisation.
pub fn resolve(doc: &mut Document, actors: &PetrarchActors) {
    if actors.is_empty() || doc.words.is_empty() {
        return;
    }
    let date = published_day(doc);
    let named = countries_named(doc);
    let mut changes: Vec<(usize, String, String)> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        let open = openness(e);
        if open == Openness::Closed {
            continue;
        }
        if open == Openness::HeadWord {
            if normalize(&e.name).split(' ').count() >= 2
                && let Some(m) = actors.lookup(&e.name, date)
                && fits(m.code, &named)
            {
                changes.push((i, m.code.to_string(), m.basis()));
            }
            continue;
        }
        if let Some(m) = open_match(doc, e, actors, date, &named) {
            changes.push((i, m.code.to_string(), m.basis()));
        }
    }
    for (i, code, basis) in changes {
        if let Some(e) = doc.entities.get_mut(i) {
            e.code = Some(code);
            e.basis = Some(basis);
        }
    }
    let added = uncovered_names(doc, actors, date, &named);
    if !added.is_empty() {
        doc.entities.extend(added);
        doc.entities.sort_by_key(|e| e.mentions.first().copied());
    }
}

/// The layer's answer for an open entity: its name and its mentions, each also read with
/// words around it (longest first), then a one-word name under the guard.
fn open_match<'a>(
    doc: &Document,
    e: &Entity,
    actors: &'a PetrarchActors,
    date: Option<Date>,
    named: &[String],
) -> Option<PetrarchMatch<'a>> {
    let upper = |w: usize| doc.slice(doc.words[w].span).starts_with(char::is_uppercase);
    let mut spans: Vec<(usize, Span)> = Vec::new();
    for m in &e.mentions {
        let Some((first, last)) = word_range(doc, *m) else {
            continue;
        };
        let sentence = doc.words[first].sentence;
        let mut end = last;
        while end + 1 < doc.words.len()
            && end < last + 3
            && doc.words[end + 1].sentence == sentence
            && upper(end + 1)
        {
            end += 1;
        }
        let mut start = first;
        while start > 0 && first - start < 3 && doc.words[start - 1].sentence == sentence {
            start -= 1;
        }
        for s in start..=first {
            for t in last..=end {
                if upper(s) {
                    let span = Span::new(doc.words[s].span.start, doc.words[t].span.end);
                    spans.push((t + 1 - s, span));
                }
            }
        }
    }
    // The longest reading first: "Gordon Brown" before "Brown".
    spans.sort_by_key(|(n, span)| (std::cmp::Reverse(*n), span.start));
    spans.dedup();
    let mut texts: Vec<&str> = vec![e.name.as_str()];
    texts.extend(spans.iter().map(|(_, span)| doc.slice(*span)));
    texts.sort_by_key(|t| std::cmp::Reverse(normalize(t).split(' ').count()));
    for text in texts {
        let Some(m) = actors.lookup(text, date) else {
            continue;
        };
        if !fits(m.code, named) {
            continue;
        }
        if normalize(text).split(' ').count() < 2 {
            let tagged = doc.mentions.iter().any(|x| {
                matches!(x.kind, EntityType::Person | EntityType::Org)
                    && e.mentions
                        .iter()
                        .any(|m| m.start < x.span.end && x.span.start < m.end)
            });
            if !tagged {
                continue;
            }
        }
        return Some(m);
    }
    None
}

/// Entities for names of two or more words, in capitals at both ends, that no entity's
/// mention overlaps and that no capitalised word follows (so no part of a longer name).
fn uncovered_names(
    doc: &Document,
    actors: &PetrarchActors,
    date: Option<Date>,
    named: &[String],
) -> Vec<Entity> {
    let covered = |span: Span| {
        doc.entities.iter().any(|e| {
            e.mentions
                .iter()
                .any(|m| m.start < span.end && span.start < m.end)
        })
    };
    let upper = |w: usize| doc.slice(doc.words[w].span).starts_with(char::is_uppercase);
    let mut out: Vec<Entity> = Vec::new();
    let longest = actors.max_words.min(MAX_WORDS);
    let words = &doc.words;
    let mut i = 0;
    while i < words.len() {
        if !upper(i) {
            i += 1;
            continue;
        }
        let mut taken = 0;
        for n in (2..=longest).rev() {
            let last = i + n - 1;
            if last >= words.len() || words[last].sentence != words[i].sentence || !upper(last) {
                continue;
            }
            if last + 1 < words.len()
                && words[last + 1].sentence == words[i].sentence
                && upper(last + 1)
            {
                continue;
            }
            let span = Span::new(words[i].span.start, words[last].span.end);
            if covered(span) {
                continue;
            }
            let text = doc.slice(span);
            let Some(m) = actors.lookup(text, date).filter(|m| fits(m.code, named)) else {
                continue;
            };
            let root = codes::root(m.code);
            let kind = if m.dated {
                EntityType::Person
            } else if m.code.len() == 3 && !codes::is_non_state_root(root) {
                EntityType::Gpe
            } else {
                EntityType::Org
            };
            let basis = m.basis();
            match out
                .iter_mut()
                .find(|e| normalize(&e.name) == normalize(text))
            {
                Some(e) => e.mentions.push(span),
                None => out.push(Entity {
                    name: text.to_string(),
                    kind,
                    code: Some(m.code.to_string()),
                    basis: Some(basis),
                    mentions: vec![span],
                }),
            }
            taken = n;
            break;
        }
        i += taken.max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ArticleMeta, BlockKind};

    /// A small file in PETRARCH's syntax, written for these tests (the names are invented).
    const FILE: &str = "\
# Invented actors for the tests.
FREEDONIA_ [FRE]
MARIA_QUELLBERG_  # a comment
+PRIME_MINISTER_QUELLBERG_
\t[GBRELI 710101-970502]
\t[GBRGOV 970502-070627]
\t[GBRELI]
HAROLD_VINTNER_
\t[USAGOV >090120]
\t[USALEG <090119]
UNITED_LEAGUE_OF_TESTERS_ [IGOUNO]
ULT_
ALSO_NO_CODE_
\t[NGOHRI]
BRIGADE_OF_THE_NORTH_(BON)_ [KKLREB]
NORTHERN_BRIGADE_ [GBRREB]
JOHN_TEMPLE_
\t[GBRGOVBUS 20030101-20051231]
\t[GBRGOVMIL 20060101-20071231]
";

    fn load(text: &str) -> (PetrarchActors, LoadReport) {
        let dict = crate::actors::embedded_dictionary().expect("the embedded dictionary loads");
        PetrarchActors::load(&[("dir/Test.actors.txt", text)], dict)
    }

    fn day(text: &str) -> Option<Date> {
        Date::parse(text)
    }

    fn code(actors: &PetrarchActors, name: &str, date: &str) -> Option<String> {
        actors.lookup(name, day(date)).map(|m| m.code.to_string())
    }

    #[test]
    fn names_synonyms_and_dated_codes() {
        let (actors, report) = load(FILE);
        let code = |name: &str, date: &str| code(&actors, name, date);
        assert_eq!(
            code("Maria Quellberg", "1990-01-01").as_deref(),
            Some("GBRELI")
        );
        assert_eq!(
            code("Maria Quellberg", "1997-05-02").as_deref(),
            Some("GBRELI")
        );
        assert_eq!(
            code("Maria Quellberg", "1997-05-03").as_deref(),
            Some("GBRGOV")
        );
        assert_eq!(
            code("Prime Minister Quellberg", "2007-06-27").as_deref(),
            Some("GBRGOV")
        );
        assert_eq!(
            code("Maria Quellberg", "2010-01-01").as_deref(),
            Some("GBRELI")
        );
        // ">" from the day on, "<" up to the day; no default code after the restrictions.
        assert_eq!(
            code("Harold Vintner", "2009-01-20").as_deref(),
            Some("USAGOV")
        );
        assert_eq!(
            code("Harold Vintner", "2009-01-19").as_deref(),
            Some("USALEG")
        );
        // Names without a code share the codes given next, as in PETRARCH.
        assert_eq!(code("ULT", "2000-01-01").as_deref(), Some("NGOHRI"));
        assert_eq!(
            code("Also no code", "2000-01-01").as_deref(),
            Some("NGOHRI")
        );
        assert_eq!(
            code("United League of Testers", "2000-01-01").as_deref(),
            Some("IGOUNO")
        );
        // A bracketed acronym is no part of the name.
        assert_eq!(
            code("Northern Brigade", "2000-01-01").as_deref(),
            Some("GBRREB")
        );
        // A minister's portfolio is dropped, a defence minister keeps GOVMIL.
        assert_eq!(code("John Temple", "2004-06-01").as_deref(), Some("GBRGOV"));
        assert_eq!(
            code("John Temple", "2006-06-01").as_deref(),
            Some("GBRGOVMIL")
        );
        assert_eq!(code("John Temple", "2009-06-01"), None);
        let m = actors
            .lookup("Maria Quellberg", day("2000-01-01"))
            .expect("found");
        assert_eq!(m.basis(), "petrarch(Test.actors.txt:3)");
        // The two codes that do not translate: FRE and KKL are no roots of dyad's.
        let lines: Vec<usize> = report.skipped.iter().map(|s| s.line).collect();
        assert_eq!(lines, [2, 15], "{:?}", report.skipped);
        assert_eq!(report.actors, 6);
        assert_eq!(report.actors_without_code, 2);
    }

    #[test]
    fn short_names_answer_only_to_capitals() {
        let (actors, _) = load(FILE);
        assert_eq!(
            code(&actors, "ULT", "2000-01-01").as_deref(),
            Some("NGOHRI")
        );
        assert_eq!(code(&actors, "Ult", "2000-01-01"), None);
    }

    #[test]
    fn two_digit_years_are_read_as_petrarch_reads_them() {
        assert_eq!(
            petrarch_date("300101").map(|d| d.to_string()).as_deref(),
            Ok("2030-01-01")
        );
        assert_eq!(
            petrarch_date("310101").map(|d| d.to_string()).as_deref(),
            Ok("1931-01-01")
        );
        assert_eq!(
            petrarch_date("991231").map(|d| d.to_string()).as_deref(),
            Ok("1999-12-31")
        );
        assert_eq!(
            petrarch_date("20100711").map(|d| d.to_string()).as_deref(),
            Ok("2010-07-11")
        );
        // Seven digits are still a two-digit year, as in PETRARCH: "2004017" is 2020-04-01.
        assert_eq!(
            petrarch_date("2004017").map(|d| d.to_string()).as_deref(),
            Ok("2020-04-01")
        );
        assert!(petrarch_date("20100931").is_err());
        assert!(petrarch_date("9901").is_err());
        assert!(petrarch_date("99x101").is_err());
    }

    #[test]
    fn every_kind_of_bad_line_is_skipped_with_its_line() {
        let text = "\
\t[USAGOV]
+ORPHAN_SYNONYM_
KARL_OBERST_
\tUSAGOV
\t[USAGOV
\t[USAGOV 990101-980101]
\t[USAGOV 99x101-001231]
\t[USAGOV ~990101]
\t[usagov]
\t[]
+KARL_OBERST_JR_ [USAGOV]
\t[USAGOV >990101]
<!-- a comment
over two lines -->
___ [USAGOV]
LAST_NAME_
";
        let (actors, report) = load(text);
        let expected = [
            (1, "a code line before any name"),
            (2, "a synonym (+) before any name"),
            (4, "an indented line that is not a code"),
            (5, "a code without its closing bracket"),
            (
                6,
                "the end date 1998-01-01 is before the start date 1999-01-01",
            ),
            (7, "a bad date \"99x101\""),
            (8, "neither <DATE, >DATE nor DATE-DATE"),
            (9, "a bad code \"usagov\""),
            (10, "an empty code"),
            (11, "a synonym (+) line with a code of its own"),
            (15, "an empty name"),
            (16, "a name at the end of the file with no code"),
        ];
        assert_eq!(
            report.skipped.len(),
            expected.len(),
            "{:#?}",
            report.skipped
        );
        for (s, (line, why)) in report.skipped.iter().zip(expected) {
            assert_eq!(s.line, line, "{s}");
            assert!(s.why.contains(why), "{s}: expected {why:?}");
        }
        assert_eq!(
            report.skipped[0].to_string(),
            "dir/Test.actors.txt:1: a code line before any name"
        );
        // Loading went on: the good code line of the actor counts.
        assert_eq!(
            code(&actors, "Karl Oberst", "2001-01-01").as_deref(),
            Some("USAGOV")
        );
        assert_eq!(report.actors, 1);
    }

    #[test]
    fn ambiguous_names_answer_nothing() {
        let (actors, _) =
            load("JANE_DOE_ [GBRGOV]\nJANE_DOE_ [FRAGOV]\nJIM_DOE_ [GBRGOV]\nJIM_DOE_ [GBRGOV]\n");
        assert_eq!(code(&actors, "Jane Doe", "2001-01-01"), None);
        assert_eq!(
            code(&actors, "Jim Doe", "2001-01-01").as_deref(),
            Some("GBRGOV")
        );
    }

    /// Runs the stages through coreference, then the layer, and renders the entities.
    fn coded(text: &str, petrarch: &str) -> Vec<String> {
        let dict = crate::actors::embedded_dictionary().expect("the embedded dictionary loads");
        let (actors, _) = PetrarchActors::load(&[("P.actors.txt", petrarch)], dict);
        let meta = ArticleMeta {
            published: Some("2005-03-16".into()),
            ..ArticleMeta::default()
        };
        let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
        crate::Pipeline::through(crate::pipeline::Stage::Coref).run(&mut doc);
        resolve(&mut doc, &actors);
        doc.entities
            .iter()
            .filter(|e| e.kind != EntityType::Norp)
            .map(|e| {
                format!(
                    "{} {} {}",
                    doc.slice(e.mentions[0]),
                    e.code.as_deref().unwrap_or("-"),
                    e.basis.as_deref().unwrap_or("-")
                )
            })
            .collect()
    }

    #[test]
    fn the_layer_codes_only_what_dyad_leaves_open() {
        let petrarch = "\
ODALRIC_FENWICK_
\t[USALEG 20010101-20091231]
TONY_BLAIR_ [FRAGOV]
FENWICK_ [USALEG]
";
        let got = coded(
            "Odalric Fenwick flew from Washington to meet Tony Blair in London on Monday. \
             Fenwick said the talks went well.",
            petrarch,
        );
        assert!(
            got.contains(&"Odalric Fenwick USALEG petrarch(P.actors.txt:1)".to_string()),
            "{got:#?}"
        );
        // dyad's own dictionary wins over the layer.
        assert!(
            got.iter().any(|g| g.starts_with("Tony Blair GBRGOV ")),
            "{got:#?}"
        );
    }

    #[test]
    fn a_one_word_name_needs_a_country_the_document_names() {
        let petrarch = "HALVORSEN_ [NORGOV]\n";
        let alone = coded(
            "Halvorsen said the plan was late. Halvorsen left.",
            petrarch,
        );
        assert!(!alone.iter().any(|g| g.contains("NORGOV")), "{alone:#?}");
        let with = coded(
            "Norway sent an envoy. Halvorsen said the plan was late.",
            petrarch,
        );
        assert!(
            with.iter().any(|g| g.starts_with("Halvorsen NORGOV")),
            "{with:#?}"
        );
    }

    /// A document of plain words (segmented only) with the given entities, as `(mention,
    /// code, basis)`, each on the first occurrence of its mention.
    fn segmented(text: &str, entities: &[(&str, Option<&str>, &str)]) -> Document {
        let meta = ArticleMeta {
            published: Some("2005-03-16".into()),
            ..ArticleMeta::default()
        };
        let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
        crate::Pipeline::through(crate::pipeline::Stage::Segment).run(&mut doc);
        for (mention, code, basis) in entities {
            let start = doc.text.find(mention).expect("the mention is in the text");
            doc.entities.push(Entity {
                name: (*mention).to_string(),
                kind: EntityType::Org,
                code: code.map(str::to_string),
                basis: Some((*basis).to_string()),
                mentions: vec![Span::new(start, start + mention.len())],
            });
        }
        doc
    }

    fn codes_after(doc: &mut Document, petrarch: &str) -> Vec<String> {
        let dict = crate::actors::embedded_dictionary().expect("the embedded dictionary loads");
        let (actors, _) = PetrarchActors::load(&[("P.actors.txt", petrarch)], dict);
        resolve(doc, &actors);
        doc.entities
            .iter()
            .map(|e| format!("{} {}", e.name, e.code.as_deref().unwrap_or("-")))
            .collect()
    }

    #[test]
    fn a_name_cut_short_or_a_role_without_country_is_read_with_its_words() {
        let petrarch = "\
ALDERMOOR_REGIONAL_COUNCIL_ [GBRGOV]
HILLFORD_REGIONAL_GOVERNMENT_ [GBRGOV]
";
        let mut doc = segmented(
            "Britain said the Aldermoor Regional Council met. The Hillford regional government \
             agreed.",
            &[
                (
                    "Britain",
                    Some("GBR"),
                    "data/actors/countries.txt country \"United Kingdom\"",
                ),
                ("Aldermoor Regional", None, "coreference"),
                ("government", Some("---GOV"), "rule role word"),
            ],
        );
        assert_eq!(
            codes_after(&mut doc, petrarch),
            [
                "Britain GBR",
                "Aldermoor Regional GBRGOV",
                "government GBRGOV"
            ]
        );
    }

    #[test]
    fn a_code_of_a_country_the_document_does_not_name_is_not_taken() {
        let petrarch = "SECRETARY_OF_STATE_ [USAGOV]\nGREYSTONE_INSTITUTE_ [NGOHRI]\n";
        let mut doc = segmented(
            "Britain said the Secretary of State spoke to the Greystone Institute.",
            &[
                (
                    "Britain",
                    Some("GBR"),
                    "data/actors/countries.txt country \"United Kingdom\"",
                ),
                ("Greystone Institute", Some("GBREDU"), HEAD_WORD),
            ],
        );
        // An organisation coded from its head word alone gives way to its whole name.
        assert_eq!(
            codes_after(&mut doc, petrarch),
            ["Britain GBR", "Greystone Institute NGOHRI"]
        );
        let mut doc = segmented(
            "The United States said the Secretary of State would go.",
            &[(
                "United States",
                Some("USA"),
                "data/actors/countries.txt country \"United States\"",
            )],
        );
        assert_eq!(
            codes_after(&mut doc, petrarch),
            ["United States USA", "Secretary of State USAGOV"]
        );
    }

    #[test]
    fn names_no_entity_covers_become_entities() {
        let dict = crate::actors::embedded_dictionary().expect("the embedded dictionary loads");
        let (actors, _) = PetrarchActors::load(
            &[("P.actors.txt", "ALDERMOOR_WATCH_GROUP_ [NGOHRI]\n")],
            dict,
        );
        let text = "A report from the aldermoor watch group, then Aldermoor Watch Group, then \
                    Aldermoor Watch Group Trust.";
        let mut doc = Document::from_blocks(ArticleMeta::default(), [(BlockKind::Paragraph, text)]);
        crate::Pipeline::through(crate::pipeline::Stage::Segment).run(&mut doc);
        resolve(&mut doc, &actors);
        let got: Vec<String> = doc
            .entities
            .iter()
            .map(|e| {
                let mentions: Vec<&str> = e.mentions.iter().map(|m| doc.slice(*m)).collect();
                format!(
                    "{} {:?} {} {}",
                    mentions.join("|"),
                    e.kind,
                    e.code.as_deref().unwrap_or("-"),
                    e.basis.as_deref().unwrap_or("-")
                )
            })
            .collect();
        // Not in lower case, nor inside a longer capitalised name.
        assert_eq!(
            got,
            ["Aldermoor Watch Group Org NGOHRI petrarch(P.actors.txt:1)"]
        );
    }
}
