//! The `dyad` command: parses arguments, calls the library, maps the outcome to an exit code.

mod eval_extract;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Codes political events in news articles.
#[derive(Debug, Parser)]
#[command(name = "dyad", version)]
struct Cli {
    /// Print the licences of dyad and of what it ships, then exit.
    #[arg(long)]
    licenses: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score dyad against gold data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Main-text extraction on the article-extraction-benchmark.
    Extract(eval_extract::ExtractArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(Command::Eval(EvalCommand::Extract(args))) => eval_extract::run(&args),
        None => {
            println!("{}", dyad_core::licenses::text());
            Ok(true)
        }
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
