//! The part-of-speech tagger: a greedy left-to-right averaged perceptron that predicts the
//! pair of a Penn Treebank tag (XPOS) and a universal tag (UPOS) for each word at once.
//!
//! Besides the usual window of words, affixes, shapes and the two previous predictions, the
//! features include each word's ambiguity class (the set of tags it had in training), which
//! gives the tagger a view of the words to its right. Very frequent words that always had the
//! same tag are tagged from a dictionary without scoring.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::binary::{Reader, Writer};
use super::features::{Rng, WordMap, argmax_where, feature, hash_shape, hash_str, prefix, suffix};
use super::perceptron::{Trainer, Weights};
use crate::conllu::ConlluSentence;
use crate::error::Result;

const KIND: &[u8; 8] = b"tagger\0\0";
const START: u64 = 0x5354_4152_5431;
const START2: u64 = 0x5354_4152_5432;
const END: u64 = 0x454e_4431;
const END2: u64 = 0x454e_4432;

/// Settings of a tagger training.
#[derive(Debug, Clone)]
pub struct TaggerOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffles.
    pub seed: u64,
    /// Averaged weights of smaller magnitude are dropped from the model.
    pub min_weight: f32,
    /// Folds of the jackknife that trains the second pass; below 2 there is no second pass.
    pub folds: usize,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            epochs: 8,
            seed: 1,
            min_weight: 0.5,
            folds: 0,
        }
    }
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    /// The (XPOS, UPOS) pairs, indexed by class.
    tags: Vec<(String, String)>,
    weights: Weights,
    /// Lower-cased word → hash of its ambiguity class and its most frequent class.
    ambiguity: WordMap<(u64, u16)>,
    /// Exact form → hash of its ambiguity class (case matters: `Apple` is not `apple`).
    exact: WordMap<u64>,
    /// Exact form → class, for frequent unambiguous words.
    dictionary: WordMap<u16>,
    /// The second pass, which also sees the first pass's tags of the words to the right.
    second: Option<Weights>,
    /// The finite lexical verb classes, derived from `tags` once so that tagging does not
    /// look them up for every sentence.
    finite_verbs: Vec<usize>,
}

/// The classes of `tags` that are finite lexical verbs (Penn VBD, VBZ or VBP with UPOS VERB).
fn finite_verb_classes(tags: &[(String, String)]) -> Vec<usize> {
    tags.iter()
        .enumerate()
        .filter(|(_, (x, u))| u == "VERB" && matches!(x.as_str(), "VBD" | "VBZ" | "VBP"))
        .map(|(c, _)| c)
        .collect()
}

/// The finite-verb reading of one word: its best finite-verb class and how far that class's
/// score fell below the class the tagger chose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VerbChoice {
    /// The finite-verb class.
    pub class: usize,
    /// The chosen class's score minus this class's score (0 or more).
    pub margin: f32,
}

/// The per-word values that features are made of.
struct Token {
    form: u64,
    lower: u64,
    suffixes: [u64; 4],
    prefixes: [u64; 3],
    shape: u64,
    ambiguity: u64,
    frequent: u64,
    known: u64,
    last_part: u64,
    exact: u64,
}

impl Tagger {
    /// The XPOS of a class.
    pub fn xpos(&self, class: usize) -> &str {
        self.tags.get(class).map_or("_", |t| t.0.as_str())
    }

    /// The class with this Penn tag and universal tag, if the model has one.
    pub fn class_of(&self, xpos: &str, upos: &str) -> Option<usize> {
        self.tags.iter().position(|(x, u)| x == xpos && u == upos)
    }

    /// The UPOS of a class.
    pub fn upos(&self, class: usize) -> &str {
        self.tags.get(class).map_or("X", |t| t.1.as_str())
    }

    /// A copy without the weights whose magnitude is below `min_weight`.
    pub fn pruned(&self, min_weight: f32) -> Tagger {
        Tagger {
            weights: self.weights.pruned(min_weight),
            second: self.second.as_ref().map(|w| w.pruned(min_weight)),
            ..self.clone()
        }
    }

    /// The number of features in the model.
    pub fn features(&self) -> usize {
        self.weights.features()
    }

