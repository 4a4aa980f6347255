//! The lemmatizer: an exception lexicon plus suffix rules, both learned from a treebank.
//!
//! A rule maps a Penn tag and the last characters of the lower-cased word to an edit: whether
//! to lower-case the word, how many characters to strip from its end and what to append
//! (`VBG` + `ing` → strip 3). The longest suffix seen often enough wins. Words whose lemma
//! the rules get wrong in the training data are kept in a lexicon keyed by form and tag.

use std::collections::{BTreeMap, HashMap};

use super::binary::{Reader, Writer};
use super::verbforms;
use crate::conllu::ConlluSentence;
use crate::error::Result;

const KIND: &[u8; 8] = b"lemmas\0\0";
const MAX_SUFFIX: usize = 7;

/// An edit that turns a word into its lemma.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Edit {
    lower: bool,
    strip: u8,
    append: String,
}

impl Edit {
    fn between(form: &str, lemma: &str) -> Option<Edit> {
        let lower = !lemma.chars().any(char::is_uppercase);
        let source = if lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let common = source
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let strip = source.chars().count() - common;
        let append: String = lemma.chars().skip(common).collect();
        (strip <= 255).then_some(Edit {
            lower,
            strip: strip as u8,
            append,
        })
    }

    fn apply(&self, form: &str) -> Option<String> {
        let source = if self.lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = source.chars().count();
        let strip = self.strip as usize;
        if strip > n || (strip == n && self.append.is_empty()) {
            return None;
        }
        let mut out: String = source.chars().take(n - strip).collect();
        out.push_str(&self.append);
        Some(out)
    }
}

/// A trained lemmatizer.
#[derive(Debug, Clone, PartialEq)]
pub struct Lemmatizer {
    edits: Vec<Edit>,
    /// (XPOS, lower-cased suffix) → edit index.
    rules: HashMap<(String, String), u32>,
    /// (form, XPOS) → lemma, where the rules are wrong.
    lexicon: HashMap<(String, String), String>,
}

fn suffix_chars(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if n > count {
        return None;
    }
    Some(super::features::suffix(s, n))
}

impl Lemmatizer {
    /// The lemma of a word with a Penn tag.
    pub fn lemmatize(&self, form: &str, xpos: &str) -> String {
        if let Some(l) = self.lexicon.get(&(form.to_string(), xpos.to_string())) {
            return l.clone();
        }
        // Verb forms the treebank may not show: irregular pasts, and regular ones whose
        // spelling settles the lemma (see `verbforms`).
        let lower = form.to_lowercase();
        if let Some(l) = verbforms::irregular(&lower, xpos) {
            return l.to_string();
        }
        if let Some(l) = verbforms::regular_past(&lower, xpos) {
            return l;
        }
        self.by_rules(form, lower, xpos)
    }

    /// The lemma by the suffix rules; `lower` is `form` in lower case.
    fn by_rules(&self, form: &str, lower: String, xpos: &str) -> String {
        let mut key = (xpos.to_string(), String::new());
        for n in (0..=MAX_SUFFIX).rev() {
            let Some(suf) = suffix_chars(&lower, n) else {
                continue;
            };
            key.1.clear();
            key.1.push_str(suf);
            if let Some(out) = self
                .rules
                .get(&key)
                .and_then(|&e| self.edits.get(e as usize))
                .and_then(|e| e.apply(form))
                // A singular proper noun the lexicon does not know is never lengthened:
                // rules learned from abbreviations ("Nov." → "November") would turn
                // "Lavrov" into "Lavrovember".
                .filter(|out| xpos != "NNP" || out.len() <= form.len())
            {
                return out;
            }
        }
        if xpos.starts_with("NNP") {
            form.to_string()
        } else {
            lower
        }
    }

