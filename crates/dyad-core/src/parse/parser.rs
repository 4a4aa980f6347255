//! The dependency parser: a greedy arc-eager transition parser with labelled transitions,
//! scored by an averaged perceptron over rich non-local features (Zhang and Nivre, 2011) and
//! trained with a dynamic oracle (Goldberg and Nivre, 2012) that lets it learn to recover
//! from its own mistakes.
//!
//! With a beam width above 1 (a setting stored in the model) the parser keeps that many
//! hypotheses at each step and is trained globally, with max-violation updates (Huang, Fayong
//! and Guo, 2012) against a reference sequence that the dynamic oracle's costs choose.
//!
//! The artificial root sits at the bottom of the stack and takes exactly one dependent, the
//! word labelled `root`. Words left without a head at the end are attached to that word.

use std::collections::BTreeSet;

use super::binary::{Reader, Writer};
use super::features::{Rng, argmax_where, feature_fast, hash_str, mix64};
use super::perceptron::{Trainer, Weights};
use crate::conllu::ConlluSentence;
use crate::error::Result;

/// The model kind: the parser with its second feature hashing
/// ([`super::features::feature_fast`]); files of the first are refused as another kind.
/// A greedy parser (beam width 1) is written with this kind.
const KIND: &[u8; 8] = b"parser\0\x02";
/// The kind of a parser with a beam: the same as [`KIND`], with the beam width after the
/// root label.
const KIND_BEAM: &[u8; 8] = b"parser\0\x03";
/// The widest beam a model file may ask for.
const MAX_BEAM: usize = 64;
/// The class of a finished hypothesis carried into the next step of the beam unchanged.
const CARRY: u16 = u16::MAX;
const NONE: usize = usize::MAX;
const SHIFT: usize = 0;
const REDUCE: usize = 1;
const LEFT: usize = 2;
const RIGHT: usize = 3;
const NO_VALUE: u64 = 0x4e4f_4e45;
const ROOT_VALUE: u64 = 0x524f_4f54;

/// Settings of a parser training.
#[derive(Debug, Clone)]
pub struct ParserOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffles and of the exploration.
    pub seed: u64,
    /// Averaged weights of smaller magnitude are dropped from the model.
    pub min_weight: f32,
    /// The probability of following the model's own (possibly wrong) transition after the
    /// first epoch (greedy training only).
    pub explore: f64,
    /// The beam width of training and parsing; 1 trains greedily with the dynamic oracle.
    pub beam: usize,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            epochs: 12,
            seed: 1,
            min_weight: 0.5,
            explore: 0.9,
            beam: 1,
        }
    }
}

/// A trained parser.
#[derive(Debug, Clone)]
pub struct Parser {
    labels: Vec<String>,
    root: usize,
    /// How many hypotheses the parser keeps at each step (1: greedy).
    beam: usize,
    /// Scores the labelled transitions: class 0 is SHIFT, 1 REDUCE, `2 + 2 * label` a left
    /// arc and `3 + 2 * label` a right arc with that label.
    weights: Weights,
}

/// A parse: for each word, its head (0 for the root, otherwise the 1-based word number) and
/// the index of its relation label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tree {
    /// Heads, one per word.
    pub heads: Vec<usize>,
    /// Relation labels, one per word.
    pub labels: Vec<String>,
}

/// Attribute values of every node (node 0 is the root).
struct Nodes {
    word: Vec<u64>,
    tag: Vec<u64>,
    word_tag: Vec<u64>,
}

impl Nodes {
    fn new(forms: &[&str], tags: &[&str]) -> Nodes {
        let n = forms.len() + 1;
        let mut nodes = Nodes {
            word: Vec::with_capacity(n),
            tag: Vec::with_capacity(n),
            word_tag: Vec::with_capacity(n),
        };
        nodes.word.push(ROOT_VALUE);
        nodes.tag.push(ROOT_VALUE);
        nodes.word_tag.push(ROOT_VALUE);
        for (i, form) in forms.iter().enumerate() {
            // Most words have no capitals: hash them without a lower-cased copy.
            let w = if form.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                hash_str(&form.to_lowercase())
            } else {
                hash_str(form)
            };
            let t = hash_str(tags.get(i).copied().unwrap_or("_"));
            nodes.word.push(w);
            nodes.tag.push(t);
            nodes.word_tag.push(mix64(w ^ t.rotate_left(23)));
        }
        nodes
    }
}

/// A parser configuration.
struct State {
    n: usize,
    stack: Vec<usize>,
    buffer: usize,
    heads: Vec<usize>,
    labels: Vec<usize>,
    left1: Vec<usize>,
    left2: Vec<usize>,
    right1: Vec<usize>,
    right2: Vec<usize>,
    left_count: Vec<u64>,
    right_count: Vec<u64>,
    left_set: Vec<u128>,
    right_set: Vec<u128>,
    in_stack: Vec<bool>,
    root_taken: bool,
}

impl Clone for State {
    fn clone(&self) -> State {
        let mut copy = State::new(0);
        copy.clone_from(self);
        copy
    }

    /// Copies another state into this one, reusing this one's memory (the beam copies
    /// states at every step).
    fn clone_from(&mut self, other: &State) {
        self.n = other.n;
        self.stack.clone_from(&other.stack);
        self.buffer = other.buffer;
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.left1.clone_from(&other.left1);
        self.left2.clone_from(&other.left2);
        self.right1.clone_from(&other.right1);
        self.right2.clone_from(&other.right2);
        self.left_count.clone_from(&other.left_count);
        self.right_count.clone_from(&other.right_count);
        self.left_set.clone_from(&other.left_set);
        self.right_set.clone_from(&other.right_set);
        self.in_stack.clone_from(&other.in_stack);
        self.root_taken = other.root_taken;
    }
}

