//! Quote attribution against PolNeAR's brat files: reading an article and its gold
//! attributions, and scoring the quotes stage's output.
//!
//! A gold attribution is direct when its content contains a quote mark (straight, curly, or
//! two apostrophes as some feeds write it), reported otherwise.
//! Content is scored by overlap: an output quote is right when at least half of it lies in
//! one gold content, and a gold content is found when the output quotes lying mostly in it
//! cover at least half of it (so a quote broken by its attribution, given as two quotes, finds
//! its one gold content). Content+source also asks for the speaker: the speaker's words overlap
//! the gold source, or the entity they resolve to has a mention overlapping it. Precision of
//! content+source is over the output quotes that name a speaker (a quote left without one
//! claims no source); its recall is over the gold attributions that have a source. This
//! module parses and scores; the caller reads the files and runs the pipeline.

use crate::document::{ArticleMeta, BlockKind, Document, Span};
use crate::error::{Error, Location, Result};
use crate::quotes::Quote;

/// The least share of a span that must be matched.
const MIN_OVERLAP: f64 = 0.5;

/// One gold attribution relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttribution {
    /// The content's fragments, as byte spans into the document text.
    pub content: Vec<Span>,
    /// The source's fragments (empty for an attribution with no source).
    pub source: Vec<Span>,
    /// The cue's fragments.
    pub cue: Vec<Span>,
    /// True when the content contains a quote mark.
    pub direct: bool,
}

/// Builds the document of a PolNeAR text: its first non-empty line is the title, every other
/// non-empty line a paragraph. Returns the document (not yet coded) and a map from each
/// character offset of the text (and its end) to a byte offset of the document text.
pub fn document_of(text: &str) -> (Document, Vec<usize>) {
    let mut title = true;
    let blocks = text.split('\n').filter_map(|line| {
        if line.trim().is_empty() {
            return None;
        }
        let kind = if title {
            BlockKind::Title
        } else {
            BlockKind::Paragraph
        };
        title = false;
        Some((kind, line))
    });
    let doc = Document::from_blocks(ArticleMeta::default(), blocks);
    let map = align(text, &doc.text);
    (doc, map)
}

/// Maps every character offset of `original` (and its end) to a byte offset of `folded`, the
/// same text with white space folded and control characters dropped. Characters that
/// `folded` kept are matched in order; dropped ones map to where the next kept one lands.
fn align(original: &str, folded: &str) -> Vec<usize> {
    let mut map = Vec::with_capacity(original.len() + 1);
    let mut rest = folded.char_indices().peekable();
    let mut pos = 0;
    for c in original.chars() {
        let kept = !(c.is_whitespace() || c.is_control() || c == '\u{200b}' || c == '\u{feff}');
        if !kept {
            map.push(pos);
            continue;
        }
        // Skip the folded text's spaces up to the same character.
        while let Some(&(i, f)) = rest.peek() {
            if f == c {
                pos = i;
                break;
            }
            if !f.is_whitespace() {
                // Out of step (should not happen): stay where we are.
                break;
            }
            rest.next();
        }
        map.push(pos);
        if let Some(&(i, f)) = rest.peek()
            && f == c
        {
            rest.next();
            pos = i + f.len_utf8();
        }
    }
    map.push(folded.len());
    map
}

