//! Coding events over the dependency parse: trigger words, the frame slots that hold the
//! source and the target, the actors behind them, and the status of each event.
//!
//! For every word whose lemma triggers a pattern, the coder looks for the pattern's slots
//! among the word's dependents (with passives, control, conjuncts and relative clauses
//! handled), maps each slot's words to entities, and keeps the most specific pattern that
//! fired. Every attempt, fired or not, is kept as an [`Attempt`] so that `dyad explain` can
//! say why a pattern did or did not fire.

use crate::codebook::Codebook;
use crate::document::{Document, EntityType, Event, EventActor, EventStatus, Span};

use super::dictionary::{EventDictionary, Pattern, Slot, TriggerPos};
use super::tree::Tree;

/// Verbs whose object is the subject of their infinitive ("urged Moscow to extradite").
const OBJECT_CONTROL: &[&str] = &[
    "urge",
    "ask",
    "press",
    "call",
    "invite",
    "persuade",
    "force",
    "encourage",
    "order",
    "tell",
    "allow",
    "help",
    "pressure",
    "push",
    "request",
    "instruct",
    "compel",
    "authorize",
];

/// Heads that make the event below them planned.
const PLANNING: &[&str] = &[
    "plan", "intend", "seek", "want", "hope", "aim", "expect", "prepare", "try", "attempt",
    "propose", "wish", "mean", "set", "vow", "pledge", "promise", "agree", "decide", "offer",
    "threaten", "consider", "about", "ready", "likely",
];

/// Heads that make the event below them negated.
const NEGATING: &[&str] = &["refrain", "refuse", "decline", "fail", "reject", "deny"];

/// Nouns that negate the infinitive below them ("Brazil's refusal to concede").
const NEGATING_NOUNS: &[&str] = &["refusal", "reluctance", "unwillingness", "failure"];

/// Nouns of wanting or leaning that make the infinitive below them only planned, not done
/// ("Kenya's eagerness to mediate", "a propensity to intervene"), besides [`PLAN_NOUNS`].
const INTENT_NOUNS: &[&str] = &[
    "determination",
    "eagerness",
    "desire",
    "resolve",
    "propensity",
    "wish",
    "ambition",
    "intent",
];

/// Verbs whose complement is an allegation, not a fact the text reports: "accused the party of
/// signing a deal" codes the accusation; the deal itself is only alleged.
const ALLEGING: &[&str] = &["accuse", "allege", "blame", "suspect"];

/// Verbs by which commentators guess ("analysts say ... may", "experts believe ... will").
const GUESSING: &[&str] = &[
    "say",
    "believe",
    "think",
    "suggest",
    "expect",
    "predict",
    "speculate",
    "argue",
    "reckon",
    "warn",
    "note",
    "see",
];

/// Nouns of commentators: people who read the news without taking part in it. What they say
/// might or will happen is their guess, not an event.
const COMMENTATORS: &[&str] = &[
    "analyst",
    "expert",
    "observer",
    "commentator",
    "pundit",
    "economist",
    "strategist",
    "scholar",
    "academic",
    "specialist",
    "forecaster",
    "watcher",
];

/// Nouns that name a plan and carry the subject of their governing verb to an infinitive
/// below them ("has no plans to extradite him").
const PLAN_NOUNS: &[&str] = &[
    "plan",
    "decision",
    "effort",
    "attempt",
    "bid",
    "intention",
    "readiness",
    "promise",
    "pledge",
    "offer",
    "move",
    "right",
    "call",
    "threat",
    "agreement",
    "willingness",
];

/// Nouns that name two actors mentioned before when they follow "both" or "two".
const JOINT_NOUNS: &[&str] = &[
    "leader",
    "side",
    "country",
    "nation",
    "government",
    "president",
    "party",
    "minister",
    "state",
    "neighbour",
    "neighbor",
];

/// The entity index an implied source holds until [`adopt_implied_sources`] gives it an
/// entity of its own.
const IMPLIED_SOURCE: usize = usize::MAX;

/// Verbs of arresting, detaining and deporting that the police do ("rounded up", "booked
/// under" a law), besides any pattern that requires "custody" or "arrest"
/// ("taken into custody"): an agentless passive of one implies them ("was indicted" or "was
/// sentenced" does not: courts do that).
const ARRESTING: &[&str] = &[
    "arrest",
    "detain",
    "deport",
    "nab",
    "apprehend",
    "round",
    "book",
    "expel",
    "extradite",
];

/// Nouns of facilities that serve people: "a camp for Somali refugees" names the refugees.
const FACILITIES: &[&str] = &[
    "camp",
    "school",
    "clinic",
    "hospital",
    "shelter",
    "centre",
    "center",
    "home",
    "hostel",
    "orphanage",
    "mosque",
    "church",
    "temple",
    "settlement",
];

/// What happened when a pattern was tried on a word.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The pattern fired and gave these events.
    Fired(Vec<Event>),
    /// The trigger matched but a slot was empty or named no actor.
    Missing(String),
    /// The trigger lies inside the content of another event (a demand, an accusation).
    Suppressed(String),
    /// A better pattern fired on the same word.
    Outranked(String),
    /// The trigger matched but a discard rule applies (a sports score, a medium as target).
    Discarded(String),
}

/// One pattern tried on one word.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// The trigger word (index into the document's words).
    pub word: usize,
    /// The pattern's id.
    pub pattern: String,
    /// What happened.
    pub outcome: Outcome,
}

/// An actor found for a slot.
#[derive(Debug, Clone)]
struct Found {
    entity: usize,
    span: Span,
    /// How it was found beyond a direct mention ("pronoun", "both leaders"), for the rule.
    how: Option<String>,
    /// The code the event gives the actor when the entity's own is missing or has no
    /// country: the country named around it, with the entity's role.
    code: Option<String>,
}

/// Codes the events of a whole document; returns them with every attempt.
pub fn code_document(doc: &Document, dict: &EventDictionary) -> (Vec<Event>, Vec<Attempt>) {
    let tree = Tree::new(doc);
    if !tree.is_parsed() {
        return (Vec::new(), Vec::new());
    }
    let codebook = Codebook::get().ok();
    let mut attempts: Vec<Attempt> = Vec::new();
    for w in 0..tree.len() {
        let pos = match tree.upos(w) {
            "VERB" => TriggerPos::Verb,
            "NOUN" => TriggerPos::Noun,
            "ADJ" => TriggerPos::Adjective,
            _ => continue,
        };
        let lemma = candidate_lemmas(&tree, w)
            .into_iter()
            .find(|l| dict.for_lemma(pos, l).next().is_some());
        let Some(lemma) = lemma else {
            // PETRARCH's verbs, when loaded, where dyad has no pattern.
            attempts.extend(super::petrarch::attempts(&tree, w, pos, dict, codebook));
            continue;
        };
        let mut tried: Vec<Attempt> = dict
            .for_lemma(pos, &lemma)
            .filter(|p| requirements_met(&tree, w, p))
            .map(|p| Attempt {
                word: w,
                pattern: p.id.clone(),
                outcome: try_pattern(&tree, w, p, codebook),
            })
            .collect();
        // The most specific pattern that fired wins; ties go to the one with a target, then
        // to the first in the file.
        let best = tried
            .iter()
            .enumerate()
            .filter_map(|(i, a)| match &a.outcome {
                Outcome::Fired(events) => {
                    let p = dict.pattern(&a.pattern)?;
                    let has_target = events.iter().any(|e| e.target.is_some());
                    Some((i, (p.specificity(), has_target)))
                }
                _ => None,
            })
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i);
        if let Some(b) = best {
            let winner = tried[b].pattern.clone();
            for (i, a) in tried.iter_mut().enumerate() {
                if i != b && matches!(a.outcome, Outcome::Fired(_)) {
                    a.outcome = Outcome::Outranked(winner.clone());
                }
            }
        }
        // PETRARCH's verbs, when loaded, where none of dyad's own patterns fired.
        if !tried.iter().any(|a| matches!(a.outcome, Outcome::Fired(_))) {
            tried.extend(super::petrarch::attempts(&tree, w, pos, dict, codebook));
        }
        attempts.extend(tried);
    }
    let ours = super::petrarch::yield_to_ours(&tree, dict, &mut attempts);
    // Triggers inside the content of a demand, accusation or refusal are not events of their
    // own ("pressing Moscow to extradite Assad" is a demand, not an extradition).
    let content_heads: Vec<(usize, String)> = attempts
        .iter()
        .filter(|a| matches!(a.outcome, Outcome::Fired(_)))
        .filter(|a| dict.pattern(&a.pattern).is_some_and(|p| p.content))
        .map(|a| (a.word, a.pattern.clone()))
        .collect();
    // The content's own code, for a commitment that it makes more specific.
    let mut contents: Vec<(usize, String)> = Vec::new();
    for a in attempts.iter_mut() {
        if !matches!(a.outcome, Outcome::Fired(_)) {
            continue;
        }
        if let Some((h, id)) = content_heads
            .iter()
            .find(|(h, _)| *h != a.word && inside_content(&tree, a.word, *h))
        {
            if let Some(p) = dict.pattern(&a.pattern)
                && tree.head(a.word) == Some(*h)
                && tree.base_rel(a.word) == "xcomp"
            {
                contents.push((*h, p.cameo.clone()));
            }
            a.outcome = Outcome::Suppressed(format!("inside the content of {id}"));
        }
    }
    // "Agreed to lift sanctions": the commitment takes the code of what it commits to.
    for a in attempts.iter_mut() {
        let Outcome::Fired(list) = &mut a.outcome else {
            continue;
        };
        let Some((_, content)) = contents.iter().find(|(h, _)| *h == a.word) else {
            continue;
        };
        let lemma = tree.lemma(a.word);
        for e in list.iter_mut() {
            if e.status != EventStatus::Asserted {
                continue;
            }
            if let Some(c) = commitment_code(&e.cameo, &lemma, content) {
                e.rule.push_str(&format!(" (committing to {content})"));
                recode(e, c, codebook);
            }
        }
    }
    // A noun that a verb's pattern requires is part of that verb's trigger, not an event of
    // its own ("suspended talks with Iran" is not a round of talks).
    let mut consumed: Vec<(usize, String)> = Vec::new();
    for a in &attempts {
        let Some(p) = dict.pattern(&a.pattern) else {
            continue;
        };
        if !matches!(a.outcome, Outcome::Fired(_)) {
            continue;
        }
        for &c in tree.children(a.word) {
            if p.requires.iter().any(|r| r.lemma == tree.lemma(c)) {
                consumed.push((c, a.pattern.clone()));
            }
        }
    }
    for a in attempts.iter_mut() {
        if !matches!(a.outcome, Outcome::Fired(_)) {
            continue;
        }
        if let Some((_, id)) = consumed.iter().find(|(c, _)| *c == a.word) {
            a.outcome = Outcome::Suppressed(format!("part of the trigger of {id}"));
        }
    }
    suppress_guesses(&tree, &mut attempts);
    suppress_targetless_twins(&tree, &mut attempts);
    super::nominal::suppress_scenes(&tree, dict, &mut attempts);
    super::petrarch::restore_ours(&mut attempts, ours);
    let mut events: Vec<Event> = Vec::new();
    for a in &attempts {
        if let Outcome::Fired(list) = &a.outcome {
            for e in list {
                let duplicate = events.iter().any(|x| {
                    x.sentence == e.sentence
                        && x.trigger == e.trigger
                        && x.source.entity == e.source.entity
                        && x.target.as_ref().map(|t| t.entity)
                            == e.target.as_ref().map(|t| t.entity)
                });
                if !duplicate {
                    events.push(e.clone());
                }
            }
        }
    }
    let reported = reported_acts(&tree, &events, codebook);
    events.extend(reported);
    (events, attempts)
}

/// Verbs by which an actor tells of an act of force ("Israel said rebels fired ...").
const TELLING: &[&str] = &["say", "claim", "report", "state", "insist", "add", "charge"];

/// The speech acts around reported force: an actor who says another did an act of force
/// (CAMEO roots 18–20) accuses that actor (112); one who says it did the act itself claims
/// it (015). The act stays an event of its own. Media reporting and what is only planned or
/// guessed are left alone.
fn reported_acts(tree: &Tree, events: &[Event], codebook: Option<&Codebook>) -> Vec<Event> {
    let doc = tree.doc;
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        if !matches!(e.cameo.get(..2), Some("18" | "19" | "20"))
            || e.status != EventStatus::Asserted
        {
            continue;
        }
        let Some(t) = tree.word_at(e.trigger.start) else {
            continue;
        };
        // Up from the act through conjuncts to the clause a verb of telling governs.
        let mut x = t;
        for _ in 0..3 {
            if tree.rel(x) != "conj" {
                break;
            }
            let Some(h) = tree.head(x) else { break };
            x = h;
        }
        let Some(h) = tree.head(x) else { continue };
        if tree.base_rel(x) != "ccomp"
            || tree.upos(h) != "VERB"
            || !TELLING.contains(&tree.lemma(h).as_str())
        {
            continue;
        }
        let Some((sw, path)) = slot_word(tree, h, &Slot::Subject, 0) else {
            continue;
        };
        let Some(speaker) = actors_of(tree, h, sw, None).into_iter().next() else {
            continue;
        };
        let speaker_code = speaker
            .code
            .clone()
            .or_else(|| doc.entities[speaker.entity].code.clone());
        let country = |c: Option<&str>| c.and_then(|c| c.get(..3)).map(str::to_string);
        if speaker_code
            .as_deref()
            .is_some_and(|c| c.get(3..6) == Some("MED"))
        {
            continue;
        }
        // The same actor, or one with the very same code ("Russia said Russian troops
        // ..."); rebels of the speaker's own country are another actor.
        let own = speaker.entity == e.source.entity
            || (speaker_code == e.source.code
                && country(speaker_code.as_deref()).is_some_and(|c| c != "---"));
        let (cameo, target, what) = if own {
            ("015", e.target.clone(), "claims")
        } else {
            ("112", Some(e.source.clone()), "accuses")
        };
        let Some(target) = target else { continue };
        if target.entity == speaker.entity {
            continue;
        }
        let mut event = Event {
            sentence: e.sentence,
            trigger: doc.words[h].span,
            source: EventActor {
                entity: speaker.entity,
                code: speaker_code,
                span: speaker.span,
            },
            target: Some(target),
            cameo: String::new(),
            plover: None,
            mode: None,
            context: Vec::new(),
            quad_class: 0,
            goldstein: 0.0,
            status: EventStatus::Asserted,
            historical: e.historical,
            date: e.date.clone(),
            rule: format!(
                "reported-force: {path}={} {what} the act of {}",
                speaker
                    .how
                    .clone()
                    .unwrap_or_else(|| doc.slice(speaker.span).to_string()),
                e.rule.split(':').next().unwrap_or("")
            ),
            confidence: 0.6,
            location: None,
            reported_by: None,
            implied_source: false,
        };
        recode(&mut event, cameo, codebook);
        let duplicate = out.iter().chain(events).any(|x| {
            x.sentence == event.sentence
                && x.cameo.get(..2) == event.cameo.get(..2)
                && x.source.entity == event.source.entity
                && x.target.as_ref().map(|t| t.entity) == event.target.as_ref().map(|t| t.entity)
        });
        if !duplicate {
            out.push(event);
        }
    }
    out
}

/// Suppresses what might or will happen in the words of commentators ("analysts say Al
/// Sharaa may seek to renegotiate ..."): a guess about the news is not news. What they
/// report as done is kept.
fn suppress_guesses(tree: &Tree, attempts: &mut [Attempt]) {
    for a in attempts.iter_mut() {
        let Outcome::Fired(list) = &a.outcome else {
            continue;
        };
        if !list
            .iter()
            .all(|e| matches!(e.status, EventStatus::Hypothetical | EventStatus::Planned))
        {
            continue;
        }
        if let Some(c) = commentator_over(tree, a.word) {
            a.outcome = Outcome::Suppressed(format!("a guess of {}", tree.text(c)));
        }
    }
}

/// The commentator whose guess holds `w`: the subject of a guessing verb above it, or the
/// noun of an "according to" phrase on a clause above it.
fn commentator_over(tree: &Tree, w: usize) -> Option<usize> {
    let commentator = |c: usize| COMMENTATORS.contains(&tree.lemma(c).as_str());
    let mut x = w;
    for _ in 0..8 {
        let h = tree.head(x)?;
        if !matches!(
            tree.base_rel(x).as_str(),
            "xcomp" | "ccomp" | "advcl" | "acl" | "obj" | "obl" | "conj" | "parataxis"
        ) {
            return None;
        }
        for &c in tree.children(h) {
            let base = tree.base_rel(c);
            let guessing = GUESSING.contains(&tree.lemma(h).as_str());
            if (guessing && base == "nsubj" && commentator(c))
                || (base == "obl"
                    && tree.preposition(c).as_deref() == Some("according to")
                    && commentator(c))
            {
                return Some(c);
            }
        }
        x = h;
    }
    None
}

/// Suppresses an event without a target whose trigger is joined by an infinitive or
/// adverbial clause to the trigger of an event of the same source that has one: both tell
/// one act, and the second says to whom ("intervened militarily to bolster Assad's
/// government" is the support, not a second, targetless use of force).
fn suppress_targetless_twins(tree: &Tree, attempts: &mut [Attempt]) {
    let targeted: Vec<(usize, usize, String)> = attempts
        .iter()
        .filter_map(|a| match &a.outcome {
            Outcome::Fired(list) => list
                .iter()
                .find(|e| e.target.is_some())
                .map(|e| (a.word, e.source.entity, a.pattern.clone())),
            _ => None,
        })
        .collect();
    let joined = |x: usize, y: usize| {
        tree.head(x) == Some(y) && matches!(tree.base_rel(x).as_str(), "xcomp" | "advcl")
    };
    for a in attempts.iter_mut() {
        let Outcome::Fired(list) = &a.outcome else {
            continue;
        };
        if list.iter().any(|e| e.target.is_some()) {
            continue;
        }
        let twin = targeted.iter().find(|(w, source, _)| {
            list.iter().any(|e| e.source.entity == *source)
                && (joined(a.word, *w) || joined(*w, a.word))
        });
        if let Some((_, _, id)) = twin {
            a.outcome = Outcome::Suppressed(format!("the same act as {id}, which has a target"));
        }
    }
}

/// True when `w` lies in a complement of `head` (`xcomp`, `ccomp`, `advcl`, or an `acl` of
/// its object), possibly through conjuncts, within a few steps; or when `w` is an event noun
/// that is itself the object or oblique of `head` ("demanded talks", "ruled out talks with
/// Israel", "pushed for negotiations").
fn inside_content(tree: &Tree, w: usize, head: usize) -> bool {
    if tree.head(w) == Some(head)
        && tree.upos(w) == "NOUN"
        && matches!(tree.base_rel(w).as_str(), "obj" | "obl")
    {
        return true;
    }
    let mut x = w;
    for _ in 0..6 {
        let Some(h) = tree.head(x) else { return false };
        let rel = tree.base_rel(x);
        if !matches!(
            rel.as_str(),
            "xcomp" | "ccomp" | "advcl" | "conj" | "acl" | "obj" | "obl"
        ) {
            return false;
        }
        if h == head {
            // "alleged that ... and that the army helped": a second "that" clause the
            // parser hung on the verb as a conjunct is a second complement.
            let that_clause = rel == "conj"
                && tree
                    .children(x)
                    .iter()
                    .any(|&c| tree.base_rel(c) == "mark" && tree.lemma(c) == "that");
            return that_clause || matches!(rel.as_str(), "xcomp" | "ccomp" | "advcl" | "acl");
        }
        x = h;
    }
    false
}

