//! Reported speech: a speech or cognition verb with a complement clause ("X confirmed that
//! ...", "sources say ...", "..., officials said") and "according to X" → quotes with
//! `direct: false`.
//!
//! The content is the verb's clausal complement (`ccomp`), or, when the verb comes after its
//! content and the parser hung it on the content's verb ("the vote is lost, she said"), the
//! content verb's clause before it. A speaker is required: the verb's subject (any noun or
//! pronoun) or the object of "according to". Content that direct quotes mostly cover is left
//! to them, and verbs inside quotes are not read.

use super::{PERSON_PRONOUNS, Quote, Segment, Speaker, in_quote, lower, speaker_at};
use crate::document::{Document, Span};

/// Lemmas of verbs that report speech or thought with a clause.
const REPORT_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "confirm",
    "reiterate",
    "note",
    "warn",
    "insist",
    "declare",
    "announce",
    "explain",
    "argue",
    "claim",
    "write",
    "reply",
    "respond",
    "stress",
    "deny",
    "admit",
    "acknowledge",
    "suggest",
    "predict",
    "promise",
    "pledge",
    "vow",
    "complain",
    "tweet",
    "recall",
    "emphasise",
    "emphasize",
    "assert",
    "remark",
    "observe",
    "conclude",
    "agree",
    "believe",
    "think",
    "know",
    "report",
    "show",
    "find",
    "estimate",
    "indicate",
    "reveal",
    "allege",
    "contend",
    "concede",
    "fear",
    "hope",
    "feel",
    "doubt",
    "expect",
    "worry",
    "learn",
    "maintain",
    "testify",
    "point",
    "signal",
    "hint",
    "charge",
    "counter",
    "caution",
    "boast",
    "guess",
    "predict",
    "realize",
    "realise",
    "recognize",
    "recognise",
    "understand",
    "mention",
    "speculate",
    "suspect",
    "acknowledge",
    "question",
    "wonder",
    "ask",
];

/// The fewest words a content must have.
const MIN_CONTENT_WORDS: usize = 3;

/// Finds reported speech in a document whose direct quotes are `segments`.
pub(super) fn find_reported(doc: &Document, segments: &[Segment]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut first = 0;
    while first < doc.words.len() {
        let sentence = doc.words[first].sentence;
        let mut last = first;
        while last + 1 < doc.words.len() && doc.words[last + 1].sentence == sentence {
            last += 1;
        }
        let words: Vec<usize> = (first..=last).collect();
        for &v in &words {
            if in_quote(doc, segments, v) {
                continue;
            }
            let found = if lower(doc, v) == "according"
                && words.contains(&(v + 1))
                && lower(doc, v + 1) == "to"
            {
                according_to(doc, &words, segments, v)
            } else {
                clause_of(doc, &words, segments, v)
            };
            let Some((content, speaker, cue)) = found else {
                continue;
            };
            if mostly_quoted(segments, content)
                || out.iter().any(|q| q.span == content)
                || super::count_words(doc.slice(content)) < MIN_CONTENT_WORDS
            {
                continue;
            }
            out.push(Quote {
                span: content,
                speaker: Some(speaker),
                cue: Some(cue),
                direct: false,
            });
        }
        first = last + 1;
    }
    out
}

/// The relation of a word to its head.
fn rel(doc: &Document, w: usize) -> &str {
    doc.words[w].deprel.as_deref().unwrap_or("")
}

/// The words of a sentence that `w` governs, itself included, leaving out `skip`'s subtree.
fn subtree(doc: &Document, words: &[usize], w: usize, skip: Option<usize>) -> Vec<usize> {
    let mut inside = vec![w];
    let mut stack = vec![w];
    while let Some(h) = stack.pop() {
        for &c in words {
            if Some(c) != skip
                && doc.words[c].head == Some(h as u32)
                && !inside.contains(&c)
                && inside.len() < words.len()
            {
                inside.push(c);
                stack.push(c);
            }
        }
    }
    inside.sort_unstable();
    inside
}

/// The span of a run of words, without punctuation at its edges.
fn trimmed_span(doc: &Document, run: &[usize]) -> Option<Span> {
    let is_edge = |w: usize| {
        doc.slice(doc.words[w].span)
            .chars()
            .all(|c| !c.is_alphanumeric() && !"\"\u{201c}\u{201d}'$%".contains(c))
    };
    let start = run.iter().copied().find(|&w| !is_edge(w))?;
    let end = run.iter().copied().rev().find(|&w| !is_edge(w))?;
    (start <= end).then(|| Span::new(doc.words[start].span.start, doc.words[end].span.end))
}

