//! `dyad events`: lists real-world events (clusters of event mentions) from the database,
//! filtered by actor, dyad, date, CAMEO code, PLOVER type, status and number of mentions.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use dyad_store::query::{self, EventFilter, EventRow};

use crate::Outcome;

/// Output formats of `dyad events`.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EventsFormat {
    /// Aligned columns.
    Table,
    /// One JSON array, each event with its mentions.
    Json,
    /// Comma-separated values with a header line.
    Csv,
}

/// Arguments of `dyad events`.
#[derive(Args)]
pub struct EventsArgs {
    /// Events whose source or target code starts with CODE (SYR matches SYRGOV).
    #[arg(long, value_name = "CODE")]
    actor: Option<String>,
    /// Events from actor A to actor B (codes by prefix), as A:B.
    #[arg(long, value_name = "A:B")]
    dyad: Option<String>,
    /// Events dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Events dated on or before this date (the whole month or year for partial dates).
    #[arg(long)]
    to: Option<String>,
    /// CAMEO code prefix (04 = consult, 190 = conventional force …).
    #[arg(long, value_name = "ROOT")]
    cameo: Option<String>,
    /// PLOVER event type (CONSULT, ASSAULT …).
    #[arg(long, value_name = "TYPE")]
    plover: Option<String>,
    /// Event status: asserted, negated, planned or hypothetical.
    #[arg(long, value_name = "S")]
    status: Option<String>,
    /// Leave out events whose source is only implied, not named (the police of an
    /// agentless "were arrested"); needs a database written by this version or later.
    #[arg(long)]
    named_source: bool,
    /// Only events reported at least N times.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_mentions: u64,
    /// At most N events.
    #[arg(long, value_name = "N")]
    limit: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: EventsFormat,
    /// The database file (default: $DYAD_DB, else dyad.db).
    #[arg(long)]
    db: Option<PathBuf>,
}

/// An actor code as typed: upper case, letters, digits and dashes only.
pub fn actor_code(code: &str) -> anyhow::Result<String> {
    let code = code.trim().to_ascii_uppercase();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        anyhow::bail!("{code:?} is not an actor code (letters, digits and dashes, as SYRGOV)");
    }
    Ok(code)
}

/// Lists the events.
pub fn run(args: EventsArgs) -> anyhow::Result<Outcome> {
    let dyad = match &args.dyad {
        Some(d) => {
            let (a, b) = d
                .split_once(':')
                .ok_or_else(|| anyhow::anyhow!("--dyad {d:?} is not of the form A:B"))?;
            Some((actor_code(a)?, actor_code(b)?))
        }
        None => None,
    };
    let filter = EventFilter {
        actor: args.actor.as_deref().map(actor_code).transpose()?,
        dyad,
        from: args.from.clone(),
        to: args.to.clone(),
        cameo: args.cameo.clone(),
        plover: args.plover.as_ref().map(|p| p.to_ascii_uppercase()),
        status: args.status.as_ref().map(|s| s.to_ascii_lowercase()),
        named_source: args.named_source,
        min_mentions: args.min_mentions,
        limit: args.limit,
    };
    let store = crate::open_read_only(args.db)?;
    let rows = query::events(store.connection(), &filter)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        EventsFormat::Table => table(&mut out, &rows)?,
        EventsFormat::Csv => csv(&mut out, &rows)?,
        EventsFormat::Json => {
            let mut list = Vec::with_capacity(rows.len());
            for row in &rows {
                let mut v = serde_json::to_value(row)?;
                v["reports"] = serde_json::to_value(query::mentions(store.connection(), row.id)?)?;
                list.push(v);
            }
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(Outcome::Success)
}

fn cells(row: &EventRow) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        opt(&row.date),
        opt(&row.source),
        opt(&row.target),
        row.cameo.clone(),
        opt(&row.plover),
        row.quad_class.map(|q| q.to_string()).unwrap_or_default(),
        row.goldstein.map(|g| format!("{g:.1}")).unwrap_or_default(),
        row.mentions.to_string(),
        row.articles.to_string(),
        row.sources.to_string(),
        opt(&row.country),
        opt(&row.first_report),
        opt(&row.last_report),
    ]
}

const HEADER: [&str; 13] = [
    "date",
    "source",
    "target",
    "cameo",
    "plover",
    "quad",
    "goldstein",
    "mentions",
    "articles",
    "sources",
    "country",
    "first",
    "last",
];

fn table(out: &mut impl Write, rows: &[EventRow]) -> anyhow::Result<()> {
    if rows.is_empty() {
        writeln!(out, "no events")?;
        return Ok(());
    }
    let all: Vec<Vec<String>> = rows.iter().map(cells).collect();
    let widths: Vec<usize> = (0..HEADER.len())
        .map(|i| {
            all.iter()
                .map(|r| r[i].chars().count())
                .chain(std::iter::once(HEADER[i].len()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(
        out,
        "{}",
        line(HEADER.iter().map(|h| h.to_string()).collect())
    )?;
    for row in all {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(out: &mut impl Write, rows: &[EventRow]) -> anyhow::Result<()> {
    writeln!(out, "{}", HEADER.join(","))?;
    for row in rows {
        let line: Vec<String> = cells(row).iter().map(|c| csv_field(c)).collect();
        writeln!(out, "{}", line.join(","))?;
    }
    Ok(())
}
