//! PETRARCH-2's CAMEO verb dictionary (`CAMEO.2.0.txt`, MIT) read at run time as an extra
//! event dictionary, and its patterns matched over dyad's own dependency parse.
//!
//! This module reads the dictionary's text (the binary reads the file: the library does no
//! I/O) and translates each verb pattern into one of dyad's own [`Pattern`] frames, so that
//! the coder's source and target finding (subjects, passives, control, coordination, the
//! repairs) applies to it. It is not a PETRARCH emulator: transformations, the actor and
//! agent dictionaries and PETRARCH's tree walk are not used, and a pattern it cannot
//! translate faithfully is counted and skipped, never approximated.
//!
//! The format, as this reader understands it:
//! - `&NAME` starts a synonym set, whose members follow on lines `+WORD` or `+TWO_WORDS`;
//!   single-word members also match their regular plural unless the member or the label
//!   ends with `_`.
//! - `--- NAME [CODE] ---` starts a verb block; `[---]` (or no code) means the bare verb
//!   codes nothing.
//! - A member line names a verb of the block: `VERB`, `VERB {FORMS}` (irregular forms),
//!   `+VERB_PARTICLE {FORMS}` (a verb with the particle after it), each optionally with its
//!   own `[CODE]` for the bare verb.
//! - A pattern line is `- BEFORE * AFTER [CODE]`. A word after `*` must head a phrase of the
//!   verb after it (its object, an oblique, a complement, their conjuncts and the phrases
//!   on them), a word before `*` the verb's subject; `{A B}` is a noun phrase (the last word
//!   its head, the others below it), `(PREP WORDS)` an oblique introduced by PREP, `(PREP)`
//!   any oblique with PREP (which then holds the target), `&NAME` any member of a synonym
//!   set, `^` any noun phrase, `+` the target, `$` the source (after a bare preposition,
//!   `FROM $`, the oblique it introduces), `%` a joint actor (not translated). `[A:B]` is
//!   coded as A (B, PETRARCH's reading of a passive, is not needed: dyad's frames turn
//!   passives round; `[:B]` is not translated); `[A:A]` is mutual; `[---]` codes nothing and
//!   stops the less specific patterns of its block.
//! - `~` lines are PETRARCH's transformations (not used), `#` starts a comment, `<!` lines
//!   are comments.
//!
//! Words and lemmas are compared in lower case, by lemma or form. Without a marker the
//! source is the subject and the target the object, else the indirect object, else the
//! first of the obliques "with", "to", "against", "on", "for", "from"; the target must be an
//! argument of the verb itself (not a possessor inside its object: "Reagan's loss of
//! support"), not the word the pattern requires ("sent troops"), and not a news medium
//! ("told AFP"); an event needs one, as PETRARCH's do.
//!
//! A word after `*` given without a preposition must head one of the verb's objects (or a
//! complement, or their conjuncts and the phrases on them), not an oblique: "hit him on
//! guns" is no `* &WEAPON`. The other party must head its phrase, except for protest,
//! coercion and force (roots 14, 17 to 20), whose target may be a nationality on the thing
//! acted on ("burned the American flag"), not for other acts ("raised Australian dollars").
//!
//! Checks by kind of act, for precision on news: outside protest, coercion and force
//! neither party is a business or an unnamed group of people; material cooperation and aid
//! (0211, 023, 031, 033, roots 06 and 07, 085) is between states, governments, armed groups
//! or international organisations of two known and different countries (not "gave money to
//! the governor", "awarded a contract to the company"); `[A:A]` is two-way only for the
//! codes dyad's own `mutual` patterns use ("held talks with"), else the subject's act alone
//! ("made a stop in"); a verb inside a short quotation ("“send a message”") is an idiom.
//!
//! Ranking: dyad's own patterns always come first. A PETRARCH pattern is tried on a verb only
//! when none of dyad's fired on it, it never suppresses one of dyad's events (a PETRARCH
//! event yields instead), and among PETRARCH patterns the most specific match wins.
//!
//! Two kinds of PETRARCH codings are read but not used, because on dyad's parses they code
//! every use of general verbs ("took", "gave", "came to"), added no right event type on the
//! PLOVER development records and cost precision everywhere: the code of a bare verb (a
//! block's or a verb's own), and patterns that require no word (only a preposition or a
//! marker, `- * (TO)`).

use std::collections::HashMap;

use super::code::{Attempt, Outcome};
use super::dictionary::{EventDictionary, Pattern, Slot, TriggerPos};
use super::tree::Tree;
use crate::codebook::Codebook;

/// A line the reader skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The 1-based line number.
    pub line: usize,
    /// Why the line was skipped.
    pub why: String,
}

/// Counts of what was loaded and what was skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadSummary {
    /// Verb blocks.
    pub blocks: usize,
    /// Verbs (block members).
    pub verbs: usize,
    /// Patterns translated into dyad's frames (including those coding nothing).
    pub patterns: usize,
    /// Of those, patterns whose code is `[---]` (they code nothing, and stop less specific
    /// patterns of their block).
    pub null_patterns: usize,
    /// Synonym sets.
    pub synsets: usize,
    /// Malformed lines, reported one by one and skipped.
    pub malformed: usize,
    /// Patterns that cannot be translated faithfully, counted and skipped.
    pub untranslatable: usize,
    /// PETRARCH's transformation lines, not used.
    pub transformations: usize,
    /// Patterns that require no word (only a preposition, or a marker): as general as the
    /// bare verb, so not used.
    pub wordless: usize,
    /// Codes of bare verbs (a block's, or a verb's own), read but not used.
    pub verb_codes: usize,
}

/// One word of a pattern: a literal (as alternative sequences of consecutive words, the last
/// one the head) or a synonym set.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Word {
    /// Alternative spellings, each a sequence of consecutive lower-case words ("cease-fire"
    /// is `["cease-fire"]` or `["cease", "-", "fire"]`).
    Lit(Vec<Vec<String>>),
    /// A synonym set (index into the synsets).
    Syn(usize),
}

/// A noun phrase: its head and the words that must hang below the head.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    head: Word,
    modifiers: Vec<Word>,
}

/// One requirement of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    /// A noun phrase found in the clause.
    Noun(Phrase),
    /// An oblique introduced by this preposition, with this head (or any).
    Prep(String, Option<Phrase>),
}

impl Term {
    fn weight(&self) -> usize {
        match self {
            Term::Noun(p) => 1 + p.modifiers.len(),
            Term::Prep(_, p) => 1 + p.as_ref().map_or(0, |p| 1 + p.modifiers.len()),
        }
    }
}

/// The requirements of a translated pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Requirements {
    before: Vec<Term>,
    after: Vec<Term>,
}

impl Requirements {
    fn specificity(&self) -> usize {
        self.before
            .iter()
            .chain(&self.after)
            .map(Term::weight)
            .sum()
    }
}

/// A verb of a block.
#[derive(Debug, Clone)]
struct Member {
    /// Particles that must hang on the verb after it ("ask for").
    particles: Vec<String>,
}

/// A verb block.
#[derive(Debug, Clone)]
struct Block {
    name: String,
    code: String,
    members: Vec<Member>,
    /// Its patterns (indices into `patterns`), in file order.
    patterns: Vec<usize>,
}

/// PETRARCH-2's verb dictionary, translated into dyad's frames.
#[derive(Debug, Clone, Default)]
pub struct PetrarchVerbs {
    blocks: Vec<Block>,
    /// Every translated pattern and every bare-verb code, as dyad frames.
    patterns: Vec<Pattern>,
    /// The requirements of each pattern (`None` for a bare verb's code).
    requirements: Vec<Option<Requirements>>,
    /// Whether the pattern codes nothing (`[---]`).
    null: Vec<bool>,
    by_id: HashMap<String, usize>,
    /// Verb form or lemma (lower case) → (block, member), in file order.
    by_word: HashMap<String, Vec<(usize, usize)>>,
    /// Synonym sets: alternatives, each a sequence of consecutive lower-case words.
    synsets: Vec<Vec<Vec<String>>>,
    summary: LoadSummary,
}

/// Words that introduce an oblique when a marker follows them in a pattern written without
/// brackets (`FROM $ TO +`).
const PREPOSITIONS: &[&str] = &[
    "about", "against", "among", "at", "between", "by", "for", "from", "in", "into", "of", "on",
    "onto", "over", "through", "to", "toward", "towards", "under", "upon", "with",
];

impl PetrarchVerbs {
    /// Reads the dictionary's text; `name` (the file name, without folders) is used in the
    /// patterns' ids. Malformed lines are skipped and returned with why; reading goes on.
    pub fn parse(name: &str, text: &str) -> (PetrarchVerbs, Vec<Problem>) {
        let mut reader = Reader {
            name,
            verbs: PetrarchVerbs::default(),
            problems: Vec::new(),
            synset_names: HashMap::new(),
            context: Context::None,
            in_comment: false,
        };
        for (index, raw) in text.lines().enumerate() {
            reader.line(index + 1, raw);
        }
        let mut verbs = reader.verbs;
        verbs.summary.blocks = verbs.blocks.len();
        verbs.summary.synsets = verbs.synsets.len();
        verbs.summary.malformed = reader.problems.len();
        (verbs, reader.problems)
    }

    /// What was loaded and skipped.
    pub fn summary(&self) -> &LoadSummary {
        &self.summary
    }

