//! The event dictionary: patterns that say which words trigger which CAMEO event, and where
//! in the dependency parse the source and the target are.
//!
//! The format is described in `data/events/README.md`. In short, a pattern is one line of
//! fields separated by `|`, followed by one or more fixture lines that start with `>`:
//!
//! ```text
//! meet.v.subj-with | v meet | source=nsubj target=obl:with | 040
//!   > The French president met with the German chancellor. => FRA 040 DEU
//! ```
//!
//! Errors name the file and line.

use std::collections::HashMap;

use crate::codebook::Codebook;
use crate::error::{Error, Location, Result};

/// The part of speech a trigger word must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerPos {
    /// A verb (UPOS `VERB`).
    Verb,
    /// A noun (UPOS `NOUN`), for nominal events such as "talks" or "airstrike".
    Noun,
    /// An adjective (UPOS `ADJ`) in a copular clause, such as "ready" in "Japan is ready to
    /// help" or "critical" in "Egypt was critical of Israel".
    Adjective,
}

/// A word that must hang below the trigger: a particle ("hand over"), a modifier ("bombing
/// campaign") or an object ("grant asylum").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// The relation, or `None` for any relation.
    pub rel: Option<String>,
    /// The dependent's lemma.
    pub lemma: String,
}

/// Where an actor is found relative to the trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// The subject (`nsubj`), or the controller's subject for an infinitive or a conjunct;
    /// in a passive clause the agent (`obl:agent`, "by").
    Subject,
    /// The direct object (`obj`); in a passive clause the passive subject.
    Object,
    /// The indirect object (`iobj`).
    IndirectObject,
    /// An oblique or nominal modifier (`obl`, `nmod`) introduced by this preposition.
    Prep(String),
    /// The possessor of a nominal trigger (`nmod:poss`: "Moscow's bombing campaign").
    Possessor,
    /// A country adjective or noun modifying a nominal trigger ("Russian airstrikes",
    /// "Israeli-Palestinian talks"): `amod` or `compound`.
    Modifier,
    /// The subject of the verb that governs a nominal trigger ("Russia launched an offensive").
    GovernorSubject,
    /// The subject of the trigger's clausal complement ("demanded that Israel withdraw").
    ComplementSubject,
    /// An actor acted on inside the trigger's complement: its object, else an oblique
    /// ("threatened to break relations with Russia", "urged that Iran be sanctioned").
    ComplementObject,
}

impl Slot {
    fn parse(text: &str) -> Option<Slot> {
        Some(match text {
            "nsubj" => Slot::Subject,
            "obj" => Slot::Object,
            "iobj" => Slot::IndirectObject,
            "poss" => Slot::Possessor,
            "mod" => Slot::Modifier,
            "gov.nsubj" => Slot::GovernorSubject,
            "comp.nsubj" => Slot::ComplementSubject,
            "comp.obj" => Slot::ComplementObject,
            other => {
                let prep = other
                    .strip_prefix("obl:")
                    .or_else(|| other.strip_prefix("nmod:"))?;
                if prep.is_empty() || !prep.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    return None;
                }
                Slot::Prep(prep.replace('_', " "))
            }
        })
    }

    /// The slot as written in the dictionary.
    pub fn name(&self) -> String {
        match self {
            Slot::Subject => "nsubj".into(),
            Slot::Object => "obj".into(),
            Slot::IndirectObject => "iobj".into(),
            Slot::Prep(p) => format!("obl:{}", p.replace(' ', "_")),
            Slot::Possessor => "poss".into(),
            Slot::Modifier => "mod".into(),
            Slot::GovernorSubject => "gov.nsubj".into(),
            Slot::ComplementSubject => "comp.nsubj".into(),
            Slot::ComplementObject => "comp.obj".into(),
        }
    }
}

/// A fixture: a sentence we wrote and the events it must give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixture {
    /// The sentence.
    pub sentence: String,
    /// The expected events as `SRC CAMEO TGT` (country codes, `-` for no target), or empty
    /// when the sentence must give no event.
    pub expect: Vec<String>,
    /// The line it is on.
    pub line: usize,
}

