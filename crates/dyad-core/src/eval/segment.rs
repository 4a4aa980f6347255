//! Scoring the segmenter against CoNLL-U treebanks, as the CoNLL 2018 shared task does.
//!
//! For each document (`# newdoc`) the raw text is rebuilt from the sentences' `# text`
//! comments (one block per `# newpar` paragraph), segmented, and the system's tokens, words
//! and sentences are aligned with the gold ones by character offsets that skip white space,
//! exactly as `conll18_ud_eval.py` does: tokens and sentences match when both ends match,
//! and words inside multiword tokens are aligned by a longest common subsequence of their
//! lower-cased forms. It takes parsed sentences; reading the files is the caller's job.
//!
//! Given the tagging and parsing models, it also tags and parses the segmented text and
//! scores the shared task's UPOS F1 (an aligned word with the gold UPOS) and LAS F1 (an
//! aligned word whose head is the word aligned with the gold head, or both roots, and whose
//! relation's universal part is the gold one), so parsing is measured from raw text.

use crate::conllu::ConlluSentence;
use crate::document::{ArticleMeta, BlockKind, Document};
use crate::error::{Error, Location, Result};
use crate::parse::{Models, annotate_document};
use crate::segment::segment;

/// Precision, recall and F1 counts for one kind of unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Units in the gold data.
    pub gold: usize,
    /// Units the system produced.
    pub system: usize,
    /// System units that match gold ones.
    pub correct: usize,
}

impl Counts {
    /// Correct over system units (0 when there are none).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.system)
    }

    /// Correct over gold units (0 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// The harmonic mean of precision and recall, as the shared task computes it.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.correct, self.gold + self.system)
    }

    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.system += other.system;
        self.correct += other.correct;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The scores of a segmentation run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SegmentScores {
    /// How many documents were scored.
    pub documents: usize,
    /// Surface tokens.
    pub tokens: Counts,
    /// Syntactic words (aligned through multiword tokens).
    pub words: Counts,
    /// Sentences.
    pub sentences: Counts,
    /// Words with the right UPOS (only when the text was tagged and parsed).
    pub upos: Counts,
    /// Words with the right head and relation (only when the text was tagged and parsed).
    pub las: Counts,
}

impl SegmentScores {
    /// Adds another run's counts to these.
    pub fn add(&mut self, other: &SegmentScores) {
        self.documents += other.documents;
        self.tokens.add(other.tokens);
        self.words.add(other.words);
        self.sentences.add(other.sentences);
        self.upos.add(other.upos);
        self.las.add(other.las);
    }
}

/// A span in characters of the text without white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CharSpan {
    start: usize,
    end: usize,
}

/// A word for alignment: its span (the whole token's for a word of a multiword token), its
/// lower-cased form, and whether it is part of a multiword token.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AlignWord {
    span: CharSpan,
    form: String,
    multiword: bool,
    /// The universal part of speech, empty when not tagged.
    upos: String,
    /// The head (index into the side's words), `None` for the root or when not parsed.
    head: Option<usize>,
    /// The universal part of the relation (before any `:`), empty when not parsed.
    deprel: String,
}

/// What a word brings to a token: its form, UPOS, head (index into the side's words) and
/// relation.
struct WordInfo<'a> {
    form: &'a str,
    upos: &'a str,
    head: Option<usize>,
    deprel: &'a str,
}

/// One side (gold or system) of a document, in the shared task's representation.
#[derive(Debug, Default)]
struct Segmentation {
    characters: Vec<char>,
    tokens: Vec<CharSpan>,
    words: Vec<AlignWord>,
    sentences: Vec<CharSpan>,
}

impl Segmentation {
    /// Adds a token made of `words` (forms), returning its span.
    fn push_token(&mut self, form: &str, words: &[WordInfo]) {
        let start = self.characters.len();
        self.characters
            .extend(form.chars().filter(|c| !is_space_separator(*c)));
        let span = CharSpan {
            start,
            end: self.characters.len(),
        };
        self.tokens.push(span);
        let multiword = words.len() > 1;
        for w in words {
            self.words.push(AlignWord {
                span,
                form: w.form.to_lowercase(),
                multiword,
                upos: w.upos.to_string(),
                head: w.head,
                deprel: w.deprel.split(':').next().unwrap_or("").to_string(),
            });
        }
    }
}