    /// The translated pattern with this id.
    pub fn pattern(&self, id: &str) -> Option<&Pattern> {
        self.by_id.get(id).and_then(|&i| self.patterns.get(i))
    }

    /// The block and member of verb `w`: a verb with particles whose particles hang on it
    /// first, else the first single verb defined with this form or lemma.
    fn member_of(&self, tree: &Tree, w: usize) -> Option<(usize, usize)> {
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for key in [tree.lemma(w), tree.form(w)] {
            for &c in self.by_word.get(&key).into_iter().flatten() {
                if !candidates.contains(&c) {
                    candidates.push(c);
                }
            }
        }
        let particles = |&(b, m): &(usize, usize)| -> Option<usize> {
            let member = self.blocks.get(b)?.members.get(m)?;
            member
                .particles
                .iter()
                .all(|p| has_particle(tree, w, p))
                .then_some(member.particles.len())
        };
        candidates
            .iter()
            .filter_map(|c| particles(c).map(|n| (n, *c)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, c)| c)
    }
}

/// True when a particle `p` hangs on `w` after it: a dependent with that lemma or form, or
/// the preposition of a dependent ("asked for help").
fn has_particle(tree: &Tree, w: usize, p: &str) -> bool {
    tree.children(w).iter().any(|&c| {
        (c > w && (tree.lemma(c) == p || tree.form(c) == p))
            || tree
                .children(c)
                .iter()
                .any(|&d| d > w && tree.base_rel(d) == "case" && tree.lemma(d) == p)
    })
}

/// What the reader is inside of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    None,
    /// A synonym set (index), with whether its members get plurals.
    Synset(usize, bool),
    /// A verb block (index).
    Block(usize),
}

struct Reader<'a> {
    name: &'a str,
    verbs: PetrarchVerbs,
    problems: Vec<Problem>,
    synset_names: HashMap<String, usize>,
    context: Context,
    in_comment: bool,
}

