//! Scoring actor codes against hand-made actor lists (issue 5's measurement): the list
//! format below is parsed here, and each listed actor is matched in a coded article and
//! judged right or wrong. Callers read the list files, the article files and the re3d
//! `documents.json` files and hand their text in; nothing here does I/O.
//!
//! # The actor list format (dyad actor list v1)
//!
//! A plain UTF-8 text file. Lines starting with `#` are comments; blank lines are ignored.
//! Each other line is one article:
//!
//! ```text
//! SOURCE DATE | ACTOR; ACTOR; ...
//! ```
//!
//! - SOURCE: either a path relative to the corpora folder (`../shared/corpora` by default),
//!   for example `bbc-news/politics/022.txt` (the file is read as dyad reads any text file),
//!   or `re3d:ID` where ID is a prefix of at least 8 hexadecimal digits of a re3d document's
//!   `_id` (looked up in every `re3d/*/documents.json`); the article's text is the
//!   document's `title`, a blank line, and its `text`.
//! - DATE: the publication date the article is coded with, `YYYY-MM-DD`.
//! - ACTOR: `NAME/NAME/... (CODE / CODE / ...)`. Names separated by `/` are the same actor
//!   (written as they appear in the text, case-sensitive); the codes are the codes accepted.
//!   A code ending in `*` accepts any code with that prefix (`IGOUNO*`, `NGO*`).
//!
//! Scoring (one actor at a time):
//! - every occurrence of every one of its names in the article's text, at word boundaries,
//!   is found and ordered by position;
//! - the first occurrence that some entity mention overlaps counts; the entity whose mention
//!   overlaps it most is the actor's entity;
//! - the actor is right when that entity's `code` is accepted; it is wrong when the entity
//!   has another code or none, and wrong ("uncovered") when no entity covers any occurrence;
//! - a name that occurs nowhere in the text is an error of the list, reported with its line.
//!
//! Note: entity mention offsets index the text of dyad's document (as `dyad code --format
//! json` gives it), so names are matched in that text, not in the raw file. If the title of
//! a BBC file is not part of that text, matching there is still right (the list's names
//! occur in the body).
//!
//! # How this module reads the format
//!
//! The scorer reads the coded-article JSON (`dyad.article/1`), exactly what users see, like
//! the gold scorer: its `text`, and its `entities` with their character-offset `mentions`
//! and `code`. An entity the JSON lists without a code (a name the entity tagger found that
//! no actor covers) is an entity with no code. A word boundary is the edge of the text or a
//! character that is not a letter, a digit or `_`, checked only on the side where the name
//! itself starts or ends with such a character. When two entities overlap an occurrence
//! equally, the one listed first wins. An actor with a name missing from the text counts as
//! wrong, besides the list error, so that a broken list never scores better than a sound one.

use std::fmt;

use serde_json::Value;

use crate::actors::Date;
use crate::error::{Error, Location, Result};

/// Where a listed article's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file, by its path relative to the corpora folder.
    Path(String),
    /// A re3d document, by a prefix of its `_id` (upper-case hexadecimal digits).
    Re3d(String),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Path(path) => write!(f, "{path}"),
            Source::Re3d(id) => write!(f, "re3d:{id}"),
        }
    }
}

/// One listed actor: the names it goes by in the article and the codes accepted for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListActor {
    /// Its names, as written in the text (case-sensitive).
    pub names: Vec<String>,
    /// The codes accepted; one ending in `*` accepts any code with that prefix.
    pub codes: Vec<String>,
}

impl ListActor {
    /// True when `code` is one of the codes accepted.
    pub fn accepts(&self, code: &str) -> bool {
        self.codes.iter().any(|c| match c.strip_suffix('*') {
            Some(prefix) => code.starts_with(prefix),
            None => c == code,
        })
    }

    /// The names joined by `/`, as the list writes them.
    pub fn label(&self) -> String {
        self.names.join("/")
    }
}

/// One article of a list: its source, its date and its actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListArticle {
    /// The 1-based line of the list that holds it.
    pub line: usize,
    /// Where its text comes from.
    pub source: Source,
    /// The publication date it is coded with (`YYYY-MM-DD`).
    pub date: String,
    /// The actors, in the list's order.
    pub actors: Vec<ListActor>,
}

