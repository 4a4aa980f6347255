//! Repairs of two parser errors that cost events: a root on the subject, and a time word
//! taken for the subject.
//!
//! The greedy parser sometimes makes a clause's subject the root and hangs the main verb
//! under it as a modifier or a parallel clause ("Serbia on Thursday flatly rejected the
//! ultimatum" with "rejected" a `conj` of "Serbia"; "Evidence was presented by the US" with
//! "presented" an `acl` of "Evidence"). A finite verb with no subject of its own that hangs
//! under a nominal root to its right, through nominals only, is the predicate of that
//! nominal: the verb becomes the root, the nominal its subject, and the words after the verb
//! that hung on the nominal's phrase move to the verb.
//!
//! In "Norway today accepted the plan" the parser often makes "today" the subject and hangs
//! "Norway" under it as a compound (in UD English EWT's training trees, such a word is a
//! subject once in 135 uses). When a subject is one of these time words and the word just
//! before it is a noun hanging under it, that noun heads the subject, takes the time word's
//! other dependents to its left, and the time word becomes an unmarked oblique of the verb.
//!
//! A sentence that ends with a full stop and has no finite verb at all is read the same way
//! when its past participle has an object ("Syrian rebels used civilians as shields." with
//! "used" tagged as a participle and hung on "rebels"): such a sentence is no headline.
//!
//! This module changes heads and labels only; tags are left as the tagger gave them.

/// The relations under which a misplaced main verb was found hanging.
const MISPLACED: [&str; 12] = [
    "acl",
    "acl:relcl",
    "advcl",
    "advcl:relcl",
    "parataxis",
    "conj",
    "ccomp",
    "amod",
    "dep",
    "appos",
    "xcomp",
    "compound",
];

/// Makes the misplaced main verb of a sentence its root (see the module comment). `heads`
/// holds each word's head (1-based, 0 for the root) and `labels` its relation; returns
/// whether the tree changed.
pub fn reroot(
    upos: &[&str],
    xpos: &[&str],
    out_heads: &mut [usize],
    out_labels: &mut [String],
) -> bool {
    let (heads, labels): (&[usize], &[String]) = (&*out_heads, &*out_labels);
    let n = heads.len();
    if upos.len() != n || xpos.len() != n || labels.len() != n {
        return false;
    }
    let Some(root) = heads.iter().position(|&h| h == 0) else {
        return false;
    };
    let children = |w: usize| (0..n).filter(move |&k| heads[k] == w + 1);
    let nominal = matches!(upos[root], "NOUN" | "PROPN" | "NUM" | "ADJ" | "PRON");
    let supported = children(root).any(|k| labels[k] == "cop" || labels[k].starts_with("aux"));
    if !nominal || supported {
        return false;
    }
    // A sentence that ends with a full stop and has no finite verb at all is no headline
    // fragment: a past participle there with an object of its own is its main verb, tagged
    // as a participle ("Syrian rebels used civilians as shields.").
    let no_finite_verb = !xpos
        .iter()
        .any(|x| matches!(*x, "VBD" | "VBZ" | "VBP" | "MD"));
    let full_stop = xpos.last() == Some(&".");
    let finite = |w: usize| {
        matches!(xpos[w], "VBD" | "VBZ" | "VBP")
            || children(w).any(|k| {
                labels[k].starts_with("aux") && matches!(xpos[k], "VBD" | "VBZ" | "VBP" | "MD")
            })
            || (no_finite_verb
                && full_stop
                && xpos[w] == "VBN"
                && children(w).any(|k| labels[k] == "obj")
                && !children(w).any(|k| labels[k] == "obl:agent"))
    };
    let subjectless = |w: usize| {
        !children(w).any(|k| {
            labels[k].starts_with("nsubj")
                || labels[k].starts_with("csubj")
                || labels[k] == "expl"
                || labels[k] == "mark"
        })
    };
    // The chain of heads from a word up to the root, through nominals only.
    let under_root_through_nominals = |w: usize| {
        let mut at = w;
        for _ in 0..n {
            let h = heads[at];
            if h == 0 || h > n {
                return false;
            }
            if h - 1 == root {
                return true;
            }
            at = h - 1;
            if matches!(upos[at], "VERB" | "AUX") {
                return false;
            }
        }
        false
    };
    let Some(verb) = (root + 1..n).find(|&k| {
        upos[k] == "VERB"
            && MISPLACED.contains(&labels[k].as_str())
            && finite(k)
            && subjectless(k)
            && under_root_through_nominals(k)
    }) else {
        return false;
    };
    let in_subtree = |w: usize, top: usize| super::descends(heads, w, top);
    // The words after the verb that hang on the subject's phrase belong to the clause.
    let moved: Vec<usize> = (verb + 1..n)
        .filter(|&k| !in_subtree(k, verb))
        .filter(|&k| {
            let h = heads[k];
            h != 0 && h - 1 < verb && in_subtree(h - 1, root)
        })
        .collect();
    let passive = children(verb).any(|k| labels[k] == "aux:pass");
    let (heads, labels) = (out_heads, out_labels);
    for k in moved {
        heads[k] = verb + 1;
        if labels[k] == "nmod" {
            labels[k] = "obl".to_string();
        }
    }
    heads[verb] = 0;
    labels[verb] = "root".to_string();
    heads[root] = verb + 1;
    labels[root] = if passive { "nsubj:pass" } else { "nsubj" }.to_string();
    true
}