/// A token of a pattern line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Open(char),
    Close(char),
    Word(String),
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    for ch in text.chars() {
        match ch {
            '(' | '{' | ')' | '}' => {
                if !word.is_empty() {
                    out.push(Token::Word(std::mem::take(&mut word)));
                }
                out.push(if matches!(ch, '(' | '{') {
                    Token::Open(ch)
                } else {
                    Token::Close(ch)
                });
            }
            c if c.is_whitespace() => {
                if !word.is_empty() {
                    out.push(Token::Word(std::mem::take(&mut word)));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(word));
    }
    out
}

/// A literal word of the dictionary as alternative sequences of lower-case words: `A_B` is
/// two consecutive words, and a hyphenated word also matches its parts split by the
/// tokenizer.
fn literal(word: &str) -> Vec<Vec<String>> {
    let lower = word.to_lowercase();
    let words: Vec<String> = lower
        .split('_')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut out = vec![words.clone()];
    if words.iter().any(|w| w.contains('-') && w.len() > 1) {
        let split: Vec<String> = words
            .iter()
            .flat_map(|w| {
                let mut parts = Vec::new();
                for (i, part) in w.split('-').enumerate() {
                    if i > 0 {
                        parts.push("-".to_string());
                    }
                    if !part.is_empty() {
                        parts.push(part.to_string());
                    }
                }
                parts
            })
            .collect();
        out.push(split);
    }
    out
}

/// The regular plural PETRARCH makes of a synonym-set noun.
fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('y') {
        format!("{stem}ies")
    } else if word.ends_with('s') {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// The regular forms PETRARCH makes of a verb given without irregular forms.
fn regular_forms(verb: &str) -> Vec<String> {
    let mut out = Vec::new();
    if ["s", "x", "z", "sh", "ch"]
        .iter()
        .any(|e| verb.ends_with(e))
    {
        out.push(format!("{verb}es"));
    } else if let Some(stem) = verb.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    } else {
        out.push(format!("{verb}s"));
    }
    if verb.ends_with('e') {
        out.push(format!("{verb}d"));
    } else {
        out.push(format!("{verb}ed"));
    }
    let mut chars = verb.chars().rev();
    match (chars.next(), chars.next()) {
        (Some('e'), Some(before)) if !"aeiou".contains(before) => {
            let stem: String = verb.chars().take(verb.chars().count() - 1).collect();
            out.push(format!("{stem}ing"));
        }
        _ => out.push(format!("{verb}ing")),
    }
    out
}

impl Reader<'_> {
    fn problem(&mut self, line: usize, why: impl Into<String>) {
        self.problems.push(Problem {
            line,
            why: why.into(),
        });
    }

    fn line(&mut self, line_no: usize, raw: &str) {
        // A multi-line comment `<!-- ... -->`.
        if self.in_comment {
            if raw.contains("-->") {
                self.in_comment = false;
            }
            return;
        }
        if raw.trim_start().starts_with("<!") {
            self.in_comment = !raw.contains("-->");
            return;
        }
        let text = raw.split('#').next().unwrap_or("").trim();
        if text.is_empty() {
            return;
        }
        if text.starts_with("---") {
            self.block_header(line_no, text);
        } else if let Some(rest) = text.strip_prefix('&') {
            let label = rest.trim();
            if label.is_empty() || label.contains(char::is_whitespace) {
                self.problem(line_no, "a synonym set's label is `&NAME`");
                self.context = Context::None;
                return;
            }
            let plurals = !label.ends_with('_');
            let index = self.verbs.synsets.len();
            self.verbs.synsets.push(Vec::new());
            self.synset_names
                .insert(format!("&{}", label.to_uppercase()), index);
            self.context = Context::Synset(index, plurals);
        } else if let Some(pattern) = text.strip_prefix('-') {
            self.pattern(line_no, pattern.trim());
        } else if text.starts_with('~') {
            self.verbs.summary.transformations += 1;
        } else if let Some(member) = text.strip_prefix('+')
            && let Context::Synset(index, plurals) = self.context
        {
            self.synset_member(line_no, index, plurals, member.trim());
        } else {
            self.member(line_no, text);
        }
    }

    fn block_header(&mut self, line_no: usize, text: &str) {
        let inner = text.trim_matches('-').trim();
        let (name, code) = match inner.split_once('[') {
            Some((name, rest)) => match rest.split_once(']') {
                Some((code, _)) => (name.trim(), code.trim()),
                None => {
                    self.problem(line_no, "the block's code has no closing `]`");
                    self.context = Context::None;
                    return;
                }
            },
            None => (inner, "---"),
        };
        if name.is_empty() {
            self.problem(line_no, "a verb block is `--- NAME [CODE] ---`");
            self.context = Context::None;
            return;
        }
        let code = if code.is_empty() { "---" } else { code };
        if let Err(why) = check_codes(code) {
            self.problem(line_no, why);
            self.context = Context::None;
            return;
        }
        self.verbs.blocks.push(Block {
            name: name.to_string(),
            code: code.to_string(),
            members: Vec::new(),
            patterns: Vec::new(),
        });
        self.context = Context::Block(self.verbs.blocks.len() - 1);
    }

    fn synset_member(&mut self, line_no: usize, index: usize, plurals: bool, member: &str) {
        let words: Vec<&str> = member.split_whitespace().collect();
        if words.is_empty() || member.contains(['&', '$', '%', '^', '*', '[', '(', '{']) {
            self.problem(line_no, "a synonym set's member is `+WORD` or `+TWO_WORDS`");
            return;
        }
        let joined = words.join("_");
        let single = !joined.trim_end_matches('_').contains('_');
        let mut alternatives = literal(&joined);
        if plurals && single && !joined.ends_with('_') {
            alternatives.extend(literal(&plural(&joined.to_lowercase())));
        }
        if let Some(set) = self.verbs.synsets.get_mut(index) {
            set.extend(alternatives);
        }
    }

    fn member(&mut self, line_no: usize, text: &str) {
        let Context::Block(block) = self.context else {
            self.problem(line_no, "a verb outside any block (`--- NAME [CODE] ---`)");
            return;
        };
        // `VERB {FORMS} [CODE]`.
        let (head, code) = match text.split_once('[') {
            Some((head, rest)) => match rest.split_once(']') {
                Some((code, _)) => (head.trim(), Some(code.trim())),
                None => {
                    self.problem(line_no, "the verb's code has no closing `]`");
                    return;
                }
            },
            None => (text, None),
        };
        if let Some(code) = code
            && let Err(why) = check_codes(code)
        {
            self.problem(line_no, why);
            return;
        }
        let (primary, forms) = match head.split_once('{') {
            Some((primary, rest)) => match rest.split_once('}') {
                Some((forms, _)) => (primary.trim(), Some(forms)),
                None => {
                    self.problem(line_no, "the irregular forms have no closing `}`");
                    return;
                }
            },
            None => (head.trim(), None),
        };
        if primary.is_empty()
            || primary.contains(char::is_whitespace)
            || primary.contains(['(', ')', '&', '$', '*', '^', '%'])
        {
            self.problem(
                line_no,
                "a verb is `VERB`, `VERB {FORMS}` or `+VERB_PARTICLE {FORMS}`, with an optional [CODE]",
            );
            return;
        }
        // A verb of several words: `+` marks the verb, the words after it are particles.
        let split = |phrase: &str| -> Option<(String, Vec<String>)> {
            let words: Vec<&str> = phrase.split('_').filter(|w| !w.is_empty()).collect();
            if words.len() <= 1 {
                let w = words.first()?.trim_start_matches('+');
                return (!w.is_empty()).then(|| (w.to_lowercase(), Vec::new()));
            }
            let at = words.iter().position(|w| w.starts_with('+'))?;
            if at != 0 {
                // A verb after other words ("RE_+ARREST") is not translated.
                return None;
            }
            let verb = words[0].trim_start_matches('+').to_lowercase();
            let particles = words[1..].iter().map(|w| w.to_lowercase()).collect();
            (!verb.is_empty()).then_some((verb, particles))
        };
        let Some((verb, particles)) = split(primary) else {
            self.problem(
                line_no,
                "a verb of several words is `+VERB_PARTICLE`, with the `+` on its first word",
            );
            return;
        };
        let mut keys = vec![verb.clone()];
        match forms {
            Some(forms) => {
                for form in forms.split_whitespace() {
                    match split(form) {
                        Some((f, _)) => keys.push(f),
                        None => {
                            self.problem(line_no, format!("the form {form:?} has no verb"));
                            return;
                        }
                    }
                }
            }
            None if particles.is_empty() => keys.extend(regular_forms(&verb)),
            None => {}
        }
        let Some(b) = self.verbs.blocks.get(block) else {
            return;
        };
        let code = code.map_or_else(|| b.code.clone(), str::to_string);
        let member = b.members.len();
        // The bare verb's code is read but not used: on dyad's parses it codes every use of
        // a general verb ("took", "gave", "said"), and it added no right event on the
        // development records.
        let active = code.split(':').next().unwrap_or("").trim();
        if !active.is_empty() && active != "---" {
            self.verbs.summary.verb_codes += 1;
        }
        if let Some(b) = self.verbs.blocks.get_mut(block) {
            b.members.push(Member { particles });
        }
        for key in keys {
            let entry = self.verbs.by_word.entry(key).or_default();
            if !entry.contains(&(block, member)) {
                entry.push((block, member));
            }
        }
        self.verbs.summary.verbs += 1;
    }

    /// Adds a translated pattern and returns its index.
    fn add_pattern(
        &mut self,
        id: String,
        block_name: &str,
        code: &str,
        requirements: Option<Requirements>,
        (source, target, open_prep): (Option<Slot>, Option<Slot>, Option<String>),
        line: usize,
    ) -> usize {
        let active = code.split(':').next().unwrap_or("").to_string();
        let passive = code.split(':').nth(1).unwrap_or("");
        let root = active.get(..2).unwrap_or("");
        let target = match (target, open_prep) {
            (Some(slot), _) => vec![slot],
            (None, Some(prep)) => vec![Slot::Prep(prep)],
            // PETRARCH's target is the object or the first oblique of the verb's phrase
            // unless the pattern says otherwise (it must be an argument of the verb itself,
            // see `argument_of`).
            (None, None) => vec![
                Slot::Object,
                Slot::IndirectObject,
                Slot::Prep("with".into()),
                Slot::Prep("to".into()),
                Slot::Prep("against".into()),
                Slot::Prep("on".into()),
                Slot::Prep("for".into()),
                Slot::Prep("from".into()),
            ],
        };
        let pattern = Pattern {
            id: id.clone(),
            pos: TriggerPos::Verb,
            lemma: block_name.to_lowercase(),
            // The words the pattern requires are checked here, not by the coder (and a noun
            // among them that dyad codes as an event makes the PETRARCH event yield, see
            // `yield_to_ours`, rather than the other way round).
            requires: Vec::new(),
            source: vec![source.unwrap_or(Slot::Subject)],
            target,
            target_optional: false,
            cameo: active.clone(),
            mode: None,
            context: Vec::new(),
            // A demand, appeal, accusation, rejection or threat: its complement is its
            // content, not an event of its own.
            content: matches!(root, "02" | "10" | "11" | "12" | "13"),
            no_score: matches!(root, "18" | "19" | "20"),
            mutual: passive == active,
            line,
            fixtures: Vec::new(),
        };
        let index = self.verbs.patterns.len();
        self.verbs.null.push(active == "---");
        self.verbs.patterns.push(pattern);
        self.verbs.requirements.push(requirements);
        self.verbs.by_id.insert(id, index);
        index
    }

    fn pattern(&mut self, line_no: usize, body: &str) {
        let Context::Block(block) = self.context else {
            self.problem(
                line_no,
                "a pattern outside any block (`--- NAME [CODE] ---`)",
            );
            return;
        };
        let Some((words, rest)) = body.rsplit_once('[') else {
            self.problem(
                line_no,
                "a pattern ends with its code in brackets: `[CODE]`",
            );
            return;
        };
        let Some((code, _)) = rest.split_once(']') else {
            self.problem(line_no, "the pattern's code has no closing `]`");
            return;
        };
        let code = code.trim();
        let active = code.split(':').next().unwrap_or("").trim();
        if active.is_empty() {
            // `[:CODE]`: only PETRARCH's passive reading, which dyad's frames do not use.
            self.verbs.summary.untranslatable += 1;
            return;
        }
        let code_ok = code
            .split(':')
            .all(|c| c.trim().is_empty() || check_code(c.trim()).is_ok());
        if let Err(why) = check_code(active) {
            self.problem(line_no, why);
            return;
        }
        if !code_ok || code.split(':').count() > 2 {
            self.problem(
                line_no,
                format!("[{code}] is not `[CODE]` or `[CODE:CODE]`"),
            );
            return;
        }
        let words = words.trim();
        let star = words.matches('*').count();
        if star != 1 {
            self.problem(
                line_no,
                format!("a pattern has one `*` (the verb), not {star}"),
            );
            return;
        }
        let (before, after) = words.split_once('*').unwrap_or((words, ""));
        let mut slots = Slots::default();
        let before = match self.side(&tokenize(before), false, &mut slots) {
            Ok(t) => t,
            Err(Skip::Malformed(why)) => return self.problem(line_no, why),
            Err(Skip::Untranslatable) => {
                self.verbs.summary.untranslatable += 1;
                return;
            }
        };
        let after = match self.side(&tokenize(after), true, &mut slots) {
            Ok(t) => t,
            Err(Skip::Malformed(why)) => return self.problem(line_no, why),
            Err(Skip::Untranslatable) => {
                self.verbs.summary.untranslatable += 1;
                return;
            }
        };
        let has_word = |t: &Term| !matches!(t, Term::Prep(_, None));
        if !before.iter().chain(&after).any(has_word) {
            // "* (TO)" or "* +": as general as the bare verb (see `member`).
            self.verbs.summary.wordless += 1;
            return;
        }
        let Some(b) = self.verbs.blocks.get(block) else {
            return;
        };
        let block_name = b.name.clone();
        let id = format!(
            "petrarch({}:{line_no} {block_name} {})",
            self.name,
            words.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let index = self.add_pattern(
            id,
            &block_name,
            code,
            Some(Requirements { before, after }),
            (slots.source, slots.target, slots.open_prep),
            line_no,
        );
        if let Some(b) = self.verbs.blocks.get_mut(block) {
            b.patterns.push(index);
        }
        self.verbs.summary.patterns += 1;
        if active == "---" {
            self.verbs.summary.null_patterns += 1;
        }
    }

    /// Parses one side of a pattern (before or after the `*`).
    fn side(&self, tokens: &[Token], after: bool, slots: &mut Slots) -> Result<Vec<Term>, Skip> {
        let mut terms: Vec<Term> = Vec::new();
        let mut i = 0;
        // The last bare word was a preposition (its term's index), for `FROM $`.
        let mut last_prep: Option<(usize, String)> = None;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Open('(') => {
                    let close = tokens[i..]
                        .iter()
                        .position(|t| *t == Token::Close(')'))
                        .ok_or_else(|| Skip::Malformed("a `(` without its `)`".into()))?;
                    let inner = &tokens[i + 1..i + close];
                    if inner.contains(&Token::Open('(')) {
                        return Err(Skip::Malformed("brackets `(` inside `(...)`".into()));
                    }
                    let Some(Token::Word(prep)) = inner.first() else {
                        return Err(Skip::Malformed(
                            "`(...)` starts with its preposition".into(),
                        ));
                    };
                    if prep.starts_with(['&', '+', '$', '^', '%']) {
                        return Err(Skip::Malformed(
                            "`(...)` starts with its preposition".into(),
                        ));
                    }
                    let prep = prep.to_lowercase().replace('_', " ");
                    let mut marker = None;
                    let mut words = Vec::new();
                    let mut any = false;
                    let mut k = 1;
                    while k < inner.len() {
                        match &inner[k] {
                            Token::Word(w) if w == "+" || w == "$" => {
                                if marker.replace(w.clone()).is_some() {
                                    return Err(Skip::Malformed(
                                        "two markers in one `(...)`".into(),
                                    ));
                                }
                            }
                            Token::Word(w) if w == "^" => any = true,
                            Token::Word(w) if w == "%" => return Err(Skip::Untranslatable),
                            Token::Word(w) => words.push(self.word(w)?),
                            Token::Open('{') => {
                                let end = inner[k..]
                                    .iter()
                                    .position(|t| *t == Token::Close('}'))
                                    .ok_or_else(|| {
                                    Skip::Malformed("a `{` without its `}`".into())
                                })?;
                                for t in &inner[k + 1..k + end] {
                                    match t {
                                        Token::Word(w) if !w.starts_with(['+', '$', '^', '%']) => {
                                            words.push(self.word(w)?)
                                        }
                                        _ => {
                                            return Err(Skip::Malformed(
                                                "`{...}` holds only words".into(),
                                            ));
                                        }
                                    }
                                }
                                k += end;
                            }
                            _ => return Err(Skip::Malformed("unbalanced brackets".into())),
                        }
                        k += 1;
                    }
                    let phrase = phrase_of(words);
                    match marker {
                        Some(m) => {
                            if phrase.is_some() || any {
                                // A marker beside words inside the brackets: which word is
                                // the actor is not said.
                                return Err(Skip::Untranslatable);
                            }
                            slots.set(&m, Slot::Prep(prep.clone()))?;
                            // The oblique must be there (it holds the actor).
                            terms.push(Term::Prep(prep, None));
                        }
                        None if phrase.is_none() && !any && after => {
                            slots.open_prep.get_or_insert(prep.clone());
                            terms.push(Term::Prep(prep, None));
                        }
                        None => terms.push(Term::Prep(prep, phrase)),
                    }
                    last_prep = None;
                    i += close + 1;
                }
                Token::Open('{') => {
                    let close = tokens[i..]
                        .iter()
                        .position(|t| *t == Token::Close('}'))
                        .ok_or_else(|| Skip::Malformed("a `{` without its `}`".into()))?;
                    let mut words = Vec::new();
                    for t in &tokens[i + 1..i + close] {
                        match t {
                            Token::Word(w) if !w.starts_with(['+', '$', '^', '%']) => {
                                words.push(self.word(w)?)
                            }
                            _ => return Err(Skip::Malformed("`{...}` holds only words".into())),
                        }
                    }
                    let phrase =
                        phrase_of(words).ok_or_else(|| Skip::Malformed("an empty `{}`".into()))?;
                    terms.push(Term::Noun(phrase));
                    last_prep = None;
                    i += close + 1;
                }
                Token::Open(_) | Token::Close(_) => {
                    return Err(Skip::Malformed("unbalanced brackets".into()));
                }
                Token::Word(w) if w == "+" || w == "$" => {
                    let slot = match last_prep.take() {
                        Some((at, prep)) => {
                            if prep == "that" {
                                terms.remove(at);
                                Slot::ComplementSubject
                            } else {
                                // The oblique must be there (it holds the actor).
                                if let Some(t) = terms.get_mut(at) {
                                    *t = Term::Prep(prep.clone(), None);
                                }
                                Slot::Prep(prep)
                            }
                        }
                        None if after => Slot::Object,
                        None => Slot::Subject,
                    };
                    slots.set(w, slot)?;
                    i += 1;
                }
                Token::Word(w) if w == "^" => {
                    last_prep = None;
                    i += 1;
                }
                Token::Word(w) if w == "%" => return Err(Skip::Untranslatable),
                Token::Word(w) => {
                    let lower = w.to_lowercase();
                    let word = self.word(w)?;
                    last_prep = (PREPOSITIONS.contains(&lower.as_str()) || lower == "that")
                        .then_some((terms.len(), lower));
                    terms.push(Term::Noun(Phrase {
                        head: word,
                        modifiers: Vec::new(),
                    }));
                    i += 1;
                }
            }
        }
        Ok(terms)
    }

    /// A word of a pattern: a synonym set (which must be defined) or a literal.
    fn word(&self, w: &str) -> Result<Word, Skip> {
        if w.starts_with('&') {
            let name = w.to_uppercase();
            return self
                .synset_names
                .get(&name)
                .map(|&i| Word::Syn(i))
                .ok_or_else(|| Skip::Malformed(format!("the synonym set {w} is not defined")));
        }
        if w.contains(['+', '$', '^', '%', '*', '[', ']']) {
            return Err(Skip::Malformed(format!("{w:?} is not a word")));
        }
        Ok(Word::Lit(literal(w)))
    }
}