    fn tokens(&self, forms: &[&str]) -> Vec<Token> {
        forms
            .iter()
            .map(|form| token(form, &self.ambiguity, &self.exact))
            .collect()
    }

    /// Tags a sentence; returns one class per word.
    pub fn tag(&self, forms: &[&str]) -> Vec<usize> {
        self.tag_with(forms, &[], None)
    }

    /// Tags a sentence and finds, for each word the dictionary does not tag, the finite-verb
    /// class (VBD, VBZ or VBP with UPOS VERB) that scored best there, with the margin by which
    /// its score fell short of the chosen class's (0 when a finite-verb class was chosen).
    pub fn tag_with_verbs(&self, forms: &[&str]) -> (Vec<usize>, Vec<Option<VerbChoice>>) {
        let mut verbs = vec![None; forms.len()];
        let classes = self.tag_with(forms, &[], Some(&mut verbs));
        (classes, verbs)
    }

    /// Tags a sentence with the class of word `index` fixed to `class`; the words after it
    /// are tagged again with that tag in their history.
    pub fn tag_forced(&self, forms: &[&str], index: usize, class: usize) -> Vec<usize> {
        self.tag_with(forms, &[(index, class)], None)
    }

    /// Tags a sentence with the classes of some words fixed (word, class); the other words
    /// are tagged with those tags in their history.
    pub fn tag_forced_all(&self, forms: &[&str], forced: &[(usize, usize)]) -> Vec<usize> {
        self.tag_with(forms, forced, None)
    }

    /// Whether a class is a finite lexical verb (Penn VBD, VBZ or VBP with UPOS VERB).
    pub fn is_finite_verb(&self, class: usize) -> bool {
        self.finite_verbs.contains(&class)
    }

    fn tag_with(
        &self,
        forms: &[&str],
        forced: &[(usize, usize)],
        verbs: Option<&mut Vec<Option<VerbChoice>>>,
    ) -> Vec<usize> {
        let tokens = self.tokens(forms);
        match &self.second {
            Some(second) => {
                let first = self.pass(&self.weights, forms, &tokens, None, forced, None);
                self.pass(second, forms, &tokens, Some(&first), forced, verbs)
            }
            None => self.pass(&self.weights, forms, &tokens, None, forced, verbs),
        }
    }

