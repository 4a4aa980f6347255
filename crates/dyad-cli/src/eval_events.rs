//! `dyad eval plover`, `dyad eval petrarch-gsr` and `dyad eval ipe`: the event coder against
//! the PLOVER gold standard records, PETRARCH's validation records and IndiaPoliceEvents.
//!
//! Texts are coded with the whole pipeline. Until the pipeline parses, `--parses FILE` gives
//! CoNLL-U parses of the texts (sentences grouped by a `# doc = ID` comment), and
//! `--given-parse` uses the PETRARCH records' own parses; the output says which was used.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use dyad_core::conllu::{self, ConlluSentence};
use dyad_core::eval::events::{self as ev, LabelScore, PetrarchScore, PloverScore};
use dyad_core::{Document, Pipeline, events};

use crate::{Outcome, threshold};

/// Reads a parses file: CoNLL-U sentences grouped by their `# doc = ID` comment.
fn read_parses(path: &PathBuf) -> anyhow::Result<HashMap<String, Vec<ConlluSentence>>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let mut out: HashMap<String, Vec<ConlluSentence>> = HashMap::new();
    let mut current = String::new();
    for s in conllu::parse(&text, &path.display().to_string())? {
        if let Some(id) = s.comment("doc") {
            current = id.to_string();
        }
        out.entry(current.clone()).or_default().push(s);
    }
    Ok(out)
}

/// Codes a text: over its given parse when there is one, else with the pipeline.
fn code(
    id: &str,
    text: &str,
    date: Option<String>,
    parses: Option<&HashMap<String, Vec<ConlluSentence>>>,
    pipeline: &Pipeline,
) -> Document {
    match parses.and_then(|p| p.get(id)) {
        Some(sentences) => {
            events::code_conllu_with(sentences, date, pipeline.event_dictionary().ok())
        }
        None => events::code_text_with(text, date, pipeline),
    }
}

/// The default pipeline, with PETRARCH's verbs when `--petrarch-verbs` is given.
fn events_pipeline(petrarch: &crate::code::PetrarchVerbsArg) -> anyhow::Result<Pipeline> {
    petrarch.apply(Pipeline::default())
}

fn parser_note(parses: &Option<PathBuf>) -> String {
    match parses {
        Some(p) => format!("parses from {}", p.display()),
        None => "dyad's own pipeline".to_string(),
    }
}

/// Arguments of `dyad eval plover`.
#[derive(Args)]
pub struct PloverArgs {
    /// PLOVER_GSR_CAMEO.txt.
    file: PathBuf,
    /// CoNLL-U parses of the record texts, grouped by `# doc = RECORD_ID`.
    #[arg(long)]
    parses: Option<PathBuf>,
    /// Print the odd (development) records dyad got wrong; even records are never printed.
    #[arg(long, short)]
    verbose: bool,
    /// Code only the odd records and score them in two halves, numbers 1 mod 4 (to develop
    /// on; the only ones `--verbose` prints) and 3 mod 4 (to check a change against), so
    /// that a fix fitted to one half shows; the even records are not coded.
    #[arg(long)]
    development: bool,
    /// Fail when event type accuracy on the even records is below this.
    #[arg(long)]
    min_type_accuracy: Option<f64>,
    /// Fail when type-with-countries accuracy on the even records is below this.
    #[arg(long)]
    min_dyad_accuracy: Option<f64>,
    #[command(flatten)]
    petrarch: crate::code::PetrarchVerbsArg,
    #[command(flatten)]
    petrarch_actors: crate::petrarch_actors::PetrarchActorsArgs,
}

