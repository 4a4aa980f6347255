//! The statistical part of the entity tagger: a first-order structured perceptron over BILOU
//! labels with Viterbi decoding, its training, and its binary file format.
//!
//! Labels are `O` and `B`/`I`/`L`/`U` for each entity type the model was trained with (UNER
//! gives PER, ORG and LOC). Decoding only considers label sequences where each label validly
//! continues the previous one, so every output is a well-formed set of spans. Training
//! averages the weights over updates, then over several runs with different shuffles, and
//! tunes the label prior on the dev set. The file format is a header, the
//! sorted feature ids, the quantised weights and an FNV checksum; a damaged file is an
//! [`Error::Malformed`], never a panic. Finer types (GPE, NORP, FAC, EVENT) are the rules'
//! job ([`super::rules`]), not this module's.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{self, FEATURE_SET, SentenceView};
use super::gazetteer::Gazetteer;
use super::rules::{self, TypedSpan};
use crate::error::{Error, Location, Result};

const MAGIC: &[u8; 8] = b"DYADNER\x01";
/// The label index standing for "before the sentence" in history features.
const START: u8 = 255;

/// A span of words `[start, end)` with the index of its type in [`Model::types`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSpan {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The type's index.
    pub kind: usize,
}

/// A trained entity tagger.
#[derive(Debug, Clone)]
pub struct Model {
    types: Vec<String>,
    keys: Vec<u64>,
    /// `keys.len() × labels` quantised weights.
    weights: Vec<i16>,
    /// Feature id → its row: built once from `keys`, because a hash probe per feature is
    /// several times cheaper than the binary search it replaces (the entity stage scores
    /// every feature of every word for every label).
    index: HashMap<u64, u32, BuildHasherDefault<IdHasher>>,
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.types == other.types && self.keys == other.keys && self.weights == other.weights
    }
}

impl Model {
    /// A model from its sorted feature ids and their rows of weights.
    fn new(types: Vec<String>, keys: Vec<u64>, weights: Vec<i16>) -> Model {
        let index = keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        Model {
            types,
            keys,
            weights,
            index,
        }
    }
}

/// What the decoder needs from a set of weights: add a feature's weights to the scores.
trait Scorer {
    fn add(&self, feature: u64, scores: &mut [f32]);
}

impl Scorer for Model {
    fn add(&self, feature: u64, scores: &mut [f32]) {
        if let Some(&i) = self.index.get(&feature) {
            let i = i as usize;
            let row = &self.weights[i * scores.len()..(i + 1) * scores.len()];
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += f32::from(w);
            }
        }
    }
}

/// Labels: 0 is `O`; type `t` has `B` = 1 + 4t, `I` = 2 + 4t, `L` = 3 + 4t, `U` = 4 + 4t.
fn label_count(types: usize) -> usize {
    1 + 4 * types
}

fn part(label: u8) -> u8 {
    if label == 0 || label == START {
        0
    } else {
        (label - 1) % 4
    }
}

fn type_of(label: u8) -> usize {
    (label as usize - 1) / 4
}

/// True when `label` may follow `prev`, and (at the last word) may end the sentence.
fn allowed(prev: u8, label: u8, last: bool) -> bool {
    let open = prev != 0 && prev != START && matches!(part(prev), 0 | 1); // after B or I
    let continues = label != 0 && matches!(part(label), 1 | 2); // I or L
    let ends = label == 0 || matches!(part(label), 2 | 3); // O, L or U
    if open {
        continues && type_of(label) == type_of(prev) && (!last || ends)
    } else {
        !continues && (!last || ends)
    }
}

/// The features of word `i` when the previous word has label `prev`: its static features
/// and its history features.
fn word_features(
    view: &SentenceView,
    statics: &[Vec<u64>],
    i: usize,
    prev: u8,
    out: &mut Vec<u64>,
) {
    out.clear();
    out.extend_from_slice(&statics[i]);
    features::history_features(view, i, prev, out);
}