/// A parsed list: the articles of its sound lines and an error for each malformed line.
#[derive(Debug, Default)]
pub struct ActorList {
    /// The articles, in the list's order.
    pub articles: Vec<ListArticle>,
    /// One error per malformed line, naming the file and the line.
    pub errors: Vec<Error>,
}

/// Parses an actor list (`file` names it in errors). A malformed line is an error naming
/// `file:line` and what is wrong; the other lines are still read.
pub fn parse(text: &str, file: &str) -> ActorList {
    let mut list = ActorList::default();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line, number) {
            Ok(article) => list.articles.push(article),
            Err(why) => list
                .errors
                .push(Error::Malformed(Location::line(file, number), why)),
        }
    }
    list
}

/// One article line, or why it is malformed.
fn parse_line(line: &str, number: usize) -> std::result::Result<ListArticle, String> {
    let Some((head, actors)) = line.split_once('|') else {
        return Err("no `|` between `SOURCE DATE` and the actors".to_string());
    };
    let head = head.trim();
    let Some((source, date)) = head.rsplit_once(char::is_whitespace) else {
        return Err(format!("{head:?} is not `SOURCE DATE`"));
    };
    let (source, date) = (source.trim(), date.trim());
    if Date::parse(date).is_none() {
        return Err(format!("{date:?} is not a date of the form YYYY-MM-DD"));
    }
    let source = parse_source(source)?;
    let mut parsed = Vec::new();
    for (i, actor) in actors.split(';').enumerate() {
        let actor = actor.trim();
        if actor.is_empty() {
            return Err(format!("actor {} is empty (two `;` in a row?)", i + 1));
        }
        // The actor's number, not its names: errors of a held-out list must not show it.
        parsed.push(parse_actor(actor).map_err(|why| format!("actor {}: {why}", i + 1))?);
    }
    Ok(ListArticle {
        line: number,
        source,
        date: date.to_string(),
        actors: parsed,
    })
}

/// A SOURCE field: `re3d:ID` or a relative path.
fn parse_source(source: &str) -> std::result::Result<Source, String> {
    if let Some(id) = source.strip_prefix("re3d:") {
        if id.len() < 8 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!(
                "re3d id {id:?} is not a prefix of at least 8 hexadecimal digits"
            ));
        }
        return Ok(Source::Re3d(id.to_ascii_uppercase()));
    }
    if source.starts_with('/') || source.starts_with('\\') {
        return Err(format!(
            "the source {source:?} is not relative to the corpora folder"
        ));
    }
    Ok(Source::Path(source.to_string()))
}

/// An ACTOR field: `NAME/NAME (CODE / CODE)`.
fn parse_actor(actor: &str) -> std::result::Result<ListActor, String> {
    let Some(open) = actor.rfind('(') else {
        return Err("no `(CODES)` after the names".to_string());
    };
    let Some(inner) = actor[open + 1..].strip_suffix(')') else {
        return Err("the codes' `)` is not the last character".to_string());
    };
    let names: Vec<String> = actor[..open]
        .split('/')
        .map(|n| n.trim().to_string())
        .collect();
    if names.iter().any(String::is_empty) {
        return Err("an empty name".to_string());
    }
    let codes: Vec<String> = inner.split('/').map(|c| c.trim().to_string()).collect();
    for code in &codes {
        let body = code.strip_suffix('*').unwrap_or(code);
        if body.is_empty()
            || !body
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return Err(format!(
                "{code:?} is not a code (capital letters and digits, optionally ending in `*`)"
            ));
        }
    }
    Ok(ListActor { names, codes })
}

/// The re3d documents the lists may name, by `_id`.
#[derive(Debug, Default)]
pub struct Re3dDocuments {
    /// `(_id in upper case, title, text)` in the order read.
    docs: Vec<(String, String, String)>,
}

