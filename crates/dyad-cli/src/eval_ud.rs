//! `dyad eval ud`: scores the models on a gold CoNLL-U treebank with gold tokens and checks
//! the figures against thresholds; with `--raw`, also from the raw text (the CoNLL 2018
//! shared task's token, word, sentence, UPOS and LAS F1).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use dyad_core::conllu;
use dyad_core::eval::{segment, ud};

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
    /// Also segment, tag and parse each document's raw text (its `# text` comments) and print
    /// the CoNLL 2018 shared task's token, word, sentence, UPOS and LAS F1.
    #[arg(long)]
    pub raw: bool,
    /// With `--raw`: fails when the raw-text UPOS F1 (%) is below this.
    #[arg(long)]
    pub min_raw_upos_f1: Option<f64>,
    /// With `--raw`: fails when the raw-text LAS F1 (%) is below this.
    #[arg(long)]
    pub min_raw_las_f1: Option<f64>,
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
    if gold.is_empty() {
        anyhow::bail!(
            "{name}: no sentence to score (an empty treebank, or check --sent-id-prefix)"
        );
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
    if args.raw {
        let raw = segment::score_treebank(&gold, None, Some(&models), &name)?;
        println!("from raw text ({} documents), F1:", raw.documents);
        let figures = [
            ("tokens", raw.tokens, None),
            ("words", raw.words, None),
            ("sentences", raw.sentences, None),
            ("UPOS", raw.upos, args.min_raw_upos_f1),
            ("LAS", raw.las, args.min_raw_las_f1),
        ];
        for (what, counts, min) in figures {
            let value = 100.0 * counts.f1();
            println!("{what:<10} {value:6.2}");
            passed &= crate::threshold::at_least(&format!("raw {what} F1"), value, min);
        }
    }
    Ok(passed)
}
