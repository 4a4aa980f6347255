//! A repair of the parse: the particle of a phrasal verb ("handed over", "called off",
//! "carried out") that the parser hung somewhere else becomes the verb's `compound:prt`.
//!
//! The parser often reads the particle right after a verb as the preposition of the next
//! phrase ("called off the strike" with "off" the `case` of "strike") or as a modifier of a
//! number ("handed over 700 tonnes" with "over" an `advmod` of "700"). Event patterns need
//! the particle below the verb, so such a parse loses the event. For the verbs of
//! [`PHRASAL_VERBS`], a particle right after the verb that does not hang on it is moved under
//! it; a phrase it introduced, hanging on the verb as an oblique, becomes the verb's object
//! when it has no other preposition and the verb no object.
//!
//! In UD English EWT's training trees, the word right after one of these verbs, when it is
//! the listed particle (not followed by "of", and for "take over" not by a number: "took
//! over 40 minutes"), is the verb's `compound:prt` 69 times, another dependent of the verb
//! 8 times (an `advmod`, which the repair leaves alone because it only moves a particle that
//! does not hang on its verb) and never a word hanging elsewhere.
//!
//! This module changes heads and labels only; tags are left as the tagger gave them.

use super::descends;

/// Phrasal verbs common in news about politics and conflict: the verb's lemma and its
/// particle.
pub const PHRASAL_VERBS: [(&str, &str); 52] = [
    ("back", "down"),
    ("bail", "out"),
    ("beef", "up"),
    ("blow", "up"),
    ("break", "off"),
    ("break", "up"),
    ("build", "up"),
    ("burn", "down"),
    ("call", "off"),
    ("call", "up"),
    ("carry", "out"),
    ("clamp", "down"),
    ("crack", "down"),
    ("cut", "off"),
    ("drive", "out"),
    ("fend", "off"),
    ("fight", "off"),
    ("give", "back"),
    ("give", "up"),
    ("gun", "down"),
    ("hammer", "out"),
    ("hand", "back"),
    ("hand", "out"),
    ("hand", "over"),
    ("kick", "out"),
    ("lay", "down"),
    ("lay", "off"),
    ("lock", "down"),
    ("pull", "back"),
    ("pull", "out"),
    ("round", "up"),
    ("rule", "out"),
    ("scale", "back"),
    ("seal", "off"),
    ("sell", "off"),
    ("send", "back"),
    ("set", "off"),
    ("set", "up"),
    ("shoot", "down"),
    ("shut", "down"),
    ("single", "out"),
    ("spell", "out"),
    ("stamp", "out"),
    ("stave", "off"),
    ("step", "down"),
    ("step", "up"),
    ("take", "over"),
    ("tear", "down"),
    ("turn", "down"),
    ("turn", "over"),
    ("ward", "off"),
    ("wipe", "out"),
];

