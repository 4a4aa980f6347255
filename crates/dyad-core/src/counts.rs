//! The counts stage: how many people were killed, wounded, arrested, kidnapped, displaced,
//! protesting or affected → [`Document::counts`] (the JSON's `counts[]`, as GDELT's knowledge
//! graph records them).
//!
//! A count is a number (digits "2,000", "1.5 million"; words "three", "a dozen"; vague
//! amounts "dozens", "tens of thousands", taken at their lower bound and marked approximate;
//! "more than 200", "at least 10", "nearly 50" are approximate too), the noun it counts
//! ("civilians"), and a kind given by the nearest trigger word of the same sentence within a
//! few words ("were killed", "injuring", "arrested", "fled"), or else by the noun itself
//! ("protesters", "refugees"); a trigger verb that governs the noun in the parse counts at
//! any distance. Years, percentages, money, ages and
//! measures are not counts. The count points at the coded event whose trigger is its trigger
//! word, when there is one. This stage reads words and tags; it needs no parse.

use crate::document::{Document, Span};

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountKind {
    /// Killed or dead.
    Kill,
    /// Wounded or injured.
    Wound,
    /// Arrested, detained or jailed.
    Arrest,
    /// Kidnapped, abducted or taken hostage.
    Kidnap,
    /// Displaced, fled or evacuated.
    Displace,
    /// Protesting or demonstrating.
    Protest,
    /// Affected (stranded, left homeless, without power).
    Affect,
}

impl CountKind {
    /// The name the JSON uses (GDELT's).
    pub fn name(self) -> &'static str {
        match self {
            CountKind::Kill => "KILL",
            CountKind::Wound => "WOUND",
            CountKind::Arrest => "ARREST",
            CountKind::Kidnap => "KIDNAP",
            CountKind::Displace => "DISPLACE",
            CountKind::Protest => "PROTEST",
            CountKind::Affect => "AFFECT",
        }
    }
}

/// One count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Count {
    /// What happened.
    pub kind: CountKind,
    /// The number (the lower bound of a vague amount).
    pub value: f64,
    /// True for vague amounts and numbers with "more than", "about", "at least" and the like.
    pub approximate: bool,
    /// The noun counted.
    pub object: Option<Span>,
    /// The coded event the count belongs to, as an index into [`Document::events`].
    pub event: Option<usize>,
    /// The words from the number to the noun (or the trigger).
    pub span: Span,
}

/// Trigger words (lower case, by prefix of the word form) and their kinds. Prefixes let one
/// entry cover "kill", "killed", "killing", "kills".
const TRIGGERS: &[(&str, CountKind)] = &[
    ("kill", CountKind::Kill),
    ("dead", CountKind::Kill),
    ("die", CountKind::Kill),
    ("died", CountKind::Kill),
    ("dying", CountKind::Kill),
    ("death", CountKind::Kill),
    ("massacre", CountKind::Kill),
    ("slain", CountKind::Kill),
    ("executed", CountKind::Kill),
    ("execution", CountKind::Kill),
    ("fatalit", CountKind::Kill),
    ("murder", CountKind::Kill),
    ("shot dead", CountKind::Kill),
    ("wound", CountKind::Wound),
    ("injur", CountKind::Wound),
    ("hurt", CountKind::Wound),
    ("arrest", CountKind::Arrest),
    ("detain", CountKind::Arrest),
    ("detention", CountKind::Arrest),
    ("jail", CountKind::Arrest),
    ("imprison", CountKind::Arrest),
    ("prisoner", CountKind::Arrest),
    ("custody", CountKind::Arrest),
    ("kidnap", CountKind::Kidnap),
    ("abduct", CountKind::Kidnap),
    ("hostage", CountKind::Kidnap),
    ("displace", CountKind::Displace),
    ("fled", CountKind::Displace),
    ("flee", CountKind::Displace),
    ("refugee", CountKind::Displace),
    ("evacuat", CountKind::Displace),
    ("protest", CountKind::Protest),
    ("demonstrat", CountKind::Protest),
    ("rall", CountKind::Protest),
    ("marched", CountKind::Protest),
    ("striking", CountKind::Protest),
    ("affect", CountKind::Affect),
    ("strand", CountKind::Affect),
    ("homeless", CountKind::Affect),
];

/// Words that a trigger prefix must not be read into.
const NOT_TRIGGERS: &[&str] = &[
    "deadline",
    "deadlines",
    "deadlock",
    "deadly",
    "diet",
    "diesel",
    "dies",
    "jailbreak",
    "demonstrate",
    "demonstrated",
    "demonstrates",
    "demonstrating",
    "demonstration",
    "rallied",
    "rally",
    "rallies",
    "strikes",
    "strike",
    "affection",
    "effect",
    "protestant",
    "protestants",
    "killer",
];

