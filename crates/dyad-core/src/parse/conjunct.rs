//! A repair of the parse: the first of two coordinated verbs ("donated and delivered"),
//! hung by the parser as a modifier of the subject, becomes the head of the coordination.
//!
//! In "Doctors from two charities donated and delivered medicine to the hospital" the
//! parser often reads "donated" as a participle modifying "charities" (`acl`) and makes
//! "delivered" the main verb: the first verb then has no subject, no object and no oblique,
//! and its event is lost. When a verb without subject or auxiliary hangs as `acl` (or
//! `amod`) on a noun just before it, is followed by a conjunction (and adverbs) and a finite
//! verb, and that noun lies in the finite verb's subject, the first verb takes the second
//! one's place and its dependents (UD hangs dependents the conjuncts share on the first),
//! and the second becomes its `conj`, keeping the conjunction and the adverbs before it.
//!
//! In UD English EWT's training trees, a past verb that follows a noun and is followed by a
//! conjunction, adverbs and a finite verb with no subject of its own after it heads that
//! verb as `conj` 12 times and is a modifier of the noun before it once ("4 studios planned
//! and now boasts"); two more are relative clauses with a subject of their own ("the day I
//! called and fixed"), which the repair leaves alone because it only moves a verb without a
//! subject.
//!
//! This module changes heads and labels only; tags are left as the tagger gave them.

use super::descends;

/// Makes a first conjunct hung on the subject the head of its coordination (see the module
/// comment). `upos` and `xpos` are the sentence's tags, `heads` holds each word's head
/// (1-based, 0 for the root) and `labels` its relation; returns whether the tree changed.
pub fn raise_first_conjunct(
    upos: &[&str],
    xpos: &[&str],
    heads: &mut [usize],
    labels: &mut [String],
) -> bool {
    let n = heads.len();
    if upos.len() != n || xpos.len() != n || labels.len() != n {
        return false;
    }
    let mut changed = false;
    for first in 1..n.saturating_sub(2) {
        let noun = first - 1;
        if upos[first] != "VERB"
            || !matches!(xpos[first], "VBD" | "VBN")
            || heads[first] != noun + 1
            || !matches!(labels[first].as_str(), "acl" | "amod")
            || !matches!(upos[noun], "NOUN" | "PROPN")
            || upos[first + 1] != "CCONJ"
        {
            continue;
        }
        let own = |w: usize, heads: &[usize], labels: &[String]| {
            (0..n).any(|k| {
                heads[k] == w + 1
                    && (labels[k].starts_with("nsubj")
                        || labels[k].starts_with("aux")
                        || labels[k] == "cop")
            })
        };
        if own(first, heads, labels) {
            continue;
        }
        let mut second = first + 2;
        while second < n && upos[second] == "ADV" {
            second += 1;
        }
        if second >= n
            || upos[second] != "VERB"
            || !matches!(xpos[second], "VBD" | "VBZ" | "VBP")
            || heads[first + 1] != second + 1
        {
            continue;
        }
        // The noun must lie in the second verb's subject, and that subject before the first.
        let in_subject = (0..first).any(|k| {
            heads[k] == second + 1 && labels[k].starts_with("nsubj") && descends(heads, noun, k)
        });
        if !in_subject || descends(heads, second, first) {
            continue;
        }
        for (k, head) in heads.iter_mut().enumerate() {
            // The conjunction and adverbs between the two verbs stay with the second.
            if *head == second + 1 && k != first && !(first < k && k < second) {
                *head = first + 1;
            }
        }
        heads[first] = heads[second];
        labels[first] = labels[second].clone();
        heads[second] = first + 1;
        labels[second] = "conj".to_string();
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
        let changed = raise_first_conjunct(&s.upos, &s.xpos, &mut s.heads, &mut s.labels);
        (changed, s.render())
    }

    #[test]
    fn a_first_conjunct_on_the_subject_heads_the_coordination() {
        let (changed, out) = check(
            "Volunteers/NOUN/NNS/5/nsubj collected/VERB/VBN/1/acl and/CCONJ/CC/5/cc \
             quickly/ADV/RB/5/advmod delivered/VERB/VBD/0/root food/NOUN/NN/5/obj \
             to/ADP/IN/8/case villages/NOUN/NNS/5/obl ./PUNCT/./5/punct",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Volunteers/2/nsubj collected/0/root and/5/cc quickly/5/advmod delivered/2/conj \
             food/2/obj to/8/case villages/2/obl ./2/punct"
        );
    }

    #[test]
    fn the_noun_may_lie_deeper_in_the_subject() {
        let (changed, out) = check(
            "Staff/NOUN/NNS/6/nsubj of/ADP/IN/3/case charities/NOUN/NNS/1/nmod \
             donated/VERB/VBN/3/acl and/CCONJ/CC/6/cc delivered/VERB/VBD/0/root \
             tents/NOUN/NNS/6/obj",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Staff/4/nsubj of/3/case charities/1/nmod donated/0/root and/6/cc \
             delivered/4/conj tents/4/obj"
        );
    }

    #[test]
    fn true_modifiers_stay() {
        // The second verb has its own subject after it: "Tents donated and aid arrived".
        let s = "Tents/NOUN/NNS/0/root donated/VERB/VBN/1/acl and/CCONJ/CC/4/cc \
                 arrived/VERB/VBD/1/conj";
        assert!(!check(s).0);
        // The first verb has a subject of its own (a relative clause).
        let s = "Staff/NOUN/NNS/5/nsubj trucks/NOUN/NNS/3/nsubj carried/VERB/VBD/1/acl \
                 and/CCONJ/CC/5/cc delivered/VERB/VBD/0/root";
        assert!(!check(s).0);
        // The noun is not in the second verb's subject.
        let s = "They/PRON/PRP/2/nsubj sent/VERB/VBD/0/root aid/NOUN/NN/2/obj \
                 collected/VERB/VBN/3/acl and/CCONJ/CC/6/cc left/VERB/VBD/2/conj";
        assert!(!check(s).0);
    }
}
