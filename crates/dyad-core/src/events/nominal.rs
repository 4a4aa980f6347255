//! Parties of nominal events that the frame slots miss: who takes part in talks, a meeting
//! or a visit named by a phrase of the verb they are the subject of ("said during a visit to
//! Peru", "told reporters after talks with Chile"), by a phrase of the noun that names them
//! ("the envoy, on a visit to Peru,"), or by the predicate they are the subject of ("Chile
//! is in talks with Peru"); and the two parties that joint modifiers name ("Chilean-Peruvian
//! talks").

use super::code::{Attempt, Outcome, slot_word};
use super::dictionary::{EventDictionary, Pattern, Slot};
use super::tree::Tree;

/// Prepositions of a phrase naming an event that the subject of its verb takes part in:
/// "spoke at a meeting with", "said during talks with", "in talks with", "after talks with".
/// "On" counts for visits and calls only ("on a visit to", "on a call with"): elsewhere it
/// names a topic ("commented on talks with").
const TAKING_PART_IN: &[&str] = &["in", "during", "at", "after", "following"];

/// Verbs that only say an event named by their object was done, so that their subject
/// does it ("carried out a raid", "staged a protest", "issued a warning", "sent an
/// ultimatum"), and in a passive their agent ("the raid was carried out by Chile").
const LIGHT_VERBS: &[&str] = &[
    "carry",
    "conduct",
    "launch",
    "stage",
    "hold",
    "make",
    "issue",
    "commit",
    "perpetrate",
    "mount",
    "lay",
    "impose",
    "deliver",
    "send",
    "voice",
    "lodge",
    "file",
    "wage",
    "unleash",
    "organise",
    "organize",
    "undertake",
    "execute",
    "orchestrate",
    "step",
    "intensify",
    "escalate",
    "resume",
    "renew",
    "repeat",
    "reiterate",
    "level",
    "extend",
    "pay",
];

/// The word naming who does the event `w` names as the object (or passive subject) of a
/// light verb, for a pattern whose own slots do not look at the verb above the noun: the
/// verb's subject, or in a passive its agent ("Chile issued an ultimatum", "the siege was
/// laid by Chile").
pub(super) fn light_verb_source(tree: &Tree, w: usize, p: &Pattern) -> Option<(usize, String)> {
    // Only the frames that name the noun's agent by its possessor or modifier: "between"
    // and "from" frames name their parties otherwise.
    let agentive = p
        .source
        .iter()
        .any(|s| matches!(s, Slot::Possessor | Slot::Modifier));
    if tree.upos(w) != "NOUN" || !agentive || p.source.contains(&Slot::GovernorSubject) {
        return None;
    }
    let h = tree.head(w)?;
    let rel = tree.rel(w);
    // "Carry" and "step" only with their particles ("carried out", "stepped up").
    let particle = |verb: &str, prt: &str| {
        tree.lemma(h) != verb
            || tree
                .children(h)
                .iter()
                .any(|&c| tree.rel(c) == "compound:prt" && tree.lemma(c) == prt)
    };
    if tree.upos(h) != "VERB"
        || !matches!(rel.as_str(), "obj" | "nsubj:pass")
        || !LIGHT_VERBS.contains(&tree.lemma(h).as_str())
        || !particle("carry", "out")
        || !particle("step", "up")
    {
        return None;
    }
    let (s, path) = slot_word(tree, h, &Slot::Subject, 1)?;
    Some((s, format!("{path}→{rel}({})", tree.text(w))))
}

/// True when the pattern codes an event that every party named around it takes part in: a
/// mutual one (talks, meetings, calls) or a visit.
fn joint_or_visit(p: &Pattern) -> bool {
    p.mutual || p.mode.as_deref() == Some("visit")
}

/// The word naming who takes part in the talks, meeting, call or visit `w` when its own
/// slots name nobody, and how the path reads in the rule: the subject of the noun as a
/// predicate ("Chile is in talks with Peru"), else the subject of the verb whose "in",
/// "during", "at", "after" phrase it heads ("said during a visit to Peru"; in a passive,
/// the agent), else the noun naming an actor whose phrase it is ("the envoy, on a visit to
/// Peru, said").
pub(super) fn participant(tree: &Tree, w: usize, p: &Pattern) -> Option<(usize, String)> {
    if tree.upos(w) != "NOUN" || !joint_or_visit(p) {
        return None;
    }
    let trig = tree.text(w);
    let prep = tree.preposition(w)?.to_lowercase();
    let on = prep == "on" && (p.mode.as_deref() == Some("visit") || tree.lemma(w) == "call");
    if !(on || TAKING_PART_IN.contains(&prep.as_str())) {
        return None;
    }
    // "Chile is in talks with Peru" (not "it was a long call": the call itself).
    if let Some(s) = tree.child(w, "nsubj") {
        return Some((s, format!("nsubj({trig})")));
    }
    let h = tree.head(w)?;
    if !matches!(tree.base_rel(w).as_str(), "obl" | "nmod") {
        return None;
    }
    match tree.upos(h) {
        "VERB" => {
            let (s, path) = slot_word(tree, h, &Slot::Subject, 1)?;
            Some((s, format!("{path}→obl:{prep}({trig})")))
        }
        "NOUN" | "PROPN" if !tree.entities_at(h).is_empty() => {
            Some((h, format!("nmod:{prep}({trig})")))
        }
        _ => None,
    }
}