/// One pattern of the event dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// The stable id, such as `meet.v.subj-with`.
    pub id: String,
    /// The part of speech of the trigger word.
    pub pos: TriggerPos,
    /// The trigger word's lemma.
    pub lemma: String,
    /// Words that must hang below the trigger.
    pub requires: Vec<Requirement>,
    /// Where the source may be, tried in order.
    pub source: Vec<Slot>,
    /// Where the target may be, tried in order.
    pub target: Vec<Slot>,
    /// Whether the event may be coded without a target.
    pub target_optional: bool,
    /// The CAMEO code.
    pub cameo: String,
    /// A PLOVER mode that the pattern decides (else the codebook's).
    pub mode: Option<String>,
    /// PLOVER contexts that the pattern decides (added to the codebook's).
    pub context: Vec<String>,
    /// The complement (`xcomp`, `ccomp`) is the content of this event (a demand, an
    /// accusation, a refusal): triggers inside it are not coded as events of their own.
    pub content: bool,
    /// Sports results are discarded: the sentence must not hold a score such as "2-1".
    pub no_score: bool,
    /// The target takes part as much as the source (talks, meetings): the event is coded
    /// both ways, and a host's guest makes a visit.
    pub mutual: bool,
    /// The line the pattern is on.
    pub line: usize,
    /// The fixtures.
    pub fixtures: Vec<Fixture>,
}

impl Pattern {
    /// How specific the trigger is: two for each required dependent with a given lemma,
    /// one for each that may have any lemma (`+xcomp:*`), so that "declined to say" beats
    /// "declined to" followed by anything.
    pub fn specificity(&self) -> usize {
        self.requires
            .iter()
            .map(|r| if r.lemma == "*" { 1 } else { 2 })
            .sum()
    }

    /// The trigger as written in the dictionary, such as `v hand over`.
    pub fn trigger_text(&self) -> String {
        let pos = match self.pos {
            TriggerPos::Verb => "v",
            TriggerPos::Noun => "n",
            TriggerPos::Adjective => "a",
        };
        let mut out = format!("{pos} {}", self.lemma);
        for r in &self.requires {
            match &r.rel {
                Some(rel) => out.push_str(&format!(" +{rel}:{}", r.lemma)),
                None => out.push_str(&format!(" {}", r.lemma)),
            }
        }
        out
    }
}

/// The event dictionary: patterns indexed by trigger lemma.
#[derive(Debug, Clone, Default)]
pub struct EventDictionary {
    patterns: Vec<Pattern>,
    by_lemma: HashMap<(TriggerPos, String), Vec<usize>>,
    /// PETRARCH-2's verb dictionary, when the user gave it: tried on a verb only when none
    /// of these patterns fired on it (see [`super::petrarch`]).
    petrarch: Option<std::sync::Arc<super::petrarch::PetrarchVerbs>>,
}

impl EventDictionary {
    /// Parses dictionary files given as `(name, text)` pairs; `name` is used in errors.
    /// Every CAMEO code is checked against the codebook.
    pub fn parse(files: &[(&str, &str)]) -> Result<EventDictionary> {
        let codebook = Codebook::get()?;
        let mut dict = EventDictionary::default();
        let mut ids: HashMap<String, (String, usize)> = HashMap::new();
        for (name, text) in files {
            for (index, raw) in text.lines().enumerate() {
                let line_no = index + 1;
                let line = raw.trim();
                let err = |why: String| Error::Malformed(Location::line(*name, line_no), why);
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if let Some(rest) = line.strip_prefix('>') {
                    let fixture = parse_fixture(rest, line_no).map_err(err)?;
                    match dict.patterns.last_mut() {
                        Some(p) => p.fixtures.push(fixture),
                        None => return Err(err("a fixture before any pattern".into())),
                    }
                    continue;
                }
                let pattern = parse_pattern(line, line_no).map_err(err)?;
                codebook
                    .code(&pattern.cameo)
                    .ok_or_else(|| err(format!("{} is not a CAMEO code", pattern.cameo)))?;
                if let Some((file, first)) = ids.get(&pattern.id) {
                    return Err(err(format!(
                        "the id {} is already used at {file}:{first}",
                        pattern.id
                    )));
                }
                ids.insert(pattern.id.clone(), (name.to_string(), line_no));
                if let Some(last) = dict.patterns.last()
                    && last.fixtures.is_empty()
                {
                    return Err(Error::Malformed(
                        Location::line(*name, last.line),
                        format!("pattern {} has no fixture", last.id),
                    ));
                }
                let key = (pattern.pos, pattern.lemma.clone());
                dict.by_lemma
                    .entry(key)
                    .or_default()
                    .push(dict.patterns.len());
                dict.patterns.push(pattern);
            }
            if let Some(last) = dict.patterns.last()
                && last.fixtures.is_empty()
            {
                return Err(Error::Malformed(
                    Location::line(*name, last.line),
                    format!("pattern {} has no fixture", last.id),
                ));
            }
        }
        Ok(dict)
    }