/// The time words that stand before a verb without a preposition and are not its subject.
const TIME_WORDS: [&str; 4] = ["today", "yesterday", "tonight", "tomorrow"];

/// Gives the subject back to the noun a time word took it from (see the module comment).
/// `forms` are the sentence's words; returns whether the tree changed.
pub fn untime_subject(
    forms: &[&str],
    upos: &[&str],
    heads: &mut [usize],
    labels: &mut [String],
) -> bool {
    let n = heads.len();
    if forms.len() != n || upos.len() != n || labels.len() != n {
        return false;
    }
    let mut changed = false;
    for t in 1..n {
        let is_time = TIME_WORDS.iter().any(|w| forms[t].eq_ignore_ascii_case(w));
        if !is_time || !labels[t].starts_with("nsubj") {
            continue;
        }
        let noun = t - 1;
        if heads[noun] != t + 1 || !matches!(upos[noun], "NOUN" | "PROPN") {
            continue;
        }
        for head in heads.iter_mut().take(noun) {
            if *head == t + 1 {
                *head = noun + 1;
            }
        }
        heads[noun] = heads[t];
        labels[noun] = labels[t].clone();
        labels[t] = "obl:unmarked".to_string();
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::testing::Sentence;

    /// Applies `reroot` to a sentence; returns whether it changed and the new tree.
    fn check(sentence: &str) -> (bool, String) {
        let mut s = Sentence::read(sentence);
        let changed = reroot(&s.upos, &s.xpos, &mut s.heads, &mut s.labels);
        (changed, s.render())
    }

    #[test]
    fn a_verb_under_its_subject_becomes_the_root() {
        let (changed, out) = check(
            "Oslo/PROPN/NNP/0/root today/NOUN/NN/1/nmod:unmarked rejected/VERB/VBD/1/conj \
             the/DET/DT/5/det offer/NOUN/NN/3/obj ,/PUNCT/,/1/punct aides/NOUN/NNS/8/nsubj \
             said/VERB/VBD/1/parataxis ./PUNCT/./1/punct",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Oslo/3/nsubj today/1/nmod:unmarked rejected/0/root the/5/det offer/3/obj ,/3/punct \
             aides/8/nsubj said/3/parataxis ./3/punct"
        );
    }

    #[test]
    fn a_passive_verb_takes_a_passive_subject() {
        let (changed, out) = check(
            "Evidence/NOUN/NN/0/root was/AUX/VBD/3/aux:pass presented/VERB/VBN/1/acl \
             by/ADP/IN/5/case envoys/NOUN/NNS/3/obl:agent ./PUNCT/./1/punct",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Evidence/3/nsubj:pass was/3/aux:pass presented/0/root by/5/case envoys/3/obl:agent ./3/punct"
        );
    }

    /// Applies `untime_subject` to a sentence; returns whether it changed and the new tree.
    fn untime(sentence: &str) -> (bool, String) {
        let mut s = Sentence::read(sentence);
        let changed = untime_subject(&s.forms, &s.upos, &mut s.heads, &mut s.labels);
        (changed, s.render())
    }

    #[test]
    fn a_time_word_gives_the_subject_back() {
        let (changed, out) = untime(
            "The/DET/DT/4/det Danish/ADJ/JJ/4/amod government/NOUN/NN/4/compound \
             today/NOUN/NN/5/nsubj approved/VERB/VBD/0/root the/DET/DT/7/det \
             treaty/NOUN/NN/5/obj ./PUNCT/./5/punct",
        );
        assert!(changed);
        assert_eq!(
            out,
            "The/3/det Danish/3/amod government/5/nsubj today/5/obl:unmarked approved/0/root \
             the/7/det treaty/5/obj ./5/punct"
        );
    }

    #[test]
    fn a_time_word_that_is_the_subject_stays() {
        // "Today is a holiday": nothing stands before the time word.
        let s = "Today/NOUN/NN/3/nsubj is/AUX/VBZ/3/cop holiday/NOUN/NN/0/root";
        assert!(!untime(s).0);
        // A noun before the time word that does not hang under it.
        let s = "Ministers/NOUN/NNS/3/obl:unmarked yesterday/NOUN/NN/3/nsubj met/VERB/VBD/0/root";
        assert!(!untime(s).0);
        // A time word that is not the subject.
        let s = "Chile/PROPN/NNP/3/nsubj today/NOUN/NN/3/obl:unmarked voted/VERB/VBD/0/root";
        assert!(!untime(s).0);
    }

    #[test]
    fn a_participle_with_an_object_in_a_sentence_without_a_finite_verb_becomes_the_root() {
        let (changed, out) = check(
            "Kenyan/ADJ/JJ/2/amod rebels/NOUN/NNS/0/root used/VERB/VBN/2/acl \
             civilians/NOUN/NNS/3/obj as/ADP/IN/6/case shields/NOUN/NNS/3/obl ./PUNCT/./2/punct",
        );
        assert!(changed);
        assert_eq!(
            out,
            "Kenyan/2/amod rebels/3/nsubj used/0/root civilians/3/obj as/6/case shields/3/obl \
             ./3/punct"
        );
    }

    #[test]
    fn participles_in_fragments_and_beside_finite_verbs_stay() {
        // A headline without a full stop.
        let s = "Rebels/NOUN/NNS/0/root used/VERB/VBN/1/acl civilians/NOUN/NNS/2/obj";
        assert!(!check(s).0);
        // No object: "Figures quoted in pesos."
        let s = "Figures/NOUN/NNS/0/root quoted/VERB/VBN/1/acl in/ADP/IN/4/case \
                 pesos/NOUN/NNS/2/obl ./PUNCT/./1/punct";
        assert!(!check(s).0);
        // A finite verb elsewhere in the sentence.
        let s = "Aid/NOUN/NN/0/root sent/VERB/VBN/1/acl food/NOUN/NN/2/obj \
                 officials/NOUN/NNS/5/nsubj say/VERB/VBP/1/parataxis ./PUNCT/./1/punct";
        assert!(!check(s).0);
    }

    #[test]
    fn true_noun_roots_stay() {
        // A relative clause with its own subject.
        let s = "The/DET/DT/2/det treaty/NOUN/NN/0/root they/PRON/PRP/4/nsubj signed/VERB/VBD/2/acl:relcl";
        assert!(!check(s).0);
        // A participle without an auxiliary is a modifier, not a predicate.
        let s = "Talks/NOUN/NNS/0/root held/VERB/VBN/1/acl in/ADP/IN/4/case Oslo/PROPN/NNP/2/obl";
        assert!(!check(s).0);
        // A copular clause already has its predicate.
        let s = "Talks/NOUN/NNS/3/nsubj are/AUX/VBP/3/cop over/ADJ/JJ/0/root";
        assert!(!check(s).0);
        // A verb below another verb is that verb's business.
        let s = "Calls/NOUN/NNS/0/root to/PART/TO/3/mark stop/VERB/VB/1/acl fighting/NOUN/NN/3/obj \
                 grew/VERB/VBD/3/conj";
        assert!(!check(s).0);
    }
}