/// Unicode category Zs, the characters the shared task removes from forms.
fn is_space_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Splits sentences into documents at `# newdoc`, keeping those whose id starts with
/// `prefix` when one is given. Sentences before the first `# newdoc` form a document of
/// their own.
pub fn documents<'a>(
    sentences: &'a [ConlluSentence],
    prefix: Option<&str>,
) -> Vec<&'a [ConlluSentence]> {
    let mut docs = Vec::new();
    let mut start = 0;
    for (i, s) in sentences.iter().enumerate() {
        if i > start && s.has_comment("newdoc") {
            docs.push(&sentences[start..i]);
            start = i;
        }
    }
    if start < sentences.len() {
        docs.push(&sentences[start..]);
    }
    docs.retain(|doc| match prefix {
        None => true,
        Some(p) => doc
            .first()
            .and_then(|s| s.comment("newdoc id"))
            .is_some_and(|id| id.starts_with(p)),
    });
    docs
}

/// The paragraphs of a document: the sentences' `# text`, joined by a space within a
/// paragraph; a new paragraph starts at each `# newpar`.
pub fn paragraphs(sentences: &[ConlluSentence]) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let text = sentence_text(s);
        match paragraphs.last_mut() {
            Some(last) if i > 0 && !s.has_comment("newpar") => {
                last.push(' ');
                last.push_str(&text);
            }
            _ => paragraphs.push(text),
        }
    }
    paragraphs
}