/// Nouns a number measures rather than counts people with (month names are checked with
/// `timex::is_month_name`).
const NOT_COUNTED: &[&str] = &[
    "percent",
    "per",
    "%",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "time",
    "times",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "dollars",
    "pounds",
    "euros",
    "tonnes",
    "tons",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "gmt",
    "bn",
    "m",
    "seats",
    "votes",
    "points",
    "per cent",
    "mph",
];

/// Number words and their values.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("dozen", 12.0),
];

/// Vague amounts: the plural word, its lower bound.
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("scores", 20.0),
    ("hundreds", 100.0),
    ("thousands", 1000.0),
    ("millions", 1_000_000.0),
    ("tens", 10.0),
];

/// Multipliers written after a number.
const SCALES: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("million", 1_000_000.0),
    ("billion", 1_000_000_000.0),
];

/// Words before a number that make it approximate.
const APPROX_BEFORE: &[&str] = &[
    "about",
    "around",
    "over",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "some",
    "estimated",
    "least",
    "than",
    "to",
    "up",
];

/// How many words may lie between a count and its trigger.
const WINDOW: usize = 6;

/// A number found in a sentence: its words `first..=last`, value, and vagueness.
#[derive(Debug, Clone, Copy)]
struct Number {
    first: usize,
    last: usize,
    value: f64,
    approximate: bool,
}

/// Finds the document's counts.
pub fn find_counts(doc: &mut Document) {
    let mut counts = Vec::new();
    let mut first = 0;
    while first < doc.words.len() {
        let sentence = doc.words[first].sentence;
        let mut last = first;
        while last + 1 < doc.words.len() && doc.words[last + 1].sentence == sentence {
            last += 1;
        }
        counts_in(doc, first, last, &mut counts);
        first = last + 1;
    }
    doc.counts = counts;
}

/// The lower-case text of a word.
fn lower(doc: &Document, w: usize) -> String {
    doc.slice(doc.words[w].span).to_lowercase()
}

/// The kind a word triggers, if any.
fn trigger_kind(word: &str) -> Option<CountKind> {
    if NOT_TRIGGERS.contains(&word) {
        return None;
    }
    TRIGGERS
        .iter()
        .find(|(prefix, _)| word.starts_with(prefix))
        .map(|&(_, k)| k)
}

/// The value of a number written in digits ("2,000", "1.5"), if it is one.
fn digits_value(word: &str) -> Option<f64> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Commas group thousands: "2,000" but not "2,00".
    let mut groups = word.split(',');
    let head = groups.next()?;
    let mut plain = head.to_string();
    for g in groups {
        if g.len() != 3 && !(g.len() > 3 && g[3..].starts_with('.')) {
            return None;
        }
        plain.push_str(g);
    }
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads a number starting at word `w` (up to `last`).
fn number_at(doc: &Document, w: usize, last: usize) -> Option<Number> {
    let word = lower(doc, w);
    let at = |i: usize| (i <= last).then(|| lower(doc, i));
    // "tens of thousands", "hundreds of thousands".
    if let Some(&(_, base)) = VAGUE.iter().find(|(v, _)| *v == word) {
        if at(w + 1).as_deref() == Some("of")
            && let Some(next) = at(w + 2)
            && let Some(&(_, scale)) = VAGUE.iter().find(|(v, _)| *v == next)
            && scale > base
        {
            return Some(Number {
                first: w,
                last: w + 2,
                value: base * scale,
                approximate: true,
            });
        }
        if word == "tens" || word == "scores" && at(w + 1).as_deref() != Some("of") {
            return None;
        }
        return Some(Number {
            first: w,
            last: w,
            value: base,
            approximate: true,
        });
    }
    let (mut value, approximate) = if let Some(v) = digits_value(&word) {
        (v, false)
    } else if let Some(&(_, v)) = NUMBER_WORDS.iter().find(|(n, _)| *n == word) {
        (v, false)
    } else if word == "a" && at(w + 1).as_deref() == Some("dozen") {
        return Some(Number {
            first: w,
            last: w + 1,
            value: 12.0,
            approximate: false,
        });
    } else {
        return None;
    };
    let mut end = w;
    // "1.5 million", "two hundred", "twenty-five" is one word already.
    while let Some(next) = at(end + 1) {
        match SCALES.iter().find(|(s, _)| *s == next) {
            Some(&(_, scale)) => {
                value *= scale;
                end += 1;
            }
            None => break,
        }
    }
    Some(Number {
        first: w,
        last: end,
        value,
        approximate,
    })
}

