//! Segmentation: splits each block of a document into sentences, surface tokens and
//! syntactic words, following UD English EWT conventions.
//!
//! It reads [`Document::blocks`] and fills [`Document::sentences`], [`Document::tokens`] and
//! [`Document::words`]; it does not tag, parse or look anything up. The [`tokenizer`] finds
//! tokens and words inside a block; the [`sentence`] splitter groups them, never across a
//! block boundary.

pub mod sentence;
pub mod tokenizer;

use crate::document::{Document, Span, Token, Word};

/// Splits every block of the document into sentences, tokens and words, replacing any
/// segmentation it had.
pub fn segment(doc: &mut Document) {
    doc.sentences.clear();
    doc.tokens.clear();
    doc.words.clear();
    for block in &doc.blocks {
        let Some(text) = doc.text.get(block.span.range()) else {
            continue;
        };
        let tokens = tokenizer::tokenize(text, block.span.start);
        for range in sentence::split(&doc.text, &tokens) {
            let mut group = tokens[range].to_vec();
            sentence::detach_final_stop(&doc.text, &mut group);
            let (Some(first), Some(last)) = (group.first(), group.last()) else {
                continue;
            };
            let sentence = doc.sentences.len() as u32;
            doc.sentences
                .push(Span::new(first.span.start, last.span.end));
            for token in &group {
                let from = doc.words.len() as u32;
                doc.words.extend(token.words.iter().map(|&span| Word {
                    span,
                    sentence,
                    ..Word::default()
                }));
                doc.tokens.push(Token {
                    span: token.span,
                    words: from..doc.words.len() as u32,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ArticleMeta, BlockKind};

    /// Segments blocks and renders sentences one per line, tokens joined by `|` and the words
    /// of a multiword token joined by `+`.
    fn check(blocks: &[&str], expected: &str) {
        let mut doc = Document::from_blocks(
            ArticleMeta::default(),
            blocks.iter().map(|b| (BlockKind::Paragraph, *b)),
        );
        segment(&mut doc);
        let mut lines = Vec::new();
        for (s, span) in doc.sentences.iter().enumerate() {
            let tokens: Vec<String> = doc
                .tokens
                .iter()
                .filter(|t| span.contains(t.span))
                .map(|t| {
                    let words = &doc.words[t.words.start as usize..t.words.end as usize];
                    assert!(words.iter().all(|w| w.sentence == s as u32));
                    words
                        .iter()
                        .map(|w| doc.slice(w.span))
                        .collect::<Vec<_>>()
                        .join("+")
                })
                .collect();
            lines.push(tokens.join("|"));
        }
        assert_eq!(lines.join("\n"), expected);
    }

    #[test]
    fn blocks_bound_sentences() {
        check(
            &[
                "Syria’s leader visits Moscow",
                "Al Sharaa’s trip began on Wednesday. It ends soon.",
            ],
            "Syria+’s|leader|visits|Moscow\nAl|Sharaa+’s|trip|began|on|Wednesday|.\nIt|ends|soon|.",
        );
    }

    #[test]
    fn quotation_over_several_sentences() {
        check(
            &["“The U.S. will act. We don't wait,” Mr. Rubio said on Wednesday."],
            "“|The|U.S.|will|act|.\nWe|do+n't|wait|,|”|Mr.|Rubio|said|on|Wednesday|.",
        );
    }
}
