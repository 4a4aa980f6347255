//! The tone stage: how positive or negative an article reads → [`Document::tone`] (the
//! JSON's `tone`).
//!
//! Each sentence is scored with the VADER method (Hutto and Gilbert, 2014) over its lexicon
//! (`data/tone/`, generated from the MIT-licensed `vaderSentiment` package by
//! `scripts/make_vader_lexicon.py`): word valences, raised or lowered by intensifiers in the
//! three words before ("very", "slightly"), flipped and damped by negations ("not", "never",
//! "n't"), capitals for emphasis, "but" shifting weight to what follows, and exclamation and
//! question marks; the sum is normalised to a −1..1 compound. The article's tone is GDELT's:
//! the percentages of words whose final valence is positive and negative, their difference as
//! the score, and the mean sentence compound. Idioms and emoji of the original are left out.
//! This module does not read files: the lexicon is embedded.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::document::Document;

/// The article's tone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tone {
    /// Positive minus negative.
    pub score: f64,
    /// Percentage of words with a positive valence.
    pub positive: f64,
    /// Percentage of words with a negative valence.
    pub negative: f64,
    /// The words counted.
    pub words: usize,
    /// The mean compound of the sentences, −1..1.
    pub compound: f64,
}

/// Emphasis of a word in capitals among words that are not.
const C_INCR: f64 = 0.733;
/// What a negation multiplies a valence by.
const N_SCALAR: f64 = -0.74;
/// The normalisation constant of the compound.
const ALPHA: f64 = 15.0;

/// The embedded lexicon: valences, boosters and negations.
struct Lexicon {
    valence: HashMap<&'static str, f64>,
    boosters: HashMap<&'static str, f64>,
    negations: Vec<&'static str>,
}

/// Reads `word<TAB>number` lines, skipping malformed ones.
fn table(text: &'static str) -> HashMap<&'static str, f64> {
    text.lines()
        .filter_map(|l| {
            let (w, v) = l.split_once('\t')?;
            Some((w, v.trim().parse::<f64>().ok()?))
        })
        .collect()
}

/// The lexicon, parsed once.
fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon {
        valence: table(include_str!("../../../data/tone/lexicon.tsv")),
        boosters: table(include_str!("../../../data/tone/boosters.tsv")),
        negations: include_str!("../../../data/tone/negations.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect(),
    })
}

/// VADER's tokens: white-space separated, with punctuation stripped from the edges of words
/// (kept on short tokens, which may be emoticons); single characters are dropped.
fn tokens(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|t| {
            let stripped = t.trim_matches(|c: char| c.is_ascii_punctuation());
            if stripped.chars().count() <= 2 {
                t
            } else {
                stripped
            }
        })
        .filter(|t| t.chars().count() > 1)
        .collect()
}

/// True when a word negates.
fn negates(lex: &Lexicon, word: &str) -> bool {
    lex.negations.contains(&word) || word.contains("n't")
}