impl State {
    fn new(n: usize) -> State {
        let mut in_stack = vec![false; n + 1];
        in_stack[0] = true;
        State {
            n,
            stack: vec![0],
            buffer: 1,
            heads: vec![NONE; n + 1],
            labels: vec![NONE; n + 1],
            left1: vec![NONE; n + 1],
            left2: vec![NONE; n + 1],
            right1: vec![NONE; n + 1],
            right2: vec![NONE; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
            left_set: vec![0; n + 1],
            right_set: vec![0; n + 1],
            in_stack,
            root_taken: false,
        }
    }

    fn terminal(&self) -> bool {
        self.buffer > self.n
    }

    fn top(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }

    fn valid(&self, transition: usize) -> bool {
        if self.terminal() {
            return false;
        }
        let s = self.top();
        match transition {
            SHIFT => true,
            REDUCE => s != 0 && self.heads[s] != NONE,
            LEFT => s != 0 && self.heads[s] == NONE,
            _ => s != 0 || !self.root_taken,
        }
    }

    fn add_arc(&mut self, head: usize, dep: usize, label: usize) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u128 << (label % 128);
        if dep < head {
            if self.left1[head] == NONE || dep < self.left1[head] {
                self.left2[head] = self.left1[head];
                self.left1[head] = dep;
            } else if self.left2[head] == NONE || dep < self.left2[head] {
                self.left2[head] = dep;
            }
            self.left_count[head] += 1;
            self.left_set[head] |= bit;
        } else {
            if self.right1[head] == NONE || dep > self.right1[head] {
                self.right2[head] = self.right1[head];
                self.right1[head] = dep;
            } else if self.right2[head] == NONE || dep > self.right2[head] {
                self.right2[head] = dep;
            }
            self.right_count[head] += 1;
            self.right_set[head] |= bit;
        }
        if head == 0 {
            self.root_taken = true;
        }
    }

    fn apply(&mut self, transition: usize, label: usize) {
        let s = self.top();
        let b = self.buffer;
        match transition {
            SHIFT => {
                self.stack.push(b);
                self.in_stack[b] = true;
                self.buffer += 1;
            }
            REDUCE => {
                self.stack.pop();
                self.in_stack[s] = false;
            }
            LEFT => {
                self.add_arc(b, s, label);
                self.stack.pop();
                self.in_stack[s] = false;
            }
            _ => {
                self.add_arc(s, b, label);
                self.stack.push(b);
                self.in_stack[b] = true;
                self.buffer += 1;
            }
        }
    }

    /// The cost of each transition (gold arcs it makes unreachable, whatever the label),
    /// `i32::MAX` for invalid ones.
    fn costs(&self, gold_heads: &[usize]) -> [i32; 4] {
        let s = self.top();
        let b = self.buffer;
        let n = self.n;
        let headless_stack_deps_of = |x: usize| -> i32 {
            self.stack
                .iter()
                .filter(|&&k| k != 0 && self.heads[k] == NONE && gold_heads[k] == x)
                .count() as i32
        };
        let buffer_deps_of = |x: usize, from: usize| -> i32 {
            (from..=n).filter(|&k| gold_heads[k] == x).count() as i32
        };
        let reachable_head = |h: usize| -> bool {
            if h == 0 {
                !self.root_taken
            } else {
                h > b || self.in_stack[h]
            }
        };
        let mut out = [i32::MAX; 4];
        if self.terminal() {
            return out;
        }
        let hb = gold_heads[b];
        if self.valid(SHIFT) {
            out[SHIFT] =
                i32::from(self.in_stack[hb] && reachable_head(hb)) + headless_stack_deps_of(b);
        }
        if self.valid(REDUCE) {
            out[REDUCE] = buffer_deps_of(s, b);
        }
        if self.valid(LEFT) {
            out[LEFT] = i32::from(gold_heads[s] > b) + buffer_deps_of(s, b);
        }
        if self.valid(RIGHT) {
            out[RIGHT] = i32::from(hb != s && reachable_head(hb)) + headless_stack_deps_of(b);
        }
        out
    }

    /// The first three words of the buffer, `NONE` past its end.
    fn front(&self) -> [usize; 3] {
        std::array::from_fn(|k| {
            if self.buffer + k <= self.n {
                self.buffer + k
            } else {
                NONE
            }
        })
    }

    /// The features of a state: those of the buffer alone, then the others.
    fn features(&self, nodes: &Nodes, out: &mut Vec<u32>) {
        out.clear();
        self.buffer_features(nodes, out);
        self.stack_features(nodes, out);
    }

    /// The features that depend on nothing but the front of the buffer (the same for every
    /// state with the same front), appended to `out`.
    fn buffer_features(&self, nodes: &Nodes, out: &mut Vec<u32>) {
        let at = value_at;
        let [n0, n1, n2] = self.front();
        let (w, p, wp) = (&nodes.word, &nodes.tag, &nodes.word_tag);
        let n0w = at(w, n0);
        let n0p = at(p, n0);
        let n0wp = at(wp, n0);
        let n1w = at(w, n1);
        let n1p = at(p, n1);
        let n2p = at(p, n2);
        let fs = [
            feature_fast(0, 0, 0, 0),
            feature_fast(4, n0w, 0, 0),
            feature_fast(5, n0p, 0, 0),
            feature_fast(6, n0wp, 0, 0),
            feature_fast(7, n1w, 0, 0),
            feature_fast(8, n1p, 0, 0),
            feature_fast(9, at(wp, n1), 0, 0),
            feature_fast(10, at(w, n2), 0, 0),
            feature_fast(11, n2p, 0, 0),
            feature_fast(12, at(wp, n2), 0, 0),
            feature_fast(20, n0p, n1p, 0),
            feature_fast(21, n0p, n1p, n2p),
            feature_fast(78, n0w, n1w, 0),
            feature_fast(81, n0wp, n1p, 0),
        ];
        out.extend_from_slice(&fs);
    }