/// The lemma, then guesses from the form for when the lemmatizer erred ("aided" → "aid").
fn candidate_lemmas(tree: &Tree, w: usize) -> Vec<String> {
    let mut out = vec![tree.lemma(w)];
    let form = tree.form(w);
    for suffix in ["ied", "ies", "ed", "es", "s", "ing", "d"] {
        if let Some(stem) = form.strip_suffix(suffix)
            && stem.len() >= 2
        {
            if suffix.starts_with('i') {
                out.push(format!("{stem}y"));
            } else {
                out.push(stem.to_string());
                out.push(format!("{stem}e"));
                // "gassed" → "gas", "planned" → "plan".
                // Compare characters, not bytes: two bytes of one multibyte character may be
                // equal, and cutting between them would panic.
                let mut rev = stem.char_indices().rev();
                if let (Some((last_at, last)), Some((_, before))) = (rev.next(), rev.next())
                    && last == before
                    && stem.chars().count() >= 3
                {
                    out.push(stem[..last_at].to_string());
                }
            }
        }
    }
    out.push(form);
    out
}

fn requirements_met(tree: &Tree, w: usize, p: &Pattern) -> bool {
    p.requires.iter().all(|r| {
        // A particle may have been parsed as the preposition of the next phrase
        // ("pulled out of Georgia", "handed over the banker").
        let particle = r.rel.is_none()
            && tree.children(w).iter().any(|&c| {
                tree.children(c)
                    .iter()
                    .any(|&d| tree.base_rel(d) == "case" && tree.lemma(d) == r.lemma)
            });
        particle
            || tree.children(w).iter().any(|&c| {
                // `+xcomp:*` asks for a dependent with this relation and any lemma.
                (r.lemma == "*" || tree.lemma(c) == r.lemma || tree.form(c) == r.lemma)
                    && r.rel.as_deref().is_none_or(|rel| {
                        let have = tree.rel(c);
                        // In a passive the object is the subject ("evidence was presented").
                        have == rel
                            || have.split(':').next() == Some(rel)
                            || (rel == "obj" && have == "nsubj:pass")
                    })
            })
    })
}

/// True when the phrase `c` is introduced by the preposition `prep` ("of" also matches
/// "out of").
fn prep_is(tree: &Tree, c: usize, prep: &str) -> bool {
    tree.preposition(c)
        .is_some_and(|p| p == prep || p.ends_with(&format!(" {prep}")))
}

/// True when the clause of `w` is passive: it has a passive subject or auxiliary, or it is
/// a reduced relative on an actor with an agent ("the rebels backed by Kenya").
fn is_passive(tree: &Tree, w: usize) -> bool {
    tree.children(w)
        .iter()
        .any(|&c| matches!(tree.rel(c).as_str(), "nsubj:pass" | "aux:pass"))
        || reduced_passive(tree, w)
}

/// True for a past participle modifying a noun that names an actor, with a "by" agent of
/// its own and no subject or auxiliary ("the rebels backed by Kenya", "people killed by
/// police"). A thing made, signed or released by someone ("a law enacted by", "an order
/// signed by", "technology created by") is left out: on news it is mostly no act between
/// two parties, and the coder would look for the missing party elsewhere.
fn reduced_passive(tree: &Tree, w: usize) -> bool {
    tree.xpos(w) == "VBN"
        && tree.rel(w) == "acl"
        && tree.head(w).is_some_and(|h| {
            matches!(tree.upos(h), "NOUN" | "PROPN") && !tree.entities_at(h).is_empty()
        })
        && !tree
            .children(w)
            .iter()
            .any(|&c| tree.base_rel(c) == "nsubj" || tree.base_rel(c) == "aux")
        && tree.children(w).iter().any(|&c| {
            tree.rel(c) == "obl:agent" || (tree.base_rel(c) == "obl" && prep_is(tree, c, "by"))
        })
}

/// The word that fills a slot of `w`, and how the path reads in the rule.
pub(super) fn slot_word(
    tree: &Tree,
    w: usize,
    slot: &Slot,
    depth: usize,
) -> Option<(usize, String)> {
    if depth > 5 {
        return None;
    }
    let trig = tree.text(w).to_string();
    let passive = is_passive(tree, w);
    let by_prep = |prep: &str| -> Option<usize> {
        tree.children(w).iter().copied().find(|&c| {
            matches!(tree.base_rel(c).as_str(), "obl" | "nmod")
                && tree.rel(c) != "nmod:poss"
                && prep_is(tree, c, prep)
        })
    };
    match slot {
        Slot::Subject => {
            if passive {
                if let Some(a) = tree.child(w, "obl:agent").or_else(|| by_prep("by")) {
                    return Some((a, format!("obl:agent({trig})")));
                }
                // "killed in Russian airstrikes", "injured in police firing": the actor of
                // the event noun that did it.
                for &c in tree.children(w) {
                    if tree.base_rel(c) != "obl"
                        || !(prep_is(tree, c, "in") || prep_is(tree, c, "during"))
                        || !event_noun(&tree.lemma(c))
                    {
                        continue;
                    }
                    let by = tree.children(c).iter().copied().find(|&d| {
                        matches!(tree.rel(d).as_str(), "nmod:poss" | "amod" | "compound")
                            && !tree.entities_at(d).is_empty()
                    });
                    if let Some(d) = by {
                        return Some((d, format!("{}(obl:in({trig}))", tree.rel(d))));
                    }
                }
                // "after being overthrown" and "the regime overthrown in 2024" have no agent.
                return None;
            }
            // Of two subjects the parser gave one verb ("Human rights watchdog Amnesty
            // accused ..."), the one that names an actor.
            let subjects: Vec<usize> = tree
                .children(w)
                .iter()
                .copied()
                .filter(|&c| tree.rel(c) == "nsubj")
                .collect();
            if let Some(&s) = subjects
                .iter()
                .find(|&&c| !tree.entities_at(c).is_empty())
                .or(subjects.iter().find(|&&c| !is_time_word(tree, c)))
            {
                return Some((s, format!("nsubj({trig})")));
            }
            let h = tree.head(w)?;
            let rel = tree.base_rel(w);
            // An infinitive the parser hung as a clausal complement ("planned to ask")
            // takes its controller like any infinitive.
            let infinitive = rel == "ccomp" && tree.xpos(w) == "VB";
            // A finite verb the parser hung below the noun before it ("Israel on Wednesday
            // released ...", parsed with "Israel" as the root): that noun is its subject.
            if matches!(rel.as_str(), "parataxis" | "dep" | "appos" | "acl" | "conj")
                && matches!(tree.xpos(w), "VBD" | "VBZ" | "VBP")
                && h < w
                && matches!(tree.upos(h), "NOUN" | "PROPN")
                && tree.head(h).is_none()
                && !tree
                    .children(h)
                    .iter()
                    .any(|&c| tree.base_rel(c) == "nsubj")
            {
                return Some((h, format!("{rel}({trig})")));
            }
            match rel.as_str() {
                _ if rel == "xcomp" || infinitive => {
                    if OBJECT_CONTROL.contains(&tree.lemma(h).as_str())
                        && let Some(o) = tree.child(h, "obj").or_else(|| tree.child(h, "iobj"))
                    {
                        return Some((o, format!("obj({})→xcomp({trig})", tree.text(h))));
                    }
                    // "Obama is scheduled to attend", "the minister was forced to resign":
                    // the passive subject of the verb above does the infinitive.
                    if is_passive(tree, h)
                        && let Some(s) = tree.child(h, "nsubj:pass")
                    {
                        return Some((s, format!("nsubj:pass({})→xcomp({trig})", tree.text(h))));
                    }
                    let (s, path) = slot_word(tree, h, &Slot::Subject, depth + 1)?;
                    Some((s, format!("{path}→{rel}({trig})")))
                }
                "conj" | "advcl" => {
                    let (s, path) = slot_word(tree, h, &Slot::Subject, depth + 1)?;
                    Some((s, format!("{path}→{rel}({trig})")))
                }
                "acl" => {
                    // "Kenyan students demonstrated": a sentence whose root is a noun with a
                    // finite-looking verb below it is a clause the parser took for a phrase.
                    if matches!(tree.xpos(w), "VBN" | "VBD")
                        && tree.head(h).is_none()
                        && tree.upos(h) != "VERB"
                        && !tree.children(w).iter().any(|&c| prep_is(tree, c, "by"))
                    {
                        return Some((h, format!("acl({trig})")));
                    }
                    // "police arrested 40 rioters" taken for a reduced relative ("the men
                    // arrested"): a participle with a direct object of its own is active,
                    // and the noun before it is its subject.
                    if matches!(tree.xpos(w), "VBN" | "VBD")
                        && h < w
                        && matches!(tree.upos(h), "NOUN" | "PROPN")
                        && tree.child(w, "obj").is_some()
                        && !tree.children(w).iter().any(|&c| prep_is(tree, c, "by"))
                    {
                        return Some((h, format!("acl({trig})")));
                    }
                    if tree.xpos(w) == "VBG" && tree.upos(h) != "VERB" {
                        // "issued a statement condemning ...": a phrase that names no actor,
                        // the object of a verb, speaks for that verb's subject.
                        if tree.entities_at(h).is_empty()
                            && tree.base_rel(h) == "obj"
                            && let Some(g) = tree.head(h)
                            && let Some((s, path)) = slot_word(tree, g, &Slot::Subject, depth + 1)
                        {
                            return Some((s, format!("{path}→obj→acl({trig})")));
                        }
                        return Some((h, format!("acl({trig})")));
                    }
                    if let Some((s, path)) = noun_infinitive_subject(tree, w, h) {
                        return Some((s, format!("{path}→acl({trig})")));
                    }
                    if PLAN_NOUNS.contains(&tree.lemma(h).as_str()) {
                        let g = tree.head(h)?;
                        let (s, path) = slot_word(tree, g, &Slot::Subject, depth + 1)?;
                        return Some((s, format!("{path}→acl({trig})")));
                    }
                    None
                }
                _ => None,
            }
        }
        Slot::Object => {
            if passive {
                if let Some(s) = tree.child(w, "nsubj:pass") {
                    return Some((s, format!("nsubj:pass({trig})")));
                }
                if let Some(h) = tree.head(w)
                    && tree.rel(w).starts_with("acl")
                    && tree.upos(h) != "VERB"
                {
                    return Some((h, format!("acl({trig})")));
                }
                return None;
            }
            // A day the parser took for the object ("rejected Thursday a proposal") is not it.
            let objects: Vec<usize> = tree
                .children(w)
                .iter()
                .copied()
                .filter(|&c| tree.rel(c) == "obj")
                .collect();
            if let Some(&o) = objects
                .iter()
                .find(|&&c| !is_time_word(tree, c))
                .or(objects.first())
            {
                return Some((o, format!("obj({trig})")));
            }
            // A verb with a subject that the parser took for a modifier of the noun after
            // it ("Russia fired rockets at ...", parsed as "fired rockets"): the noun is its
            // object.
            if let Some(h) = amod_verb_head(tree, w) {
                return Some((h, format!("amod({trig})")));
            }
            // An object the parser took for an indirect one ("told the chancellor that").
            if let Some(o) = tree.child(w, "iobj")
                && tree.child(w, "obj").is_none()
            {
                return Some((o, format!("iobj({trig})")));
            }
            // A past participle modifying a noun: "the embassy attacked by rioters" (not a
            // relative clause in the perfect: "a donor who had supported the senator").
            if tree.xpos(w) == "VBN"
                && let Some(h) = tree.head(w)
                && tree.rel(w).starts_with("acl")
                && !tree
                    .children(w)
                    .iter()
                    .any(|&c| matches!(tree.rel(c).as_str(), "aux" | "nsubj"))
            {
                return Some((h, format!("acl({trig})")));
            }
            following_object(tree, w).map(|o| (o, format!("next({trig})")))
        }
        Slot::IndirectObject => tree.child(w, "iobj").map(|o| (o, format!("iobj({trig})"))),
        Slot::Prep(p) => {
            if let Some(o) = by_prep(p) {
                return Some((o, format!("obl:{}({trig})", p.replace(' ', "_"))));
            }
            // The phrase may hang on the object or a complement instead ("cut ties with
            // Qatar", "agreed to cooperate with Germany"), or, for a noun, on its verb
            // ("launched a crackdown on the opposition").
            let hosts: Vec<usize> = tree
                .children(w)
                .iter()
                .copied()
                .filter(|&c| {
                    matches!(tree.base_rel(c).as_str(), "obj" | "obl" | "xcomp")
                        // "Evidence against Russia was presented".
                        || tree.rel(c) == "nsubj:pass"
                        // "a suspension of flights to Georgia".
                        || (tree.upos(w) == "NOUN"
                            && tree.base_rel(c) == "nmod"
                            && prep_is(tree, c, "of"))
                })
                .chain(
                    tree.head(w)
                        .filter(|_| tree.upos(w) == "NOUN" && tree.rel(w) == "obj"),
                )
                .chain(amod_verb_head(tree, w))
                .collect();
            hosts.into_iter().find_map(|h| {
                tree.children(h)
                    .iter()
                    .copied()
                    .find(|&c| {
                        c != w
                            && matches!(tree.base_rel(c).as_str(), "obl" | "nmod")
                            && tree.rel(c) != "nmod:poss"
                            && prep_is(tree, c, p)
                    })
                    .map(|o| (o, format!("obl:{}({})", p.replace(' ', "_"), tree.text(h))))
            })
        }
        // "an attack by rebels" says what "the rebels' attack" says.
        Slot::Possessor => tree
            .child(w, "nmod:poss")
            .map(|o| (o, format!("nmod:poss({trig})")))
            .or_else(|| {
                (tree.upos(w) == "NOUN")
                    .then(|| by_prep("by"))
                    .flatten()
                    .map(|o| (o, format!("nmod:by({trig})")))
            }),
        // A modifier whose only actor is a phrase holding the trigger itself with no
        // country ("air" of "air strikes", which the actor stage reads as a military of
        // unknown country) names no party; "Kenyan air strikes" does.
        Slot::Modifier => tree
            .children(w)
            .iter()
            .copied()
            .find(|&c| {
                let own = tree.entities_at(w);
                matches!(tree.base_rel(c).as_str(), "amod" | "compound")
                    && tree.entities_at(c).iter().any(|(e, _)| {
                        !own.iter().any(|(f, _)| f == e)
                            || tree.doc.entities[*e]
                                .code
                                .as_deref()
                                .is_some_and(|code| !code.starts_with("---"))
                    })
            })
            .map(|c| (c, format!("{}({trig})", tree.rel(c)))),
        Slot::ComplementSubject => tree
            .children(w)
            .iter()
            .copied()
            .filter(|&c| matches!(tree.base_rel(c).as_str(), "ccomp" | "xcomp"))
            .find_map(|c| {
                tree.child(c, "nsubj")
                    .or_else(|| tree.child(c, "nsubj:pass"))
            })
            .map(|s| (s, format!("nsubj(comp({trig}))"))),
        Slot::ComplementObject => complement_objects(tree, w, depth).into_iter().next(),
        Slot::GovernorSubject => {
            let h = tree.head(w)?;
            if matches!(tree.rel(w).as_str(), "obj" | "nsubj:pass") {
                let (s, path) = slot_word(tree, h, &Slot::Subject, depth + 1)?;
                return Some((s, format!("{path}→obj({trig})")));
            }
            // Who takes part in an event does it: "engaged in ethnic cleansing", "took part
            // in the attack", "were involved in the fighting".
            // "took part in the attack" with the phrase hung on "part" or on "took".
            let (h, taking_part) = match tree.head(h) {
                Some(g)
                    if tree.lemma(h) == "part"
                        && tree.rel(h) == "obj"
                        && tree.lemma(g) == "take" =>
                {
                    (g, true)
                }
                _ => (
                    h,
                    TAKING_PART.contains(&tree.lemma(h).as_str())
                        || (tree.lemma(h) == "take"
                            && tree
                                .children(h)
                                .iter()
                                .any(|&c| tree.base_rel(c) == "obj" && tree.lemma(c) == "part")),
                ),
            };
            // Who comes, gathers or receives a guest for an event holds it ("arrived for
            // talks", "flew to Tokyo for a summit", "hosted the prime minister for a
            // meeting").
            let gathering = prep_is(tree, w, "for") && GATHERING.contains(&tree.lemma(h).as_str());
            if !matches!(tree.base_rel(w).as_str(), "obl" | "nmod")
                || !((prep_is(tree, w, "in") && taking_part) || gathering)
            {
                return None;
            }
            if gathering {
                let (s, path) = slot_word(tree, h, &Slot::Subject, depth + 1)?;
                return Some((s, format!("{path}→obl:for({trig})")));
            }
            if is_passive(tree, h) {
                let s = tree.child(h, "nsubj:pass")?;
                return Some((s, format!("nsubj:pass({})→obl:in({trig})", tree.text(h))));
            }
            let (s, path) = slot_word(tree, h, &Slot::Subject, depth + 1)?;
            Some((s, format!("{path}→obl:in({trig})")))
        }
    }
}

/// Nouns of urging or asking whose "to" phrase names who is to act ("an appeal to Kenya to
/// release", "an invitation to the envoy to visit").
const URGING_NOUNS: &[&str] = &["appeal", "invitation", "request", "order", "plea", "call"];

/// Who does an infinitive that modifies a noun (`acl` of `noun`), when the noun phrase says:
/// the party urged ("pressure on Iran to halt", "calls on Israel to stop", "an appeal to
/// Kenya to release"), else the noun's author ("Kenya's decision to expel", "the refusal by
/// Chile to sign"); a noun the parser gave the infinitive though it is the object of a verb
/// of urging ("urged the committee to support", parsed with "to support" below
/// "committee") does it itself. Gives the word and its path.
fn noun_infinitive_subject(tree: &Tree, w: usize, noun: usize) -> Option<(usize, String)> {
    if tree.xpos(w) != "VB"
        || !tree
            .children(w)
            .iter()
            .any(|&c| tree.rel(c) == "mark" && tree.form(c) == "to")
    {
        return None;
    }
    let named = |x: usize| !tree.entities_at(x).is_empty();
    if named(noun)
        && tree.rel(noun) == "obj"
        && tree
            .head(noun)
            .is_some_and(|g| OBJECT_CONTROL.contains(&tree.lemma(g).as_str()))
    {
        return Some((noun, format!("obj({})", tree.text(noun))));
    }
    let lemma = tree.lemma(noun);
    let phrase = |prep: &str| {
        tree.children(noun)
            .iter()
            .copied()
            .find(|&c| c < w && tree.base_rel(c) == "nmod" && prep_is(tree, c, prep) && named(c))
    };
    if let Some(c) = phrase("on").or_else(|| {
        URGING_NOUNS
            .contains(&lemma.as_str())
            .then(|| phrase("to"))
            .flatten()
    }) {
        let prep = tree.preposition(c).unwrap_or_default();
        return Some((c, format!("nmod:{prep}({})", tree.text(noun))));
    }
    if URGING_NOUNS.contains(&lemma.as_str()) {
        return None;
    }
    tree.children(noun)
        .iter()
        .copied()
        .find(|&c| {
            c < w
                && named(c)
                && (tree.rel(c) == "nmod:poss"
                    || (tree.base_rel(c) == "nmod" && prep_is(tree, c, "by")))
        })
        .map(|c| (c, format!("{}({})", tree.rel(c), tree.text(noun))))
}

