//! Scoring the entity stage against gold named entities: CoNLL-2003 (IOB1), UNER (IOB2) and
//! re3d (JSON Lines with character offsets).
//!
//! Gold token files are turned back into documents (tokens joined by spaces, one block per
//! sentence), segmented and tagged by a [`Recognizer`]; the system's mentions and the gold
//! entities are compared as byte spans with their labels, exact span and type, per label and
//! overall. Our finer kinds are scored as the gold scheme knows them: GPE, LOC and FAC as LOC;
//! NORP and EVENT as MISC for CoNLL-2003 and not at all for UNER. This module also reads the
//! UNER files the tagger is trained on. Callers read the files; this module parses and scores.

use std::collections::{BTreeMap, HashSet};

use crate::document::{ArticleMeta, Block, BlockKind, Document, EntityType, Span};
use crate::error::{Error, Location, Result};
use crate::eval::segment::Counts;
use crate::ner::Recognizer;
use crate::ner::model::TrainingSentence;

/// The gold schemes we read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// CoNLL-2003: PER, ORG, LOC, MISC in IOB1, four space-separated columns.
    Conll2003,
    /// UNER: PER, ORG, LOC in IOB2, tab-separated (`OTH` and stray `B-O` read as O).
    Iob2,
    /// re3d: Person, Organisation, Location (and other types, not scored).
    Re3d,
}

impl Scheme {
    /// The label a system mention is scored as, or `None` when the scheme ignores its kind.
    pub fn label(self, kind: EntityType) -> Option<&'static str> {
        match (self, kind.conll_label()) {
            (Scheme::Conll2003, label) => Some(label),
            (Scheme::Iob2, "MISC") => None,
            (Scheme::Iob2, label) => Some(label),
            (Scheme::Re3d, "PER") => Some("Person"),
            (Scheme::Re3d, "ORG") => Some("Organisation"),
            (Scheme::Re3d, "LOC") => Some("Location"),
            (Scheme::Re3d, _) => None,
        }
    }

    /// The gold labels that are scored.
    fn scored(self, label: &str) -> bool {
        match self {
            Scheme::Conll2003 => matches!(label, "PER" | "ORG" | "LOC" | "MISC"),
            Scheme::Iob2 => matches!(label, "PER" | "ORG" | "LOC"),
            Scheme::Re3d => matches!(label, "Person" | "Organisation" | "Location"),
        }
    }
}

/// A sentence of gold tokens and its entities (word ranges with labels), and its `sent_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldSentence {
    /// The `# sent_id` comment, when there is one.
    pub sent_id: Option<String>,
    /// The tokens.
    pub words: Vec<String>,
    /// The entities: `[start, end)` token ranges and labels.
    pub entities: Vec<(usize, usize, String)>,
}

impl GoldSentence {
    /// The sentence as training material.
    pub fn to_training(&self) -> TrainingSentence {
        TrainingSentence {
            words: self.words.clone(),
            entities: self.entities.clone(),
        }
    }
}

