//! The document that flows through every pipeline stage.
//!
//! A [`Document`] owns the extracted plain text of one article and every annotation made on
//! it. Annotations are [`Span`]s: half-open **byte** ranges into [`Document::text`] that always
//! fall on character boundaries. The coded-article JSON speaks in character offsets; the
//! conversion happens once, when the document is written out (see [`CharOffsets`]).
//! This module holds data only; the stages that fill it live in their own modules.

use serde::Serialize;
use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text, on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The span as a range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What a block of the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The article's headline.
    Title,
    /// A section heading.
    Heading,
    /// A paragraph of body text.
    Paragraph,
}

/// A title, heading or paragraph of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is in the text.
    pub span: Span,
}

/// Facts about the article that come from the input rather than from its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    /// The input's own identifier (a JSONL `id`, a Reuters NEWID), when it has one.
    pub input_id: Option<String>,
    /// The headline, as extracted.
    pub title: Option<String>,
    /// The publication date, `YYYY-MM-DD` (or a shorter prefix when only that is known).
    pub published: Option<String>,
    /// The outlet or feed.
    pub source: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
}

/// A surface token: what is written between spaces and punctuation, like `don't`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// The words the token is made of (indexes into [`Document::words`]); one for most tokens,
    /// two or more for multiword tokens such as `don't` (`do` + `n't`).
    pub words: Range<u32>,
}

/// A syntactic word, the unit that is tagged and parsed (UD's "word").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// Where the word is; words of one multiword token split its span.
    pub span: Span,
    /// The sentence the word belongs to (index into [`Document::sentences`]).
    pub sentence: u32,
    /// The lemma, once the lemmatizer ran.
    pub lemma: Option<String>,
    /// The universal part of speech, once the tagger ran.
    pub upos: Option<String>,
    /// The Penn Treebank tag, once the tagger ran.
    pub xpos: Option<String>,
    /// The head word (index into [`Document::words`]), `None` for the root or before parsing.
    pub head: Option<u32>,
    /// The dependency relation to the head, once the parser ran.
    pub deprel: Option<String>,
}

/// The type of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation: a government body, a group, a company, a medium.
    Org,
    /// A geopolitical entity: a country, a city, a region with a government.
    Gpe,
    /// A location without a government: a river, a region, a border area.
    Loc,
    /// A facility: a building, an air base, a palace.
    Fac,
    /// A nationality, religious or political group named by an adjective ("Syrian").
    Norp,
    /// A named event (a war, an offensive, a summit).
    Event,
    /// Anything else.
    Other,
}

/// One actor or thing the text talks about, with every mention of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The canonical name (the dictionary's, or the longest mention).
    pub name: String,
    /// The type.
    pub kind: EntityType,
    /// The CAMEO-style actor code valid on the article's date, when known.
    pub code: Option<String>,
    /// Why the code was given: the dictionary file and entry, or the rule.
    pub basis: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

impl Entity {
    /// The country part of the code (its first three letters).
    pub fn country(&self) -> Option<&str> {
        self.code
            .as_deref()
            .filter(|c| c.len() >= 3)
            .map(|c| &c[..3])
    }

    /// The first role of the code (the three letters after the country).
    pub fn role(&self) -> Option<&str> {
        self.code
            .as_deref()
            .filter(|c| c.len() >= 6)
            .map(|c| &c[3..6])
    }
}

impl EntityType {
    /// The name used in the JSON output (`PERSON`, `ORG`, ...).
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Norp => "NORP",
            EntityType::Event => "EVENT",
            EntityType::Other => "OTHER",
        }
    }

    /// The CoNLL-2003 label the type is scored as: GPE, LOC and FAC are `LOC`; NORP, EVENT
    /// and OTHER are `MISC`.
    pub fn conll_label(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Org => "ORG",
            EntityType::Gpe | EntityType::Loc | EntityType::Fac => "LOC",
            EntityType::Norp | EntityType::Event | EntityType::Other => "MISC",
        }
    }
}

