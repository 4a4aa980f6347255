//! Scoring main-text extraction against the article-extraction-benchmark's ground truth,
//! with the benchmark's own metric.
//!
//! Each text is cut into tokens (runs of Unicode word characters, like Python's `\w+`,
//! case kept) and then into 4-token shingles counted as a multiset; a text of one to three
//! tokens is one shorter shingle. Per page, true positives, false positives and false
//! negatives are the multiset overlaps, normalised to sum to 1 so that long articles do not
//! weigh more. Precision is averaged over pages that predicted something or had nothing to
//! find, recall over pages whose truth or prediction is not empty, and F1 is the harmonic
//! mean of the two averages. This is how the upstream `evaluate.py` computes it.
//! Reading the benchmark's files and timing extraction belong to the caller.

use std::collections::HashMap;

/// The shingle size of the benchmark.
pub const SHINGLE: usize = 4;

/// One page's overlap, normalised so that the three sum to 1 (or all 0 for two empty texts).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PageScore {
    /// Shared shingles.
    pub tp: f64,
    /// Predicted shingles that are not in the truth.
    pub fp: f64,
    /// True shingles that were not predicted.
    pub fn_: f64,
}

impl PageScore {
    /// The page's precision, as upstream defines it for degenerate cases.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// The page's recall, as upstream defines it for degenerate cases.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

/// Averages over all pages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    /// Pages scored.
    pub pages: usize,
    /// Mean precision over pages with a prediction.
    pub precision: f64,
    /// Mean recall over pages with a truth or a prediction.
    pub recall: f64,
    /// Harmonic mean of the mean precision and the mean recall.
    pub f1: f64,
}

/// The tokens of a text: maximal runs of alphanumeric characters and `_`.
///
/// Python's `\w` excludes the few combining marks that Rust counts as alphabetic (some
/// Indic vowel signs); the benchmark's languages do not use them.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The shingles of a text with their counts.
pub fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    let tokens = tokens(text);
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < SHINGLE {
        counts.insert(tokens, 1);
        return counts;
    }
    for window in tokens.windows(SHINGLE) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Compares one predicted text with the true one.
pub fn score_page(truth: &str, predicted: &str) -> PageScore {
    let truth = shingles(truth);
    let predicted = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (shingle, &t) in &truth {
        let p = predicted.get(shingle).copied().unwrap_or(0);
        tp += u64::from(t.min(p));
        fn_ += u64::from(t.saturating_sub(p));
    }
    for (shingle, &p) in &predicted {
        let t = truth.get(shingle).copied().unwrap_or(0);
        fp += u64::from(p.saturating_sub(t));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return PageScore::default();
    }
    PageScore {
        tp: tp as f64 / sum,
        fp: fp as f64 / sum,
        fn_: fn_ as f64 / sum,
    }
}

/// Averages page scores the way the benchmark does.
pub fn summarize(pages: &[PageScore]) -> Summary {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(
        pages
            .iter()
            .filter(|p| p.tp + p.fp > 0.0)
            .map(PageScore::precision)
            .collect(),
    );
    let recall = mean(
        pages
            .iter()
            .filter(|p| p.tp + p.fn_ > 0.0)
            .map(PageScore::recall)
            .collect(),
    );
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Summary {
        pages: pages.len(),
        precision,
        recall,
        f1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_against_itself_is_perfect() {
        let texts = [
            "Rebels took the port on Monday, officials said.\n\nTalks resume today.",
            "Короче, это тест: три слова тут и ещё немного.",
            "Two words",
        ];
        let pages: Vec<PageScore> = texts.iter().map(|t| score_page(t, t)).collect();
        let summary = summarize(&pages);
        assert_eq!(summary.pages, 3);
        assert_eq!(summary.precision, 1.0);
        assert_eq!(summary.recall, 1.0);
        assert_eq!(summary.f1, 1.0);
    }

    #[test]
    fn tokens_are_word_runs_with_case_kept() {
        assert_eq!(
            tokens("Al-Sharaa’s visit, 2025_10!"),
            ["Al", "Sharaa", "s", "visit", "2025_10"]
        );
    }

    #[test]
    fn shingles_count_repeats() {
        let counts = shingles("a b c d a b c d");
        assert_eq!(counts[&vec!["a", "b", "c", "d"]], 2);
        assert_eq!(counts.len(), 4);
        assert_eq!(shingles("one two").len(), 1);
        assert!(shingles("  ").is_empty());
    }

    #[test]
    fn half_right_prediction() {
        // Truth has 2 shingles; the prediction finds one and adds one of its own.
        let score = score_page("a b c d e", "a b c d x");
        assert!((score.tp - 1.0 / 3.0).abs() < 1e-12);
        assert!((score.fp - 1.0 / 3.0).abs() < 1e-12);
        assert!((score.precision() - 0.5).abs() < 1e-12);
        assert!((score.recall() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn empty_prediction_counts_for_recall_only() {
        let pages = [score_page("a b c d", ""), score_page("a b c d", "a b c d")];
        let summary = summarize(&pages);
        assert_eq!(summary.precision, 1.0);
        assert_eq!(summary.recall, 0.5);
    }
}