/// Reads a CoNLL-2003 or IOB2 file into documents of sentences. A CoNLL-2003 document starts
/// at `-DOCSTART-`; an IOB2 one at `# newdoc`.
pub fn read_iob(text: &str, file: &str, scheme: Scheme) -> Result<Vec<Vec<GoldSentence>>> {
    let mut docs: Vec<Vec<GoldSentence>> = vec![Vec::new()];
    let mut sentence = GoldSentence::default();
    let mut tags: Vec<String> = Vec::new();
    let flush =
        |docs: &mut Vec<Vec<GoldSentence>>, s: &mut GoldSentence, tags: &mut Vec<String>| {
            if !s.words.is_empty() {
                s.entities = entities_of(tags, scheme);
                if let Some(doc) = docs.last_mut() {
                    doc.push(std::mem::take(s));
                }
            }
            *s = GoldSentence::default();
            tags.clear();
        };
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r').trim_start_matches('\u{feff}');
        let bad = |why: String| Error::Malformed(Location::line(file, index + 1), why);
        if line.trim().is_empty() {
            flush(&mut docs, &mut sentence, &mut tags);
            continue;
        }
        if scheme == Scheme::Iob2 && line.starts_with('#') {
            let comment = line.trim_start_matches('#').trim();
            if comment.starts_with("newdoc") {
                flush(&mut docs, &mut sentence, &mut tags);
                if docs.last().is_some_and(|d| !d.is_empty()) {
                    docs.push(Vec::new());
                }
            } else if let Some(id) = comment.strip_prefix("sent_id") {
                sentence.sent_id = Some(id.trim_start_matches([' ', '=']).trim().to_string());
            }
            continue;
        }
        let (word, tag) = match scheme {
            Scheme::Conll2003 => {
                let cols: Vec<&str> = line.split(' ').collect();
                if cols[0] == "-DOCSTART-" {
                    flush(&mut docs, &mut sentence, &mut tags);
                    if docs.last().is_some_and(|d| !d.is_empty()) {
                        docs.push(Vec::new());
                    }
                    continue;
                }
                if cols.len() != 4 {
                    return Err(bad(format!(
                        "expected 4 space-separated columns, found {}",
                        cols.len()
                    )));
                }
                (cols[0], cols[3])
            }
            _ => {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() < 3 {
                    return Err(bad(format!(
                        "expected at least 3 tab-separated columns, found {}",
                        cols.len()
                    )));
                }
                (cols[1], cols[2])
            }
        };
        if tag != "O" && !(tag.starts_with("B-") || tag.starts_with("I-")) {
            return Err(bad(format!("unknown tag {tag:?}")));
        }
        sentence.words.push(word.to_string());
        tags.push(tag.to_string());
    }
    flush(&mut docs, &mut sentence, &mut tags);
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

/// Entities from IOB1 or IOB2 tags: `B-X` always starts one, `I-X` continues an entity of the
/// same type or starts one. Labels the scheme does not score (`OTH`, `O`) are left out.
fn entities_of(tags: &[String], scheme: Scheme) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (begin, label) = match tag.split_once('-') {
            Some((b, label)) => (b == "B", label),
            None => (false, "O"),
        };
        let continues = !begin && open.as_ref().is_some_and(|(_, l)| l == label);
        if !continues {
            if let Some((start, l)) = open.take() {
                out.push((start, i, l));
            }
            if label != "O" {
                open = Some((i, label.to_string()));
            }
        }
    }
    if let Some((start, l)) = open {
        out.push((start, tags.len(), l));
    }
    out.retain(|(_, _, l)| scheme.scored(l));
    out
}

/// Entity-level figures, per label and overall.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NerScores {
    /// Counts per label.
    pub by_label: BTreeMap<String, Counts>,
    /// Counts over all labels.
    pub overall: Counts,
    /// Documents scored.
    pub documents: usize,
    /// Gold tokens (for re3d, white-space separated words) tagged.
    pub tokens: usize,
    /// The mistakes: gold entities missed and system entities not in the gold, in order.
    pub errors: Vec<NerMistake>,
}

/// One mistake of the system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NerMistake {
    /// True for a gold entity the system missed, false for a system entity not in the gold.
    pub missed: bool,
    /// The label.
    pub label: String,
    /// The text of the entity.
    pub text: String,
}

impl NerScores {
    fn add(&mut self, label: &str, gold: usize, system: usize, correct: usize) {
        let c = self.by_label.entry(label.to_string()).or_default();
        c.gold += gold;
        c.system += system;
        c.correct += correct;
        self.overall.gold += gold;
        self.overall.system += system;
        self.overall.correct += correct;
    }