/// Verbs of coming together, travelling or receiving whose subject holds the event named by
/// their "for" phrase ("met for talks", "flew to Paris for a summit").
const GATHERING: &[&str] = &[
    "meet", "gather", "assemble", "convene", "arrive", "travel", "fly", "come", "go", "head",
    "return", "host", "receive", "sit",
];

/// Verbs whose subject takes part in the event named by their "in" phrase ("engaged in",
/// "participated in", "was involved in"); "take part in" is matched apart.
const TAKING_PART: &[&str] = &["engage", "participate", "involve", "involved"];

/// Verbs whose subject judges, reports, discusses, asks for or undergoes the event named by
/// their object rather than performing it, so a nominal event below them does not take their
/// subject as its source (the `gov.nsubj` source slot): "sought aid for the region" is no
/// gift of aid.
const COMMENTING: [&str; 47] = [
    "seek",
    "request",
    "demand",
    "want",
    "need",
    "condemn",
    "denounce",
    "criticize",
    "criticise",
    "deplore",
    "decry",
    "slam",
    "blast",
    "welcome",
    "praise",
    "hail",
    "applaud",
    "salute",
    "blame",
    "deny",
    "report",
    "discuss",
    "debate",
    "investigate",
    "probe",
    "protest",
    "reject",
    "oppose",
    "support",
    "back",
    "endorse",
    "fear",
    "expect",
    "predict",
    "witness",
    "survive",
    "suffer",
    "face",
    "endure",
    "escape",
    "repel",
    "resist",
    "mourn",
    "describe",
    "dismiss",
    "regret",
    "question",
];

/// The words that may fill a slot of `w`, best first: every actor acted on inside the
/// trigger's complement clauses for `comp.obj`, the one word of [`slot_word`] otherwise (for
/// `gov.nsubj`, also who is "under" the event).
fn slot_words(tree: &Tree, w: usize, slot: &Slot) -> Vec<(usize, String)> {
    match slot {
        Slot::ComplementObject => complement_objects(tree, w, 0),
        // "Japan came under pressure from Egypt": who is under the event suffers it.
        Slot::GovernorSubject => slot_word(tree, w, slot, 0)
            .or_else(|| super::nominal::under_subject(tree, w))
            .into_iter()
            .collect(),
        _ => slot_word(tree, w, slot, 0).into_iter().collect(),
    }
}

/// Subjects the parser split off a coordination ("The US, Russia, and Switzerland met" with
/// "Switzerland" a second subject of "met"): the other subjects of `w` that name an actor,
/// when a coordinating conjunction lies between them and `first`.
fn split_subjects(tree: &Tree, w: usize, first: usize) -> Vec<usize> {
    tree.children(w)
        .iter()
        .copied()
        .filter(|&c| {
            c != first
                && tree.rel(c) == "nsubj"
                && !tree.entities_at(c).is_empty()
                && (first.min(c) + 1..first.max(c)).any(|x| tree.upos(x) == "CCONJ")
        })
        .collect()
}

/// The actors acted on inside the complement clauses of `w`, in order: for each clause its
/// object (in a passive, its subject), else an oblique.
fn complement_objects(tree: &Tree, w: usize, depth: usize) -> Vec<(usize, String)> {
    let trig = tree.text(w);
    let mut clauses: Vec<usize> = tree
        .children(w)
        .iter()
        .copied()
        .filter(|&c| {
            matches!(tree.base_rel(c).as_str(), "xcomp" | "ccomp" | "acl")
                // An infinitive the parser hung as an adverbial clause ("threatened on
                // Monday to break relations with Russia").
                || (tree.base_rel(c) == "advcl"
                    && tree
                        .children(c)
                        .iter()
                        .any(|&d| tree.base_rel(d) == "mark" && tree.lemma(d) == "to"))
        })
        .collect();
    let conjuncts: Vec<usize> = clauses
        .iter()
        .flat_map(|&c| tree.children(c).iter().copied())
        .filter(|&d| tree.rel(d) == "conj")
        .collect();
    clauses.extend(conjuncts);
    let slots = [
        Slot::Object,
        Slot::Prep("with".into()),
        Slot::Prep("against".into()),
        Slot::Prep("on".into()),
        Slot::Prep("to".into()),
        Slot::Prep("from".into()),
        Slot::Prep("in".into()),
    ];
    let mut out = Vec::new();
    for c in clauses {
        for slot in &slots {
            if let Some((o, path)) = slot_word(tree, c, slot, depth + 1)
                && !actors_of(tree, c, o, None).is_empty()
            {
                out.push((o, format!("{path}←comp({trig})")));
            }
        }
    }
    out
}

/// True for a day or time word ("Thursday", "today") that the parser may take for a
/// subject or an object.
fn is_time_word(tree: &Tree, w: usize) -> bool {
    matches!(
        tree.lemma(w).to_lowercase().as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "overnight"
    )
}

/// The noun a verb with its own subject modifies when the parser took the verb for an
/// adjective before that noun ("Russia fired rockets", parsed as "fired rockets").
fn amod_verb_head(tree: &Tree, w: usize) -> Option<usize> {
    let h = tree.head(w)?;
    (tree.upos(w) == "VERB"
        && tree.base_rel(w) == "amod"
        && h > w
        && tree.child(w, "nsubj").is_some())
    .then_some(h)
}

/// The noun phrase right after a verb that has no object, when the parser hung it somewhere
/// it cannot be: as the subject of a participle after it ("met Putin at the palace,
/// marking ..."), or below the verb without a preposition. Gives the phrase's word that
/// names an actor.
fn following_object(tree: &Tree, w: usize) -> Option<usize> {
    let sentence = tree.doc.words[w].sentence;
    let mut phrase = Vec::new();
    let mut x = w + 1;
    while x < tree.len() && tree.doc.words[x].sentence == sentence && phrase.len() < 8 {
        if !matches!(tree.upos(x), "DET" | "ADJ" | "NUM" | "PROPN" | "NOUN") {
            break;
        }
        phrase.push(x);
        x += 1;
    }
    // The phrase's head: the word whose head lies outside it.
    let head = phrase
        .iter()
        .copied()
        .find(|&p| tree.head(p).is_none_or(|h| !phrase.contains(&h)))?;
    let misplaced = match tree.head(head) {
        Some(h) if h == w => matches!(
            tree.base_rel(head).as_str(),
            "xcomp" | "ccomp" | "dep" | "obl" | "nmod" | "advmod"
        ),
        Some(h) => {
            tree.base_rel(head) == "nsubj"
                && h > head
                && matches!(tree.xpos(h), "VBG" | "VBN")
                && tree.head(h) == Some(w)
        }
        None => false,
    };
    if !misplaced {
        return None;
    }
    phrase
        .iter()
        .rev()
        .copied()
        .find(|&p| !tree.entities_at(p).is_empty())
}

/// The actors a slot word names: its own mention, the nouns coordinated with it, a
/// pronoun's antecedent, or the two actors of "both leaders".
fn actors_of(tree: &Tree, trigger: usize, w: usize, exclude: Option<usize>) -> Vec<Found> {
    let mut out = coded_actors_of(tree, trigger, w, exclude);
    let doc = tree.doc;
    if out.is_empty() {
        // A named actor the dictionary does not know ("President Yoweri Museveni") stands
        // for the country named around it.
        let uncoded = tree.all_entities_at(w).into_iter().find(|(e, _)| {
            let ent = &doc.entities[*e];
            ent.code.is_none() && matches!(ent.kind, EntityType::Person | EntityType::Org)
        });
        if let Some((e, m)) = uncoded
            // A person named in a sentence that names one country is likely of that
            // country even when the other party is too ("Fijian rebels will release Prime
            // Minister ..."), so the other party is not set aside here.
            && let Some((country, how)) = context_country(tree, w, m, None)
        {
            out.push(Found {
                entity: e,
                span: m,
                how: Some(format!("{} (country {how})", doc.slice(m))),
                code: Some(country),
            });
        }
        return out;
    }
    // An actor coded by its role only ("rebels", "security forces") takes the country named
    // around it ("Ivory Coast rebels", "security forces in Guinea").
    for f in out.iter_mut() {
        let Some(code) = doc.entities[f.entity].code.as_deref() else {
            continue;
        };
        if !code.starts_with("---") || f.code.is_some() {
            continue;
        }
        let word = if f.span.start >= doc.words[w].span.start && f.span.end <= doc.words[w].span.end
        {
            w
        } else {
            tree.word_at(f.span.start).unwrap_or(w)
        };
        if let Some((country, how)) = context_country(tree, word, f.span, exclude) {
            f.code = Some(format!("{country}{}", code.get(3..).unwrap_or("")));
            let text = f
                .how
                .clone()
                .unwrap_or_else(|| doc.slice(f.span).to_string());
            f.how = Some(format!("{text} (country {how})"));
        }
    }
    out
}

/// The word naming an actor just before a verb that the parse gave no usable subject: the
/// nearest one within its clause, when the verb is the sentence's first and looks finite
/// and active (no passive auxiliary, no "by" phrase). Words between them may be nouns,
/// adjectives, numbers, determiners and prepositions ("on Saturday"), not verbs, commas or
/// conjunctions that would start another clause.
fn preceding_actor(tree: &Tree, w: usize) -> Option<usize> {
    if tree.upos(w) != "VERB"
        || !matches!(tree.xpos(w), "VBD" | "VBZ" | "VBP" | "VBN")
        || tree.children(w).iter().any(|&c| {
            matches!(tree.rel(c).as_str(), "aux:pass" | "obl:agent") || prep_is(tree, c, "by")
        })
    {
        return None;
    }
    let sentence = tree.doc.words[w].sentence;
    let mut x = w;
    for _ in 0..10 {
        x = x.checked_sub(1)?;
        if tree.doc.words[x].sentence != sentence {
            return None;
        }
        if !tree.entities_at(x).is_empty() && matches!(tree.upos(x), "NOUN" | "PROPN" | "ADJ") {
            // The actor must open its sentence's clause: no finite verb before it either.
            let start = tree.sentence_words(sentence).next().unwrap_or(x);
            return (start..x)
                .all(|y| {
                    tree.upos(y) != "AUX" && !matches!(tree.xpos(y), "VBD" | "VBZ" | "VBP" | "MD")
                })
                .then_some(x);
        }
        if !matches!(
            tree.upos(x),
            "NOUN" | "PROPN" | "ADJ" | "NUM" | "DET" | "ADP" | "ADV"
        ) {
            return None;
        }
    }
    None
}

/// The police force a sentence names (an actor whose role is `COP`), nearest to `w`.
fn sentence_police(tree: &Tree, w: usize) -> Option<Found> {
    let doc = tree.doc;
    let sentence = doc.words[w].sentence as usize;
    let span = doc.sentences.get(sentence)?;
    let at = doc.words[w].span.start;
    // The police who suffered the act ("a policeman was attacked", "a policeman, who was
    // attacked") did not do it: the object's phrase, or only its word when the phrase holds
    // the trigger.
    let victim = slot_word(tree, w, &Slot::Object, 0).map(|(o, _)| {
        let o = match tree.head(w) {
            Some(h)
                if tree.rel(w).starts_with("acl")
                    && matches!(tree.form(o).as_str(), "who" | "which" | "that") =>
            {
                h
            }
            _ => o,
        };
        let phrase = tree.subtree_span(o);
        if phrase.contains(doc.words[w].span) {
            doc.words[o].span
        } else {
            phrase
        }
    });
    let mut best: Option<(usize, Span)> = None;
    for (e, ent) in doc.entities.iter().enumerate() {
        if ent.role() != Some("COP") {
            continue;
        }
        for m in ent.mentions.iter().filter(|m| {
            span.contains(**m)
                    && victim.is_none_or(|v| !v.contains(**m))
                    // A pronoun is not the police named.
                    && !matches!(
                        doc.slice(**m).to_lowercase().as_str(),
                        "they" | "them" | "their" | "it" | "its" | "he" | "him" | "his"
                    )
        }) {
            let d = m.start.abs_diff(at);
            if best.is_none_or(|(_, b)| d < b.start.abs_diff(at)) {
                best = Some((e, *m));
            }
        }
    }
    best.map(|(entity, span)| Found {
        entity,
        span,
        how: Some(format!("{} (named in the sentence)", doc.slice(span))),
        code: None,
    })
}

/// The country named around an actor's word: in its own noun phrase ("Ivory Coast rebels",
/// "security forces in Guinea", "Uganda's president"), else the only country the sentence
/// names besides the other party `other`, else the country the document names most often
/// (twice at least, and not the other party's). Gives the country code and where it came
/// from, for the rule.
fn context_country(
    tree: &Tree,
    w: usize,
    own: Span,
    other: Option<usize>,
) -> Option<(String, &'static str)> {
    let doc = tree.doc;
    let real = |e: usize| {
        doc.entities[e]
            .country()
            .filter(|c| *c != "---" && c.chars().all(|ch| ch.is_ascii_uppercase()))
            .map(str::to_string)
    };
    // The country of another entity on word `x` than the actor's own mention.
    let country_at = |x: usize| {
        tree.entities_at(x)
            .into_iter()
            .filter(|(_, m)| *m != own)
            .find_map(|(e, _)| real(e))
    };
    // The noun phrase: modifiers, possessors, appositions and "of/in/from" phrases.
    let mut stack: Vec<usize> = tree.children(w).to_vec();
    let mut steps = 0;
    while let Some(c) = stack.pop() {
        steps += 1;
        if steps > 40 {
            break;
        }
        let rel = tree.rel(c);
        let base = tree.base_rel(c);
        let ok = matches!(base.as_str(), "amod" | "compound" | "appos" | "flat")
            || rel == "nmod:poss"
            || rel == "nmod:desc"
            || (matches!(base.as_str(), "nmod" | "obl")
                && matches!(tree.preposition(c).as_deref(), Some("of" | "in" | "from")));
        if !ok {
            continue;
        }
        if let Some(country) = country_at(c) {
            return Some((country, "of its phrase"));
        }
        stack.extend(tree.children(c).iter().copied());
    }
    // A title right before the name, however the parser hung it ("Nigerian junior foreign
    // minister Dubem Oniya", "Niger's ambassador ..."): the words just before the mention.
    if let Some(first) = tree.word_at(own.start) {
        let sentence = doc.words[first].sentence;
        let mut x = first;
        for _ in 0..6 {
            let Some(prev) = x.checked_sub(1) else { break };
            if doc.words[prev].sentence != sentence
                || !(matches!(tree.upos(prev), "ADJ" | "NOUN" | "PROPN")
                    || tree.form(prev) == "'s"
                    || tree.form(prev) == "’s")
            {
                break;
            }
            if let Some(country) = country_at(prev) {
                return Some((country, "of its title"));
            }
            x = prev;
        }
    }
    // The sentence: the one country its places, nationalities and organisations name.
    let sentence = doc.words[w].sentence as usize;
    let span = doc.sentences.get(sentence)?;
    let named = |e: usize| {
        Some(e) != other
            && matches!(
                doc.entities[e].kind,
                EntityType::Gpe | EntityType::Norp | EntityType::Org
            )
    };
    let mut countries: Vec<String> = Vec::new();
    for (e, ent) in doc.entities.iter().enumerate() {
        if !named(e) || !ent.mentions.iter().any(|m| span.contains(*m) && *m != own) {
            continue;
        }
        if let Some(c) = real(e)
            && !countries.contains(&c)
        {
            countries.push(c);
        }
    }
    match countries.as_slice() {
        [one] => return Some((one.clone(), "of the sentence")),
        [] => {}
        _ => return None,
    }
    // The document: the country it names most often, other than the other party's.
    let other_country = other.and_then(real);
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (e, ent) in doc.entities.iter().enumerate() {
        let Some(c) = real(e).filter(|c| named(e) && Some(c) != other_country.as_ref()) else {
            continue;
        };
        let n = ent.mentions.iter().filter(|m| **m != own).count();
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, k)) => *k += n,
            None => counts.push((c, n)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(c, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => {
            Some((c.clone(), "of the document"))
        }
        _ => None,
    }
}

