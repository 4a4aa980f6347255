//! The entity stage: finds the names of people, organisations, places, groups and events.
//!
//! It reads the words of each sentence ([`Document::words`]) and fills
//! [`Document::mentions`] with typed byte spans. A statistical tagger ([`model`]: averaged
//! perceptron over BILOU labels, trained on UNER English EWT) finds PER, ORG and LOC names
//! from the words, their shapes and contexts and [`gazetteer`] matches ([`features`]); the
//! [`rules`] then give the finer kinds (GPE, NORP, FAC, EVENT) and clean the span edges.
//! The bundled model is embedded in the binary and loaded once, on first use. This stage does
//! not resolve mentions to actors or link mentions of the same entity; later stages do.

pub mod features;
pub mod gazetteer;
pub mod model;
pub mod rules;

use std::sync::OnceLock;

use crate::document::{Document, Mention, Span};
use crate::error::Result;
use gazetteer::Gazetteer;
use model::Model;
use rules::TypedSpan;

/// The bundled model (`models/ner.bin`), trained by `dyad train ner`.
const BUNDLED_MODEL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ner.bin"));

/// A model and the gazetteer it was trained with: everything needed to find entities.
#[derive(Debug, Clone)]
pub struct Recognizer {
    model: Model,
    gazetteer: Gazetteer,
}

impl Recognizer {
    /// A recognizer from a model and its gazetteer.
    pub fn new(model: Model, gazetteer: Gazetteer) -> Self {
        Recognizer { model, gazetteer }
    }

    /// A recognizer from model bytes and the bundled gazetteer; `name` names the model in
    /// errors.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Self> {
        Ok(Recognizer::new(
            Model::from_bytes(bytes, name)?,
            Gazetteer::bundled(),
        ))
    }

    /// The bundled recognizer, loaded on first use. The error says why there is none (no model
    /// was bundled, or it is damaged).
    pub fn bundled() -> std::result::Result<&'static Recognizer, &'static str> {
        static BUNDLED: OnceLock<std::result::Result<Recognizer, String>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                if BUNDLED_MODEL.is_empty() {
                    return Err("no entity model is bundled with this build".to_string());
                }
                Recognizer::from_bytes(BUNDLED_MODEL, "models/ner.bin").map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(String::as_str)
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Finds the entities of one sentence, given as its words.
    pub fn sentence(&self, words: &[&str]) -> Vec<TypedSpan> {
        let spans: Vec<TypedSpan> = self
            .model
            .tag(words, &self.gazetteer)
            .into_iter()
            .map(|s| TypedSpan {
                start: s.start,
                end: s.end,
                kind: rules::base_kind(&self.model.types()[s.kind]),
            })
            .collect();
        rules::apply(words, &spans, &self.gazetteer)
    }

    /// Finds the entities of the sentences of one document, given as their words, and makes
    /// them consistent across the document.
    pub fn sentences(&self, sentences: &[Vec<&str>]) -> Vec<Vec<TypedSpan>> {
        let mut found: Vec<Vec<TypedSpan>> = sentences.iter().map(|w| self.sentence(w)).collect();
        rules::harmonize(sentences, &mut found);
        rules::first_names(sentences, &mut found, &self.gazetteer);
        found
    }

    /// Finds the entities of every sentence of a document, replacing its mentions.
    pub fn annotate(&self, doc: &mut Document) {
        doc.mentions.clear();
        // The word ranges of the sentences.
        let mut ranges = Vec::new();
        let mut first = 0;
        while first < doc.words.len() {
            let sentence = doc.words[first].sentence;
            let mut end = first;
            while end < doc.words.len() && doc.words[end].sentence == sentence {
                end += 1;
            }
            ranges.push(first..end);
            first = end;
        }
        let sentences: Vec<Vec<&str>> = ranges
            .iter()
            .map(|r| {
                doc.words[r.clone()]
                    .iter()
                    .map(|w| doc.text.get(w.span.range()).unwrap_or(""))
                    .collect()
            })
            .collect();
        let found = self.sentences(&sentences);
        let mut mentions = Vec::new();
        for (range, spans) in ranges.iter().zip(found) {
            for s in spans {
                let span = Span::new(
                    doc.words[range.start + s.start].span.start,
                    doc.words[range.start + s.end - 1].span.end,
                );
                let span = trim_possessive(&doc.text, span);
                if !span.is_empty() {
                    mentions.push(Mention { span, kind: s.kind });
                }
            }
        }
        doc.mentions = mentions;
    }
}

/// The IOB2 tag of every word of a sentence from its entities, with the CoNLL-2003 labels
/// (`B-PER`, `I-LOC`, `B-MISC`, ...; `O` outside names), as `dyad parse` writes them.
pub fn iob2_tags(words: usize, spans: &[TypedSpan]) -> Vec<String> {
    let mut out = vec!["O".to_string(); words];
    for s in spans {
        let label = s.kind.conll_label();
        for (i, tag) in out
            .iter_mut()
            .enumerate()
            .take(s.end.min(words))
            .skip(s.start)
        {
            let part = if i == s.start { "B" } else { "I" };
            *tag = format!("{part}-{label}");
        }
    }
    out
}

/// The IOB2 tag of every word of a document from its mentions (see [`iob2_tags`]).
pub fn document_iob2_tags(doc: &Document) -> Vec<String> {
    let mut out = vec!["O".to_string(); doc.words.len()];
    for m in &doc.mentions {
        let label = m.kind.conll_label();
        let first = doc.words.partition_point(|w| w.span.start < m.span.start);
        for (i, w) in doc.words.iter().enumerate().skip(first) {
            if w.span.start >= m.span.end {
                break;
            }
            let part = if i == first { "B" } else { "I" };
            out[i] = format!("{part}-{label}");
        }
    }
    out
}

/// Cuts a possessive ending that the tokenizer left on a name (`Sharaa’s` → `Sharaa`).
fn trim_possessive(text: &str, span: Span) -> Span {
    let slice = &text[span.range()];
    for ending in ["’s", "'s", "’S", "'S"] {
        if let Some(stem) = slice.strip_suffix(ending)
            && !stem.is_empty()
        {
            return Span::new(span.start, span.start + stem.len());
        }
    }
    span
}

/// The entity stage over a document, with the bundled model. Without a usable model the
/// mentions stay empty and a diagnostic says why.
pub fn recognize(doc: &mut Document) {
    match Recognizer::bundled() {
        Ok(recognizer) => recognizer.annotate(doc),
        Err(why) => {
            doc.mentions.clear();
            doc.note("ner", why);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob2_tags_use_the_conll_labels() {
        let spans = [
            TypedSpan {
                start: 0,
                end: 2,
                kind: crate::document::EntityType::Person,
            },
            TypedSpan {
                start: 3,
                end: 4,
                kind: crate::document::EntityType::Norp,
            },
        ];
        assert_eq!(iob2_tags(5, &spans), ["B-PER", "I-PER", "O", "B-MISC", "O"]);
    }

    #[test]
    fn possessive_endings_are_trimmed() {
        let text = "Al Sharaa’s trip";
        assert_eq!(trim_possessive(text, Span::new(0, 13)), Span::new(0, 9));
        assert_eq!(trim_possessive(text, Span::new(0, 9)), Span::new(0, 9));
    }
}