/// A named-entity mention found by the entity tagger: a stretch of text naming a person,
/// organisation, place, group or event. Resolving it to an actor is the actor stage's job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where the mention is; it starts and ends on word boundaries.
    pub span: Span,
    /// What it names.
    pub kind: EntityType,
}

/// A place the text names, resolved to the gazetteer, with every mention of it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRef {
    /// The gazetteer's name ("Latakia").
    pub name: String,
    /// The ISO 3166-1 alpha-3 code of its country.
    pub country: String,
    /// Latitude and longitude in degrees, when the gazetteer has them.
    pub coordinates: Option<(f64, f64)>,
    /// The GeoNames id, when it has one.
    pub geonames: Option<u32>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// Whether an event happened, as the text tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    /// The text says it happened.
    Asserted,
    /// The text says it did not happen ("refrained from", "no plans to").
    Negated,
    /// Intended or announced for later ("planned to", "will").
    Planned,
    /// Possible only ("may", "could").
    Hypothetical,
}

impl EventStatus {
    /// The status as the JSON writes it.
    pub fn name(self) -> &'static str {
        match self {
            EventStatus::Asserted => "asserted",
            EventStatus::Negated => "negated",
            EventStatus::Planned => "planned",
            EventStatus::Hypothetical => "hypothetical",
        }
    }
}

/// A source or target of an event: the words that name it and the entity they refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventActor {
    /// The entity (index into [`Document::entities`]).
    pub entity: usize,
    /// The actor code, when the entity has one.
    pub code: Option<String>,
    /// The words that name the actor in this sentence (a mention, a pronoun, "both leaders").
    pub span: Span,
}

/// One coded event: who did what to whom, and the rule that said so.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The sentence (index into [`Document::sentences`]).
    pub sentence: u32,
    /// The trigger word.
    pub trigger: Span,
    /// Who acted.
    pub source: EventActor,
    /// Whom the act concerned, when anyone.
    pub target: Option<EventActor>,
    /// The CAMEO event code.
    pub cameo: String,
    /// The PLOVER event type, when the CAMEO code has one.
    pub plover: Option<String>,
    /// The PLOVER mode, when known.
    pub mode: Option<String>,
    /// The PLOVER contexts.
    pub context: Vec<String>,
    /// The quad class (1 to 4).
    pub quad_class: u8,
    /// The Goldstein value.
    pub goldstein: f64,
    /// Asserted, negated, planned or hypothetical.
    pub status: EventStatus,
    /// True when the event clearly lies before the news.
    pub historical: bool,
    /// The date of the event, when known.
    pub date: Option<String>,
    /// The pattern that fired and the path it matched.
    pub rule: String,
    /// How sure the coder is, from 0 to 1.
    pub confidence: f64,
    /// Where the sentence places the event, when it does.
    pub location: Option<EventPlace>,
    /// Who the text says reported the event ("according to Syrian officials"), when it does.
    pub reported_by: Option<EventActor>,
    /// True when the text names no source and the coder implied it: the police of an
    /// agentless passive arrest ("three men were arrested in Mumbai"). Users may filter these.
    pub implied_source: bool,
}

/// The place of an event: the words that name it, resolved to the gazetteer or a country.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPlace {
    /// The place's name (the gazetteer's, or the words of a building such as a palace).
    pub name: String,
    /// The ISO 3166-1 alpha-3 code of its country.
    pub country: String,
    /// Latitude and longitude in degrees, when known.
    pub coordinates: Option<(f64, f64)>,
    /// The words that name the place.
    pub span: Span,
}

/// Something a stage noticed and could not handle fully; kept with the document, never fatal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The stage that noticed it.
    pub stage: &'static str,
    /// What happened, as a sentence.
    pub message: String,
}