/// The actors a slot word names, as the actor dictionary coded them.
fn coded_actors_of(tree: &Tree, trigger: usize, w: usize, exclude: Option<usize>) -> Vec<Found> {
    let lemma = tree.lemma(w);
    let form = tree.form(w);
    let mut w = w;
    // A relative pronoun stands for the noun its clause modifies.
    if matches!(form.as_str(), "who" | "which" | "that" | "whom")
        && let Some(h) = relative_antecedent(tree, trigger, w)
    {
        w = h;
    }
    let mut out = Vec::new();
    let both = JOINT_NOUNS.contains(&lemma.as_str())
        && tree.children(w).iter().any(|&c| {
            matches!(tree.form(c).to_lowercase().as_str(), "both" | "two")
                && matches!(
                    tree.base_rel(c).as_str(),
                    "det" | "nummod" | "amod" | "advmod"
                )
        });
    let joint_actors = if both { joint(tree, w) } else { Vec::new() };
    if !joint_actors.is_empty() {
        out.extend(joint_actors);
    } else if let Some(place) = named_place(tree, w) {
        // "the city of Kano", "the capital Juba": the place the noun names, not what
        // the noun alone may have been linked to; a name no actor covers gives none.
        if let Some((e, m)) = place {
            out.push(Found {
                entity: e,
                span: m,
                how: None,
                code: None,
            });
        }
    } else if let Some((e, m)) = tree.entities_at(w).first() {
        out.push(Found {
            entity: *e,
            span: *m,
            how: None,
            code: None,
        });
    } else if matches!(
        form.as_str(),
        "he" | "him" | "she" | "her" | "it" | "they" | "them" | "its" | "his" | "their"
    ) {
        if let Some(f) = antecedent(tree, w, exclude) {
            out.push(f);
        }
    } else if let Some(f) = earlier_author(tree, w, exclude) {
        out.push(f);
    } else {
        // "the president of France", "the Syrian government's forces": a mention inside the
        // noun phrase, through modifiers but not through clauses. Inside a noun that names
        // an event of its own only its author counts ("rejected Israeli proposals",
        // "calls by Belarus"), not what it acts on ("ordered the arrest of the journalist").
        let event = event_noun(&lemma);
        let mut stack: Vec<usize> = tree
            .children(w)
            .iter()
            .copied()
            .filter(|&c| {
                !event
                    || matches!(tree.rel(c).as_str(), "nmod:poss" | "amod" | "compound")
                    || (tree.base_rel(c) == "nmod" && prep_is(tree, c, "by"))
            })
            .collect();
        let mut steps = 0;
        while let Some(c) = stack.pop() {
            steps += 1;
            if steps > 60 {
                break;
            }
            let rel = tree.rel(c);
            // "the friendship between the two nations": the other party of a relation.
            if matches!(rel.as_str(), "nmod" | "obl")
                && tree.preposition(c).as_deref() == Some("between")
            {
                let between: Vec<Found> = coded_actors_of(tree, trigger, c, exclude)
                    .into_iter()
                    .filter(|f| {
                        exclude.is_none_or(|x| {
                            tree.doc.entities[x].country() != tree.doc.entities[f.entity].country()
                        })
                    })
                    .collect();
                if !between.is_empty() {
                    out.extend(between);
                    break;
                }
                continue;
            }
            // "Palestinian leader Yasser Arafat": a title (`nmod:desc`) before a name brings
            // its country adjective.
            let ok = matches!(
                rel.as_str(),
                "nmod" | "nmod:poss" | "nmod:desc" | "compound" | "amod" | "appos" | "flat" | "obl"
            ) && (rel != "nmod" && rel != "obl"
                // "an admission by Moscow": a "by" phrase names the party of any noun.
                || matches!(
                    (event, tree.preposition(c).as_deref()),
                    (_, Some("by")) | (false, Some("of"))
                )
                // "a camp for Somali refugees": whom a facility serves.
                || (tree.preposition(c).as_deref() == Some("for")
                    && tree.head(c) == Some(w)
                    && tree.head(w) == Some(trigger)
                    && FACILITIES.contains(&lemma.as_str())));
            if !ok {
                continue;
            }
            if let Some((e, m)) = tree.entities_at(c).first() {
                out.push(Found {
                    entity: *e,
                    span: *m,
                    how: None,
                    code: None,
                });
                break;
            }
            stack.extend(tree.children(c).iter().copied());
        }
    }
    // Coordination: "France and Germany", "Hungarian and Romanian officials".
    let mut conj_stack: Vec<usize> = tree
        .children(w)
        .iter()
        .copied()
        .filter(|&c| tree.rel(c) == "conj")
        .collect();
    for &c in tree.children(w) {
        if matches!(tree.base_rel(c).as_str(), "amod" | "compound") {
            if let Some(f) = tree.entities_at(c).first()
                && !out.iter().any(|o| o.entity == f.0)
                && !out.is_empty()
                && tree.children(c).iter().any(|&cc| tree.rel(cc) == "conj")
            {
                out.insert(
                    0,
                    Found {
                        entity: f.0,
                        span: f.1,
                        how: None,
                        code: None,
                    },
                );
            }
            conj_stack.extend(
                tree.children(c)
                    .iter()
                    .copied()
                    .filter(|&cc| tree.rel(cc) == "conj"),
            );
        }
    }
    // The first conjunct, when the parser hung the slot's noun below it ("Hungarian and
    // Romanian officials" with "officials" a conjunct of "Hungarian").
    if !out.is_empty()
        && tree.rel(w) == "conj"
        && let Some(h) = tree.head(w)
        && h < w
        && h != trigger
        && matches!(tree.upos(h), "NOUN" | "PROPN" | "ADJ")
        && let Some(&(e, m)) = tree.entities_at(h).first()
        && !out.iter().any(|o| o.entity == e)
    {
        out.insert(
            0,
            Found {
                entity: e,
                span: m,
                how: None,
                code: None,
            },
        );
    }
    // Conjuncts of conjuncts: "the US, Russia and Switzerland" may chain.
    let mut k = 0;
    while k < conj_stack.len() && conj_stack.len() < 12 {
        let more: Vec<usize> = tree
            .children(conj_stack[k])
            .iter()
            .copied()
            .filter(|&d| tree.rel(d) == "conj" && !conj_stack.contains(&d))
            .collect();
        conj_stack.extend(more);
        k += 1;
    }
    for c in conj_stack {
        if let Some((e, m)) = tree.entities_at(c).first()
            && !out.iter().any(|o| o.entity == *e)
        {
            out.push(Found {
                entity: *e,
                span: *m,
                how: None,
                code: None,
            });
        }
    }
    out
}

/// The noun a relative pronoun stands for: the noun its clause modifies, whether the pronoun
/// is an argument of the trigger itself ("the rebels who attacked", "the man whom they
/// accuse") or the subject of a verb whose infinitive the trigger is ("the rebels who
/// vowed to attack"; not through a conjunct or an adverbial clause, which the parser often
/// hangs on the wrong verb). A description that names no actor gives way to the name it
/// describes: the name it stands in apposition to ("Mr X, a Republican who endorsed") or
/// the subject it is predicated of ("X is a candidate who pledged").
fn relative_antecedent(tree: &Tree, trigger: usize, pronoun: usize) -> Option<usize> {
    // The relative clause's own verb: the pronoun's head, else (a parse that hung the
    // pronoun on the trigger) the trigger.
    let (clause, noun) = match tree.head(pronoun) {
        Some(v) if tree.rel(v).starts_with("acl") => (v, tree.head(v)?),
        _ if tree.rel(trigger).starts_with("acl") => (trigger, tree.head(trigger)?),
        // A clause the parser did not hang on its noun ("Democrats, who want ...", taken
        // for a parenthetical): "who" or "which" stands for the noun right before it.
        Some(v) => (v, noun_before_relative(tree, pronoun)?),
        None => return None,
    };
    let mut x = trigger;
    for _ in 0..3 {
        if x == clause {
            break;
        }
        if tree.rel(x) != "xcomp" {
            return None;
        }
        x = tree.head(x)?;
    }
    if x != clause {
        return None;
    }
    if !matches!(tree.upos(noun), "NOUN" | "PROPN") {
        return Some(noun);
    }
    // The name, when there is one, is more precise than its description ("Mr X, a security
    // expert who", where "expert" alone names a role of no country).
    let named = |x: usize| (!tree.entities_at(x).is_empty()).then_some(x);
    let name = match tree.rel(noun).as_str() {
        "appos" => tree.head(noun).and_then(named),
        // Not the "it" of a cleft ("it was Obama who pressed").
        _ if tree.child(noun, "cop").is_some() => tree
            .child(noun, "nsubj")
            .filter(|&s| matches!(tree.upos(s), "NOUN" | "PROPN"))
            .and_then(named),
        _ => None,
    };
    name.or(Some(noun))
}

/// The noun just before a "who" or "which" (over a comma, bracket or dash), when the
/// pronoun does not open its sentence.
fn noun_before_relative(tree: &Tree, pronoun: usize) -> Option<usize> {
    if !matches!(tree.form(pronoun).as_str(), "who" | "which") {
        return None;
    }
    let sentence = tree.doc.words[pronoun].sentence;
    let mut x = pronoun.checked_sub(1)?;
    if matches!(tree.text(x), "," | "(" | "—" | "–" | "-" | "--") {
        x = x.checked_sub(1)?;
    }
    (tree.doc.words[x].sentence == sentence && matches!(tree.upos(x), "NOUN" | "PROPN"))
        .then_some(x)
}

/// Prepositions that place a thing somewhere ("a hotel in Mogadishu", "a post near the border").
const LOCATING: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
];

/// The place a common noun acted on lies in, by its own "in" / "at" / "near" phrase, else
/// by one on the trigger when the noun is the trigger's active object ("struck targets in
/// Gaza"; not "three men were arrested in Kenya", where the place says nothing of the men):
/// the word of that phrase and the place (a country, city or region with a code).
fn place_of_thing(
    tree: &Tree,
    trigger: usize,
    thing: usize,
    exclude: Option<usize>,
) -> Option<(usize, Found)> {
    if tree.upos(thing) != "NOUN" || !tree.entities_at(thing).is_empty() {
        return None;
    }
    let doc = tree.doc;
    let locating = |c: usize, rel: &str| {
        tree.base_rel(c) == rel
            && tree
                .preposition(c)
                .is_some_and(|x| LOCATING.contains(&x.as_str()))
    };
    let own = tree
        .children(thing)
        .iter()
        .copied()
        .filter(|&c| locating(c, "nmod"));
    let on_trigger = tree.children(trigger).iter().copied().filter(|&c| {
        tree.head(thing) == Some(trigger) && tree.rel(thing) == "obj" && locating(c, "obl")
    });
    own.chain(on_trigger).find_map(|c| {
        let (e, m) = tree.entities_at(c).into_iter().find(|(e, _)| {
            matches!(doc.entities[*e].kind, EntityType::Gpe | EntityType::Loc)
                && exclude != Some(*e)
        })?;
        Some((
            c,
            Found {
                entity: e,
                span: m,
                how: None,
                code: None,
            },
        ))
    })
}

/// The place a noun of places names in its own phrase: its "of" phrase, apposition or name
/// ("the city of Kano", "the capital, Juba"), or the name right after it that the parser hung
/// on the verb instead ("shelled the regional capital Juba"). `Some(None)` when that name is
/// no place the entity stages know ("the city of X" with X unknown): the noun then names no
/// actor, whatever earlier place it was linked to.
fn named_place(tree: &Tree, w: usize) -> Option<Option<(usize, Span)>> {
    if !super::context::PLACE_NOUNS.contains(&tree.lemma(w).as_str()) {
        return None;
    }
    let doc = tree.doc;
    let place = |x: usize| {
        tree.entities_at(x)
            .into_iter()
            .find(|(e, _)| matches!(doc.entities[*e].kind, EntityType::Gpe | EntityType::Loc))
    };
    let own = tree.children(w).iter().copied().find(|&c| {
        tree.upos(c) == "PROPN"
            && (matches!(tree.rel(c).as_str(), "appos" | "flat" | "compound")
                || (tree.base_rel(c) == "nmod" && prep_is(tree, c, "of")))
    });
    let next = w + 1;
    let hung_apart = next < tree.len()
        && doc.words[next].sentence == doc.words[w].sentence
        && tree.upos(next) == "PROPN"
        && tree.head(next) == tree.head(w)
        && tree
            .children(next)
            .iter()
            .all(|&c| tree.base_rel(c) != "case");
    let name = own.or(hung_apart.then_some(next))?;
    match place(name) {
        Some(found) => Some(Some(found)),
        // A name that is an actor but no place ("Somali villages") is no place's name.
        None if !tree.entities_at(name).is_empty() => None,
        None => Some(None),
    }
}

/// Nouns that refer back to an earlier speech act ("those demands", "the claims"), with the
/// verbs and nouns that make such an act.
const ANAPHORIC_ACTS: &[(&[&str], &[&str])] = &[
    (
        &[
            "demand",
            "call",
            "request",
            "plea",
            "appeal",
            "pressure",
            "ultimatum",
        ],
        &[
            "demand", "call", "urge", "press", "ask", "request", "insist", "appeal", "plead",
            "pressure",
        ],
    ),
    (
        &[
            "claim",
            "allegation",
            "accusation",
            "charge",
            "criticism",
            "comment",
            "remark",
            "suggestion",
            "assertion",
        ],
        &[
            "claim",
            "allege",
            "accuse",
            "charge",
            "criticize",
            "criticise",
            "say",
            "suggest",
            "assert",
            "argue",
            "comment",
            "allegation",
            "accusation",
            "criticism",
        ],
    ),
    (
        &["proposal", "plan", "offer", "idea", "initiative"],
        &["propose", "offer", "suggest", "unveil", "proposal", "plan"],
    ),
    (
        &["threat", "warning"],
        &["threaten", "warn", "threat", "warning"],
    ),
];

/// The author of the earlier act a noun such as "those demands" or "the claims" refers back
/// to: the subject (or possessor) of the latest word that makes such an act in the sentence
/// or the two before, when the noun is definite and names no author of its own.
fn earlier_author(tree: &Tree, w: usize, exclude: Option<usize>) -> Option<Found> {
    if tree.upos(w) != "NOUN" {
        return None;
    }
    let lemma = tree.lemma(w);
    let (_, makers) = ANAPHORIC_ACTS
        .iter()
        .find(|(nouns, _)| nouns.contains(&lemma.as_str()))?;
    let definite = tree.children(w).iter().any(|&c| {
        tree.base_rel(c) == "det"
            && matches!(
                tree.form(c).to_lowercase().as_str(),
                "those" | "these" | "the" | "such" | "this" | "that"
            )
    });
    let own_author = tree
        .children(w)
        .iter()
        .any(|&c| matches!(tree.rel(c).as_str(), "nmod:poss" | "compound" | "amod"));
    if !definite || own_author {
        return None;
    }
    let doc = tree.doc;
    let sentence = doc.words[w].sentence;
    let first = sentence.saturating_sub(2);
    for x in (0..w).rev() {
        if doc.words[x].sentence < first {
            break;
        }
        if !makers.contains(&tree.lemma(x).as_str()) {
            continue;
        }
        let slots: &[Slot] = match tree.upos(x) {
            "VERB" => &[Slot::Subject],
            "NOUN" => &[Slot::Possessor, Slot::Modifier, Slot::GovernorSubject],
            _ => continue,
        };
        for slot in slots {
            let Some((sw, _)) = slot_word(tree, x, slot, 0) else {
                continue;
            };
            if let Some(f) = actors_of(tree, x, sw, exclude)
                .into_iter()
                .find(|f| Some(f.entity) != exclude)
            {
                return Some(Found {
                    entity: f.entity,
                    span: doc.words[w].span,
                    how: Some(format!(
                        "{} → {}",
                        tree.text(w),
                        doc.entities[f.entity].name
                    )),
                    code: None,
                });
            }
        }
    }
    None
}

/// True when the embedded dictionary has a nominal trigger with this lemma.
fn event_noun(lemma: &str) -> bool {
    super::embedded_dictionary()
        .is_ok_and(|d| d.for_lemma(TriggerPos::Noun, lemma).next().is_some())
}

/// The antecedent of a pronoun: the latest coded mention before it, in its sentence or the
/// two before, of a person for "he" and "she", of anything else for "it" and "they".
fn antecedent(tree: &Tree, w: usize, exclude: Option<usize>) -> Option<Found> {
    let doc = tree.doc;
    let word = &doc.words[w];
    let form = tree.form(w);
    let personal = matches!(form.as_str(), "he" | "him" | "she" | "her" | "his");
    let first_sentence = word.sentence.saturating_sub(2);
    let from = doc
        .sentences
        .get(first_sentence as usize)
        .map_or(0, |s| s.start);
    let mut best: Option<(usize, Span)> = None;
    for (e, ent) in doc.entities.iter().enumerate() {
        if Some(e) == exclude || ent.code.is_none() {
            continue;
        }
        let fits = if personal {
            ent.kind == EntityType::Person
        } else {
            matches!(ent.kind, EntityType::Gpe | EntityType::Org)
                && ent.code.as_deref().is_some_and(|c| !c.starts_with("---"))
        };
        if !fits {
            continue;
        }
        for m in &ent.mentions {
            if m.start >= from
                && m.end <= word.span.start
                && best.is_none_or(|(_, b)| m.start > b.start)
            {
                best = Some((e, *m));
            }
        }
    }
    best.map(|(entity, _)| Found {
        entity,
        span: word.span,
        how: Some(format!("{} → {}", tree.text(w), doc.entities[entity].name)),
        code: None,
    })
}

/// The two actors "both leaders" or "the two countries" stand for: the two latest coded
/// mentions of distinct countries before the phrase (people for "leaders" and "presidents").
fn joint(tree: &Tree, w: usize) -> Vec<Found> {
    let doc = tree.doc;
    let lemma = tree.lemma(w);
    let people = matches!(lemma.as_str(), "leader" | "president" | "minister");
    let before = doc.words[w].span.start;
    let mut seen: Vec<(Span, usize)> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.code.as_deref().is_some_and(|c| !c.starts_with("---"))
                && (!people || e.kind == EntityType::Person)
                && e.kind != EntityType::Norp
        })
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i)))
        .filter(|(m, _)| m.end <= before)
        .collect();
    seen.sort();
    let mut out: Vec<Found> = Vec::new();
    let mut countries: Vec<String> = Vec::new();
    for (_, e) in seen.iter().rev() {
        let country = doc.entities[*e].country().unwrap_or("").to_string();
        if countries.contains(&country) {
            continue;
        }
        countries.push(country);
        out.push(Found {
            entity: *e,
            span: tree.subtree_span(w),
            how: Some(format!("{} → {}", tree.text(w), doc.entities[*e].name)),
            code: None,
        });
        if out.len() == 2 {
            break;
        }
    }
    if out.len() == 2 { out } else { Vec::new() }
}

