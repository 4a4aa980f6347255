//! Tagging, lemmatization and dependency parsing of English, with models trained on UD
//! English EWT.
//!
//! [`tagger`] predicts Penn (XPOS) and universal (UPOS) tags, [`lemmatizer`] lemmas and
//! [`parser`] labelled dependency trees with UD relations; [`retag`] gives a sentence the
//! tagger left without a finite verb the one it nearly chose, [`infinitive`] reads a "to"
//! taken for a preposition after "offered" or "vowed" as the infinitive marker, and
//! [`repair`] makes a main verb the parser hung under its subject the root; [`conjunct`],
//! [`subordinate`] and [`particle`] repair a first coordinated verb hung on the subject, a
//! clause after "as" or "after" read as a phrase, and a phrasal verb's misplaced particle;
//! [`voice`] makes active a passive subject of a verb that cannot be passive.
//! [`model`] holds the trained models that are embedded in the binary and loads them once,
//! on first use. [`Models::annotate`]
//! runs the three on one sentence; [`annotate_document`] fills every word of a document.

pub mod binary;
pub mod conjunct;
pub mod features;
pub mod infinitive;
pub mod lemmatizer;
pub mod model;
pub mod parser;
pub mod particle;
pub mod perceptron;
pub mod repair;
pub mod retag;
pub mod subordinate;
pub mod tagger;
pub mod verbforms;
pub mod voice;

use crate::conllu::ConlluSentence;
use crate::document::Document;
use crate::error::Result;

pub use lemmatizer::Lemmatizer;
pub use parser::{Parser, ParserOptions};
pub use tagger::{Tagger, TaggerOptions};

/// The analysis of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The lemma.
    pub lemma: String,
    /// The universal tag.
    pub upos: String,
    /// The Penn tag.
    pub xpos: String,
    /// The head: 0 for the root, otherwise the 1-based number of the head word.
    pub head: usize,
    /// The relation to the head.
    pub deprel: String,
}

/// The three models together.
#[derive(Debug, Clone)]
pub struct Models {
    /// The tagger.
    pub tagger: Tagger,
    /// The lemmatizer.
    pub lemmatizer: Lemmatizer,
    /// The parser.
    pub parser: Parser,
}

impl Models {
    /// Reads the three model files.
    pub fn from_bytes(tagger: &[u8], lemmatizer: &[u8], parser: &[u8]) -> Result<Models> {
        Ok(Models {
            tagger: Tagger::from_bytes(tagger, "tagger model")?,
            lemmatizer: Lemmatizer::from_bytes(lemmatizer, "lemmatizer model")?,
            parser: Parser::from_bytes(parser, "parser model")?,
        })
    }

