//! The quotes stage: direct quotes and who said them → [`Document::quotes`].
//!
//! Quote marks (straight and curly double quotes) are paired inside each paragraph. A
//! paragraph whose quote is still open at its end continues into the next paragraph when that
//! one opens with a quote mark, as news style writes long quotes. Each quoted stretch then
//! looks for a speech verb ("said", "told", "praised", "according to") in its sentence, outside
//! any quote: the verb that governs a word of the quote first, the nearest one otherwise. The
//! verb's subject is the speaker; a pronoun stands for the most recent person named before it.
//! A quote that opens a sentence with no speech verb keeps the speaker of the quote just
//! before it (the same paragraph, or the end of the previous one). Short quoted words with no
//! speech verb are scare quotes: they are kept with no speaker, never a guessed one.
//! Reported speech (`direct: false`) is found by [`reported`].

use crate::document::{Document, EntityType, Span};

mod reported;

/// Lemmas of verbs that report speech.
const SPEECH_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "confirm",
    "reiterate",
    "praise",
    "describe",
    "note",
    "warn",
    "insist",
    "declare",
    "announce",
    "explain",
    "argue",
    "claim",
    "ask",
    "urge",
    "write",
    "reply",
    "respond",
    "stress",
    "express",
    "call",
    "accuse",
    "deny",
    "admit",
    "acknowledge",
    "comment",
    "suggest",
    "predict",
    "promise",
    "pledge",
    "vow",
    "complain",
    "condemn",
    "criticise",
    "criticize",
    "welcome",
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
    "describe",
    "dismiss",
    "brand",
    "label",
    "quote",
    "cite",
];

/// Pronouns that stand for a person named before.
const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Titles written before a name.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Lord", "Lady", "Sir", "Dame", "Prof",
];

/// The most words a quote with no speech verb may have to count as scare quotes.
const SCARE_WORDS: usize = 4;

/// Who said a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaker {
    /// The words that name the speaker in the text (a name, a description, a pronoun).
    pub span: Span,
    /// The words that name the speaker's entity: the span itself, or the antecedent of a
    /// pronoun. The writer finds the entity whose mention covers it.
    pub refers: Span,
}

/// One quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub span: Span,
    /// The speaker, when someone is named.
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase.
    pub cue: Option<Span>,
    /// True for words inside quote marks.
    pub direct: bool,
}

/// A stretch of text between quote marks.
#[derive(Debug, Clone, Copy)]
struct Segment {
    /// The quoted words.
    span: Span,
    /// The block the segment lies in.
    block: usize,
    /// True when the segment continues the previous one's quote across a paragraph break.
    continued: bool,
}

/// Finds the document's direct quotes and their speakers.
pub fn find_quotes(doc: &mut Document) {
    let segments = segments(doc);
    let mut quotes: Vec<Quote> = Vec::with_capacity(segments.len());
    for (i, seg) in segments.iter().enumerate() {
        let found = speaker_of(doc, &segments, seg.span);
        let words = count_words(doc.slice(seg.span));
        let sentence_initial = starts_sentence(doc, seg.span);
        let (speaker, cue) = match found {
            Some((speaker, cue)) => (Some(speaker), Some(cue)),
            None => {
                let previous = i.checked_sub(1).map(|p| (&segments[p], quotes[p]));
                let inherits = previous.is_some_and(|(p, q)| {
                    q.speaker.is_some()
                        && (seg.continued
                            || (sentence_initial
                                && words > SCARE_WORDS
                                && next_sentence(doc, p.span.end, seg.span.start)
                                && (p.block == seg.block || ends_block(doc, p))))
                });
                if inherits {
                    let q = previous.map(|(_, q)| q);
                    (q.and_then(|q| q.speaker), q.and_then(|q| q.cue))
                } else if sentence_initial && words > SCARE_WORDS && !seg.continued {
                    (introduced_by(doc, &segments, seg), None)
                } else {
                    (None, None)
                }
            }
        };
        quotes.push(Quote {
            span: seg.span,
            speaker,
            cue,
            direct: true,
        });
    }
    // A quote that spans paragraphs takes the speaker named in any of its parts.
    for i in (1..segments.len()).rev() {
        if segments[i].continued && quotes[i - 1].speaker.is_none() && quotes[i].speaker.is_some() {
            quotes[i - 1].speaker = quotes[i].speaker;
            quotes[i - 1].cue = quotes[i].cue;
        }
    }
    quotes.extend(reported::find_reported(doc, &segments));
    quotes.sort_by_key(|q| (q.span.start, !q.direct));
    doc.quotes = quotes;
}