pub(super) fn try_pattern(
    tree: &Tree,
    w: usize,
    p: &Pattern,
    codebook: Option<&Codebook>,
) -> Outcome {
    let doc = tree.doc;
    let sentence = doc.words[w].sentence;
    if p.no_score {
        let text = doc
            .sentences
            .get(sentence as usize)
            .map_or("", |s| doc.slice(*s));
        if has_score(text) {
            return Outcome::Discarded("the sentence holds a score: a sports result".into());
        }
    }
    let mut source_path = None;
    let mut sources = Vec::new();
    // A bare participle of arresting ("the 51 people arrested for rioting", parsed with
    // "people" as its subject) is passive: the noun is who was arrested, not who arrested.
    let bare = arresting(tree, w, p) && bare_participle(tree, w);
    for slot in p.source.iter().filter(|_| !bare) {
        // "Kenya condemned the attack on Uganda": who judges, reports or undergoes an event
        // did not carry it out (though "Japan faced criticism" may make Japan the target).
        if matches!(slot, Slot::GovernorSubject)
            && tree
                .head(w)
                .is_some_and(|h| COMMENTING.contains(&tree.lemma(h).as_str()))
        {
            continue;
        }
        if let Some((sw, path)) = slot_word(tree, w, slot, 0) {
            let mut found = actors_of(tree, w, sw, None);
            if found.is_empty() {
                source_path.get_or_insert(format!("{path}={} (no actor)", tree.text(sw)));
                continue;
            }
            if path.starts_with("nsubj(") {
                for c in split_subjects(tree, w, sw) {
                    for f in actors_of(tree, w, c, None) {
                        if !found.iter().any(|x| x.entity == f.entity) {
                            found.push(f);
                        }
                    }
                }
            }
            source_path = Some(path);
            sources = found;
            break;
        }
    }
    // Who takes part in talks, a meeting or a visit that a phrase of theirs names ("said
    // during a visit to Peru"), and the parties of joint modifiers ("Chilean-Peruvian talks").
    let mut participant = false;
    if sources.is_empty()
        && !bare
        && let Some((sw, path)) = super::nominal::participant(tree, w, p)
    {
        let found = actors_of(tree, w, sw, None);
        if !found.is_empty() {
            source_path = Some(path);
            sources = found;
            participant = true;
        }
    }
    if sources.is_empty()
        && !bare
        && let Some((sw, path)) = super::nominal::light_verb_source(tree, w, p)
    {
        let found = actors_of(tree, w, sw, None);
        if !found.is_empty() {
            source_path = Some(path);
            sources = found;
        }
    }
    if sources.is_empty() && !bare {
        let mut found: Vec<Found> = Vec::new();
        for m in super::nominal::joint_modifiers(tree, w, p) {
            for f in actors_of(tree, w, m, None) {
                if !found.iter().any(|x| x.entity == f.entity) {
                    found.push(f);
                }
            }
        }
        if found.len() >= 2 {
            source_path = Some(format!("joint modifiers({})", tree.text(w)));
            sources = found;
        }
    }
    // A main verb the parser hung below a noun, or gave a subject that names no actor
    // ("Human rights watchdog Amnesty accused ...", "President X on Saturday hosted ..."):
    // the actor named just before it in its clause.
    if sources.is_empty()
        && !bare
        && p.source.contains(&Slot::Subject)
        && let Some(x) = preceding_actor(tree, w)
    {
        let found = actors_of(tree, w, x, None);
        if !found.is_empty() {
            source_path = Some(format!("before({})", tree.text(w)));
            sources = found;
        }
    }
    // A passive act of force without an agent ("three men were arrested, police said") was
    // done by the police the sentence names, when it names them.
    if sources.is_empty()
        && is_passive(tree, w)
        && matches!(p.cameo.get(..2), Some("17" | "18" | "19"))
        && tree.child(w, "obl:agent").is_none()
        && let Some(f) = sentence_police(tree, w)
    {
        source_path = Some(format!("implied agent of {}", tree.text(w)));
        sources = vec![f];
    }
    // An agentless passive arrest, detention or deportation of a person ("three men were
    // arrested in Mumbai") was done by the police of the country where it happened: the
    // source is implied, and the event says so.
    let arrested = if sources.is_empty() {
        arrested_person(tree, w, p)
    } else {
        None
    };
    let implied = arrested.is_some();
    if implied {
        let country = implied_country(tree, w).unwrap_or_else(|| "---".to_string());
        source_path = Some(format!("implied({})", tree.text(w)));
        sources = vec![Found {
            entity: IMPLIED_SOURCE,
            span: doc.words[w].span,
            how: Some(format!("police of {country}")),
            code: Some(format!("{country}COP")),
        }];
    }
    if sources.is_empty() {
        let slots: Vec<String> = p.source.iter().map(Slot::name).collect();
        return Outcome::Missing(match source_path {
            Some(p) => format!("source: {p}"),
            None => format!("source: no {} slot", slots.join("/")),
        });
    }
    let mut target_path = None;
    let mut targets = Vec::new();
    'slots: for slot in &p.target {
        for (tw, mut path) in slot_words(tree, w, slot) {
            let exclude = sources
                .first()
                .map(|s| s.entity)
                .filter(|&e| e != IMPLIED_SOURCE);
            let mut found = actors_of(tree, w, tw, exclude);
            // An object that names no actor may name the party it concerns ("endorsed an
            // agreement with the Union", "received assurances from the government").
            if found.is_empty()
                && *slot == Slot::Object
                && let Some(c) = tree.children(tw).iter().copied().find(|&c| {
                    tree.base_rel(c) == "nmod"
                        && (prep_is(tree, c, "with") || prep_is(tree, c, "from"))
                        && !actors_of(tree, w, c, exclude).is_empty()
                })
            {
                found = actors_of(tree, w, c, exclude);
                let prep = tree.preposition(c).unwrap_or_default();
                path = format!("nmod:{prep}({})←{path}", tree.text(tw));
            }
            // A thing acted on by force, raided, seized or destroyed that names no actor
            // stands for the place it lies in ("stormed a hotel in Mogadishu", "struck
            // targets in Gaza"); not what is banned, arrested or deported (root 17's other
            // codes: "picked up 99 delegates in Florida" is no arrest).
            if found.is_empty()
                && (matches!(p.cameo.get(..2), Some("18" | "19" | "20"))
                    || matches!(p.cameo.get(..3), Some("170" | "171")))
                && !matches!(
                    slot,
                    Slot::Subject | Slot::Possessor | Slot::Modifier | Slot::GovernorSubject
                )
                && let Some((c, f)) = place_of_thing(tree, w, tw, exclude)
            {
                let prep = tree.preposition(c).unwrap_or_default();
                path = format!("{prep}({})←{path}", tree.text(tw));
                found = vec![f];
            }
            if found.is_empty() {
                target_path.get_or_insert(format!("{path}={} (no actor)", tree.text(tw)));
                continue;
            }
            // A slot that names only the source ("threatened to launch an offensive in its
            // war with Iraq": "its") gives way to the next one.
            if found
                .iter()
                .all(|f| sources.iter().any(|s| s.entity == f.entity))
            {
                target_path.get_or_insert(format!("{path}={} (the source)", tree.text(tw)));
                continue;
            }
            target_path = Some(path);
            targets = found;
            break 'slots;
        }
    }
    // The person an implied arrest acts on, when the pattern's slots did not find them
    // ("the arrested workers", "people arrested for rioting").
    if implied
        && targets.is_empty()
        && let Some(Some(x)) = arrested
    {
        let found = actors_of(tree, w, x, None);
        if !found.is_empty() {
            target_path = Some(format!("{}({})", tree.rel(x), tree.text(w)));
            targets = found;
        }
    }
    // The police of an implied arrest whose place is unknown are those of the country of
    // the person arrested (not of a deportation: who is deported is a foreigner).
    if implied
        && p.cameo.starts_with("173")
        && let Some(src) = sources.first_mut()
        && src.code.as_deref() == Some("---COP")
        && let Some(country) = targets.first().and_then(|t| {
            t.code
                .clone()
                .or_else(|| doc.entities[t.entity].code.clone())
                .and_then(|c| c.get(..3).map(str::to_string))
                .filter(|c| c != "---" && c.chars().all(|ch| ch.is_ascii_uppercase()))
        })
    {
        src.code = Some(format!("{country}COP"));
        src.how = Some(format!("police of {country}"));
    }
    // One who only took part in talks or a visit ("spoke at the talks") met nobody the
    // sentence names: the other party must be named in the event's own slots.
    if participant && targets.is_empty() {
        return Outcome::Missing(format!(
            "target: {} took part, with nobody named",
            source_path.unwrap_or_default()
        ));
    }
    // A protest that names no target is aimed at the protesters' own state.
    if targets.is_empty()
        && p.cameo.starts_with("14")
        && let [source] = sources.as_slice()
        && let Some(t) = protest_target(tree, w, source)
    {
        target_path = Some("state protested".into());
        targets = vec![t];
    }
    // A joint subject with no target acts on itself both ways: "France and Germany met". An
    // appeal, demand, disapproval, rejection or threat is not mutual: "opposition from Kenya
    // and Uganda" is not Kenya opposing Uganda.
    let one_way = matches!(p.cameo.get(..2), Some("02" | "10" | "11" | "12" | "13"));
    let mut pairs: Vec<(Found, Option<Found>)> = Vec::new();
    if targets.is_empty() {
        if sources.len() >= 2 && !one_way {
            for a in &sources {
                for b in &sources {
                    if a.entity != b.entity {
                        pairs.push((a.clone(), Some(b.clone())));
                    }
                }
            }
        } else if p.target_optional {
            pairs.extend(sources.iter().map(|s| (s.clone(), None)));
        } else {
            let slots: Vec<String> = p.target.iter().map(Slot::name).collect();
            return Outcome::Missing(match target_path {
                Some(t) => format!("target: {t}"),
                None => format!("target: no {} slot", slots.join("/")),
            });
        }
    } else {
        for s in &sources {
            for t in &targets {
                if s.entity != t.entity {
                    pairs.push((s.clone(), Some(t.clone())));
                }
            }
        }
    }
    let mut status = status_of(tree, w);
    // What only may, can or should happen to someone ("can be detained without trial",
    // "should be deported") implies no arrest that anyone made.
    let modal = tree.children(w).iter().any(|&c| {
        tree.base_rel(c) == "aux"
            && matches!(
                tree.form(c).to_lowercase().as_str(),
                "can" | "could" | "may" | "might" | "should" | "must" | "would"
            )
    });
    if implied && (status == EventStatus::Hypothetical || modal) {
        return Outcome::Discarded("an implied arrest that only may happen".into());
    }
    // CAMEO codes a promise of cooperation ("will provide aid", "will visit") as an intent
    // to cooperate (03x), not as the cooperation itself, an announced act of conflict ("will
    // impose sanctions") as a threat (13x), and a refusal of cooperation ("will not accept
    // refugees", "failed to reach agreement") as a rejection (12x) that happened.
    let cameo = if status == EventStatus::Planned {
        intent_code(&p.cameo)
            .or_else(|| threat_announced(tree, w).then(|| threat_code(&p.cameo))?)
            .unwrap_or(&p.cameo)
            .to_string()
    } else if status == EventStatus::Negated
        && !conditional(tree, w)
        && let Some(c) = refusal_code(&p.cameo)
    {
        status = EventStatus::Asserted;
        c.to_string()
    } else {
        p.cameo.clone()
    };
    let root = cameo.get(..2).unwrap_or("");
    let (mut historical, mut year) = historical_of(tree, w);
    // An infinitive or participle clause shares the time of the verb it depends on
    // ("intervened in 2015 to bolster ...").
    let mut x = w;
    while !historical {
        let Some(h) = tree.head(x) else { break };
        if !matches!(tree.base_rel(x).as_str(), "xcomp" | "advcl" | "acl") {
            break;
        }
        (historical, year) = historical_of(tree, h);
        x = h;
    }
    let published = doc.meta.published.clone();
    let mut events = Vec::new();
    for (s, t) in pairs {
        let entity_code = |e: usize| doc.entities[e].code.clone();
        let t_code = t
            .as_ref()
            .and_then(|t| t.code.clone().or_else(|| entity_code(t.entity)));
        // Talking to the press is not a political event.
        if matches!(root, "01" | "04")
            && t_code
                .as_deref()
                .is_some_and(|c| c.len() >= 6 && &c[3..6] == "MED")
        {
            continue;
        }
        let mut rule = format!("{}: ", p.id);
        let s_text = doc.slice(s.span);
        rule.push_str(&format!(
            "{}={}",
            source_path.clone().unwrap_or_default(),
            s.how.clone().unwrap_or_else(|| s_text.to_string())
        ));
        if let Some(t) = &t {
            match &target_path {
                Some(tp) => rule.push_str(&format!(
                    "; {tp}={}",
                    t.how
                        .clone()
                        .unwrap_or_else(|| doc.slice(t.span).to_string())
                )),
                None => rule.push_str(&format!("; joint actor={}", doc.entities[t.entity].name)),
            }
        }
        let inferred = s.how.is_some() || t.as_ref().is_some_and(|t| t.how.is_some());
        let mut confidence: f64 = if inferred { 0.7 } else { 0.9 };
        if source_path.as_deref().is_some_and(|p| p.contains('→')) {
            confidence -= 0.1;
        }
        let mut event = Event {
            sentence,
            trigger: doc.words[w].span,
            source: EventActor {
                entity: s.entity,
                code: s.code.clone().or_else(|| entity_code(s.entity)),
                span: s.span,
            },
            target: t.map(|t| EventActor {
                entity: t.entity,
                code: t.code.clone().or_else(|| entity_code(t.entity)),
                span: t.span,
            }),
            cameo: String::new(),
            plover: None,
            mode: None,
            context: Vec::new(),
            quad_class: 0,
            goldstein: 0.0,
            status,
            historical,
            date: if historical {
                year.clone()
            } else {
                published.clone()
            },
            rule,
            confidence: (confidence * 100.0).round() / 100.0,
            location: None,
            reported_by: None,
            implied_source: s.entity == IMPLIED_SOURCE,
        };
        // The codebook's fields for the code, then what the pattern decides.
        recode(&mut event, &cameo, codebook);
        if let Some(m) = &p.mode {
            event.mode = Some(m.clone());
        }
        for c in &p.context {
            if !event.context.contains(c) {
                event.context.push(c.clone());
            }
        }
        events.push(event);
    }
    if events.is_empty() {
        return Outcome::Discarded("the only target is a medium or the source itself".into());
    }
    // Talks with a named party are talks of both ("held talks with the president"), and
    // hosting someone is their visit; a joint subject has both directions already.
    if p.mutual && target_path.is_some() {
        let twins: Vec<Event> = events
            .iter()
            .filter_map(|e| reciprocal(e, codebook))
            .collect();
        events.extend(twins);
    }
    Outcome::Fired(events)
}

/// The other side of an event of a `mutual` pattern: the target meeting or negotiating with
/// the source, or intending to (036), visiting its host (043 → 042), exercising with it
/// (062), sharing intelligence (064), swapping prisoners (0841) or exchanging fire (193). A
/// refusal (root 12), a threat (root 13) or a meeting that does not happen is not mutual.
fn reciprocal(e: &Event, codebook: Option<&Codebook>) -> Option<Event> {
    let cameo = match e.cameo.as_str() {
        "043" => "042",
        // A refusal or a threat is one side's doing.
        c if c.starts_with("12") || c.starts_with("13") => return None,
        c => c,
    };
    // One side's not meeting is that side's doing.
    if e.status == EventStatus::Negated {
        return None;
    }
    let target = e.target.clone()?;
    let mut twin = e.clone();
    twin.target = Some(twin.source.clone());
    twin.source = target;
    if cameo != e.cameo {
        recode(&mut twin, cameo, codebook);
    }
    twin.rule = format!("{} (the other side)", e.rule);
    Some(twin)
}

/// True when pattern `p` codes an arrest, detention or deportation (CAMEO 173, 174) by a
/// verb the police do ([`ARRESTING`], or one that requires "custody" or "arrest").
fn arresting(tree: &Tree, w: usize, p: &Pattern) -> bool {
    (p.cameo.starts_with("173") || p.cameo.starts_with("174"))
        && tree.upos(w) == "VERB"
        && (ARRESTING.contains(&tree.lemma(w).as_str())
            || p.requires
                .iter()
                .any(|r| matches!(r.lemma.as_str(), "custody" | "arrest")))
}

/// True when `w` is a past participle standing alone: no auxiliary and no object of its
/// own ("the people arrested on Sunday", "those arrested").
fn bare_participle(tree: &Tree, w: usize) -> bool {
    tree.xpos(w) == "VBN"
        && tree
            .children(w)
            .iter()
            .all(|&c| !matches!(tree.base_rel(c).as_str(), "aux" | "obj"))
}

/// When `w` is an agentless passive arrest, detention or deportation of a person, the word
/// of that person if the parse gives one: the passive subject (`Some(None)` for a passive
/// conjunct that shares its subject: "who tried to enter and were arrested"), the noun a
/// participle modifies ("a man arrested in Mumbai", "the arrested workers"), or the subject
/// the parser gave a bare participle ("the people arrested for rioting"). There is no "by"
/// phrase, and the person is a noun, a name, a number or a personal pronoun: who is
/// arrested is a person, so only a place ("Kenya was expelled") is set aside.
fn arrested_person(tree: &Tree, w: usize, p: &Pattern) -> Option<Option<usize>> {
    if !arresting(tree, w, p) {
        return None;
    }
    let by = tree.children(w).iter().any(|&c| {
        tree.rel(c) == "obl:agent" || (tree.base_rel(c) == "obl" && prep_is(tree, c, "by"))
    });
    if by {
        return None;
    }
    let child = |rel: &str| {
        tree.children(w)
            .iter()
            .copied()
            .find(|&c| tree.rel(c) == rel)
    };
    let person = if is_passive(tree, w) {
        match child("nsubj:pass") {
            Some(x) => x,
            None if tree.rel(w) == "conj" => return Some(None),
            None => return None,
        }
    } else if tree.xpos(w) == "VBN"
        && (tree.rel(w).starts_with("acl") || tree.rel(w) == "amod")
        && tree
            .head(w)
            .is_some_and(|h| matches!(tree.upos(h), "NOUN" | "PROPN" | "PRON" | "NUM"))
    {
        tree.head(w)?
    } else if bare_participle(tree, w) {
        child("nsubj")?
    } else {
        return None;
    };
    let doc = tree.doc;
    if let Some((e, _)) = tree.entities_at(person).first() {
        return (!matches!(doc.entities[*e].kind, EntityType::Gpe | EntityType::Loc))
            .then_some(Some(person));
    }
    let ok = match tree.upos(person) {
        "PRON" => matches!(
            tree.form(person).to_lowercase().as_str(),
            "he" | "she" | "they" | "who" | "i" | "we" | "those" | "that" | "whom"
        ),
        "PROPN" | "NOUN" | "NUM" => true,
        _ => false,
    };
    ok.then_some(Some(person))
}

/// The country where an event happened, by the sentence: a place (or a country) named in
/// an "in", "at" or "near" phrase of the trigger (or "from" for a deportation), else the one
/// country the places of the sentence lie in.
fn implied_country(tree: &Tree, w: usize) -> Option<String> {
    let doc = tree.doc;
    let real = |c: &str| c.len() == 3 && c != "---" && c.chars().all(|ch| ch.is_ascii_uppercase());
    // The country a word names: a place of the places stage, or a state actor.
    let country_at = |x: usize| -> Option<String> {
        let span = doc.words[x].span;
        doc.places
            .iter()
            .find(|pl| pl.mentions.iter().any(|m| m.contains(span)))
            .map(|pl| pl.country.clone())
            .filter(|c| real(c))
            .or_else(|| {
                tree.entities_at(x).into_iter().find_map(|(e, _)| {
                    let ent = &doc.entities[e];
                    matches!(ent.kind, EntityType::Gpe | EntityType::Loc)
                        .then(|| ent.country().map(str::to_string))?
                        .filter(|c| real(c))
                })
            })
    };
    let deport = tree.lemma(w) == "deport";
    for &c in tree.children(w) {
        let prep = tree.preposition(c).unwrap_or_default();
        let placed = matches!(prep.as_str(), "in" | "at" | "near" | "inside" | "outside")
            || (deport && prep == "from");
        if tree.base_rel(c) != "obl" || !placed {
            continue;
        }
        let span = tree.subtree_span(c);
        let words = doc
            .words
            .iter()
            .enumerate()
            .filter(|(_, x)| span.contains(x.span));
        if let Some(country) = words.map(|(i, _)| i).find_map(country_at) {
            return Some(country);
        }
    }
    let sentence = doc.sentences.get(doc.words[w].sentence as usize)?;
    let mut countries: Vec<&str> = doc
        .places
        .iter()
        .filter(|pl| pl.mentions.iter().any(|m| sentence.contains(*m)) && real(&pl.country))
        .map(|pl| pl.country.as_str())
        .collect();
    countries.sort_unstable();
    countries.dedup();
    match countries.as_slice() {
        [one] => Some((*one).to_string()),
        _ => None,
    }
}

/// Gives every implied source among `events` (the police of an agentless arrest) an entity
/// of its own, added to the document: it has no mention, as nothing in the text names it,
/// and its basis says that it is implied.
pub fn adopt_implied_sources(doc: &mut Document, events: &mut [Event]) {
    for e in events
        .iter_mut()
        .filter(|e| e.source.entity == IMPLIED_SOURCE)
    {
        let code = e.source.code.clone().unwrap_or_else(|| "---COP".into());
        let country = code.get(..3).unwrap_or("---");
        doc.entities.push(crate::document::Entity {
            name: if country == "---" {
                "police".to_string()
            } else {
                format!("police of {country}")
            },
            kind: EntityType::Org,
            code: Some(code),
            basis: Some("implied by an agentless passive arrest (events)".into()),
            mentions: Vec::new(),
        });
        e.source.entity = doc.entities.len() - 1;
    }
}

