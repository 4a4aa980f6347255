//! `dyad eval actors`: codes the articles of hand-made actor lists (the format is in
//! `dyad_core::eval::actors`) and prints how many listed actors got an accepted code, per
//! article, per list and in total, with a threshold for CI.
//!
//! This module reads the lists, the article files and the re3d documents and prints; the
//! library parses the lists and scores. Misses are printed only with `--show-misses`, so a
//! held-out list can be scored without its content being shown.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use dyad_core::eval::actors::{self, ArticleScore, ListArticle, Re3dDocuments, Source, Tally};
use dyad_core::input::{self, Format, ReadOptions};
use dyad_core::output::json::{self, JsonOptions};
use rayon::prelude::*;

use crate::{Outcome, threshold};

/// Arguments of `dyad eval actors`.
#[derive(Args)]
pub struct ActorsArgs {
    /// Actor lists (dyad actor list v1).
    #[arg(required = true)]
    lists: Vec<PathBuf>,
    /// The folder the lists' sources are relative to (default: `corpora` in $DYAD_SHARED
    /// or ../shared).
    #[arg(long)]
    corpora: Option<PathBuf>,
    /// Fail when the share of listed actors right, over all lists, is below this.
    #[arg(long)]
    min_accuracy: Option<f64>,
    /// Print every wrong actor with the reason and the entity text.
    #[arg(long)]
    show_misses: bool,
    /// An actor dictionary file of the user's, read after the embedded ones (an entry
    /// loaded last wins); may be given several times.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    #[command(flatten)]
    petrarch_actors: crate::petrarch_actors::PetrarchActorsArgs,
}

/// Runs the evaluation: every list, every article; errors are reported and the rest goes on.
pub fn run(args: ActorsArgs) -> anyhow::Result<Outcome> {
    let corpora = args
        .corpora
        .clone()
        .unwrap_or_else(|| crate::shared_dir(None).join("corpora"));
    let pipeline = crate::code::pipeline_with_actors(&args.actors)?;
    let pipeline = args.petrarch_actors.apply(pipeline)?;
    let version = pipeline.version();
    let mut re3d: Option<Result<Re3dDocuments, String>> = None;
    let mut errors = 0usize;
    let mut grand = Tally::default();
    for list_file in &args.lists {
        let (name, text) = match crate::code::read_dictionary_file(list_file, "actor list") {
            Ok(read) => read,
            Err(e) => {
                eprintln!("dyad: error: {e:#}");
                errors += 1;
                continue;
            }
        };
        let list = actors::parse(&text, &name);
        for e in &list.errors {
            eprintln!("dyad: error: {e}");
        }
        errors += list.errors.len();
        if re3d.is_none()
            && list
                .articles
                .iter()
                .any(|a| matches!(a.source, Source::Re3d(_)))
        {
            re3d = Some(read_re3d(&corpora).map_err(|e| format!("{e:#}")));
        }
        let inputs: Vec<_> = list
            .articles
            .iter()
            .map(|a| {
                (
                    a,
                    article_input(a, &corpora, re3d.as_ref())
                        .with_context(|| format!("{name}:{}", a.line)),
                )
            })
            .collect();
        let scored: Vec<anyhow::Result<ArticleScore>> = inputs
            .into_par_iter()
            .map(|(article, input)| {
                let ArticleInput {
                    name: doc_name,
                    bytes,
                    format,
                } = input?;
                let at = || format!("{name}:{}", article.line);
                let options = ReadOptions {
                    format,
                    published: Some(article.date.clone()),
                    source: None,
                };
                let mut doc = input::read(&doc_name, &bytes, &options)
                    .into_iter()
                    .next()
                    .with_context(|| format!("{doc_name}: no article in the file"))
                    .with_context(at)?
                    .with_context(at)?;
                pipeline.run(&mut doc);
                let value = json::to_value(&doc, &version, JsonOptions::default());
                Ok(actors::score(article, &name, &value))
            })
            .collect();
        let mut total = Tally::default();
        for (article, result) in list.articles.iter().zip(scored) {
            let score = match result {
                Ok(score) => score,
                Err(e) => {
                    eprintln!("dyad: error: {e:#}");
                    println!("{} not scored", article.source);
                    errors += 1;
                    continue;
                }
            };
            let tally = score.tally();
            println!("{} {}/{}", article.source, tally.right, tally.total);
            if args.show_misses {
                for r in score
                    .results
                    .iter()
                    .filter(|r| r.verdict != actors::Verdict::Right)
                {
                    let entity = r
                        .entity_text
                        .as_deref()
                        .map(|t| format!(", entity {t:?}"))
                        .unwrap_or_default();
                    println!(
                        "    {} ({}): {}{entity}",
                        r.actor.label(),
                        r.actor.codes.join(" / "),
                        r.verdict
                    );
                }
            }
            for e in &score.errors {
                eprintln!("dyad: error: {e}");
            }
            errors += score.errors.len();
            total.add(tally);
        }
        println!("list {name} {}", figure(total));
        grand.add(total);
    }
    println!("total {}", figure(grand));
    let mut passed = threshold::at_least("actor accuracy", grand.share(), args.min_accuracy);
    if errors > 0 {
        eprintln!("dyad: {errors} error(s) in the actor lists");
        passed = false;
    }
    Ok(Outcome::from_passed(passed))
}

/// `R/N (P %)`.
fn figure(t: Tally) -> String {
    format!("{}/{} ({:.1} %)", t.right, t.total, 100.0 * t.share())
}

/// What the pipeline reads for one listed article.
struct ArticleInput {
    /// The name errors give: the file's path, or `re3d:ID`.
    name: String,
    /// The bytes.
    bytes: Vec<u8>,
    /// Their format (re3d documents are plain text).
    format: Format,
}

/// The input of one listed article: its file under `corpora`, or its re3d document.
fn article_input(
    article: &ListArticle,
    corpora: &Path,
    re3d: Option<&Result<Re3dDocuments, String>>,
) -> anyhow::Result<ArticleInput> {
    match &article.source {
        Source::Path(path) => {
            let file = corpora.join(path);
            let bytes = std::fs::read(&file).with_context(|| {
                format!(
                    "{}: cannot read the article (is the corpora folder at {}?)",
                    file.display(),
                    corpora.display()
                )
            })?;
            Ok(ArticleInput {
                name: file.display().to_string(),
                bytes,
                format: Format::Auto,
            })
        }
        Source::Re3d(id) => {
            let docs = match re3d {
                Some(Ok(docs)) => docs,
                Some(Err(e)) => anyhow::bail!("{e}"),
                None => anyhow::bail!("the re3d documents were not read"),
            };
            let text = docs.text(id)?;
            Ok(ArticleInput {
                name: article.source.to_string(),
                bytes: text.into_bytes(),
                format: Format::Text,
            })
        }
    }
}

/// Every `re3d/*/documents.json` under the corpora folder, in folder-name order.
fn read_re3d(corpora: &Path) -> anyhow::Result<Re3dDocuments> {
    let folders = crate::eval_ner::re3d_folders(&corpora.join("re3d"))?;
    let texts = folders
        .iter()
        .map(|folder| {
            let file = folder.join("documents.json");
            std::fs::read_to_string(&file)
                .map(|text| (file.display().to_string(), text))
                .with_context(|| format!("{}: cannot read", file.display()))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Ok(Re3dDocuments::parse(&pairs)?)
}