/// True when a character opens a quote.
fn is_open_mark(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201e}')
}

/// True when a character closes a quote.
fn is_close_mark(c: char) -> bool {
    c == '\u{201d}'
}

/// Pairs the quote marks of every paragraph into segments.
fn segments(doc: &Document) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    // An open quote at the end of the previous block, waiting for the next block to go on.
    let mut carried = false;
    for (b, block) in doc.blocks.iter().enumerate() {
        let text = doc.slice(block.span);
        let base = block.span.start;
        let mut open: Option<usize> = None;
        let mut prev: Option<char> = None;
        let starts_with_mark =
            text.starts_with(['"', '\u{201c}', '\u{201e}']) || text.starts_with("''");
        // The next segment continues the quote before it (across a paragraph break, or a
        // break the text lost: a new opening mark after a sentence that was never closed).
        let mut continues = carried && starts_with_mark;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let mut after = i + c.len_utf8();
            let mut next = chars.peek().map(|&(_, n)| n);
            let space_before =
                prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}-:".contains(p));
            // Two apostrophes stand for a straight double quote in some newswire feeds.
            let doubled = c == '\'' && next == Some('\'');
            if doubled {
                chars.next();
                after += 1;
                next = chars.peek().map(|&(_, n)| n);
            }
            if c == '"' || doubled {
                let opening = space_before && next.is_some_and(|n| !n.is_whitespace());
                if let Some(start) = open.take() {
                    let lost_break = opening
                        && text[start..i]
                            .trim_end()
                            .ends_with(['.', '?', '!', ',', ':']);
                    if lost_break {
                        push_segment(&mut out, doc, base + start, base + i, b, continues);
                        continues = true;
                        open = Some(after);
                    } else {
                        push_segment(&mut out, doc, base + start, base + i, b, continues);
                        continues = false;
                    }
                } else if space_before {
                    open = Some(after);
                }
            } else if is_open_mark(c) {
                if let Some(start) = open.take() {
                    push_segment(&mut out, doc, base + start, base + i, b, continues);
                    continues = true;
                }
                open = Some(after);
            } else if is_close_mark(c)
                && let Some(start) = open.take()
            {
                push_segment(&mut out, doc, base + start, base + i, b, continues);
                continues = false;
            }
            prev = Some(c);
        }
        carried = false;
        if let Some(start) = open {
            // Open at the paragraph's end: the quote goes on when the next paragraph opens
            // with a quote mark; otherwise the closing mark was lost, and only a long quote is
            // kept (a short one is more likely a stray mark).
            let next_opens = doc.blocks.get(b + 1).is_some_and(|n| {
                let t = doc.slice(n.span);
                t.starts_with(['"', '\u{201c}', '\u{201e}']) || t.starts_with("''")
            });
            let long = count_words(&text[start..]) > SCARE_WORDS;
            if next_opens || long {
                push_segment(&mut out, doc, base + start, block.span.end, b, continues);
                carried = next_opens;
            }
        }
    }
    out
}

/// Adds a segment with its edges trimmed of spaces and a final comma.
fn push_segment(
    out: &mut Vec<Segment>,
    doc: &Document,
    start: usize,
    end: usize,
    block: usize,
    continued: bool,
) {
    let raw = &doc.text[start..end];
    let trimmed_start = raw.len() - raw.trim_start().len();
    let inner = raw.trim();
    let inner = inner.strip_suffix(',').unwrap_or(inner).trim_end();
    if !inner.chars().any(char::is_alphanumeric) {
        return;
    }
    let s = start + trimmed_start;
    out.push(Segment {
        span: Span::new(s, s + inner.len()),
        block,
        continued,
    });
}

/// The number of words in a text.
fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// True when a segment opens its sentence (only its quote mark before it).
fn starts_sentence(doc: &Document, span: Span) -> bool {
    doc.sentences
        .iter()
        .find(|s| s.start <= span.start && span.start <= s.end)
        .is_some_and(|s| {
            doc.text[s.start..span.start]
                .chars()
                .all(|c| !c.is_alphanumeric())
        })
}