/// Reads a brat attribution file against the character map of its text into `folded`, the
/// document text. Lines that do not start with an id (the rest of a covered text that held a
/// line break) are skipped.
pub fn read_attributions(
    ann: &str,
    folded: &str,
    map: &[usize],
    file: &str,
) -> Result<Vec<GoldAttribution>> {
    use std::collections::HashMap;
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut relations: Vec<(usize, &str)> = Vec::new();
    for (index, line) in ann.lines().enumerate() {
        let bad = |why: &str| Error::Malformed(Location::line(file, index + 1), why.to_string());
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or("");
        let is_id = id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit());
        if !is_id {
            continue;
        }
        if id.starts_with('T') {
            let what = fields.next().ok_or_else(|| bad("a span with no type"))?;
            let (_kind, offsets) = what.split_once(' ').ok_or_else(|| bad("no offsets"))?;
            let mut fragments = Vec::new();
            for fragment in offsets.split(';') {
                let (s, e) = fragment
                    .trim()
                    .split_once(' ')
                    .ok_or_else(|| bad("an offset pair is not two numbers"))?;
                let s: usize = s.parse().map_err(|_| bad("a start is not a number"))?;
                let e: usize = e.parse().map_err(|_| bad("an end is not a number"))?;
                let (Some(&bs), Some(&be)) = (map.get(s), map.get(e)) else {
                    return Err(bad("an offset lies past the end of the text"));
                };
                if bs > be {
                    return Err(bad("a span ends before it starts"));
                }
                fragments.push(Span::new(bs, be));
            }
            spans.insert(id, fragments);
        } else if id.starts_with('E') {
            relations.push((index, fields.next().unwrap_or("")));
        }
    }
    let mut out = Vec::new();
    for (index, args) in relations {
        let mut content = Vec::new();
        let mut source = Vec::new();
        let mut cue = Vec::new();
        let mut direct = false;
        for arg in args.split_whitespace() {
            let Some((role, target)) = arg.split_once(':') else {
                continue;
            };
            let Some(fragments) = spans.get(target) else {
                return Err(Error::Malformed(
                    Location::line(file, index + 1),
                    format!("{target} is not a span of this file"),
                ));
            };
            if role.starts_with("Content") {
                content.extend(fragments.iter().copied());
                direct |= fragments.iter().any(|f| {
                    folded.get(f.range()).is_some_and(|t| {
                        t.contains(['"', '\u{201c}', '\u{201d}']) || t.contains("''")
                    })
                });
            } else if role.starts_with("Source") {
                source.extend(fragments.iter().copied());
            } else if role.starts_with("Cue") {
                cue.extend(fragments.iter().copied());
            }
        }
        if !content.is_empty() {
            out.push(GoldAttribution {
                content,
                source,
                cue,
                direct,
            });
        }
    }
    Ok(out)
}

/// Counts for one kind of speech.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AttributionTally {
    /// Gold attributions.
    pub gold: usize,
    /// Gold attributions whose content was found.
    pub gold_found: usize,
    /// Gold attributions that have a source.
    pub gold_with_source: usize,
    /// Gold attributions with a source found with the right speaker.
    pub gold_found_with_source: usize,
    /// Output quotes.
    pub output: usize,
    /// Output quotes whose content is right.
    pub output_right: usize,
    /// Output quotes that name a speaker.
    pub output_with_speaker: usize,
    /// Output quotes whose content and speaker are right.
    pub output_right_with_speaker: usize,
}

impl AttributionTally {
    /// Adds another tally.
    pub fn add(&mut self, o: AttributionTally) {
        self.gold += o.gold;
        self.gold_found += o.gold_found;
        self.gold_with_source += o.gold_with_source;
        self.gold_found_with_source += o.gold_found_with_source;
        self.output += o.output;
        self.output_right += o.output_right;
        self.output_with_speaker += o.output_with_speaker;
        self.output_right_with_speaker += o.output_right_with_speaker;
    }

    /// Content precision.
    pub fn content_precision(&self) -> f64 {
        ratio(self.output_right, self.output)
    }

    /// Content recall.
    pub fn content_recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }

    /// Content+source precision (over quotes with a speaker).
    pub fn source_precision(&self) -> f64 {
        ratio(self.output_right_with_speaker, self.output_with_speaker)
    }

    /// Content+source recall (over gold attributions with a source).
    pub fn source_recall(&self) -> f64 {
        ratio(self.gold_found_with_source, self.gold_with_source)
    }
}

/// A share, 0 when there is nothing to share.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The scores of direct and reported speech.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteScores {
    /// Direct quotes (gold: content with a quote mark; output: `direct`).
    pub direct: AttributionTally,
    /// Reported speech.
    pub reported: AttributionTally,
}