/// True when both actors of an event are businesses (every role of their codes `BUS`): a
/// company buying another is not a political event.
pub fn between_businesses(e: &Event) -> bool {
    let business = |code: Option<&str>| {
        code.and_then(|c| c.get(3..)).is_some_and(|roles| {
            !roles.is_empty()
                && roles.len() % 3 == 0
                && roles.as_bytes().chunks(3).all(|r| r == b"BUS")
        })
    };
    business(e.source.code.as_deref())
        && business(e.target.as_ref().and_then(|t| t.code.as_deref()))
}

/// The state a protest without a target is aimed at: the government of the protesters'
/// country that the sentence names, else a place of that country it names ("a rally in
/// Lagos", "Algeria's leading activist").
fn protest_target(tree: &Tree, w: usize, source: &Found) -> Option<Found> {
    let doc = tree.doc;
    let span = doc.sentences.get(doc.words[w].sentence as usize)?;
    let own = source
        .code
        .as_deref()
        .or(doc.entities[source.entity].code.as_deref())
        .and_then(|c| c.get(..3))
        .filter(|c| *c != "---")?;
    let mut best: Option<(u8, usize, Span)> = None;
    for (e, ent) in doc.entities.iter().enumerate() {
        if e == source.entity || ent.country() != Some(own) {
            continue;
        }
        let rank = if ent.role() == Some("GOV") {
            0
        } else if ent.kind == EntityType::Gpe {
            1
        } else {
            continue;
        };
        let Some(m) = ent
            .mentions
            .iter()
            .find(|m| span.contains(**m) && **m != source.span)
        else {
            continue;
        };
        if best.is_none_or(|b| rank < b.0) {
            best = Some((rank, e, *m));
        }
    }
    best.map(|(_, entity, span)| Found {
        entity,
        span,
        how: Some(format!("{} (the state protested)", doc.slice(span))),
        code: None,
    })
}

/// The "express intent" code (root 03) of a cooperative code, when CAMEO has one, as
/// specific as the codebook allows: intending economic aid is 0331, intending to release
/// prisoners 0353, intending to ease sanctions 0354.
fn intent_code(cameo: &str) -> Option<&'static str> {
    let sub = |n: usize| cameo.get(..n).unwrap_or("");
    Some(match sub(2) {
        "04" => "036",
        "05" => "032",
        "06" => match sub(3) {
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            _ => "031",
        },
        "07" => match sub(3) {
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            _ => "033",
        },
        "08" => match sub(3) {
            "081" => "0351",
            "082" => "0352",
            "083" => match sub(4) {
                "0831" => "0341",
                "0832" => "0342",
                "0833" => "0343",
                "0834" => "0344",
                _ => "034",
            },
            "084" => "0353",
            "085" => "0354",
            "086" => "0355",
            "087" => "0356",
            _ => "035",
        },
        _ => return None,
    })
}

/// Verbs of commitment whose content, when it is an act of force or coercion against
/// someone, makes them a threat ("pledged to expel the diplomats"); agreeing or offering to
/// do it is not.
const PLEDGING: &[&str] = &["pledge", "vow", "promise", "swear"];

/// The code of a commitment (root 03) made specific by the event it commits to: "agreed
/// to lift sanctions" is an intent to ease sanctions (0354), not just to cooperate (030);
/// "pledged to expel the diplomats" a threat (137). `None` keeps the commitment's code.
fn commitment_code(commitment: &str, lemma: &str, content: &str) -> Option<&'static str> {
    if !commitment.starts_with("03") {
        return None;
    }
    // What a generic code (060 "cooperate", 070 "help") commits to is no more specific.
    if content.len() == 3 && content.ends_with('0') {
        return None;
    }
    if let Some(c) = intent_code(content) {
        return (c != commitment && (commitment == "030" || c.starts_with(commitment)))
            .then_some(c);
    }
    if PLEDGING.contains(&lemma) {
        return threat_code(content);
    }
    None
}

/// Gives an event another CAMEO code, with the codebook's PLOVER type, mode, contexts,
/// quad class and Goldstein value for it.
fn recode(e: &mut Event, cameo: &str, codebook: Option<&Codebook>) {
    let code = codebook.and_then(|c| c.code(cameo));
    let plover = code.and_then(|c| c.plover.as_ref());
    e.cameo = cameo.to_string();
    e.plover = plover.map(|m| m.plover_type.name().to_string());
    e.mode = plover.and_then(|m| m.mode.clone());
    e.context = plover.map(|m| m.contexts.clone()).unwrap_or_default();
    e.quad_class = code.map_or(0, |c| c.quad_class.number());
    e.goldstein = code.map_or(0.0, |c| c.goldstein);
}

/// True when `w` lies in a condition ("if the government did not accept ...") or in the
/// consequence of one ("unless it is discussed, the EU would never reach agreement"),
/// within a few steps up the tree.
fn conditional(tree: &Tree, w: usize) -> bool {
    let mut x = Some(w);
    for _ in 0..4 {
        let Some(y) = x else { return false };
        if condition_below(tree, y) {
            return true;
        }
        if condition_mark(tree, y) {
            return true;
        }
        x = tree.head(y);
    }
    false
}

/// The "reject" code (root 12) of a cooperative code whose event is refused.
fn refusal_code(cameo: &str) -> Option<&'static str> {
    Some(match cameo.get(..2)? {
        "03" => "120",
        "04" => "125",
        // Failing to sign or reach an agreement, not failing to praise.
        "05" if cameo.starts_with("057") => "120",
        "06" | "07" => "121",
        "08" => "124",
        _ => return None,
    })
}

/// True when the text holds a score such as "2-1" or "3–0".
fn has_score(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(3).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && matches!(w[1], '-' | '\u{2013}')
            && w[2].is_ascii_digit()
            && chars.get(i + 3).is_none_or(|c| !c.is_ascii_digit())
            && (i == 0 || !chars[i - 1].is_ascii_digit())
    })
}

/// Negation, modality and plans around the trigger.
fn status_of(tree: &Tree, w: usize) -> EventStatus {
    let negated_here = |x: usize| {
        tree.children(x).iter().any(|&c| {
            tree.rel(c) == "neg"
                || (tree.base_rel(c) == "advmod"
                    && matches!(tree.form(c).as_str(), "not" | "n't" | "never"))
                || (matches!(tree.base_rel(c), ref r if r == "nsubj")
                    && tree
                        .children(c)
                        .iter()
                        .any(|&d| matches!(tree.form(d).as_str(), "no" | "neither")))
                || (tree.form(c) == "neither" && tree.base_rel(c) == "nsubj")
        })
    };
    let modal = |x: usize| -> Option<EventStatus> {
        for &c in tree.children(x) {
            if tree.base_rel(c) != "aux" {
                continue;
            }
            match tree.form(c).as_str() {
                // "said they would boycott ...": the "will" of the words reported.
                "would" if backshifted(tree, x) => return Some(EventStatus::Planned),
                "may" | "might" | "could" | "would" => return Some(EventStatus::Hypothetical),
                "will" | "shall" | "'ll" => return Some(EventStatus::Planned),
                _ => {}
            }
        }
        None
    };
    if negated_here(w) {
        return EventStatus::Negated;
    }
    if let Some(s) = modal(w) {
        return s;
    }
    // Walk up the words that govern the trigger without reporting it: infinitive and
    // participle complements ("seek to renegotiate"), purpose and manner clauses ("has no
    // plans to extradite him", "maintaining cooperation"), and the verb of a nominal trigger.
    // Reported speech (ccomp) has its own modality and stops the walk.
    let mut x = w;
    for _ in 0..5 {
        let Some(h) = tree.head(x) else { break };
        let rel = tree.base_rel(x);
        // A conjunct shares the clause its first conjunct stands in ("could claim that it
        // was tardy or was resisting"), but not that conjunct's own negation or modal.
        if rel == "conj" {
            x = h;
            continue;
        }
        // What a speaker only might say is not asserted either ("could claim that ...").
        if rel == "ccomp" && modal(h) == Some(EventStatus::Hypothetical) {
            return EventStatus::Hypothetical;
        }
        // An infinitive the parser hung as a clausal complement ("planned to “ask ...")
        // is a complement like any infinitive, not reported speech.
        let infinitive = rel == "ccomp"
            && tree.xpos(x) == "VB"
            && tree
                .children(x)
                .iter()
                .any(|&c| tree.base_rel(c) == "mark" && tree.lemma(c) == "to");
        // Taking part in an event has the status of the taking part ("would not be
        // involved in the talks").
        let taking_part = matches!(rel.as_str(), "obl" | "nmod")
            && prep_is(tree, x, "in")
            && (TAKING_PART.contains(&tree.lemma(h).as_str())
                || matches!(tree.lemma(h).as_str(), "part" | "take"));
        if !infinitive && !taking_part && !matches!(rel.as_str(), "xcomp" | "acl" | "advcl" | "obj")
        {
            break;
        }
        let hl = tree.lemma(h);
        // "no plans", "neither side": a negating determiner on the head or on its object.
        let no_det = |y: usize| {
            tree.children(y)
                .iter()
                .any(|&c| matches!(tree.form(c).to_lowercase().as_str(), "no" | "neither"))
        };
        let object_negated = tree
            .children(h)
            .iter()
            .any(|&c| tree.base_rel(c) == "obj" && no_det(c));
        if negated_here(h)
            || no_det(h)
            || object_negated
            || NEGATING.contains(&hl.as_str())
            || (rel == "acl" && NEGATING_NOUNS.contains(&hl.as_str()))
        {
            return EventStatus::Negated;
        }
        if let Some(s) = modal(h) {
            return s;
        }
        if ALLEGING.contains(&hl.as_str()) {
            return EventStatus::Hypothetical;
        }
        if PLANNING.contains(&hl.as_str())
            || (rel == "acl"
                && (PLAN_NOUNS.contains(&hl.as_str()) || INTENT_NOUNS.contains(&hl.as_str())))
        {
            // "may seek to renegotiate" is only possible.
            let mut g = tree.head(h);
            while let Some(gh) = g {
                if let Some(EventStatus::Hypothetical) = modal(gh) {
                    return EventStatus::Hypothetical;
                }
                if !matches!(tree.base_rel(gh).as_str(), "xcomp" | "advcl") {
                    break;
                }
                g = tree.head(gh);
            }
            if let Some(EventStatus::Hypothetical) = modal(h) {
                return EventStatus::Hypothetical;
            }
            return EventStatus::Planned;
        }
        x = h;
    }
    EventStatus::Asserted
}

/// Verbs that report what someone said or decided: "would" in their complement, after a past
/// tense, is the "will" of the words reported ("said they would boycott the talks").
const REPORTING: &[&str] = &[
    "say",
    "announce",
    "confirm",
    "tell",
    "declare",
    "state",
    "indicate",
    "insist",
    "promise",
    "pledge",
    "vow",
    "warn",
    "threaten",
    "decide",
    "add",
    "reiterate",
    "report",
    "write",
];

/// True when `x`, a clause with "would", reports a plan in the past: the complement of a
/// reporting verb in a past tense or a participle, not a counterfactual ("would have
/// signed") and not the consequence of a condition ("would sign if ...").
fn backshifted(tree: &Tree, x: usize) -> bool {
    let Some(h) = tree.head(x) else { return false };
    tree.base_rel(x) == "ccomp"
        && REPORTING.contains(&tree.lemma(h).as_str())
        && matches!(tree.xpos(h), "VBD" | "VBN" | "VBG")
        && !tree
            .children(x)
            .iter()
            .any(|&c| tree.base_rel(c) == "aux" && tree.lemma(c) == "have")
        && !condition_below(tree, x)
}

/// Heads whose infinitive states an intention the source announces ("vowed to retaliate").
const ANNOUNCING: &[&str] = &["plan", "intend", "vow", "pledge", "promise", "want"];

/// True when a planned act is announced as to come: a "will" on it or on a clause above it,
/// a reported "would" (not after "announced" or "decided": a decision taken is the act), or an
/// intention declared ("plans to", "vowed to"). An act tried or prepared ("attempted to
/// assassinate", "prepared to resume shelling") is not announced.
fn threat_announced(tree: &Tree, w: usize) -> bool {
    let mut x = w;
    for _ in 0..5 {
        for &c in tree.children(x) {
            if tree.base_rel(c) != "aux" {
                continue;
            }
            match tree.form(c).as_str() {
                "will" | "shall" | "'ll" => return true,
                "would" if backshifted(tree, x) => {
                    return tree.head(x).is_none_or(|h| {
                        !matches!(tree.lemma(h).as_str(), "announce" | "decide" | "confirm")
                    });
                }
                _ => {}
            }
        }
        let Some(h) = tree.head(x) else { break };
        if !matches!(
            tree.base_rel(x).as_str(),
            "xcomp" | "acl" | "advcl" | "obj" | "ccomp"
        ) {
            break;
        }
        let hl = tree.lemma(h);
        if ANNOUNCING.contains(&hl.as_str()) {
            return true;
        }
        if PLANNING.contains(&hl.as_str()) {
            return false;
        }
        x = h;
    }
    false
}

/// True when a clause of `x` is a condition on it ("would sign if ...", "unless ..., would").
fn condition_below(tree: &Tree, x: usize) -> bool {
    tree.children(x)
        .iter()
        .any(|&c| tree.base_rel(c) == "advcl" && condition_mark(tree, c))
}

/// True when clause `x` is itself a condition: it is introduced by "if", "unless" or
/// "whether".
fn condition_mark(tree: &Tree, x: usize) -> bool {
    tree.children(x).iter().any(|&m| {
        tree.base_rel(m) == "mark"
            && matches!(
                tree.lemma(m).to_lowercase().as_str(),
                "if" | "unless" | "whether"
            )
    })
}

/// The "threaten" code (root 13) of a conflictual act announced rather than done ("will
/// boycott the talks", "said it would impose sanctions"): CAMEO codes the announcement as a
/// threat of that act.
fn threat_code(cameo: &str) -> Option<&'static str> {
    let sub = |n: usize| cameo.get(..n).unwrap_or("");
    Some(match sub(2) {
        "14" => "133",
        "16" => match sub(3) {
            "161" => "1313",
            "162" => "1311",
            "163" => "1312",
            "164" => "134",
            "165" => "135",
            "166" => "136",
            _ => "131",
        },
        "17" => match sub(4) {
            "1721" => "1321",
            "1722" => "1322",
            "1723" => "1323",
            "1724" => "1324",
            _ if sub(3) == "172" => "132",
            _ if matches!(sub(3), "173" | "174" | "175") => "137",
            _ => "130",
        },
        "18" => "1383",
        "19" => match sub(3) {
            "191" => "1381",
            "192" => "1382",
            _ => "1384",
        },
        "20" => {
            if sub(3) == "204" {
                "1385"
            } else {
                "138"
            }
        }
        _ => return None,
    })
}

