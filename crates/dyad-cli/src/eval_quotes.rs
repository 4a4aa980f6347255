//! `dyad eval quotes DIR`: the quotes stage against PolNeAR's gold attributions.
//!
//! `DIR` is a PolNeAR split (`text/` and `attributions/`) or a folder of splits. Each text is
//! coded with the whole pipeline; where several annotators annotated an article, the
//! alphabetically first file is the gold. It reads files and prints; the scoring lives in
//! `dyad_core::eval::quotes`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use dyad_core::eval::quotes::{
    AttributionTally, GoldAttribution, QuoteScores, document_of, judge, read_attributions, score,
};
use dyad_core::{Document, Span};

use crate::threshold;

/// Arguments of `dyad eval quotes`.
#[derive(Debug, Args)]
pub struct EvalQuotesArgs {
    /// A PolNeAR split (with `text/` and `attributions/`), or a folder of splits.
    pub dir: PathBuf,
    /// Print each article's figures.
    #[arg(long, short)]
    pub verbose: bool,
    /// Print every mistake: gold attributions missed (`miss`, `miss-source`) and output
    /// quotes that are wrong (`wrong`, `wrong-source`), with their texts.
    #[arg(long)]
    pub errors: bool,
    /// Fail when direct-quote content+source precision is below this.
    #[arg(long, value_name = "X")]
    pub min_direct_precision: Option<f64>,
    /// Fail when direct-quote content+source recall is below this.
    #[arg(long, value_name = "X")]
    pub min_direct_recall: Option<f64>,
    /// Fail when reported-speech content+source precision is below this.
    #[arg(long, value_name = "X")]
    pub min_reported_precision: Option<f64>,
    /// Fail when reported-speech content+source recall is below this.
    #[arg(long, value_name = "X")]
    pub min_reported_recall: Option<f64>,
}

/// The splits under `dir`: itself when it has `text/`, else its sub-folders that do.
fn splits(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if dir.join("text").is_dir() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.join("text").is_dir() {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Each text of a split with its alphabetically first attribution file.
fn pairs(split: &Path) -> anyhow::Result<Vec<(PathBuf, PathBuf)>> {
    let texts = split.join("text");
    let anns = split.join("attributions");
    let mut by_stem: BTreeMap<String, PathBuf> = BTreeMap::new();
    for entry in
        std::fs::read_dir(&anns).with_context(|| format!("cannot read {}", anns.display()))?
    {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // `<stem>_<annotator>.ann`.
        let Some((stem, _)) = name.strip_suffix(".ann").and_then(|n| n.rsplit_once('_')) else {
            continue;
        };
        let slot = by_stem
            .entry(stem.to_string())
            .or_insert_with(|| path.clone());
        if path < *slot {
            *slot = path;
        }
    }
    let mut out = Vec::new();
    for (stem, ann) in by_stem {
        let text = texts.join(format!("{stem}.txt"));
        if text.is_file() {
            out.push((text, ann));
        }
    }
    Ok(out)
}

/// Prints one article's mistakes, one per line.
fn print_errors(doc: &Document, gold: &[GoldAttribution], path: &Path) {
    let v = judge(doc, gold);
    let show = |spans: &[Span]| -> String {
        spans
            .iter()
            .map(|&s| doc.slice(s))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let kind = |direct: bool| if direct { "direct" } else { "reported" };
    for (g, a) in gold.iter().enumerate() {
        let label = if !v.gold_found[g] {
            "miss"
        } else if !a.source.is_empty() && !v.gold_found_with_source[g] {
            "miss-source"
        } else {
            continue;
        };
        println!(
            "{label}\t{}\t{name}\t[{}] [{}] {}",
            kind(a.direct),
            show(&a.source),
            show(&a.cue),
            show(&a.content)
        );
    }
    for (i, q) in doc.quotes.iter().enumerate() {
        let label = if !v.output_right[i] {
            "wrong"
        } else if q.speaker.is_some() && !v.output_speaker_right[i] {
            "wrong-source"
        } else {
            continue;
        };
        let speaker = q
            .speaker
            .map_or(String::new(), |s| doc.slice(s.span).to_string());
        let cue = q.cue.map_or("", |c| doc.slice(c));
        println!(
            "{label}\t{}\t{name}\t[{speaker}] [{cue}] {}",
            kind(q.direct),
            doc.slice(q.span)
        );
    }
}

fn print_tally(label: &str, t: &AttributionTally) {
    println!(
        "  {label:<9} gold {:>5}  output {:>5}  content P {:.3} R {:.3}  content+source P {:.3} R {:.3}  ({} with a speaker, {} gold with a source)",
        t.gold,
        t.output,
        t.content_precision(),
        t.content_recall(),
        t.source_precision(),
        t.source_recall(),
        t.output_with_speaker,
        t.gold_with_source,
    );
}

/// Runs the command: prints the scores and returns whether the thresholds were met.
pub fn run(args: &EvalQuotesArgs) -> anyhow::Result<bool> {
    let mut total = QuoteScores::default();
    let mut articles = 0;
    let pipeline = dyad_core::Pipeline::default();
    for split in splits(&args.dir)? {
        for (text_path, ann_path) in pairs(&split)? {
            let text = std::fs::read_to_string(&text_path)
                .with_context(|| format!("cannot read {}", text_path.display()))?;
            let ann = std::fs::read_to_string(&ann_path)
                .with_context(|| format!("cannot read {}", ann_path.display()))?;
            let (mut doc, map) = document_of(&text);
            let gold = read_attributions(&ann, &doc.text, &map, &ann_path.display().to_string())?;
            pipeline.run(&mut doc);
            let s = score(&doc, &gold);
            if args.errors {
                print_errors(&doc, &gold, &text_path);
            }
            if args.verbose {
                println!(
                    "{}: direct {}/{} found, reported {}/{} found, output {} direct {} reported",
                    text_path.display(),
                    s.direct.gold_found,
                    s.direct.gold,
                    s.reported.gold_found,
                    s.reported.gold,
                    s.direct.output,
                    s.reported.output
                );
            }
            total.add(s);
            articles += 1;
        }
    }
    if articles == 0 {
        anyhow::bail!("{}: no PolNeAR articles found", args.dir.display());
    }
    println!("PolNeAR attributions, {articles} articles");
    print_tally("direct", &total.direct);
    print_tally("reported", &total.reported);
    Ok(threshold::at_least(
        "direct content+source precision",
        total.direct.source_precision(),
        args.min_direct_precision,
    ) & threshold::at_least(
        "direct content+source recall",
        total.direct.source_recall(),
        args.min_direct_recall,
    ) & threshold::at_least(
        "reported content+source precision",
        total.reported.source_precision(),
        args.min_reported_precision,
    ) & threshold::at_least(
        "reported content+source recall",
        total.reported.source_recall(),
        args.min_reported_recall,
    ))
}
