//! Events: who did what to whom, coded in CAMEO (and mapped to PLOVER) over the dependency
//! parse, each explained by the pattern that fired.
//!
//! The patterns live in `data/events/` at the repository root, in dyad's own line format
//! (`data/events/README.md`), and are compiled into the library. [`EventDictionary`] reads
//! them; [`code::code_document`] applies them to a parsed document whose entities are
//! resolved; [`code`] is the pipeline stage and [`explain`] the text `dyad explain` prints.
//! The coder reads only `Document::words` and `Document::entities`, so it works the same on
//! gold parses (see [`document_from_conllu`]) and on the parser's output.

pub mod code;
pub mod context;
pub mod dictionary;
mod nominal;
pub mod petrarch;
pub mod tree;

#[cfg(test)]
mod tests;

pub use code::{Attempt, Outcome};
pub use dictionary::{EventDictionary, Pattern, Slot, TriggerPos};

use crate::conllu::ConlluSentence;
use crate::document::{ArticleMeta, Block, BlockKind, Document, Span, Token, Word};

/// The dictionary files compiled into dyad, as `(file name, text)` pairs in load order.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "data/events/verbal.txt",
        include_str!("../../../../data/events/verbal.txt"),
    ),
    (
        "data/events/material.txt",
        include_str!("../../../../data/events/material.txt"),
    ),
];

/// The embedded event dictionary, loaded once on first use. `Err` holds the load error's
/// message (the embedded files are tested, so this only fails on a broken build).
pub fn embedded_dictionary() -> std::result::Result<&'static EventDictionary, &'static str> {
    static DICTIONARY: std::sync::OnceLock<std::result::Result<EventDictionary, String>> =
        std::sync::OnceLock::new();
    DICTIONARY
        .get_or_init(|| EventDictionary::parse(EMBEDDED).map_err(|e| e.to_string()))
        .as_ref()
        .map_err(String::as_str)
}

/// The event stage: codes the document's events into [`Document::events`]. A document
/// without a dependency parse (before the parser stage exists) gets no events.
pub fn code(doc: &mut Document, dict: &EventDictionary) {
    let (mut events, _) = code::code_document(doc, dict);
    code::adopt_implied_sources(doc, &mut events);
    doc.events = events;
    context::annotate(doc);
    // A deal between two companies is not political (after the context pass, which may
    // have given a one-actor event its other party).
    doc.events.retain(|e| !code::between_businesses(e));
}

/// Builds a document from CoNLL-U sentences (a gold parse): the text is the sentences'
/// tokens with their spacing, one paragraph per sentence, and the words carry the file's
/// lemma, tags, heads and relations.
pub fn document_from_conllu(sentences: &[ConlluSentence], meta: ArticleMeta) -> Document {
    let mut doc = Document {
        meta,
        ..Document::default()
    };
    for (si, s) in sentences.iter().enumerate() {
        if !doc.text.is_empty() {
            doc.text.push_str("\n\n");
        }
        let start = doc.text.len();
        let first_word = doc.words.len();
        let mut word_spans = vec![Span::default(); s.words.len()];
        for (form, first, last, space) in s.tokens() {
            let t_start = doc.text.len();
            doc.text.push_str(&form);
            let t_end = doc.text.len();
            // Words of a multiword token split its span as far as their forms allow.
            let mut cursor = t_start;
            for (k, slot) in word_spans.iter_mut().enumerate().take(last + 1).skip(first) {
                let len = s.words[k].form.len();
                let end = if k == last
                    || cursor + len > t_end
                    || !form.is_char_boundary(cursor + len - t_start)
                {
                    t_end
                } else {
                    cursor + len
                };
                *slot = Span::new(cursor.min(end), end);
                cursor = end;
            }
            doc.tokens.push(Token {
                span: Span::new(t_start, t_end),
                words: (first_word + first) as u32..(first_word + last + 1) as u32,
            });
            if space {
                doc.text.push(' ');
            }
        }
        while doc.text.ends_with(' ') {
            doc.text.pop();
        }
        let end = doc.text.len();
        doc.blocks.push(Block {
            kind: BlockKind::Paragraph,
            span: Span::new(start, end),
        });
        doc.sentences.push(Span::new(start, end));
        for (k, w) in s.words.iter().enumerate() {
            let opt = |v: &str| (v != "_" && !v.is_empty()).then(|| v.to_string());
            doc.words.push(Word {
                span: word_spans[k],
                sentence: si as u32,
                lemma: opt(&w.lemma),
                upos: opt(&w.upos),
                xpos: opt(&w.xpos),
                head: (w.head > 0).then(|| (first_word + w.head - 1) as u32),
                deprel: opt(&w.deprel),
            });
        }
    }
    doc
}

