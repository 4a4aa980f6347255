//! The `dyad` command: parses arguments, calls the library, maps the outcome to an exit code.

mod eval_segment;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Codes political events in news articles.
#[derive(Debug, Parser)]
#[command(name = "dyad", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Scores dyad against gold data.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Token, word and sentence F1 of the segmenter on CoNLL-U treebanks.
    Segment(eval_segment::EvalSegmentArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        None => {
            println!("{}", dyad_core::licenses::text());
            Ok(true)
        }
        Some(Command::Eval {
            what: EvalCommand::Segment(args),
        }) => eval_segment::run(&args),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => {
            eprintln!("dyad: {err:#}");
            ExitCode::from(2)
        }
    }
}