/// The sentence a byte offset lies in.
fn sentence_at(doc: &Document, at: usize) -> Option<usize> {
    doc.sentences
        .iter()
        .position(|s| s.start <= at && at <= s.end)
}

/// True when `later` lies in the sentence of `earlier` or the one right after it.
fn next_sentence(doc: &Document, earlier: usize, later: usize) -> bool {
    match (sentence_at(doc, earlier), sentence_at(doc, later)) {
        (Some(a), Some(b)) => b <= a + 1,
        _ => false,
    }
}

/// The speaker a quote-free sentence just before a quote introduces: "X criticised the plan.
/// "It is a disaster."" gives the quote to X, the subject of that sentence, when a person.
fn introduced_by(doc: &Document, segments: &[Segment], seg: &Segment) -> Option<Speaker> {
    let here = sentence_at(doc, seg.span.start)?;
    let before = doc.sentences.get(here.checked_sub(1)?)?;
    let block = doc.blocks[seg.block].span;
    if !block.contains(*before) || segments.iter().any(|q| before.contains(q.span)) {
        return None;
    }
    let root = doc
        .words
        .iter()
        .enumerate()
        .find(|(_, w)| before.contains(w.span) && w.head.is_none())?
        .0;
    let subject = doc
        .words
        .iter()
        .enumerate()
        .find(|(_, w)| w.head == Some(root as u32) && w.deprel.as_deref() == Some("nsubj"))?
        .0;
    let words: Vec<usize> = (0..doc.words.len())
        .filter(|&w| before.contains(doc.words[w].span))
        .collect();
    let pronoun = PERSON_PRONOUNS.contains(&lower(doc, subject).as_str());
    let speaker = speaker_at(doc, &words, subject);
    let person = person_mentions(doc).any(|m| m.contains(speaker.refers));
    (person
        && (pronoun || speaker.refers != doc.words[subject].span || speaker.span == speaker.refers))
        .then_some(speaker)
}

/// True when a segment lies in the last sentence of its block.
fn ends_block(doc: &Document, seg: &Segment) -> bool {
    let end = doc.blocks[seg.block].span.end;
    let last = doc
        .sentences
        .iter()
        .rev()
        .find(|s| s.end <= end && s.start < end);
    last.is_some_and(|s| s.start <= seg.span.end)
}

/// The words of the sentences a span touches, as indexes into [`Document::words`].
fn words_around(doc: &Document, span: Span) -> Vec<usize> {
    let sentences: Vec<u32> = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.start < span.end && span.start < s.end)
        .map(|(i, _)| i as u32)
        .collect();
    doc.words
        .iter()
        .enumerate()
        .filter(|(_, w)| sentences.contains(&w.sentence))
        .map(|(i, _)| i)
        .collect()
}

/// True when word `w` lies inside any quote segment.
fn in_quote(doc: &Document, segments: &[Segment], w: usize) -> bool {
    let span = doc.words[w].span;
    segments
        .iter()
        .any(|s| s.span.start <= span.start && span.end <= s.span.end + 1)
}

/// True when `ancestor` governs `w` (directly or through other words).
fn governs(doc: &Document, ancestor: usize, w: usize) -> bool {
    let mut cur = w;
    for _ in 0..64 {
        match doc.words[cur].head {
            Some(h) => {
                let h = h as usize;
                if h == ancestor {
                    return true;
                }
                if h >= doc.words.len() {
                    return false;
                }
                cur = h;
            }
            None => return false,
        }
    }
    false
}

/// The lower-case text of a word.
fn lower(doc: &Document, w: usize) -> String {
    doc.slice(doc.words[w].span).to_lowercase()
}

