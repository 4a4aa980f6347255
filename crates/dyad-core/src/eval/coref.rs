//! Coreference evaluation against GUM's entity annotation: MUC, B³, CEAFe and
//! pronoun-antecedent accuracy.
//!
//! GUM marks entity mentions in the CoNLL-U MISC column, CoNLL-2012 bracket style:
//! `Entity=(7-person-acc:inf-sssss-cf1-1,2-coref` opens a mention of entity 7 (type person) on
//! a word, `7)` closes it, and `(5-time-...)` is a one-word mention. The key is every chain of
//! a person, place or organisation with two mentions or more (no singletons). The system reads
//! the documents' raw text through the pipeline; a system mention matches the smallest gold
//! mention whose head word it covers and whose words contain it. This module parses and
//! scores; the binary reads the files.

use std::collections::{HashMap, HashSet};

use crate::conllu::{self, ConlluSentence};
use crate::document::{ArticleMeta, BlockKind, Document, EntityType, Span};
use crate::error::Result;

/// The GUM entity types that are scored.
const TYPES: &[&str] = &["person", "place", "organization"];

/// Third-person pronouns scored for pronoun-antecedent accuracy.
const PRONOUNS: &[&str] = &[
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
];

/// One gold mention: a run of the document's words (global indexes, inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    /// First word.
    pub first: usize,
    /// Last word.
    pub last: usize,
    /// The head word: the first word whose head lies outside the mention.
    pub head: usize,
    /// The entity (chain) id.
    pub chain: String,
    /// The GUM entity type (`person`, `place`, ...).
    pub kind: String,
}

/// One GUM document with its gold mentions.
#[derive(Debug, Clone)]
pub struct GumDocument {
    /// The `newdoc id`.
    pub id: String,
    /// Its sentences.
    pub sentences: Vec<ConlluSentence>,
    /// Every gold mention, of every type.
    pub mentions: Vec<GoldMention>,
}

/// The documents of a GUM CoNLL-U file whose id starts with `prefix`.
pub fn read_gum(text: &str, file: &str, prefix: &str) -> Result<Vec<GumDocument>> {
    let sentences = conllu::parse(text, file)?;
    let mut docs: Vec<GumDocument> = Vec::new();
    for s in sentences {
        if let Some(c) = s.comments.iter().find(|c| c.starts_with("newdoc")) {
            let id = c
                .split_once('=')
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default();
            docs.push(GumDocument {
                id,
                sentences: Vec::new(),
                mentions: Vec::new(),
            });
        }
        if let Some(d) = docs.last_mut() {
            d.sentences.push(s);
        }
    }
    docs.retain(|d| d.id.starts_with(prefix));
    for d in &mut docs {
        d.mentions = gold_mentions(&d.sentences);
    }
    Ok(docs)
}

/// The mentions of `Entity=` annotations, over the document's words numbered globally.
fn gold_mentions(sentences: &[ConlluSentence]) -> Vec<GoldMention> {
    let mut out = Vec::new();
    let mut offset = 0;
    for s in sentences {
        // Open mentions by entity id: (first word, type).
        let mut open: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for (i, w) in s.words.iter().enumerate() {
            let global = offset + i;
            let Some(value) = w.misc.split('|').find_map(|x| x.strip_prefix("Entity=")) else {
                continue;
            };
            let mut rest = value;
            while !rest.is_empty() {
                if let Some(after) = rest.strip_prefix('(') {
                    let end = after.find(['(', ')']).unwrap_or(after.len());
                    let body = &after[..end];
                    let mut parts = body.split('-');
                    let id = parts.next().unwrap_or("").to_string();
                    let kind = parts.next().unwrap_or("").to_string();
                    if after[end..].starts_with(')') {
                        out.push(mention(s, offset, global, global, id, kind));
                        rest = &after[(end + 1).min(after.len())..];
                    } else {
                        open.entry(id).or_default().push((global, kind));
                        rest = &after[end..];
                    }
                } else {
                    let end = rest.find(')').unwrap_or(rest.len());
                    let id = &rest[..end];
                    if let Some((first, kind)) = open.get_mut(id).and_then(Vec::pop) {
                        out.push(mention(s, offset, first, global, id.to_string(), kind));
                    }
                    rest = &rest[(end + 1).min(rest.len())..];
                }
            }
        }
        offset += s.words.len();
    }
    out.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
    out
}

fn mention(
    s: &ConlluSentence,
    offset: usize,
    first: usize,
    last: usize,
    chain: String,
    kind: String,
) -> GoldMention {
    let head = (first..=last)
        .find(|&g| {
            let h = s.words.get(g - offset).map_or(0, |w| w.head);
            h == 0 || h - 1 + offset < first || h - 1 + offset > last
        })
        .unwrap_or(last);
    GoldMention {
        first,
        last,
        head,
        chain,
        kind,
    }
}