impl Re3dDocuments {
    /// Reads `documents.json` files, given as `(name, text)` pairs; a line that is not a
    /// JSON object with `_id` and `text` is an error naming its file and line.
    pub fn parse(files: &[(&str, &str)]) -> Result<Re3dDocuments> {
        let mut docs = Vec::new();
        for (name, text) in files {
            for r in super::ner::re3d_documents(text, name)? {
                docs.push((r.id.to_ascii_uppercase(), r.title, r.text));
            }
        }
        Ok(Re3dDocuments { docs })
    }

    /// The number of documents read.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when no document was read.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The article text of the one document whose `_id` starts with `prefix`: its title, a
    /// blank line and its text (the text alone when it has no title). No document, or
    /// several, is an error naming `re3d:PREFIX`.
    pub fn text(&self, prefix: &str) -> Result<String> {
        let prefix = prefix.to_ascii_uppercase();
        let at = || Location::file(format!("re3d:{prefix}"));
        let mut found = self
            .docs
            .iter()
            .filter(|(id, _, _)| id.starts_with(&prefix));
        match (found.next(), found.next()) {
            (Some((_, title, text)), None) if title.is_empty() => Ok(text.clone()),
            (Some((_, title, text)), None) => Ok(format!("{title}\n\n{text}")),
            (None, _) => Err(Error::NotFound(
                at(),
                "no re3d document's _id starts with these digits".to_string(),
            )),
            (Some(_), Some(_)) => Err(Error::NotFound(
                at(),
                "several re3d documents' _ids start with these digits: give more".to_string(),
            )),
        }
    }
}

/// Why an actor was judged wrong, or that it was right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Its entity carries an accepted code.
    Right,
    /// Its entity carries this code, which is not accepted.
    WrongCode(String),
    /// Its entity carries no code.
    NoCode,
    /// No entity mention overlaps any occurrence of its names.
    Uncovered,
    /// These names occur nowhere in the text (an error of the list).
    NotInText(Vec<String>),
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Right => write!(f, "right"),
            Verdict::WrongCode(code) => write!(f, "wrong code {code}"),
            Verdict::NoCode => write!(f, "no code"),
            Verdict::Uncovered => write!(f, "uncovered"),
            Verdict::NotInText(names) => write!(f, "not in the text: {}", names.join(", ")),
        }
    }
}

/// The judgement on one listed actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorResult {
    /// The actor as listed.
    pub actor: ListActor,
    /// Right, or why not.
    pub verdict: Verdict,
    /// The text of the entity mention chosen, when one overlaps an occurrence.
    pub entity_text: Option<String>,
}

/// Right and total counts, added up over actors, articles and lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Actors right.
    pub right: usize,
    /// Actors scored.
    pub total: usize,
}

impl Tally {
    /// Adds another tally.
    pub fn add(&mut self, other: Tally) {
        self.right += other.right;
        self.total += other.total;
    }

    /// The share right (0 when nothing was scored).
    pub fn share(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.right as f64 / self.total as f64
        }
    }
}

/// The judgements on one article's actors, and the list's errors found in the article.
#[derive(Debug, Default)]
pub struct ArticleScore {
    /// One result per listed actor, in the list's order.
    pub results: Vec<ActorResult>,
    /// A list error for each actor with a name that is not in the text (by the actor's and
    /// the name's numbers, so that printing it does not show the list).
    pub errors: Vec<Error>,
}

impl ArticleScore {
    /// Right and total.
    pub fn tally(&self) -> Tally {
        Tally {
            right: self
                .results
                .iter()
                .filter(|r| r.verdict == Verdict::Right)
                .count(),
            total: self.results.len(),
        }
    }
}

/// One entity mention of the coded article: entity index and character range.
struct MentionRange {
    entity: usize,
    start: usize,
    end: usize,
}

