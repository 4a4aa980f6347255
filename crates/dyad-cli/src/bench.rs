//! `dyad bench parse`: measures tagging plus parsing speed on one thread over gold-tokenized
//! sentences, and the process's peak memory.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use dyad_core::conllu;

use crate::model_files::ModelFiles;

/// Arguments of `dyad bench parse`.
#[derive(Args, Debug, Clone)]
pub struct BenchParseArgs {
    /// A CoNLL-U file whose words are tagged and parsed.
    pub file: PathBuf,
    /// How many times to run over the file.
    #[arg(long, default_value_t = 3)]
    pub rounds: usize,
    /// Model files to use instead of the embedded ones.
    #[command(flatten)]
    pub models: ModelFiles,
}

/// Peak resident memory of this process in kB (`VmHWM`), when the system tells it.
pub fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// CPU time used so far by the calling thread, in seconds, from `/proc/thread-self/stat`
/// (user plus system time, in clock ticks of 1/100 s).
pub fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Runs `dyad bench parse`.
pub fn run(args: &BenchParseArgs) -> Result<()> {
    let load_started = Instant::now();
    let models = args.models.load()?;
    let load = load_started.elapsed().as_secs_f64();
    let name = args.file.display().to_string();
    let text =
        std::fs::read_to_string(&args.file).with_context(|| format!("cannot read {name}"))?;
    let sentences = conllu::parse(&text, &name)?;
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let words: usize = forms.iter().map(Vec::len).sum();
    let mut best = f64::MAX;
    let mut checksum = 0usize;
    let cpu_started = thread_cpu_seconds();
    for _ in 0..args.rounds.max(1) {
        let started = Instant::now();
        for f in &forms {
            let classes = models.tagger.tag(f);
            let tags: Vec<&str> = classes.iter().map(|&c| models.tagger.xpos(c)).collect();
            let tree = models.parser.parse(f, &tags);
            checksum += tree.heads.iter().sum::<usize>();
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    let cpu = cpu_started
        .zip(thread_cpu_seconds())
        .map(|(a, b)| (b - a) / args.rounds.max(1) as f64);
    println!("models loaded in {:.1} ms", load * 1000.0);
    println!(
        "{name}: {} sentences, {words} words; tag+parse best of {} rounds: {best:.3}s = {:.0} tokens/s (one thread; checksum {checksum})",
        sentences.len(),
        args.rounds.max(1),
        words as f64 / best
    );
    if let Some(cpu) = cpu.filter(|&c| c > 0.0) {
        println!(
            "CPU time per round: {cpu:.3}s = {:.0} tokens per CPU second (unaffected by other processes)",
            words as f64 / cpu
        );
    }
    if let Some(kb) = peak_memory_kb() {
        println!("peak memory (VmHWM): {:.1} MB", kb as f64 / 1024.0);
    }
    Ok(())
}
