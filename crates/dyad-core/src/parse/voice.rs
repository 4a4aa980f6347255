//! A repair of the parse: a subject the parser labelled passive (`nsubj:pass`) on a verb that
//! cannot be passive becomes an active subject (`nsubj`).
//!
//! A passive subject needs a passive verb: a past participle, after a passive auxiliary
//! ("was attacked") or none ("the embassy, attacked by rioters, ..."). The parser sometimes
//! labels the subject of a simple past ("the rebels attacked"), a present, or a perfect
//! with no passive auxiliary ("Kenya has accused Uganda") as passive, and the event coder
//! then looks for an agent that is not there and takes the subject for the target. In UD
//! English EWT's training trees, every one of the 1,183 passive subjects hangs on a past
//! participle, and none on a participle with a perfect "have" but no passive auxiliary.
//!
//! This module changes labels only; heads and tags are left as they were.

/// Relabels passive subjects of verbs that cannot be passive (see the module comment).
/// `forms` and `xpos` are the sentence's words and Penn tags, `heads` each word's head
/// (1-based, 0 for the root) and `labels` its relation; returns whether the tree changed.
pub fn activate_subjects(
    forms: &[&str],
    xpos: &[&str],
    heads: &[usize],
    labels: &mut [String],
) -> bool {
    let n = heads.len();
    if forms.len() != n || xpos.len() != n || labels.len() != n {
        return false;
    }
    let mut changed = false;
    for s in 0..n {
        if labels[s] != "nsubj:pass" || heads[s] == 0 || heads[s] > n {
            continue;
        }
        let v = heads[s] - 1;
        let auxiliaries: Vec<(String, &str)> = (0..n)
            .filter(|&k| heads[k] == v + 1 && labels[k].starts_with("aux"))
            .map(|k| (forms[k].to_lowercase(), labels[k].as_str()))
            .collect();
        // A form of "be" or "get" under any auxiliary label makes a passive possible ("was
        // accused" with "was" labelled `aux`).
        let passive_aux = auxiliaries.iter().any(|(form, label)| {
            *label == "aux:pass"
                || matches!(
                    form.as_str(),
                    "be" | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "been"
                        | "being"
                        | "am"
                        | "'s"
                        | "’s"
                        | "'re"
                        | "’re"
                        | "get"
                        | "got"
                        | "gets"
                        | "getting"
                )
        });
        let perfect = auxiliaries.iter().any(|(form, _)| {
            matches!(
                form.as_str(),
                "have" | "has" | "had" | "having" | "'ve" | "’ve"
            )
        });
        let active = match xpos[v] {
            "VBD" | "VBZ" | "VBP" | "VBG" | "VB" => !passive_aux,
            "VBN" => perfect && !passive_aux,
            _ => false,
        };
        if active {
            labels[s] = "nsubj".to_string();
            changed = true;
        }
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
        let changed = activate_subjects(&s.forms, &s.xpos, &s.heads, &mut s.labels);
        (changed, s.render())
    }

    #[test]
    fn the_subject_of_a_past_or_a_perfect_is_active() {
        let (changed, out) = check(
            "Rebels/NOUN/NNS/2/nsubj:pass attacked/VERB/VBD/0/root the/DET/DT/4/det \
             town/NOUN/NN/2/obj",
        );
        assert!(changed);
        assert_eq!(out, "Rebels/2/nsubj attacked/0/root the/4/det town/2/obj");
        let (changed, out) = check(
            "Kenya/PROPN/NNP/3/nsubj:pass has/AUX/VBZ/3/aux accused/VERB/VBN/0/root \
             Uganda/PROPN/NNP/3/obj",
        );
        assert!(changed);
        assert_eq!(out, "Kenya/3/nsubj has/3/aux accused/0/root Uganda/3/obj");
    }

    #[test]
    fn true_passives_stay() {
        // A passive auxiliary.
        let s = "Kenya/PROPN/NNP/4/nsubj:pass has/AUX/VBZ/4/aux been/AUX/VBN/4/aux:pass \
                 accused/VERB/VBN/0/root";
        assert!(!check(s).0);
        // A participle with no auxiliary at all.
        let s = "Kenya/PROPN/NNP/2/nsubj:pass accused/VERB/VBN/0/root by/ADP/IN/4/case \
                 Uganda/PROPN/NNP/2/obl:agent";
        assert!(!check(s).0);
    }
}