/// Scores one listed article against its coded-article JSON (`file` names the list in
/// errors).
pub fn score(article: &ListArticle, file: &str, coded: &Value) -> ArticleScore {
    let text: Vec<char> = coded["text"].as_str().unwrap_or("").chars().collect();
    let entities = coded["entities"].as_array().map_or(&[][..], Vec::as_slice);
    let mut mentions = Vec::new();
    for (entity, e) in entities.iter().enumerate() {
        for m in e["mentions"].as_array().map_or(&[][..], Vec::as_slice) {
            let offset = |k: &str| m[k].as_u64().and_then(|v| usize::try_from(v).ok());
            if let (Some(start), Some(end)) = (offset("start"), offset("end")) {
                mentions.push(MentionRange { entity, start, end });
            }
        }
    }
    let mut out = ArticleScore::default();
    for (number, actor) in article.actors.iter().enumerate() {
        let mut occurrences = Vec::new();
        let mut absent = Vec::new();
        let mut absent_numbers = Vec::new();
        for (i, name) in actor.names.iter().enumerate() {
            let found = occurrences_of(&text, name);
            if found.is_empty() {
                absent.push(name.clone());
                absent_numbers.push((i + 1).to_string());
            }
            occurrences.extend(found);
        }
        occurrences.sort_unstable();
        if !absent.is_empty() {
            // The error gives the actor's and names' numbers, not the names: a held-out list
            // must stay unread when it is scored (the verdict holds the names).
            let (what, verb) = if absent.len() == 1 {
                ("name", "is")
            } else {
                ("names", "are")
            };
            out.errors.push(Error::NotFound(
                Location::line(file, article.line),
                format!(
                    "actor {}: {what} {} of {} {verb} not in the text of {}",
                    number + 1,
                    absent_numbers.join(", "),
                    actor.names.len(),
                    article.source
                ),
            ));
            out.results.push(ActorResult {
                actor: actor.clone(),
                verdict: Verdict::NotInText(absent),
                entity_text: None,
            });
            continue;
        }
        let chosen = occurrences
            .iter()
            .find_map(|&(start, end)| best_mention(&mentions, start, end));
        let result = match chosen {
            None => ActorResult {
                actor: actor.clone(),
                verdict: Verdict::Uncovered,
                entity_text: None,
            },
            Some(m) => {
                let verdict = match entities[m.entity]["code"].as_str() {
                    Some(code) if actor.accepts(code) => Verdict::Right,
                    Some(code) => Verdict::WrongCode(code.to_string()),
                    None => Verdict::NoCode,
                };
                let end = m.end.min(text.len());
                let start = m.start.min(end);
                ActorResult {
                    actor: actor.clone(),
                    verdict,
                    entity_text: Some(text[start..end].iter().collect()),
                }
            }
        };
        out.results.push(result);
    }
    out
}

/// The mention overlapping `[start, end)` most, the first listed on a tie; `None` when no
/// mention overlaps it.
fn best_mention(mentions: &[MentionRange], start: usize, end: usize) -> Option<&MentionRange> {
    let mut best: Option<(&MentionRange, usize)> = None;
    for m in mentions {
        let overlap = m.end.min(end).saturating_sub(m.start.max(start));
        if overlap > 0 && best.is_none_or(|(_, b)| overlap > b) {
            best = Some((m, overlap));
        }
    }
    best.map(|(m, _)| m)
}