/// True when direct quotes cover at least half of a span.
fn mostly_quoted(segments: &[Segment], span: Span) -> bool {
    let quoted: usize = segments
        .iter()
        .map(|s| {
            s.span
                .end
                .min(span.end)
                .saturating_sub(s.span.start.max(span.start))
        })
        .sum();
    2 * quoted >= span.len()
}

/// The reporting verb's subject as a speaker: a name, noun or description through
/// [`speaker_at`], a pronoun as itself (its antecedent when a person pronoun).
fn subject_of(doc: &Document, words: &[usize], v: usize) -> Option<Speaker> {
    let mut cur = v;
    for _ in 0..3 {
        if let Some(s) = words
            .iter()
            .copied()
            .find(|&c| doc.words[c].head == Some(cur as u32) && rel(doc, c) == "nsubj")
        {
            let word = lower(doc, s);
            if matches!(word.as_str(), "who" | "that" | "which") {
                // "X, who said ...": the noun the clause hangs on.
                return match doc.words[cur].head {
                    Some(h)
                        if rel(doc, cur).starts_with("acl") && (h as usize) < doc.words.len() =>
                    {
                        Some(speaker_at(doc, words, h as usize))
                    }
                    _ => None,
                };
            }
            if doc.words[s].upos.as_deref() == Some("PRON")
                && !PERSON_PRONOUNS.contains(&word.as_str())
            {
                let span = doc.words[s].span;
                return Some(Speaker { span, refers: span });
            }
            return Some(speaker_at(doc, words, s));
        }
        // A conjoined verb shares the first verb's subject ("... and added that ...").
        if rel(doc, cur) == "conj" {
            match doc.words[cur].head {
                Some(h) if (h as usize) < doc.words.len() => cur = h as usize,
                _ => return None,
            }
        } else {
            return None;
        }
    }
    None
}

/// A reporting verb's content, speaker and cue, read from the surface of the sentence (the
/// parse is used for the subject only): "X said [on Monday] [that] CONTENT." takes the rest of
/// the sentence; "CONTENT, X said." and "CONTENT, said X." take the sentence up to the comma.
fn clause_of(
    doc: &Document,
    words: &[usize],
    segments: &[Segment],
    v: usize,
) -> Option<(Span, Speaker, Span)> {
    let word = &doc.words[v];
    let participle = lower(doc, v).ends_with("ing");
    if word.upos.as_deref() != Some("VERB") && !participle {
        return None;
    }
    let lemma = word.lemma.as_deref().unwrap_or("");
    if !REPORT_VERBS.contains(&lemma) {
        return None;
    }
    let cue = word.span;
    let text = |w: usize| doc.slice(doc.words[w].span);
    let upos = |w: usize| doc.words[w].upos.as_deref().unwrap_or("");
    let pos = words.iter().position(|&w| w == v)?;
    let before = &words[..pos];
    let after = &words[pos + 1..];
    // Content after the verb.
    if let Some(content) = content_after(doc, after, lemma) {
        let speaker = subject_of(doc, words, v)
            .or_else(|| super::subject(doc, words, segments, v))
            .or_else(|| {
                let &b = before.last()?;
                matches!(upos(b), "NOUN" | "PROPN" | "PRON").then(|| speaker_at(doc, words, b))
            })?;
        if speaker.span.start >= content.start && speaker.span.start < content.end {
            return None;
        }
        return Some((content, speaker, cue));
    }
    // Content before: "CONTENT, X said" (X and a short tail to the end) or "CONTENT, said X".
    let comma = before
        .iter()
        .rposition(|&w| matches!(text(w), "," | "\u{2014}"))?;
    let subject_words = &before[comma + 1..];
    let tail: Vec<usize> = after
        .iter()
        .copied()
        .take_while(|&w| !matches!(text(w), "," | "." | ";" | "!" | "?"))
        .collect();
    let (speaker_word, ok) = if subject_words.is_empty() {
        // Inverted: ", said X ...".
        let n = tail
            .iter()
            .copied()
            .find(|&w| matches!(upos(w), "NOUN" | "PROPN" | "PRON"));
        (n, tail.len() <= 8)
    } else {
        let n = subject_words
            .iter()
            .copied()
            .rev()
            .find(|&w| matches!(upos(w), "NOUN" | "PROPN" | "PRON"));
        let short = subject_words.len() <= 8 && tail.len() <= 6;
        // No verb of its own between the comma and the reporting verb.
        let clean = subject_words.iter().all(|&w| {
            !matches!(upos(w), "VERB" | "AUX") || doc.words[w].deprel.as_deref() == Some("acl")
        });
        (n, short && clean)
    };
    let speaker_word = speaker_word?;
    if !ok || lemma == "ask" {
        return None;
    }
    let content = trimmed_span(doc, &before[..comma])?;
    let has_verb = before[..comma]
        .iter()
        .any(|&w| matches!(upos(w), "VERB" | "AUX"));
    let speaker = speaker_at(doc, words, speaker_word);
    (has_verb && speaker.span.start >= content.end).then_some((content, speaker, cue))
}

