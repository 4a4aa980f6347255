//! The constrained re-tag: a sentence the tagger left without a finite verb gets one back.
//!
//! A greedy tagger reads "Rebels attack a convoy" or "Doctors donated medicine" with the verb
//! as a noun or a participle (NNS, NN, VBN), and the parser then has no predicate to hang the
//! clause on. English sentences of news text almost always have a finite verb, so when the
//! main part of a sentence (before a trailing ", officials said") has none, the word whose
//! finite-verb reading fell least short of the tagger's choice is given that reading, and the
//! words after it are tagged again. The candidate must look like a verb after a subject: a
//! lower-case word of letters right after a noun or pronoun (adverbs between are skipped), and
//! a participle ("found", "killed") only in a sentence that ends like one, since headlines use
//! participles without an auxiliary ("Document found on street"); a present tense must agree
//! with the noun before it, and a singular noun is never read as a past tense. This module does not decide
//! tags itself; it only chooses among the tagger's own scores.

use super::tagger::VerbChoice;

/// The largest margin (the tagger's chosen score minus the finite-verb score) at which a
/// finite-verb reading is restored. Chosen on UD EWT dev, where the restored words were right
/// as often as wrong at 20 (web fragments) and more often wrong above it; 25 and 30 lowered
/// EWT test LAS and gained nothing on the PLOVER development records.
pub const MAX_MARGIN: f32 = 20.0;

/// The Penn tags of finite verbs and modals.
const FINITE: [&str; 4] = ["VBD", "VBZ", "VBP", "MD"];

/// The tags a restored verb may have had: words the tagger took for nouns, base forms,
/// participles, adjectives or adverbs ("back" in "Voters increasingly back the plan").
const RESTORABLE: [&str; 7] = ["NN", "NNS", "VB", "VBN", "JJ", "RB", "VBG"];

/// The tags of a word that can end the subject of a past-tense verb right before it; a
/// present-tense verb must also agree with it (below).
const SUBJECT_END: [&str; 6] = ["NN", "NNS", "NNP", "NNPS", "PRP", "-RRB-"];

/// The end of a sentence's main part: the position of the comma that opens a short trailing
/// attribution with its own finite verb (", a spokesman said ."), else the sentence's length.
pub fn main_part_end(forms: &[&str], xpos: &[&str]) -> usize {
    let n = forms.len().min(xpos.len());
    let mut end = n;
    // Closing punctuation and quotes at the end are not part of the attribution's words.
    while end > 0 && is_punct(xpos[end - 1]) {
        end -= 1;
    }
    let Some(comma) = (0..end).rev().find(|&k| is_punct(xpos[k])) else {
        return n;
    };
    let tail = &xpos[comma + 1..end];
    if forms[comma] == ","
        && comma > 0
        && tail.first().is_some_and(|x| *x != "CC")
        && (2..=8).contains(&tail.len())
        && tail.iter().any(|x| FINITE.contains(x))
    {
        comma
    } else {
        n
    }
}

/// Whether the main part of a sentence (before a trailing attribution) has no finite verb.
pub fn lacks_finite_verb(forms: &[&str], xpos: &[&str]) -> bool {
    let end = main_part_end(forms, xpos);
    !xpos[..end].iter().any(|x| FINITE.contains(x))
}

/// The word of a sentence's main part whose finite-verb reading the tagger should take,
/// with that reading: the one with the smallest margin among the words that may be
/// restored, when the margin is below `max_margin`. `class_xpos` gives the Penn tag of a
/// tagger class.
pub fn verb_to_restore<'t>(
    forms: &[&str],
    xpos: &[&str],
    verbs: &[Option<VerbChoice>],
    max_margin: f32,
    class_xpos: &dyn Fn(usize) -> &'t str,
) -> Option<(usize, VerbChoice)> {
    let end = main_part_end(forms, xpos).min(verbs.len());
    let ends_as_sentence = forms
        .iter()
        .zip(xpos)
        .rev()
        .find(|(_, x)| !matches!(**x, "''" | "``" | "-RRB-"))
        .is_some_and(|(f, _)| matches!(*f, "." | "!" | "?"));
    verbs[..end]
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .filter(|(_, v)| v.margin < max_margin)
        .filter(|&(i, _)| RESTORABLE.contains(&xpos[i]))
        .filter(|&(i, _)| forms[i].chars().all(|c| c.is_lowercase() || c == '-'))
        .filter(|&(i, _)| xpos[i] != "VBN" || ends_as_sentence)
        .filter(|&(i, v)| {
            let verb = class_xpos(v.class);
            // A singular noun read as a past tense was a noun in a compound ("the
            // cruise ship Freewinds") far more often than a verb.
            after_subject(xpos, i, verb) && !(xpos[i] == "NN" && verb == "VBD")
        })
        .min_by(|a, b| a.1.margin.total_cmp(&b.1.margin))
}

/// Whether word `i`, read as a verb with Penn tag `verb`, follows a word that can end its
/// subject (adverbs between skipped): a present tense agrees with it: no plural present after
/// a singular noun or name ("the ship sail", "Smith sail"), no singular one after a plural.
fn after_subject(xpos: &[&str], i: usize, verb: &str) -> bool {
    let mut j = i;
    while j > 0 && matches!(xpos[j - 1], "RB" | "RBR") {
        j -= 1;
    }
    let Some(subject) = j.checked_sub(1).and_then(|k| xpos.get(k)) else {
        return false;
    };
    match verb {
        "VBP" => matches!(*subject, "NNS" | "NNPS" | "PRP" | "-RRB-"),
        "VBZ" => matches!(*subject, "NN" | "NNP" | "PRP" | "-RRB-"),
        _ => SUBJECT_END.contains(subject),
    }
}

