//! `dyad code`: reads articles and writes the coded-article JSON (or a table).
//!
//! With `--jobs N` the articles are coded on N threads and written in input order, with a
//! bounded number in flight; JSON Lines on standard input is read a line at a time, so the
//! command works as a map step of a stream (Spark's `RDD.pipe`, Hadoop streaming) in
//! constant memory.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_core::Location;
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

/// Reads a dictionary file the user names (`what` says which kind, for the errors): its
/// displayed name and its text; a file that cannot be read or is not UTF-8 is an error
/// naming it.
pub fn read_dictionary_file(file: &Path, what: &str) -> anyhow::Result<(String, String)> {
    let name = file.display().to_string();
    let bytes =
        std::fs::read(file).map_err(|e| anyhow::anyhow!("{name}: cannot read the {what}: {e}"))?;
    let text =
        String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{name}: the {what} is not UTF-8"))?;
    Ok((name, text))
}

/// The default pipeline, resolving actors with the embedded dictionary followed by the
/// user's `--actors` files; a malformed file is an error naming its file and line.
pub fn pipeline_with_actors(files: &[PathBuf]) -> anyhow::Result<Pipeline> {
    if files.is_empty() {
        return Ok(Pipeline::default());
    }
    let texts = files
        .iter()
        .map(|file| read_dictionary_file(file, "actor file"))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dict = dyad_core::actors::ActorDictionary::embedded_with(&pairs)?;
    Ok(Pipeline::default().with_actors(dict))
}

/// `--petrarch-verbs FILE`: PETRARCH-2's CAMEO verb dictionary, read at run time.
#[derive(Args, Clone, Default)]
pub struct PetrarchVerbsArg {
    /// PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt), read at run time as an extra
    /// event dictionary: its patterns are tried on a verb only when none of dyad's fired.
    #[arg(long = "petrarch-verbs", value_name = "FILE")]
    pub petrarch_verbs: Option<PathBuf>,
}

impl PetrarchVerbsArg {
    /// The embedded event dictionary with PETRARCH's verbs, or `None` without the option.
    /// Malformed lines are reported on stderr as `FILE:LINE: why`, then a summary line; a
    /// missing or non-UTF-8 file is an error naming it.
    pub fn dictionary(&self) -> anyhow::Result<Option<dyad_core::events::EventDictionary>> {
        let Some(file) = &self.petrarch_verbs else {
            return Ok(None);
        };
        let (name, text) = read_dictionary_file(file, "PETRARCH verb dictionary")?;
        let short = file
            .file_name()
            .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
        let (verbs, problems) = dyad_core::events::petrarch::PetrarchVerbs::parse(&short, &text);
        for p in &problems {
            eprintln!("{name}:{}: {}", p.line, p.why);
        }
        eprintln!("{name}: {}", verbs.summary());
        let dict = dyad_core::events::embedded_dictionary()
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .clone()
            .with_petrarch(verbs);
        Ok(Some(dict))
    }