    /// The features that depend on the stack (and on the buffer too), appended to `out`.
    fn stack_features(&self, nodes: &Nodes, out: &mut Vec<u32>) {
        let at = value_at;
        let get = |v: &Vec<usize>, x: usize| -> usize { if x == NONE { NONE } else { v[x] } };
        let label = |x: usize| -> u64 {
            if x == NONE || self.labels[x] == NONE {
                NO_VALUE
            } else {
                self.labels[x] as u64
            }
        };
        let s0 = self.top();
        let s1 = if self.stack.len() >= 2 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        };
        let [n0, n1, _] = self.front();
        let s0h = get(&self.heads, s0);
        let s0h2 = get(&self.heads, s0h);
        let s0l = get(&self.left1, s0);
        let s0l2 = get(&self.left2, s0);
        let s0r = get(&self.right1, s0);
        let s0r2 = get(&self.right2, s0);
        let n0l = get(&self.left1, n0);
        let n0l2 = get(&self.left2, n0);
        let (w, p, wp) = (&nodes.word, &nodes.tag, &nodes.word_tag);
        let s0w = at(w, s0);
        let s0p = at(p, s0);
        let s0wp = at(wp, s0);
        let n0w = at(w, n0);
        let n0p = at(p, n0);
        let n0wp = at(wp, n0);
        let n1p = at(p, n1);
        let dist = if n0 != NONE && s0 != NONE {
            let d = n0 - s0;
            (if d > 5 { 5 + (d >= 10) as usize } else { d }) as u64
        } else {
            NO_VALUE
        };
        let count = |v: &Vec<u64>, x: usize| if x == NONE { NO_VALUE } else { v[x] };
        let set = |v: &Vec<u128>, x: usize| {
            if x == NONE {
                NO_VALUE
            } else {
                mix64((v[x] as u64) ^ mix64((v[x] >> 64) as u64))
            }
        };
        let s0vr = count(&self.right_count, s0);
        let s0vl = count(&self.left_count, s0);
        let n0vl = count(&self.left_count, n0);
        let s0sr = set(&self.right_set, s0);
        let s0sl = set(&self.left_set, s0);
        let n0sl = set(&self.left_set, n0);
        let s0hp = at(p, s0h);
        let s0lp = at(p, s0l);
        let s0rp = at(p, s0r);
        let n0lp = at(p, n0l);
        let root_flag = u64::from(self.root_taken);
        let fs = [
            feature_fast(1, s0w, 0, 0),
            feature_fast(2, s0p, 0, 0),
            feature_fast(3, s0wp, 0, 0),
            feature_fast(13, s0wp, n0wp, 0),
            feature_fast(14, s0wp, n0w, 0),
            feature_fast(15, s0w, n0wp, 0),
            feature_fast(16, s0wp, n0p, 0),
            feature_fast(17, s0p, n0wp, 0),
            feature_fast(18, s0w, n0w, 0),
            feature_fast(19, s0p, n0p, 0),
            feature_fast(22, s0p, n0p, n1p),
            feature_fast(23, s0hp, s0p, n0p),
            feature_fast(24, s0p, s0lp, n0p),
            feature_fast(25, s0p, s0rp, n0p),
            feature_fast(26, s0p, n0p, n0lp),
            feature_fast(27, s0w, dist, 0),
            feature_fast(28, s0p, dist, 0),
            feature_fast(29, n0w, dist, 0),
            feature_fast(30, n0p, dist, 0),
            feature_fast(31, s0w, n0w, dist),
            feature_fast(32, s0p, n0p, dist),
            feature_fast(33, s0w, s0vr, 0),
            feature_fast(34, s0p, s0vr, 0),
            feature_fast(35, s0w, s0vl, 0),
            feature_fast(36, s0p, s0vl, 0),
            feature_fast(37, n0w, n0vl, 0),
            feature_fast(38, n0p, n0vl, 0),
            feature_fast(39, at(w, s0h), 0, 0),
            feature_fast(40, s0hp, 0, 0),
            feature_fast(41, label(s0), 0, 0),
            feature_fast(42, at(w, s0l), 0, 0),
            feature_fast(43, s0lp, 0, 0),
            feature_fast(44, label(s0l), 0, 0),
            feature_fast(45, at(w, s0r), 0, 0),
            feature_fast(46, s0rp, 0, 0),
            feature_fast(47, label(s0r), 0, 0),
            feature_fast(48, at(w, n0l), 0, 0),
            feature_fast(49, n0lp, 0, 0),
            feature_fast(50, label(n0l), 0, 0),
            feature_fast(51, at(w, s0h2), 0, 0),
            feature_fast(52, at(p, s0h2), 0, 0),
            feature_fast(53, label(s0h), 0, 0),
            feature_fast(54, at(w, s0l2), 0, 0),
            feature_fast(55, at(p, s0l2), 0, 0),
            feature_fast(56, label(s0l2), 0, 0),
            feature_fast(57, at(w, s0r2), 0, 0),
            feature_fast(58, at(p, s0r2), 0, 0),
            feature_fast(59, label(s0r2), 0, 0),
            feature_fast(60, at(w, n0l2), 0, 0),
            feature_fast(61, at(p, n0l2), 0, 0),
            feature_fast(62, label(n0l2), 0, 0),
            feature_fast(63, s0p, s0lp, at(p, s0l2)),
            feature_fast(64, s0p, s0rp, at(p, s0r2)),
            feature_fast(65, s0p, s0hp, at(p, s0h2)),
            feature_fast(66, n0p, n0lp, at(p, n0l2)),
            feature_fast(67, s0w, s0sr, 0),
            feature_fast(68, s0p, s0sr, 0),
            feature_fast(69, s0w, s0sl, 0),
            feature_fast(70, s0p, s0sl, 0),
            feature_fast(71, n0w, n0sl, 0),
            feature_fast(72, n0p, n0sl, 0),
            feature_fast(73, at(w, s1), 0, 0),
            feature_fast(74, at(p, s1), 0, 0),
            feature_fast(75, at(p, s1), s0p, n0p),
            feature_fast(76, at(wp, s1), s0wp, 0),
            feature_fast(77, s0w, n0p, n1p),
            feature_fast(79, root_flag, s0p, n0p),
            feature_fast(80, label(s0), s0p, n0p),
        ];
        out.extend_from_slice(&fs);
    }
}