/// The speaker and cue of a quote from a speech verb in its sentence.
fn speaker_of(doc: &Document, segments: &[Segment], quote: Span) -> Option<(Speaker, Span)> {
    let words = words_around(doc, quote);
    let inside: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&w| quote.contains(doc.words[w].span))
        .collect();
    let mut candidates: Vec<(bool, usize, usize)> = Vec::new();
    for (k, &w) in words.iter().enumerate() {
        if in_quote(doc, segments, w) {
            continue;
        }
        let word = &doc.words[w];
        let lemma = word.lemma.clone().unwrap_or_else(|| lower(doc, w));
        let verb = word.upos.as_deref().is_none_or(|u| u == "VERB");
        // A participle the tagger took for a noun ("warning:").
        let lemma = match lower(doc, w).strip_suffix("ing") {
            Some(stem) if !verb && word.upos.as_deref() == Some("NOUN") => {
                let with_e = format!("{stem}e");
                if SPEECH_VERBS.contains(&stem) {
                    stem.to_string()
                } else if SPEECH_VERBS.contains(&with_e.as_str()) {
                    with_e
                } else {
                    lemma
                }
            }
            _ => lemma,
        };
        let verb = verb || SPEECH_VERBS.contains(&lemma.as_str());
        let according = lower(doc, w) == "according"
            && words.get(k + 1).is_some_and(|&n| lower(doc, n) == "to");
        if !(according || (verb && SPEECH_VERBS.contains(&lemma.as_str()))) {
            continue;
        }
        let governing = inside.iter().any(|&q| governs(doc, w, q));
        let distance = if word.span.end <= quote.start {
            quote.start - word.span.end
        } else {
            word.span.start.saturating_sub(quote.end)
        };
        candidates.push((!governing, distance, w));
    }
    candidates.sort();
    for (_, _, verb) in candidates {
        if let Some(speaker) = subject(doc, &words, segments, verb) {
            let mut cue = doc.words[verb].span;
            if lower(doc, verb) == "according"
                && let Some(&to) = words.iter().find(|&&n| n == verb + 1)
            {
                cue.end = doc.words[to].span.end;
            }
            return Some((speaker, cue));
        }
    }
    None
}

/// The speaker a speech verb names: its subject, the subject of the verb it is conjoined
/// to, the object of "according to", or a name right after an inverted "said".
fn subject(doc: &Document, words: &[usize], segments: &[Segment], verb: usize) -> Option<Speaker> {
    let children = |h: usize| {
        words
            .iter()
            .copied()
            .filter(move |&w| doc.words[w].head == Some(h as u32))
    };
    let rel = |w: usize| doc.words[w].deprel.as_deref().unwrap_or("");
    let usable = |w: usize| !in_quote(doc, segments, w);
    if lower(doc, verb) == "according" {
        // "according to X": X follows "to".
        let after = words.iter().copied().skip_while(|&w| w <= verb + 1);
        let head = after.take_while(|&w| usable(w)).find(|&w| {
            matches!(
                doc.words[w].upos.as_deref(),
                Some("PROPN" | "NOUN" | "PRON")
            )
        });
        return head.map(|h| speaker_at(doc, words, h));
    }
    let mut cur = verb;
    for _ in 0..4 {
        if let Some(s) = children(cur).find(|&c| rel(c) == "nsubj" && usable(c)) {
            let relative = matches!(lower(doc, s).as_str(), "who" | "that" | "which");
            let pronoun = doc.words[s].upos.as_deref() == Some("PRON");
            if pronoun && !relative && !PERSON_PRONOUNS.contains(&lower(doc, s).as_str()) {
                // "It said", "they said": nobody the rule can name.
                return None;
            }
            if !relative {
                return Some(speaker_at(doc, words, s));
            }
            // "X, who said ...": the noun the clause hangs on.
            return match doc.words[cur].head {
                Some(h) if rel(cur).starts_with("acl") && (h as usize) < doc.words.len() => {
                    Some(speaker_at(doc, words, h as usize))
                }
                _ => None,
            };
        }
        if matches!(rel(cur), "conj" | "xcomp" | "advcl") {
            match doc.words[cur].head {
                Some(h) if (h as usize) < doc.words.len() => cur = h as usize,
                _ => break,
            }
        } else {
            break;
        }
    }
    // "X told ...", parsed as a participle on the noun: the noun before it names the speaker.
    if rel(verb) == "acl"
        && let Some(h) = doc.words[verb].head.map(|h| h as usize)
        && h < verb
        && usable(h)
        && matches!(doc.words[h].upos.as_deref(), Some("NOUN" | "PROPN"))
    {
        return Some(speaker_at(doc, words, h));
    }
    // "X did this, saying ...": a participle with no subject of its own speaks for the
    // subject of the sentence.
    if lower(doc, verb).ends_with("ing") {
        let root = words.iter().copied().find(|&w| {
            doc.words[w].head.is_none() && doc.words[w].sentence == doc.words[verb].sentence
        });
        if let Some(r) = root
            && let Some(s) = children(r).find(|&c| rel(c) == "nsubj" && usable(c))
            && doc.words[s].upos.as_deref() != Some("PRON")
        {
            return Some(speaker_at(doc, words, s));
        }
        // With the parse lost, the first person the sentence names before the participle.
        let sentence = doc
            .sentences
            .get(doc.words[verb].sentence as usize)
            .copied();
        if let Some(sentence) = sentence
            && let Some(m) =
                first_person_in(doc, Span::new(sentence.start, doc.words[verb].span.start))
            && !segments.iter().any(|q| q.span.contains(m))
        {
            return Some(Speaker { span: m, refers: m });
        }
    }
    // "X said" with the parse lost: the name right before the verb.
    if let Some(&before) = words.iter().rev().find(|&&w| w < verb)
        && before + 1 == verb
        && usable(before)
        && doc.words[before].upos.as_deref() == Some("PROPN")
    {
        return Some(speaker_at(doc, words, before));
    }
    // "..., said X": a name right after a verb that follows the quote.
    let inverts = matches!(
        doc.words[verb].lemma.as_deref(),
        Some("say" | "add" | "write" | "ask" | "reply" | "explain" | "insist" | "warn")
    );
    if !inverts
        || !words
            .iter()
            .any(|&w| w < verb && in_quote(doc, segments, w))
    {
        return None;
    }
    let next = words
        .iter()
        .copied()
        .skip_while(|&w| w <= verb)
        .take(4)
        .take_while(|&w| usable(w))
        .find(|&w| {
            matches!(
                doc.words[w].upos.as_deref(),
                Some("PROPN" | "PRON" | "NOUN")
            )
        });
    if let Some(n) = next {
        return Some(speaker_at(doc, words, n));
    }
    None
}

