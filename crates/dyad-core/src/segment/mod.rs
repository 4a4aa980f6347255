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

/// Property-style tests: segmenting pseudo-random text never panics and every span keeps its
/// invariants.
#[cfg(test)]
mod properties {
    use super::*;
    use crate::document::{ArticleMeta, BlockKind};

    /// Characters the generator draws from: the ones the rules look at, white space of
    /// several kinds, and letters whose case mapping changes their length.
    const ALPHABET: &[char] = &[
        'a', 'b', 's', 't', 'n', 'I', 'U', 'S', 'D', 'r', 'M', 'e', '0', '1', '2', '9', '.', ',',
        ';', ':', '!', '?', '\'', '’', '‘', '`', '"', '“', '”', '-', '–', '—', '(', ')', '[', ']',
        '@', '/', '$', '%', '&', '+', '#', '_', '*', '<', '>', '…', ' ', ' ', ' ', '\n', '\t',
        '\u{a0}', '\u{3000}', '\u{200b}', '\u{301}', '\u{200d}', 'İ', 'ß', 'é', 'Σ', 'ǅ', '中',
        '文', '😀', '👍', '\u{fe0f}', 'ا', '\u{0}',
    ];

    /// Pieces that trigger the special rules when they meet.
    const PIECES: &[&str] = &[
        "don't",
        "U.S.",
        "Mr.",
        "http://x.com/a",
        "a@b.com",
        ":)",
        "2019–2020",
        "$28bn",
        "gonna",
        "Sharaa’s",
        "'72",
        "+44",
        ".doc",
        "Yahoo!",
        "713-853-3989",
        "soldiers'",
        "etc.",
        "...",
        "?!",
        "''",
        "e-mail",
        "J.",
        "60's",
        "n't",
        "'s",
        "’",
    ];

    /// A small deterministic pseudo-random generator (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn text(&mut self) -> String {
            let len = self.below(60);
            let mut s = String::new();
            for _ in 0..len {
                if self.below(4) == 0 {
                    s.push_str(PIECES[self.below(PIECES.len())]);
                } else {
                    s.push(ALPHABET[self.below(ALPHABET.len())]);
                }
            }
            s
        }
    }

    /// Checks every invariant of a segmented document.
    fn check_invariants(doc: &Document) {
        let text = &doc.text;
        let ok = |s: Span| {
            s.start < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let mut previous_end = 0;
        for (i, t) in doc.tokens.iter().enumerate() {
            assert!(ok(t.span), "token {i} {:?} in {text:?}", t.span);
            assert!(t.span.start >= previous_end, "tokens overlap in {text:?}");
            previous_end = t.span.end;
            assert!(
                !doc.slice(t.span).contains(char::is_whitespace),
                "token with space in {text:?}"
            );
            assert!(
                doc.blocks.iter().any(|b| b.span.contains(t.span)),
                "token outside blocks in {text:?}"
            );
            // The words cover the token exactly, in order.
            let words = &doc.words[t.words.start as usize..t.words.end as usize];
            assert!(!words.is_empty());
            assert_eq!(words[0].span.start, t.span.start);
            assert_eq!(words[words.len() - 1].span.end, t.span.end);
            for pair in words.windows(2) {
                assert_eq!(pair[0].span.end, pair[1].span.start);
            }
            for w in words {
                assert!(ok(w.span), "word {:?} in {text:?}", w.span);
                assert!(doc.sentences[w.sentence as usize].contains(t.span));
            }
        }
        assert_eq!(
            doc.tokens.last().map_or(0, |t| t.words.end as usize),
            doc.words.len()
        );
        let mut previous_end = 0;
        for s in &doc.sentences {
            assert!(
                ok(*s) && s.start >= previous_end,
                "sentence {s:?} in {text:?}"
            );
            previous_end = s.end;
            assert!(doc.blocks.iter().any(|b| b.span.contains(*s)));
        }
        // Every non-space character of every block is in some token.
        let covered: usize = doc.tokens.iter().map(|t| t.span.len()).sum();
        let visible: usize = doc
            .blocks
            .iter()
            .map(|b| {
                doc.slice(b.span)
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .map(char::len_utf8)
                    .sum::<usize>()
            })
            .sum();
        assert_eq!(covered, visible, "characters lost in {text:?}");
    }

    #[test]
    fn random_text_keeps_span_invariants() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let blocks: Vec<String> = (0..1 + rng.below(3)).map(|_| rng.text()).collect();
            let mut doc = Document::from_blocks(
                ArticleMeta::default(),
                blocks.iter().map(|b| (BlockKind::Paragraph, b.as_str())),
            );
            segment(&mut doc);
            check_invariants(&doc);
        }
    }

    #[test]
    fn raw_text_with_any_white_space_keeps_span_invariants() {
        // Blocks that were not folded: the tokenizer itself must cope with any white space.
        let mut rng = Rng(42);
        for _ in 0..2000 {
            let text = rng.text();
            let mut doc = Document {
                blocks: vec![crate::document::Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(0, text.len()),
                }],
                text,
                ..Document::default()
            };
            segment(&mut doc);
            check_invariants(&doc);
        }
    }
}
