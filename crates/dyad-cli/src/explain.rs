//! `dyad explain`: shows how one sentence was coded: its parse, its actors, and every event
//! pattern that fired or nearly fired there, with why.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use dyad_core::input::{self, ReadOptions};
use dyad_core::{conllu, events};

use crate::Outcome;

/// Arguments of `dyad explain`.
#[derive(Args)]
pub struct ExplainArgs {
    /// An article, or a `.conllu` file whose (gold) parse is used instead of the parser's.
    path: PathBuf,
    /// The sentence to explain (0-based, as in the JSON's `sentences`).
    #[arg(long)]
    sentence: usize,
    /// The publication date (`YYYY-MM-DD`) when the article gives none.
    #[arg(long)]
    published: Option<String>,
    /// An actor dictionary file of the user's, read after the embedded ones (an entry
    /// loaded last wins); may be given several times.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    #[command(flatten)]
    petrarch: crate::code::PetrarchVerbsArg,
    #[command(flatten)]
    petrarch_actors: crate::petrarch_actors::PetrarchActorsArgs,
}

/// Prints the explanation.
pub fn run(args: &ExplainArgs) -> anyhow::Result<Outcome> {
    let name = args.path.display().to_string();
    let bytes = std::fs::read(&args.path).with_context(|| format!("{name}: cannot read"))?;
    let petrarch = args.petrarch.dictionary()?;
    let dict = match &petrarch {
        Some(dict) => dict,
        None => events::embedded_dictionary().map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let doc = if name.ends_with(".conllu") {
        let text = String::from_utf8_lossy(&bytes);
        let sentences = conllu::parse(&text, &name)?;
        events::code_conllu_with(&sentences, args.published.clone(), petrarch.as_ref())
    } else {
        let options = ReadOptions {
            published: args.published.clone(),
            ..ReadOptions::default()
        };
        let mut doc = input::read(&name, &bytes, &options)
            .into_iter()
            .next()
            .ok_or_else(|| anyhow::anyhow!("{name}: no article"))??;
        let pipeline = crate::code::pipeline_with_actors(&args.actors)?;
        let pipeline = match &petrarch {
            Some(dict) => pipeline.with_events(dict.clone()),
            None => pipeline,
        };
        args.petrarch_actors.apply(pipeline)?.run(&mut doc);
        doc
    };
    print!("{}", events::explain(&doc, dict, args.sentence));
    Ok(Outcome::from_passed(args.sentence < doc.sentences.len()))
}
