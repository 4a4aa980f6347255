//! The rule-based sentence splitter: groups the tokens of one block into sentences.
//!
//! A sentence ends at terminal punctuation (`.`, `!`, `?`, their runs, an ellipsis) together
//! with any closing quotes and brackets after it, when the next token can start a sentence.
//! A full stop that belongs to an abbreviation or an initial (`Dr.`, `J.`, `U.S.`) ends a
//! sentence only before a word that typically starts one. It never looks beyond its block, so
//! a sentence always lies inside one block; it does not tokenize (see the `tokenizer` module).

use super::tokenizer::RawToken;
use std::ops::Range;

/// Abbreviations that are never the last word of a sentence: titles before a name.
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Cmdr.", "Adm.",
    "Maj.", "Gov.", "Sen.", "Sens.", "Rep.", "Reps.", "Rev.", "Hon.", "Pres.", "St.", "Mt.", "Ft.",
    "No.", "Nos.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
    "Nov.", "Dec.", "vs.", "Messrs.", "Mme.", "Lieut.", "Atty.", "Supt.", "e.g.", "i.e.", "cf.",
    "ca.", "pp.", "p.", "vol.", "Vol.",
];

/// Words that commonly open a sentence; after an abbreviation such as `U.S.` or `Inc.` only
/// these start a new one.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "So",
    "Yet",
    "Some",
    "Many",
    "Most",
    "Now",
    "Then",
    "However",
    "Meanwhile",
    "Still",
    "Also",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Officials",
    "For",
    "From",
    "Last",
    "Earlier",
    "Later",
    "Both",
    "One",
    "No",
    "Not",
    "My",
    "Your",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
];

/// How strongly a token ends a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    /// Not at all.
    None,
    /// A full stop, question or exclamation mark (or a run mixing them).
    Strong,
    /// An ellipsis, which ends a sentence only before a capital.
    Ellipsis,
    /// A word with a full stop: an abbreviation, an initial.
    Abbreviation,
}

/// How a token ends a sentence.
fn stop(t: &str) -> Stop {
    if t.is_empty() {
        return Stop::None;
    }
    if t.chars().all(|c| matches!(c, '.' | '!' | '?' | '…')) {
        return if t.contains(['!', '?']) || t == "." {
            Stop::Strong
        } else {
            Stop::Ellipsis
        };
    }
    if t.len() > 1 && t.ends_with('.') && t.starts_with(|c: char| c.is_alphanumeric()) {
        return Stop::Abbreviation;
    }
    Stop::None
}

/// True for a closing bracket or quote that always stays with the sentence before it.
fn is_closing(t: &str) -> bool {
    matches!(t, "”" | "’" | ")" | "]" | "}" | "»" | "’’" | "''")
}

/// True for a straight quote that could open or close.
fn is_straight_quote(t: &str) -> bool {
    matches!(t, "\"" | "'" | "`")
}

/// True when a token can start a sentence after an ellipsis: a capital, a digit, or an
/// opening quote or bracket.
fn can_start(t: &str) -> bool {
    t.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '*')
    })
}

/// True when a token cannot start a sentence even after a full stop: punctuation that
/// continues the one before it.
fn continues(t: &str) -> bool {
    t.starts_with([
        ',', ';', ':', '.', ')', ']', '}', '”', '’', '[', '%', '!', '?',
    ])
}

