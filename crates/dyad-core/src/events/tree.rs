//! A read-only view of a document's dependency parse: children, normalised relations and
//! lemmas, and the entities each word belongs to.
//!
//! Relations are normalised to Universal Dependencies v2 so that parses in the older v1
//! labels (`dobj`, `nsubjpass`, `nmod` under a verb) are read the same way.

use crate::document::{Document, EntityType};

/// The parse of a document, indexed for the coder.
pub struct Tree<'a> {
    /// The document.
    pub doc: &'a Document,
    children: Vec<Vec<usize>>,
    /// For every word, the entities (index) with a mention overlapping it, and that mention.
    word_entities: Vec<Vec<(usize, crate::Span)>>,
}

impl<'a> Tree<'a> {
    /// Indexes a document.
    pub fn new(doc: &'a Document) -> Tree<'a> {
        let n = doc.words.len();
        let mut children = vec![Vec::new(); n];
        for (i, w) in doc.words.iter().enumerate() {
            if let Some(h) = w.head
                && (h as usize) < n
                && h as usize != i
            {
                children[h as usize].push(i);
            }
        }
        let mut word_entities = vec![Vec::new(); n];
        let mut mentions: Vec<(crate::Span, usize)> = doc
            .entities
            .iter()
            .enumerate()
            .flat_map(|(e, ent)| ent.mentions.iter().map(move |m| (*m, e)))
            .collect();
        mentions.sort();
        for (i, w) in doc.words.iter().enumerate() {
            let start = mentions.partition_point(|(m, _)| m.end <= w.span.start);
            for &(m, e) in &mentions[start.saturating_sub(8)..] {
                if m.start >= w.span.end {
                    break;
                }
                if m.start < w.span.end && w.span.start < m.end {
                    word_entities[i].push((e, m));
                }
            }
        }
        Tree {
            doc,
            children,
            word_entities,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.doc.words.len()
    }

    /// True when the document has no words.
    pub fn is_empty(&self) -> bool {
        self.doc.words.is_empty()
    }

    /// True when the document carries a dependency parse.
    pub fn is_parsed(&self) -> bool {
        self.doc.words.iter().any(|w| w.deprel.is_some())
    }

    /// The word's text.
    pub fn text(&self, w: usize) -> &str {
        self.doc.slice(self.doc.words[w].span)
    }

    /// The lemma in lower case (the form when there is no lemma).
    pub fn lemma(&self, w: usize) -> String {
        let word = &self.doc.words[w];
        word.lemma
            .as_deref()
            .unwrap_or_else(|| self.text(w))
            .to_lowercase()
    }

    /// The word's form in lower case.
    pub fn form(&self, w: usize) -> String {
        self.text(w).to_lowercase()
    }

    /// The universal part of speech.
    pub fn upos(&self, w: usize) -> &str {
        self.doc.words[w].upos.as_deref().unwrap_or("")
    }

    /// The Penn Treebank tag.
    pub fn xpos(&self, w: usize) -> &str {
        self.doc.words[w].xpos.as_deref().unwrap_or("")
    }

    /// The head word.
    pub fn head(&self, w: usize) -> Option<usize> {
        self.doc.words[w]
            .head
            .map(|h| h as usize)
            .filter(|&h| h < self.len() && h != w)
    }

    /// The relation to the head, in UD v2 labels.
    pub fn rel(&self, w: usize) -> String {
        let raw = self.doc.words[w].deprel.as_deref().unwrap_or("");
        let v2 = match raw {
            "dobj" => "obj",
            "nsubjpass" => "nsubj:pass",
            "csubjpass" => "csubj:pass",
            "auxpass" => "aux:pass",
            "nmod:agent" => "obl:agent",
            "nmod:tmod" => "obl:tmod",
            "nmod:npmod" => "obl:npmod",
            "name" => "flat",
            "mwe" => "fixed",
            other => other,
        };
        // UD v1 wrote obliques of verbs as `nmod`.
        if v2 == "nmod"
            && self
                .head(w)
                .is_some_and(|h| matches!(self.upos(h), "VERB" | "AUX" | "ADJ"))
        {
            return "obl".to_string();
        }
        v2.to_string()
    }

    /// The relation without its subtype (`obl:agent` → `obl`).
    pub fn base_rel(&self, w: usize) -> String {
        let r = self.rel(w);
        r.split(':').next().unwrap_or("").to_string()
    }

    /// The dependents, in order.
    pub fn children(&self, w: usize) -> &[usize] {
        &self.children[w]
    }

    /// The first dependent with this relation (exact, in v2 labels).
    pub fn child(&self, w: usize, rel: &str) -> Option<usize> {
        self.children[w]
            .iter()
            .copied()
            .find(|&c| self.rel(c) == rel)
    }

    /// The lemma of the word's `case` (or `mark`) dependent, such as `with` in "with Gondor";
    /// two-word prepositions give both words ("on behalf of" gives `on behalf of`).
    pub fn preposition(&self, w: usize) -> Option<String> {
        let cases: Vec<String> = self.children[w]
            .iter()
            .copied()
            .filter(|&c| c < w && matches!(self.base_rel(c).as_str(), "case" | "mark"))
            .map(|c| self.form(c))
            .collect();
        (!cases.is_empty()).then(|| cases.join(" "))
    }

    /// The words of the sentence of `w`, in order.
    pub fn sentence_words(&self, sentence: u32) -> impl Iterator<Item = usize> + '_ {
        self.doc
            .words
            .iter()
            .enumerate()
            .filter(move |(_, x)| x.sentence == sentence)
            .map(|(i, _)| i)
    }

    /// The entities with a coded mention overlapping the word, best first: people before
    /// others, longer codes before shorter ones.
    pub fn entities_at(&self, w: usize) -> Vec<(usize, crate::Span)> {
        let mut list: Vec<(usize, crate::Span)> = self.word_entities[w]
            .iter()
            .copied()
            .filter(|(e, _)| self.doc.entities[*e].code.is_some())
            .collect();
        list.sort_by_key(|(e, m)| {
            let ent = &self.doc.entities[*e];
            (
                ent.kind != EntityType::Person,
                ent.kind == EntityType::Norp,
                std::cmp::Reverse(ent.code.as_ref().map_or(0, String::len)),
                std::cmp::Reverse(m.len()),
            )
        });
        list
    }

    /// Every entity with a mention overlapping the word, coded or not, in mention order.
    pub fn all_entities_at(&self, w: usize) -> Vec<(usize, crate::Span)> {
        self.word_entities.get(w).cloned().unwrap_or_default()
    }

    /// The word whose span starts at or covers the byte offset `at`.
    pub fn word_at(&self, at: usize) -> Option<usize> {
        self.doc
            .words
            .iter()
            .position(|w| w.span.start <= at && at < w.span.end.max(w.span.start + 1))
    }

    /// The span from the first to the last word of the subtree of `w`.
    pub fn subtree_span(&self, w: usize) -> crate::Span {
        let mut lo = self.doc.words[w].span;
        let mut stack = vec![w];
        let mut seen = 0;
        while let Some(x) = stack.pop() {
            seen += 1;
            if seen > 400 {
                break;
            }
            let s = self.doc.words[x].span;
            lo.start = lo.start.min(s.start);
            lo.end = lo.end.max(s.end);
            stack.extend(self.children[x].iter().copied());
        }
        lo
    }
}