    /// The pipeline, coding events with PETRARCH's verbs too when the option is given.
    pub fn apply(&self, pipeline: Pipeline) -> anyhow::Result<Pipeline> {
        Ok(match self.dictionary()? {
            Some(dict) => pipeline.with_events(dict),
            None => pipeline,
        })
    }
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
    /// Threads that code articles; the output keeps the input order, and at most 16
    /// articles per thread are held at once.
    #[arg(long, default_value_t = 1)]
    jobs: usize,
    /// An actor dictionary file of the user's, read after the embedded ones (an entry
    /// loaded last wins); may be given several times.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    #[command(flatten)]
    petrarch: PetrarchVerbsArg,
    #[command(flatten)]
    petrarch_actors: crate::petrarch_actors::PetrarchActorsArgs,
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
    let pipeline = args.petrarch.apply(pipeline)?;
    let pipeline = args.petrarch_actors.apply(pipeline)?;
    let version = pipeline.version();
    let json_options = JsonOptions {
        tokens: args.tokens,
        diagnostics: args.diagnostics,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.max(1))
        .build()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // JSON Lines and tables stream; pretty JSON waits to know whether there is one article.
    let stream = args.format != OutputFormat::Json;
    let mut failed = 0usize;
    let mut docs: Vec<Document> = Vec::new();
    let code = |doc: anyhow::Result<Document>| -> Coded {
        match doc {
            Ok(mut doc) => {
                pipeline.run(&mut doc);
                if stream {
                    Coded::Line(render(&doc, args.format, &version, json_options))
                } else {
                    Coded::Doc(Box::new(doc))
                }
            }
            Err(e) => Coded::Failed(format!("{e:#}")),
        }
    };
    let mut sink = |coded: Coded| -> anyhow::Result<()> {
        match coded {
            Coded::Line(line) => writeln!(out, "{line}")?,
            Coded::Doc(doc) => docs.push(*doc),
            Coded::Failed(e) => {
                eprintln!("dyad: error: {e}");
                failed += 1;
            }
        }
        Ok(())
    };
    let window = args.jobs.max(1) * IN_FLIGHT_PER_JOB;
    for path in read::expand(&paths) {
        let path = match path {
            Ok(p) => p,
            Err(e) => {
                sink(Coded::Failed(format!("{e:#}")))?;
                continue;
            }
        };
        if path.as_os_str() == "-" {
            // Standard input is read a line at a time when it is JSON Lines, so that a stream
            // of any length is coded in constant memory.
            let mut stdin = std::io::stdin().lock();
            let jsonl = match args.input_format {
                InputFormat::Jsonl => true,
                InputFormat::Auto => starts_with_brace(&mut stdin)?,
                _ => false,
            };
            if jsonl {
                let lines = stdin_records(stdin, &options);
                ordered_map(&pool, window, lines, &code, &mut sink)?;
                continue;
            }
        }
        let input = match read::read(&path) {
            Ok(input) => input,
            Err(e) => {
                sink(Coded::Failed(format!("{e:#}")))?;
                continue;
            }
        };
        let documents = input::read(&input.name, &input.bytes, &options)
            .into_iter()
            .map(|d| d.map_err(anyhow::Error::from));
        ordered_map(&pool, window, documents, &code, &mut sink)?;
    }
    if !stream {
        if let [doc] = docs.as_slice() {
            serde_json::to_writer_pretty(&mut out, &json::to_value(doc, &version, json_options))?;
            writeln!(out)?;
        } else {
            for doc in &docs {
                let line = render(doc, OutputFormat::Jsonl, &version, json_options);
                writeln!(out, "{line}")?;
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

/// Articles coded at once per job: enough to keep every thread busy while the slowest
/// article of the window finishes, few enough that memory stays small.
const IN_FLIGHT_PER_JOB: usize = 16;

/// What coding one input record gave.
enum Coded {
    /// A rendered line (JSON Lines or table).
    Line(String),
    /// A document kept for pretty JSON.
    Doc(Box<Document>),
    /// The record could not be read.
    Failed(String),
}

/// Maps `f` over `items` on the pool with at most `window` items in flight (read, being
/// coded, or coded and waiting for an earlier one) and hands the results to `sink` in input
/// order.
fn ordered_map<T: Send, U: Send>(
    pool: &rayon::ThreadPool,
    window: usize,
    items: impl Iterator<Item = T>,
    f: &(impl Fn(T) -> U + Sync),
    sink: &mut impl FnMut(U) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if pool.current_num_threads() <= 1 {
        for item in items {
            sink(f(item))?;
        }
        return Ok(());
    }
    let (tx, rx) = std::sync::mpsc::channel::<(usize, U)>();
    pool.in_place_scope(|scope| -> anyhow::Result<()> {
        let mut pending: BTreeMap<usize, U> = BTreeMap::new();
        let (mut sent, mut written) = (0usize, 0usize);
        let mut deliver = |(seq, value): (usize, U), written: &mut usize| {
            pending.insert(seq, value);
            let mut result = Ok(());
            while let Some(value) = pending.remove(&*written) {
                *written += 1;
                if result.is_ok() {
                    result = sink(value);
                }
            }
            result
        };
        for item in items {
            while sent - written >= window {
                let done = rx.recv()?;
                deliver(done, &mut written)?;
            }
            let tx = tx.clone();
            let seq = sent;
            scope.spawn(move |_| {
                // The receiver lives until every result is in.
                let _ = tx.send((seq, f(item)));
            });
            sent += 1;
            while let Ok(done) = rx.try_recv() {
                deliver(done, &mut written)?;
            }
        }
        while written < sent {
            let done = rx.recv()?;
            deliver(done, &mut written)?;
        }
        Ok(())
    })
}

/// True when the first non-blank byte waiting on `input` is `{` (JSON Lines).
fn starts_with_brace(input: &mut impl BufRead) -> anyhow::Result<bool> {
    loop {
        let buf = input.fill_buf().context("-: cannot read standard input")?;
        let Some(&first) = buf.iter().find(|b| !b.is_ascii_whitespace()) else {
            if buf.is_empty() {
                return Ok(false);
            }
            let n = buf.len();
            input.consume(n);
            continue;
        };
        return Ok(first == b'{');
    }
}

/// The records of JSON Lines on standard input, one line at a time; blank lines are skipped.
fn stdin_records<'a>(
    input: impl BufRead + 'a,
    options: &'a ReadOptions,
) -> impl Iterator<Item = anyhow::Result<Document>> + 'a {
    input
        .split(b'\n')
        .enumerate()
        .filter_map(move |(index, line)| {
            let line_no = index + 1;
            let line = match line {
                Ok(l) => l,
                Err(e) => return Some(Err(anyhow::anyhow!("-: cannot read standard input: {e}"))),
            };
            let Ok(text) = std::str::from_utf8(&line) else {
                return Some(Err(anyhow::anyhow!("-:{line_no}: invalid UTF-8")));
            };
            match input::jsonl::parse_line(text, "-", line_no) {
                Ok(None) => None,
                Ok(Some(record)) => Some(
                    input::from_record(record, options, Location::line("-", line_no))
                        .map_err(anyhow::Error::from),
                ),
                Err(e) => Some(Err(e.into())),
            }
        })
}

/// One coded document as one line of the output format.
fn render(doc: &Document, format: OutputFormat, version: &str, options: JsonOptions) -> String {
    match format {
        OutputFormat::Table => dyad_core::output::table::render(doc),
        _ => json::to_value(doc, version, options).to_string(),
    }
}