    /// Records the mistakes of one document.
    fn note_errors(
        &mut self,
        doc: &Document,
        gold: &HashSet<(Span, String)>,
        system: &HashSet<(Span, String)>,
    ) {
        let mut found: Vec<(Span, bool, &String)> = gold
            .iter()
            .filter(|item| !system.contains(*item))
            .map(|(span, label)| (*span, true, label))
            .chain(
                system
                    .iter()
                    .filter(|item| !gold.contains(*item))
                    .map(|(span, label)| (*span, false, label)),
            )
            .collect();
        found.sort();
        self.errors
            .extend(found.into_iter().map(|(span, missed, label)| NerMistake {
                missed,
                label: label.clone(),
                text: doc.slice(span).to_string(),
            }));
    }

    /// Adds the comparison of one document's gold and system spans.
    fn compare(&mut self, gold: &HashSet<(Span, String)>, system: &HashSet<(Span, String)>) {
        let mut labels: Vec<&String> = gold.iter().chain(system).map(|(_, l)| l).collect();
        labels.sort();
        labels.dedup();
        for label in labels {
            let g = gold.iter().filter(|(_, l)| l == label).count();
            let s = system.iter().filter(|(_, l)| l == label).count();
            let c = system
                .iter()
                .filter(|item| &item.1 == label && gold.contains(*item))
                .count();
            self.add(label, g, s, c);
        }
    }
}

/// The system's mentions of a tagged document as labelled spans of the scheme.
fn system_spans(doc: &Document, scheme: Scheme) -> HashSet<(Span, String)> {
    doc.mentions
        .iter()
        .filter_map(|m| Some((m.span, scheme.label(m.kind)?.to_string())))
        .collect()
}

/// Builds a document from gold sentences (tokens joined by spaces, one block per sentence);
/// returns it with the byte span of every token.
pub fn document_of(sentences: &[GoldSentence]) -> (Document, Vec<Vec<Span>>) {
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut spans = Vec::new();
    for s in sentences {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        let mut token_spans = Vec::with_capacity(s.words.len());
        for (i, w) in s.words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let at = text.len();
            text.push_str(w);
            token_spans.push(Span::new(at, text.len()));
        }
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            span: Span::new(start, text.len()),
        });
        spans.push(token_spans);
    }
    let doc = Document {
        meta: ArticleMeta::default(),
        text,
        blocks,
        language: Some("en".to_string()),
        ..Document::default()
    };
    (doc, spans)
}

/// Tags gold token documents with `recognizer` and scores them.
pub fn score_iob(docs: &[Vec<GoldSentence>], scheme: Scheme, recognizer: &Recognizer) -> NerScores {
    let mut scores = NerScores::default();
    for sentences in docs {
        let (mut doc, token_spans) = document_of(sentences);
        crate::segment::segment(&mut doc);
        recognizer.annotate(&mut doc);
        let mut gold = HashSet::new();
        for (s, spans) in sentences.iter().zip(&token_spans) {
            scores.tokens += s.words.len();
            for (start, end, label) in &s.entities {
                if *end > spans.len() || start >= end {
                    continue;
                }
                gold.insert((
                    Span::new(spans[*start].start, spans[*end - 1].end),
                    label.clone(),
                ));
            }
        }
        let system = system_spans(&doc, scheme);
        scores.note_errors(&doc, &gold, &system);
        scores.compare(&gold, &system);
        scores.documents += 1;
    }
    scores
}

/// One re3d document: its text and its gold entities as character ranges with a type.
#[derive(Debug, Clone, Default)]
pub struct Re3dDocument {
    /// The `_id`.
    pub id: String,
    /// The text.
    pub text: String,
    /// Entities: character `[begin, end)` and type.
    pub entities: Vec<(usize, usize, String)>,
}

/// The JSON values of a JSON Lines text (`file` names it in errors); blank lines are skipped.
pub(crate) fn json_lines(text: &str, file: &str) -> Result<Vec<serde_json::Value>> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        out.push(serde_json::from_str(line).map_err(|e| {
            Error::Malformed(Location::line(file, index + 1), format!("bad JSON: {e}"))
        })?);
    }
    Ok(out)
}