/// The speaker whose head word is `w`: the mention that covers it, a pronoun's antecedent,
/// or the noun with its left modifiers.
fn speaker_at(doc: &Document, words: &[usize], w: usize) -> Speaker {
    let span = doc.words[w].span;
    if let Some(m) = covering_mention(doc, span) {
        // A pronoun that coreference linked to a person stands for that person's last name
        // before it.
        let refers = if PERSON_PRONOUNS.contains(&doc.slice(m).to_lowercase().as_str()) {
            doc.entities
                .iter()
                .find(|e| e.mentions.contains(&m))
                .and_then(|e| {
                    e.mentions
                        .iter()
                        .copied()
                        .filter(|x| {
                            x.end <= m.start
                                && !PERSON_PRONOUNS.contains(&doc.slice(*x).to_lowercase().as_str())
                        })
                        .max_by_key(|x| x.end)
                })
                .unwrap_or(m)
        } else {
            m
        };
        return Speaker { span: m, refers };
    }
    // A title parsed apart from its name ("Mr Sands", "Lord Goldsmith"): the name joined
    // to it, as its dependent or its head.
    let joined_rel = |c: usize| {
        matches!(
            doc.words[c].deprel.as_deref(),
            Some("flat" | "compound" | "appos")
        )
    };
    let head = doc.words[w]
        .head
        .map(|h| h as usize)
        .filter(|&h| h < doc.words.len() && joined_rel(w) && h.abs_diff(w) <= 3);
    let joined = words
        .iter()
        .copied()
        .filter(|&c| doc.words[c].head == Some(w as u32) && joined_rel(c) && c.abs_diff(w) <= 3)
        .chain(head);
    for c in joined {
        if let Some(m) = covering_mention(doc, doc.words[c].span) {
            let span = Span::new(span.start.min(m.start), span.end.max(m.end));
            return Speaker { span, refers: m };
        }
    }
    if PERSON_PRONOUNS.contains(&lower(doc, w).as_str()) {
        let refers = last_person_before(doc, span.start).unwrap_or(span);
        return Speaker { span, refers };
    }
    // The noun phrase: the head with the modifiers to its left.
    let mut start = span.start;
    let mut stack = vec![w];
    while let Some(h) = stack.pop() {
        for &c in words {
            if doc.words[c].head == Some(h as u32)
                && c < w
                && matches!(
                    doc.words[c].deprel.as_deref(),
                    Some("det" | "amod" | "compound" | "nmod:poss" | "nummod" | "flat")
                )
            {
                start = start.min(doc.words[c].span.start);
                stack.push(c);
            }
        }
    }
    // A role before a name ("Environment Secretary Margaret Beckett"): the person named
    // right after the head word, with only names and nouns between.
    let mut gap = words
        .iter()
        .copied()
        .filter(|&c| c > w)
        .take(4)
        .take_while(|&c| matches!(doc.words[c].upos.as_deref(), Some("PROPN" | "NOUN")));
    if let Some(m) = gap.find_map(|c| {
        person_mentions(doc).find(|m| m.contains(doc.words[c].span) && m.start > span.start)
    }) {
        let span = Span::new(start, m.end);
        return Speaker { span, refers: m };
    }
    // A title ("Mr", "Dr") takes the name after it along.
    let mut end = span.end;
    if TITLES.contains(&doc.slice(span).trim_end_matches('.')) {
        for &c in words.iter().filter(|&&c| c > w).take(3) {
            if doc.words[c].upos.as_deref() != Some("PROPN") {
                break;
            }
            end = doc.words[c].span.end;
        }
    }
    let span = Span::new(start, end);
    Speaker { span, refers: span }
}

