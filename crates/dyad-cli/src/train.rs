//! `dyad train tagger|lemmatizer|parser|ner`: trains a model on a CoNLL-U treebank (the entity
//! tagger: on IOB2 files, see `train_ner.rs`), reports its accuracy on a development set and
//! writes the model file.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use dyad_core::conllu::{self, ConlluSentence};
use dyad_core::parse::{Lemmatizer, Parser, ParserOptions, Tagger, TaggerOptions};

/// Which model to train.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelKind {
    /// The XPOS+UPOS tagger.
    Tagger,
    /// The lemmatizer.
    Lemmatizer,
    /// The dependency parser.
    Parser,
    /// The entity tagger (PER, ORG, LOC), on UNER IOB2 files.
    Ner,
}

/// Arguments of `dyad train`.
#[derive(Args, Debug, Clone)]
pub struct TrainArgs {
    /// The model to train.
    pub kind: ModelKind,
    /// Training treebank (CoNLL-U).
    #[arg(long)]
    pub train: PathBuf,
    /// Development treebank (CoNLL-U), scored after training.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Passes over the training data (default: 8 for the tagger, 12 for the parser).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Random seed of the shuffles.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Parser only: train on tags predicted by taggers trained on the other folds of the
    /// training data (jackknifing) with this many folds; 0 trains on gold tags.
    #[arg(long, default_value_t = 4)]
    pub jackknife: usize,
    /// Averaged weights of smaller magnitude are left out of the model (default 0.5).
    #[arg(long)]
    pub min_weight: Option<f32>,
    /// NER only: a UD treebank (CoNLL-U) with the training sentences; those whose sent_id is
    /// missing there, or whose tokens differ, are skipped.
    #[arg(long)]
    pub ud: Option<PathBuf>,
    /// NER only: independent runs (seeds seed, seed+1, ...) whose weights are averaged
    /// (default 5).
    #[arg(long)]
    pub runs: Option<usize>,
    /// NER only: every N-th training sentence is also given in capitals (default 3; 0: never).
    #[arg(long)]
    pub caps_every: Option<usize>,
    /// NER only: the share of words whose identity is hidden in each pass (default 0.15).
    #[arg(long)]
    pub word_dropout: Option<f64>,
    /// Parser only: the beam width of training and parsing, stored in the model (default
    /// 1: greedy, trained with the dynamic oracle).
    #[arg(long)]
    pub beam: Option<usize>,
    /// Tagger only: folds of the jackknife that trains an optional second pass that sees the
    /// first pass's tags to the right (default 0: one pass; it did not help on EWT dev).
    #[arg(long)]
    pub folds: Option<usize>,
}

fn read_treebank(path: &PathBuf) -> Result<Vec<ConlluSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(conllu::parse(&text, &path.display().to_string())?)
}

