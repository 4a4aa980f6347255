//! The features of the entity tagger: what it looks at for each word of a sentence.
//!
//! Features are hashed to 64-bit ids (FNV-1a over a template number and the parts), so no
//! feature string is ever built. Each word gets its *static* features once (the word, its
//! lower-cased form, affixes, shape, the neighbouring words, gazetteer matches, and whether
//! the sentence is written in capitals), and the decoder adds the *history* features (the
//! label of the previous word, with the word and its shape) for each label it considers.
//! Changing a template changes the ids, so [`FEATURE_SET`] is written into every model and
//! checked on load.

use super::gazetteer::Gazetteer;

/// The version of the feature templates; a model trained with another version is refused.
pub const FEATURE_SET: u32 = 2;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A running FNV-1a hash of one feature.
struct FeatureHash(u64);

impl FeatureHash {
    fn new(template: u8) -> Self {
        let mut h = FeatureHash(FNV_OFFSET);
        h.byte(template);
        h
    }

    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(FNV_PRIME);
    }

    fn part(mut self, s: &str) -> Self {
        for &b in s.as_bytes() {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }

    fn num(mut self, n: u8) -> Self {
        self.byte(n);
        self.byte(0xfe);
        self
    }

    fn done(self) -> u64 {
        self.0
    }
}

/// Template numbers; each feature's hash starts with one.
mod t {
    pub const BIAS: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const FORM: u8 = 3;
    pub const PREFIX: u8 = 4;
    pub const SUFFIX: u8 = 5;
    pub const SHAPE: u8 = 6;
    pub const SHORT_SHAPE: u8 = 7;
    pub const LOWER_AT: u8 = 8;
    pub const SHAPE_AT: u8 = 9;
    pub const BIGRAM_LEFT: u8 = 10;
    pub const BIGRAM_RIGHT: u8 = 11;
    pub const SHAPE_TRIGRAM: u8 = 12;
    pub const FIRST: u8 = 13;
    pub const GAZ: u8 = 14;
    pub const CAPS_SENTENCE: u8 = 15;
    pub const LENGTH: u8 = 16;
    pub const SUFFIX_AT: u8 = 17;
    pub const GAZ_SHAPE: u8 = 18;
    pub const HIDDEN: u8 = 19;
    pub const LOWER_SHAPE: u8 = 24;
    pub const SHAPE_LOWER: u8 = 25;
    pub const PREV: u8 = 20;
    pub const PREV_LOWER: u8 = 22;
    pub const PREV_SHAPE: u8 = 23;
}

/// The shape of a word with runs longer than three cut to three (`Xxxx` for `Moscow`).
pub fn shape(word: &str) -> String {
    crate::parse::features::shape_runs(word, 3)
}