/// Viterbi decoding over first-order label sequences; returns one label per word. Only valid
/// BILOU sequences are considered.
fn decode(
    scorer: &dyn Scorer,
    labels: usize,
    view: &SentenceView,
    statics: &[Vec<u64>],
) -> Vec<u8> {
    let n = statics.len();
    if n == 0 {
        return Vec::new();
    }
    let mut static_scores = vec![0f32; labels];
    let mut step = vec![0f32; labels];
    let mut history = Vec::new();
    // best[i * labels + l]: the best score of a sequence ending in label l at word i.
    let mut best = vec![f32::NEG_INFINITY; n * labels];
    let mut back = vec![0u8; n * labels];
    for i in 0..n {
        static_scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in &statics[i] {
            scorer.add(f, &mut static_scores);
        }
        let last = i + 1 == n;
        let prevs: Vec<u8> = if i == 0 {
            vec![START]
        } else {
            (0..labels as u8)
                .filter(|&p| best[(i - 1) * labels + p as usize] > f32::NEG_INFINITY)
                .collect()
        };
        for prev in prevs {
            let before = if prev == START {
                0.0
            } else {
                best[(i - 1) * labels + prev as usize]
            };
            history.clear();
            features::history_features(view, i, prev, &mut history);
            step.copy_from_slice(&static_scores);
            for &f in &history {
                scorer.add(f, &mut step);
            }
            for (label, &score) in step.iter().enumerate() {
                if !allowed(prev, label as u8, last) {
                    continue;
                }
                let total = before + score;
                let at = i * labels + label;
                if total > best[at] {
                    best[at] = total;
                    back[at] = prev;
                }
            }
        }
    }
    let mut label = (0..labels)
        .max_by(|&a, &b| {
            best[(n - 1) * labels + a]
                .total_cmp(&best[(n - 1) * labels + b])
                .then(b.cmp(&a))
        })
        .unwrap_or(0) as u8;
    let mut out = vec![0u8; n];
    for i in (0..n).rev() {
        out[i] = label;
        label = back[i * labels + label as usize];
    }
    out
}

/// Turns BILOU labels into word spans.
fn spans_of(labels: &[u8]) -> Vec<WordSpan> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &label) in labels.iter().enumerate() {
        match part(label) {
            _ if label == 0 => {}
            0 => start = i,
            2 => out.push(WordSpan {
                start,
                end: i + 1,
                kind: type_of(label),
            }),
            3 => out.push(WordSpan {
                start: i,
                end: i + 1,
                kind: type_of(label),
            }),
            _ => {}
        }
    }
    out
}

/// Turns spans into BILOU labels (spans of unknown types and overlaps are dropped).
fn labels_of(n: usize, spans: &[WordSpan]) -> Vec<u8> {
    let mut out = vec![0u8; n];
    for s in spans {
        if s.end > n || s.start >= s.end || out[s.start..s.end].iter().any(|&l| l != 0) {
            continue;
        }
        let base = 1 + 4 * s.kind as u8;
        if s.end - s.start == 1 {
            out[s.start] = base + 3;
        } else {
            out[s.start] = base;
            for l in &mut out[s.start + 1..s.end - 1] {
                *l = base + 1;
            }
            out[s.end - 1] = base + 2;
        }
    }
    out
}

impl Model {
    /// The entity types the model knows, in label order (such as `PER`, `ORG`, `LOC`).
    pub fn types(&self) -> &[String] {
        &self.types
    }

    /// How many features the model keeps.
    pub fn feature_count(&self) -> usize {
        self.keys.len()
    }

    /// Finds the entities of one sentence, given as its words.
    pub fn tag(&self, words: &[&str], gazetteer: &Gazetteer) -> Vec<WordSpan> {
        if words.is_empty() {
            return Vec::new();
        }
        let view = SentenceView::new(words);
        let statics = features::static_features(words, &view, gazetteer);
        let labels = decode(self, label_count(self.types.len()), &view, &statics);
        spans_of(&labels)
    }