/// One line of a re3d `documents.json`: its `_id`, its title (empty when it has none) and
/// its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Re3dRecord {
    /// The `_id`, as written.
    pub id: String,
    /// The `title`, or empty.
    pub title: String,
    /// The `text`.
    pub text: String,
}

/// Reads a re3d `documents.json` (`file` names it in errors); a line that is not a JSON
/// object with `_id` and `text` is an error naming its file and line. This is the one reader
/// of these files, shared by the entity and the actor evaluations.
pub(crate) fn re3d_documents(text: &str, file: &str) -> Result<Vec<Re3dRecord>> {
    let mut out = Vec::new();
    for (i, v) in json_lines(text, file)?.into_iter().enumerate() {
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let (Some(id), Some(text)) = (field("_id"), field("text")) else {
            return Err(Error::Malformed(
                Location::line(file, i + 1),
                "a document needs _id and text".to_string(),
            ));
        };
        let title = field("title").unwrap_or_default();
        out.push(Re3dRecord { id, title, text });
    }
    Ok(out)
}

/// Reads a re3d folder's `documents.json` and `entities.json` (given as text with their
/// names). Entities of documents that are missing are errors.
pub fn read_re3d(
    documents: &str,
    documents_name: &str,
    entities: &str,
    entities_name: &str,
) -> Result<Vec<Re3dDocument>> {
    let mut docs: Vec<Re3dDocument> = re3d_documents(documents, documents_name)?
        .into_iter()
        .map(|r| Re3dDocument {
            id: r.id,
            text: r.text,
            entities: Vec::new(),
        })
        .collect();
    for (i, v) in json_lines(entities, entities_name)?.into_iter().enumerate() {
        let bad =
            |why: &str| Error::Malformed(Location::line(entities_name, i + 1), why.to_string());
        let doc_id = v
            .get("documentId")
            .and_then(|x| x.as_str())
            .ok_or_else(|| bad("an entity needs documentId"))?;
        let begin = v.get("begin").and_then(|x| x.as_u64());
        let end = v.get("end").and_then(|x| x.as_u64());
        let kind = v.get("type").and_then(|x| x.as_str());
        let (Some(begin), Some(end), Some(kind)) = (begin, end, kind) else {
            return Err(bad("an entity needs begin, end and type"));
        };
        let doc = docs
            .iter_mut()
            .find(|d| d.id == doc_id)
            .ok_or_else(|| bad("the entity's document is not in documents.json"))?;
        doc.entities
            .push((begin as usize, end as usize, kind.to_string()));
    }
    Ok(docs)
}