/// The one a nominal event is aimed at when it is under it: the subject of the noun as a
/// predicate ("Japan is under pressure from Egypt") or of the verb whose "under" phrase it
/// heads ("Japan came under pressure from Egypt").
pub(super) fn under_subject(tree: &Tree, w: usize) -> Option<(usize, String)> {
    if tree.upos(w) != "NOUN" || tree.preposition(w)?.to_lowercase() != "under" {
        return None;
    }
    let trig = tree.text(w);
    if let Some(s) = tree.child(w, "nsubj") {
        return Some((s, format!("nsubj({trig})")));
    }
    let h = tree.head(w).filter(|&h| tree.upos(h) == "VERB")?;
    if tree.base_rel(w) != "obl" {
        return None;
    }
    let (s, path) = slot_word(tree, h, &Slot::Subject, 1)?;
    Some((s, format!("{path}→obl:under({trig})")))
}

/// The modifiers of a mutual event's noun that name actors ("Chilean-Peruvian talks",
/// "the Chile-Peru summit"), with the nouns coordinated with them, in order: the parties
/// when there are two or more of them.
pub(super) fn joint_modifiers(tree: &Tree, w: usize, p: &Pattern) -> Vec<usize> {
    if tree.upos(w) != "NOUN" || !p.mutual {
        return Vec::new();
    }
    let mut out: Vec<usize> = Vec::new();
    for &c in tree.children(w) {
        if !matches!(tree.base_rel(c).as_str(), "amod" | "compound") {
            continue;
        }
        for x in std::iter::once(c).chain(
            tree.children(c)
                .iter()
                .copied()
                .filter(|&d| tree.base_rel(d) == "conj"),
        ) {
            if !tree.entities_at(x).is_empty() && !out.contains(&x) {
                out.push(x);
            }
        }
    }
    out
}