    /// Every pattern, in file order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// The patterns whose trigger is this lemma with this part of speech, in file order.
    pub fn for_lemma(&self, pos: TriggerPos, lemma: &str) -> impl Iterator<Item = &Pattern> {
        self.by_lemma
            .get(&(pos, lemma.to_string()))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.patterns.get(i))
    }

    /// The pattern with this id (one of PETRARCH's verbs too, when they are loaded).
    pub fn pattern(&self, id: &str) -> Option<&Pattern> {
        self.patterns
            .iter()
            .find(|p| p.id == id)
            .or_else(|| self.petrarch.as_ref()?.pattern(id))
    }

    /// The same dictionary with PETRARCH-2's verb patterns as an extra, tried after its own.
    pub fn with_petrarch(mut self, verbs: super::petrarch::PetrarchVerbs) -> Self {
        self.petrarch = Some(std::sync::Arc::new(verbs));
        self
    }

    /// PETRARCH-2's verb patterns, when they are loaded.
    pub fn petrarch(&self) -> Option<&super::petrarch::PetrarchVerbs> {
        self.petrarch.as_deref()
    }
}

fn parse_fixture(rest: &str, line: usize) -> std::result::Result<Fixture, String> {
    let (sentence, expect) = rest
        .split_once("=>")
        .ok_or("a fixture is `> SENTENCE => SRC CAMEO TGT; ...` (or `=> none`)")?;
    let sentence = sentence.trim().to_string();
    if sentence.is_empty() {
        return Err("the fixture sentence is empty".into());
    }
    let expect = expect.trim();
    let expect: Vec<String> = if expect == "none" {
        vec![]
    } else {
        let mut out = Vec::new();
        for item in expect.split(';') {
            let parts: Vec<&str> = item.split_whitespace().collect();
            if parts.len() != 3 {
                return Err(format!(
                    "an expected event is `SRC CAMEO TGT` (three words), not {item:?}"
                ));
            }
            out.push(parts.join(" "));
        }
        out
    };
    Ok(Fixture {
        sentence,
        expect,
        line,
    })
}