impl QuoteScores {
    /// Adds another article's scores.
    pub fn add(&mut self, o: QuoteScores) {
        self.direct.add(o.direct);
        self.reported.add(o.reported);
    }
}

/// The bytes two spans share.
fn shared(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The bytes of `span` inside a gold content.
fn inside(span: Span, content: &[Span]) -> usize {
    content.iter().map(|&c| shared(span, c)).sum()
}

/// True when the quote's speaker is the gold source: its words overlap the source, or the
/// entity its words resolve to has a mention overlapping it.
fn same_speaker(doc: &Document, quote: &Quote, source: &[Span]) -> bool {
    let Some(speaker) = quote.speaker else {
        return false;
    };
    let overlaps = |s: Span| source.iter().any(|&g| shared(s, g) > 0);
    if overlaps(speaker.span) || overlaps(speaker.refers) {
        return true;
    }
    doc.entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| m.contains(speaker.refers)))
        .any(|e| e.mentions.iter().any(|&m| overlaps(m)))
}

/// The non-space bytes of a span's text (quote marks and spaces do not decide a match).
fn weight(doc: &Document, span: Span) -> usize {
    doc.text
        .get(span.range())
        .map_or(0, |t| t.chars().filter(|c| c.is_alphanumeric()).count())
}

/// The verdict on each output quote and each gold attribution of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdicts {
    /// Per output quote: its content is right.
    pub output_right: Vec<bool>,
    /// Per output quote: its content and speaker are right.
    pub output_speaker_right: Vec<bool>,
    /// Per gold attribution: its content was found.
    pub gold_found: Vec<bool>,
    /// Per gold attribution: its content was found with the right speaker.
    pub gold_found_with_source: Vec<bool>,
}

/// Judges one coded article's quotes against its gold attributions.
pub fn judge(doc: &Document, gold: &[GoldAttribution]) -> Verdicts {
    // The gold content each output quote lies mostly in.
    let home: Vec<Option<usize>> = doc
        .quotes
        .iter()
        .map(|q| {
            let len = q.span.len().max(1) as f64;
            gold.iter()
                .enumerate()
                .map(|(g, a)| (inside(q.span, &a.content), g))
                .filter(|&(n, _)| n as f64 >= MIN_OVERLAP * len)
                .max()
                .map(|(_, g)| g)
        })
        .collect();
    let mut v = Verdicts::default();
    for (q, h) in doc.quotes.iter().zip(&home) {
        v.output_right.push(h.is_some());
        v.output_speaker_right
            .push(h.is_some_and(|g| same_speaker(doc, q, &gold[g].source)));
    }
    for (g, a) in gold.iter().enumerate() {
        let total: usize = a.content.iter().map(|&c| weight(doc, c)).sum();
        let covered = |with_speaker: bool| -> bool {
            let mut n = 0;
            for (q, h) in doc.quotes.iter().zip(&home) {
                if *h != Some(g) || (with_speaker && !same_speaker(doc, q, &a.source)) {
                    continue;
                }
                n += a
                    .content
                    .iter()
                    .map(|&c| {
                        let s = Span::new(c.start.max(q.span.start), c.end.min(q.span.end));
                        if s.start < s.end { weight(doc, s) } else { 0 }
                    })
                    .sum::<usize>();
            }
            total > 0 && n as f64 >= MIN_OVERLAP * total as f64
        };
        v.gold_found.push(covered(false));
        v.gold_found_with_source
            .push(!a.source.is_empty() && covered(true));
    }
    v
}