    /// Writes the model in its binary format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.keys.len() * 8 + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_SET.to_le_bytes());
        out.extend_from_slice(&(self.types.len() as u32).to_le_bytes());
        for t in &self.types {
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        out.extend_from_slice(&(self.keys.len() as u64).to_le_bytes());
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads a model written by [`Model::to_bytes`]; `name` names it in errors.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Model> {
        let bad = |why: &str| Error::Malformed(Location::file(name), format!("NER model: {why}"));
        if bytes.len() < MAGIC.len() + 8 || &bytes[..MAGIC.len()] != MAGIC {
            return Err(bad("not a dyad NER model (bad magic number)"));
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let stored = u64::from_le_bytes(tail.try_into().map_err(|_| bad("truncated"))?);
        if checksum(body) != stored {
            return Err(bad("checksum mismatch (the file is damaged)"));
        }
        let mut r = Reader {
            bytes: body,
            at: MAGIC.len(),
        };
        let set = r.u32().ok_or_else(|| bad("truncated header"))?;
        if set != FEATURE_SET {
            return Err(bad(&format!(
                "feature set {set}, this dyad reads feature set {FEATURE_SET}"
            )));
        }
        let type_count = r.u32().ok_or_else(|| bad("truncated header"))? as usize;
        if type_count == 0 || type_count > 16 {
            return Err(bad("implausible number of entity types"));
        }
        let mut types = Vec::with_capacity(type_count);
        for _ in 0..type_count {
            let len = r.u32().ok_or_else(|| bad("truncated type name"))? as usize;
            let raw = r.take(len).ok_or_else(|| bad("truncated type name"))?;
            types.push(String::from_utf8(raw.to_vec()).map_err(|_| bad("type name is not UTF-8"))?);
        }
        let count = r.u64().ok_or_else(|| bad("truncated header"))? as usize;
        let labels = label_count(type_count);
        let need = count
            .checked_mul(8 + 2 * labels)
            .ok_or_else(|| bad("implausible feature count"))?;
        if r.bytes.len() - r.at != need {
            return Err(bad("the size does not match the feature count"));
        }
        let keys: Vec<u64> = (0..count).filter_map(|_| r.u64()).collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(bad("feature ids are not sorted"));
        }
        let weights: Vec<i16> = (0..count * labels)
            .filter_map(|_| r.take(2).map(|b| i16::from_le_bytes([b[0], b[1]])))
            .collect();
        Ok(Model::new(types, keys, weights))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// One training sentence: its words and its entities (word spans with a type name).
#[derive(Debug, Clone, Default)]
pub struct TrainingSentence {
    /// The words.
    pub words: Vec<String>,
    /// The entities: `[start, end)` word ranges and their type names.
    pub entities: Vec<(usize, usize, String)>,
}

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data; the pass that scores best on the dev set is kept.
    pub epochs: usize,
    /// Seed of the shuffles.
    pub seed: u64,
    /// Every `caps_every`-th training sentence is also given in capitals (0: never), so the
    /// model learns headlines.
    pub caps_every: usize,
    /// Features whose largest averaged weight is below this are dropped.
    pub min_weight: f32,
    /// The share of words whose word-identity features are hidden in each pass (word
    /// dropout), so that context, shape and gazetteer features learn to carry names.
    pub word_dropout: f64,
    /// Independent runs (seeds `seed`, `seed + 1`, ...) whose weights are averaged.
    pub runs: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
            caps_every: 3,
            min_weight: 0.1,
            word_dropout: 0.15,
            runs: 5,
        }
    }
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Averaged weights: one row of label weights per feature id.
type Rows = HashMap<u64, Vec<f32>, BuildHasherDefault<IdHasher>>;

/// A training sentence ready for the passes: its view, static features and gold labels.
type Prepared = (SentenceView, Vec<Vec<u64>>, Vec<u8>);

/// The weights being trained, with the running sums the averaging needs.
struct Training {
    labels: usize,
    index: HashMap<u64, usize, BuildHasherDefault<IdHasher>>,
    weights: Vec<f32>,
    /// Σ (update step × change) per weight: the average is `w - sums / steps`.
    sums: Vec<f64>,
    steps: u64,
}

impl Scorer for Training {
    fn add(&self, feature: u64, scores: &mut [f32]) {
        if let Some(&i) = self.index.get(&feature) {
            let row = &self.weights[i * self.labels..(i + 1) * self.labels];
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
    }
}

impl Training {
    fn update(&mut self, feature: u64, label: u8, change: f32) {
        let labels = self.labels;
        let next = self.index.len();
        let row = *self.index.entry(feature).or_insert(next);
        if row == next {
            self.weights.resize(self.weights.len() + labels, 0.0);
            self.sums.resize(self.sums.len() + labels, 0.0);
        }
        let at = row * labels + label as usize;
        self.weights[at] += change;
        self.sums[at] += self.steps as f64 * f64::from(change);
    }