fn parse_pattern(line: &str, line_no: usize) -> std::result::Result<Pattern, String> {
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    if !(4..=5).contains(&fields.len()) {
        return Err(format!(
            "a pattern is `ID | TRIGGER | FRAME | CAMEO [| OPTIONS]` ({} fields found)",
            fields.len()
        ));
    }
    let id = fields[0];
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
    {
        return Err(format!(
            "the id {id:?} must be lower-case letters, digits, `.`, `_` and `-`"
        ));
    }
    let mut words = fields[1].split_whitespace();
    let pos = match words.next() {
        Some("v") => TriggerPos::Verb,
        Some("n") => TriggerPos::Noun,
        Some("a") => TriggerPos::Adjective,
        other => {
            return Err(format!(
                "a trigger starts with `v`, `n` or `a`, not {other:?}"
            ));
        }
    };
    let rest: Vec<&str> = words.collect();
    let (bare, plus): (Vec<&str>, Vec<&str>) = rest.iter().partition(|w| !w.starts_with('+'));
    let check_word = |w: &str| -> std::result::Result<String, String> {
        if w.chars().any(|c| c.is_uppercase()) {
            return Err(format!(
                "{w:?}: triggers are lower-case lemmas (patterns hold no proper nouns)"
            ));
        }
        Ok(w.to_string())
    };
    if bare.contains(&"*") {
        return Err("`*` stands only for the lemma of a required dependent (`+xcomp:*`)".into());
    }
    let (lemma, mut requires) = match pos {
        // A verb or adjective is its first word; bare words after it are particles ("hand
        // over").
        TriggerPos::Verb | TriggerPos::Adjective => {
            let lemma = check_word(bare.first().ok_or("the trigger has no lemma")?)?;
            let reqs = bare[1..]
                .iter()
                .map(|w| {
                    Ok(Requirement {
                        rel: None,
                        lemma: check_word(w)?,
                    })
                })
                .collect::<std::result::Result<Vec<_>, String>>()?;
            (lemma, reqs)
        }
        // A noun is its last word; bare words before it modify it ("bombing campaign").
        TriggerPos::Noun => {
            let lemma = check_word(bare.last().ok_or("the trigger has no lemma")?)?;
            let reqs = bare[..bare.len() - 1]
                .iter()
                .map(|w| {
                    Ok(Requirement {
                        rel: None,
                        lemma: check_word(w)?,
                    })
                })
                .collect::<std::result::Result<Vec<_>, String>>()?;
            (lemma, reqs)
        }
    };
    for p in plus {
        let (rel, lemma) = p[1..]
            .split_once(':')
            .filter(|(r, l)| !r.is_empty() && !l.is_empty())
            .ok_or(format!("{p:?}: a required dependent is `+REL:LEMMA`"))?;
        requires.push(Requirement {
            rel: Some(rel.to_string()),
            lemma: check_word(lemma)?,
        });
    }
    let mut source = Vec::new();
    let mut target = Vec::new();
    let mut target_optional = false;
    for item in fields[2].split_whitespace() {
        let (key, value) = item.split_once('=').ok_or(format!(
            "{item:?}: a frame item is `source=SLOT` or `target=SLOT`"
        ))?;
        let slots = value
            .split('/')
            .map(|s| Slot::parse(s).ok_or(format!("{s:?} is not a slot (see the README)")))
            .collect::<std::result::Result<Vec<_>, String>>()?;
        match key {
            "source" => source = slots,
            "target" => target = slots,
            "target?" => {
                target = slots;
                target_optional = true;
            }
            other => {
                return Err(format!(
                    "{other:?}: the frame has `source`, `target`, `target?`"
                ));
            }
        }
    }
    if source.is_empty() {
        return Err("the frame has no source slot".into());
    }
    if target.is_empty() {
        target_optional = true;
    }
    let cameo = fields[3].to_string();
    let mut pattern = Pattern {
        id: id.to_string(),
        pos,
        lemma,
        requires,
        source,
        target,
        target_optional,
        cameo,
        mode: None,
        context: Vec::new(),
        content: false,
        no_score: false,
        mutual: false,
        line: line_no,
        fixtures: Vec::new(),
    };
    if let Some(options) = fields.get(4) {
        for option in options.split_whitespace() {
            match option.split_once('=') {
                Some(("mode", m)) => pattern.mode = Some(m.to_string()),
                Some(("context", c)) => pattern.context.push(c.to_string()),
                None if option == "content" => pattern.content = true,
                None if option == "noscore" => pattern.no_score = true,
                None if option == "mutual" => pattern.mutual = true,
                _ => return Err(format!("{option:?} is not an option (see the README)")),
            }
        }
    }
    Ok(pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_pattern_with_fixture() {
        let d = EventDictionary::parse(&[(
            "t.txt",
            "# c\nhand.v.over | v hand over +obj:asylum | source=nsubj target?=obl:to/iobj | 075 | content\n > A hands B. => FRA 075 DEU; DEU 075 -\n",
        )])
        .unwrap();
        let p = &d.patterns()[0];
        assert_eq!(p.lemma, "hand");
        assert_eq!(p.requires.len(), 2);
        assert_eq!(
            p.target,
            vec![Slot::Prep("to".into()), Slot::IndirectObject]
        );
        assert!(p.target_optional && p.content);
        assert_eq!(p.fixtures[0].expect, vec!["FRA 075 DEU", "DEU 075 -"]);
    }

    #[test]
    fn parses_an_adjective_trigger_and_a_dependent_of_any_lemma() {
        let d = EventDictionary::parse(&[(
            "t.txt",
            "ready.a.subj | a ready +xcomp:* | source=nsubj target?=comp.obj | 030\n > A is ready. => FRA 030 -\n",
        )])
        .unwrap();
        let p = &d.patterns()[0];
        assert_eq!(p.pos, TriggerPos::Adjective);
        assert_eq!(p.lemma, "ready");
        assert_eq!(p.requires[0].lemma, "*");
        assert_eq!(p.trigger_text(), "a ready +xcomp:*");
        let e = EventDictionary::parse(&[("x.txt", "a | v hand * | source=nsubj | 040\n")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("`*`"), "{e}");
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = EventDictionary::parse(&[("x.txt", "\na | v meet | source=nsubj | 999\n")])
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x.txt:2"), "{e}");
        let e = EventDictionary::parse(&[("x.txt", "a | v Meet | source=nsubj | 040\n")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("proper nouns"), "{e}");
        let e = EventDictionary::parse(&[("x.txt", "a | v meet | source=nsubj | 040\n")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("no fixture"), "{e}");
    }
}
