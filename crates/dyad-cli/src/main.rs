//! The `dyad` command: parses arguments, calls the library, maps the outcome to an exit code.
//!
//! Exit codes: 0 when everything worked, 1 when some input failed or a threshold was not
//! met (the rest of the batch still ran), 2 for a usage error.

mod bench;
mod code;
mod codebook_cmd;
mod eval_actors;
mod eval_coref;
mod eval_events;
mod eval_extract;
mod eval_gold;
mod eval_ner;
mod eval_quotes;
mod eval_segment;
mod eval_ud;
mod events;
mod explain;
mod export;
mod ingest;
mod model_files;
mod parse_cmd;
mod petrarch_actors;
mod read;
mod recode;
mod search;
mod threshold;
mod timeline;
mod train;
mod train_ner;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Reads the news and writes down who did what to whom."
)]
struct Cli {
    /// Print the licences and credits of everything dyad ships, and exit.
    #[arg(long)]
    licenses: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Code articles: extract text, split sentences, and write the coded-article JSON.
    Code(code::CodeArgs),
    /// Look up CAMEO codes (name, Goldstein value, quad class) and their PLOVER mapping.
    Codebook(codebook_cmd::CodebookArgs),
    /// Explain how one sentence was coded: parse, actors, patterns that fired or nearly fired.
    Explain(explain::ExplainArgs),
    /// Code articles and store them in the database (files, folders, .gz, JSONL, SGML, WARC).
    Ingest(ingest::IngestArgs),
    /// Run the pipeline again over the stored articles and rebuild events and clusters.
    Recode(recode::RecodeArgs),
    /// List stored events (real-world events, each with its number of reports).
    Events(events::EventsArgs),
    /// Export the stored events: GDELT 2.0 tables, PLOVER JSON Lines, CSV, JSON Lines, Parquet.
    Export(export::ExportArgs),
    /// The events between two actors over time: quad classes, Goldstein, net cooperation.
    Timeline(timeline::TimelineArgs),
    /// Full-text search of the stored articles.
    Search(search::SearchArgs),
    /// Tag, lemmatize and parse CoNLL-U or text.
    Parse(parse_cmd::ParseArgs),
    /// Train a tagger, lemmatizer or parser on a CoNLL-U treebank, or the entity tagger on IOB2.
    Train(train::TrainArgs),
    /// Measure speed (not run in CI).
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
    /// Measure quality against gold data.
    Eval {
        #[command(subcommand)]
        command: EvalCommand,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Score coded articles against dyad-gold/1 files.
    Gold(eval_gold::GoldArgs),
    /// Main-text extraction quality and speed on the article-extraction benchmark.
    Extract(eval_extract::ExtractArgs),
    /// Token, word and sentence F1 of the segmenter on CoNLL-U treebanks.
    Segment(eval_segment::EvalSegmentArgs),
    /// Entity precision, recall and F1 on CoNLL-2003, UNER (IOB2) or re3d.
    Ner(eval_ner::EvalNerArgs),
    /// Event type and dyad accuracy on the PLOVER gold standard records (odd/even).
    Plover(eval_events::PloverArgs),
    /// CAMEO root agreement with PETRARCH's expected codings, and precision.
    #[command(name = "petrarch-gsr")]
    PetrarchGsr(eval_events::PetrarchArgs),
    /// Police ARREST / KILL / FORCE detection on IndiaPoliceEvents sentences.
    Ipe(eval_events::IpeArgs),
    /// Tags, lemmas and dependency trees against a UD treebank (gold tokens).
    Ud(eval_ud::EvalUdArgs),
    /// Coreference (MUC, B³, CEAFe, pronoun accuracy) on GUM's news documents.
    Coref(eval_coref::EvalCorefArgs),
    /// Quote content and speakers against PolNeAR's attributions (direct and reported).
    Quotes(eval_quotes::EvalQuotesArgs),
    /// Actor codes against hand-made actor lists (right / total per article, list, in all).
    Actors(eval_actors::ActorsArgs),
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Tagging and parsing speed and peak memory.
    Parse(bench::BenchParseArgs),
}

/// What a command reports back: whether everything it was asked to do succeeded.
pub enum Outcome {
    /// Everything worked.
    Success,
    /// Some input failed or a threshold was missed; details were printed.
    Failure,
}

impl Outcome {
    /// `Success` when every check passed.
    pub fn from_passed(passed: bool) -> Outcome {
        if passed {
            Outcome::Success
        } else {
            Outcome::Failure
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    if cli.licenses {
        print!("{}", dyad_core::licenses::text());
        return Ok(Outcome::Success);
    }
    match cli.command {
        Some(Command::Code(args)) => code::run(args),
        Some(Command::Codebook(args)) => codebook_cmd::run(args),
        Some(Command::Explain(args)) => explain::run(&args),
        Some(Command::Ingest(args)) => ingest::run(args),
        Some(Command::Recode(args)) => recode::run(args),
        Some(Command::Events(args)) => events::run(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Timeline(args)) => timeline::run(args),
        Some(Command::Search(args)) => search::run(args),
        Some(Command::Eval {
            command: EvalCommand::Gold(args),
        }) => eval_gold::run(args),
        Some(Command::Eval {
            command: EvalCommand::Actors(args),
        }) => eval_actors::run(args),
        Some(Command::Eval {
            command: EvalCommand::Extract(args),
        }) => eval_extract::run(&args).map(Outcome::from_passed),
        Some(Command::Parse(args)) => parse_cmd::run(&args).map(|()| Outcome::Success),
        Some(Command::Train(args)) => train::run(&args).map(|()| Outcome::Success),
        Some(Command::Bench {
            command: BenchCommand::Parse(args),
        }) => bench::run(&args).map(|()| Outcome::Success),
        Some(Command::Eval {
            command: EvalCommand::Ud(args),
        }) => eval_ud::run(&args).map(Outcome::from_passed),
        Some(Command::Eval {
            command: EvalCommand::Segment(args),
        }) => eval_segment::run(&args).map(Outcome::from_passed),
        Some(Command::Eval {
            command: EvalCommand::Ner(args),
        }) => eval_ner::run(&args).map(Outcome::from_passed),
        Some(Command::Eval {
            command: EvalCommand::Quotes(args),
        }) => eval_quotes::run(&args).map(Outcome::from_passed),
        Some(Command::Eval {
            command: EvalCommand::Plover(args),
        }) => eval_events::plover(&args).map(eval_events::outcome),
        Some(Command::Eval {
            command: EvalCommand::PetrarchGsr(args),
        }) => eval_events::petrarch(&args).map(eval_events::outcome),
        Some(Command::Eval {
            command: EvalCommand::Ipe(args),
        }) => eval_events::ipe(&args).map(eval_events::outcome),
        Some(Command::Eval {
            command: EvalCommand::Coref(args),
        }) => eval_coref::run(&args).map(Outcome::from_passed),
        None => {
            use clap::CommandFactory;
            Cli::command().print_help()?;
            Ok(Outcome::Success)
        }
    }
}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(err) => {
            eprintln!("dyad: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// The shared data folder: `--shared`, else `$DYAD_SHARED`, else `../shared`.
pub fn shared_dir(given: Option<PathBuf>) -> PathBuf {
    given
        .or_else(|| std::env::var_os("DYAD_SHARED").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("../shared"))
}

/// The database file: `--db`, else `$DYAD_DB`, else `dyad.db` in the working directory.
pub fn db_path(given: Option<PathBuf>) -> PathBuf {
    given
        .or_else(|| std::env::var_os("DYAD_DB").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("dyad.db"))
}

/// Opens the database for a query; a missing file is an error that says what to do.
pub fn open_read_only(given: Option<PathBuf>) -> anyhow::Result<dyad_store::Store> {
    use anyhow::Context;
    let db = db_path(given);
    if !db.exists() {
        anyhow::bail!("{}: no database (run dyad ingest first)", db.display());
    }
    dyad_store::Store::open_read_only(&db).with_context(|| format!("{}: cannot open", db.display()))
}

/// Lets the command end quietly when its reader goes away (`dyad events | head`): Rust
/// ignores SIGPIPE, which turns a closed pipe into a panic on the next print.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting the default disposition of SIGPIPE at start-up, before any other
    // thread exists, is what a C program does by default.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