/// A node's value in a per-node table, or [`NO_VALUE`] for no node.
fn value_at(values: &[u64], node: usize) -> u64 {
    if node == NONE { NO_VALUE } else { values[node] }
}

/// The transition of a labelled class.
fn transition_of(class: usize) -> usize {
    match class {
        SHIFT | REDUCE => class,
        _ if (class - 2).is_multiple_of(2) => LEFT,
        _ => RIGHT,
    }
}

/// The label of an arc class.
fn label_of(class: usize) -> usize {
    if class < 2 { NONE } else { (class - 2) / 2 }
}

impl Parser {
    /// The number of features in the model.
    pub fn features(&self) -> usize {
        self.weights.features()
    }

    fn classes(&self) -> usize {
        2 + 2 * self.labels.len()
    }

    /// A copy without the weights whose magnitude is below `min_weight`.
    pub fn pruned(&self, min_weight: f32) -> Parser {
        Parser {
            weights: self.weights.pruned(min_weight),
            ..self.clone()
        }
    }

    /// True when a labelled class may be applied: only the root's single arc is labelled
    /// `root`.
    fn allowed(&self, state: &State, class: usize) -> bool {
        let t = transition_of(class);
        if !state.valid(t) {
            return false;
        }
        match t {
            LEFT => label_of(class) != self.root,
            RIGHT => (label_of(class) == self.root) == (state.top() == 0),
            _ => true,
        }
    }

    /// The class of the model file (and of training) that an internal class stands for.
    /// Internally the left arcs come first and the right arcs after them, so that the
    /// classes of one transition are a contiguous range, which the scorer can skip.
    fn file_class(&self, class: usize) -> usize {
        let l = self.labels.len();
        match class {
            SHIFT | REDUCE => class,
            c if c < 2 + l => 2 + 2 * (c - 2),
            c => 3 + 2 * (c - 2 - l),
        }
    }

    /// For each file class, its internal class.
    fn to_internal(labels: usize) -> Vec<u16> {
        (0..2 + 2 * labels)
            .map(|c| match transition_of(c) {
                LEFT => 2 + label_of(c),
                RIGHT => 2 + labels + label_of(c),
                t => t,
            } as u16)
            .collect()
    }

    /// For each internal class, its file class.
    fn to_file(&self) -> Vec<u16> {
        (0..self.classes())
            .map(|c| self.file_class(c) as u16)
            .collect()
    }

    /// The best allowed internal class: the highest score, ties going to the lowest file
    /// class (as when scoring in file order). Only the root's single arc is labelled `root`.
    fn best(&self, state: &State, scores: &[f32]) -> Option<usize> {
        let l = self.labels.len();
        let s0 = state.top();
        let mut best: Option<usize> = None;
        let mut consider = |c: usize| {
            let Some(&s) = scores.get(c) else { return };
            let better = match best {
                None => true,
                Some(b) => {
                    s > scores[b] || (s == scores[b] && self.file_class(c) < self.file_class(b))
                }
            };
            if better {
                best = Some(c);
            }
        };
        if state.valid(SHIFT) {
            consider(SHIFT);
        }
        if state.valid(REDUCE) {
            consider(REDUCE);
        }
        if state.valid(LEFT) {
            (0..l)
                .filter(|&k| k != self.root)
                .for_each(|k| consider(2 + k));
        }
        if state.valid(RIGHT) {
            if s0 == 0 {
                consider(2 + l + self.root);
            } else {
                (0..l)
                    .filter(|&k| k != self.root)
                    .for_each(|k| consider(2 + l + k));
            }
        }
        best
    }

    /// The transition and label of an internal class.
    fn kind(&self, class: usize) -> (usize, usize) {
        let l = self.labels.len();
        match class {
            SHIFT | REDUCE => (class, NONE),
            c if c < 2 + l => (LEFT, c - 2),
            c => (RIGHT, c - 2 - l),
        }
    }

    /// The beam width the parser decodes with (1: greedy).
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// A copy that decodes with another beam width (at least 1); the weights stay those
    /// learnt at the trained width.
    pub fn with_beam(&self, beam: usize) -> Parser {
        Parser {
            beam: beam.clamp(1, MAX_BEAM),
            ..self.clone()
        }
    }