/// Tags re3d documents with `recognizer` and scores Person, Organisation and Location.
pub fn score_re3d(docs: &[Re3dDocument], recognizer: &Recognizer) -> NerScores {
    let mut scores = NerScores::default();
    for d in docs {
        // Each line is a block, so offsets into the text stay as they are.
        let mut blocks = Vec::new();
        let mut at = 0;
        for line in d.text.split('\n') {
            let trimmed = line.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            if !trimmed.trim().is_empty() {
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(at + lead, at + trimmed.len()),
                });
            }
            at += line.len() + 1;
        }
        let mut doc = Document {
            text: d.text.clone(),
            blocks,
            language: Some("en".to_string()),
            ..Document::default()
        };
        crate::segment::segment(&mut doc);
        recognizer.annotate(&mut doc);
        // Character offsets to byte offsets.
        let mut bytes: Vec<usize> = d.text.char_indices().map(|(b, _)| b).collect();
        bytes.push(d.text.len());
        let gold: HashSet<(Span, String)> = d
            .entities
            .iter()
            .filter(|(b, e, kind)| Scheme::Re3d.scored(kind) && b < e && *e < bytes.len())
            .map(|(b, e, kind)| (Span::new(bytes[*b], bytes[*e]), kind.clone()))
            .collect();
        scores.tokens += d.text.split_whitespace().count();
        let system = system_spans(&doc, Scheme::Re3d);
        scores.note_errors(&doc, &gold, &system);
        scores.compare(&gold, &system);
        scores.documents += 1;
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONLL: &str = "-DOCSTART- -X- -X- O\n\nPeter NNP I-NP I-PER\nSmith NNP I-NP I-PER\nvisited VBD I-VP O\nGerman JJ I-NP I-MISC\nBonn NNP I-NP I-LOC\nCologne NNP I-NP B-LOC\n. . O O\n\n-DOCSTART- -X- -X- O\n\nHi UH O O\n";

    #[test]
    fn conll_iob1_entities_and_documents() {
        let docs = read_iob(CONLL, "t.conll", Scheme::Conll2003).unwrap();
        assert_eq!(docs.len(), 2);
        let s = &docs[0][0];
        assert_eq!(
            s.entities,
            vec![
                (0, 2, "PER".to_string()),
                (3, 4, "MISC".to_string()),
                (4, 5, "LOC".to_string()),
                (5, 6, "LOC".to_string())
            ]
        );
    }

    #[test]
    fn uner_iob2_maps_oth_and_stray_b_o_to_nothing() {
        let text = "# sent_id = s1\n1\tSyrian\tB-OTH\t-\tx\n2\tforces\tB-O\n3\tleft\tO\n4\tAleppo\tB-LOC\t-\tx\n";
        let docs = read_iob(text, "t.iob2", Scheme::Iob2).unwrap();
        assert_eq!(docs[0][0].sent_id.as_deref(), Some("s1"));
        assert_eq!(docs[0][0].entities, vec![(3, 4, "LOC".to_string())]);
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let err = read_iob("Peter NNP I-PER\n", "bad.conll", Scheme::Conll2003).unwrap_err();
        assert!(err.to_string().starts_with("bad.conll:1:"), "{err}");
        let err = read_iob("1\tPeter\tX-PER\n", "bad.iob2", Scheme::Iob2).unwrap_err();
        assert!(err.to_string().contains("bad.iob2:1"), "{err}");
    }

    #[test]
    fn documents_keep_token_offsets() {
        let docs = read_iob(CONLL, "t.conll", Scheme::Conll2003).unwrap();
        let (doc, spans) = document_of(&docs[0]);
        assert_eq!(doc.slice(spans[0][1]), "Smith");
        assert_eq!(doc.slice(spans[0][5]), "Cologne");
    }

    #[test]
    fn finer_kinds_are_scored_as_the_scheme_knows_them() {
        assert_eq!(Scheme::Conll2003.label(EntityType::Fac), Some("LOC"));
        assert_eq!(Scheme::Conll2003.label(EntityType::Norp), Some("MISC"));
        assert_eq!(Scheme::Iob2.label(EntityType::Event), None);
        assert_eq!(Scheme::Re3d.label(EntityType::Gpe), Some("Location"));
    }

    #[test]
    fn re3d_reads_bom_lines_and_char_offsets() {
        let docs = "\u{feff}{\"_id\":\"d1\",\"text\":\"Caf\u{e9} in Syria.\"}\n";
        let ents = "\u{feff}{\"documentId\":\"d1\",\"begin\":8,\"end\":13,\"type\":\"Location\"}\n";
        let read = read_re3d(docs, "documents.json", ents, "entities.json").unwrap();
        assert_eq!(read[0].entities, vec![(8, 13, "Location".to_string())]);
        let bad = read_re3d(
            docs,
            "documents.json",
            "{\"documentId\":\"d2\",\"begin\":1,\"end\":2,\"type\":\"X\"}",
            "entities.json",
        );
        assert!(bad.is_err());
    }
}
