//! `dyad eval coref`: runs the pipeline up to coreference over GUM's news documents and prints
//! MUC, B³ and CEAFe on person, place and organisation chains (no singletons), and
//! pronoun-antecedent accuracy.
//!
//! It reads the files and prints; the scoring lives in `dyad_core::eval::coref`. GUM is for
//! evaluation only: nothing dyad ships is trained on it.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use dyad_core::eval::coref::{CorefScores, Prf, read_gum, score_document, system_document};
use dyad_core::pipeline::{Pipeline, Stage};

use crate::threshold::at_least;

/// Arguments of `dyad eval coref`.
#[derive(Debug, Args)]
pub struct EvalCorefArgs {
    /// GUM CoNLL-U files (with `Entity=` annotations).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Only the documents whose id starts with this.
    #[arg(long, default_value = "GUM_news_")]
    pub doc_prefix: String,
    /// Fail unless MUC F1 reaches this value.
    #[arg(long, value_name = "X")]
    pub min_muc_f1: Option<f64>,
    /// Fail unless B³ F1 reaches this value.
    #[arg(long, value_name = "X")]
    pub min_b3_f1: Option<f64>,
    /// Fail unless CEAFe F1 reaches this value.
    #[arg(long, value_name = "X")]
    pub min_ceafe_f1: Option<f64>,
    /// Fail unless pronoun-antecedent accuracy reaches this value.
    #[arg(long, value_name = "X")]
    pub min_pronoun_accuracy: Option<f64>,
}

fn line(name: &str, prf: &Prf) {
    println!(
        "{name:<6} P {:.3}  R {:.3}  F1 {:.3}",
        prf.precision(),
        prf.recall(),
        prf.f1()
    );
}

/// Scores the files and prints the figures; false when a threshold is missed.
pub fn run(args: &EvalCorefArgs) -> anyhow::Result<bool> {
    let pipeline = Pipeline::through(Stage::Coref);
    let mut scores = CorefScores::default();
    for file in &args.files {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {name}"))?;
        for gum in read_gum(&text, &name, &args.doc_prefix)? {
            let (mut doc, spans) = system_document(&gum);
            doc.language = Some("en".to_string());
            pipeline.run(&mut doc);
            score_document(&gum, &doc, &spans, &mut scores);
        }
    }
    println!(
        "{} documents, {} gold chains ({} mentions), {} system chains",
        scores.documents, scores.key_chains, scores.key_mentions, scores.response_chains
    );
    line("MUC", &scores.muc);
    line("B3", &scores.b3);
    line("CEAFe", &scores.ceafe);
    let conll = (scores.muc.f1() + scores.b3.f1() + scores.ceafe.f1()) / 3.0;
    println!("CoNLL  F1 {conll:.3}");
    println!(
        "pronouns {:.3} ({} of {} right, {} linked)",
        scores.pronoun_accuracy(),
        scores.pronouns_right,
        scores.pronouns,
        scores.pronouns_linked
    );
    let mut ok = at_least("MUC F1", scores.muc.f1(), args.min_muc_f1);
    ok &= at_least("B3 F1", scores.b3.f1(), args.min_b3_f1);
    ok &= at_least("CEAFe F1", scores.ceafe.f1(), args.min_ceafe_f1);
    ok &= at_least(
        "pronoun accuracy",
        scores.pronoun_accuracy(),
        args.min_pronoun_accuracy,
    );
    if scores.documents == 0 {
        eprintln!("dyad: no document id starts with {:?}", args.doc_prefix);
        ok = false;
    }
    Ok(ok)
}