/// The document's text as paragraphs, for the pipeline, and the byte span of every word.
pub fn system_document(gum: &GumDocument) -> (Document, Vec<Span>) {
    let mut paragraphs: Vec<String> = Vec::new();
    for (i, s) in gum.sentences.iter().enumerate() {
        let text = s.comment("text").map(str::to_string).unwrap_or_else(|| {
            s.tokens()
                .iter()
                .map(|t| t.0.clone())
                .collect::<Vec<_>>()
                .join(" ")
        });
        if i == 0 || s.has_comment("newpar") {
            paragraphs.push(text);
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(' ');
            p.push_str(&text);
        }
    }
    let published = gum.sentences.first().and_then(|s| {
        s.comments.iter().find_map(|c| {
            c.strip_prefix("meta::dateCreated")
                .and_then(|v| v.split_once('='))
                .map(|(_, v)| v.trim().to_string())
        })
    });
    let meta = ArticleMeta {
        published,
        ..ArticleMeta::default()
    };
    let doc = Document::from_blocks(
        meta,
        paragraphs
            .iter()
            .map(|p| (BlockKind::Paragraph, p.as_str())),
    );
    // Each gold token found in order in the text; the words of a multiword token share it.
    let mut spans = Vec::new();
    let mut cursor = 0;
    for s in &gum.sentences {
        for (form, first, last, _) in s.tokens() {
            let at = doc
                .text
                .get(cursor..)
                .and_then(|rest| rest.find(form.as_str()))
                .map(|i| cursor + i);
            let span = match at {
                Some(start) => {
                    cursor = start + form.len();
                    Span::new(start, cursor)
                }
                None => Span::new(cursor, cursor),
            };
            for _ in first..=last {
                spans.push(span);
            }
        }
    }
    (doc, spans)
}

/// Precision, recall and F1 of one metric, from summed numerators and denominators.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Precision numerator.
    pub p_num: f64,
    /// Precision denominator.
    pub p_den: f64,
    /// Recall numerator.
    pub r_num: f64,
    /// Recall denominator.
    pub r_den: f64,
}

impl Prf {
    /// Precision.
    pub fn precision(&self) -> f64 {
        if self.p_den > 0.0 {
            self.p_num / self.p_den
        } else {
            0.0
        }
    }

    /// Recall.
    pub fn recall(&self) -> f64 {
        if self.r_den > 0.0 {
            self.r_num / self.r_den
        } else {
            0.0
        }
    }

    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    fn add(&mut self, o: Prf) {
        self.p_num += o.p_num;
        self.p_den += o.p_den;
        self.r_num += o.r_num;
        self.r_den += o.r_den;
    }
}

/// The figures of a coreference evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorefScores {
    /// Documents scored.
    pub documents: usize,
    /// Gold chains and their mentions.
    pub key_chains: usize,
    /// Gold mentions in those chains.
    pub key_mentions: usize,
    /// System chains (two mentions or more).
    pub response_chains: usize,
    /// MUC.
    pub muc: Prf,
    /// B³.
    pub b3: Prf,
    /// CEAFe.
    pub ceafe: Prf,
    /// Gold third-person pronouns with an earlier mention in their chain.
    pub pronouns: usize,
    /// Of those, how many the system linked to an earlier mention of the same chain.
    pub pronouns_right: usize,
    /// Of those, how many the system linked to anything.
    pub pronouns_linked: usize,
}

impl CorefScores {
    /// Pronoun-antecedent accuracy.
    pub fn pronoun_accuracy(&self) -> f64 {
        if self.pronouns > 0 {
            self.pronouns_right as f64 / self.pronouns as f64
        } else {
            0.0
        }
    }
}

/// A chain: the ids of its mentions.
type Chain = Vec<usize>;

