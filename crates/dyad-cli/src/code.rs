//! `dyad code`: reads articles and writes the coded-article JSON (or a table).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use dyad_core::input::{self, Format, ReadOptions};
use dyad_core::output::json::{self, JsonOptions};
use dyad_core::{Document, Pipeline};

use crate::Outcome;
use crate::read;

/// Output formats of `dyad code`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputFormat {
    /// Pretty JSON for one article, JSON Lines for several.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A readable terminal view.
    Table,
}

/// Input formats.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputFormat {
    /// Decide from the file name and content.
    Auto,
    /// HTML page or fragment.
    Html,
    /// Plain text.
    Text,
    /// JSON Lines, one article per line.
    Jsonl,
    /// Reuters-21578 SGML.
    Reuters,
    /// WARC web archive (`response` records holding HTML).
    Warc,
}

impl InputFormat {
    /// The library's format.
    pub fn format(self) -> Format {
        match self {
            InputFormat::Auto => Format::Auto,
            InputFormat::Html => Format::Html,
            InputFormat::Text => Format::Text,
            InputFormat::Jsonl => Format::Jsonl,
            InputFormat::Reuters => Format::Reuters,
            InputFormat::Warc => Format::Warc,
        }
    }
}

/// Checks a `--published` value and normalises it to `YYYY-MM-DD`.
pub fn parse_published(published: Option<&str>) -> anyhow::Result<Option<String>> {
    published
        .map(|p| {
            input::normalize_date(p)
                .filter(|d| d.len() == 10)
                .ok_or_else(|| {
                    anyhow::anyhow!("--published {p:?} is not a date of the form YYYY-MM-DD")
                })
        })
        .transpose()
}

/// The default pipeline, resolving actors with the embedded dictionary followed by the
/// user's `--actors` files; a malformed file is an error naming its file and line.
pub fn pipeline_with_actors(files: &[PathBuf]) -> anyhow::Result<Pipeline> {
    if files.is_empty() {
        return Ok(Pipeline::default());
    }
    let mut texts = Vec::with_capacity(files.len());
    for file in files {
        let name = file.display().to_string();
        let bytes = std::fs::read(file)
            .map_err(|e| anyhow::anyhow!("{name}: cannot read the actor file: {e}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|_| anyhow::anyhow!("{name}: the actor file is not UTF-8"))?;
        texts.push((name, text));
    }
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dict = dyad_core::actors::ActorDictionary::embedded_with(&pairs)?;
    Ok(Pipeline::default().with_actors(dict))
}

/// Arguments of `dyad code`.
#[derive(Args)]
pub struct CodeArgs {
    /// Files or directories to read; `-` (or nothing) reads standard input.
    paths: Vec<PathBuf>,
    /// The publication date when the article does not give one (YYYY-MM-DD).
    #[arg(long)]
    published: Option<String>,
    /// The outlet name when the article does not give one.
    #[arg(long)]
    source: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: OutputFormat,
    /// Input format.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// Add tokens and words (with tags once tagged) to the JSON.
    #[arg(long)]
    tokens: bool,
    /// Add the stages' diagnostics to the JSON.
    #[arg(long)]
    diagnostics: bool,
    /// An actor dictionary file of the user's, read after the embedded ones (an entry
    /// loaded last wins); may be given several times.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
}

/// Codes every input; failed inputs are reported on stderr and the rest goes on.
pub fn run(args: CodeArgs) -> anyhow::Result<Outcome> {
    let published = parse_published(args.published.as_deref())?;
    let options = ReadOptions {
        format: args.input_format.format(),
        published,
        source: args.source.clone(),
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let pipeline = pipeline_with_actors(&args.actors)?;
    let version = pipeline.version();
    let json_options = JsonOptions {
        tokens: args.tokens,
        diagnostics: args.diagnostics,
    };
    let mut failed = 0usize;
    let mut docs: Vec<Document> = Vec::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // JSON Lines and tables stream; pretty JSON waits to know whether there is one article.
    let stream = args.format != OutputFormat::Json;
    for path in read::expand(&paths) {
        let loaded = path.and_then(|p| read::read(&p));
        let input = match loaded {
            Ok(input) => input,
            Err(e) => {
                eprintln!("dyad: error: {e:#}");
                failed += 1;
                continue;
            }
        };
        for result in input::read(&input.name, &input.bytes, &options) {
            match result {
                Ok(mut doc) => {
                    pipeline.run(&mut doc);
                    if stream {
                        emit(&mut out, &doc, args.format, &version, json_options)?;
                    } else {
                        docs.push(doc);
                    }
                }
                Err(e) => {
                    eprintln!("dyad: error: {e}");
                    failed += 1;
                }
            }
        }
    }
    if !stream {
        if let [doc] = docs.as_slice() {
            serde_json::to_writer_pretty(&mut out, &json::to_value(doc, &version, json_options))?;
            writeln!(out)?;
        } else {
            for doc in &docs {
                emit(&mut out, doc, OutputFormat::Jsonl, &version, json_options)?;
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("dyad: {failed} input(s) failed");
        return Ok(Outcome::Failure);
    }
    Ok(Outcome::Success)
}

fn emit(
    out: &mut impl Write,
    doc: &Document,
    format: OutputFormat,
    version: &str,
    options: JsonOptions,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Table => writeln!(out, "{}", dyad_core::output::table::render(doc))?,
        _ => {
            serde_json::to_writer(&mut *out, &json::to_value(doc, version, options))?;
            writeln!(out)?;
        }
    }
    Ok(())
}