    /// One left-to-right pass; the second pass also sees the first pass's tags. `forced`
    /// fixes some words' classes; `verbs`, when given, receives each word's best finite-verb
    /// class and its margin.
    fn pass(
        &self,
        weights: &Weights,
        forms: &[&str],
        tokens: &[Token],
        lookahead: Option<&[usize]>,
        forced: &[(usize, usize)],
        mut verbs: Option<&mut Vec<Option<VerbChoice>>>,
    ) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::with_capacity(forms.len());
        let mut scores = vec![0f32; weights.classes()];
        let mut feats = Vec::with_capacity(64);
        for (i, form) in forms.iter().enumerate() {
            if let Some(&(_, class)) = forced.iter().find(|(at, _)| *at == i) {
                out.push(class);
                continue;
            }
            if let Some(&c) = self.dictionary.get(*form) {
                out.push(c as usize);
                continue;
            }
            features(tokens, i, &out, lookahead, &mut feats);
            weights.score(&feats, &mut scores);
            let best = argmax_where(&scores, |_| true).unwrap_or(0);
            if let Some(slot) = verbs.as_deref_mut().and_then(|v| v.get_mut(i))
                && let Some(&verb) = self
                    .finite_verbs
                    .iter()
                    .max_by(|&&a, &&b| scores[a].total_cmp(&scores[b]))
            {
                *slot = Some(VerbChoice {
                    class: verb,
                    margin: scores[best] - scores[verb],
                });
            }
            out.push(best);
        }
        out
    }

    /// Trains a tagger on gold sentences. `log` receives one line per epoch.
    pub fn train(
        train: &[ConlluSentence],
        options: &TaggerOptions,
        log: &mut dyn FnMut(&str),
    ) -> Tagger {
        // Classes, word statistics and the dictionary, all in sorted maps.
        let mut pair_counts: BTreeMap<(String, String), usize> = BTreeMap::new();
        for s in train {
            for w in &s.words {
                *pair_counts
                    .entry((w.xpos.clone(), w.upos.clone()))
                    .or_default() += 1;
            }
        }
        let tags: Vec<(String, String)> = pair_counts.keys().take(256).cloned().collect();
        let class_of: BTreeMap<(String, String), u16> = tags
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as u16))
            .collect();
        let class = |w: &crate::conllu::ConlluWord| -> usize {
            class_of
                .get(&(w.xpos.clone(), w.upos.clone()))
                .copied()
                .unwrap_or(0) as usize
        };
        let mut lower_tags: BTreeMap<String, BTreeMap<u16, usize>> = BTreeMap::new();
        let mut form_tags: BTreeMap<String, BTreeMap<u16, usize>> = BTreeMap::new();
        for s in train {
            for w in &s.words {
                let c = class(w) as u16;
                *lower_tags
                    .entry(w.form.to_lowercase())
                    .or_default()
                    .entry(c)
                    .or_default() += 1;
                *form_tags
                    .entry(w.form.clone())
                    .or_default()
                    .entry(c)
                    .or_default() += 1;
            }
        }
        let mut ambiguity = WordMap::default();
        for (word, counts) in &lower_tags {
            let total: usize = counts.values().sum();
            if total < 2 {
                continue;
            }
            let mut h = 0x414d_4249u64;
            for (&c, &n) in counts {
                if n * 20 >= total {
                    h = super::features::mix64(h ^ u64::from(c) ^ 0x100);
                }
            }
            let (&best, _) = counts
                .iter()
                .max_by_key(|&(c, n)| (*n, std::cmp::Reverse(*c)))
                .expect("non-empty");
            ambiguity.insert(word.clone(), (h, best));
        }
        let mut exact = WordMap::default();
        for (word, counts) in &form_tags {
            let total: usize = counts.values().sum();
            if total < 2 {
                continue;
            }
            let mut h = 0x4558_4143u64;
            for (&c, &n) in counts {
                if n * 20 >= total {
                    h = super::features::mix64(h ^ u64::from(c) ^ 0x200);
                }
            }
            exact.insert(word.clone(), h);
        }
        let mut dictionary = WordMap::default();
        for (word, counts) in &form_tags {
            let total: usize = counts.values().sum();
            let (&best, &n) = counts
                .iter()
                .max_by_key(|&(c, n)| (*n, std::cmp::Reverse(*c)))
                .expect("non-empty");
            if total >= 20 && n * 1000 >= total * 995 {
                dictionary.insert(word.clone(), best);
            }
        }
        let mut tagger = Tagger {
            weights: Trainer::new(tags.len()).freeze(1.0),
            finite_verbs: finite_verb_classes(&tags),
            tags,
            ambiguity,
            exact,
            dictionary,
            second: None,
        };
        // The first pass, trained on all the data.
        tagger.weights = tagger.train_pass(train, &class, options, None, log);
        // The second pass learns from first-pass tags that look like those of unseen text:
        // each fold is tagged by a first pass trained on the other folds.
        let folds = options.folds;
        if folds >= 2 {
            let mut lookahead = vec![Vec::new(); train.len()];
            for fold in 0..folds {
                let rest: Vec<ConlluSentence> = train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds != fold)
                    .map(|(_, s)| s.clone())
                    .collect();
                let weights = tagger.train_pass(&rest, &class, options, None, &mut |_| {});
                for (i, s) in train.iter().enumerate() {
                    if i % folds == fold {
                        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                        let tokens = tagger.tokens(&forms);
                        lookahead[i] = tagger.pass(&weights, &forms, &tokens, None, &[], None);
                    }
                }
                log(&format!("tagger fold {} of {folds} tagged", fold + 1));
            }
            tagger.second = Some(tagger.train_pass(train, &class, options, Some(&lookahead), log));
        }
        tagger
    }

    fn train_pass(
        &self,
        train: &[ConlluSentence],
        class: &dyn Fn(&crate::conllu::ConlluWord) -> usize,
        options: &TaggerOptions,
        lookahead: Option<&[Vec<usize>]>,
        log: &mut dyn FnMut(&str),
    ) -> Weights {
        let mut trainer = Trainer::new(self.tags.len());
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = Rng::new(options.seed);
        let mut scores = vec![0f32; self.tags.len()];
        let mut feats = Vec::with_capacity(64);
        for epoch in 0..options.epochs {
            rng.shuffle(&mut order);
            let (mut correct, mut total) = (0usize, 0usize);
            for &si in &order {
                let s = &train[si];
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let tokens = self.tokens(&forms);
                let look = lookahead
                    .and_then(|l| l.get(si))
                    .filter(|l| l.len() == forms.len());
                let mut out: Vec<usize> = Vec::with_capacity(forms.len());
                for (i, w) in s.words.iter().enumerate() {
                    let gold = class(w);
                    if let Some(&c) = self.dictionary.get(forms[i]) {
                        out.push(c as usize);
                        correct += usize::from(c as usize == gold);
                        total += 1;
                        continue;
                    }
                    features(&tokens, i, &out, look.map(Vec::as_slice), &mut feats);
                    trainer.tick();
                    trainer.score(&feats, &mut scores);
                    let guess = argmax_where(&scores, |_| true).unwrap_or(0);
                    trainer.update(&feats, gold, guess);
                    correct += usize::from(guess == gold);
                    total += 1;
                    out.push(guess);
                }
            }
            log(&format!(
                "tagger {} pass, epoch {}: training accuracy {:.2}%",
                if lookahead.is_some() {
                    "second"
                } else {
                    "first"
                },
                epoch + 1,
                100.0 * correct as f64 / total.max(1) as f64
            ));
        }
        trainer.freeze(options.min_weight)
    }

    /// Serialises the tagger.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(KIND);
        w.u32(self.tags.len() as u32);
        for (x, u) in &self.tags {
            w.str(x);
            w.str(u);
        }
        let amb: BTreeMap<&String, &(u64, u16)> = self.ambiguity.iter().collect();
        w.u32(amb.len() as u32);
        for (word, (h, best)) in amb {
            w.str(word);
            w.u32((*h >> 32) as u32);
            w.u32(*h as u32);
            w.u16(*best);
        }
        let exact: BTreeMap<&String, &u64> = self.exact.iter().collect();
        w.u32(exact.len() as u32);
        for (word, h) in exact {
            w.str(word);
            w.u32((*h >> 32) as u32);
            w.u32(*h as u32);
        }
        let dict: BTreeMap<&String, &u16> = self.dictionary.iter().collect();
        w.u32(dict.len() as u32);
        for (word, c) in dict {
            w.str(word);
            w.u16(*c);
        }
        self.weights.write(&mut w);
        match &self.second {
            Some(second) => {
                w.u8(1);
                second.write(&mut w);
            }
            None => w.u8(0),
        }
        w.into_bytes()
    }

    /// Reads a tagger written by [`Tagger::to_bytes`]; `name` names the file in errors.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Tagger> {
        let mut r = Reader::with_header(bytes, name, KIND)?;
        let n = r.u32()? as usize;
        if n == 0 || n > 256 {
            return Err(r.error("bad tag count"));
        }
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            tags.push((r.str()?, r.str()?));
        }
        let n = r.u32()? as usize;
        if n > r.remaining() / 12 {
            return Err(r.error("lexicon longer than the file"));
        }
        let mut ambiguity = WordMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let word = r.str()?;
            let h = (u64::from(r.u32()?) << 32) | u64::from(r.u32()?);
            let best = r.u16()?;
            ambiguity.insert(word, (h, best));
        }
        let n = r.u32()? as usize;
        if n > r.remaining() / 12 {
            return Err(r.error("lexicon longer than the file"));
        }
        let mut exact = WordMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let word = r.str()?;
            let h = (u64::from(r.u32()?) << 32) | u64::from(r.u32()?);
            exact.insert(word, h);
        }
        let n = r.u32()? as usize;
        if n > r.remaining() / 6 {
            return Err(r.error("dictionary longer than the file"));
        }
        let mut dictionary = WordMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let word = r.str()?;
            let c = r.u16()?;
            if c as usize >= tags.len() {
                return Err(r.error("dictionary tag out of range"));
            }
            dictionary.insert(word, c);
        }
        let weights = Weights::read(&mut r)?;
        let second = match r.u8()? {
            0 => None,
            1 => Some(Weights::read(&mut r)?),
            _ => return Err(r.error("bad second-pass flag")),
        };
        if weights.classes() != tags.len()
            || second.as_ref().is_some_and(|s| s.classes() != tags.len())
        {
            return Err(r.error("weights do not match the tag set"));
        }
        r.finish()?;
        Ok(Tagger {
            finite_verbs: finite_verb_classes(&tags),
            tags,
            weights,
            ambiguity,
            exact,
            dictionary,
            second,
        })
    }
}

