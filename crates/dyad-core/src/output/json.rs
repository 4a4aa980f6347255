//! The coded-article JSON (`dyad.article/1`, see `shared/spec/article-json.md`).
//!
//! Converts a [`Document`]'s byte spans into the character offsets the format uses. Stages
//! that are not built yet leave their arrays empty (and `tone` null); nothing is invented.

use serde::Serialize;
use serde_json::Value;

use crate::document::{BlockKind, CharOffsets, Document, Span};

/// The schema string written in every article.
pub const SCHEMA: &str = "dyad.article/1";

/// What to include beyond the fixed fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonOptions {
    /// Adds `tokens` (surface tokens) and `words` (with their tags, once tagged).
    pub tokens: bool,
    /// Adds `diagnostics`.
    pub diagnostics: bool,
}

#[derive(Serialize)]
struct Article<'a> {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    input_id: Option<&'a str>,
    language: &'a str,
    pipeline: &'a str,
}

#[derive(Serialize)]
struct Range {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct BlockOut {
    kind: BlockKind,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: String,
    name: &'a str,
    #[serde(rename = "type")]
    kind: crate::document::EntityType,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<&'a str>,
    mentions: Vec<Range>,
}

#[derive(Serialize)]
struct PlaceOut<'a> {
    name: &'a str,
    country: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    geonames: Option<u32>,
    mentions: Vec<Range>,
}

#[derive(Serialize)]
struct WordOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    sentence: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    lemma: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    upos: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    xpos: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    head: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deprel: Option<&'a str>,
}