/// The latest year (1900–2099) the text names: an undated document (an encyclopedia entry)
/// is read as written after the last year it mentions.
fn latest_year(text: &str) -> Option<u32> {
    let bytes = text.as_bytes();
    let mut best = None;
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let digits = bytes[i..i + 4].iter().all(u8::is_ascii_digit);
        let before = i == 0 || !bytes[i - 1].is_ascii_digit();
        let after = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        if digits && before && after {
            let y = bytes[i..i + 4]
                .iter()
                .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
            if (1900..2100).contains(&y) {
                best = best.max(Some(y));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best
}

/// Whether the event clearly lies in the past: a pluperfect, or a past tense in a sentence
/// that names an earlier year, or "at the time" / "last year". Gives the year when named.
fn historical_of(tree: &Tree, w: usize) -> (bool, Option<String>) {
    let doc = tree.doc;
    let published_year: Option<u32> = doc
        .meta
        .published
        .as_deref()
        .and_then(|p| p.get(..4))
        .and_then(|y| y.parse().ok())
        .or_else(|| latest_year(&doc.text));
    let pluperfect = tree
        .children(w)
        .iter()
        .any(|&c| tree.base_rel(c) == "aux" && tree.form(c) == "had")
        && tree.xpos(w) == "VBN";
    let sentence = doc.words[w].sentence;
    let mut year = None;
    let mut past_marker = false;
    let words: Vec<usize> = tree.sentence_words(sentence).collect();
    for (k, &x) in words.iter().enumerate() {
        let t = tree.text(x);
        if t.len() == 4
            && t.bytes().all(|b| b.is_ascii_digit())
            && let Ok(y) = t.parse::<u32>()
            && (1900..2100).contains(&y)
            && published_year.is_some_and(|p| y < p)
        {
            year.get_or_insert(t.to_string());
        }
        let next = words.get(k + 1).map(|&n| tree.form(n)).unwrap_or_default();
        let f = tree.form(x);
        if (f == "last" && next == "year") || (f == "the" && next == "time") && k > 0 {
            past_marker = true;
        }
    }
    let past = matches!(tree.xpos(w), "VBD" | "VBN") || tree.upos(w) == "NOUN";
    let historical = pluperfect || (past && (year.is_some() || past_marker));
    (historical, if historical { year } else { None })
}

#[cfg(test)]
pub(super) mod tests {
    use super::{between_businesses, has_score};
    use crate::document::EventStatus;

    #[test]
    fn doubled_letters_are_compared_as_characters() {
        // A 4-byte character whose last two bytes are equal must not be cut.
        for text in [
            "\u{16B6D}",
            "They \u{16B6D}ed the town.",
            "Rebels \u{16B6D}\u{16B6D}\u{16B6D}ed it.",
        ] {
            let meta = crate::document::ArticleMeta::default();
            let blocks = [(crate::document::BlockKind::Paragraph, text)];
            let mut doc = crate::document::Document::from_blocks(meta, blocks);
            crate::Pipeline::default().run(&mut doc);
        }
    }

    #[test]
    fn the_latest_year_named_dates_an_undated_text() {
        assert_eq!(
            super::latest_year("Taken in 2006, hanged in 2015."),
            Some(2015)
        );
        assert_eq!(super::latest_year("No year, only 12345 and 1850."), None);
    }

    #[test]
    fn scores_are_found() {
        assert!(has_score("Arsenal beat Chelsea 2-1 on Sunday."));
        assert!(!has_score("The 2019-2020 offensives."));
        assert!(!has_score("No score here."));
    }

    /// Codes sentences we wrote from parses written by hand; events as `SRC CAMEO TGT status`.
    pub(in crate::events) fn coded(conllu_text: &str) -> Vec<String> {
        let sentences = crate::conllu::parse(conllu_text, "test").unwrap();
        let doc = crate::events::code_conllu(&sentences, Some("2025-01-01".into()));
        let country = |c: Option<&str>| c.map_or("-".to_string(), |c| c.chars().take(3).collect());
        doc.events
            .iter()
            .map(|e| {
                format!(
                    "{} {} {} {}",
                    country(e.source.code.as_deref()),
                    e.cameo,
                    country(e.target.as_ref().and_then(|t| t.code.as_deref())),
                    e.status.name()
                )
            })
            .collect()
    }

    /// "Chile VERB the attack on Peru." with the verb's form and lemma, parsed by hand.
    fn attack_on_peru(form: &str, lemma: &str) -> String {
        format!(
            "# text = Chile {form} the attack on Peru.
1\tChile\tChile\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\t{form}\t{lemma}\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tattack\tattack\tNOUN\tNN\t_\t2\tobj\t_\t_
5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_
6\tPeru\tPeru\tPROPN\tNNP\t_\t4\tnmod\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"
        )
    }

    #[test]
    fn who_condemns_an_attack_did_not_carry_it_out() {
        let events = coded(&attack_on_peru("condemned", "condemn"));
        assert!(events.iter().all(|e| !e.contains(" 190 ")), "{events:?}");
        let launched = coded(&attack_on_peru("launched", "launch"));
        assert!(launched.contains(&"CHL 190 PER asserted".to_string()));
    }

    #[test]
    fn a_targetless_act_told_again_with_its_target_is_one_event() {
        let parse = "# text = Egypt intervened militarily to bolster Libya.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tintervened\tintervene\tVERB\tVBD\t_\t0\troot\t_\t_
3\tmilitarily\tmilitarily\tADV\tRB\t_\t2\tadvmod\t_\t_
4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_
5\tbolster\tbolster\tVERB\tVB\t_\t2\tadvcl\t_\t_
6\tLibya\tLibya\tPROPN\tNNP\t_\t5\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert_eq!(coded(parse), ["EGY 070 LBY asserted"]);
    }

    #[test]
    fn what_a_speaker_only_might_say_is_hypothetical_in_every_conjunct() {
        let parse = "# text = Kenya could claim that Egypt stalled or attacked Libya.
1\tKenya\tKenya\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
2\tcould\tcould\tAUX\tMD\t_\t3\taux\t_\t_
3\tclaim\tclaim\tVERB\tVB\t_\t0\troot\t_\t_
4\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_
5\tEgypt\tEgypt\tPROPN\tNNP\t_\t6\tnsubj\t_\t_
6\tstalled\tstall\tVERB\tVBD\t_\t3\tccomp\t_\t_
7\tor\tor\tCCONJ\tCC\t_\t8\tcc\t_\t_
8\tattacked\tattack\tVERB\tVBD\t_\t6\tconj\t_\t_
9\tLibya\tLibya\tPROPN\tNNP\t_\t8\tobj\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";
        let events = coded(parse);
        assert!(events.iter().any(|e| e.starts_with("EGY 19")), "{events:?}");
        assert!(
            events
                .iter()
                .filter(|e| e.starts_with("EGY"))
                .all(|e| e.ends_with("hypothetical")),
            "{events:?}"
        );
    }

    /// "X say Egypt may sign a deal with Japan", with `who` as the subject.
    fn may_sign(who: &str, lemma: &str) -> String {
        format!(
            "# text = {who} say Egypt may sign a deal with Japan.
1\t{who}\t{lemma}\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tsay\tsay\tVERB\tVBP\t_\t0\troot\t_\t_
3\tEgypt\tEgypt\tPROPN\tNNP\t_\t5\tnsubj\t_\t_
4\tmay\tmay\tAUX\tMD\t_\t5\taux\t_\t_
5\tsign\tsign\tVERB\tVB\t_\t2\tccomp\t_\t_
6\ta\ta\tDET\tDT\t_\t7\tdet\t_\t_
7\tdeal\tdeal\tNOUN\tNN\t_\t5\tobj\t_\t_
8\twith\twith\tADP\tIN\t_\t9\tcase\t_\t_
9\tJapan\tJapan\tPROPN\tNNP\t_\t7\tnmod\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"
        )
    }

    #[test]
    fn a_verb_whose_subject_names_no_actor_takes_the_actor_before_it() {
        // The parser took "monitor" for a participle and "Kenya" for its object.
        let parse = "# text = Election monitor Kenya criticized Uganda.
1\tElection\telection\tNOUN\tNN\t_\t2\tcompound\t_\t_
2\tmonitor\tmonitor\tNOUN\tNN\t_\t4\tnsubj\t_\t_
3\tKenya\tKenya\tPROPN\tNNP\t_\t2\tappos\t_\t_
4\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_
5\tUganda\tUganda\tPROPN\tNNP\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
        assert_eq!(coded(parse), ["KEN 111 UGA asserted"]);
        // Not across a clause: the actor before "and" and a finite verb is not the subject.
        let parse = "# text = Kenya said so and a report criticized Uganda.
1\tKenya\tKenya\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tso\tso\tADV\tRB\t_\t2\tadvmod\t_\t_
4\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_
5\ta\ta\tDET\tDT\t_\t6\tdet\t_\t_
6\treport\treport\tNOUN\tNN\t_\t7\tnsubj\t_\t_
7\tcriticized\tcriticize\tVERB\tVBD\t_\t2\tconj\t_\t_
8\tUganda\tUganda\tPROPN\tNNP\t_\t7\tobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert!(coded(parse).is_empty());
    }

    #[test]
    fn a_relative_pronoun_stands_for_the_name_its_clause_describes() {
        // A description predicated of a name: "Kenya is the neighbour that ...".
        let parse = "# text = Kenya is the neighbour that criticized Uganda.
1\tKenya\tKenya\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
2\tis\tbe\tAUX\tVBZ\t_\t4\tcop\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tneighbour\tneighbour\tNOUN\tNN\t_\t0\troot\t_\t_
5\tthat\tthat\tPRON\tWDT\t_\t6\tnsubj\t_\t_
6\tcriticized\tcriticize\tVERB\tVBD\t_\t4\tacl:relcl\t_\t_
7\tUganda\tUganda\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
        assert_eq!(coded(parse), ["KEN 111 UGA asserted"]);
        // Through the infinitive the relative clause governs.
        let parse = "# text = Kenya is the neighbour that vowed to attack Uganda.
1\tKenya\tKenya\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
2\tis\tbe\tAUX\tVBZ\t_\t4\tcop\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tneighbour\tneighbour\tNOUN\tNN\t_\t0\troot\t_\t_
5\tthat\tthat\tPRON\tWDT\t_\t6\tnsubj\t_\t_
6\tvowed\tvow\tVERB\tVBD\t_\t4\tacl:relcl\t_\t_
7\tto\tto\tPART\tTO\t_\t8\tmark\t_\t_
8\tattack\tattack\tVERB\tVB\t_\t6\txcomp\t_\t_
9\tUganda\tUganda\tPROPN\tNNP\t_\t8\tobj\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
        assert_eq!(coded(parse), ["KEN 030 UGA asserted"]);
        // A description in apposition to a name.
        let parse = "# text = Kenya, a neighbour that criticized Uganda, met Rwanda.
1\tKenya\tKenya\tPROPN\tNNP\t_\t9\tnsubj\t_\tSpaceAfter=No
2\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_
3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_
4\tneighbour\tneighbour\tNOUN\tNN\t_\t1\tappos\t_\t_
5\tthat\tthat\tPRON\tWDT\t_\t6\tnsubj\t_\t_
6\tcriticized\tcriticize\tVERB\tVBD\t_\t4\tacl:relcl\t_\t_
7\tUganda\tUganda\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No
8\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_
9\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
10\tRwanda\tRwanda\tPROPN\tNNP\t_\t9\tobj\t_\tSpaceAfter=No
11\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_
";
        assert!(coded(parse).contains(&"KEN 111 UGA asserted".to_string()));
        // An object relative: "whom" is the name the description stands beside.
        let parse = "# text = Uganda, the neighbour whom Kenya criticized, met Rwanda.
1\tUganda\tUganda\tPROPN\tNNP\t_\t9\tnsubj\t_\tSpaceAfter=No
2\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tneighbour\tneighbour\tNOUN\tNN\t_\t1\tappos\t_\t_
5\twhom\twhom\tPRON\tWP\t_\t7\tobj\t_\t_
6\tKenya\tKenya\tPROPN\tNNP\t_\t7\tnsubj\t_\t_
7\tcriticized\tcriticize\tVERB\tVBD\t_\t4\tacl:relcl\t_\tSpaceAfter=No
8\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\t_
9\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
10\tRwanda\tRwanda\tPROPN\tNNP\t_\t9\tobj\t_\tSpaceAfter=No
11\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_
";
        assert!(coded(parse).contains(&"KEN 111 UGA asserted".to_string()));
        // A "which" clause the parser did not hang on its noun.
        let parse = "# text = Uganda criticized Kenya, which attacked Rwanda.
1\tUganda\tUganda\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_
3\tKenya\tKenya\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No
4\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_
5\twhich\twhich\tPRON\tWDT\t_\t6\tnsubj\t_\t_
6\tattacked\tattack\tVERB\tVBD\t_\t2\tparataxis\t_\t_
7\tRwanda\tRwanda\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert!(coded(parse).contains(&"KEN 190 RWA asserted".to_string()));
        // The "it" of a cleft is not the name.
        let parse = "# text = It was Kenya that criticized Uganda.
1\tIt\tit\tPRON\tPRP\t_\t3\tnsubj\t_\t_
2\twas\tbe\tAUX\tVBD\t_\t3\tcop\t_\t_
3\tKenya\tKenya\tPROPN\tNNP\t_\t0\troot\t_\t_
4\tthat\tthat\tPRON\tWDT\t_\t5\tnsubj\t_\t_
5\tcriticized\tcriticize\tVERB\tVBD\t_\t3\tacl:relcl\t_\t_
6\tUganda\tUganda\tPROPN\tNNP\t_\t5\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";
        assert_eq!(coded(parse), ["KEN 111 UGA asserted"]);
    }

    #[test]
    fn an_infinitive_below_a_noun_is_done_by_the_party_the_noun_phrase_names() {
        // The author of a decision, not the subject of the verb above it.
        let parse = "# text = Uganda welcomed Kenya's decision to support Rwanda.
1\tUganda\tUganda\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\twelcomed\twelcome\tVERB\tVBD\t_\t0\troot\t_\t_
3\tKenya\tKenya\tPROPN\tNNP\t_\t5\tnmod:poss\t_\tSpaceAfter=No
4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_
5\tdecision\tdecision\tNOUN\tNN\t_\t2\tobj\t_\t_
6\tto\tto\tPART\tTO\t_\t7\tmark\t_\t_
7\tsupport\tsupport\tVERB\tVB\t_\t5\tacl\t_\t_
8\tRwanda\tRwanda\tPROPN\tNNP\t_\t7\tobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert!(coded(parse).contains(&"KEN 032 RWA planned".to_string()));
        // A noun of urging: whom the pressure is on.
        let parse = "# text = Uganda increased pressure on Kenya to support Rwanda.
1\tUganda\tUganda\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tincreased\tincrease\tVERB\tVBD\t_\t0\troot\t_\t_
3\tpressure\tpressure\tNOUN\tNN\t_\t2\tobj\t_\t_
4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_
5\tKenya\tKenya\tPROPN\tNNP\t_\t3\tnmod\t_\t_
6\tto\tto\tPART\tTO\t_\t7\tmark\t_\t_
7\tsupport\tsupport\tVERB\tVB\t_\t3\tacl\t_\t_
8\tRwanda\tRwanda\tPROPN\tNNP\t_\t7\tobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert!(coded(parse).contains(&"KEN 051 RWA asserted".to_string()));
        // The object of a verb of urging that the parser gave the infinitive.
        let parse = "# text = Rwanda urged Kenya to support Uganda.
1\tRwanda\tRwanda\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\turged\turge\tVERB\tVBD\t_\t0\troot\t_\t_
3\tKenya\tKenya\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_
5\tsupport\tsupport\tVERB\tVB\t_\t3\tacl\t_\t_
6\tUganda\tUganda\tPROPN\tNNP\t_\t5\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert!(coded(parse).contains(&"KEN 051 UGA asserted".to_string()));
        // A refusal negates what it refuses.
        let parse = "# text = Kenya's refusal to support Rwanda surprised diplomats.
1\tKenya\tKenya\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\trefusal\trefusal\tNOUN\tNN\t_\t7\tnsubj\t_\t_
4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_
5\tsupport\tsupport\tVERB\tVB\t_\t3\tacl\t_\t_
6\tRwanda\tRwanda\tPROPN\tNNP\t_\t5\tobj\t_\t_
7\tsurprised\tsurprise\tVERB\tVBD\t_\t0\troot\t_\t_
8\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t7\tobj\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_
";
        assert_eq!(coded(parse), ["KEN 051 RWA negated"]);
    }

    #[test]
    fn a_participle_on_an_actor_with_an_agent_is_passive() {
        // "rebels backed by Kenya": Kenya backs the rebels.
        let parse = "# text = Uganda condemned rebels backed by Kenya.
1\tUganda\tUganda\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_
3\trebels\trebel\tNOUN\tNNS\t_\t2\tobj\t_\t_
4\tbacked\tback\tVERB\tVBN\t_\t3\tacl\t_\t_
5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_
6\tKenya\tKenya\tPROPN\tNNP\t_\t4\tobl:agent\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert!(coded(parse).contains(&"KEN 051 UGA asserted".to_string()));
        // A thing signed by someone is no act between two parties.
        let parse = "# text = Uganda condemned an order signed by Kenya.
1\tUganda\tUganda\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_
3\tan\ta\tDET\tDT\t_\t4\tdet\t_\t_
4\torder\torder\tNOUN\tNN\t_\t2\tobj\t_\t_
5\tsigned\tsign\tVERB\tVBN\t_\t4\tacl\t_\t_
6\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_
7\tKenya\tKenya\tPROPN\tNNP\t_\t5\tobl:agent\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert!(coded(parse).iter().all(|e| !e.starts_with("KEN")));
    }

    #[test]
    fn a_conjunct_hung_below_the_first_one_brings_it_along() {
        // "Kenyan" was made the root and "officials" its conjunct.
        let parse = "# text = Kenyan and Ugandan officials met.
1\tKenyan\tKenyan\tPROPN\tNNP\t_\t0\troot\t_\t_
2\tand\tand\tCCONJ\tCC\t_\t4\tcc\t_\t_
3\tUgandan\tUgandan\tADJ\tJJ\t_\t4\tamod\t_\t_
4\tofficials\tofficial\tNOUN\tNNS\t_\t1\tconj\t_\t_
5\tmet\tmeet\tVERB\tVBD\t_\t4\tacl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_
";
        let mut got = coded(parse);
        got.sort();
        assert_eq!(got, ["KEN 040 UGA asserted", "UGA 040 KEN asserted"]);
    }

    #[test]
    fn a_subject_split_off_a_list_joins_the_list() {
        // The parser gave "met" a second subject, "Chile", after "and".
        let parse = "# text = Peru, Brazil and Chile met.
1\tPeru\tPeru\tPROPN\tNNP\t_\t6\tnsubj\t_\tSpaceAfter=No
2\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\t_
3\tBrazil\tBrazil\tPROPN\tNNP\t_\t1\tconj\t_\t_
4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_
5\tChile\tChile\tPROPN\tNNP\t_\t6\tnsubj\t_\t_
6\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_
";
        let mut got = coded(parse);
        got.sort();
        assert_eq!(got.len(), 6, "{got:?}");
        assert!(got.contains(&"CHL 040 PER asserted".to_string()), "{got:?}");
        assert!(got.contains(&"BRA 040 CHL asserted".to_string()), "{got:?}");
    }

    #[test]
    fn a_participle_with_an_object_is_active_and_the_noun_before_it_its_subject() {
        // Taken for a reduced relative ("the police arrested" as "the police who were
        // arrested"), but "arrested" has an object of its own.
        let parse = "# text = Officials said Kenyan police arrested Ugandan traders.
1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tKenyan\tKenyan\tADJ\tJJ\t_\t4\tamod\t_\t_
4\tpolice\tpolice\tNOUN\tNNS\t_\t2\tobj\t_\t_
5\tarrested\tarrest\tVERB\tVBN\t_\t4\tacl\t_\t_
6\tUgandan\tUgandan\tADJ\tJJ\t_\t7\tamod\t_\t_
7\ttraders\ttrader\tNOUN\tNNS\t_\t5\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert_eq!(coded(parse), ["KEN 173 UGA asserted"]);
    }

    #[test]
    fn a_day_taken_for_the_object_gives_way_to_the_real_one() {
        let parse = "# text = Kenya rejected Thursday a proposal by Uganda.
1\tKenya\tKenya\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\trejected\treject\tVERB\tVBD\t_\t0\troot\t_\t_
3\tThursday\tThursday\tPROPN\tNNP\t_\t2\tobj\t_\t_
4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_
5\tproposal\tproposal\tNOUN\tNN\t_\t2\tobj\t_\t_
6\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_
7\tUganda\tUganda\tPROPN\tNNP\t_\t5\tnmod\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert_eq!(coded(parse), ["KEN 120 UGA asserted"]);
    }

    /// "WHO said Egypt attacked Libya", with `who` as the speaker.
    fn said_attacked(who: &str) -> String {
        format!(
            "# text = {who} said Egypt attacked Libya.
1\t{who}\t{who}\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tEgypt\tEgypt\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
4\tattacked\tattack\tVERB\tVBD\t_\t2\tccomp\t_\t_
5\tLibya\tLibya\tPROPN\tNNP\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"
        )
    }

    #[test]
    fn telling_of_force_accuses_the_attacker_or_claims_the_act() {
        let mut got = coded(&said_attacked("Libya"));
        got.sort();
        assert_eq!(got, ["EGY 190 LBY asserted", "LBY 112 EGY asserted"]);
        let mut got = coded(&said_attacked("Egypt"));
        got.sort();
        assert_eq!(got, ["EGY 015 LBY asserted", "EGY 190 LBY asserted"]);
    }

    #[test]
    fn what_commentators_guess_is_not_an_event() {
        assert_eq!(
            coded(&may_sign("Officials", "official")),
            ["EGY 057 JPN hypothetical"]
        );
        assert!(coded(&may_sign("Analysts", "analyst")).is_empty());
    }

    /// "Officials VERB Egypt would impose sanctions on Japan.", or "would have imposed"
    /// when `counterfactual`.
    fn would_impose(verb: &str, lemma: &str, xpos: &str, counterfactual: bool) -> String {
        let (have, imposed, ixpos) = if counterfactual {
            ("have ", "imposed", "VBN")
        } else {
            ("", "impose", "VB")
        };
        let mut rows = vec![
            "Officials\tofficial\tNOUN\tNNS\tV\tnsubj".to_string(),
            format!("{verb}\t{lemma}\tVERB\t{xpos}\t0\troot"),
            "Egypt\tEgypt\tPROPN\tNNP\tI\tnsubj".to_string(),
            "would\twould\tAUX\tMD\tI\taux".to_string(),
        ];
        if counterfactual {
            rows.push("have\thave\tAUX\tVB\tI\taux".to_string());
        }
        let i = rows.len() + 1;
        rows.extend([
            format!("{imposed}\timpose\tVERB\t{ixpos}\t2\tccomp"),
            "sanctions\tsanction\tNOUN\tNNS\tI\tobj".to_string(),
            format!("on\ton\tADP\tIN\t{}\tcase", i + 3),
            "Japan\tJapan\tPROPN\tNNP\tI\tobl".to_string(),
            ".\t.\tPUNCT\t.\t2\tpunct".to_string(),
        ]);
        let mut out =
            format!("# text = Officials {verb} Egypt would {have}{imposed} sanctions on Japan.\n");
        for (k, r) in rows.iter().enumerate() {
            let f: Vec<String> = r
                .split('\t')
                .map(|x| match x {
                    "I" => i.to_string(),
                    "V" => "2".to_string(),
                    x => x.to_string(),
                })
                .collect();
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                k + 1,
                f[0],
                f[1],
                f[2],
                f[3],
                f[4],
                f[5]
            ));
        }
        out
    }

    #[test]
    fn a_reported_would_is_a_plan_and_an_announced_sanction_a_threat() {
        assert_eq!(
            coded(&would_impose("said", "say", "VBD", false)),
            ["EGY 1312 JPN planned"]
        );
        // A decision announced is the act itself, still to come.
        assert_eq!(
            coded(&would_impose("announced", "announce", "VBD", false)),
            ["EGY 163 JPN planned"]
        );
        // "would" after a present tense, or "would have", is only possible.
        assert_eq!(
            coded(&would_impose("say", "say", "VBP", false)),
            ["EGY 163 JPN hypothetical"]
        );
        assert_eq!(
            coded(&would_impose("said", "say", "VBD", true)),
            ["EGY 163 JPN hypothetical"]
        );
    }

    /// "Egypt AUX VERB Japan."
    fn attack(aux: &str, verb: &str, lemma: &str, xpos: &str) -> String {
        format!(
            "# text = Egypt {aux} {verb} Japan.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
2\t{aux}\t{aux}\tAUX\tMD\t_\t3\taux\t_\t_
3\t{verb}\t{lemma}\tVERB\t{xpos}\t_\t0\troot\t_\t_
4\tJapan\tJapan\tPROPN\tNNP\t_\t3\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
"
        )
    }

    #[test]
    fn an_attack_announced_is_a_threat_and_one_attempted_is_not() {
        assert_eq!(
            coded(&attack("will", "attack", "attack", "VB")),
            ["EGY 1384 JPN planned"]
        );
        let attempted = "# text = Egypt attempted to attack Japan.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tattempted\tattempt\tVERB\tVBD\t_\t0\troot\t_\t_
3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_
4\tattack\tattack\tVERB\tVB\t_\t2\txcomp\t_\t_
5\tJapan\tJapan\tPROPN\tNNP\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
        assert_eq!(coded(attempted), ["EGY 190 JPN planned"]);
        let wanted = attempted
            .replace("attempted", "wants")
            .replace("\tattempt\t", "\twant\t")
            .replace("VBD", "VBZ");
        assert_eq!(coded(&wanted), ["EGY 1384 JPN planned"]);
    }

    /// "Egypt has no plans to meet Japan." with the infinitive hung on `to_head` (3 for
    /// "has", 5 for "plans") as `rel`.
    fn no_plans(to_head: usize, rel: &str) -> String {
        format!(
            "# text = Egypt has no plans to meet Japan.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\thas\thave\tVERB\tVBZ\t_\t0\troot\t_\t_
3\tno\tno\tDET\tDT\t_\t4\tdet\t_\t_
4\tplans\tplan\tNOUN\tNNS\t_\t2\tobj\t_\t_
5\tto\tto\tPART\tTO\t_\t6\tmark\t_\t_
6\tmeet\tmeet\tVERB\tVB\t_\t{to_head}\t{rel}\t_\t_
7\tJapan\tJapan\tPROPN\tNNP\t_\t6\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"
        )
    }

    #[test]
    fn a_refusal_foretold_under_a_condition_is_not_a_rejection() {
        let parse = "# text = Unless Japan pays, Egypt will not meet Japan.
1\tUnless\tunless\tSCONJ\tIN\t_\t3\tmark\t_\t_
2\tJapan\tJapan\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
3\tpays\tpay\tVERB\tVBZ\t_\t8\tadvcl\t_\tSpaceAfter=No
4\t,\t,\tPUNCT\t,\t_\t8\tpunct\t_\t_
5\tEgypt\tEgypt\tPROPN\tNNP\t_\t8\tnsubj\t_\t_
6\twill\twill\tAUX\tMD\t_\t8\taux\t_\t_
7\tnot\tnot\tPART\tRB\t_\t8\tadvmod\t_\t_
8\tmeet\tmeet\tVERB\tVB\t_\t0\troot\t_\t_
9\tJapan\tJapan\tPROPN\tNNP\t_\t8\tobj\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_
";
        assert_eq!(coded(parse), ["EGY 040 JPN negated"]);
        let plain = "# text = Egypt will not meet Japan.
1\tEgypt\tEgypt\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
2\twill\twill\tAUX\tMD\t_\t4\taux\t_\t_
3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tmeet\tmeet\tVERB\tVB\t_\t0\troot\t_\t_
5\tJapan\tJapan\tPROPN\tNNP\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
";
        assert_eq!(coded(plain), ["EGY 125 JPN asserted"]);
    }

    #[test]
    fn no_plans_to_act_is_a_refusal_however_the_infinitive_is_hung() {
        assert_eq!(coded(&no_plans(4, "acl")), ["EGY 125 JPN asserted"]);
        assert_eq!(coded(&no_plans(2, "xcomp")), ["EGY 125 JPN asserted"]);
    }

    /// The events of a hand-parsed sentence with the implied-source flag: "SRC CAMEO TGT
    /// STATUS" and " implied" when the coder implied the source.
    fn coded_implied(conllu_text: &str) -> Vec<String> {
        let sentences = crate::conllu::parse(conllu_text, "test").unwrap();
        let doc = crate::events::code_conllu(&sentences, Some("2025-01-01".into()));
        let country = |c: Option<&str>| c.map_or("-".to_string(), |c| c.chars().take(3).collect());
        doc.events
            .iter()
            .map(|e| {
                let mut line = format!(
                    "{} {} {} {}",
                    e.source.code.as_deref().unwrap_or("-"),
                    e.cameo,
                    country(e.target.as_ref().and_then(|t| t.code.as_deref())),
                    e.status.name()
                );
                if e.implied_source {
                    line.push_str(" implied");
                    assert!(e.rule.contains("implied("), "{}", e.rule);
                    assert!(doc.entities[e.source.entity].mentions.is_empty());
                }
                line
            })
            .collect()
    }

    /// A sentence parsed by hand from rows of (form, lemma, UPOS, XPOS, head, relation),
    /// the last row its full stop.
    pub(in crate::events) fn hand_parse(rows: &[(&str, &str, &str, &str, usize, &str)]) -> String {
        let words: Vec<&str> = rows.iter().map(|r| r.0).collect();
        let text = words.join(" ").replace(" .", ".");
        let mut out = format!("# text = {text}\n");
        for (i, (form, lemma, upos, xpos, head, rel)) in rows.iter().enumerate() {
            let misc = if i + 2 == rows.len() {
                "SpaceAfter=No"
            } else {
                "_"
            };
            out.push_str(&format!(
                "{}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t{misc}\n",
                i + 1
            ));
        }
        out
    }

    #[test]
    fn a_second_that_clause_hung_as_a_conjunct_is_alleged_too() {
        // "Chile alleged that Peru lied and that Peruvian troops attacked Bolivia."
        let events = coded(&hand_parse(&[
            ("Chile", "Chile", "PROPN", "NNP", 2, "nsubj"),
            ("alleged", "allege", "VERB", "VBD", 0, "root"),
            ("that", "that", "SCONJ", "IN", 5, "mark"),
            ("Peru", "Peru", "PROPN", "NNP", 5, "nsubj"),
            ("lied", "lie", "VERB", "VBD", 2, "ccomp"),
            ("and", "and", "CCONJ", "CC", 10, "cc"),
            ("that", "that", "SCONJ", "IN", 10, "mark"),
            ("Peruvian", "Peruvian", "ADJ", "JJ", 9, "amod"),
            ("troops", "troops", "NOUN", "NNS", 10, "nsubj"),
            ("attacked", "attack", "VERB", "VBD", 2, "conj"),
            ("Bolivia", "Bolivia", "PROPN", "NNP", 10, "obj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]));
        assert!(
            events.contains(&"CHL 112 PER asserted".to_string()),
            "{events:?}"
        );
        assert!(!events.iter().any(|e| e.contains(" 19")), "{events:?}");
    }

    #[test]
    fn an_agentless_passive_arrest_implies_the_police_of_its_place() {
        // "Three men were arrested in Kenya."
        let mut rows = vec![
            ("Three", "three", "NUM", "CD", 2, "nummod"),
            ("men", "man", "NOUN", "NNS", 4, "nsubj:pass"),
            ("were", "be", "AUX", "VBD", 4, "aux:pass"),
            ("arrested", "arrest", "VERB", "VBN", 0, "root"),
            ("in", "in", "ADP", "IN", 6, "case"),
            ("Kenya", "Kenya", "PROPN", "NNP", 4, "obl"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ];
        assert_eq!(
            coded_implied(&hand_parse(&rows)),
            ["KENCOP 173 - asserted implied"]
        );
        // With an agent the source is the agent's, never implied: "... by soldiers in Kenya."
        rows[4] = ("by", "by", "ADP", "IN", 6, "case");
        rows[5] = ("soldiers", "soldier", "NOUN", "NNS", 4, "obl:agent");
        assert!(
            coded_implied(&hand_parse(&rows))
                .iter()
                .all(|e| !e.ends_with("implied"))
        );
        // A court's act implies no police: "Three men were indicted in Kenya."
        rows[3] = ("indicted", "indict", "VERB", "VBN", 0, "root");
        rows[4] = ("in", "in", "ADP", "IN", 6, "case");
        rows[5] = ("Kenya", "Kenya", "PROPN", "NNP", 4, "obl");
        assert!(
            coded_implied(&hand_parse(&rows))
                .iter()
                .all(|e| !e.ends_with("implied"))
        );
        // What only could happen is no arrest: "Three men could be arrested in Kenya."
        let could = [
            ("Three", "three", "NUM", "CD", 2, "nummod"),
            ("men", "man", "NOUN", "NNS", 5, "nsubj:pass"),
            ("could", "could", "AUX", "MD", 5, "aux"),
            ("be", "be", "AUX", "VB", 5, "aux:pass"),
            ("arrested", "arrest", "VERB", "VBN", 0, "root"),
            ("in", "in", "ADP", "IN", 7, "case"),
            ("Kenya", "Kenya", "PROPN", "NNP", 5, "obl"),
            (".", ".", "PUNCT", ".", 5, "punct"),
        ];
        assert_eq!(coded_implied(&hand_parse(&could)), Vec::<String>::new());
    }

    #[test]
    fn a_participle_of_arresting_is_passive_and_its_noun_the_person_arrested() {
        // "The arrested workers were released." and "The people arrested were released."
        // with "people" parsed as the subject of "arrested".
        let amod = [
            ("The", "the", "DET", "DT", 3, "det"),
            ("arrested", "arrest", "VERB", "VBN", 3, "amod"),
            ("workers", "worker", "NOUN", "NNS", 5, "nsubj:pass"),
            ("were", "be", "AUX", "VBD", 5, "aux:pass"),
            ("released", "release", "VERB", "VBN", 0, "root"),
            (".", ".", "PUNCT", ".", 5, "punct"),
        ];
        assert_eq!(
            coded_implied(&hand_parse(&amod)),
            ["---COP 173 --- asserted implied"]
        );
        let bare = [
            ("The", "the", "DET", "DT", 2, "det"),
            ("people", "people", "NOUN", "NNS", 3, "nsubj"),
            ("arrested", "arrest", "VERB", "VBN", 0, "root"),
            ("were", "be", "AUX", "VBD", 5, "aux:pass"),
            ("released", "release", "VERB", "VBN", 3, "conj"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ];
        assert_eq!(
            coded_implied(&hand_parse(&bare)),
            ["---COP 173 --- asserted implied"]
        );
    }

    #[test]
    fn an_implied_arrest_without_a_place_takes_the_country_of_the_person_arrested() {
        // "A Ugandan journalist was arrested." and "... was deported.": who is deported is
        // a foreigner, so a deportation's police stay of unknown country.
        let rows = |verb: &'static str, lemma: &'static str| {
            vec![
                ("A", "a", "DET", "DT", 3, "det"),
                ("Ugandan", "Ugandan", "ADJ", "JJ", 3, "amod"),
                ("journalist", "journalist", "NOUN", "NN", 5, "nsubj:pass"),
                ("was", "be", "AUX", "VBD", 5, "aux:pass"),
                (verb, lemma, "VERB", "VBN", 0, "root"),
                (".", ".", "PUNCT", ".", 5, "punct"),
            ]
        };
        assert_eq!(
            coded_implied(&hand_parse(&rows("arrested", "arrest"))),
            ["UGACOP 173 UGA asserted implied"]
        );
        assert_eq!(
            coded_implied(&hand_parse(&rows("deported", "deport"))),
            ["---COP 174 UGA asserted implied"]
        );
    }

    #[test]
    fn who_comes_for_an_event_holds_it() {
        // "Brazil arrived in Lima for talks with Peru." holds talks; "Brazil asked in Lima for
        // talks with Peru." only asks for them.
        let parse = |verb: &str, lemma: &str| {
            hand_parse(&[
                ("Brazil", "Brazil", "PROPN", "NNP", 2, "nsubj"),
                (verb, lemma, "VERB", "VBD", 0, "root"),
                ("in", "in", "ADP", "IN", 4, "case"),
                ("Lima", "Lima", "PROPN", "NNP", 2, "obl"),
                ("for", "for", "ADP", "IN", 6, "case"),
                ("talks", "talk", "NOUN", "NNS", 2, "obl"),
                ("with", "with", "ADP", "IN", 8, "case"),
                ("Peru", "Peru", "PROPN", "NNP", 6, "nmod"),
                (".", ".", "PUNCT", ".", 2, "punct"),
            ])
        };
        let arrived = coded(&parse("arrived", "arrive"));
        assert!(
            arrived.contains(&"BRA 046 PER asserted".to_string()),
            "{arrived:?}"
        );
        assert!(
            arrived.contains(&"PER 046 BRA asserted".to_string()),
            "{arrived:?}"
        );
        let asked = coded(&parse("asked", "ask"));
        assert!(!asked.iter().any(|e| e.contains(" 046 ")), "{asked:?}");
    }

    #[test]
    fn a_place_noun_stands_for_the_place_it_names() {
        // "Rebels shelled the capital Nairobi." with the name hung on the verb, and "Rebels
        // shelled the city of Nairobi."
        let capital = [
            ("Rebels", "rebel", "NOUN", "NNS", 2, "nsubj"),
            ("shelled", "shell", "VERB", "VBD", 0, "root"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("capital", "capital", "NOUN", "NN", 2, "obj"),
            ("Nairobi", "Nairobi", "PROPN", "NNP", 2, "obl:unmarked"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ];
        assert_eq!(coded(&hand_parse(&capital)), ["KEN 194 KEN asserted"]);
        let city_of = [
            ("Rebels", "rebel", "NOUN", "NNS", 2, "nsubj"),
            ("shelled", "shell", "VERB", "VBD", 0, "root"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("city", "city", "NOUN", "NN", 2, "obj"),
            ("of", "of", "ADP", "IN", 6, "case"),
            ("Nairobi", "Nairobi", "PROPN", "NNP", 4, "nmod"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ];
        assert_eq!(coded(&hand_parse(&city_of)), ["KEN 194 KEN asserted"]);
    }

    #[test]
    fn an_attack_on_a_camp_for_refugees_targets_the_refugees() {
        // "Kenyan gunmen attacked a camp for Somali refugees."
        let rows = [
            ("Kenyan", "Kenyan", "ADJ", "JJ", 2, "amod"),
            ("gunmen", "gunman", "NOUN", "NNS", 3, "nsubj"),
            ("attacked", "attack", "VERB", "VBD", 0, "root"),
            ("a", "a", "DET", "DT", 5, "det"),
            ("camp", "camp", "NOUN", "NN", 3, "obj"),
            ("for", "for", "ADP", "IN", 8, "case"),
            ("Somali", "Somali", "ADJ", "JJ", 8, "amod"),
            ("refugees", "refugee", "NOUN", "NNS", 5, "nmod"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ];
        assert_eq!(coded(&hand_parse(&rows)), ["KEN 190 SOM asserted"]);
    }

    #[test]
    fn deals_between_two_businesses_are_not_political() {
        let event = |source: &str, target: Option<&str>| {
            crate::events::test_event("057", source, target, EventStatus::Asserted)
        };
        assert!(between_businesses(&event("USABUS", Some("JPNBUS"))));
        assert!(between_businesses(&event("---BUS", Some("GBRBUS"))));
        assert!(!between_businesses(&event("USAGOV", Some("JPNBUS"))));
        assert!(!between_businesses(&event("USABUS", Some("JPN"))));
        assert!(!between_businesses(&event("USABUSMED", Some("JPNBUS"))));
        assert!(!between_businesses(&event("USABUS", None)));
    }

    fn committed(verb: &str, lemma: &str, object: (&str, &str), country: &str) -> String {
        hand_parse(&[
            ("Egypt", "Egypt", "PROPN", "NNP", 2, "nsubj"),
            (verb, lemma, "VERB", "VBD", 0, "root"),
            ("to", "to", "PART", "TO", 4, "mark"),
            (object.0, object.1, "VERB", "VB", 2, "xcomp"),
            ("the", "the", "DET", "DT", 7, "det"),
            (country, country, "ADJ", "JJ", 7, "amod"),
            ("diplomats", "diplomat", "NOUN", "NNS", 4, "obj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ])
    }

    #[test]
    fn a_commitment_takes_the_code_of_what_it_commits_to() {
        let lift = hand_parse(&[
            ("Egypt", "Egypt", "PROPN", "NNP", 2, "nsubj"),
            ("agreed", "agree", "VERB", "VBD", 0, "root"),
            ("to", "to", "PART", "TO", 4, "mark"),
            ("lift", "lift", "VERB", "VB", 2, "xcomp"),
            ("sanctions", "sanction", "NOUN", "NNS", 4, "obj"),
            ("on", "on", "ADP", "IN", 7, "case"),
            ("Libya", "Libya", "PROPN", "NNP", 4, "obl"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ]);
        assert_eq!(coded(&lift), ["EGY 0354 LBY asserted"]);
        let release = committed("promised", "promise", ("release", "release"), "Libyan");
        assert_eq!(coded(&release), ["EGY 0353 LBY asserted"]);
        // A pledge to expel someone threatens them; an agreement to expel does not.
        let pledged = committed("pledged", "pledge", ("expel", "expel"), "Libyan");
        assert_eq!(coded(&pledged), ["EGY 1313 LBY asserted"]);
        let agreed = committed("agreed", "agree", ("expel", "expel"), "Libyan");
        assert_eq!(coded(&agreed), ["EGY 030 LBY asserted"]);
    }
}
