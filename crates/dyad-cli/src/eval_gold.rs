//! `dyad eval gold`: codes each gold file's document and scores it (see
//! `shared/spec/gold-format.md`), per file and in total, with thresholds for CI.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use dyad_core::eval::gold::{self, GoldReport};
use dyad_core::input::{self, ReadOptions};
use dyad_core::output::json::{self, JsonOptions};

use crate::{Outcome, threshold};

/// Arguments of `dyad eval gold`.
#[derive(Args)]
pub struct GoldArgs {
    /// dyad-gold/1 files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The shared data folder the gold documents are relative to (default: $DYAD_SHARED or ../shared).
    #[arg(long)]
    shared: Option<PathBuf>,
    /// A CoNLL-U parse of the (single) gold document to code over instead of the pipeline,
    /// until the pipeline parses.
    #[arg(long)]
    parses: Option<PathBuf>,
    /// Print what was missed or wrong.
    #[arg(long, short)]
    verbose: bool,
    /// Fail when total event F1 is below this.
    #[arg(long)]
    min_event_f1: Option<f64>,
    /// Fail when total event recall is below this.
    #[arg(long)]
    min_event_recall: Option<f64>,
    /// Fail when total event precision is below this.
    #[arg(long)]
    min_event_precision: Option<f64>,
    /// Fail when more forbidden events than this are produced.
    #[arg(long)]
    max_forbidden: Option<usize>,
    /// Fail when the share of required actors found is below this.
    #[arg(long)]
    min_actors: Option<f64>,
    /// Fail when the share of required locations found is below this.
    #[arg(long)]
    min_locations: Option<f64>,
    /// Fail when quote recall is below this.
    #[arg(long)]
    min_quote_recall: Option<f64>,
    /// Fail when quote precision is below this.
    #[arg(long)]
    min_quote_precision: Option<f64>,
    /// Fail when status accuracy on matched events is below this.
    #[arg(long)]
    min_status: Option<f64>,
    /// An actor dictionary file of the user's, read after the embedded ones (an entry
    /// loaded last wins); may be given several times.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    #[command(flatten)]
    petrarch: crate::code::PetrarchVerbsArg,
    #[command(flatten)]
    petrarch_actors: crate::petrarch_actors::PetrarchActorsArgs,
}

fn print_report(name: &str, r: &GoldReport) {
    println!(
        "{name}\n  events     P {:.3}  R {:.3}  F1 {:.3}  ({} of {} required found, {} of {} output matched, {} forbidden)",
        r.events.precision(),
        r.events.recall(),
        r.events.f1(),
        r.events.found,
        r.events.required,
        r.events.output_matched,
        r.events.output,
        r.forbidden_hits
    );
    println!(
        "  checks     status {}/{}  historical {}/{}  date {}/{}  location {}/{}",
        r.status.right,
        r.status.checked,
        r.historical.right,
        r.historical.checked,
        r.date.right,
        r.date.checked,
        r.location.right,
        r.location.checked
    );
    println!(
        "  quotes     P {:.3}  R {:.3}  ({} of {} required, {} output)",
        r.quotes.precision(),
        r.quotes.recall(),
        r.quotes.found,
        r.quotes.required,
        r.quotes.output
    );
    println!(
        "  actors     {}/{}   locations {}/{}   counts {}/{}",
        r.actors.found,
        r.actors.required,
        r.locations.found,
        r.locations.required,
        r.counts.found,
        r.counts.required
    );
}

/// Runs the evaluation.
pub fn run(args: GoldArgs) -> anyhow::Result<Outcome> {
    let shared = crate::shared_dir(args.shared.clone());
    let pipeline = crate::code::pipeline_with_actors(&args.actors)?;
    let pipeline = args.petrarch.apply(pipeline)?;
    let pipeline = args.petrarch_actors.apply(pipeline)?;
    let version = pipeline.version();
    let mut total = GoldReport::default();
    let mut failed = false;
    for file in &args.files {
        let result = (|| -> anyhow::Result<GoldReport> {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("{}: cannot read", file.display()))?;
            let gold = gold::parse(&text, &file.display().to_string())?;
            let doc_path = shared.join(gold.document.path());
            let bytes = std::fs::read(&doc_path).with_context(|| {
                format!(
                    "{}: cannot read its document {} (is the shared folder at {}?)",
                    file.display(),
                    doc_path.display(),
                    shared.display()
                )
            })?;
            let options = ReadOptions {
                published: gold.published.clone(),
                ..ReadOptions::default()
            };
            let name = doc_path.display().to_string();
            let mut docs = input::read(&name, &bytes, &options).into_iter();
            let mut doc = match gold.document.id() {
                None => docs.next().context("no article in the document")??,
                Some(id) => docs
                    .find(|d| {
                        d.as_ref()
                            .is_ok_and(|d| d.meta.input_id.as_deref() == Some(id))
                    })
                    .with_context(|| format!("{name}: no article with id {id:?}"))??,
            };
            match &args.parses {
                Some(p) => {
                    let text = std::fs::read_to_string(p)
                        .with_context(|| format!("{}: cannot read", p.display()))?;
                    let sentences = dyad_core::conllu::parse(&text, &p.display().to_string())?;
                    doc = dyad_core::events::code_conllu_with(
                        &sentences,
                        gold.published.clone(),
                        pipeline.event_dictionary().ok(),
                    );
                }
                None => pipeline.run(&mut doc),
            }
            let value = json::to_value(&doc, &version, JsonOptions::default());
            Ok(gold::score(&value, &gold))
        })();
        match result {
            Ok(report) => {
                print_report(&file.display().to_string(), &report);
                if args.verbose {
                    for note in &report.notes {
                        println!("    - {note}");
                    }
                }
                total.add(&report);
            }
            Err(e) => {
                eprintln!("dyad: error: {e:#}");
                failed = true;
            }
        }
    }
    if args.files.len() > 1 {
        print_report("TOTAL", &total);
    }
    let checks: [(&str, Option<f64>, f64); 8] = [
        ("event F1", args.min_event_f1, total.events.f1()),
        ("event recall", args.min_event_recall, total.events.recall()),
        (
            "event precision",
            args.min_event_precision,
            total.events.precision(),
        ),
        ("actors found", args.min_actors, total.actors.recall()),
        (
            "locations found",
            args.min_locations,
            total.locations.recall(),
        ),
        ("quote recall", args.min_quote_recall, total.quotes.recall()),
        (
            "quote precision",
            args.min_quote_precision,
            total.quotes.precision(),
        ),
        ("status accuracy", args.min_status, total.status.value()),
    ];
    for (what, min, value) in checks {
        failed |= !threshold::at_least(what, value, min);
    }
    failed |= !threshold::at_most(
        "forbidden events",
        total.forbidden_hits as f64,
        args.max_forbidden.map(|m| m as f64),
    );
    Ok(if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