/// A phrase from its words: the last one is the head.
fn phrase_of(mut words: Vec<Word>) -> Option<Phrase> {
    let head = words.pop()?;
    Some(Phrase {
        head,
        modifiers: words,
    })
}

/// Why a pattern is skipped.
enum Skip {
    Malformed(String),
    Untranslatable,
}

/// The slots a pattern's markers set.
#[derive(Default)]
struct Slots {
    source: Option<Slot>,
    target: Option<Slot>,
    /// The first oblique after the verb given with no words (`(TO)`): it holds the target.
    open_prep: Option<String>,
}

impl Slots {
    fn set(&mut self, marker: &str, slot: Slot) -> Result<(), Skip> {
        let place = if marker == "$" {
            &mut self.source
        } else {
            &mut self.target
        };
        if place.replace(slot).is_some() {
            return Err(Skip::Malformed(format!("two `{marker}` markers")));
        }
        Ok(())
    }
}

/// Checks a code of a block or a verb: `CODE` or `CODE:CODE`, either part possibly empty.
fn check_codes(code: &str) -> Result<(), String> {
    let parts: Vec<&str> = code.split(':').map(str::trim).collect();
    if parts.len() > 2 {
        return Err(format!("[{code}] is not `[CODE]` or `[CODE:CODE]`"));
    }
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        check_code(part)?;
    }
    Ok(())
}

/// Checks a CAMEO code of the dictionary: `---`, or two to four digits that the codebook
/// knows.
fn check_code(code: &str) -> Result<(), String> {
    if code == "---" {
        return Ok(());
    }
    if !(2..=4).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("[{code}] is not a CAMEO code"));
    }
    match Codebook::get() {
        Ok(book) if book.code(code).is_some() => Ok(()),
        Ok(_) => Err(format!("{code} is not in the CAMEO codebook")),
        Err(e) => Err(format!("the codebook did not load: {e}")),
    }
}

/// The heads of the phrases a pattern's words are matched against, as PETRARCH matches the
/// noun phrases of the verb's clause: before the verb its subject (or, for an infinitive or a
/// conjunct without one, the subject of the verb it depends on); after it its objects,
/// obliques and complements (and the subject of a passive, its object); with their conjuncts
/// and the phrases that hang on them ("the list of banned parties"). The third list is the
/// second without the obliques and what hangs on them: the verb's own objects, where a
/// pattern's word given without a preposition must be ("hit him with missiles", not "hit
/// him on guns").
fn arguments(tree: &Tree, w: usize) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let subject = |v: usize| -> Vec<usize> {
        tree.children(v)
            .iter()
            .copied()
            .filter(|&c| tree.rel(c) == "nsubj")
            .collect()
    };
    let mut before = subject(w);
    if before.is_empty()
        && tree.child(w, "nsubj:pass").is_none()
        && matches!(tree.base_rel(w).as_str(), "xcomp" | "conj")
        && let Some(h) = tree.head(w)
    {
        before = subject(h);
    }
    let mut after: Vec<usize> = tree
        .children(w)
        .iter()
        .copied()
        .filter(|&c| {
            (c > w && matches!(tree.base_rel(c).as_str(), "obj" | "iobj" | "obl" | "xcomp"))
                || tree.rel(c) == "nsubj:pass"
        })
        .collect();
    let mut objects: Vec<usize> = after
        .iter()
        .copied()
        .filter(|&c| tree.base_rel(c) != "obl")
        .collect();
    for list in [&mut before, &mut after, &mut objects] {
        let heads = list.clone();
        for h in heads {
            for &c in tree.children(h) {
                if matches!(tree.base_rel(c).as_str(), "conj" | "nmod") && !list.contains(&c) {
                    list.push(c);
                }
            }
        }
    }
    (before, after, objects)
}

/// True when `x` can head a noun phrase.
fn nominal(tree: &Tree, x: usize) -> bool {
    matches!(
        tree.upos(x),
        "NOUN" | "PROPN" | "PRON" | "NUM" | "ADJ" | "X" | "SYM"
    )
}

/// The words below `x` (its subtree without `x`).
fn words_below(tree: &Tree, x: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = tree.children(x).to_vec();
    while let Some(y) = stack.pop() {
        if out.len() > 400 || out.contains(&y) || y == x {
            continue;
        }
        out.push(y);
        stack.extend(tree.children(y).iter().copied());
    }
    out
}

/// The sentence of one verb, read once: each word's lemma and form, and the heads of the
/// verb's phrases before and after it ([`arguments`]).
struct Scene<'t, 'd> {
    tree: &'t Tree<'d>,
    /// The first word of the sentence.
    first: usize,
    lemmas: Vec<String>,
    forms: Vec<String>,
    before: Vec<usize>,
    after: Vec<usize>,
    /// The verb's objects: `after` without its obliques.
    objects: Vec<usize>,
}

impl<'t, 'd> Scene<'t, 'd> {
    fn new(tree: &'t Tree<'d>, w: usize) -> Scene<'t, 'd> {
        let sentence = tree.doc.words[w].sentence;
        let mut first = w;
        while first > 0 && tree.doc.words[first - 1].sentence == sentence {
            first -= 1;
        }
        let mut end = w + 1;
        while end < tree.len() && tree.doc.words[end].sentence == sentence {
            end += 1;
        }
        let (before, after, objects) = arguments(tree, w);
        Scene {
            tree,
            first,
            lemmas: (first..end).map(|i| tree.lemma(i)).collect(),
            forms: (first..end).map(|i| tree.form(i)).collect(),
            before,
            after,
            objects,
        }
    }

    /// True when word `i` is `s` (lemma or form).
    fn is(&self, i: usize, s: &str) -> bool {
        let Some(k) = i.checked_sub(self.first) else {
            return false;
        };
        self.lemmas.get(k).is_some_and(|l| l == s) || self.forms.get(k).is_some_and(|f| f == s)
    }