/// The shape with every run cut to one character (`Xx` for `Moscow`).
fn short_shape(shape: &str) -> String {
    let mut out = String::new();
    for c in shape.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// True when a sentence is written in capitals: at least two words with letters, and no
/// lower-case letter at all (CoNLL-2003's headlines, shouted e-mail).
pub fn is_caps_sentence(words: &[&str]) -> bool {
    let with_letters = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    with_letters >= 2 && !words.iter().any(|w| w.chars().any(char::is_lowercase))
}

/// How many word-identity features (the word, its lower-cased form, the two word bigrams) open
/// every word's static features; training sometimes hides them, so the model also learns to
/// recognise names it has never seen from their shape, context and gazetteer matches.
pub const LEXICAL: usize = 4;

/// The feature every word has (the label prior).
pub fn bias() -> u64 {
    FeatureHash::new(t::BIAS).done()
}

/// The feature that stands for hidden word-identity features.
pub fn hidden_word() -> u64 {
    FeatureHash::new(t::HIDDEN).done()
}

/// What the features of one word are computed from, shared by the whole sentence.
pub struct SentenceView {
    lower: Vec<String>,
    shapes: Vec<String>,
    short: Vec<String>,
}

impl SentenceView {
    /// Prepares a sentence.
    pub fn new(words: &[&str]) -> Self {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
        let short = shapes.iter().map(|s| short_shape(s)).collect();
        SentenceView {
            lower,
            shapes,
            short,
        }
    }

    /// The lower-cased word at `i`.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// The shape of the word at `i`.
    pub fn shape(&self, i: usize) -> &str {
        &self.shapes[i]
    }
}

fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// The static features of every word of a sentence.
pub fn static_features(
    words: &[&str],
    view: &SentenceView,
    gazetteer: &Gazetteer,
) -> Vec<Vec<u64>> {
    let n = words.len();
    let caps = is_caps_sentence(words);
    // In a sentence written in capitals the shape says nothing, so shape features get their
    // own weights there; the lower-cased forms carry the knowledge across.
    let case = u8::from(caps);
    let marks = gazetteer.annotate(&view.lower);
    let lower_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            &view.lower[i as usize]
        }
    };
    let shape_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            &view.short[i as usize]
        }
    };
    let mut out = Vec::with_capacity(n);
    for (i, word) in words.iter().enumerate() {
        let ii = i as isize;
        let lower = &view.lower[i];
        let mut f = Vec::with_capacity(48);
        // The word-identity features come first, LEXICAL of them (see `LEXICAL`).
        f.push(FeatureHash::new(t::LOWER).part(lower).done());
        if caps {
            f.push(FeatureHash::new(t::CAPS_SENTENCE).part(lower).done());
        } else {
            f.push(FeatureHash::new(t::FORM).part(word).done());
        }
        f.push(
            FeatureHash::new(t::BIGRAM_LEFT)
                .part(lower_at(ii - 1))
                .part(lower)
                .done(),
        );
        f.push(
            FeatureHash::new(t::BIGRAM_RIGHT)
                .part(lower)
                .part(lower_at(ii + 1))
                .done(),
        );
        debug_assert_eq!(f.len(), LEXICAL);
        f.push(FeatureHash::new(t::BIAS).done());
        for k in 1..=3 {
            f.push(
                FeatureHash::new(t::PREFIX)
                    .num(k)
                    .part(prefix(lower, k as usize))
                    .done(),
            );
        }
        for k in 1..=4 {
            f.push(
                FeatureHash::new(t::SUFFIX)
                    .num(k)
                    .part(suffix(lower, k as usize))
                    .done(),
            );
        }
        f.push(
            FeatureHash::new(t::SHAPE)
                .num(case)
                .part(&view.shapes[i])
                .done(),
        );
        f.push(
            FeatureHash::new(t::SHORT_SHAPE)
                .num(case)
                .part(&view.short[i])
                .done(),
        );
        for d in [-2isize, -1, 1, 2] {
            f.push(
                FeatureHash::new(t::LOWER_AT)
                    .num(d as u8)
                    .part(lower_at(ii + d))
                    .done(),
            );
        }
        for d in [-1isize, 1] {
            f.push(
                FeatureHash::new(t::SHAPE_AT)
                    .num(case)
                    .num(d as u8)
                    .part(shape_at(ii + d))
                    .done(),
            );
            let neighbour = lower_at(ii + d);
            f.push(
                FeatureHash::new(t::SUFFIX_AT)
                    .num(d as u8)
                    .part(suffix(neighbour, 3))
                    .done(),
            );
        }
        f.push(
            FeatureHash::new(t::SHAPE_TRIGRAM)
                .num(case)
                .part(shape_at(ii - 1))
                .part(&view.short[i])
                .part(shape_at(ii + 1))
                .done(),
        );
        // A neighbouring word with this word's shape: "President X", "X said".
        f.push(
            FeatureHash::new(t::LOWER_SHAPE)
                .num(case)
                .part(lower_at(ii - 1))
                .part(&view.short[i])
                .done(),
        );
        f.push(
            FeatureHash::new(t::SHAPE_LOWER)
                .num(case)
                .part(&view.short[i])
                .part(lower_at(ii + 1))
                .done(),
        );
        if i == 0 {
            f.push(
                FeatureHash::new(t::FIRST)
                    .num(case)
                    .part(&view.short[i])
                    .done(),
            );
        }
        if caps {
            f.push(FeatureHash::new(t::CAPS_SENTENCE).done());
        }
        f.push(
            FeatureHash::new(t::LENGTH)
                .num(lower.chars().count().min(12) as u8)
                .done(),
        );
        for d in [-1isize, 0, 1] {
            let j = ii + d;
            if j < 0 || j as usize >= n {
                continue;
            }
            for &(list, position) in &marks[j as usize] {
                let name = &gazetteer.list_names()[list as usize];
                f.push(
                    FeatureHash::new(t::GAZ)
                        .num(d as u8)
                        .part(name)
                        .num(position.code())
                        .done(),
                );
                if d == 0 {
                    f.push(
                        FeatureHash::new(t::GAZ_SHAPE)
                            .num(case)
                            .part(name)
                            .num(position.code())
                            .part(&view.short[i])
                            .done(),
                    );
                }
            }
        }
        out.push(f);
    }
    out
}

/// The history features of word `i`, given the label of the previous word (`start` stands
/// for "before the sentence").
pub fn history_features(view: &SentenceView, i: usize, prev: u8, out: &mut Vec<u64>) {
    out.push(FeatureHash::new(t::PREV).num(prev).done());
    out.push(
        FeatureHash::new(t::PREV_LOWER)
            .num(prev)
            .part(&view.lower[i])
            .done(),
    );
    out.push(
        FeatureHash::new(t::PREV_SHAPE)
            .num(prev)
            .part(&view.short[i])
            .done(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_keep_case_and_digits() {
        assert_eq!(shape("Moscow"), "Xxxx");
        assert_eq!(shape("NATO"), "XXX");
        assert_eq!(shape("F-16s"), "X-ddx");
        assert_eq!(short_shape(&shape("McDonald")), "XxXx");
    }

    #[test]
    fn caps_sentences_are_found() {
        assert!(is_caps_sentence(&["JAPAN", "GET", "LUCKY", "WIN", ","]));
        assert!(!is_caps_sentence(&["NATO", "met", "in", "Brussels"]));
        assert!(!is_caps_sentence(&["NATO"]));
    }

    #[test]
    fn features_are_deterministic_and_case_robust_in_headlines() {
        let g = Gazetteer::new();
        let words = ["Irina", "Petrov", "spoke"];
        let view = SentenceView::new(&words);
        let a = static_features(&words, &view, &g);
        let b = static_features(&words, &view, &g);
        assert_eq!(a, b);
        // The lower-cased form of a word is shared between a headline and normal text.
        let caps = ["IRINA", "PETROV", "SPOKE"];
        let caps_view = SentenceView::new(&caps);
        let c = static_features(&caps, &caps_view, &g);
        assert_eq!(a[0][0], c[0][0]);
        assert_ne!(a[0][1], c[0][1]);
    }

    #[test]
    fn affixes_respect_character_boundaries() {
        assert_eq!(prefix("été", 2), "ét");
        assert_eq!(suffix("été", 2), "té");
        assert_eq!(suffix("a", 3), "a");
    }
}
