//! The `dyad` command: parses arguments, calls the library, maps the outcome to an exit code.

mod bench;
mod eval_ud;
mod model_files;
mod parse_cmd;
mod train;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "dyad",
    version,
    about = "Codes political events in news articles."
)]
struct Cli {
    /// Prints the licences and credits of everything dyad ships.
    #[arg(long)]
    licenses: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Trains a tagger, lemmatizer or parser model on a CoNLL-U treebank.
    Train(train::TrainArgs),
    /// Tags, lemmatizes and parses CoNLL-U or text.
    Parse(parse_cmd::ParseArgs),
    /// Evaluates against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Measures speed.
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// Tags, lemmas and dependency trees against a UD treebank (gold tokens).
    Ud(eval_ud::EvalUdArgs),
}

#[derive(Subcommand, Debug)]
enum BenchCommand {
    /// Tagging and parsing speed and peak memory.
    Parse(bench::BenchParseArgs),
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Train(args)) => train::run(args),
        Some(Command::Parse(args)) => parse_cmd::run(args),
        Some(Command::Eval(EvalCommand::Ud(args))) => eval_ud::run(args),
        Some(Command::Bench(BenchCommand::Parse(args))) => bench::run(args),
        None => {
            if !cli.licenses {
                eprintln!("(no command given; the licences follow)");
            }
            println!("{}", dyad_core::licenses::text());
            Ok(())
        }
    }
}