/// Scores the system's entities of one coded document against its gold mentions.
/// `word_spans` are the byte spans of the gold words in `doc.text`.
pub fn score_document(
    gum: &GumDocument,
    doc: &Document,
    word_spans: &[Span],
    scores: &mut CorefScores,
) {
    // The key: chains of the scored types with two mentions or more.
    let mut by_chain: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, m) in gum.mentions.iter().enumerate() {
        if TYPES.contains(&m.kind.as_str()) {
            by_chain.entry(m.chain.as_str()).or_default().push(i);
        }
    }
    let mut key: Vec<Chain> = by_chain.into_values().filter(|c| c.len() >= 2).collect();
    key.sort();
    // System mentions → gold mention ids (unmatched ones get fresh ids past the gold ones).
    let mut fresh = gum.mentions.len();
    let mut span_count: HashMap<Span, usize> = HashMap::new();
    for e in &doc.entities {
        for m in &e.mentions {
            *span_count.entry(*m).or_default() += 1;
        }
    }
    let mut response: Vec<Chain> = Vec::new();
    let mut used: HashSet<usize> = HashSet::new();
    for e in &doc.entities {
        if matches!(
            e.kind,
            EntityType::Norp | EntityType::Event | EntityType::Other
        ) {
            continue;
        }
        let mut chain = Vec::new();
        for m in &e.mentions {
            if span_count.get(m).copied().unwrap_or(0) > 1 {
                continue;
            }
            match match_gold(gum, word_spans, *m).filter(|g| !used.contains(g)) {
                Some(g) => {
                    used.insert(g);
                    chain.push(g);
                }
                None => {
                    chain.push(fresh);
                    fresh += 1;
                }
            }
        }
        if chain.len() >= 2 {
            response.push(chain);
        }
    }
    scores.documents += 1;
    scores.key_chains += key.len();
    scores.key_mentions += key.iter().map(Vec::len).sum::<usize>();
    scores.response_chains += response.len();
    scores.muc.add(muc(&key, &response));
    scores.b3.add(b_cubed(&key, &response));
    scores.ceafe.add(ceafe(&key, &response));
    // Pronouns: an earlier mention of the same gold chain in the pronoun's system chain.
    let words: Vec<&crate::conllu::ConlluWord> =
        gum.sentences.iter().flat_map(|s| s.words.iter()).collect();
    let response_of: HashMap<usize, usize> = response
        .iter()
        .enumerate()
        .flat_map(|(i, c)| c.iter().map(move |&m| (m, i)))
        .collect();
    for chain in &key {
        for (k, &m) in chain.iter().enumerate() {
            let g = &gum.mentions[m];
            let form = words.get(g.first).map(|w| w.form.to_lowercase());
            if g.first != g.last || k == 0 || !form.is_some_and(|f| PRONOUNS.contains(&f.as_str()))
            {
                continue;
            }
            scores.pronouns += 1;
            if let Some(&r) = response_of.get(&m) {
                scores.pronouns_linked += 1;
                if response[r].iter().any(|&o| chain[..k].contains(&o)) {
                    scores.pronouns_right += 1;
                }
            }
        }
    }
}

/// The gold mention a system span stands for: the smallest whose head word it covers and
/// whose words contain it.
fn match_gold(gum: &GumDocument, word_spans: &[Span], span: Span) -> Option<usize> {
    let covered = |w: usize| {
        word_spans
            .get(w)
            .is_some_and(|s| span.start <= s.start && s.end <= span.end && !s.is_empty())
    };
    let inside = |m: &GoldMention| {
        let start = word_spans.get(m.first).map_or(usize::MAX, |s| s.start);
        let end = word_spans.get(m.last).map_or(0, |s| s.end);
        start <= span.start && span.end <= end
    };
    gum.mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| covered(m.head) && inside(m))
        .min_by_key(|(_, m)| m.last - m.first)
        .map(|(i, _)| i)
}

/// MUC: links kept, over the key's (recall) and the response's (precision) links.
fn muc(key: &[Chain], response: &[Chain]) -> Prf {
    let side = |a: &[Chain], b: &[Chain]| -> (f64, f64) {
        let of: HashMap<usize, usize> = b
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.iter().map(move |&m| (m, i)))
            .collect();
        let mut num = 0.0;
        let mut den = 0.0;
        for chain in a {
            let mut parts: HashSet<Option<usize>> = HashSet::new();
            let mut alone = 0usize;
            for m in chain {
                match of.get(m) {
                    Some(&i) => {
                        parts.insert(Some(i));
                    }
                    None => alone += 1,
                }
            }
            num += (chain.len() - parts.len() - alone) as f64;
            den += (chain.len() - 1) as f64;
        }
        (num, den)
    };
    both_ways(key, response, side)
}

/// A measure that scores one side against the other: recall is the key against the
/// response, precision the response against the key.
fn both_ways(
    key: &[Chain],
    response: &[Chain],
    side: impl Fn(&[Chain], &[Chain]) -> (f64, f64),
) -> Prf {
    let (r_num, r_den) = side(key, response);
    let (p_num, p_den) = side(response, key);
    Prf {
        p_num,
        p_den,
        r_num,
        r_den,
    }
}