/// Runs `dyad eval plover`.
pub fn plover(args: &PloverArgs) -> anyhow::Result<bool> {
    let name = args.file.display().to_string();
    let text =
        std::fs::read_to_string(&args.file).with_context(|| format!("{name}: cannot read"))?;
    let records = ev::read_plover(&text, &name)?;
    let parses = args.parses.as_ref().map(read_parses).transpose()?;
    let pipeline = events_pipeline(&args.petrarch)?;
    let pipeline = args.petrarch_actors.apply(pipeline)?;
    let mut odd = PloverScore::default();
    let mut even = PloverScore::default();
    let mut halves = [PloverScore::default(); 2];
    let mut skipped = 0;
    for r in &records {
        if r.event.is_none() {
            skipped += 1;
            continue;
        }
        if args.development && r.number % 2 == 0 {
            continue;
        }
        let doc = code(&r.id, &r.text, r.date.clone(), parses.as_ref(), &pipeline);
        if r.number % 2 == 1 {
            let (t, d) = ev::score_plover(r, &doc, &mut odd);
            let half = usize::from(r.number % 4 == 3);
            ev::score_plover(r, &doc, &mut halves[half]);
            if args.verbose && !(t && d) && !(args.development && half == 1) {
                let got: Vec<String> = doc
                    .events
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {}/{} {}",
                            e.source.code.as_deref().unwrap_or("?"),
                            e.plover.as_deref().unwrap_or("-"),
                            e.cameo,
                            e.target
                                .as_ref()
                                .and_then(|t| t.code.as_deref())
                                .unwrap_or("-")
                        )
                    })
                    .collect();
                let miss = if t { "countries" } else { "type" };
                println!(
                    "  [{miss}] {} want {} {:?}->{:?}, got {:?}: {}",
                    r.id, r.event_name, r.sources, r.targets, got, r.text
                );
            }
        } else {
            ev::score_plover(r, &doc, &mut even);
        }
    }
    println!(
        "PLOVER gold standard records ({}), {skipped} without a current type skipped",
        parser_note(&args.parses)
    );
    let rows = if args.development {
        vec![
            ("odd (development)", odd),
            ("  1 mod 4 (develop)", halves[0]),
            ("  3 mod 4 (check)", halves[1]),
        ]
    } else {
        vec![("odd (development)", odd), ("even (measurement)", even)]
    };
    for (label, s) in rows {
        println!(
            "  {label:<20} records {:>3}  coded {:>3}  type accuracy {:.3}  type+countries {:.3}  event type precision {:.3} ({} events)",
            s.records,
            s.coded,
            s.type_accuracy(),
            s.dyad_accuracy(),
            s.event_precision(),
            s.events
        );
    }
    if args.development {
        return Ok(true);
    }
    Ok(threshold::at_least(
        "even-record type accuracy",
        even.type_accuracy(),
        args.min_type_accuracy,
    ) & threshold::at_least(
        "even-record type+countries accuracy",
        even.dyad_accuracy(),
        args.min_dyad_accuracy,
    ))
}

/// Arguments of `dyad eval petrarch-gsr`.
#[derive(Args)]
pub struct PetrarchArgs {
    /// PETR2_GSR_validation.xml.
    file: PathBuf,
    /// Code over each record's own CoNLL-U parse instead of dyad's pipeline.
    #[arg(long)]
    given_parse: bool,
    /// CoNLL-U parses of the record texts, grouped by `# doc = RECORD_ID`.
    #[arg(long)]
    parses: Option<PathBuf>,
    /// Print the records where dyad and PETRARCH disagree.
    #[arg(long, short)]
    verbose: bool,
    /// Fail when CAMEO root agreement is below this.
    #[arg(long)]
    min_root_agreement: Option<f64>,
    /// Fail when precision is below this.
    #[arg(long)]
    min_precision: Option<f64>,
    #[command(flatten)]
    petrarch: crate::code::PetrarchVerbsArg,
    #[command(flatten)]
    petrarch_actors: crate::petrarch_actors::PetrarchActorsArgs,
}

