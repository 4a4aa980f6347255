//! The `dyad eval ner` command: tags gold entity files (CoNLL-2003, UNER IOB2, a re3d folder)
//! with the entity stage and prints entity-level precision, recall and F1 by type and overall.
//!
//! It reads the files and prints; the scoring lives in `dyad_core::eval::ner`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_core::eval::ner::{
    GoldSentence, NerScores, Scheme, document_of, read_iob, read_re3d, score_iob, score_re3d,
};
use dyad_core::ner::Recognizer;

/// The gold file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GoldFormat {
    /// CoNLL-2003: four space-separated columns, IOB1, `-DOCSTART-` lines.
    Conll2003,
    /// UNER: tab-separated, IOB2.
    Iob2,
    /// A re3d folder (or a folder of them) with documents.json and entities.json.
    Re3d,
}

/// Arguments of `dyad eval ner`.
#[derive(Debug, Args)]
pub struct EvalNerArgs {
    /// The gold file (or, for re3d, folder).
    pub file: PathBuf,
    /// Its format (default: re3d for a folder, CoNLL-2003 when it starts with -DOCSTART-,
    /// otherwise IOB2).
    #[arg(long)]
    pub format: Option<GoldFormat>,
    /// A model file to use instead of the bundled one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Also print every mistake (missed gold entities and spurious ones), one per line.
    #[arg(long)]
    pub errors: bool,
    /// Fail unless overall F1 reaches this value.
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The re3d folders under `dir` (itself, or its sub-folders), in name order.
pub(crate) fn re3d_folders(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if dir.join("documents.json").is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.join("documents.json").is_file() {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Runs the command: prints the scores and returns whether the threshold was met.
pub fn run(args: &EvalNerArgs) -> anyhow::Result<bool> {
    let owned;
    let recognizer: &Recognizer = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            owned = Recognizer::from_bytes(&bytes, &path.display().to_string())?;
            &owned
        }
        None => Recognizer::bundled().map_err(|why| anyhow::anyhow!("{why}"))?,
    };
    let format = match args.format {
        Some(f) => f,
        None if args.file.is_dir() => GoldFormat::Re3d,
        None => {
            if read(&args.file)?.starts_with("-DOCSTART-") {
                GoldFormat::Conll2003
            } else {
                GoldFormat::Iob2
            }
        }
    };
    let started = Instant::now();
    let mut speed = None;
    let scores = match format {
        GoldFormat::Re3d => {
            let mut docs = Vec::new();
            for dir in re3d_folders(&args.file)? {
                let (d, e) = (dir.join("documents.json"), dir.join("entities.json"));
                docs.extend(read_re3d(
                    &read(&d)?,
                    &d.display().to_string(),
                    &read(&e)?,
                    &e.display().to_string(),
                )?);
            }
            score_re3d(&docs, recognizer)
        }
        GoldFormat::Conll2003 | GoldFormat::Iob2 => {
            let scheme = if format == GoldFormat::Conll2003 {
                Scheme::Conll2003
            } else {
                Scheme::Iob2
            };
            let name = args.file.display().to_string();
            let docs = read_iob(&read(&args.file)?, &name, scheme)?;
            let scores = score_iob(&docs, scheme, recognizer);
            speed = Some(entity_stage_speed(&docs, recognizer));
            scores
        }
    };
    if scores.documents == 0 {
        anyhow::bail!("no document to score in {}", args.file.display());
    }
    print(&scores, started.elapsed().as_secs_f64());
    if let Some(words_per_second) = speed {
        println!("entity stage alone: {words_per_second:.0} words/s (one thread)");
    }
    if args.errors {
        for e in &scores.errors {
            let what = if e.missed { "missed" } else { "spurious" };
            println!("{what}\t{}\t{}", e.label, e.text);
        }
    }
    Ok(crate::threshold::at_least(
        "entity F1",
        scores.overall.f1(),
        args.min_f1,
    ))
}

/// Words per second of the entity stage alone (segmentation done beforehand), on one thread.
fn entity_stage_speed(docs: &[Vec<GoldSentence>], recognizer: &Recognizer) -> f64 {
    let mut built: Vec<_> = docs
        .iter()
        .map(|sentences| {
            let (mut doc, _) = document_of(sentences);
            dyad_core::segment::segment(&mut doc);
            doc
        })
        .collect();
    let words: usize = built.iter().map(|d| d.words.len()).sum();
    let started = Instant::now();
    for doc in &mut built {
        recognizer.annotate(doc);
    }
    words as f64 / started.elapsed().as_secs_f64().max(1e-9)
}

fn print(scores: &NerScores, seconds: f64) {
    println!(
        "documents: {}, tokens: {}, {:.0} tokens/s (segmenting and tagging)",
        scores.documents,
        scores.tokens,
        scores.tokens as f64 / seconds.max(1e-9)
    );
    println!(
        "{:<13} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7}",
        "type", "gold", "system", "correct", "P", "R", "F1"
    );
    let rows = scores
        .by_label
        .iter()
        .map(|(l, c)| (l.as_str(), *c))
        .chain([("overall", scores.overall)]);
    for (label, c) in rows {
        println!(
            "{:<13} {:>6} {:>6} {:>7} {:>7.4} {:>7.4} {:>7.4}",
            label,
            c.gold,
            c.system,
            c.correct,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
}