    /// Calls `f` with every allowed internal class of a state: only the root's single arc is
    /// labelled `root`.
    fn for_each_allowed(&self, state: &State, mut f: impl FnMut(usize)) {
        let l = self.labels.len();
        if state.valid(SHIFT) {
            f(SHIFT);
        }
        if state.valid(REDUCE) {
            f(REDUCE);
        }
        if state.valid(LEFT) {
            (0..l).filter(|&k| k != self.root).for_each(|k| f(2 + k));
        }
        if state.valid(RIGHT) {
            if state.top() == 0 {
                f(2 + l + self.root);
            } else {
                (0..l)
                    .filter(|&k| k != self.root)
                    .for_each(|k| f(2 + l + k));
            }
        }
    }

    /// Parses a sentence of words with their Penn tags.
    pub fn parse(&self, forms: &[&str], tags: &[&str]) -> Tree {
        if self.beam > 1 {
            return self.parse_beam(forms, tags);
        }
        let n = forms.len();
        let nodes = Nodes::new(forms, tags);
        let mut state = State::new(n);
        let classes = self.classes();
        let mut scores = vec![0f32; classes];
        let mut feats = Vec::with_capacity(90);
        // The sums of the buffer's features, kept while the front of the buffer stays.
        let mut buffer_sums = vec![0i32; classes];
        let mut buffer_front = NONE;
        let mut sums = vec![0i32; classes];
        while !state.terminal() {
            if state.buffer != buffer_front {
                feats.clear();
                state.buffer_features(&nodes, &mut feats);
                buffer_sums.iter_mut().for_each(|s| *s = 0);
                self.weights.accumulate(&feats, &mut buffer_sums);
                buffer_front = state.buffer;
            }
            feats.clear();
            state.stack_features(&nodes, &mut feats);
            sums.copy_from_slice(&buffer_sums);
            self.weights.accumulate(&feats, &mut sums);
            self.weights.finish(&sums, &mut scores);
            let (transition, label) = self.kind(self.best(&state, &scores).unwrap_or(SHIFT));
            state.apply(transition, label);
        }
        self.attach_leftovers(&mut state, &nodes, &mut feats, &mut scores);
        self.finish(&state)
    }

    /// Parses with a beam: at each step every hypothesis is extended by each allowed
    /// transition and the best `beam` extensions (by the sum of their transitions' scores)
    /// are kept; finished hypotheses are carried along unchanged. Ties go to the earlier
    /// hypothesis, then to the lower file class, so the result never depends on sort order.
    fn parse_beam(&self, forms: &[&str], tags: &[&str]) -> Tree {
        let n = forms.len();
        let nodes = Nodes::new(forms, tags);
        let classes = self.classes();
        let width = self.beam;
        let mut beam: Vec<State> = vec![State::new(n)];
        let mut totals: Vec<i64> = vec![0];
        let mut next: Vec<State> = Vec::with_capacity(width);
        let mut next_totals: Vec<i64> = Vec::with_capacity(width);
        // The sums of the buffer's features for each front of the buffer, computed once.
        let mut buffer_sums = vec![0i32; (n + 2) * classes];
        let mut buffer_done = vec![false; n + 2];
        let mut sums = vec![0i32; classes];
        let mut feats = Vec::with_capacity(90);
        // Candidates: (total score, hypothesis, file class, internal class).
        let mut candidates: Vec<(i64, u32, u16, u16)> = Vec::with_capacity(width * classes);
        loop {
            candidates.clear();
            let mut open = false;
            for (i, state) in beam.iter().enumerate() {
                if state.terminal() {
                    candidates.push((totals[i], i as u32, CARRY, CARRY));
                    continue;
                }
                open = true;
                let b = state.buffer;
                let row = &mut buffer_sums[b * classes..(b + 1) * classes];
                if !buffer_done[b] {
                    feats.clear();
                    state.buffer_features(&nodes, &mut feats);
                    self.weights.accumulate(&feats, row);
                    buffer_done[b] = true;
                }
                feats.clear();
                state.stack_features(&nodes, &mut feats);
                sums.copy_from_slice(row);
                self.weights.accumulate(&feats, &mut sums);
                let total = totals[i];
                self.for_each_allowed(state, |c| {
                    candidates.push((
                        total + i64::from(sums[c]),
                        i as u32,
                        self.file_class(c) as u16,
                        c as u16,
                    ));
                });
            }
            if !open {
                break;
            }
            let key = |c: &(i64, u32, u16, u16)| (std::cmp::Reverse(c.0), c.1, c.2);
            if candidates.len() > width {
                candidates.select_nth_unstable_by_key(width - 1, key);
                candidates.truncate(width);
            }
            candidates.sort_unstable_by_key(key);
            next_totals.clear();
            for (j, &(total, i, _, class)) in candidates.iter().enumerate() {
                if j < next.len() {
                    next[j].clone_from(&beam[i as usize]);
                } else {
                    next.push(beam[i as usize].clone());
                }
                if class != CARRY {
                    let (transition, label) = self.kind(usize::from(class));
                    next[j].apply(transition, label);
                }
                next_totals.push(total);
            }
            next.truncate(candidates.len());
            std::mem::swap(&mut beam, &mut next);
            std::mem::swap(&mut totals, &mut next_totals);
        }
        let mut state = beam.swap_remove(0);
        let mut scores = vec![0f32; classes];
        self.attach_leftovers(&mut state, &nodes, &mut feats, &mut scores);
        self.finish(&state)
    }