/// B³: per mention, the overlap of its key and response chains.
fn b_cubed(key: &[Chain], response: &[Chain]) -> Prf {
    let side = |a: &[Chain], b: &[Chain]| -> (f64, f64) {
        let of: HashMap<usize, &Chain> = b
            .iter()
            .flat_map(|c| c.iter().map(move |&m| (m, c)))
            .collect();
        let mut num = 0.0;
        let mut den = 0.0;
        for chain in a {
            for m in chain {
                let overlap = match of.get(m) {
                    Some(other) => other.iter().filter(|x| chain.contains(x)).count(),
                    None => 1,
                };
                num += overlap as f64 / chain.len() as f64;
                den += 1.0;
            }
        }
        (num, den)
    };
    both_ways(key, response, side)
}

/// CEAFe: the best one-to-one alignment of key and response chains by φ4 similarity.
fn ceafe(key: &[Chain], response: &[Chain]) -> Prf {
    let phi = |a: &Chain, b: &Chain| {
        let common = a.iter().filter(|x| b.contains(x)).count();
        2.0 * common as f64 / (a.len() + b.len()) as f64
    };
    let weights: Vec<Vec<f64>> = key
        .iter()
        .map(|k| response.iter().map(|r| phi(k, r)).collect())
        .collect();
    let total = max_assignment(&weights);
    Prf {
        p_num: total,
        p_den: response.len() as f64,
        r_num: total,
        r_den: key.len() as f64,
    }
}

/// The largest total weight of a one-to-one assignment of rows to columns (Hungarian
/// method on the negated weights, padded to a square).
fn max_assignment(weights: &[Vec<f64>]) -> f64 {
    let rows = weights.len();
    let cols = weights.first().map_or(0, Vec::len);
    let n = rows.max(cols);
    if n == 0 {
        return 0.0;
    }
    let cost = |i: usize, j: usize| -> f64 {
        -weights
            .get(i)
            .and_then(|r| r.get(j))
            .copied()
            .unwrap_or(0.0)
    };
    // Potentials u (rows), v (columns), and the row matched to each column (1-based).
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; n + 1];
    let mut matched = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        matched[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = matched[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[matched[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if matched[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            matched[j0] = matched[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=n)
        .filter(|&j| matched[j] > 0)
        .map(|j| -cost(matched[j] - 1, j - 1))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_response_scores_one() {
        let key = vec![vec![0, 1, 2], vec![3, 4]];
        for prf in [muc(&key, &key), b_cubed(&key, &key), ceafe(&key, &key)] {
            assert!((prf.f1() - 1.0).abs() < 1e-9, "{prf:?}");
        }
    }

    #[test]
    fn muc_counts_missing_links() {
        // Key {a b c d}; response {a b} {c d}: 2 of 3 key links, 2 of 2 response links.
        let prf = muc(&[vec![0, 1, 2, 3]], &[vec![0, 1], vec![2, 3]]);
        assert!((prf.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert!((prf.precision() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn b_cubed_and_ceafe_of_a_split_chain() {
        let key = vec![vec![0, 1, 2, 3]];
        let response = vec![vec![0, 1], vec![2, 3]];
        let b3 = b_cubed(&key, &response);
        assert!((b3.recall() - 0.5).abs() < 1e-9);
        assert!((b3.precision() - 1.0).abs() < 1e-9);
        // φ4 of the best pair is 2·2/(4+2) = 2/3; one key chain, two response chains.
        let ce = ceafe(&key, &response);
        assert!((ce.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert!((ce.precision() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn the_assignment_is_optimal() {
        let w = vec![vec![0.9, 0.8], vec![0.85, 0.1]];
        assert!((max_assignment(&w) - 1.65).abs() < 1e-9);
    }

    #[test]
    fn entity_brackets_are_read() {
        let text = "# newdoc id = GUM_news_x\n# text = Ann saw her dog.\n\
1\tAnn\tAnn\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-new-x-cf1-1-coref)\n\
2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\ther\tshe\tPRON\tPRP$\t_\t4\tnmod:poss\t_\tEntity=(2-animal-new-x-cf2-2-coref(1-person-giv-x-cf1-1-ana)\n\
4\tdog\tdog\tNOUN\tNN\t_\t2\tobj\t_\tEntity=2)|SpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
        let docs = read_gum(text, "t.conllu", "GUM_news_").unwrap();
        let m: Vec<(usize, usize, &str, &str)> = docs[0]
            .mentions
            .iter()
            .map(|m| (m.first, m.last, m.chain.as_str(), m.kind.as_str()))
            .collect();
        assert_eq!(
            m,
            [
                (0, 0, "1", "person"),
                (2, 3, "2", "animal"),
                (2, 2, "1", "person")
            ]
        );
        assert_eq!(docs[0].mentions[1].head, 3);
        let (doc, spans) = system_document(&docs[0]);
        assert_eq!(doc.slice(spans[3]), "dog");
    }
}
