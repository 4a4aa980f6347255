//! A repair of the parse: a clause introduced by "as", "after", "while" ... that the parser
//! read as a prepositional phrase ("came as the leader prepared to attend" with "as the
//! leader" an oblique and "prepared" a complement of "came").
//!
//! The parser often takes a subordinating conjunction for the preposition of the noun after
//! it and then hangs the clause's verb somewhere else without a subject (as a `conj`,
//! `xcomp` or `parataxis`), so the verb's event has no source. When such a word is the `case`
//! of an oblique or nominal modifier and the word right after that phrase is a verb without
//! subject or auxiliary (a finite verb, or a participle with an object or complement), the
//! phrase is the verb's subject, the word its `mark`, and the verb an adverbial clause
//! (`advcl`) of the word the phrase hung on; a phrase with punctuation inside or of more than
//! eight words, a verb that does not agree with it, and "because of", "as well", "as much"
//! are left alone.
//!
//! In UD English EWT's training trees, one of these words followed by a noun phrase and a
//! finite verb is that verb's `mark` 68 times and something else 8 times ("As recently as
//! last week the official line stated", "the first launch since the Columbia disaster
//! approaches"); in such trees the verb has a subject of its own, which this repair requires
//! it to lack.
//!
//! This module changes heads and labels only; tags are left as the tagger gave them.

use super::descends;

/// The subordinating conjunctions the parser mistakes for prepositions ("when" is an adverb
/// in UD and not among them).
pub const SUBORDINATORS: [&str; 7] = [
    "after", "as", "because", "before", "since", "until", "while",
];

/// The most words after the subordinator that a subject phrase may have.
const MAX_PHRASE: usize = 8;

