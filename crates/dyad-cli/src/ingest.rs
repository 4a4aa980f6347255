//! `dyad ingest`: reads articles, codes them in parallel and stores them in the database.
//!
//! Inputs are read in groups of files; the articles of a group are coded on a rayon pool
//! (`--jobs`), and one writer thread stores them in batched transactions (a batch is closed
//! at `--batch-size` articles or after a second). An article already stored (same id, the
//! hash of its normalised text) is skipped before it is coded, and the database refuses it
//! again if it gets that far. A batch is one transaction, so killing the process at any
//! moment loses at most the uncommitted batch, never half an article: run the same command
//! again to finish.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use dyad_core::Pipeline;
use dyad_core::input::{self, ReadOptions};
use dyad_core::output::json::{self, JsonOptions};
use dyad_store::{Prepared, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::code::{InputFormat, parse_published};
use crate::{Outcome, read};

/// Arguments of `dyad ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Files or directories to read (recursively); `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The database file (default: $DYAD_DB, else dyad.db in the working directory).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Threads that code articles (default: one per core).
    #[arg(long)]
    jobs: Option<usize>,
    /// No progress bar and no summary, only errors.
    #[arg(long)]
    quiet: bool,
    /// The publication date when the article does not give one (YYYY-MM-DD).
    #[arg(long)]
    published: Option<String>,
    /// The outlet name when the article does not give one.
    #[arg(long)]
    source: Option<String>,
    /// Input format.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// An actor dictionary file of the user's, read after the embedded ones (an entry
    /// loaded last wins); may be given several times.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 500, hide = true)]
    batch_size: usize,
}

/// What happened to one input.
#[derive(Default)]
struct InputReport {
    name: String,
    coded: u64,
    present: u64,
    repeated: u64,
    failed: Vec<String>,
    skipped: Vec<(String, usize)>,
}

/// What the writer did.
#[derive(Default)]
struct Written {
    stored: u64,
    refused: u64,
}

/// Files are read and coded a group at a time, so that memory stays bounded while the
/// articles of many small files are still coded in parallel.
const GROUP_FILES: usize = 64;
const GROUP_BYTES: u64 = 64 << 20;

/// Ingests every input; failed inputs are reported and the rest is stored.
pub fn run(args: IngestArgs) -> anyhow::Result<Outcome> {
    let options = ReadOptions {
        format: args.input_format.format(),
        published: parse_published(args.published.as_deref())?,
        source: args.source.clone(),
    };
    let db = crate::db_path(args.db.clone());
    let store = Store::open(&db).with_context(|| format!("{}: cannot open", db.display()))?;
    let known = store.ids()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let show = !args.quiet && std::io::stderr().is_terminal();
    let bar = if show {
        ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} articles  {rate}  ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0} articles/s", state.per_sec());
                },
            ),
    );
    let started = Instant::now();
    let (sender, receiver) = sync_channel::<Prepared>(2 * args.batch_size.max(1));
    let batch_size = args.batch_size.max(1);
    let writer = std::thread::spawn(move || write_all(store, receiver, batch_size));

    let pipeline = crate::code::pipeline_with_actors(&args.actors)?;
    let version = pipeline.version();
    let claimed: Mutex<HashSet<String>> = Mutex::new(HashSet::new());
    let mut reports: Vec<InputReport> = Vec::new();
    // The database and its journal files are never inputs, even inside a folder being read
    // (`dyad ingest .` with the default dyad.db in the working directory).
    let own_files: Vec<PathBuf> = ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = db.clone().into_os_string();
            name.push(suffix);
            std::fs::canonicalize(&name).unwrap_or_else(|_| PathBuf::from(name))
        })
        .collect();
    let paths: Vec<_> = read::expand(&args.paths)
        .into_iter()
        .filter(|p| {
            p.as_ref().map_or(true, |p| {
                let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
                !own_files.contains(&p)
            })
        })
        .collect();
    let mut group: Vec<PathBuf> = Vec::new();
    let mut group_bytes = 0u64;
    let mut writer_gone = false;
    let flush = |group: &mut Vec<PathBuf>, reports: &mut Vec<InputReport>| -> bool {
        let done: Vec<(InputReport, bool)> = pool.install(|| {
            group
                .par_iter()
                .map(|path| {
                    ingest_one(
                        path, &options, &known, &claimed, &pipeline, &version, &sender, &bar,
                    )
                })
                .collect()
        });
        group.clear();
        let mut ok = true;
        for (report, sent) in done {
            ok &= sent;
            reports.push(report);
        }
        ok
    };
    for path in paths {
        match path {
            Ok(path) => {
                group_bytes += std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                group.push(path);
                if group.len() >= GROUP_FILES || group_bytes >= GROUP_BYTES {
                    writer_gone |= !flush(&mut group, &mut reports);
                    group_bytes = 0;
                }
            }
            Err(e) => {
                bar.suspend(|| eprintln!("dyad: error: {e:#}"));
                reports.push(InputReport {
                    name: e.to_string(),
                    failed: vec![format!("{e:#}")],
                    ..InputReport::default()
                });
            }
        }
        if writer_gone {
            break;
        }
    }
    if !writer_gone && !group.is_empty() {
        flush(&mut group, &mut reports);
    }
    drop(sender);
    let written = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the database writer stopped unexpectedly"))?
        .with_context(|| format!("{}: cannot write", db.display()))?;
    bar.finish_and_clear();
    let failed: usize = reports.iter().map(|r| r.failed.len()).sum();
    if !args.quiet {
        summarize(&reports, &written, started.elapsed(), &db);
    }
    Ok(Outcome::from_passed(failed == 0))
}

