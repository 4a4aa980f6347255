//! `dyad eval ud`: scores the models on a gold CoNLL-U treebank with gold tokens and checks
//! the figures against thresholds.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use dyad_core::conllu;
use dyad_core::eval::ud;

use crate::model_files::ModelFiles;

/// Arguments of `dyad eval ud`.
#[derive(Args, Debug, Clone)]
pub struct EvalUdArgs {
    /// The gold treebank (CoNLL-U).
    pub file: PathBuf,
    /// Fails when UPOS accuracy (%) is below this.
    #[arg(long)]
    pub min_upos: Option<f64>,
    /// Fails when XPOS accuracy (%) is below this.
    #[arg(long)]
    pub min_xpos: Option<f64>,
    /// Fails when lemma accuracy (%) is below this.
    #[arg(long)]
    pub min_lemma: Option<f64>,
    /// Fails when UAS is below this.
    #[arg(long)]
    pub min_uas: Option<f64>,
    /// Fails when LAS is below this.
    #[arg(long)]
    pub min_las: Option<f64>,
    /// Only score sentences whose `sent_id` starts with this (such as `GUM_news_`).
    #[arg(long)]
    pub sent_id_prefix: Option<String>,
    /// Model files to use instead of the embedded ones.
    #[command(flatten)]
    pub models: ModelFiles,
}

/// Runs `dyad eval ud`.
pub fn run(args: &EvalUdArgs) -> Result<bool> {
    let models = args.models.load()?;
    let name = args.file.display().to_string();
    let text =
        std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {name}"))?;
    let mut gold = conllu::parse(&text, &name)?;
    if let Some(prefix) = &args.sent_id_prefix {
        gold.retain(|s| {
            s.comment("sent_id")
                .is_some_and(|id| id.starts_with(prefix.as_str()))
        });
    }
    let started = Instant::now();
    let mut system = gold.clone();
    for s in &mut system {
        models.annotate_conllu(s);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let scores = ud::score(&gold, &system, &name)?;
    println!(
        "{name}: {} sentences, {} words ({elapsed:.2}s)",
        gold.len(),
        scores.words
    );
    let figures = [
        ("UPOS", scores.upos, args.min_upos),
        ("XPOS", scores.xpos, args.min_xpos),
        ("Lemma", scores.lemma, args.min_lemma),
        ("UAS", scores.uas, args.min_uas),
        ("LAS", scores.las, args.min_las),
    ];
    let mut passed = true;
    for (what, count, min) in figures {
        let value = scores.percent(count);
        println!("{what:<6} {value:6.2}");
        passed &= crate::threshold::at_least(what, value, min);
    }
    Ok(passed)
}