/// True when a word is written in capitals.
fn is_upper(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// The valences of a sentence's words (0 for words without sentiment), after boosters,
/// negations, capitals and "but".
fn valences(text: &str) -> (Vec<f64>, usize) {
    let lex = lexicon();
    let words = tokens(text);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let upper = words.iter().filter(|w| is_upper(w)).count();
    let cap_diff = upper > 0 && upper < words.len();
    let mut out = vec![0.0; words.len()];
    for i in 0..words.len() {
        let w = lower[i].as_str();
        if lex.boosters.contains_key(w) {
            continue;
        }
        if w == "kind" && lower.get(i + 1).is_some_and(|n| n == "of") {
            continue;
        }
        let Some(&base) = lex.valence.get(w) else {
            continue;
        };
        // "no" before another sentiment word is a negation, not a sentiment.
        if w == "no"
            && lower
                .get(i + 1)
                .is_some_and(|n| lex.valence.contains_key(n.as_str()))
        {
            continue;
        }
        let mut v = base;
        if cap_diff && is_upper(words[i]) {
            v += C_INCR * v.signum();
        }
        for back in 1..=3 {
            if i < back {
                break;
            }
            let before = lower[i - back].as_str();
            if !lex.valence.contains_key(before)
                && let Some(&scalar) = lex.boosters.get(before)
            {
                let mut s = if v < 0.0 { -scalar } else { scalar };
                if cap_diff && is_upper(words[i - back]) {
                    s += C_INCR * v.signum();
                }
                s *= match back {
                    2 => 0.95,
                    3 => 0.9,
                    _ => 1.0,
                };
                v += s;
            }
            // Negation in the window, with VADER's exceptions ("never so good" intensifies,
            // "without doubt" is not negated).
            if back == 1 {
                if negates(lex, before) {
                    v *= N_SCALAR;
                }
            } else {
                let next = lower[i - back + 1].as_str();
                if before == "never" && matches!(next, "so" | "this") {
                    v *= 1.25;
                } else if !(before == "without" && next == "doubt") && negates(lex, before) {
                    v *= N_SCALAR;
                }
            }
        }
        // "least" before a word negates it, unless "at least" or "very least".
        if i > 0
            && lower[i - 1] == "least"
            && (i < 2 || !matches!(lower[i - 2].as_str(), "at" | "very"))
            && !lex.valence.contains_key("least")
        {
            v *= N_SCALAR;
        }
        if i > 0 && lower[i - 1] == "no" || i > 1 && lower[i - 2] == "no" {
            v = base * N_SCALAR;
        }
        out[i] = v;
    }
    // "but": what comes before counts half, what comes after half again as much.
    if let Some(b) = lower.iter().position(|w| w == "but") {
        for (i, v) in out.iter_mut().enumerate() {
            if i < b {
                *v *= 0.5;
            } else if i > b {
                *v *= 1.5;
            }
        }
    }
    (out, words.len())
}

/// The compound score of one sentence, −1..1.
pub fn compound(text: &str) -> f64 {
    let (vals, _) = valences(text);
    let mut sum: f64 = vals.iter().sum();
    if sum != 0.0 {
        let bangs = text.matches('!').count().min(4) as f64 * 0.292;
        let questions = text.matches('?').count();
        let qm = match questions {
            0 | 1 => 0.0,
            2 | 3 => questions as f64 * 0.18,
            _ => 0.96,
        };
        sum += (bangs + qm) * sum.signum();
    }
    let score = sum / (sum * sum + ALPHA).sqrt();
    score.clamp(-1.0, 1.0)
}

/// Scores the document's tone; a document with no words gets none.
pub fn score_tone(doc: &mut Document) {
    let mut positive = 0usize;
    let mut negative = 0usize;
    let mut words = 0usize;
    let mut compounds = Vec::new();
    for &s in &doc.sentences {
        let text = doc.slice(s);
        let (vals, n) = valences(text);
        positive += vals.iter().filter(|&&v| v > 0.0).count();
        negative += vals.iter().filter(|&&v| v < 0.0).count();
        words += n;
        compounds.push(compound(text));
    }
    if words == 0 {
        doc.tone = None;
        return;
    }
    let pct = |n: usize| 100.0 * n as f64 / words as f64;
    let (positive, negative) = (pct(positive), pct(negative));
    doc.tone = Some(Tone {
        score: positive - negative,
        positive,
        negative,
        words,
        compound: compounds.iter().sum::<f64>() / compounds.len() as f64,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ArticleMeta, BlockKind};

    #[test]
    fn the_lexicon_loads() {
        let lex = lexicon();
        assert!(lex.valence.len() > 7000);
        assert!(lex.valence.get("good").is_some_and(|&v| v > 0.0));
        assert!(lex.boosters.contains_key("very"));
        assert!(lex.negations.contains(&"not"));
    }

    #[test]
    fn signs_follow_the_words() {
        assert!(compound("The talks were a great success.") > 0.5);
        assert!(compound("The attack was a horrible tragedy.") < -0.5);
        assert_eq!(compound("The committee met on Tuesday."), 0.0);
    }

    #[test]
    fn negation_flips_and_damps() {
        let good = compound("The plan is good.");
        let not_good = compound("The plan is not good.");
        assert!(not_good < 0.0 && not_good.abs() < good, "{good} {not_good}");
        assert!(compound("The plan isn't good.") < 0.0);
    }

    #[test]
    fn intensifiers_raise_and_dampeners_lower() {
        let good = compound("The plan is good.");
        assert!(compound("The plan is very good.") > good);
        assert!(compound("The plan is slightly good.") < good);
        assert!(compound("The plan is GOOD.") > good);
        assert!(compound("The plan is good!") > good);
    }

    #[test]
    fn but_shifts_the_weight() {
        // What follows "but" decides.
        assert!(compound("The food was good, but the service was terrible.") < 0.0);
    }

    #[test]
    fn document_tone_is_percentages() {
        let mut doc = Document::from_blocks(
            ArticleMeta::default(),
            [(
                BlockKind::Paragraph,
                "The peace deal is a great hope. The war killed many people.",
            )],
        );
        crate::Pipeline::default().run(&mut doc);
        let tone = doc.tone.expect("a tone");
        assert!(tone.positive > 0.0 && tone.negative > 0.0);
        assert!((tone.score - (tone.positive - tone.negative)).abs() < 1e-9);
        assert!(tone.words >= 10);
        assert!((-1.0..=1.0).contains(&tone.compound));
    }
}
