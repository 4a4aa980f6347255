//! `dyad train ner`: trains the entity tagger on UNER (IOB2) files, reports its dev F1 per
//! pass and writes the model file. The arguments are `dyad train`'s (see `train.rs`).
//!
//! It reads the files and prints; training lives in `dyad_core::ner::model`.

use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use dyad_core::conllu;
use dyad_core::eval::ner::{GoldSentence, Scheme, read_iob};
use dyad_core::ner::gazetteer::Gazetteer;
use dyad_core::ner::model::{self, TrainOptions};

use crate::train::TrainArgs;

fn read_sentences(path: &Path) -> anyhow::Result<Vec<GoldSentence>> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
    Ok(read_iob(&text, &name, Scheme::Iob2)?
        .into_iter()
        .flatten()
        .collect())
}

/// Runs the command.
pub fn run(args: &TrainArgs) -> anyhow::Result<()> {
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
    let defaults = TrainOptions::default();
    let options = TrainOptions {
        epochs: args.epochs.unwrap_or(defaults.epochs),
        seed: args.seed,
        min_weight: args.min_weight.unwrap_or(defaults.min_weight),
        word_dropout: args.word_dropout.unwrap_or(defaults.word_dropout),
        caps_every: args.caps_every.unwrap_or(defaults.caps_every),
        runs: args.runs.unwrap_or(defaults.runs),
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