/// Groups tokens (of one block; `text` is the whole document text) into sentences, as
/// ranges of token indexes that cover all the tokens in order.
pub fn split(text: &str, tokens: &[RawToken]) -> Vec<Range<usize>> {
    let surface = |i: usize| &text[tokens[i].span.range()];
    // True when token `i` touches the token before it (no space between them).
    let glued = |i: usize| i > 0 && tokens[i - 1].span.end == tokens[i].span.start;
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = surface(i);
        // A photo credit (`Image: Reuters`) after a caption starts a sentence of its own.
        if i > start
            && matches!(t, "Image" | "Photo" | "Images" | "Photos")
            && i + 1 < tokens.len()
            && surface(i + 1) == ":"
        {
            sentences.push(start..i);
            start = i;
        }
        let kind = stop(t);
        if kind == Stop::None {
            i += 1;
            continue;
        }
        // Take closing quotes and brackets along; a straight quote closes when it touches
        // the stop or is followed by a space.
        let mut end = i + 1;
        while end < tokens.len() {
            let c = surface(end);
            let closes = is_closing(c)
                || (is_straight_quote(c)
                    && (glued(end) || end + 1 == tokens.len() || !glued(end + 1)));
            if !closes {
                // A citation mark after the stop (`.[17]`) stays with the sentence too.
                let citation = c == "["
                    && end + 2 < tokens.len()
                    && surface(end + 1).chars().all(|c| c.is_ascii_digit())
                    && surface(end + 2) == "]";
                if citation {
                    end += 3;
                    continue;
                }
                break;
            }
            end += 1;
        }
        if end >= tokens.len() {
            break;
        }
        let next = surface(end);
        // After a closing quote, a lower-case word continues the sentence (`“Why?” she
        // asked.`).
        let quoted = end > i + 1;
        let splits = match kind {
            Stop::Strong => {
                let lower = next.starts_with(char::is_lowercase);
                !(continues(next) || quoted && lower)
            }
            Stop::Ellipsis => can_start(next),
            Stop::Abbreviation => {
                let initial = t.len() == 2 && t.starts_with(char::is_uppercase);
                !TITLES.contains(&t) && !initial && STARTERS.contains(&next)
            }
            Stop::None => false,
        };
        if splits {
            sentences.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

/// Gives a sentence-final abbreviation its own full stop, as EWT does (`etc.` at the end of
/// a sentence is `etc` `.`). `tokens` are one sentence's tokens.
pub fn detach_final_stop(text: &str, tokens: &mut Vec<RawToken>) {
    let last = tokens.iter().rposition(|t| {
        let s = &text[t.span.range()];
        !is_closing(s) && !is_straight_quote(s)
    });
    let Some(k) = last else {
        return;
    };
    let token = &tokens[k];
    if stop(&text[token.span.range()]) != Stop::Abbreviation || token.words.len() != 1 {
        return;
    }
    let (start, end) = (token.span.start, token.span.end);
    tokens[k] = RawToken::single(start, end - 1);
    tokens.insert(k + 1, RawToken::single(end - 1, end));
}

#[cfg(test)]
mod tests {
    use super::super::tokenizer::tokenize;
    use super::*;

    /// Splits `input` and renders each sentence's tokens joined by a space, one per line.
    fn check(input: &str, expected: &str) {
        let tokens = tokenize(input, 0);
        let rendered: Vec<String> = split(input, &tokens)
            .into_iter()
            .map(|r| {
                let mut group = tokens[r].to_vec();
                detach_final_stop(input, &mut group);
                group
                    .iter()
                    .map(|t| &input[t.span.range()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(rendered.join("\n"), expected, "input: {input:?}");
    }

    #[test]
    fn splits_at_terminal_punctuation() {
        check("It rained. We left!", "It rained .\nWe left !");
        check("Why? Because.", "Why ?\nBecause .");
        check("No full stop", "No full stop");
    }

    #[test]
    fn keeps_closing_quotes_with_the_sentence() {
        check(
            "“We will go. We will win.” Then he left.",
            "“ We will go .\nWe will win . ”\nThen he left .",
        );
        check(
            "\"Go,\" he said. \"Now.\"",
            "\" Go , \" he said .\n\" Now . \"",
        );
    }

    #[test]
    fn quotes_and_citations() {
        check("“Why?” she asked.", "“ Why ? ” she asked .");
        check(
            "It grew.[17] Then it fell.",
            "It grew . [ 17 ]\nThen it fell .",
        );
    }

    #[test]
    fn does_not_split_after_titles_and_initials() {
        check(
            "Dr. Smith met J. Edgar Hoover.",
            "Dr. Smith met J. Edgar Hoover .",
        );
        check("Mr. Jones arrived.", "Mr. Jones arrived .");
        check(
            "It met U.S. officials. The U.S. said no.",
            "It met U.S. officials .\nThe U.S. said no .",
        );
    }

    #[test]
    fn photo_credits_stand_alone() {
        check(
            "Crowds in the square Image: Reuters. Later",
            "Crowds in the square\nImage : Reuters .\nLater",
        );
    }

    #[test]
    fn splits_after_an_abbreviation_before_a_sentence_starter() {
        check(
            "He joined Acme Inc. The firm grew.",
            "He joined Acme Inc .\nThe firm grew .",
        );
    }
}