/// Reads, checks and codes one input, sending new articles to the writer. Returns its report
/// and `false` when the writer has gone (it failed).
#[allow(clippy::too_many_arguments)]
fn ingest_one(
    path: &Path,
    options: &ReadOptions,
    known: &HashSet<String>,
    claimed: &Mutex<HashSet<String>>,
    pipeline: &Pipeline,
    version: &str,
    sender: &SyncSender<Prepared>,
    bar: &ProgressBar,
) -> (InputReport, bool) {
    let mut report = InputReport {
        name: path.display().to_string(),
        ..InputReport::default()
    };
    let loaded = match read::read(path) {
        Ok(l) => l,
        Err(e) => {
            bar.suspend(|| eprintln!("dyad: error: {e:#}"));
            report.failed.push(format!("{e:#}"));
            return (report, true);
        }
    };
    let read = input::read_report(&loaded.name, &loaded.bytes, options);
    drop(loaded);
    report.skipped = read.skipped;
    let mut docs = Vec::new();
    for result in read.documents {
        match result {
            Ok(doc) => docs.push(doc),
            Err(e) => {
                bar.suspend(|| eprintln!("dyad: error: {e}"));
                report.failed.push(e.to_string());
            }
        }
    }
    bar.inc_length(docs.len() as u64);
    // Skip what is stored, and what another input of this run already took, before coding.
    let mut fresh = Vec::with_capacity(docs.len());
    {
        let mut claimed = claimed.lock().unwrap_or_else(|e| e.into_inner());
        for doc in docs {
            let id = input::article_id(&doc.text);
            if known.contains(&id) {
                report.present += 1;
            } else if !claimed.insert(id) {
                report.repeated += 1;
            } else {
                fresh.push(doc);
            }
        }
    }
    bar.inc(report.present + report.repeated);
    let outcomes: Vec<Result<bool, String>> = fresh
        .into_par_iter()
        .map(|mut doc| {
            pipeline.run(&mut doc);
            let value = json::to_value(&doc, version, JsonOptions::default());
            let prepared = Prepared::new(value).map_err(|e| e.to_string())?;
            let sent = sender.send(prepared).is_ok();
            bar.inc(1);
            Ok(sent)
        })
        .collect();
    let mut writer_alive = true;
    for outcome in outcomes {
        match outcome {
            Ok(true) => report.coded += 1,
            Ok(false) => writer_alive = false,
            Err(e) => {
                bar.suspend(|| eprintln!("dyad: error: {}: {e}", report.name));
                report.failed.push(e);
            }
        }
    }
    (report, writer_alive)
}

/// The writer: batches articles into transactions of `batch_size`, or whatever arrived
/// within a second.
fn write_all(
    mut store: Store,
    receiver: Receiver<Prepared>,
    batch_size: usize,
) -> dyad_store::Result<Written> {
    let mut written = Written::default();
    let mut batch: Vec<Prepared> = Vec::with_capacity(batch_size);
    let mut deadline = Instant::now() + Duration::from_secs(1);
    loop {
        let wait = deadline.saturating_duration_since(Instant::now());
        let closed = match receiver.recv_timeout(wait) {
            Ok(article) => {
                batch.push(article);
                false
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => true,
        };
        if batch.len() >= batch_size || Instant::now() >= deadline || closed {
            if !batch.is_empty() {
                for new in store.insert_batch(&batch)? {
                    if new {
                        written.stored += 1;
                    } else {
                        written.refused += 1;
                    }
                }
                batch.clear();
            }
            deadline = Instant::now() + Duration::from_secs(1);
        }
        if closed {
            return Ok(written);
        }
    }
}

fn summarize(reports: &[InputReport], written: &Written, elapsed: Duration, db: &std::path::Path) {
    let few = reports.len() <= 20;
    for r in reports {
        let trouble = !r.failed.is_empty() || !r.skipped.is_empty();
        if !(few || trouble) {
            continue;
        }
        let mut line = format!(
            "{}: {} coded, {} already stored, {} repeated",
            r.name, r.coded, r.present, r.repeated
        );
        if !r.failed.is_empty() {
            line.push_str(&format!(", {} failed", r.failed.len()));
        }
        for (reason, n) in &r.skipped {
            line.push_str(&format!(", {n} skipped ({reason})"));
        }
        eprintln!("{line}");
    }
    let sum = |f: fn(&InputReport) -> u64| reports.iter().map(f).sum::<u64>();
    let (coded, present, repeated) = (sum(|r| r.coded), sum(|r| r.present), sum(|r| r.repeated));
    let failed = sum(|r| r.failed.len() as u64);
    let secs = elapsed.as_secs_f64().max(1e-6);
    eprintln!(
        "dyad: {} inputs: {coded} articles coded, {} stored in {}; {present} skipped as already \
         stored, {repeated} repeated within the inputs, {failed} failed; {:.1} s, {:.0} articles/s",
        reports.len(),
        written.stored,
        db.display(),
        secs,
        coded as f64 / secs,
    );
    if written.refused > 0 {
        eprintln!(
            "dyad: {} articles were stored meanwhile by another process and not written again",
            written.refused
        );
    }
}