    /// Tags, lemmatizes and parses one sentence of word forms.
    pub fn annotate(&self, forms: &[&str]) -> Vec<Analysis> {
        let (mut classes, verbs) = self.tagger.tag_with_verbs(forms);
        let mut xpos: Vec<&str> = classes.iter().map(|&c| self.tagger.xpos(c)).collect();
        // A sentence the tagger left without a finite verb gets back the one it nearly chose
        // (see `retag`), and the words after it are tagged again.
        let class_xpos = |c: usize| self.tagger.xpos(c);
        let mut restored = None;
        if retag::lacks_finite_verb(forms, &xpos)
            && let Some((i, choice)) =
                retag::verb_to_restore(forms, &xpos, &verbs, retag::MAX_MARGIN, &class_xpos)
        {
            classes = self.tagger.tag_forced(forms, i, choice.class);
            xpos = classes.iter().map(|&c| self.tagger.xpos(c)).collect();
            restored = Some((i, choice.class));
        }
        // A "to" read as a preposition before a noun after a verb that takes an infinitive is
        // the infinitive marker and the noun a verb (see `infinitive`).
        if let (Some(to_class), Some(verb_class)) = (
            self.tagger.class_of("TO", "PART"),
            self.tagger.class_of("VB", "VERB"),
        ) {
            let lemma = |i: usize| self.lemmatizer.lemmatize(forms[i], xpos[i]);
            let mut forced: Vec<(usize, usize)> = infinitive::candidates(forms, &xpos, &lemma)
                .into_iter()
                .flat_map(|to| [(to, to_class), (to + 1, verb_class)])
                .collect();
            if !forced.is_empty() {
                // The finite verb `retag` restored stays.
                forced.extend(restored);
                classes = self.tagger.tag_forced_all(forms, &forced);
                xpos = classes.iter().map(|&c| self.tagger.xpos(c)).collect();
            }
        }
        let mut tree = self.parser.parse(forms, &xpos);
        // A main verb the parser hung under its subject becomes the root (see `repair`).
        let upos: Vec<&str> = classes.iter().map(|&c| self.tagger.upos(c)).collect();
        repair::reroot(&upos, &xpos, &mut tree.heads, &mut tree.labels);
        // A time word the parser took for the subject gives it back (see `repair`).
        repair::untime_subject(forms, &upos, &mut tree.heads, &mut tree.labels);
        // A first conjunct hung on the subject heads its coordination (see `conjunct`).
        conjunct::raise_first_conjunct(&upos, &xpos, &mut tree.heads, &mut tree.labels);
        // A clause after "as", "after" ... read as a phrase is a clause (see `subordinate`).
        subordinate::clause_from_phrase(forms, &upos, &xpos, &mut tree.heads, &mut tree.labels);
        // A passive subject of a verb that cannot be passive is active (see `voice`).
        voice::activate_subjects(forms, &xpos, &tree.heads, &mut tree.labels);
        let lemmas: Vec<String> = forms
            .iter()
            .enumerate()
            .map(|(i, form)| self.lemmatizer.lemmatize(form, xpos[i]))
            .collect();
        // A phrasal verb's particle hung elsewhere moves under its verb (see `particle`).
        particle::attach_particles(forms, &upos, &lemmas, &mut tree.heads, &mut tree.labels);
        lemmas
            .into_iter()
            .enumerate()
            .map(|(i, lemma)| Analysis {
                lemma,
                upos: self.tagger.upos(classes[i]).to_string(),
                xpos: xpos[i].to_string(),
                head: tree.heads[i],
                deprel: tree.labels[i].clone(),
            })
            .collect()
    }

    /// Replaces the lemma, tags, heads and relations of a CoNLL-U sentence with predictions,
    /// keeping its words.
    pub fn annotate_conllu(&self, sentence: &mut ConlluSentence) {
        let forms: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
        let analyses = self.annotate(&forms);
        for (w, a) in sentence.words.iter_mut().zip(analyses) {
            w.lemma = a.lemma;
            w.upos = a.upos;
            w.xpos = a.xpos;
            w.head = a.head;
            w.deprel = a.deprel;
        }
    }
}

/// Fills the lemma, tags, head and relation of every word of a segmented document.
pub fn annotate_document(models: &Models, doc: &mut Document) {
    let mut start = 0;
    while start < doc.words.len() {
        let sentence = doc.words[start].sentence;
        let mut end = start + 1;
        while end < doc.words.len() && doc.words[end].sentence == sentence {
            end += 1;
        }
        let forms: Vec<&str> = doc.words[start..end]
            .iter()
            .map(|w| doc.text.get(w.span.range()).unwrap_or(""))
            .collect();
        let analyses = models.annotate(&forms);
        for (i, a) in analyses.into_iter().enumerate() {
            let w = &mut doc.words[start + i];
            w.head = (a.head > 0).then(|| (start + a.head - 1) as u32);
            w.lemma = Some(a.lemma);
            w.upos = Some(a.upos);
            w.xpos = Some(a.xpos);
            w.deprel = Some(a.deprel);
        }
        start = end;
    }
}

/// True when word `w` lies below word `top` (or is `top`) in the tree of `heads` (1-based
/// heads, 0 for the root); a head outside the sentence or a cycle ends the walk with false.
/// The parse repairs use it to keep a moved word from hanging under itself.
pub(crate) fn descends(heads: &[usize], w: usize, top: usize) -> bool {
    let mut at = w;
    for _ in 0..=heads.len() {
        if at == top {
            return true;
        }
        match heads.get(at) {
            Some(&h) if h > 0 => at = h - 1,
            _ => return false,
        }
    }
    false
}

