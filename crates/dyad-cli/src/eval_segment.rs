//! The `dyad eval segment` command: scores the segmenter on CoNLL-U treebanks with the CoNLL
//! 2018 shared task's token, word and sentence F1, and checks the figures against thresholds.
//!
//! It reads the files and prints; the scoring lives in `dyad_core::eval::segment`.

use anyhow::Context;
use clap::Args;
use dyad_core::conllu;
use dyad_core::eval::segment::{Counts, SegmentScores, score_treebank};
use std::path::PathBuf;

/// Arguments of `dyad eval segment`.
#[derive(Debug, Args)]
pub struct EvalSegmentArgs {
    /// CoNLL-U files to score (their `# text` comments are the raw text).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Fail unless word F1 reaches this value.
    #[arg(long, value_name = "X")]
    pub min_word_f1: Option<f64>,
    /// Fail unless sentence F1 reaches this value.
    #[arg(long, value_name = "Y")]
    pub min_sentence_f1: Option<f64>,
    /// Fail unless token F1 reaches this value.
    #[arg(long, value_name = "Z")]
    pub min_token_f1: Option<f64>,
    /// Score only documents whose `newdoc id` starts with this prefix (such as `GUM_news_`).
    #[arg(long, value_name = "PREFIX")]
    pub doc_prefix: Option<String>,
}

/// Runs the command: prints the scores and returns whether every threshold was met.
pub fn run(args: &EvalSegmentArgs) -> anyhow::Result<bool> {
    let mut total = SegmentScores::default();
    for path in &args.files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
        let sentences = conllu::parse(&text, &name)?;
        let scores = score_treebank(&sentences, args.doc_prefix.as_deref(), None, &name)?;
        total.add(&scores);
    }
    if total.documents == 0 {
        anyhow::bail!("no document to score (check --doc-prefix)");
    }
    println!("documents: {}", total.documents);
    println!(
        "{:<10} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "metric", "gold", "system", "correct", "P", "R", "F1"
    );
    let line = |name: &str, c: Counts| {
        println!(
            "{:<10} {:>8} {:>8} {:>8} {:>8.4} {:>8.4} {:>8.4}",
            name,
            c.gold,
            c.system,
            c.correct,
            c.precision(),
            c.recall(),
            c.f1()
        );
    };
    line("tokens", total.tokens);
    line("words", total.words);
    line("sentences", total.sentences);
    let mut ok = true;
    for (name, min, counts) in [
        ("token F1", args.min_token_f1, total.tokens),
        ("word F1", args.min_word_f1, total.words),
        ("sentence F1", args.min_sentence_f1, total.sentences),
    ] {
        ok &= crate::threshold::at_least(name, counts.f1(), min);
    }
    Ok(ok)
}