/// The entity or tagger mention that covers a span.
fn covering_mention(doc: &Document, span: Span) -> Option<Span> {
    doc.entities
        .iter()
        .flat_map(|e| e.mentions.iter().copied())
        .chain(doc.mentions.iter().map(|m| m.span))
        .find(|m| m.contains(span))
}

/// The first mention of a person inside a span.
fn first_person_in(doc: &Document, span: Span) -> Option<Span> {
    person_mentions(doc)
        .filter(|m| span.contains(*m))
        .min_by_key(|m| m.start)
}

/// Every mention of a person, entity or tagger mention.
fn person_mentions(doc: &Document) -> impl Iterator<Item = Span> + '_ {
    doc.entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .flat_map(|e| e.mentions.iter().copied())
        .chain(
            doc.mentions
                .iter()
                .filter(|m| m.kind == EntityType::Person)
                .map(|m| m.span),
        )
}

/// The last mention of a person that ends before `at`.
fn last_person_before(doc: &Document, at: usize) -> Option<Span> {
    doc.entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .flat_map(|e| e.mentions.iter().copied())
        .chain(
            doc.mentions
                .iter()
                .filter(|m| m.kind == EntityType::Person)
                .map(|m| m.span),
        )
        .filter(|m| {
            m.end <= at && !PERSON_PRONOUNS.contains(&doc.slice(*m).to_lowercase().as_str())
        })
        .max_by_key(|m| m.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ArticleMeta, BlockKind};

    /// Runs the pipeline over paragraphs and renders each quote as `speaker: "quote"` (the
    /// speaker is the name its entity mention gives, `-` for none).
    fn render(paragraphs: &[&str]) -> Vec<String> {
        let mut doc = Document::from_blocks(
            ArticleMeta::default(),
            paragraphs.iter().map(|p| (BlockKind::Paragraph, *p)),
        );
        crate::Pipeline::default().run(&mut doc);
        doc.quotes
            .iter()
            .map(|q| {
                let who = q.speaker.map_or("-", |s| doc.slice(s.refers));
                format!("{who}: \"{}\"", doc.slice(q.span))
            })
            .collect()
    }

    /// Checks the quotes found in paragraphs against `speaker: "quote"` lines.
    fn check(paragraphs: &[&str], expected: &[&str]) {
        let got = render(paragraphs);
        assert_eq!(got, expected, "in {paragraphs:?}");
    }

    #[test]
    fn said_after_the_quote() {
        check(
            &[
                "\u{201c}The border will stay open,\u{201d} said Maria Lopez, the interior minister.",
            ],
            &["Maria Lopez: \"The border will stay open\""],
        );
    }

    #[test]
    fn subject_before_the_verb_and_straight_marks() {
        check(
            &["John Carter told reporters: \"We will not sign this agreement.\""],
            &["John Carter: \"We will not sign this agreement.\""],
        );
    }

    #[test]
    fn a_pronoun_stands_for_the_last_person() {
        check(
            &[
                "Prime Minister Helen Brandt visited the port on Monday.",
                "\u{201c}Our farmers deserve better prices for their grain,\u{201d} she said.",
            ],
            &["Helen Brandt: \"Our farmers deserve better prices for their grain\""],
        );
    }

    #[test]
    fn a_quote_broken_by_its_attribution_keeps_its_speaker() {
        check(
            &[
                "\u{201c}The talks went well,\u{201d} said David Moore. \u{201c}We expect a deal within weeks and we will keep working.\u{201d}",
            ],
            &[
                "David Moore: \"The talks went well\"",
                "David Moore: \"We expect a deal within weeks and we will keep working.\"",
            ],
        );
    }

    #[test]
    fn a_quote_goes_on_across_paragraphs() {
        check(
            &[
                "\u{201c}The army has left the northern towns and the roads are open again,\u{201d} said General Paul Okafor.",
                "\u{201c}Families are returning to their homes and the markets are busy again.",
                "\u{201c}We will keep our promise to the people of the region.\u{201d}",
            ],
            &[
                "Paul Okafor: \"The army has left the northern towns and the roads are open again\"",
                "Paul Okafor: \"Families are returning to their homes and the markets are busy again.\"",
                "Paul Okafor: \"We will keep our promise to the people of the region.\"",
            ],
        );
    }

    #[test]
    fn scare_quotes_have_no_speaker() {
        check(
            &["The government wants to \u{201c}reset\u{201d} its ties with its neighbours."],
            &["-: \"reset\""],
        );
    }

    #[test]
    fn a_fragment_belongs_to_the_subject_of_its_verb() {
        check(
            &[
                "Minister Anna Berg praised the \u{201c}lasting partnership\u{201d} between the two countries.",
            ],
            &["Anna Berg: \"lasting partnership\""],
        );
    }

    #[test]
    fn a_sentence_before_the_quote_introduces_its_speaker() {
        check(
            &[
                "Senator Laura Finch criticised the new budget on Tuesday. \"This plan will close hospitals across the country.\"",
            ],
            &["Laura Finch: \"This plan will close hospitals across the country.\""],
        );
    }

    #[test]
    fn a_participle_speaks_for_the_subject() {
        check(
            &[
                "Opposition leader Mark Daly rejected the offer, warning: \"We will not accept a partial deal.\"",
            ],
            &["Mark Daly: \"We will not accept a partial deal.\""],
        );
    }

    #[test]
    fn a_role_before_a_name() {
        check(
            &[
                "\u{201c}The harvest was the best in ten years,\u{201d} Agriculture Secretary Tom Reyes told farmers.",
            ],
            &["Tom Reyes: \"The harvest was the best in ten years\""],
        );
    }

    #[test]
    fn a_stray_mark_gives_nothing() {
        check(
            &["The vote was 5\u{201d} short of a majority."],
            &[] as &[&str],
        );
    }

    /// Renders the reported speech found in paragraphs as `speaker: content`.
    fn reported(paragraphs: &[&str]) -> Vec<String> {
        let mut doc = Document::from_blocks(
            ArticleMeta::default(),
            paragraphs.iter().map(|p| (BlockKind::Paragraph, *p)),
        );
        crate::Pipeline::default().run(&mut doc);
        doc.quotes
            .iter()
            .filter(|q| !q.direct)
            .map(|q| {
                let who = q.speaker.map_or("-", |s| doc.slice(s.span));
                format!("{who}: {}", doc.slice(q.span))
            })
            .collect()
    }

    #[test]
    fn reported_speech_after_the_verb() {
        assert_eq!(
            reported(&["The minister said that the bridge would reopen in May."]),
            ["The minister: that the bridge would reopen in May"]
        );
    }

    #[test]
    fn reported_speech_before_the_verb() {
        assert_eq!(
            reported(&["The port will stay closed until the storm passes, officials said."]),
            ["officials: The port will stay closed until the storm passes"]
        );
    }

    #[test]
    fn according_to_names_the_source() {
        let got =
            reported(&["According to local officials, the convoy reached the town on Sunday."]);
        assert_eq!(got, ["officials: the convoy reached the town on Sunday"]);
    }

    #[test]
    fn a_direct_quote_is_not_also_reported() {
        assert_eq!(
            reported(&["\u{201c}We will rebuild the school,\u{201d} the governor said."]),
            [] as [&str; 0]
        );
    }

    #[test]
    fn two_apostrophes_mark_a_direct_quote() {
        check(
            &["''We will rebuild the school this year,'' said Governor Ruth Okonjo."],
            &["Ruth Okonjo: \"We will rebuild the school this year\""],
        );
    }
}