/// Test helpers shared by the parse repairs' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    /// A sentence written as "word/UPOS/XPOS/head/label" items.
    pub(crate) struct Sentence<'a> {
        pub forms: Vec<&'a str>,
        pub upos: Vec<&'a str>,
        pub xpos: Vec<&'a str>,
        pub heads: Vec<usize>,
        pub labels: Vec<String>,
    }

    impl<'a> Sentence<'a> {
        pub fn read(sentence: &'a str) -> Sentence<'a> {
            let items: Vec<Vec<&str>> = sentence
                .split(' ')
                .map(|w| w.split('/').collect())
                .collect();
            Sentence {
                forms: items.iter().map(|i| i[0]).collect(),
                upos: items.iter().map(|i| i[1]).collect(),
                xpos: items.iter().map(|i| i[2]).collect(),
                heads: items.iter().map(|i| i[3].parse().unwrap()).collect(),
                labels: items.iter().map(|i| i[4].to_string()).collect(),
            }
        }

        /// The tree as "word/head/label" items.
        pub fn render(&self) -> String {
            self.forms
                .iter()
                .zip(self.heads.iter().zip(&self.labels))
                .map(|(w, (h, l))| format!("{w}/{h}/{l}"))
                .collect::<Vec<_>>()
                .join(" ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ArticleMeta, BlockKind};

    fn tiny_models() -> Models {
        let sentences = crate::conllu::parse(tagger::tests::TINY, "tiny").unwrap();
        let tagger = Tagger::train(
            &sentences,
            &TaggerOptions {
                epochs: 10,
                seed: 1,
                min_weight: 0.0,
                folds: 0,
            },
            &mut |_| {},
        );
        let parser = Parser::train(
            &sentences,
            &[],
            &ParserOptions {
                epochs: 15,
                seed: 1,
                min_weight: 0.0,
                explore: 0.9,
                beam: 1,
            },
            &mut |_| {},
        );
        Models {
            tagger,
            lemmatizer: Lemmatizer::train(&sentences, 1),
            parser,
        }
    }

    #[test]
    fn fills_every_word_of_a_document() {
        let models = tiny_models();
        let mut doc = Document::from_blocks(
            ArticleMeta::default(),
            [
                (BlockKind::Title, "The dogs barked ."),
                (BlockKind::Paragraph, "A cat sleeps here ."),
            ],
        );
        crate::segment::segment(&mut doc);
        annotate_document(&models, &mut doc);
        assert!(
            doc.words
                .iter()
                .all(|w| w.upos.is_some() && w.deprel.is_some())
        );
        // Heads index the document's words and stay inside the sentence.
        for w in &doc.words {
            if let Some(h) = w.head {
                assert_eq!(doc.words[h as usize].sentence, w.sentence);
            }
        }
        let roots = doc.words.iter().filter(|w| w.head.is_none()).count();
        assert_eq!(roots, 2);
        assert_eq!(doc.words[2].head, None);
        assert_eq!(doc.words[1].head, Some(2));
        assert_eq!(doc.words[1].lemma.as_deref(), Some("dog"));
    }

    #[test]
    fn training_is_deterministic() {
        let a = tiny_models();
        let b = tiny_models();
        assert_eq!(a.tagger.to_bytes(), b.tagger.to_bytes());
        assert_eq!(a.parser.to_bytes(), b.parser.to_bytes());
        assert_eq!(a.lemmatizer.to_bytes(), b.lemmatizer.to_bytes());
    }

    #[test]
    fn bad_model_files_are_errors() {
        let m = tiny_models();
        let (t, l, p) = (
            m.tagger.to_bytes(),
            m.lemmatizer.to_bytes(),
            m.parser.to_bytes(),
        );
        assert!(Models::from_bytes(&t, &l, &p).is_ok());
        assert!(Models::from_bytes(&[], &l, &p).is_err());
        assert!(Models::from_bytes(&t, &p, &l).is_err());
        for cut in [1, 10, 20, t.len() / 3, t.len() - 1] {
            assert!(Tagger::from_bytes(&t[..cut], "t").is_err());
        }
        let mut flipped = p.clone();
        let at = flipped.len() / 2;
        flipped[at] ^= 0xff;
        // A flipped byte may still parse, but it must never panic.
        let _ = Parser::from_bytes(&flipped, "p");
        let mut version = t.clone();
        version[8] = 99;
        assert!(Tagger::from_bytes(&version, "t").is_err());
    }
}