/// A sentence's `# text`, or its tokens joined by their spacing when the comment is missing.
fn sentence_text(s: &ConlluSentence) -> String {
    if let Some(text) = s.comment("text") {
        return text.to_string();
    }
    let mut out = String::new();
    for (form, _, _, space) in s.tokens() {
        out.push_str(&form);
        if space {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// The gold segmentation of a document.
fn gold_segmentation(sentences: &[ConlluSentence]) -> Segmentation {
    let mut seg = Segmentation::default();
    for s in sentences {
        let start = seg.characters.len();
        let offset = seg.words.len();
        for (form, first, last, _) in s.tokens() {
            let words: Vec<WordInfo> = s.words[first..=last]
                .iter()
                .map(|w| WordInfo {
                    form: &w.form,
                    upos: &w.upos,
                    head: (w.head > 0).then(|| offset + w.head - 1),
                    deprel: &w.deprel,
                })
                .collect();
            seg.push_token(&form, &words);
        }
        seg.sentences.push(CharSpan {
            start,
            end: seg.characters.len(),
        });
    }
    seg
}

/// The system segmentation of a segmented document.
fn system_segmentation(doc: &Document) -> Segmentation {
    let mut seg = Segmentation::default();
    let mut sentence = 0;
    let mut sentence_start = 0;
    for token in &doc.tokens {
        let first = doc.words.get(token.words.start as usize);
        if let Some(w) = first
            && w.sentence != sentence
        {
            seg.sentences.push(CharSpan {
                start: sentence_start,
                end: seg.characters.len(),
            });
            sentence = w.sentence;
            sentence_start = seg.characters.len();
        }
        let words: Vec<WordInfo> = doc.words[token.words.start as usize..token.words.end as usize]
            .iter()
            .map(|w| WordInfo {
                form: doc.slice(w.span),
                upos: w.upos.as_deref().unwrap_or(""),
                head: w.head.map(|h| h as usize),
                deprel: w.deprel.as_deref().unwrap_or(""),
            })
            .collect();
        seg.push_token(doc.slice(token.span), &words);
    }
    if !doc.tokens.is_empty() {
        seg.sentences.push(CharSpan {
            start: sentence_start,
            end: seg.characters.len(),
        });
    }
    seg
}

/// Segments one document (its CoNLL-U sentences) and scores it. `file` names the source in
/// errors; the only error is gold text that does not match its tokens.
///
/// With `models`, the segmented text is also tagged and parsed and UPOS and LAS are scored.
pub fn score_document(
    sentences: &[ConlluSentence],
    models: Option<&Models>,
    file: &str,
) -> Result<SegmentScores> {
    let paragraphs = paragraphs(sentences);
    let mut doc = Document::from_blocks(
        ArticleMeta::default(),
        paragraphs
            .iter()
            .map(|p| (BlockKind::Paragraph, p.as_str())),
    );
    segment(&mut doc);
    if let Some(models) = models {
        annotate_document(models, &mut doc);
    }
    let gold = gold_segmentation(sentences);
    let system = system_segmentation(&doc);
    if gold.characters != system.characters {
        let at = gold
            .characters
            .iter()
            .zip(&system.characters)
            .take_while(|(a, b)| a == b)
            .count();
        let line = sentences.first().map_or(0, |s| s.line);
        let show = |c: &[char]| c.iter().skip(at).take(20).collect::<String>();
        return Err(Error::Malformed(
            Location::line(file, line),
            format!(
                "the document's text differs from its tokens: gold {:?}, text {:?}",
                show(&gold.characters),
                show(&system.characters)
            ),
        ));
    }
    let pairs = align_words(&gold.words, &system.words);
    let count = |correct: usize| Counts {
        gold: gold.words.len(),
        system: system.words.len(),
        correct,
    };
    // UPOS and LAS count only when the text was tagged and parsed.
    let (upos, las) = match models {
        None => (Counts::default(), Counts::default()),
        Some(_) => {
            let mut gold_to_system = vec![None; gold.words.len()];
            for &(g, s) in &pairs {
                gold_to_system[g] = Some(s);
            }
            let (mut upos, mut las) = (0, 0);
            for &(g, s) in &pairs {
                let (gw, sw) = (&gold.words[g], &system.words[s]);
                upos += usize::from(gw.upos == sw.upos);
                let head_ok = match (gw.head, sw.head) {
                    (None, None) => true,
                    (Some(gh), Some(sh)) => gold_to_system[gh] == Some(sh),
                    _ => false,
                };
                las += usize::from(head_ok && gw.deprel == sw.deprel);
            }
            (count(upos), count(las))
        }
    };
    Ok(SegmentScores {
        documents: 1,
        tokens: spans_score(&gold.tokens, &system.tokens),
        words: count(pairs.len()),
        sentences: spans_score(&gold.sentences, &system.sentences),
        upos,
        las,
    })
}

/// Segments and scores every document of a treebank file (optionally only those whose id
/// starts with `prefix`).
pub fn score_treebank(
    sentences: &[ConlluSentence],
    prefix: Option<&str>,
    models: Option<&Models>,
    file: &str,
) -> Result<SegmentScores> {
    let mut total = SegmentScores::default();
    for doc in documents(sentences, prefix) {
        total.add(&score_document(doc, models, file)?);
    }
    Ok(total)
}

/// Counts spans that match exactly, walking both sorted lists as the shared task does.
fn spans_score(gold: &[CharSpan], system: &[CharSpan]) -> Counts {
    let (mut gi, mut si, mut correct) = (0, 0, 0);
    while gi < gold.len() && si < system.len() {
        if system[si].start < gold[gi].start {
            si += 1;
        } else if gold[gi].start < system[si].start {
            gi += 1;
        } else {
            correct += usize::from(gold[gi].end == system[si].end);
            gi += 1;
            si += 1;
        }
    }
    Counts {
        gold: gold.len(),
        system: system.len(),
        correct,
    }
}

/// True when word `i` lies past the end of a multiword span.
fn beyond_end(words: &[AlignWord], i: usize, end: usize) -> bool {
    match words.get(i) {
        None => true,
        Some(w) if w.multiword => w.span.start >= end,
        Some(w) => w.span.end > end,
    }
}

/// Extends a multiword span's end to cover a multiword token.
fn extend_end(word: &AlignWord, end: usize) -> usize {
    if word.multiword && word.span.end > end {
        word.span.end
    } else {
        end
    }
}

/// Finds the minimal stretch of words around a multiword token on either side: returns the
/// gold and system start indexes and the indexes just past it.
fn find_multiword_span(
    gold: &[AlignWord],
    system: &[AlignWord],
    mut gi: usize,
    mut si: usize,
) -> (usize, usize, usize, usize) {
    let mut end;
    if gold[gi].multiword {
        end = gold[gi].span.end;
        if !system[si].multiword && system[si].span.start < gold[gi].span.start {
            si += 1;
        }
    } else {
        end = system[si].span.end;
        if !gold[gi].multiword && gold[gi].span.start < system[si].span.start {
            gi += 1;
        }
    }
    let (gs, ss) = (gi, si);
    while !beyond_end(gold, gi, end) || !beyond_end(system, si, end) {
        if gi < gold.len() && (si >= system.len() || gold[gi].span.start <= system[si].span.start) {
            end = extend_end(&gold[gi], end);
            gi += 1;
        } else {
            end = extend_end(&system[si], end);
            si += 1;
        }
    }
    (gs, ss, gi, si)
}

/// Aligns gold and system words as `conll18_ud_eval.py` does: the (gold, system) index pairs.
fn align_words(gold: &[AlignWord], system: &[AlignWord]) -> Vec<(usize, usize)> {
    let mut aligned = Vec::new();
    let (mut gi, mut si) = (0, 0);
    while gi < gold.len() && si < system.len() {
        if gold[gi].multiword || system[si].multiword {
            let (gs, ss, ge, se) = find_multiword_span(gold, system, gi, si);
            gi = ge;
            si = se;
            if ge > gs && se > ss {
                for (g, s) in lcs_aligned(&gold[gs..ge], &system[ss..se]) {
                    aligned.push((gs + g, ss + s));
                }
            }
        } else if gold[gi].span == system[si].span {
            aligned.push((gi, si));
            gi += 1;
            si += 1;
        } else if gold[gi].span.start <= system[si].span.start {
            gi += 1;
        } else {
            si += 1;
        }
    }
    aligned
}

/// The words the shared task aligns inside one multiword stretch (index pairs within it): it
/// walks the longest-common-subsequence table of the forms greedily, as the script does.
fn lcs_aligned(gold: &[AlignWord], system: &[AlignWord]) -> Vec<(usize, usize)> {
    let (g_len, s_len) = (gold.len(), system.len());
    let mut lcs = vec![vec![0usize; s_len + 1]; g_len + 1];
    for g in (0..g_len).rev() {
        for s in (0..s_len).rev() {
            let mut v = if gold[g].form == system[s].form {
                1 + lcs[g + 1][s + 1]
            } else {
                0
            };
            v = v.max(lcs[g + 1][s]).max(lcs[g][s + 1]);
            lcs[g][s] = v;
        }
    }
    let (mut g, mut s, mut aligned) = (0, 0, Vec::new());
    while g < g_len && s < s_len {
        if gold[g].form == system[s].form {
            aligned.push((g, s));
            g += 1;
            s += 1;
        } else if lcs[g][s] == lcs[g + 1][s] {
            g += 1;
        } else {
            s += 1;
        }
    }
    aligned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse;

    /// Builds a CoNLL-U sentence line block from `(id, form, misc)` rows.
    fn sentence(comments: &[&str], rows: &[(&str, &str, &str)]) -> String {
        let mut out = String::new();
        for c in comments {
            out.push_str(&format!("# {c}\n"));
        }
        for (id, form, misc) in rows {
            out.push_str(&format!("{id}\t{form}\t_\t_\t_\t_\t0\t_\t_\t{misc}\n"));
        }
        out.push('\n');
        out
    }

    /// Scores a treebank text and renders the counts as `tokens g/s/c words g/s/c sentences
    /// g/s/c`.
    fn check(conllu: &str, expected: &str) {
        let sentences = parse(conllu, "test").unwrap();
        let s = score_treebank(&sentences, None, None, "test").unwrap();
        let render = |c: Counts| format!("{}/{}/{}", c.gold, c.system, c.correct);
        let got = format!(
            "tokens {} words {} sentences {}",
            render(s.tokens),
            render(s.words),
            render(s.sentences)
        );
        assert_eq!(got, expected);
    }

    /// A treebank whose gold annotation is the embedded models' own analysis of two
    /// sentences we wrote, with `change` applied to each (word index, analysis).
    fn own_analysis(change: impl Fn(usize, &mut crate::parse::Analysis)) -> String {
        let models = crate::parse::model::embedded().unwrap();
        let mut out = String::from("# newdoc id = own\n");
        for text in [
            "The minister met the envoy on Monday .",
            "Talks resumed in Geneva .",
        ] {
            let forms: Vec<&str> = text.split(' ').collect();
            out.push_str(&format!("# text = {}\n", text.replace(" .", ".")));
            for (i, mut a) in models.annotate(&forms).into_iter().enumerate() {
                change(i, &mut a);
                let space = if forms.get(i + 1) == Some(&".") {
                    "SpaceAfter=No"
                } else {
                    "_"
                };
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{space}\n",
                    i + 1,
                    forms[i],
                    a.lemma,
                    a.upos,
                    a.xpos,
                    a.head,
                    a.deprel
                ));
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn raw_text_upos_and_las_count_aligned_words() {
        let models = crate::parse::model::embedded().unwrap();
        let score = |conllu: &str| {
            let sentences = parse(conllu, "own").unwrap();
            score_treebank(&sentences, None, Some(models), "own").unwrap()
        };
        // The models agree with themselves on text they segment the same way.
        let same = score(&own_analysis(|_, _| {}));
        assert_eq!(same.words.correct, 13);
        assert_eq!((same.upos.correct, same.las.correct), (13, 13));
        // In each sentence, the second word's gold head moved (to a word that is not the
        // predicted head) and the first word's relation subtyped: each head costs LAS one
        // word; a subtype costs nothing.
        let changed = score(&own_analysis(|i, a| {
            if i == 1 {
                a.head = if a.head == 3 { 4 } else { 3 };
            }
            if i == 0 {
                a.deprel.push_str(":sub");
            }
        }));
        assert_eq!((changed.upos.correct, changed.las.correct), (13, 11));
        // Without models, nothing is tagged or scored.
        let sentences = parse(&own_analysis(|_, _| {}), "own").unwrap();
        let plain = score_treebank(&sentences, None, None, "own").unwrap();
        assert_eq!(
            (plain.upos, plain.las),
            (Counts::default(), Counts::default())
        );
    }

    #[test]
    fn perfect_segmentation_scores_full_marks() {
        let text = sentence(
            &["newdoc id = d1", "newpar", "text = I don't know."],
            &[
                ("1", "I", "_"),
                ("2-3", "don't", "_"),
                ("2", "do", "_"),
                ("3", "n't", "_"),
                ("4", "know", "SpaceAfter=No"),
                ("5", ".", "_"),
            ],
        ) + &sentence(
            &["text = Fine."],
            &[("1", "Fine", "SpaceAfter=No"), ("2", ".", "_")],
        );
        check(&text, "tokens 6/6/6 words 7/7/7 sentences 2/2/2");
    }

    #[test]
    fn errors_are_counted_as_the_shared_task_does() {
        // Gold splits `gonna` differently from the system (`gon` `na`) and has one sentence
        // where the system finds two.
        let text = sentence(
            &["newdoc id = d1", "text = We gonna go. Ok"],
            &[
                ("1", "We", "_"),
                ("2-3", "gonna", "_"),
                ("2", "going", "_"),
                ("3", "to", "_"),
                ("4", "go", "SpaceAfter=No"),
                ("5", ".", "_"),
                ("6", "Ok", "_"),
            ],
        );
        check(&text, "tokens 5/5/5 words 6/6/4 sentences 1/2/0");
    }

    #[test]
    fn documents_filter_by_prefix() {
        let text = sentence(&["newdoc id = GUM_news_a", "text = A"], &[("1", "A", "_")])
            + &sentence(&["newdoc id = GUM_bio_b", "text = B"], &[("1", "B", "_")]);
        let sentences = parse(&text, "t").unwrap();
        assert_eq!(documents(&sentences, Some("GUM_news_")).len(), 1);
        assert_eq!(documents(&sentences, None).len(), 2);
    }

    #[test]
    fn mismatched_text_is_an_error() {
        let text = sentence(&["text = Hello"], &[("1", "Help", "_")]);
        let sentences = parse(&text, "t.conllu").unwrap();
        let err = score_treebank(&sentences, None, None, "t.conllu").unwrap_err();
        assert!(err.to_string().contains("differs"), "{err}");
    }
}