/// True for the characters a word is made of.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every occurrence of `name` in `text` at word boundaries, as character ranges in order.
fn occurrences_of(text: &[char], name: &str) -> Vec<(usize, usize)> {
    let name: Vec<char> = name.chars().collect();
    let (Some(&first), Some(&last)) = (name.first(), name.last()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    if name.len() > text.len() {
        return found;
    }
    for start in 0..=text.len() - name.len() {
        let end = start + name.len();
        if text[start..end] != name[..] {
            continue;
        }
        let open = !is_word_char(first) || start == 0 || !is_word_char(text[start - 1]);
        let close = !is_word_char(last) || end == text.len() || !is_word_char(text[end]);
        if open && close {
            found.push((start, end));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const LIST: &str = "# A list we wrote.\n\
        \n\
        news/vote.txt 2005-03-16 | Ann Lee/Ms Lee (GBRGOV); Harbour Trust (NGO*)\n\
        re3d:0a1b2c3d4e 2016-10-25 | Blue League (IGO / IGOWST)\n";

    #[test]
    fn parses_sources_dates_names_and_codes() {
        let list = parse(LIST, "l.txt");
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        assert_eq!(list.articles.len(), 2);
        let a = &list.articles[0];
        assert_eq!(a.line, 3);
        assert_eq!(a.source, Source::Path("news/vote.txt".into()));
        assert_eq!(a.date, "2005-03-16");
        assert_eq!(a.actors[0].names, ["Ann Lee", "Ms Lee"]);
        assert_eq!(a.actors[0].codes, ["GBRGOV"]);
        assert_eq!(a.actors[1].label(), "Harbour Trust");
        let b = &list.articles[1];
        assert_eq!(b.source, Source::Re3d("0A1B2C3D4E".into()));
        assert_eq!(b.source.to_string(), "re3d:0A1B2C3D4E");
        assert_eq!(b.actors[0].codes, ["IGO", "IGOWST"]);
    }

    #[test]
    fn every_malformed_line_is_an_error_with_its_line_and_the_rest_is_read() {
        let text = "news/a.txt 2005-03-16 | Ann Lee (GBRGOV)\n\
            news/b.txt 2005-03-16 Ann Lee (GBRGOV)\n\
            news/c.txt 2005-13-01 | Ann Lee (GBRGOV)\n\
            re3d:12ab 2016-01-01 | Ann Lee (GBRGOV)\n\
            news/d.txt 2005-03-16 | Ann Lee GBRGOV\n\
            news/e.txt 2005-03-16 | Ann Lee (gbrgov)\n\
            news/f.txt 2005-03-16 | Ann Lee (GBRGOV);; Bo Day (GBR)\n\
            news/g.txt 2005-03-16 | Ann Lee/ (GBRGOV)\n\
            /abs/h.txt 2005-03-16 | Ann Lee (GBRGOV)\n\
            news/i.txt | Ann Lee (GBRGOV)\n";
        let list = parse(text, "l.txt");
        assert_eq!(list.articles.len(), 1);
        let errors: Vec<String> = list.errors.iter().map(ToString::to_string).collect();
        let lines: Vec<&str> = errors
            .iter()
            .map(|e| e.split(": ").next().unwrap())
            .collect();
        assert_eq!(
            lines,
            [
                "l.txt:2", "l.txt:3", "l.txt:4", "l.txt:5", "l.txt:6", "l.txt:7", "l.txt:8",
                "l.txt:9", "l.txt:10"
            ]
        );
        assert!(errors[0].contains("no `|`"), "{}", errors[0]);
        assert!(errors[1].contains("YYYY-MM-DD"), "{}", errors[1]);
        assert!(errors[2].contains("8 hexadecimal"), "{}", errors[2]);
        assert_eq!(
            errors[3],
            "l.txt:5: malformed input: actor 1: no `(CODES)` after the names"
        );
        assert!(
            errors[4].contains("\"gbrgov\" is not a code"),
            "{}",
            errors[4]
        );
        assert!(errors[5].contains("actor 2 is empty"), "{}", errors[5]);
        assert!(errors[6].contains("an empty name"), "{}", errors[6]);
        assert!(errors[7].contains("not relative"), "{}", errors[7]);
        assert!(errors[8].contains("is not `SOURCE DATE`"), "{}", errors[8]);
    }

    #[test]
    fn a_star_accepts_a_prefix_and_other_codes_must_match_exactly() {
        let actor = parse_actor("Blue League (IGOUNO* / NGO)").unwrap();
        assert!(actor.accepts("IGOUNO"));
        assert!(actor.accepts("IGOUNOWHO"));
        assert!(actor.accepts("NGO"));
        assert!(!actor.accepts("NGOHRI"));
        assert!(!actor.accepts("IGO"));
    }

    #[test]
    fn names_match_only_at_word_boundaries() {
        let text: Vec<char> = "Lee, Leeds and Ann Lee's deputy; UNICEF, UN-backed, the UN."
            .chars()
            .collect();
        assert_eq!(occurrences_of(&text, "Lee"), [(0, 3), (19, 22)]);
        assert_eq!(occurrences_of(&text, "UN"), [(41, 43), (56, 58)]);
        assert_eq!(occurrences_of(&text, "Ann Lee"), [(15, 22)]);
        assert!(occurrences_of(&text, "lee").is_empty(), "case-sensitive");
        // Offsets count characters, not bytes.
        let text: Vec<char> = "Café Noor met Noor.".chars().collect();
        assert_eq!(occurrences_of(&text, "Noor"), [(5, 9), (14, 18)]);
    }

    /// A test entity: its code and its mentions' character ranges.
    type TestEntity<'a> = (Option<&'a str>, &'a [(usize, usize)]);

    /// A coded article: its text and entities.
    fn coded(text: &str, entities: &[TestEntity]) -> Value {
        let entities: Vec<Value> = entities
            .iter()
            .enumerate()
            .map(|(i, (code, mentions))| {
                let mentions: Vec<Value> = mentions
                    .iter()
                    .map(|(s, e)| json!({"start": s, "end": e}))
                    .collect();
                let mut e = json!({"id": format!("E{}", i + 1), "mentions": mentions});
                if let Some(code) = code {
                    e["code"] = json!(code);
                }
                e
            })
            .collect();
        json!({"text": text, "entities": entities})
    }

    fn article(line: &str) -> ListArticle {
        let list = parse(line, "l.txt");
        assert!(list.errors.is_empty(), "{:?}", list.errors);
        list.articles.into_iter().next().unwrap()
    }

    fn verdicts(score: &ArticleScore) -> Vec<String> {
        score
            .results
            .iter()
            .map(|r| r.verdict.to_string())
            .collect()
    }

    #[test]
    fn the_first_covered_occurrence_of_any_name_counts() {
        // "Lee" first occurs uncovered; "Ann Lee" later is covered by a GOV entity; "Ms Lee"
        // after that by an entity with another code, which comes too late to count.
        let text = "Lee spoke. Then Ann Lee left. Ms Lee came back.";
        let value = coded(
            text,
            &[(Some("GBRGOV"), &[(16, 23)]), (Some("GBR"), &[(30, 36)])],
        );
        let a = article("x.txt 2005-03-16 | Ms Lee/Lee/Ann Lee (GBRGOV)");
        let s = score(&a, "l.txt", &value);
        assert_eq!(verdicts(&s), ["right"]);
        assert_eq!(s.results[0].entity_text.as_deref(), Some("Ann Lee"));
        assert_eq!(s.tally(), Tally { right: 1, total: 1 });
    }

    #[test]
    fn the_entity_overlapping_most_is_the_actors() {
        // "Harbour Trust Fund": a short place mention on "Harbour" and a longer body mention.
        let text = "The Harbour Trust Fund gave money.";
        let value = coded(
            text,
            &[(Some("GBR"), &[(4, 11)]), (Some("GBRNGO"), &[(4, 22)])],
        );
        let a = article("x.txt 2005-03-16 | Harbour Trust (NGO* / GBRNGO)");
        let s = score(&a, "l.txt", &value);
        assert_eq!(verdicts(&s), ["right"]);
        assert_eq!(
            s.results[0].entity_text.as_deref(),
            Some("Harbour Trust Fund")
        );
        // On a tie the entity listed first wins.
        let value = coded(
            text,
            &[(Some("GBR"), &[(4, 11)]), (Some("GBRNGO"), &[(4, 11)])],
        );
        let s = score(&a, "l.txt", &value);
        assert_eq!(verdicts(&s), ["wrong code GBR"]);
    }

    #[test]
    fn wrong_codes_missing_codes_and_uncovered_names_are_wrong() {
        let text = "Bo Day met Cy Ray and Di Fay.";
        let value = coded(text, &[(Some("GBRGOV"), &[(0, 6)]), (None, &[(11, 17)])]);
        let a = article("x.txt 2005-03-16 | Bo Day (GBROPP); Cy Ray (GBR); Di Fay (GBR)");
        let s = score(&a, "l.txt", &value);
        assert_eq!(verdicts(&s), ["wrong code GBRGOV", "no code", "uncovered"]);
        assert_eq!(s.tally(), Tally { right: 0, total: 3 });
        assert!(s.errors.is_empty());
    }

    #[test]
    fn a_name_not_in_the_text_is_a_list_error_with_its_line_and_counts_wrong() {
        let text = "Bo Day spoke.";
        let value = coded(text, &[(Some("GBR"), &[(0, 6)])]);
        let list = "# header\nx.txt 2005-03-16 | Bo Day/Mr Day (GBR); Eve Ng (GBR)\n";
        let a = parse(list, "l.txt").articles.remove(0);
        let s = score(&a, "l.txt", &value);
        assert_eq!(
            verdicts(&s),
            ["not in the text: Mr Day", "not in the text: Eve Ng"]
        );
        assert_eq!(s.tally(), Tally { right: 0, total: 2 });
        assert_eq!(s.errors.len(), 2);
        assert_eq!(
            s.errors[0].to_string(),
            "l.txt:2: actor 1: name 2 of 2 is not in the text of x.txt"
        );
        assert_eq!(
            s.errors[1].to_string(),
            "l.txt:2: actor 2: name 1 of 1 is not in the text of x.txt"
        );
    }

    #[test]
    fn re3d_documents_are_found_by_an_id_prefix() {
        let docs = "{\"_id\":\"0A1B2C3D4E5F\",\"title\":\"Talks\",\"text\":\"Envoys met.\"}\n\
            {\"_id\":\"0A1B2C3D99\",\"text\":\"No title here.\"}\n";
        let docs = Re3dDocuments::parse(&[("documents.json", docs)]).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs.text("0a1b2c3d4e").unwrap(), "Talks\n\nEnvoys met.");
        assert_eq!(docs.text("0A1B2C3D99").unwrap(), "No title here.");
        let unknown = docs.text("FFFFFFFF").unwrap_err().to_string();
        assert!(unknown.starts_with("re3d:FFFFFFFF: no re3d"), "{unknown}");
        let ambiguous = docs.text("0A1B2C3D").unwrap_err().to_string();
        assert!(ambiguous.contains("several"), "{ambiguous}");
        let bad = Re3dDocuments::parse(&[("d.json", "{\"title\":\"x\"}\n")]).unwrap_err();
        assert!(bad.to_string().starts_with("d.json:1: "), "{bad}");
    }

    #[test]
    fn messy_lists_and_coded_articles_give_errors_not_panics() {
        let messy = "|\n(\n)\nx 2005-03-16 | (\nx 2005-03-16 | ()\nx 2005-03-16 | ( )\n\
            x 2005-03-16 | Çé (GBR)) \nx 2005-03-16 | a (B) (C)\nre3d: 2005-03-16 | a (B)\n\
            re3d:ééééééééé 2005-03-16 | a (B)\nx 2005-02-30 | a (B)\n  \t\nx 2005-03-16 | a (*)\n";
        let list = parse(messy, "m.txt");
        // Only "a (B) (C)" is sound: the codes are the last brackets, the name "a (B)".
        assert_eq!(list.articles.len(), 1, "{:?}", list.articles);
        assert_eq!(list.articles[0].actors[0].names, ["a (B)"]);
        assert_eq!(list.errors.len(), 11, "{:?}", list.errors);
        // Offsets past the text, reversed ranges and missing fields are skipped or clamped.
        let value = json!({
            "text": "Çé met Çé.",
            "entities": [
                {"mentions": [{"start": 40, "end": 90}, {"start": 5, "end": 2}], "code": "GBR"},
                {"mentions": [{"start": "x"}]},
                {"code": 7, "mentions": [{"start": 0, "end": 2}]}
            ]
        });
        let a = article("x.txt 2005-03-16 | Çé (GBR); met (GBR)");
        let s = score(&a, "m.txt", &value);
        assert_eq!(verdicts(&s), ["no code", "uncovered"]);
        let s = score(&a, "m.txt", &json!(null));
        assert_eq!(s.tally(), Tally { right: 0, total: 2 });
    }

    #[test]
    fn tallies_add_up_and_an_empty_one_is_zero() {
        let mut t = Tally::default();
        assert_eq!(t.share(), 0.0);
        t.add(Tally { right: 3, total: 4 });
        t.add(Tally { right: 1, total: 4 });
        assert_eq!(t, Tally { right: 4, total: 8 });
        assert_eq!(t.share(), 0.5);
    }
}
