//! Reading and writing CoNLL-U, the Universal Dependencies file format.
//!
//! This module parses treebank text into plain records (sentences of words with their
//! columns) and writes them back. It knows nothing of models or documents: the tagger, the
//! parser and the evaluations build on it. Malformed lines are errors naming the line.

use crate::error::{Error, Location, Result};

/// One word line (an integer id) of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluWord {
    /// The word form.
    pub form: String,
    /// LEMMA column.
    pub lemma: String,
    /// UPOS column.
    pub upos: String,
    /// XPOS column.
    pub xpos: String,
    /// FEATS column.
    pub feats: String,
    /// HEAD: 0 for the root, otherwise the 1-based id of the head word.
    pub head: usize,
    /// DEPREL column.
    pub deprel: String,
    /// DEPS column.
    pub deps: String,
    /// MISC column.
    pub misc: String,
}

impl ConlluWord {
    /// True when the MISC column says `SpaceAfter=No`.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|item| item == "SpaceAfter=No")
    }
}

/// A multiword token line (`3-4 don't`): the range of word ids it spans and its surface form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiwordToken {
    /// First word id (1-based).
    pub first: usize,
    /// Last word id (1-based, inclusive).
    pub last: usize,
    /// The surface form.
    pub form: String,
    /// MISC column (holds `SpaceAfter=No` for the token).
    pub misc: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// The comment lines, without the leading `# `, in order.
    pub comments: Vec<String>,
    /// The words, in order (word id = index + 1).
    pub words: Vec<ConlluWord>,
    /// The multiword tokens.
    pub multiword: Vec<MultiwordToken>,
    /// The 1-based line number of the sentence's first line.
    pub line: usize,
}

impl ConlluSentence {
    /// The value of a `key = value` comment, such as `text` or `sent_id`.
    pub fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let (k, v) = c.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }

    /// True when a comment starts with `key` (such as `newdoc` or `newpar`).
    pub fn has_comment(&self, key: &str) -> bool {
        self.comments
            .iter()
            .any(|c| c.split(['=', ' ']).next() == Some(key))
    }

    /// The surface tokens of the sentence: `(form, first word index, last word index,
    /// space after)`, with multiword tokens as one token.
    pub fn tokens(&self) -> Vec<(String, usize, usize, bool)> {
        let mut out = Vec::with_capacity(self.words.len());
        let mut i = 0;
        while i < self.words.len() {
            if let Some(mwt) = self.multiword.iter().find(|m| m.first == i + 1) {
                let last = mwt.last.min(self.words.len()).max(i + 1);
                let space = !mwt.misc.split('|').any(|x| x == "SpaceAfter=No");
                out.push((mwt.form.clone(), i, last - 1, space));
                i = last;
            } else {
                let w = &self.words[i];
                out.push((w.form.clone(), i, i, !w.no_space_after()));
                i += 1;
            }
        }
        out
    }
}

/// Parses a whole CoNLL-U text. `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Vec<ConlluSentence>> {
    let mut sentences = Vec::new();
    let mut current = ConlluSentence::default();
    let mut started = false;
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if started {
                sentences.push(std::mem::take(&mut current));
                started = false;
            }
            continue;
        }
        if !started {
            current.line = line_no;
            started = true;
        }
        if let Some(comment) = line.strip_prefix('#') {
            current.comments.push(comment.trim_start().to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |why: &str| Error::Malformed(Location::line(file, line_no), why.to_string());
        if cols.len() != 10 {
            return Err(bad(&format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        let id = cols[0];
        if let Some((a, b)) = id.split_once('-') {
            let first = a.parse().map_err(|_| bad("bad multiword token id"))?;
            let last = b.parse().map_err(|_| bad("bad multiword token id"))?;
            current.multiword.push(MultiwordToken {
                first,
                last,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        if id.contains('.') {
            // Empty nodes of the enhanced graph are not part of the basic tree.
            continue;
        }
        let id: usize = id.parse().map_err(|_| bad("bad word id"))?;
        if id != current.words.len() + 1 {
            return Err(bad("word ids are not consecutive"));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| bad("bad head"))?
        };
        current.words.push(ConlluWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if started {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Writes sentences as CoNLL-U text.
pub fn write(sentences: &[ConlluSentence]) -> String {
    let mut out = String::new();
    for sentence in sentences {
        for comment in &sentence.comments {
            out.push_str("# ");
            out.push_str(comment);
            out.push('\n');
        }
        for (i, w) in sentence.words.iter().enumerate() {
            if let Some(m) = sentence.multiword.iter().find(|m| m.first == i + 1) {
                out.push_str(&format!(
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n",
                    m.first, m.last, m.form, m.misc
                ));
            }
            let field = |s: &str| {
                if s.is_empty() {
                    "_".to_string()
                } else {
                    s.to_string()
                }
            };
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                i + 1,
                field(&w.form),
                field(&w.lemma),
                field(&w.upos),
                field(&w.xpos),
                field(&w.feats),
                w.head,
                field(&w.deprel),
                field(&w.deps),
                field(&w.misc),
            ));
        }
        out.push('\n');
    }
    out
}

/// The raw text of a document made of CoNLL-U sentences, as the CoNLL 2018 shared task
/// rebuilds it: each sentence's `# text`, sentences joined by a space, and a blank line
/// before each `# newpar` (and `# newdoc`) except the first.
pub fn raw_text(sentences: &[ConlluSentence]) -> String {
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        let text = s.comment("text").map(str::to_string).unwrap_or_else(|| {
            s.tokens()
                .iter()
                .map(|(form, _, _, space)| {
                    if *space {
                        format!("{form} ")
                    } else {
                        form.clone()
                    }
                })
                .collect::<String>()
                .trim_end()
                .to_string()
        });
        if i > 0 {
            if s.has_comment("newpar") || s.has_comment("newdoc") {
                out.push_str("\n\n");
            } else {
                out.push(' ');
            }
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "# newdoc id = d1\n# text = I don't know.\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n";

    #[test]
    fn parses_words_and_multiword_tokens() {
        let text = "# sent_id = s1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
        let sentences = parse(text, "t.conllu").unwrap();
        assert_eq!(sentences.len(), 1);
        let s = &sentences[0];
        assert_eq!(s.comment("sent_id"), Some("s1"));
        assert_eq!(s.words.len(), 4);
        let tokens = s.tokens();
        assert_eq!(tokens.len(), 3);
        assert_eq!(tokens[1], ("don't".to_string(), 1, 2, false));
        let again = parse(&write(&sentences), "again").unwrap();
        assert_eq!(
            again,
            sentences
                .iter()
                .map(|s| ConlluSentence {
                    line: 1,
                    ..s.clone()
                })
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn malformed_line_names_file_and_line() {
        let err = parse(SAMPLE.replace("_\t_\n", "_\n").as_str(), "bad.conllu").unwrap_err();
        assert!(err.to_string().starts_with("bad.conllu:3:"), "{err}");
    }
}
