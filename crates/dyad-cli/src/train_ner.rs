//! The `dyad train ner` command: trains the entity tagger on UNER (IOB2) files, reports its
//! dev F1 per pass and writes the model file.
//!
//! It reads the files and prints; training lives in `dyad_core::ner::model`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use clap::{Args, Subcommand};
use dyad_core::conllu;
use dyad_core::eval::ner::{GoldSentence, Scheme, read_iob};
use dyad_core::ner::gazetteer::Gazetteer;
use dyad_core::ner::model::{self, TrainOptions};

/// What `dyad train` can train.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// The entity tagger (PER/ORG/LOC, averaged perceptron) on UNER IOB2 files.
    Ner(TrainNerArgs),
}

/// Arguments of `dyad train ner`.
#[derive(Debug, Args)]
pub struct TrainNerArgs {
    /// Training file (IOB2, such as UNER's en_ewt-ud-train.iob2).
    #[arg(long)]
    pub train: PathBuf,
    /// Development file (IOB2): picks the best pass.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// A UD treebank (CoNLL-U) with the same sentences: training sentences whose sent_id is
    /// missing there, or whose tokens differ, are skipped.
    #[arg(long)]
    pub ud: Option<PathBuf>,
    /// Where to write the model.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    pub epochs: usize,
    /// Seed of the shuffles.
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    pub seed: u64,
    /// Features whose largest averaged weight is below this are dropped.
    #[arg(long, default_value_t = TrainOptions::default().min_weight)]
    pub min_weight: f32,
    /// Independent runs (seeds seed, seed+1, ...) whose weights are averaged.
    #[arg(long, default_value_t = TrainOptions::default().runs)]
    pub runs: usize,
    /// Every N-th training sentence is also given in capitals (0: never).
    #[arg(long, default_value_t = TrainOptions::default().caps_every)]
    pub caps_every: usize,
    /// The share of words whose identity is hidden in each pass (word dropout).
    #[arg(long, default_value_t = TrainOptions::default().word_dropout)]
    pub word_dropout: f64,
}

fn read_sentences(path: &Path) -> anyhow::Result<Vec<GoldSentence>> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
    Ok(read_iob(&text, &name, Scheme::Iob2)?
        .into_iter()
        .flatten()
        .collect())
}

/// Runs the command.
pub fn run(command: &TrainCommand) -> anyhow::Result<()> {
    let TrainCommand::Ner(args) = command;
    let started = Instant::now();
    let mut log = |line: &str| eprintln!("[{:>6.1}s] {line}", started.elapsed().as_secs_f64());
    let mut train = read_sentences(&args.train)?;
    if let Some(ud) = &args.ud {
        let name = ud.display().to_string();
        let text = std::fs::read_to_string(ud).with_context(|| format!("cannot read {name}"))?;
        let forms: std::collections::HashMap<String, Vec<String>> = conllu::parse(&text, &name)?
            .into_iter()
            .filter_map(|s| {
                let id = s.comment("sent_id")?.to_string();
                Some((id, s.words.into_iter().map(|w| w.form).collect()))
            })
            .collect();
        let before = train.len();
        train.retain(|s| {
            s.sent_id
                .as_ref()
                .and_then(|id| forms.get(id))
                .is_some_and(|f| *f == s.words)
        });
        log(&format!(
            "aligned with {name}: kept {} of {before} sentences",
            train.len()
        ));
    }
    let dev = match &args.dev {
        Some(path) => read_sentences(path)?,
        None => Vec::new(),
    };
    let train: Vec<_> = train.iter().map(GoldSentence::to_training).collect();
    let dev: Vec<_> = dev.iter().map(GoldSentence::to_training).collect();
    log(&format!(
        "{} training sentences, {} dev sentences",
        train.len(),
        dev.len()
    ));
    let types: Vec<String> = ["PER", "ORG", "LOC"].map(String::from).to_vec();
    let options = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        min_weight: args.min_weight,
        word_dropout: args.word_dropout,
        caps_every: args.caps_every,
        runs: args.runs,
    };
    let gazetteer = Gazetteer::bundled();
    let model = model::train(&types, &train, &dev, &gazetteer, &options, &mut log);
    let bytes = model.to_bytes();
    std::fs::write(&args.output, &bytes)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    log(&format!(
        "wrote {} ({} features, {} bytes)",
        args.output.display(),
        model.feature_count(),
        bytes.len()
    ));
    Ok(())
}