/// One article and everything known about it.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Facts from the input.
    pub meta: ArticleMeta,
    /// The extracted plain text: title first, then headings and paragraphs, separated by a
    /// blank line. Every span points into it.
    pub text: String,
    /// The title, heading and paragraph blocks, in order.
    pub blocks: Vec<Block>,
    /// Sentences, in order; none crosses a block.
    pub sentences: Vec<Span>,
    /// Surface tokens, in order.
    pub tokens: Vec<Token>,
    /// Syntactic words, in order.
    pub words: Vec<Word>,
    /// Named-entity mentions, in text order and never overlapping, once the entity stage ran.
    pub mentions: Vec<Mention>,
    /// Entities with their mentions, once the actor stage ran.
    pub entities: Vec<Entity>,
    /// Places, once the places stage ran.
    pub places: Vec<PlaceRef>,
    /// Coded events, once the event stage ran.
    pub events: Vec<Event>,
    /// Quotes and their speakers, once the quotes stage ran.
    pub quotes: Vec<crate::quotes::Quote>,
    /// Counts of people killed, wounded, arrested and so on, once the counts stage ran.
    pub counts: Vec<crate::counts::Count>,
    /// The article's tone, once the tone stage ran (none for an article with no words).
    pub tone: Option<crate::tone::Tone>,
    /// The detected language (ISO 639-1), once detection ran.
    pub language: Option<String>,
    /// What stages noticed.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Builds a document from blocks of text: the text is the blocks joined by a blank line,
    /// each block trimmed and with its internal white space folded to single spaces.
    /// Empty blocks are dropped.
    pub fn from_blocks<'a, I>(meta: ArticleMeta, blocks: I) -> Document
    where
        I: IntoIterator<Item = (BlockKind, &'a str)>,
    {
        let mut text = String::new();
        let mut spans = Vec::new();
        for (kind, raw) in blocks {
            let folded = fold_whitespace(raw);
            if folded.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&folded);
            spans.push(Block {
                kind,
                span: Span::new(start, text.len()),
            });
        }
        Document {
            meta,
            text,
            blocks: spans,
            ..Document::default()
        }
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Records a diagnostic.
    pub fn note(&mut self, stage: &'static str, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            stage,
            message: message.into(),
        });
    }
}

/// Trims a string and folds every run of white space (including non-breaking and zero-width
/// spaces) into one ASCII space. Control characters other than white space are dropped.
pub fn fold_whitespace(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            pending_space = !out.is_empty();
        } else if c.is_control() {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Converts byte offsets of one text into character offsets, as the JSON output needs.
pub struct CharOffsets {
    /// For every non-ASCII character: the byte offset just after it, and how many bytes beyond
    /// one per character the text holds up to there.
    marks: Vec<(usize, usize)>,
}

impl CharOffsets {
    /// Indexes a text.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut extra = 0;
        for (byte, c) in text.char_indices() {
            let len = c.len_utf8();
            if len > 1 {
                extra += len - 1;
                marks.push((byte + len, extra));
            }
        }
        CharOffsets { marks }
    }

    /// The character offset of a byte offset that lies on a character boundary.
    pub fn char_of(&self, byte: usize) -> usize {
        let before = self.marks.partition_point(|&(end, _)| end <= byte);
        let extra = if before == 0 {
            0
        } else {
            self.marks[before - 1].1
        };
        byte - extra
    }

    /// A span in character offsets.
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_of(span.start), self.char_of(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "a\u{2019}b \u{1F600}c\u{e9}";
        let offsets = CharOffsets::new(text);
        for (char_index, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_of(byte), char_index);
        }
        assert_eq!(offsets.char_of(text.len()), text.chars().count());
    }

    #[test]
    fn from_blocks_joins_with_blank_lines_and_folds_space() {
        let doc = Document::from_blocks(
            ArticleMeta::default(),
            [
                (BlockKind::Title, "  A  title\n"),
                (BlockKind::Paragraph, ""),
                (BlockKind::Paragraph, "First\u{a0}para."),
            ],
        );
        assert_eq!(doc.text, "A title\n\nFirst para.");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.slice(doc.blocks[1].span), "First para.");
    }
}