/// True when the word before a number makes it approximate ("more than", "at least").
fn approximate_before(doc: &Document, n: &Number, first: usize) -> bool {
    n.first > first && APPROX_BEFORE.contains(&lower(doc, n.first - 1).as_str())
}

/// Counts in the sentence of words `first..=last`.
fn counts_in(doc: &Document, first: usize, last: usize, out: &mut Vec<Count>) {
    let upos = |w: usize| doc.words[w].upos.as_deref().unwrap_or("");
    let mut w = first;
    while w <= last {
        let Some(mut n) = number_at(doc, w, last) else {
            w += 1;
            continue;
        };
        w = n.last + 1;
        let word = lower(doc, n.first);
        // Years, money, percentages, ages, times, dates.
        let before = (n.first > first).then(|| lower(doc, n.first - 1));
        let after = (n.last < last).then(|| lower(doc, n.last + 1));
        let hyphen = |t: Option<&str>| t.is_some_and(|t| t.starts_with('-') || t.ends_with('-'));
        // Hyphenated ("16-year-old", "father-of-two") and named ("Section 41") numbers.
        if hyphen(after.as_deref())
            || hyphen(before.as_deref())
            || (n.first > first && upos(n.first - 1) == "PROPN")
        {
            continue;
        }
        if (n.value >= 1000.0 && n.value <= 2100.0 && word.len() == 4)
            || before.as_deref().is_some_and(|b| {
                matches!(
                    b,
                    "$" | "£" | "€" | "aged" | "age" | "number" | "no." | "page"
                )
            })
            || n.value <= 0.0
        {
            continue;
        }
        n.approximate |= approximate_before(doc, &n, first);
        // The counted noun: after the number, past adjectives, and past "of" for vague amounts
        // ("tens of thousands of civilians").
        let mut k = n.last + 1;
        while k <= last && matches!(upos(k), "ADJ")
            || (k <= last && lower(doc, k) == "of" && k == n.last + 1)
        {
            k += 1;
        }
        while k <= last
            && matches!(upos(k), "ADJ" | "PROPN")
            && k < last
            && matches!(upos(k + 1), "NOUN" | "PROPN" | "ADJ")
        {
            k += 1;
        }
        let after_of = k > n.last + 1 && lower(doc, n.last + 1) == "of";
        let mut object =
            (k <= last && (upos(k) == "NOUN" || upos(k) == "PROPN" && !after_of)).then_some(k);
        // The last noun of a compound ("terror suspects").
        while let Some(o) = object
            && o < last
            && upos(o + 1) == "NOUN"
        {
            object = Some(o + 1);
        }
        if let Some(o) = object {
            // A measure or a date anywhere between the number and its noun ("15 September protest").
            if (n.last + 1..=o).any(|i| {
                let w = lower(doc, i);
                NOT_COUNTED.contains(&w.as_str()) || crate::timex::is_month_name(&w)
            }) {
                continue;
            }
            // "the 2015 elections": a number before a proper noun is a date or an id.
            if upos(o) == "PROPN" && word.chars().all(|c| c.is_ascii_digit()) && word.len() >= 3 {
                continue;
            }
        } else if n.last < last
            && matches!(lower(doc, n.last + 1).as_str(), "%" | "percent" | "per")
        {
            continue;
        }
        if before
            .as_deref()
            .is_some_and(|b| b.starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        // The kind: the noun itself, or the nearest trigger word.
        let from_noun = object.and_then(|o| trigger_kind(&lower(doc, o)).map(|k| (k, o)));
        let lo = n.first.saturating_sub(WINDOW).max(first);
        let hi = (n.last + WINDOW + 2).min(last);
        let nearest = (lo..=hi)
            .filter(|&t| (t < n.first || t > n.last) && Some(t) != object)
            .filter(|&t| matches!(upos(t), "VERB" | "NOUN" | "ADJ" | "AUX"))
            .filter_map(|t| trigger_kind(&lower(doc, t)).map(|k| (k, t)))
            .filter(|&(_, t)| {
                // No other number between the count and its trigger.
                let (a, b) = if t < n.first {
                    (t, n.first)
                } else {
                    (n.last, t)
                };
                !(a + 1..b).any(|i| number_at(doc, i, last).is_some())
            })
            .min_by_key(|&(_, t)| if t < n.first { n.first - t } else { t - n.last });
        // Or the verb that governs the noun, however far ("10 soldiers and a medic died").
        let governing = object.and_then(|o| {
            let mut cur = o;
            for _ in 0..3 {
                let h = doc.words[cur].head? as usize;
                if h < first || h > last {
                    return None;
                }
                if let Some(k) = trigger_kind(&lower(doc, h)).filter(|_| upos(h) == "VERB") {
                    return Some((k, h));
                }
                cur = h;
            }
            None
        });
        let Some((kind, trigger)) = nearest.or(governing).or(from_noun) else {
            continue;
        };
        if object.is_none() && trigger != n.last + 1 && trigger + 1 != n.first {
            // A bare number must stand next to its trigger ("killing 12", "12 dead").
            let near = trigger.abs_diff(n.last) <= 3 || trigger.abs_diff(n.first) <= 3;
            if !near {
                continue;
            }
        }
        let end = object.unwrap_or(n.last);
        let span = Span::new(doc.words[n.first].span.start, doc.words[end].span.end);
        let trigger_span = doc.words[trigger].span;
        let event = doc
            .events
            .iter()
            .position(|e| e.trigger.start < trigger_span.end && trigger_span.start < e.trigger.end);
        out.push(Count {
            kind,
            value: n.value,
            approximate: n.approximate,
            object: object.map(|o| doc.words[o].span),
            event,
            span,
        });
        // A count with two triggers ("displaced or killed") gives one record per kind.
        let second = (trigger + 1..=(trigger + 3).min(last))
            .filter(|&t| t != trigger)
            .find_map(|t| trigger_kind(&lower(doc, t)).filter(|&k| k != kind));
        if let Some(k2) = second
            && (trigger + 1..=(trigger + 3).min(last))
                .any(|t| matches!(lower(doc, t).as_str(), "or" | "and"))
        {
            out.push(Count {
                kind: k2,
                value: n.value,
                approximate: n.approximate,
                object: object.map(|o| doc.words[o].span),
                event: None,
                span,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ArticleMeta, BlockKind};

    /// Runs the pipeline over a paragraph and renders each count as
    /// `KIND value[~] object`.
    fn render(text: &str) -> Vec<String> {
        let mut doc = Document::from_blocks(ArticleMeta::default(), [(BlockKind::Paragraph, text)]);
        crate::Pipeline::default().run(&mut doc);
        doc.counts
            .iter()
            .map(|c| {
                format!(
                    "{} {}{} {}",
                    c.kind.name(),
                    c.value,
                    if c.approximate { "~" } else { "" },
                    c.object.map_or("-", |o| doc.slice(o))
                )
            })
            .collect()
    }

    #[test]
    fn digits_with_a_passive_trigger() {
        assert_eq!(
            render("At least 12 soldiers were killed in the attack on the base."),
            ["KILL 12~ soldiers"]
        );
    }

    #[test]
    fn number_words_and_an_active_trigger() {
        assert_eq!(
            render("Police arrested three protesters outside the parliament."),
            ["ARREST 3 protesters"]
        );
    }

    #[test]
    fn vague_amounts_are_lower_bounds() {
        assert_eq!(
            render("Tens of thousands of villagers have been displaced by the floods."),
            ["DISPLACE 10000~ villagers"]
        );
        assert_eq!(
            render("Dozens of students were injured when the roof fell."),
            ["WOUND 12~ students"]
        );
    }

    #[test]
    fn grouped_digits_and_more_than() {
        assert_eq!(
            render("More than 2,000 workers marched through the capital on Friday."),
            ["PROTEST 2000~ workers"]
        );
    }

    #[test]
    fn the_noun_can_give_the_kind() {
        assert_eq!(
            render("Some 300 refugees reached the border town."),
            ["DISPLACE 300~ refugees"]
        );
    }

    #[test]
    fn two_kinds_joined_by_or() {
        assert_eq!(
            render("Thousands of families were displaced or killed during the war."),
            ["DISPLACE 1000~ families", "KILL 1000~ families"]
        );
    }

    #[test]
    fn years_money_and_percentages_are_not_counts() {
        assert_eq!(
            render("In 2015 the army killed the rebel leader."),
            [] as [&str; 0]
        );
        assert_eq!(
            render("The attack killed the hopes of 40 percent of voters."),
            [] as [&str; 0]
        );
        assert_eq!(
            render("The prices rose by 12 dollars a week."),
            [] as [&str; 0]
        );
    }

    #[test]
    fn scaled_numbers() {
        assert_eq!(
            render("Up to 1.5 million people were affected by the strike."),
            ["AFFECT 1500000~ people"]
        );
    }

    #[test]
    fn digits_parse_with_groups_only() {
        assert_eq!(digits_value("2,000"), Some(2000.0));
        assert_eq!(digits_value("1,234,567"), Some(1_234_567.0));
        assert_eq!(digits_value("2,00"), None);
        assert_eq!(digits_value("1.5"), Some(1.5));
        assert_eq!(digits_value("abc"), None);
    }
}
