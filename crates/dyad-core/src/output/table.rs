//! A readable terminal rendering of a coded document: metadata, then each block with its
//! sentences numbered, then whatever later stages found.

use std::fmt::Write;

use crate::document::{BlockKind, Document};

/// Renders a document for a terminal.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let id = crate::input::article_id(&doc.text);
    let _ = writeln!(out, "article {id}");
    let field = |name: &str, value: &Option<String>, out: &mut String| {
        if let Some(v) = value {
            let _ = writeln!(out, "  {name:<10} {v}");
        }
    };
    field("title", &doc.meta.title, &mut out);
    field("published", &doc.meta.published, &mut out);
    field("source", &doc.meta.source, &mut out);
    field("url", &doc.meta.url, &mut out);
    field("language", &doc.language, &mut out);
    let _ = writeln!(
        out,
        "  {:<10} {} blocks, {} sentences, {} tokens",
        "size",
        doc.blocks.len(),
        doc.sentences.len(),
        doc.tokens.len()
    );
    for d in &doc.diagnostics {
        let _ = writeln!(out, "  note       [{}] {}", d.stage, d.message);
    }
    let mut sentence = 0;
    for block in &doc.blocks {
        let label = match block.kind {
            BlockKind::Title => "TITLE",
            BlockKind::Heading => "HEADING",
            BlockKind::Paragraph => "PARAGRAPH",
        };
        let _ = writeln!(out, "\n{label}");
        let mut any = false;
        while sentence < doc.sentences.len() && block.span.contains(doc.sentences[sentence]) {
            let _ = writeln!(
                out,
                "  [{sentence:>3}] {}",
                doc.slice(doc.sentences[sentence])
            );
            sentence += 1;
            any = true;
        }
        if !any {
            let _ = writeln!(out, "        {}", doc.slice(block.span));
        }
    }
    if !doc.mentions.is_empty() {
        let _ = writeln!(out, "\nENTITIES");
        for m in &doc.mentions {
            let _ = writeln!(out, "  {:<7} {}", m.kind.name(), doc.slice(m.span));
        }
    }
    out
}