fn token(form: &str, ambiguity: &WordMap<(u64, u16)>, exact: &WordMap<u64>) -> Token {
    let lower: Cow<str> = if form.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        Cow::Owned(form.to_lowercase())
    } else {
        Cow::Borrowed(form)
    };
    let entry = ambiguity.get(lower.as_ref()).copied();
    let shape = hash_shape(form, 2);
    let amb = entry.map_or(shape ^ 0x0055_4e4b, |e| e.0);
    let frequent = entry.map_or(0x0055_4e4b, |e| u64::from(e.1));
    let last_part = match lower.rsplit_once('-') {
        Some((_, last)) if !last.is_empty() => hash_str(last),
        _ => 0,
    };
    Token {
        exact: exact.get(form).copied().unwrap_or(0x0055_4e4b),
        frequent,
        known: u64::from(entry.is_some()),
        last_part,
        form: hash_str(form),
        lower: hash_str(&lower),
        suffixes: [1, 2, 3, 4].map(|n| hash_str(suffix(&lower, n))),
        prefixes: [1, 2, 3].map(|n| hash_str(prefix(&lower, n))),
        shape,
        ambiguity: amb,
    }
}

/// The features of word `i`, given the classes predicted for the words before it.
fn features(
    tokens: &[Token],
    i: usize,
    previous: &[usize],
    lookahead: Option<&[usize]>,
    out: &mut Vec<u32>,
) {
    out.clear();
    let t = &tokens[i];
    let p1 = if i >= 1 {
        previous[i - 1] as u64
    } else {
        START
    };
    let p2 = if i >= 2 {
        previous[i - 2] as u64
    } else {
        START2
    };
    let at = |j: isize, f: fn(&Token) -> u64, before: u64, after: u64| -> u64 {
        if j < 0 {
            before
        } else if j as usize >= tokens.len() {
            after
        } else {
            f(&tokens[j as usize])
        }
    };
    let i = i as isize;
    let w_m1 = at(i - 1, |t| t.lower, START, END);
    let w_m2 = at(i - 2, |t| t.lower, START2, END2);
    let w_p1 = at(i + 1, |t| t.lower, START, END);
    let w_p2 = at(i + 2, |t| t.lower, START2, END2);
    let s_m1 = at(i - 1, |t| t.suffixes[2], START, END);
    let s_p1 = at(i + 1, |t| t.suffixes[2], START, END);
    let a_p1 = at(i + 1, |t| t.ambiguity, START, END);
    let a_p2 = at(i + 2, |t| t.ambiguity, START2, END2);
    let a_m1 = at(i - 1, |t| t.ambiguity, START, END);
    let sh_p1 = at(i + 1, |t| t.shape, START, END);
    let first = u64::from(i == 0);
    let f_p1 = at(i + 1, |t| t.frequent, START, END);
    let e_p1 = at(i + 1, |t| t.exact, START, END);
    let fs = [
        feature(0, 0, 0, 0),
        feature(1, t.lower, 0, 0),
        feature(2, t.form, 0, 0),
        feature(3, t.suffixes[0], 0, 0),
        feature(4, t.suffixes[1], 0, 0),
        feature(5, t.suffixes[2], 0, 0),
        feature(6, t.suffixes[3], 0, 0),
        feature(7, t.prefixes[0], 0, 0),
        feature(8, t.prefixes[1], 0, 0),
        feature(9, t.prefixes[2], 0, 0),
        feature(10, t.shape, first, 0),
        feature(11, p1, 0, 0),
        feature(12, p2, 0, 0),
        feature(13, p1, p2, 0),
        feature(14, p1, t.lower, 0),
        feature(15, w_m1, 0, 0),
        feature(16, s_m1, 0, 0),
        feature(17, w_m2, 0, 0),
        feature(18, w_p1, 0, 0),
        feature(19, s_p1, 0, 0),
        feature(20, w_p2, 0, 0),
        feature(21, t.ambiguity, 0, 0),
        feature(22, a_p1, 0, 0),
        feature(23, a_p2, 0, 0),
        feature(24, t.ambiguity, a_p1, 0),
        feature(25, p1, t.ambiguity, 0),
        feature(26, t.lower, w_p1, 0),
        feature(27, w_m1, t.lower, 0),
        feature(28, p1, t.suffixes[2], 0),
        feature(29, t.lower, a_p1, 0),
        feature(30, sh_p1, 0, 0),
        feature(31, a_m1, t.ambiguity, 0),
        feature(32, p1, t.ambiguity, a_p1),
        feature(33, t.shape, t.suffixes[1], 0),
        feature(34, p1, w_p1, 0),
        feature(35, w_m1, w_p1, 0),
        feature(36, p2, t.lower, 0),
        feature(37, t.known, t.suffixes[2], t.shape),
        feature(38, p1, a_p1, 0),
        feature(39, t.last_part, 0, 0),
        feature(40, t.frequent, 0, 0),
        feature(41, f_p1, 0, 0),
        feature(42, p1, t.frequent, f_p1),
        feature(43, t.known, t.suffixes[3], first),
        feature(44, t.exact, 0, 0),
        feature(45, e_p1, 0, 0),
    ];
    out.extend_from_slice(&fs);
    if let Some(l) = lookahead {
        let tag = |j: usize, none: u64| l.get(j).map_or(none, |&c| c as u64);
        let (l0, l1, l2) = (
            tag(i as usize, END),
            tag(i as usize + 1, END),
            tag(i as usize + 2, END2),
        );
        let more = [
            feature(60, l0, 0, 0),
            feature(61, l1, 0, 0),
            feature(62, l2, 0, 0),
            feature(63, p1, l1, 0),
            feature(64, l1, l2, 0),
            feature(65, t.lower, l1, 0),
            feature(66, l0, l1, 0),
            feature(67, p1, l0, l1),
            feature(68, t.suffixes[2], l1, 0),
        ];
        out.extend_from_slice(&more);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tiny treebank written for the tests.
    pub(crate) const TINY: &str = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tdogs\tdog\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tbarked\tbark\tVERB\tVBD\t_\t0\troot\t_\t_
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_
2\tcat\tcat\tNOUN\tNN\t_\t3\tnsubj\t_\t_
3\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\t_
4\there\there\tADV\tRB\t_\t3\tadvmod\t_\t_
5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcats\tcat\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tdog\tdog\tNOUN\tNN\t_\t3\tobj\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";

    #[test]
    fn trains_saves_and_loads() {
        let sentences = crate::conllu::parse(TINY, "tiny").unwrap();
        let options = TaggerOptions {
            epochs: 10,
            seed: 3,
            min_weight: 0.0,
            folds: 2,
        };
        let tagger = Tagger::train(&sentences, &options, &mut |_| {});
        let classes = tagger.tag(&["The", "cat", "barked", "."]);
        assert_eq!(tagger.xpos(classes[0]), "DT");
        assert_eq!(tagger.upos(classes[3]), "PUNCT");
        // A forced class is kept, and the scores name a finite-verb reading for each word
        // the dictionary does not tag.
        let forced = tagger.tag_forced(&["The", "cat", "barked", "."], 2, classes[1]);
        assert_eq!(forced[2], classes[1]);
        assert_eq!(forced[..2], classes[..2]);
        let (same, verbs) = tagger.tag_with_verbs(&["The", "cat", "barked", "."]);
        assert_eq!(same, classes);
        let barked = verbs[2].expect("a finite-verb reading");
        assert!(tagger.is_finite_verb(barked.class));
        assert_eq!(barked.margin, 0.0);
        let cat = verbs[1].expect("a finite-verb reading");
        assert!(cat.margin > 0.0);
        let bytes = tagger.to_bytes();
        let again = Tagger::from_bytes(&bytes, "t").unwrap();
        assert_eq!(again.tag(&["The", "cat", "barked", "."]), classes);
        assert_eq!(again.to_bytes(), bytes);
        assert!(Tagger::from_bytes(&bytes[..bytes.len() - 3], "t").is_err());
        let mut bad = bytes.clone();
        bad[0] = b'X';
        assert!(Tagger::from_bytes(&bad, "t").is_err());
    }
}