/// The content after a reporting verb: the rest of the sentence from "that" (when it comes
/// within a few words), or right after the verb when a clause starts there. Infinitives
/// ("said to be"), objects with no clause and questions are not content.
fn content_after(doc: &Document, after: &[usize], lemma: &str) -> Option<Span> {
    let text = |w: usize| doc.slice(doc.words[w].span);
    let upos = |w: usize| doc.words[w].upos.as_deref().unwrap_or("");
    let first = *after.first()?;
    if matches!(text(first), "to" | "." | "," | "?" | "!" | ";" | ")")
        || matches!(
            lower(doc, first).as_str(),
            "in" | "on" | "of" | "for" | "about" | "by" | "with" | "as" | "yes" | "no" | "so"
        ) && !after.iter().take(8).any(|&w| lower(doc, w) == "that")
    {
        return None;
    }
    // "that" within a few words ("said on Monday that", "told reporters that").
    let start = match after
        .iter()
        .take(8)
        .position(|&w| lower(doc, w) == "that" && upos(w) == "SCONJ")
    {
        Some(i) => i,
        None if matches!(lemma, "tell" | "ask" | "warn" | "remind" | "assure") => {
            // "told X Y": without "that" the object comes first; take the clause after it.
            after
                .iter()
                .position(|&w| matches!(upos(w), "PRON" | "DET" | "PROPN" | "NOUN"))?
                .checked_add(1)
                .filter(|&i| {
                    i < after.len() && matches!(upos(after[i]), "PRON" | "DET" | "PROPN" | "NOUN")
                })?
        }
        None if text(first) == ":" => 1,
        None => 0,
    };
    let rest = after.get(start..)?;
    // Up to the end of the sentence.
    let span = trimmed_span(doc, rest)?;
    let has_verb = rest.iter().any(|&w| matches!(upos(w), "VERB" | "AUX"));
    // A subject of its own: the clause must start with "that" or a noun phrase.
    let opens = rest.first().is_some_and(|&w| {
        lower(doc, w) == "that"
            || matches!(upos(w), "PRON" | "DET" | "PROPN" | "NOUN" | "NUM" | "ADJ")
            || text(w) == ":"
    });
    (has_verb && opens).then_some(span)
}

/// "according to X, ..." and "..., according to X": the rest of the sentence is the content.
fn according_to(
    doc: &Document,
    words: &[usize],
    segments: &[Segment],
    v: usize,
) -> Option<(Span, Speaker, Span)> {
    let to = v + 1;
    let cue = Span::new(doc.words[v].span.start, doc.words[to].span.end);
    // The source: the first noun or pronoun after "to", with its phrase.
    let head = words
        .iter()
        .copied()
        .filter(|&w| w > to)
        .take_while(|&w| !in_quote(doc, segments, w))
        .find(|&w| {
            matches!(
                doc.words[w].upos.as_deref(),
                Some("PROPN" | "NOUN" | "PRON")
            )
        })?;
    // The noun the phrase is headed by (a compound's head, "Syrian officials").
    let mut source = head;
    for _ in 0..4 {
        match doc.words[source].head {
            Some(h)
                if (h as usize) > source
                    && words.contains(&(h as usize))
                    && matches!(rel(doc, source), "compound" | "amod" | "flat")
                    && matches!(
                        doc.words[h as usize].upos.as_deref(),
                        Some("PROPN" | "NOUN")
                    ) =>
            {
                source = h as usize
            }
            _ => break,
        }
    }
    let speaker = speaker_at(doc, words, source);
    let phrase_end = subtree(doc, words, source, None)
        .last()
        .copied()
        .unwrap_or(source)
        .max(source);
    let before: Vec<usize> = words.iter().copied().filter(|&w| w < v).collect();
    let after: Vec<usize> = words.iter().copied().filter(|&w| w > phrase_end).collect();
    let side = if after.len() > before.len() {
        after
    } else {
        before
    };
    let content = trimmed_span(doc, &side)?;
    let has_verb = words.iter().any(|&w| {
        content.contains(doc.words[w].span)
            && matches!(doc.words[w].upos.as_deref(), Some("VERB" | "AUX"))
    });
    has_verb.then_some((content, speaker, cue))
}
