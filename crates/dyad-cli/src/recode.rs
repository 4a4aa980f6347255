//! `dyad recode`: runs the pipeline again over the stored article text (after a dictionary or
//! model change) and rebuilds the events and their clusters.
//!
//! The text, its blocks and the article's metadata are kept; everything the stages produce
//! (entities, events, quotes, locations, counts, tone) is replaced, 500 articles per
//! transaction, and the clusters are then rebuilt from all events in one transaction.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use dyad_core::output::json::{self, JsonOptions};
use dyad_core::{ArticleMeta, BlockKind, Document};
use dyad_store::Store;
use rayon::prelude::*;
use serde_json::Value;

use crate::Outcome;

/// Arguments of `dyad recode`.
#[derive(Args)]
pub struct RecodeArgs {
    /// The database file (default: $DYAD_DB, else dyad.db).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Threads that code articles (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// No summary.
    #[arg(long)]
    quiet: bool,
    /// An actor dictionary file of the user's, read after the embedded ones (an entry
    /// loaded last wins); may be given several times.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
}

/// Rebuilds a document from stored text and the stored JSON's metadata and blocks.
pub fn stored_document(text: &str, coded: &Value) -> Document {
    let meta = &coded["article"];
    let field = |k: &str| meta[k].as_str().map(str::to_string);
    let meta = ArticleMeta {
        input_id: field("input_id"),
        title: field("title"),
        published: field("published"),
        source: field("source"),
        url: field("url"),
    };
    // Block offsets are characters; slice by the matching byte offsets.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |v: &Value| v.as_u64().and_then(|c| bytes.get(c as usize).copied());
    let blocks: Vec<(BlockKind, &str)> = coded["blocks"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or(&[])
        .iter()
        .filter_map(|b| {
            let kind = match b["kind"].as_str()? {
                "title" => BlockKind::Title,
                "heading" => BlockKind::Heading,
                _ => BlockKind::Paragraph,
            };
            let (start, end) = (at(&b["start"])?, at(&b["end"])?);
            Some((kind, text.get(start..end)?))
        })
        .collect();
    if blocks.is_empty() {
        Document::from_blocks(meta, [(BlockKind::Paragraph, text)])
    } else {
        Document::from_blocks(meta, blocks)
    }
}

/// Re-codes every stored article and rebuilds the clusters.
pub fn run(args: RecodeArgs) -> anyhow::Result<Outcome> {
    let db = crate::db_path(args.db);
    if !db.exists() {
        anyhow::bail!("{}: no database (run dyad ingest first)", db.display());
    }
    let mut store = Store::open(&db).with_context(|| format!("{}: cannot open", db.display()))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let pipeline = crate::code::pipeline_with_actors(&args.actors)?;
    let version = pipeline.version();
    let started = std::time::Instant::now();
    let (mut last, mut done, mut events) = (0i64, 0usize, 0usize);
    loop {
        let chunk = store.articles_after(last, 500)?;
        let Some((rowid, _, _)) = chunk.last() else {
            break;
        };
        last = *rowid;
        let coded: Vec<(i64, Value)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|(rowid, text, old)| {
                    let mut doc = stored_document(text, old);
                    pipeline.run(&mut doc);
                    let mut value = json::to_value(&doc, &version, JsonOptions::default());
                    // The id stays the stored one, even if the text's layout was changed.
                    value["article"]["id"] = old["article"]["id"].clone();
                    (*rowid, value)
                })
                .collect()
        });
        events += coded
            .iter()
            .map(|(_, v)| v["events"].as_array().map_or(0, Vec::len))
            .sum::<usize>();
        done += coded.len();
        store.replace_codings(&coded)?;
    }
    store.rebuild_clusters()?;
    if !args.quiet {
        eprintln!(
            "dyad: re-coded {done} articles ({events} events) in {:.1} s; clusters rebuilt",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(Outcome::Success)
}