/// Moves the particles of phrasal verbs under their verbs (see the module comment).
/// `forms`, `upos` and `lemmas` describe the sentence's words, `heads` holds each word's head
/// (1-based, 0 for the root) and `labels` its relation; returns whether the tree changed.
pub fn attach_particles(
    forms: &[&str],
    upos: &[&str],
    lemmas: &[String],
    heads: &mut [usize],
    labels: &mut [String],
) -> bool {
    let n = heads.len();
    if forms.len() != n || upos.len() != n || lemmas.len() != n || labels.len() != n {
        return false;
    }
    let mut changed = false;
    for verb in 0..n.saturating_sub(1) {
        let prt = verb + 1;
        if upos[verb] != "VERB" || heads[prt] == verb + 1 {
            continue;
        }
        let lemma = lemmas[verb].to_lowercase();
        let particle = forms[prt].to_lowercase();
        if !PHRASAL_VERBS.contains(&(lemma.as_str(), particle.as_str())) {
            continue;
        }
        let next = forms.get(prt + 1).map(|f| f.to_lowercase());
        // "pulled out of the talks": "out of" is a preposition of its own.
        if next.as_deref() == Some("of") {
            continue;
        }
        // "took over 40 minutes": "over" is a modifier of the number.
        if lemma == "take" && upos.get(prt + 1) == Some(&"NUM") {
            continue;
        }
        if descends(heads, verb, prt) {
            continue;
        }
        // The phrase the particle introduced, when it hangs on the verb.
        let phrase = heads[prt].checked_sub(1).filter(|&h| {
            h < n
                && labels[prt] == "case"
                && heads[h] == verb + 1
                && matches!(labels[h].as_str(), "obl")
        });
        // Whatever hung on the particle hangs on the verb.
        for head in heads.iter_mut() {
            if *head == prt + 1 {
                *head = verb + 1;
            }
        }
        heads[prt] = verb + 1;
        labels[prt] = "compound:prt".to_string();
        if let Some(h) = phrase {
            let other_case = (0..n).any(|k| heads[k] == h + 1 && labels[k] == "case");
            let has_object = (0..n).any(|k| heads[k] == verb + 1 && labels[k] == "obj");
            if !other_case && !has_object {
                labels[h] = "obj".to_string();
            }
        }
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::testing::Sentence;

    /// Applies the repair to a sentence written as "word/UPOS/lemma/head/label" items (the
    /// reader's third column, `xpos`, holds the lemma here); returns whether it changed and
    /// the tree as "word/head/label" items.
    fn check(sentence: &str) -> (bool, String) {
        let mut s = Sentence::read(sentence);
        let lemmas: Vec<String> = s.xpos.iter().map(|l| l.to_string()).collect();
        let changed = attach_particles(&s.forms, &s.upos, &lemmas, &mut s.heads, &mut s.labels);
        (changed, s.render())
    }

    #[test]
    fn a_particle_read_as_a_preposition_moves_to_its_verb() {
        let (changed, out) = check(
            "Unions/NOUN/union/2/nsubj called/VERB/call/0/root off/ADP/off/5/case \
             the/DET/the/5/det strike/NOUN/strike/2/obl ./PUNCT/./2/punct",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Unions/2/nsubj called/0/root off/2/compound:prt the/5/det strike/2/obj ./2/punct"
        );
    }

    #[test]
    fn a_particle_read_as_a_modifier_of_a_number_moves_to_its_verb() {
        let (changed, out) = check(
            "Donors/NOUN/donor/2/nsubj handed/VERB/hand/0/root over/ADV/over/4/advmod \
             300/NUM/300/5/nummod tents/NOUN/tent/2/obj",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Donors/2/nsubj handed/0/root over/2/compound:prt 300/5/nummod tents/2/obj"
        );
    }

    #[test]
    fn other_words_and_other_readings_stay() {
        // "over" after a verb that is not in the list is a preposition.
        let s = "They/PRON/they/2/nsubj walked/VERB/walk/0/root over/ADP/over/4/case \
                 bridges/NOUN/bridge/2/obl";
        assert!(!check(s).0);
        // A particle that already hangs on its verb, whatever its label.
        let s = "The/DET/the/2/det envoy/NOUN/envoy/3/nsubj stepped/VERB/step/0/root \
                 down/ADV/down/3/advmod";
        assert!(!check(s).0);
        // "out of" is a preposition.
        let s = "Troops/NOUN/troop/2/nsubj pulled/VERB/pull/0/root out/ADP/out/5/case \
                 of/ADP/of/5/case towns/NOUN/town/2/obl";
        assert!(!check(s).0);
        // "took over 40 minutes".
        let s = "It/PRON/it/2/nsubj took/VERB/take/0/root over/ADV/over/4/advmod \
                 40/NUM/40/5/nummod minutes/NOUN/minute/2/obj";
        assert!(!check(s).0);
        // A particle that heads its verb is not moved below it (no cycle).
        let s = "set/VERB/set/2/acl up/ADP/up/0/root";
        assert!(!check(s).0);
    }

    #[test]
    fn a_phrase_with_its_own_preposition_stays_an_oblique() {
        let (changed, out) = check(
            "Police/NOUN/police/2/nsubj handed/VERB/hand/0/root over/ADP/over/5/case \
             to/ADP/to/5/case courts/NOUN/court/2/obl",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Police/2/nsubj handed/0/root over/2/compound:prt to/5/case courts/2/obl"
        );
    }
}
