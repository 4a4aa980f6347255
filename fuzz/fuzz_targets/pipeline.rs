//! Fuzzes the whole pipeline (every stage: parse, entities, actors, coreference, places,
//! events and their context, quotes, counts, tone) on arbitrary text: it must never panic,
//! and every annotation must be a range on character boundaries inside the text.
#![no_main]

use dyad_core::document::{ArticleMeta, BlockKind, Document};
use dyad_core::pipeline::Pipeline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let meta = ArticleMeta {
        published: Some("2025-10-15".into()),
        ..ArticleMeta::default()
    };
    let blocks = text.split("\n\n").map(|b| (BlockKind::Paragraph, b));
    let mut doc = Document::from_blocks(meta, blocks);
    Pipeline::default().run(&mut doc);
    let spans = doc
        .sentences
        .iter()
        .chain(doc.words.iter().map(|w| &w.span))
        .chain(doc.entities.iter().flat_map(|e| e.mentions.iter()));
    for span in spans {
        assert!(span.start <= span.end, "reversed span");
        assert!(doc.text.get(span.range()).is_some(), "span off char boundaries");
    }
});