    /// True when the words of `seq` end at `x`, consecutive in the sentence.
    fn sequence_at(&self, x: usize, seq: &[String]) -> bool {
        let Some((last, rest)) = seq.split_last() else {
            return false;
        };
        if !self.is(x, last) {
            return false;
        }
        let mut at = x;
        for s in rest.iter().rev() {
            match at.checked_sub(1) {
                Some(prev) if prev >= self.first && self.is(prev, s) => at = prev,
                _ => return false,
            }
        }
        true
    }
}

impl PetrarchVerbs {
    fn word_at(&self, scene: &Scene, x: usize, word: &Word) -> bool {
        let alternatives = match word {
            Word::Lit(alts) => alts,
            Word::Syn(i) => match self.synsets.get(*i) {
                Some(set) => set,
                None => return false,
            },
        };
        alternatives.iter().any(|seq| scene.sequence_at(x, seq))
    }

    fn phrase_at(&self, scene: &Scene, x: usize, phrase: &Phrase) -> bool {
        if !self.word_at(scene, x, &phrase.head) {
            return false;
        }
        if phrase.modifiers.is_empty() {
            return true;
        }
        let below = words_below(scene.tree, x);
        phrase
            .modifiers
            .iter()
            .all(|m| below.iter().any(|&y| self.word_at(scene, y, m)))
    }

    /// The word of `region` that satisfies `term`, if any.
    fn term_in(&self, scene: &Scene, region: &[usize], term: &Term) -> Option<usize> {
        match term {
            Term::Noun(p) => region
                .iter()
                .copied()
                .find(|&x| nominal(scene.tree, x) && self.phrase_at(scene, x, p)),
            Term::Prep(prep, phrase) => region.iter().copied().find(|&x| {
                scene
                    .tree
                    .preposition(x)
                    .is_some_and(|p| p == *prep || p.ends_with(&format!(" {prep}")))
                    && phrase
                        .as_ref()
                        .is_none_or(|ph| self.phrase_at(scene, x, ph))
            }),
        }
    }

    /// The words the requirements of pattern `i` ask for (those of obliques given without a
    /// word aside), or, when they are not met, how many terms are missing and the first of
    /// them.
    fn meet(&self, scene: &Scene, i: usize) -> Result<Vec<usize>, (usize, String)> {
        let Some(Some(req)) = self.requirements.get(i) else {
            return Ok(Vec::new());
        };
        let mut found = Vec::new();
        let mut missing = 0;
        let mut first_missing = String::new();
        for (terms, region, side) in [
            (&req.before, &scene.before, "before"),
            (&req.after, &scene.after, "after"),
        ] {
            for t in terms {
                // After the verb a word without a preposition heads one of its objects.
                let region = match t {
                    Term::Noun(_) if side == "after" => &scene.objects,
                    _ => region,
                };
                match self.term_in(scene, region, t) {
                    // An oblique with no word of its own holds an actor: not a word the
                    // pattern requires.
                    Some(_) if matches!(t, Term::Prep(_, None)) => {}
                    Some(x) => found.push(x),
                    None => {
                        missing += 1;
                        if first_missing.is_empty() {
                            first_missing = format!("{} {side} the verb", self.term_text(t));
                        }
                    }
                }
            }
        }
        if missing == 0 {
            Ok(found)
        } else {
            Err((missing, first_missing))
        }
    }

    fn word_text(&self, w: &Word) -> String {
        match w {
            Word::Lit(alts) => alts.first().map(|a| a.join(" ")).unwrap_or_default(),
            Word::Syn(i) => format!(
                "a word of the set of \"{}\"",
                self.synsets
                    .get(*i)
                    .and_then(|s| s.first())
                    .map(|a| a.join(" "))
                    .unwrap_or_default()
            ),
        }
    }

    fn term_text(&self, t: &Term) -> String {
        let phrase = |p: &Phrase| {
            let mut words: Vec<String> = p.modifiers.iter().map(|m| self.word_text(m)).collect();
            words.push(self.word_text(&p.head));
            words.join(" ")
        };
        match t {
            Term::Noun(p) => phrase(p),
            Term::Prep(prep, None) => format!("({prep} ...)"),
            Term::Prep(prep, Some(p)) => format!("({prep} {})", phrase(p)),
        }
    }
}

/// The PETRARCH attempts on verb `w`, when the dictionary carries PETRARCH's verbs and none
/// of dyad's own patterns fired on `w` (the coder calls this only then): the most specific
/// pattern of the verb's block whose words are in its clause is tried first, then the less
/// specific ones until one fires; a `[---]` pattern stops the search; the verb's own code
/// is tried when no pattern of the block matched. Patterns one word short are shown as near
/// misses for `dyad explain`.
pub(super) fn attempts(
    tree: &Tree,
    w: usize,
    pos: TriggerPos,
    dict: &EventDictionary,
    codebook: Option<&Codebook>,
) -> Vec<Attempt> {
    let Some(verbs) = dict.petrarch() else {
        return Vec::new();
    };
    if pos != TriggerPos::Verb {
        return Vec::new();
    }
    let Some((b, _)) = verbs.member_of(tree, w) else {
        return Vec::new();
    };
    let Some(block) = verbs.blocks.get(b) else {
        return Vec::new();
    };
    let scene = Scene::new(tree, w);
    // (specificity, pattern, the words its terms matched)
    let mut matched: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    let mut near: Vec<(usize, String)> = Vec::new();
    for &i in &block.patterns {
        let req = verbs.requirements.get(i).and_then(Option::as_ref);
        match verbs.meet(&scene, i) {
            Ok(words) => matched.push((req.map_or(0, Requirements::specificity), i, words)),
            // One word short of a pattern of several: a near miss.
            Err((1, why)) if req.is_some_and(|r| r.before.len() + r.after.len() >= 2) => {
                near.push((i, why))
            }
            Err(_) => {}
        }
    }
    matched.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    let id = |i: usize| {
        verbs
            .patterns
            .get(i)
            .map(|p| p.id.clone())
            .unwrap_or_default()
    };
    let mut winner: Option<String> = None;
    let ours_mutual: Vec<&str> = dict
        .patterns()
        .iter()
        .filter(|p| p.mutual)
        .map(|p| p.cameo.as_str())
        .collect();
    let quoted = in_short_quote(tree, w);
    for (_, i, words) in &matched {
        let i = *i;
        if let Some(won) = &winner {
            out.push(Attempt {
                word: w,
                pattern: id(i),
                outcome: Outcome::Outranked(won.clone()),
            });
            continue;
        }
        if verbs.null.get(i).copied().unwrap_or(false) {
            out.push(Attempt {
                word: w,
                pattern: id(i),
                outcome: Outcome::Discarded("[---]: PETRARCH codes nothing here".into()),
            });
            winner = Some(id(i));
            continue;
        }
        let Some(p) = verbs.patterns.get(i) else {
            continue;
        };
        if quoted {
            out.push(Attempt {
                word: w,
                pattern: p.id.clone(),
                outcome: Outcome::Discarded(
                    "the verb is inside a short quotation (an idiom: \"send a message\")".into(),
                ),
            });
            winner = Some(p.id.clone());
            continue;
        }
        // PETRARCH's `[A:A]` is two-way only where dyad's own patterns code the same act both
        // ways ("held talks with"); elsewhere ("awarded a contract", "made a stop in") it is
        // the subject's act alone.
        let one_way;
        let p = if p.mutual && !ours_mutual.contains(&p.cameo.as_str()) {
            one_way = Pattern {
                mutual: false,
                ..p.clone()
            };
            &one_way
        } else {
            p
        };
        let outcome = with_political_parties(
            &p.cameo,
            with_verb_arguments(
                tree,
                w,
                words,
                &p.cameo,
                without_media_targets(super::code::try_pattern(tree, w, p, codebook)),
            ),
        );
        if matches!(outcome, Outcome::Fired(_)) {
            winner = Some(p.id.clone());
        }
        out.push(Attempt {
            word: w,
            pattern: p.id.clone(),
            outcome,
        });
    }
    if winner.is_none() {
        for (i, why) in near.into_iter().take(3) {
            out.push(Attempt {
                word: w,
                pattern: id(i),
                outcome: Outcome::Missing(format!("word: {why}")),
            });
        }
    }
    out
}

/// True when the actor at `span` is an argument of verb `w` itself, as PETRARCH's targets
/// are (the object, an indirect object, an oblique, the subject of a passive), not an actor
/// further down ("announced his support for the governor", "dealt a blow to X"), nor one
/// the context pass supplied.
/// With `modifier` false, the actor must head its phrase: not a nationality on the thing
/// acted on ("raised Australian dollars", "opening a Latin American tour").
fn argument_of(tree: &Tree, w: usize, span: crate::Span, modifier: bool) -> bool {
    let words: Vec<usize> = (0..tree.len())
        .filter(|&x| {
            let ws = tree.doc.words[x].span;
            ws.start >= span.start && ws.end <= span.end && ws.start < ws.end
        })
        .collect();
    words.into_iter().any(|x| {
        let mut y = x;
        for _ in 0..8 {
            let Some(h) = tree.head(y) else {
                return false;
            };
            let rel = tree.rel(y);
            if h == w {
                return matches!(tree.base_rel(y).as_str(), "obj" | "iobj" | "obl")
                    || rel == "nsubj:pass";
            }
            // A name's parts, a nationality on a group ("Iraqi brigades"), a conjunct or
            // an apposition; not a possessor or a noun modifier ("Reagan's loss of support",
            // "a Mexico-type accord"): PETRARCH's target heads its phrase.
            let base = tree.base_rel(y);
            if !matches!(base.as_str(), "flat" | "amod" | "conj" | "appos" | "fixed")
                || (base == "amod" && !modifier)
            {
                return false;
            }
            y = h;
        }
        false
    })
}

