//! Segmentation: splits each block of a document into sentences, surface tokens and
//! syntactic words, following UD English EWT conventions.
//!
//! It reads [`Document::blocks`] and fills [`Document::sentences`], [`Document::tokens`] and
//! [`Document::words`]; it does not tag, parse or look anything up.

use crate::document::{Document, Span, Token, Word};

/// Splits every block of the document into sentences, tokens and words.
///
/// Placeholder until the rule-based segmenter lands: one sentence per block, tokens split at
/// white space.
pub fn segment(doc: &mut Document) {
    doc.sentences.clear();
    doc.tokens.clear();
    doc.words.clear();
    for block in doc.blocks.clone() {
        let sentence = doc.sentences.len() as u32;
        doc.sentences.push(block.span);
        let text = &doc.text[block.span.range()];
        let mut offset = block.span.start;
        for piece in text.split(' ') {
            if !piece.is_empty() {
                let span = Span::new(offset, offset + piece.len());
                let w = doc.words.len() as u32;
                doc.words.push(Word {
                    span,
                    sentence,
                    ..Word::default()
                });
                doc.tokens.push(Token {
                    span,
                    words: w..w + 1,
                });
            }
            offset += piece.len() + 1;
        }
    }
}
