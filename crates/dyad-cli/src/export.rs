//! `dyad export`: writes the stored real-world events for other tools: GDELT 2.0 tables,
//! PLOVER JSON Lines, CSV, JSON Lines of clusters with their members, or Parquet files
//! partitioned by year and month. The rows come from `dyad_store::export`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use dyad_store::export::{self, ExportFilter, gdelt, parquet, plover, table};

use crate::Outcome;

/// Export formats.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    /// GDELT 2.0 Events and Mentions tables (tab-separated): `events.tsv` and `mentions.tsv`
    /// in the `--out` folder.
    Gdelt,
    /// PLOVER JSON Lines, one record per event.
    Plover,
    /// Comma-separated values with a header line, one row per event.
    Csv,
    /// JSON Lines, one event per line with its member reports.
    Jsonl,
    /// Parquet files in the `--out` folder, partitioned as year=YYYY/month=M/part-N.parquet.
    Parquet,
}

/// Arguments of `dyad export`.
#[derive(Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Events dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Events dated on or before this date (the whole month or year for partial dates).
    #[arg(long)]
    to: Option<String>,
    /// The database file (default: $DYAD_DB, else dyad.db).
    #[arg(long)]
    db: Option<PathBuf>,
    /// Where to write: a file (standard output when absent) for plover, csv and jsonl; a
    /// folder, created if needed, for gdelt and parquet.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
}

/// Writes the export and says on stderr what was written.
pub fn run(args: ExportArgs) -> anyhow::Result<Outcome> {
    let filter = ExportFilter {
        from: args.from.clone(),
        to: args.to.clone(),
    };
    let store = crate::open_read_only(args.db)?;
    let conn = store.connection();
    let written = match args.format {
        ExportFormat::Gdelt => {
            let dir = folder(args.out.as_deref(), "gdelt")?;
            let mut events = create(&dir.join("events.tsv"))?;
            let mut mentions = create(&dir.join("mentions.tsv"))?;
            let n = export::for_each_cluster(conn, &filter, |c| {
                gdelt::write_cluster(&c, &mut events, &mut mentions)
            })?;
            events.flush()?;
            mentions.flush()?;
            format!(
                "{n} events to {}, their reports to {}",
                dir.join("events.tsv").display(),
                dir.join("mentions.tsv").display()
            )
        }
        ExportFormat::Parquet => {
            let dir = folder(args.out.as_deref(), "parquet")?;
            refuse_old_partitions(&dir)?;
            let mut writer = parquet::PartitionedWriter::new(|relative: &str| {
                let path = dir.join(relative);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                Ok(BufWriter::new(File::create(&path)?))
            });
            let n = export::for_each_cluster(conn, &filter, |c| writer.push(&c))?;
            let files = writer.finish()?;
            format!(
                "{n} events to {} Parquet file(s) under {}",
                files.len(),
                dir.display()
            )
        }
        format => {
            let mut out: Box<dyn Write> = match &args.out {
                Some(path) => Box::new(create(path)?),
                None => Box::new(BufWriter::new(std::io::stdout().lock())),
            };
            if format == ExportFormat::Csv {
                table::write_csv_header(&mut out)?;
            }
            let n = export::for_each_cluster(conn, &filter, |c| match format {
                ExportFormat::Plover => plover::write_cluster(&c, &mut out),
                ExportFormat::Csv => table::write_csv(&c, &mut out),
                _ => table::write_jsonl(&c, &mut out),
            })?;
            out.flush()?;
            match &args.out {
                Some(path) => format!("{n} events to {}", path.display()),
                None => format!("{n} events"),
            }
        }
    };
    eprintln!("dyad: exported {written}");
    Ok(Outcome::Success)
}

/// The output folder of a format that writes several files, created if needed.
fn folder(out: Option<&Path>, format: &str) -> anyhow::Result<PathBuf> {
    let dir = out
        .ok_or_else(|| anyhow::anyhow!("--format {format} writes several files: give --out DIR"))?;
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    Ok(dir.to_path_buf())
}

/// Refuses a folder that already holds partitions: their files would mix with the new ones.
fn refuse_old_partitions(dir: &Path) -> anyhow::Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("{}: cannot read", dir.display()))?;
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with("year=") {
            anyhow::bail!(
                "{} already holds a Parquet export ({}): remove it or give another --out",
                dir.display(),
                entry.file_name().to_string_lossy()
            );
        }
    }
    Ok(())
}

fn create(path: &Path) -> anyhow::Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("{}: cannot create", path.display()))?;
    Ok(BufWriter::new(file))
}