/// Keeps the events whose other party is an argument of the verb itself ([`argument_of`])
/// and not one of the words the pattern required (`words`): for a reciprocal event ("the
/// other side") that party is its source. A nationality on the thing acted on is the
/// target only of protest, coercion and force (`cameo` of roots 14 and 17 to 20, see
/// [`forceful`]): "burned the American flag", "smashed four Iraqi brigades".
fn with_verb_arguments(
    tree: &Tree,
    w: usize,
    words: &[usize],
    cameo: &str,
    outcome: Outcome,
) -> Outcome {
    let Outcome::Fired(events) = outcome else {
        return outcome;
    };
    let modifier = forceful(cameo);
    let kept: Vec<_> = events
        .into_iter()
        .filter(|e| {
            let other = if e.rule.ends_with("(the other side)") {
                Some(e.source.span)
            } else {
                e.target.as_ref().map(|t| t.span)
            };
            // The word the pattern requires is what the act is about ("sent troops",
            // "accepted the refugees"), not whom it is aimed at.
            let required =
                |span: crate::Span| words.iter().any(|&x| span.contains(tree.doc.words[x].span));
            other.is_some_and(|span| argument_of(tree, w, span, modifier) && !required(span))
        })
        .collect();
    if kept.is_empty() {
        Outcome::Missing("target: no actor is an argument of the verb itself".into())
    } else {
        Outcome::Fired(kept)
    }
}

/// True for CAMEO codes of protest, coercion and force (roots 14 and 17 to 20), acts on
/// groups and symbols named by a nationality ("burned the American flag"), and often on
/// civilians.
fn forceful(cameo: &str) -> bool {
    matches!(cameo.get(..2), Some("14" | "17" | "18" | "19" | "20"))
}

/// True for CAMEO codes of economic and material cooperation and aid: appeals for it (0211,
/// 023), intentions (031, 033), the acts (roots 06 and 07) and eased sanctions (085).
fn economic(cameo: &str) -> bool {
    ["0211", "023", "031", "033", "06", "07", "085"]
        .iter()
        .any(|p| cameo.starts_with(p))
}

/// The roles of an actor code after its country, three letters each ("USAGOVLEG" → GOV,
/// LEG); an international organisation ("IGOBUSWBK") has none that matter here.
fn roles(code: &str) -> Vec<&str> {
    if code.starts_with("IGO") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = 3;
    while let Some(role) = code.get(at..at + 3) {
        out.push(role);
        at += 3;
    }
    out
}

/// Keeps the events whose parties are political, by the kind of act: outside protest,
/// coercion and force ([`forceful`]) neither party is a business or an unnamed group of
/// people ("the companies give him money", "named five people to the committee"); an act of
/// economic cooperation or aid ([`economic`]) is between states, their governments, armed
/// groups or international organisations of two known and different countries, as CAMEO's
/// aid is: in the news, money given at home is campaign finance and budgets ("gave money to
/// the governor", "raise money for candidates").
fn with_political_parties(cameo: &str, outcome: Outcome) -> Outcome {
    let Outcome::Fired(events) = outcome else {
        return outcome;
    };
    let political = |code: Option<&str>| {
        code.is_none_or(|c| !roles(c).iter().any(|r| matches!(*r, "BUS" | "CVL")))
    };
    let state_side = |code: Option<&str>| {
        code.is_some_and(|c| {
            !c.starts_with("---")
                && !c.starts_with("NGO")
                && !roles(c).iter().any(|r| {
                    matches!(
                        *r,
                        "BUS"
                            | "CVL"
                            | "LAB"
                            | "EDU"
                            | "HLH"
                            | "NGO"
                            | "AGR"
                            | "REL"
                            | "MED"
                            | "ENV"
                    )
                })
        })
    };
    let kept: Vec<_> = events
        .into_iter()
        .filter(|e| {
            let source = e.source.code.as_deref();
            let target = e.target.as_ref().and_then(|t| t.code.as_deref());
            if economic(&e.cameo) {
                state_side(source)
                    && state_side(target)
                    && source.and_then(|c| c.get(..3)) != target.and_then(|c| c.get(..3))
            } else {
                forceful(&e.cameo) || (political(source) && political(target))
            }
        })
        .collect();
    if kept.is_empty() {
        Outcome::Discarded(if economic(cameo) {
            "economic cooperation or aid between parties that are not two states, governments or international organisations of different countries".into()
        } else {
            "a party is a business or an unnamed group of people".into()
        })
    } else {
        Outcome::Fired(kept)
    }
}

/// True when verb `w` is inside a short quotation of at most six words in its sentence:
/// quotation marks round a few words mark an idiom ("would “send a message” to Wall
/// Street"), not an act.
fn in_short_quote(tree: &Tree, w: usize) -> bool {
    const LIMIT: usize = 6;
    let Some(sentence) = tree.doc.words.get(w).map(|x| x.sentence) else {
        return false;
    };
    let quote = |x: usize| matches!(tree.form(x).as_str(), "\"" | "“" | "”" | "''" | "``");
    let same = |x: usize| {
        tree.doc
            .words
            .get(x)
            .is_some_and(|y| y.sentence == sentence)
    };
    let open = (1..=LIMIT)
        .filter_map(|k| w.checked_sub(k))
        .take_while(|&x| same(x))
        .find(|&x| quote(x));
    let close = (1..=LIMIT)
        .map(|k| w + k)
        .take_while(|&x| x < tree.len() && same(x))
        .find(|&x| quote(x));
    match (open, close) {
        (Some(a), Some(b)) => b - a - 1 <= LIMIT,
        _ => false,
    }
}

/// Drops the events whose target is a news medium: PETRARCH's frames take the object of
/// "told AFP" or "said in an interview with the BBC" for the target, but telling the press
/// is not acting on it.
fn without_media_targets(outcome: Outcome) -> Outcome {
    let Outcome::Fired(events) = outcome else {
        return outcome;
    };
    let media = |e: &crate::document::Event| {
        e.target
            .as_ref()
            .and_then(|t| t.code.as_deref())
            .is_some_and(|c| c.get(3..6) == Some("MED"))
            || e.source
                .code
                .as_deref()
                .is_some_and(|c| c.get(3..6) == Some("MED"))
    };
    let kept: Vec<_> = events.into_iter().filter(|e| !media(e)).collect();
    if kept.is_empty() {
        Outcome::Discarded("the other party is a news medium".into())
    } else {
        Outcome::Fired(kept)
    }
}

/// What dyad's own patterns had fired before the passes that may suppress them, so that a
/// PETRARCH attempt never suppresses one of them (see [`restore_ours`]).
pub(super) struct Ours(Vec<(usize, Outcome)>);

/// A PETRARCH event yields to dyad's own: when one of dyad's patterns fired on a word that
/// the PETRARCH pattern required ("launched an offensive", where "offensive" is dyad's
/// nominal event), the PETRARCH attempt is suppressed.
/// Returns what dyad's own patterns fired, for [`restore_ours`].
pub(super) fn yield_to_ours(tree: &Tree, dict: &EventDictionary, attempts: &mut [Attempt]) -> Ours {
    let Some(verbs) = dict.petrarch() else {
        return Ours(Vec::new());
    };
    let snapshot = Ours(
        attempts
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                matches!(a.outcome, Outcome::Fired(_)) && !verbs.by_id.contains_key(&a.pattern)
            })
            .map(|(i, a)| (i, a.outcome.clone()))
            .collect(),
    );
    let ours: Vec<(usize, String)> = snapshot
        .0
        .iter()
        .filter_map(|(i, _)| attempts.get(*i))
        .map(|a| (a.word, a.pattern.clone()))
        .collect();
    if ours.is_empty() {
        return snapshot;
    }
    for a in attempts.iter_mut() {
        if !matches!(a.outcome, Outcome::Fired(_)) {
            continue;
        }
        let Some(&i) = verbs.by_id.get(&a.pattern) else {
            continue;
        };
        let Ok(words) = verbs.meet(&Scene::new(tree, a.word), i) else {
            continue;
        };
        if let Some((_, id)) = ours.iter().find(|(x, _)| words.contains(x)) {
            a.outcome = Outcome::Suppressed(format!("dyad's {id} fired on a word it requires"));
        }
    }
    snapshot
}

/// Dyad's own patterns come first: an attempt of theirs that a PETRARCH attempt suppressed
/// (as the content of a PETRARCH demand, or as the targetless twin of a PETRARCH event) fires
/// again, and in the twin case the PETRARCH attempt yields instead.
pub(super) fn restore_ours(attempts: &mut [Attempt], ours: Ours) {
    for (i, outcome) in ours.0 {
        let Some(a) = attempts.get_mut(i) else {
            continue;
        };
        let Outcome::Suppressed(why) = &a.outcome else {
            continue;
        };
        let Some(at) = why.find("petrarch(") else {
            continue;
        };
        let by = why.get(at..).unwrap_or("");
        let by = by.split(", which").next().unwrap_or(by).to_string();
        let twin = why.starts_with("the same act as");
        let own = a.pattern.clone();
        a.outcome = outcome;
        if twin {
            for b in attempts.iter_mut() {
                if b.pattern == by && matches!(b.outcome, Outcome::Fired(_)) {
                    b.outcome = Outcome::Suppressed(format!("the same act as dyad's {own}"));
                }
            }
        }
    }
}