/// Runs `dyad train`.
pub fn run(args: &TrainArgs) -> Result<()> {
    if args.kind == ModelKind::Ner {
        return crate::train_ner::run(args);
    }
    let started = Instant::now();
    let train = read_treebank(&args.train)?;
    let dev = args.dev.as_ref().map(read_treebank).transpose()?;
    let mut log = |line: &str| eprintln!("[{:>6.1}s] {line}", started.elapsed().as_secs_f64());
    let bytes = match args.kind {
        ModelKind::Tagger => {
            let options = TaggerOptions {
                epochs: args.epochs.unwrap_or(TaggerOptions::default().epochs),
                seed: args.seed,
                min_weight: args
                    .min_weight
                    .unwrap_or(TaggerOptions::default().min_weight),
                folds: args.folds.unwrap_or(TaggerOptions::default().folds),
            };
            let tagger = Tagger::train(&train, &options, &mut log);
            if let Some(dev) = &dev {
                let (mut upos, mut xpos, mut total) = (0, 0, 0);
                for s in dev {
                    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                    for (w, c) in s.words.iter().zip(tagger.tag(&forms)) {
                        upos += usize::from(tagger.upos(c) == w.upos);
                        xpos += usize::from(tagger.xpos(c) == w.xpos);
                        total += 1;
                    }
                }
                log(&format!(
                    "dev: UPOS {:.2}%, XPOS {:.2}% ({} features)",
                    100.0 * upos as f64 / total.max(1) as f64,
                    100.0 * xpos as f64 / total.max(1) as f64,
                    tagger.features()
                ));
            }
            tagger.to_bytes()
        }
        ModelKind::Lemmatizer => {
            let lemmatizer = Lemmatizer::train(&train, 2);
            if let Some(dev) = &dev {
                let (mut ok, mut total) = (0, 0);
                for s in dev {
                    for w in &s.words {
                        ok += usize::from(lemmatizer.lemmatize(&w.form, &w.xpos) == w.lemma);
                        total += 1;
                    }
                }
                log(&format!(
                    "dev (gold tags): lemma {:.2}%",
                    100.0 * ok as f64 / total.max(1) as f64
                ));
            }
            lemmatizer.to_bytes()
        }
        ModelKind::Ner => unreachable!("handled by train_ner above"),
        ModelKind::Parser => {
            let options = ParserOptions {
                epochs: args.epochs.unwrap_or(ParserOptions::default().epochs),
                seed: args.seed,
                min_weight: args
                    .min_weight
                    .unwrap_or(ParserOptions::default().min_weight),
                beam: args.beam.unwrap_or(ParserOptions::default().beam),
                ..ParserOptions::default()
            };
            let tags = if args.jackknife >= 2 {
                jackknife_tags(&train, args.jackknife, args.seed, &mut log)
            } else {
                Vec::new()
            };
            let parser = Parser::train(&train, &tags, &options, &mut log);
            if let Some(dev) = &dev {
                let (mut uas, mut las, mut total) = (0, 0, 0);
                for s in dev {
                    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                    let tags: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
                    let tree = parser.parse(&forms, &tags);
                    for (i, w) in s.words.iter().enumerate() {
                        if tree.heads[i] == w.head {
                            uas += 1;
                            let u = |r: &str| r.split(':').next().unwrap_or("").to_string();
                            las += usize::from(u(&tree.labels[i]) == u(&w.deprel));
                        }
                        total += 1;
                    }
                }
                log(&format!(
                    "dev (gold tags): UAS {:.2}, LAS {:.2} ({} features)",
                    100.0 * uas as f64 / total.max(1) as f64,
                    100.0 * las as f64 / total.max(1) as f64,
                    parser.features()
                ));
            }
            parser.to_bytes()
        }
    };
    if let Some(dir) = args.output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    log(&format!(
        "wrote {} ({} bytes)",
        args.output.display(),
        bytes.len()
    ));
    Ok(())
}

/// Tags each training sentence with a tagger trained on the other folds.
fn jackknife_tags(
    train: &[ConlluSentence],
    folds: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Vec<Vec<String>> {
    let mut tags = vec![Vec::new(); train.len()];
    for fold in 0..folds {
        let rest: Vec<ConlluSentence> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, s)| s.clone())
            .collect();
        // A one-pass tagger keeps the jackknife quick; its weights are not pruned much, as
        // they are thrown away after tagging (this gave the best parser on EWT dev).
        let options = TaggerOptions {
            seed,
            folds: 0,
            min_weight: 0.05,
            ..TaggerOptions::default()
        };
        let tagger = Tagger::train(&rest, &options, &mut |_| {});
        for (i, s) in train.iter().enumerate() {
            if i % folds == fold {
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                tags[i] = tagger
                    .tag(&forms)
                    .into_iter()
                    .map(|c| tagger.xpos(c).to_string())
                    .collect();
            }
        }
        log(&format!("jackknife fold {} of {folds} tagged", fold + 1));
    }
    tags
}