/// Whether a Penn tag is punctuation.
fn is_punct(x: &str) -> bool {
    matches!(
        x,
        "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "HYPH" | "NFP"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tagger classes of these tests.
    const TAGS: [&str; 3] = ["VBD", "VBZ", "VBP"];

    fn xpos_of(class: usize) -> &'static str {
        TAGS.get(class).copied().unwrap_or("NN")
    }

    fn choice(tag: &str, margin: f32) -> Option<VerbChoice> {
        let class = TAGS.iter().position(|t| *t == tag).unwrap_or(0);
        Some(VerbChoice { class, margin })
    }

    /// Splits "word/TAG" pairs.
    fn split(tagged: &str) -> (Vec<&str>, Vec<&str>) {
        tagged
            .split(' ')
            .map(|p| p.rsplit_once('/').unwrap_or((p, "NN")))
            .unzip()
    }

    /// The word restored in a tagged sentence, given each word's finite-verb choice, as
    /// `Models::annotate` chooses it.
    fn restored(tagged: &str, verbs: &[Option<VerbChoice>]) -> Option<usize> {
        let (f, x) = split(tagged);
        if !lacks_finite_verb(&f, &x) {
            return None;
        }
        verb_to_restore(&f, &x, verbs, MAX_MARGIN, &xpos_of).map(|(i, _)| i)
    }

    #[test]
    fn a_trailing_attribution_is_not_the_main_part() {
        let (f, x) = split("Rebels/NNS attack/NN convoys/NNS ,/, police/NNS said/VBD ./.");
        assert_eq!(main_part_end(&f, &x), 3);
        let (f, x) = split("Rebels/NNS attack/NN convoys/NNS ./.");
        assert_eq!(main_part_end(&f, &x), 4);
        // A long tail is a clause of its own, not an attribution, and so is a conjunct.
        let (f, x) = split(
            "Talks/NNS ended/VBD ,/, and/CC the/DT two/CD sides/NNS left/VBD the/DT city/NN at/IN dawn/NN ./.",
        );
        assert_eq!(main_part_end(&f, &x), 13);
        let (f, x) = split("Crowds/NNS gathered/VBN ,/, and/CC police/NNS waited/VBD ./.");
        assert_eq!(main_part_end(&f, &x), 7);
    }

    #[test]
    fn restores_the_closest_verb_after_a_subject() {
        let none = None;
        let s = "Rebels/NNS attack/NN a/DT convoy/NN ./.";
        let verbs = [
            choice("VBP", 30.0),
            choice("VBP", 6.0),
            none,
            choice("VBZ", 25.0),
            none,
        ];
        assert_eq!(restored(s, &verbs), Some(1));
        // Too far below the tagger's choice.
        let verbs = [none, choice("VBP", 26.0), none, none, none];
        assert_eq!(restored(s, &verbs), None);
        // A plural present does not follow a singular noun, nor a singular present a plural.
        let s = "The/DT rebel/NN attack/NN failed/JJ ./.";
        let verbs = [none, none, choice("VBP", 1.0), choice("VBD", 9.0), none];
        assert_eq!(restored(s, &verbs), Some(3));
        let s = "Rebels/NNS attacks/NNS convoys/NNS ./.";
        let verbs = [none, choice("VBZ", 1.0), none, none];
        assert_eq!(restored(s, &verbs), None);
    }

    #[test]
    fn leaves_sentences_with_a_finite_verb_alone() {
        let none = None;
        let s = "Rebels/NNS attacked/VBD a/DT convoy/NN ./.";
        let verbs = [
            choice("VBP", 3.0),
            choice("VBD", 0.0),
            none,
            choice("VBZ", 1.0),
            none,
        ];
        assert_eq!(restored(s, &verbs), None);
        // The verb of a trailing attribution does not count.
        let s = "Settlers/NNS burn/NN crops/NNS in/IN a/DT field/NN ,/, farmers/NNS said/VBD ./.";
        let mut verbs = vec![none; 10];
        verbs[1] = choice("VBP", 4.0);
        verbs[2] = choice("VBZ", 9.0);
        assert_eq!(restored(s, &verbs), Some(1));
        // A singular noun is not read as a past tense.
        verbs[1] = choice("VBD", 4.0);
        verbs[2] = none;
        assert_eq!(restored(s, &verbs), None);
    }

    #[test]
    fn headline_participles_and_names_stay() {
        let none = None;
        // A participle without an auxiliary in a headline is passive.
        let s = "Two/CD soldiers/NNS killed/VBN in/IN ambush/NN";
        assert_eq!(
            restored(s, &[none, none, choice("VBD", 2.0), none, none]),
            None
        );
        // In a sentence, it is the past tense the tagger missed.
        let s = "The/DT soldiers/NNS fired/VBN into/IN the/DT crowd/NN ./.";
        let verbs = [none, none, choice("VBD", 2.0), none, none, none, none];
        assert_eq!(restored(s, &verbs), Some(2));
        // Capitalised words and words with digits are not restored.
        let s = "Harbour/NN Lights/NNS in/IN Oslo/NNP";
        assert_eq!(restored(s, &[none, choice("VBZ", 1.0), none, none]), None);
        let s = "Door/NN 4b/NN ./.";
        assert_eq!(restored(s, &[none, choice("VBP", 1.0), none]), None);
        // No subject before it: an imperative or a fragment.
        let s = "Want/VB to/TO come/VB ?/.";
        assert_eq!(restored(s, &[choice("VBP", 1.0), none, none, none]), None);
    }
}