/// Runs `dyad eval petrarch-gsr`.
pub fn petrarch(args: &PetrarchArgs) -> anyhow::Result<bool> {
    let name = args.file.display().to_string();
    let text =
        std::fs::read_to_string(&args.file).with_context(|| format!("{name}: cannot read"))?;
    let records = ev::read_petrarch(&text);
    let parses = args.parses.as_ref().map(read_parses).transpose()?;
    let pipeline = events_pipeline(&args.petrarch)?;
    let pipeline = args.petrarch_actors.apply(pipeline)?;
    let mut score = PetrarchScore::default();
    for r in &records {
        let doc = match (&r.parse, args.given_parse) {
            (Some(p), true) => {
                let sentences = conllu::parse(p, &format!("{name} {}", r.id))?;
                events::code_conllu_with(
                    &sentences,
                    r.date.clone(),
                    pipeline.event_dictionary().ok(),
                )
            }
            _ => code(&r.id, &r.text, r.date.clone(), parses.as_ref(), &pipeline),
        };
        let before = score;
        ev::score_petrarch(r, &doc, &mut score);
        if args.verbose
            && (score.root_agree - before.root_agree != r.expected.len()
                || score.events_agree - before.events_agree != doc.events.len())
        {
            let want: Vec<String> = r
                .expected
                .iter()
                .map(|x| format!("{} {} {}", x.source, x.event, x.target))
                .collect();
            let got: Vec<String> = doc
                .events
                .iter()
                .map(|e| {
                    format!(
                        "{} {} {}",
                        e.source.code.as_deref().unwrap_or("?"),
                        e.cameo,
                        e.target
                            .as_ref()
                            .and_then(|t| t.code.as_deref())
                            .unwrap_or("-")
                    )
                })
                .collect();
            println!("  {} want {want:?} got {got:?}: {}", r.id, r.text);
        }
    }
    println!(
        "PETRARCH GSR ({}): {} records, {} expected codings, {} dyad events",
        if args.given_parse {
            "the records' own UDPipe parses".to_string()
        } else {
            parser_note(&args.parses)
        },
        score.records,
        score.expected,
        score.events
    );
    println!(
        "  root agreement {:.3}  root+countries {:.3}  precision {:.3}",
        score.root_agreement(),
        score.dyad_agreement(),
        score.precision()
    );
    Ok(threshold::at_least(
        "root agreement",
        score.root_agreement(),
        args.min_root_agreement,
    ) & threshold::at_least("precision", score.precision(), args.min_precision))
}

/// Arguments of `dyad eval ipe`.
#[derive(Args)]
pub struct IpeArgs {
    /// The IndiaPoliceEvents folder (with sents.jsonl) or its sents.jsonl.
    path: PathBuf,
    /// CoNLL-U parses of the sentences, grouped by `# doc = DOCID-SENTID`.
    #[arg(long)]
    parses: Option<PathBuf>,
    /// Fail when the F1 of any label is below this.
    #[arg(long)]
    min_f1: Option<f64>,
    /// Print the sentences whose predicted labels differ from the gold ones.
    #[arg(long, short)]
    verbose: bool,
    #[command(flatten)]
    petrarch: crate::code::PetrarchVerbsArg,
}

/// Runs `dyad eval ipe`.
pub fn ipe(args: &IpeArgs) -> anyhow::Result<bool> {
    let file = if args.path.is_dir() {
        args.path.join("sents.jsonl")
    } else {
        args.path.clone()
    };
    let name = file.display().to_string();
    let text = std::fs::read_to_string(&file).with_context(|| format!("{name}: cannot read"))?;
    let sentences = ev::read_ipe(&text, &name)?;
    let parses = args.parses.as_ref().map(read_parses).transpose()?;
    let pipeline = events_pipeline(&args.petrarch)?;
    let mut scores = [LabelScore::default(); 3];
    for s in &sentences {
        let id = format!("{}-{}", s.doc_id, s.sent_id);
        let doc = code(&id, &s.text, None, parses.as_ref(), &pipeline);
        ev::score_ipe(s, &doc, &mut scores);
        if args.verbose {
            let mut predicted: Vec<&str> = doc
                .events
                .iter()
                .flat_map(|e| ev::ipe_labels(&doc, e))
                .collect();
            predicted.sort_unstable();
            predicted.dedup();
            let mut gold: Vec<&str> = s
                .labels
                .iter()
                .map(String::as_str)
                .filter(|l| ev::IPE_LABELS.contains(l))
                .collect();
            gold.sort_unstable();
            gold.dedup();
            if predicted != gold {
                let events: Vec<String> = doc.events.iter().map(|e| e.rule.clone()).collect();
                println!(
                    "  {id} want {gold:?} got {predicted:?} {events:?}: {}",
                    s.text
                );
            }
        }
    }
    println!(
        "IndiaPoliceEvents ({}): {} sentences",
        parser_note(&args.parses),
        sentences.len()
    );
    let mut ok = true;
    for (label, s) in ev::IPE_LABELS.iter().zip(scores) {
        println!(
            "  {label:<7} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
            s.precision(),
            s.recall(),
            s.f1(),
            s.tp,
            s.fp,
            s.fn_
        );
        ok &= threshold::at_least(&format!("{label} F1"), s.f1(), args.min_f1);
    }
    Ok(ok)
}

/// Maps a pass/fail to an outcome.
pub fn outcome(passed: bool) -> Outcome {
    Outcome::from_passed(passed)
}
