//! `dyad parse`: tags, lemmatizes and parses CoNLL-U (keeping its words and sentences) or
//! plain text (segmented first), and writes CoNLL-U or JSON.

use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad_core::conllu::{self, ConlluSentence, ConlluWord};
use dyad_core::input::{self, ReadOptions};
use dyad_core::output::json::{self, JsonOptions};
use dyad_core::parse::{self, Models};
use dyad_core::{Document, Pipeline};

use crate::model_files::ModelFiles;

/// The kind of the input.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// CoNLL-U: its words and sentences are kept.
    Conllu,
    /// Plain text (or any input `dyad` reads): segmented first.
    Text,
}

/// The kind of the output.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// CoNLL-U.
    Conllu,
    /// JSON: one line per sentence for CoNLL-U input, one article per line for text.
    Json,
}

/// Arguments of `dyad parse`.
#[derive(Args, Debug, Clone)]
pub struct ParseArgs {
    /// Input files; `-` or nothing reads standard input.
    pub paths: Vec<PathBuf>,
    /// The input format (default: CoNLL-U for `.conllu` files, text otherwise).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// The output format.
    #[arg(long, value_enum, default_value = "conllu")]
    pub format: OutputFormat,
    /// Model files to use instead of the embedded ones.
    #[command(flatten)]
    pub models: ModelFiles,
}

/// Runs `dyad parse`.
pub fn run(args: &ParseArgs) -> Result<()> {
    let models = args.models.load()?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in &paths {
        let name = path.display().to_string();
        let bytes = if name == "-" {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b)?;
            b
        } else {
            std::fs::read(path).with_context(|| format!("cannot read {name}"))?
        };
        let format = args.input_format.unwrap_or(if name.ends_with(".conllu") {
            InputFormat::Conllu
        } else {
            InputFormat::Text
        });
        match format {
            InputFormat::Conllu => {
                let text =
                    String::from_utf8(bytes).with_context(|| format!("{name}: not UTF-8"))?;
                let mut sentences = conllu::parse(&text, &name)?;
                for s in &mut sentences {
                    models.annotate_conllu(s);
                }
                add_entity_tags(&mut sentences);
                match args.format {
                    OutputFormat::Conllu => out.write_all(conllu::write(&sentences).as_bytes())?,
                    OutputFormat::Json => {
                        for s in &sentences {
                            writeln!(out, "{}", sentence_json(s))?;
                        }
                    }
                }
            }
            InputFormat::Text => {
                for doc in input::read(&name, &bytes, &ReadOptions::default()) {
                    let mut doc = doc?;
                    annotate_text(&models, &mut doc);
                    match args.format {
                        OutputFormat::Conllu => {
                            out.write_all(conllu::write(&document_sentences(&doc)).as_bytes())?
                        }
                        OutputFormat::Json => {
                            let options = JsonOptions {
                                tokens: true,
                                ..JsonOptions::default()
                            };
                            let pipeline = Pipeline::default().version();
                            writeln!(out, "{}", json::to_value(&doc, &pipeline, options))?;
                        }
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Segments a document, annotates its words and finds its entities.
pub fn annotate_text(models: &Models, doc: &mut Document) {
    dyad_core::segment::segment(doc);
    parse::annotate_document(models, doc);
    dyad_core::ner::recognize(doc);
}

/// Adds `NER=B-PER`-style items to the MISC column of the words of named entities (labels
/// PER, ORG, LOC, MISC), with the bundled entity tagger; the sentences of a file are one
/// document. Without a usable model it says so on stderr and adds nothing.
fn add_entity_tags(sentences: &mut [ConlluSentence]) {
    let recognizer = match dyad_core::ner::Recognizer::bundled() {
        Ok(r) => r,
        Err(why) => {
            eprintln!("dyad: no entity tags: {why}");
            return;
        }
    };
    let forms: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
        .collect();
    let words: Vec<Vec<&str>> = forms
        .iter()
        .map(|f| f.iter().map(String::as_str).collect())
        .collect();
    let found = recognizer.sentences(&words);
    for (sentence, spans) in sentences.iter_mut().zip(found) {
        let tags = dyad_core::ner::iob2_tags(sentence.words.len(), &spans);
        for (word, tag) in sentence.words.iter_mut().zip(tags) {
            add_misc(&mut word.misc, &tag);
        }
    }
}

/// Adds `NER=tag` to a MISC column, unless the tag is `O`.
fn add_misc(misc: &mut String, tag: &str) {
    if tag == "O" {
        return;
    }
    if misc.is_empty() || misc == "_" {
        *misc = format!("NER={tag}");
    } else {
        misc.push_str(&format!("|NER={tag}"));
    }
}

/// The CoNLL-U sentences of an annotated document.
pub fn document_sentences(doc: &Document) -> Vec<ConlluSentence> {
    let mut out: Vec<ConlluSentence> = doc
        .sentences
        .iter()
        .map(|span| ConlluSentence {
            comments: vec![format!("text = {}", doc.slice(*span))],
            ..ConlluSentence::default()
        })
        .collect();
    let mut first_word = vec![0usize; doc.sentences.len()];
    let tags = dyad_core::ner::document_iob2_tags(doc);
    for (i, w) in doc.words.iter().enumerate() {
        let s = w.sentence as usize;
        if s >= out.len() {
            continue;
        }
        if out[s].words.is_empty() {
            first_word[s] = i;
        }
        let head = w
            .head
            .map_or(0, |h| (h as usize).saturating_sub(first_word[s]) + 1);
        out[s].words.push(ConlluWord {
            form: doc.text.get(w.span.range()).unwrap_or("_").to_string(),
            lemma: w.lemma.clone().unwrap_or_default(),
            upos: w.upos.clone().unwrap_or_default(),
            xpos: w.xpos.clone().unwrap_or_default(),
            head,
            deprel: w.deprel.clone().unwrap_or_default(),
            ..ConlluWord::default()
        });
        if let (Some(word), Some(tag)) = (out[s].words.last_mut(), tags.get(i)) {
            add_misc(&mut word.misc, tag);
        }
    }
    out.retain(|s| !s.words.is_empty());
    out
}

fn sentence_json(s: &ConlluSentence) -> serde_json::Value {
    let words: Vec<serde_json::Value> = s
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            serde_json::json!({
                "id": i + 1,
                "form": w.form,
                "lemma": w.lemma,
                "upos": w.upos,
                "xpos": w.xpos,
                "head": w.head,
                "deprel": w.deprel,
            })
        })
        .collect();
    serde_json::json!({
        "sent_id": s.comment("sent_id"),
        "text": s.comment("text"),
        "words": words,
    })
}
