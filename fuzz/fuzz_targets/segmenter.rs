//! Fuzzes the segmenter on arbitrary text blocks: it must never panic, and every sentence,
//! token and word must be a non-empty range on character boundaries inside its block.
#![no_main]

use dyad_core::document::{ArticleMeta, BlockKind, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let blocks = text.split("\n\n").map(|b| (BlockKind::Paragraph, b));
    let mut doc = Document::from_blocks(ArticleMeta::default(), blocks);
    dyad_core::segment::segment(&mut doc);
    for span in doc.sentences.iter().chain(doc.tokens.iter().map(|t| &t.span)).chain(doc.words.iter().map(|w| &w.span)) {
        assert!(span.start < span.end, "empty span");
        assert!(doc.text.get(span.range()).is_some(), "span off char boundaries");
        assert!(doc.blocks.iter().any(|b| b.span.contains(*span)), "span crosses a block");
    }
});