/// Suppresses the talks, meeting or visit that only sets the scene of the event of its verb
/// (or of the verb's object) by the same source ("held talks with the president during a visit to Lima": the talks
/// are the news, the visit where they happened), as event coders code one event a clause.
pub(super) fn suppress_scenes(tree: &Tree, dict: &EventDictionary, attempts: &mut [Attempt]) {
    let fired: Vec<(usize, Vec<usize>, String)> = attempts
        .iter()
        .filter_map(|a| match &a.outcome {
            Outcome::Fired(list) => Some((
                a.word,
                list.iter().map(|e| e.source.entity).collect(),
                a.pattern.clone(),
            )),
            _ => None,
        })
        .collect();
    for a in attempts.iter_mut() {
        let Outcome::Fired(list) = &a.outcome else {
            continue;
        };
        let w = a.word;
        if !dict.pattern(&a.pattern).is_some_and(joint_or_visit) || tree.upos(w) != "NOUN" {
            continue;
        }
        let Some(h) = tree.head(w).filter(|&h| tree.upos(h) == "VERB") else {
            continue;
        };
        let scene = tree.base_rel(w) == "obl"
            && tree.preposition(w).is_some_and(|prep| {
                let prep = prep.to_lowercase();
                prep == "on" || TAKING_PART_IN.contains(&prep.as_str())
            });
        if !scene {
            continue;
        }
        // The clause's own event is its verb's or its object's ("held talks").
        let own = fired.iter().find(|(x, sources, _)| {
            (*x == h || (tree.head(*x) == Some(h) && tree.base_rel(*x) == "obj"))
                && list.iter().any(|e| sources.contains(&e.source.entity))
        });
        if let Some((_, _, id)) = own {
            a.outcome = Outcome::Suppressed(format!("the scene of {id}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::events::code::tests::{coded, hand_parse as parse};

    #[test]
    fn who_is_seen_during_a_visit_makes_it() {
        // "Chile smiled during a visit to Peru." (not "about a visit to Peru").
        let sentence = |prep: &str| {
            parse(&[
                ("Chile", "Chile", "PROPN", "NNP", 2, "nsubj"),
                ("smiled", "smile", "VERB", "VBD", 0, "root"),
                (prep, prep, "ADP", "IN", 5, "case"),
                ("a", "a", "DET", "DT", 5, "det"),
                ("visit", "visit", "NOUN", "NN", 2, "obl"),
                ("to", "to", "ADP", "IN", 7, "case"),
                ("Peru", "Peru", "PROPN", "NNP", 5, "nmod"),
                (".", ".", "PUNCT", ".", 2, "punct"),
            ])
        };
        assert_eq!(coded(&sentence("during")), vec!["CHL 042 PER asserted"]);
        assert!(coded(&sentence("about")).is_empty());
    }

    #[test]
    fn who_is_in_talks_with_someone_talks_with_them() {
        // "Chile is in talks with Peru."
        let conllu = parse(&[
            ("Chile", "Chile", "PROPN", "NNP", 4, "nsubj"),
            ("is", "be", "AUX", "VBZ", 4, "cop"),
            ("in", "in", "ADP", "IN", 4, "case"),
            ("talks", "talk", "NOUN", "NNS", 0, "root"),
            ("with", "with", "ADP", "IN", 6, "case"),
            ("Peru", "Peru", "PROPN", "NNP", 4, "nmod"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ]);
        let events = coded(&conllu);
        assert!(
            events.contains(&"CHL 046 PER asserted".to_string()),
            "{events:?}"
        );
        assert!(
            events.contains(&"PER 046 CHL asserted".to_string()),
            "{events:?}"
        );
    }

    #[test]
    fn one_who_only_took_part_met_nobody_named() {
        // "Chile spoke at the talks." names no other party.
        let conllu = parse(&[
            ("Chile", "Chile", "PROPN", "NNP", 2, "nsubj"),
            ("spoke", "speak", "VERB", "VBD", 0, "root"),
            ("at", "at", "ADP", "IN", 5, "case"),
            ("the", "the", "DET", "DT", 5, "det"),
            ("talks", "talk", "NOUN", "NNS", 2, "obl"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]);
        assert!(coded(&conllu).is_empty());
    }

    #[test]
    fn joint_modifiers_name_both_parties() {
        // "Chilean-Peruvian talks resumed."
        let conllu = parse(&[
            ("Chilean", "Chilean", "ADJ", "JJ", 4, "amod"),
            ("-", "-", "PUNCT", "HYPH", 1, "punct"),
            ("Peruvian", "Peruvian", "ADJ", "JJ", 4, "amod"),
            ("talks", "talk", "NOUN", "NNS", 5, "nsubj"),
            ("resumed", "resume", "VERB", "VBD", 0, "root"),
            (".", ".", "PUNCT", ".", 5, "punct"),
        ]);
        let mut events = coded(&conllu);
        events.sort();
        assert_eq!(events, vec!["CHL 046 PER asserted", "PER 046 CHL asserted"]);
    }

    #[test]
    fn a_light_verb_gives_its_subject_or_agent_to_the_event_it_names() {
        // "Chile sent an ultimatum to Peru." (not "Chile read an ultimatum to Peru.").
        let active = |verb: &str, lemma: &str| {
            parse(&[
                ("Chile", "Chile", "PROPN", "NNP", 2, "nsubj"),
                (verb, lemma, "VERB", "VBD", 0, "root"),
                ("an", "a", "DET", "DT", 4, "det"),
                ("ultimatum", "ultimatum", "NOUN", "NN", 2, "obj"),
                ("to", "to", "ADP", "IN", 6, "case"),
                ("Peru", "Peru", "PROPN", "NNP", 4, "nmod"),
                (".", ".", "PUNCT", ".", 2, "punct"),
            ])
        };
        assert_eq!(coded(&active("sent", "send")), vec!["CHL 139 PER asserted"]);
        assert!(coded(&active("read", "read")).is_empty());
        // "The ultimatum to Peru was sent by Chile."
        let passive = parse(&[
            ("The", "the", "DET", "DT", 2, "det"),
            ("ultimatum", "ultimatum", "NOUN", "NN", 6, "nsubj:pass"),
            ("to", "to", "ADP", "IN", 4, "case"),
            ("Peru", "Peru", "PROPN", "NNP", 2, "nmod"),
            ("was", "be", "AUX", "VBD", 6, "aux:pass"),
            ("sent", "send", "VERB", "VBN", 0, "root"),
            ("by", "by", "ADP", "IN", 8, "case"),
            ("Chile", "Chile", "PROPN", "NNP", 6, "obl:agent"),
            (".", ".", "PUNCT", ".", 6, "punct"),
        ]);
        assert_eq!(coded(&passive), vec!["CHL 139 PER asserted"]);
    }

    #[test]
    fn a_visit_that_sets_the_scene_of_talks_is_not_coded_again() {
        // "Chile held talks with Peru during a visit to Lima."
        let conllu = parse(&[
            ("Chile", "Chile", "PROPN", "NNP", 2, "nsubj"),
            ("held", "hold", "VERB", "VBD", 0, "root"),
            ("talks", "talk", "NOUN", "NNS", 2, "obj"),
            ("with", "with", "ADP", "IN", 5, "case"),
            ("Peru", "Peru", "PROPN", "NNP", 2, "obl"),
            ("during", "during", "ADP", "IN", 8, "case"),
            ("a", "a", "DET", "DT", 8, "det"),
            ("visit", "visit", "NOUN", "NN", 2, "obl"),
            ("to", "to", "ADP", "IN", 10, "case"),
            ("Lima", "Lima", "PROPN", "NNP", 8, "nmod"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]);
        let events = coded(&conllu);
        assert!(
            events.contains(&"CHL 046 PER asserted".to_string()),
            "{events:?}"
        );
        assert!(!events.iter().any(|e| e.contains(" 042 ")), "{events:?}");
    }
}
