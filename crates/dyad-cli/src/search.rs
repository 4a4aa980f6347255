//! `dyad search TEXT`: full-text search of the stored articles' titles and texts, best
//! matches first, with the matching passage.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use dyad_store::query;

use crate::Outcome;

/// Arguments of `dyad search`.
#[derive(Args)]
pub struct SearchArgs {
    /// The words to find (all of them; `word*` for a prefix).
    #[arg(required = true)]
    text: Vec<String>,
    /// At most N articles.
    #[arg(long, default_value_t = 10)]
    limit: u64,
    /// The database file (default: $DYAD_DB, else dyad.db).
    #[arg(long)]
    db: Option<PathBuf>,
}

/// Prints the hits.
pub fn run(args: SearchArgs) -> anyhow::Result<Outcome> {
    let store = crate::open_read_only(args.db)?;
    let hits = query::search(store.connection(), &args.text.join(" "), args.limit)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if hits.is_empty() {
        writeln!(out, "no articles match")?;
    }
    for hit in hits {
        writeln!(
            out,
            "{}  {}  {}  {}",
            hit.id,
            hit.published.as_deref().unwrap_or("----------"),
            hit.source.as_deref().unwrap_or("-"),
            hit.title.as_deref().unwrap_or("(no title)")
        )?;
        writeln!(out, "    {}", hit.snippet.replace('\n', " "))?;
    }
    out.flush()?;
    Ok(Outcome::Success)
}