/// The explanation of one sentence: its parse as a table, the actors found in it, and every
/// pattern that fired or nearly fired there, with why.
pub fn explain(doc: &Document, dict: &EventDictionary, sentence: usize) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let Some(span) = doc.sentences.get(sentence) else {
        return format!(
            "there is no sentence {sentence} (the document has {})\n",
            doc.sentences.len()
        );
    };
    let _ = writeln!(out, "sentence {sentence}: {}\n", doc.slice(*span));
    let words: Vec<usize> = (0..doc.words.len())
        .filter(|&i| doc.words[i].sentence as usize == sentence)
        .collect();
    let first = words.first().copied().unwrap_or(0);
    let _ = writeln!(out, "parse:");
    let _ = writeln!(
        out,
        "  {:>3}  {:<18} {:<14} {:<6} {:<5} {:>4}  deprel",
        "id", "form", "lemma", "upos", "xpos", "head"
    );
    for &i in &words {
        let w = &doc.words[i];
        let head = w.head.map_or(0, |h| (h as usize).saturating_sub(first) + 1);
        let _ = writeln!(
            out,
            "  {:>3}  {:<18} {:<14} {:<6} {:<5} {:>4}  {}",
            i - first + 1,
            doc.slice(w.span),
            w.lemma.as_deref().unwrap_or("_"),
            w.upos.as_deref().unwrap_or("_"),
            w.xpos.as_deref().unwrap_or("_"),
            head,
            w.deprel.as_deref().unwrap_or("_")
        );
    }
    let _ = writeln!(out, "\nactors:");
    let mut any = false;
    for ent in &doc.entities {
        for m in &ent.mentions {
            if span.contains(*m) {
                any = true;
                let _ = writeln!(
                    out,
                    "  {:<30} {:<7} {}",
                    doc.slice(*m),
                    format!("{:?}", ent.kind).to_uppercase(),
                    ent.code.as_deref().unwrap_or("(no code)")
                );
            }
        }
    }
    if !any {
        let _ = writeln!(out, "  (none)");
    }
    let (events, attempts) = code::code_document(doc, dict);
    let _ = writeln!(out, "\npatterns:");
    let mut tried = false;
    for a in attempts
        .iter()
        .filter(|a| doc.words[a.word].sentence as usize == sentence)
    {
        tried = true;
        let word = doc.slice(doc.words[a.word].span);
        let verdict = match &a.outcome {
            Outcome::Fired(list) => format!(
                "FIRED  {}",
                list.iter()
                    .map(|e| format!(
                        "{} {} {} ({})",
                        e.source.code.as_deref().unwrap_or("?"),
                        e.cameo,
                        e.target
                            .as_ref()
                            .and_then(|t| t.code.as_deref())
                            .unwrap_or("-"),
                        e.status.name()
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Outcome::Missing(why) => format!("near   missing {why}"),
            Outcome::Suppressed(why) => format!("held   {why}"),
            Outcome::Outranked(by) => format!("beaten by {by}"),
            Outcome::Discarded(why) => format!("dropped {why}"),
        };
        let _ = writeln!(out, "  {word:<14} {:<28} {verdict}", a.pattern);
    }
    if !tried {
        let _ = writeln!(out, "  (no trigger word in this sentence)");
    }
    let _ = writeln!(out, "\nevents:");
    let mut n = 0;
    for e in events.iter().filter(|e| e.sentence as usize == sentence) {
        n += 1;
        let _ = writeln!(
            out,
            "  {} {} {}  {}  [{}]",
            e.source.code.as_deref().unwrap_or("?"),
            e.cameo,
            e.target
                .as_ref()
                .and_then(|t| t.code.as_deref())
                .unwrap_or("-"),
            e.status.name(),
            e.rule
        );
    }
    if n == 0 {
        let _ = writeln!(out, "  (none)");
    }
    out
}

/// Codes gold-parsed sentences: builds the document from CoNLL-U, resolves its actors and
/// codes its events, exactly as the pipeline would after parsing.
pub fn code_conllu(sentences: &[ConlluSentence], published: Option<String>) -> Document {
    code_conllu_with(sentences, published, None)
}

/// [`code_conllu`] with this event dictionary instead of the embedded one (when `Some`).
pub fn code_conllu_with(
    sentences: &[ConlluSentence],
    published: Option<String>,
    events: Option<&EventDictionary>,
) -> Document {
    let meta = ArticleMeta {
        published,
        ..ArticleMeta::default()
    };
    let mut doc = document_from_conllu(sentences, meta);
    doc.language = Some("en".into());
    match crate::actors::embedded_dictionary() {
        Ok(actors) => crate::actors::resolve::resolve(&mut doc, actors),
        Err(e) => doc.note("actors", format!("the actor dictionary did not load: {e}")),
    }
    let dict: std::result::Result<&EventDictionary, &str> = match events {
        Some(dict) => Ok(dict),
        None => embedded_dictionary(),
    };
    match dict {
        Ok(dict) => code(&mut doc, dict),
        Err(e) => doc.note("events", format!("the event dictionary did not load: {e}")),
    }
    doc
}

/// Codes a piece of plain text (one article) with the whole pipeline.
pub fn code_text(text: &str, published: Option<String>) -> Document {
    code_text_with(text, published, &crate::Pipeline::default())
}

/// An event for tests: `source` (entity 0) does `cameo` to `target` (entity 1), with empty
/// spans and no codebook fields.
#[cfg(test)]
pub(crate) fn test_event(
    cameo: &str,
    source: &str,
    target: Option<&str>,
    status: crate::document::EventStatus,
) -> crate::document::Event {
    use crate::document::{Event, EventActor};
    Event {
        sentence: 0,
        trigger: Span::new(0, 1),
        source: EventActor {
            entity: 0,
            code: Some(source.to_string()),
            span: Span::new(0, 1),
        },
        target: target.map(|t| EventActor {
            entity: 1,
            code: Some(t.to_string()),
            span: Span::new(0, 1),
        }),
        cameo: cameo.to_string(),
        plover: None,
        mode: None,
        context: Vec::new(),
        quad_class: 0,
        goldstein: 0.0,
        status,
        historical: false,
        date: None,
        rule: String::new(),
        confidence: 0.9,
        location: None,
        reported_by: None,
        implied_source: false,
    }
}

/// [`code_text`] with this pipeline (one with the user's dictionaries).
pub fn code_text_with(
    text: &str,
    published: Option<String>,
    pipeline: &crate::Pipeline,
) -> Document {
    let meta = ArticleMeta {
        published,
        ..ArticleMeta::default()
    };
    let mut doc = Document::from_blocks(meta, [(BlockKind::Paragraph, text)]);
    pipeline.run(&mut doc);
    doc
}
