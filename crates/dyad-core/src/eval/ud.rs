//! Scoring of tags, lemmas and dependency trees against a gold treebank on gold tokens.
//!
//! The figures follow the CoNLL 2018 shared task script (`conll18_ud_eval.py`) for the case
//! where system and gold words are the same: every word counts, punctuation included; UPOS,
//! XPOS and lemma must match exactly (a gold lemma of `_` accepts any lemma); UAS needs the
//! right head; LAS needs the right head and the right universal part of the relation, so
//! `nsubj:pass` is compared as `nsubj`.

use crate::conllu::ConlluSentence;
use crate::error::{Error, Location, Result};

/// Counts of correct words, out of `words`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UdScores {
    /// Words scored.
    pub words: usize,
    /// Words with the right UPOS.
    pub upos: usize,
    /// Words with the right XPOS.
    pub xpos: usize,
    /// Words with the right lemma.
    pub lemma: usize,
    /// Words with the right head.
    pub uas: usize,
    /// Words with the right head and universal relation.
    pub las: usize,
}

impl UdScores {
    /// A count as a percentage of the words.
    pub fn percent(&self, count: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            100.0 * count as f64 / self.words as f64
        }
    }

    /// Adds another set of counts.
    pub fn add(&mut self, other: &UdScores) {
        self.words += other.words;
        self.upos += other.upos;
        self.xpos += other.xpos;
        self.lemma += other.lemma;
        self.uas += other.uas;
        self.las += other.las;
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Scores system sentences against gold ones; both must hold the same words. `file` names
/// the gold file in errors.
pub fn score(gold: &[ConlluSentence], system: &[ConlluSentence], file: &str) -> Result<UdScores> {
    if gold.len() != system.len() {
        return Err(Error::Malformed(
            Location::file(file),
            format!(
                "{} gold sentences but {} system sentences",
                gold.len(),
                system.len()
            ),
        ));
    }
    let mut s = UdScores::default();
    for (g, p) in gold.iter().zip(system) {
        if g.words.len() != p.words.len() {
            return Err(Error::Malformed(
                Location::line(file, g.line),
                "system sentence has a different number of words".to_string(),
            ));
        }
        for (gw, pw) in g.words.iter().zip(&p.words) {
            s.words += 1;
            s.upos += usize::from(gw.upos == pw.upos);
            s.xpos += usize::from(gw.xpos == pw.xpos);
            s.lemma += usize::from(gw.lemma == "_" || gw.lemma == pw.lemma);
            if gw.head == pw.head {
                s.uas += 1;
                s.las += usize::from(universal(&gw.deprel) == universal(&pw.deprel));
            }
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_universal_relations() {
        let gold = "1\tit\tit\tPRON\tPRP\t_\t2\tnsubj:pass\t_\t_\n2\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
        let sys = "1\tit\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\twent\twent\tVERB\tVBN\t_\t1\troot\t_\t_\n\n";
        let g = crate::conllu::parse(gold, "g").unwrap();
        let p = crate::conllu::parse(sys, "s").unwrap();
        let s = score(&g, &p, "g").unwrap();
        assert_eq!(
            s,
            UdScores {
                words: 2,
                upos: 2,
                xpos: 1,
                lemma: 1,
                uas: 1,
                las: 1
            }
        );
        assert!(score(&g, &[], "g").is_err());
    }
}