    /// The averaged weights, one row of label weights per feature.
    fn averaged(&self) -> Rows {
        let labels = self.labels;
        let steps = self.steps.max(1) as f64;
        self.index
            .iter()
            .map(|(&key, &row)| {
                let avg = (0..labels)
                    .map(|l| {
                        let at = row * labels + l;
                        (f64::from(self.weights[at]) - self.sums[at] / steps) as f32
                    })
                    .collect();
                (key, avg)
            })
            .collect()
    }
}

/// The pruned and quantised model from averaged weights.
fn quantise(types: &[String], rows: &Rows, min_weight: f32) -> Model {
    let labels = label_count(types.len());
    let mut kept: Vec<(u64, &Vec<f32>)> = rows
        .iter()
        .filter(|(_, avg)| avg.iter().any(|w| w.abs() >= min_weight))
        .map(|(&key, avg)| (key, avg))
        .collect();
    kept.sort_by_key(|(key, _)| *key);
    let top = kept
        .iter()
        .flat_map(|(_, avg)| avg.iter())
        .fold(0f32, |m, w| m.max(w.abs()));
    let scale = if top > 0.0 { 32767.0 / top } else { 1.0 };
    let mut keys = Vec::with_capacity(kept.len());
    let mut weights = Vec::with_capacity(kept.len() * labels);
    for (key, avg) in kept {
        keys.push(key);
        weights.extend(avg.iter().map(|w| (w * scale).round() as i16));
    }
    Model::new(types.to_vec(), keys, weights)
}

/// A small deterministic random number generator (xorshift64*) for the shuffles.
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Entity-level counts of a model and the rules on a labelled set whose labels are PER, ORG
/// and LOC: (gold, predicted, correct).
pub fn score(
    model: &Model,
    sentences: &[TrainingSentence],
    gazetteer: &Gazetteer,
) -> (usize, usize, usize) {
    let (mut gold, mut system, mut correct) = (0, 0, 0);
    for s in sentences {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let truth: Vec<(usize, usize, &str)> = s
            .entities
            .iter()
            .map(|(start, end, kind)| (*start, *end, kind.as_str()))
            .collect();
        // The spans as the whole stage gives them: the model's, then the rules, scored with
        // the labels of the training data (finer kinds that it lacks are left out).
        let spans: Vec<TypedSpan> = model
            .tag(&words, gazetteer)
            .into_iter()
            .map(|w| TypedSpan {
                start: w.start,
                end: w.end,
                kind: rules::base_kind(&model.types()[w.kind]),
            })
            .collect();
        let found: Vec<(usize, usize, &str)> = rules::apply(&words, &spans, gazetteer)
            .into_iter()
            .filter(|t| !matches!(t.kind.conll_label(), "MISC"))
            .map(|t| (t.start, t.end, t.kind.conll_label()))
            .collect();
        gold += truth.len();
        system += found.len();
        correct += found.iter().filter(|f| truth.contains(f)).count();
    }
    (gold, system, correct)
}

fn to_word_spans(s: &TrainingSentence, types: &[String]) -> Vec<WordSpan> {
    s.entities
        .iter()
        .filter_map(|(start, end, kind)| {
            let kind = types.iter().position(|t| t == kind)?;
            Some(WordSpan {
                start: *start,
                end: *end,
                kind,
            })
        })
        .collect()
}

/// Trains a model. `types` are the entity types to learn (others are ignored); `dev`, when
/// given, picks the best pass. `log` receives one line per pass.
pub fn train(
    types: &[String],
    train: &[TrainingSentence],
    dev: &[TrainingSentence],
    gazetteer: &Gazetteer,
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) -> Model {
    let labels = label_count(types.len());
    // The training material: every sentence, plus some again in capitals.
    let mut examples: Vec<(Vec<String>, Vec<u8>)> = Vec::new();
    for (i, s) in train.iter().enumerate() {
        let gold = labels_of(s.words.len(), &to_word_spans(s, types));
        if options.caps_every > 0 && i % options.caps_every == 0 {
            let caps = s.words.iter().map(|w| w.to_uppercase()).collect();
            examples.push((caps, gold.clone()));
        }
        examples.push((s.words.clone(), gold));
    }
    // Static features never change, so they are computed once.
    let prepared: Vec<Prepared> = examples
        .into_iter()
        .filter(|(words, _)| !words.is_empty())
        .map(|(words, gold)| {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let view = SentenceView::new(&refs);
            let statics = features::static_features(&refs, &view, gazetteer);
            (view, statics, gold)
        })
        .collect();
    // Several runs with different shuffles; their averaged weights are averaged again.
    let runs = options.runs.max(1);
    let mut combined: Rows = HashMap::default();
    for run in 0..runs {
        let seed = options.seed.wrapping_add(run as u64);
        let rows = train_run(labels, types, &prepared, dev, gazetteer, options, seed, log);
        for (key, row) in rows {
            let sum = combined.entry(key).or_insert_with(|| vec![0.0; labels]);
            for (s, w) in sum.iter_mut().zip(row) {
                *s += w / runs as f32;
            }
        }
    }
    if !dev.is_empty() {
        calibrate(types, &mut combined, dev, gazetteer, options, log);
    }
    let model = quantise(types, &combined, options.min_weight);
    if runs > 1 && !dev.is_empty() {
        let (gold, system, correct) = score(&model, dev, gazetteer);
        let f1 = 2.0 * correct as f64 / (gold + system).max(1) as f64;
        log(&format!(
            "{runs} runs combined: {} features; dev F1 {f1:.4}",
            model.feature_count()
        ));
    }
    model
}

/// Tunes the label prior on the dev set: how much less likely `O` is than the perceptron
/// says, then how much more likely each type is to begin a name. A perceptron trained to
/// separate the training data tends to under-predict names on new text; this shifts the
/// balance back. The shifts go into the weights of the feature every word has.
fn calibrate(
    types: &[String],
    rows: &mut Rows,
    dev: &[TrainingSentence],
    gazetteer: &Gazetteer,
    options: &TrainOptions,
    log: &mut dyn FnMut(&str),
) {
    let labels = label_count(types.len());
    let bias = features::bias();
    let base = rows
        .get(&bias)
        .cloned()
        .unwrap_or_else(|| vec![0.0; labels]);
    // The scale of the weights, so the steps suit any data.
    let scale = base.iter().fold(0f32, |m, w| m.max(w.abs())).max(1.0);
    let steps = [0.0f32, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4];
    let f1_with = |rows: &mut Rows, shift: &[f32]| {
        let row: Vec<f32> = base.iter().zip(shift).map(|(b, s)| b + s).collect();
        rows.insert(bias, row);
        let (gold, system, correct) =
            score(&quantise(types, rows, options.min_weight), dev, gazetteer);
        2.0 * correct as f64 / (gold + system).max(1) as f64
    };
    let mut shift = vec![0f32; labels];
    let mut best = f1_with(rows, &shift);
    let start = best;
    // Less O.
    let mut best_o = 0.0;
    for &step in &steps[1..] {
        shift[0] = -step * scale;
        let f1 = f1_with(rows, &shift);
        if f1 > best {
            best = f1;
            best_o = shift[0];
        }
    }
    shift[0] = best_o;
    // More of one type's B and U labels.
    for t in 0..types.len() {
        let mut best_t = 0.0;
        for &step in &steps[1..] {
            shift[1 + 4 * t] = step * scale;
            shift[4 + 4 * t] = step * scale;
            let f1 = f1_with(rows, &shift);
            if f1 > best {
                best = f1;
                best_t = step * scale;
            }
        }
        shift[1 + 4 * t] = best_t;
        shift[4 + 4 * t] = best_t;
    }
    let row: Vec<f32> = base.iter().zip(&shift).map(|(b, s)| b + s).collect();
    rows.insert(bias, row);
    log(&format!(
        "label prior tuned on dev: O {:+.2}, {} (weight scale {scale:.2}); dev F1 {start:.4} -> {best:.4}",
        best_o,
        types
            .iter()
            .enumerate()
            .map(|(t, name)| format!("{name} {:+.2}", shift[1 + 4 * t]))
            .collect::<Vec<_>>()
            .join(", ")
    ));
}

/// One training run: passes over the data in an order shuffled by `seed`; returns the averaged
/// weights of the pass that scored best on `dev` (or of the last pass).
#[allow(clippy::too_many_arguments)]
fn train_run(
    labels: usize,
    types: &[String],
    prepared: &[Prepared],
    dev: &[TrainingSentence],
    gazetteer: &Gazetteer,
    options: &TrainOptions,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Rows {
    let mut training = Training {
        labels,
        index: HashMap::default(),
        weights: Vec::new(),
        sums: Vec::new(),
        steps: 0,
    };
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Shuffler(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut best: Option<(f64, Rows)> = None;
    for epoch in 1..=options.epochs.max(1) {
        rng.shuffle(&mut order);
        let (mut errors, mut tokens) = (0usize, 0usize);
        for &k in &order {
            let (view, statics, gold) = &prepared[k];
            let mut masked = statics.clone();
            let threshold = (options.word_dropout.clamp(0.0, 1.0) * u64::MAX as f64) as u64;
            for word in &mut masked {
                if rng.next() < threshold {
                    for f in word.iter_mut().take(features::LEXICAL) {
                        *f = features::hidden_word();
                    }
                }
            }
            let guess = decode(&training, labels, view, &masked);
            tokens += gold.len();
            // The structured perceptron's update: towards the gold sequence's features, away
            // from the guessed one's, wherever the two differ.
            let (mut truth_features, mut guess_features) = (Vec::new(), Vec::new());
            for i in 0..gold.len() {
                let (truth_prev, guess_prev) = if i == 0 {
                    (START, START)
                } else {
                    (gold[i - 1], guess[i - 1])
                };
                if gold[i] == guess[i] && truth_prev == guess_prev {
                    continue;
                }
                if gold[i] != guess[i] {
                    errors += 1;
                }
                word_features(view, &masked, i, truth_prev, &mut truth_features);
                word_features(view, &masked, i, guess_prev, &mut guess_features);
                for &f in &truth_features {
                    training.update(f, gold[i], 1.0);
                }
                for &f in &guess_features {
                    training.update(f, guess[i], -1.0);
                }
            }
            training.steps += 1;
        }
        let rows = training.averaged();
        let line = format!(
            "seed {seed} epoch {epoch}: train label error {:.2}%, {} features",
            100.0 * errors as f64 / tokens.max(1) as f64,
            rows.len()
        );
        if dev.is_empty() {
            log(&line);
            best = Some((epoch as f64, rows));
            continue;
        }
        let model = quantise(types, &rows, options.min_weight);
        let (gold, system, correct) = score(&model, dev, gazetteer);
        let f1 = 2.0 * correct as f64 / (gold + system).max(1) as f64;
        log(&format!("{line}; dev F1 {f1:.4}"));
        if best.as_ref().is_none_or(|(b, _)| f1 > *b) {
            best = Some((f1, rows));
        }
    }
    best.map(|(_, rows)| rows).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, entities: &[(usize, usize, &str)]) -> TrainingSentence {
        TrainingSentence {
            words: text.split(' ').map(str::to_string).collect(),
            entities: entities
                .iter()
                .map(|&(s, e, k)| (s, e, k.to_string()))
                .collect(),
        }
    }

    fn tiny_model() -> Model {
        let types: Vec<String> = ["PER", "ORG", "LOC"].map(String::from).to_vec();
        let train = vec![
            sentence(
                "Irina Petrov visited Lagos today .",
                &[(0, 2, "PER"), (3, 4, "LOC")],
            ),
            sentence(
                "Maria Lopez works for Acme Corp .",
                &[(0, 2, "PER"), (4, 6, "ORG")],
            ),
            sentence("The weather was fine .", &[]),
            sentence(
                "John Smith flew to Paris .",
                &[(0, 2, "PER"), (4, 5, "LOC")],
            ),
        ];
        let options = TrainOptions {
            epochs: 5,
            min_weight: 0.0,
            ..TrainOptions::default()
        };
        train_quiet(&types, &train, &options)
    }

    fn train_quiet(types: &[String], train: &[TrainingSentence], options: &TrainOptions) -> Model {
        super::train(types, train, &[], &Gazetteer::new(), options, &mut |_| {})
    }

    #[test]
    fn bilou_labels_round_trip_through_spans() {
        let spans = vec![
            WordSpan {
                start: 0,
                end: 2,
                kind: 0,
            },
            WordSpan {
                start: 3,
                end: 4,
                kind: 2,
            },
            WordSpan {
                start: 4,
                end: 7,
                kind: 1,
            },
        ];
        let labels = labels_of(8, &spans);
        assert_eq!(spans_of(&labels), spans);
    }

    #[test]
    fn decoding_only_makes_valid_sequences() {
        assert!(allowed(START, 1, false));
        assert!(!allowed(START, 2, false));
        assert!(!allowed(1, 0, false));
        assert!(allowed(1, 3, true));
        assert!(!allowed(1, 2, true));
        assert!(!allowed(1, 7, false));
    }

    #[test]
    fn a_tiny_model_learns_and_round_trips() {
        let model = tiny_model();
        let words = ["Irina", "Petrov", "visited", "Lagos", "today", "."];
        let found = model.tag(&words, &Gazetteer::new());
        assert!(found.contains(&WordSpan {
            start: 0,
            end: 2,
            kind: 0
        }));
        let bytes = model.to_bytes();
        let again = Model::from_bytes(&bytes, "tiny").unwrap();
        assert_eq!(again, model);
        assert_eq!(again.tag(&words, &Gazetteer::new()), found);
    }

    #[test]
    fn training_is_deterministic() {
        assert_eq!(tiny_model().to_bytes(), tiny_model().to_bytes());
    }

    #[test]
    fn corrupt_models_are_errors_not_panics() {
        let bytes = tiny_model().to_bytes();
        assert!(Model::from_bytes(b"", "empty").is_err());
        assert!(Model::from_bytes(b"not a model at all", "junk").is_err());
        let mut flipped = bytes.clone();
        flipped[20] ^= 0x40;
        let err = Model::from_bytes(&flipped, "flipped.bin").unwrap_err();
        assert!(err.to_string().contains("flipped.bin"), "{err}");
        for cut in [9, 17, bytes.len() / 2, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut], "cut").is_err());
        }
    }
}