/// Scores one coded article's quotes against its gold attributions.
pub fn score(doc: &Document, gold: &[GoldAttribution]) -> QuoteScores {
    let v = judge(doc, gold);
    let mut out = QuoteScores::default();
    for (i, q) in doc.quotes.iter().enumerate() {
        let tally = if q.direct {
            &mut out.direct
        } else {
            &mut out.reported
        };
        tally.output += 1;
        tally.output_right += usize::from(v.output_right[i]);
        if q.speaker.is_some() {
            tally.output_with_speaker += 1;
            tally.output_right_with_speaker += usize::from(v.output_speaker_right[i]);
        }
    }
    for (g, a) in gold.iter().enumerate() {
        let tally = if a.direct {
            &mut out.direct
        } else {
            &mut out.reported
        };
        tally.gold += 1;
        tally.gold_found += usize::from(v.gold_found[g]);
        if !a.source.is_empty() {
            tally.gold_with_source += 1;
            tally.gold_found_with_source += usize::from(v.gold_found_with_source[g]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_follows_folded_white_space() {
        let text = "Title here\n\nShe  said\u{a0}\u{201c}yes\u{201d}.\n";
        let (doc, map) = document_of(text);
        assert_eq!(doc.text, "Title here\n\nShe said \u{201c}yes\u{201d}.");
        // Every kept character maps to the same character.
        for (i, c) in text.chars().enumerate() {
            if !c.is_whitespace() {
                assert!(doc.text[map[i]..].starts_with(c), "{i} {c:?}");
            }
        }
        assert_eq!(map[text.chars().count()], doc.text.len());
    }

    #[test]
    fn reads_relations_with_fragments() {
        let text = "Title\n\n\u{201c}We will win,\u{201d} Ann Lee said. \u{201c}Soon.\u{201d}\nBob thinks that rain is coming.\n";
        let (doc, map) = document_of(text);
        let ann = "T1\tContent 7 21;36 43\t\u{201c}We will win,\u{201d} \u{201c}Soon.\u{201d}\n\
                   T2\tSource 22 29\tAnn Lee\nT3\tCue 30 34\tsaid\n\
                   E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n\
                   T4\tContent 55 74\tthat rain is coming\nT5\tCue 48 54\tthinks\n\
                   E2\tAttribution-no-source:T5 Content:T4 Cue:T5\n";
        let gold = read_attributions(ann, &doc.text, &map, "x.ann").unwrap();
        assert_eq!(gold.len(), 2);
        assert!(gold[0].direct && !gold[1].direct);
        assert_eq!(doc.slice(gold[0].source[0]), "Ann Lee");
        assert_eq!(doc.slice(gold[1].content[0]), "that rain is coming");
        assert!(gold[1].source.is_empty());
    }

    #[test]
    fn a_bad_reference_is_an_error() {
        let (doc, map) = document_of("Title\n\nText.\n");
        let err = read_attributions("E1\tAttribution:T9 Content:T8\n", &doc.text, &map, "x.ann");
        assert!(err.is_err());
        let err = read_attributions("T1\tContent 2 900\tx\n", &doc.text, &map, "x.ann");
        assert!(err.is_err());
    }

    #[test]
    fn scores_content_and_speaker() {
        let text = "Title\n\n\u{201c}We will win the vote,\u{201d} said Ann Lee. \u{201c}It will be soon.\u{201d}\n";
        let (mut doc, map) = document_of(text);
        crate::Pipeline::default().run(&mut doc);
        let ann = "T1\tContent 7 30;45 63\t\u{201c}We will win the vote,\u{201d} \u{201c}It will be soon.\u{201d}\nT2\tSource 36 43\tAnn Lee\nT3\tCue 31 35\tsaid\n\
                   E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2\n";
        let gold = read_attributions(ann, &doc.text, &map, "x.ann").unwrap();
        let s = score(&doc, &gold);
        assert_eq!(s.direct.gold, 1);
        assert_eq!(s.direct.gold_found, 1, "{:?}", doc.quotes);
        assert_eq!(
            s.direct.gold_found_with_source, 1,
            "{:?} {:?}",
            doc.quotes, gold
        );
        assert_eq!(s.direct.output, s.direct.output_right);
        assert_eq!(
            s.direct.output_right_with_speaker,
            s.direct.output_with_speaker
        );
        assert!(s.direct.output_with_speaker >= 1);
    }
}