    /// Learns rules and exceptions from gold sentences. Suffix rules need `min_support`
    /// examples.
    pub fn train(train: &[ConlluSentence], min_support: usize) -> Lemmatizer {
        let mut pairs: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
        for s in train {
            for w in &s.words {
                if w.lemma.is_empty() || w.lemma == "_" && w.form != "_" {
                    continue;
                }
                *pairs
                    .entry((w.form.clone(), w.xpos.clone()))
                    .or_default()
                    .entry(w.lemma.clone())
                    .or_default() += 1;
            }
        }
        // Count edits per (xpos, suffix), over word tokens.
        let mut counts: BTreeMap<(String, String), BTreeMap<Edit, usize>> = BTreeMap::new();
        for ((form, xpos), lemmas) in &pairs {
            let lower = form.to_lowercase();
            for (lemma, &n) in lemmas {
                let Some(edit) = Edit::between(form, lemma) else {
                    continue;
                };
                for k in 0..=MAX_SUFFIX {
                    let Some(suf) = suffix_chars(&lower, k) else {
                        break;
                    };
                    // Only suffixes at least as long as the stripped part generalise.
                    if k < edit.strip as usize {
                        continue;
                    }
                    *counts
                        .entry((xpos.clone(), suf.to_string()))
                        .or_default()
                        .entry(edit.clone())
                        .or_default() += n;
                }
            }
        }
        let mut edit_index: BTreeMap<Edit, u32> = BTreeMap::new();
        let mut best: BTreeMap<(String, String), Edit> = BTreeMap::new();
        for (key, edits) in &counts {
            let total: usize = edits.values().sum();
            if total < min_support && !key.1.is_empty() {
                continue;
            }
            let (edit, _) = edits
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .expect("non-empty");
            best.insert(key.clone(), edit.clone());
        }
        // Drop rules that say the same as the next shorter suffix that is kept.
        let mut rules = HashMap::new();
        for (key, edit) in &best {
            let chars: Vec<char> = key.1.chars().collect();
            let mut parent = None;
            for k in (0..chars.len()).rev() {
                let s: String = chars[chars.len() - k..].iter().collect();
                if let Some(e) = best.get(&(key.0.clone(), s)) {
                    parent = Some(e);
                    break;
                }
            }
            if parent == Some(edit) {
                continue;
            }
            let next = edit_index.len() as u32;
            let i = *edit_index.entry(edit.clone()).or_insert(next);
            rules.insert(key.clone(), i);
        }
        let mut edits = vec![Edit::between("", "").expect("empty edit"); edit_index.len()];
        for (e, &i) in &edit_index {
            edits[i as usize] = e.clone();
        }
        let mut lemmatizer = Lemmatizer {
            edits,
            rules,
            lexicon: HashMap::new(),
        };
        for ((form, xpos), lemmas) in &pairs {
            let (lemma, _) = lemmas
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .expect("non-empty");
            if lemmatizer.by_rules(form, form.to_lowercase(), xpos) != *lemma {
                lemmatizer
                    .lexicon
                    .insert((form.clone(), xpos.clone()), lemma.clone());
            }
        }
        lemmatizer
    }

    /// Serialises the lemmatizer.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(KIND);
        w.u32(self.edits.len() as u32);
        for e in &self.edits {
            w.u8(u8::from(e.lower));
            w.u8(e.strip);
            w.str(&e.append);
        }
        let rules: BTreeMap<_, _> = self.rules.iter().collect();
        w.u32(rules.len() as u32);
        for ((x, s), &i) in rules {
            w.str(x);
            w.str(s);
            w.u32(i);
        }
        let lexicon: BTreeMap<_, _> = self.lexicon.iter().collect();
        w.u32(lexicon.len() as u32);
        for ((f, x), l) in lexicon {
            w.str(f);
            w.str(x);
            w.str(l);
        }
        w.into_bytes()
    }

    /// Reads a lemmatizer written by [`Lemmatizer::to_bytes`].
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Lemmatizer> {
        let mut r = Reader::with_header(bytes, name, KIND)?;
        let n = r.u32()? as usize;
        if n > r.remaining() / 6 {
            return Err(r.error("edit list longer than the file"));
        }
        let mut edits = Vec::with_capacity(n);
        for _ in 0..n {
            let lower = r.u8()? != 0;
            let strip = r.u8()?;
            let append = r.str()?;
            edits.push(Edit {
                lower,
                strip,
                append,
            });
        }
        let n = r.u32()? as usize;
        if n > r.remaining() / 12 {
            return Err(r.error("rule list longer than the file"));
        }
        let mut rules = HashMap::with_capacity(n);
        for _ in 0..n {
            let key = (r.str()?, r.str()?);
            let i = r.u32()?;
            if i as usize >= edits.len() {
                return Err(r.error("rule edit out of range"));
            }
            rules.insert(key, i);
        }
        let n = r.u32()? as usize;
        if n > r.remaining() / 12 {
            return Err(r.error("lexicon longer than the file"));
        }
        let mut lexicon = HashMap::with_capacity(n);
        for _ in 0..n {
            let key = (r.str()?, r.str()?);
            lexicon.insert(key, r.str()?);
        }
        r.finish()?;
        Ok(Lemmatizer {
            edits,
            rules,
            lexicon,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_rules_and_exceptions() {
        let text = "\
1\tWalking\twalk\tVERB\tVBG\t_\t0\troot\t_\t_
2\ttalking\ttalk\tVERB\tVBG\t_\t1\tconj\t_\t_
3\tjumping\tjump\tVERB\tVBG\t_\t1\tconj\t_\t_
4\twent\tgo\tVERB\tVBD\t_\t1\tconj\t_\t_
5\tParis\tParis\tPROPN\tNNP\t_\t1\tobj\t_\t_

";
        let sentences = crate::conllu::parse(text, "t").unwrap();
        let l = Lemmatizer::train(&sentences, 2);
        assert_eq!(l.lemmatize("singing", "VBG"), "sing");
        assert_eq!(l.lemmatize("Reading", "VBG"), "read");
        assert_eq!(l.lemmatize("went", "VBD"), "go");
        assert_eq!(l.lemmatize("London", "NNP"), "London");
        assert_eq!(l.lemmatize("Lavrov", "NNP"), "Lavrov");
        let bytes = l.to_bytes();
        assert_eq!(Lemmatizer::from_bytes(&bytes, "l").unwrap(), l);
        assert!(Lemmatizer::from_bytes(&bytes[..bytes.len() - 1], "l").is_err());
    }
}