    /// Words still on the stack without a head when the buffer runs out are given back to
    /// the buffer one at a time ("unshift") so that the model can attach each to the word
    /// below it with a right arc; the root's single arc is kept single.
    fn attach_leftovers(
        &self,
        state: &mut State,
        nodes: &Nodes,
        feats: &mut Vec<u32>,
        scores: &mut [f32],
    ) {
        let l = self.labels.len();
        while state.stack.len() > 1 {
            let s = state.top();
            state.stack.pop();
            state.in_stack[s] = false;
            if state.heads[s] != NONE {
                continue;
            }
            let below = state.top();
            if below == 0 && state.root_taken {
                continue;
            }
            state.buffer = s;
            state.features(nodes, feats);
            self.weights.score(feats, scores);
            let right = |c: usize| c >= 2 + l && (c - 2 - l == self.root) == (below == 0);
            if let Some(c) = argmax_where(scores, right) {
                state.add_arc(below, s, c - 2 - l);
            }
        }
        state.buffer = state.n + 1;
    }

    fn finish(&self, state: &State) -> Tree {
        let n = state.n;
        let mut heads = vec![0usize; n];
        let mut labels = vec![String::new(); n];
        let root_word = (1..=n).find(|&k| state.heads[k] == 0);
        let fallback = root_word.or_else(|| (1..=n).find(|&k| state.heads[k] == NONE));
        for k in 1..=n {
            let (h, l) = match state.heads[k] {
                NONE if Some(k) == fallback => (0, self.root),
                NONE => (fallback.unwrap_or(0), NONE),
                h => (h, state.labels[k]),
            };
            heads[k - 1] = h;
            labels[k - 1] = self
                .labels
                .get(l)
                .cloned()
                .unwrap_or_else(|| "dep".to_string());
        }
        Tree { heads, labels }
    }

    /// A training sentence's word count, nodes, gold heads and gold label indices (index 0
    /// is the root), or `None` for an empty sentence or one with a head out of range. The
    /// nodes take `tags` when they fit the sentence, else its own Penn tags. Greedy and beam
    /// training share it.
    fn gold_sentence(
        &self,
        s: &ConlluSentence,
        tags: Option<&Vec<String>>,
    ) -> Option<(usize, Nodes, Vec<usize>, Vec<usize>)> {
        let n = s.words.len();
        if n == 0 || s.words.iter().any(|w| w.head > n) {
            return None;
        }
        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let sentence_tags: Vec<&str> = match tags {
            Some(t) if t.len() == n => t.iter().map(String::as_str).collect(),
            _ => s.words.iter().map(|w| w.xpos.as_str()).collect(),
        };
        let nodes = Nodes::new(&forms, &sentence_tags);
        let mut gold_heads = vec![0usize; n + 1];
        let mut gold_labels = vec![NONE; n + 1];
        for (i, w) in s.words.iter().enumerate() {
            gold_heads[i + 1] = w.head;
            gold_labels[i + 1] = self.labels.binary_search(&w.deprel).unwrap_or(NONE);
        }
        Some((n, nodes, gold_heads, gold_labels))
    }

    /// Trains a parser on sentences. `tags` gives the Penn tags to train with, one list per
    /// sentence (gold tags or a tagger's predictions); sentences without a list use their
    /// gold tags. `log` receives one line per epoch.
    pub fn train(
        train: &[ConlluSentence],
        tags: &[Vec<String>],
        options: &ParserOptions,
        log: &mut dyn FnMut(&str),
    ) -> Parser {
        let mut set: BTreeSet<String> = BTreeSet::new();
        for s in train {
            for w in &s.words {
                set.insert(w.deprel.clone());
            }
        }
        set.insert("root".to_string());
        let labels: Vec<String> = set.into_iter().take(127).collect();
        let root = labels.iter().position(|l| l == "root").unwrap_or(0);
        let classes = 2 + 2 * labels.len();
        let mut parser = Parser {
            weights: Trainer::new(classes).freeze(1.0),
            labels,
            root,
            beam: options.beam.clamp(1, MAX_BEAM),
        };
        if parser.beam > 1 {
            let trainer = parser.train_beam(train, tags, options, log);
            parser.weights = trainer
                .freeze(options.min_weight)
                .remapped(&Parser::to_internal(parser.labels.len()));
            return parser;
        }
        let mut trainer = Trainer::new(classes);
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = Rng::new(options.seed);
        let mut scores = vec![0f32; classes];
        let mut costs = vec![0i32; classes];
        let mut feats = Vec::with_capacity(90);
        for epoch in 0..options.epochs {
            rng.shuffle(&mut order);
            let (mut correct, mut total) = (0usize, 0usize);
            for &si in &order {
                let s = &train[si];
                let Some((n, nodes, gold_heads, gold_labels)) =
                    parser.gold_sentence(s, tags.get(si))
                else {
                    continue;
                };
                let mut state = State::new(n);
                while !state.terminal() {
                    state.features(&nodes, &mut feats);
                    trainer.tick();
                    trainer.score(&feats, &mut scores);
                    parser.class_costs(&state, &gold_heads, &gold_labels, &mut costs);
                    let best_cost = costs.iter().copied().min().unwrap_or(0);
                    let guess = argmax_where(&scores, |c| costs[c] != i32::MAX).unwrap_or(SHIFT);
                    let gold = argmax_where(&scores, |c| costs[c] == best_cost).unwrap_or(SHIFT);
                    total += 1;
                    let class = if costs[guess] == best_cost {
                        correct += 1;
                        guess
                    } else {
                        trainer.update(&feats, gold, guess);
                        if epoch > 0 && rng.unit() < options.explore {
                            guess
                        } else {
                            gold
                        }
                    };
                    state.apply(transition_of(class), label_of(class));
                }
            }
            log(&format!(
                "parser epoch {}: {:.2}% of transitions optimal",
                epoch + 1,
                100.0 * correct as f64 / total.max(1) as f64
            ));
        }
        parser.weights = trainer
            .freeze(options.min_weight)
            .remapped(&Parser::to_internal(parser.labels.len()));
        parser
    }