/// Makes a clause read as a prepositional phrase a clause again (see the module comment).
/// `forms`, `upos` and `xpos` describe the sentence's words, `heads` holds each word's head
/// (1-based, 0 for the root) and `labels` its relation; returns whether the tree changed.
pub fn clause_from_phrase(
    forms: &[&str],
    upos: &[&str],
    xpos: &[&str],
    heads: &mut [usize],
    labels: &mut [String],
) -> bool {
    let n = heads.len();
    if forms.len() != n || upos.len() != n || xpos.len() != n || labels.len() != n {
        return false;
    }
    let mut changed = false;
    for word in 0..n {
        let lower = forms[word].to_lowercase();
        if !SUBORDINATORS.contains(&lower.as_str()) || labels[word] != "case" {
            continue;
        }
        // "as much as twenty points": a comparison, not a clause.
        let before = word.checked_sub(1).map(|k| forms[k].to_lowercase());
        if matches!(
            before.as_deref(),
            Some("much" | "many" | "well" | "long" | "soon" | "far" | "such")
        ) {
            continue;
        }
        // "because of", "as for", "as well as": a preposition of its own.
        let next = forms.get(word + 1).map(|f| f.to_lowercase());
        if matches!(
            next.as_deref(),
            Some("of" | "for" | "well" | "to" | "such" | "much" | "many" | "long" | "far" | "soon")
        ) {
            continue;
        }
        let Some(phrase) = heads[word].checked_sub(1) else {
            continue;
        };
        if phrase <= word
            || phrase >= n
            || !(labels[phrase].starts_with("obl") || labels[phrase].starts_with("nmod"))
            || !matches!(upos[phrase], "NOUN" | "PROPN" | "PRON")
            || heads[phrase] == 0
        {
            continue;
        }
        let governor = heads[phrase] - 1;
        // The phrase runs from the word to the last word below the phrase's head.
        let Some(end) = (word..n).rev().find(|&k| descends(heads, k, phrase)) else {
            continue;
        };
        let verb = end + 1;
        if verb >= n || upos[verb] != "VERB" || heads[verb] == 0 {
            continue;
        }
        // A phrase with punctuation inside or a long one is no plain subject ("as the largest
        // shareholders in SKF ( ... )", "as an offer to sell or a solicitation of ...").
        if (word..=end).any(|k| upos[k] == "PUNCT") || end - word > MAX_PHRASE {
            continue;
        }
        // The verb must agree with the phrase ("after three early states wins" is no clause).
        let plural = matches!(xpos[phrase], "NNS" | "NNPS");
        let singular = matches!(xpos[phrase], "NN" | "NNP");
        if (xpos[verb] == "VBZ" && plural) || (xpos[verb] == "VBP" && singular) {
            continue;
        }
        let child_of_verb = |k: usize| heads[k] == verb + 1;
        let has_subject = (0..n).filter(|&k| child_of_verb(k)).any(|k| {
            labels[k].starts_with("nsubj")
                || labels[k].starts_with("csubj")
                || labels[k].starts_with("aux")
                || labels[k] == "expl"
        });
        let finite = matches!(xpos[verb], "VBD" | "VBZ" | "VBP");
        let participle_with_object = xpos[verb] == "VBN"
            && (0..n)
                .filter(|&k| child_of_verb(k))
                .any(|k| matches!(labels[k].as_str(), "obj" | "xcomp" | "ccomp"));
        if has_subject || !(finite || participle_with_object) {
            continue;
        }
        // No cycle: the phrase's governor must not lie below the verb.
        if descends(heads, governor, verb) {
            continue;
        }
        heads[verb] = governor + 1;
        labels[verb] = "advcl".to_string();
        heads[phrase] = verb + 1;
        labels[phrase] = "nsubj".to_string();
        heads[word] = verb + 1;
        labels[word] = "mark".to_string();
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::testing::Sentence;

    /// Applies the repair to a sentence written as "word/UPOS/XPOS/head/label" items;
    /// returns whether it changed and the tree as "word/head/label" items.
    fn check(sentence: &str) -> (bool, String) {
        let mut s = Sentence::read(sentence);
        let changed = clause_from_phrase(&s.forms, &s.upos, &s.xpos, &mut s.heads, &mut s.labels);
        (changed, s.render())
    }

    #[test]
    fn a_clause_read_as_a_phrase_becomes_a_clause() {
        let (changed, out) = check(
            "Talks/NOUN/NNS/2/nsubj ended/VERB/VBD/0/root as/ADP/IN/5/case the/DET/DT/5/det \
             envoy/NOUN/NN/2/obl left/VERB/VBD/2/conj Lima/PROPN/NNP/6/obj",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Talks/2/nsubj ended/0/root as/6/mark the/5/det envoy/6/nsubj left/2/advcl Lima/6/obj"
        );
    }

    #[test]
    fn a_participle_with_a_complement_counts_as_the_verb() {
        let (changed, out) = check(
            "Aid/NOUN/NN/2/nsubj came/VERB/VBD/0/root as/ADP/IN/4/case envoys/NOUN/NNS/2/obl \
             prepared/VERB/VBN/2/xcomp to/PART/TO/7/mark leave/VERB/VB/5/xcomp",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Aid/2/nsubj came/0/root as/5/mark envoys/5/nsubj prepared/2/advcl to/7/mark \
             leave/5/xcomp"
        );
    }

    #[test]
    fn phrases_stay() {
        // The verb after the phrase has its own subject.
        let s = "Talks/NOUN/NNS/2/nsubj ended/VERB/VBD/0/root before/ADP/IN/4/case \
                 noon/NOUN/NN/2/obl officials/NOUN/NNS/6/nsubj said/VERB/VBD/2/parataxis";
        assert!(!check(s).0);
        // No verb after the phrase.
        let s = "Talks/NOUN/NNS/2/nsubj ended/VERB/VBD/0/root after/ADP/IN/4/case \
                 midnight/NOUN/NN/2/obl ./PUNCT/./2/punct";
        assert!(!check(s).0);
        // "because of" is a preposition.
        let s = "Talks/NOUN/NNS/2/nsubj ended/VERB/VBD/0/root because/ADP/IN/5/case \
                 of/ADP/IN/3/fixed rain/NOUN/NN/2/obl fell/VERB/VBD/2/conj";
        assert!(!check(s).0);
        // A verb that does not agree with the phrase.
        let s = "Talks/NOUN/NNS/2/nsubj ended/VERB/VBD/0/root after/ADP/IN/4/case \
                 states/NOUN/NNS/2/obl wins/VERB/VBZ/2/conj";
        assert!(!check(s).0);
        // A preposition that is no subordinator.
        let s = "Talks/NOUN/NNS/2/nsubj ended/VERB/VBD/0/root in/ADP/IN/4/case \
                 Lima/PROPN/NNP/2/obl collapsed/VERB/VBD/2/conj";
        assert!(!check(s).0);
        // A participle without object or complement: "as expected" style modifiers.
        let s = "Talks/NOUN/NNS/2/nsubj ended/VERB/VBD/0/root after/ADP/IN/4/case \
                 hours/NOUN/NNS/2/obl spent/VERB/VBN/4/acl";
        assert!(!check(s).0);
    }
}