impl std::fmt::Display for LoadSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} verb blocks ({} verbs), {} patterns loaded ({} of them [---]), {} synonym sets; {} malformed lines and {} untranslatable patterns skipped; not used: {} patterns without a word, {} bare-verb codes, {} transformations",
            self.blocks,
            self.verbs,
            self.patterns,
            self.null_patterns,
            self.synsets,
            self.malformed,
            self.untranslatable,
            self.wordless,
            self.verb_codes,
            self.transformations
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    /// A small dictionary we wrote in PETRARCH's syntax (no line of it is PETRARCH's).
    const OURS: &str = "\
# A test dictionary.
&GOODS
+SUPPLY
+MEDICINE_
+FIELD_KIT

---  HASTEN   [---]  ---
RUSH
HURRY {HURRIES HURRIED HURRYING}   # a comment
- * &GOODS (TO +)                  [070]
- * {MEDICAL &GOODS} (TO +)        [073]
- * TROOPS (TO BORDER)             [---]
- * (TO)                           [042:043]

---  PESTER   [111]  ---
PESTER
+LEAN_ON {+LEANS_ON +LEANED_ON +LEANT_ON} [1041]
- * (ABOUT TAXES)                  [---]
- * (OVER TAXES)                   [1041]
- * TAXES FROM $ TO +              [020]
- * +                              [110]

---  GATHER   [---]  ---
MEET
- * DELEGATION (WITH +)            [190]
- * TALKS (WITH +)                 [115:115]

~ a (a b X) Y = a b 010
";

    /// A second dictionary we wrote, for the rules by kind of act.
    const KINDS: &str = "\
---  WRECK   [---]  ---
WRECK
- * ROCKETS                        [195]

---  ACQUIRE   [---]  ---
ACQUIRE
- * ROCKETS                        [0312]

---  AWARD   [---]  ---
AWARD
- * CONTRACT                       [031:031]

---  REHEARSE   [---]  ---
REHEARSE
- * MANOEUVRES                     [062:062]

