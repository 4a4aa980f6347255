//! The infinitive re-tag: "to" after a verb that takes an infinitive, read by the tagger as a
//! preposition before a noun ("has offered to hand over", "vowed to soldier on"), is given
//! its infinitive-marker reading, and the words after it are tagged again.
//!
//! The greedy tagger sometimes tags such a "to" IN and the verb after it NN; the parser then
//! hangs the verb as an oblique noun ("to hand" an `obl` of "offered") and the event it names
//! is lost. After the verbs of [`TAKES_INFINITIVE`], "to" followed by a lower-case singular
//! noun that does not start a longer noun phrase (the word after it is no noun) is a candidate;
//! [`candidates`] finds them, and the caller fixes the tags of "to" (TO) and of the next word
//! (VB) and has the tagger tag the other words again with them in its history.
//!
//! In UD English EWT's training trees, after these verbs, "to" followed by a lower-case word
//! that is not followed by a noun is the infinitive marker 563 times and a preposition 5 times
//! ("agreeing to terms", "prepared to perfection"). In 200 PolNeAR and 500 Reuters articles
//! the re-tag changes 14 sentences, 13 of them rightly ("trying to influence the", "fails to
//! service its debt"; the other is a typo in the source, "to continue to business of").

/// Verbs whose "to" is far more often an infinitive marker than a preposition (lemmas).
pub const TAKES_INFINITIVE: [&str; 27] = [
    "agree", "aim", "ask", "attempt", "begin", "continue", "decide", "expect", "fail", "hope",
    "intend", "need", "offer", "order", "plan", "pledge", "prepare", "promise", "refuse", "seek",
    "start", "threaten", "try", "urge", "vote", "vow", "want",
];

/// The positions of the "to"s to read as infinitive markers (see the module comment).
/// `lemma(i)` is the lemma of word `i` under its current tag (asked only of the word before
/// a "to").
pub fn candidates(forms: &[&str], xpos: &[&str], lemma: &dyn Fn(usize) -> String) -> Vec<usize> {
    let n = forms.len();
    if xpos.len() != n {
        return Vec::new();
    }
    (1..n.saturating_sub(1))
        .filter(|&to| {
            let verb = to - 1;
            let next = to + 1;
            forms[to].eq_ignore_ascii_case("to")
                && xpos[to] == "IN"
                && xpos[verb].starts_with("VB")
                && xpos[next] == "NN"
                && forms[next].chars().all(|c| c.is_ascii_lowercase())
                && xpos
                    .get(next + 1)
                    .is_none_or(|x| !x.starts_with("NN") && *x != "POS")
                && TAKES_INFINITIVE.contains(&lemma(verb).to_lowercase().as_str())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The candidates of a sentence written as "word/XPOS/lemma" items.
    fn check(sentence: &str) -> Vec<usize> {
        let items: Vec<Vec<&str>> = sentence
            .split(' ')
            .map(|w| w.split('/').collect())
            .collect();
        let forms: Vec<&str> = items.iter().map(|i| i[0]).collect();
        let xpos: Vec<&str> = items.iter().map(|i| i[1]).collect();
        let lemmas: Vec<String> = items.iter().map(|i| i[2].to_string()).collect();
        candidates(&forms, &xpos, &|i| lemmas[i].clone())
    }

    #[test]
    fn a_to_before_a_noun_after_an_infinitive_verb_is_a_candidate() {
        let s = "Chile/NNP/Chile has/VBZ/have offered/VBN/offer to/IN/to hand/NN/hand \
                 over/RP/over the/DT/the banker/NN/banker";
        assert_eq!(check(s), vec![3]);
        // At the end of the sentence.
        let s = "Rebels/NNS/rebel vowed/VBD/vow to/IN/to fight/NN/fight";
        assert_eq!(check(s), vec![2]);
    }

    #[test]
    fn prepositions_stay() {
        // The noun starts a longer noun phrase: "agreed to peace talks".
        let s = "Chile/NNP/Chile agreed/VBD/agree to/IN/to peace/NN/peace talks/NNS/talk";
        assert!(check(s).is_empty());
        // A plural noun: "agreed to terms".
        let s = "Chile/NNP/Chile agreed/VBD/agree to/IN/to terms/NNS/term";
        assert!(check(s).is_empty());
        // A verb that does not take an infinitive: "moved to Canada", "went to war".
        let s = "Troops/NNS/troop went/VBD/go to/IN/to war/NN/war ./././.";
        assert!(check(s).is_empty());
        // A name after "to".
        let s = "Chile/NNP/Chile agreed/VBD/agree to/IN/to Lima/NN/Lima";
        assert!(check(s).is_empty());
    }
}