    /// The cost of every file class in a state (gold arcs it makes unreachable, plus one for
    /// a gold arc with the wrong label), `i32::MAX` for the classes not allowed.
    fn class_costs(
        &self,
        state: &State,
        gold_heads: &[usize],
        gold_labels: &[usize],
        costs: &mut [i32],
    ) {
        let base = state.costs(gold_heads);
        let (s0, b) = (state.top(), state.buffer);
        for (c, cost) in costs.iter_mut().enumerate() {
            *cost = if self.allowed(state, c) {
                let l = label_of(c);
                base[transition_of(c)]
                    + match transition_of(c) {
                        LEFT => i32::from(gold_heads[s0] == b && gold_labels[s0] != l),
                        RIGHT => i32::from(gold_heads[b] == s0 && gold_labels[b] != l),
                        _ => 0,
                    }
            } else {
                i32::MAX
            };
        }
    }

    /// Global training with a beam and max-violation updates. The reference sequence follows,
    /// at each step, the best-scoring transition of least cost (so it reaches the best
    /// projective tree); a hypothesis is correct while its summed cost is no more than the
    /// reference's. Where the best hypothesis of the beam is wrong and outscores the reference
    /// prefix by the most, the weights move towards the reference prefix and away from that
    /// hypothesis.
    fn train_beam(
        &self,
        train: &[ConlluSentence],
        tags: &[Vec<String>],
        options: &ParserOptions,
        log: &mut dyn FnMut(&str),
    ) -> Trainer {
        /// One hypothesis: its state, summed score and cost, and its transitions.
        #[derive(Clone)]
        struct Item {
            state: State,
            score: f64,
            cost: i32,
            history: Vec<u16>,
        }
        let classes = self.classes();
        let width = self.beam;
        let mut trainer = Trainer::new(classes);
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = Rng::new(options.seed);
        let mut scores = vec![0f32; classes];
        let mut costs = vec![0i32; classes];
        let mut feats = Vec::with_capacity(90);
        // Candidates: (score, cost, hypothesis, class).
        let mut candidates: Vec<(f64, i32, u32, u16)> = Vec::new();
        let mut next: Vec<Item> = Vec::with_capacity(width);
        for epoch in 0..options.epochs {
            rng.shuffle(&mut order);
            let (mut correct, mut total, mut updates) = (0usize, 0usize, 0usize);
            for &si in &order {
                let s = &train[si];
                let Some((n, nodes, gold_heads, gold_labels)) = self.gold_sentence(s, tags.get(si))
                else {
                    continue;
                };
                let start = Item {
                    state: State::new(n),
                    score: 0.0,
                    cost: 0,
                    history: Vec::with_capacity(2 * n + 1),
                };
                let mut beam = vec![start.clone()];
                let mut reference = start;
                // The largest violation: its size, the wrong hypothesis's transitions and
                // the length of the reference prefix at that step.
                let mut violation: Option<(f64, Vec<u16>, usize)> = None;
                loop {
                    candidates.clear();
                    let mut open = false;
                    for (i, item) in beam.iter().enumerate() {
                        if item.state.terminal() {
                            candidates.push((item.score, item.cost, i as u32, CARRY));
                            continue;
                        }
                        open = true;
                        item.state.features(&nodes, &mut feats);
                        trainer.score(&feats, &mut scores);
                        self.class_costs(&item.state, &gold_heads, &gold_labels, &mut costs);
                        for c in 0..classes {
                            if costs[c] != i32::MAX {
                                candidates.push((
                                    item.score + f64::from(scores[c]),
                                    item.cost.saturating_add(costs[c]),
                                    i as u32,
                                    c as u16,
                                ));
                            }
                        }
                    }
                    if !open && reference.state.terminal() {
                        break;
                    }
                    let order_key = |a: &(f64, i32, u32, u16), b: &(f64, i32, u32, u16)| {
                        b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3))
                    };
                    if candidates.len() > width {
                        candidates.select_nth_unstable_by(width - 1, order_key);
                        candidates.truncate(width);
                    }
                    candidates.sort_unstable_by(order_key);
                    next.clear();
                    for &(score, cost, i, class) in &candidates {
                        let mut item = beam[i as usize].clone();
                        if class != CARRY {
                            let c = usize::from(class);
                            item.state.apply(transition_of(c), label_of(c));
                            item.history.push(class);
                        }
                        item.score = score;
                        item.cost = cost;
                        next.push(item);
                    }
                    std::mem::swap(&mut beam, &mut next);
                    if !reference.state.terminal() {
                        reference.state.features(&nodes, &mut feats);
                        trainer.score(&feats, &mut scores);
                        self.class_costs(&reference.state, &gold_heads, &gold_labels, &mut costs);
                        let least = costs.iter().copied().min().unwrap_or(0);
                        let c = argmax_where(&scores, |c| costs[c] == least).unwrap_or(SHIFT);
                        reference.state.apply(transition_of(c), label_of(c));
                        reference.history.push(c as u16);
                        reference.score += f64::from(scores[c]);
                        reference.cost = reference.cost.saturating_add(least);
                    }
                    let best = &beam[0];
                    if best.cost > reference.cost {
                        let size = best.score - reference.score;
                        if size >= 0.0 && violation.as_ref().is_none_or(|v| size > v.0) {
                            violation = Some((size, best.history.clone(), reference.history.len()));
                        }
                    }
                }
                total += 1;
                correct += usize::from(beam[0].cost <= reference.cost);
                trainer.tick();
                if let Some((_, wrong, length)) = violation {
                    updates += 1;
                    for (history, delta) in [(&reference.history[..length], 1.0), (&wrong, -1.0)] {
                        let mut state = State::new(n);
                        for &class in history {
                            let c = usize::from(class);
                            state.features(&nodes, &mut feats);
                            trainer.add(&feats, c, delta);
                            state.apply(transition_of(c), label_of(c));
                        }
                    }
                }
            }
            log(&format!(
                "parser epoch {} (beam {width}): {:.2}% of sentences best-parsed, {updates} updates",
                epoch + 1,
                100.0 * correct as f64 / total.max(1) as f64
            ));
        }
        trainer
    }

    /// Serialises the parser.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(if self.beam > 1 { KIND_BEAM } else { KIND });
        w.strs(&self.labels);
        w.u32(self.root as u32);
        if self.beam > 1 {
            w.u32(self.beam as u32);
        }
        self.weights.remapped(&self.to_file()).write(&mut w);
        w.into_bytes()
    }

    /// Reads a parser written by [`Parser::to_bytes`]; `name` names the file in errors.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Parser> {
        let beam_kind = bytes.get(12..20) == Some(&KIND_BEAM[..]);
        let mut r = Reader::with_header(bytes, name, if beam_kind { KIND_BEAM } else { KIND })?;
        let labels = r.strs()?;
        if labels.is_empty() || labels.len() > 127 {
            return Err(r.error("bad label count"));
        }
        let root = r.u32()? as usize;
        if root >= labels.len() {
            return Err(r.error("root label out of range"));
        }
        let beam = if beam_kind { r.u32()? as usize } else { 1 };
        if beam == 0 || beam > MAX_BEAM {
            return Err(r.error("bad beam width"));
        }
        let weights = Weights::read_mapped(&mut r, Some(&Parser::to_internal(labels.len())))?;
        if weights.classes() != 2 + 2 * labels.len() {
            return Err(r.error("weights do not match the label set"));
        }
        r.finish()?;
        Ok(Parser {
            labels,
            root,
            beam,
            weights,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_tiny_treebank_and_round_trips() {
        let sentences = crate::conllu::parse(super::super::tagger::tests::TINY, "tiny").unwrap();
        let options = ParserOptions {
            epochs: 15,
            seed: 2,
            min_weight: 0.0,
            explore: 0.9,
            beam: 1,
        };
        let parser = Parser::train(&sentences, &[], &options, &mut |_| {});
        let tree = parser.parse(
            &["The", "cat", "saw", "the", "dog", "."],
            &["DT", "NN", "VBD", "DT", "NN", "."],
        );
        assert_eq!(tree.heads, vec![2, 3, 0, 5, 3, 3]);
        assert_eq!(tree.labels[2], "root");
        let bytes = parser.to_bytes();
        let again = Parser::from_bytes(&bytes, "p").unwrap();
        assert_eq!(again.to_bytes(), bytes);
        assert!(Parser::from_bytes(&bytes[..bytes.len() / 2], "p").is_err());
        assert!(Parser::from_bytes(b"DYADMDL\0", "p").is_err());
        // An empty sentence parses to nothing, without panicking.
        assert!(parser.parse(&[], &[]).heads.is_empty());
    }

    #[test]
    fn beam_training_learns_tiny_treebank_and_stores_its_width() {
        let sentences = crate::conllu::parse(super::super::tagger::tests::TINY, "tiny").unwrap();
        let options = ParserOptions {
            epochs: 15,
            seed: 2,
            min_weight: 0.0,
            explore: 0.9,
            beam: 3,
        };
        let parser = Parser::train(&sentences, &[], &options, &mut |_| {});
        assert_eq!(parser.beam(), 3);
        let forms = ["The", "cat", "saw", "the", "dog", "."];
        let tags = ["DT", "NN", "VBD", "DT", "NN", "."];
        let tree = parser.parse(&forms, &tags);
        assert_eq!(tree.heads, vec![2, 3, 0, 5, 3, 3]);
        assert_eq!(tree.labels[2], "root");
        assert_eq!(tree.labels[4], "obj");
        let bytes = parser.to_bytes();
        assert_eq!(&bytes[12..20], KIND_BEAM);
        let again = Parser::from_bytes(&bytes, "p").unwrap();
        assert_eq!(again.beam(), 3);
        assert_eq!(again.to_bytes(), bytes);
        assert_eq!(again.parse(&forms, &tags), tree);
        // The same weights decode greedily when asked to, and a greedy model's file keeps
        // the kind it had before beams.
        let greedy = parser.with_beam(1);
        assert_eq!(greedy.parse(&forms, &tags).heads.len(), 6);
        assert_eq!(&greedy.to_bytes()[12..20], KIND);
        // One word, no words and a word with an unknown tag parse without panicking.
        assert_eq!(parser.parse(&["Hello"], &["UH"]).heads, vec![0]);
        assert!(parser.parse(&[], &[]).heads.is_empty());
        assert_eq!(parser.parse(&["x", "y"], &["??", "??"]).heads.len(), 2);
    }
}