---  LECTURE   [---]  ---
LECTURE
- * (ON TAXES)                     [111]
";

    fn parse_ours() -> PetrarchVerbs {
        let (verbs, problems) = PetrarchVerbs::parse("ours.txt", OURS);
        assert!(problems.is_empty(), "{problems:?}");
        verbs
    }

    #[test]
    fn reads_blocks_verbs_synsets_and_patterns() {
        let verbs = parse_ours();
        let s = verbs.summary();
        assert_eq!(
            (s.blocks, s.verbs, s.patterns, s.null_patterns, s.synsets),
            (3, 5, 8, 2, 1)
        );
        // `(TO)` and `+` alone are as general as the bare verb; three verbs have a code.
        assert_eq!((s.wordless, s.verb_codes, s.transformations), (2, 2, 1));
        // Irregular forms and regular ones are keys; "lean on" is a verb with a particle.
        for key in [
            "hurried", "rushes", "rushed", "rushing", "lean", "leant", "meet",
        ] {
            assert!(verbs.by_word.contains_key(key), "{key}");
        }
        assert!(!verbs.by_word.contains_key("hurryed"));
        let lean = verbs.by_word["lean"][0];
        assert_eq!(verbs.blocks[lean.0].members[lean.1].particles, ["on"]);
        // The set has plurals of single words, not of `MEDICINE_` or of phrases.
        let set = &verbs.synsets[0];
        assert!(set.contains(&vec!["supplies".to_string()]));
        assert!(!set.contains(&vec!["medicines".to_string()]));
        assert!(set.contains(&vec!["field".to_string(), "kit".to_string()]));
        // Frames: `FROM $ TO +` puts the source and the target in obliques, which must be
        // there; a demand's complement is its content.
        let find = |text: &str| verbs.patterns.iter().find(|p| p.id.contains(text)).unwrap();
        let p = find("FROM $ TO +");
        assert_eq!(p.id, "petrarch(ours.txt:20 PESTER * TAXES FROM $ TO +)");
        assert_eq!(p.source, vec![Slot::Prep("from".into())]);
        assert_eq!(p.target, vec![Slot::Prep("to".into())]);
        assert_eq!((p.cameo.as_str(), p.content), ("020", true));
        let i = verbs.by_id[&p.id];
        assert_eq!(verbs.requirements[i].as_ref().unwrap().specificity(), 3);
        // `[A:B]` is coded as A; `[A:A]` is mutual.
        assert!(find("TALKS (WITH +)").mutual && find("TALKS (WITH +)").cameo == "115");
        assert!(!find("DELEGATION").mutual);
    }

    #[test]
    fn reports_every_malformed_line_and_goes_on() {
        let text = "\
& TWO WORDS
&SET
+ONE
+(BAD)
+ANOTHER
--- NOCODE [040 ---
---  [040] ---
---  BADCODE [9x9] ---
---  NOTINBOOK [099] ---
RUSH
---  GOOD [040] ---
GATHER [04
GATHER {GATHERED
GATHER_UP
GO (AWAY)
- * TALKS
- * TALKS [04
- * TALKS [0x4]
- TALKS [040]
- * * TALKS [040]
- * &UNDEFINED [040]
- * (TO [040]
- * {PEACE TALKS [040]
- * ($ TALKS) [040]
- * (WITH + $) [040]
- + * $ + [040]
- * &SET [040]
- * (WITH %) [040]
- * (WITH TROOPS +) [040]
- * [:040]
- * (TO) [040:042]
";
        let (verbs, problems) = PetrarchVerbs::parse("bad.txt", text);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(
            lines,
            [
                1, 4, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26
            ],
            "{problems:#?}"
        );
        let why = |line: usize| {
            problems
                .iter()
                .find(|p| p.line == line)
                .map(|p| p.why.clone())
                .unwrap_or_default()
        };
        assert!(why(1).contains("label"), "{}", why(1));
        assert!(why(8).contains("not a CAMEO code"), "{}", why(8));
        assert!(why(9).contains("not in the CAMEO codebook"), "{}", why(9));
        assert!(why(10).contains("outside any block"), "{}", why(10));
        assert!(why(14).contains("several words"), "{}", why(14));
        assert!(why(19).contains("one `*`"), "{}", why(19));
        assert!(why(21).contains("not defined"), "{}", why(21));
        // Reading went on: the set, the good block and its last patterns are there.
        let s = verbs.summary();
        assert_eq!(s.malformed, problems.len());
        assert_eq!((s.blocks, s.synsets, s.patterns, s.wordless), (1, 1, 1, 1));
        assert_eq!(s.untranslatable, 3);
        assert_eq!(verbs.synsets[0].len(), 4);
    }

    /// Codes one sentence of a parse we wrote, with our dictionary's PETRARCH extra.
    fn code(conllu_text: &str) -> Vec<(String, String)> {
        code_in(parse_ours(), conllu_text)
    }

    fn code_kinds(conllu_text: &str) -> Vec<(String, String)> {
        let (verbs, problems) = PetrarchVerbs::parse("kinds.txt", KINDS);
        assert!(problems.is_empty(), "{problems:?}");
        code_in(verbs, conllu_text)
    }

    fn code_in(verbs: PetrarchVerbs, conllu_text: &str) -> Vec<(String, String)> {
        let embedded = super::super::embedded_dictionary().unwrap();
        let dict = embedded.clone().with_petrarch(verbs);
        let sentences = conllu::parse(conllu_text, "test").unwrap();
        let doc = super::super::code_conllu_with(&sentences, None, Some(&dict));
        let country = |c: Option<&str>| c.map_or("-".to_string(), |c| c.chars().take(3).collect());
        doc.events
            .iter()
            .map(|e| {
                (
                    format!(
                        "{} {} {}",
                        country(e.source.code.as_deref()),
                        e.cameo,
                        country(e.target.as_ref().and_then(|t| t.code.as_deref()))
                    ),
                    e.rule.clone(),
                )
            })
            .collect()
    }

    fn conllu_of(rows: &[&str]) -> String {
        let mut out = String::new();
        for (i, row) in rows.iter().enumerate() {
            let f: Vec<&str> = row.split_whitespace().collect();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                i + 1,
                f[0],
                f[1],
                f[2],
                f[3],
                f[4],
                f[5]
            ));
        }
        out.push('\n');
        out
    }

    fn events(got: &[(String, String)]) -> Vec<&str> {
        got.iter().map(|g| g.0.as_str()).collect()
    }

    #[test]
    fn the_most_specific_matching_pattern_codes_with_dyads_frames() {
        let got = code(&conllu_of(&[
            "France France PROPN NNP 2 nsubj",
            "rushed rush VERB VBD 0 root",
            "medical medical ADJ JJ 4 amod",
            "supplies supply NOUN NNS 2 obj",
            "to to ADP IN 6 case",
            "Chad Chad PROPN NNP 2 obl",
            ". . PUNCT . 2 punct",
        ]));
        assert_eq!(events(&got), ["FRA 073 TCD"]);
        assert!(
            got[0]
                .1
                .starts_with("petrarch(ours.txt:11 HASTEN * {MEDICAL &GOODS} (TO +)): "),
            "{}",
            got[0].1
        );
        // Without the modifier, the less specific pattern.
        let got = code(&conllu_of(&[
            "France France PROPN NNP 2 nsubj",
            "hurried hurry VERB VBD 0 root",
            "supplies supply NOUN NNS 2 obj",
            "to to ADP IN 5 case",
            "Chad Chad PROPN NNP 2 obl",
            ". . PUNCT . 2 punct",
        ]));
        assert_eq!(events(&got), ["FRA 070 TCD"]);
    }

    #[test]
    fn a_null_pattern_and_a_bare_verb_code_nothing() {
        // "troops to the border" matches `[---]` and the wordless `(TO)` is not loaded.
        let got = code(&conllu_of(&[
            "France France PROPN NNP 2 nsubj",
            "hurried hurry VERB VBD 0 root",
            "troops troop NOUN NNS 2 obj",
            "to to ADP IN 6 case",
            "the the DET DT 6 det",
            "border border NOUN NN 2 obl",
            ". . PUNCT . 2 punct",
        ]));
        assert!(got.is_empty(), "{got:?}");
        let got = code(&conllu_of(&[
            "Germany Germany PROPN NNP 2 nsubj",
            "pestered pester VERB VBD 0 root",
            "France France PROPN NNP 2 obj",
            ". . PUNCT . 2 punct",
        ]));
        assert!(got.is_empty(), "{got:?}");
        let got = code(&conllu_of(&[
            "Germany Germany PROPN NNP 2 nsubj",
            "pestered pester VERB VBD 0 root",
            "France France PROPN NNP 2 obj",
            "over over ADP IN 5 case",
            "taxes tax NOUN NNS 2 obl",
            ". . PUNCT . 2 punct",
        ]));
        assert_eq!(events(&got), ["DEU 1041 FRA"]);
        let got = code(&conllu_of(&[
            "Germany Germany PROPN NNP 2 nsubj",
            "pestered pester VERB VBD 0 root",
            "France France PROPN NNP 2 obj",
            "about about ADP IN 5 case",
            "taxes tax NOUN NNS 2 obl",
            ". . PUNCT . 2 punct",
        ]));
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_verb_with_its_particle_is_a_verb_of_its_own() {
        let lean = |particle: &str| {
            code(&conllu_of(&[
                "Germany Germany PROPN NNP 2 nsubj",
                "leaned lean VERB VBD 0 root",
                &format!("{particle} {particle} ADP IN 4 case"),
                "France France PROPN NNP 2 obl",
                "over over ADP IN 6 case",
                "taxes tax NOUN NNS 2 obl",
                ". . PUNCT . 2 punct",
            ]))
        };
        assert_eq!(events(&lean("on")), ["DEU 1041 FRA"]);
        assert!(lean("against").is_empty());
    }

    #[test]
    fn a_target_is_an_argument_of_the_verb_itself() {
        let sentences = conllu::parse(
            &conllu_of(&[
                "France France PROPN NNP 2 nsubj",
                "pestered pester VERB VBD 0 root",
                "Iraqi Iraqi ADJ JJ 4 amod",
                "envoys envoy NOUN NNS 2 obj",
                "and and CCONJ CC 9 cc",
                "Germany Germany PROPN NNP 9 nmod:poss",
                "'s 's PART POS 6 case",
                "new new ADJ JJ 9 amod",
                "delegation delegation NOUN NN 4 conj",
                ". . PUNCT . 2 punct",
            ]),
            "test",
        )
        .unwrap();
        let doc = super::super::document_from_conllu(&sentences, Default::default());
        let tree = Tree::new(&doc);
        let span = |w: usize| doc.words[w].span;
        // A nationality on the object, and a conjunct of it, are its arguments...
        assert!(argument_of(&tree, 1, span(2), true));
        assert!(argument_of(&tree, 1, span(8), true));
        // ... a possessor inside the object is not, nor is the subject.
        assert!(!argument_of(&tree, 1, span(5), true));
        assert!(!argument_of(&tree, 1, span(0), true));
    }

    #[test]
    fn a_word_without_a_preposition_heads_an_object_and_a_nationality_is_a_target_of_force() {
        let wrecked = |rows: &[&str]| code_kinds(&conllu_of(rows));
        assert_eq!(
            events(&wrecked(&[
                "Iran Iran PROPN NNP 2 nsubj",
                "wrecked wreck VERB VBD 0 root",
                "Iraqi Iraqi ADJ JJ 4 amod",
                "rockets rocket NOUN NNS 2 obj",
                ". . PUNCT . 2 punct",
            ])),
            ["IRN 195 IRQ"]
        );
        // The pattern's word in an oblique is not its object.
        assert!(
            wrecked(&[
                "Iran Iran PROPN NNP 2 nsubj",
                "wrecked wreck VERB VBD 0 root",
                "Iraq Iraq PROPN NNP 2 obj",
                "with with ADP IN 5 case",
                "rockets rocket NOUN NNS 2 obl",
                ". . PUNCT . 2 punct",
            ])
            .is_empty()
        );
        // A nationality on what is bought is not the seller.
        assert!(
            wrecked(&[
                "Iran Iran PROPN NNP 2 nsubj",
                "acquired acquire VERB VBD 0 root",
                "Iraqi Iraqi ADJ JJ 4 amod",
                "rockets rocket NOUN NNS 2 obj",
                ". . PUNCT . 2 punct",
            ])
            .is_empty()
        );
        // A short quotation round the verb is an idiom.
        assert!(
            wrecked(&[
                "Iran Iran PROPN NNP 4 nsubj",
                "will will AUX MD 4 aux",
                "“ “ PUNCT `` 4 punct",
                "wreck wreck VERB VB 0 root",
                "Iraqi Iraqi ADJ JJ 6 amod",
                "rockets rocket NOUN NNS 4 obj",
                "” ” PUNCT '' 4 punct",
                ". . PUNCT . 4 punct",
            ])
            .is_empty()
        );
    }

    #[test]
    fn a_mutual_code_is_two_way_only_where_dyads_own_patterns_say_so() {
        let got = code_kinds(&conllu_of(&[
            "France France PROPN NNP 2 nsubj",
            "awarded award VERB VBD 0 root",
            "Italy Italy PROPN NNP 2 iobj",
            "a a DET DT 5 det",
            "contract contract NOUN NN 2 obj",
            ". . PUNCT . 2 punct",
        ]));
        assert_eq!(events(&got), ["FRA 031 ITA"]);
        let got = code_kinds(&conllu_of(&[
            "France France PROPN NNP 2 nsubj",
            "rehearsed rehearse VERB VBD 0 root",
            "manoeuvres manoeuvre NOUN NNS 2 obj",
            "with with ADP IN 5 case",
            "Italy Italy PROPN NNP 2 obl",
            ". . PUNCT . 2 punct",
        ]));
        assert_eq!(events(&got), ["FRA 062 ITA", "ITA 062 FRA"]);
    }

    #[test]
    fn parties_must_be_political_for_the_kind_of_act() {
        let got = code_kinds(&conllu_of(&[
            "France France PROPN NNP 2 nsubj",
            "lectured lecture VERB VBD 0 root",
            "Germany Germany PROPN NNP 2 obj",
            "on on ADP IN 5 case",
            "taxes tax NOUN NNS 2 obl",
            ". . PUNCT . 2 punct",
        ]));
        assert_eq!(events(&got), ["FRA 111 DEU"]);
        let got = code_kinds(&conllu_of(&[
            "France France PROPN NNP 2 nsubj",
            "lectured lecture VERB VBD 0 root",
            "the the DET DT 4 det",
            "company company NOUN NN 2 obj",
            "on on ADP IN 6 case",
            "taxes tax NOUN NNS 2 obl",
            ". . PUNCT . 2 punct",
        ]));
        assert!(got.is_empty(), "{got:?}");
        // Economic cooperation with a business is not coded.
        let got = code_kinds(&conllu_of(&[
            "France France PROPN NNP 2 nsubj",
            "awarded award VERB VBD 0 root",
            "the the DET DT 4 det",
            "company company NOUN NN 2 iobj",
            "a a DET DT 6 det",
            "contract contract NOUN NN 2 obj",
            ". . PUNCT . 2 punct",
        ]));
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn dyads_own_patterns_come_first() {
        let got = code(&conllu_of(&[
            "France France PROPN NNP 2 nsubj",
            "met meet VERB VBD 0 root",
            "the the DET DT 4 det",
            "delegation delegation NOUN NN 2 obj",
            "with with ADP IN 6 case",
            "Germany Germany PROPN NNP 2 obl",
            ". . PUNCT . 2 punct",
        ]));
        assert!(!got.is_empty());
        assert!(
            got.iter()
                .all(|g| !g.0.contains(" 190 ") && !g.1.starts_with("petrarch(")),
            "{got:?}"
        );
    }

    #[test]
    fn never_panics_on_messy_text() {
        for text in [
            "",
            "---",
            "- * [",
            "---  X [] ---\n- * (\n- * {\n- * )}\n+é_\n&\n+\nÉ {ÀÉ\n- é * ü [040]\n",
            "&S_\n+A\n---  X [040] ---\n+_ {}\n+A_+B\nA {+}\n- * (é) [040]\n- * (+) [040]",
        ] {
            let _ = PetrarchVerbs::parse("messy.txt", text);
        }
    }
}