/// Renders a document as a coded-article JSON value.
pub fn to_value(doc: &Document, pipeline: &str, options: JsonOptions) -> Value {
    let offsets = CharOffsets::new(&doc.text);
    let range = |span: Span| {
        let (start, end) = offsets.chars(span);
        Range { start, end }
    };
    let article = Article {
        id: crate::input::article_id(&doc.text),
        title: doc.meta.title.as_deref(),
        published: doc.meta.published.as_deref(),
        source: doc.meta.source.as_deref(),
        url: doc.meta.url.as_deref(),
        input_id: doc.meta.input_id.as_deref(),
        language: doc.language.as_deref().unwrap_or("und"),
        pipeline,
    };
    let blocks: Vec<BlockOut> = doc
        .blocks
        .iter()
        .map(|b| {
            let r = range(b.span);
            BlockOut {
                kind: b.kind,
                start: r.start,
                end: r.end,
            }
        })
        .collect();
    let sentences: Vec<Range> = doc.sentences.iter().map(|s| range(*s)).collect();
    let mut entities: Vec<EntityOut> = doc
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| EntityOut {
            id: format!("E{}", i + 1),
            name: &e.name,
            kind: e.kind,
            code: e.code.as_deref(),
            country: e.country(),
            role: e.role(),
            basis: e.basis.as_deref(),
            mentions: e.mentions.iter().map(|m| range(*m)).collect(),
        })
        .collect();
    // Names the entity tagger found that no actor covers follow, one entity per mention
    // (linking mentions of one unresolved entity is coreference's job).
    let covered = |span: Span| {
        doc.entities
            .iter()
            .flat_map(|e| &e.mentions)
            .any(|m| m.start < span.end && span.start < m.end)
    };
    let first_free = entities.len();
    entities.extend(
        doc.mentions
            .iter()
            .filter(|m| !covered(m.span))
            .enumerate()
            .map(|(i, m)| EntityOut {
                id: format!("E{}", first_free + i + 1),
                name: doc.slice(m.span),
                kind: m.kind,
                code: None,
                country: None,
                role: None,
                basis: None,
                mentions: vec![range(m.span)],
            }),
    );
    let actor = |a: &crate::document::EventActor| {
        let r = range(a.span);
        serde_json::json!({
            "entity": format!("E{}", a.entity + 1),
            "code": a.code,
            "start": r.start,
            "end": r.end,
        })
    };
    let events: Vec<Value> = doc
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let t = range(e.trigger);
            serde_json::json!({
                "id": format!("V{}", i + 1),
                "sentence": e.sentence,
                "trigger": {"start": t.start, "end": t.end},
                "source": actor(&e.source),
                "target": e.target.as_ref().map(actor),
                "cameo": e.cameo,
                "plover": e.plover,
                "mode": e.mode,
                "context": e.context,
                "quad_class": e.quad_class,
                "goldstein": e.goldstein,
                "status": e.status.name(),
                "historical": e.historical,
                "date": e.date,
                "rule": e.rule,
                "confidence": e.confidence,
                "location": e.location.as_ref().map(|p| {
                    let r = range(p.span);
                    serde_json::json!({
                        "name": p.name,
                        "country": p.country,
                        "lat": p.coordinates.map(|c| c.0),
                        "lon": p.coordinates.map(|c| c.1),
                        "start": r.start,
                        "end": r.end,
                    })
                }),
                "reported_by": e.reported_by.as_ref().map(actor),
                "implied_source": e.implied_source,
            })
        })
        .collect();
    let quotes: Vec<Value> = doc
        .quotes
        .iter()
        .map(|q| {
            let r = range(q.span);
            let speaker = q.speaker.map(|sp| {
                let (rs, re) = offsets.chars(sp.refers);
                // The entity whose mention covers the speaker's words (or overlaps them).
                let entity = entities
                    .iter()
                    .find(|e| e.mentions.iter().any(|m| m.start <= rs && re <= m.end))
                    .or_else(|| {
                        entities
                            .iter()
                            .find(|e| e.mentions.iter().any(|m| m.start < re && rs < m.end))
                    })
                    .map(|e| e.id.clone());
                let s = range(sp.span);
                serde_json::json!({"entity": entity, "start": s.start, "end": s.end})
            });
            let cue = q.cue.map(|c| {
                let c = range(c);
                serde_json::json!({"start": c.start, "end": c.end})
            });
            serde_json::json!({
                "start": r.start,
                "end": r.end,
                "speaker": speaker,
                "cue": cue,
                "direct": q.direct,
            })
        })
        .collect();
    let mut value = serde_json::json!({
        "schema": SCHEMA,
        "article": article,
        "text": doc.text,
        "blocks": blocks,
        "sentences": sentences,
        "entities": entities,
        "events": events,
        "quotes": quotes,
        "locations": doc
            .places
            .iter()
            .map(|p| PlaceOut {
                name: &p.name,
                country: &p.country,
                lat: p.coordinates.map(|c| c.0),
                lon: p.coordinates.map(|c| c.1),
                geonames: p.geonames,
                mentions: p.mentions.iter().map(|m| range(*m)).collect(),
            })
            .collect::<Vec<_>>(),
        "counts": doc
            .counts
            .iter()
            .map(|c| {
                let r = range(c.span);
                serde_json::json!({
                    "kind": c.kind.name(),
                    // Whole numbers are written as integers, as the format shows them.
                    "value": if c.value.fract() == 0.0 && c.value.abs() < 1e15 {
                        serde_json::json!(c.value as i64)
                    } else {
                        serde_json::json!(c.value)
                    },
                    "approximate": c.approximate,
                    "object": c.object.map(|o| doc.slice(o)),
                    "event": c.event.map(|e| format!("V{}", e + 1)),
                    "start": r.start,
                    "end": r.end,
                })
            })
            .collect::<Vec<_>>(),
        "tone": doc.tone.map(|t| serde_json::json!({
            "score": t.score,
            "positive": t.positive,
            "negative": t.negative,
            "words": t.words,
            "compound": t.compound,
        })),
    });
    if options.tokens {
        let tokens: Vec<Range> = doc.tokens.iter().map(|t| range(t.span)).collect();
        let words: Vec<WordOut> = doc
            .words
            .iter()
            .map(|w| {
                let r = range(w.span);
                WordOut {
                    start: r.start,
                    end: r.end,
                    text: doc.slice(w.span),
                    sentence: w.sentence,
                    lemma: w.lemma.as_deref(),
                    upos: w.upos.as_deref(),
                    xpos: w.xpos.as_deref(),
                    head: w.head,
                    deprel: w.deprel.as_deref(),
                }
            })
            .collect();
        value["tokens"] = serde_json::json!(tokens);
        value["words"] = serde_json::json!(words);
    }
    if options.diagnostics {
        value["diagnostics"] = serde_json::json!(doc.diagnostics);
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ArticleMeta;

    #[test]
    fn offsets_are_characters() {
        let mut doc = Document::from_blocks(
            ArticleMeta::default(),
            [
                (BlockKind::Title, "Caf\u{e9} talks"),
                (BlockKind::Paragraph, "\u{201c}Yes,\u{201d} he said."),
            ],
        );
        crate::Pipeline::default().run(&mut doc);
        let v = to_value(
            &doc,
            "test",
            JsonOptions {
                tokens: true,
                diagnostics: false,
            },
        );
        let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        for list in ["blocks", "sentences", "tokens", "words"] {
            for item in v[list].as_array().unwrap() {
                let (s, e) = (
                    item["start"].as_u64().unwrap() as usize,
                    item["end"].as_u64().unwrap() as usize,
                );
                assert!(s <= e && e <= text.len(), "{list}: {item}");
            }
        }
        assert_eq!(v["blocks"][1]["start"], 12);
        assert_eq!(v["quotes"][0]["start"], 13);
        assert_eq!(v["quotes"][0]["end"], 16);
        for key in ["events", "counts"] {
            assert_eq!(v[key], serde_json::json!([]));
        }
    }
}
